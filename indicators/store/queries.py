"""Read queries over the store's public SQL surface. Connections are handed in; results are plain
Python values or pandas frames. Pages reach these through the cached wrappers in web.py."""
from __future__ import annotations

import pandas as pd

from indicators.store import schema
from indicators.periods import Period, parse

OBSERVATION_COLUMNS = ("indicator_id, area_id, period, grain, period_start, value, numerator,"
                       " denominator, n, note, source, symbol, is_demo, upload_id, loaded_at")


def filtered(con, select: str, conditions: list[tuple[str, object]], order: str) -> pd.DataFrame:
    """`select` with every condition whose value is not None (each a clause with one `?`), ANDed,
    ordered by `order`: the optional filters of the read queries, written once."""
    used = [(clause, value) for clause, value in conditions if value is not None]
    where = " WHERE " + " AND ".join(clause for clause, _ in used) if used else ""
    return con.execute(f"{select}{where} ORDER BY {order}", [value for _, value in used]).df()


def observations(con, indicator_id: str | None = None, area_id: str | None = None) -> pd.DataFrame:
    """Current values, optionally for one indicator and/or area, oldest period first."""
    return filtered(con, f"SELECT {OBSERVATION_COLUMNS} FROM observations",
                    [("indicator_id = ?", indicator_id), ("area_id = ?", area_id)],
                    "indicator_id, area_id, period_start")


def series(con, indicator_id: str, area_id: str) -> list[tuple[Period, float | None]]:
    """(Period, value) pairs of one indicator in one area, oldest first; None where missing."""
    rows = con.execute(
        "SELECT period, value FROM observations WHERE indicator_id = ? AND area_id = ?"
        " ORDER BY period_start", [indicator_id, area_id]).fetchall()
    return [(parse(period), value) for period, value in rows]


def has_demo(con, indicator_id: str | None = None) -> bool:
    sql = "SELECT count(*) FROM observations WHERE is_demo"
    params = []
    if indicator_id:
        sql += " AND indicator_id = ?"
        params.append(indicator_id)
    return con.execute(sql, params).fetchall()[0][0] > 0


# --- views (dashboard pages): narrow SQL, aggregated in DuckDB --------------------------------

def indicator_frame(con, indicator_id: str) -> pd.DataFrame:
    """Every area × period of one indicator (value, numerator, denominator, n, the analyst's note,
    is_demo, source, loaded_at), oldest period first: the whole indicator × period that
    disclosure.protect needs."""
    return con.execute(
        "SELECT indicator_id, area_id, period, grain, period_start, value, numerator, denominator,"
        " n, note, is_demo, source, loaded_at FROM observations WHERE indicator_id = ?"
        " ORDER BY period_start, area_id", [indicator_id]).df()


def area_frame(con, area_ids: list[str]) -> pd.DataFrame:
    """Every indicator × period for the given areas (e.g. one area and the municipality)."""
    return con.execute(
        "SELECT indicator_id, area_id, period, grain, period_start, value, numerator, denominator,"
        " n, is_demo, source, loaded_at FROM observations WHERE list_contains(?, area_id)"
        " ORDER BY indicator_id, period_start, area_id", [list(area_ids)]).df()


def provenance(con, indicator_id: str | None = None) -> dict:
    """First and last period with a value, newest load time, demo or not, sources (one indicator
    or all), and `source_periods`: each source with the first and last period it gives a value for,
    [(source | None, first, last)] in time order (None: rows without a source of their own)."""
    where = "WHERE value IS NOT NULL" + (" AND indicator_id = ?" if indicator_id else "")
    params = [indicator_id] if indicator_id else []
    row = con.execute(
        "SELECT arg_min(period, period_start), arg_max(period, period_start), max(loaded_at),"
        f" bool_or(is_demo), list(DISTINCT source) FILTER (WHERE source IS NOT NULL)"
        f" FROM observations {where}", params).fetchall()[0]
    spans = con.execute(
        "SELECT source, arg_min(period, period_start), arg_max(period, period_start)"
        f" FROM observations {where} GROUP BY source ORDER BY min(period_start), max(period_start),"
        " source NULLS LAST", params).fetchall()
    return {"first": row[0], "last": row[1], "loaded_at": row[2], "demo": bool(row[3]),
            "sources": sorted(row[4] or []), "source_periods": [tuple(s) for s in spans]}


def changes_since(con, since, limit: int | None = 500) -> pd.DataFrame:
    """Values loaded after `since` (a datetime, UTC) by active uploads, each with the value it
    replaced (NULL when new): indicator_id, area_id, period, value, previous, revised, upload_id,
    loaded_at, file_name, kind; newest first, at most `limit` rows (see changes_summary for all)."""
    return con.execute(f"""
        WITH recent AS (
            SELECT r.indicator_id, r.area_id, r.period, {schema.start_sql("r.period")} AS period_start,
                   r.value, r.upload_id, u.loaded_at, u.file_name, u.kind
            FROM revisions r JOIN uploads u USING (upload_id)
            WHERE u.status = 'active' AND u.loaded_at > ?),
        before AS (
            SELECT r.indicator_id, r.area_id, r.period, r.value, r.upload_id
            FROM revisions r JOIN uploads u USING (upload_id)
            WHERE u.status = 'active' AND u.loaded_at <= ?
            QUALIFY row_number() OVER (PARTITION BY r.indicator_id, r.area_id, r.period
                                       ORDER BY r.upload_id DESC) = 1)
        SELECT c.indicator_id, c.area_id, c.period, c.period_start, c.value, b.value AS previous,
               b.upload_id IS NOT NULL AS revised, c.upload_id, c.loaded_at, c.file_name, c.kind
        FROM recent c LEFT JOIN before b USING (indicator_id, area_id, period)
        WHERE b.upload_id IS NULL OR c.value IS DISTINCT FROM b.value
        ORDER BY c.loaded_at DESC, c.indicator_id, c.area_id, c.period_start""" + (
        f" LIMIT {int(limit)}" if limit else ""), [since, since]).df()


def changes_summary(con, since) -> pd.DataFrame:
    """Per indicator: how many values loaded after `since` are new and how many revise an earlier
    value (counted in DuckDB, whatever the size of the uploads)."""
    return con.execute("""
        WITH recent AS (
            SELECT r.indicator_id, r.area_id, r.period, r.value
            FROM revisions r JOIN uploads u USING (upload_id)
            WHERE u.status = 'active' AND u.loaded_at > ?),
        before AS (
            SELECT DISTINCT ON (r.indicator_id, r.area_id, r.period) r.indicator_id, r.area_id,
                   r.period, r.value
            FROM revisions r JOIN uploads u USING (upload_id)
            WHERE u.status = 'active' AND u.loaded_at <= ?
            ORDER BY r.indicator_id, r.area_id, r.period, r.upload_id DESC)
        SELECT c.indicator_id,
               count(*) FILTER (WHERE b.indicator_id IS NULL) AS new,
               count(*) FILTER (WHERE b.indicator_id IS NOT NULL
                                AND c.value IS DISTINCT FROM b.value) AS revised
        FROM recent c LEFT JOIN before b USING (indicator_id, area_id, period)
        GROUP BY c.indicator_id HAVING new + revised > 0 ORDER BY c.indicator_id""",
        [since, since]).df()


def upload_times(con) -> list[tuple[int, object, str, str]]:
    """(upload_id, loaded_at, file_name, kind) of active uploads, newest first."""
    return con.execute("SELECT upload_id, loaded_at, file_name, kind FROM uploads"
                       " WHERE status = 'active' ORDER BY upload_id DESC").fetchall()
