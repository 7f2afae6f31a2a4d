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

import math
from dataclasses import dataclass

import pandas as pd

from indicators.method import disclosure, progress
from indicators.present import findings
from indicators import i18n
from indicators.store import follow_up, queries
from indicators.catalog import reference
from indicators.method import status as statuses
from indicators.catalog import Catalog
from indicators.periods import PARTS, parse
from indicators.present.slideset import GOAL_FOCUS_AREA, SlideSet

OBSERVED, PATH = "observed", "path"


@dataclass(frozen=True)
class Series:
    name: str
    kind: str                              # "observed" | "path"
    area_id: str | None
    values: tuple[float | None, ...]       # after disclosure: None when missing or hidden
    shown: tuple[str, ...]                 # what a reader sees: "1 234", "<5", "..", "–"
    suppressed: tuple[str | None, ...]     # None | "small" | "secondary"


@dataclass(frozen=True)
class Chart:
    kind: str                              # "line" | "bar"
    indicator_id: str
    title: str
    unit: str
    decimals: int
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    legend: tuple[str, ...]                # suppression legend lines, only for marks in use
    alt: str

    def observed(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.kind == OBSERVED)


@dataclass(frozen=True)
class Tile:
    status: str
    symbol: str
    word: str
    count: int
    colour: str


@dataclass(frozen=True)
class Slide:
    key: str                               # "goal", "focus:<id>", "indicator:<id>"
    kind: str                              # "goal" | "focus" | "indicator"
    lang: str
    kicker: str
    title: str                             # the finding, in words
    subtitle: str
    body: tuple[str, ...]
    tiles: tuple[Tile, ...]
    chart: Chart | None
    source: str
    first: str                             # first and last period shown
    last: str
    as_of: str                             # date the data were loaded (YYYY-MM-DD)
    demo: bool
    status: str = ""                       # indicator slides: the municipality's status id
    polarity: str = "higher"
    focus_area: str = ""                   # the focus area of a focus or indicator slide

    @property
    def provenance(self) -> str:
        """"Källa: … · Period: 2019–2026-10 · Data per 2026-11-26"."""
        parts = [i18n.t("present.source", self.lang, source=self.source)]
        if self.first:
            parts.append(i18n.t("present.period", self.lang, first=self.first, last=self.last))
        if self.as_of:
            parts.append(i18n.t("present.as_of", self.lang, date=self.as_of))
        return " · ".join(parts)

    @property
    def demo_mark(self) -> str:
        return i18n.t("present.demo_mark", self.lang) if self.demo else ""


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


# --- yearly series, protected ---------------------------------------------------------------

def _yearly(indicator, frame: pd.DataFrame) -> pd.DataFrame:
    """Every area's assessed series at year ends plus its latest point: one row per area × point,
    columns indicator_id, area_id, period (the window's last period), t, value, is_demo."""
    rows = []
    for area_id, part in frame.groupby("area_id", sort=False):
        points = [(parse(p), v) for p, v in zip(part["period"], part["value"])]
        points = [(p, None if _missing(v) else float(v)) for p, v in points if p is not None]
        series = progress.rolling_year(indicator.grain, indicator.aggregation, points)
        demo = bool(part["is_demo"].any())
        for i, (period, value) in enumerate(series):
            year_end = period.index == PARTS[period.grain]
            if year_end or i == len(series) - 1:
                rows.append({"indicator_id": indicator.id, "area_id": area_id, "period": period.text,
                             "t": period.years(), "value": value, "is_demo": demo,
                             "year_end": year_end, "year": period.year})
    columns = ["indicator_id", "area_id", "period", "t", "value", "is_demo", "year_end", "year"]
    return pd.DataFrame(rows, columns=columns)


def _category(row, lang: str) -> str:
    if row["year_end"]:
        return str(int(row["year"]))
    return i18n.t("present.rolling_label", lang, period=row["period"])


