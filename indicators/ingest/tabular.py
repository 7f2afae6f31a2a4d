"""Text -> the DuckDB view `_ingest_rows(line, nfields, c0, c1, ...)` (workbooks: workbook.py).

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
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

import duckdb

from indicators.ingest import decoding
from indicators.ingest.scratch import scratch_file

RAW = "_ingest_raw"
ROWS = "_ingest_rows"
ALL_ROWS = "_ingest_all_rows"  # every row read; ROWS is the same without trailing footnotes
_PROBE = 1 << 20  # a Windows-1252 file with a character DuckDB refuses in its first MiB is swapped at once
_NULL_MARK = "\x1f"  # a cell DuckDB pads is NULL; an empty cell stays '' (nullstr is never '')


class ReadError(Exception):
    """The file cannot be read as a table at all; `key` and `detail` make the message."""

    def __init__(self, key: str, **detail):
        super().__init__(key)
        self.key = key
        self.detail = detail


@dataclass(frozen=True)
class Skipped:
    """A line that is not data: a title above the header, or a footnote below the data."""
    line: int
    kind: str           # "title" | "footnote"
    text: str


@dataclass(frozen=True)
class Loaded:
    header: list[str]
    rows: int           # non-empty data rows
    delimiter: str | None = None  # None for a workbook
    swapped: bool = False  # cells hold decoding.latin1_readable stand-ins: pass texts through restore()
    header_line: int = 1  # the header's line in the file (title lines above it are skipped)
    skipped: tuple[Skipped, ...] = ()
    percent_cells: int = 0  # workbook cells formatted as percent, read as shown (0.31 -> 31)


MAX_TITLE_LINES = 30
MAX_COLUMNS = 1000        # a monthly wide export since 1940 fits; more is no table an analyst makes
MAX_LINE = 1 << 20        # characters in one line (1 MiB): a longer one is no row of a table
UNPACK_FACTOR = 8         # a workbook may unpack to 8x the upload limit (xlsx packs ~5-10x): no zip bomb
_FOOTNOTE_WORDS = ("källa", "kalla", "anm", "fotnot", "not:", "not ", "kommentar", "förklaring",
                   "teckenförklaring", "symbol", "uppgift", "uppdaterad", "senast", "source", "note",
                   "..", "*", "–", "-", "x ", "× ")
_TAIL = 200  # at most this many footnote lines below the data


def _filled(cells) -> int:
    return sum(1 for c in cells if c is not None and str(c).strip())


def header_index(lines: list[list[str | None]]) -> int:
    """The position of the header among the first rows: title and blank rows above it have at most
    one filled cell (a statistical database writes its table title there); a header has two or more."""
    for index, cells in enumerate(lines[:MAX_TITLE_LINES + 1]):
        if _filled(cells) >= 2:
            return index
    return 0


def is_footnote(cells, nfields: int | None = None) -> bool:
    """A row below the data that is a footnote: one filled cell, the first, that reads as a note
    (`Källa: ...`, `Anm.`, `..` = uppgift saknas ...), or a line with no delimiter at all."""
    if _filled(cells) != 1 or cells[0] is None or not str(cells[0]).strip():
        return False
    text = str(cells[0]).strip().casefold()
    return text.startswith(_FOOTNOTE_WORDS) or (" " in text and (nfields == 1 or len(text) > 40))


def footnotes_at_end(con) -> list[Skipped]:
    """Trailing rows of `_ingest_rows` that are footnotes; the view is narrowed to exclude them."""
    tail = con.execute(f"SELECT * FROM {ALL_ROWS} ORDER BY line DESC LIMIT {_TAIL}").fetchall()
    found = []
    for row in tail:
        if not is_footnote(row[2:], row[1]):
            break
        found.append(Skipped(row[0], "footnote", str(row[2]).strip()))
    below = f" WHERE line < {found[-1].line}" if found else ""
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT * FROM {ALL_ROWS}{below}")
    return found[::-1]


def drop(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(f"DROP VIEW IF EXISTS {ROWS}")
    con.execute(f"DROP VIEW IF EXISTS {ALL_ROWS}")
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
    if b"\r" in body[:1 << 16] and b"\n" not in body[:1 << 16]:  # Excel for Mac: CR alone ends a line
        body = body.replace(b"\r", b"\n")
        data = body if encoding != "utf-16" else data.decode("utf-16").replace("\r", "\n").encode("utf-16")
    head = body[:1 << 16].decode(header_encoding, errors="replace").split("\n")[:MAX_TITLE_LINES + 2]
    head = [line.rstrip("\r") for line in head]
    parsed = [_fields(line, decoding.delimiter_of(line)) for line in head]
    at = header_index(parsed)
    first = head[at] if at < len(head) else ""
    delimiter = decoding.delimiter_of(first)
    header = _fields(first, delimiter)
    if len(header) > MAX_COLUMNS:  # counted on the whole line: the head above may have cut it
        whole, cut = decoding.line_of(body, at, header_encoding, MAX_LINE)
        found = len(_fields(whole, delimiter))
        raise ReadError("ingest.too_many_columns_at_least" if cut else "ingest.too_many_columns",
                        found=found, limit=MAX_COLUMNS)
    titles = tuple(Skipped(n + 1, "title", " ".join(c.strip() for c in cells if c.strip()))
                   for n, cells in enumerate(parsed[:at]) if _filled(cells))
    if first.count('"') % 2 == 0 and all(line.count('"') % 2 == 0 for line in head[:at]):
        for readable, swapped in _readable(body, encoding):
            rows = _read_fast(con, readable, duck_encoding, delimiter, len(header), max_rows, at)
            if rows is not None:
                footnotes = tuple(footnotes_at_end(con))
                return Loaded(header, rows - len(footnotes), delimiter, swapped, at + 1, titles + footnotes)
    text = decoding.text_of(data, encoding)
    header, rows = _read_slow(con, text, delimiter, max_rows, at)
    footnotes = tuple(footnotes_at_end(con))
    return Loaded(header, rows - len(footnotes), delimiter, False, at + 1, titles + footnotes)


def _fields(line: str, delimiter: str) -> list[str]:
    """One line's fields as the csv module reads them; a line it cannot read (a lone CR inside
    it, say) is split at the delimiter, which is enough to find the header."""
    try:
        return next(csv.reader([line], delimiter=delimiter), [])
    except csv.Error:
        return line.split(delimiter)


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


def _physical_lines(body: bytes) -> int:
    """Lines up to the last one with content (trailing line breaks do not make lines)."""
    end = len(body)
    while end and body[end - 1] in b"\r\n":
        end -= 1
    return body.count(b"\n", 0, end) + 1 if end else 0


def _read_fast(con, body: bytes, encoding: str, delimiter: str, width: int, max_rows: int,
               at: int = 0) -> int | None:
    """Rows read by DuckDB straight from the bytes, or None when line = rowid + 2 would not hold."""
    if width == 0:
        return None
    columns = ", ".join(f"'c{i}': 'VARCHAR'" for i in range(width + 1))  # one extra: too many fields
    handle = scratch_file(".csv")
    try:
        with handle:
            handle.write(body)
        try:
            with ThreadPoolExecutor(1) as pool:  # DuckDB releases the GIL: the lines are counted meanwhile
                lines = pool.submit(_physical_lines, body)
                con.execute(
                    f"CREATE OR REPLACE TEMP TABLE {RAW} AS SELECT * FROM read_csv({_sql_string(handle.name)},"
                    f" delim={_sql_string(delimiter)}, header=false, skip={at + 1}, auto_detect=false,"
                    f" quote='\"', escape='\"', columns={{{columns}}}, null_padding=true,"
                    f" nullstr={_sql_string(_NULL_MARK)}, encoding={_sql_string(encoding)})")
        except duckdb.Error:
            return None
    finally:
        os.unlink(handle.name)
    rows = con.execute(f"SELECT count(*) FROM {RAW}").fetchall()[0][0]
    if rows + 1 + at != lines.result():
        return None
    if rows > max_rows:
        raise ReadError("ingest.too_many_rows", rows=rows, limit=max_rows)
    if width < 50:  # plain expressions are the fastest for the usual handful of columns
        counted = " + ".join(f"(c{i} IS NOT NULL)::INTEGER" for i in range(width + 1))
        blank = " AND ".join(f"(c{i} IS NULL OR trim(c{i}) = '')" for i in range(width + 1))
    else:  # a chain of hundreds of terms exceeds DuckDB's expression depth: list functions instead
        cells = f"[{_cells(width + 1)}]"
        counted = f"len(list_filter({cells}, lambda x: x IS NOT NULL))"
        blank = f"len(list_filter({cells}, lambda x: x IS NOT NULL AND trim(x) <> '')) = 0"
    # a blank row's first cell is NULL, empty, or starts with a space (the only ASCII character trim
    # removes) or a non-ASCII one: the column's statistics rule that out for free in most files
    maybe = con.execute(f"SELECT count(*) FROM {RAW} WHERE c0 IS NULL OR c0 < '!' OR c0 >= chr(128)"
                        ).fetchall()[0][0]
    blanks = con.execute(f"SELECT count(*) FROM {RAW} WHERE {blank}").fetchall()[0][0] if maybe else 0
    where = f"WHERE NOT ({blank})" if blanks else ""
    con.execute(
        f"CREATE OR REPLACE TEMP VIEW {ALL_ROWS} AS SELECT (rowid + {at + 2})::INTEGER AS line,"
        f" ({counted})::INTEGER AS nfields, {_cells(width)} FROM {RAW} {where}")
    return rows - blanks


def _read_slow(con, text: str, delimiter: str, max_rows: int, at: int = 0) -> tuple[list[str], int]:
    csv.field_size_limit(MAX_LINE)
    # strict: a quote that is never closed is an error naming its line, not a field that swallows
    # every row after it
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, strict=True)
    records: list[tuple[int, list]] = []
    previous = 0
    try:
        while reader.line_num < at and next(reader, None) is not None:
            pass
        header = next(reader, [])
        previous = reader.line_num
        for fields in reader:
            line, previous = previous + 1, reader.line_num
            if len(fields) > MAX_COLUMNS:
                raise ReadError("ingest.too_many_fields", line=line, found=len(fields), limit=MAX_COLUMNS)
            if any(field.strip() for field in fields):
                records.append((line, fields))
                if len(records) > max_rows:
                    raise ReadError("ingest.too_many_rows", rows=f"> {max_rows}", limit=max_rows)
    except csv.Error as error:
        raise ReadError("ingest.unreadable_line", line=previous + 1, error=str(error)[:120],
                        limit=MAX_LINE) from None
    _load_records(con, records, len(header), lambda fields: len(fields))
    return header, len(records)


def load_records(con, header: list[str], records: list[tuple[int, list]], max_rows: int) -> Loaded:
    """Rows a reader made (PC-Axis, Kolada JSON) -> the views, as for a CSV (header = line 1)."""
    if len(records) > max_rows:
        raise ReadError("ingest.too_many_rows", rows=len(records), limit=max_rows)
    _load_records(con, records, len(header), lambda fields: len(fields))
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ROWS} AS SELECT * FROM {ALL_ROWS}")
    return Loaded(header, len(records))


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
    con.execute(f"CREATE OR REPLACE TEMP VIEW {ALL_ROWS} AS SELECT line, nfields{cells} FROM {RAW}")
