"""Real-browser fixtures: a real `streamlit run app.py` server with its own INDICATORS_HOME, and
Debian's chromium driven by Playwright (never a downloaded browser).

- `server_home`: a private copy of the built store (override it in a test module to seed other data).
- `app_url`: starts the server on a free port, waits for /_stcore/health, yields the base URL
  ("http://127.0.0.1:PORT"), stops the server (its whole process group) afterwards.
- `browser` / `page`: chromium launched from /usr/bin/chromium (or $CHROMIUM_PATH) with the flags
  that work in containers. Without chromium the tests are skipped locally but FAIL when the
  environment variable CI is set: browser tests must run in CI.

Plotly charts appear 5–6 s after load on two cores: wait on `.js-plotly-plot` with 30 s timeouts
(`PLOT_TIMEOUT_MS`).
"""
from __future__ import annotations

import contextlib

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PLOT_TIMEOUT_MS = 30_000
START_TIMEOUT_S = 60


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _missing(reason: str) -> None:
    """Skip locally; fail in CI, where the browser tests must run."""
    if os.environ.get("CI"):
        pytest.fail(f"{reason} (CI is set: browser tests must run)")
    pytest.skip(reason)


def wait_healthy(url: str, process: subprocess.Popen | None = None,
                 timeout: float = START_TIMEOUT_S) -> None:
    """Polls URL/_stcore/health until it answers "ok"; raises when the server dies or times out."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        time.sleep(0.3)
    raise TimeoutError(f"streamlit did not become healthy at {url} within {timeout} s")


def start_server(home: Path, *, port: int | None = None,
                 extra_env: dict | None = None) -> tuple[subprocess.Popen, str, Path]:
    """Starts the dashboard as `make run` does (`python -m indicators.web`, i.e. `streamlit run
    app.py`) with INDICATORS_HOME=home; returns (process, url, log path)."""
    port = port or _free_port()
    log = Path(home).parent / f"streamlit-{port}.log"
    env = {**os.environ, "INDICATORS_HOME": str(home), "PYTHONUNBUFFERED": "1", **(extra_env or {})}
    command = [sys.executable, "-m", "indicators.web", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none"]
    handle = log.open("wb")
    process = subprocess.Popen(command, cwd=REPO, env=env, stdout=handle, stderr=subprocess.STDOUT,
                               start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        wait_healthy(url, process)
    except Exception:
        stop_server(process)
        raise RuntimeError(f"streamlit failed to start; log:\n{log.read_text(errors='replace')}")
    return process, url, log


def stop_server(process: subprocess.Popen) -> None:
    """Stops the server and its children (it runs in its own process group)."""
    if process.poll() is not None:
        return
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=10)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except ProcessLookupError:
            pass
        process.wait(timeout=5)


@pytest.fixture
def server_home(built_store, tmp_path) -> Path:
    """The server's INDICATORS_HOME: a private copy of the built store."""
    target = tmp_path / "server-home"
    shutil.copytree(built_store, target)
    return target


@pytest.fixture
def server_env() -> dict:
    """Extra environment for the server (override in a test module, e.g. to require login)."""
    return {}


@pytest.fixture
def app_url(server_home, server_env):
    """A real Streamlit server running app.py on a free port; yields its base URL."""
    process, url, _log = start_server(server_home, extra_env=server_env)
    try:
        yield url
    finally:
        stop_server(process)


@pytest.fixture(scope="package")
def browser():
    """Debian's chromium through Playwright (skipped locally when missing, failed in CI).

    One per test package (tests/browser, tests/integration, which imports this fixture): Playwright's
    sync API cannot start a second instance while one is running, so each package's chromium is
    closed before the next package starts its own."""
    if not Path(CHROMIUM).exists():
        _missing(f"chromium not found at {CHROMIUM}")
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        _missing("the playwright Python package is not installed")
    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                              args=CHROMIUM_ARGS)
        try:
            yield instance
        finally:
            instance.close()


@contextlib.contextmanager
def open_page(browser, width: int = 1400, height: int = 1000):
    """A fresh browser context and page of the given size, closed afterwards."""
    context = browser.new_context(viewport={"width": width, "height": height}, locale="sv-SE")
    context.set_default_timeout(PLOT_TIMEOUT_MS)
    try:
        yield context.new_page()
    finally:
        context.close()


@pytest.fixture
def page(browser):
    """A fresh browser context and page (1400×1000), closed after the test."""
    with open_page(browser) as tab:
        yield tab
