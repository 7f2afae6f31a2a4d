"""Polisens lista: Eskilstuna's areas on the police's lists 2015–2025, with sources."""
import streamlit as st

from indicators import web

police = web.police()
st.title(web.t("views.police_heading"))
st.markdown(web.t("views.police_page_intro"))
st.markdown(web.plain(police["view"].summary, None))
web.chart(police["figure"], key="police_list")
st.caption(web.caption("omraden_polisens_lista"))
st.dataframe(police["matrix"], hide_index=True, width="stretch")
st.caption(web.caption("omraden_polisens_lista"))
st.subheader(web.t("views.police_sources"))
st.dataframe(police["sources"], hide_index=True, width="stretch")
