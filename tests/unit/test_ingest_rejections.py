"""Every rejection rule of DATA.md section 2, with the line (header = 1) and column it names."""
import re
from pathlib import Path

import pytest

from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, has_staged, where

GOOD = ["skjutningar", "arby", "2024-01", "3"]


def file_with(*rows, header=HEADER_SV) -> bytes:
    return export.semicolon_cp1252([header, GOOD, *rows])


@pytest.mark.parametrize("row, column, key", [
    (["skjutningr", "arby", "2024-02", "1"], "indikator", "ingest.unknown_indicator"),
    (["skjutningar", "Årbyy", "2024-02", "1"], "område", "ingest.unknown_area"),
    (["", "arby", "2024-02", "1"], "indikator", "ingest.required_value"),
    (["skjutningar", " ", "2024-02", "1"], "område", "ingest.required_value"),
    (["skjutningar", "arby", "", "1"], "period", "ingest.required_value"),
    (["skjutningar", "arby", "2024-13", "1"], "period", "ingest.bad_period"),
    (["skjutningar", "arby", "2024-Q1", "1"], "period", "ingest.wrong_grain"),
    (["skjutningar", "arby", "2024-02", "tolv"], "värde", "ingest.not_a_number"),
    (["skjutningar", "arby", "2024-02", "1.234,5"], "värde", "ingest.not_a_number"),
    (["skjutningar", "arby", "2024-02", "-1"], "värde", "ingest.negative"),
    (["skadegorelse", "arby", "2024-Q1", "-0,5"], "värde", "ingest.negative"),
    (["felaktiga_utbetalningar", "arby", "2024", "-2,5"], "värde", "ingest.negative"),
    (["otrygghet_kvall", "arby", "2024", "100,1"], "värde", "ingest.share_range"),
    (["otrygghet_kvall", "arby", "2024", "-1"], "värde", "ingest.share_range"),
    (["skjutningar", "arby", "2024-01", "4"], "period", "ingest.duplicate"),
    (["skjutningar", "ARBY", "2024-01-31", "4"], "period", "ingest.duplicate"),
    (["skjutningar", "arby", "2024-02"], None, "ingest.field_count"),
    (["skjutningar", "arby", "2024-02", "1", "extra"], None, "ingest.field_count"),
    (["skjutningar", "arby", "2024-02", "1", "extra", "more"], None, "ingest.field_count"),
])
def test_a_bad_row_is_reported_with_its_line_and_column(row, column, key):
    validation, con = check(file_with(GOOD[:2] + ["2024-03", "1"], row))
    assert where(validation) == [(4, column, key)]
    assert not validation.ok and not has_staged(con)


def test_a_negative_index_is_allowed_but_a_negative_count_is_not():
    validation, _ = check(file_with(["problemindex", "arby", "2024", "-0,5"]))
    assert validation.ok


def test_numerator_denominator_and_n_must_be_numbers_and_not_negative():
    header = HEADER_SV + ["täljare", "nämnare", "n"]
    validation, _ = check(export.semicolon_utf8_bom([
        header, ["otrygghet_kvall", "arby", "2024", "25", "tjugo", "200", "-1"]]))
    assert where(validation) == [(2, "täljare", "ingest.not_a_number"), (2, "n", "ingest.negative")]


def test_an_unknown_area_suggests_the_closest_known_name():
    validation, _ = check(file_with(["skjutningar", "Froslundaa", "2024-02", "1"]))
    problem = validation.problems[0]
    assert problem.detail == {"value": "Froslundaa", "suggestion": "Fröslunda"}
    assert "Fröslunda" in problem.message("sv") and "Fröslunda" in problem.message("en")


def test_an_unknown_indicator_suggests_the_closest_known_id():
    validation, _ = check(file_with(["skjutning", "arby", "2024-02", "1"]))
    assert validation.problems[0].detail["suggestion"] == "skjutningar"


def test_a_period_of_the_wrong_grain_says_which_grain_and_shows_an_example():
    validation, _ = check(file_with(["skadegorelse", "arby", "2024", "1"]))
    problem = validation.problems[0]
    assert problem.detail["grain"] == "quarter" and problem.detail["example"] == "2024-Q2"
    assert "kvartal" in problem.message("sv") and "2024-Q2" in problem.message("sv")
    assert "quarter" in problem.message("en")


def test_a_duplicate_names_the_first_line():
    validation, _ = check(file_with(["skjutningar", "Årby", "2024M01", "9"]))
    assert validation.problems[0].detail == {"first_line": 2}
    assert "rad 2" in validation.problems[0].message("sv")


