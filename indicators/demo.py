"""The seeded demo-data generator: plausible, fictitious series for every indicator and area.

The output is deterministic (a fixed seed per indicator and a fixed end date, DEMO_AS_OF) and shipped
as data/demo/demo_observations.csv; a test checks that the shipped file equals `demo_csv()` byte for
byte. Regenerate with `python -m indicators.demo`.

Series run from 2019 to the latest complete period on DEMO_AS_OF (month 2026-10, quarter 2026-Q3,
half 2026-H1, year 2025) for every indicator × local area (Catalog.local_areas), except:
- `omraden_polisens_lista` and `folkmangd`: real reference data (catalog.reference), never demo;
- the indicators of focus area `systemhotande_brottslighet`, and `anmalda_valdsbrott` and
  `anmalda_brott` (Kolada and Brå publish them per kommun): the municipality only, no area values.
The yearly rates that national statistics also publish for the country and the county
(`COMPARISONS`) get rows for the comparison areas `riket` and `sodermanland` too, so the trend
chart's reference lines have something to draw; counts never do (populations of different size).

Counts are Poisson draws allocated to areas by population and a fictitious "exposure" profile; the
municipality is the sum of the areas plus the rest of the municipality (the areas do not cover it).
Rates carry numerator and denominator (fictitious area populations), survey shares and the problem
index carry n, and the absence share carries pupils with high absence / pupils. The 2020 safety
survey was not carried out (pandemic), so its values are empty (missing), never 0.
"""
from __future__ import annotations

import csv
import io
import math
import zlib
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from indicators import config
from indicators.catalog import Catalog, Indicator, load_catalog
from indicators.periods import PARTS, Period
from indicators.demo_parameters import (COMPARISON_POPULATION, COMPARISONS, EXPOSURE,
                                       MUNICIPALITY_2019, MUNICIPALITY_GROWTH, MUNICIPALITY_ONLY,
                                       MUNICIPALITY_ONLY_FOCUS, POPULATION_2019, PUBLIC_PLACES,
                                       REST_EXPOSURE, SPECS, SURVEY_GAPS, SURVEY_SHARES)

DEMO_AS_OF = date(2026, 10, 31)
SEED = 20231231
START_YEAR = 2019
PIVOT = 2024.0                      # trends change when the agreement starts (end of baseline 2023)
DEMO_FILE = config.DATA_DIR / "demo" / "demo_observations.csv"
COLUMNS = ("indicator", "area", "period", "value", "numerator", "denominator", "n")
EXCLUDED = ("omraden_polisens_lista", "folkmangd")
def end_period(grain: str, as_of: date = DEMO_AS_OF) -> Period:
    """The latest period of `grain` that is complete on `as_of` (its last day has passed or is as_of)."""
    period = Period(as_of.year, grain, PARTS[grain])
    while period.end > as_of + timedelta(days=1):
        period = period.previous()
    return period


def periods(grain: str, as_of: date = DEMO_AS_OF) -> list[Period]:
    """Every period of `grain` from START_YEAR to end_period(grain, as_of), oldest first."""
    out, period = [], Period(START_YEAR, grain, 1)
    while period <= end_period(grain, as_of):
        out.append(period)
        period = period.next()
    return out


def _rng(*names: str) -> np.random.Generator:
    """A generator seeded from SEED and names, so each series is stable on its own."""
    return np.random.default_rng([SEED, *(zlib.crc32(n.encode()) for n in names)])


def _mid(period: Period) -> float:
    return period.years() - 0.5 / PARTS[period.grain]


def _trend(t: float, before: float, after: float) -> float:
    """Years-weighted trend exponent (or points): `before` per year until PIVOT, `after` since."""
    return before * (min(t, PIVOT) - (START_YEAR + 0.5)) + after * max(t - PIVOT, 0.0)


def _season(period: Period, amplitude: float, peak: int) -> float:
    months = 12 // PARTS[period.grain]
    first = (period.index - 1) * months + 1
    return float(np.mean([1 + amplitude * math.cos(2 * math.pi * (m - peak) / 12)
                          for m in range(first, first + months)]))


