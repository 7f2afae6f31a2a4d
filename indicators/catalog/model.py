"""The catalog's model: focus areas, indicators, areas, sub-goals and targets, and their lookups.

A catalog folder holds `focus_areas.csv`, `indicators.toml` and `areas.csv` (see docs/catalog.md).
Loading validates everything at once and raises `CatalogError` listing every problem, so a catalog
mistake never surfaces later as a KeyError (loading.py). Lookups return None for unknown ids;
the matching keys they use are in keys.py.
"""
from __future__ import annotations

import math
from dataclasses import dataclass, field
from pathlib import Path

from indicators import periods
from indicators.catalog.keys import area_key, code_key

GRAINS = periods.GRAINS  # the grain table is periods.GRAIN_TABLE
POLARITIES = ("lower", "higher", "none")
MEASURES = ("count", "rate", "share", "index", "amount")  # count/rate/amount >= 0; share 0..100
AGGREGATIONS = ("sum", "mean")
TARGET_KINDS = ("value", "relative", "change", "none")
TARGET_STATUSES = ("adopted", "example")
LOCAL_KINDS = ("kommun", "område")            # the municipality and its own areas
COMPARISON_KINDS = ("riket", "lan", "polisregion", "jamforelse")  # context: reference lines only
AREA_KINDS = LOCAL_KINDS + COMPARISON_KINDS
FILES = ("focus_areas.csv", "indicators.toml", "areas.csv")


class CatalogError(ValueError):
    """A catalog folder that cannot be used; `problems` lists every problem found."""

    def __init__(self, folder: Path | str, problems: list[str]):
        self.folder = str(folder)
        self.problems = list(problems)
        lines = "\n".join(f"  - {p}" for p in self.problems)
        super().__init__(f"Catalog {self.folder}: {len(self.problems)} problem(s)\n{lines}")


def _pick(lang: str, sv: str, en: str) -> str:
    return en if lang == "en" else sv


@dataclass(frozen=True)
class FocusArea:
    id: str
    name_sv: str
    name_en: str
    order: int
    short_name_sv: str = ""   # for menus and links; empty: the name
    short_name_en: str = ""
    icon: str = ""            # ":material/park:" for its page in the menu; empty: the app's default

    def name(self, lang: str) -> str:
        """The focus area's name in `lang`."""
        return _pick(lang, self.name_sv, self.name_en)

    def short_name(self, lang: str) -> str:
        """The short name in `lang` for menus, else the name."""
        return _pick(lang, self.short_name_sv, self.short_name_en) or self.name(lang)


@dataclass(frozen=True)
class Target:
    kind: str  # "value" | "relative" (percent vs baseline) | "change" (absolute vs baseline) | "none"
    amount: float | None
    year: int
    status: str  # "adopted" | "example"

    def value_for(self, baseline: float | None) -> float | None:
        """The target level implied by `baseline`.

        Returns `amount` for kind "value" (an absolute level needs no baseline); baseline scaled by
        the percent change for "relative"; baseline plus amount for "change"; None for kind "none"
        or when a relative/change target has no (or a NaN) baseline.
        """
        if self.kind == "none" or self.amount is None:
            return None
        if self.kind == "value":
            return self.amount
        if baseline is None or (isinstance(baseline, float) and math.isnan(baseline)):
            return None
        if self.kind == "relative":
            return baseline * (1 + self.amount / 100)
        return baseline + self.amount

    @property
    def is_example(self) -> bool:
        """True when the target is a placeholder ("exempelmål") not adopted by the committee."""
        return self.status == "example"


