"""Building the store: when it is missing (`ensure_store`, also before every read: `connect`) and
again from the archive (`rebuild`). A build writes a new file from scratch and swaps it in whole.
"""
from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import duckdb

from indicators import config
from indicators.catalog import Catalog, load_catalog
from indicators.ingest import Problem
from indicators.ingest.options import NONE, Options
from indicators.store import archive, connection, schema
from indicators.store.atomic import working_copy, write_lock
from indicators.store.location import db_path, home_of
from indicators.store.reconcile import reconcile, settings, update_archived_status
from indicators.store.saving import ingest_into

SYSTEM_USER = "system"
DEMO_FILE = config.DATA_DIR / "demo" / "demo_observations.csv"
DEMO_FILES = (DEMO_FILE, config.DATA_DIR / "demo" / "demo_measures.csv",   # indicators.demo and
              config.DATA_DIR / "demo" / "demo_events.csv")                 # indicators.demo_follow_up write them
SHIPPED_KINDS = ("reference", "demo")


def connect(home: Path | None = None, *, memory_limit_mb: int | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current store file (built first if there is none); see
    store/connection.py for why it attaches, and for the snapshot it reads while another process
    holds the file. `memory_limit_mb` bounds what DuckDB keeps in memory on this connection (the
    upload page's preview of a big file); past it, DuckDB spills to `spill/` in the store's folder.
    """
    path = ensure_store(home)
    return connection.open_read_only(
        path, connection.bounded(duckdb.connect(), home_of(home), memory_limit_mb))


def ensure_store(home: Path | None = None, catalog: Catalog | None = None) -> Path:
    """Builds the store from the catalog, reference data and demo data when it does not exist."""
    home = home_of(home)
    path = db_path(home)
    if path.exists():
        return path
    with write_lock(home):
        if not path.exists():  # another process may have built it while we waited
            _build(home, catalog or load_catalog(), replay=archive.entries(home))
    return path


def rebuild(home: Path | None = None, catalog: Catalog | None = None) -> list[tuple[str, Problem]]:
    """Rebuilds the file from the catalog, the shipped reference and demo data and the archive.

    Returns (file name, first problem) for each archived upload that no longer validates (it is
    left out); the caller says it in its language.
    """
    home = home_of(home)
    with write_lock(home):
        if db_path(home).exists():
            try:
                with connect(home) as live:
                    reconcile(home, live)
            except duckdb.Error:  # a damaged file: the archive is all there is
                pass
        return _build(home, catalog or load_catalog(), replay=archive.entries(home))


def _shipped_files() -> dict[str, tuple[str, bytes]]:
    """file name -> (kind, bytes): the reference data and the shipped demo data (values, measures,
    events), loaded through the same path as uploads."""
    from indicators.catalog import reference
    return {"referensdata.csv": ("reference", reference.reference_upload_csv()),
            **{path.name: ("demo", path.read_bytes()) for path in DEMO_FILES}}


def _build(home: Path, catalog: Catalog, replay: list[archive.Entry]) -> list[tuple[str, Problem]]:
    """Builds a new database from scratch and replaces the live one atomically."""
    shipped = _shipped_files()
    skipped: list[tuple[str, Problem]] = []
    with working_copy(home, fresh=True) as con:
        schema.create(con, catalog)
        replayed = {e.file_name for e in replay if e.kind in SHIPPED_KINDS}
        plan: list[tuple[archive.Entry | None, str, str, bytes]] = []
        for name, (kind, data) in shipped.items():  # shipped files the store has not loaded yet
            if name not in replayed:
                plan.append((None, kind, name, data))
        for entry in replay:
            if entry.kind in SHIPPED_KINDS:  # shipped data is read from data/ as it is now
                if entry.file_name in shipped:
                    plan.append((entry, entry.kind, entry.file_name, shipped[entry.file_name][1]))
            else:
                original = archive.original(home, entry.upload_id)
                plan.append((entry, entry.kind, entry.file_name, original.read_bytes()))
        for entry, kind, name, data in plan:
            outcome = ingest_into(
                con, home, catalog, data, entry.file_name if entry else name,
                by=entry.loaded_by if entry else SYSTEM_USER, kind=kind,
                upload_id=entry.upload_id if entry else None,
                loaded_at=datetime.fromisoformat(entry.loaded_at) if entry else None,
                status=entry.status if entry else "active",
                options=Options.from_dict(entry.options or {}) if entry else NONE)
            if not outcome.ok:
                skipped.append((name, outcome.validation.problems[0]))
                continue
            if entry and entry.status == "reverted":
                con.execute("UPDATE uploads SET reverted_at = ?::TIMESTAMP, reverted_by = ?"
                            " WHERE upload_id = ?",
                            [entry.reverted_at, entry.reverted_by, entry.upload_id])
                update_archived_status(home, entry.upload_id, "reverted", entry.reverted_at,
                                       entry.reverted_by)
        if settings(home).get("demo_hidden"):
            con.execute("UPDATE meta SET value = 'true' WHERE key = 'demo_hidden'")
        con.execute("INSERT INTO meta VALUES ('built_at', ?)",
                    [datetime.now(timezone.utc).replace(tzinfo=None).isoformat()])
    return skipped
