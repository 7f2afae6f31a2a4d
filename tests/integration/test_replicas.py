"""Two dashboard processes behind Debian's nginx, started the way `make serve-replicas` starts them
(deploy/serve_replicas.py, with Streamlit's baseUrlPath /trygghet/), on loopback:

- a page loads through nginx in Debian's chromium (its charts need the websocket through nginx);
- each browser sticks to one process: every request it makes, the websocket included, reaches the
  same upstream (nginx's access log names the upstream and the routing key of every request);
- an ingest on the shared INDICATORS_HOME is seen by pages served by both processes, each of which
  had the store open before the ingest.

Bounded: the server script is started with --stop-after, and the fixture stops it in any case.
"""
from __future__ import annotations

import http.cookiejar
import os
import re
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.browser.conftest import PLOT_TIMEOUT_MS, REPO, _free_port, _missing, open_page

pytestmark = [pytest.mark.browser, pytest.mark.slow]

BASE = "/trygghet/"
COOKIE = "indicators_replica"
SCRIPT = REPO / "deploy" / "serve_replicas.py"


def nginx_binary() -> str | None:
    sys.path.insert(0, str(SCRIPT.parent))
    try:
        import serve_replicas
    finally:
        sys.path.pop(0)
    return serve_replicas.nginx_binary()


@pytest.fixture
def replicas(server_home, tmp_path):
    """`deploy/serve_replicas.py` with two processes on one INDICATORS_HOME; yields
    (nginx URL, {port: replica number}, workdir)."""
    if nginx_binary() is None:
        _missing("nginx not found (apt-get install nginx)")
    nginx_port, ports = _free_port(), [_free_port(), _free_port()]
    workdir = tmp_path / "replicas"
    command = [sys.executable, str(SCRIPT), "--base", BASE, "--port", str(nginx_port),
               "--app-ports", ",".join(map(str, ports)), "--home", str(server_home),
               "--workdir", str(workdir), "--stop-after", "420"]
    out = (tmp_path / "serve-replicas.out").open("wb")
    process = subprocess.Popen(command, cwd=REPO, stdout=out, stderr=subprocess.STDOUT,
                               start_new_session=True)
    url = f"http://127.0.0.1:{nginx_port}{BASE}"
    try:
        deadline = time.monotonic() + 150
        while b"ready:" not in (tmp_path / "serve-replicas.out").read_bytes():
            assert process.poll() is None, (tmp_path / "serve-replicas.out").read_text()
            assert time.monotonic() < deadline, "serve_replicas.py did not get ready"
            time.sleep(0.5)
        yield url, ports, workdir
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)      # the script stops its children itself
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait(timeout=5)
        out.close()
    said = (tmp_path / "serve-replicas.out").read_text()
    assert "stopped" in said, said


def routing_keys(url: str, ports: list[int]) -> dict[int, str]:
    """A routing cookie for each process, as nginx hands them out to new browsers."""
    found: dict[int, str] = {}
    for _ in range(60):                       # 2 upstreams: 60 fresh browsers all on one is ~1e-18
        jar = http.cookiejar.CookieJar()
        opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar))
        with opener.open(url, timeout=10) as answer:
            upstream = answer.headers["X-Indicators-Replica"]
        key = next(c.value for c in jar if c.name == COOKIE)
        found.setdefault(int(upstream.rsplit(":", 1)[1]), key)
        if len(found) == len(ports):
            return found
    raise AssertionError(f"nginx sent every new browser to the same process: {found}")


def log_lines(workdir: Path, key: str) -> list[str]:
    return [line for line in (workdir / "access.log").read_text().splitlines()
            if f"key={key} " in line]


def changes_text(page) -> str:
    """The overview's "N nya och M ändrade värden." (or "Inga nya …") line."""
    line = page.get_by_text(re.compile(r"(nya och .* ändrade värden|Inga nya eller ändrade)"))
    line.first.wait_for(timeout=PLOT_TIMEOUT_MS)
    return line.first.inner_text()


def test_two_processes_behind_nginx_keep_each_browser_on_one_and_share_the_store(
        replicas, browser, server_home, tmp_path):
    url, ports, workdir = replicas
    keys = routing_keys(url, ports)
    assert set(keys) == set(ports)

    before: dict[int, str] = {}
    contexts = {}
    try:
        for port, key in keys.items():
            context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
            context.set_default_timeout(PLOT_TIMEOUT_MS)
            context.add_cookies([{"name": COOKIE, "value": key, "url": url}])
            page = context.new_page()
            answer = page.goto(url)
            assert answer.headers["x-indicators-replica"] == f"127.0.0.1:{port}"
            page.wait_for_selector(".js-plotly-plot")          # drawn over the websocket
            before[port] = changes_text(page)
            contexts[port] = (context, page)

        file = tmp_path / "nya värden.csv"
        file.write_bytes("indikator;område;period;värde\r\n"
                         "vald_nara_relation;Eskilstuna kommun;2026;444,4\r\n"
                         "vald_nara_relation;Fröslunda;2026;12,5\r\n".encode("cp1252"))
        done = subprocess.run([sys.executable, "-m", "indicators", "ingest", str(file),
                               "--by", "Replica test"], cwd=REPO, capture_output=True, text=True,
                              env={**os.environ, "INDICATORS_HOME": str(server_home)}, timeout=120)
        assert done.returncode == 0, done.stdout + done.stderr

        for port, (context, page) in contexts.items():
            answer = page.reload()
            assert answer.headers["x-indicators-replica"] == f"127.0.0.1:{port}"
            page.wait_for_selector(".js-plotly-plot")
            page.get_by_text("2 nya och 0 ändrade värden.").wait_for()
            assert changes_text(page) != before[port]
            assert "Traceback" not in page.content()
    finally:
        for context, _page in contexts.values():
            context.close()

    # nginx logs a websocket when it closes: wait for all four (two page loads in each of two
    # browsers), then read where each browser went.
    deadline = time.monotonic() + 15
    while not all(sum("/_stcore/stream" in line for line in log_lines(workdir, key)) >= 2
                  for key in keys.values()):
        assert time.monotonic() < deadline, (workdir / "access.log").read_text()[-3000:]
        time.sleep(0.3)
    for port, key in keys.items():
        lines = log_lines(workdir, key)
        upstreams = {re.search(r"upstream=(\S+)", line)[1] for line in lines}
        assert upstreams == {f"127.0.0.1:{port}"}, lines
        streams = [line for line in lines if "GET /trygghet/_stcore/stream" in line]
        assert len(streams) >= 2 and all('" 101 ' in line for line in streams), streams
        assert any("/static/" in line for line in lines)       # the page's assets came the same way
