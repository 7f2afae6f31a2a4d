"""The slides of a presentation: one model that every output renders.

`build(con, catalog, spec)` turns a slide set (slideset.py) into a list of `Slide`s: a title that
states the finding (findings.py), a subtitle, status tiles, one chart's data already through
`disclosure.protect`, and the provenance (source · period · as of) with the demo flag. The
presentation page, the PowerPoint, the PNGs, the PDF and the CSV/XLSX all render these objects, so
they show exactly the same numbers; `table(slides)` is those numbers as rows.

Charts show yearly values: calendar years for yearly indicators, and for monthly, quarterly and
half-yearly ones the rolling year at each year end plus the latest rolling year, the same series
the status is assessed on (progress.rolling_year), so a title, a chart and a status never disagree.
"""
from __future__ import annotations

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog, reference
from indicators.method import status as statuses
from indicators.periods import parse
from indicators.present import findings
from indicators.present.slide_data import _chart, _data, _Data, _finding, _no_chart, _subtitle
from indicators.present.slide_model import OBSERVED, PATH, Chart, Series, Slide, Tile, _missing  # noqa: F401  (re-exported)
from indicators.present.slideset import GOAL_FOCUS_AREA, SlideSet
from indicators.store import follow_up, queries


# --- slides ---------------------------------------------------------------------------------

def _goal(con, catalog: Catalog, lang: str, cache) -> Slide:
    ind = catalog.indicator(reference.POLICE_LIST_INDICATOR)
    chart, title, body, source, first, last, as_of, demo = None, "", [], "", "", "", "", False
    no_chart = ""
    if ind is not None:
        data = cache(ind)
        mine = data.yearly[data.yearly["area_id"] == catalog.municipality.id]
        known = mine[mine["value"].notna()]
        since_year = parse(ind.baseline_period).year if parse(ind.baseline_period) else None
        if len(known):
            year, count = int(known["year"].iloc[-1]), int(known["value"].iloc[-1])
            base = mine[mine["year"] == since_year]["value"]
            since_count = None if not len(base) or _missing(base.iloc[0]) else int(base.iloc[0])
            title = findings.police_list(year, count, lang, since_year=since_year,
                                         since_count=since_count)
            try:
                listing = reference.police_list(year)
            except OSError:
                listing = None
            if listing and listing.area_ids:
                names = [catalog.area(a).name if catalog.area(a) else a for a in listing.area_ids]
                body.append(i18n.t("present.goal_areas", lang, year=year, names=", ".join(names)))
        chart = _chart(data, catalog, (catalog.municipality.id,), lang,
                       i18n.t("present.goal_chart", lang), kind="bar", with_path=False)
        source, first, last, as_of, demo = ind.source, data.first, data.last, data.loaded, data.demo
        no_chart = "" if chart else _no_chart(data, catalog, (catalog.municipality.id,), lang)
    body.insert(0, i18n.t("present.goal_quote", lang))
    title = title or i18n.t("present.goal_kicker", lang)
    return Slide("goal", "goal", lang, i18n.t("present.goal_kicker", lang),
                 findings.demo_honest(title, lang, demo), "", tuple(body), (), chart, source,
                 first, last, as_of, demo, no_chart=no_chart)


def _measure_line(measures: pd.DataFrame | None, focus_id: str, lang: str) -> tuple[tuple[str, ...], bool]:
    """The focus slide's measures sentence ("12 av 18 åtgärder genomförda, 3 försenade") and
    whether it rests on demo data; nothing when the store holds no measures at all."""
    from indicators.views import measures as measure_view
    if measures is None or not len(measures):
        return (), False
    mine = measures[measures["focus_area_id"] == focus_id]
    text = measure_view.counts_text(measure_view.counts(mine), lang, slide=True)
    return (text,), bool(len(mine)) and bool(mine["is_demo"].any())


def _focus(catalog: Catalog, focus_id: str, lang: str, cache,
           measures: pd.DataFrame | None = None) -> Slide | None:
    focus = catalog.focus_area(focus_id)
    members = catalog.indicators_in(focus_id)
    if focus is None or not members:
        return None
    datas = [cache(i) for i in members]
    found = [d.assessment.status for d in datas]
    body, measures_demo = _measure_line(measures, focus_id, lang)
    demo = any(d.demo for d in datas) or measures_demo
    tiles = tuple(Tile(s, statuses.symbol(s, "lower" if s == statuses.ON_TRACK and _mostly_lower(members)
                                          else "higher"),
                       statuses.word(s, lang), found.count(s), statuses.colour(s))
                  for s in statuses.STATUSES if found.count(s))
    lead = datas[0]
    chart = _chart(lead, catalog, (catalog.municipality.id,), lang, _finding(lead, catalog, lang))
    return Slide(f"focus:{focus_id}", "focus", lang, focus.name(lang),
                 findings.focus_summary(found, lang, demo=demo),
                 i18n.t("present.lead_chart", lang, name=lead.indicator.name(lang)), body, tiles,
                 chart, lead.indicator.source, lead.first, lead.last, lead.loaded, demo,
                 focus_area=focus_id,
                 no_chart="" if chart else _no_chart(lead, catalog, (catalog.municipality.id,), lang))


