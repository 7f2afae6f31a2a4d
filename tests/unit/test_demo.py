"""Demo data: deterministic, shipped as generated, plausible, and complete to the demo end date."""
from __future__ import annotations

import csv
import io
from datetime import date

import pytest

from indicators import config, demo
from indicators.catalog import load_catalog
from indicators.periods import parse

CATALOG = load_catalog(config.DATA_DIR / "catalog")
ROWS = list(csv.DictReader(io.StringIO(demo.demo_csv().decode("utf-8"))))
BY_INDICATOR: dict[str, list[dict]] = {}
for _row in ROWS:
    BY_INDICATOR.setdefault(_row["indicator"], []).append(_row)
DEMO_IDS = [i.id for i in demo.demo_indicators(CATALOG)]


def _values(indicator_id: str, areas: set[str] | None = None) -> list[float]:
    return [float(r["value"]) for r in BY_INDICATOR[indicator_id]
            if r["value"] and (areas is None or r["area"] in areas)]


def test_the_shipped_demo_file_equals_the_generator_output_byte_for_byte():
    assert demo.DEMO_FILE.read_bytes() == demo.demo_csv()


def test_the_generator_gives_the_same_bytes_every_time():
    assert demo.demo_csv() == demo.demo_csv()


def test_write_demo_writes_the_same_bytes(tmp_path):
    path = demo.write_demo(tmp_path / "demo.csv")
    assert path.read_bytes() == demo.demo_csv()


def test_the_demo_file_has_the_documented_header_and_line_ends():
    text = demo.demo_csv().decode("utf-8")
    assert text.splitlines()[0] == "indicator,area,period,value,numerator,denominator,n"
    assert "\r" not in text and "," in text and ";" not in text


@pytest.mark.parametrize("grain, end", [
    ("month", "2026-10"), ("quarter", "2026-Q3"), ("half", "2026-H1"), ("year", "2025"),
])
def test_the_demo_ends_with_the_latest_complete_period_on_the_as_of_date(grain, end):
    assert demo.end_period(grain).text == end


@pytest.mark.parametrize("as_of, grain, end", [
    (date(2026, 10, 30), "month", "2026-09"), (date(2026, 9, 30), "quarter", "2026-Q3"),
    (date(2026, 9, 29), "quarter", "2026-Q2"), (date(2026, 12, 31), "year", "2026"),
    (date(2026, 12, 31), "half", "2026-H2"),
])
def test_end_period_counts_a_period_complete_on_its_last_day(as_of, grain, end):
    assert demo.end_period(grain, as_of).text == end


REAL = {"omraden_polisens_lista", "folkmangd"}          # shipped as real reference data
MUNICIPALITY_ONLY = {"anmalda_valdsbrott", "anmalda_brott"}  # Kolada and Brå: per kommun
WITH_COMPARISONS = {"vald_nara_relation", "anmalda_valdsbrott", "anmalda_brott"}


@pytest.mark.parametrize("indicator_id", sorted(REAL))
def test_real_reference_data_is_never_demo_data(indicator_id):
    assert indicator_id not in BY_INDICATOR


def test_every_other_catalog_indicator_has_demo_data():
    expected = {i.id for i in CATALOG.indicators} - REAL
    assert set(BY_INDICATOR) == expected == set(DEMO_IDS)


def test_only_yearly_rates_have_comparison_rows_and_only_for_riket_and_the_county():
    comparison = {a.id for a in CATALOG.comparison_areas}
    found = {(r["indicator"], r["area"]) for r in ROWS if r["area"] in comparison}
    assert found == {(i, a) for i in WITH_COMPARISONS for a in ("riket", "sodermanland")}
    assert all(CATALOG.indicator(i).measure == "rate" and CATALOG.indicator(i).grain == "year"
               for i in WITH_COMPARISONS)


