"""What each screen shows, cached per store version and language: the overview, a focus page's
figures, an area profile, an indicator's table and downloads, changes since a moment, the police
list, the about page's tables. Built from the core's view models and chart builders; every number
is disclosure-controlled (through data._protected) before it is cached.
"""
from __future__ import annotations

import streamlit as st

from indicators import i18n
from indicators.web.data import Key, _legend, _municipality, _protected, _provenance, catalog, cursor, version
from indicators.web.follow_up_data import _all_measures
from indicators.web.session import lang


@st.cache_data(show_spinner=False, max_entries=16)
def _overview(key: Key, language: str):
    from indicators.views import overview
    from indicators.catalog import reference
    frame = _municipality(key)
    return {"cards": overview.cards(catalog(), frame, language, measures=_all_measures(key)),
            "table": overview.table(catalog(), frame, language),
            "police": overview.police_list_view(reference.police_lists(), catalog(), language)}


def overview_view() -> dict:
    """Cards per focus area, the indicator table and the police-list view, in the session's language."""
    return _overview(version(), lang())



def _demo_mark(frame, language: str) -> str | None:
    """The demo mark of a chart drawn from `frame` (protected values), or None for real values.
    A chart of real values draws no demo measure or event either (chart_marks.marks)."""
    return i18n.t("app.demo_mark", language) if bool(frame["is_demo"].any()) else None


@st.cache_data(show_spinner=False, max_entries=128)
def _focus(key: Key, indicator_id: str, area_id: str, years, language: str):
    from indicators import charts
    from indicators.store import follow_up
    from indicators.views import assessments, chart_marks, trend
    cat = catalog()
    ind = cat.indicator(indicator_id)
    frame = _protected(key, indicator_id)
    mark = _demo_mark(frame, language)
    area = cat.area(area_id)
    data, status_view = trend.trajectory_data(ind, frame, area_id, area.name, language, years,
                                              catalog=cat)
    con = cursor(key)
    marks = chart_marks.marks(follow_up.measures(con, indicator_id=indicator_id),
                              follow_up.events(con, indicator_id=indicator_id), cat, language,
                              area_id=area_id, right_edge=data.x_range[1] if data.x_range else None,
                              real_values=mark is None)
    chart_marks.apply(data, marks, language)
    drawn = [v for v in (*data.y, *data.period_y) if v is not None]
    return {"status": status_view, "trend": charts.trajectory(data, language, demo_mark=mark),
            "no_values": None if drawn else i18n.t("views.no_values_area", language, area=area.name),
            "example": data.target is not None and ind.target.is_example,
            "captions": marks.captions, "legend": _legend(frame, language),
            "assessment": assessments.latest(follow_up.assessments(con, indicator_id), ind, language)}


def focus(indicator_id: str, area_id: str, years: tuple[int, int] | None) -> dict:
    """One indicator's trend figure toward 2027 for an area, its status, the committee's latest
    assessment, the measures' and events' captions and the legend lines."""
    return _focus(version(), indicator_id, area_id, tuple(years) if years else None, lang())


COMPARISONS = ("ranking", "heat")   # a focus page's tabs under each trend, built when opened


@st.cache_data(show_spinner=False, max_entries=128)
def _comparison(key: Key, indicator_id: str, area_id: str, years, part: str, language: str):
    from indicators import charts
    from indicators.views import focus as focus_view, heat as heat_view
    cat = catalog()
    ind = cat.indicator(indicator_id)
    frame = _protected(key, indicator_id)
    mark = _demo_mark(frame, language)
    if part == "ranking":
        rank = focus_view.ranking(ind, frame, cat, language, years)
        if not rank or not rank.names:
            return None
        return charts.area_ranking(
            f"{ind.name(language)} – " + i18n.t("views.ranking", language, period=rank.period),
            rank.names, rank.values, rank.texts, rank.hovers, language,
            x_title=ind.unit(language), highlight=cat.area(area_id).name, reference=rank.reference,
            demo_mark=mark)
    heat = heat_view.heat(ind, frame, cat, language, years, selected=area_id)
    if not heat:
        return None
    return charts.heat_table(
        f"{ind.name(language)} – " + i18n.t("views.heat", language), heat.rows, heat.columns,
        heat.z, heat.texts, language, colour_title=ind.unit(language), hovers=heat.hovers,
        demo_mark=mark)


