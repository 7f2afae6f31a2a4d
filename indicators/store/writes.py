"""The store: one DuckDB file in INDICATORS_HOME, changed only whole and atomically.

Every write (ingest, revert, demo on/off, rebuild) runs under the write lock on a copy of the live
file that replaces it at the end (see atomic.py); every loaded file is archived first (archive.py).
Readers use `connect()`, a read-only connection that never blocks a writer.
"""
from __future__ import annotations

import contextlib
import json
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from indicators.store import archive, schema
from indicators.store import history
from indicators.store.history import annotated_count, new_and_revised
from indicators import config
from indicators.store import atomic, connection
from indicators.store.atomic import DB_NAME, working_copy, write_lock
from indicators.catalog import Catalog, load_catalog
from indicators.ingest import Problem, Validation, drop_staged, validate
from indicators.ingest.options import NONE, Options

SETTINGS = "settings.json"
SYSTEM_USER = "system"


@dataclass(frozen=True)
class IngestOutcome:
    validation: Validation
    upload_id: int | None      # None when the file was rejected and nothing was written
    new: int = 0
    revised: int = 0
    annotated: int = 0         # values unchanged whose note, source or symbol changed

    @property
    def ok(self) -> bool:
        return self.upload_id is not None


def _home(home: Path | None) -> Path:
    return Path(home) if home is not None else config.home()


def db_path(home: Path | None = None) -> Path:
    return _home(home) / DB_NAME


def version(home: Path | None = None) -> tuple[int, int]:
    """(inode, mtime_ns) of the live file: changes with every write, so it keys caches."""
    stat = db_path(home).stat()
    return stat.st_ino, stat.st_mtime_ns