@dataclass(frozen=True)
class Indicator:
    id: str
    focus_area: str
    name_sv: str
    name_en: str
    unit_sv: str
    unit_en: str
    grain: str
    polarity: str
    aggregation: str
    measure: str
    scale: float | None
    decimals: int
    baseline_period: str
    target: Target
    sensitive: bool
    source: str
    definition_sv: str
    definition_en: str
    codes: tuple[str, ...] = ()  # the codes sources use for it, "source:code" ("kolada:N07403")

    def name(self, lang: str) -> str:
        """The indicator's name in `lang`."""
        return _pick(lang, self.name_sv, self.name_en)

    def unit(self, lang: str) -> str:
        """The unit ("antal", "per 1 000 inv.", "%") in `lang`."""
        return _pick(lang, self.unit_sv, self.unit_en)

    def definition(self, lang: str) -> str:
        """The one-paragraph definition in `lang`."""
        return _pick(lang, self.definition_sv, self.definition_en)


@dataclass(frozen=True)
class Area:
    id: str
    name: str
    kind: str  # one of AREA_KINDS: "kommun" | "område" | "riket" | "lan" | "polisregion" | "jamforelse"
    code: str | None = None          # official code ("0484" kommun, "04" län, "00" riket)
    aliases: tuple[str, ...] = ()    # other names and codes exports use ("LPO Eskilstuna", "0000")

    @property
    def is_comparison(self) -> bool:
        """True for a comparison area (riket, län, polisregion, a similar municipality): context
        drawn as reference lines and profile rows, never ranked, assessed or suppressed among the
        municipality's own areas."""
        return self.kind in COMPARISON_KINDS


@dataclass(frozen=True)
class SubGoal:
    """A delmål under a focus area, with the indicators that follow it up. A placeholder stands
    until the committee adopts the real sub-goals (like an example target: the UI says so)."""
    id: str
    focus_area: str
    name_sv: str
    name_en: str
    placeholder: bool = False
    indicators: tuple[str, ...] = ()
    order: int = 0

    def name(self, lang: str) -> str:
        return _pick(lang, self.name_sv, self.name_en)


