"""The status vocabulary of measures (åtgärder): ids, words, symbols and colours.

A measure's status is what the analyst reported for a follow-up round; the product never infers
it (METHOD.md §5). Like the progress statuses (status.py) each is shown as a word first, a symbol
second and a colour only third. Colours are Okabe–Ito hues with at least 3:1 contrast on white
(a unit test checks it with status.contrast_ratio); planned and cancelled are greys, so neither
reads as good or bad.
"""
from __future__ import annotations

from indicators import i18n

PLANNED, ONGOING, DONE, DELAYED, CANCELLED = "planned", "ongoing", "done", "delayed", "cancelled"
STATUSES = (DONE, ONGOING, DELAYED, PLANNED, CANCELLED)   # the order of counts and legends

SYMBOLS = {DONE: "✓", ONGOING: "◐", DELAYED: "!", PLANNED: "○", CANCELLED: "✗"}
COLOURS = {
    DONE: "#009E73",       # Okabe–Ito bluish green
    ONGOING: "#0072B2",    # Okabe–Ito blue
    DELAYED: "#D55E00",    # Okabe–Ito vermillion
    PLANNED: "#767676",    # grey, 4.5:1 on white
    CANCELLED: "#5A5A5A",  # darker grey
}


def _check(status: str) -> None:
    if status not in STATUSES:
        raise ValueError(f"unknown measure status {status!r}; expected one of {STATUSES}")


def word(status: str, lang: str) -> str:
    """"Genomförd" / "Done"."""
    _check(status)
    return i18n.t(f"measures.status.{status}", lang)


def symbol(status: str) -> str:
    _check(status)
    return SYMBOLS[status]


def colour(status: str) -> str:
    _check(status)
    return COLOURS[status]


def label(status: str, lang: str) -> str:
    """Word first, symbol second: "Genomförd ✓"."""
    return f"{word(status, lang)} {symbol(status)}"
