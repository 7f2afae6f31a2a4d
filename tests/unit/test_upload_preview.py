"""The upload preview: what a file would change, computed on a read-only store connection, and
its problems as a table and a downloadable CSV."""
from __future__ import annotations

import pytest

from indicators import store
from indicators.views import upload_preview as up
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
