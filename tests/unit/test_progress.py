import math
from dataclasses import replace

import pytest

from indicators.method import progress as pg
from indicators.method import status as statuses
from indicators.catalog import Indicator, Target
from indicators.periods import parse


def P(text):
    period = parse(text)
    assert period is not None, text
    return period


def quarters(first_year, values):
    """(Period, value) for consecutive quarters from Q1 of first_year."""
    out, period = [], P(f"{first_year}-Q1")
    for value in values:
        out.append((period, value))
        period = period.next()
    return out


def months(first_year, values):
    out, period = [], P(f"{first_year}-01")
    for value in values:
        out.append((period, value))
        period = period.next()
    return out


def years(first_year, values):
    return [(P(str(first_year + i)), v) for i, v in enumerate(values)]


BASE = Indicator(
    id="x", focus_area="f", name_sv="x", name_en="x", unit_sv="antal", unit_en="number",
    grain="year", polarity="lower", aggregation="sum", measure="count", scale=None, decimals=0,
    baseline_period="2023", target=Target("relative", -50.0, 2027, "example"), sensitive=False,
    source="demo", definition_sv="x", definition_en="x",
)


def indicator(**changes):
    return replace(BASE, **changes)


# --- the pure rules --------------------------------------------------------------------------

@pytest.mark.parametrize("t, expected", [(2024.0, 10.0), (2026.0, 7.5), (2028.0, 5.0), (2025.5, 8.125)])
def test_the_path_is_a_straight_line_from_baseline_to_target(t, expected):
    assert pg.path_value(10.0, 2024.0, 5.0, 2028.0, t) == pytest.approx(expected)


@pytest.mark.parametrize("y0, yt, target, expected", [
    (10.0, 7.5, 5.0, 0.5),
    (10.0, 10.0, 5.0, 0.0),
    (10.0, 4.0, 5.0, 1.2),
    (10.0, 12.0, 5.0, -0.4),
    (40.0, 45.0, 50.0, 0.5),
    (10.0, 8.0, 10.0, None),  # target equals baseline: no way to go
    (0.0, 3.0, 0.0, None),  # zero baseline, relative target: still no way to go
])
def test_share_is_the_fraction_of_the_way_done_and_none_without_a_way(y0, yt, target, expected):
    result = pg.share(y0, yt, target)
    assert result is None if expected is None else result == pytest.approx(expected)


@pytest.mark.parametrize("points, expected", [
    ([(2024.0, 10.0), (2025.0, 8.0), (2026.0, 6.0)], 2.0),
    ([(2024.0, 10.0), (2025.0, 9.0), (2026.0, 11.0)], 11.5),  # slope 0.5 through the mean (2025, 10)
    ([(2024.0, 1.0), (2026.0, 3.0)], 5.0),
    ([(2026.0, 6.0), (2024.0, 10.0), (2025.0, 8.0)], 2.0),  # order does not matter
    ([(2024.0, 10.0), (2025.0, float("nan")), (2026.0, 6.0)], 2.0),  # a missing value is skipped
    ([(2024.0, 1.0), (2024.0, 2.0)], None),  # one distinct time
    ([(2024.0, 1.0)], None),
    ([], None),
])
def test_projection_is_the_least_squares_line_at_the_end_of_2027(points, expected):
    result = pg.projection(points, 2028.0)
    assert result is None if expected is None else result == pytest.approx(expected)


@pytest.mark.parametrize("y0, projected, target, expected", [
    (10.0, 2.0, 5.0, 1.6), (10.0, 8.0, 5.0, 0.4), (10.0, 12.0, 5.0, -0.4),
    (10.0, None, 5.0, None), (10.0, 8.0, 10.0, None),
])
def test_anticipated_share_is_how_far_the_projection_gets(y0, projected, target, expected):
    result = pg.anticipated_share(y0, projected, target)
    assert result is None if expected is None else result == pytest.approx(expected)


