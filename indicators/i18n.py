"""Texts in Swedish and English, and Swedish/English number formatting.

Texts live in `locales/<lang>/*.toml`; every file's tables are merged into one dotted key space
(`[ingest] unknown_area = "..."` is `ingest.unknown_area`).
"""
from __future__ import annotations

import math
import tomllib
from functools import lru_cache
from pathlib import Path

from indicators import config

LANGS = config.LANGS
LOCALES_DIR = Path(__file__).parent / "locales"


def _flatten(table: dict, prefix: str = "") -> dict[str, str]:
    flat: dict[str, str] = {}
    for key, value in table.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            flat.update(_flatten(value, name + "."))
        else:
            flat[name] = value
    return flat


@lru_cache(maxsize=None)
def texts(lang: str) -> dict[str, str]:
    """Every text of one language, by dotted key."""
    merged: dict[str, str] = {}
    for path in sorted((LOCALES_DIR / lang).glob("*.toml")):
        with path.open("rb") as handle:
            merged.update(_flatten(tomllib.load(handle)))
    return merged


def t(key: str, lang: str, /, **fmt) -> str:
    """The text for `key` in `lang`, formatted with `fmt`. The language is always handed in
    (the app's session language, or config.lang() at the command line).

    A missing key shows as the key itself, so a gap is visible rather than fatal; a test keeps the
    two languages complete.
    """
    text = texts(lang).get(key, key)
    return text.format(**fmt) if fmt else text


def number(x: float | int | None, lang: str, decimals: int = 0) -> str:
    """`1 234,5` in Swedish (no-break space, decimal comma), `1,234.5` in English; None is "–"."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return "–"
    text = f"{x:,.{decimals}f}"
    if lang == "sv":
        text = text.replace(",", "\u00a0").replace(".", ",")
    return text
