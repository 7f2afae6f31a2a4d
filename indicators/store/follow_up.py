"""Read queries over the other half of a follow-up: measures (åtgärder), chart events and the
committee's assessments (views `measures`, `measure_history`, `events`, `assessments`; docs/data.md).

Connections are handed in; results are pandas frames with the views' own column names. Counts of
measures by status are over the latest round of each measure (the view `measures`, METHOD.md §5).
"""
from __future__ import annotations

import pandas as pd

from indicators.store import queries, schema

MEASURE_COLUMNS = ('measure_id, follow_up, follow_up_end, focus_area_id, sub_goal_id, title, owner, unit,'
                   ' start, "end", status, cost, indicator_ids, area_ids, comment, is_demo, upload_id,'
                   ' loaded_at')
GROUPS = {"focus_area": "focus_area_id", "owner": "owner", "sub_goal": "sub_goal_id"}


def measures(con, *, focus_area_id: str | None = None, owner: str | None = None,
             status: str | None = None, area_id: str | None = None,
             indicator_id: str | None = None) -> pd.DataFrame:
    """The latest round of every measure, filtered (None: no filter); `area_id` and `indicator_id`
    keep the measures linked to that area / indicator. Ordered by focus area, sub-goal, id."""
    return queries.filtered(con, f"SELECT {MEASURE_COLUMNS} FROM measures", [
        ("focus_area_id = ?", focus_area_id), ("owner = ?", owner), ("status = ?", status),
        ("list_contains(area_ids, ?)", area_id), ("list_contains(indicator_ids, ?)", indicator_id)],
        "focus_area_id, sub_goal_id NULLS LAST, measure_id")


def measure_history(con, measure_id: str | None = None) -> pd.DataFrame:
    """Every round of one measure (or all), oldest round first: the status over time."""
    sql = f"SELECT {MEASURE_COLUMNS} FROM measure_history"
    params = []
    if measure_id is not None:
        sql += " WHERE measure_id = ?"
        params.append(measure_id)
    return con.execute(sql + " ORDER BY measure_id, follow_up_end", params).df()


def status_counts(con, by: str | None = None) -> pd.DataFrame:
    """How many measures have each status in their latest round: columns status, count, and the
    group's column when `by` is "focus_area", "owner" or "sub_goal"."""
    group = GROUPS[by] if by else None
    keys = f"{group}, status" if group else "status"
    return con.execute(f"SELECT {keys}, count(*) AS count FROM measures GROUP BY {keys}"
                       f" ORDER BY {keys}").df()


def status_changes_since(con, since) -> pd.DataFrame:
    """Measures whose current status was loaded after `since` (UTC) and differs from the status
    they had before it (previous NULL: a measure new since then): measure_id, title,
    focus_area_id, owner, follow_up, status, previous, is_demo, loaded_at, file_name;
    newest first."""
    return con.execute(f"""
        WITH before AS (
            SELECT measure_id, status FROM ({schema._live("measure_rounds")})
            WHERE loaded_at <= ?
            QUALIFY row_number() OVER (PARTITION BY measure_id
                                       ORDER BY follow_up_end DESC, upload_id DESC) = 1)
        SELECT m.measure_id, m.title, m.focus_area_id, m.owner, m.follow_up, m.status,
               b.status AS previous, m.is_demo, m.loaded_at, u.file_name
        FROM measures m JOIN uploads u USING (upload_id) LEFT JOIN before b USING (measure_id)
        WHERE m.loaded_at > ? AND (b.status IS NULL OR b.status <> m.status)
        ORDER BY m.loaded_at DESC, m.measure_id""", [since, since]).df()


def events(con, indicator_id: str | None = None, area_id: str | None = None) -> pd.DataFrame:
    """The events a chart of `indicator_id` in `area_id` shows: those of that indicator or of every
    indicator (NULL), in that area or every area (NULL); `area_id` None keeps every area's events
    (the municipality's chart shows what happened in its parts too). Oldest first."""
    return queries.filtered(
        con, "SELECT event_date, period, title, kind, indicator_id, area_id, comment, is_demo, upload_id FROM events",
        [("(indicator_id IS NULL OR indicator_id = ?)", indicator_id), ("(area_id IS NULL OR area_id = ?)", area_id)],
        "event_date, title")


def assessments(con, indicator_id: str | None = None) -> pd.DataFrame:
    """The committee's assessments (one per indicator and round), newest round first."""
    sql = ("SELECT indicator_id, follow_up, follow_up_end, assessment, judgement, decided_by, is_demo,"
           " upload_id, loaded_at FROM assessments")
    params = []
    if indicator_id is not None:
        sql += " WHERE indicator_id = ?"
        params.append(indicator_id)
    return con.execute(sql + " ORDER BY indicator_id, follow_up_end DESC", params).df()