@pytest.mark.parametrize("indicator_id", sorted(WITH_COMPARISONS))
def test_comparison_rates_are_plausible_and_carry_national_populations(indicator_id):
    ind = CATALOG.indicator(indicator_id)
    rows = {a: [r for r in BY_INDICATOR[indicator_id] if r["area"] == a]
            for a in ("eskilstuna", "riket", "sodermanland")}
    assert [r["period"] for r in rows["riket"]] == [r["period"] for r in rows["eskilstuna"]]
    for r in rows["riket"] + rows["sodermanland"]:
        assert float(r["value"]) == pytest.approx(float(r["numerator"]) / float(r["denominator"]) * ind.scale,
                                                  abs=1e-4)
    assert all(10_000_000 <= float(r["denominator"]) <= 11_000_000 for r in rows["riket"])
    assert all(290_000 <= float(r["denominator"]) <= 320_000 for r in rows["sodermanland"])
    for area in ("riket", "sodermanland"):
        ratio = float(rows[area][0]["value"]) / float(rows["eskilstuna"][0]["value"])
        assert 0.6 < ratio < 1.4, (area, ratio)


@pytest.mark.parametrize("indicator_id", DEMO_IDS)
def test_every_demo_indicator_has_every_area_and_continuous_periods_to_the_end(indicator_id):
    indicator = CATALOG.indicator(indicator_id)
    municipality_only = (indicator.focus_area == "systemhotande_brottslighet"
                         or indicator_id in MUNICIPALITY_ONLY)
    expected_areas = {"eskilstuna"} if municipality_only else {a.id for a in CATALOG.local_areas}
    if indicator_id in WITH_COMPARISONS:
        expected_areas |= {"riket", "sodermanland"}
    rows = BY_INDICATOR[indicator_id]
    assert {r["area"] for r in rows} == expected_areas
    expected_periods = [p.text for p in demo.periods(indicator.grain)]
    assert expected_periods[0] in ("2019", "2019-H1", "2019-Q1", "2019-01")
    assert expected_periods[-1] == demo.end_period(indicator.grain).text
    for area in expected_areas:
        periods = [r["period"] for r in rows if r["area"] == area]
        assert periods == expected_periods, area
        parsed = [parse(p) for p in periods]
        assert all(p is not None and p.grain == indicator.grain and p.text == t
                   for p, t in zip(parsed, periods))
        assert all(b == a.next() for a, b in zip(parsed, parsed[1:]))


def test_no_indicator_area_period_appears_twice():
    keys = [(r["indicator"], r["area"], r["period"]) for r in ROWS]
    assert len(keys) == len(set(keys))


@pytest.mark.parametrize("indicator_id", DEMO_IDS)
def test_demo_values_respect_the_measure(indicator_id):
    indicator = CATALOG.indicator(indicator_id)
    values = _values(indicator_id)
    assert values and min(values) >= 0
    if indicator.measure == "count":
        assert all(v == int(v) for v in values)
    if indicator.measure == "share":
        assert max(values) <= 100
    if indicator.measure == "index":
        assert max(values) <= 6


@pytest.mark.parametrize("indicator_id", ["skjutvapenvald_offer", "unga_misstankta", "unga_sig"])
def test_sensitive_indicators_contain_small_counts_from_1_to_4_in_areas(indicator_id):
    assert CATALOG.indicator(indicator_id).sensitive
    areas = {a.id for a in CATALOG.local_areas} - {"eskilstuna"}
    small = [v for v in _values(indicator_id, areas) if 1 <= v <= 4]
    assert len(small) >= 10


@pytest.mark.parametrize("indicator_id", [i for i in DEMO_IDS if CATALOG.indicator(i).measure == "count"
                                          and CATALOG.indicator(i).focus_area != "systemhotande_brottslighet"])
def test_the_municipal_count_is_at_least_the_sum_of_the_areas(indicator_id):
    totals: dict[str, float] = {}
    municipal: dict[str, float] = {}
    for row in BY_INDICATOR[indicator_id]:
        target = municipal if row["area"] == "eskilstuna" else totals
        target[row["period"]] = target.get(row["period"], 0) + float(row["value"])
    assert all(municipal[p] >= totals[p] for p in municipal)
    assert sum(municipal.values()) > sum(totals.values())  # the areas do not cover the municipality


