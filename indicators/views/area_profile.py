"""The view model of the Områden page: one area's profile across every indicator beside the
whole municipality, as spine-chart rows (like public-health profile tools).

Input: each indicator's WHOLE protected frame (every area × period), so the area's own value is
hidden exactly as everywhere else (secondary suppression needs the other areas). Positions: the
municipality is 0, and the area furthest from it on either side is ±1; right is always better
(flipped for "lower is better"; indicators without a direction keep "higher" to the right).
"""
from __future__ import annotations

import pandas as pd

from indicators import charts, i18n
from indicators.method import disclosure, progress
from indicators.method import status as statuses
from indicators.catalog import Catalog
from indicators.views.focus import _num, fmt, points_of


def _pos(v, centre, span, d):
    return None if v is None else d * (v - centre) / span


def rows(catalog: Catalog, frames: dict[str, pd.DataFrame], area_id: str, lang: str
         ) -> tuple[list[charts.ProfileRow], pd.DataFrame]:
    """The spine-chart rows and the matching table (indicator, period, area, municipality,
    range of areas, status), both disclosure-controlled."""
    whole = catalog.municipality.id
    area_name = catalog.area(area_id).name if catalog.area(area_id) else area_id
    out, table = [], []
    col = lambda k: i18n.t(f"views.profile.col.{k}", lang)  # noqa: E731
    for ind in catalog.indicators:
        frame = frames.get(ind.id)
        if frame is None or frame.empty:
            continue
        mine = frame[frame["area_id"] == area_id]
        if mine.empty:
            continue
        period = mine[mine["value"].notna() | mine["suppressed"].notna()].sort_values("period_start")
        if period.empty:
            continue
        period = period["period"].iloc[-1]
        now = frame[frame["period"] == period]
        kinds = now["area_id"].map(lambda a: catalog.area(a).kind if catalog.area(a) else None)
        spread = now[kinds.eq("område")]["value"].dropna().astype(float)
        here = now[now["area_id"] == area_id].iloc[0]
        total = now[now["area_id"] == whole]
        v = _num(here["value"])
        m = _num(total["value"].iloc[0]) if not total.empty else None
        centre = m if m is not None else (float(spread.median()) if len(spread) else None)
        a = progress.assess(ind, points_of(frame, area_id))
        badge = statuses.badge(a.status, ind.polarity, lang)
        d = -1 if ind.polarity == "lower" else 1
        low = high = q1 = q3 = position = None
        if centre is not None and len(spread):
            span = max(abs(spread.max() - centre), abs(spread.min() - centre)) or 1.0
            ps = sorted(d * (x - centre) / span for x in spread)
            low, high = ps[0], ps[-1]
            q1, q3 = (float(pd.Series(ps).quantile(q)) for q in (0.25, 0.75))
            position = _pos(v, centre, span, d)
        label = disclosure.label(here["value"], here["suppressed"], lang, ind.decimals)
        unit = ind.unit(lang)
        span_text = (f"{fmt(spread.min(), lang, ind.decimals)}–{fmt(spread.max(), lang, ind.decimals)}"
                     if len(spread) else "–")
        hover = (f"{ind.name(lang)} ({period})<br>{area_name}: {label} {unit}"
                 f"<br>{catalog.municipality.name}: {fmt(m, lang, ind.decimals)} {unit}"
                 f"<br>{i18n.t('views.profile.range', lang)}: {span_text} {unit}<br>{badge}")
        out.append(charts.ProfileRow(ind.name(lang), badge, statuses.colour(a.status), low, high,
                                     q1, q3, position, hover))
        table.append({col("indicator"): ind.name(lang), col("period"): period,
                      col("area"): label, col("municipality"): fmt(m, lang, ind.decimals),
                      col("range"): span_text, col("unit"): unit, col("status"): badge})
    return out, pd.DataFrame(table)
