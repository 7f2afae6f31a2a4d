"""Periods: parse the forms analysts write (2024, 2024H1, 2024 kv 2, 2024-05-17 ...) and normalise them.

A period is a year, a half-year, a quarter or a month. Its normalised text is `2024`, `2024-H1`,
`2024-Q2` or `2024-05`; a date means its month.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime

MIN_YEAR, MAX_YEAR = 1900, 2199


@dataclass(frozen=True)
class Grain:
    """One grain of time: how many parts a year has and how its periods are written.

    The normalised text of a period is `{year}` for a whole year, else `{year}-{marker}{index}`
    with the index written in `digits` digits: `2024-H1`, `2024-Q2`, `2024-05`. Every module asks
    this table (catalog validation, ingest, progress, the store's SQL), so a new grain is one entry.
    """

    name: str
    parts: int        # periods per year
    marker: str       # letter before the index in the normalised text ("" for year and month)
    digits: int       # digits of the index in the normalised text (0 for a year)
    example: str      # a period of this grain as analysts should write it, for messages

    def text(self, year: int, index: int) -> str:
        return f"{year}" if self.parts == 1 else f"{year}-{self.marker}{index:0{self.digits}d}"

    @property
    def pattern(self) -> re.Pattern[str]:
        """The normalised text of this grain's periods."""
        if self.parts == 1:
            return re.compile(r"\d{4}")
        return re.compile(rf"\d{{4}}-{self.marker}\d{{{self.digits}}}")


GRAIN_TABLE = (
    Grain("year", 1, "", 0, "2024"),
    Grain("half", 2, "H", 1, "2024-H1"),
    Grain("quarter", 4, "Q", 1, "2024-Q2"),
    Grain("month", 12, "", 2, "2024-05"),
)
GRAINS = tuple(g.name for g in GRAIN_TABLE)                 # coarse first
PARTS = {g.name: g.parts for g in GRAIN_TABLE}
EXAMPLES = {g.name: g.example for g in GRAIN_TABLE}
_BY_NAME = {g.name: g for g in GRAIN_TABLE}


def grain(name: str) -> Grain:
    """The grain called `name`; KeyError for an unknown one."""
    return _BY_NAME[name]


def grain_of(text: str) -> str | None:
    """The grain of a NORMALISED period text ("2023" -> "year", "2023-Q2" -> "quarter"), or None."""
    found = parse_normalised(str(text))
    return found.grain if found else None


def parse_normalised(text: str) -> Period | None:
    """The period of a normalised text (`2024`, `2024-H1`, `2024-Q2`, `2024-05`) only, or None."""
    for g in GRAIN_TABLE:
        if g.pattern.fullmatch(text):
            year = int(text[:4])
            index = int(text[5 + len(g.marker):]) if g.parts > 1 else 1
            if 1 <= index <= g.parts and MIN_YEAR <= year <= MAX_YEAR:
                return Period(year, g.name, index)
    return None


def grain_sql(period: str) -> str:
    """SQL twin of `Period.grain` for a normalised period text (a test checks it against Python)."""
    part = f"split_part({period}, '-', 2)"
    cases = " ".join(f"WHEN {part}[1] = '{g.marker}' THEN '{g.name}'" for g in GRAIN_TABLE if g.marker)
    plain = {g.digits: g.name for g in GRAIN_TABLE if not g.marker}
    return (f"(CASE WHEN {part} = '' THEN '{plain[0]}' {cases}"
            f" ELSE '{next(n for d, n in plain.items() if d)}' END)")


def start_sql(period: str) -> str:
    """SQL twin of `Period.start` (a DATE) for a normalised period text."""
    part = f"split_part({period}, '-', 2)"
    cases = " ".join(f"WHEN {part}[1] = '{g.marker}' THEN ({part}[2:]::INTEGER - 1) * {12 // g.parts} + 1"
                     for g in GRAIN_TABLE if g.marker)
    return (f"make_date(split_part({period}, '-', 1)::INTEGER,"
            f" CASE WHEN {part} = '' THEN 1 {cases} ELSE {part}::INTEGER END, 1)")


@dataclass(frozen=True, order=True)
class Period:
    """One period; `index` is 1 for a year, 1–2 for a half, 1–4 for a quarter, 1–12 for a month."""

    year: int
    grain: str
    index: int = 1

    def __post_init__(self) -> None:
        if self.grain not in PARTS:
            raise ValueError(f"unknown grain {self.grain!r}")
        if not 1 <= self.index <= PARTS[self.grain]:
            raise ValueError(f"index {self.index} out of range for grain {self.grain!r}")

    @property
    def text(self) -> str:
        return _BY_NAME[self.grain].text(self.year, self.index)

    @property
    def _months(self) -> int:
        return 12 // PARTS[self.grain]

    @property
    def start(self) -> date:
        """The first day of the period."""
        return date(self.year, (self.index - 1) * self._months + 1, 1)

    @property
    def end(self) -> date:
        """The first day after the period."""
        return self.next().start

    def years(self) -> float:
        """Time in years at the END of the period: 2024 -> 2025.0, 2024-Q2 -> 2024.5."""
        return self.year + self.index / PARTS[self.grain]

    def next(self) -> Period:
        if self.index < PARTS[self.grain]:
            return Period(self.year, self.grain, self.index + 1)
        return Period(self.year + 1, self.grain, 1)

    def previous(self) -> Period:
        if self.index > 1:
            return Period(self.year, self.grain, self.index - 1)
        return Period(self.year - 1, self.grain, PARTS[self.grain])

    def __str__(self) -> str:
        return self.text


_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        [
            ("januari", "january", "jan"),
            ("februari", "february", "feb"),
            ("mars", "march", "mar"),
            ("april", "apr"),
            ("maj", "may"),
            ("juni", "june", "jun"),
            ("juli", "july", "jul"),
            ("augusti", "august", "aug"),
            ("september", "sept", "sep"),
            ("oktober", "october", "okt", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ],
        start=1,
    )
    for name in names
}