@pytest.mark.parametrize("polarity, periods, baseline, latest, target, anticipated, projected, expected", [
    ("lower", 2, 10.0, 4.0, 5.0, 1.6, 2.0, statuses.NOT_ASSESSABLE),  # fewer than 3 periods, even if reached
    ("lower", 5, None, 4.0, 5.0, None, None, statuses.NOT_ASSESSABLE),  # no baseline value
    ("none", 2, 10.0, 8.0, None, None, 6.0, statuses.NOT_ASSESSABLE),  # rule 1 comes before rule 2
    ("none", 3, 10.0, 8.0, None, None, 6.0, statuses.NO_JUDGEMENT),
    ("lower", 3, 10.0, 8.0, None, None, 6.0, statuses.NO_JUDGEMENT),  # no target
    ("none", 3, 10.0, 8.0, 5.0, 1.6, 2.0, statuses.NO_JUDGEMENT),  # polarity none never judges
    ("lower", 3, 10.0, 5.0, 5.0, 0.2, 9.0, statuses.ACHIEVED),  # exactly at the target
    ("lower", 3, 10.0, 4.0, 5.0, -1.0, 12.0, statuses.ACHIEVED),  # achieved wins over the projection
    ("higher", 3, 40.0, 51.0, 50.0, 0.1, 41.0, statuses.ACHIEVED),
    ("lower", 3, 10.0, 6.0, 5.0, 0.95, 5.25, statuses.ON_TRACK),  # the 0.95 boundary is on track
    ("lower", 3, 10.0, 6.0, 5.0, 1.6, 2.0, statuses.ON_TRACK),
    ("higher", 3, 40.0, 44.0, 50.0, 1.0, 50.0, statuses.ON_TRACK),
    ("lower", 3, 10.0, 9.0, 5.0, 0.9499, 5.25, statuses.TOO_SLOW),
    ("lower", 3, 10.0, 9.0, 5.0, 0.01, 9.95, statuses.TOO_SLOW),
    ("lower", 3, 10.0, 10.0, 5.0, 0.0, 10.0, statuses.MOVING_AWAY),  # standing still is moving away
    ("higher", 3, 40.0, 38.0, 50.0, -0.5, 35.0, statuses.MOVING_AWAY),
    ("lower", 3, 10.0, 11.0, 10.0, None, 9.0, statuses.ON_TRACK),  # target = baseline: projection decides
    ("lower", 3, 10.0, 11.0, 10.0, None, 12.0, statuses.MOVING_AWAY),
])
def test_status_applies_the_rules_in_order(polarity, periods, baseline, latest, target, anticipated,
                                           projected, expected):
    assert pg.status(polarity=polarity, periods=periods, baseline=baseline, latest=latest,
                     target=target, anticipated=anticipated, projected=projected) == expected


def test_float_noise_at_the_target_still_counts_as_achieved():
    target = 7.3 * (1 - 20 / 100)  # 5.840000000000001
    assert pg.status(polarity="higher", periods=3, baseline=7.3, latest=5.84, target=target,
                     anticipated=None, projected=None) == statuses.ACHIEVED


# --- the rolling year -------------------------------------------------------------------------

def test_yearly_values_are_used_as_they_are_and_missing_years_are_dropped():
    series = pg.rolling_year("year", "sum", years(2022, [3.0, None, 5.0, float("nan"), 0.0]))
    assert [(p.text, v) for p, v in series] == [("2022", 3.0), ("2024", 5.0), ("2026", 0.0)]


@pytest.mark.parametrize("aggregation, expected", [
    ("sum", [("2023-Q4", 10.0), ("2024-Q1", 14.0), ("2024-Q2", 18.0), ("2024-Q3", 22.0), ("2024-Q4", 26.0)]),
    ("mean", [("2023-Q4", 2.5), ("2024-Q1", 3.5), ("2024-Q2", 4.5), ("2024-Q3", 5.5), ("2024-Q4", 6.5)]),
])
def test_quarters_roll_into_four_quarter_sums_or_means(aggregation, expected):
    series = pg.rolling_year("quarter", aggregation, quarters(2023, [1, 2, 3, 4, 5, 6, 7, 8]))
    assert [(p.text, v) for p, v in series] == expected


def test_a_missing_quarter_removes_every_window_that_contains_it():
    values = [1, 2, None, 4, 5, 6, 7, 8]  # 2023-Q3 missing
    series = pg.rolling_year("quarter", "sum", quarters(2023, values))
    assert [(p.text, v) for p, v in series] == [("2024-Q3", 22.0), ("2024-Q4", 26.0)]


def test_zero_is_a_value_not_a_gap_in_the_rolling_window():
    series = pg.rolling_year("quarter", "sum", quarters(2023, [0, 0, 0, 0]))
    assert [(p.text, v) for p, v in series] == [("2023-Q4", 0.0)]


def test_twelve_months_make_one_rolling_year_point_per_month_end():
    series = pg.rolling_year("month", "sum", months(2023, [2.0] * 24))
    assert len(series) == 13
    assert series[0][0].text == "2023-12" and series[-1][0].text == "2024-12"
    assert all(v == 24.0 for _, v in series)


