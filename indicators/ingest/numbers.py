"""Swedish numbers as analysts and Excel write them: `12,5`, `12.5`, `1 234`, `−3`, `12,5 %`.

The rules live here once, as a SQL expression for the vectorised ingest and as a Python function
for single values (tests, the demo generator); a test keeps the two in agreement.
- Thousands separators: space, no-break space (U+00A0), narrow no-break space (U+202F), thin space.
- Decimal separator: comma or point (not both: `1.234,5` is ambiguous and is not a number).
- Minus: `-` or U+2212. A trailing `%` is dropped (Excel writes percent-formatted cells as `12,5%`).
- Symbols of Swedish official statistics (SCB's key, also Brå's and the PC-Axis format's):
  an empty cell is no value; `..` not available and `.` not applicable (stored as missing, never
  as 0); `–` or `-` alone is zero ("noll"); `×`, `x` or `XX` alone is withheld at source (stored as
  missing, with the symbol kept so pages can say "sekretess").
"""
from __future__ import annotations

import math

SPACES = (" ", "\u00a0", "\u202f", "\u2009", "\t")
MINUS = "\u2212"
NOT_AVAILABLE, NOT_APPLICABLE, ZERO, WITHHELD = "..", ".", "\u2013", "\u00d7"  # the symbols as stored
ZEROS = ("-", "\u2013")
WITHHELD_FORMS = ("\u00d7", "x", "X", "xx", "XX")
MISSING = ("", NOT_AVAILABLE, NOT_APPLICABLE) + WITHHELD_FORMS  # no value, never 0


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


def symbol_sql(cleaned: str, zero_extra: tuple[str, ...] = ()) -> str:
    """SQL: the official-statistics symbol a cleaned text is ('..', '.', '–' or '×'), else NULL."""
    zeros = ", ".join(_sql_string(z) for z in ZEROS + tuple(zero_extra))
    withheld = ", ".join(_sql_string(w) for w in WITHHELD_FORMS)
    return (f"(CASE WHEN {cleaned} = '..' THEN '..' WHEN {cleaned} = '.' THEN '.'"
            f" WHEN {cleaned} IN ({zeros}) THEN '{ZERO}' WHEN {cleaned} IN ({withheld}) THEN '{WITHHELD}' END)")


def zero_sql(cleaned: str, extra: tuple[str, ...] = ()) -> str:
    """SQL: TRUE when the cleaned text is the zero symbol (`–` or `-` alone)."""
    return f"({cleaned} IN ({', '.join(_sql_string(z) for z in ZEROS + tuple(extra))}))"


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
    if clean in ZEROS:
        return 0.0
    if not clean.isascii():
        raise ValueError(f"not a number: {text!r}")
    value = float(clean)
    if not math.isfinite(value):
        raise ValueError(f"not a finite number: {text!r}")
    return value
