"""Files as Excel and analysts really save them, written byte for byte by the tests.

- `semicolon_cp1252`: "CSV (semikolonavgränsad)" on Swedish Windows: Windows-1252, `;`, decimal
  comma, CRLF line ends (an en dash `–` is the single byte 0x96).
- `semicolon_utf8_bom`: "CSV UTF-8 (kommaavgränsad)" with Swedish settings: a byte-order mark, `;`.
- `unicode_text`: "Unicode-text": UTF-16 LE with a byte-order mark, tab-separated, CRLF.
- `workbook`: a real .xlsx written with openpyxl, one or more named sheets.
"""
from __future__ import annotations

import codecs
import io
from collections.abc import Sequence

Rows = Sequence[Sequence[object]]


def _lines(rows: Rows, delimiter: str) -> str:
    return "".join(delimiter.join("" if cell is None else str(cell) for cell in row) + "\r\n" for row in rows)


def semicolon_cp1252(rows: Rows) -> bytes:
    return _lines(rows, ";").encode("cp1252")


def semicolon_utf8_bom(rows: Rows) -> bytes:
    return codecs.BOM_UTF8 + _lines(rows, ";").encode("utf-8")


def comma_utf8(rows: Rows) -> bytes:
    return _lines(rows, ",").encode("utf-8")


def unicode_text(rows: Rows) -> bytes:
    return codecs.BOM_UTF16_LE + _lines(rows, "\t").encode("utf-16-le")


def workbook(sheets: dict[str, Rows]) -> bytes:
    """An .xlsx with one sheet per entry, in order; cells keep their Python types (numbers, dates)."""
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    for name, rows in sheets.items():
        sheet = book.create_sheet(name)
        for row in rows:
            sheet.append(list(row))
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
