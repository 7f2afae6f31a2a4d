"""Read queries over the store's public SQL surface. Connections are handed in; results are plain
Python values or pandas frames. Pages reach these through the cached wrappers in web.py."""
from __future__ import annotations

import pandas as pd

from .periods import Period, parse

OBSERVATION_COLUMNS = ("indicator_id, area_id, period, grain, period_start, value, numerator,"
                       " denominator, n, note, source, is_demo, upload_id, loaded_at")


def observations(con, indicator_id: str | None = None, area_id: str | None = None) -> pd.DataFrame:
    """Current values, optionally for one indicator and/or area, oldest period first."""
    where, params = [], []
    if indicator_id is not None:
        where.append("indicator_id = ?")
        params.append(indicator_id)
    if area_id is not None:
        where.append("area_id = ?")
        params.append(area_id)
    sql = f"SELECT {OBSERVATION_COLUMNS} FROM observations"
    if where:
        sql += " WHERE " + " AND ".join(where)
    return con.execute(sql + " ORDER BY indicator_id, area_id, period_start", params).df()


def series(con, indicator_id: str, area_id: str) -> list[tuple[Period, float | None]]:
    """(Period, value) pairs of one indicator in one area, oldest first; None where missing."""
    rows = con.execute(
        "SELECT period, value FROM observations WHERE indicator_id = ? AND area_id = ?"
        " ORDER BY period_start", [indicator_id, area_id]).fetchall()
    return [(parse(period), value) for period, value in rows]


def municipality_series(con, area_id: str) -> dict[str, list[tuple[Period, float | None]]]:
    """Every indicator's series for one area: {indicator_id: [(Period, value), ...]}."""
    rows = con.execute(
        "SELECT indicator_id, period, value FROM observations WHERE area_id = ?"
        " ORDER BY indicator_id, period_start", [area_id]).fetchall()
    found: dict[str, list[tuple[Period, float | None]]] = {}
    for indicator_id, period, value in rows:
        found.setdefault(indicator_id, []).append((parse(period), value))
    return found


def has_demo(con, indicator_id: str | None = None) -> bool:
    sql = "SELECT count(*) FROM observations WHERE is_demo"
    params = []
    if indicator_id:
        sql += " AND indicator_id = ?"
        params.append(indicator_id)
    return con.execute(sql, params).fetchall()[0][0] > 0


def last_loaded(con):
    """When the newest active upload was loaded (UTC), or None."""
    return con.execute("SELECT max(loaded_at) FROM uploads WHERE status = 'active'").fetchall()[0][0]