@pytest.mark.parametrize("indicator_id", ["grovt_vald_offentlig_miljo", "vald_nara_relation", "skadegorelse"])
def test_rates_carry_numerator_and_denominator_that_give_the_value(indicator_id):
    scale = CATALOG.indicator(indicator_id).scale
    local = {a.id for a in CATALOG.local_areas}
    for row in (r for r in BY_INDICATOR[indicator_id] if r["area"] in local):
        numerator, denominator = float(row["numerator"]), float(row["denominator"])
        assert numerator == int(numerator) and 3000 <= denominator <= 120_000
        assert float(row["value"]) == pytest.approx(numerator / denominator * scale, abs=1e-4)


def test_area_populations_are_3000_to_9000_and_the_municipality_about_107000_growing():
    local = {a.id for a in CATALOG.local_areas}
    areas = {r["area"]: float(r["denominator"]) for r in BY_INDICATOR["vald_nara_relation"]
             if r["period"] == "2023" and r["area"] in local}
    municipality = areas.pop("eskilstuna")
    assert all(2800 <= p <= 9500 for p in areas.values())
    assert 105_000 <= municipality <= 110_000
    series = [float(r["denominator"]) for r in BY_INDICATOR["vald_nara_relation"] if r["area"] == "eskilstuna"]
    assert series[-1] > series[0]


@pytest.mark.parametrize("indicator_id", ["otrygghet_kvall", "fritid_deltagande", "problemindex"])
def test_survey_values_carry_a_few_hundred_answers_per_area(indicator_id):
    for row in BY_INDICATOR[indicator_id]:
        if row["value"] and row["area"] != "eskilstuna":
            assert 100 <= int(row["n"]) <= 600


@pytest.mark.parametrize("indicator_id", ["otrygghet_kvall", "problemindex"])
def test_the_2020_survey_is_missing_not_zero(indicator_id):
    rows = [r for r in BY_INDICATOR[indicator_id] if r["period"] == "2020"]
    assert rows and all(r["value"] == "" and r["n"] == "" for r in rows)


def test_shootings_peak_in_summer():
    by_month = [0.0] * 12
    for row in BY_INDICATOR["skjutningar"]:
        if row["area"] == "eskilstuna":
            by_month[int(row["period"][5:]) - 1] += float(row["value"])
    summer, winter = sum(by_month[5:8]), by_month[0] + by_month[1] + by_month[11]
    assert summer > winter * 1.3


@pytest.mark.parametrize("indicator_id, direction", [
    ("skjutningar", -1), ("unga_sig", +1), ("gemensamma_kontroller", +1), ("grovt_vald_offentlig_miljo", +1),
])
def test_demo_trends_move_in_different_directions_after_the_baseline(indicator_id, direction):
    def year_total(year: str) -> float:
        return sum(float(r["value"]) for r in BY_INDICATOR[indicator_id]
                   if r["area"] == "eskilstuna" and r["period"].startswith(year) and r["value"])
    assert (year_total("2025") - year_total("2023")) * direction > 0


def test_the_shipped_demo_measures_and_events_equal_the_generator_output_byte_for_byte():
    from indicators import demo_follow_up

    assert demo_follow_up.MEASURES_FILE.read_bytes() == demo_follow_up.measures_csv()
    assert demo_follow_up.EVENTS_FILE.read_bytes() == demo_follow_up.events_csv()


def test_the_demo_store_has_demo_measures_of_every_focus_area_with_sub_goals_and_events(home):
    from indicators import store

    with store.connect(home) as con:
        focus = {row[0] for row in con.execute("SELECT DISTINCT focus_area_id FROM measures WHERE is_demo").fetchall()}
        assert focus == {g.focus_area for g in CATALOG.sub_goals}
        assert con.execute("SELECT max(follow_up) FROM measures").fetchall() == [("2026-T2",)]
        assert con.execute("SELECT count(*) FROM events WHERE is_demo").fetchall()[0][0] == 5


def test_real_measures_hide_the_demo_measures(home):
    from indicators import store

    data = ("atgard;fokusomrade;titel;ansvarig;start;slut;status;uppfoljning\r\n"
            "FA3-01;offentliga_rummet;Belysning i Fröslunda centrum;kommun;2025-01;2025-12;pågår;2025-T3\r\n")
    assert store.ingest(data.encode("cp1252"), "atgarder.csv", by="test", home=home).ok
    with store.connect(home) as con:
        assert con.execute("SELECT measure_id, is_demo FROM measures").fetchall() == [("FA3-01", False)]
