"""Templates an analyst fills in: one row per indicator x area x next period (written as CSV by
`indicators.exports`)."""
from __future__ import annotations

from datetime import date

import pandas as pd

from indicators.catalog import Catalog, Indicator
from indicators.periods import Period, parse

HEADER_SV = ["indikator", "område", "period", "värde", "täljare", "nämnare", "antal_svarande",
             "kommentar"]


def last_complete(grain: str, today: date) -> Period:
    """The latest period of `grain` that has ended before `today`."""
    current = Period(today.year, grain, 1)
    while current.next().start <= today:
        current = current.next()
    return current.previous()


def template_rows(catalog: Catalog, indicators: list[Indicator], latest: dict[str, str | None],
                  periods: int = 1, today: date | None = None) -> list[list[str]]:
    """Rows for the `periods` periods after each indicator's latest real (non-demo) period.

    `latest` maps indicator id to that period's text; without one the template offers the last
    complete period before `today` and the ones after it.
    """
    rows = []
    for indicator in indicators:
        current = parse(latest[indicator.id]) if latest.get(indicator.id) else None
        if current is None:
            current = last_complete(indicator.grain, today or date.today()).previous()
        upcoming = []
        for _ in range(periods):
            current = current.next()
            upcoming.append(current)
        for period in upcoming:
            for area in catalog.local_areas:  # comparison rows come from national files, not templates
                rows.append([indicator.id, area.name, period.text, "", "", "", "", ""])
    return rows


def template_table(rows: list[list[str]]) -> pd.DataFrame:
    """The template as a table with the Swedish header; written as a file by the export registry
    (format `csv_cp1252`: `;`, CRLF, Windows-1252, as Excel with Swedish settings saves it)."""
    return pd.DataFrame(rows, columns=HEADER_SV, dtype=object)


FOLLOW_UP_KINDS = ("measures", "events", "assessments")


def follow_up_template(catalog: Catalog, kind: str) -> pd.DataFrame:
    """A template for a measures, events or assessments file (DATA.md §6-7): the header the ingest
    recognises and example rows an analyst overwrites (one measure per sub-goal, one event, one
    assessment per indicator of the first focus area with one)."""
    from indicators.ingest.follow_up_columns import ASSESSMENT_COLUMNS, EVENT_COLUMNS, MEASURE_COLUMNS

    if kind == "measures":
        header = [aliases[1] if len(aliases) > 1 and not aliases[1].isascii() else aliases[0]
                  for aliases in MEASURE_COLUMNS.values()]
        rows = [[f"FA{n}-01", goal.focus_area, goal.id, "", "kommun", "", "2025-01-01", "", "planerad",
                 "2025-T2", "", "|".join(goal.indicators[:1]), "", ""]
                for n, goal in enumerate(catalog.sub_goals, 1)] or [["FA1-01", catalog.focus_areas[0].id, "", "",
                                                                    "kommun", "", "2025-01-01", "", "planerad",
                                                                    "2025-T2", "", "", "", ""]]
    elif kind == "events":
        header = [aliases[0] for aliases in EVENT_COLUMNS.values()]
        rows = [["2025-01-01", "", "insats", "", "", ""]]
    else:
        header = [aliases[1] if len(aliases) > 1 and not aliases[1].isascii() else aliases[0]
                  for aliases in ASSESSMENT_COLUMNS.values()]
        rows = [[i.id, "2025-T2", "", "", ""] for i in catalog.indicators[:3]]
    return pd.DataFrame([row[:len(header)] for row in rows], columns=header, dtype=object)
