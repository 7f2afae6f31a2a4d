"""Plotly figure builders: data and ready-made texts in, a Figure out. No Streamlit, no SQL, no
arithmetic on the numbers beyond placing them: values arrive disclosure-controlled and every hover
text arrives as a finished string (built from disclosure labels, so a hidden cell never shows its
value). One function per chart kind; `watermark` puts the demo mark inside the figure, so a
screenshot or an exported PNG keeps it.
"""
from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from datetime import date, timedelta

import plotly.graph_objects as go

from indicators.method import status as statuses

FONT = "Source Sans Pro, Arial, sans-serif"
INK = "#1F1F1F"
MUTED = "#5A5A5A"
GRID = "#E5E5E5"
SERIES = statuses.COLOURS[statuses.ACHIEVED]  # Okabe–Ito blue: the observed line
PATH = "#000000"
PROJECTION = statuses.COLOURS[statuses.TOO_SLOW]
TARGET = statuses.COLOURS[statuses.ON_TRACK]
BAR = "#8FA8BF"
HIGHLIGHT = statuses.COLOURS[statuses.MOVING_AWAY]
WATERMARK_NAME = "demo_watermark"
NOTE_NAME = "chart_note"
MEASURE_GROUP = "measures"          # legendgroup of the linked measures' bands and strips
EVENT_GROUP = "events"              # legendgroup of the event markers
BAND_FILL = "rgba(0, 114, 178, 0.08)"   # Okabe–Ito blue, faint: a period, not a value
EVENT_SYMBOLS = {"intervention": "triangle-up", "method_change": "square", "series_break": "x-thin-open",
                 "list_change": "diamond", "other": "circle"}
COMPARISON_GROUP = "comparison"     # legendgroup of the comparison areas' reference lines
# Comparison areas are context, not data of the municipality: thin grey lines, each with its own
# dash so they can be told apart without colour (greys keep >= 3:1 contrast on white).
COMPARISON_STYLES = [("#5A5A5A", "longdash"), ("#767676", "dashdot"), ("#5A5A5A", "dot"),
                     ("#767676", "longdashdot")]
# Colour-blind-safe sequential scale (light to dark blue): reads in greyscale too.
HEAT_SCALE = [[0.0, "#F7FBFF"], [0.5, "#6BAED6"], [1.0, "#08306B"]]


def separators(lang: str) -> str:
    """Plotly's decimal and thousands separators: "1 234,5" in Swedish, "1,234.5" in English."""
    return ",\u00a0" if lang == "sv" else ".,"


def year_date(t: float) -> date:
    """A time in years (2024.5) as a date on the x axis (2024-07-02); period ends are dates."""
    year = int(t)
    return date(year, 1, 1) + timedelta(days=round((t - year) * 365.25))


def _layout(fig: go.Figure, title: str, lang: str, *, height: int = 380) -> go.Figure:
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16}},
        font={"family": FONT, "color": INK, "size": 13}, separators=separators(lang),
        height=height, margin={"l": 10, "r": 10, "t": 60, "b": 40},
        plot_bgcolor="white", paper_bgcolor="white", hoverlabel={"font": {"family": FONT}},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
    )
    fig.update_xaxes(gridcolor=GRID, linecolor=MUTED)
    fig.update_yaxes(gridcolor=GRID, linecolor=MUTED, zerolinecolor=GRID)
    return fig


