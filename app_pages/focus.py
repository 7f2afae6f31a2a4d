"""A focus area's page (one per focus area of the catalog, each with its own URL; the frame says
which): its measures' status counts, per indicator a trend toward 2027 (with the periods of linked
measures and the events that concern it), the status and beside it the committee's assessment,
and, in tabs of which only the open one is built, the ranked areas and the area × year heat
table; then the measures by sub-goal and by owner. Area and period range live in the URL (?area=froslunda&from=2021&to=2026), so a copied link reproduces
the view."""
import streamlit as st

from indicators import web

AREA, FROM, TO = "area", "from", "to"


def _filters(focus_id: str, indicator_ids: list[str]):
    cat = web.catalog()
    areas = [cat.municipality.id] + [a.id for a in cat.local_areas if a.kind != "kommun"]
    years = web.years(indicator_ids)
    left, right = st.columns([1, 2])
    area = web.url_selectbox(web.t("views.area"), areas, AREA, key=f"{focus_id}_area",
                             format_func=lambda a: cat.area(a).name, where=left)
    span = None
    if years:
        start = web.url_choice(FROM, years, web.default_first_year(years))
        end = web.url_choice(TO, years, years[-1])
        span = right.select_slider(web.t("views.years"), years, value=(min(start, end), max(start, end)),
                                   key=f"{focus_id}_years")
        web.keep_in_url(**{FROM: span[0], TO: span[1]})
    return area, span


def render(focus_id: str | None) -> None:
    cat = web.catalog()
    if focus_id is None:   # a catalog with no focus area but the overall goal
        st.info(web.t("views.no_data"))
        return
    focus = cat.focus_area(focus_id)
    indicators = cat.indicators_in(focus_id)
    st.title(web.plain(focus.name(web.lang()), web.LABEL_LIMIT))
    area, span = _filters(focus_id, [i.id for i in indicators])
    measures = web.focus_measures(focus_id)
    st.markdown(f"**{web.t('measures.counts_heading')}:** {measures['counts']}"
                + (f" · {web.t('app.demo_mark')}" if measures["demo"] else ""))
    web.measures_link(web.t("measures.open_all"), focus_area_id=focus_id)
    for ind in indicators:
        view = web.focus(ind.id, area, span)
        st.header(web.plain(ind.name(web.lang()), web.LABEL_LIMIT), divider="gray")
        web.status_line(view["status"])
        web.assessment_line(view["assessment"])
        caption = web.caption(ind.id)
        if view["no_values"]:
            st.info(view["no_values"])
        web.chart(view["trend"], key=f"trend_{ind.id}")
        notes = [caption, web.t("views.projection_note", baseline=ind.baseline_period,
                                year=ind.target.year)]
        if view["example"]:
            notes.append(web.t("views.example_target_note"))
        st.caption(" ".join(notes))
        web.follow_up_captions(view["captions"])
        _comparison(ind.id, area, span, caption)
        for line in view["legend"]:
            st.caption(line)
    _measures(focus_id, measures)


def _comparison(indicator_id: str, area: str, span, caption: str) -> None:
    """The areas compared, in tabs (ranking, area × year); only the open tab is built and sent."""
    tabs = st.tabs([web.t(f"views.tab_{part}") for part in web.COMPARISONS],
                   key=f"compare_{indicator_id}", on_change="rerun")
    for tab, part in zip(tabs, web.COMPARISONS):
        if not tab.open:
            continue
        with tab:
            figure = web.focus_comparison(indicator_id, area, span, part)
            if figure is None:
                st.info(web.t("views.no_data"))
            else:
                web.chart(figure, key=f"{part}_{indicator_id}")
                st.caption(caption)


def _measures(focus_id: str, measures: dict) -> None:
    """The focus area's measures by sub-goal (example sub-goals marked), then by owner."""
    st.header(web.t("measures.by_sub_goal"), divider="gray")
    st.caption(web.t("measures.effect_note"))
    for group in measures["groups"]:
        st.subheader(group.name)
        if group.placeholder:
            st.caption(web.t("measures.placeholder_sub_goal"))
        st.markdown(group.counts_text)
        if len(group.table):
            st.dataframe(group.table, hide_index=True, width="stretch")
    if measures["total"]:
        st.subheader(web.t("measures.by_owner"))
        st.dataframe(measures["owners"], hide_index=True, width="stretch")


render(web.current_focus_area())
