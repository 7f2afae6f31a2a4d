"""Read queries about uploads: the upload list, what a staged file would change, what undoing an
upload would change, overlaps between two uploads, where templates start. Connections are handed
in; results are plain Python values. The views (upload_preview, history, template_offer) and the
CLI shape them; the SQL lives here.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from indicators.store import schema


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


def uploads(con) -> list[Upload]:
    """Every upload, newest first."""
    rows = con.execute(
        "SELECT upload_id, file_name, sha256, row_count, loaded_at, loaded_by, status, kind,"
        " new_count, revised_count, archive_path, reverted_at, reverted_by"
        " FROM uploads ORDER BY upload_id DESC").fetchall()
    return [Upload(*row) for row in rows]


def newest_upload_id(con) -> int:
    """The id of the newest upload (0 when there is none)."""
    return con.execute("SELECT coalesce(max(upload_id), 0) FROM uploads").fetchall()[0][0]


def active_uploads_of(con, sha256: str) -> tuple[int, ...]:
    """Active analysts' uploads of exactly these bytes, oldest first."""
    return tuple(row[0] for row in con.execute(
        "SELECT upload_id FROM uploads WHERE sha256 = ? AND status = 'active' AND kind = 'upload'"
        " ORDER BY upload_id", [sha256]).fetchall())


def latest_real_periods(con) -> dict[str, str]:
    """Each indicator's latest period with real (non-demo) data: templates start after it."""
    return dict(con.execute(
        "SELECT indicator_id, arg_max(period, period_start) FROM observations"
        " WHERE NOT is_demo GROUP BY indicator_id").fetchall())


# --- a staged file (the TEMP view `staged` ingest.validate leaves) against the current data ---

@dataclass(frozen=True)
class StagedContents:
    indicator_ids: tuple[str, ...]   # distinct, in no particular order
    area_ids: tuple[str, ...]        # distinct, in no particular order
    values: int                      # indicator x area x period values
    periods: tuple[str, ...]         # normalised texts, oldest first


def staged_contents(con) -> StagedContents:
    """What the staged file holds."""
    found = con.execute(
        "SELECT list(DISTINCT indicator_id), list(DISTINCT area_id), count(*) FROM staged"
    ).fetchall()[0]
    periods = con.execute(
        "SELECT period FROM staged GROUP BY period, grain ORDER BY min(period_start), grain").fetchall()
    return StagedContents(tuple(found[0] or ()), tuple(found[1] or ()), int(found[2]),
                          tuple(row[0] for row in periods))


# The current real value of each staged key only: a join on the few keys a file has, instead of the
# `observations` view's window over every revision (a 2,160-row file into a store with a million
# more rows took 2.2 s through the view, almost all of it here). `{keys}` narrows the revisions
# scanned to the file's own indicators and areas as literal lists, which DuckDB checks against each
# row group's min/max: in the sorted revisions base (store/compaction.py) a small file then reads
# the few row groups of its own areas, not the whole history.
_CURRENT_OF_STAGED = """
    WITH keys AS (SELECT DISTINCT indicator_id, area_id, period FROM staged),
    current AS (
        SELECT r.indicator_id, r.area_id, r.period, r.value, r.note, r.source, r.symbol
        FROM revisions r SEMI JOIN keys k
          ON r.indicator_id = k.indicator_id AND r.area_id = k.area_id AND r.period = k.period
        JOIN uploads u USING (upload_id)
        WHERE u.status = 'active' AND u.kind <> 'demo' {keys}
        QUALIFY row_number() OVER (PARTITION BY r.indicator_id, r.area_id, r.period ORDER BY r.upload_id DESC) = 1
    )"""
NARROW_UP_TO = 2_000  # distinct areas of a file up to which the scan is narrowed by literal lists


@dataclass(frozen=True)
class StagedChanges:
    new: int        # staged values with no current real value
    revised: int    # staged values that change a current real value
    annotated: int  # staged values equal to the current real value whose note, source or symbol changes


