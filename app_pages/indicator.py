"""Indikator: one indicator in depth: definition, unit, source, grain, target, method, the
disclosure-controlled data table and downloads (CSV for Swedish Excel, .xlsx)."""
import streamlit as st

from indicators import web

cat = web.catalog()
ids = list(cat.ids())
chosen = web.url_selectbox(web.t("views.indicator"), ids, "id", key="indicator_id",
                           format_func=web.indicator_names().get)
facts = web.indicator_facts(chosen)
st.title(web.plain(facts["name"], web.LABEL_LIMIT))
st.markdown(web.plain(facts["definition"], None))
st.table(web.plain_frame(facts["table"]))

view = web.focus(chosen, cat.municipality.id, None)
web.status_line(view["status"])
web.chart(view["trend"], key="indicator_trend")
st.caption(web.caption(chosen))
st.subheader(web.t("views.method"))
st.markdown(facts["method"])

st.subheader(web.t("views.data_table"))
st.caption(web.caption(chosen))
st.dataframe(web.indicator_table(chosen), hide_index=True, width="stretch")
for line in view["legend"]:
    st.caption(line)
files = web.downloads(chosen)
left, right = st.columns(2)
left.download_button(web.t("views.download_csv"), files["csv"], file_name=f"{chosen}.csv",
                     mime="text/csv", key="download_csv", icon=":material/download:")
right.download_button(web.t("views.download_xlsx"), files["xlsx"], file_name=f"{chosen}.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      key="download_xlsx", icon=":material/download:")
