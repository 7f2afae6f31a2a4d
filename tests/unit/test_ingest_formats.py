"""Ingest accepts the files analysts really have: Excel's CSV flavours, wide tables and workbooks."""
from datetime import date, datetime

import pytest

from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, staged, where

ROWS = [
    ["indikator", "område", "period", "värde", "kommentar"],
    ["otrygghet_kvall", "Årby", "2024", "12,5", "Räknat om – se bilaga"],
    ["skjutningar", "FRÖSLUNDA", "2024-06", "1 234", ""],
    ["skjutningar", "Rabergstorp", "2024-07", "–", ""],
    ["skjutningar", "torshälla", "2024-08-01", "0", ""],
]
EXPECTED = [
    (2, "otrygghet_kvall", "arby", "2024", 12.5, "Räknat om – se bilaga"),
    (3, "skjutningar", "froslunda", "2024-06", 1234.0, None),
    (4, "skjutningar", "rabergstorp", "2024-07", 0.0, None),  # – is SCB's zero
    (5, "skjutningar", "torshalla", "2024-08", 0.0, None),
]


@pytest.mark.parametrize("write", [export.semicolon_cp1252, export.semicolon_utf8_bom, export.unicode_text],
                         ids=["cp1252", "utf8-bom", "utf16-tab"])
def test_excel_csv_exports_with_swedish_letters_and_decimal_comma_are_accepted(write):
    validation, con = check(write(ROWS))
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert validation.row_count == 4
    assert staged(con) == EXPECTED


def test_the_cp1252_export_really_holds_single_byte_swedish_letters_and_en_dash():
    data = export.semicolon_cp1252(ROWS)
    assert b"omr\xe5de" in data and b"\x96" in data and b"\r\n" in data


@pytest.mark.parametrize("at", [2, 14_000])  # in the first MiB, or only far beyond it
def test_windows_1252_characters_duckdb_refuses_are_read_wherever_they_first_appear(at):
    from indicators.catalog import load_catalog

    areas = [a.name for a in load_catalog().areas]
    rows = [ROWS[0]] + [["skjutningar", area, f"{1900 + i // 12}-{i % 12 + 1:02d}", "1", "Räknat om enligt bilaga 3 till kvartalsrapporten"]
                        for i in range(1500) for area in areas]
    rows[at] = rows[at][:3] + ["–", "Räknat om – 10 € ’"]
    validation, con = check(export.semicolon_cp1252(rows))
    assert validation.ok and validation.row_count == len(rows) - 1
    assert len(export.semicolon_cp1252(rows[:at])) > (1 << 20) if at > 2 else True
    assert con.execute("SELECT line, value, note FROM staged WHERE note <> 'Räknat om enligt bilaga 3 till kvartalsrapporten'").fetchall() == [
        (at + 1, 0.0, "Räknat om – 10 € ’")]  # – alone is SCB's zero, also as a swapped cp1252 byte


def test_a_comma_separated_utf8_file_with_point_decimals_is_accepted():
    rows = [["indicator", "area", "period", "value"], ["otrygghet_kvall", "froslunda", "2024", "2.5"]]
    validation, con = check(export.comma_utf8(rows))
    assert validation.ok
    assert staged(con) == [(2, "otrygghet_kvall", "froslunda", "2024", 2.5, None)]


def test_missing_markers_are_stored_as_null_never_zero():
    markers = ["", "..", ".", "×", "x", "XX"]
    rows = [HEADER_SV] + [["skjutningar", "arby", f"2024-{m + 1:02d}", marker] for m, marker in enumerate(markers)]
    validation, con = check(export.semicolon_utf8_bom(rows))
    assert validation.ok
    assert con.execute("SELECT count(*), count(value) FROM staged").fetchall() == [(len(markers), 0)]


@pytest.mark.parametrize("text, value", [
    ("12,5", 12.5), ("12.5", 12.5), ("1 234", 1234.0), ("1\u00a0234,5", 1234.5), ("1\u202f234", 1234.0),
    ("-3,5", -3.5), ("\u22123,5", -3.5), (" 7 ", 7.0), ("0", 0.0),
])
def test_swedish_and_english_number_forms_are_read(text, value):
    rows = [HEADER_SV, ["problemindex", "arby", "2024", text]]  # an index may be negative
    validation, con = check(export.semicolon_utf8_bom(rows))
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert con.execute("SELECT value FROM staged").fetchall() == [(value,)]


@pytest.mark.parametrize("header", [
    ["indicator", "area", "period", "value"],
    ["Indikator", "Område", "Period", "Värde"],
    ["INDIKATOR_ID", "OMRADE", "PERIOD", "VARDE"],
    ["indicator_id", "area_id", "period", "value"],
])
def test_headers_match_in_swedish_or_english_with_or_without_swedish_letters(header):
    validation, _ = check(export.semicolon_utf8_bom([header, ["skjutningar", "arby", "2024-01", "1"]]))
    assert validation.ok


def test_optional_columns_in_both_languages_are_stored():
    rows = [["indikator", "område", "period", "värde", "täljare", "nämnare", "antal_svarande", "källa", "kommentar"],
            ["otrygghet_kvall", "arby", "2024", "25", "50", "200", "200", "Trygghetsmätningen", "ny metod"]]
    validation, con = check(export.semicolon_cp1252(rows))
    assert validation.ok
    assert con.execute("SELECT numerator, denominator, n, source, note FROM staged").fetchall() == [
        (50.0, 200.0, 200.0, "Trygghetsmätningen", "ny metod")]


def test_an_indicator_may_be_named_by_id_in_any_case():
    validation, con = check(export.semicolon_utf8_bom([HEADER_SV, ["SKJUTNINGAR", "arby", "2024-01", "1"]]))
    assert validation.ok
    assert staged(con)[0][1] == "skjutningar"


