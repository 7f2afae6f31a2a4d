"""The press pack's native PowerPoint chart: python-pptx draws it from the slide's (already
protected) numbers, so a journalist can restyle it and the numbers stay in its embedded workbook."""
from __future__ import annotations

import math

from pptx.chart.data import CategoryChartData
from pptx.dml.color import RGBColor
from pptx.enum.chart import XL_CHART_TYPE, XL_LEGEND_POSITION, XL_MARKER_STYLE
from pptx.enum.dml import MSO_LINE_DASH_STYLE
from pptx.util import Pt

from indicators.present import slide_style as style
from indicators.present.slide_model import OBSERVED, Chart


def rgb(hex_colour: str) -> RGBColor:
    """"#0072B2" as python-pptx's RGBColor."""
    return RGBColor.from_string(hex_colour.lstrip("#").upper())


def whole_step(top: float) -> int:
    """A whole-number axis step for values up to `top`: 1, 2, 5, 10, 20, 50, ... giving at most
    about six steps (a count of areas never reads 0,5)."""
    raw = max(top, 0) / 6
    if raw <= 1:
        return 1
    magnitude = 10 ** math.floor(math.log10(raw))
    return next(m * magnitude for m in (1, 2, 5, 10) if m * magnitude >= raw)


def _whole_numbers(axis, chart: Chart) -> None:
    top = max((v for s in chart.series for v in s.values if v is not None), default=0)
    axis.major_unit = whole_step(top)
    axis.minimum_scale = 0
    axis.tick_labels.number_format = "#,##0"
    axis.tick_labels.number_format_is_linked = False


def _number_format(decimals: int) -> str:
    return "#,##0" if decimals <= 0 else "#,##0." + "0" * decimals


def add(slide, chart: Chart, demo_mark: str, left, top, width, height):
    """Adds `chart` to `slide` as a native line or column chart at (left, top), width × height EMU,
    with its alt text, the demo mark in the chart's own title, and whole-number steps on the value
    axis of a count (decimals 0). Returns the graphic frame."""
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
    native.font.color.rgb = rgb(style.TEXT)
    native.has_title = True
    title = native.chart_title.text_frame
    title.text = chart.title + (f"\n{demo_mark}" if demo_mark else "")
    for paragraph in title.paragraphs:
        for run in paragraph.runs:
            run.font.size = Pt(16)
            run.font.bold = True
    if len(chart.series) > 1:
        native.has_legend = True
        native.legend.position = XL_LEGEND_POSITION.BOTTOM
        native.legend.include_in_layout = False
        native.legend.font.size = Pt(16)
    else:
        native.has_legend = False
    native.value_axis.has_major_gridlines = True
    native.value_axis.major_gridlines.format.line.color.rgb = rgb(style.GRID)
    native.value_axis.tick_labels.font.size = Pt(16)
    native.category_axis.tick_labels.font.size = Pt(16)
    if chart.decimals <= 0:
        _whole_numbers(native.value_axis, chart)
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
            series.format.fill.fore_color.rgb = rgb(colour)
            continue
        series.smooth = False
        series.format.line.width = Pt(4.5 if spec.kind == OBSERVED else 3)
        series.format.line.color.rgb = rgb(colour)
        if spec.kind == OBSERVED:
            series.marker.style = XL_MARKER_STYLE.CIRCLE
            series.marker.size = 9
            series.marker.format.fill.solid()
            series.marker.format.fill.fore_color.rgb = rgb(colour)
        else:
            series.format.line.dash_style = MSO_LINE_DASH_STYLE.DASH
            series.marker.style = XL_MARKER_STYLE.NONE
    return frame
