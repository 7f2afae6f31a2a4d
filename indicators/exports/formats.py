"""The registry of download formats: each is registered once with its name, file extension, MIME
type, the i18n key of its label and its writer. `write()` is the only way in: it neutralises every
sheet before a format's writer sees it, so no format can forget to.

    exports.write("csv", frame, demo_mark=mark)              # Swedish Excel: `;`, decimal comma
    exports.write(exports.csv_for(lang), frame)              # the CSV dialect of a language
    exports.write("xlsx", {"Siffror": data, "Om": about})    # one sheet per frame
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

import pandas as pd

from indicators.exports.writer import CsvDialect, Sheets, csv_text, neutral, neutralised, xlsx_bytes

Writer = Callable[[Sheets, str | None], bytes]


@dataclass(frozen=True)
class Format:
    name: str            # "csv", "csv_en", "csv_cp1252", "xlsx"
    extension: str       # without the dot
    mime: str
    label_key: str       # i18n key of a download button's label
    writer: Writer       # (neutralised sheets, demo mark) -> bytes

    def file_name(self, stem: str) -> str:
        return f"{stem}.{self.extension}"


FORMATS: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    if fmt.name in FORMATS:
        raise ValueError(f"export format {fmt.name!r} is registered twice")
    FORMATS[fmt.name] = fmt
    return fmt


def _one_sheet(sheets: Sheets) -> pd.DataFrame:
    if len(sheets) != 1:
        raise ValueError("a CSV file holds exactly one table")
    return next(iter(sheets.values()))


def _csv(dialect: CsvDialect) -> Writer:
    def writer(sheets: Sheets, demo_mark: str | None) -> bytes:
        text = csv_text(_one_sheet(sheets), dialect, demo_mark=demo_mark)
        return text.encode(dialect.encoding, errors="replace")
    return writer


def _xlsx(sheets: Sheets, demo_mark: str | None) -> bytes:
    return xlsx_bytes(sheets, demo_mark=demo_mark)


SWEDISH_EXCEL = CsvDialect(sep=";", decimal=",", encoding="utf-8-sig")     # BOM: Excel reads å ä ö
ENGLISH_EXCEL = CsvDialect(sep=",", decimal=".", encoding="utf-8-sig")
SWEDISH_EXCEL_ANSI = CsvDialect(sep=";", decimal=",", encoding="cp1252")  # as Excel saves it

register(Format("csv", "csv", "text/csv", "views.download_csv", _csv(SWEDISH_EXCEL)))
register(Format("csv_en", "csv", "text/csv", "views.download_csv", _csv(ENGLISH_EXCEL)))
register(Format("csv_cp1252", "csv", "text/csv", "views.download_csv", _csv(SWEDISH_EXCEL_ANSI)))
register(Format("xlsx", "xlsx",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "views.download_xlsx", _xlsx))


def csv_for(lang: str) -> str:
    """The CSV format Excel opens correctly with `lang`'s regional settings."""
    return "csv" if lang == "sv" else "csv_en"


def write(name: str, table: pd.DataFrame | Sheets, *, demo_mark: str | None = None,
          sheet: str = "data") -> bytes:
    """`table` (one frame, or sheet name -> frame) in format `name`, every text cell neutralised."""
    sheets = {sheet: table} if isinstance(table, pd.DataFrame) else dict(table)
    safe = {str(title): neutralised(frame) for title, frame in sheets.items()}
    return FORMATS[name].writer(safe, neutral(demo_mark) if demo_mark else None)