def _mostly_lower(members) -> bool:
    lower = sum(i.polarity == "lower" for i in members)
    return lower * 2 >= len(members)


def _indicator(catalog: Catalog, indicator_id: str, areas: tuple[str, ...], lang: str,
               cache) -> Slide | None:
    ind = catalog.indicator(indicator_id)
    if ind is None:
        return None
    data = cache(ind)
    title = _finding(data, catalog, lang)
    chart = _chart(data, catalog, areas, lang, ind.name(lang))
    focus = catalog.focus_area(ind.focus_area)
    kicker = f"{focus.name(lang)} · {ind.name(lang)}" if focus else ind.name(lang)
    return Slide(f"indicator:{ind.id}", "indicator", lang, kicker, title, _subtitle(data, lang),
                 (), (), chart, ind.source, data.first, data.last, data.loaded, data.demo,
                 data.assessment.status, ind.polarity, ind.focus_area,
                 "" if chart else _no_chart(data, catalog, areas, lang))


def build(con, catalog: Catalog, spec: SlideSet) -> list[Slide]:
    """The slides of `spec`: the goal and the police list, one per chosen focus area, then one per
    chosen indicator. Every number in them has been through disclosure.protect."""
    lang = spec.lang
    observations = queries.observations(con)
    measures = follow_up.measures(con)
    memo: dict[str, _Data] = {}

    def cache(indicator) -> _Data:
        if indicator.id not in memo:
            memo[indicator.id] = _data(con, catalog, indicator, lang, observations)
        return memo[indicator.id]

    slides = [_goal(con, catalog, lang, cache)]
    for focus_id in spec.focus_areas:
        if focus_id != GOAL_FOCUS_AREA:
            slide = _focus(catalog, focus_id, lang, cache, measures)
            if slide:
                slides.append(slide)
    for indicator_id in spec.indicators:
        slide = _indicator(catalog, indicator_id, spec.areas, lang, cache)
        if slide:
            slides.append(slide)
    return slides


def table(slides: list[Slide], catalog: Catalog | None = None) -> pd.DataFrame:
    """Every number the slides show, one row each: the chart values (hidden ones empty, with what
    is shown instead) and the status counts of the focus slides."""
    rows = []
    for n, slide in enumerate(slides, start=1):
        base = {"slide": n, "title": slide.title, "source": slide.source, "as_of": slide.as_of,
                "demo": slide.demo_mark}
        for tile in slide.tiles:
            rows.append({**base, "chart": i18n.t("present.pack.summary_counts", slide.lang),
                         "indicator": "", "area": "", "series": "status",
                         "category": f"{tile.symbol} {tile.word}", "value": float(tile.count),
                         "shown": str(tile.count), "suppressed": None, "unit": ""})
        if slide.kind == "focus":
            for line in slide.body:   # the measures sentence: as shown, no number of its own
                rows.append({**base, "chart": i18n.t("measures.counts_heading", slide.lang),
                             "indicator": "", "area": "", "series": "measures", "category": "",
                             "value": None, "shown": line, "suppressed": None, "unit": ""})
        chart = slide.chart
        if chart is None:
            continue
        for s in chart.series:
            area = (catalog.area(s.area_id).name if catalog and s.area_id and catalog.area(s.area_id)
                    else (s.area_id or ""))
            for category, value, shown, mark in zip(chart.categories, s.values, s.shown, s.suppressed):
                if value is None and mark is None:
                    continue
                rows.append({**base, "chart": chart.title, "indicator": chart.indicator_id,
                             "area": area, "series": s.name, "category": category, "value": value,
                             "shown": shown, "suppressed": mark, "unit": chart.unit})
    columns = ["slide", "title", "chart", "indicator", "area", "series", "category", "value",
               "shown", "suppressed", "unit", "source", "as_of", "demo"]
    return pd.DataFrame(rows, columns=columns)


def measures_table(con, catalog: Catalog, spec: SlideSet) -> tuple[pd.DataFrame, bool]:
    """The measures of the slide set's focus areas (every focus area when it names none), as the
    Åtgärder page's table in the set's language, and whether any of them is demo data."""
    from indicators.views import measures as measure_view
    frame = follow_up.measures(con)
    chosen = [f for f in spec.focus_areas if f != GOAL_FOCUS_AREA]
    if chosen and len(frame):
        frame = frame[frame["focus_area_id"].isin(chosen)]
    frame = measure_view.ordered(frame, catalog)
    table = measure_view.table(frame, catalog, spec.lang)
    demo = bool(len(frame)) and bool(frame["is_demo"].any())
    return table, demo
