"""A process holding the store file read-write (the DuckDB CLI without -readonly) must not put a
traceback on every page: the pages read the last version written whole and say so."""
import subprocess
import sys

from streamlit.testing.v1 import AppTest

from indicators import store

from .conftest import REPO


def page_test(_name):
    """The frame with its default page (the overview), as a visitor opens the dashboard."""
    return AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()


def test_pages_keep_serving_with_a_notice_while_another_process_holds_the_file(home):
    holder = subprocess.Popen([sys.executable, "-c", "import duckdb, sys, time; con = duckdb.connect(sys.argv[1]);"
                               " print('held', flush=True); time.sleep(120)", str(store.db_path(home))],
                              stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout.readline().strip() == "held"
        at = page_test("app.py")
        assert not at.exception
        assert any("hålls öppen för skrivning" in w.value for w in at.warning)
        assert at.get("plotly_chart")  # the overview's charts are drawn from the snapshot
    finally:
        holder.kill()
        holder.wait()


def test_no_notice_when_nobody_else_holds_the_file(home):
    at = page_test("app.py")
    assert not at.exception
    assert not any("hålls öppen för skrivning" in w.value for w in at.warning)


def test_the_server_does_not_keep_replaced_store_files_open(home):
    import os

    from indicators.web import data

    def deleted_store_files():
        found = []
        for fd in os.listdir("/proc/self/fd"):
            try:
                target = os.readlink(f"/proc/self/fd/{fd}")
            except OSError:
                continue
            if target.startswith(str(home)) and target.endswith("(deleted)"):
                found.append(target)
        return found

    for n in range(5):
        data_csv = f"indikator;område;period;värde\r\nskjutningar;arby;2024-0{n + 1};{n}\r\n".encode("cp1252")
        assert store.ingest(data_csv, f"f{n}.csv", by="test", home=home).ok
        data.cursor(data.version()).execute("SELECT count(*) FROM observations").fetchall()
    assert len(deleted_store_files()) <= data.KEEP_OPEN - 1  # only the version before the current one
