"""A writer killed at any point leaves a store that opens, holds the state before or after, and
that `rebuild` reproduces exactly (issue 10: the archive and the database agree after any kill)."""
import os
import random
import signal
import subprocess
import sys
import time

import pytest

from indicators import store
from indicators.store import atomic
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))


def _snapshot(home):
    with store.connect(home) as con:
        observations = con.execute(
            "SELECT indicator_id, area_id, period, value, is_demo, upload_id FROM observations ORDER BY ALL").fetchall()
        uploads = con.execute("SELECT upload_id, status, kind, row_count FROM uploads ORDER BY upload_id").fetchall()
    return observations, uploads


def _cli(home, *args, kill_at=None):
    env = {**os.environ, "INDICATORS_HOME": str(home), "PYTHONPATH": REPO}
    env.pop(atomic.KILL_AT, None)
    if kill_at:
        env[atomic.KILL_AT] = kill_at
    return subprocess.run([sys.executable, "-m", "indicators", *args], env=env, capture_output=True,
                          timeout=120, cwd=REPO)


def _file(tmp_path, rows=50, value="7"):
    path = tmp_path / f"upload-{rows}-{value}.csv"
    path.write_bytes(export.semicolon_cp1252([HEADER_SV] + [
        ["otrygghet_kvall", "arby", str(1940 + i), value] for i in range(rows)]))
    return path


def _assert_consistent(home, allowed):
    now = _snapshot(home)  # the store opens
    assert now in allowed, "neither the state before nor after"
    store.rebuild(home)
    assert _snapshot(home) == now, "rebuild did not reproduce the committed state"
    return now


@pytest.mark.slow
@pytest.mark.parametrize("point", ["ingest:before-swap", "swap:before"])
def test_an_ingest_killed_before_its_swap_leaves_the_state_before(home, tmp_path, point):
    before = _snapshot(home)
    result = _cli(home, "ingest", str(_file(tmp_path)), kill_at=point)
    assert result.returncode == -signal.SIGKILL
    assert _assert_consistent(home, [before]) == before
    assert _cli(home, "ingest", str(_file(tmp_path))).returncode == 0  # and the next writer works


@pytest.mark.slow
def test_a_revert_killed_just_after_its_swap_stays_reverted_after_rebuild(home, tmp_path):
    assert _cli(home, "ingest", str(_file(tmp_path))).returncode == 0
    upload_id = max(u[0] for u in _snapshot(home)[1])
    assert _cli(home, "revert", str(upload_id), kill_at="revert:after-swap").returncode == -signal.SIGKILL
    after = _snapshot(home)
    assert dict((u[0], u[1]) for u in after[1])[upload_id] == "reverted"
    assert _assert_consistent(home, [after]) == after


@pytest.mark.slow
@pytest.mark.parametrize("command", ["remove", "restore"])
def test_demo_toggling_killed_just_after_its_swap_survives_rebuild(home, command):
    if command == "restore":
        assert _cli(home, "demo", "remove").returncode == 0
    assert _cli(home, "demo", command, kill_at="demo:after-swap").returncode == -signal.SIGKILL
    after = _snapshot(home)
    assert any(row[4] for row in after[0]) == (command == "restore")
    assert _assert_consistent(home, [after]) == after


@pytest.mark.slow
def test_writers_killed_at_random_moments_always_leave_a_consistent_store(home, tmp_path):
    rng = random.Random(20261130)
    big = _file(tmp_path, rows=60_000 // 60, value="9")
    env = {**os.environ, "INDICATORS_HOME": str(home), "PYTHONPATH": REPO}
    for attempt in range(24):
        before = _snapshot(home)
        command = rng.choice([["ingest", str(big)], ["demo", "remove"], ["demo", "restore"]])
        process = subprocess.Popen([sys.executable, "-m", "indicators", *command], env=env, cwd=REPO,
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0.2, 1.6))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        now = _snapshot(home)
        assert store.rebuild(home) == [] and _snapshot(home) == now, f"attempt {attempt}: {command}"
        if now != before:  # the kill came after the swap: the command's whole effect, nothing less
            assert command[0] != "ingest" or len(now[1]) == len(before[1]) + 1
