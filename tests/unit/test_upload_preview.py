"""The upload preview: what a file would change, computed on a read-only store connection, and
its problems as a table and a downloadable CSV."""
from __future__ import annotations

import pytest

from indicators import store
from indicators.views import export_choices, upload_preview as up
from indicators.catalog import load_catalog
from indicators.ingest import Problem


@pytest.fixture
def catalog():
    return load_catalog()


def csv_sv(*rows: str) -> bytes:
    return ("indikator;område;period;värde\r\n" + "".join(r + "\r\n" for r in rows)).encode("cp1252")


def test_a_valid_file_is_summarised_and_nothing_is_written(home, catalog):
    before = store.version(home)
    con = store.connect(home)
    result = up.preview(con, csv_sv("skjutningar;Fröslunda;2027-01;3", "skjutningar;Årby;2027-02;2"),
                        "mars.csv", catalog)
    assert result.ok
    s = result.summary
    assert (s.rows, s.indicators, s.areas, s.periods) == (2, ("skjutningar",), ("froslunda", "arby"),
                                                         ("2027-01", "2027-02"))
    assert (s.new, s.revised, s.revisions) == (2, 0, ())
    assert store.version(home) == before
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'staged'"
                       ).fetchall()[0][0] == 0


def test_a_revision_shows_old_and_new_value(home, catalog):
    store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;3"), "first.csv", by="test", home=home)
    result = up.preview(store.connect(home), csv_sv("skjutningar;froslunda;2027-01;4",
                                                    "skjutningar;froslunda;2027-02;1"),
                        "second.csv", catalog)
    assert (result.summary.new, result.summary.revised) == (1, 1)
    assert result.summary.revisions == (up.Revision("skjutningar", "froslunda", "2027-01", 3.0, 4.0),)
    table = up.revision_table(result.summary.revisions, catalog, "sv")
    assert table.iloc[0].tolist() == ["Bekräftade skjutningar", "Fröslunda", "2027-01", "3", "4"]


def test_the_same_bytes_again_are_recognised(home, catalog):
    data = csv_sv("skjutningar;Fröslunda;2027-01;3")
    first = store.ingest(data, "a.csv", by="test", home=home)
    result = up.preview(store.connect(home), data, "a.csv", catalog)
    assert result.already_loaded == (first.upload_id,)
    assert result.summary.unchanged == 1


def test_a_rejected_file_lists_every_problem_with_line_column_and_closest_value(home, catalog):
    data = csv_sv("skjutningar;Froslundaa;2027-01;3", "skjutningar;Årby;2027-Q1;2",
                  "skjutningar;Årby;2027-03;tolv")
    result = up.preview(store.connect(home), data, "../../x.csv", catalog)
    assert not result.ok and result.summary is None
    assert result.file_name == "x.csv"
    table = up.problem_table(result.validation.problems, "sv")
    assert list(table.columns) == ["Rad", "Kolumn", "Vad är fel", "Närmaste giltiga värde"]
    assert table["Rad"].tolist() == [2, 3, 4]
    assert table.iloc[0]["Närmaste giltiga värde"] == "Fröslunda"
    assert "Rad 2" not in table.iloc[0]["Vad är fel"]   # the line is a column, not repeated
    text = up.problems_csv(result.validation.problems, "en").decode("utf-8-sig")
    assert text.splitlines()[0] == "Line;Column;What is wrong;Closest valid value"
    assert len(text.splitlines()) == 4


@pytest.mark.parametrize("value, grain, closest", [
    ("2024-05", "quarter", "2024-Q2"), ("2024-11", "half", "2024-H2"), ("2024-Q3", "year", "2024"),
    ("2024", "quarter", ""),   # a year holds four quarters: no guess
])
def test_the_closest_period_of_the_right_grain_is_only_offered_when_it_is_not_a_guess(value, grain, closest):
    problem = Problem(2, "period", "ingest.wrong_grain", {"value": value, "grain": grain})
    assert up.closest_value(problem) == closest


def test_a_long_period_list_is_shown_as_a_span():
    assert up.period_span(("2024-Q1", "2024-Q2", "2024-Q3"), "sv") == "2024-Q1 – 2024-Q3 (3 perioder)"
    assert up.period_span(("2024", "2025"), "en") == "2024, 2025"


@pytest.mark.parametrize("x, lang, text", [
    (12.5, "sv", "12,5"), (1234.0, "sv", "1\u00a0234"), (0.123456, "en", "0.123456"),
    (None, "sv", "–"), (float("nan"), "en", "–"), (3.0, "en", "3"),
])
def test_values_are_shown_as_uploaded_in_the_language_format(x, lang, text):
    assert up.plain_number(x, lang) == text


# --- how a file is read, and the choices an export needs -------------------------------------------

def _validation(data: bytes, name: str, catalog, **options):
    import duckdb

    from indicators.ingest import Options, validate
    return validate(duckdb.connect(), data, name, catalog, options=Options(**options))


PXWEB = ('"Anmälda brott efter region och år"\r\n\r\n"region","2022","2023"\r\n'
         '"Fröslunda",1,2\r\n').encode("cp1252")
YEARLY = "Kommun;Antal (prel.);Per 100 000 inv. (prel.)\r\nÅrby;15 840;14 512\r\n".encode("cp1252")


