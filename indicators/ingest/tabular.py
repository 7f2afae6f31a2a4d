"""Text or workbook -> the DuckDB view `_ingest_rows(line, nfields, c0, c1, ...)`.

`line` is the physical line of the row in the file (header = 1), or its Excel row number; `nfields`
is how many fields the row has; `c0 ...` are the cells as text, one column per header field. Rows
whose cells are all empty are left out (Excel writes `;;;` for formatted but empty rows).

Fast path (no Python loop per row): DuckDB's CSV reader reads the bytes straight from a temporary
file (UTF-8 as is; Windows-1252 as Latin-1, its 0x80-0x9F characters, when it has any, swapped for
stand-ins and restored in Python or SQL; UTF-16 re-encoded to UTF-8 first). A table made from read_csv keeps file
order, so line = rowid + 2 as long
as every record is one physical line; that is checked by counting lines, and any file where it does
not hold (quoted line breaks, blank lines, lone CR line ends, stray quotes, rows two or more fields
longer than the header) goes
through Python's csv module instead, which knows each record's physical line.
"""
from __future__ import annotations

import csv
import io
import os
import tempfile
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb

from indicators.ingest import decoding

RAW = "_ingest_raw"
ROWS = "_ingest_rows"
_PROBE = 1 << 20  # a Windows-1252 file with a character DuckDB refuses in its first MiB is swapped at once
_NULL_MARK = "\x1f"  # a cell DuckDB pads is NULL; an empty cell stays '' (nullstr is never '')


class ReadError(Exception):
    """The file cannot be read as a table at all; `key` and `detail` make the message."""

    def __init__(self, key: str, **detail):
        super().__init__(key)
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class Loaded:
    header: list[str]
    rows: int           # non-empty data rows
    delimiter: str | None = None  # None for a workbook
    swapped: bool = False  # cells hold decoding.latin1_readable stand-ins: pass texts through restore()


