"""Many viewers at once: rerun times per page under N concurrent sessions, against a trivial page.

    python benchmarks/load.py [--sessions 1 10 30] [--reruns 2] [--pages oversikt ...]

Starts, on loopback only, the dashboard (`python -m indicators.web`, its own INDICATORS_HOME built
from the shipped data) and a trivial Streamlit app with one 100-point plotly chart, both on free
ports. For each N, N sessions open each page over Streamlit's own websocket protocol (as a browser
does: BackMsg rerun_script, ForwardMsg until script_finished) and rerun it; the median and p95 of
the rerun times are printed beside the trivial page's in the same run, with the ratio. Then, while
30 sessions rerun the overview, an analyst ingests a file through the CLI: any session that sees an
exception element is counted. The server's peak memory (VmHWM) is read from /proc. Every request
loop is bounded in count and time; the servers are stopped at the end.
"""
from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TRIVIAL_APP = '''
import plotly.graph_objects as go
import streamlit as st
st.title("Trivial")
st.plotly_chart(go.Figure(go.Scatter(x=list(range(100)), y=[i % 7 for i in range(100)])))
'''
TIMEOUT = 120.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start(command: list[str], port: int, env: dict) -> subprocess.Popen:
    process = subprocess.Popen(command + ["--server.port", str(port), "--server.address", "127.0.0.1",
                                          "--server.headless", "true", "--browser.gatherUsageStats", "false"],
                               cwd=REPO, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + TIMEOUT
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return process
        except OSError:
            time.sleep(0.3)
    process.kill()
    raise SystemExit(f"server on port {port} did not start")


async def one_session(port: int, page: str, reruns: int) -> tuple[list[float], int]:
    """Rerun times (s) of one session and how many exception elements it saw."""
    import websockets
    from streamlit.proto.BackMsg_pb2 import BackMsg
    from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

    times, errors = [], 0
    async with websockets.connect(f"ws://127.0.0.1:{port}/_stcore/stream", subprotocols=["streamlit"],
                                  max_size=None, open_timeout=TIMEOUT) as ws:
        for _ in range(reruns):
            back = BackMsg()
            back.rerun_script.query_string = ""
            back.rerun_script.page_name = page
            started = time.perf_counter()
            await ws.send(back.SerializeToString())
            while True:
                message = ForwardMsg()
                message.ParseFromString(await asyncio.wait_for(ws.recv(), TIMEOUT))
                kind = message.WhichOneof("type")
                if kind == "delta" and message.delta.WhichOneof("type") == "new_element" \
                        and message.delta.new_element.WhichOneof("type") == "exception":
                    errors += 1
                if kind == "script_finished":
                    break
            times.append(time.perf_counter() - started)
    return times, errors


async def many(port: int, page: str, sessions: int, reruns: int) -> tuple[list[float], int]:
    results = await asyncio.gather(*(one_session(port, page, reruns) for _ in range(sessions)))
    return [t for times, _ in results for t in times], sum(e for _, e in results)


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(0.95 * (len(ordered) - 1))))]


def vm_hwm_mb(pid: int) -> float:
    with open(f"/proc/{pid}/status") as handle:
        for line in handle:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sessions", type=int, nargs="+", default=[1, 10, 30])
    parser.add_argument("--reruns", type=int, default=2)
    parser.add_argument("--pages", nargs="+", default=["oversikt", "skjutningar-grovt-vald", "indikator",
                                                       "omraden", "atgarder"])
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="indicators-load-"))
    home = work / "home"
    env = {**os.environ, "INDICATORS_HOME": str(home), "PYTHONPATH": str(REPO)}
    subprocess.run([sys.executable, "-m", "indicators", "history"], env=env, cwd=REPO, check=True,
                   stdout=subprocess.DEVNULL)
    (work / "trivial.py").write_text(TRIVIAL_APP)
    app_port, trivial_port = free_port(), free_port()
    app = start([sys.executable, "-m", "indicators.web"], app_port, env)
    trivial = start([sys.executable, "-m", "streamlit", "run", str(work / "trivial.py")], trivial_port, env)
    try:
        rows = []
        for n in args.sessions:
            base, _ = asyncio.run(many(trivial_port, "", n, args.reruns))
            for page in args.pages:
                times, errors = asyncio.run(many(app_port, page, n, args.reruns))
                rows.append((n, page, statistics.median(times), p95(times), statistics.median(base), p95(base),
                             p95(times) / p95(base), errors))
        print(f"{'N':>3}  {'page':<24} {'median':>7} {'p95':>7}  {'trivial p95':>11}  {'ratio p95':>9}  errors")
        for n, page, med, high, bmed, bhigh, ratio, errors in rows:
            print(f"{n:>3}  {page:<24} {med:7.2f} {high:7.2f}  {bhigh:11.2f}  {ratio:9.2f}  {errors}")
        data = work / "upload.csv"
        data.write_bytes("indikator;område;period;värde\r\n".encode("cp1252") + b"".join(
            f"skjutningar;arby;{2000 + i // 12}-{i % 12 + 1:02d};1\r\n".encode() for i in range(300)))

        async def during_ingest() -> tuple[list[float], int, int]:
            loop = asyncio.get_running_loop()
            ingest = loop.run_in_executor(None, lambda: subprocess.run(
                [sys.executable, "-m", "indicators", "ingest", str(data)], env=env, cwd=REPO,
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode)
            times, errors = await many(app_port, "oversikt", 30, args.reruns)
            return times, errors, await ingest

        times, errors, code = asyncio.run(during_ingest())
        print(f"\nwhile an analyst ingests (exit {code}): 30 sessions on oversikt, p95 {p95(times):.2f} s,"
              f" sessions with an error: {errors}")
        print(f"server peak memory (VmHWM): dashboard {vm_hwm_mb(app.pid):.0f} MB, trivial {vm_hwm_mb(trivial.pid):.0f} MB")
    finally:
        for process in (app, trivial):
            process.terminate()
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
