"""Downloads of an indicator's (disclosure-controlled) data table: CSV in the dialect of the
language (Swedish Excel: `;` and decimal comma) and .xlsx, both through the registry's writer."""
from __future__ import annotations

import pandas as pd

from indicators.exports.formats import csv_for, write


def csv_bytes(frame: pd.DataFrame, lang: str, *, demo_mark: str | None = None) -> bytes:
    """CSV for Excel: `;` and decimal comma in Swedish (`,` and point in English), UTF-8 with BOM."""
    return write(csv_for(lang), frame, demo_mark=demo_mark)


def xlsx_bytes(frame: pd.DataFrame, *, sheet: str = "data", demo_mark: str | None = None) -> bytes:
    """An .xlsx workbook with one sheet; formulas neutralised, numbers kept numeric."""
    return write("xlsx", frame, sheet=sheet, demo_mark=demo_mark)
