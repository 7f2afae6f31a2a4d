"""The press pack's PowerPoint: one 16:9 slide per Slide, with native, editable charts.

Charts are PowerPoint charts made by python-pptx from the slide's (already protected) numbers, so a
journalist can restyle them and the numbers stay in the embedded workbook: hidden values are empty
cells there, never the raw count. Every slide carries its source, period and "as of" date, and the
demo mark both on the slide and in the chart's own title (so a chart copied out keeps it).
"""
from __future__ import annotations

import io
from dataclasses import dataclass

import pandas as pd
from pptx import Presentation
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from indicators.present import presspack_chart, slide_style as style, text_fit
from indicators.present.presspack_chart import rgb as _rgb
from indicators.present.slides import Slide

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in: exactly 16:9
MARGIN = Inches(0.5)


def _text(slide, left, top, width, height, text: str, size: float, *, bold=False, colour=style.TEXT,
          italic=False, align=PP_ALIGN.LEFT, name: str | None = None):
    box = slide.shapes.add_textbox(left, top, width, height)
    if name:
        box.name = name
    frame = box.text_frame
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = align
    run = paragraph.add_run()
    run.text = text
    run.font.size = Pt(size)
    run.font.bold = bold
    run.font.italic = italic
    run.font.color.rgb = _rgb(colour)
    return box


def _tiles(slide, tiles, left, top, width):
    if not tiles:
        return
    gap = Inches(0.2)
    each = int((width - gap * (len(tiles) - 1)) / len(tiles))
    for i, tile in enumerate(tiles):
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left + i * (each + gap), top, each,
                                     TILE_H)
        box.name = f"status:{tile.status}"
        box.fill.solid()
        box.fill.fore_color.rgb = _rgb(style.BACKGROUND)
        box.line.color.rgb = _rgb(tile.colour)
        box.line.width = Pt(4)
        frame = box.text_frame
        frame.vertical_anchor = MSO_ANCHOR.MIDDLE
        paragraph = frame.paragraphs[0]
        paragraph.alignment = PP_ALIGN.CENTER
        run = paragraph.add_run()
        run.text = f"{tile.symbol} {tile.word}: {tile.count}"
        run.font.size = Pt(18)
        run.font.bold = True
        run.font.color.rgb = _rgb(style.TEXT)


TITLE_ONLY = 5            # the default template's "Title Only" layout: a real title placeholder
KICKER_PT, TITLE_PT, SUBTITLE_PT, BODY_PT, FOOTER_PT = 16, 32, 16, 18, 12
MIN_TITLE_PT = 24         # a long title shrinks to this before the chart gets less than MIN_CHART
MIN_CHART = Inches(3.0)   # the chart's least height: readable axes under a three-line title
TOP, BOTTOM, GAP = Inches(0.3), Inches(0.25), Inches(0.06)
DEMO_W, PAGE_W, TILE_H = Inches(4), Inches(1.2), Inches(0.65)
LINE = 1.2                # PowerPoint's single line spacing, in em
INSET_X, INSET_Y = Inches(0.1), Inches(0.05)   # a text box's default inner margins


def _height(text: str, pt: float, width: int, *, bold: bool = False) -> int:
    """EMU a text box of `width` EMU needs for `text` at `pt` points, measured in DejaVu Sans (the
    widest font LibreOffice may substitute), so the box holds with Calibri, Carlito or DejaVu."""
    lines = max(1, len(text_fit.wrap(text, pt, Emu(width - 2 * INSET_X).pt, bold=bold)))
    return int(Pt(lines * pt * LINE) + 2 * INSET_Y)