@pytest.mark.parametrize("bits", [1 << 27, 0])  # a bitmap of the keys, or sorting them when too many
def test_duplicates_are_found_among_rows_of_other_indicators_areas_and_periods(monkeypatch, bits):
    from indicators.ingest import checks

    monkeypatch.setattr(checks, "MAX_BITS", bits)
    rows = [HEADER_SV] + [["skjutningar", area, f"2024-{m:02d}", "1"] for area in ("arby", "froslunda")
                          for m in range(1, 13)]
    rows += [["skadegorelse", area, f"2024-Q{q}", "1"] for area in ("arby", "froslunda") for q in range(1, 5)]
    rows += [["skadegorelse", "Fröslunda", "2024 kv 4", "2"], ["skjutningar", "arby", "2024-01", "3"]]
    validation, _ = check(export.semicolon_cp1252(rows))
    assert [(p.line, p.key, p.detail) for p in validation.problems] == [
        (34, "ingest.duplicate", {"first_line": 33}), (35, "ingest.duplicate", {"first_line": 2})]


def test_a_comma_file_that_splits_decimal_commas_gets_a_hint():
    data = b"indicator,area,period,value\nskjutningar,arby,2024-01,12,5\n"
    validation, _ = check(data)
    assert where(validation) == [(2, None, "ingest.field_count_comma")]


def test_every_problem_of_a_file_is_reported_in_line_order():
    validation, _ = check(file_with(
        ["okand", "arby", "2024-02", "1"], ["skjutningar", "ingenstans", "2024-03", "tolv"]))
    assert where(validation) == [
        (3, "indikator", "ingest.unknown_indicator"),
        (4, "område", "ingest.unknown_area"), (4, "värde", "ingest.not_a_number")]


def test_a_thousand_row_file_with_one_bad_row_at_the_end_is_rejected_whole():
    rows = [HEADER_SV] + [["skjutningar", "arby", f"{1940 + i // 12}-{i % 12 + 1:02d}", str(i)] for i in range(999)]
    rows.append(["skjutningar", "arby", "2025-01", "-5"])
    validation, con = check(export.semicolon_cp1252(rows))
    assert validation.row_count == 1000
    assert where(validation) == [(1001, "värde", "ingest.negative")]
    assert not validation.ok and not has_staged(con)


def test_an_earlier_staged_table_does_not_survive_a_rejected_file():
    import duckdb

    from indicators.catalog import load_catalog
    from indicators.ingest import validate

    con = duckdb.connect()
    assert validate(con, file_with(), "a.csv", load_catalog()).ok and has_staged(con)
    assert not validate(con, file_with(["x", "y", "z", "w"]), "b.csv", load_catalog()).ok
    assert not has_staged(con)


@pytest.mark.parametrize("header, missing", [
    (["indikator", "område", "värde"], ["period"]),
    (["indicator", "period"], ["area", "value"]),
    (["namn", "typ"], ["indicator", "area", "period", "value"]),
])
def test_missing_required_columns_get_one_message_naming_them(header, missing):
    validation, _ = check(export.semicolon_utf8_bom([header, ["a"] * len(header)]))
    assert where(validation) == [(1, None, "ingest.missing_columns")]
    assert validation.problems[0].detail == {"missing": missing}
    assert all(name in validation.problems[0].message("en") for name in missing)


def test_a_column_given_twice_is_a_header_problem():
    validation, _ = check(export.semicolon_utf8_bom([HEADER_SV + ["value"], GOOD + ["4"]]))
    assert where(validation) == [(1, "value", "ingest.duplicate_column")]


def test_a_wide_header_that_is_no_period_is_a_header_problem():
    validation, _ = check(export.semicolon_utf8_bom([["indikator", "område", "2023", "2023Q5"],
                                                     ["otrygghet_kvall", "arby", "1", "2"]]))
    assert where(validation) == [(1, "2023Q5", "ingest.bad_period")]


@pytest.mark.parametrize("data, key", [
    (b"", "ingest.empty"),
    (b"\r\n  \r\n", "ingest.empty"),
    (b"\xef\xbb\xbf", "ingest.empty"),
    (b"\xff\xfe", "ingest.empty"),
    ("indikator;område;period;värde\r\n".encode("cp1252"), "ingest.header_only"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "ingest.not_text"),
    (b"indicator;area\x00;period;value\n", "ingest.not_text"),
    (b"indicator;area;period;value\n\x81\x8d\n", "ingest.not_text"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100, "ingest.old_excel"),
    (b"PK\x03\x04 not really a zip", "ingest.bad_workbook"),
])
def test_a_file_that_cannot_be_read_gets_one_clear_message(data, key):
    validation, con = check(data)
    assert where(validation) == [(None, None, key)]
    assert validation.problems[0].message("sv") != key and not has_staged(con)


