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
from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, PP_ALIGN
from pptx.util import Emu, Inches, Pt

from indicators.present import slide_style as style
from indicators.present.slides import OBSERVED, Slide

WIDTH, HEIGHT = Emu(12192000), Emu(6858000)  # 13.333 × 7.5 in: exactly 16:9
MARGIN = Inches(0.5)


def _rgb(hex_colour: str) -> RGBColor:
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


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


def _number_format(decimals: int) -> str:
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def _chart(slide, chart, demo_mark: str, left, top, width, height):
    data = CategoryChartData(number_format=_number_format(chart.decimals))
    data.categories = list(chart.categories)
    for series in chart.series:
        data.add_series(series.name, list(series.values))
    kind = XL_CHART_TYPE.COLUMN_CLUSTERED if chart.kind == "bar" else XL_CHART_TYPE.LINE_MARKERS
    frame = slide.shapes.add_chart(kind, left, top, width, height, data)
    frame.name = f"chart:{chart.indicator_id}"
    frame._element.nvGraphicFramePr.cNvPr.set("descr", chart.alt)  # alt text for screen readers
    native = frame.chart
    native.font.size = Pt(16)
    native.font.color.rgb = _rgb(style.TEXT)
    native.has_title = True
    title = native.chart_title.text_frame
    title.text = chart.title + (f"\n{demo_mark}" if demo_mark else "")
    for paragraph in title.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(18)
            run.font.bold = True
    if len(chart.series) > 1:
        native.has_legend = True
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(16)
    else:
        native.has_legend = False
    native.value_axis.has_major_gridlines = True
    native.value_axis.major_gridlines.format.line.color.rgb = _rgb(style.GRID)
    native.value_axis.tick_labels.font.size = Pt(16)
    native.category_axis.tick_labels.font.size = Pt(16)
    plot = native.plots[0]
    observed = 0
    for spec, series in zip(chart.series, plot.series):
        if spec.kind == OBSERVED:
            colour = style.series_colour(observed)
            observed += 1
        else:
            colour = style.PATH
        if chart.kind == "bar":
            series.format.fill.solid()
            series.format.fill.fore_color.rgb = _rgb(colour)
            continue
        series.smooth = False
        series.format.line.width = Pt(4.5 if spec.kind == OBSERVED else 3)
        series.format.line.color.rgb = _rgb(colour)
        if spec.kind == OBSERVED:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = _rgb(colour)
        else:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            series.marker.style = XL_MARKER_STYLE.NONE
    return frame


def _tiles(slide, tiles, left, top, width):
    if not tiles:
        return
    gap = Inches(0.2)
    each = int((width - gap * (len(tiles) - 1)) / len(tiles))
    for i, tile in enumerate(tiles):
        box = slide.shapes.add_shape(MSO_SHAPE.ROUNDED_RECTANGLE, left + i * (each + gap), top, each,
                                     Inches(0.9))
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
        run.font.size = Pt(20)
        run.font.bold = True
        run.font.color.rgb = _rgb(style.TEXT)


def _slide(prs, model: Slide, n: int, total: int):
    slide = prs.slides.add_slide(prs.slide_layouts[6])  # blank
    inner = WIDTH - 2 * MARGIN
    top = Inches(0.3)
    _text(slide, MARGIN, top, inner - Inches(4), Inches(0.45), model.kicker, 16, colour=style.MUTED,
          name="kicker")
    if model.demo:
        _text(slide, WIDTH - MARGIN - Inches(4), top, Inches(4), Inches(0.45), model.demo_mark, 16,
              bold=True, colour=style.DEMO, align=PP_ALIGN.RIGHT, name="demo_mark")
    _text(slide, MARGIN, top + Inches(0.4), inner, Inches(1.0), model.title, 32, bold=True,
          name="title")
    y = top + Inches(1.45)
    if model.subtitle:
        _text(slide, MARGIN, y, inner, Inches(0.6), model.subtitle, 16, colour=style.MUTED,
              name="subtitle")
        y += Inches(0.65)
    for line in model.body:
        _text(slide, MARGIN, y, inner, Inches(0.8), line, 18, italic=line == model.body[0]
              and model.kind == "goal", name="body")
        y += Inches(0.75)
    if model.tiles:
        _tiles(slide, model.tiles, MARGIN, y, inner)
        y += Inches(1.1)
    footer_top = HEIGHT - Inches(0.75)
    if model.chart is not None:
        legend = model.chart.legend
        bottom = footer_top - (Inches(0.35) if legend else 0)
        _chart(slide, model.chart, model.demo_mark, MARGIN, y, inner, Emu(int(bottom - y)))
        if legend:
            _text(slide, MARGIN, bottom, inner, Inches(0.35), " ".join(legend), 12,
                  colour=style.MUTED, name="legend")
    _text(slide, MARGIN, footer_top, inner - Inches(1.2), Inches(0.5), model.provenance, 12,
          colour=style.MUTED, name="provenance")
    _text(slide, WIDTH - MARGIN - Inches(1.2), footer_top, Inches(1.2), Inches(0.5), f"{n}/{total}", 12,
          colour=style.MUTED, align=PP_ALIGN.RIGHT, name="page")
    notes = [model.title, model.subtitle, model.provenance]
    if model.chart is not None:
        notes.append(model.chart.alt)
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
        slide = prs.slides.add_slide(prs.slide_layouts[6])
        top = Inches(0.3)
        if measures.demo_mark:
            _text(slide, WIDTH - MARGIN - Inches(4), top, Inches(4), Inches(0.45), measures.demo_mark, 16,
                  bold=True, colour=style.DEMO, align=PP_ALIGN.RIGHT, name="demo_mark")
        _text(slide, MARGIN, top + Inches(0.4), inner, Inches(0.8), measures.title, 28, bold=True,
              name="title")
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