def focus_comparison(indicator_id: str, area_id: str, years: tuple[int, int] | None, part: str):
    """The areas compared for one indicator: `part` "ranking" (the areas ranked in the latest
    period, `area_id` highlighted) or "heat" (area × year table); a plotly figure, or None when
    there is nothing to compare. Raises KeyError for another `part`."""
    if part not in COMPARISONS:
        raise KeyError(part)
    return _comparison(version(), indicator_id, area_id, tuple(years) if years else None, part,
                       lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _years(key: Key, indicator_ids: tuple[str, ...]) -> list[int]:
    from indicators.views import values
    found: set[int] = set()
    for i in indicator_ids:
        found.update(values.years_available(_protected(key, i)))
    return sorted(found)


def years(indicator_ids) -> list[int]:
    return _years(version(), tuple(indicator_ids))


@st.cache_data(show_spinner=False, max_entries=32)
def _profile(key: Key, area_id: str, language: str):
    from indicators.views import area_profile
    from indicators import charts
    cat = catalog()
    frames = {i.id: _protected(key, i.id) for i in cat.indicators}
    rows, table = area_profile.rows(cat, frames, area_id, language)
    demo = any(bool(f["is_demo"].any()) for f in frames.values())
    mark = i18n.t("app.demo_mark", language) if demo else None
    area = cat.area(area_id)
    figure = charts.profile(
        i18n.t("views.profile_title", language, area=area.name, municipality=cat.municipality.name),
        rows, language, area_name=area.name, municipality_name=cat.municipality.name,
        range_name=i18n.t("views.range", language), better=i18n.t("views.better", language),
        worse=i18n.t("views.worse", language), demo_mark=mark)
    return {"figure": figure, "table": table, "demo": demo}


def profile(area_id: str) -> dict:
    return _profile(version(), area_id, lang())


@st.cache_data(show_spinner=False, max_entries=64)
def _indicator_table(key: Key, indicator_id: str, language: str, for_download: bool):
    from indicators.views import focus as focus_view
    cat = catalog()
    return focus_view.table(cat.indicator(indicator_id), _protected(key, indicator_id), cat,
                            language, for_download=for_download)


def indicator_table(indicator_id: str):
    return _indicator_table(version(), indicator_id, lang(), False)


@st.cache_data(show_spinner=False, max_entries=32)
def _downloads(key: Key, indicator_id: str, language: str) -> dict[str, bytes]:
    from indicators.exports import downloads
    frame = _indicator_table(key, indicator_id, language, True)
    mark = i18n.t("app.demo_mark", language) if _provenance(key, indicator_id)["demo"] else None
    return {"csv": downloads.csv_bytes(frame, language, demo_mark=mark),
            "xlsx": downloads.xlsx_bytes(frame, sheet=indicator_id, demo_mark=mark)}


def downloads(indicator_id: str) -> dict[str, bytes]:
    """CSV (Swedish Excel dialect in Swedish) and .xlsx of the protected data table."""
    return _downloads(version(), indicator_id, lang())

@st.cache_data(show_spinner=False, max_entries=16)
def _changes(key: Key, since, language: str, limit: int):
    from indicators.views import changes
    from indicators.store import queries
    con = cursor(key)
    cat = catalog()
    sensitive = [i.id for i in cat.indicators if i.sensitive]
    hidden = changes.hidden_keys({i: _protected(key, i) for i in sensitive})
    summary = queries.changes_summary(con, since)
    detail = queries.changes_since(con, since, limit)
    return {"summary": changes.summary(summary, cat, language),
            "table": changes.table(detail, cat, language, hidden),
            "new": int(summary["new"].sum()) if len(summary) else 0,
            "revised": int(summary["revised"].sum()) if len(summary) else 0,
            "measures": _measure_changes(key, since, language)}


def _measure_changes(key: Key, since, language: str):
    from indicators.store import follow_up
    from indicators.views import changes
    return changes.measure_table(follow_up.status_changes_since(cursor(key), since), catalog(), language)


def changes_since(since, limit: int = 200) -> dict:
    """New and revised values loaded after `since` (UTC datetime), protected, in the session's language."""
    return _changes(version(), since, lang(), limit)


@st.cache_data(show_spinner=False, max_entries=8)
def _police(language: str):
    from indicators import charts
    from indicators.views import overview, police as police_view
    from indicators.catalog import reference
    cat = catalog()
    listings = reference.police_listings()
    view = overview.police_list_view(reference.police_lists(), cat, language)
    figure = charts.police_list(i18n.t("views.police_heading", language), view.years, view.counts,
                                view.texts, view.hovers, view.patterns, language,
                                y_title=i18n.t("views.police.axis", language),
                                legend_note=view.legend)
    return {"view": view, "figure": figure,
            "matrix": police_view.matrix(listings, cat, language),
            "sources": police_view.sources(listings, language)}


def police() -> dict:
    """The police-list chart (real reference data: no demo mark), matrix and sources."""
    return _police(lang())


def method_markdown() -> str:
    """The method page (docs/method.md) in the session's language."""
    from indicators.views.method_page import method_markdown as page
    return page(lang())


@st.cache_data(show_spinner=False, max_entries=64)
def _facts(indicator_id: str, language: str) -> dict:
    from indicators.views import definitions
    return definitions.facts(catalog().indicator(indicator_id), language)


def indicator_facts(indicator_id: str) -> dict:
    return _facts(indicator_id, lang())


def sources_table():
    from indicators.views import definitions
    return definitions.sources_table(catalog(), lang())