def test_wide_format_has_one_column_per_period():
    rows = [["indikator", "område", "2021", "2022", "2023"],
            ["otrygghet_kvall", "Årby", "31,5", "..", "28"],
            ["otrygghet_kvall", "Skiftinge", "", "22", "21,5"]]
    validation, con = check(export.semicolon_cp1252(rows))
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert con.execute("SELECT line, area_id, period, value FROM staged ORDER BY line, period").fetchall() == [
        (2, "arby", "2021", 31.5), (2, "arby", "2022", None), (2, "arby", "2023", 28.0),
        (3, "skiftinge", "2022", 22.0), (3, "skiftinge", "2023", 21.5)]  # an empty wide cell is no value


def test_a_problem_in_a_wide_value_cell_names_the_period_column():
    rows = [["indikator", "område", "2022", "2023"], ["otrygghet_kvall", "arby", "22", "mycket"]]
    validation, _ = check(export.semicolon_utf8_bom(rows))
    assert where(validation) == [(2, "2023", "ingest.not_a_number")]


def test_a_wide_period_column_of_the_wrong_grain_is_reported_in_that_column():
    rows = [["indikator", "område", "2023"], ["skjutningar", "arby", "4"]]
    validation, _ = check(export.semicolon_utf8_bom(rows))
    assert where(validation) == [(2, "2023", "ingest.wrong_grain")]


def test_the_first_sheet_of_a_workbook_is_read_with_excel_row_numbers():
    data = export.workbook({
        "Data": [["indikator", "område", "period", "värde"],
                 ["skjutningar", "Årby", datetime(2024, 5, 1), 12],
                 [None, None, None, None],
                 ["skjutningar", "Fröslunda", "2024-06", None],
                 ["skjutningar", "Fröslunda", "2024-07", "bad"]],
        "Annat": [["x"]],
    })
    validation, _ = check(data, "export.xlsx")
    assert where(validation) == [(5, "värde", "ingest.not_a_number")]


def test_a_valid_workbook_is_staged_with_its_numbers_and_dates():
    data = export.workbook({"Blad1": [["indicator", "area", "period", "value"],
                                      ["skjutningar", "arby", date(2024, 5, 17), 3],
                                      ["otrygghet_kvall", "arby", 2024, 27.25]]})
    validation, con = check(data, "export.xlsx")
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert [row[:5] for row in staged(con)] == [
        (2, "skjutningar", "arby", "2024-05", 3.0), (3, "otrygghet_kvall", "arby", "2024", 27.25)]


def test_a_named_sheet_of_a_workbook_is_read():
    data = export.workbook({"Omslag": [["Rapport 2024"]],
                            "Värden": [HEADER_SV, ["skjutningar", "arby", "2024-01", 4]]})
    validation, con = check(data, "export.xlsx", sheet="Värden")
    assert validation.ok
    assert staged(con)[0][4] == 4.0


def test_a_sheet_that_does_not_exist_is_named_in_the_problem():
    data = export.workbook({"Blad1": [HEADER_SV, ["skjutningar", "arby", "2024-01", 4]]})
    validation, _ = check(data, "export.xlsx", sheet="Blad9")
    assert where(validation) == [(None, None, "ingest.no_such_sheet")]
    assert "Blad1" in validation.problems[0].message("en")


def test_quoted_fields_spanning_lines_keep_physical_line_numbers():
    text = ('indikator;område;period;värde;kommentar\r\n'
            'skjutningar;arby;2024-01;1;"två\r\nrader"\r\n'
            'skjutningar;arby;2024-02;tolv;\r\n')
    validation, _ = check(text.encode("utf-8"))
    assert where(validation) == [(4, "värde", "ingest.not_a_number")]


def test_blank_lines_and_empty_excel_rows_are_skipped_but_counted_as_lines():
    text = ("indikator;område;period;värde\r\n\r\nskjutningar;arby;2024-01;1\r\n;;;\r\n"
            "skjutningar;arby;2024-02;tolv\r\n\r\n")
    validation, _ = check(text.encode("cp1252"))
    assert where(validation) == [(5, "värde", "ingest.not_a_number")]
    assert validation.row_count == 2


@pytest.mark.parametrize("blank, encoding", [
    (blank, encoding) for blank in (";;;", " ; ; ; ", "\u00a0;;;", "\u3000; ; ;")
    for encoding in ("cp1252", "utf-8")
    if encoding == "utf-8" or blank.encode("cp1252", errors="ignore").decode("cp1252") == blank])
def test_rows_of_blank_cells_are_skipped_by_the_fast_reader_too(blank, encoding):
    text = f"indikator;område;period;värde\r\nskjutningar;arby;2024-01;1\r\n{blank}\r\nskjutningar;arby;2024-02;2\r\n"
    validation, con = check(text.encode(encoding))
    assert validation.ok and validation.row_count == 2
    assert [row[0] for row in staged(con)] == [2, 4]


def test_a_row_with_only_its_first_cell_empty_is_no_blank_row():
    validation, _ = check(b"indicator;area;period;value\nskjutningar;arby;2024-01;1\n;arby;2024-02;1\n")
    assert where(validation) == [(3, "indicator", "ingest.required_value")]


def test_a_file_without_a_final_line_break_is_read_whole():
    validation, con = check(b"indicator;area;period;value\nskjutningar;arby;2024-01;1")
    assert validation.ok and staged(con)[0][4] == 1.0


def test_validation_reports_size_and_checksum_of_the_bytes():
    import hashlib

    data = export.semicolon_cp1252(ROWS)
    validation, _ = check(data, "fil.csv")
    assert (validation.file_name, validation.size, validation.sha256) == (
        "fil.csv", len(data), hashlib.sha256(data).hexdigest())
