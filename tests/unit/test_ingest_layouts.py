"""Statistical-database layouts read as they are: title and footnote lines, no indicator column,
columns found from their headers or named, a period for a file that has none (DATA.md §5)."""
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, values, where


def test_title_and_footnote_lines_are_skipped_listed_and_lines_keep_the_files_numbers():
    text = ('"Skjutningar per område och månad"\r\n\r\n'
            "indikator;område;period;värde\r\n"
            "skjutningar;arby;2024-01;2\r\n"
            "skjutningar;arby;2024-02;tolv\r\n"
            "\r\nKälla: Polismyndigheten\r\n"
            '"Anm.: Uppgifterna är preliminära."\r\n')
    validation, _ = check(text.encode("cp1252"))
    assert where(validation) == [(5, "värde", "ingest.not_a_number")]
    skipped = [(n.line, n.key) for n in validation.notices if n.key.startswith("ingest.skipped_")]
    assert skipped == [(1, "ingest.skipped_title"), (7, "ingest.skipped_footnote"), (8, "ingest.skipped_footnote")]


def test_a_file_without_an_indicator_column_takes_the_indicator_named():
    data = export.semicolon_utf8_bom([["Område", "År", "Andel"], ["Årby", "2023", "31"], ["Fröslunda", "2023", "28"]])
    validation, _ = check(data)
    assert where(validation) == [(1, None, "ingest.missing_columns")]
    assert "--indicator" in validation.problems[0].message("sv")
    validation, con = check(data, indicator="otrygghet_kvall")
    assert validation.ok
    assert values(con) == [("arby", "2023", 31.0, None), ("froslunda", "2023", 28.0, None)]
    assert validation.mapping == {"area": "Område", "period": "År", "value": "Andel", "indicator": "= otrygghet_kvall"}


def test_an_unknown_indicator_named_for_the_whole_file_is_one_problem_with_a_suggestion():
    validation, _ = check(export.semicolon_utf8_bom([["Område", "År", "Andel"], ["Årby", "2023", "31"]]),
                          indicator="otrygghet_kvál")
    assert where(validation) == [(None, None, "ingest.unknown_indicator")]
    assert "otrygghet_kvall" in validation.problems[0].message("en")


def test_several_value_like_columns_ask_for_one_choice_and_the_others_are_listed_as_ignored():
    data = export.semicolon_utf8_bom([["Kommun", "Antal (prel.)", "Per 100 000 inv. (prel.)"],
                                      ["Årby", "1 580", "1 451"]])
    validation, _ = check(data, indicator="grovt_vald_offentlig_miljo", period="2024-Q1")
    assert where(validation) == [(1, None, "ingest.choose_value_column")]
    validation, con = check(data, indicator="grovt_vald_offentlig_miljo", period="2024-Q1",
                            value_column="Per 100 000 inv. (prel.)")
    assert validation.ok and values(con) == [("arby", "2024-Q1", 1451.0, None)]
    assert [(n.column, n.key) for n in validation.notices] == [("Antal (prel.)", "ingest.ignored_column")]


def test_a_column_named_that_the_file_lacks_names_the_columns_it_has():
    validation, _ = check(export.semicolon_utf8_bom([HEADER_SV, ["skjutningar", "arby", "2024-01", "1"]]),
                          value_column="Antal")
    assert where(validation) == [(1, None, "ingest.no_such_column")]
    assert "”värde”" in validation.problems[0].message("sv")


def test_a_wide_header_with_its_period_inside_text_is_a_period_column():
    data = export.semicolon_utf8_bom([["Område", "Per 100 000 inv. 2023", "Per 100 000 inv. 2024"],
                                      ["Årby", "1 200", "1 100"]])
    validation, con = check(data, indicator="vald_nara_relation")
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert values(con) == [("arby", "2023", 1200.0, None), ("arby", "2024", 1100.0, None)]


