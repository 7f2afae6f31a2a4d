"""The view model of one indicator on a focus-area page beside its trend (`views/trend.py`):
ranked areas in the latest period (the heat table is `views/heat.py`), the analysts' notes and the
data table.

Input is the indicator's WHOLE frame (every area × period) already passed through
`disclosure.protect`; everything here only filters it, so a hidden cell stays hidden. The ranking
holds only the municipality's own areas, never a comparison area.
"""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog, Indicator
from indicators.method import disclosure
from indicators.views.values import _area_name, _in_range, _num, fmt

MAX_HEAT_ROWS = 40


def local_area_ids(catalog: Catalog) -> set[str]:
    """The ids of the municipality's own areas (kind "område"): what rankings and heat tables hold."""
    return {a.id for a in catalog.local_areas if a.kind == "område"}

def latest_period(frame: pd.DataFrame, years: tuple[int, int] | None = None) -> str | None:
    """The latest period in range with any shown value (protected frame)."""
    rows = frame[_in_range(frame["period"], years) & frame["value"].notna()]
    if rows.empty:
        return None
    return rows.sort_values("period_start")["period"].iloc[-1]


@dataclass
class Ranking:
    period: str
    names: list[str]
    values: list[float | None]
    texts: list[str]
    hovers: list[str]
    reference: tuple[float | None, str] | None


def ranking(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
            years: tuple[int, int] | None = None, limit: int = MAX_HEAT_ROWS) -> Ranking | None:
    """The municipality's areas (kind "område"; not the municipality, never a comparison area) in
    the latest period in range, highest first, hidden last; the municipality is the reference."""
    frame = frame[frame["area_id"].isin(local_area_ids(catalog) | {catalog.municipality.id})]
    period = latest_period(frame, years)
    if period is None:
        return None
    rows = frame[frame["period"] == period].copy()
    whole = catalog.municipality.id
    total = rows[rows["area_id"] == whole]
    rows = rows[rows["area_id"] != whole]
    rows["label"] = disclosure.labels(rows, lang, indicator.decimals).values
    rows = rows.sort_values(["value", "area_id"], ascending=[False, True], na_position="last").head(limit)
    names = [_area_name(catalog, a) for a in rows["area_id"]]
    unit = indicator.unit(lang)
    reference = None
    if not total.empty:
        tv = _num(total["value"].iloc[0])
        reference = (tv, f"{catalog.municipality.name}: {fmt(tv, lang, indicator.decimals)}")
    return Ranking(period, names, [_num(v) for v in rows["value"]], list(rows["label"]),
                   [f"{n}<br>{period}: {lab} {unit}" for n, lab in zip(names, rows["label"])],
                   reference)


def notes(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog) -> list[tuple[str, str, str]]:
    """(area name, period, note) of every shown value with an analyst's note, newest first
    (protected frame: a hidden cell's note is hidden with it)."""
    if "note" not in frame:
        return []
    rows = frame[frame["note"].notna()].sort_values(["period_start", "area_id"], ascending=[False, True])
    return [(_area_name(catalog, a), str(p), str(n)) for a, p, n in
            zip(rows["area_id"], rows["period"], rows["note"]) if str(n).strip()]


def table(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
          years: tuple[int, int] | None = None, *, for_download: bool = False) -> pd.DataFrame:
    """The data table (protected): area, period, value as shown ("<5" for a hidden cell), the
    analyst's note (hidden with its cell). For downloads the value is numeric (empty when hidden)
    with a separate mark column and the demo column in words ("ja"/"nej", "yes"/"no")."""
    rows = frame[_in_range(frame["period"], years)]
    labels = disclosure.labels(rows, lang, indicator.decimals)
    t = lambda k: i18n.t(f"views.col.{k}", lang)  # noqa: E731
    out = pd.DataFrame({
        t("indicator"): indicator.id,
        t("area"): [_area_name(catalog, a) for a in rows["area_id"]],
        t("period"): rows["period"].astype(str).values,
    })
    if for_download:
        out[t("value")] = rows["value"].astype(float).values
        marks = [lab if s in (disclosure.SMALL, disclosure.SECONDARY) else ""
                 for lab, s in zip(labels, rows.get("suppressed", pd.Series([None] * len(rows))))]
        out[t("mark")] = marks
        out[t("unit")] = indicator.unit(lang)
        demo = rows["is_demo"].astype(bool) if "is_demo" in rows else pd.Series(False, index=rows.index)
        out[t("demo")] = [i18n.t("views.yes" if d else "views.no", lang) for d in demo]  # words, not True
    else:
        out[t("value")] = labels.values
    if "note" in rows:
        out[i18n.t("notes.col", lang)] = [str(n) if isinstance(n, str) else "" for n in rows["note"]]
    return out.reset_index(drop=True)