def _blocks(model: Slide, title_pt: int) -> tuple[list[tuple[str, str, float, int, int]], int]:
    """[(name, text, points, top, height)] of the text above the chart, stacked so no box overlaps
    the next, and the EMU where the chart (or tiles) may start."""
    inner = WIDTH - 2 * MARGIN
    kicker_w = inner - (DEMO_W + GAP if model.demo else 0)
    y, blocks = TOP, []
    h = _height(model.kicker, KICKER_PT, kicker_w)
    if model.demo:
        h = max(h, _height(model.demo_mark, KICKER_PT, DEMO_W, bold=True))
    blocks.append(("kicker", model.kicker, KICKER_PT, y, h))
    y += h + GAP
    h = _height(model.title, title_pt, inner, bold=True)
    blocks.append(("title", model.title, title_pt, y, h))
    y += h + GAP
    if model.subtitle:
        h = _height(model.subtitle, SUBTITLE_PT, inner)
        blocks.append(("subtitle", model.subtitle, SUBTITLE_PT, y, h))
        y += h + GAP
    for line in model.body:
        h = _height(line, BODY_PT, inner)
        blocks.append(("body", line, BODY_PT, y, h))
        y += h + GAP
    return blocks, y


def _footer(model: Slide) -> tuple[int, int]:
    """(top, height) of the source line at the foot of the slide."""
    h = _height(model.provenance, FOOTER_PT, WIDTH - 2 * MARGIN - PAGE_W)
    return HEIGHT - BOTTOM - h, h


def _title(slide, text: str, pt: float, top: int, height: int):
    """The slide's title placeholder (what PowerPoint's outline and accessibility checker read),
    placed at `top` across the slide, left-aligned, `pt` points bold."""
    title = slide.shapes.title
    title.name = "title"
    title.left, title.top, title.width, title.height = MARGIN, top, WIDTH - 2 * MARGIN, height
    frame = title.text_frame
    frame.word_wrap = True
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.text = text
    for paragraph in frame.paragraphs:
        paragraph.alignment = PP_ALIGN.LEFT
        for run in paragraph.runs:
            run.font.size, run.font.bold = Pt(pt), True
            run.font.color.rgb = _rgb(style.TEXT)
    return title


def _slide(prs, model: Slide, n: int, total: int):
    slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
    inner = WIDTH - 2 * MARGIN
    footer_top, footer_h = _footer(model)
    legend = model.chart.legend if model.chart is not None else ()
    legend_h = _height(" ".join(legend), FOOTER_PT, inner) if legend else 0
    chart_bottom = footer_top - legend_h
    tiles_h = TILE_H + GAP if model.tiles else 0
    for title_pt in range(TITLE_PT, MIN_TITLE_PT - 1, -2):   # shrink a long title, not the chart
        blocks, y = _blocks(model, title_pt)
        if model.chart is None or chart_bottom - y - tiles_h >= MIN_CHART:
            break
    for name, text, pt, top, height in blocks:
        if name == "title":
            _title(slide, text, pt, top, height)
        elif name == "kicker":
            _text(slide, MARGIN, top, inner - (DEMO_W + GAP if model.demo else 0), height, text, pt,
                  colour=style.MUTED, name="kicker")
            if model.demo:
                _text(slide, WIDTH - MARGIN - DEMO_W, top, DEMO_W, height, model.demo_mark, pt,
                      bold=True, colour=style.DEMO, align=PP_ALIGN.RIGHT, name="demo_mark")
        else:
            _text(slide, MARGIN, top, inner, height, text, pt, colour=style.MUTED if name == "subtitle"
                  else style.TEXT, italic=name == "body" and model.kind == "goal"
                  and text == model.body[0], name=name)
    if model.tiles:
        _tiles(slide, model.tiles, MARGIN, y, inner)
        y += tiles_h
    if model.chart is not None:
        presspack_chart.add(slide, model.chart, model.demo_mark, MARGIN, y, inner,
                            Emu(int(chart_bottom - y)))
        if legend:
            _text(slide, MARGIN, chart_bottom, inner, legend_h, " ".join(legend), FOOTER_PT,
                  colour=style.MUTED, name="legend")
    elif model.no_chart:   # say why, where the chart would be
        _text(slide, MARGIN, y, inner, Emu(int(chart_bottom - y)), model.no_chart, FOOTER_PT + 6,
              colour=style.MUTED, name="no_chart")
    _text(slide, MARGIN, footer_top, inner - PAGE_W, footer_h, model.provenance, FOOTER_PT,
          colour=style.MUTED, name="provenance")
    _text(slide, WIDTH - MARGIN - PAGE_W, footer_top, PAGE_W, footer_h, f"{n}/{total}", FOOTER_PT,
          colour=style.MUTED, align=PP_ALIGN.RIGHT, name="page")
    notes = [model.title, model.subtitle, model.provenance]
    notes.append(model.chart.alt if model.chart is not None else model.no_chart)
    if model.demo:
        notes.insert(0, model.demo_mark)
    slide.notes_slide.notes_text_frame.text = "\n".join(x for x in notes if x)
    return slide


