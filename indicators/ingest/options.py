"""The choices an analyst can make about a file that is not in the standard layout (DATA.md §4-5).

Statistical-database exports have no indicator column (the analyst names the indicator), name their
columns in their own words (the area, period and value columns are found from their headers or
named), sometimes carry no period at all (Brå's yearly file names its year only in its file name),
and list every kommun of the country (`only_known_areas` keeps the catalog's areas and lists the
rest as skipped). The same choices, saved under a name, are an import profile (profiles.py).
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, fields


@dataclass(frozen=True)
class Options:
    indicator: str | None = None       # indicator id (or name) for every row of a file without one
    area_column: str | None = None     # header of the area column, as written in the file
    period_column: str | None = None   # header of the period column
    value_column: str | None = None    # header of the value column (or a PC-Axis content value)
    period: str | None = None          # the period of every row of a file that has none
    sheet: str | None = None           # the workbook sheet to read (default: the first)
    only_known_areas: bool = False     # skip and list rows whose area the catalog does not know
    gender: str = "T"                  # Kolada: T (total), K (women) or M (men)

    def as_dict(self) -> dict:
        """The choices that differ from the defaults (what a profile saves)."""
        default = Options()
        return {k: v for k, v in asdict(self).items() if v != getattr(default, k)}

    @classmethod
    def from_dict(cls, values: dict) -> Options:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in values.items() if k in known})

    def merged(self, other: Options) -> Options:
        """These choices, with those `other` makes (other wins where it differs from the default)."""
        return Options.from_dict({**self.as_dict(), **other.as_dict()})


NONE = Options()
