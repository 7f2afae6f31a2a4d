"""Charts that put values where a reader looks: read from the figure objects (issue 13, points
2, 3, 7–12): a year's value over its own year label, rolling years at their last month, Swedish
month names, a missing year kept with a gap, a count's projection never below zero, one missing
month named instead of stopping the series, readable text and demo band, legible heat tables."""
from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd
import pytest

from indicators import charts
from indicators.catalog import load_catalog
from indicators.method import disclosure, progress
from indicators.method import status as statuses
from indicators.periods import parse
from indicators.views import heat as heat_view, trend as trend_view

CATALOG = load_catalog()
SHARE = "otrygghet_kvall"     # yearly mean share, baseline 2023, example target
COUNT = "skjutningar"         # monthly count, baseline 2023
MARK = "EXEMPELDATA – fiktiva siffror"
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")


def frame_of(indicator_id: str, values: dict[str, dict[str, float | None]]) -> pd.DataFrame:
    """A protected frame of one indicator: {area_id: {period: value}}."""
    rows = [{"indicator_id": indicator_id, "area_id": area, "period": p, "value": v,
             "period_start": pd.Timestamp(parse(p).start), "is_demo": True}
            for area, series in values.items() for p, v in series.items()]
    return disclosure.protect(pd.DataFrame(rows), CATALOG)


def months(first: str, values: list[float | None]) -> dict[str, float | None]:
    out, period = {}, parse(first)
    for v in values:
        out[period.text] = v
        period = period.next()
    return out


def trend(indicator, frame, lang="sv", area="eskilstuna"):
    data, view = trend_view.trajectory_data(indicator, frame, area, CATALOG.area(area).name, lang,
                                            catalog=CATALOG)
    return charts.trajectory(data, lang, demo_mark=MARK), data, view


def tick_at(fig, label: str):
    axis = fig.layout.xaxis
    return axis.tickvals[list(axis.ticktext).index(label)]


def named(fig, name_start: str):
    return next(t for t in fig.data if (t.name or "").startswith(name_start))


YEARLY = {"eskilstuna": {"2019": 24.0, "2021": 26.0, "2022": 26.5, "2023": 27.0, "2024": 25.5,
                         "2025": 24.0}}


def test_the_baseline_and_target_of_a_yearly_indicator_stand_over_their_own_year_labels():
    fig, data, _ = trend(CATALOG.indicator(SHARE), frame_of(SHARE, YEARLY))
    assert named(fig, "Utgångsläge 2023").x[0] == tick_at(fig, "2023")
    assert named(fig, "Exempelmål 2027").x[0] == tick_at(fig, "2027")
    observed = named(fig, "Uppmätt")
    assert observed.x[list(observed.y).index(25.5)] == tick_at(fig, "2024")  # 2024's value over "2024"
    assert fig.layout.xaxis.range[1] < date(2028, 2, 1)  # no "2028" in view


def test_a_year_missing_in_every_series_keeps_its_place_with_a_gap():
    fig, _, _ = trend(CATALOG.indicator(SHARE), frame_of(SHARE, YEARLY))
    observed = named(fig, "Uppmätt")
    assert "2020" in fig.layout.xaxis.ticktext
    gap = list(observed.x).index(tick_at(fig, "2020"))
    assert observed.y[gap] is None and observed.connectgaps is False
    table = heat_view.heat(CATALOG.indicator(SHARE), frame_of(SHARE, YEARLY), CATALOG, "sv")
    assert table.columns == ["2019", "2020", "2021", "2022", "2023", "2024", "2025"]
    assert [row[1] for row in table.z] == [None]


def test_rolling_values_stand_at_their_last_month_labelled_so_with_swedish_month_names():
    frame = frame_of(COUNT, {"eskilstuna": months("2022-01", [3.0] * 29)})  # to 2024-05
    fig, data, _ = trend(CATALOG.indicator(COUNT), frame)
    observed = named(fig, "Uppmätt")
    last = list(observed.x)[-1]
    assert last == charts.year_date(2024 + 4.5 / 12)  # the middle of May 2024
    assert "rullande år t.o.m. maj 2024" in observed.hovertext[-1]
    bars = named(fig, "per månad")
    assert bars.x[-1] == last and "maj 2024" in bars.hovertext[-1]
    baseline = named(fig, "Utgångsläge 2023")
    assert date(2023, 12, 1) < baseline.x[0] < date(2024, 1, 1)  # the window ending December 2023
    texts = " ".join(str(t) for trace in fig.data for t in (trace.hovertext or ()))
    assert not any(month in texts for month in ENGLISH_MONTHS)
    english, _, _ = trend(CATALOG.indicator(COUNT), frame, lang="en")
    assert "rolling year to May 2024" in named(english, "Observed").hovertext[-1]


