"""An .xlsx workbook -> the same DuckDB views a CSV makes (tabular.ROWS), line = Excel row number.

The sheet asked for (default: the only sheet with data; several is a problem naming them) is read with openpyxl in read-only mode, without trusting
its stored dimension; title rows above the header and footnote rows below the data are skipped and
listed; a percent-formatted cell is read as Excel shows it; a formula without a saved result names
its cell. A workbook that would unpack to far more than any real export is refused before it is read.
"""
from __future__ import annotations

import io

import duckdb

from indicators.ingest import decoding
from indicators.ingest.tabular import (ALL_ROWS, MAX_COLUMNS, MAX_TITLE_LINES, ROWS, UNPACK_FACTOR, Loaded,
                                       ReadError, Skipped, _load_records, header_index, is_footnote)


def load_xlsx(con: duckdb.DuckDBPyConnection, data: bytes, sheet: str | None, max_rows: int) -> Loaded:
    """Reads the named sheet of an .xlsx workbook, or its only sheet with data; line = Excel row number.

    Title rows above the header and footnote rows below the data are skipped and listed. A cell
    formatted as percent is read as Excel shows it (0.31 shown as `31 %` -> 31). A formula cell whose
    result Excel never saved is a problem naming the cell (ReadError), not a missing value."""
    _unpacked_size_is_sane(data, max_rows)
    try:
        return _read_sheet(con, data, sheet, max_rows)
    except ReadError:
        raise
    except Exception as error:  # noqa: BLE001 - a broken workbook fails in openpyxl in many ways
        raise ReadError("ingest.bad_workbook", error=f"{type(error).__name__}: {str(error)[:160]}") from None


def sheet_names(data: bytes) -> list[str]:
    """The sheet names of an .xlsx workbook, in workbook order (the upload page offers them);
    [] for anything that is not a readable workbook. Never raises: a broken file is named by
    validate(), not here."""
    if decoding.kind_of(data) != "xlsx":
        return []
    try:
        from openpyxl import load_workbook

        _unpacked_size_is_sane(data, 0)
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
        try:
            return [str(name) for name in book.sheetnames]
        finally:
            book.close()
    except Exception:  # noqa: BLE001 - openpyxl fails on a broken workbook in many ways
        return []


def _unpacked_size_is_sane(data: bytes, max_rows: int) -> None:
    """A workbook that would unpack to far more than any real export is refused before it is read."""
    import zipfile

    from indicators import config

    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise ReadError("ingest.bad_workbook", error=str(error) or type(error).__name__) from None
    limit = max(config.max_upload_bytes() * UNPACK_FACTOR, 64 << 20)
    if unpacked > limit:
        raise ReadError("ingest.workbook_too_large", size=unpacked, limit=limit)


