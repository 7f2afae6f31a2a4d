"""The slide model every output renders: Slide, its Chart (Series) and status Tiles."""
from __future__ import annotations

import math
from dataclasses import dataclass

from indicators import i18n


OBSERVED, PATH = "observed", "path"


@dataclass(frozen=True)
class Series:
    name: str
    kind: str                              # "observed" | "path"
    area_id: str | None
    values: tuple[float | None, ...]       # after disclosure: None when missing or hidden
    shown: tuple[str, ...]                 # what a reader sees: "1 234", "<5", "..", "–"
    suppressed: tuple[str | None, ...]     # None | "small" | "secondary"


@dataclass(frozen=True)
class Chart:
    kind: str                              # "line" | "bar"
    indicator_id: str
    title: str
    unit: str
    decimals: int
    categories: tuple[str, ...]
    series: tuple[Series, ...]
    legend: tuple[str, ...]                # suppression legend lines, only for marks in use
    alt: str

    def observed(self) -> tuple[Series, ...]:
        return tuple(s for s in self.series if s.kind == OBSERVED)


@dataclass(frozen=True)
class Tile:
    status: str
    symbol: str
    word: str
    count: int
    colour: str


@dataclass(frozen=True)
class Slide:
    key: str                               # "goal", "focus:<id>", "indicator:<id>"
    kind: str                              # "goal" | "focus" | "indicator"
    lang: str
    kicker: str
    title: str                             # the finding, in words
    subtitle: str
    body: tuple[str, ...]
    tiles: tuple[Tile, ...]
    chart: Chart | None
    source: str
    first: str                             # first and last period shown
    last: str
    as_of: str                             # date the data were loaded (YYYY-MM-DD)
    demo: bool
    status: str = ""                       # indicator slides: the municipality's status id
    polarity: str = "higher"
    focus_area: str = ""                   # the focus area of a focus or indicator slide
    no_chart: str = ""                     # why chart is None, in the slide's language ("" if it has one)

    @property
    def provenance(self) -> str:
        """"Källa: … · Period: 2019–2026-10 · Data per 2026-11-26"."""
        parts = [i18n.t("present.source", self.lang, source=self.source)]
        if self.first:
            parts.append(i18n.t("present.period", self.lang, first=self.first, last=self.last))
        if self.as_of:
            parts.append(i18n.t("present.as_of", self.lang, date=self.as_of))
        return " · ".join(parts)

    @property
    def demo_mark(self) -> str:
        return i18n.t("present.demo_mark", self.lang) if self.demo else ""


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


