"""Översikt: every indicator with its latest municipality value and status."""
import streamlit as st

from indicators import web

st.title(web.t("app.title"))
st.dataframe(web.overview_table(), hide_index=True, width="stretch")
if web.shows_demo():
    st.caption(web.t("app.demo_mark"))
