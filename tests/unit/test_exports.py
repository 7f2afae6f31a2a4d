"""Every CSV/XLSX the product writes goes through the export registry's neutralising writer: a
text someone typed (a file name, who loaded it, a catalog's source or area name, a column header)
that starts like a formula never runs as one, and numbers stay numbers."""
from __future__ import annotations

import csv
import dataclasses
import io

import openpyxl
import pandas as pd
import pytest

from indicators import exports, store
from indicators.catalog import load_catalog
from indicators.exports import downloads
from indicators.ingest import Problem
from indicators.method import disclosure
from indicators.present import presspack, slideset
from indicators.store import queries
from indicators.views import focus, history, template_offer, upload_preview

PLANTED = '=HYPERLINK("http://x")'
DEMO_MARK = "EXEMPELDATA – fiktiva siffror"


@pytest.fixture
def planted_catalog():
    """The shipped catalog with the planted text as the source and unit of `skjutningar` and as
    the name of Årby (catalog texts are typed by whoever keeps the catalog)."""
    catalog = load_catalog()
    indicators = tuple(dataclasses.replace(i, source=PLANTED, unit_sv=PLANTED, unit_en=PLANTED)
                       if i.id == "skjutningar" else i for i in catalog.indicators)
    areas = tuple(dataclasses.replace(a, name=PLANTED) if a.id == "arby" else a
                  for a in catalog.areas)
    return dataclasses.replace(catalog, indicators=indicators, areas=areas)


def _indicator_table(con, catalog, lang):
    frame = disclosure.protect(queries.indicator_frame(con, "skjutningar"), catalog)
    return focus.table(catalog.indicator("skjutningar"), frame, catalog, lang, for_download=True)


def every_download(home, catalog) -> dict[str, bytes]:
    """One file of every kind the product offers, each made by the code the pages call."""
    upload = "indikator;område;period;värde;kommentar;källa\r\nskjutningar;Årby;2027-01;3;{0};{0}\r\n"
    outcome = store.ingest(upload.format(PLANTED).encode("utf-8-sig"), f"{PLANTED}.csv",
                           by=PLANTED, home=home)
    assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
    con = store.connect(home)
    bad = f"indikator;område;period;värde\r\n{PLANTED};Årby;2027-01;1\r\n".encode("utf-8")
    problems = upload_preview.preview(con, bad, "bad.csv", catalog).validation.problems
    problems = [*problems, Problem(2, PLANTED, "ingest.bad_period", {"value": PLANTED})]
    pack = presspack.build(con, catalog, slideset.from_params(
        {"ind": "skjutningar", "areas": "eskilstuna,arby", "lang": "sv"}, catalog), png=False)
    files = {}
    for lang in ("sv", "en"):
        table = _indicator_table(con, catalog, lang)
        files[f"indicator_{lang}.csv"] = downloads.csv_bytes(table, lang, demo_mark=DEMO_MARK)
        files[f"indicator_{lang}.xlsx"] = downloads.xlsx_bytes(table, sheet="skjutningar",
                                                               demo_mark=DEMO_MARK)
        files[f"problems_{lang}.csv"] = upload_preview.problems_csv(problems, lang)
        files[f"history_{lang}.csv"] = history.history_csv(store.uploads(con), lang)
    files["presspack.csv"] = pack.files["siffror.csv"]
    files["presspack.xlsx"] = pack.files["siffror.xlsx"]
    latest = template_offer.latest_real_periods(con)
    files["template.csv"] = template_offer.template_bytes(
        catalog, template_offer.choice(catalog, "indicator:skjutningar"), latest)
    return files


def _cells(name: str, data: bytes) -> list:
    if name.endswith(".xlsx"):
        book = openpyxl.load_workbook(io.BytesIO(data))
        cells = [c for sheet in book.worksheets for row in sheet.iter_rows() for c in row]
        assert not [c.coordinate for c in cells if c.data_type == "f"], f"{name} holds a formula"
        return [c.value for c in cells]
    text = data.decode("cp1252" if name == "template.csv" else "utf-8-sig")
    english = name == "indicator_en.csv"   # problem list and history: Swedish Excel in both
    rows = csv.reader(io.StringIO(text), delimiter="," if english else ";")
    return [cell for row in rows for cell in row]


