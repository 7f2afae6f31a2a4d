"""The follow-up half of the screens, cached per store version and language: every measure's latest
round, a focus page's measures, the Åtgärder page (filters, table, cards, downloads), and an
indicator page's assessments, notes and linked measures.
"""
from __future__ import annotations

import streamlit as st

from indicators import i18n
from indicators.web.data import Key, _protected, catalog, cursor, version
from indicators.web.session import lang


# --- measures (åtgärder), assessments, notes ---------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=8)
def _all_measures(key: Key):
    """The latest round of every measure (the view `measures`)."""
    from indicators.store import follow_up
    return follow_up.measures(cursor(key))


@st.cache_data(show_spinner=False, max_entries=16)
def _focus_measures(key: Key, focus_id: str, language: str) -> dict:
    from indicators.views import measures as mv
    frame = _all_measures(key)
    mine = frame[frame["focus_area_id"] == focus_id] if len(frame) else frame
    found = mv.counts(mine)
    return {"total": found.total, "counts": mv.counts_text(found, language),
            "status_texts": mv.status_texts(found, language),
            "owners": mv.owner_table(mine, language),
            "groups": mv.by_sub_goal(frame, catalog(), focus_id, language),
            "demo": bool(len(mine)) and bool(mine["is_demo"].any())}


def focus_measures(focus_id: str) -> dict:
    """A focus page's measures: counts ("12 av 18 genomförda, 3 försenade"), by owner, by sub-goal."""
    return _focus_measures(version(), focus_id, lang())


@st.cache_data(show_spinner=False, max_entries=32)
def _measures_page(key: Key, chosen, language: str) -> dict:
    from indicators.views import measures as mv
    cat = catalog()
    frame = _all_measures(key)
    shown = mv.ordered(mv.filtered(frame, chosen), cat)
    demo = bool(len(shown)) and bool(shown["is_demo"].any())
    loaded = frame["loaded_at"].max() if len(frame) else None
    return {"total": len(frame), "shown": len(shown),
            "counts": mv.counts_text(mv.counts(shown), language),
            "table": mv.table(shown, cat, language), "cards": mv.cards(shown, cat, language),
            "csv": mv.download(shown, cat, language, "csv"),
            "xlsx": mv.download(shown, cat, language, "xlsx"), "demo": demo,
            "loaded_at": None if loaded is None or str(loaded) == "NaT" else loaded}


def measure_options() -> dict[str, dict[str, str]]:
    """The Åtgärder page's filter choices, {filter: {value: label}} in the session's language
    ("alla" first: no filter)."""
    from indicators.method import measure_status
    from indicators.views import measures as mv
    cat = catalog()
    language = lang()
    found = mv.options(_all_measures(version()), cat)
    everything = i18n.t("measures.all", language)

    def label(kind: str, value: str) -> str:
        if value == mv.ALL:
            return everything
        if kind == "focus_area":
            return cat.focus_area(value).name(language)
        if kind == "status":
            return measure_status.label(value, language)
        if kind == "area":
            return cat.area(value).name
        return value
    return {kind: {v: label(kind, v) for v in values} for kind, values in found.items()}


def measures_page(focus_area: str, owner: str, status: str, area: str) -> dict:
    """The Åtgärder page for the chosen filters: counts, the table, one card per measure, the
    table as CSV and .xlsx (through the export registry, with the demo mark when demo)."""
    from indicators.views import measures as mv
    return _measures_page(version(), mv.Filters(focus_area, owner, status, area), lang())


@st.cache_data(show_spinner=False, max_entries=32)
def _indicator_follow_up(key: Key, indicator_id: str, language: str) -> dict:
    from indicators.store import follow_up
    from indicators.views import assessments, focus as focus_view, measures as mv
    cat = catalog()
    ind = cat.indicator(indicator_id)
    found = follow_up.assessments(cursor(key), indicator_id)
    linked = follow_up.measures(cursor(key), indicator_id=indicator_id)
    return {"latest": assessments.latest(found, ind, language),
            "assessments": assessments.table(found, ind, language),
            "notes": focus_view.notes(ind, _protected(key, indicator_id), cat),
            "measures": mv.table(linked, cat, language, sub_goal=False)}


def indicator_follow_up(indicator_id: str) -> dict:
    """An indicator page's commentary: the committee's assessments (latest and all), the
    analysts' notes on values (protected), the measures linked to it."""
    return _indicator_follow_up(version(), indicator_id, lang())