def staged_changes(con) -> StagedChanges:
    """What the staged file changes against the current real values, in one pass over the file's
    own keys (used by the save and by the upload preview on a read-only connection, so the preview
    counts what the save will). An upload that only corrects comments is not "nothing happened"."""
    new, revised, annotated = con.execute(_CURRENT_OF_STAGED.format(keys=_narrowed(con)) + """
        SELECT count(*) FILTER (WHERE c.indicator_id IS NULL),
               count(*) FILTER (WHERE c.indicator_id IS NOT NULL AND s.value IS DISTINCT FROM c.value),
               count(*) FILTER (WHERE c.indicator_id IS NOT NULL AND s.value IS NOT DISTINCT FROM c.value
                                AND (s.note IS DISTINCT FROM c.note OR s.source IS DISTINCT FROM c.source
                                     OR s.symbol IS DISTINCT FROM c.symbol))
        FROM staged s LEFT JOIN current c
          ON c.indicator_id = s.indicator_id AND c.area_id = s.area_id AND c.period = s.period
    """).fetchall()[0]
    return StagedChanges(int(new), int(revised), int(annotated))


def _narrowed(con) -> str:
    """SQL: `AND r.indicator_id IN (...) AND r.area_id IN (...)` with the staged file's own ids as
    literals (zone maps prune on literals, not on a join), or '' for a file with very many areas."""
    indicators, areas = con.execute(
        f"SELECT (SELECT list(DISTINCT indicator_id) FROM staged),"
        f" (SELECT list(a) FROM (SELECT DISTINCT area_id AS a FROM staged LIMIT {NARROW_UP_TO + 1}))"
    ).fetchall()[0]
    if not indicators or not areas or len(areas) > NARROW_UP_TO:
        return ""
    return f"AND r.indicator_id IN ({_literals(indicators)}) AND r.area_id IN ({_literals(areas)})"


def _literals(texts) -> str:
    return ", ".join("'" + str(text).replace("'", "''") + "'" for text in texts)


def follow_up_changes(con, content: str) -> tuple[int, int]:
    """(new, revised) of a staged measures file (rounds not seen before / rounds whose status,
    dates or links change) or events file (every event is new)."""
    if content == "events":
        return con.execute("SELECT count(*) FROM staged_events").fetchall()[0][0], 0
    if content == "assessments":
        new, revised = con.execute("""
            SELECT count(*) FILTER (WHERE a.indicator_id IS NULL),
                   count(*) FILTER (WHERE a.indicator_id IS NOT NULL AND (s.assessment IS DISTINCT FROM a.assessment
                                    OR s.judgement IS DISTINCT FROM a.judgement))
            FROM staged_assessments s LEFT JOIN assessments a USING (indicator_id, follow_up)""").fetchall()[0]
        return int(new), int(revised)
    new, revised = con.execute("""
        SELECT count(*) FILTER (WHERE h.measure_id IS NULL OR h.is_demo),
               count(*) FILTER (WHERE h.measure_id IS NOT NULL AND NOT h.is_demo AND (
                   s.status IS DISTINCT FROM h.status OR s.start IS DISTINCT FROM h.start
                   OR s."end" IS DISTINCT FROM h."end" OR s.title IS DISTINCT FROM h.title
                   OR s.owner IS DISTINCT FROM h.owner OR s.comment IS DISTINCT FROM h.comment
                   OR s.indicator_ids IS DISTINCT FROM h.indicator_ids OR s.area_ids IS DISTINCT FROM h.area_ids))
        FROM staged_measures s LEFT JOIN measure_history h USING (measure_id, follow_up)
    """).fetchall()[0]
    return int(new), int(revised)


def revisions_of_staged(con, limit: int | None = None) -> list[tuple]:
    """For a preview: (indicator_id, area_id, period, old value, new value) of every revision, or
    of the first `limit` in file order (a preview shows a few hundred: a file that revises a
    million values must not bring a million tuples into Python to show them)."""
    return con.execute(f"""
        SELECT s.indicator_id, s.area_id, s.period, o.value, s.value
        FROM staged s JOIN observations o
          ON o.indicator_id = s.indicator_id AND o.area_id = s.area_id AND o.period = s.period
        WHERE NOT o.is_demo AND s.value IS DISTINCT FROM o.value
        ORDER BY s.line
        {"" if limit is None else f"LIMIT {int(limit)}"}
    """).fetchall()


