"""What an indicator is, as the Indikator and Om pages show it: definition, unit, source, grain,
direction, target (adopted or exempelmål) and the method sentence, in the user's language."""
from __future__ import annotations

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog, Indicator


def target_text(indicator: Indicator, lang: str) -> str:
    """"−50 % jämfört med 2023 (exempelmål)", "0 (beslutat mål)", "inget mål"."""
    tg = indicator.target
    if tg.kind == "none" or tg.amount is None:
        return i18n.t("views.target_status.none", lang)
    amount = i18n.number(tg.amount, lang, 0 if float(tg.amount).is_integer() else 1)
    if tg.kind == "relative":
        text = f"{'+' if tg.amount > 0 else ''}{amount} % ({indicator.baseline_period})"
    elif tg.kind == "change":
        text = f"{'+' if tg.amount > 0 else ''}{amount} {indicator.unit(lang)} ({indicator.baseline_period})"
    else:
        text = f"{amount} {indicator.unit(lang)}"
    return f"{text} – {i18n.t('views.target_status.' + tg.status, lang)}"


def facts(indicator: Indicator, lang: str) -> dict:
    t = lambda k, **f: i18n.t(k, lang, **f)  # noqa: E731
    rows = [
        (t("views.unit"), indicator.unit(lang)),
        (t("views.source"), indicator.source),
        (t("views.grain_label"), t(f"views.grain.{indicator.grain}")),
        (t("views.polarity_label"), t(f"views.polarity.{indicator.polarity}")),
        (t("views.baseline"), indicator.baseline_period),
        (t("views.target"), target_text(indicator, lang)),
    ]
    basis = t("views.basis_year") if indicator.grain == "year" else t("views.basis_rolling")
    return {
        "name": indicator.name(lang),
        "definition": indicator.definition(lang),
        "table": pd.DataFrame(rows, columns=["", " "]).set_index(""),
        "method": t("views.method_text", basis=basis),
    }


def sources_table(catalog: Catalog, lang: str) -> pd.DataFrame:
    """One row per indicator: focus area, name, unit, source, grain, target."""
    t = lambda k: i18n.t(k, lang)  # noqa: E731
    return pd.DataFrame([{
        t("overview.focus_area"): catalog.focus_area(i.focus_area).name(lang),
        t("views.indicator"): i.name(lang),
        t("views.unit"): i.unit(lang),
        t("views.source"): i.source,
        t("views.grain_label"): t(f"views.grain.{i.grain}"),
        t("views.target"): target_text(i, lang),
        t("views.definition"): i.definition(lang),
    } for i in catalog.indicators])
