"""Plotly figure builders for the other chart kinds: ranked areas, the area × period heat table,
the area profile (spine chart) and the police list. Data and ready-made texts in, a Figure out. No
Streamlit, no SQL, no arithmetic on the numbers beyond placing them: values arrive
disclosure-controlled and every hover text arrives as a finished string (built from disclosure
labels, so a hidden cell never shows its value).
"""
from __future__ import annotations

from dataclasses import dataclass, field

import plotly.graph_objects as go

from indicators.charts.style import (BAR, COMPARISON_GROUP, COMPARISON_STYLES, HEAT_SCALE, HIGHLIGHT,
                                     INK, MUTED, SERIES, finish, layout)


def area_ranking(title: str, names: list[str], values: list[float | None], texts: list[str],
                 hovers: list[str], lang: str, *, x_title: str, highlight: str | None = None,
                 reference: tuple[float, str] | None = None,
                 demo_mark: str | None = None) -> go.Figure:
    """Ranked horizontal bars for one period (rows in the order given, first at the top); hidden
    cells have no bar but keep their label ("<5"); `reference` is the municipality line."""
    colours = [HIGHLIGHT if n == highlight else BAR for n in names]
    fig = go.Figure(go.Bar(
        name=x_title, orientation="h", y=names, x=values, text=texts, textposition="outside",
        cliponaxis=False, hovertext=hovers, hoverinfo="text", marker={"color": colours}))
    if reference is not None and reference[0] is not None:
        fig.add_vline(x=reference[0], line={"color": INK, "width": 2, "dash": "dash"},
                      annotation_text=reference[1], annotation_position="top")
    layout(fig, title, lang, height=max(260, 40 + 28 * len(names)))
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_xaxes(title_text=x_title, rangemode="tozero")
    fig.update_layout(showlegend=False, margin={"r": 60})
    return finish(fig, demo_mark)


def heat_table(title: str, rows: list[str], columns: list[str], z: list[list[float | None]],
               texts: list[list[str]], lang: str, *, colour_title: str,
               hovers: list[list[str]] | None = None, reverse: bool = False,
               demo_mark: str | None = None) -> go.Figure:
    """Area × period table coloured by value, every cell labelled (hidden cells read "<5" or "..");
    `hovers` (same shape as `texts`) are the cells' hover texts (the labels when None). Column
    labels sit on top, horizontal; the demo band goes under the table."""
    fig = go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, text=texts, texttemplate="%{text}", hovertext=hovers or texts,
        hoverinfo="text", colorscale=HEAT_SCALE, reversescale=reverse, xgap=1, ygap=1,
        textfont={"size": 13}, hoverongaps=False,
        colorbar={"title": {"text": colour_title, "font": {"color": INK}}, "tickfont": {"color": INK}}))
    layout(fig, title, lang, height=max(260, 100 + 30 * len(rows)))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(type="category", showgrid=False, side="top", tickangle=0)
    fig.update_layout(margin={"t": 100})
    return finish(fig, demo_mark, at="bottom")


@dataclass
class ProfileRow:
    """One spine-chart row: positions on a common scale where the municipality is 0, the worst
    area −1 and the best +1 (computed by the view model), with finished texts."""
    label: str
    status_text: str
    status_colour: str
    low: float | None          # range of the areas (worst..best), None when unknown
    high: float | None
    q1: float | None
    q3: float | None
    area: float | None         # the chosen area's position, None when hidden or missing
    hover: str
    # comparison areas: legend name -> (position, clipped to the edge?), only where drawn
    comparisons: dict[str, tuple[float, bool]] = field(default_factory=dict)


