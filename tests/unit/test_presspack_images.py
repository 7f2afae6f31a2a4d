"""The press pack's PNGs keep every word inside the canvas, at 1920×1080 and 1080×1080, for titles of up
to three lines: the layout read back from the figure, and the drawn pixels of the outer margin."""
from __future__ import annotations

import dataclasses
import io

import pytest
from PIL import Image

from indicators import store
from indicators.catalog import load_catalog
from indicators.present import png_layout, presspack_png, slide_style as style, slides, slideset, text_fit
from indicators.present.slide_figures import figure

# A finding as long as slide titles get (about 150 characters: three lines on a square image).
LONG = ("Exempeldata: Skjutningarna har minskat med 56 % sedan 2023 men ligger fortfarande över målet "
        "för 2027 i tre av fem områden, mest i Fröslunda och Årby")
SIZES = [(1920, 1080), (1080, 1080)]


@pytest.fixture
def long_slides(home):
    catalog = load_catalog()
    spec = slideset.from_params({"fa": "offentliga_rummet", "ind": "skjutningar,otrygghet_kvall",
                                 "areas": "eskilstuna,froslunda,skiftinge,arby,lagersberg"}, catalog)
    built = slides.build(store.connect(home), catalog, spec)
    return [dataclasses.replace(s, title=LONG) for s in built if s.chart is not None]


def _box(fig, note) -> tuple[float, float, float, float]:
    """(left, top, right, bottom) in px of an annotation anchored left/top in paper coordinates."""
    m, layout = fig.layout.margin, fig.layout
    plot_w, plot_h = layout.width - m.l - m.r, layout.height - m.t - m.b
    left, top = m.l + note.x * plot_w, m.t + (1 - note.y) * plot_h
    lines = [line.replace("<b>", "").replace("</b>", "") for line in note.text.split("<br>")]
    bold = "<b>" in note.text
    right = left + text_fit.widest(lines, note.font.size, bold=bold)
    return left, top, right, top + len(lines) * note.font.size * text_fit.LINE_HEIGHT


@pytest.mark.parametrize("width, height", SIZES)
def test_a_three_line_title_and_the_footer_lie_inside_the_canvas_and_off_the_plot(long_slides, width,
                                                                                height):
    for slide in long_slides:
        fig = figure(slide, standalone=True, width=width, height=height)
        notes = {a.name: a for a in fig.layout.annotations if a.name}
        m = fig.layout.margin
        title = _box(fig, notes["title"])
        assert notes["title"].text.count("<br>") + 1 <= 3
        assert notes["title"].font.size >= 30            # still a headline
        pad = png_layout.PAD - 0.01                       # paper coordinates are floats
        assert title[0] >= pad and title[1] >= pad
        assert title[2] <= width - pad and title[3] <= m.t   # above the plot
        footer = _box(fig, notes["footer"])
        tick_lines = max(str(t).count("<br>") + 1 for t in fig.layout.xaxis.ticktext)
        ticks_end = height - m.b + png_layout.TICK_GAP + tick_lines * style.AXIS_PX * text_fit.LINE_HEIGHT
        assert footer[1] >= ticks_end  # under the tick labels, never over them
        assert footer[2] <= width - pad and footer[3] <= height - pad
        assert fig.layout.title.text is None and fig.layout.margin.autoexpand is False


def test_a_title_too_long_for_three_lines_shrinks_before_it_takes_a_fourth():
    assert len(text_fit.wrap(LONG, 40, 1080 - 2 * png_layout.PAD, bold=True)) == 4
    lines, size = png_layout.title_lines(LONG, 1080, 1080)
    assert len(lines) == 3 and png_layout.MIN_TITLE_PX <= size < 40


def _ink(image: Image.Image, band: int) -> list[tuple[int, int]]:
    """Pixels in the outer `band` px that are not (near) white."""
    grey = image.convert("L")
    w, h = grey.size
    found = []
    for x, y in [(x, y) for y in range(h) for x in (*range(band), *range(w - band, w))] + \
            [(x, y) for x in range(w) for y in (*range(band), *range(h - band, h))]:
        if grey.getpixel((x, y)) < 235:
            found.append((x, y))
    return found


@pytest.mark.skipif(presspack_png.browser() is None, reason="no chromium for kaleido")
def test_drawn_images_leave_the_outer_margin_white_at_both_sizes(long_slides):
    files = presspack_png.png_files(long_slides, "sv")
    assert len(files) == 2 * len(long_slides)
    for name, data in files.items():
        image = Image.open(io.BytesIO(data))
        ink = _ink(image, png_layout.PAD - 12)
        assert not ink, (name, ink[:5])