def test_half_years_roll_in_pairs_and_input_order_does_not_matter():
    points = [(P("2024-H1"), 5.0), (P("2023-H1"), 1.0), (P("2023-H2"), 3.0)]
    series = pg.rolling_year("half", "mean", points)
    assert [(p.text, v) for p, v in series] == [("2023-H2", 2.0), ("2024-H1", 4.0)]


def test_an_unknown_aggregation_is_an_error():
    with pytest.raises(ValueError):
        pg.rolling_year("quarter", "median", [])


# --- assess: the whole assessment of one series -----------------------------------------------

@pytest.mark.parametrize("values, expected", [
    ([10, 8, 6], statuses.ON_TRACK),
    ([10, 9.5, 9], statuses.TOO_SLOW),
    ([10, 11, 12], statuses.MOVING_AWAY),
    ([10, 6, 4], statuses.ACHIEVED),  # reaches the target (5) early
    ([10, 8], statuses.NOT_ASSESSABLE),  # fewer than 3 periods since the baseline
    ([None, 8, 6, 5.5], statuses.NOT_ASSESSABLE),  # no baseline value
    ([10, None, 8, 6], statuses.ON_TRACK),  # a missing year is skipped, not read as 0
])
def test_a_yearly_series_gets_the_status_its_values_imply(values, expected):
    assert pg.assess(indicator(), years(2023, values)).status == expected


def test_assessment_carries_every_quantity_of_the_method():
    a = pg.assess(indicator(), years(2022, [12, 10, 8, 6]))
    assert (a.baseline, a.baseline_t, a.latest, a.latest_t, a.latest_period.text) == (10, 2024.0, 6, 2026.0, "2025")
    assert a.target == 5.0 and a.T == 2028.0
    assert a.share == pytest.approx(0.8)
    assert a.projection == pytest.approx(2.0)
    assert a.anticipated == pytest.approx(1.6)
    assert a.path_now == pytest.approx(7.5)
    assert a.path == ((2024.0, 10.0), (2028.0, 5.0))
    assert a.projection_line == (pytest.approx((2024.0, 10.0)), pytest.approx((2028.0, 2.0)))
    assert a.points == ((2024.0, 10.0), (2025.0, 8.0), (2026.0, 6.0))  # 2022 is before the baseline
    assert len(a.series) == 4 and not a.rolling
    assert a.target_is_example and a.status == statuses.ON_TRACK


def test_a_series_that_cannot_be_assessed_shows_no_projection_but_keeps_the_path():
    a = pg.assess(indicator(), years(2023, [10, 8]))
    assert a.projection is None and a.anticipated is None and a.projection_line == ()
    assert a.share == pytest.approx(0.4) and a.path_now == pytest.approx(8.75)


def test_polarity_none_shows_the_trend_but_no_target():
    a = pg.assess(indicator(polarity="none", target=Target("none", None, 2027, "example")),
                  years(2023, [10, 12, 14]))
    assert a.status == statuses.NO_JUDGEMENT
    assert a.target is None and a.share is None and a.anticipated is None and a.path == ()
    assert a.projection == pytest.approx(18.0)  # slope 2 a year, two years on from 2026
    assert not a.target_is_example  # no target, so no "exempelmål" either


def test_a_target_equal_to_the_baseline_has_no_share_and_is_judged_by_the_projection():
    hold = indicator(polarity="higher", target=Target("change", 0.0, 2027, "example"))
    a = pg.assess(hold, years(2023, [40, 39, 38]))
    assert a.target == 40 and a.share is None and a.anticipated is None
    assert a.status == statuses.MOVING_AWAY
    assert pg.assess(hold, years(2023, [40, 39, 42])).status == statuses.ACHIEVED


@pytest.mark.parametrize("target, values, expected", [
    (Target("value", 0.0, 2027, "adopted"), [3, 3, 2], statuses.TOO_SLOW),
    (Target("value", 0.0, 2027, "adopted"), [3, 2, 0], statuses.ACHIEVED),
    (Target("relative", -50.0, 2027, "example"), [0, 0, 0], statuses.ACHIEVED),  # 0 is the target of 0
    (Target("relative", -50.0, 2027, "example"), [0, 1, 2], statuses.MOVING_AWAY),
])
def test_zero_counts_are_ordinary_values(target, values, expected):
    assert pg.assess(indicator(target=target), years(2023, values)).status == expected


