"""The frame of a press-pack image: title, legend, footer and margins laid out in pixels.

A PNG shared on its own must say what it shows (the finding as title), where it comes from (source,
period, "data per") and, for demo data, that the numbers are fictitious; every word inside the canvas
at 1920×1080 and 1080×1080, for titles of up to three lines. Text is measured in DejaVu Sans
(text_fit.py), the font the image is drawn in, and each block gets the height its lines need:

    PAD | title (≤ 3 lines, shrunk to fit) | legend rows | plot | tick labels | footer | PAD

Plotly's own title is not used: with `yanchor="top"` it places a multi-line title too high (the
first line leaves the canvas); an annotation anchored at its top does not. Automatic margins are
off, so the paper coordinates computed here are the ones drawn.
"""
from __future__ import annotations

import math

import plotly.graph_objects as go

from indicators.present import slide_style as style
from indicators.present import text_fit
from indicators.present.slide_model import Slide

PAD = 36                 # px of white around everything, at both sizes
TITLE_LINES = 3          # at most; the font shrinks (to MIN_TITLE_PX) before a fourth line
MIN_TITLE_PX = 28
GAP = 16                 # px between blocks
TICK_GAP = 14            # px between the plot's bottom edge and its tick labels
LEGEND_SYMBOL_PX = 48    # a legend item's line sample and the space around its text


def title_lines(title: str, width: int, height: int) -> tuple[list[str], int]:
    """The title's lines and font size (px): the largest size from 44 (wide) / 40 (square) down to
    MIN_TITLE_PX at which it takes at most TITLE_LINES lines of the canvas width less 2 × PAD."""
    size = 44 if width > height else 40
    room = width - 2 * PAD
    lines = text_fit.wrap(title, size, room, bold=True)
    while len(lines) > TITLE_LINES and size > MIN_TITLE_PX:
        size -= 2
        lines = text_fit.wrap(title, size, room, bold=True)
    return lines, size


def _block(lines: list[str], size: int) -> float:
    return len(lines) * size * text_fit.LINE_HEIGHT


def _legend_rows(names: list[str], size: int, room: float) -> int:
    rows, used = 1, 0.0
    for name in names:
        item = LEGEND_SYMBOL_PX + text_fit.width(name, size)
        if used and used + item > room:
            rows, used = rows + 1, 0.0
        used += item
    return rows if names else 0


def _tick_lines(fig: go.Figure) -> int:
    labels = fig.layout.xaxis.ticktext or [str(c) for c in (fig.data[0].x if fig.data else ())]
    return max((str(label).count("<br>") + 1 for label in labels), default=1)


def _value_label_width(fig: go.Figure, size: int) -> float:
    values = [abs(v) for trace in fig.data for v in (trace.y or ()) if v is not None]
    top = max(values, default=0)
    digits = f"{top:,.1f}".replace(",", " ") if top < 100 else f"{round(top):,}".replace(",", " ")
    return text_fit.width("−" + digits, size)


def frame(fig: go.Figure, slide: Slide, *, width: int, height: int) -> go.Figure:
    """Lays out `fig` (a slide's chart) as a self-contained image of width × height px: the finding
    as title at the top, the legend under it, the source line and suppression legend at the bottom,
    the demo mark sized to the plot. Changes and returns `fig`."""
    axis = style.AXIS_PX
    room = width - 2 * PAD
    title, title_px = title_lines(slide.title, width, height)
    top = PAD + _block(title, title_px) + GAP
    legend_names = [t.name for t in fig.data if t.name] if fig.layout.showlegend else []
    legend_top = top
    if legend_names:
        top += _legend_rows(legend_names, style.LEGEND_PX, room) * style.LEGEND_PX * 1.6 + GAP
    footer = text_fit.wrap(slide.provenance, style.FOOTER_PX, room)
    if slide.chart is not None and slide.chart.legend:
        footer += text_fit.wrap(" ".join(slide.chart.legend), style.FOOTER_PX, room)
    ticks = TICK_GAP + _tick_lines(fig) * axis * text_fit.LINE_HEIGHT
    bottom = ticks + GAP + _block(footer, style.FOOTER_PX) + PAD
    left = PAD + axis * text_fit.LINE_HEIGHT + GAP + _value_label_width(fig, axis) + 12
    left, top, bottom = math.ceil(left), math.ceil(top), math.ceil(bottom)  # margins as drawn
    plot_w, plot_h = width - left - PAD, height - top - bottom
    paper_x = lambda x: (x - left) / plot_w  # noqa: E731 - px from the left edge -> paper
    paper_y = lambda y: (height - bottom - y) / plot_h  # noqa: E731 - px from the top -> paper
    annotations = [a for a in fig.layout.annotations]
    annotations.append(go.layout.Annotation(
        name="title", text="<br>".join(f"<b>{line}</b>" for line in title), xref="paper",
        yref="paper", x=paper_x(PAD), y=paper_y(PAD), xanchor="left", yanchor="top", align="left",
        showarrow=False, font={"size": title_px, "color": style.TEXT}))
    annotations.append(go.layout.Annotation(
        name="footer", text="<br>".join(footer), xref="paper", yref="paper", x=paper_x(PAD),
        y=paper_y(height - bottom + ticks + GAP), xanchor="left", yanchor="top", align="left",
        showarrow=False, font={"size": style.FOOTER_PX, "color": style.MUTED}))
    if slide.demo:
        _fit_demo_mark(annotations, slide.demo_mark, plot_w)
    fig.update_layout(
        width=width, height=height, title=None, annotations=annotations,
        margin={"l": left, "r": PAD, "t": top, "b": bottom, "pad": 0,
                "autoexpand": False},
        legend={"x": paper_x(PAD), "y": paper_y(legend_top), "xanchor": "left", "yanchor": "top",
                "orientation": "h", "font": {"size": style.LEGEND_PX}},
    )
    fig.update_xaxes(automargin=False)
    fig.update_yaxes(automargin=False, title_standoff=GAP)
    return fig


def _fit_demo_mark(annotations: list, mark: str, plot_w: float) -> None:
    """Shrinks the diagonal demo mark so that, turned, it stays inside the plot's width."""
    for note in annotations:
        if note.text and mark in note.text and note.font and note.font.size:
            size = note.font.size
            while size > 20 and text_fit.width(mark, size, bold=True) * 0.96 + size > plot_w * 0.9:
                size -= 2
            note.font.size = size
