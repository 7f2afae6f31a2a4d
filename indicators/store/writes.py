"""Changes to the live store: ingest a file, revert an upload, hide or show the demo data.

Every write runs under the write lock on a working copy that replaces the live file at the end
(see atomic.py), with the schema upgraded and the archive reconciled first; every loaded file is
archived (archive.py). Readers use `connect()` (build.py), a read-only connection that never
blocks a writer.
"""
from __future__ import annotations

import contextlib
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from indicators.catalog import Catalog, load_catalog
from indicators.ingest import validate
from indicators.ingest.options import NONE, Options
from indicators.store import atomic, connection, schema
from indicators.store.atomic import working_copy, write_lock
from indicators.store.build import ensure_store
from indicators.store.location import home_of
from indicators.store.reconcile import reconcile, save_settings, settings, update_archived_status
from indicators.store.saving import IngestOutcome, store_staged


def ingest(data: bytes, file_name: str, *, by: str, home: Path | None = None,
           catalog: Catalog | None = None, kind: str = "upload", options: Options = NONE,
           memory_limit_mb: int | None = None) -> IngestOutcome:
    """Validates and stores a file whole, or stores nothing and returns the problems.

    `options` (the indicator, columns, sheet, period ... of a statistical-database export) are
    archived with the file, so a rebuild reads it the same way. `memory_limit_mb` bounds DuckDB's
    memory for the validation and the write (the upload page, where the server holds much else)."""
    home = home_of(home)
    catalog = catalog or load_catalog()
    ensure_store(home, catalog)
    # the file is validated here, before the write lock is taken: a slow or broken file never
    # keeps another analyst waiting
    scratch = connection.bounded(duckdb.connect(), home, memory_limit_mb)
    try:
        validation = validate(scratch, data, file_name, catalog, options=options)
        if not validation.ok:
            return IngestOutcome(validation, None)
        with write_lock(home):
            with _reconciled_copy(home, scratch) as con:
                outcome = store_staged(con, home, validation, data, by=by, kind=kind, options=options)
                atomic.fault("ingest:before-swap")
            return outcome
    finally:
        scratch.close()


def revert(upload_id: int, *, by: str, home: Path | None = None) -> bool:
    """Undoes an upload; False when there is no such upload. Reverting twice changes nothing."""
    home = home_of(home)
    ensure_store(home)
    with write_lock(home):
        with _reconciled_copy(home) as con:
            found = con.execute("SELECT status FROM uploads WHERE upload_id = ?",
                                [upload_id]).fetchall()
            if not found:
                return False
            if found[0][0] == "reverted":
                return True
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            con.execute("UPDATE uploads SET status = 'reverted', reverted_at = ?, reverted_by = ?"
                        " WHERE upload_id = ?", [now, by, upload_id])
        atomic.fault("revert:after-swap")
        update_archived_status(home, upload_id, "reverted", now.isoformat(), by)
    return True


def set_demo_hidden(hidden: bool, home: Path | None = None) -> None:
    """Hides (demo remove) or brings back (demo restore) all demo data."""
    home = home_of(home)
    ensure_store(home)
    with write_lock(home):
        with _reconciled_copy(home) as con:
            con.execute("UPDATE meta SET value = ? WHERE key = 'demo_hidden'",
                        ["true" if hidden else "false"])
        atomic.fault("demo:after-swap")
        save_settings(home, {**settings(home), "demo_hidden": hidden})


@contextlib.contextmanager
def _reconciled_copy(home: Path, scratch=None):
    """The working copy every write changes (call under the write lock): upgraded to this schema and
    with the archive reconciled to it first; replaces the live file when the block ends."""
    with working_copy(home, con=scratch) as con:
        schema.upgrade(con)
        reconcile(home, con)
        yield con
