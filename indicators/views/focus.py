"""The view model of one indicator on a focus-area page: trend toward 2027 for one area, ranked
areas in the latest period and the area × period heat table.

Input is the indicator's WHOLE frame (every area × period) already passed through
`disclosure.protect`; everything here only filters it, so a hidden cell stays hidden, and any
rolling-year value built from a hidden period is missing too (a window with a gap has no value).
Texts come ready-made in the user's language; charts.py only draws them.

Comparison areas (riket, län, polisregion, a similar municipality: `Area.is_comparison`) are
context: the trend chart draws them as reference lines, on the same rolling-year basis as the
area's own line, and only for measures that do not grow with the size of the population
(`COMPARABLE_MEASURES`: rates, shares, indices); for counts and amounts it says why there is no
line. The ranking and the heat table hold only the municipality's own areas.
"""
from __future__ import annotations

import math
from dataclasses import dataclass

import pandas as pd

from indicators import charts, i18n
from indicators.method import disclosure, progress, uncertainty
from indicators.method import status as statuses
from indicators.catalog import Catalog, Indicator
from indicators.periods import parse

MAX_HEAT_ROWS = 40
# Measures that can be set beside another population's: per inhabitant, per answer, or an index.
# A count or an amount (antal, mnkr) grows with the population, so riket beside a kommun says nothing.
COMPARABLE_MEASURES = ("rate", "share", "index")


def _num(x) -> float | None:
    if x is None or x is pd.NA:
        return None
    x = float(x)
    return None if math.isnan(x) else x


def fmt(x, lang: str, decimals: int) -> str:
    return i18n.number(_num(x), lang, decimals)


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


def local_area_ids(catalog: Catalog) -> set[str]:
    """The ids of the municipality's own areas (kind "område"): what rankings and heat tables hold."""
    return {a.id for a in catalog.local_areas if a.kind == "område"}


def comparison_lines(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
                     years: tuple[int, int] | None = None) -> list[charts.ReferenceLine]:
    """One reference line per comparison area with values in `frame` (catalog order), on the same
    rolling-year basis as the assessed series; none for a measure that grows with the population."""
    if not compares_across_populations(indicator):
        return []
    present = set(frame["area_id"].unique())
    rolling_word = i18n.t("views.rolling_year", lang)
    unit = indicator.unit(lang)
    lines = []
    for area in catalog.comparison_areas:
        if area.id not in present:
            continue
        series = progress.rolling_year(indicator.grain, indicator.aggregation, points_of(frame, area.id))
        series = [(p, v) for p, v in series if years is None or years[0] <= p.year <= years[1]]
        if not series:
            continue
        suffix = f" ({rolling_word})" if progress.PER_YEAR[indicator.grain] > 1 else ""
        lines.append(charts.ReferenceLine(
            area.id, i18n.t("views.comparison_name", lang, area=area.name),
            [charts.year_date(p.years()) for p, _ in series], [v for _, v in series],
            [f"{area.name}<br>{p.text}{suffix}: {fmt(v, lang, indicator.decimals)} {unit}"
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
    series = [(p, v) for p, v in a.series if years is None or years[0] <= p.year <= years[1]]
    data = charts.TrajectoryData(
        title=f"{indicator.name(lang)} – {area_name}",
        y_title=f"{unit}, {rolling_word}" if a.rolling else unit,
        series_name=i18n.t("views.observed_rolling" if a.rolling else "views.observed", lang),
    )
    lowers, uppers = [], []
    notes = _notes(frame, area_id)
    for p, v in series:
        data.x.append(charts.year_date(p.years()))
        data.y.append(v)
        suffix = f" ({rolling_word})" if a.rolling else ""
        data.hover.append(_with_note(f"{area_name}<br>{p.text}{suffix}: {fmt(v, lang, dec)} {unit}",
                                     None if a.rolling else notes.get(p.text), lang))
        iv = _interval(indicator, v, frame, area_id, p.text, a.rolling)
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
            data.period_x.append(charts.year_date(period.years() - 0.5 / progress.PER_YEAR[period.grain]))
            data.period_y.append(_num(v))
            data.period_hover.append(_with_note(f"{area_name}<br>{p}: {label} {unit}",
                                                notes.get(str(p)), lang))
        data.period_name = i18n.t(f"views.per_{indicator.grain}", lang)
        data.period_axis_title = f"{unit}, {data.period_name}"
    example = a.target_is_example
    if a.baseline is not None:
        data.baseline = (charts.year_date(a.baseline_t), a.baseline, i18n.t(
            "views.baseline_label", lang, period=indicator.baseline_period,
            value=fmt(a.baseline, lang, dec)))
    if a.target is not None:
        key = "views.example_target_label" if example else "views.target_label"
        data.target = (charts.year_date(a.T), a.target, i18n.t(
            key, lang, year=indicator.target.year, value=fmt(a.target, lang, dec)))
    if a.path:
        (t0, y0), (t1, y1) = a.path
        data.path = ((charts.year_date(t0), y0), (charts.year_date(t1), y1))
        data.path_name = i18n.t("method.path", lang)
    if a.projection_line:
        (t0, y0), (t1, y1) = a.projection_line
        data.projection = ((charts.year_date(t0), y0), (charts.year_date(t1), y1))
        data.projection_name = i18n.t("method.projection", lang)
    if catalog is not None:
        data.references = comparison_lines(indicator, frame, catalog, lang, years)
        data.note = comparison_note(indicator, frame, catalog, lang)
    start = years[0] if years else (series[0][0].year if series else 2019)
    data.x_range = (charts.year_date(float(start)), charts.year_date(a.T + 0.25))
    view = status_view(indicator, a, lang, latest_interval(indicator, a, frame, area_id))
    data.title = f"{data.title} · {view.badge}"
    return data, view


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


def _area_name(catalog: Catalog, area_id: str) -> str:
    area = catalog.area(area_id)
    return area.name if area else area_id


@dataclass
class Heat:
    rows: list[str]
    columns: list[str]
    z: list[list[float | None]]
    texts: list[list[str]]


def heat(indicator: Indicator, frame: pd.DataFrame, catalog: Catalog, lang: str,
         years: tuple[int, int] | None = None, selected: str | None = None,
         limit: int = MAX_HEAT_ROWS) -> Heat | None:
    """Area × period: the municipality first, then its areas (at most `limit`, the highest in the
    latest period, the selected one always included; never a comparison area), each cell with its
    disclosure label."""
    frame = frame[frame["area_id"].isin(local_area_ids(catalog) | {catalog.municipality.id})]
    rows = frame[_in_range(frame["period"], years)].copy()
    if rows.empty:
        return None
    rows["label"] = disclosure.labels(rows, lang, indicator.decimals).values
    columns = list(dict.fromkeys(rows.sort_values("period_start")["period"]))
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
    value = rows.pivot(index="area_id", columns="period", values="value").reindex(index=order, columns=columns)
    label = rows.pivot(index="area_id", columns="period", values="label").reindex(index=order, columns=columns)
    z = [[_num(v) for v in r] for r in value.itertuples(index=False)]
    texts = [["" if not isinstance(t, str) else t for t in r] for r in label.itertuples(index=False)]
    return Heat([_area_name(catalog, a) for a in order], columns, z, texts)


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
    with a separate mark column."""
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
        out[t("demo")] = rows["is_demo"].astype(bool).values if "is_demo" in rows else False
    else:
        out[t("value")] = labels.values
    if "note" in rows:
        out[i18n.t("notes.col", lang)] = [str(n) if isinstance(n, str) else "" for n in rows["note"]]
    return out.reset_index(drop=True)