def _read_sheet(con, data: bytes, sheet: str | None, max_rows: int) -> Loaded:
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ReadError("ingest.no_such_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
        chosen = book[sheet] if sheet is not None else _only_sheet_with_data(book)
        if not hasattr(chosen, "iter_rows"):  # a chart sheet has no cells
            raise ReadError("ingest.no_cells", sheet=chosen.title)
        chosen.reset_dimensions()  # the stored dimension may claim A1:XFD1048576: read what is there
        percent = [0]
        records: list[tuple[int, list]] = []
        empty_formula_rows: set[int] = set()
        for line, row in enumerate(chosen.iter_rows(), start=1):
            cells = _trimmed([_shown(cell, percent) for cell in row])
            if len(cells) > MAX_COLUMNS:
                raise ReadError("ingest.too_many_fields", line=line, found=len(cells), limit=MAX_COLUMNS)
            if any(c.strip() for c in cells if c is not None):
                records.append((line, cells))
                if len(records) > max_rows + MAX_TITLE_LINES + 1:
                    raise ReadError("ingest.too_many_rows", rows=f"> {max_rows}", limit=max_rows)
            if any(cell.value is None for cell in row):
                empty_formula_rows.add(line)
        name = chosen.title
    finally:
        book.close()
    if not records:
        raise ReadError("ingest.empty")
    at = header_index([cells for _, cells in records])
    header_line, header = records[at][0], [h or "" for h in records[at][1]]
    titles = tuple(Skipped(line, "title", " ".join(c.strip() for c in cells if c and c.strip()))
                   for line, cells in records[:at])
    body = records[at + 1:]
    footnotes = []
    while body and is_footnote(body[-1][1]):
        line, cells = body.pop()
        footnotes.append(Skipped(line, "footnote", str(cells[0]).strip()))
    if len(body) > max_rows:
        raise ReadError("ingest.too_many_rows", rows=f"> {max_rows}", limit=max_rows)
    formula = _formula_without_value(data, name, empty_formula_rows)
    if formula:
        raise ReadError("ingest.formula_without_value", cell=formula)
    width = len(header)
    _load_records(con, body, width, lambda fields: max(width, len(fields)))
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT * FROM {ALL_ROWS}")
    return Loaded(header, len(body), None, False, header_line, titles + tuple(footnotes[::-1]), percent[0])


def _only_sheet_with_data(book):
    """The sheet to read when none is named: the one sheet with data (a header and a row), else the
    first. Several sheets with data is a ReadError naming them: reading the first silently loads
    whatever it holds (DATA.md §5: a workbook's sheet is a choice)."""
    with_data = [ws for ws in book.worksheets if _has_data(ws)]
    if len(with_data) > 1:
        raise ReadError("ingest.choose_sheet", sheets=", ".join(f"”{ws.title}”" for ws in with_data),
                        first=with_data[0].title)
    return with_data[0] if with_data else book.worksheets[0]


def _has_data(ws) -> bool:
    """True for a worksheet with at least two non-empty rows (reads no further than the second)."""
    if not hasattr(ws, "iter_rows"):   # a chart sheet
        return False
    ws.reset_dimensions()
    filled = 0
    for row in ws.iter_rows(values_only=True):
        if any(value is not None and str(value).strip() for value in row):
            filled += 1
            if filled == 2:
                return True
    return False


def _shown(cell, percent: list[int]) -> str | None:
    """A cell as the text Excel shows: a percent-formatted number times 100."""
    value = cell.value
    if isinstance(value, (int, float)) and not isinstance(value, bool) and "%" in str(
            getattr(cell, "number_format", "") or ""):
        percent[0] += 1
        return cell_text(round(value * 100, 9))
    return cell_text(value)


def _formula_without_value(data: bytes, sheet: str, rows: set[int]) -> str | None:
    """The first cell (`C5`) that holds a formula Excel never computed, or None. Only a sheet with
    formulas and empty cells is read a second time, for its formulas."""
    import re
    import zipfile

    if not rows:
        return None
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        if not any(re.search(rb"<(?:\w+:)?f[ >]", archive.read(info))
                   for info in archive.infolist() if info.filename.startswith("xl/worksheets/")):
            return None
    from openpyxl import load_workbook

    values = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    formulas = load_workbook(io.BytesIO(data), read_only=True, data_only=False)
    try:
        for shown, written in zip(values[sheet].iter_rows(), formulas[sheet].iter_rows()):
            for a, b in zip(shown, written):
                if a.value is None and isinstance(b.value, str) and b.value.startswith("="):
                    return b.coordinate
    finally:
        values.close()
        formulas.close()
    return None


def _trimmed(cells: list[str | None]) -> list[str | None]:
    while cells and (cells[-1] is None or not cells[-1].strip()):
        cells.pop()
    return cells


def cell_text(value) -> str | None:
    """A workbook cell as the text a CSV export would hold (2024.0 -> "2024", a date -> ISO)."""
    from datetime import date, datetime, time

    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == time(0) else value.isoformat(" ")
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
