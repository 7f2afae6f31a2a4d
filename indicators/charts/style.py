"""The charts' shared look: fonts, colours (colour-blind-safe, readable on white), the layout every
figure starts from, the x position of a time in years, and the demo mark inside the figure, so a
screenshot or an exported PNG keeps it.
"""
from __future__ import annotations

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
DEMO_BAND = "#FFF1E5"               # pale vermillion: the demo band behind dark text
DEMO_BORDER = statuses.COLOURS[statuses.MOVING_AWAY]
WATERMARK_PX = 30                   # the band's height with its gap: what the margin grows by
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


def year_ticks(years: list[int]) -> dict:
    """A time axis labelled once per year, each label over the middle of its year (where a year's
    value is drawn), with grid lines at the year boundaries: x-axis settings for update_xaxes."""
    return {"tickmode": "array", "tickvals": [year_date(y + 0.5) for y in years],
            "ticktext": [str(y) for y in years], "showgrid": False, "ticks": "",
            "minor": {"tickmode": "array", "tickvals": [year_date(float(y)) for y in years[1:]],
                      "showgrid": True, "gridcolor": GRID}}


def layout(fig: go.Figure, title: str, lang: str, *, height: int = 380) -> go.Figure:
    """The base look: title at the top left, fonts, separators of the language, white background."""
    fig.update_layout(
        title={"text": title, "x": 0, "xanchor": "left", "font": {"size": 16, "color": INK},
               "yref": "container", "y": 1, "yanchor": "top", "pad": {"t": 12}},
        font={"family": FONT, "color": INK, "size": 13}, separators=separators(lang),
        height=height, margin={"l": 10, "r": 10, "t": 60, "b": 40},
        plot_bgcolor="white", paper_bgcolor="white", hoverlabel={"font": {"family": FONT}},
        legend={"orientation": "h", "yanchor": "top", "y": -0.15, "x": 0},
    )
    fig.update_xaxes(gridcolor=GRID, linecolor=MUTED)
    fig.update_yaxes(gridcolor=GRID, linecolor=MUTED, zerolinecolor=GRID)
    return fig


def readable(fig: go.Figure) -> go.Figure:
    """Every axis's tick and title text and the legend in INK (16:1 on white), set on the figure
    itself: a chart theme (Streamlit's gives axis text #808495, 3.7:1) only fills what is unset."""
    text = {"color": INK, "family": FONT}
    fig.update_xaxes(tickfont=text, title_font=text)
    fig.update_yaxes(tickfont=text, title_font=text)
    fig.update_layout(legend_font=text, legend_title_font=text)
    return fig


def watermark(fig: go.Figure, text: str | None, *, at: str = "top") -> go.Figure:
    """Adds the demo mark ("EXEMPELDATA – fiktiva siffror") inside the figure as a labelled band:
    dark text (over 13:1) on a pale band with a vermillion border, just above the plot (`at="top"`,
    the top margin grows to hold it) or just below it (`at="bottom"`, for charts whose axis labels
    sit on top). Nothing happens when `text` is None (real data)."""
    if text:
        top = at == "top"
        fig.add_annotation(
            name=WATERMARK_NAME, text=text, xref="paper", yref="paper", x=0, xanchor="left",
            y=1 if top else 0, yanchor="bottom" if top else "top", yshift=6 if top else -6,
            showarrow=False, font={"size": 13, "color": INK, "family": FONT, "weight": "bold"},
            bgcolor=DEMO_BAND, bordercolor=DEMO_BORDER, borderwidth=1.5, borderpad=3)
        side = "t" if top else "b"
        fig.update_layout(margin={side: (fig.layout.margin[side] or 40) + WATERMARK_PX})
    return fig


def finish(fig: go.Figure, demo_mark: str | None, *, at: str = "top") -> go.Figure:
    """The last step of every builder: readable text and the demo band."""
    return watermark(readable(fig), demo_mark, at=at)
