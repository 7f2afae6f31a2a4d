"""Periods: every form of DATA.md section 2, and the arithmetic the progress pages rely on."""
from datetime import date, datetime

import pytest

from indicators import periods
from indicators.periods import Period


@pytest.mark.parametrize(
    "text, normalised, grain, start",
    [
        ("2024", "2024", "year", date(2024, 1, 1)),
        (" 2024 ", "2024", "year", date(2024, 1, 1)),
        ("2024H1", "2024-H1", "half", date(2024, 1, 1)),
        ("2024-H2", "2024-H2", "half", date(2024, 7, 1)),
        ("2024 h2", "2024-H2", "half", date(2024, 7, 1)),
        ("2024 halvår 1", "2024-H1", "half", date(2024, 1, 1)),
        ("2024 HALVÅR 2", "2024-H2", "half", date(2024, 7, 1)),
        ("2024 halvar 2", "2024-H2", "half", date(2024, 7, 1)),
        ("2024HY1", "2024-H1", "half", date(2024, 1, 1)),
        ("H2 2024", "2024-H2", "half", date(2024, 7, 1)),
        ("2024-Q2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("2024Q2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("2024q4", "2024-Q4", "quarter", date(2024, 10, 1)),
        ("2024K2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("2024-K3", "2024-Q3", "quarter", date(2024, 7, 1)),
        ("2024 kv 2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("2024 kv2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("2024 kvartal 2", "2024-Q2", "quarter", date(2024, 4, 1)),
        ("Q1 2024", "2024-Q1", "quarter", date(2024, 1, 1)),
        ("2024-05", "2024-05", "month", date(2024, 5, 1)),
        ("2024-5", "2024-05", "month", date(2024, 5, 1)),
        ("2024M05", "2024-05", "month", date(2024, 5, 1)),
        ("2024/12", "2024-12", "month", date(2024, 12, 1)),
        ("2024-05-01", "2024-05", "month", date(2024, 5, 1)),
        ("2024-05-17", "2024-05", "month", date(2024, 5, 1)),
        ("2024-05-17 00:00:00", "2024-05", "month", date(2024, 5, 1)),
        ("20240517", "2024-05", "month", date(2024, 5, 1)),
        ("maj 2024", "2024-05", "month", date(2024, 5, 1)),
        ("okt 2024", "2024-10", "month", date(2024, 10, 1)),
    ],
)
def test_periods_parse_swedish_and_iso_forms(text, normalised, grain, start):
    period = periods.parse(text)
    assert period is not None
    assert (period.text, period.grain, period.start) == (normalised, grain, start)


@pytest.mark.parametrize(
    "text",
    ["", "   ", "abc", "24", "2024Q5", "2024Q0", "2024H3", "2024-13", "2024-00", "2024-02-30",
     "2024 kv", "Fröslunda", "12,5", "2024.5", "0999", "2024-Q2-1", "mamma 2024", None],
)
def test_periods_parse_returns_none_for_text_that_is_not_a_period(text):
    assert periods.parse(text) is None


def test_a_date_or_an_int_from_a_workbook_parses_like_its_text():
    assert periods.parse(date(2024, 5, 17)) == Period(2024, "month", 5)
    assert periods.parse(datetime(2024, 5, 17, 0, 0)) == Period(2024, "month", 5)
    assert periods.parse(2024) == Period(2024, "year", 1)


@pytest.mark.parametrize(
    "text, end, years",
    [
        ("2024", date(2025, 1, 1), 2025.0),
        ("2024-H1", date(2024, 7, 1), 2024.5),
        ("2024-Q2", date(2024, 7, 1), 2024.5),
        ("2024-Q4", date(2025, 1, 1), 2025.0),
        ("2024-03", date(2024, 4, 1), 2024.25),
        ("2024-12", date(2025, 1, 1), 2025.0),
    ],
)
def test_end_and_years_are_measured_at_the_end_of_the_period(text, end, years):
    period = periods.parse(text)
    assert period.end == end
    assert period.years() == pytest.approx(years)


@pytest.mark.parametrize(
    "text, following, preceding",
    [
        ("2024", "2025", "2023"),
        ("2024-H2", "2025-H1", "2024-H1"),
        ("2024-Q1", "2024-Q2", "2023-Q4"),
        ("2024-12", "2025-01", "2024-11"),
    ],
)
def test_next_and_previous_cross_year_boundaries(text, following, preceding):
    period = periods.parse(text)
    assert period.next().text == following
    assert period.previous().text == preceding
    assert period.next().previous() == period


def test_periods_of_one_grain_sort_in_time_order():
    texts = ["2024-Q1", "2023-Q4", "2024-Q3", "2024-Q2"]
    assert [p.text for p in sorted(periods.parse(t) for t in texts)] == [
        "2023-Q4", "2024-Q1", "2024-Q2", "2024-Q3"]


@pytest.mark.parametrize("grain", periods.GRAINS)
def test_the_example_for_a_grain_parses_to_that_grain(grain):
    assert periods.parse(periods.example(grain)).grain == grain
    assert periods.parse(periods.example(grain)).text == periods.example(grain)


def test_a_period_with_an_impossible_index_cannot_be_made():
    with pytest.raises(ValueError):
        Period(2024, "quarter", 5)


def _every_period_of(grain: str, years=(1999, 2024)):
    table = periods.grain(grain)
    return [Period(year, grain, index) for year in years for index in range(1, table.parts + 1)]


@pytest.mark.parametrize("grain", periods.GRAINS)
def test_the_sql_twins_of_the_grain_table_agree_with_python(grain):
    import duckdb

    con = duckdb.connect()
    cases = _every_period_of(grain)
    rows = con.execute(
        f"SELECT {periods.grain_sql('p')}, {periods.start_sql('p')} FROM (SELECT unnest(?::VARCHAR[]) AS p)",
        [[p.text for p in cases]]).fetchall()
    assert rows == [(p.grain, p.start) for p in cases]


@pytest.mark.parametrize("grain", periods.GRAINS)
def test_a_normalised_text_parses_back_to_its_period_and_grain(grain):
    for period in _every_period_of(grain):
        assert periods.parse_normalised(period.text) == period
        assert periods.grain_of(period.text) == grain
        assert periods.parse(periods.grain(grain).example).grain == grain


@pytest.mark.parametrize("text", ["2024-H3", "2024-Q0", "2024-13", "2024-5", "2024Q2", "24", ""])
def test_a_text_that_is_not_normalised_has_no_grain(text):
    assert periods.grain_of(text) is None


@pytest.mark.parametrize("text, normalised, start", [
    ("2025-T2", "2025-T2", date(2025, 5, 1)), ("2025T3", "2025-T3", date(2025, 9, 1)),
    ("T1 2025", "2025-T1", date(2025, 1, 1)), ("2025 tertial 2", "2025-T2", date(2025, 5, 1)),
])
def test_tertials_are_the_four_month_periods_municipalities_report_measures_in(text, normalised, start):
    period = periods.parse(text)
    assert (period.text, period.grain, period.start) == (normalised, "tertial", start)


@pytest.mark.parametrize("text, normalised", [
    ("HT 2023", "2023-H2"), ("VT 2024", "2024-H1"), ("ht23", "2023-H2"), ("2024 HT", "2024-H2"),
    ("vårtermin 2024", "2024-H1"), ("Hösttermin 2023", "2023-H2"), ("2024M05", "2024-05"), ("maj 2024", "2024-05"),
])
def test_terms_and_statistics_database_months_parse(text, normalised):
    assert periods.parse(text).text == normalised


@pytest.mark.parametrize("text, reason", [("2023/24", "school_year"), ("2017/2018", "pooled"),
                                          ("2017-2019", "pooled"), ("2024", None), ("2024-05", None)])
def test_a_school_year_or_a_pooled_period_is_named_as_such(text, reason):
    assert periods.not_a_period_because(text) == reason


@pytest.mark.parametrize("text, found", [("Per 100 000 inv. 2024", "2024"), ("2024K1 antal", "2024-Q1"),
                                         ("Antal (prel.)", None), ("2023 och 2024", None), ("2023/24", None)])
def test_a_period_inside_a_header_text_is_found_when_there_is_exactly_one(text, found):
    result = periods.find_in(text)
    assert (result.text if result else None) == found