def test_every_download_the_product_offers_neutralises_a_planted_formula(home, planted_catalog):
    files = every_download(home, planted_catalog)
    for name, data in files.items():
        cells = _cells(name, data)
        texts = [c for c in cells if isinstance(c, str)]
        formulas = [c for c in texts if c.startswith(exports.DANGEROUS)
                    and not _is_number(c)]
        assert not formulas, f"{name}: {formulas[:3]}"
        if name != "template.csv":   # the template holds ids, names and periods only
            assert "'" + PLANTED in texts, f"{name} lost the planted text"
    # the template does name Årby's (planted) name: neutralised too
    assert "'" + PLANTED in _cells("template.csv", files["template.csv"])


def _is_number(text: str) -> bool:
    try:
        float(text.replace(",", ".").replace("\u00a0", ""))
        return True
    except ValueError:
        return False


def test_numbers_negative_ones_too_stay_numbers_in_both_formats():
    frame = pd.DataFrame({"text": ["-2", "=1+1", "\tx", "\rx", "@x", "+x", "ok"],
                          "value": [-1.5, 2.0, None, 4.0, -5.0, 6.0, 7.0],
                          "mixed": [-3, "-3", None, 1, "x", 2.5, "y"]})
    book = openpyxl.load_workbook(io.BytesIO(exports.write("xlsx", frame, demo_mark=DEMO_MARK)))
    rows = list(book.active.iter_rows(values_only=True))
    assert rows[0] == (DEMO_MARK, None, None)
    assert rows[2] == ("'-2", -1.5, -3)
    assert [r[0] for r in rows[3:8]] == ["'=1+1", "'\tx", "'\rx", "'@x", "'+x"]
    assert rows[7][2] == 2.5 and rows[3][2] == "'-3" and isinstance(rows[2][1], float)
    text = exports.write("csv", frame).decode("utf-8-sig")
    assert text.splitlines()[1].split(";")[:2] == ["'-2", "-1,5"]


@pytest.mark.parametrize("name, extension, mime", [
    ("csv", "csv", "text/csv"), ("csv_en", "csv", "text/csv"), ("csv_cp1252", "csv", "text/csv"),
    ("xlsx", "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")])
def test_each_format_is_registered_once_with_extension_mime_and_a_label_in_both_languages(
        name, extension, mime):
    from indicators import i18n
    fmt = exports.FORMATS[name]
    assert (fmt.extension, fmt.mime, fmt.file_name("x")) == (extension, mime, f"x.{extension}")
    assert all(fmt.label_key in i18n.texts(lang) for lang in i18n.LANGS)
    with pytest.raises(ValueError):
        exports.register(fmt)


def test_the_swedish_excel_dialects_are_semicolon_decimal_comma_crlf():
    frame = pd.DataFrame({"område": ["Årby"], "värde": [12.5]})
    assert exports.write("csv", frame) == "\ufeffområde;värde\r\nÅrby;12,5\r\n".encode("utf-8")
    assert exports.write("csv_cp1252", frame) == "område;värde\r\nÅrby;12,5\r\n".encode("cp1252")
    assert exports.write("csv_en", frame) == "\ufeffområde,värde\r\nÅrby,12.5\r\n".encode("utf-8")
    assert exports.csv_for("sv") == "csv" and exports.csv_for("en") == "csv_en"
    with pytest.raises(ValueError):
        exports.write("csv", {"a": frame, "b": frame})


ENGLISH_WORDS = {"True", "False", "None", "nan", "NaN", "NaT", "<NA>"}


def test_a_swedish_download_carries_no_english_word(home, planted_catalog):
    """Every word a user reads in a file is in the user's language (issue 13, 12b): a boolean is
    "ja"/"nej" in Swedish and "yes"/"no" in English, never Python's True/False; no missing value
    reads "nan" or "None"."""
    files = every_download(home, planted_catalog)
    for name, data in files.items():
        cells = [str(c) for c in _cells(name, data) if c is not None]
        assert not ENGLISH_WORDS & set(cells), f"{name}: {sorted(ENGLISH_WORDS & set(cells))}"
    demo_sv = _cells("indicator_sv.csv", files["indicator_sv.csv"])
    demo_en = _cells("indicator_en.csv", files["indicator_en.csv"])
    assert {"ja", "nej"} & set(demo_sv) and {"yes", "no"} & set(demo_en)