MEASURE_ROWS = 9          # measures per table slide (16 pt, readable from the back of a room)


@dataclass(frozen=True)
class MeasuresTable:
    """The measures table the deck ends with (views.measures.table of the set's focus areas)."""
    title: str
    table: pd.DataFrame
    columns: tuple[str, ...]          # the columns shown on the slides (all stay in the CSV/XLSX)
    source: str
    demo_mark: str                    # "" for real measures


def _measures_slides(prs, measures: MeasuresTable, first: int, total: int) -> None:
    """One slide per MEASURE_ROWS measures: a native table (editable text), the demo mark when
    demo, the source line and page number."""
    rows = measures.table[list(measures.columns)]
    inner = WIDTH - 2 * MARGIN
    for part, start in enumerate(range(0, len(rows), MEASURE_ROWS)):
        chunk = rows.iloc[start:start + MEASURE_ROWS]
        slide = prs.slides.add_slide(prs.slide_layouts[TITLE_ONLY])
        top = Inches(0.3)
        if measures.demo_mark:
            _text(slide, WIDTH - MARGIN - Inches(4), top, Inches(4), Inches(0.45), measures.demo_mark, 16,
                  bold=True, colour=style.DEMO, align=PP_ALIGN.RIGHT, name="demo_mark")
        _title(slide, measures.title, 28, top + Inches(0.4), _height(measures.title, 28, inner, bold=True))
        frame = slide.shapes.add_table(len(chunk) + 1, len(measures.columns), MARGIN, top + Inches(1.3),
                                       inner, Inches(0.45) * (len(chunk) + 1))
        frame.name = "measures_table"
        table = frame.table
        for c, name in enumerate(measures.columns):
            table.cell(0, c).text = name
        for r, values in enumerate(chunk.itertuples(index=False), start=1):
            for c, value in enumerate(values):
                table.cell(r, c).text = "" if value is None else str(value)
        for r in range(len(chunk) + 1):
            for c in range(len(measures.columns)):
                for paragraph in table.cell(r, c).text_frame.paragraphs:
                    for run in paragraph.runs:
                        run.font.size = Pt(14)
        footer_top = HEIGHT - Inches(0.75)
        _text(slide, MARGIN, footer_top, inner - Inches(1.2), Inches(0.5), measures.source, 12,
              colour=style.MUTED, name="provenance")
        _text(slide, WIDTH - MARGIN - Inches(1.2), footer_top, Inches(1.2), Inches(0.5),
              f"{first + part}/{total}", 12, colour=style.MUTED, align=PP_ALIGN.RIGHT, name="page")


def pptx_bytes(slides: list[Slide], measures: MeasuresTable | None = None) -> bytes:
    """The deck as .pptx bytes, 16:9; with `measures`, the measures table on slides at the end."""
    prs = Presentation()
    prs.slide_width, prs.slide_height = WIDTH, HEIGHT
    extra = 0 if measures is None or not len(measures.table) else -(-len(measures.table) // MEASURE_ROWS)
    total = len(slides) + extra
    for n, model in enumerate(slides, start=1):
        _slide(prs, model, n, total)
    if extra:
        _measures_slides(prs, measures, len(slides) + 1, total)
    out = io.BytesIO()
    prs.save(out)
    return out.getvalue()
