"""A protected frame's values as plain numbers and texts: the helpers every view model shares
(a missing value is None, never NaN; numbers in the user's language; an area's points as Periods).
"""
from __future__ import annotations

import math

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog
from indicators.method import progress
from indicators.periods import PARTS, parse


def _num(x) -> float | None:
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def fmt(x, lang: str, decimals: int) -> str:
    return i18n.number(_num(x), lang, decimals)


def years_available(frame: pd.DataFrame) -> list[int]:
    """The years that have any period in the frame, oldest first."""
    return sorted({int(str(p)[:4]) for p in frame["period"].unique()}) if len(frame) else []


def _in_range(periods: pd.Series, years: tuple[int, int] | None) -> pd.Series:
    if years is None:
        return pd.Series(True, index=periods.index)
    year = periods.astype(str).str[:4].astype(int)
    return year.between(years[0], years[1])


def points_of(frame: pd.DataFrame, area_id: str) -> list[tuple]:
    """(Period, value) of one area from a protected frame: a missing value is None, a hidden cell
    `progress.HIDDEN` (so no rolling year estimates a hidden small count)."""
    return _points(frame[frame["area_id"] == area_id])


def _points(rows: pd.DataFrame) -> list[tuple]:
    hidden = rows["suppressed"].notna() if "suppressed" in rows else pd.Series(False, index=rows.index)
    return [(parse(p), progress.HIDDEN if h else _num(v))
            for p, v, h in zip(rows["period"], rows["value"], hidden)]


def _area_name(catalog: Catalog, area_id: str) -> str:
    area = catalog.area(area_id)
    return area.name if area else area_id



def month_name(month: int, lang: str, *, short: bool = False) -> str:
    """The month's name in the language: 5 -> "maj" (sv) / "May" (en); `short`: "okt" / "Oct"."""
    return i18n.t("views.month_short" if short else "views.month_names", lang).split()[month - 1]


def period_label(period, lang: str) -> str:
    """A period as a reader says it: a month with its name ("maj 2024", "May 2024"); other grains as
    their text ("2024", "2024-Q2")."""
    if period.grain == "month":
        return f"{month_name(period.index, lang)} {period.year}"
    return period.text


def with_gaps(series: list[tuple]) -> list[tuple]:
    """(Period, value) in time order with a (Period, None) put into each hole between two points
    (the first missing period), so a line drawn with connectgaps=False breaks there and a missing
    year keeps its place on the axis."""
    out: list[tuple] = []
    for period, value in series:
        if out and out[-1][0].next() != period and out[-1][0] < period:
            out.append((out[-1][0].next(), None))
        out.append((period, value))
    return out


YEAR_END_COLUMNS = ["indicator_id", "area_id", "period", "t", "value", "is_demo", "year_end", "year",
                    "missing"]


def year_ends(indicator, frame: pd.DataFrame) -> pd.DataFrame:
    """Every area's rolling-year values (`progress.windows`) at year ends plus its latest window:
    one row per area × point, columns YEAR_END_COLUMNS (period: the window's last period text,
    t: its end in years, year_end: the window is a calendar year, missing: the periods the window
    lacks). Yearly indicators give their years. Not protected: pass the rows through
    `disclosure.protect` (a yearly sum of 1–4 is a small count too)."""
    rows = []
    for area_id, part in frame.groupby("area_id", sort=False):
        found = progress.windows(indicator.grain, indicator.aggregation,
                                 [(p, v) for p, v in _points(part) if p is not None])
        demo = bool(part["is_demo"].any()) if "is_demo" in part else False
        for i, w in enumerate(found):
            year_end = w.period.index == PARTS[w.period.grain]
            if year_end or i == len(found) - 1:
                rows.append({"indicator_id": indicator.id, "area_id": area_id, "period": w.period.text,
                             "t": w.period.years(), "value": w.value, "is_demo": demo,
                             "year_end": year_end, "year": w.period.year, "missing": w.missing})
    return pd.DataFrame(rows, columns=YEAR_END_COLUMNS)
