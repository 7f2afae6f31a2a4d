"""The trend chart toward 2027: the observed (rolling-year) series with intervals, native-grain
bars, comparison areas' reference lines, baseline, target, the straight path and the projection,
linked measures' periods as bands and events as markers. Data and ready-made texts in, a Figure out.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date

import plotly.graph_objects as go

from indicators.charts.style import (BAND_FILL, COMPARISON_GROUP, COMPARISON_STYLES, EVENT_GROUP,
                                     EVENT_SYMBOLS, INK, MEASURE_GROUP, MUTED, NOTE_NAME, PATH,
                                     PROJECTION, SERIES, TARGET, WATERMARK_PX, finish,
                                     layout, year_ticks)


@dataclass
class ReferenceLine:
    """A comparison area's series drawn beside the area's own (riket, län, ...): context only."""
    area_id: str
    name: str                      # legend text ("Riket (jämförelse)")
    x: list[date]
    y: list[float | None]
    hover: list[str]


@dataclass
class MeasureBand:
    """A linked measure's period: a faint band across the plot from start to end, and a strip at
    the top whose hover text names the measure (a band itself has no hover in plotly)."""
    measure_id: str
    start: date
    end: date                      # the measure's end, or the chart's right edge when it has none
    hover: str                     # finished text: title, owner, period, status


@dataclass
class EventMark:
    """An event on the chart: a dotted vertical line and a marker at the bottom with its hover."""
    day: date
    kind: str                      # intervention | method_change | series_break | list_change | other
    hover: str


@dataclass
class TrajectoryData:
    """Everything a trend chart draws; values are disclosure-controlled, hovers are texts."""
    title: str
    y_title: str
    x: list[date] = field(default_factory=list)          # middles of the assessed series' (last) periods
    y: list[float | None] = field(default_factory=list)
    hover: list[str] = field(default_factory=list)
    series_name: str = ""
    lower: list[float | None] | None = None               # interval limits, same length as y
    upper: list[float | None] | None = None
    interval_name: str = ""
    period_x: list[date] = field(default_factory=list)   # native-grain values (bars), optional
    period_y: list[float | None] = field(default_factory=list)
    period_hover: list[str] = field(default_factory=list)
    period_name: str = ""
    period_axis_title: str = ""
    baseline: tuple[date, float, str] | None = None       # (x, y, label)
    target: tuple[date, float, str] | None = None
    path: tuple[tuple[date, float], ...] | None = None    # (x, y) points of the straight path
    path_name: str = ""
    projection: tuple[tuple[date, float], ...] | None = None  # (x, y): 2 points, 3 when bent at 0
    projection_name: str = ""
    x_range: tuple[date, date] | None = None
    tick_years: list[int] = field(default_factory=list)  # one label per year, over its middle
    references: list[ReferenceLine] = field(default_factory=list)  # comparison areas
    note: str = ""                                        # shown under the chart (e.g. why no comparison)
    bands: list[MeasureBand] = field(default_factory=list)   # linked measures' periods
    events: list[EventMark] = field(default_factory=list)
    breaks: list[tuple[date, str]] = field(default_factory=list)  # series breaks: (day, label)
    band_name: str = ""                                   # legend texts of the strips and the events
    event_name: str = ""


def split_at(breaks: list[tuple[date, str]], x: list, *columns: list) -> tuple[list, ...]:
    """The series with a gap point (value None, hover = the break's label) at each break that falls
    between two points, so a line drawn with connectgaps=False stops there and starts again.
    `columns` are y and its companions (hover, lower, upper), same length as x; the first column
    after y that holds texts (hover) gets the label, others get None."""
    out_x, outs = list(x), [list(c) if c is not None else None for c in columns]
    for day, label in sorted(breaks):
        position = next((i for i, when in enumerate(out_x) if when > day), None)
        if position is None or position == 0:
            continue
        out_x.insert(position, day)
        for number, column in enumerate(outs):
            if column is not None:
                column.insert(position, label if number == 1 else None)
    return (out_x, *outs)


def _follow_up(fig: go.Figure, data: "TrajectoryData") -> None:
    """Linked measures' bands (shapes, named measure:<id>) with hoverable strips on a hidden axis
    y3 (0..1) at the top, and events as dotted lines (shapes, named event:<kind>) with markers at
    the bottom; each drawn in its legend group."""
    if not data.bands and not data.events:
        return
    for number, band in enumerate(data.bands):
        fig.add_shape(type="rect", name=f"measure:{band.measure_id}", x0=band.start, x1=band.end,
                      xref="x", yref="paper", y0=0, y1=1, fillcolor=BAND_FILL, line={"width": 0},
                      layer="below")
        level = 0.97 - 0.05 * (number % 8)
        fig.add_trace(go.Scatter(
            name=data.band_name, x=[band.start, band.end], y=[level, level], yaxis="y3",
            mode="lines+markers", line={"color": SERIES, "width": 4}, marker={"size": 7, "symbol": "line-ns-open"},
            hovertext=[band.hover, band.hover], hoverinfo="text", legendgroup=MEASURE_GROUP,
            showlegend=number == 0, meta={"measure_id": band.measure_id}))
    for mark in data.events:
        fig.add_shape(type="line", name=f"event:{mark.kind}", x0=mark.day, x1=mark.day, xref="x",
                      yref="paper", y0=0, y1=1, line={"color": MUTED, "width": 1.5, "dash": "dot"},
                      layer="below")
    if data.events:
        fig.add_trace(go.Scatter(
            name=data.event_name, x=[m.day for m in data.events], y=[0.03] * len(data.events), yaxis="y3",
            mode="markers", hovertext=[m.hover for m in data.events], hoverinfo="text",
            legendgroup=EVENT_GROUP, meta={"kinds": [m.kind for m in data.events]},
            marker={"size": 12, "color": INK, "symbol": [EVENT_SYMBOLS.get(m.kind, "circle") for m in data.events],
                    "line": {"color": INK, "width": 2}}))
    fig.update_layout(yaxis3={"overlaying": "y", "range": [0, 1], "visible": False, "fixedrange": True})


def trajectory(data: TrajectoryData, lang: str, *, demo_mark: str | None = None) -> go.Figure:
    """Trend toward 2027: observed (rolling-year) values with intervals, native-grain values as
    light bars on a second axis, the comparison areas' reference lines (legend group
    COMPARISON_GROUP), the baseline, the target at 2027, the straight path and the dotted
    projection; linked measures' periods as bands and events as markers (`_follow_up`); the
    observed line is broken at each series break; `data.note` is written under the chart."""
    fig = go.Figure()
    x, y, hover, lower, upper = data.x, data.y, data.hover, data.lower, data.upper
    if data.breaks:
        x, y, hover, lower, upper = split_at(data.breaks, x, y, hover, lower, upper)
    if data.period_x:
        fig.add_trace(go.Bar(
            name=data.period_name, x=data.period_x, y=data.period_y, hovertext=data.period_hover,
            hoverinfo="text", marker={"color": "#C9D6E3"}, yaxis="y2", opacity=0.8))
    error = None
    if lower is not None and upper is not None:
        plus = [None if u is None or v is None else u - v for v, u in zip(y, upper)]
        minus = [None if lo is None or v is None else v - lo for v, lo in zip(y, lower)]
        error = {"type": "data", "array": plus, "arrayminus": minus, "color": MUTED,
                 "thickness": 1, "width": 3}
    fig.add_trace(go.Scatter(
        name=data.series_name, x=x, y=y, mode="lines+markers", hovertext=hover,
        hoverinfo="text", line={"color": SERIES, "width": 3}, marker={"size": 6},
        error_y=error, connectgaps=False))
    for number, line in enumerate(data.references):
        colour, dash = COMPARISON_STYLES[number % len(COMPARISON_STYLES)]
        fig.add_trace(go.Scatter(
            name=line.name, x=line.x, y=line.y, mode="lines", hovertext=line.hover,
            hoverinfo="text", legendgroup=COMPARISON_GROUP, meta={"area_id": line.area_id},
            line={"color": colour, "width": 1.5, "dash": dash}, connectgaps=False))
    if data.path:
        fig.add_trace(go.Scatter(
            name=data.path_name, x=[x for x, _ in data.path], y=[y for _, y in data.path],
            mode="lines", hoverinfo="skip",
            line={"color": PATH, "width": 1.5, "dash": "dash"}))
    if data.projection:
        fig.add_trace(go.Scatter(
            name=data.projection_name, x=[x for x, _ in data.projection],
            y=[y for _, y in data.projection], mode="lines", hoverinfo="skip",
            line={"color": PROJECTION, "width": 2.5, "dash": "dot"}))
    if data.baseline:
        bx, by, label = data.baseline
        fig.add_trace(go.Scatter(
            name=label, x=[bx], y=[by], mode="markers+text", text=[label], textposition="top left",
            hovertext=[label], hoverinfo="text",
            marker={"symbol": "diamond", "size": 12, "color": INK}))
    if data.target:
        tx, ty, label = data.target
        fig.add_trace(go.Scatter(
            name=label, x=[tx], y=[ty], mode="markers+text", text=[label], textposition="top left",
            hovertext=[label], hoverinfo="text",
            marker={"symbol": "star", "size": 16, "color": TARGET, "line": {"color": INK, "width": 1}}))
    _follow_up(fig, data)
    layout(fig, data.title, lang, height=420)
    fig.update_yaxes(title_text=data.y_title, rangemode="tozero")
    if data.period_x:
        top = max((v for v in data.period_y if v is not None), default=1.0) or 1.0
        fig.update_layout(yaxis2={"title": {"text": data.period_axis_title}, "overlaying": "y",
                                  "side": "right", "showgrid": False, "range": [0, top * 3],
                                  "tickmode": "auto", "nticks": 4})
    if data.x_range:
        fig.update_xaxes(range=list(data.x_range))
    if data.tick_years:
        fig.update_xaxes(**year_ticks(data.tick_years))
    if data.note:  # under the title, above the plot: the legend below has no fixed height
        fig.add_annotation(name=NOTE_NAME, text="<br>".join(textwrap.wrap(data.note, 110)),
                           xref="paper", yref="paper", x=0, y=1.02, xanchor="left",
                           yanchor="bottom", showarrow=False, align="left",
                           yshift=WATERMARK_PX if demo_mark else 0,
                           font={"size": 11, "color": MUTED})
        fig.update_layout(margin={"t": 60 + 16 * len(textwrap.wrap(data.note, 110))})
    return finish(fig, demo_mark)

