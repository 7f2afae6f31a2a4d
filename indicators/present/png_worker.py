"""`python -m indicators.present.png_worker`: draws PNGs in a process of its own.

Reads a JSON list of {"name", "figure" (plotly JSON), "width", "height"} on standard input and
writes one line per image on standard output: `name<TAB>base64 PNG`. It runs apart from the server
or the CLI so that a browser that never answers can be stopped by ending this process (with every
process it started): kaleido's own calls have no time limit.
"""
from __future__ import annotations

import base64
import json
import sys
import warnings


def main() -> int:
    import kaleido
    import plotly.io as pio

    jobs = json.loads(sys.stdin.read() or "[]")
    kaleido.start_sync_server(silence_warnings=True)  # once: 0.3 s an image instead of 4 s
    try:
        for job in jobs:
            figure = pio.from_json(job["figure"])
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                data = figure.to_image(format="png", width=job["width"], height=job["height"], scale=1)
            sys.stdout.write(f"{job['name']}\t{base64.b64encode(data).decode('ascii')}\n")
            sys.stdout.flush()
    finally:
        kaleido.stop_sync_server(silence_warnings=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
