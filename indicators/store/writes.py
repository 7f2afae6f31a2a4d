"""The store: one DuckDB file in INDICATORS_HOME, changed only whole and atomically.

Every write (ingest, revert, demo on/off, rebuild) runs under the write lock on a copy of the live
file that replaces it at the end (see atomic.py); every loaded file is archived first (archive.py).
Readers use `connect()`, a read-only connection that never blocks a writer.
"""
from __future__ import annotations

import json
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

import duckdb

from indicators.store import archive, schema
from indicators import config
from indicators.store.atomic import DB_NAME, working_copy, write_lock
from indicators.catalog import Catalog, load_catalog
from indicators.ingest import Validation, drop_staged, validate

SETTINGS = "settings.json"
SYSTEM_USER = "system"


@dataclass(frozen=True)
class IngestOutcome:
    validation: Validation
    upload_id: int | None      # None when the file was rejected and nothing was written
    new: int = 0
    revised: int = 0

    @property
    def ok(self) -> bool:
        return self.upload_id is not None


@dataclass(frozen=True)
class Upload:
    upload_id: int
    file_name: str
    sha256: str
    row_count: int
    loaded_at: datetime
    loaded_by: str
    status: str
    kind: str
    new_count: int
    revised_count: int
    archive_path: str
    reverted_at: datetime | None
    reverted_by: str | None


def _home(home: Path | None) -> Path:
    return Path(home) if home is not None else config.home()


def db_path(home: Path | None = None) -> Path:
    return _home(home) / DB_NAME


def version(home: Path | None = None) -> tuple[int, int]:
    """(inode, mtime_ns) of the live file: changes with every write, so it keys caches."""
    stat = db_path(home).stat()
    return stat.st_ino, stat.st_mtime_ns


def connect(home: Path | None = None) -> duckdb.DuckDBPyConnection:
    """A read-only connection to the current store file (built first if there is none).

    The file is ATTACHed to a fresh in-memory database rather than opened with
    `duckdb.connect(path)`: DuckDB caches one database instance per path in a process, so a second
    `connect(path)` while an old connection is open would keep showing the replaced file.
    """
    path = ensure_store(home)
    con = duckdb.connect()
    quoted = str(path).replace("'", "''")
    con.execute(f"ATTACH '{quoted}' AS store (READ_ONLY)")
    con.execute("USE store")
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
           catalog: Catalog | None = None, kind: str = "upload") -> IngestOutcome:
    """Validates and stores a file whole, or stores nothing and returns the problems."""
    home = _home(home)
    catalog = catalog or load_catalog()
    ensure_store(home, catalog)
    with write_lock(home):
        try:
            with working_copy(home) as con:
                schema.upgrade(con)
                known = {row[0] for row in con.execute("SELECT upload_id FROM uploads").fetchall()}
                archive.set_aside_orphans(home, known)
                outcome = _ingest_into(con, home, catalog, data, file_name, by=by, kind=kind)
                if not outcome.ok:
                    raise _Rejected(outcome)
        except _Rejected as rejected:
            return rejected.outcome
    return outcome


class _Rejected(Exception):
    def __init__(self, outcome: IngestOutcome):
        super().__init__("rejected")
        self.outcome = outcome


def _ingest_into(con, home: Path, catalog: Catalog, data: bytes, file_name: str, *, by: str,
                 kind: str, upload_id: int | None = None, loaded_at: datetime | None = None,
                 status: str = "active") -> IngestOutcome:
    validation = validate(con, data, file_name, catalog)
    if not validation.ok:
        return IngestOutcome(validation, None)
    if upload_id is None:
        upload_id = con.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchall()[0][0]
    new, revised = new_and_revised(con)
    entry = archive.Entry(
        upload_id=upload_id, file_name=display_name(file_name),
        sha256=validation.sha256, row_count=validation.row_count,
        loaded_at=(loaded_at or datetime.now(timezone.utc).replace(tzinfo=None)).isoformat(),
        loaded_by=by, status=status, kind=kind, new_count=new, revised_count=revised)
    with ThreadPoolExecutor(1) as pool:  # the archive copy is written while DuckDB inserts the rows
        archived = pool.submit(archive.write, home, entry, data)  # (both release the GIL)
        con.execute(
            "INSERT INTO revisions SELECT ?, line, indicator_id, area_id, period,"
            " value, numerator, denominator, n, note, source FROM staged", [upload_id])
        relative = archived.result()
    con.execute(
        "INSERT INTO uploads VALUES (?, ?, ?, ?, ?::TIMESTAMP, ?, ?, ?, ?, ?, ?, NULL, NULL)",
        [upload_id, entry.file_name, entry.sha256, entry.row_count, entry.loaded_at, by, status,
         kind, new, revised, str(relative)])
    drop_staged(con)
    return IngestOutcome(validation, upload_id, new, revised)


def display_name(file_name: str) -> str:
    """The file's own name without any folder part (`../../x.csv` -> `x.csv`)."""
    name = file_name.replace("\\", "/").rsplit("/", 1)[-1].strip()
    return name[:200] or "upload"


