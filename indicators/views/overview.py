"""The overview's view model: the agreement's goal, the police list now vs earlier lists, and one
card per focus area (status counts, the two indicators that moved most), plus the table of every
indicator's latest municipality value and the rolling-year value its status rests on.

Input: the municipality's rows of every indicator, already passed through disclosure.protect
(the municipality total is never hidden by secondary suppression, so its own rows suffice).
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field

import pandas as pd

from indicators.method import disclosure, progress
from indicators import i18n
from indicators.method import status as statuses
from indicators.catalog import Catalog, Indicator
from indicators.views.values import fmt, points_of
from indicators.catalog.reference import PoliceList


def latest_value(points: list[tuple]) -> tuple | None:
    """The newest (Period, value) with a value; NaN and None are skipped."""
    return next(((p, v) for p, v in reversed(points)
                 if v is not None and not (isinstance(v, float) and math.isnan(v))), None)


@dataclass(frozen=True)
class Mover:
    indicator_id: str
    name: str
    text: str          # "Bekräftade skjutningar: 41 → 35 (−15 %), rullande år"
    change: float      # relative change (signed)


@dataclass
class Card:
    focus_area_id: str
    name: str
    counts: dict[str, int]          # status id -> number of indicators
    count_texts: list[str]          # "↘ I fas: 2" ... (word + symbol, never colour alone)
    movers: list[Mover] = field(default_factory=list)
    measures_text: str = ""         # "12 av 18 genomförda, 3 försenade" ("" without measures data)
    measure_texts: list[str] = field(default_factory=list)   # "Genomförd ✓: 12" ...


def mover(indicator: Indicator, assessment: progress.Assessment, lang: str) -> Mover | None:
    """The latest assessed value against the one before it (rolling year for sub-yearly grains)."""
    series = [(p, v) for p, v in assessment.series if v is not None]
    if len(series) < 2:
        return None
    (p0, v0), (p1, v1) = series[-2], series[-1]
    if v0 == 0:
        return None
    change = (v1 - v0) / abs(v0)
    arrow = "↑" if change > 0 else ("↓" if change < 0 else "→")
    rolling = f", {i18n.t('views.rolling_year', lang)}" if assessment.rolling else ""
    text = i18n.t("views.mover", lang, name=indicator.name(lang), arrow=arrow,
                  old=fmt(v0, lang, indicator.decimals), new=fmt(v1, lang, indicator.decimals),
                  old_period=p0.text, new_period=p1.text,
                  change=i18n.number(change * 100, lang, 0)) + rolling
    return Mover(indicator.id, indicator.name(lang), text, change)


def cards(catalog: Catalog, frame: pd.DataFrame, lang: str,
          measures: pd.DataFrame | None = None) -> list[Card]:
    """One card per focus area with indicators; with `measures` (the view `measures`), each card
    also counts its focus area's measures by status in their latest round."""
    from indicators.views import measures as measure_view
    whole = catalog.municipality.id
    out = []
    for focus in sorted(catalog.focus_areas, key=lambda f: f.order):
        indicators = catalog.indicators_in(focus.id)
        if not indicators:
            continue
        counts: dict[str, int] = {}
        moves = []
        for ind in indicators:
            a = progress.assess(ind, points_of(frame[frame["indicator_id"] == ind.id], whole))
            counts[a.status] = counts.get(a.status, 0) + 1
            m = mover(ind, a, lang)
            if m:
                moves.append(m)
        moves.sort(key=lambda m: -abs(m.change))
        texts = [f"{statuses.badge(s, 'lower' if s == statuses.ON_TRACK else 'higher', lang)}: {counts[s]}"
                 for s in statuses.STATUSES if s in counts]
        card = Card(focus.id, focus.name(lang), counts, texts, moves[:2])
        if measures is not None:
            mine = measures[measures["focus_area_id"] == focus.id] if len(measures) else measures
            found = measure_view.counts(mine)
            card.measures_text = measure_view.counts_text(found, lang)
            card.measure_texts = measure_view.status_texts(found, lang)
        out.append(card)
    return out




def table(catalog: Catalog, frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """One row per indicator: focus area, name, latest period and value (disclosure label), the
    rolling-year value the status rests on, unit, status as symbol + word."""
    whole = catalog.municipality.id
    col = lambda k: i18n.t(f"overview.{k}", lang)  # noqa: E731
    rows = []
    for ind in catalog.indicators:
        sub = frame[(frame["indicator_id"] == ind.id) & (frame["area_id"] == whole)]
        latest = None
        shown = sub[sub["value"].notna() | sub.get("suppressed", pd.Series(dtype=object)).notna()]
        if not shown.empty:
            last = shown.sort_values("period_start").iloc[-1]
            latest = (last["period"], disclosure.label(last["value"], last.get("suppressed"), lang,
                                                       ind.decimals))
        a = progress.assess(ind, points_of(sub, whole))
        rows.append({
            col("focus_area"): catalog.focus_area(ind.focus_area).name(lang),
            col("indicator"): ind.name(lang),
            col("period"): latest[0] if latest else "–",
            col("value"): latest[1] if latest else "–",
            i18n.t("overview.extra.assessed", lang): (f"{fmt(a.latest, lang, ind.decimals)} ({a.latest_period.text})"
                              if a.latest is not None else "–"),
            col("unit"): ind.unit(lang),
            col("status"): statuses.badge(a.status, ind.polarity, lang),
        })
    return pd.DataFrame(rows)


@dataclass
class PoliceListView:
    years: list[str]
    counts: list[float | None]
    texts: list[str]
    hovers: list[str]
    patterns: list[str]
    summary: str
    legend: str


def police_list_view(lists: list[PoliceList], catalog: Catalog, lang: str) -> PoliceListView:
    """Bars per list: unknown lists have no bar and read "okänd"; inferred ones are hatched."""
    def names(ids):
        return ", ".join(catalog.area(a).name if catalog.area(a) else a for a in ids)
    years, counts, texts, hovers, patterns, parts = [], [], [], [], [], []
    for item in lists:
        years.append(str(item.year))
        count = item.count
        counts.append(None if count is None else float(count))
        if count is None:
            text = i18n.t("views.police.unknown", lang)
            hovers.append(f"{item.year}: {text}")
        else:
            text = i18n.number(count, lang)
            if item.certainty == "inferred":
                text += f" ({i18n.t('views.police.inferred', lang)})"
            hovers.append(f"{item.year}: {names(item.area_ids) or '–'}"
                          f"<br>{i18n.t('views.police.certainty.' + item.certainty, lang)}")
        texts.append(text)
        patterns.append("/" if item.certainty == "inferred" else "")
        parts.append(f"{item.year}: {text}")
    now = next((x for x in reversed(lists) if x.count is not None), None)
    summary = i18n.t("views.police.summary", lang,
                     count=i18n.number(now.count, lang) if now else "–",
                     year=now.year if now else "–",
                     areas=names(now.area_ids) if now else "–",
                     earlier=" · ".join(reversed(parts[:-1])) if parts else "–")
    return PoliceListView(years, counts, texts, hovers, patterns, summary,
                          i18n.t("views.police.legend", lang))
