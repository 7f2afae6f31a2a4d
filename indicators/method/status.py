"""The status vocabulary: ids, symbols, colours and words for the progress statuses.

Every status is shown three ways: a word (from `locales/*/method.toml`), a symbol, and a colour as
the third cue only. The colours are the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
Design"), chosen so that each one keeps at least 3:1 contrast against a white background (WCAG 2.x
non-text contrast); `contrast_ratio` is the check and a unit test enforces it.
"""
from __future__ import annotations

from indicators import i18n

ACHIEVED = "achieved"
ON_TRACK = "on_track"
TOO_SLOW = "too_slow"
MOVING_AWAY = "moving_away"
NOT_ASSESSABLE = "not_assessable"
NO_JUDGEMENT = "no_judgement"

# In the order a legend lists them: best first, then the two that are not a judgement.
STATUSES = (ACHIEVED, ON_TRACK, TOO_SLOW, MOVING_AWAY, NOT_ASSESSABLE, NO_JUDGEMENT)

WHITE = "#FFFFFF"

# Okabe–Ito hues; the lighter ones (orange #E69F00, sky blue #56B4E9, yellow #F0E442) fall below
# 3:1 on white and are not used. Reddish purple for "too slow" and vermillion for "moving away" stay
# apart for red-green colour blindness (purple keeps its blue part, vermillion does not).
# The two neutral statuses are greys, so polarity "none" never looks red or green.
COLOURS = {
    ACHIEVED: "#0072B2",  # Okabe–Ito blue
    ON_TRACK: "#009E73",  # Okabe–Ito bluish green
    TOO_SLOW: "#CC79A7",  # Okabe–Ito reddish purple
    MOVING_AWAY: "#D55E00",  # Okabe–Ito vermillion
    NOT_ASSESSABLE: "#767676",  # grey, 4.5:1 on white
    NO_JUDGEMENT: "#5A5A5A",  # darker grey
}

_SYMBOLS = {
    ACHIEVED: "✓",
    TOO_SLOW: "→",
    MOVING_AWAY: "✗",
    NOT_ASSESSABLE: "?",
    NO_JUDGEMENT: "–",
}


def _check(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown status {status!r}; expected one of {STATUSES}")


def symbol(status: str, polarity: str = "higher") -> str:
    """The status symbol. "On track" points in the good direction: ↗ when higher is better,
    ↘ when lower is better."""
    _check(status)
    if status == ON_TRACK:
        return "↘" if polarity == "lower" else "↗"
    return _SYMBOLS[status]


def colour(status: str) -> str:
    """The status colour as "#RRGGBB" (the third cue, after word and symbol)."""
    _check(status)
    return COLOURS[status]


def word(status: str, lang: str) -> str:
    """The status word: "I fas" / "On track"."""
    _check(status)
    return i18n.t(f"method.status.{status}", lang)


def badge(status: str, polarity: str, lang: str) -> str:
    """Symbol and word together, the way a status is shown in tables and tiles: "↘ I fas"."""
    return f"{symbol(status, polarity)} {word(status, lang)}"


def _linear(channel: int) -> float:
    c = channel / 255
    return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4


def relative_luminance(hex_colour: str) -> float:
    """WCAG 2.x relative luminance of "#RRGGBB" (0 for black, 1 for white)."""
    text = hex_colour.lstrip("#")
    if len(text) == 3:
        text = "".join(c * 2 for c in text)
    if len(text) != 6:
        raise ValueError(f"not a #RRGGBB colour: {hex_colour!r}")
    r, g, b = (int(text[i : i + 2], 16) for i in (0, 2, 4))
    return 0.2126 * _linear(r) + 0.7152 * _linear(g) + 0.0722 * _linear(b)


def contrast_ratio(a: str, b: str = WHITE) -> float:
    """WCAG 2.x contrast ratio between two colours, from 1 (same) to 21 (black on white)."""
    la, lb = relative_luminance(a), relative_luminance(b)
    hi, lo = max(la, lb), min(la, lb)
    return (hi + 0.05) / (lo + 0.05)
