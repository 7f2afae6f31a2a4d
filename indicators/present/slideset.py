"""The presenter's slide set and its place in the URL.

A slide set says which focus areas, which indicators and which areas a presentation shows, in which
language, and whether it advances by itself. It lives in the query string, so a presenter can
prepare it on their own computer and open the same link on the venue's:

    ?present=1&fa=skjutningar_grovt_vald,offentliga_rummet&ind=skjutningar&areas=eskilstuna,froslunda
     &lang=en&auto=20&s=3

`from_params` is forgiving: unknown ids are dropped (and listed in `ignored`), a bad number is
ignored, an empty parameter means the default. `to_params` writes only what differs from the
default, so the shortest link is the common one. `from_params(to_params(s)) == s` for every valid set.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Mapping

from indicators.catalog import Catalog

LANGS = ("sv", "en")
MAX_AUTO_SECONDS = 600
PARAMS = ("present", "fa", "ind", "areas", "lang", "auto", "s")
GOAL_FOCUS_AREA = "overgripande"   # the goal itself: shown as the first slide, never as a focus slide


@dataclass(frozen=True)
class SlideSet:
    focus_areas: tuple[str, ...]      # focus-area ids, in catalog order
    indicators: tuple[str, ...]       # indicator ids, in catalog order
    areas: tuple[str, ...]            # area ids for the indicator slides, municipality first
    lang: str = "sv"
    auto: int = 0                     # seconds per slide when advancing by itself, 0 = off
    slide: int = 0                    # the slide on screen (0 = the goal slide)
    ignored: tuple[str, ...] = field(default=(), compare=False)  # unknown ids found in the URL


def focus_choices(catalog: Catalog) -> tuple[str, ...]:
    """The focus areas a presenter can choose: every one except the overall goal."""
    return tuple(f.id for f in sorted(catalog.focus_areas, key=lambda f: f.order)
                 if f.id != GOAL_FOCUS_AREA)


def default(catalog: Catalog, lang: str = "sv") -> SlideSet:
    """Every focus area, no extra indicator slides, the whole municipality."""
    return SlideSet(focus_areas=focus_choices(catalog), indicators=(),
                    areas=(catalog.municipality.id,), lang=lang if lang in LANGS else "sv")


def _ids(text: str | None) -> list[str]:
    if not text:
        return []
    return [part.strip() for part in str(text).split(",") if part.strip()]


def _ordered(found: list[str], allowed: tuple[str, ...]) -> tuple[str, ...]:
    wanted = set(found)
    return tuple(i for i in allowed if i in wanted)


def _int(text, low: int, high: int) -> int | None:
    try:
        value = int(str(text).strip())
    except (TypeError, ValueError):
        return None
    return min(max(value, low), high)


def _first(params: Mapping, key: str):
    value = params.get(key)
    if isinstance(value, (list, tuple)):
        return value[-1] if value else None
    return value


def from_params(params: Mapping, catalog: Catalog) -> SlideSet:
    """The slide set a query string describes (a dict of str, or of lists of str)."""
    base = default(catalog)
    ignored: list[str] = []

    focus_allowed = focus_choices(catalog)
    raw_fa = _ids(_first(params, "fa"))
    ignored += [i for i in raw_fa if i not in focus_allowed]
    focus = _ordered(raw_fa, focus_allowed) if "fa" in params else base.focus_areas
    if "fa" in params and _first(params, "fa") == "none":
        ignored = [i for i in ignored if i != "none"]

    raw_ind = _ids(_first(params, "ind"))
    ignored += [i for i in raw_ind if catalog.indicator(i) is None]
    indicators = _ordered(raw_ind, catalog.ids())

    raw_areas = _ids(_first(params, "areas"))
    area_ids = []
    for text in raw_areas:
        found = catalog.area_id_for(text)
        area = catalog.area(found) if found else None
        if area is None or area.is_comparison:  # comparison areas are no slide lines of their own
            ignored.append(text)
        elif found not in area_ids:
            area_ids.append(found)
    all_areas = tuple(a.id for a in catalog.local_areas)
    areas = _ordered(area_ids, all_areas) or base.areas

    lang = str(_first(params, "lang") or "sv").strip().lower()
    auto = _int(_first(params, "auto"), 0, MAX_AUTO_SECONDS) or 0
    slide = _int(_first(params, "s"), 0, 10_000) or 0
    return SlideSet(focus, indicators, areas, lang if lang in LANGS else "sv", auto, slide,
                    tuple(ignored))


def to_params(spec: SlideSet, catalog: Catalog, *, present: bool = True) -> dict[str, str]:
    """The query parameters for `spec`: only what differs from the default."""
    base = default(catalog)
    params: dict[str, str] = {}
    if present:
        params["present"] = "1"
    if spec.focus_areas != base.focus_areas:
        params["fa"] = ",".join(spec.focus_areas) or "none"
    if spec.indicators:
        params["ind"] = ",".join(spec.indicators)
    if spec.areas != base.areas:
        params["areas"] = ",".join(spec.areas)
    if spec.lang != "sv":
        params["lang"] = spec.lang
    if spec.auto:
        params["auto"] = str(spec.auto)
    if spec.slide:
        params["s"] = str(spec.slide)
    return params


def query_string(spec: SlideSet, catalog: Catalog, *, present: bool = True) -> str:
    """`?present=1&fa=...`: the part of the link after the page's address."""
    from urllib.parse import urlencode

    return "?" + urlencode(to_params(spec, catalog, present=present), safe=",")
