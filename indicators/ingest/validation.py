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
from dataclasses import dataclass, field

import duckdb

from indicators import config, periods
from indicators.catalog import Catalog
from indicators.ingest import (checks, decoding, follow_up_columns, headers, kolada, lookups,
                               measures, pcaxis, tabular, workbook)
from indicators.ingest.options import NONE, Options
from indicators.ingest.problems import Notice, Problem, unnamed_column

__all__ = ["Notice", "Problem", "Validation", "drop_staged", "validate"]

def drop_staged(con) -> None:
    """Drops whatever a validation staged: the view `staged` of values, or the measures' or
    events' TEMP table, and the tables behind them."""
    checks.drop_staged(con)
    measures.drop_staged(con)


@dataclass
class Validation:
    problems: list[Problem]
    row_count: int
    file_name: str
    sha256: str
    size: int
    options: Options = NONE
    notices: list[Notice] = field(default_factory=list)   # what was skipped, ignored or read as a symbol
    mapping: dict[str, str] = field(default_factory=dict)  # role -> the column (or choice) it came from
    header: list[str] = field(default_factory=list)        # the header row as found
    layout_kind: str = ""                                   # "long" | "wide" | "px" | "kolada"
    content: str = "observations"                           # "observations" | "measures" | "events"

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, catalog: Catalog,
             *, sheet: str | None = None, options: Options = NONE) -> Validation:
    """Checks an uploaded file; when it is valid its rows are left in the TEMP view `staged`.

    `options` are the analyst's choices for a file not in the standard layout (ingest/options.py);
    `sheet` is a shorthand for `options.sheet`."""
    if sheet is not None:
        options = Options.from_dict({**options.as_dict(), "sheet": sheet})
    result = Validation([], 0, file_name, "", len(data), options)
    checks.drop_staged(con)
    measures.drop_staged(con)
    with ThreadPoolExecutor(1) as pool:  # sha256 releases the GIL: it runs while the file is read
        digest = pool.submit(lambda: hashlib.sha256(data).hexdigest())
        try:
            result.problems = _problems(con, data, catalog, options, result)
        except Exception:  # noqa: BLE001 - a bug must not reach the analyst as a traceback
            reference = _log_crash(result.file_name)
            checks.drop_staged(con)
            result.problems = [Problem(None, None, "ingest.internal_error", {"reference": reference})]
        finally:
            tabular.drop(con)
            for name in checks.MAPS:
                con.execute(f"DROP TABLE IF EXISTS {name}")
        result.sha256 = digest.result()
    return result


def _problems(con, data: bytes, catalog: Catalog, options: Options, result: Validation) -> list[Problem]:
    def one(key: str, **detail) -> list[Problem]:
        return [Problem(None, None, key, detail)]

    if len(data) > config.max_upload_bytes():
        return one("ingest.too_large", size=len(data), limit=config.max_upload_bytes())
    if _blank(data):
        return one("ingest.empty")
    wrong = _option_problems(catalog, options)
    if wrong:
        return wrong
    try:
        loaded = _load(con, data, result.file_name, options, result)
    except tabular.ReadError as error:
        return one(error.key, **error.detail)
    if loaded is None:
        return one("ingest.not_text")
    result.row_count = loaded.rows
    result.header = loaded.header
    kind = follow_up_columns.kind_of(loaded.header)
    if kind:  # a measures or events file: recognised from its header (DATA.md §6-7)
        result.content = result.layout_kind = kind
        result.notices = _read_notices(loaded, headers.Layout(loaded.header))
        if loaded.rows == 0:
            return one("ingest.header_only")
        restore = decoding.restore if loaded.swapped else (lambda text: text)
        return measures.problems(con, catalog, loaded, kind, restore)
    layout = headers.layout_of(loaded.header, options)
    result.layout_kind = result.layout_kind or ("wide" if layout.wide else "long")
    result.mapping = _mapping(layout, loaded.header)
    result.notices = _read_notices(loaded, layout)
    line = loaded.header_line
    problems = [Problem(line, None if p.column is None else loaded.header[p.column].strip(), p.key, p.detail)
                for p in layout.problems]
    if loaded.rows == 0:
        return one("ingest.header_only") + problems
    if any(p.key in ("ingest.missing_columns", "ingest.no_such_column", "ingest.choose_value_column")
           for p in problems):
        return problems
    checker = checks.Checker(con, catalog, layout, loaded, options)
    problems += checker.row_problems()
    result.notices += _check_notices(checker)
    problems.sort(key=lambda p: (p.line or 0, checker.position(p.column)))
    if len(problems) > checks.MAX_PROBLEMS:
        shown = checks.MAX_PROBLEMS
        problems = problems[:shown] + one("ingest.more_problems", count=len(problems) - shown)
    elif checker.hidden:
        problems += one("ingest.more_problems", count=checker.hidden)
    if not problems:
        checker.stage()
    return problems


