"""The measures in the presentation and the press pack: each focus slide states its measures'
status ("12 av 18 åtgärder genomförda, 3 försenade") as the file gives it, in the deck, the PDF
and the numbers; the deck ends with the measures table, and the CSV and XLSX carry it (through the
export registry: a formula-like title is neutralised; demo measures carry the demo mark)."""
from __future__ import annotations

import io
import zipfile

import openpyxl
import pytest
from pptx import Presentation

from indicators import store
from indicators.catalog import load_catalog
from indicators.present import presspack, slides, slideset
from tests import follow_up_data as data

CATALOG = load_catalog()


@pytest.fixture
def loaded(home):
    data.load_all(home)
    return home


def _pack(home, lang="sv", fa="nyrekrytering_unga,skjutningar_grovt_vald"):
    spec = slideset.from_params({"fa": fa, "ind": "", "lang": lang}, CATALOG)
    with store.connect(home) as con:
        return presspack.build(con, CATALOG, spec, png=False)


def _texts(slide) -> list[str]:
    return [shape.text_frame.text for shape in slide.shapes if shape.has_text_frame]


def test_each_focus_slide_states_its_measures_status_in_the_deck_and_the_numbers(loaded):
    pack = _pack(loaded)
    focus = {s.focus_area: s for s in pack.slides if s.kind == "focus"}
    assert focus["nyrekrytering_unga"].body == ("2 av 5 åtgärder genomförda, 1 försenade",)
    assert focus["skjutningar_grovt_vald"].body == ("1 av 2 åtgärder genomförda, 0 försenade",)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    shown = [t for slide in deck.slides for t in _texts(slide)]
    assert "2 av 5 åtgärder genomförda, 1 försenade" in shown
    numbers = pack.files["siffror.csv"].decode("utf-8-sig")
    assert "2 av 5 åtgärder genomförda, 1 försenade" in numbers


def test_the_deck_ends_with_the_measures_table_and_the_csv_and_xlsx_carry_it(loaded):
    pack = _pack(loaded, fa="nyrekrytering_unga")
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    last = deck.slides[len(deck.slides) - 1]
    table = next(shape for shape in last.shapes if shape.name == "measures_table").table
    header = [table.cell(0, c).text for c in range(len(table.columns))]
    assert header == ["Åtgärd", "Titel", "Ansvarig", "Period", "Status"]
    ids = [table.cell(r, 0).text for r in range(1, len(table.rows))]
    assert ids == ["FA2-01", "FA2-02", "FA2-03", "FA2-04", "FA2-05"]   # only the set's focus area
    assert table.cell(4, 4).text == "Försenad !"
    assert "EXEMPELDATA" not in " ".join(_texts(last))
    measures = pack.files["atgarder.csv"].decode("utf-8-sig").splitlines()
    assert measures[0].startswith("Åtgärd;Titel;Fokusområde;Delmål;Ansvarig") and len(measures) == 6
    book = openpyxl.load_workbook(io.BytesIO(pack.files["siffror.xlsx"]))
    sheet = book["Åtgärder"]
    assert [c.value for c in sheet[1]][:2] == ["Åtgärd", "Titel"]
    assert [sheet.cell(r, 1).value for r in range(2, 7)] == ids
    assert zipfile.ZipFile(io.BytesIO(pack.zip_bytes())).namelist().count("atgarder.csv") == 1


def test_a_formula_like_title_is_neutralised_in_the_packs_tables(home):
    rows = [data.ROWS[0][:3] + ['=HYPERLINK("http://x")'] + data.ROWS[0][4:]]
    assert store.ingest(data.measures_file(rows), "x.csv", by="test", home=home).ok
    pack = _pack(home, fa="nyrekrytering_unga")
    assert "'=HYPERLINK" in pack.files["atgarder.csv"].decode("utf-8-sig")
    sheet = openpyxl.load_workbook(io.BytesIO(pack.files["siffror.xlsx"]))["Åtgärder"]
    assert sheet.cell(2, 2).value.startswith("'=")


def test_without_measures_the_deck_and_pack_are_as_before(home):
    store.set_demo_hidden(True, home)  # the shipped demo measures hidden: no measures at all
    with store.connect(home) as con:
        assert not len(slides.follow_up.measures(con))
    pack = _pack(home, lang="en")
    assert "measures.csv" not in pack.files
    assert all(s.body == () for s in pack.slides if s.kind == "focus")


def test_demo_measures_carry_the_demo_mark(home):
    with store.connect(home) as con:
        assert len(slides.follow_up.measures(con))  # the shipped demo measures
    pack = _pack(home)
    assert pack.files["atgarder.csv"].decode("utf-8-sig").startswith("EXEMPELDATA")
    assert all(s.demo for s in pack.slides if s.kind == "focus" and s.body)
