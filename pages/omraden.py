"""Områden: one area's profile across every indicator beside the whole municipality."""
import streamlit as st

from indicators import web

cat = web.catalog()
areas = [a.id for a in cat.areas if a.kind != "kommun"]
wanted = st.query_params.get("area")
area = st.selectbox(web.t("views.pick_area"), areas, index=areas.index(wanted) if wanted in areas else 0,
                    format_func=lambda a: cat.area(a).name, key="profile_area")
if st.query_params.get("area") != area:
    st.query_params["area"] = area
st.title(web.t("views.profile_title", area=cat.area(area).name, municipality=cat.municipality.name))
st.caption(web.t("views.profile_help"))
profile = web.profile(area)
web.chart(profile["figure"], key="profile")
st.caption(web.caption())
st.dataframe(profile["table"], hide_index=True, width="stretch")
st.caption(web.caption())