@dataclass
class _Data:
    """One indicator's protected yearly values and its municipality assessment."""
    indicator: object
    yearly: pd.DataFrame          # protected; columns of _yearly + suppressed + category
    assessment: progress.Assessment
    loaded: str
    demo: bool
    first: str
    last: str


def _data(con, catalog: Catalog, indicator, lang: str, observations: pd.DataFrame) -> _Data:
    frame = observations[observations["indicator_id"] == indicator.id]
    yearly = _yearly(indicator, frame)
    if len(yearly):
        yearly = disclosure.protect(yearly, catalog)
        yearly["category"] = [_category(r, lang) for _, r in yearly.iterrows()]
    else:
        yearly = yearly.assign(suppressed=None, category="")
    whole = catalog.municipality.id
    mine = frame[frame["area_id"] == whole]
    assessment = progress.assess(indicator, [(parse(p), None if _missing(v) else float(v))
                                             for p, v in zip(mine["period"], mine["value"])])
    loaded = frame["loaded_at"].max() if len(frame) else None
    present = frame[frame["value"].notna()]
    return _Data(indicator, yearly, assessment,
                 "" if loaded is None or pd.isna(loaded) else pd.Timestamp(loaded).date().isoformat(),
                 bool(frame["is_demo"].any()),
                 str(present["period"].iloc[0]) if len(present) else "",
                 str(present["period"].iloc[-1]) if len(present) else "")


def _finding(data: _Data, catalog: Catalog, lang: str) -> str:
    """The indicator's change since its baseline, from the municipality's protected values."""
    a = data.assessment
    mine = data.yearly[data.yearly["area_id"] == catalog.municipality.id]
    if a.baseline is None or a.latest is None or not len(mine):
        return findings.change(data.indicator, None, None, _since(data.indicator), lang,
                               demo=data.demo)
    at_base = mine[(mine["t"] - a.baseline_t).abs() < 1e-6]
    at_latest = mine.iloc[[-1]]
    hidden = bool(at_base["suppressed"].notna().any() or at_latest["suppressed"].notna().any())
    return findings.change(data.indicator, a.baseline, a.latest, _since(data.indicator), lang,
                           hidden=hidden, demo=data.demo)


def _since(indicator) -> str:
    period = parse(indicator.baseline_period)
    return period.text if period else indicator.baseline_period


def _labels(values, suppressed, lang, decimals) -> tuple[str, ...]:
    return tuple(disclosure.label(v, s, lang, decimals) for v, s in zip(values, suppressed))


def _chart(data: _Data, catalog: Catalog, area_ids: tuple[str, ...], lang: str, title: str,
           *, kind: str = "line", with_path: bool = True) -> Chart | None:
    ind = data.indicator
    shown = data.yearly[data.yearly["area_id"].isin(area_ids)]
    if not len(shown):
        return None
    order = shown.drop_duplicates("period").sort_values("t")
    categories = list(order["category"])
    times = list(order["t"])
    a = data.assessment
    path_on = with_path and bool(a.path) and len(area_ids) == 1 and area_ids[0] == catalog.municipality.id
    base_hidden = path_on and bool(shown[(shown["t"] - a.baseline_t).abs() < 1e-6]["suppressed"].notna().any())
    path_on = path_on and not base_hidden
    if path_on:
        categories.append(i18n.t("present.target_category", lang, year=ind.target.year))
    series = []
    for area_id in area_ids:
        part = shown[shown["area_id"] == area_id].set_index("period")
        if not len(part):
            continue
        values, marks = [], []
        for period in order["period"]:
            if period in part.index:
                v, s = part.at[period, "value"], part.at[period, "suppressed"]
                values.append(None if _missing(v) else float(v))
                marks.append(s if isinstance(s, str) else None)
            else:
                values.append(None)
                marks.append(None)
        if path_on:
            values.append(None)
            marks.append(None)
        area = catalog.area(area_id)
        name = i18n.t("present.observed", lang) if len(area_ids) == 1 else (area.name if area else area_id)
        series.append(Series(name, OBSERVED, area_id, tuple(values),
                             _labels(values, marks, lang, ind.decimals), tuple(marks)))
    if not series:
        return None
    if path_on:
        y0, t0, target, T = a.baseline, a.baseline_t, a.target, a.T
        path = [None if t < t0 - 1e-6 else progress.path_value(y0, t0, target, T, t) for t in times]
        path.append(target)
        path = [None if v is None else round(v, ind.decimals + 1) for v in path]
        series.append(Series(i18n.t("present.path", lang), PATH, None, tuple(path),
                             _labels(path, [None] * len(path), lang, ind.decimals),
                             (None,) * len(path)))
    marks_used = {m for s in series for m in s.suppressed if m}
    legend = tuple(disclosure.legend(lang, marks_used)) if marks_used else ()
    return Chart(kind, ind.id, title, ind.unit(lang), ind.decimals, tuple(categories), tuple(series),
                 legend, _alt(kind, title, ind.unit(lang), categories, series, lang))


