"""The Polisens lista page's table: Eskilstuna's areas × the police's lists 2015–2025, the category
on each list, an unknown list shown as unknown (never as "not listed"), an inferred one marked."""
from __future__ import annotations

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog
from indicators.catalog.reference import PoliceListing


def matrix(listings: list[PoliceListing], catalog: Catalog, lang: str) -> pd.DataFrame:
    years = sorted({r.list_year for r in listings})
    certainty = {y: min((r.certainty for r in listings if r.list_year == y),
                        key=("unknown", "inferred", "published").index) for y in years}
    areas = list(dict.fromkeys(r.area_id for r in listings if r.area_id))
    cell = {(r.area_id, r.list_year): r.category for r in listings if r.area_id}
    rows = []
    for area_id in areas:
        row = {i18n.t("views.police.col.area", lang): catalog.area(area_id).name
               if catalog.area(area_id) else area_id}
        for y in years:
            if certainty[y] == "unknown":
                text = "? " + i18n.t("views.police.unknown", lang)
            elif (area_id, y) in cell:
                text = _category(cell[(area_id, y)], lang)
                if certainty[y] == "inferred":
                    text += f" ({i18n.t('views.police.inferred', lang)})"
            else:
                text = "–"
            row[str(y)] = text
        rows.append(row)
    return pd.DataFrame(rows)


def _category(category: str | None, lang: str) -> str:
    key = {"utsatt område": "utsatt", "riskområde": "risk",
           "särskilt utsatt område": "sarskilt"}.get(category or "", None)
    return i18n.t(f"views.police.category.{key}", lang) if key else (category or "–")


def sources(listings: list[PoliceListing], lang: str) -> pd.DataFrame:
    col = lambda k: i18n.t(f"views.police.col.{k}", lang)  # noqa: E731
    seen = {}
    for r in listings:
        seen.setdefault(r.list_year, {
            col("list"): str(r.list_year), col("published"): r.published or "–",
            col("certainty"): i18n.t(f"views.police.certainty.{r.certainty}", lang),
            col("source"): r.source, col("retrieved"): r.retrieved})
    return pd.DataFrame(list(seen.values()))
