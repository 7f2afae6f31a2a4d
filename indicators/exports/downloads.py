"""Downloads of a (disclosure-controlled) table: CSV in the Swedish Excel dialect and .xlsx.

Text cells that start with = + - @ (or a tab / carriage return) would run as formulas when the file
is opened in a spreadsheet (CSV injection, OWASP); they are neutralised by a leading apostrophe.
Numbers stay numbers. The demo mark travels in the file: as the first line of the CSV and the
first row of the sheet.
"""
from __future__ import annotations

import io
import math

import pandas as pd
from openpyxl import Workbook

from indicators import i18n

DANGEROUS = ("=", "+", "-", "@", "\t", "\r")


def neutral(value):
    """A cell value that no spreadsheet runs as a formula."""
    if isinstance(value, str) and value.startswith(DANGEROUS):
        return "'" + value
    return value


def neutralised(frame: pd.DataFrame) -> pd.DataFrame:
    """A copy with every text cell (and header) neutralised."""
    out = frame.copy()
    out.columns = [neutral(str(c)) for c in out.columns]
    for column in out.columns:
        if not pd.api.types.is_numeric_dtype(out[column]):
            out[column] = out[column].map(neutral).astype(object)
    return out


def csv_bytes(frame: pd.DataFrame, lang: str = "sv", *, demo_mark: str | None = None) -> bytes:
    """CSV for Excel: `;` and decimal comma in Swedish (`,` and point in English), UTF-8 with BOM."""
    safe = neutralised(frame)
    sep, decimal = (";", ",") if lang == "sv" else (",", ".")
    buffer = io.StringIO()
    if demo_mark:
        buffer.write(neutral(demo_mark) + "\r\n")
    safe.to_csv(buffer, sep=sep, decimal=decimal, index=False, lineterminator="\r\n")
    return buffer.getvalue().encode("utf-8-sig")


def _cell(value):
    if value is None or (isinstance(value, float) and math.isnan(value)) or value is pd.NA:
        return None
    if hasattr(value, "item"):
        value = value.item()
    return neutral(value)


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str = "data", demo_mark: str | None = None) -> bytes:
    """An .xlsx workbook with one sheet; formulas neutralised, numbers kept numeric."""
    book = Workbook()
    ws = book.active
    ws.title = sheet[:31]
    if demo_mark:
        ws.append([neutral(demo_mark)])
    ws.append([neutral(str(c)) for c in frame.columns])
    for row in frame.itertuples(index=False):
        ws.append([_cell(v) for v in row])
    buffer = io.BytesIO()
    book.save(buffer)
    return buffer.getvalue()


def file_name(indicator_id: str, extension: str) -> str:
    return f"{indicator_id}.{extension}"


__all__ = ["csv_bytes", "xlsx_bytes", "neutral", "neutralised", "file_name", "i18n"]
