"""Which CSV template the Ladda upp page offers: all indicators, one focus area or one indicator,
pre-filled with ids, area names and the next periods, in Excel's Swedish dialect (cp1252, `;`)."""
from __future__ import annotations

from dataclasses import dataclass

from indicators.catalog import Catalog, Indicator
from indicators import exports
from indicators.ingest.template import template_rows, template_table
from indicators.store.history import latest_real_periods  # noqa: F401  (re-exported: the page asks here)

ALL = "all"


@dataclass(frozen=True)
class Choice:
    key: str            # "all", "focus:<id>" or "indicator:<id>"
    indicators: tuple[Indicator, ...]
    file_name: str      # "mall_skjutningar.csv"


def choices(catalog: Catalog) -> list[str]:
    """Keys of every template the page offers, in the order of the catalog."""
    keys = [ALL]
    for focus in catalog.focus_areas:
        keys.append(f"focus:{focus.id}")
        keys += [f"indicator:{i.id}" for i in catalog.indicators_in(focus.id)]
    return keys


def choice(catalog: Catalog, key: str) -> Choice:
    kind, _, ident = key.partition(":")
    if kind == "focus" and catalog.focus_area(ident):
        return Choice(key, tuple(catalog.indicators_in(ident)), f"mall_{ident}.csv")
    if kind == "indicator" and catalog.indicator(ident):
        return Choice(key, (catalog.indicator(ident),), f"mall_{ident}.csv")
    return Choice(ALL, tuple(catalog.indicators), "mall_alla_indikatorer.csv")


def template_bytes(catalog: Catalog, chosen: Choice, latest: dict[str, str], periods: int = 1) -> bytes:
    """The template file as Excel with Swedish settings saves it: `;`, CRLF, Windows-1252."""
    rows = template_rows(catalog, list(chosen.indicators), latest, periods=max(1, periods))
    return exports.write("csv_cp1252", template_table(rows))