def _alt(kind, title, unit, categories, series, lang) -> str:
    """A short text alternative: what is drawn, and the first and last shown value per series."""
    parts = []
    hidden = 0
    for s in series:
        if s.kind != OBSERVED:
            continue
        known = [(c, label) for c, v, label in zip(categories, s.values, s.shown) if v is not None]
        hidden += sum(1 for m in s.suppressed if m)
        if known:
            (c0, l0), (c1, l1) = known[0], known[-1]
            parts.append(f"{s.name}: {c0} {l0}, {c1} {l1}")
    values = "; ".join(parts) + "."
    if hidden:
        values += " " + i18n.t("present.alt_hidden", lang, n=hidden) + "."
    first, last = (categories[0], categories[-1]) if categories else ("", "")
    key = "present.alt_bar" if kind == "bar" else "present.alt_line"
    return i18n.t(key, lang, name=title, unit=unit, first=first, last=last, values=values)


def _status_line(data: _Data, lang: str) -> str:
    ind, a = data.indicator, data.assessment
    parts = [i18n.t("present.status_line", lang, badge=statuses.badge(a.status, ind.polarity, lang))]
    if ind.target.kind == "none":
        parts.append(i18n.t("present.no_target", lang))
    elif a.target is not None:
        target = i18n.t("present.target_line", lang, year=ind.target.year,
                        target=_with_unit(i18n.number(a.target, lang, ind.decimals), ind, lang))
        if a.target_is_example:
            target += f" ({i18n.t('present.example_target', lang)})"
        parts.append(target)
    return " · ".join(parts)


def _with_unit(text: str, ind, lang: str) -> str:
    """"16" for a count ("16 antal" reads badly), "14,0 %" and "1,37 per 1 000 inv." otherwise."""
    return text if ind.measure == "count" else f"{text} {ind.unit(lang)}"


def _subtitle(data: _Data, lang: str) -> str:
    line = _status_line(data, lang)
    a = data.assessment
    if a.rolling and a.latest_period is not None:
        line += ". " + i18n.t("present.rolling_note", lang, period=a.latest_period.text,
                              since=_since(data.indicator))
    return line


# --- slides ---------------------------------------------------------------------------------

def _goal(con, catalog: Catalog, lang: str, cache) -> Slide:
    ind = catalog.indicator(reference.POLICE_LIST_INDICATOR)
    chart, title, body, source, first, last, as_of, demo = None, "", [], "", "", "", "", False
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
    body.insert(0, i18n.t("present.goal_quote", lang))
    title = title or i18n.t("present.goal_kicker", lang)
    return Slide("goal", "goal", lang, i18n.t("present.goal_kicker", lang),
                 findings.demo_honest(title, lang, demo), "", tuple(body), (), chart, source,
                 first, last, as_of, demo)


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
                 focus_area=focus_id)


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
                 data.assessment.status, ind.polarity, ind.focus_area)


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