def test_one_missing_month_is_named_and_the_series_goes_on_to_the_latest_month():
    values = [3.0] * 24 + [3.0, None] + [3.0] * 10  # 2024-02 missing, ten months after it
    fig, _, view = trend(CATALOG.indicator(COUNT), frame_of(COUNT, {"eskilstuna": months("2022-01", values)}))
    observed = named(fig, "Uppmätt")
    assert observed.x[-1] == charts.year_date(2024 + 11.5 / 12)  # December 2024
    assert observed.y[-1] == pytest.approx(36.0)
    assert "saknas: februari 2024 (räknat på 11 av 12)" in observed.hovertext[-1]
    assert "februari 2024" in view.note and view.id != statuses.NOT_ASSESSABLE


def test_the_projection_of_a_count_and_the_axis_never_go_below_zero():
    yearly_count = replace(CATALOG.indicator(COUNT), grain="year")
    frame = frame_of(COUNT, {"eskilstuna": {"2023": 60.0, "2024": 30.0, "2025": 5.0}})
    fig, data, _ = trend(yearly_count, frame)
    projection = named(fig, "Om utvecklingen")
    assert min(projection.y) == 0.0 and len(projection.y) == 3  # bent at zero, then along it
    assert all(y is None or y >= 0 for trace in fig.data for y in (trace.y or ()))
    assert fig.layout.yaxis.rangemode == "tozero"


def test_a_monthly_heat_table_has_one_labelled_column_a_year_and_the_months_in_its_hover():
    values = {"eskilstuna": months("2022-01", [2.0] * 34), "froslunda": months("2022-01", [1.0] * 34)}
    table = heat_view.heat(CATALOG.indicator(COUNT), frame_of(COUNT, values), CATALOG, "sv")
    assert table.columns == ["2022", "2023", "12 mån<br>t.o.m.<br>okt<br>2024"]
    assert table.texts[0] == ["24", "24", "24"] and table.texts[1][0] == "12"
    assert "jan 2 · feb 2 · mar 2 · apr 2" in table.hovers[0][0]
    assert table.span == ("2022-01", "2024-10")
    fig = charts.heat_table("t", table.rows, table.columns, table.z, table.texts, "sv",
                            colour_title="antal", hovers=table.hovers, demo_mark=MARK)
    assert fig.layout.xaxis.tickangle == 0 and fig.data[0].textfont.size >= 12


def test_a_hidden_small_count_is_never_estimated_into_a_yearly_value():
    sensitive = [i for i in CATALOG.indicators if i.sensitive and i.measure == "count"
                 and progress.PER_YEAR[i.grain] > 1][0]
    first, parts = {"month": ("2023-01", 12), "quarter": ("2023-Q1", 4), "half": ("2023-H1", 2)}[sensitive.grain]
    values = {"eskilstuna": months(first, [2.0] + [9.0] * (parts - 1)),
              "froslunda": months(first, [9.0] * parts), "nyfors": months(first, [9.0] * parts)}
    frame = frame_of(sensitive.id, values)
    assert frame[frame["area_id"] == "eskilstuna"]["suppressed"].iloc[0] == disclosure.SMALL
    table = heat_view.heat(sensitive, frame, CATALOG, "sv")
    assert table.texts[0] == [""] and table.texts[1][0] != ""  # the municipality's year is not estimated


def _figures():
    ranking = charts.area_ranking("r", ["A", "B"], [1.0, 2.0], ["1", "2"], ["a", "b"], "sv",
                                  x_title="antal", demo_mark=MARK)
    heat = charts.heat_table("h", ["A"], ["2024"], [[1.0]], [["1"]], "sv", colour_title="antal",
                             demo_mark=MARK)
    row = charts.ProfileRow("x", "✓", "#000000", -1, 1, -0.5, 0.5, 0.2, "h")
    profile = charts.profile("p", [row], "sv", area_name="A", municipality_name="E", range_name="r",
                             better="b", worse="w", demo_mark=MARK)
    police = charts.police_list("p", ["2023"], [3.0], ["3"], ["h"], [""], "sv", y_title="n",
                                demo_mark=MARK)
    frame = frame_of(COUNT, {"eskilstuna": months("2022-01", [3.0] * 29)})
    return [ranking, heat, profile, police, trend(CATALOG.indicator(COUNT), frame)[0]]


@pytest.mark.parametrize("number", range(5))
def test_every_axis_tick_title_and_legend_text_reads_at_four_and_a_half_to_one(number):
    fig = _figures()[number]
    axes = [fig.layout[name] for name in fig.layout if name.startswith(("xaxis", "yaxis"))]
    colours = [a.tickfont.color for a in axes] + [a.title.font.color for a in axes]
    colours += [fig.layout.legend.font.color, fig.layout.title.font.color]
    assert all(c is not None and statuses.contrast_ratio(c) >= 4.5 for c in colours), colours


@pytest.mark.parametrize("number", range(5))
def test_the_demo_mark_is_a_readable_band_inside_every_chart(number):
    fig = _figures()[number]
    (band,) = [a for a in fig.layout.annotations if a.name == charts.WATERMARK_NAME]
    assert band.text == MARK and (band.textangle or 0) == 0 and (band.opacity is None or band.opacity == 1)
    assert statuses.contrast_ratio(band.font.color, band.bgcolor) >= 4.5
    assert band.bordercolor and band.xref == "paper"