# Words for the part of a year, after normalisation (lower case, å/ä -> a).
_HALF = r"(?:h|hy|halvar|halvaret|halvår|halvåret|half|halfyear|half-year)"
_QUARTER = r"(?:q|k|kv|kvartal|kvartalet|quarter)"
_SEP = r"[\s\-_/.:]*"
_YEAR = r"(?P<year>\d{4})"

# Terms (school half-years): VT, vårtermin = H1; HT, hösttermin = H2; `ht23` is 2023-H2.
_TERM = r"(?P<term>vt|ht|vartermin|varterminen|hosttermin|hostterminen)"
_TERM_INDEX = {"vt": 1, "vartermin": 1, "varterminen": 1, "ht": 2, "hosttermin": 2, "hostterminen": 2}

_FORMS: list[tuple[re.Pattern[str], str]] = [
    (re.compile(rf"{_YEAR}"), "year"),
    (re.compile(rf"{_TERM}{_SEP}(?P<year>\d{{4}}|\d{{2}})"), "half"),
    (re.compile(rf"{_YEAR}{_SEP}{_TERM}"), "half"),
    (re.compile(rf"{_YEAR}{_SEP}{_HALF}{_SEP}(?P<index>\d)"), "half"),
    (re.compile(rf"{_HALF}{_SEP}(?P<index>\d){_SEP}{_YEAR}"), "half"),
    (re.compile(rf"{_YEAR}{_SEP}{_QUARTER}{_SEP}(?P<index>\d)"), "quarter"),
    (re.compile(rf"{_QUARTER}{_SEP}(?P<index>\d){_SEP}{_YEAR}"), "quarter"),
    (re.compile(rf"{_YEAR}(?:-|/|\s*m\s*)(?P<index>\d{{1,2}})"), "month"),
    (re.compile(rf"{_YEAR}-(?P<index>\d{{1,2}})-(?P<day>\d{{1,2}})(?:[t\s]\d{{1,2}}:\d{{2}}(?::\d{{2}}(?:\.\d+)?)?)?"), "month"),
    (re.compile(rf"{_YEAR}(?P<index>\d{{2}})(?P<day>\d{{2}})"), "month"),
    (re.compile(rf"(?P<name>[a-z]+)\.?\s*{_YEAR}"), "month"),
    (re.compile(rf"{_YEAR}\s*(?P<name>[a-z]+)\.?"), "month"),
]