@dataclass(frozen=True)
class Catalog:
    focus_areas: tuple[FocusArea, ...]
    indicators: tuple[Indicator, ...]
    areas: tuple[Area, ...]
    sub_goals: tuple[SubGoal, ...] = ()
    _index: dict = field(default_factory=dict, init=False, repr=False, compare=False, hash=False)

    def __post_init__(self) -> None:
        index = self._index
        index["focus"] = {f.id: f for f in self.focus_areas}
        index["focus_key"] = {area_key(text): f.id for f in self.focus_areas
                              for text in (f.name_sv, f.name_en, f.short_name_sv, f.short_name_en, f.id) if text}
        index["sub_goal"] = {g.id: g for g in self.sub_goals}
        index["indicator"] = {i.id: i for i in self.indicators}
        index["area"] = {a.id: a for a in self.areas}
        index["local"] = tuple(a for a in self.areas if not a.is_comparison)
        index["comparison"] = tuple(a for a in self.areas if a.is_comparison)
        index["municipality"] = next((a for a in self.areas if a.kind == "kommun"), None)
        keys: dict[str, str] = {}
        codes: dict[str, str] = {}  # key of a code or an all-digit alias -> id ("0484", "0000")
        for area in self.areas:  # names, codes and aliases first; ids win on a clash
            for text in _area_texts(area):
                keys.setdefault(area_key(text), area.id)
            for text in (area.code, *area.aliases):
                if text and (text == area.code or area_key(text).isdigit()):
                    codes.setdefault(area_key(text), area.id)
        for area in self.areas:
            keys[area_key(area.id)] = area.id
        keys.pop("", None)
        codes.pop("", None)
        index["area_key"] = keys
        index["area_code"] = codes
        full: dict[str, str] = {}
        bare: dict[str, set[str]] = {}
        for indicator in self.indicators:
            for code in indicator.codes:
                full.setdefault(code_key(code), indicator.id)
                bare.setdefault(code_key(code).partition(":")[2], set()).add(indicator.id)
        index["code"] = full
        index["bare_code"] = {k: next(iter(v)) for k, v in bare.items() if k and len(v) == 1}

    def indicator(self, id: str) -> Indicator | None:
        """The indicator with this id, or None."""
        return self._index["indicator"].get(id)

    def area(self, id: str) -> Area | None:
        """The area with this id, or None."""
        return self._index["area"].get(id)

    def focus_area(self, id: str) -> FocusArea | None:
        """The focus area with this id, or None."""
        return self._index["focus"].get(id)

    def sub_goal(self, id: str) -> SubGoal | None:
        """The sub-goal with this id, or None."""
        return self._index["sub_goal"].get(id)

    def sub_goals_in(self, focus_area_id: str) -> tuple[SubGoal, ...]:
        """The sub-goals of one focus area, in catalog order."""
        return tuple(g for g in self.sub_goals if g.focus_area == focus_area_id)

    def focus_area_id_for(self, text: str) -> str | None:
        """The focus area an analyst's text names: id, name or short name, either language, any case."""
        return self._index["focus_key"].get(area_key(text or "")) if text else None

    def sub_goal_id_for(self, text: str, focus_area_id: str | None = None) -> str | None:
        """The sub-goal that `text` names (id or name, any case), within `focus_area_id` when given."""
        key = area_key(text or "")
        for goal in self.sub_goals:
            if focus_area_id and goal.focus_area != focus_area_id:
                continue
            if key in (area_key(goal.id), area_key(goal.name_sv), area_key(goal.name_en)):
                return goal.id
        return None

    def indicators_in(self, focus_area_id: str) -> tuple[Indicator, ...]:
        """The indicators of one focus area, in catalog order (empty for an unknown id)."""
        return tuple(i for i in self.indicators if i.focus_area == focus_area_id)

    def ids(self) -> tuple[str, ...]:
        """Every indicator id, in catalog order."""
        return tuple(i.id for i in self.indicators)

    @property
    def municipality(self) -> Area:
        """The single area of kind "kommun" (validation guarantees there is exactly one)."""
        found = self._index["municipality"]
        if found is None:
            raise LookupError("the catalog has no area of kind kommun")
        return found

    @property
    def local_areas(self) -> tuple[Area, ...]:
        """The municipality and its own areas (kinds kommun and område), in catalog order: what
        pickers offer, rankings rank and statuses assess."""
        return self._index["local"]

    @property
    def comparison_areas(self) -> tuple[Area, ...]:
        """The comparison areas (riket, län, polisregion, jämförelsekommun), in catalog order."""
        return self._index["comparison"]

    def area_id_for(self, text: str) -> str | None:
        """The area id that `text` names, or None.

        `text` may be the id, the name, the official code, any alias, or a code followed by a name
        ("0484 Eskilstuna", "04 Södermanlands län"), in any case, with or without å ä ö é and with
        any spacing or punctuation. A leading code decides on its own unless the rest names a
        different area ("0484 Fröslunda" is None: the file contradicts itself).
        Built on dictionaries made once per catalog: one call is a few dictionary look-ups.
        """
        if not isinstance(text, str):
            return None
        key = area_key(text)
        found = self._index["area_key"].get(key)
        if found is not None or "_" not in key:
            return found
        head, _, rest = key.partition("_")
        by_code = self._index["area_code"].get(head)
        if by_code is None:
            return None
        named = self._index["area_key"].get(rest)
        return by_code if named in (None, by_code) else None

    def indicator_for_code(self, code: str) -> Indicator | None:
        """The indicator a source code names, or None: "kolada:N07403" in any case, or the bare
        "N07403" when exactly one indicator carries that code under any source."""
        if not isinstance(code, str):
            return None
        key = code_key(code)
        found = self._index["code"].get(key)
        if found is None and ":" not in key:
            found = self._index["bare_code"].get(key)
        return self._index["indicator"].get(found) if found else None


def _area_texts(area: Area) -> tuple[str, ...]:
    """The texts that name an area besides its id: name, code and aliases."""
    return tuple(t for t in (area.name, area.code, *area.aliases) if t)
