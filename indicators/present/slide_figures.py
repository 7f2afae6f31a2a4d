"""Plotly figures for slides: the presentation page and the press pack's PNGs draw the same figure.

`figure(slide)` is the chart alone, for the page, where the slide title is HTML above it.
`figure(slide, standalone=True, width=1920, height=1080)` adds the finding as title, the provenance
and the demo mark, laid out in pixels by png_layout.py, so a PNG shared on its own still says what it shows, where it comes from, and
that demo numbers are fictitious. Hidden values (small counts) are gaps; hover texts show "<5".
"""
from __future__ import annotations

import textwrap

import plotly.graph_objects as go

from indicators.present import png_layout, slide_style as style
from indicators.present.slides import OBSERVED, Slide


def _wrap(text: str, width: int) -> str:
    return "<br>".join(textwrap.wrap(text, width)) or text


def _without_chart(slide: Slide, width: int, height: int) -> go.Figure:
    """A framed image whose plot area states why the slide has no chart."""
    fig = go.Figure()
    fig.update_layout(
        template="plotly_white", paper_bgcolor=style.BACKGROUND, plot_bgcolor=style.BACKGROUND,
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": style.AXIS_PX, "color": style.TEXT},
        xaxis={"visible": False}, yaxis={"visible": False}, showlegend=False,
        width=width, height=height, margin={"l": 40, "r": 40, "t": 40, "b": 40},
        annotations=[dict(text=_wrap(slide.no_chart, 40 if width > height else 28), xref="paper",
                          yref="paper", x=0.5, y=0.5, showarrow=False,
                          font={"size": style.AXIS_PX + 8, "color": style.MUTED})])
    if slide.demo:
        fig.add_annotation(text=f"<b>{slide.demo_mark}</b>", xref="paper", yref="paper", x=0.5,
                           y=0.2, showarrow=False, opacity=0.35, font={"size": 56, "color": style.DEMO})
    png_layout.frame(fig, slide, width=width, height=height)
    return fig


def figure(slide: Slide, *, standalone: bool = False, width: int = 1920, height: int = 1080,
           scale: float = 1.0) -> go.Figure | None:
    """The slide's chart as a Plotly figure (None when the slide has no chart and not standalone).

    `scale` multiplies every font and line size (the page uses 1.0 at 1920 px wide). A standalone
    image of a slide without a chart says why in its place (slide.no_chart), so no image is lost.
    """
    chart = slide.chart
    if chart is None:
        return _without_chart(slide, width, height) if standalone else None
    px = lambda n: max(1, round(n * scale))  # noqa: E731
    fig = go.Figure()
    observed = 0
    for spec in chart.series:
        colour = style.series_colour(observed) if spec.kind == OBSERVED else style.PATH
        observed += spec.kind == OBSERVED
        text = list(spec.shown)
        if chart.kind == "bar":
            fig.add_bar(x=list(chart.categories), y=list(spec.values), name=spec.name,
                        marker_color=colour, text=text, textposition="outside",
                        textfont={"size": px(style.AXIS_PX + 4), "color": style.TEXT},
                        hovertext=text, hoverinfo="x+text")
            continue
        fig.add_scatter(
            x=list(chart.categories), y=list(spec.values), name=spec.name,
            mode="lines+markers" if spec.kind == OBSERVED else "lines",
            line={"color": colour, "width": px(style.LINE_PX if spec.kind == OBSERVED else 4),
                  "dash": "solid" if spec.kind == OBSERVED else "dash"},
            marker={"size": px(style.MARKER_PX), "color": colour},
            hovertext=text, hoverinfo="x+name+text", connectgaps=False,
        )
    axis_font = {"size": px(style.AXIS_PX), "color": style.TEXT}
    top = 40
    layout = dict(
        template="plotly_white", paper_bgcolor=style.BACKGROUND, plot_bgcolor=style.BACKGROUND,
        font={"family": "DejaVu Sans, Arial, sans-serif", "size": px(style.AXIS_PX), "color": style.TEXT},
        showlegend=len(chart.series) > 1,
        legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom",
                "font": {"size": px(style.LEGEND_PX)}},
        xaxis={"type": "category", "tickfont": axis_font, "showgrid": False,
               "linecolor": style.TEXT, "linewidth": 2, "tickangle": 0,
               "tickvals": list(chart.categories),
               "ticktext": [_wrap(c, 12) for c in chart.categories]},
        yaxis={"tickfont": axis_font, "gridcolor": style.GRID, "zeroline": True,
               "zerolinecolor": style.MUTED, "rangemode": "tozero",
               "title": {"text": chart.unit, "font": axis_font},
               "separatethousands": True},
        separators=", " if slide.lang == "sv" else ".,",
        margin={"l": px(110), "r": px(40), "t": px(top), "b": px(80)},
        annotations=[],
        width=width if standalone else None,
        height=height if standalone else style.CHART_HEIGHT_PX,
    )
    if slide.demo:
        # inside the figure itself, so a screenshot or a PNG keeps it (METHOD.md section 4)
        layout["annotations"].append(dict(
            text=f"<b>{slide.demo_mark}</b>", xref="paper", yref="paper", x=0.5, y=0.5,
            showarrow=False, textangle=-18, opacity=0.35,
            font={"size": px(56 if standalone else 48), "color": style.DEMO}))
    if chart.decimals == 0:
        top_value = max((v for s in chart.series for v in s.values if v is not None), default=0)
        if top_value < 10:
            layout["yaxis"]["dtick"] = 1  # whole numbers only: "2,5 områden" means nothing
    fig.update_layout(**layout)
    if standalone:
        png_layout.frame(fig, slide, width=width, height=height)
    return fig