def connect(home: Path | None = None, *, memory_limit_mb: int | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current store file (built first if there is none); see
    store/connection.py for why it attaches, and for the snapshot it reads while another process
    holds the file. `memory_limit_mb` bounds what DuckDB keeps in memory on this connection (the
    upload page's preview of a big file); past it, DuckDB spills to `spill/` in the store's folder.
    """
    path = ensure_store(home)
    return connection.open_read_only(path, _bounded(duckdb.connect(), home, memory_limit_mb))


def _bounded(con: duckdb.DuckDBPyConnection, home: Path | None,
             memory_limit_mb: int | None) -> duckdb.DuckDBPyConnection:
    """`con` with DuckDB's memory bounded to `memory_limit_mb` (None: DuckDB's default, 80 % of
    the machine); past the bound it spills to `spill/` in the store's folder."""
    if memory_limit_mb:
        spill = str(_home(home) / "spill").replace("'", "''")
        con.execute(f"SET memory_limit = '{int(memory_limit_mb)}MB'")
        con.execute(f"SET temp_directory = '{spill}'")
    return con


def ensure_store(home: Path | None = None, catalog: Catalog | None = None) -> Path:
    """Builds the store from the catalog, reference data and demo data when it does not exist."""
    home = _home(home)
    path = db_path(home)
    if path.exists():
        return path
    with write_lock(home):
        if not path.exists():  # another process may have built it while we waited
            _build(home, catalog or load_catalog(), replay=archive.entries(home))
    return path


def ingest(data: bytes, file_name: str, *, by: str, home: Path | None = None,
           catalog: Catalog | None = None, kind: str = "upload", options: Options = NONE,
           memory_limit_mb: int | None = None) -> IngestOutcome:
    """Validates and stores a file whole, or stores nothing and returns the problems.

    `options` (the indicator, columns, sheet, period ... of a statistical-database export) are
    archived with the file, so a rebuild reads it the same way. `memory_limit_mb` bounds DuckDB's
    memory for the validation and the write (the upload page, where the server holds much else)."""
    home = _home(home)
    catalog = catalog or load_catalog()
    ensure_store(home, catalog)
    # the file is validated here, before the write lock is taken: a slow or broken file never
    # keeps another analyst waiting
    scratch = _bounded(duckdb.connect(), home, memory_limit_mb)
    try:
        validation = validate(scratch, data, file_name, catalog, options=options)
        if not validation.ok:
            return IngestOutcome(validation, None)
        with write_lock(home):
            with _reconciled_copy(home, scratch) as con:
                outcome = _store_staged(con, home, validation, data, by=by, kind=kind, options=options)
                atomic.fault("ingest:before-swap")
            return outcome
    finally:
        scratch.close()


def _ingest_into(con, home: Path, catalog: Catalog, data: bytes, file_name: str, *, by: str,
                 kind: str, upload_id: int | None = None, loaded_at: datetime | None = None,
                 status: str = "active", options: Options = NONE) -> IngestOutcome:
    validation = validate(con, data, file_name, catalog, options=options)
    if not validation.ok:
        return IngestOutcome(validation, None)
    return _store_staged(con, home, validation, data, by=by, kind=kind, options=options,
                         upload_id=upload_id, loaded_at=loaded_at, status=status)


def _store_staged(con, home: Path, validation: Validation, data: bytes, *, by: str, kind: str,
                  options: Options = NONE, upload_id: int | None = None, loaded_at: datetime | None = None,
                  status: str = "active") -> IngestOutcome:
    """Writes the rows in the TEMP view `staged` as one upload, and archives the file."""
    file_name = validation.file_name
    if upload_id is None:
        upload_id = con.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchall()[0][0]
    if validation.content == "observations":
        new, revised = new_and_revised(con)
        annotated = annotated_count(con)
    else:
        new, revised = history.follow_up_changes(con, validation.content)
        annotated = 0
    entry = archive.Entry(
        upload_id=upload_id, file_name=display_name(file_name),
        sha256=validation.sha256, row_count=validation.row_count,
        loaded_at=(loaded_at or datetime.now(timezone.utc).replace(tzinfo=None)).isoformat(),
        loaded_by=by, status=status, kind=kind, new_count=new, revised_count=revised,
        options=options.as_dict() or None)
    with ThreadPoolExecutor(1) as pool:  # the archive copy is written while DuckDB inserts the rows
        archived = pool.submit(archive.write, home, entry, data)  # (both release the GIL)
        con.execute(INSERTS[validation.content], [upload_id])
        relative = archived.result()
    con.execute(
        "INSERT INTO uploads VALUES (?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        [upload_id, entry.file_name, entry.sha256, entry.row_count, entry.loaded_at, by, status,
         kind, new, revised, str(relative)])
    drop_staged(con)
    return IngestOutcome(validation, upload_id, new, revised, annotated)


INSERTS = {  # where each kind of file's staged rows go
    "observations": "INSERT INTO revisions SELECT ?, line, indicator_id, area_id, period,"
                    " value, numerator, denominator, n, note, source, symbol FROM staged",
    "measures": 'INSERT INTO measure_rounds SELECT ?, line, measure_id, follow_up, focus_area_id, sub_goal_id,'
                ' title, owner, unit, start, "end", status, follow_up_end, cost, indicator_ids, area_ids,'
                ' comment FROM staged_measures',
    "events": "INSERT INTO event_rows SELECT ?, line, event_date, period, title, kind, indicator_id, area_id,"
              " comment FROM staged_events",
    "assessments": "INSERT INTO assessment_rows SELECT ?, line, indicator_id, follow_up, follow_up_end,"
                   " assessment, judgement, decided_by FROM staged_assessments",
}


