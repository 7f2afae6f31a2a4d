"""The area × period heat table of one indicator on a focus page, legible at 1440 px.

Yearly indicators: one column per year, every year from the first to the last (a year without
values keeps its column, empty). Monthly, quarterly and half-yearly indicators: one column per
calendar year holding its rolling-year value (the year's sum or mean, `progress.windows`), plus the
latest rolling year when it does not end in December; the months (quarters, halves) of a cell are
its drill-down, listed in the cell's hover. Yearly values are protected again
(`disclosure.protect`: a yearly sum of 1–4 is a small count too). Only the municipality and its
areas, never a comparison area.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog, Indicator
from indicators.method import disclosure, progress
from indicators.periods import parse
from indicators.views.focus import MAX_HEAT_ROWS, latest_period, local_area_ids
from indicators.views.values import _area_name, _in_range, _num, period_label, year_ends


@dataclass
class Heat:
    rows: list[str]                  # area names, the municipality first
    columns: list[str]               # column labels: "2024", or "12 mån<br>t.o.m.<br>okt<br>2026"
    z: list[list[float | None]]
    texts: list[list[str]]           # each cell's label as shown ("12", "<5", "..", "" when missing)
    hovers: list[list[str]] = field(default_factory=list)   # each cell's hover (its months when rolled up)
    span: tuple[str, str] = ("", "")  # the first and last period the table covers


def _cells(indicator: Indicator, rows: pd.DataFrame, catalog: Catalog, lang: str) -> pd.DataFrame:
    """One row per area × column: column label, value, label, hover text, period text."""
    unit = indicator.unit(lang)
    if progress.PER_YEAR[indicator.grain] == 1:
        out = rows.assign(column=rows["period"].astype(str), period_text=rows["period"].astype(str))
        out["label"] = disclosure.labels(out, lang, indicator.decimals).values
        out["hover"] = [f"{_area_name(catalog, a)}<br>{p}: {lab} {unit}"
                        for a, p, lab in zip(out["area_id"], out["period"], out["label"])]
        return out
    yearly = year_ends(indicator, rows)
    if yearly.empty:
        return yearly
    yearly = disclosure.protect(yearly, catalog)
    yearly["label"] = disclosure.labels(yearly, lang, indicator.decimals).values
    months = rows.assign(label=disclosure.labels(rows, lang, indicator.decimals).values,
                         t=[parse(p).years() for p in rows["period"]])
    columns, hovers = [], []
    for _, r in yearly.iterrows():
        period = parse(r["period"])
        when = str(r["year"]) if r["year_end"] else i18n.t(
            "views.rolling_to", lang, period=period_label(period, lang))
        columns.append(str(r["year"]) if r["year_end"] else i18n.t(  # narrow: one word a line
            "views.rolling_column", lang, period=f"{_short(period, lang)}<br>{period.year}"
            if period.grain == "month" else period.text))
        end = period.years()
        parts = months[(months["area_id"] == r["area_id"]) & (months["t"] > end - 1 + 1e-9)
                       & (months["t"] <= end + 1e-9)]
        detail = [f"{_short(parse(p), lang)} {lab}" for p, lab in zip(parts["period"], parts["label"])]
        lines = [" · ".join(detail[i:i + 4]) for i in range(0, len(detail), 4)]
        hover = f"{_area_name(catalog, r['area_id'])}<br>{when}: {r['label']} {unit}"
        if r["missing"]:
            hover += "<br>" + i18n.t("views.window_missing", lang, periods=", ".join(
                period_label(m, lang) for m in r["missing"]), have=progress.PER_YEAR[indicator.grain] - len(r["missing"]),
                of=progress.PER_YEAR[indicator.grain])
        hovers.append("<br>".join([hover, *lines]))
    return yearly.assign(column=columns, hover=hovers, period_text=yearly["period"])


def _short(period, lang: str) -> str:
    """A period inside its year, short: a month's name ("jan", "okt"), else its text ("2024-Q2")."""
    if period.grain == "month":
        return i18n.t("views.month_short", lang).split()[period.index - 1]
    return period.text


def _all_years(columns: list[str]) -> list[str]:
    """The column labels with every missing year between two year columns put back (empty)."""
    years = [int(c) for c in columns if c.isdigit()]
    if not years:
        return columns
    full = [str(y) for y in range(min(years), max(years) + 1)]
    return full + [c for c in columns if not c.isdigit()]


def heat(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
         years: tuple[int, int] | None = None, selected: str | None = None,
         limit: int = MAX_HEAT_ROWS) -> Heat | None:
    """Area × year: the municipality first, then its areas (at most `limit`, the highest in the
    latest period, the selected one always included; never a comparison area), each cell with its
    disclosure label; None when nothing is in range."""
    frame = frame[frame["area_id"].isin(local_area_ids(catalog) | {catalog.municipality.id})]
    rows = frame[_in_range(frame["period"], years)].copy()
    if rows.empty:
        return None
    whole = catalog.municipality.id
    areas = [a for a in dict.fromkeys(rows["area_id"]) if a != whole]
    if len(areas) > limit:
        period = latest_period(rows)
        last = rows[rows["period"] == period].set_index("area_id")["value"]
        areas = sorted(areas, key=lambda a: -(_num(last.get(a)) or -1e300))[:limit]
        if selected and selected != whole and selected not in areas:
            areas[-1] = selected
    areas = sorted(areas, key=lambda a: _area_name(catalog, a))
    order = ([whole] if whole in set(rows["area_id"]) else []) + areas
    cells = _cells(indicator, rows[rows["area_id"].isin(order)], catalog, lang)
    if cells.empty:
        return None
    sort = "period_start" if "period_start" in cells else "t"
    columns = _all_years(list(dict.fromkeys(cells.sort_values(sort)["column"])))

    def grid(name: str) -> list[list]:
        table = cells.pivot(index="area_id", columns="column", values=name).reindex(index=order, columns=columns)
        return [list(r) for r in table.itertuples(index=False)]

    z = [[_num(v) for v in r] for r in grid("value")]
    texts = [[t if isinstance(t, str) else "" for t in r] for r in grid("label")]
    hovers = [[t if isinstance(t, str) else "" for t in r] for r in grid("hover")]
    spans = sorted(rows["period"].astype(str), key=lambda p: parse(p).years())
    return Heat([_area_name(catalog, a) for a in order], columns, z, texts, hovers, (spans[0], spans[-1]))
