"""Finding sentences: written from the numbers, in both languages, never saying more than they do."""
from dataclasses import replace

import pytest

from indicators.present import findings
from indicators.method import status as statuses
from indicators.catalog import load_catalog

NBSP = "\u00a0"


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("indicator_id, baseline, latest, lang, expected", [
    ("skjutningar", 50, 30, "sv", f"Skjutningarna har minskat med 40{NBSP}% sedan 2023"),
    ("skjutningar", 50, 30, "en", "Shootings down 40% since 2023"),
    ("skjutningar", 20, 25, "sv", f"Skjutningarna har ökat med 25{NBSP}% sedan 2023"),
    ("skjutningar", 200, 201, "sv", "Skjutningarna ligger på samma nivå som 2023"),
    ("otrygghet_kvall", 24.0, 27.0, "sv",
     "Andelen som känner sig otrygga har ökat med 3 procentenheter sedan 2023"),
    ("otrygghet_kvall", 24.0, 27.0, "en", "Share who feel unsafe up 3 percentage points since 2023"),
    ("otrygghet_kvall", 24.0, 22.5, "sv",
     "Andelen som känner sig otrygga har minskat med 1,5 procentenheter sedan 2023"),
    ("otrygghet_kvall", 24.0, 23.0, "sv",
     "Andelen som känner sig otrygga har minskat med 1 procentenhet sedan 2023"),
    ("problemindex", 1.87, 1.73, "sv", "Problemindex har minskat från 1,87 till 1,73 sedan 2023"),
    ("skjutningar", 0, 3, "sv", "Skjutningarna har ökat från 0 till 3 sedan 2023"),
    ("felaktiga_utbetalningar", 1200, 1500, "sv",
     f"Upptäckta felaktiga utbetalningar har ökat med 25{NBSP}% sedan 2023"),
    ("skjutningar", None, 30, "sv", "Skjutningarna: för få uppgifter för att visa en förändring"),
])
def test_change_sentences_state_the_finding_in_words(catalog, indicator_id, baseline, latest, lang,
                                                     expected):
    ind = catalog.indicator(indicator_id)
    assert findings.change(ind, baseline, latest, "2023", lang) == expected


def test_a_hidden_count_gives_no_change_at_all(catalog):
    text = findings.change(catalog.indicator("unga_misstankta"), 3, 8, "2023", "sv", hidden=True)
    assert "%" not in text and "3" not in text.replace("2023", "") and "för få fall" in text


def test_demo_data_is_named_in_the_sentence_itself(catalog):
    ind = catalog.indicator("skjutningar")
    assert findings.change(ind, 50, 30, "2023", "sv", demo=True).startswith("Exempeldata: ")
    assert findings.change(ind, 50, 30, "2023", "en", demo=True).startswith("Demo data: ")
    assert findings.focus_summary([statuses.ON_TRACK], "sv", demo=True).startswith("Exempeldata: ")


def test_an_indicator_without_a_subject_text_uses_its_catalog_name(catalog):
    other = replace(catalog.indicator("skjutningar"), id="ny_indikator", name_sv="Nya fall")
    assert findings.change(other, 10, 5, "2023", "sv") == f"Nya fall har minskat med 50{NBSP}% sedan 2023"


@pytest.mark.parametrize("count, since, lang, expected", [
    (3, 3, "sv", "Tre områden på polisens lista 2025, lika många som 2023"),
    (2, 3, "sv", "Två områden på polisens lista 2025, ett färre än 2023"),
    (1, 3, "sv", "Ett område på polisens lista 2025, två färre än 2023"),
    (0, 3, "sv", "Inga områden på polisens lista 2025, tre färre än 2023"),
    (4, 3, "sv", "Fyra områden på polisens lista 2025, ett fler än 2023"),
    (2, 3, "en", "Two areas on the police list in 2025, one fewer than in 2023"),
])
def test_police_list_sentence_counts_areas_against_the_baseline_list(count, since, lang, expected):
    assert findings.police_list(2025, count, lang, since_year=2023, since_count=since) == expected


def test_police_list_sentence_for_the_baseline_year_itself():
    assert findings.police_list(2023, 3, "sv", since_year=2023, since_count=3) == \
        "Tre områden på polisens lista 2023"


@pytest.mark.parametrize("found, lang, expected", [
    ([statuses.ACHIEVED, statuses.ON_TRACK, statuses.TOO_SLOW, statuses.MOVING_AWAY], "sv",
     "Två av fyra bedömda indikatorer är i fas eller har nått målet, en går åt fel håll"),
    ([statuses.ACHIEVED, statuses.NOT_ASSESSABLE, statuses.NO_JUDGEMENT], "sv",
     "En av en bedömda indikatorer är i fas eller har nått målet"),
    ([statuses.NOT_ASSESSABLE, statuses.NO_JUDGEMENT], "sv", "Ingen indikator kan bedömas ännu"),
    ([statuses.TOO_SLOW, statuses.MOVING_AWAY, statuses.MOVING_AWAY], "en",
     "Zero of three assessed indicators on track or at the target, two moving away"),
])
def test_focus_summary_counts_only_assessed_indicators(found, lang, expected):
    assert findings.focus_summary(found, lang) == expected
