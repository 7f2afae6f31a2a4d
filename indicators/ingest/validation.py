"""Uploaded bytes -> problems | staged rows, vectorised in DuckDB (DATA.md section 2).

    validation = validate(con, data, "skjutningar.csv", catalog)
    if validation.ok: rows are in the TEMP view `staged` of `con`
    else: validation.problems, each with line, column, message key and detail
    drop_staged(con) once the rows are stored

A file is accepted whole or not at all: `staged` exists only when there is no problem (a TEMP
view; `drop_staged(con)` drops it and the tables behind it). Distinct
indicator, area and period texts are mapped once in Python; values are parsed and every rule is
checked in SQL (checks.py), so a million-row export costs a small multiple of what DuckDB needs to
read it. Reading bytes into rows is tabular.py; problems and their messages are problems.py.
"""
from __future__ import annotations

import hashlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb

from indicators.ingest import checks, decoding, headers, tabular
from indicators import config
from indicators.catalog import Catalog
from indicators.ingest.problems import Problem

__all__ = ["Problem", "Validation", "drop_staged", "validate"]

drop_staged = checks.drop_staged


@dataclass
class Validation:
    problems: list[Problem]
    row_count: int
    file_name: str
    sha256: str
    size: int

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, catalog: Catalog,
             *, sheet: str | None = None) -> Validation:
    """Checks an uploaded file; when it is valid its rows are left in the TEMP view `staged`."""
    result = Validation([], 0, file_name, "", len(data))
    checks.drop_staged(con)
    with ThreadPoolExecutor(1) as pool:  # sha256 releases the GIL: it runs while the file is read
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        try:
            result.problems = _problems(con, data, catalog, sheet, result)
        finally:
            tabular.drop(con)
            for name in checks.MAPS:
                con.execute(f"DROP TABLE IF EXISTS {name}")
        result.sha256 = digest.result()
    return result


def _problems(con, data: bytes, catalog: Catalog, sheet: str | None, result: Validation) -> list[Problem]:
    def one(key: str, **detail) -> list[Problem]:
        return [Problem(None, None, key, detail)]

    if len(data) > config.max_upload_bytes():
        return one("ingest.too_large", size=len(data), limit=config.max_upload_bytes())
    if _blank(data):
        return one("ingest.empty")
    kind = decoding.kind_of(data)
    try:
        if kind == "xls":
            return one("ingest.old_excel")
        if kind == "xlsx":
            loaded = tabular.load_xlsx(con, data, sheet, config.max_upload_rows())
        else:
            encoding = decoding.encoding_of(data)
            if encoding is None:
                return one("ingest.not_text")
            loaded = tabular.load_text(con, data, encoding, config.max_upload_rows())
    except tabular.ReadError as error:
        return one(error.key, **error.detail)
    result.row_count = loaded.rows
    layout = headers.layout_of(loaded.header)
    problems = [Problem(1, None if p.column is None else loaded.header[p.column].strip(), p.key, p.detail)
                for p in layout.problems]
    if loaded.rows == 0:
        return one("ingest.header_only") + problems
    if any(p.key == "ingest.missing_columns" for p in problems):
        return problems
    checker = checks.Checker(con, catalog, layout, loaded)
    problems += checker.row_problems()
    problems.sort(key=lambda p: (p.line or 0, checker.position(p.column)))
    if len(problems) > checks.MAX_PROBLEMS:
        shown = checks.MAX_PROBLEMS
        problems = problems[:shown] + one("ingest.more_problems", count=len(problems) - shown)
    elif checker.hidden:
        problems += one("ingest.more_problems", count=checker.hidden)
    if not problems:
        checker.stage()
    return problems


def _blank(data: bytes) -> bool:
    for bom in (decoding.UTF8_BOM, *decoding.UTF16_BOMS):
        if data.startswith(bom):
            body = data[len(bom):]
            if bom in decoding.UTF16_BOMS:
                body = body.replace(b"\x00", b"") if len(body) < 4096 else body
            return len(body) < 4096 and not body.strip()
    return len(data) < 4096 and not data.strip()