def populations(areas: list[str], years: range) -> dict[str, dict[int, int]]:
    """Fictitious populations per area and year; "_rest" is the rest of the municipality and the
    municipality (`total`) grows by about MUNICIPALITY_GROWTH a year from MUNICIPALITY_2019."""
    rng = _rng("population")
    growth = {a: rng.uniform(-0.004, 0.014) for a in areas}
    pops = {a: {y: int(round(POPULATION_2019.get(a, 5000) * (1 + growth[a]) ** (y - START_YEAR)))
                for y in years} for a in areas}
    total = {y: MUNICIPALITY_2019 + MUNICIPALITY_GROWTH * (y - START_YEAR) + int(rng.integers(-80, 80))
             for y in years}
    pops["_rest"] = {y: total[y] - sum(pops[a][y] for a in areas) for y in years}
    pops["total"] = pops["_all"] = total
    return pops


def _fmt(x: float | int | None, decimals: int = 4) -> str:
    if x is None:
        return ""
    if isinstance(x, (int, np.integer)):
        return str(int(x))
    text = f"{x:.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def _exposure(indicator_id: str, area: str, k: float) -> float:
    if area == "_all":
        return 1.0
    base = PUBLIC_PLACES.get(area) if indicator_id in ("grovt_vald_offentlig_miljo",
                                                       "skadegorelse") else None
    return (base or EXPOSURE.get(area, REST_EXPOSURE)) ** k


def _series(ind: Indicator, areas: list[str], municipality: str,
            pops: dict) -> list[tuple[str, str, str, str, str, str]]:
    """Rows (area, period, value, numerator, denominator, n) of one indicator, areas first."""
    spec, rng = SPECS[ind.id], _rng("series", ind.id)
    units = areas + ["_rest"] if areas else ["_all"]   # "_all": the municipality as one unit
    drift = {a: rng.normal(0, abs(spec.after) * 0.6 + 1e-3) for a in units}
    sample = {a: int(rng.integers(*spec.per_area)) if spec.per_area[1] else 0 for a in units}
    if ind.id in SURVEY_SHARES or ind.measure == "index":
        sample["_rest"] *= 6                            # the rest of the municipality answers too
    rows: dict[str, list] = {a: [] for a in areas + [municipality]}
    for period in periods(ind.grain):
        t, year = _mid(period), period.year
        parts = {}
        for a in units:
            pop = pops[a][year]
            if ind.measure in ("count", "rate", "amount"):
                size = spec.level / PARTS[ind.grain] * _season(period, spec.amplitude, spec.peak)
                size *= math.exp(_trend(t, spec.before, spec.after + drift[a]))
                if ind.measure == "rate":
                    size *= 1 / ind.scale
                share = pop / pops["total"][year] if ind.measure != "rate" else 1.0
                lam = size * _exposure(ind.id, a, spec.k) * (share if ind.measure != "rate" else pop)
                if ind.measure == "amount":
                    parts[a] = (round(float(rng.gamma(20, lam / 20)), 2), pop)
                else:
                    parts[a] = (int(rng.poisson(lam)), pop)
            else:
                level = spec.level + spec.k * (EXPOSURE.get(a, REST_EXPOSURE) - 1)
                level += _trend(t, spec.before, spec.after + drift[a])
                if ind.id == "hog_franvaro":             # pupils in years 7-9, per mille of pop
                    n = int(pop * sample[a] / 1000)
                else:                                     # answers vary from year to year
                    n = int(sample[a] * rng.uniform(0.8, 1.2))
                if ind.measure == "index":
                    value = float(np.clip(rng.normal(level, 1.1 / math.sqrt(n)), 0, 6))
                    parts[a] = (value, n)
                else:
                    parts[a] = (int(rng.binomial(n, min(max(level, 1), 99) / 100)), n)
        gap = period.text in SURVEY_GAPS.get(ind.id, ())
        for a in areas + [municipality]:
            if a == municipality:
                if ind.measure == "index":
                    n = sum(p[1] for p in parts.values())
                    x = sum(p[0] * p[1] for p in parts.values()) / n
                else:
                    x = sum(p[0] for p in parts.values())
                    n = sum(p[1] for p in parts.values())
                    x = round(x, 2) if ind.measure == "amount" else x
            else:
                x, n = parts[a]
            rows[a].append((period.text, *_cells(ind, x, n, gap)))
    return [(a, *r) for a in areas + [municipality] for r in rows[a]]


