"""Shared by the ingest tests: the shipped catalog, a fresh connection, and a validate shortcut."""
from __future__ import annotations

import duckdb

from indicators.catalog import load_catalog
from indicators.ingest import validate

HEADER_SV = ["indikator", "område", "period", "värde"]


def check(data: bytes, name: str = "upload.csv", sheet: str | None = None, **options):
    """(validation, connection) for `data` against the shipped Eskilstuna catalog; keyword
    arguments are the analyst's choices (ingest.Options)."""
    from indicators.ingest import Options

    con = duckdb.connect()
    return validate(con, data, name, load_catalog(), sheet=sheet, options=Options(**options)), con


def values(con) -> list[tuple]:
    """(area_id, period, value, symbol) of every staged row, in file order."""
    return con.execute("SELECT area_id, period, value, symbol FROM staged ORDER BY line, period").fetchall()


def staged(con) -> list[tuple]:
    return con.execute(
        "SELECT line, indicator_id, area_id, period, value, note FROM staged ORDER BY line").fetchall()


def has_staged(con) -> bool:
    return bool(con.execute(
        "SELECT count(*) FROM duckdb_views() WHERE view_name = 'staged'").fetchall()[0][0]
        or con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name LIKE '%staged%'").fetchall()[0][0])


def where(validation) -> list[tuple]:
    """(line, column, key) of every problem, in order."""
    return [(p.line, p.column, p.key) for p in validation.problems]
