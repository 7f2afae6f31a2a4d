"""Åtgärder: every measure of the agreement with its owner, period, status in the latest follow-up
round, linked indicators and areas, and comment. The filters (focus area, owner, status, area)
live in the URL (?fokus=...&ansvarig=...&status=...&omrade=...), so a copied link reproduces the
view; the table downloads as CSV or .xlsx."""
import streamlit as st

from indicators import web

FILTERS = (("focus_area", "fokus", "measures.filter_focus"), ("owner", "ansvarig", "measures.filter_owner"),
           ("status", "status", "measures.filter_status"), ("area", "omrade", "measures.filter_area"))

st.title(web.t("measures.title"))
st.markdown(web.t("measures.intro"))
st.caption(web.t("measures.effect_note"))
options = web.measure_options()
chosen = {}
for column, (kind, param, label) in zip(st.columns(len(FILTERS)), FILTERS):
    names = options[kind]
    chosen[kind] = web.url_selectbox(web.t(label), list(names), param, key=f"measures_{kind}",
                                     format_func=names.get, where=column)
page = web.measures_page(**chosen)
if not page["total"]:
    st.info(web.t("measures.none"))
    st.stop()
if page["demo"]:
    st.warning(web.t("views.demo_notice"), icon=":material/science:")
st.markdown(f"**{page['counts']}**")
if not page["shown"]:
    st.info(web.t("measures.none_filtered"))
    st.stop()
st.dataframe(page["table"], hide_index=True, width="stretch")
st.caption(web.t("measures.source", when=web.when(page["loaded_at"]))
           + (f" · {web.t('app.demo_mark')}" if page["demo"] else ""))
left, right = st.columns(2)
left.download_button(web.t("measures.download_csv"), page["csv"], file_name="atgarder.csv",
                     mime="text/csv", key="measures_csv", icon=":material/download:")
right.download_button(web.t("measures.download_xlsx"), page["xlsx"], file_name="atgarder.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      key="measures_xlsx", icon=":material/download:")

st.subheader(web.t("measures.details"))
for card in web.paged(page["cards"], key="measures_cards_" + "_".join(chosen.values())):
    with st.container(border=True):
        st.markdown(f"**{web.plain(card.measure_id)} · {web.plain(card.title)}** — {card.status}"
                    + (f" · {web.t('app.demo_mark')}" if card.demo else ""))
        st.caption(web.plain(card.meta) + (f" · {web.plain(card.areas)}" if card.areas else ""))
        if card.comment:
            st.markdown(web.plain(card.comment))
        if card.indicators:
            st.caption(web.t("measures.linked"))
            for indicator_id, name in card.indicators:
                web.indicator_link(indicator_id, name)