def profile(title: str, rows: list[ProfileRow], lang: str, *, area_name: str,
            municipality_name: str, range_name: str, better: str, worse: str,
            demo_mark: str | None = None) -> go.Figure:
    """A spine chart: one row per indicator; grey bar = spread of the areas, darker = middle half,
    vertical line = the municipality, dot = the chosen area (right is better), status at the end;
    open diamonds = comparison areas (an open triangle at the edge when beyond the scale), one
    trace each in legend group COMPARISON_GROUP."""
    labels = [r.label for r in rows]
    fig = go.Figure()
    fig.add_trace(go.Bar(
        name=range_name, orientation="h", y=labels,
        x=[None if r.low is None else r.high - r.low for r in rows],
        base=[r.low for r in rows], marker={"color": "#E3E3E3"}, hoverinfo="skip"))
    fig.add_trace(go.Bar(
        name="q", orientation="h", y=labels, showlegend=False,
        x=[None if r.q1 is None else r.q3 - r.q1 for r in rows],
        base=[r.q1 for r in rows], marker={"color": "#B5B5B5"}, hoverinfo="skip"))
    fig.add_trace(go.Scatter(
        name=area_name, x=[r.area for r in rows], y=labels, mode="markers",
        marker={"size": 14, "color": [r.status_colour for r in rows], "symbol": "circle",
                "line": {"color": INK, "width": 1.5}},
        hovertext=[r.hover for r in rows], hoverinfo="text"))
    names = list(dict.fromkeys(name for r in rows for name in r.comparisons))
    for number, name in enumerate(names):
        colour, _ = COMPARISON_STYLES[number % len(COMPARISON_STYLES)]
        marks = [r.comparisons.get(name) for r in rows]
        symbols = ["diamond-open" if m is None or not m[1] else
                   ("triangle-right-open" if m[0] > 0 else "triangle-left-open") for m in marks]
        fig.add_trace(go.Scatter(
            name=name, x=[None if m is None else m[0] for m in marks], y=labels, mode="markers",
            legendgroup=COMPARISON_GROUP, hovertext=[r.hover for r in rows], hoverinfo="text",
            marker={"size": 11, "color": colour, "symbol": symbols, "line": {"width": 2}}))
    fig.add_trace(go.Scatter(
        name="status", x=[1.12] * len(rows), y=labels, mode="text", showlegend=False,
        text=[r.status_text for r in rows], textposition="middle right", hoverinfo="skip"))
    fig.add_vline(x=0, line={"color": INK, "width": 2})
    layout(fig, title, lang, height=max(300, 90 + 36 * len(rows)))
    fig.update_layout(barmode="overlay", margin={"r": 170, "l": 10})
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(range=[-1.1, 1.1], tickvals=[-1, 0, 1],
                     ticktext=[worse, municipality_name, better], showgrid=False)
    return finish(fig, demo_mark)


def police_list(title: str, years: list[str], counts: list[float | None], texts: list[str],
                hovers: list[str], patterns: list[str], lang: str, *, y_title: str,
                legend_note: str = "", demo_mark: str | None = None) -> go.Figure:
    """Areas on the police list, one bar per list; an inferred list is hatched, an unknown list
    has no bar and reads "okänd" (never drawn as zero)."""
    fig = go.Figure(go.Bar(
        name=y_title, x=years, y=counts, text=texts, textposition="outside", cliponaxis=False,
        hovertext=hovers, hoverinfo="text",
        marker={"color": SERIES, "line": {"color": SERIES, "width": 2},
                "pattern": {"shape": patterns, "fgcolor": SERIES, "bgcolor": "white",
                            "solidity": 0.45}}))
    for position, (count, text) in enumerate(zip(counts, texts)):
        if count is None:  # on a category axis a number-like "2017" would be read as an index
            fig.add_annotation(x=position, y=0, text=text, showarrow=False, yshift=12,
                               font={"color": MUTED})
    layout(fig, title, lang, height=330)
    fig.update_xaxes(type="category")
    fig.update_yaxes(title_text=y_title, rangemode="tozero", dtick=1)
    fig.update_layout(showlegend=False, margin={"b": 80})
    if legend_note:
        fig.add_annotation(text=legend_note, xref="paper", yref="paper", x=0, y=-0.22,
                           showarrow=False, xanchor="left", font={"size": 11, "color": MUTED})
    return finish(fig, demo_mark)
