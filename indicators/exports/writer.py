"""The one path every CSV and XLSX the product writes goes through.

Text cells that start with = + - @ (or a tab / carriage return) would run as formulas when the file
is opened in a spreadsheet (CSV injection, OWASP); they are neutralised by a leading apostrophe.
Real numbers (negative ones too) stay numbers. The demo mark, when asked for, travels in the file:
as the first line of a CSV and the first row of every sheet.
"""
from __future__ import annotations

import io
from dataclasses import dataclass
from typing import Mapping

import pandas as pd
from openpyxl import Workbook

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")
Sheets = Mapping[str, pd.DataFrame]


def neutral(value):
    """A cell value that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised; numeric columns are left as they are."""
    out = frame.copy()
    out.columns = [neutral(str(c)) for c in out.columns]
    for n in range(out.shape[1]):
        column = out.iloc[:, n]
        if not pd.api.types.is_numeric_dtype(column):
            out.isetitem(n, column.map(neutral).astype(object))
    return out


@dataclass(frozen=True)
class CsvDialect:
    """How Excel with the given regional settings reads a CSV: separator, decimal mark, encoding.
    Lines always end in CRLF."""
    sep: str
    decimal: str
    encoding: str


def csv_text(frame: pd.DataFrame, dialect: CsvDialect, *, demo_mark: str | None = None) -> str:
    """An already neutralised frame as CSV text (the demo mark, if any, as the first line)."""
    buffer = io.StringIO()
    if demo_mark:
        buffer.write(demo_mark + "\r\n")
    frame.to_csv(buffer, sep=dialect.sep, decimal=dialect.decimal, index=False, lineterminator="\r\n")
    return buffer.getvalue()


def _cell(value):
    if isinstance(value, str):
        return value
    if value is None or (pd.api.types.is_scalar(value) and pd.isna(value)):
        return None
    if hasattr(value, "item") and not isinstance(value, pd.Timestamp):
        value = value.item()
    return value


def xlsx_bytes(sheets: Sheets, *, demo_mark: str | None = None) -> bytes:
    """An .xlsx workbook with one sheet per (already neutralised) frame; numbers stay numeric."""
    book = Workbook()
    book.remove(book.active)
    for name, frame in sheets.items():
        ws = book.create_sheet(str(name)[:31])
        if demo_mark:
            ws.append([demo_mark])
        ws.append(list(frame.columns))
        for row in frame.itertuples(index=False):
            ws.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()