def _load(con, data: bytes, file_name: str, options: Options, result: Validation) -> tabular.Loaded | None:
    """The file as rows in DuckDB, whatever its layout: workbook, PC-Axis, Kolada JSON or CSV."""
    kind = decoding.kind_of(data)
    if kind == "xls":
        raise tabular.ReadError("ingest.old_excel")
    if kind == "xlsx":
        return workbook.load_xlsx(con, data, options.sheet, config.max_upload_rows())
    if pcaxis.looks_like(data, file_name):
        header, rows, _ = pcaxis.records(data)
        result.layout_kind = "px"
        return tabular.load_records(con, header, rows, config.max_upload_rows())
    if kolada.looks_like(data, file_name):
        header, rows = kolada.records(data, options.gender)
        result.layout_kind = "kolada"
        return tabular.load_records(con, header, rows, config.max_upload_rows())
    encoding = decoding.encoding_of(data)
    if encoding is None:
        return None
    return tabular.load_text(con, data, encoding, config.max_upload_rows())


def _option_problems(catalog: Catalog, options: Options) -> list[Problem]:
    """Choices that cannot be right whatever the file holds: an unknown indicator, a bad period."""
    problems = []
    if options.indicator and not lookups.indicator_id_for(catalog, options.indicator):
        problems.append(Problem(None, None, "ingest.unknown_indicator", {
            "value": options.indicator, "suggestion": lookups.indicator_suggestion(catalog, options.indicator)}))
    if options.period and periods.parse(options.period) is None:
        reason = periods.not_a_period_because(options.period)
        problems.append(Problem(None, None, f"ingest.{reason}" if reason else "ingest.bad_period",
                                {"value": options.period}))
    return problems


def _mapping(layout: headers.Layout, header: list[str]) -> dict[str, str]:
    mapping = {role: (header[position] or "").strip() or unnamed_column(position + 1)
               for role, position in layout.columns.items()}
    for role, text in layout.constants.items():
        mapping.setdefault(role, f"= {text}")
    if layout.wide:
        mapping["period"] = ", ".join(header[p].strip() for p, _ in layout.periods)
    return mapping


def _read_notices(loaded: tabular.Loaded, layout: headers.Layout) -> list[Notice]:
    notices = [Notice(s.line, None, f"ingest.skipped_{s.kind}", {"text": s.text[:200]}) for s in loaded.skipped]
    notices += [Notice(loaded.header_line, (loaded.header[p] or "").strip() or unnamed_column(p + 1),
                       "ingest.ignored_column", {})
                for p in layout.ignored]
    if loaded.percent_cells:
        notices.append(Notice(None, None, "ingest.percent_cells", {"count": loaded.percent_cells}))
    return notices


def _check_notices(checker: checks.Checker) -> list[Notice]:
    notices = [Notice(None, None, "ingest.symbol_cells", {"symbol": symbol, "written": written, "count": count})
               for (symbol, written), count in checker.symbols.items()]
    if checker.skipped_areas:
        shown = list(checker.skipped_areas.items())[:20]
        notices.append(Notice(None, None, "ingest.skipped_areas", {
            "count": sum(checker.skipped_areas.values()), "areas": ", ".join(t for t, _ in shown)
            + (" …" if len(checker.skipped_areas) > len(shown) else "")}))
    return notices


def _log_crash(file_name: str) -> str:
    """Logs the traceback of a crash for the server's operator; returns the reference the analyst
    sees (the details, with server paths and SQL, stay in the log)."""
    import logging
    import uuid

    reference = uuid.uuid4().hex[:8]
    logging.getLogger("indicators.ingest").exception("ingest crash %s reading %r", reference, file_name)
    return reference


def _blank(data: bytes) -> bool:
    for bom in (decoding.UTF8_BOM, *decoding.UTF16_BOMS):
        if data.startswith(bom):
            body = data[len(bom):]
            if bom in decoding.UTF16_BOMS:
                body = body.replace(b"\x00", b"") if len(body) < 4096 else body
            return len(body) < 4096 and not body.strip()
    return len(data) < 4096 and not data.strip()