def _cells(ind: Indicator, x, n: int, gap: bool) -> tuple[str, str, str, str]:
    """(value, numerator, denominator, n) as CSV texts for one draw."""
    if gap:
        return ("", "", "", "")
    if ind.measure in ("count", "amount"):
        return (_fmt(x, 2), "", "", "")
    if ind.measure == "rate":
        return (_fmt(x / n * ind.scale), _fmt(x), _fmt(n), "")
    if ind.measure == "index":
        return (_fmt(x, 3), "", "", _fmt(n))
    value = _fmt(100 * x / n, 2)
    if ind.id in SURVEY_SHARES:
        return (value, "", "", _fmt(n))
    return (value, _fmt(x), _fmt(n), "")


def _comparison_series(ind: Indicator, area: str) -> list[tuple[str, str, str, str, str, str]]:
    """Rows (area, period, value, numerator, denominator, n) of one comparison area: a Poisson
    count of the area's population at its relative level, with the municipality's trends damped
    (a country moves more slowly than one kommun)."""
    spec, rng = SPECS[ind.id], _rng("comparison", ind.id, area)
    start, growth = COMPARISON_POPULATION[area]
    drift = rng.normal(0, abs(spec.after) * 0.3 + 1e-3)
    rows = []
    for period in periods(ind.grain):
        pop = int(round(start * (1 + growth) ** (period.year - START_YEAR)))
        rate = spec.level * COMPARISONS[ind.id][area] / ind.scale
        rate *= math.exp(_trend(_mid(period), spec.before * 0.5, spec.after * 0.5 + drift))
        x = int(rng.poisson(rate * pop / PARTS[ind.grain]))
        rows.append((area, period.text, *_cells(ind, x, pop, False)))
    return rows


def demo_indicators(catalog: Catalog) -> list[Indicator]:
    """The catalog's indicators that get demo data (all but EXCLUDED, and only those with a Spec)."""
    return [i for i in catalog.indicators if i.id not in EXCLUDED and i.id in SPECS]


def demo_rows(catalog: Catalog | None = None) -> list[tuple[str, ...]]:
    """Every demo row (indicator, area, period, value, numerator, denominator, n) as CSV texts, in
    catalog order of indicators, then areas (municipality after its areas, comparison areas last,
    in catalog order), then periods."""
    catalog = catalog or load_catalog(config.DATA_DIR / "catalog")
    municipality = catalog.municipality.id
    areas = [a.id for a in catalog.local_areas if a.id != municipality]
    pops = populations(areas, range(START_YEAR, DEMO_AS_OF.year + 1))
    out = []
    for ind in demo_indicators(catalog):
        only_total = ind.focus_area in MUNICIPALITY_ONLY_FOCUS or ind.id in MUNICIPALITY_ONLY
        out.extend((ind.id, *row) for row in _series(ind, [] if only_total else areas, municipality, pops))
        for area in catalog.comparison_areas:
            if area.id in COMPARISONS.get(ind.id, {}) and area.id in COMPARISON_POPULATION:
                out.extend((ind.id, *row) for row in _comparison_series(ind, area.id))
    return out


def demo_csv(catalog: Catalog | None = None) -> bytes:
    """The demo file's bytes: UTF-8, comma, header COLUMNS, "\\n" line ends, empty for missing."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(demo_rows(catalog))
    return buffer.getvalue().encode("utf-8")


def write_demo(path: Path = DEMO_FILE) -> Path:
    """Writes demo_csv() to `path` (default: the shipped file) and returns the path."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(demo_csv())
    return path


if __name__ == "__main__":
    print(write_demo())
