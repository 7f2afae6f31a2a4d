"""Header row -> layout: which column is which, and whether the file is long or wide.

Headers match case-insensitively, with or without Swedish letters, in Swedish or English
(DATA.md section 2). Long format has a `period` and a `value` column; wide format has `indicator`
and `area` and then one column per period (`2021;2022;2023`). Columns the ingest does not know are
ignored, except in wide format, where a header that starts with a digit but is no period is a problem
(it was meant as a period; ignoring it would drop data silently).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from indicators import periods

ALIASES = {
    "indicator": ("indicator", "indikator", "indicator_id", "indikator_id"),
    "area": ("area", "område", "omrade", "area_id"),
    "period": ("period",),
    "value": ("value", "värde", "varde"),
    "numerator": ("numerator", "täljare"),
    "denominator": ("denominator", "nämnare"),
    "n": ("n", "antal_svarande", "sample_size"),
    "note": ("note", "kommentar"),
    "source": ("source", "källa", "kalla"),
}
REQUIRED = ("indicator", "area", "period", "value")
REQUIRED_WIDE = ("indicator", "area")
NUMBERS = ("value", "numerator", "denominator", "n")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def header_key(text: str) -> str:
    """The matching key of a header: lower case, å ä ö é -> a a o e, spaces and hyphens -> "_"."""
    decomposed = unicodedata.normalize("NFKD", str(text).replace("\ufeff", "").casefold())
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    return _NON_WORD.sub("_", plain).strip("_")


_CANONICAL = {header_key(alias): name for name, aliases in ALIASES.items() for alias in aliases}


def canonical(header: str) -> str | None:
    """The column a header names ("Område" -> "area"), or None for a column the ingest ignores."""
    return _CANONICAL.get(header_key(header))


@dataclass(frozen=True)
class HeaderProblem:
    column: int | None  # 0-based position in the header; None for the header as a whole
    key: str
    detail: dict


@dataclass
class Layout:
    header: list[str]
    wide: bool = False
    columns: dict[str, int] = field(default_factory=dict)  # canonical name -> position
    periods: list[tuple[int, periods.Period]] = field(default_factory=list)  # wide: position, period
    problems: list[HeaderProblem] = field(default_factory=list)


def layout_of(header: list[str]) -> Layout:
    """Which column is which in `header`, and the header's own problems."""
    layout = Layout(list(header))
    first_of: dict[str, int] = {}
    candidates: list[tuple[int, str]] = []
    for position, text in enumerate(header):
        text = (text or "").strip()
        name = canonical(text)
        if name is None:
            if text:
                candidates.append((position, text))
        elif name in first_of:
            layout.problems.append(HeaderProblem(
                position, "ingest.duplicate_column", {"first": header[first_of[name]].strip()}))
        else:
            first_of[name] = position
    layout.columns = first_of
    if "period" not in first_of and "value" not in first_of:
        _wide_periods(layout, candidates)
    required = REQUIRED_WIDE if layout.wide else REQUIRED
    missing = [name for name in required if name not in first_of]
    if missing:
        layout.problems.append(HeaderProblem(None, "ingest.missing_columns", {"missing": missing}))
    return layout


def _wide_periods(layout: Layout, candidates: list[tuple[int, str]]) -> None:
    found: dict[periods.Period, int] = {}
    bad: list[HeaderProblem] = []
    for position, text in candidates:
        period = periods.parse(text)
        if period is None:
            if text[:1].isdigit():
                bad.append(HeaderProblem(position, "ingest.bad_period", {"value": text}))
        elif period in found:
            bad.append(HeaderProblem(
                position, "ingest.duplicate_column", {"first": layout.header[found[period]].strip()}))
        else:
            found[period] = position
            layout.periods.append((position, period))
    if layout.periods:
        layout.wide = True
        layout.problems.extend(bad)
