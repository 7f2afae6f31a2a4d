"""Reference facts: the police list, national shootings and population are shipped exactly as known."""
from __future__ import annotations

import csv
import io

import pytest

from indicators import config
from indicators.catalog import reference
from indicators.catalog import load_catalog

CATALOG = load_catalog(config.DATA_DIR / "catalog")
LISTS = {p.year: p for p in reference.police_lists()}


@pytest.mark.parametrize("year, areas, certainty", [
    (2015, {"froslunda", "lagersberg", "skiftinge"}, "published"),
    (2019, {"froslunda", "lagersberg", "skiftinge"}, "published"),
    (2021, {"froslunda", "lagersberg", "skiftinge"}, "inferred"),
    (2023, {"froslunda", "skiftinge", "arby"}, "published"),
    (2025, {"froslunda", "skiftinge", "arby"}, "published"),
])
def test_each_police_list_holds_the_known_eskilstuna_areas(year, areas, certainty):
    assert set(LISTS[year].area_ids) == areas
    assert LISTS[year].certainty == certainty


def test_the_2023_list_is_froslunda_skiftinge_and_arby():
    names = {CATALOG.area(a).name for a in LISTS[2023].area_ids}
    assert names == {"Fröslunda", "Skiftinge", "Årby"}


def test_the_2017_list_is_unknown_not_zero():
    assert LISTS[2017].certainty == "unknown"
    assert LISTS[2017].area_ids is None and LISTS[2017].count is None


def test_the_list_years_are_every_second_year_from_2015_to_2025():
    assert list(LISTS) == [2015, 2017, 2019, 2021, 2023, 2025]
    assert reference.police_list(2016) is None


def test_every_listed_area_is_a_catalog_area_in_the_category_utsatt_omrade():
    for row in reference.police_listings():
        if row.area_id is not None:
            assert CATALOG.area(row.area_id).name == row.area_name
            assert row.category == "utsatt område"


@pytest.mark.parametrize("name", ["police_list.csv", "national_shootings.csv", "population.csv"])
def test_every_reference_row_names_its_source_and_retrieved_date(name):
    with (reference.REFERENCE_DIR / name).open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert rows
    for row in rows:
        assert row["source"].strip()
        assert row["retrieved"] == "2026-11-26"


UPLOAD = list(csv.DictReader(io.StringIO(reference.police_list_upload_csv().decode("utf-8"))))


def test_the_police_list_upload_has_the_standard_long_header():
    first_line = reference.police_list_upload_csv().decode("utf-8").splitlines()[0]
    assert first_line == "indicator,area,period,value,note,source"


@pytest.mark.parametrize("period, value", [
    ("2015", "3"), ("2017", ".."), ("2019", "3"), ("2021", "3"), ("2023", "3"), ("2025", "3"),
])
def test_the_upload_counts_match_the_police_list(period, value):
    row = next(r for r in UPLOAD if r["period"] == period)
    assert (row["indicator"], row["area"], row["value"]) == ("omraden_polisens_lista", "eskilstuna", value)
    expected = LISTS[int(period)].count
    assert value == (".." if expected is None else str(expected))


@pytest.mark.parametrize("period, words", [("2017", ("okänd", "unknown")), ("2021", ("härledd", "inferred"))])
def test_uncertain_list_years_carry_a_note_in_the_upload(period, words):
    note = next(r for r in UPLOAD if r["period"] == period)["note"]
    assert all(word in note for word in words)


def test_published_list_years_carry_no_note_but_a_source():
    for row in UPLOAD:
        if row["period"] in ("2015", "2019", "2023", "2025"):
            assert row["note"] == "" and row["source"]


def test_the_upload_names_only_catalog_ids():
    for row in UPLOAD:
        assert CATALOG.indicator(row["indicator"]) is not None
        assert CATALOG.area(row["area"]) is CATALOG.municipality


@pytest.mark.parametrize("year, shootings, dead, injured", [
    (2018, 306, None, None), (2019, 334, None, None), (2020, 366, 47, 117), (2021, 344, 45, None),
    (2022, 391, 61, None), (2023, 368, 54, 107), (2024, 270, 44, 57), (2025, 158, 46, 44),
])
def test_national_shootings_are_the_police_figures_with_gaps_left_empty(year, shootings, dead, injured):
    row = next(r for r in reference.national_shootings() if r.year == year)
    assert (row.shootings, row.dead, row.injured) == (shootings, dead, injured)
    assert row.status in ("revised", "preliminary")


@pytest.mark.parametrize("year, people", [(2019, 106859), (2020, 106975), (2021, 107593), (2022, 107918)])
def test_population_is_scb_figures_for_eskilstuna_kommun(year, people):
    row = next(r for r in reference.population() if r.year == year)
    assert (row.area_id, row.population, row.date) == ("eskilstuna", people, f"{year}-12-31")
    assert row.source.startswith("SCB")


REFERENCE_UPLOAD = list(csv.DictReader(io.StringIO(reference.reference_upload_csv().decode("utf-8"))))


def test_the_reference_upload_holds_the_police_lists_and_the_population():
    police = [r for r in REFERENCE_UPLOAD if r["indicator"] == "omraden_polisens_lista"]
    people = [r for r in REFERENCE_UPLOAD if r["indicator"] == "folkmangd"]
    assert police == UPLOAD and len(REFERENCE_UPLOAD) == len(police) + len(people)
    assert [(r["area"], r["period"], r["value"]) for r in people] == [
        ("eskilstuna", "2019", "106859"), ("eskilstuna", "2020", "106975"),
        ("eskilstuna", "2021", "107593"), ("eskilstuna", "2022", "107918")]
    assert all(r["source"].startswith("SCB") for r in people)
    assert CATALOG.indicator("folkmangd").measure == "count"


def test_the_store_holds_the_population_as_real_data_not_demo(home):
    from indicators import store
    con = store.connect(home)
    try:
        rows = con.execute("SELECT area_id, period, value, is_demo FROM observations"
                           " WHERE indicator_id = 'folkmangd' ORDER BY period").fetchall()
        kinds = con.execute("SELECT DISTINCT u.kind FROM observations o JOIN uploads u USING (upload_id)"
                            " WHERE o.indicator_id = 'folkmangd'").fetchall()
    finally:
        con.close()
    assert rows == [("eskilstuna", "2019", 106859.0, False), ("eskilstuna", "2020", 106975.0, False),
                    ("eskilstuna", "2021", 107593.0, False), ("eskilstuna", "2022", 107918.0, False)]
    assert kinds == [("reference",)]
