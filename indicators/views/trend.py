"""The trend toward 2027 of one indicator for one area, and its status: what the trend chart draws.

Input is the indicator's WHOLE frame (every area × period) already passed through
`disclosure.protect`; everything here only filters it, so a hidden cell stays hidden. Texts come
ready-made in the user's language; `charts` only draws them.

Comparison areas (riket, län, polisregion, a similar municipality: `Area.is_comparison`) are
context: the trend chart draws them as reference lines, on the same rolling-year basis as the
area's own line, and only for measures that do not grow with the size of the population
(`COMPARABLE_MEASURES`: rates, shares, indices); for counts and amounts it says why there is no
line. The status is the area's own: comparison areas never enter it.
"""
from __future__ import annotations

from dataclasses import dataclass, replace
from datetime import date

import pandas as pd

from indicators import charts, i18n
from indicators.catalog import Catalog, Indicator
from indicators.method import disclosure, progress, uncertainty
from indicators.method import status as statuses
from indicators.periods import parse
from indicators.views.values import _in_range, _num, fmt, period_label, points_of, with_gaps

# Measures that can be set beside another population's: per inhabitant, per answer, or an index.
# A count or an amount (antal, mnkr) grows with the population, so riket beside a kommun says nothing.
COMPARABLE_MEASURES = ("rate", "share", "index")


@dataclass(frozen=True)
class StatusView:
    id: str
    badge: str        # "↘ I fas"
    colour: str
    help: str
    note: str         # "Skillnaden mot banan är inte säkerställd." or ""


def status_view(indicator: Indicator, assessment: progress.Assessment, lang: str,
                interval: tuple[float, float] | None = None) -> StatusView:
    note = ""
    if uncertainty.path_within(interval, assessment.path_now):
        note = i18n.t("method.not_significant", lang)
    sid = assessment.status
    return StatusView(sid, statuses.badge(sid, indicator.polarity, lang), statuses.colour(sid),
                      i18n.t(f"method.status_help.{sid}", lang), note)


def _notes(frame: pd.DataFrame, area_id: str) -> dict[str, str]:
    """{period: the analyst's note} of one area (protected: a hidden cell's note is hidden too)."""
    if "note" not in frame:
        return {}
    rows = frame[(frame["area_id"] == area_id) & frame["note"].notna()]
    return {str(p): str(n) for p, n in zip(rows["period"], rows["note"]) if str(n).strip()}


def _with_note(hover: str, note: str | None, lang: str) -> str:
    """A hover text with the analyst's note under it (escaped: plotly reads HTML in hovers)."""
    if not note:
        return hover
    from indicators.views.chart_marks import escaped
    return hover + "<br>" + i18n.t("notes.hover", lang, note=escaped(note))


def assessment_for(indicator: Indicator, frame: pd.DataFrame, area_id: str) -> progress.Assessment:
    """The status of one area, assessed on its protected values (the rolling-year value is missing
    where a hidden period falls in its window)."""
    return progress.assess(indicator, points_of(frame, area_id))


def latest_interval(indicator: Indicator, assessment: progress.Assessment,
                    frame: pd.DataFrame, area_id: str) -> tuple[float, float] | None:
    """The 95 % interval of the latest assessed value (counts: Poisson on the rolling-year sum;
    yearly shares with n: Wilson; yearly rates with numerator and denominator: Poisson)."""
    if assessment.latest is None or assessment.latest_period is None:
        return None
    return _interval(indicator, assessment.latest, frame, area_id, assessment.latest_period.text,
                     assessment.rolling)


def _interval(indicator, value, frame, area_id, period, rolling):
    if indicator.measure == "count" and indicator.aggregation == "sum":
        return uncertainty.poisson(value)
    if rolling:
        return None
    row = frame[(frame["area_id"] == area_id) & (frame["period"] == period)]
    if row.empty:
        return None
    r = row.iloc[0]
    return uncertainty.interval(indicator, value, numerator=_num(r.get("numerator")),
                                denominator=_num(r.get("denominator")), n=_num(r.get("n")))


def compares_across_populations(indicator: Indicator) -> bool:
    """True when values of populations of different size can be set side by side (rates, shares,
    indices); False for counts and amounts, which are drawn for comparison areas not at all."""
    return indicator.measure in COMPARABLE_MEASURES


def position(period) -> date:
    """Where a period's value is drawn on the time axis: the middle of the period, so a year's value
    stands over its own year label (2023 at 2023-07-02) and a rolling year over the middle of the
    last month it includes."""
    return charts.year_date(period.years() - 0.5 / progress.PER_YEAR[period.grain])


def _at(t: float, grain: str) -> date:
    """The x of a time in years (a period's END, as the method counts) for a series of `grain`:
    the middle of the period that ends at t, as `position` places its value."""
    return charts.year_date(t - 0.5 / progress.PER_YEAR[grain])


def _when(period, indicator: Indicator, lang: str) -> str:
    """"2023", or for a rolling value the window it covers: "rullande år t.o.m. maj 2024"."""
    if progress.PER_YEAR[indicator.grain] == 1:
        return period.text
    return i18n.t("views.rolling_to", lang, period=period_label(period, lang))


def _missing_text(missing, lang: str) -> str:
    return ", ".join(period_label(m, lang) for m in missing)


