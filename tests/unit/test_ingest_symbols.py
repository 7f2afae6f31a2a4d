"""The symbols of Swedish official statistics are stored as their source meant them (DATA.md §2)."""
import pytest

from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, values, where


def monthly(*cells):
    return [HEADER_SV] + [["skjutningar", "arby", f"2024-{m:02d}", cell] for m, cell in enumerate(cells, 1)]


@pytest.mark.parametrize("write", [export.semicolon_cp1252, export.semicolon_utf8_bom, export.unicode_text],
                         ids=["cp1252", "utf8-bom", "utf16"])
def test_a_dash_alone_is_zero_and_dots_and_crosses_are_missing_with_their_symbol(write):
    validation, con = check(write(monthly("3", "–", "-", "..", ".", "×", "x", "XX", "")))
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert [(period, value, symbol) for _, period, value, symbol in values(con)] == [
        ("2024-01", 3.0, None), ("2024-02", 0.0, "–"), ("2024-03", 0.0, "–"), ("2024-04", None, ".."),
        ("2024-05", None, "."), ("2024-06", None, "×"), ("2024-07", None, "×"), ("2024-08", None, "×"),
        ("2024-09", None, None)]


def test_the_preview_says_how_many_cells_each_symbol_turned_into_what():
    validation, _ = check(export.semicolon_utf8_bom(monthly("–", "–", "..", "×")))
    counts = {n.detail["symbol"]: n.detail["count"] for n in validation.notices if n.key == "ingest.symbol_cells"}
    assert counts == {"–": 2, "..": 1, "×": 1}
    said = " ".join(n.message("sv") for n in validation.notices)
    assert "sparas som 0" in said and "sekretess" in said


def test_a_year_of_quiet_months_written_with_dashes_keeps_every_month():
    validation, con = check(export.semicolon_cp1252(monthly(*(["2", "–", "–", "1"] * 3))))
    assert validation.ok
    assert [value for _, _, value, _ in values(con)] == [2.0, 0.0, 0.0, 1.0] * 3


def test_an_em_dash_is_not_a_symbol_and_is_refused_rather_than_guessed():
    validation, _ = check(export.semicolon_utf8_bom(monthly("—")))
    assert where(validation) == [(2, "värde", "ingest.not_a_number")]


@pytest.mark.parametrize("write", [export.semicolon_cp1252, export.semicolon_utf8_bom], ids=["cp1252", "utf8-bom"])
def test_the_preview_names_each_symbol_as_the_file_writes_it(write):
    validation, _ = check(write(monthly("XX", "XX", "x", "–", "-")))
    said = [n.message("sv") for n in validation.notices if n.key == "ingest.symbol_cells"]
    assert any(text.startswith("Celler med symbolen ”XX”") and "sekretess" in text
               and text.endswith(": 2.") for text in said), said
    assert any("symbolen ”x”" in text for text in said) and any("symbolen ”–”" in text for text in said)
    assert not any("”×”" in text for text in said)


def test_a_wide_file_names_its_symbols_as_written_too():
    rows = [["indikator", "område", "2023", "2024"], ["anmalda_brott", "eskilstuna", "XX", "3"], ["anmalda_brott", "riket", "..", "XX"]]
    validation, _ = check(export.semicolon_utf8_bom(rows))
    assert validation.ok, [p.message("en") for p in validation.problems]
    said = {(n.detail["written"], n.detail["count"]) for n in validation.notices if n.key == "ingest.symbol_cells"}
    assert said == {("XX", 2), ("..", 1)}
