"""Områden: one area's profile across every indicator beside the whole municipality."""
import streamlit as st

from indicators import web

cat = web.catalog()
areas = [a.id for a in cat.local_areas if a.kind != "kommun"]
area = web.url_selectbox(web.t("views.pick_area"), areas, "area", key="profile_area",
                         format_func=lambda a: cat.area(a).name)
st.title(web.t("views.profile_title", area=web.plain(cat.area(area).name, web.LABEL_LIMIT),
               municipality=web.plain(cat.municipality.name, web.LABEL_LIMIT)))
st.caption(web.t("views.profile_help"))
profile = web.profile(area)
web.chart(profile["figure"], key="profile")
st.caption(web.caption())
st.dataframe(profile["table"], hide_index=True, width="stretch")
st.caption(web.caption())
