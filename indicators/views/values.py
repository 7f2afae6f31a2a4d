"""A protected frame's values as plain numbers and texts: the helpers every view model shares
(a missing value is None, never NaN; numbers in the user's language; an area's points as Periods).
"""
from __future__ import annotations

import math

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog
from indicators.periods import parse


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
    """(Period, value) of one area from a protected frame: hidden cells are None."""
    rows = frame[frame["area_id"] == area_id]
    return [(parse(p), _num(v)) for p, v in zip(rows["period"], rows["value"])]


def _area_name(catalog: Catalog, area_id: str) -> str:
    area = catalog.area(area_id)
    return area.name if area else area_id