def parse(text: str | int | date | None) -> Period | None:
    """The period `text` means, or None when it is not a period.

    Accepts `2024` · `2024H1`, `2024-H1`, `2024 halvår 1`, `H1 2024` · `2024-Q2`, `2024Q2`, `2024K2`,
    `2024 kv 2`, `2024 kvartal 2`, `Q2 2024` · `2024-05`, `2024M05`, `2024-05-17` (a date means its
    month), `maj 2024`. Case and surrounding spaces do not matter. A `date` means its month; an int its year.
    """
    if isinstance(text, datetime):
        text = text.date()
    if isinstance(text, date):
        return Period(text.year, "month", text.month) if MIN_YEAR <= text.year <= MAX_YEAR else None
    if isinstance(text, bool) or text is None:
        return None
    if isinstance(text, int):
        text = str(text)
    if not isinstance(text, str):
        return None
    clean = " ".join(text.strip().lower().translate(_PLAIN).split())
    if not clean or len(clean) > 40:
        return None
    for pattern, grain in _FORMS:
        match = pattern.fullmatch(clean)
        if match:
            return _period(match, grain)
    return None


_PLAIN = str.maketrans("åäö", "aao")


def _period(match: re.Match[str], grain: str) -> Period | None:
    year = int(match["year"])
    if len(match["year"]) == 2:  # ht23: a term of this century
        year += 2000
    if not MIN_YEAR <= year <= MAX_YEAR:
        return None
    groups = match.groupdict()
    if groups.get("name") is not None:
        index = _MONTH_NAMES.get(groups["name"])
        if index is None:
            return None
    elif groups.get("term") is not None:
        index = _TERM_INDEX[groups["term"]]
    else:
        index = int(groups.get("index") or 1)
    if not 1 <= index <= PARTS[grain]:
        return None
    if groups.get("day") is not None:
        try:
            date(year, index, int(groups["day"]))
        except ValueError:
            return None
    return Period(year, grain, index)


def example(grain: str) -> str:
    """A period of `grain` as analysts should write it, for messages: "2024-Q2" for quarter."""
    return EXAMPLES[grain]


_SPAN = re.compile(r"(?P<a>\d{4})\s*[/\-–]\s*(?P<b>\d{2}|\d{4})")


def not_a_period_because(text: str) -> str | None:
    """Why a text that looks like a period is not one: "school_year" (`2023/24`, a school year
    spans two calendar years), "pooled" (`2017/2018`, `2017–2019`: several years pooled), or None."""
    match = _SPAN.fullmatch(" ".join(str(text).strip().split()))
    if not match:
        return None
    first, second = int(match["a"]), match["b"]
    last = int(second) + (first // 100) * 100 if len(second) == 2 else int(second)
    if last <= first:
        return None
    return "school_year" if len(second) == 2 and last == first + 1 else "pooled"


_IN_TEXT = re.compile(r"(?<![\d,.])(?:19|20|21)\d{2}(?:\s*(?:-|\s)?\s*(?:[hqkm]\s*\d{1,2}|h[12]|ht|vt))?(?![\d,.])",
                      re.IGNORECASE)


def find_in(text: str) -> Period | None:
    """The one period written inside a longer text (`Per 100 000 inv. 2024` -> 2024), or None when
    there is none or more than one (a wide export's column headers carry their period this way)."""
    if not_a_period_because(text):
        return None
    found = {parse(m.group(0)) for m in _IN_TEXT.finditer(str(text))}
    found.discard(None)
    return found.pop() if len(found) == 1 else None
