"""Atomic replacement of the DuckDB file under an exclusive lock.

DuckDB allows one writing process per file, and a writer cannot open a file that another process
holds open. So nobody ever writes the live file: a writer takes `write.lock`, copies the live file to
a temporary file beside it, changes the copy, checkpoints and closes it, and renames it over the live
file. Readers keep reading the file they opened (a renamed-over file stays valid for them) and see
the new version when they reopen. A writer killed half-way leaves only a stale temporary file, which
the next writer removes.
"""
from __future__ import annotations

import contextlib
import fcntl
import os
import shutil
from pathlib import Path
from typing import Iterator

import duckdb

from indicators import config

DB_NAME = "indicators.duckdb"
LOCK_NAME = "write.lock"
TMP_PREFIX = ".indicators.duckdb."


@contextlib.contextmanager
def write_lock(home: Path) -> Iterator[None]:
    """Holds the store's exclusive write lock (blocking until it is free)."""
    home.mkdir(parents=True, exist_ok=True)
    with open(home / LOCK_NAME, "a+") as handle:
        fcntl.flock(handle, fcntl.LOCK_EX)
        try:
            _remove_stale_temporaries(home)
            yield
        finally:
            fcntl.flock(handle, fcntl.LOCK_UN)


def _remove_stale_temporaries(home: Path) -> None:
    # Under the lock no other writer is active, so every temporary file is left from a crash.
    for stale in home.glob(TMP_PREFIX + "*"):
        stale.unlink(missing_ok=True)


@contextlib.contextmanager
def working_copy(home: Path, *, fresh: bool = False,
                 con: duckdb.DuckDBPyConnection | None = None) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-write connection to a copy of the live file (an empty file when `fresh`).

    With `con` (a connection that already holds validated rows in TEMP views), the copy is
    attached to it as `work` and made its default database (`USE work`), so the rows validated
    before the write lock was taken are written without being validated again under it.
    On normal exit the copy is checkpointed, synced and renamed over the live file; on an
    exception it is thrown away and the live file is untouched. Call only under `write_lock`.
    """
    live = home / DB_NAME
    tmp = home / f"{TMP_PREFIX}{os.getpid()}.tmp"
    if not fresh and live.exists():
        shutil.copyfile(live, tmp)
    attached = con is not None
    if attached:
        back = con.execute("SELECT current_database()").fetchall()[0][0]
        con.execute(f"ATTACH '{str(tmp).replace(chr(39), chr(39) * 2)}' AS work")
        con.execute("USE work")
    else:
        con = duckdb.connect(str(tmp))

    def close() -> None:
        if attached:
            con.execute(f"USE {back}")
            con.execute("DETACH work")
        else:
            con.close()

    try:
        yield con
        con.execute("CHECKPOINT work" if attached else "CHECKPOINT")
        close()
    except BaseException:
        with contextlib.suppress(duckdb.Error):
            close()
        tmp.unlink(missing_ok=True)
        Path(str(tmp) + ".wal").unlink(missing_ok=True)
        raise
    _fsync(tmp)
    fault("swap:before")
    os.replace(tmp, live)
    _fsync(home)  # the rename itself is durable once the folder is synced


KILL_AT = "INDICATORS_KILL_AT"  # tests only: the name of a point at which the process kills itself


def fault(point: str) -> None:
    """A real SIGKILL at a named point of a write when $INDICATORS_KILL_AT names it (the crash
    tests use it to kill a writer exactly between its database swap and its archive update)."""
    if config.value(KILL_AT) == point:
        import signal

        os.kill(os.getpid(), signal.SIGKILL)


def _fsync(path: Path) -> None:
    """Flushes a file's or a folder's contents to disk."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
