"""Header row -> layout: which column is which, and whether the file is long or wide.

Headers match case-insensitively, with or without Swedish letters, in Swedish or English, and
without a parenthesised remark (`Antal (prel.)` reads as `antal`) (DATA.md §2 and §5). Long format
has a period and a value column; wide format has an area column and then one column per period
(`2021;2022;2023`, also `Per 100 000 inv. 2024`: a period inside the header's text). A file without
an indicator column gets the indicator the analyst names (Options.indicator), and a file without a
period column the period named (Options.period). Columns named in the options win over the
headers. A column the ingest does not use is listed as ignored, never dropped silently; a wide
header that starts with a digit but is no period is a problem (it was meant as one).
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from indicators import periods

from indicators.ingest.options import NONE, Options

ALIASES = {
    "indicator": ("indicator", "indikator", "indicator_id", "indikator_id"),
    "area": ("area", "område", "omrade", "area_id", "region", "kommun", "län", "lan", "kommunnamn",
             "region_kommun", "områdesnamn"),
    "period": ("period", "år", "ar", "tid", "månad", "manad", "kvartal", "halvår", "halvar", "termin",
               "year", "month", "quarter"),
    "value": ("value", "värde", "varde", "antal", "andel", "andel_procent", "procent",
              "per_100_000_inv", "per_100_000_invanare", "per_1_000_inv", "per_1_000_invanare",
              "per_10_000_inv", "index"),
    "numerator": ("numerator", "täljare"),
    "denominator": ("denominator", "nämnare"),
    "n": ("n", "antal_svarande", "sample_size"),
    "note": ("note", "kommentar"),
    "source": ("source", "källa", "kalla"),
}
_EXACT_VALUE = ("value", "varde")
REQUIRED = ("indicator", "area", "period", "value")
REQUIRED_WIDE = ("indicator", "area")
NUMBERS = ("value", "numerator", "denominator", "n")
_NON_WORD = re.compile(r"[^a-z0-9]+")


_REMARK = re.compile(r"\([^)]*\)")


def header_key(text: str) -> str:
    """The matching key of a header: lower case, å ä ö é -> a a o e, spaces and hyphens -> "_",
    without a parenthesised remark ("Antal (prel.)" -> "antal")."""
    text = _REMARK.sub(" ", str(text)) if "(" in str(text) and _REMARK.sub("", str(text)).strip() else text
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
    constants: dict[str, str] = field(default_factory=dict)  # "indicator"/"period" -> the text for every row
    periods: list[tuple[int, periods.Period]] = field(default_factory=list)  # wide: position, period
    ignored: list[int] = field(default_factory=list)  # positions of columns the ingest does not use
    problems: list[HeaderProblem] = field(default_factory=list)


def layout_of(header: list[str], options: Options = NONE) -> Layout:
    """Which column is which in `header` under the analyst's `options`, and the header's problems."""
    layout = Layout(list(header))
    named = {"area": options.area_column, "period": options.period_column, "value": options.value_column}
    first_of: dict[str, int] = {}
    for role, wanted in named.items():
        if wanted:
            position = _position_of(header, wanted)
            if position is None:
                layout.problems.append(HeaderProblem(None, "ingest.no_such_column", {
                    "value": wanted, "columns": ", ".join(f"”{h.strip()}”" for h in header if h and h.strip())}))
            else:
                first_of[role] = position
    candidates: list[tuple[int, str]] = []
    values: list[int] = []
    for position, text in enumerate(header):
        text = (text or "").strip()
        if position in first_of.values():
            continue
        name = canonical(text)
        if name == "value" and "value" not in first_of:
            values.append(position)
        elif name is None or name in first_of and name in named and named[name]:
            if text:
                candidates.append((position, text))
            else:
                layout.ignored.append(position)
        elif name in first_of:
            layout.problems.append(HeaderProblem(
                position, "ingest.duplicate_column", {"first": header[first_of[name]].strip()}))
        else:
            first_of[name] = position
    exact = [p for p in values if header_key(header[p]) in _EXACT_VALUE]
    if exact:  # `värde` itself: other value-like columns (antal, andel) are ignored, a second `värde` is a problem
        first_of["value"] = exact[0]
        layout.problems.extend(HeaderProblem(p, "ingest.duplicate_column", {"first": header[exact[0]].strip()})
                               for p in exact[1:])
        layout.ignored.extend(p for p in values if p not in exact)
    elif len(values) == 1:
        first_of["value"] = values[0]
    elif values:
        layout.problems.append(HeaderProblem(None, "ingest.choose_value_column", {
            "columns": ", ".join(f"”{header[p].strip()}”" for p in values)}))
    if options.indicator and "indicator" not in first_of:
        layout.constants["indicator"] = options.indicator
    if options.period and "period" not in first_of:
        layout.constants["period"] = options.period
    if "area" not in first_of and layout.constants.get("indicator") and header and not (header[0] or "").strip():
        first_of["area"] = 0  # an export's unnamed first column holds the regions
        if 0 in layout.ignored:
            layout.ignored.remove(0)
    layout.columns = first_of
    if "period" not in first_of and "period" not in layout.constants and "value" not in first_of:
        candidates = _wide_periods(layout, candidates)
    layout.ignored.extend(position for position, _ in candidates)
    layout.ignored.sort()
    required = REQUIRED_WIDE if layout.wide else REQUIRED
    missing = [name for name in required if name not in first_of and name not in layout.constants]
    if missing and not any(p.key == "ingest.choose_value_column" for p in layout.problems):
        layout.problems.append(HeaderProblem(None, "ingest.missing_columns", {"missing": missing}))
    return layout


def _position_of(header: list[str], wanted: str) -> int | None:
    """The column an analyst named: as written, or by its matching key, or by its number (1 = first)."""
    for match in (lambda h: (h or "").strip() == wanted.strip(),
                  lambda h: header_key(h or "") == header_key(wanted)):
        found = [n for n, h in enumerate(header) if match(h)]
        if found:
            return found[0]
    return None


def _wide_periods(layout: Layout, candidates: list[tuple[int, str]]) -> list[tuple[int, str]]:
    """Marks the candidates that are periods (wide layout); returns the rest."""
    found: dict[periods.Period, int] = {}
    bad: list[HeaderProblem] = []
    rest = []
    for position, text in candidates:
        period = periods.parse(text) or periods.find_in(text)
        if period is None:
            reason = periods.not_a_period_because(text)
            if text[:1].isdigit():
                bad.append(HeaderProblem(position, f"ingest.{reason}" if reason else "ingest.bad_period",
                                         {"value": text}))
            else:
                rest.append((position, text))
        elif period in found:
            bad.append(HeaderProblem(
                position, "ingest.duplicate_column", {"first": layout.header[found[period]].strip()}))
        else:
            found[period] = position
            layout.periods.append((position, period))
    if layout.periods:
        layout.wide = True
        layout.problems.extend(bad)
        return rest
    return candidates
