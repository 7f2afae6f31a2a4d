import math
from types import SimpleNamespace

import pytest

from indicators.method.uncertainty import interval, path_within, poisson, rate_interval, wilson


# Exact Poisson 95 % limits as printed in standard tables (e.g. Garwood 1936; Ulm 1990).
@pytest.mark.parametrize("count, lower, upper", [
    (0, 0.0, 3.689),
    (1, 0.0253, 5.572),
    (2, 0.242, 7.225),
    (5, 1.623, 11.668),
    (10, 4.795, 18.390),
    (20, 12.217, 30.888),
])
def test_poisson_interval_matches_published_exact_limits(count, lower, upper):
    low, high = poisson(count)
    assert low == pytest.approx(lower, abs=0.001)
    assert high == pytest.approx(upper, abs=0.001)


def test_poisson_interval_of_zero_starts_at_exactly_zero():
    assert poisson(0)[0] == 0.0


def test_a_wider_level_gives_a_wider_poisson_interval():
    low90, high90 = poisson(10, 0.90)
    low95, high95 = poisson(10, 0.95)
    assert low95 < low90 < 10 < high90 < high95


# Wilson score limits from Newcombe (1998), Statistics in Medicine 17:857-872, table I, method 3,
# and the textbook 50 % of 100 case.
@pytest.mark.parametrize("successes, n, lower, upper", [
    (50, 100, 40.383, 59.617),
    (81, 263, 25.53, 36.62),
    (15, 148, 6.24, 16.05),
    (0, 20, 0.0, 16.11),
    (1, 29, 0.61, 17.18),
    (10, 10, 72.25, 100.0),
])
def test_wilson_interval_matches_published_limits(successes, n, lower, upper):
    low, high = wilson(100 * successes / n, n)
    assert low == pytest.approx(lower, abs=0.01)
    assert high == pytest.approx(upper, abs=0.01)


@pytest.mark.parametrize("share, n", [
    (None, 100), (float("nan"), 100), (40.0, None), (40.0, 0), (40.0, float("nan")),
])
def test_wilson_without_a_share_or_a_sample_size_is_undefined(share, n):
    assert wilson(share, n) is None


def test_wilson_refuses_a_share_outside_zero_to_hundred():
    with pytest.raises(ValueError):
        wilson(120.0, 50)


@pytest.mark.parametrize("count", [None, float("nan")])
def test_poisson_of_a_missing_count_is_undefined_not_zero(count):
    assert poisson(count) is None


def test_poisson_refuses_a_negative_count():
    with pytest.raises(ValueError):
        poisson(-1)


@pytest.mark.parametrize("level", [0, 1, 95])
def test_a_level_outside_zero_and_one_is_an_error(level):
    with pytest.raises(ValueError):
        poisson(3, level)


@pytest.mark.parametrize("numerator, denominator, scale, expected", [
    (10, 100_000, 100_000, (4.795, 18.390)),
    (10, 50_000, 1_000, (0.0959, 0.3678)),
    (0, 1_000, 1_000, (0.0, 3.689)),
    (10, 100_000, None, (4.795e-5, 18.390e-5)),
])
def test_a_rate_interval_is_the_count_interval_divided_by_the_population(numerator, denominator, scale,
                                                                          expected):
    low, high = rate_interval(numerator, denominator, scale)
    assert low == pytest.approx(expected[0], rel=1e-3, abs=1e-9)
    assert high == pytest.approx(expected[1], rel=1e-3)


@pytest.mark.parametrize("numerator, denominator", [
    (None, 1000), (5, None), (5, 0), (5, float("nan")), (float("nan"), 1000),
])
def test_a_rate_interval_without_both_parts_is_undefined(numerator, denominator):
    assert rate_interval(numerator, denominator, 1000) is None


@pytest.mark.parametrize("bounds, path, inside", [
    ((4.795, 18.39), 10.0, True),
    ((4.795, 18.39), 4.795, True),
    ((4.795, 18.39), 18.39, True),
    ((4.795, 18.39), 3.0, False),
    ((4.795, 18.39), 20.0, False),
    (None, 10.0, False),
    ((4.795, 18.39), None, False),
    ((4.795, 18.39), math.nan, False),
])
def test_the_not_significant_sentence_applies_only_when_the_path_is_inside(bounds, path, inside):
    assert path_within(bounds, path) is inside


@pytest.mark.parametrize("measure, kwargs, expected", [
    ("share", {"value": 50.0, "n": 100}, (40.383, 59.617)),
    ("share", {"value": 50.0}, None),
    ("count", {"value": 10.0}, (4.795, 18.390)),
    ("rate", {"value": 0.2, "numerator": 10, "denominator": 50_000}, (0.0959, 0.3678)),
    ("index", {"value": 2.5}, None),
])
def test_interval_picks_the_method_that_fits_the_measure(measure, kwargs, expected):
    indicator = SimpleNamespace(measure=measure, scale=1_000 if measure == "rate" else None)
    result = interval(indicator, kwargs.pop("value"), **kwargs)
    if expected is None:
        assert result is None
    else:
        assert result == pytest.approx(expected, rel=1e-3)


def test_a_stock_counted_in_full_has_no_interval_but_a_count_of_events_has():
    """The areas on the police's list (aggregation "mean": a stock, enumerated) are exact; a
    Poisson interval from 0.6 to 8.8 around a published 3 said what is not so."""
    from indicators.catalog import load_catalog
    catalog = load_catalog()
    assert interval(catalog.indicator("omraden_polisens_lista"), 3.0) is None
    assert interval(catalog.indicator("skjutningar"), 3.0) == pytest.approx((0.619, 8.767), rel=1e-3)