def new_and_revised(con) -> tuple[int, int]:
    """How many staged values are new and how many change a current real value (also used by the
    upload preview on a read-only connection, so the preview counts what the save will count)."""
    new, revised = con.execute("""
        SELECT count(*) FILTER (WHERE o.indicator_id IS NULL OR o.is_demo),
               count(*) FILTER (WHERE o.indicator_id IS NOT NULL AND NOT o.is_demo
                                AND s.value IS DISTINCT FROM o.value)
        FROM staged s LEFT JOIN observations o
          ON o.indicator_id = s.indicator_id AND o.area_id = s.area_id AND o.period = s.period
    """).fetchall()[0]
    return int(new), int(revised)


def revisions_of_staged(con) -> list[tuple]:
    """For a preview: (indicator_id, area_id, period, old value, new value) of every revision."""
    return con.execute("""
        SELECT s.indicator_id, s.area_id, s.period, o.value, s.value
        FROM staged s JOIN observations o
          ON o.indicator_id = s.indicator_id AND o.area_id = s.area_id AND o.period = s.period
        WHERE NOT o.is_demo AND s.value IS DISTINCT FROM o.value
        ORDER BY s.line
    """).fetchall()


def revert(upload_id: int, *, by: str, home: Path | None = None) -> bool:
    """Undoes an upload; False when there is no such upload. Reverting twice changes nothing."""
    home = _home(home)
    ensure_store(home)
    with write_lock(home):
        with working_copy(home) as con:
            schema.upgrade(con)
            found = con.execute("SELECT status FROM uploads WHERE upload_id = ?",
                                [upload_id]).fetchall()
            if not found:
                return False
            if found[0][0] == "reverted":
                return True
            now = datetime.now(timezone.utc).replace(tzinfo=None)
            con.execute("UPDATE uploads SET status = 'reverted', reverted_at = ?, reverted_by = ?"
                        " WHERE upload_id = ?", [now, by, upload_id])
        _update_archived_status(home, upload_id, "reverted", now.isoformat(), by)
    return True


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
        with working_copy(home) as con:
            schema.upgrade(con)
            con.execute("UPDATE meta SET value = ? WHERE key = 'demo_hidden'",
                        ["true" if hidden else "false"])
        _save_settings(home, {**_settings(home), "demo_hidden": hidden})


def demo_hidden(con) -> bool:
    rows = con.execute("SELECT value FROM meta WHERE key = 'demo_hidden'").fetchall()
    return bool(rows) and rows[0][0] == "true"


def _settings(home: Path) -> dict:
    path = home / SETTINGS
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def _save_settings(home: Path, settings: dict) -> None:
    (home / SETTINGS).write_text(json.dumps(settings, indent=1), encoding="utf-8")


def rebuild(home: Path | None = None, catalog: Catalog | None = None) -> list[str]:
    """Rebuilds the file from the catalog, the shipped reference and demo data and the archive.

    Returns a note for each archived upload that no longer validates (it is left out).
    """
    home = _home(home)
    with write_lock(home):
        return _build(home, catalog or load_catalog(), replay=archive.entries(home))


DEMO_FILE = config.DATA_DIR / "demo" / "demo_observations.csv"


def _shipped_files() -> dict[str, tuple[str, bytes]]:
    """The reference data and the shipped demo data, loaded through the same path as uploads."""
    from indicators.catalog import reference
    return {
        "reference": ("referensdata.csv", reference.reference_upload_csv()),
        "demo": (DEMO_FILE.name, DEMO_FILE.read_bytes()),
    }


def _build(home: Path, catalog: Catalog, replay: list[archive.Entry]) -> list[str]:
    """Builds a new database from scratch and replaces the live one atomically."""
    shipped = _shipped_files()
    skipped: list[str] = []
    with working_copy(home, fresh=True) as con:
        schema.create(con, catalog)
        replayed_kinds = {e.kind for e in replay}
        plan: list[tuple[archive.Entry | None, str, str, bytes]] = []
        for kind in ("reference", "demo"):
            if kind not in replayed_kinds:
                plan.append((None, kind, *shipped[kind]))
        for entry in replay:
            if entry.kind in shipped:
                plan.append((entry, entry.kind, *shipped[entry.kind]))
            else:
                original = archive.original(home, entry.upload_id)
                plan.append((entry, entry.kind, entry.file_name, original.read_bytes()))
        for entry, kind, name, data in plan:
            outcome = _ingest_into(
                con, home, catalog, data, entry.file_name if entry else name,
                by=entry.loaded_by if entry else SYSTEM_USER, kind=kind,
                upload_id=entry.upload_id if entry else None,
                loaded_at=datetime.fromisoformat(entry.loaded_at) if entry else None,
                status=entry.status if entry else "active")
            if not outcome.ok:
                skipped.append(f"{name}: {outcome.validation.problems[0].message()}")
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


def uploads(con) -> list[Upload]:
    """Every upload, newest first."""
    rows = con.execute(
        "SELECT upload_id, file_name, sha256, row_count, loaded_at, loaded_by, status, kind,"
        " new_count, revised_count, archive_path, reverted_at, reverted_by"
        " FROM uploads ORDER BY upload_id DESC").fetchall()
    return [Upload(*row) for row in rows]
