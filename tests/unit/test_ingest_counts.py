"""A count is a whole number: `1,234` in an English-style file is not 1.234 shootings."""
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV, check, where


def test_a_count_written_with_an_english_thousands_comma_is_rejected_with_the_number_meant():
    validation, _ = check(export.semicolon_utf8_bom([HEADER_SV, ["skjutningar", "arby", "2024-01", "1,234"]]))
    assert where(validation) == [(2, "värde", "ingest.count_thousands")]
    assert "1\u00a0234" in validation.problems[0].message("sv")


def test_a_fractional_count_is_rejected_and_a_fractional_rate_is_not():
    validation, _ = check(export.semicolon_utf8_bom([
        HEADER_SV, ["skjutningar", "arby", "2024-01", "2,5"], ["grovt_vald_offentlig_miljo", "arby", "2024-Q1", "2,5"]]))
    assert where(validation) == [(2, "värde", "ingest.count_fraction")]


def test_a_whole_count_with_a_swedish_thousands_space_is_accepted():
    validation, _ = check(export.semicolon_cp1252([HEADER_SV, ["skjutningar", "eskilstuna", "2024-01", "1 234"]]))
    assert validation.ok