def test_a_monthly_count_is_assessed_on_the_rolling_twelve_month_sum_from_the_baseline_year_end():
    skjutningar = indicator(grain="month")
    values = [3.0] * 12 + [2.0] * 12 + [1.5] * 12  # 2022: 36, 2023: 24, 2024: 18 a year
    a = pg.assess(skjutningar, months(2022, values))
    assert a.rolling
    assert a.baseline == 24.0 and a.baseline_t == 2024.0  # the window ending 2023-12
    assert a.target == 12.0
    assert a.latest == 18.0 and a.latest_period.text == "2024-12"
    assert len(a.points) == 13  # 2023-12 ... 2024-12
    assert a.series[0][0].text == "2022-12"  # drawn, but before the baseline so not assessed


def test_one_missing_month_does_not_stop_the_rolling_year_and_is_named():
    values = [2.0] * 12 + [2.0, None] + [2.0] * 10  # 2024-02 missing, ten months after it
    a = pg.assess(indicator(grain="month"), months(2023, values))
    assert a.series[-1][0].text == "2024-12" and len(a.series) == 13  # 2023-12 ... 2024-12
    assert all(v == pytest.approx(24.0) for _, v in a.series)  # 11 months of 2 scaled to a year
    assert a.latest_period.text == "2024-12" and a.status != statuses.NOT_ASSESSABLE
    assert [(end.text, [m.text for m in missing]) for end, missing in a.incomplete][:2] == [
        ("2024-02", ["2024-02"]), ("2024-03", ["2024-02"])]
    assert len(a.incomplete) == 11  # every window 2024-02 ... 2024-12 lacks that month


def test_a_window_lacking_more_than_two_months_has_no_value_and_means_stay_means():
    values = [3.0] * 9 + [None, None, None] + [3.0] * 12  # three months missing at the end of 2023
    series = pg.rolling_year("month", "mean", months(2023, values))
    assert [p.text for p, _ in series][:2] == ["2024-10", "2024-11"]
    assert all(v == pytest.approx(3.0) for _, v in series)


def test_a_window_holding_a_hidden_small_count_has_no_value_rather_than_an_estimate():
    values = [2.0] * 24
    points = months(2023, values)
    points[13] = (points[13][0], pg.HIDDEN)  # 2024-02 hidden by disclosure control
    series = pg.rolling_year("month", "sum", points)
    assert [p.text for p, _ in series] == ["2023-12", "2024-01"]


def test_no_window_starts_before_the_first_value():
    series = pg.rolling_year("month", "sum", months(2023, [1.0] * 11))
    assert series == []


@pytest.mark.parametrize("measure, fit, expected", [
    ("count", (-20.0, 20 * 2026.0), ((2024.0, 40.0), (2026.0, 0.0), (2028.0, 0.0))),
    ("share", (30.0, 90 - 30 * 2024.0), ((2024.0, 90.0), (2024 + 1 / 3, 100.0), (2028.0, 100.0))),
    ("index", (-20.0, 20 * 2026.0), ((2024.0, 40.0), (2028.0, -40.0))),
    ("count", (-1.0, 2030.0), ((2024.0, 6.0), (2028.0, 2.0))),
])
def test_the_projection_bends_at_the_measures_bound_and_never_leaves_it(measure, fit, expected):
    line = pg.projection_points(fit, 2024.0, 2028.0, measure)
    assert [tuple(pytest.approx(x) for x in point) for point in line] == list(expected)


def test_a_falling_count_is_projected_to_zero_not_below():
    a = pg.assess(indicator(target=Target("value", 0.0, 2027, "example")), years(2023, [60, 30, 5]))
    assert a.projection == 0.0 and min(y for _, y in a.projection_line) == 0.0
    assert a.status == statuses.ON_TRACK


def test_quarterly_means_are_averaged_not_summed():
    share_indicator = indicator(grain="quarter", aggregation="mean", polarity="higher",
                                target=Target("change", 10.0, 2027, "example"))
    a = pg.assess(share_indicator, quarters(2023, [40, 40, 40, 40, 42, 44, 46, 48]))
    assert a.baseline == 40.0 and a.target == 50.0
    assert a.latest == 45.0
    assert a.status == statuses.ON_TRACK


def test_an_adopted_target_is_not_flagged_as_an_example():
    a = pg.assess(indicator(target=Target("value", 0.0, 2027, "adopted")), years(2023, [3, 2, 1]))
    assert a.target_is_example is False
    assert math.isclose(a.target, 0.0)
