"""CSV templates an analyst fills in: one row per indicator x area x next period."""
from __future__ import annotations

import csv
import io

from .catalog import Catalog, Indicator
from .periods import Period, parse

HEADER_SV = ["indikator", "område", "period", "värde", "täljare", "nämnare", "antal_svarande",
             "kommentar"]


def template_rows(catalog: Catalog, indicators: list[Indicator], latest: dict[str, str | None],
                  periods: int = 1) -> list[list[str]]:
    """Rows for the `periods` periods after each indicator's latest stored period.

    `latest` maps indicator id to its latest period text (None when there is none: the template
    then starts at the baseline period's first period of the indicator's grain).
    """
    rows = []
    for indicator in indicators:
        current = parse(latest.get(indicator.id) or "") if latest.get(indicator.id) else None
        if current is None:
            base = parse(indicator.baseline_period)
            current = Period(base.year, indicator.grain, 1).previous() if base else None
        if current is None:
            continue
        upcoming = []
        for _ in range(periods):
            current = current.next()
            upcoming.append(current)
        for period in upcoming:
            for area in catalog.areas:
                rows.append([indicator.id, area.name, period.text, "", "", "", "", ""])
    return rows


def template_csv(rows: list[list[str]]) -> str:
    """The Swedish Excel dialect: `;` as delimiter, CRLF line ends (encode as cp1252 to save)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER_SV)
    writer.writerows(rows)
    return out.getvalue()
