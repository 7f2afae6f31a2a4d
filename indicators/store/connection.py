"""Read-only connections to the store file.

The file is ATTACHed to a fresh in-memory database rather than opened with `duckdb.connect(path)`:
DuckDB caches one database instance per path in a process, so a second `connect(path)` while an
old connection is open would keep showing the replaced file. When another process holds the file
read-write (the DuckDB CLI opens files read-write unless told `-readonly`), DuckDB refuses even a
reader; the connection then reads a private snapshot of the file as it was last written whole,
and `is_snapshot(con)` says so, so a page can say it.
"""
from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import duckdb

SNAPSHOT_PREFIX = "indicators-snapshot-"


def open_read_only(path: Path, con: duckdb.DuckDBPyConnection | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection (`con`, or a new in-memory one) with the store file attached as
    `store`, the default database."""
    con = con or duckdb.connect()
    try:
        _attach(con, path)
    except duckdb.IOException as error:
        if "lock" not in str(error).lower():
            raise
        copy = _snapshot(path)
        try:
            _attach(con, copy)
        finally:
            copy.unlink(missing_ok=True)  # the attached file stays readable; nothing is left behind
    con.execute("USE store")
    return con


def bounded(con: duckdb.DuckDBPyConnection, home: Path,
            memory_limit_mb: int | None) -> duckdb.DuckDBPyConnection:
    """`con` with DuckDB's memory bounded to `memory_limit_mb` (None: DuckDB's default, 80 % of
    the machine); past the bound it spills to `spill/` in the store's folder `home`."""
    if memory_limit_mb:
        spill = str(home / "spill").replace("'", "''")
        con.execute(f"SET memory_limit = '{int(memory_limit_mb)}MB'")
        con.execute(f"SET temp_directory = '{spill}'")
    return con


def _attach(con, path: Path) -> None:
    con.execute(f"ATTACH '{str(path).replace(chr(39), chr(39) * 2)}' AS store (READ_ONLY)")


def _snapshot(path: Path) -> Path:
    """A private copy of the store file to read while another process holds the file itself."""
    handle = tempfile.NamedTemporaryFile(prefix=SNAPSHOT_PREFIX, suffix=".duckdb", delete=False)
    handle.close()
    shutil.copyfile(path, handle.name)
    return Path(handle.name)


def is_snapshot(con) -> bool:
    """True when `con` reads a snapshot because another process holds the store file."""
    found = con.execute("SELECT path FROM duckdb_databases() WHERE database_name = 'store'").fetchall()
    return bool(found) and Path(found[0][0] or "").name.startswith(SNAPSHOT_PREFIX)
