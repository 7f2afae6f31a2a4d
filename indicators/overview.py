"""The overview table: each indicator's latest municipality value and its status, as text."""
from __future__ import annotations

import pandas as pd

from . import status as status_words
from .catalog import Catalog
from .disclosure import protect, label
from .i18n import t
from .periods import Period
from .progress import assess


def overview_table(catalog: Catalog, series: dict[str, list[tuple[Period, float | None]]],
                   lang: str) -> pd.DataFrame:
    """One row per indicator: focus area, name, latest period, latest value (disclosure-controlled),
    target, status as symbol + word."""
    rows = []
    whole = catalog.municipality.id
    for indicator in catalog.indicators:
        points = series.get(indicator.id, [])
        assessment = assess(indicator, points)
        latest = next(((p, v) for p, v in reversed(points) if v is not None), None)
        shown = "–"
        if latest:
            frame = pd.DataFrame({"indicator_id": [indicator.id], "area_id": [whole],
                                  "period": [latest[0].text], "value": [latest[1]]})
            safe = protect(frame, catalog).iloc[0]
            shown = label(safe["value"], safe["suppressed"], lang, indicator.decimals)
        rows.append({
            t("overview.focus_area", lang): catalog.focus_area(indicator.focus_area).name(lang),
            t("overview.indicator", lang): indicator.name(lang),
            t("overview.period", lang): latest[0].text if latest else "–",
            t("overview.value", lang): shown,
            t("overview.unit", lang): indicator.unit(lang),
            t("overview.status", lang): status_words.badge(assessment.status, indicator.polarity, lang),
        })
    return pd.DataFrame(rows)
