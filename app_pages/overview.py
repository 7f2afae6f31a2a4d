"""Översikt: the agreement's goal, the police list now vs earlier, one card per focus area, every
indicator's status, and what changed since the last upload or a chosen date."""
import streamlit as st

from indicators import web

view = web.overview_view()
st.title(web.t("app.title"))
if web.shows_demo():
    st.warning(web.t("views.demo_notice"), icon=":material/science:")
st.subheader(web.t("views.goal_heading"))
st.markdown(f"> {web.t('views.goal')}")

police = web.police()
st.subheader(web.t("views.police_heading"))
st.markdown(web.plain(police["view"].summary, None))  # catalog names are text, not markup
web.chart(police["figure"], key="police_list")
st.caption(web.caption("omraden_polisens_lista"))

st.subheader(web.t("views.focus_cards"))
cards = [c for c in view["cards"] if web.has_focus_page(c.focus_area_id)]
for row_start in range(0, len(cards), 2):
    for column, card in zip(st.columns(2), cards[row_start:row_start + 2]):
        with column.container(border=True):
            st.markdown(f"#### {web.plain(card.name, web.LABEL_LIMIT)}")
            st.caption(web.t("views.status_counts"))
            st.markdown("  \n".join(web.plain(text) for text in card.count_texts))
            st.caption(web.t("measures.counts_heading"))
            st.markdown("  \n".join(web.plain(text) for text in [card.measures_text] + card.measure_texts))
            st.caption(web.t("views.moved_most"))
            st.markdown("  \n".join(f"- {web.plain(m.text)}" for m in card.movers) or web.t("views.no_movers"))
            web.focus_link(card.focus_area_id, web.t("views.open_focus", name=web.plain(card.name, web.LABEL_LIMIT)),
                           icon=":material/arrow_forward:")

st.subheader(web.t("views.all_indicators"))
st.dataframe(view["table"], hide_index=True, width="stretch")
st.caption(web.caption())

st.subheader(web.t("views.changes_heading"))
last = web.last_loaded()
modes = {"last": web.t("views.changes_last", when=web.when(last)), "date": web.t("views.changes_date")}
choice = st.radio(web.t("views.changes_since"), list(modes), horizontal=True, key="changes_mode",
                  format_func=modes.get)
if choice == "date":
    since = web.since_date(st.date_input(web.t("views.changes_pick_date"), value=web.default_since_date(),
                                         key="changes_date", format="YYYY-MM-DD"))
else:
    since = web.since_last_upload()
found = web.changes_since(since)
if found["new"] or found["revised"]:
    st.markdown(web.t("views.changes_count", new=web.number(found["new"]),
                      revised=web.number(found["revised"])))
    st.dataframe(found["summary"], hide_index=True, width="stretch")
    st.dataframe(found["table"], hide_index=True, width="stretch")
    st.caption(web.t("views.changes_limited", limit=web.number(len(found["table"]))) + " · " + web.caption())
if len(found["measures"]):
    st.markdown(f"**{web.t('measures.changes_heading')}**")
    st.dataframe(found["measures"], hide_index=True, width="stretch")
if not (found["new"] or found["revised"] or len(found["measures"])):
    st.info(web.t("views.changes_none"))
