"""The press pack's images: one PNG per chart, 1920×1080 for screens and 1080×1080 for social media.

Drawn by kaleido 1.x with the system's Chromium (Debian's /usr/bin/chromium; BROWSER_PATH
overrides). kaleido never downloads a browser here: when none is found, `PngUnavailable` says so in
the user's language and the rest of the press pack is still made.
"""
from __future__ import annotations

import atexit
import os
import shutil

from indicators import config, i18n
from indicators.present.slide_figures import figure
from indicators.present.slides import Slide

SIZES = {"1920x1080": (1920, 1080), "1080x1080": (1080, 1080)}
_BROWSERS = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable", "chrome")
_started = False
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


def _start() -> None:
    global _started
    if _started:
        return
    import kaleido

    real = browser()
    if real and not config.browser_path():  # keep the browser off the network
        os.environ["INDICATORS_REAL_CHROMIUM"] = real
        os.environ["BROWSER_PATH"] = str(OFFLINE_WRAPPER)
    kaleido.start_sync_server(silence_warnings=True)  # once per process: 0.3 s an image, not 4 s
    _started = True
    atexit.register(stop)


def stop() -> None:
    """Closes the browser kaleido keeps open (at exit, so Chromium is not left to die noisily)."""
    global _started
    if _started:
        import kaleido

        kaleido.stop_sync_server(silence_warnings=True)
        _started = False


def png_files(slides: list[Slide], lang: str) -> dict[str, bytes]:
    """{file name: PNG bytes} for every slide with a chart, in both sizes.

    Raises PngUnavailable with a message for the user when no browser can draw them.
    """
    if browser() is None:
        raise PngUnavailable(i18n.t("present.pack.no_browser", lang))
    import warnings

    _start()
    files: dict[str, bytes] = {}
    try:
        for n, slide in enumerate(slides, start=1):
            for label, (width, height) in SIZES.items():
                fig = figure(slide, standalone=True, width=width, height=height)
                if fig is None:
                    continue
                name = f"{n:02d}-{slide.key.replace(':', '-')}-{label}.png"
                with warnings.catch_warnings():
                    warnings.simplefilter("ignore")
                    files[name] = fig.to_image(format="png", width=width, height=height, scale=1)
    except PngUnavailable:
        raise
    except Exception as error:  # kaleido/choreographer errors: browser missing, crashed, timed out
        text = str(error).splitlines()[0] if str(error) else type(error).__name__
        if "chrome" in text.lower() or "browser" in text.lower():
            raise PngUnavailable(i18n.t("present.pack.no_browser", lang)) from error
        raise PngUnavailable(i18n.t("present.pack.png_failed", lang, error=text)) from error
    return files
