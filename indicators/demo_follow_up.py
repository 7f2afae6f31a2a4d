"""Demo measures (åtgärder) and events: the follow-up half of the demo data set.

Deterministic like the demo values (a fixed seed, the same end date DEMO_AS_OF): for each sub-goal
of the catalog a few fictitious measures with an owner, a period and a status per follow-up round
(tertials, as municipalities report them, from the measure's start to the latest complete tertial),
linked to the sub-goal's indicators; and a handful of fictitious events (an intervention, a survey
method change, a series break). Shipped as data/demo/demo_measures.csv and demo_events.csv (a test
checks them byte for byte against this generator) and loaded as demo, so they are marked
"EXEMPELDATA" wherever they show and disappear as soon as real measures or events are loaded.
Regenerate with `python -m indicators.demo_follow_up`.
"""
from __future__ import annotations

import csv
import io
from datetime import date, timedelta
from pathlib import Path

import numpy as np

from indicators import config
from indicators.catalog import Catalog, load_catalog
from indicators.demo import DEMO_AS_OF
from indicators.periods import Period

SEED = 20240101
MEASURES_FILE = config.DATA_DIR / "demo" / "demo_measures.csv"
EVENTS_FILE = config.DATA_DIR / "demo" / "demo_events.csv"
MEASURE_HEADER = ("atgard", "fokusomrade", "delmal", "titel", "ansvarig", "enhet", "start", "slut", "status",
                  "uppfoljning", "indikatorer", "omraden", "kommentar")
EVENT_HEADER = ("datum", "titel", "typ", "indikator", "omrade", "kommentar")
OWNERS = (("kommun", "socialtjänst"), ("polis", "lokalpolisområde Eskilstuna"), ("kommun", "skola"),
          ("kommun", "fritid"), ("kommun", "stadsbyggnad"), ("kommun", "kommunledning"))
TITLES = ("Samordnad insats", "Förstärkt närvaro", "Metodstöd", "Uppsökande arbete", "Kartläggning",
          "Gemensam utbildning", "Platsåtgärd", "Kontrollinsats")
FIRST_TERTIAL = Period(2024, "tertial", 1)


def latest_tertial(as_of: date = DEMO_AS_OF) -> Period:
    """The latest tertial that has ended on `as_of` (2026-10-31 -> 2026-T2)."""
    period = Period(as_of.year, "tertial", (as_of.month - 1) // 4 + 1)
    return period.previous() if period.end > as_of else period


def _rounds(start: Period, end: Period) -> list[Period]:
    out, period = [], start
    while period <= end:
        out.append(period)
        period = period.next()
    return out


def measure_rows(catalog: Catalog) -> list[tuple[str, ...]]:
    """One row per demo measure and follow-up round, in a fixed order."""
    rng = np.random.default_rng(SEED)
    last = latest_tertial()
    tertials = _rounds(FIRST_TERTIAL, last)
    local = [a.id for a in catalog.local_areas if a.kind != "kommun"]
    rows = []
    for number, goal in enumerate(catalog.sub_goals, 1):
        for k in range(2 + number % 2):
            measure = f"FA{catalog.focus_areas.index(catalog.focus_area(goal.focus_area))}-{number:02d}{chr(97 + k)}"
            owner, unit = OWNERS[int(rng.integers(len(OWNERS)))]
            start = tertials[int(rng.integers(0, len(tertials) - 2))]
            length = int(rng.integers(2, 7))
            end = Period(start.year, "tertial", start.index)
            for _ in range(length):
                end = end.next()
            areas = [local[int(i)] for i in sorted(rng.choice(len(local), size=int(rng.integers(0, 3)), replace=False))]
            title = f"{TITLES[int(rng.integers(len(TITLES)))]} – {goal.name_sv.split(' (')[0].lower()}"
            fate = rng.choice(["done", "delayed", "cancelled", "ongoing"], p=[0.55, 0.2, 0.05, 0.2])
            status = "planerad"
            for period in _rounds(start, last):
                if period > start:
                    status = "pågår"
                if period >= end:
                    status = {"done": "genomförd", "delayed": "försenad", "cancelled": "avbruten",
                              "ongoing": "pågår"}[str(fate)]
                rows.append((measure, goal.focus_area, goal.id, title, owner, unit, start.start.isoformat(),
                             (end.end - timedelta(days=1)).isoformat() if fate != "ongoing" else "",
                             status, period.text, "|".join(goal.indicators[:2]), "|".join(areas), ""))
    return rows


def event_rows() -> list[tuple[str, ...]]:
    return [
        ("2024-03-01", "Insatsen Trygg sommar startar (fiktiv)", "insats", "", "froslunda", "Polis och fritid"),
        ("2025-01-01", "Ny metod i trygghetsmätningen (fiktiv)", "metodbyte", "otrygghet_kvall", "",
         "Webbenkät i stället för postenkät"),
        ("2025-01-01", "Ny metod i trygghetsmätningen (fiktiv)", "metodbyte", "problemindex", "", ""),
        ("2024-07-01", "Ny rutin för registrering av skadegörelse (fiktiv)", "seriebrott", "skadegorelse", "", ""),
        ("2025-09-01", "Sociala insatsgrupper utökas (fiktiv)", "insats", "unga_sig", "", ""),
    ]


def _csv(header: tuple[str, ...], rows: list[tuple[str, ...]]) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def measures_csv(catalog: Catalog | None = None) -> bytes:
    return _csv(MEASURE_HEADER, measure_rows(catalog or load_catalog()))


def events_csv() -> bytes:
    return _csv(EVENT_HEADER, event_rows())


def write_demo(measures: Path = MEASURES_FILE, events: Path = EVENTS_FILE) -> tuple[Path, Path]:
    measures.write_bytes(measures_csv())
    events.write_bytes(events_csv())
    return measures, events


if __name__ == "__main__":
    for path in write_demo():
        print(path)
