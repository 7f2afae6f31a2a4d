"""The press pack's .pptx read back with python-pptx: titles in real title placeholders, a layout that
holds under a three-line title in the widest substitute font (no box over the next, the chart keeps
its height), whole-number axes for counts; and once, rendered by LibreOffice, every word on the slide."""
from __future__ import annotations

import dataclasses
import io
import os
import shutil
import subprocess

import pytest
from pptx import Presentation
from pptx.enum.shapes import PP_PLACEHOLDER
from pptx.util import Emu, Pt

from indicators import store
from indicators.catalog import load_catalog
from indicators.present import presspack, presspack_chart, presspack_pptx, slides, slideset, text_fit

LONG = ("Exempeldata: Skjutningarna har minskat med 56 % sedan 2023 men ligger fortfarande över målet "
        "för 2027 i tre av fem områden, mest i Fröslunda och Årby")
STACKED = ("kicker", "title", "subtitle", "body", "status:", "chart:", "legend", "provenance")


@pytest.fixture
def catalog():
    return load_catalog()


def _spec(catalog):
    return slideset.from_params({"fa": "offentliga_rummet,nyrekrytering_unga",
                                 "ind": "omraden_polisens_lista,skjutningar,otrygghet_kvall",
                                 "areas": "eskilstuna,froslunda,skiftinge,arby,lagersberg"}, catalog)


@pytest.fixture
def long_deck(home, catalog):
    """(slide models with a three-line title, the deck drawn from them)."""
    models = [dataclasses.replace(s, title=LONG)
              for s in slides.build(store.connect(home), catalog, _spec(catalog))]
    return models, Presentation(io.BytesIO(presspack_pptx.pptx_bytes(models)))


def test_every_slide_title_is_the_slides_title_placeholder(home, catalog):
    pack = presspack.build(store.connect(home), catalog, _spec(catalog), png=False)
    deck = Presentation(io.BytesIO(pack.files["presentation.pptx"]))
    models = slides.build(store.connect(home), catalog, _spec(catalog))
    assert len(deck.slides) > len(models)            # the measures table slides are included
    for n, slide in enumerate(deck.slides):
        title = slide.shapes.title
        assert title is not None and title.is_placeholder, n
        assert title.placeholder_format.type in (PP_PLACEHOLDER.TITLE, PP_PLACEHOLDER.CENTER_TITLE)
        assert title.text_frame.text.strip()
        if n < len(models):
            assert title.text_frame.text == models[n].title
        assert [s for s in slide.shapes if s.name == "title"] == [title]


def _needed(shape) -> int:
    """EMU the text of `shape` needs in DejaVu Sans at its run sizes (the widest substitute)."""
    frame = shape.text_frame
    width = Emu(shape.width - 2 * presspack_pptx.INSET_X).pt
    total = 0.0
    for paragraph in frame.paragraphs:
        runs = paragraph.runs
        size = runs[0].font.size.pt if runs and runs[0].font.size else 18
        bold = bool(runs and runs[0].font.bold)
        lines = max(1, len(text_fit.wrap(paragraph.text, size, width, bold=bold)))
        total += lines * size * presspack_pptx.LINE
    return int(Pt(total)) + 2 * presspack_pptx.INSET_Y


def test_a_three_line_title_pushes_the_boxes_below_it_and_the_chart_keeps_its_height(long_deck):
    models, deck = long_deck
    for model, slide in zip(models, deck.slides):
        shapes = [s for s in slide.shapes if s.name.startswith(STACKED)]
        for shape in shapes:
            assert 0 <= shape.left and shape.left + shape.width <= deck.slide_width, shape.name
            assert 0 <= shape.top and shape.top + shape.height <= deck.slide_height, shape.name
            if shape.has_text_frame and shape.name != "page":
                assert _needed(shape) <= shape.height + 1, (model.key, shape.name)
        rows = sorted({(s.top, s.top + s.height) for s in shapes})
        for (top, bottom), (next_top, _) in zip(rows, rows[1:]):
            assert bottom <= next_top, (model.key, [s.name for s in shapes])   # nothing overlaps
        title = slide.shapes.title
        kicker = next(s for s in slide.shapes if s.name == "kicker")
        assert kicker.top + kicker.height <= title.top
        for chart in (s for s in slide.shapes if s.has_chart):
            assert chart.height >= presspack_pptx.MIN_CHART, model.key


def test_count_axes_step_in_whole_numbers(long_deck):
    models, deck = long_deck
    counted = 0
    for model, slide in zip(models, deck.slides):
        for shape in (s for s in slide.shapes if s.has_chart):
            if model.chart.decimals != 0:
                continue
            axis = shape.chart.value_axis
            assert axis.major_unit is not None and axis.major_unit == int(axis.major_unit) >= 1
            assert axis.tick_labels.number_format == "#,##0"
            counted += 1
    assert counted >= 2
    police = next(m for m in models if m.key == "indicator:omraden_polisens_lista")
    assert max(v for s in police.chart.series for v in s.values if v is not None) <= 4
    assert [presspack_chart.whole_step(top) for top in (3, 6, 7, 40, 180, 1234)] == [1, 1, 2, 10, 50, 500]


@pytest.mark.slow
def test_libreoffice_renders_every_word_of_every_slide_on_the_slide(long_deck, tmp_path):
    """Debian's LibreOffice Impress (with Carlito for Calibri) converts the deck to PDF; pypdf reads
    where each text run is drawn: every one inside the page, each slide's title below its kicker."""
    soffice = shutil.which("soffice")
    if soffice is None:
        if os.environ.get("CI"):
            pytest.fail("CI: LibreOffice (libreoffice-impress) is not installed")
        pytest.skip("no LibreOffice (apt-get install libreoffice-impress fonts-crosextra-carlito)")
    from pypdf import PdfReader

    models, deck = long_deck
    source = tmp_path / "deck.pptx"
    deck.save(str(source))
    subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{tmp_path}/profile",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, capture_output=True, timeout=180)
    reader = PdfReader(str(tmp_path / "deck.pdf"))
    assert len(reader.pages) == len(models)
    for model, page in zip(models, reader.pages):
        box = page.mediabox
        runs: list[tuple[str, float, float]] = []

        def visit(text, cm, tm, font, size, runs=runs):
            if text.strip():
                x, y = cm[0] * tm[4] + cm[2] * tm[5] + cm[4], cm[1] * tm[4] + cm[3] * tm[5] + cm[5]
                runs.append((text.strip(), x, y))

        page.extract_text(visitor_text=visit)
        assert runs, model.key
        for text, x, y in runs:
            assert box.left - 1 <= x <= box.right and box.bottom <= y <= box.top, (model.key, text, x, y)
        kicker_y = [y for text, _, y in runs if model.kicker.startswith(text)]
        title_y = [y for text, _, y in runs if text in model.title]
        assert kicker_y and title_y and max(title_y) < min(kicker_y), model.key  # title under kicker
