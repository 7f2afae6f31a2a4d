"""The store: revisions, revert, rebuild, demo rules and atomic writes with a real DuckDB file."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time

import pytest

from indicators.store import archive
from indicators import store
from indicators.config import REPO_DIR


def csv_bytes(rows, header="indikator;område;period;värde") -> bytes:
    return ("\r\n".join([header, *rows]) + "\r\n").encode("cp1252")


def current(home, indicator="skjutningar", area="froslunda", period="2024-05"):
    with store.connect(home) as con:
        rows = con.execute(
            "SELECT value, is_demo, upload_id FROM observations"
            " WHERE indicator_id = ? AND area_id = ? AND period = ?",
            [indicator, area, period]).fetchall()
    return rows[0] if rows else None


def snapshot(home):
    with store.connect(home) as con:
        obs = con.execute("SELECT * FROM observations ORDER BY ALL").fetchall()
        ups = con.execute("SELECT upload_id, status, row_count FROM uploads ORDER BY ALL").fetchall()
    return obs, ups


def test_the_first_start_builds_reference_and_demo_data_through_ingest(home):
    with store.connect(home) as con:
        kinds = sorted(k for (k,) in con.execute("SELECT kind FROM uploads").fetchall())
        lists = con.execute(
            "SELECT period, value, is_demo FROM observations"
            " WHERE indicator_id = 'omraden_polisens_lista' AND area_id = 'eskilstuna'"
            " ORDER BY period").fetchall()
    assert kinds == ["demo", "demo", "demo", "reference"]  # newest first: events, measures, values
    assert ("2017", None, False) in lists           # unknown stays unknown, never zero
    assert ("2023", 3.0, False) in lists


def test_a_revision_becomes_current_and_revert_restores_the_earlier_value(home):
    first = store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;3"]), "a.csv", by="anna",
                         home=home)
    assert first.ok and first.new == 1 and first.revised == 0
    second = store.ingest(csv_bytes(["skjutningar;froslunda;2024-05;7"]), "b.csv", by="bo",
                          home=home)
    assert second.ok and second.revised == 1
    assert current(home)[0] == 7.0
    assert store.revert(second.upload_id, by="anna", home=home)
    assert current(home)[0] == 3.0
    with store.connect(home) as con:
        history = con.execute(
            "SELECT upload_id, value FROM revisions WHERE indicator_id = 'skjutningar'"
            " AND area_id = 'froslunda' AND period = '2024-05' AND upload_id > 2"
            " ORDER BY upload_id").fetchall()
    assert history == [(first.upload_id, 3.0), (second.upload_id, 7.0)]


def test_reverting_an_unknown_upload_says_so(home):
    assert store.revert(999, by="anna", home=home) is False


def test_real_values_hide_the_demo_values_of_that_indicator_only(home):
    assert current(home)[1] is True  # demo before
    store.ingest(csv_bytes(["skjutningar;Årby;2025-01;2"]), "real.csv", by="anna", home=home)
    with store.connect(home) as con:
        demo_left = con.execute(
            "SELECT count(*) FROM observations WHERE indicator_id = 'skjutningar' AND is_demo"
        ).fetchall()[0][0]
        other_demo = con.execute(
            "SELECT count(*) FROM observations WHERE indicator_id = 'problemindex' AND is_demo"
        ).fetchall()[0][0]
    assert demo_left == 0 and other_demo > 0


def test_demo_remove_hides_all_demo_data_and_restore_brings_it_back(home):
    store.set_demo_hidden(True, home)
    with store.connect(home) as con:
        assert con.execute("SELECT count(*) FROM observations WHERE is_demo").fetchall()[0][0] == 0
    store.set_demo_hidden(False, home)
    with store.connect(home) as con:
        assert con.execute("SELECT count(*) FROM observations WHERE is_demo").fetchall()[0][0] > 0


def test_a_rejected_file_writes_nothing(home):
    before = snapshot(home)
    mtime = store.db_path(home).stat().st_mtime_ns
    outcome = store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;3",
                                      "skjutningar;Atlantis;2024-05;3"]), "bad.csv", by="a",
                           home=home)
    assert not outcome.ok and outcome.upload_id is None
    assert snapshot(home) == before
    assert store.db_path(home).stat().st_mtime_ns == mtime
    assert len(archive.entries(home)) == 4  # the shipped reference file and three demo files


def test_rebuild_from_the_archive_reproduces_the_same_observations(home):
    a = store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;3"]), "a.csv", by="a", home=home)
    store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;8", "skjutningar;Nyfors;2024-06;1"]),
                 "b.csv", by="b", home=home)
    c = store.ingest(csv_bytes(["problemindex;Centrum;2024;2,5"]), "c.csv", by="c", home=home)
    store.revert(c.upload_id, by="c", home=home)
    store.set_demo_hidden(True, home)
    before = snapshot(home)
    store.db_path(home).unlink()
    assert store.rebuild(home) == []
    assert snapshot(home) == before
    assert a.upload_id in {u.upload_id for u in store.uploads(store.connect(home))}


def test_the_archive_never_writes_outside_the_store_folder(home, tmp_path):
    outcome = store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;3"]), "../../x.csv",
                           by="a", home=home)
    assert outcome.ok
    assert not (tmp_path / "x.csv").exists() and not (home.parent.parent / "x.csv").exists()
    folder = archive.folder(home, outcome.upload_id)
    assert (folder / "original.csv").read_bytes().startswith(b"indikator")
    assert store.uploads(store.connect(home))[0].file_name == "x.csv"


def test_a_reader_holding_the_store_does_not_block_an_ingest_in_another_process(home):
    reader = store.connect(home)
    before = reader.execute("SELECT count(*) FROM uploads").fetchall()[0][0]
    path = home / "new.csv"
    path.write_bytes(csv_bytes(["skjutningar;Fröslunda;2024-05;4"]))
    done = subprocess.run([sys.executable, "-m", "indicators", "ingest", str(path)],
                          cwd=REPO_DIR, env={**os.environ, "INDICATORS_HOME": str(home)},
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    # the open reader keeps its consistent old version; a new reader sees the new one
    assert reader.execute("SELECT count(*) FROM uploads").fetchall()[0][0] == before
    assert current(home)[0] == 4.0
    reader.close()


def test_two_ingests_at_the_same_time_both_land(home):
    procs = []
    for i, value in enumerate((5, 6)):
        path = home / f"f{i}.csv"
        path.write_bytes(csv_bytes([f"skjutningar;Nyfors;2024-0{i + 1};{value}"]))
        procs.append(subprocess.Popen(
            [sys.executable, "-m", "indicators", "ingest", str(path)], cwd=REPO_DIR,
            env={**os.environ, "INDICATORS_HOME": str(home)}, stdout=subprocess.PIPE,
            stderr=subprocess.PIPE))
    assert [p.wait(timeout=120) for p in procs] == [0, 0]
    assert current(home, area="nyfors", period="2024-01")[0] == 5.0
    assert current(home, area="nyfors", period="2024-02")[0] == 6.0
    assert len(store.uploads(store.connect(home))) == 6  # four shipped files and the two ingests




@pytest.mark.slow
def test_an_ingest_killed_half_way_leaves_the_store_readable_and_unchanged(home):
    before = snapshot(home)
    big = home / "big.csv"
    rows = [f"skjutningar;{a};{y}-{m:02d};{(y + m) % 9}"
            for a in ("Fröslunda", "Skiftinge", "Årby", "Lagersberg", "Nyfors", "Centrum",
                      "Ärsta", "Torshälla", "Råbergstorp")
            for y in range(2019, 2027) for m in range(1, 13)]
    big.write_bytes(csv_bytes(rows))
    proc = subprocess.Popen([sys.executable, "-m", "indicators", "ingest", str(big)],
                            cwd=REPO_DIR, env={**os.environ, "INDICATORS_HOME": str(home)},
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not list(home.glob(".indicators.duckdb.*")) and time.monotonic() < deadline:
        time.sleep(0.002)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    assert proc.returncode == -signal.SIGKILL
    assert snapshot(home) == before                      # readable and unchanged
    after = store.ingest(csv_bytes(["skjutningar;Fröslunda;2024-05;2"]), "next.csv", by="a",
                         home=home)
    assert after.ok and after.upload_id == 5             # the next writer carries on (4 shipped files)
    assert not list(home.glob(".indicators.duckdb.*"))   # and cleans up the stale copy
    assert sorted(e.upload_id for e in archive.entries(home)) == [1, 2, 3, 4, 5]


def test_a_connection_can_bound_its_memory_and_spill_into_the_store_folder(home):
    con = store.connect(home, memory_limit_mb=100)
    settings = dict(con.execute("SELECT name, value FROM duckdb_settings()"
                                " WHERE name IN ('memory_limit', 'temp_directory')").fetchall())
    assert settings["memory_limit"].startswith(("95", "100", "104"))   # DuckDB writes MiB/MB its way
    assert settings["temp_directory"] == str(home / "spill")
    assert con.execute("SELECT count(*) FROM observations").fetchall()[0][0] > 0


def test_an_ingest_with_bounded_memory_stores_the_same_values(home):
    rows = "".join(f"skjutningar;Årby;20{y}-{m:02d};{m}\r\n" for y in (20, 21) for m in range(1, 13))
    outcome = store.ingest(("indikator;område;period;värde\r\n" + rows).encode("cp1252"), "b.csv",
                           by="test", home=home, memory_limit_mb=64)
    assert outcome.ok and outcome.new == 24
