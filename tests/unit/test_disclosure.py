import math
from dataclasses import replace

import pandas as pd
import pytest

from indicators.catalog import Catalog, load_catalog
from indicators.method.disclosure import SECONDARY, SMALL, label, labels, legend, protect

SENSITIVE = "skjutvapenvald_offer"  # a sensitive count
PLAIN = "skjutningar"  # not sensitive
NAN = float("nan")


@pytest.fixture(scope="module")
def catalog():
    shipped = load_catalog()
    template = shipped.indicator(SENSITIVE)
    rate = replace(template, id="sensitive_rate", measure="rate", scale=1000.0)
    return Catalog(shipped.focus_areas, shipped.indicators + (rate,), shipped.areas)


def frame(rows, indicator=SENSITIVE, period="2024-Q2"):
    """rows: {area_id: value}, or a list of dicts for more columns."""
    if isinstance(rows, dict):
        rows = [{"area_id": a, "value": v} for a, v in rows.items()]
    return pd.DataFrame([{"indicator_id": indicator, "period": period, **r} for r in rows])


def by_area(result):
    return {a: (None if math.isnan(v) else v, s)
            for a, v, s in zip(result["area_id"], result["value"], result["suppressed"])}


@pytest.mark.parametrize("count, shown, mark", [
    (0, 0.0, None), (1, None, SMALL), (2, None, SMALL), (3, None, SMALL), (4, None, SMALL),
    (5, 5.0, None), (17, 17.0, None), (NAN, None, None),
])
def test_counts_from_one_to_four_are_hidden_and_zero_and_five_are_shown(catalog, count, shown, mark):
    result = protect(frame({"eskilstuna": count}), catalog, min_count=5)
    assert by_area(result)["eskilstuna"] == (shown, mark)


@pytest.mark.parametrize("min_count, count, mark", [(3, 2, SMALL), (3, 3, None), (10, 9, SMALL)])
def test_the_threshold_follows_min_count(catalog, min_count, count, mark):
    result = protect(frame({"eskilstuna": count}), catalog, min_count=min_count)
    assert result["suppressed"].iloc[0] == mark


def test_the_default_threshold_comes_from_the_environment(catalog, monkeypatch):
    monkeypatch.setenv("INDICATORS_MIN_COUNT", "10")
    result = protect(frame({"eskilstuna": 7}), catalog)
    assert result["suppressed"].iloc[0] == SMALL
    assert label(NAN, SMALL, "sv") == "<10"


@pytest.mark.parametrize("numerator, mark", [(3, SMALL), (1, SMALL), (0, None), (5, None), (NAN, None)])
def test_a_rate_from_a_small_numerator_is_hidden_with_its_parts_and_interval(catalog, numerator, mark):
    rows = [{"area_id": "eskilstuna", "value": 0.05, "numerator": numerator, "denominator": 60_000.0,
             "lower": 0.01, "upper": 0.15}]
    result = protect(frame(rows, indicator="sensitive_rate"), catalog, min_count=5)
    row = result.iloc[0]
    assert row["suppressed"] == mark
    hidden = [math.isnan(row[c]) for c in ("value", "denominator", "lower", "upper")]
    assert hidden == [mark == SMALL] * 4


def test_a_single_hidden_area_takes_the_next_smallest_shown_area_with_it(catalog):
    result = protect(frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 9, "arby": 6,
                            "lagersberg": 12, "nyfors": NAN}), catalog)
    assert by_area(result) == {
        "eskilstuna": (40.0, None), "froslunda": (None, SMALL), "skiftinge": (9.0, None),
        "arby": (None, SECONDARY), "lagersberg": (12.0, None), "nyfors": (None, None),
    }


def test_a_tie_for_next_smallest_is_broken_by_area_id_so_outputs_agree(catalog):
    result = protect(frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 6, "arby": 6}), catalog)
    assert by_area(result)["arby"] == (None, SECONDARY)
    assert by_area(result)["skiftinge"] == (6.0, None)


def test_a_visible_zero_area_can_be_the_next_smallest(catalog):
    result = protect(frame({"eskilstuna": 20, "froslunda": 2, "skiftinge": 0, "arby": 18}), catalog)
    assert by_area(result)["skiftinge"] == (None, SECONDARY)


