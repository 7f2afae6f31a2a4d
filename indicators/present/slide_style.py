"""The look of slides, shared by the page, the PNGs and the PowerPoint: colours, sizes, lines.

Colours are Okabe–Ito hues (colour-blind safe) that keep at least 3:1 contrast on white (checked in
tests with status.contrast_ratio); text is near-black on white (over 15:1). Sizes are for a
1920×1080 screen seen from the back of a room: titles 56 px, axis text 24 px, lines 6 px.
"""
from __future__ import annotations

TEXT = "#111111"
MUTED = "#3D3D3D"          # 10:1 on white: secondary text stays readable on a projector
GRID = "#D0D0D0"
BACKGROUND = "#FFFFFF"
DEMO = "#B8460B"           # a darker vermillion: 4.9:1 on white, so the demo mark is legible text
PATH = "#5A5A5A"           # the straight path to the target: dark grey, dashed

# One colour per area line, in order (Okabe–Ito blue, vermillion, bluish green, reddish purple,
# then greys); every one is at least 3:1 on white.
SERIES = ("#0072B2", "#D55E00", "#009E73", "#CC79A7", "#5A5A5A", "#000000")

TITLE_PX = 56
KICKER_PX = 30
SUBTITLE_PX = 30
BODY_PX = 34
AXIS_PX = 24
LEGEND_PX = 24
FOOTER_PX = 22
LINE_PX = 6
MARKER_PX = 16
CHART_HEIGHT_PX = 600


def series_colour(i: int) -> str:
    return SERIES[i % len(SERIES)]
