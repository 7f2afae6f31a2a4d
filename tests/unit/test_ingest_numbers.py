"""Swedish numbers, encodings and delimiters: the pieces under ingest, one rule per case."""
import codecs

import duckdb
import pytest

from indicators.ingest import decoding, headers
from indicators.ingest.numbers import cleaned_sql, missing_sql, number_sql, parse_number, zero_sql

NUMBERS = [
    ("12,5", 12.5), ("12.5", 12.5), ("1 234", 1234.0), ("1\u00a0234,5", 1234.5), ("1\u202f234", 1234.0),
    ("-3", -3.0), ("\u22123,5", -3.5), ("12,5%", 12.5), ("0", 0.0), (" 7 ", 7.0),
]
MISSING = ["", "..", ".", "×", "x", "XX", None]
ZEROS = ["-", "–"]  # SCB's symbol for zero ("noll")
NOT_NUMBERS = ["tolv", "1.234,5", "1,234.5", "12a", "nan", "inf", "--", "1 2 3,4,5", "—", "xxx"]


@pytest.mark.parametrize("text, value", NUMBERS)
def test_parse_number_reads_swedish_and_english_forms(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text", MISSING)
def test_missing_markers_parse_to_none_not_zero(text):
    assert parse_number(text) is None


@pytest.mark.parametrize("text", ZEROS)
def test_a_dash_alone_is_zero(text):
    assert parse_number(text) == 0.0


@pytest.mark.parametrize("text", NOT_NUMBERS)
def test_text_that_is_no_number_raises(text):
    with pytest.raises(ValueError):
        parse_number(text)


def test_the_sql_rules_agree_with_the_python_rules():
    texts = [t for t, _ in NUMBERS] + MISSING + NOT_NUMBERS + ZEROS
    rows = duckdb.connect().execute(
        f"SELECT t, coalesce({number_sql(cleaned_sql('t'))}, CASE WHEN {zero_sql(cleaned_sql('t'))} THEN 0 END),"
        f" {missing_sql(cleaned_sql('t'))}"
        " FROM (SELECT unnest(?::VARCHAR[]) AS t)", [texts]).fetchall()
    for text, value, missing in rows:
        try:
            expected = parse_number(text)
        except ValueError:
            assert value is None and not missing, text
        else:
            assert value == expected and missing == (expected is None), text


@pytest.mark.parametrize("data, encoding", [
    ("område;värde\n".encode("utf-8"), "utf-8"),
    (codecs.BOM_UTF8 + "område;värde\n".encode("utf-8"), "utf-8-sig"),
    (codecs.BOM_UTF16_LE + "område\tvärde\n".encode("utf-16-le"), "utf-16"),
    (codecs.BOM_UTF16_BE + "område\tvärde\n".encode("utf-16-be"), "utf-16"),
    ("område;värde\n–\n".encode("cp1252"), "cp1252"),
    (b"plain ascii;1\n", "utf-8"),
    (b"a;b\x00\n", None),
    (b"a;\x81\n", None),
    (b"\x01\x02\x03binary", None),
])
def test_the_encoding_is_detected_or_the_bytes_are_not_text(data, encoding):
    assert decoding.encoding_of(data) == encoding


def test_windows_1252_survives_the_latin1_detour_through_duckdb():
    original = "Årby – ’citat’ … €"
    swapped, changed = decoding.latin1_readable(original.encode("cp1252"))
    assert changed and not decoding.latin1_readable(b"plain")[1]
    assert decoding.restore(swapped.decode("latin-1")) == original


@pytest.mark.parametrize("header, delimiter", [
    ("indikator;område;period;värde", ";"),
    ("indicator,area,period,value", ","),
    ("indicator\tarea\tperiod\tvalue", "\t"),
    ('"a;b",c,d', ","),
    ("value", ";"),
])
def test_the_delimiter_is_the_one_the_header_uses(header, delimiter):
    assert decoding.delimiter_of(header) == delimiter


@pytest.mark.parametrize("header, name", [
    ("Område", "area"), ("omrade", "area"), ("AREA_ID", "area"), ("Värde", "value"), ("varde", "value"),
    ("Täljare", "numerator"), ("nämnare", "denominator"), ("antal svarande", "n"), ("Källa", "source"),
    ("kalla", "source"), ("Kommentar", "note"), ("indikator id", "indicator"), ("\ufeffindikator", "indicator"),
    ("namn", None),
])
def test_headers_map_to_their_column(header, name):
    assert headers.canonical(header) == name