def test_a_standard_file_asks_nothing_and_an_export_asks_the_indicator_first(catalog):
    plain_file = _validation(csv_sv("skjutningar;Årby;2027-01;2"), "a.csv", catalog)
    assert not export_choices.asks(plain_file, up.Options()).any
    export = _validation(PXWEB, "scb.csv", catalog)
    assert export_choices.needs_setup(export)
    asked = export_choices.asks(export, up.Options())
    assert asked.indicator and asked.area_column and not asked.value_column   # wide: no value column
    long = _validation(YEARLY, "bra.csv", catalog, indicator="vald_nara_relation")
    asked = export_choices.asks(long, up.Options(indicator="vald_nara_relation"))
    assert asked.value_column and asked.period and asked.only_known


def test_unknown_areas_in_a_standard_file_offer_only_the_catalogs_areas(catalog):
    found = _validation(csv_sv("skjutningar;Narnia;2027-01;2"), "a.csv", catalog)
    assert export_choices.asks(found, up.Options()) == export_choices.Asks(only_known=True)


@pytest.mark.parametrize("text, grain, period", [
    ("bra anmalda brott kommunerna 2024", "year", "2024"), ("NTU 2010. Andel i procent.", "year", "2010"),
    ("skjutningar 2024K1", "quarter", "2024-Q1"), ("skjutningar 2024K1", "year", None),
    ("2019 till 2022", "year", None), ("utan period", "year", None)])
def test_the_period_of_a_file_is_found_in_its_name_or_title(text, grain, period):
    assert export_choices.period_in(text, grain) == period


def test_the_file_suggests_period_value_column_and_the_catalogs_areas_once_the_indicator_is_known(catalog):
    chosen = up.Options(indicator="vald_nara_relation")
    found = export_choices.suggestions(_validation(YEARLY, "bra_kommunerna_2024.csv", catalog, indicator=chosen.indicator),
                           "bra_kommunerna_2024.csv", catalog, chosen)
    assert {k: (s.value, s.reason) for k, s in found.items()} == {
        "period": ("2024", "upload.because_file_name"),
        "value_column": ("Per 100 000 inv. (prel.)", "upload.because_unit"),
        "only_known_areas": (True, "upload.because_export")}
    assert export_choices.suggestions(_validation(YEARLY, "x.csv", catalog), "x.csv", catalog, up.Options()) == {}


def test_the_value_column_follows_the_words_of_the_indicators_name(catalog):
    indicator = catalog.indicator("otrygghet_kvall")
    headers = ["Otrygghet vid utevistelse sen kväll", "Oro över brottsligheten i samhället", "Oro för närstående"]
    assert export_choices.value_column_for(indicator, headers) == (headers[0], "upload.because_name")
    assert export_choices.value_column_for(indicator, ["Oro A", "Oro B"]) is None
    with_words = headers + ["Oro för överfall/ misshandel"]          # "andel" only inside a word
    assert export_choices.value_column_for(indicator, with_words) == (headers[0], "upload.because_name")


def test_the_mapping_and_the_notices_say_how_the_file_is_read(catalog):
    found = _validation(PXWEB, "scb.csv", catalog, indicator="skjutningar")
    name = catalog.indicator("skjutningar").name("sv")
    assert up.mapping_lines(found, catalog, "sv") == [
        f"Indikator: {name} (skjutningar) (valt)", "Område: kolumnen ”region”",
        "Period: 2 kolumner, ”2022”, ”2023”"]
    assert up.notice_lines(found, "sv") == ["Rad 1: Rubrikrad överhoppad: ”Anmälda brott efter region och år”."]


def test_a_profile_keeps_every_choice_but_the_files_own_period():
    chosen = up.Options(indicator="x", period="2024", value_column="v", only_known_areas=True)
    assert export_choices.profile_options(chosen).as_dict() == {"indicator": "x", "value_column": "v",
                                                    "only_known_areas": True}


def test_a_preview_brings_at_most_the_revisions_it_shows_into_python(home, catalog, monkeypatch):
    rows = [f"skjutningar;Årby;20{y}-{m:02d};1" for y in (20, 21) for m in range(1, 13)]
    store.ingest(csv_sv(*rows), "first.csv", by="test", home=home)
    monkeypatch.setattr(up, "MAX_REVISIONS_SHOWN", 5)
    result = up.preview(store.connect(home), csv_sv(*[r[:-1] + "2" for r in rows]), "b.csv", catalog)
    assert result.summary.revised == 24 and len(result.summary.revisions) == 5


@pytest.mark.parametrize("name", ["demo_measures.csv", "demo_events.csv"])
def test_a_measures_or_events_file_is_previewed_with_its_new_rounds(home, catalog, name):
    from indicators import config

    data = (config.DATA_DIR / "demo" / name).read_bytes()
    result = up.preview(store.connect(home), data, name, catalog)
    assert result.ok and result.validation.content in ("measures", "events")
    assert result.summary.rows > 0 and result.summary.new + result.summary.revised >= 0


def test_a_column_without_a_header_is_named_by_its_place_in_the_mapping_and_the_problem_table(home):
    from indicators.ingest import Problem
    from indicators.views import upload_preview
    problems = [Problem(2, "#1", "ingest.ignored_column", {})]
    table = upload_preview.problem_table(problems, "en")
    assert table.iloc[0, 1] == "column 1 (no header)"
    assert problems[0].message("sv").startswith("Rad 2, kolumn 1 (utan rubrik): ")
