"""Saving a validated file as one upload: its staged rows into the store's tables, its bytes into
the archive, and its row in `uploads` (with how many values it adds and revises).

Runs on a connection whose default database is the writer's working copy (atomic.working_copy)
and that holds the rows `ingest.validate` staged.
"""
from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from indicators.catalog import Catalog
from indicators.ingest import Validation, drop_staged, validate
from indicators.ingest.options import NONE, Options
from indicators.store import archive, history


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


def ingest_into(con, home: Path, catalog: Catalog, data: bytes, file_name: str, *, by: str,
                kind: str, upload_id: int | None = None, loaded_at: datetime | None = None,
                status: str = "active", options: Options = NONE) -> IngestOutcome:
    """Validates `data` on `con` and saves it when valid (the rebuild's path: one connection)."""
    validation = validate(con, data, file_name, catalog, options=options)
    if not validation.ok:
        return IngestOutcome(validation, None)
    return store_staged(con, home, validation, data, by=by, kind=kind, options=options,
                        upload_id=upload_id, loaded_at=loaded_at, status=status)


def store_staged(con, home: Path, validation: Validation, data: bytes, *, by: str, kind: str,
                 options: Options = NONE, upload_id: int | None = None, loaded_at: datetime | None = None,
                 status: str = "active") -> IngestOutcome:
    """Writes the rows `validation` staged on `con` as one upload (the next id unless `upload_id`),
    archives `data` and drops the staged rows."""
    file_name = validation.file_name
    if upload_id is None:
        upload_id = con.execute("SELECT coalesce(max(upload_id), 0) + 1 FROM uploads").fetchall()[0][0]
    if validation.content == "observations":
        changes = history.staged_changes(con)
        new, revised, annotated = changes.new, changes.revised, changes.annotated
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