def test_two_hidden_areas_need_no_secondary_suppression(catalog):
    result = protect(frame({"eskilstuna": 30, "froslunda": 3, "skiftinge": 2, "arby": 25}), catalog)
    assert SECONDARY not in set(result["suppressed"])
    assert by_area(result)["arby"] == (25.0, None)


def test_a_small_municipality_total_is_hidden_and_nothing_is_left_to_subtract_from(catalog):
    result = protect(frame({"eskilstuna": 4, "froslunda": 4, "skiftinge": 0, "arby": 0}), catalog)
    assert by_area(result) == {"eskilstuna": (None, SMALL), "froslunda": (None, SMALL),
                               "skiftinge": (0.0, None), "arby": (0.0, None)}


def test_a_missing_municipality_total_needs_no_secondary_suppression(catalog):
    result = protect(frame({"eskilstuna": NAN, "froslunda": 3, "skiftinge": 9}), catalog)
    assert by_area(result)["skiftinge"] == (9.0, None)


def test_a_municipality_total_outside_the_frame_counts_as_shown(catalog):
    result = protect(frame({"froslunda": 3, "skiftinge": 9, "arby": 11}), catalog)
    assert by_area(result)["skiftinge"] == (None, SECONDARY)


def test_secondary_suppression_is_decided_per_period(catalog):
    rows = pd.concat([
        frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 9}, period="2024-Q1"),
        frame({"eskilstuna": 40, "froslunda": 8, "skiftinge": 9}, period="2024-Q2"),
    ])
    result = protect(rows, catalog)
    assert list(result["suppressed"]) == [None, SMALL, SECONDARY, None, None, None]


def test_an_all_missing_period_passes_through_as_missing(catalog):
    result = protect(frame({"eskilstuna": NAN, "froslunda": NAN, "skiftinge": NAN}), catalog)
    assert result["value"].isna().all()
    assert list(result["suppressed"]) == [None, None, None]


def test_a_non_sensitive_indicator_is_left_exactly_as_it_was(catalog):
    rows = frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 1, "arby": 0}, indicator=PLAIN,
                 period="2024-05")
    result = protect(rows, catalog)
    pd.testing.assert_frame_equal(result.drop(columns="suppressed"), rows)
    assert list(result["suppressed"]) == [None] * 4


def test_the_input_frame_is_not_changed_and_its_index_is_kept(catalog):
    rows = frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 9})
    rows.index = [10, 10, 7]  # a non-unique index from a filtered concat
    before = rows.copy()
    result = protect(rows, catalog)
    pd.testing.assert_frame_equal(rows, before)
    assert list(result.index) == [10, 10, 7]
    assert list(result["suppressed"]) == [None, SMALL, SECONDARY]


def test_integer_value_columns_are_accepted(catalog):
    rows = frame({"eskilstuna": 40, "froslunda": 3}).astype({"value": "int64"})
    assert protect(rows, catalog)["value"].isna().tolist() == [False, True]


def test_an_unknown_indicator_is_refused_rather_than_passed_through(catalog):
    with pytest.raises(ValueError, match="nope"):
        protect(frame({"eskilstuna": 3}, indicator="nope"), catalog)


@pytest.mark.parametrize("value, suppressed, lang, decimals, expected", [
    (NAN, SMALL, "sv", 0, "<5"),
    (NAN, SMALL, "en", 0, "<5"),
    (NAN, SECONDARY, "sv", 0, ".."),
    (1234.5, None, "sv", 1, "1\u00a0234,5"),
    (1234.5, None, "en", 1, "1,234.5"),
    (0.0, None, "sv", 0, "0"),
    (NAN, None, "sv", 0, "–"),
    (None, None, "en", 0, "–"),
    (pd.NA, None, "sv", 0, "–"),
])
def test_label_renders_marks_numbers_and_missing(value, suppressed, lang, decimals, expected):
    assert label(value, suppressed, lang, decimals, min_count=5) == expected


def test_labels_and_legend_cover_a_protected_frame(catalog):
    result = protect(frame({"eskilstuna": 40, "froslunda": 3, "skiftinge": 9}), catalog, min_count=5)
    assert list(labels(result, "sv", min_count=5)) == ["40", "<5", ".."]
    lines = legend("sv", set(result["suppressed"]), min_count=5)
    assert len(lines) == 2 and lines[0].startswith("<5") and lines[1].startswith("..")
    assert legend("en", [None, None]) == []
