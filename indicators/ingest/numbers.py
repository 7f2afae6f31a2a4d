"""Swedish numbers as analysts and Excel write them: `12,5`, `12.5`, `1 234`, `−3`, `12,5 %`.

The rules live here once, as a SQL expression for the vectorised ingest and as a Python function
for single values (tests, the demo generator); a test keeps the two in agreement.
- Thousands separators: space, no-break space (U+00A0), narrow no-break space (U+202F), thin space.
- Decimal separator: comma or point (not both: `1.234,5` is ambiguous and is not a number).
- Minus: `-` or U+2212. A trailing `%` is dropped (Excel writes percent-formatted cells as `12,5%`).
- Missing: an empty cell, `..`, `.`, `-`, `–` or `—`. Missing is stored as NULL, never as 0.
"""
from __future__ import annotations

import math

SPACES = (" ", "\u00a0", "\u202f", "\u2009", "\t")
MINUS = "\u2212"
MISSING = ("", "..", ".", "-", "\u2013", "\u2014")


def _sql_string(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def cleaned_sql(expr: str) -> str:
    """SQL: the text with thousands separators and a trailing % removed, `,` -> `.`, U+2212 -> `-`."""
    for space in SPACES:
        expr = f"replace({expr}, {_sql_string(space)}, '')"
    expr = f"replace(replace({expr}, {_sql_string(MINUS)}, '-'), ',', '.')"
    return f"rtrim({expr}, '%')"


def missing_sql(cleaned: str, extra: tuple[str, ...] = ()) -> str:
    """SQL: TRUE when the cleaned text (see cleaned_sql) means *missing*; `extra`: more markers."""
    markers = ", ".join(f"chr({ord(m)})" if len(m) == 1 and ord(m) < 32 else _sql_string(m)
                        for m in MISSING + tuple(extra))
    return f"({cleaned} IS NULL OR {cleaned} IN ({markers}))"


def number_sql(cleaned: str) -> str:
    """SQL: the DOUBLE a cleaned text means, NULL when it is missing or not a finite number."""
    value = f"TRY_CAST({cleaned} AS DOUBLE)"
    return f"(CASE WHEN isfinite({value}) THEN {value} END)"


def parse_number(text: str | None) -> float | None:
    """The number `text` means; None when it is missing; ValueError when it is not a number."""
    if text is None:
        return None
    clean = str(text)
    for space in SPACES:
        clean = clean.replace(space, "")
    clean = clean.strip().replace(MINUS, "-").replace(",", ".").rstrip("%")
    if clean in MISSING:
        return None
    if not clean.isascii():
        raise ValueError(f"not a number: {text!r}")
    value = float(clean)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value
