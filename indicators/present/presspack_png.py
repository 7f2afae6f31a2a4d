"""The press pack's images: one PNG per chart, 1920×1080 for screens and 1080×1080 for social media.

Drawn by kaleido 1.x with the system's Chromium (Debian's /usr/bin/chromium; BROWSER_PATH
overrides). kaleido never downloads a browser here: when none is found, `PngUnavailable` says so in
the user's language and the rest of the press pack is still made.
"""
from __future__ import annotations

import os
import shutil

from indicators import config, i18n
from indicators.present.slide_figures import figure
from indicators.present.slides import Slide

SIZES = {"1920x1080": (1920, 1080), "1080x1080": (1080, 1080)}
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
OFFLINE_WRAPPER = config.REPO_DIR / "bin" / "chromium-offline"


class PngUnavailable(RuntimeError):
    """No PNGs could be drawn; str() is a message for the user."""


def browser() -> str | None:
    """The browser kaleido will use: $BROWSER_PATH when it exists, else one on the PATH."""
    chosen = config.browser_path()
    if chosen:
        return chosen if os.path.exists(chosen) else None
    for name in _BROWSERS:
        found = shutil.which(name)
        if found:
            return found
    return None


START_SECONDS = 60.0   # for the browser to start (two cores, a cold disk)
IMAGE_SECONDS = 20.0   # for each image after that


def png_files(slides: list[Slide], lang: str) -> dict[str, bytes]:
    """{file name: PNG bytes} for every slide with a chart, in both sizes.

    The images are drawn by a worker process (png_worker) with a time limit: START_SECONDS plus
    IMAGE_SECONDS an image. A browser that never answers, crashes or is missing raises PngUnavailable
    with a message for the user, and the worker and every process it started are ended; the rest of
    the press pack is still made.
    """
    if browser() is None:
        raise PngUnavailable(i18n.t("present.pack.no_browser", lang))
    jobs = []
    for n, slide in enumerate(slides, start=1):
        for label, (width, height) in SIZES.items():
            fig = figure(slide, standalone=True, width=width, height=height)
            if fig is not None:
                jobs.append({"name": f"{n:02d}-{slide.key.replace(':', '-')}-{label}.png",
                             "figure": fig.to_json(), "width": width, "height": height})
    if not jobs:
        return {}
    return _draw(jobs, START_SECONDS + IMAGE_SECONDS * len(jobs), lang)


def _draw(jobs: list[dict], seconds: float, lang: str) -> dict[str, bytes]:
    import base64
    import json
    import signal
    import subprocess
    import sys

    real = browser()
    env = config.child_environment(  # keep the browser off the network
        **({"INDICATORS_REAL_CHROMIUM": real, "BROWSER_PATH": str(OFFLINE_WRAPPER)}
           if real and not config.browser_path() else {}))
    worker = subprocess.Popen([sys.executable, "-m", "indicators.present.png_worker"], env=env,
                              cwd=str(config.REPO_DIR), stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, start_new_session=True)
    try:
        out, err = worker.communicate(json.dumps(jobs).encode("utf-8"), timeout=seconds)
    except subprocess.TimeoutExpired:
        _end(worker, signal)
        raise PngUnavailable(i18n.t("present.pack.png_timeout", lang, seconds=int(seconds))) from None
    finally:
        _end(worker, signal)
    files = {}
    for line in out.decode("ascii", "replace").splitlines():
        name, _, data = line.partition("\t")
        if data:
            files[name] = base64.b64decode(data)
    if worker.returncode != 0 or len(files) != len(jobs):
        text = (err.decode("utf-8", "replace").strip().splitlines() or [f"exit {worker.returncode}"])[-1]
        if "chrome" in text.lower() or "browser" in text.lower():
            raise PngUnavailable(i18n.t("present.pack.no_browser", lang))
        raise PngUnavailable(i18n.t("present.pack.png_failed", lang, error=text[:200]))
    return files


def _end(worker, signal) -> None:
    """Ends the worker and everything it started, if still running. The browser kaleido starts runs
    in a session of its own, so the worker's process tree is collected first and every member
    killed (a process group would miss it)."""
    for pid in [*_descendants(worker.pid), worker.pid]:
        try:
            os.kill(pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
    try:
        worker.wait(timeout=10)
    except Exception:  # noqa: BLE001 - nothing more to do for a process that will not die
        pass


def _descendants(pid: int) -> list[int]:
    """Every process below `pid`, from /proc (children first)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat", "rb") as handle:
                    parent = int(handle.read().rsplit(b")", 1)[1].split()[1])
            except (OSError, ValueError, IndexError):
                continue
            children.setdefault(parent, []).append(int(entry))
    found, todo = [], [pid]
    while todo:
        for child in children.get(todo.pop(), []):
            found.append(child)
            todo.append(child)
    return found[::-1]