def drop(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP VIEW IF EXISTS {ROWS}")
    con.execute(f"DROP TABLE IF EXISTS {RAW}")


def _cells(width: int) -> str:
    return ", ".join(f"c{i}" for i in range(width))


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


# --- text ---------------------------------------------------------------------------------------

def load_text(con: duckdb.DuckDBPyConnection, data: bytes, encoding: str, max_rows: int) -> Loaded:
    """Reads a CSV/TSV file of a known encoding into the view `_ingest_rows`."""
    if encoding == "utf-16":
        body, duck_encoding, header_encoding = decoding.text_of(data, encoding).encode("utf-8"), "utf-8", "utf-8"
    elif encoding == "cp1252":
        body, duck_encoding, header_encoding = data, "latin-1", "cp1252"
    else:
        body, duck_encoding, header_encoding = data, "utf-8", "utf-8-sig"
    end = body.find(b"\n")
    first = body[: end if end >= 0 else None].decode(header_encoding).rstrip("\r")
    delimiter = decoding.delimiter_of(first)
    header = next(csv.reader([first], delimiter=delimiter), [])
    if first.count('"') % 2 == 0:
        for readable, swapped in _readable(body, encoding):
            rows = _read_fast(con, readable, duck_encoding, delimiter, len(header), max_rows)
            if rows is not None:
                return Loaded(header, rows, delimiter, swapped)
    text = decoding.text_of(data, encoding)
    header, rows = _read_slow(con, text, delimiter, max_rows)
    return Loaded(header, rows, delimiter)


def _readable(body: bytes, encoding: str):
    """(bytes for DuckDB's reader, swapped?) to try in turn.

    Windows-1252 bytes go first as they are: most exports hold none of the 27 characters (– ’ € …)
    that DuckDB's Latin-1 reader refuses, and a refusal (~0.1 s) is rarer than the swap is dear
    (0.07 s for 50 MB). A file with one of them in its first MiB is swapped straight away."""
    if encoding != "cp1252":
        yield body, False
        return
    if not decoding.latin1_readable(body[:_PROBE])[1]:
        yield body, False
    readable, swapped = decoding.latin1_readable(body)
    if swapped:
        yield readable, True


def _scratch() -> str | None:
    """A memory-backed folder for the temporary copy when there is one (4x faster than a disk)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


def _physical_lines(body: bytes) -> int:
    """Lines up to the last one with content (trailing line breaks do not make lines)."""
    end = len(body)
    while end and body[end - 1] in b"\r\n":
        end -= 1
    return body.count(b"\n", 0, end) + 1 if end else 0


def _read_fast(con, body: bytes, encoding: str, delimiter: str, width: int, max_rows: int) -> int | None:
    """Rows read by DuckDB straight from the bytes, or None when line = rowid + 2 would not hold."""
    if width == 0:
        return None
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width + 1))  # one extra: too many fields
    handle = tempfile.NamedTemporaryFile(prefix="ingest-", suffix=".csv", delete=False, dir=_scratch())
    try:
        with handle:
            handle.write(body)
        try:
            with ThreadPoolExecutor(1) as pool:  # DuckDB releases the GIL: the lines are counted meanwhile
                lines = pool.submit(_physical_lines, body)
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE {RAW} AS SELECT * FROM read_csv({_sql_string(handle.name)},"
                    f" delim={_sql_string(delimiter)}, header=false, skip=1, auto_detect=false,"
                    f" quote='\"', escape='\"', columns={{{columns}}}, null_padding=true,"
                    f" nullstr={_sql_string(_NULL_MARK)}, encoding={_sql_string(encoding)})")
        except duckdb.Error:
            return None
    finally:
        os.unlink(handle.name)
    rows = con.execute(f"SELECT count(*) FROM {RAW}").fetchall()[0][0]
    if rows + 1 != lines.result():
        return None
    if rows > max_rows:
        raise ReadError("ingest.too_many_rows", rows=rows, limit=max_rows)
    counted = " + ".join(f"(c{i} IS NOT NULL)::INTEGER" for i in range(width + 1))
    blank = " AND ".join(f"(c{i} IS NULL OR trim(c{i}) = '')" for i in range(width + 1))
    # a blank row's first cell is NULL, empty, or starts with a space (the only ASCII character trim
    # removes) or a non-ASCII one: the column's statistics rule that out for free in most files
    maybe = con.execute(f"SELECT count(*) FROM {RAW} WHERE c0 IS NULL OR c0 < '!' OR c0 >= chr(128)"
                        ).fetchall()[0][0]
    blanks = con.execute(f"SELECT count(*) FROM {RAW} WHERE {blank}").fetchall()[0][0] if maybe else 0
    where = f"WHERE NOT ({blank})" if blanks else ""
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT (rowid + 2)::INTEGER AS line,"
        f" ({counted})::INTEGER AS nfields, {_cells(width)} FROM {RAW} {where}")
    return rows - blanks


def _read_slow(con, text: str, delimiter: str, max_rows: int) -> tuple[list[str], int]:
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = next(reader, [])
    records: list[tuple[int, list]] = []
    previous = reader.line_num
    for fields in reader:
        line, previous = previous + 1, reader.line_num
        if any(field.strip() for field in fields):
            records.append((line, fields))
            if len(records) > max_rows:
                raise ReadError("ingest.too_many_rows", rows=f"> {max_rows}", limit=max_rows)
    _load_records(con, records, len(header), lambda fields: len(fields))
    return header, len(records)


def _load_records(con, records: list[tuple[int, list]], width: int, count) -> None:
    """Python records (line, cells) -> the raw table and the view, through one Arrow table."""
    import pyarrow as pa  # here, not at the top: pyarrow and numpy cost 0.2 s to import, and the
    # fast CSV path (every big file) never gets here
    lines = pa.array([line for line, _ in records], pa.int32())
    nfields = pa.array([count(fields) for _, fields in records], pa.int32())
    columns = {"line": lines, "nfields": nfields}
    for i in range(width):
        columns[f"c{i}"] = pa.array(
            [fields[i] if i < len(fields) else None for _, fields in records], pa.string())
    arrow = pa.table(columns)  # noqa: F841 - read by DuckDB's replacement scan below
    con.register("_ingest_arrow", arrow)
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {RAW} AS SELECT * FROM _ingest_arrow")
    finally:
        con.unregister("_ingest_arrow")
    cells = f", {_cells(width)}" if width else ""
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT line, nfields{cells} FROM {RAW}")


# --- workbooks ----------------------------------------------------------------------------------

def load_xlsx(con: duckdb.DuckDBPyConnection, data: bytes, sheet: str | None, max_rows: int) -> Loaded:
    """Reads the first (or the named) sheet of an .xlsx workbook; line = Excel row number."""
    import zipfile

    from openpyxl import load_workbook

    try:
        book = load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, ValueError, OSError) as error:
        raise ReadError("ingest.bad_workbook", error=str(error) or type(error).__name__) from None
    try:
        if sheet is not None and sheet not in book.sheetnames:
            raise ReadError("ingest.no_such_sheet", sheet=sheet, sheets=", ".join(book.sheetnames))
        rows = (book[sheet] if sheet is not None else book.worksheets[0]).iter_rows(values_only=True)
        header = _trimmed([cell_text(v) for v in next(rows, ())])
        if not header:
            raise ReadError("ingest.empty")
        width = len(header)
        records: list[tuple[int, list]] = []
        for line, values in enumerate(rows, start=2):
            cells = _trimmed([cell_text(v) for v in values])
            if any(c.strip() for c in cells if c is not None):
                records.append((line, cells))
                if len(records) > max_rows:
                    raise ReadError("ingest.too_many_rows", rows=f"> {max_rows}", limit=max_rows)
    finally:
        book.close()
    _load_records(con, records, width, lambda fields: max(width, len(fields)))
    return Loaded([h or "" for h in header], len(records))


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