def display_name(file_name: str) -> str:
    """The file's own name without any folder part (`../../x.csv` -> `x.csv`)."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:200] or "upload"


def revert(upload_id: int, *, by: str, home: Path | None = None) -> bool:
    """Undoes an upload; False when there is no such upload. Reverting twice changes nothing."""
    home = _home(home)
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
        _update_archived_status(home, upload_id, "reverted", now.isoformat(), by)
    return True


@contextlib.contextmanager
def _reconciled_copy(home: Path, scratch=None):
    """The working copy every write changes (call under the write lock): upgraded to this schema and
    with the archive reconciled to it first; replaces the live file when the block ends."""
    with working_copy(home, con=scratch) as con:
        schema.upgrade(con)
        reconcile(home, con)
        yield con


def _update_archived_status(home: Path, upload_id: int, status: str, at: str | None,
                            by: str | None) -> None:
    entry = archive.entry(home, upload_id)
    if entry is not None:
        entry.status, entry.reverted_at, entry.reverted_by = status, at, by
        archive.save_entry(home, entry)


def set_demo_hidden(hidden: bool, home: Path | None = None) -> None:
    """Hides (demo remove) or brings back (demo restore) all demo data."""
    home = _home(home)
    ensure_store(home)
    with write_lock(home):
        with _reconciled_copy(home) as con:
            con.execute("UPDATE meta SET value = ? WHERE key = 'demo_hidden'",
                        ["true" if hidden else "false"])
        atomic.fault("demo:after-swap")
        _save_settings(home, {**_settings(home), "demo_hidden": hidden})


def demo_hidden(con) -> bool:
    rows = con.execute("SELECT value FROM meta WHERE key = 'demo_hidden'").fetchall()
    return bool(rows) and rows[0][0] == "true"


def _settings(home: Path) -> dict:
    path = home / SETTINGS
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _save_settings(home: Path, settings: dict) -> None:
    path = home / SETTINGS
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(settings, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def reconcile(home: Path, con) -> None:
    """Brings the archive and settings.json in line with the database, the one commit point.

    Every write changes the database by one atomic rename and then the archive's record; a writer
    killed between the two leaves the archive behind. Under the write lock, before anything else
    and before a rebuild, the database's word wins: an archived upload it does not know (an ingest
    killed before its swap) is set aside, an upload it says is reverted is reverted in the archive
    too, and demo data is hidden or shown as it says. So a rebuild reproduces the last committed state."""
    rows = con.execute("SELECT upload_id, status, reverted_at, reverted_by FROM uploads").fetchall()
    known = {row[0]: row for row in rows}
    archive.set_aside_orphans(home, set(known))
    for entry in archive.entries(home):
        _, status, at, by = known[entry.upload_id]
        if entry.status != status:
            _update_archived_status(home, entry.upload_id, status, at.isoformat() if at else None, by)
    hidden = demo_hidden(con)
    if bool(_settings(home).get("demo_hidden", False)) != hidden:
        _save_settings(home, {**_settings(home), "demo_hidden": hidden})


def rebuild(home: Path | None = None, catalog: Catalog | None = None) -> list[tuple[str, Problem]]:
    """Rebuilds the file from the catalog, the shipped reference and demo data and the archive.

    Returns (file name, first problem) for each archived upload that no longer validates (it is
    left out); the caller says it in its language.
    """
    home = _home(home)
    with write_lock(home):
        if db_path(home).exists():
            try:
                with connect(home) as live:
                    reconcile(home, live)
            except duckdb.Error:  # a damaged file: the archive is all there is
                pass
        return _build(home, catalog or load_catalog(), replay=archive.entries(home))


DEMO_FILE = config.DATA_DIR / "demo" / "demo_observations.csv"
DEMO_FILES = (DEMO_FILE, config.DATA_DIR / "demo" / "demo_measures.csv",   # indicators.demo and
              config.DATA_DIR / "demo" / "demo_events.csv")                 # indicators.demo_follow_up write them
SHIPPED_KINDS = ("reference", "demo")


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
            outcome = _ingest_into(
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
                _update_archived_status(home, entry.upload_id, "reverted", entry.reverted_at,
                                        entry.reverted_by)
        if _settings(home).get("demo_hidden"):
            con.execute("UPDATE meta SET value = 'true' WHERE key = 'demo_hidden'")
        con.execute("INSERT INTO meta VALUES ('built_at', ?)",
                    [datetime.now(timezone.utc).replace(tzinfo=None).isoformat()])
    return skipped