def test_a_file_over_the_size_limit_gets_one_message(monkeypatch):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_MB", "1")
    validation, _ = check(b"indicator;area;period;value\n" + b"x" * (1024 * 1024))
    assert where(validation) == [(None, None, "ingest.too_large")]
    assert "1,0 MB" in validation.problems[0].message("sv")


@pytest.mark.parametrize("write", [export.semicolon_cp1252, lambda rows: export.workbook({"Blad1": rows})])
def test_a_file_with_more_rows_than_allowed_gets_one_message(monkeypatch, write):
    monkeypatch.setenv("INDICATORS_MAX_UPLOAD_ROWS", "3")
    rows = [HEADER_SV] + [["skjutningar", "arby", f"2024-{m:02d}", "1"] for m in range(1, 6)]
    validation, _ = check(write(rows), "f.xlsx")
    assert where(validation) == [(None, None, "ingest.too_many_rows")]


def test_a_broken_million_row_file_lists_the_first_problems_and_counts_the_rest(monkeypatch):
    from indicators.ingest import checks

    monkeypatch.setattr(checks, "MAX_PROBLEMS", 5)
    rows = [HEADER_SV] + [["skjutningar", "arby", f"{2000 + i // 12}-{i % 12 + 1:02d}", "tolv"] for i in range(20)]
    validation, _ = check(export.semicolon_cp1252(rows))
    assert [p.line for p in validation.problems[:5]] == [2, 3, 4, 5, 6]
    assert validation.problems[-1].key == "ingest.more_problems"
    assert validation.problems[-1].detail == {"count": 15}


REALWORLD = Path(__file__).resolve().parents[2].parent / "shared" / "realworld"  # shared/ beside the clone
F04 = (REALWORLD / "F04_scb_folkmangd_0484.px").read_bytes()
F10 = (REALWORLD / "F10_trygghetsmatning_2024.xlsx").read_bytes()


@pytest.mark.parametrize("name, data, key, said", [
    ("folkmangd.px", F04.replace(b'VALUES("region")="0484 Eskilstuna";\r\n', b"").replace(
        b'VALUES("region")="0484 Eskilstuna";\n', b""), "ingest.px_no_values",
     ['VALUES("region")', "rad 11 (STUB)", "”region”"]),
    ("folkmangd.px", F04.replace(b'"2023";', b'"2023","2024";', 1), "ingest.px_cell_count",
     ["5 värden", "6 celler"]),
    ("kolada.json", b'{"values": [{"kpi": "N1" "x": 1}]}', "ingest.bad_json", ["rad 1, kolumn 26"]),
    ("kolada.json", b'{"values": [{"kpi": "\xe5"}]}\n', "ingest.json_not_utf8", ["byte nummer 22"]),
    ("trygghet.xlsx", F10[:3000], "ingest.bad_workbook", ["skadad", "spara den igen"]),
])
def test_a_broken_export_is_named_in_the_users_words_not_pythons(name, data, key, said):
    validation, _ = check(data, name)
    assert where(validation) == [(None, None, key)], [p.message("en") for p in validation.problems]
    message = validation.problems[0].message("sv")
    assert all(text in message for text in said), message
    assert not re.search(r"Error|Expecting|zip file|char \d", message), message


@pytest.mark.parametrize("title", [[], ["Tabell 1. Anmälda brott"]], ids=["header first", "under a title"])
def test_a_header_far_wider_than_the_limit_is_counted_whole(title):
    header = ["indikator", "område"] + [f"kolumn nummer {n}" for n in range(19_998)]   # ~370 KB
    validation, _ = check(export.semicolon_utf8_bom([*([t] for t in title), header, GOOD]))
    assert where(validation) == [(None, None, "ingest.too_many_columns")]
    assert "Rubrikraden har 20 000 kolumner" in validation.problems[0].message("sv").replace("\xa0", " ")


def test_a_header_cut_by_the_line_limit_says_at_least(monkeypatch):
    from indicators.ingest import tabular

    monkeypatch.setattr(tabular, "MAX_LINE", 100_000)
    header = ["indikator", "område"] + [f"kolumn nummer {n}" for n in range(19_998)]
    data = export.semicolon_utf8_bom([header, GOOD])
    validation, _ = check(data)
    counted = f"{data[:100_000].count(b';') + 1:,}".replace(",", " ")   # the fields in the first 100 000 bytes
    assert where(validation) == [(None, None, "ingest.too_many_columns_at_least")]
    said = validation.problems[0].message("sv").replace("\xa0", " ")
    assert said.startswith(f"Rubrikraden har minst {counted} kolumner;"), (said, counted)
