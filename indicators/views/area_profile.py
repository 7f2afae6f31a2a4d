"""The view model of the Områden page: one area's profile across every indicator beside the
whole municipality, as spine-chart rows (like public-health profile tools).

Input: each indicator's WHOLE protected frame (every area × period), so the area's own value is
hidden exactly as everywhere else (secondary suppression needs the other areas). Positions: the
municipality is 0, and the area furthest from it on either side is ±1; right is always better
(flipped for "lower is better"; indicators without a direction keep "higher" to the right).

Comparison areas (riket, län, ...) are profile rows' context: their value in the same period is a
mark on the same scale (clipped to the edge, and drawn as an arrow, when it lies beyond the
areas' spread), a line in the hover text and a column of the table; only for measures that can be
set beside another population's (rates, shares, indices), never for counts or amounts. They never
enter the spread, the centre or the status. The Områden page offers only the municipality's own
areas: a comparison area's own profile would rank riket among Eskilstuna's areas.
"""
from __future__ import annotations

import pandas as pd

from indicators import charts, i18n
from indicators.method import disclosure, progress
from indicators.method import status as statuses
from indicators.catalog import Catalog
from indicators.views.trend import compares_across_populations
from indicators.views.values import _num, fmt, points_of

EDGE = 1.08   # where a comparison mark beyond the areas' spread is drawn (the axis ends at 1.1)


def _pos(v, centre, span, d):
    return None if v is None else d * (v - centre) / span


def _comparison_marks(catalog: Catalog, ind, now: pd.DataFrame, centre, span, d, lang: str
                      ) -> list[tuple[str, float | None, bool, str, str]]:
    """(area id, position or None, clipped?, hover line, table text) per comparison area of the
    catalog, for one indicator in one period; empty texts for a measure that is not comparable."""
    marks = []
    for area in catalog.comparison_areas:
        row = now[now["area_id"] == area.id]
        if not compares_across_populations(ind) or row.empty:
            marks.append((area.id, None, False, "", ""))
            continue
        value = _num(row["value"].iloc[0])
        text = disclosure.label(row["value"].iloc[0], row["suppressed"].iloc[0], lang, ind.decimals)
        position = clipped = None
        if value is not None and centre is not None and span:
            position = _pos(value, centre, span, d)
            clipped = abs(position) > EDGE
            position = max(-EDGE, min(EDGE, position))
        marks.append((area.id, position, bool(clipped), f"{area.name}: {text} {ind.unit(lang)}", text))
    return marks


def rows(catalog: Catalog, frames: dict[str, pd.DataFrame], area_id: str, lang: str
         ) -> tuple[list[charts.ProfileRow], pd.DataFrame]:
    """The spine-chart rows and the matching table (indicator, period, area, municipality,
    range of areas, status), both disclosure-controlled."""
    whole = catalog.municipality.id
    area_name = catalog.area(area_id).name if catalog.area(area_id) else area_id
    names = {a.id: i18n.t("views.comparison_name", lang, area=a.name) for a in catalog.comparison_areas}
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
        low = high = q1 = q3 = position = span = None
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
        marks = _comparison_marks(catalog, ind, now, centre, span, d, lang)
        hover = (f"{ind.name(lang)} ({period})<br>{area_name}: {label} {unit}"
                 f"<br>{catalog.municipality.name}: {fmt(m, lang, ind.decimals)} {unit}"
                 + "".join(f"<br>{line}" for _, _, _, line, _ in marks if line)
                 + f"<br>{i18n.t('views.profile.range', lang)}: {span_text} {unit}<br>{badge}")
        out.append(charts.ProfileRow(ind.name(lang), badge, statuses.colour(a.status), low, high,
                                     q1, q3, position, hover,
                                     {names[aid]: (pos, clip) for aid, pos, clip, _, _ in marks
                                      if pos is not None}))
        entry = {col("indicator"): ind.name(lang), col("period"): period,
                 col("area"): label, col("municipality"): fmt(m, lang, ind.decimals)}
        entry.update({aid: text for aid, _, _, _, text in marks})
        entry.update({col("range"): span_text, col("unit"): unit, col("status"): badge})
        table.append(entry)
    return out, _with_comparison_columns(pd.DataFrame(table), catalog, names)


def _with_comparison_columns(table: pd.DataFrame, catalog: Catalog, names: dict[str, str]
                             ) -> pd.DataFrame:
    """Comparison-area columns named "Riket (jämförelse)", kept only when any row has a value."""
    ids = [a.id for a in catalog.comparison_areas if a.id in table]
    keep = [a for a in ids if table[a].fillna("").astype(str).str.len().gt(0).any()]
    return table.drop(columns=[a for a in ids if a not in keep]).rename(
        columns={a: names[a] for a in keep})