def watermark(fig: go.Figure, text: str | None) -> go.Figure:
    """Adds the demo mark ("EXEMPELDATA – fiktiva siffror") across the plot, inside the figure.
    Nothing happens when `text` is None (real data)."""
    if text:
        fig.add_annotation(
            name=WATERMARK_NAME, text=text, xref="paper", yref="paper", x=0.5, y=0.5,
            showarrow=False, textangle=-12, opacity=0.35,
            font={"size": 26, "color": statuses.COLOURS[statuses.MOVING_AWAY], "family": FONT},
            bgcolor="rgba(255,255,255,0.4)")
    return fig


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
    x: list[date] = field(default_factory=list)          # period ends of the assessed series
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
    path: tuple[tuple[date, float], tuple[date, float]] | None = None
    path_name: str = ""
    projection: tuple[tuple[date, float], tuple[date, float]] | None = None
    projection_name: str = ""
    x_range: tuple[date, date] | None = None
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
        (x0, y0), (x1, y1) = data.path
        fig.add_trace(go.Scatter(
            name=data.path_name, x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
            line={"color": PATH, "width": 1.5, "dash": "dash"}))
    if data.projection:
        (x0, y0), (x1, y1) = data.projection
        fig.add_trace(go.Scatter(
            name=data.projection_name, x=[x0, x1], y=[y0, y1], mode="lines", hoverinfo="skip",
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
    _layout(fig, data.title, lang, height=420)
    fig.update_yaxes(title_text=data.y_title, rangemode="tozero")
    if data.period_x:
        top = max((v for v in data.period_y if v is not None), default=1.0) or 1.0
        fig.update_layout(yaxis2={"title": {"text": data.period_axis_title}, "overlaying": "y",
                                  "side": "right", "showgrid": False, "range": [0, top * 3],
                                  "tickmode": "auto", "nticks": 4})
    if data.x_range:
        fig.update_xaxes(range=list(data.x_range))
    if data.note:  # under the title, above the plot: the legend below has no fixed height
        fig.add_annotation(name=NOTE_NAME, text="<br>".join(textwrap.wrap(data.note, 110)),
                           xref="paper", yref="paper", x=0, y=1.02, xanchor="left",
                           yanchor="bottom", showarrow=False, align="left",
                           font={"size": 11, "color": MUTED})
        fig.update_layout(margin={"t": 60 + 16 * len(textwrap.wrap(data.note, 110))})
    return watermark(fig, demo_mark)


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
    _layout(fig, title, lang, height=max(260, 40 + 28 * len(names)))
    fig.update_yaxes(autorange="reversed", title_text=None)
    fig.update_xaxes(title_text=x_title, rangemode="tozero")
    fig.update_layout(showlegend=False, margin={"r": 60})
    return watermark(fig, demo_mark)


def heat_table(title: str, rows: list[str], columns: list[str], z: list[list[float | None]],
               texts: list[list[str]], lang: str, *, colour_title: str,
               reverse: bool = False, demo_mark: str | None = None) -> go.Figure:
    """Area × period table coloured by value, every cell labelled (hidden cells read "<5" or "..")."""
    fig = go.Figure(go.Heatmap(
        z=z, x=columns, y=rows, text=texts, texttemplate="%{text}", hovertext=texts,
        hoverinfo="text", colorscale=HEAT_SCALE, reversescale=reverse, xgap=1, ygap=1,
        colorbar={"title": {"text": colour_title}}, hoverongaps=False))
    _layout(fig, title, lang, height=max(260, 80 + 30 * len(rows)))
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(type="category", showgrid=False, side="top", tickangle=-45 if len(columns) > 12 else 0)
    fig.update_layout(margin={"t": 110})
    return watermark(fig, demo_mark)


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
    _layout(fig, title, lang, height=max(300, 90 + 36 * len(rows)))
    fig.update_layout(barmode="overlay", margin={"r": 170, "l": 10})
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(range=[-1.1, 1.1], tickvals=[-1, 0, 1],
                     ticktext=[worse, municipality_name, better], showgrid=False)
    return watermark(fig, demo_mark)


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
    _layout(fig, title, lang, height=330)
    fig.update_xaxes(type="category")
    fig.update_yaxes(title_text=y_title, rangemode="tozero", dtick=1)
    fig.update_layout(showlegend=False, margin={"b": 80})
    if legend_note:
        fig.add_annotation(text=legend_note, xref="paper", yref="paper", x=0, y=-0.22,
                           showarrow=False, xanchor="left", font={"size": 11, "color": MUTED})
    return watermark(fig, demo_mark)
