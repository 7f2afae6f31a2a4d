"""Texts an analyst wrote -> catalog ids, and the closest known text for a message.

Indicators are found by id, name in either language or a source's code (`kolada:N07403`); areas
by the catalog's own lookups (id, name, code, alias). Each table is built once per catalog.
"""
from __future__ import annotations

import difflib
from functools import lru_cache

from indicators.catalog import Catalog, area_key


@lru_cache(maxsize=8)
def indicator_keys(catalog: Catalog) -> dict[str, str]:
    """Matching key -> indicator id, for ids (any case) and names in both languages."""
    keys: dict[str, str] = {}
    for indicator in catalog.indicators:
        keys.setdefault(area_key(indicator.name_sv), indicator.id)
        keys.setdefault(area_key(indicator.name_en), indicator.id)
    for indicator in catalog.indicators:
        keys[area_key(indicator.id)] = indicator.id
        for code in getattr(indicator, "codes", ()):  # `kolada:N07403`: a source's own code
            keys[area_key(code)] = indicator.id
    return keys


def indicator_id_for(catalog: Catalog, text: str) -> str | None:
    """The indicator an analyst's text names: id, name in either language, or a source code."""
    return indicator_keys(catalog).get(area_key(text))


def indicator_suggestion(catalog: Catalog, text: str) -> str | None:
    choices = {i.id: i.id for i in catalog.indicators}
    choices.update({area_key(i.name_sv): i.id for i in catalog.indicators})
    choices.update({area_key(i.name_en): i.id for i in catalog.indicators})
    close = difflib.get_close_matches(area_key(text), list(choices), n=1, cutoff=0.6)
    return choices[close[0]] if close else None


@lru_cache(maxsize=8)
def exact_areas(catalog: Catalog) -> dict[str, str]:
    """Area ids and names exactly as the catalog writes them -> id (skips normalising most texts)."""
    exact = {a.name: a.id for a in catalog.areas}
    exact.update({a.id: a.id for a in catalog.areas})
    return exact


@lru_cache(maxsize=8)
def area_choices(catalog: Catalog) -> dict[str, str]:
    """Matching key -> area name, for suggestions ("froslundaa" -> "Fröslunda", "Hela lande" -> "Riket")."""
    choices = {area_key(alias): a.name for a in catalog.areas for alias in a.aliases}
    choices.update({area_key(a.id): a.name for a in catalog.areas})
    choices.update({area_key(a.name): a.name for a in catalog.areas})
    return choices