# --- what undoing an upload would change -------------------------------------------------------

_VIEW_HEAD = "CREATE VIEW observations AS"
_VIEW_FILTER = "WHERE u.status = 'active'"


def _view_without(upload_id: int) -> str:
    """The public observations view as it would be without one upload: the store's own view
    text with one more condition, so an undo preview can never disagree with the undo."""
    text = schema.OBSERVATIONS_VIEW
    if _VIEW_HEAD not in text or _VIEW_FILTER not in text:
        raise RuntimeError("schema.OBSERVATIONS_VIEW changed: update store.history._view_without")
    return (text.replace(_VIEW_HEAD, "CREATE OR REPLACE TEMP VIEW _without_upload AS", 1)
            .replace(_VIEW_FILTER, f"{_VIEW_FILTER} AND u.upload_id <> {int(upload_id)}", 1))


@dataclass(frozen=True)
class UndoChanges:
    restored: int        # values that go back to an earlier upload's value
    removed: int         # values that disappear (no other upload has them)
    demo_back: int       # demo values that are shown again
    rows: list[tuple]    # (indicator_id, area_id, period, now, after, after_upload_id,
                         #  after_is_demo), demo last, at most `limit`


def undo_changes(con, upload_id: int, limit: int) -> UndoChanges:
    """What reverting `upload_id` would change in the current data, without changing anything
    (TEMP objects on `con`, dropped before returning)."""
    con.execute(_view_without(upload_id))
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _undo_changes AS
            WITH touched AS (SELECT DISTINCT indicator_id FROM revisions WHERE upload_id = ?),
            now AS (SELECT * FROM observations WHERE indicator_id IN (SELECT * FROM touched)),
            after AS (SELECT * FROM _without_upload WHERE indicator_id IN (SELECT * FROM touched))
            SELECT coalesce(n.indicator_id, a.indicator_id) AS indicator_id,
                   coalesce(n.area_id, a.area_id) AS area_id,
                   coalesce(n.period, a.period) AS period,
                   coalesce(n.period_start, a.period_start) AS period_start,
                   n.value AS now, a.value AS after, a.upload_id AS after_upload_id,
                   coalesce(a.is_demo, false) AS after_is_demo
            FROM now n FULL OUTER JOIN after a
              ON n.indicator_id = a.indicator_id AND n.area_id = a.area_id AND n.period = a.period
            WHERE n.upload_id IS DISTINCT FROM a.upload_id
        """, [upload_id])
        counts = con.execute("""
            SELECT count(*) FILTER (WHERE after_upload_id IS NOT NULL AND NOT after_is_demo),
                   count(*) FILTER (WHERE after_upload_id IS NULL),
                   count(*) FILTER (WHERE after_is_demo)
            FROM _undo_changes""").fetchall()[0]
        rows = con.execute(
            "SELECT indicator_id, area_id, period, now, after, after_upload_id, after_is_demo"
            " FROM _undo_changes ORDER BY after_is_demo, indicator_id, area_id, period_start"
            f" LIMIT {int(limit)}").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS _undo_changes")
        con.execute("DROP VIEW IF EXISTS _without_upload")
    return UndoChanges(int(counts[0]), int(counts[1]), int(counts[2]), rows)


def overlap(con, upload_id: int, other_upload_id: int) -> int:
    """How many indicator x area x period values both uploads wrote."""
    return int(con.execute("""
        SELECT count(*) FROM revisions a JOIN revisions b
          ON a.indicator_id = b.indicator_id AND a.area_id = b.area_id AND a.period = b.period
        WHERE a.upload_id = ? AND b.upload_id = ?""", [upload_id, other_upload_id]).fetchall()[0][0])