def test_a_column_that_is_neither_used_nor_a_period_is_named_never_dropped_silently():
    data = export.semicolon_utf8_bom([HEADER_SV + ["Ansvarig"], ["skjutningar", "arby", "2024-01", "1", "Polisen"]])
    validation, _ = check(data)
    assert validation.ok
    assert [(n.line, n.column, n.key) for n in validation.notices] == [(1, "Ansvarig", "ingest.ignored_column")]


def test_only_known_areas_skips_and_lists_the_rest_instead_of_rejecting_them():
    data = export.semicolon_utf8_bom([["Kommun", "Värde"], ["Katrineholm", "12"], ["Årby", "11"], ["Totalt", "13"]])
    validation, _ = check(data, indicator="otrygghet_kvall", period="2024")
    assert [(p.line, p.key) for p in validation.problems] == [(2, "ingest.unknown_area"), (4, "ingest.unknown_area")]
    validation, con = check(data, indicator="otrygghet_kvall", period="2024", only_known_areas=True)
    assert validation.ok and values(con) == [("arby", "2024", 11.0, None)]
    skipped = [n for n in validation.notices if n.key == "ingest.skipped_areas"]
    assert skipped[0].detail["count"] == 2 and "Katrineholm, Totalt" in skipped[0].message("sv")


def test_an_unknown_area_is_named_once_with_how_many_lines_have_it():
    rows = [HEADER_SV] + [["skjutningar", "Ingenstans", f"2024-{m:02d}", "1"] for m in range(1, 13)]
    validation, _ = check(export.semicolon_utf8_bom(rows))
    assert where(validation) == [(2, "område", "ingest.unknown_area")]
    assert "11" in validation.problems[0].message("sv")


def test_a_problem_in_a_file_whose_value_column_comes_late_is_listed_not_a_crash():
    header = ["indikator", "område", "period", "täljare", "nämnare", "värde"]
    validation, _ = check(export.semicolon_utf8_bom([header, ["otrygghet_kvall", "arby", "2024", "3", "10", "tolv"]]))
    assert where(validation) == [(2, "värde", "ingest.not_a_number")]


def test_a_period_after_next_year_is_rejected_as_a_likely_typo():
    validation, _ = check(export.semicolon_utf8_bom([HEADER_SV, ["otrygghet_kvall", "arby", "2052", "12"]]))
    assert where(validation) == [(2, "period", "ingest.late_period")]


def test_a_school_year_and_a_pooled_period_get_a_message_that_says_so():
    validation, _ = check(export.semicolon_utf8_bom([
        HEADER_SV, ["hog_franvaro", "arby", "2023/24", "12"], ["otrygghet_kvall", "arby", "2017/2018", "12"]]))
    assert where(validation) == [(2, "period", "ingest.school_year"), (3, "period", "ingest.pooled")]
    assert "HT 2023" in validation.problems[0].message("sv")


def test_terms_are_half_years():
    validation, con = check(export.semicolon_utf8_bom([
        HEADER_SV, ["hog_franvaro", "arby", "HT 2023", "12"], ["hog_franvaro", "arby", "vt24", "11"]]))
    assert validation.ok and values(con) == [("arby", "2023-H2", 12.0, None), ("arby", "2024-H1", 11.0, None)]


def test_a_quote_that_is_never_closed_names_its_line_instead_of_swallowing_the_rows_after_it():
    text = ("indikator;område;period;värde;kommentar\r\notrygghet_kvall;froslunda;2022;3;ok\r\n"
            'otrygghet_kvall;skiftinge;2022;4;"enkät ej klar\r\notrygghet_kvall;arby;2022;5;ok\r\n')
    validation, _ = check(text.encode("cp1252"))
    assert where(validation) == [(None, None, "ingest.unreadable_line")]
    assert "3" in validation.problems[0].message("sv")


def test_a_lone_data_cell_at_the_end_is_a_short_row_not_a_footnote():
    text = "indikator;område;period;värde\r\notrygghet_kvall;froslunda;2022;3\r\notrygghet_kvall\r\n"
    validation, _ = check(text.encode("cp1252"))
    assert where(validation) == [(3, None, "ingest.field_count")]
