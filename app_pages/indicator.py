"""Indikator: one indicator in depth: definition, unit, source, grain, target, method, the status
and beside it the committee's assessment (an analyst can record one), the disclosure-controlled
data table with the analysts' comments, linked measures, and downloads (CSV for Swedish Excel,
.xlsx)."""
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
follow = web.indicator_follow_up(chosen)
web.status_line(view["status"])
web.assessment_line(follow["latest"])
if follow["latest"] is not None:
    st.caption(web.t("assessment.beside"))
web.chart(view["trend"], key="indicator_trend")
st.caption(web.caption(chosen))
web.follow_up_captions(view["captions"])
st.subheader(web.t("views.method"))
st.markdown(facts["method"])

st.subheader(web.t("views.data_table"))
st.caption(web.caption(chosen))
st.dataframe(web.indicator_table(chosen), hide_index=True, width="stretch")
for line in view["legend"]:
    st.caption(line)
st.subheader(web.t("notes.heading"))
if follow["notes"]:
    st.markdown("\n".join(f"- {web.plain(area)} · {web.plain(period)}: {web.plain(note)}"
                          for area, period, note in follow["notes"]))
else:
    st.caption(web.t("notes.none"))
files = web.downloads(chosen)
left, right = st.columns(2)
left.download_button(web.t("views.download_csv"), files["csv"], file_name=f"{chosen}.csv",
                     mime="text/csv", key="download_csv", icon=":material/download:")
right.download_button(web.t("views.download_xlsx"), files["xlsx"], file_name=f"{chosen}.xlsx",
                      mime="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                      key="download_xlsx", icon=":material/download:")

st.subheader(web.t("assessment.heading"))
st.caption(web.t("assessment.beside"))
if len(follow["assessments"]):
    st.dataframe(follow["assessments"], hide_index=True, width="stretch")
else:
    st.caption(web.t("assessment.none"))
web.assessment_form(chosen)

if len(follow["measures"]):
    st.subheader(web.t("measures.title"))
    st.caption(web.t("measures.effect_note"))
    st.dataframe(follow["measures"], hide_index=True, width="stretch")