def comparison_lines(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
                     years: tuple[int, int] | None = None) -> list[charts.ReferenceLine]:
    """One reference line per comparison area with values in `frame` (catalog order), on the same
    rolling-year basis as the assessed series; none for a measure that grows with the population."""
    if not compares_across_populations(indicator):
        return []
    present = set(frame["area_id"].unique())
    unit = indicator.unit(lang)
    lines = []
    for area in catalog.comparison_areas:
        if area.id not in present:
            continue
        series = progress.rolling_year(indicator.grain, indicator.aggregation, points_of(frame, area.id))
        series = with_gaps([(p, v) for p, v in series if years is None or years[0] <= p.year <= years[1]])
        if not series:
            continue
        lines.append(charts.ReferenceLine(
            area.id, i18n.t("views.comparison_name", lang, area=area.name),
            [position(p) for p, _ in series], [v for _, v in series],
            [f"{area.name}<br>{_when(p, indicator, lang)}: {fmt(v, lang, indicator.decimals)} {unit}"
             for p, v in series]))
    return lines


def comparison_note(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str) -> str:
    """Why a count has no comparison lines although comparison rows exist ("" otherwise)."""
    if compares_across_populations(indicator):
        return ""
    present = set(frame["area_id"].unique())
    names = [a.name for a in catalog.comparison_areas if a.id in present]
    if not names:
        return ""
    return i18n.t("views.comparison_not_drawn", lang, areas=", ".join(names))


def trajectory_data(indicator: Indicator, frame: pd.DataFrame, area_id: str, area_name: str,
                    lang: str, years: tuple[int, int] | None = None, *,
                    catalog: Catalog | None = None) -> tuple[charts.TrajectoryData, StatusView]:
    """The trend chart's data for one area and its status; with `catalog`, also the reference
    lines of the comparison areas (or the note saying why a count has none). The status is the
    area's own: comparison areas never enter it."""
    a = assessment_for(indicator, frame, area_id)
    dec = indicator.decimals
    unit = indicator.unit(lang)
    rolling_word = i18n.t("views.rolling_year", lang)
    per_year = progress.PER_YEAR[indicator.grain]
    series = with_gaps([(p, v) for p, v in a.series if years is None or years[0] <= p.year <= years[1]])
    incomplete = {p: m for p, m in a.incomplete}
    data = charts.TrajectoryData(
        title=f"{indicator.name(lang)} – {area_name}",
        y_title=f"{unit}, {rolling_word}" if a.rolling else unit,
        series_name=i18n.t("views.observed_rolling" if a.rolling else "views.observed", lang),
    )
    lowers, uppers = [], []
    notes = _notes(frame, area_id)
    for p, v in series:
        data.x.append(position(p))
        data.y.append(v)
        hover = f"{area_name}<br>{_when(p, indicator, lang)}: {fmt(v, lang, dec)} {unit}"
        if p in incomplete:
            hover += "<br>" + i18n.t("views.window_missing", lang, periods=_missing_text(incomplete[p], lang),
                                     have=per_year - len(incomplete[p]), of=per_year)
        data.hover.append(_with_note(hover, None if a.rolling else notes.get(p.text), lang))
        iv = None if v is None else _interval(indicator, v, frame, area_id, p.text, a.rolling)
        lowers.append(iv[0] if iv else None)
        uppers.append(iv[1] if iv else None)
    if any(x is not None for x in lowers):
        data.lower, data.upper = lowers, uppers
        data.interval_name = i18n.t("method.interval", lang)
    if a.rolling:
        rows = frame[(frame["area_id"] == area_id) & _in_range(frame["period"], years)]
        labels = disclosure.labels(rows, lang, dec)
        for p, v, label in zip(rows["period"], rows["value"], labels):
            period = parse(p)
            data.period_x.append(position(period))
            data.period_y.append(_num(v))
            data.period_hover.append(_with_note(f"{area_name}<br>{period_label(period, lang)}: {label} {unit}",
                                                notes.get(str(p)), lang))
        data.period_name = i18n.t(f"views.per_{indicator.grain}", lang)
        data.period_axis_title = f"{unit}, {data.period_name}"
    example = a.target_is_example
    if a.baseline is not None:
        data.baseline = (_at(a.baseline_t, indicator.grain), a.baseline, i18n.t(
            "views.baseline_label", lang, period=indicator.baseline_period,
            value=fmt(a.baseline, lang, dec)))
    if a.target is not None:
        key = "views.example_target_label" if example else "views.target_label"
        data.target = (_at(a.T, indicator.grain), a.target, i18n.t(
            key, lang, year=indicator.target.year, value=fmt(a.target, lang, dec)))
    if a.path:
        data.path = tuple((_at(t, indicator.grain), y) for t, y in a.path)
        data.path_name = i18n.t("method.path", lang)
    if a.projection_line:
        data.projection = tuple((_at(t, indicator.grain), y) for t, y in a.projection_line)
        data.projection_name = i18n.t("method.projection", lang)
    if catalog is not None:
        data.references = comparison_lines(indicator, frame, catalog, lang, years)
        data.note = comparison_note(indicator, frame, catalog, lang)
    start = years[0] if years else (series[0][0].year if series else 2019)
    end = int(a.T) - 1  # the target's year: T is its end
    data.x_range = (charts.year_date(float(start)), charts.year_date(a.T + 0.04))
    data.tick_years = list(range(start, end + 1))
    view = status_view(indicator, a, lang, latest_interval(indicator, a, frame, area_id))
    if a.incomplete:
        missing = sorted({m for _, gone in a.incomplete for m in gone})
        view = replace(view, note=" ".join(filter(None, [view.note, i18n.t(
            "views.status_missing", lang, periods=_missing_text(missing, lang))])))
    data.title = f"{data.title} · {view.badge}"
    return data, view

