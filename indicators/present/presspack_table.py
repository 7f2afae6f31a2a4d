"""The press pack's numbers: exactly what the slides show, as CSV and as an Excel workbook.

The measures table of the slide set's focus areas (`slides.measures_table`) is a file of its own
(CSV) and a sheet of the workbook, each row with the demo mark when it is demo data.

The rows are `slides.table(...)`: hidden values are empty with what is shown instead ("<5"), and
every row from demo data carries the demo mark in its own column. The Swedish CSV uses `;` and a
decimal comma so it opens correctly in Swedish Excel; the English one uses `,` and a point. Both
files go through the export registry, which neutralises formula-like text (a title or source that
starts with `=`).
"""
from __future__ import annotations

import pandas as pd

from indicators import exports, i18n
from indicators.catalog import Catalog
from indicators.present.slides import Slide, table

_COLUMNS = ("slide", "title", "chart", "indicator", "area", "series", "category", "value", "shown",
            "suppressed", "unit", "source", "as_of", "demo")
_KEY = {"title": "col_title", "category": "col_category", "value": "col_value",
        "shown": "col_shown", "suppressed": "col_suppressed", "as_of": "col_as_of", "demo": "col_demo"}


def frame(slides: list[Slide], catalog: Catalog | None, lang: str) -> pd.DataFrame:
    """The numbers with column names in `lang`."""
    rows = table(slides, catalog)
    names = {c: i18n.t(f"present.pack.{_KEY.get(c, 'col_' + c)}", lang) for c in _COLUMNS}
    return rows.rename(columns=names)


def csv_bytes(slides: list[Slide], catalog: Catalog | None, lang: str) -> bytes:
    return exports.write(exports.csv_for(lang), frame(slides, catalog, lang))


def measures_csv(measures: pd.DataFrame, lang: str, *, demo: bool) -> bytes:
    """The measures table as CSV for Excel in `lang` (demo mark as the first line when demo)."""
    return exports.write(exports.csv_for(lang), measures,
                         demo_mark=i18n.t("present.demo_mark", lang) if demo else None)


def xlsx_bytes(slides: list[Slide], catalog: Catalog | None, lang: str,
               measures: pd.DataFrame | None = None) -> bytes:
    """The numbers, an about sheet, and (when given and not empty) the measures table."""
    about = pd.DataFrame({
        i18n.t("present.pack.col_slide", lang): range(1, len(slides) + 1),
        i18n.t("present.pack.col_title", lang): [s.title for s in slides],
        i18n.t("present.pack.col_source", lang): [s.provenance for s in slides],
        i18n.t("present.pack.col_demo", lang): [s.demo_mark for s in slides],
    })
    sheets = {i18n.t("present.pack.table_sheet", lang): frame(slides, catalog, lang),
              i18n.t("present.pack.about_sheet", lang): about}
    if measures is not None and len(measures):
        sheets[i18n.t("measures.title", lang)] = measures
    return exports.write("xlsx", sheets)
