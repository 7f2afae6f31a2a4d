"""Real reference facts shipped in data/reference/: the police's list of vulnerable areas for
Eskilstuna, national shootings, and the municipality's population.

Each file is CSV (UTF-8, comma, header) with a source and a retrieved date on every row. Missing
figures are empty in the files and None here, never 0. The police list (indicator
`omraden_polisens_lista`) and the population (indicator `folkmangd`) are also turned into one upload
file, `reference_upload_csv()`, loaded into the store as real (non-demo) data through the same
ingest path as any upload. National shootings stay reference facts: the police count them for the
country, and a riket row of the count `skjutningar` would be a comparison of counts (not drawn) and
would end the municipality's demo series.
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from pathlib import Path

from indicators import config

REFERENCE_DIR = config.DATA_DIR / "reference"
POLICE_LIST_INDICATOR = "omraden_polisens_lista"
POPULATION_INDICATOR = "folkmangd"
UPLOAD_HEADER = ["indicator", "area", "period", "value", "note", "source"]
CERTAINTIES = ("published", "inferred", "unknown")


@dataclass(frozen=True)
class PoliceListing:
    """One row of police_list.csv: one area on one list (or, with area_id None, an unknown list)."""
    list_year: int
    published: str          # as precise as known: "2016-02", "2025"; "" when unknown
    area_id: str | None
    area_name: str | None
    category: str | None    # "utsatt område" | "riskområde" | "särskilt utsatt område"
    certainty: str          # "published" | "inferred" | "unknown"
    source: str
    retrieved: str


@dataclass(frozen=True)
class PoliceList:
    """One list year for Eskilstuna: its areas, or None when the list is not known."""
    year: int
    published: str
    area_ids: tuple[str, ...] | None
    certainty: str
    source: str

    @property
    def count(self) -> int | None:
        """The number of Eskilstuna areas on the list; None when the list is unknown."""
        return None if self.area_ids is None else len(self.area_ids)


@dataclass(frozen=True)
class NationalShootings:
    year: int
    shootings: int | None
    dead: int | None
    injured: int | None
    status: str             # "revised" | "preliminary": the police revise figures later
    source: str
    retrieved: str


@dataclass(frozen=True)
class Population:
    year: int
    date: str               # the count date, 31 December
    area_id: str
    population: int
    source: str
    retrieved: str


def _read(name: str, folder: Path | None) -> list[dict[str, str]]:
    path = Path(folder or REFERENCE_DIR) / name
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def _int(text: str) -> int | None:
    return int(text) if text else None


def police_listings(folder: Path | None = None) -> list[PoliceListing]:
    """Every row of police_list.csv, in file order."""
    return [PoliceListing(int(r["list_year"]), r["published"], r["area_id"] or None,
                          r["area_name"] or None, r["category"] or None, r["certainty"],
                          r["source"], r["retrieved"])
            for r in _read("police_list.csv", folder)]


def police_lists(folder: Path | None = None) -> list[PoliceList]:
    """One PoliceList per list year, oldest first; an unknown year has area_ids None (not empty).

    A year's certainty is the weakest of its rows (unknown < inferred < published).
    """
    by_year: dict[int, list[PoliceListing]] = {}
    for row in police_listings(folder):
        by_year.setdefault(row.list_year, []).append(row)
    lists = []
    for year, rows in sorted(by_year.items()):
        certainty = min((r.certainty for r in rows), key=CERTAINTIES[::-1].index)
        areas = None if certainty == "unknown" else tuple(r.area_id for r in rows if r.area_id)
        lists.append(PoliceList(year, rows[0].published, areas, certainty, rows[0].source))
    return lists


def police_list(year: int, folder: Path | None = None) -> PoliceList | None:
    """The list of one year, or None when there is no list for that year."""
    return next((p for p in police_lists(folder) if p.year == year), None)


def national_shootings(folder: Path | None = None) -> list[NationalShootings]:
    """Confirmed shootings in Sweden per year, oldest first; figures not given are None."""
    return [NationalShootings(int(r["year"]), _int(r["shootings"]), _int(r["dead"]),
                              _int(r["injured"]), r["status"], r["source"], r["retrieved"])
            for r in _read("national_shootings.csv", folder)]


def population(folder: Path | None = None) -> list[Population]:
    """Eskilstuna kommun's population on 31 December (SCB), oldest first."""
    return [Population(int(r["year"]), r["date"], r["area_id"], int(r["population"]), r["source"],
                       r["retrieved"])
            for r in _read("population.csv", folder)]


_NOTES = {
    "unknown": "okänd – listan {year} är inte verifierad för Eskilstuna / unknown: not verified",
    "inferred": "härledd ur ändringarna i listan 2023 / inferred from the 2023 changes",
    "published": "",
}


def _police_list_rows(folder: Path | None, area: str) -> list[list[str]]:
    rows = []
    for item in police_lists(folder):
        value = ".." if item.count is None else str(item.count)
        rows.append([POLICE_LIST_INDICATOR, area, str(item.year), value,
                     _NOTES[item.certainty].format(year=item.year), item.source])
    return rows


def _population_rows(folder: Path | None) -> list[list[str]]:
    return [[POPULATION_INDICATOR, p.area_id, str(p.year), str(p.population), "", p.source]
            for p in population(folder)]


def _upload(rows: list[list[str]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(UPLOAD_HEADER)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def police_list_upload_csv(folder: Path | None = None, area: str = "eskilstuna") -> bytes:
    """An upload file (UTF-8, comma; header indicator,area,period,value,note,source) with the
    number of the municipality's areas on each police list: `..` (missing) with a note for an
    unknown list, a note "härledd/inferred" for an inferred one."""
    return _upload(_police_list_rows(folder, area))


def population_upload_csv(folder: Path | None = None) -> bytes:
    """An upload file (as police_list_upload_csv) with the population on 31 December as the
    indicator `folkmangd`, one row per year and area of population.csv."""
    return _upload(_population_rows(folder))


def reference_upload_csv(folder: Path | None = None, area: str = "eskilstuna") -> bytes:
    """The one upload file of real reference data the store is built with: the police lists and
    the population (police_list_upload_csv and population_upload_csv in one file)."""
    return _upload(_police_list_rows(folder, area) + _population_rows(folder))
