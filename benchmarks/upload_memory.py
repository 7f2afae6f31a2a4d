"""Memory of an upload through the real page against the command line (issue 10, item 12).

Starts a real dashboard (`python -m indicators.web` on a free loopback port, its own
INDICATORS_HOME and a catalog with --areas extra areas so a big file can be valid), logs in as an
analyst in Debian's chromium (Playwright), drops a generated Swedish Excel export of about --mb MB
on *Ladda upp*, waits for the preview, saves it, and closes the tab; then does the same with a
second file that revises every value. For each upload it reads the server process's peak resident
memory (VmHWM in /proc/PID/status, reset through /proc/PID/clear_refs before each upload) and its
resident memory (VmRSS) some seconds after the tab closed. The command line does the same upload
with `python -m indicators ingest` in a fresh process (its peak from wait4's ru_maxrss).

Goals: the page's peak no more than 1.5x the command line's; memory back near its idle level after
the tab closes.

    python benchmarks/upload_memory.py [--mb 40] [--areas 5000] [--uploads 2] [--settle 70]
                                       [--session-ttl 10]
                                       [--repo CHECKOUT]

--repo measures another checkout (e.g. an older commit in a git worktree) with this script.
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from ingest_benchmark import big_file  # noqa: E402

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
USER, PASSWORD = "bench", "ett långt lösenord för mätningen"
BYTES_PER_ROW = 46   # "skjutningar;Statistikområde 00001;2019-01;3\r\n"


# --- files -------------------------------------------------------------------------------------

def catalog_with_areas(repo: Path, folder: Path, areas: int) -> Path:
    shutil.copytree(repo / "data" / "catalog", folder)
    with (folder / "areas.csv").open("a", encoding="utf-8", newline="") as handle:
        for i in range(1, areas + 1):
            handle.write(f"sa{i:05d},Statistikområde {i:05d},område\n")
    return folder


def export(path: Path, megabytes: float, areas: int, shift: int = 0) -> int:
    """A cp1252 ';' decimal-comma CRLF export of about `megabytes` MB with unique keys (the ingest
    benchmark's file); `shift` changes every value (a second file that revises the first)."""
    return big_file(path, int(megabytes * 1e6 / BYTES_PER_ROW), areas, shift=shift)


# --- processes and memory ----------------------------------------------------------------------

def status(pid: int) -> dict[str, int]:
    """VmRSS and VmHWM of a process, in MiB."""
    found = {}
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        name, _, value = line.partition(":")
        if name in ("VmRSS", "VmHWM"):
            found[name] = int(value.split()[0]) // 1024
    return found


def reset_peak(pid: int) -> None:
    """Resets VmHWM to the current RSS (Linux: echo 5 > /proc/PID/clear_refs)."""
    Path(f"/proc/{pid}/clear_refs").write_text("5")


def run(command: list[str], env: dict, repo: Path, stdin: str | None = None) -> None:
    done = subprocess.run(command, env=env, cwd=repo, input=stdin, text=True, capture_output=True)
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")


def cli_ingest(files: list[Path], env: dict, repo: Path) -> list[tuple[int, float]]:
    """(peak MiB, seconds) of `python -m indicators ingest` for each file, one after the other."""
    figures = []
    for path in files:
        start = time.perf_counter()
        process = subprocess.Popen([sys.executable, "-m", "indicators", "ingest", str(path),
                                    "--by", "bench"], env=env, cwd=repo,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        _pid, code, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - start
        if code != 0:
            raise SystemExit(f"CLI ingest failed: {process.stderr.read().decode(errors='replace')}")
        figures.append((usage.ru_maxrss // 1024, seconds))
    return figures


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def start_server(env: dict, repo: Path, log: Path, session_ttl: float) -> tuple[subprocess.Popen, str]:
    port = free_port()
    command = [sys.executable, "-m", "indicators.web", "--server.headless", "true",
               "--server.port", str(port), "--server.address", "127.0.0.1",
               "--browser.gatherUsageStats", "false", "--server.fileWatcherType", "none",
               "--server.disconnectedSessionTTL", str(int(session_ttl))]
    process = subprocess.Popen(command, env=env, cwd=repo, stdout=log.open("wb"),
                               stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 90
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the server exited:\n{log.read_text(errors='replace')}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2):
                return process, url
        except OSError:
            time.sleep(0.3)
    raise SystemExit("the server did not start")


def stop(process: subprocess.Popen) -> None:
    import signal
    try:
        os.killpg(process.pid, signal.SIGTERM)
        process.wait(timeout=15)
    except (ProcessLookupError, subprocess.TimeoutExpired):
        os.killpg(process.pid, signal.SIGKILL)


# --- the page ----------------------------------------------------------------------------------

def page_upload(browser, url: str, path: Path, pid: int, settle: float, work: Path,
                save_it: bool = True) -> dict[str, float]:
    """One analyst session: log in, drop the file, wait for the preview, save (unless not
    `save_it`: the analyst closes the tab on the preview), close the tab."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000}, locale="sv-SE")
    context.set_default_timeout(300_000)
    page = context.new_page()
    try:
        return _session(context, page, url, path, pid, settle, save_it)
    except Exception:
        page.screenshot(path=str(work / f"failed-{path.stem}.png"), full_page=True)
        raise


def _session(context, page, url: str, path: Path, pid: int, settle: float,
             save_it: bool) -> dict[str, float]:
    page.goto(url + "/ladda-upp")
    sidebar = page.get_by_test_id("stSidebar")
    sidebar.get_by_text("Språk").wait_for()
    page.get_by_role("heading", name="Ladda upp data").wait_for()   # the page has run once
    if not sidebar.get_by_label("Användarnamn").is_visible():
        sidebar.get_by_test_id("stExpander").locator("summary").click()
    sidebar.get_by_label("Användarnamn").fill(USER)
    sidebar.get_by_label("Lösenord", exact=True).fill(PASSWORD)
    sidebar.get_by_role("button", name="Logga in").click()
    sidebar.get_by_role("button", name="Logga ut").wait_for()
    drop = page.locator("[data-testid='stFileUploaderDropzoneInput']")
    drop.wait_for(state="attached")
    time.sleep(1)
    before = status(pid)["VmRSS"]
    reset_peak(pid)
    start = time.perf_counter()
    drop.set_input_files(str(path))
    save = page.get_by_role("button", name=re.compile(f"Spara {re.escape(path.name)}"))
    save.wait_for()
    preview_seconds = time.perf_counter() - start
    preview_peak = status(pid)["VmHWM"]
    if save_it:
        save.click()
        page.get_by_text(re.compile(r"Sparad som inläsning #\d+")).wait_for()
    saved_seconds = time.perf_counter() - start
    figures = status(pid)
    context.close()
    time.sleep(settle)
    return {"before": before, "preview_peak": preview_peak, "peak": figures["VmHWM"],
            "after_save": figures["VmRSS"], "after_close": status(pid)["VmRSS"],
            "preview_s": preview_seconds, "saved_s": saved_seconds}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--mb", type=float, default=40)
    parser.add_argument("--areas", type=int, default=5000)
    parser.add_argument("--uploads", type=int, default=2)
    parser.add_argument("--settle", type=float, default=70, help="seconds after a tab closes")
    parser.add_argument("--session-ttl", type=float, default=10,
                        help="server.disconnectedSessionTTL: how long a closed tab's session is kept "
                             "for reconnection (Streamlit's default 120 s; shorter so the run is short)")
    parser.add_argument("--repo", type=Path, default=HERE.parent, help="the checkout to measure")
    parser.add_argument("--keep", help="keep the work folder here")
    args = parser.parse_args()
    repo = args.repo.resolve()
    from playwright.sync_api import sync_playwright

    work = Path(args.keep or tempfile.mkdtemp(prefix="indicators-memory-"))
    work.mkdir(parents=True, exist_ok=True)
    catalog = catalog_with_areas(repo, work / "catalog", args.areas)
    files = []
    for n in range(args.uploads):
        path = work / f"export_{n + 1}.csv"
        rows = export(path, args.mb, args.areas, shift=n)
        files.append(path)
    env = {**os.environ, "INDICATORS_CATALOG": str(catalog), "PYTHONUNBUFFERED": "1"}
    env.pop("INDICATORS_ACCOUNTS", None)
    base = work / "store-base"
    run([sys.executable, "-m", "indicators", "history"], {**env, "INDICATORS_HOME": str(base)}, repo)

    cli_home = work / "store-cli"
    shutil.copytree(base, cli_home)
    tiny = work / "tiny.csv"        # the command line's own footprint: the same code, one row
    tiny.write_bytes("Indikator;Område;Period;Värde\r\nskjutningar;Årby;2019-01;1\r\n".encode("cp1252"))
    cli_base = cli_ingest([tiny], {**env, "INDICATORS_HOME": str(work / "store-tiny")}, repo)[0][0]
    cli = cli_ingest(files, {**env, "INDICATORS_HOME": str(cli_home)}, repo)

    web_home = work / "store-web"
    shutil.copytree(base, web_home)
    web_env = {**env, "INDICATORS_HOME": str(web_home)}
    run([sys.executable, "-m", "indicators", "user", "add", USER, "--name", "Bench",
         "--role", "analyst", "--password-stdin"], web_env, repo, stdin=PASSWORD + "\n")
    process, url = start_server(web_env, repo, work / "server.log", args.session_ttl)
    try:
        time.sleep(2)
        idle = status(process.pid)["VmRSS"]
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True,
                                                 args=CHROMIUM_ARGS)
            try:
                page = [page_upload(browser, url, path, process.pid, args.settle, work) for path in files]
                unsaved = page_upload(browser, url, files[0], process.pid, args.settle, work,
                                      save_it=False)
            except Exception:
                log = (work / "server.log").read_text(errors="replace")
                print(f"failed; screenshot in {work}; server log ends:\n{log[-4000:]}", file=sys.stderr)
                args.keep = str(work)
                raise
            finally:
                browser.close()
        final = status(process.pid)["VmRSS"]
    finally:
        stop(process)

    size = files[0].stat().st_size / 1e6
    print(f"checkout: {repo} ({_commit(repo)})")
    print(f"file: {rows:,} rows, {size:.1f} MB (cp1252, ';', decimal comma); catalog +{args.areas:,} areas")
    print(f"server idle after start: {idle} MiB; command line with a one-row file: {cli_base} MiB")
    for n, (figures, (cli_peak, cli_seconds)) in enumerate(zip(page, cli), start=1):
        page_delta, cli_delta = figures["peak"] - figures["before"], cli_peak - cli_base
        print(f"upload {n}: CLI peak {cli_peak} MiB ({cli_seconds:.1f} s) | page: before {figures['before']} MiB, "
              f"peak at preview {figures['preview_peak']} MiB, peak {figures['peak']} MiB "
              f"({figures['saved_s']:.1f} s to saved), after save {figures['after_save']} MiB, "
              f"{args.settle:.0f} s after the tab closed {figures['after_close']} MiB | "
              f"page peak / CLI peak = {figures['peak'] / cli_peak:.2f}x (goal <= 1.5); "
              f"what the upload added: page {page_delta} MiB, CLI {cli_delta} MiB "
              f"({page_delta / max(1, cli_delta):.2f}x)")
    print(f"a file dropped and never saved: before {unsaved['before']} MiB, peak at preview "
          f"{unsaved['preview_peak']} MiB, {args.settle:.0f} s after the tab closed "
          f"{unsaved['after_close']} MiB")
    print(f"server at the end: {final} MiB (idle was {idle} MiB: +{final - idle} MiB)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


def _commit(repo: Path) -> str:
    done = subprocess.run(["git", "-C", str(repo), "log", "-1", "--format=%h %s"],
                          capture_output=True, text=True)
    return done.stdout.strip()[:70] or "?"


if __name__ == "__main__":
    main()
