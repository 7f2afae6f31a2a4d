"""Om data och metod: sources, definitions, the method, small-count protection, demo data, and
when the data was last loaded."""
import streamlit as st

from indicators import web

st.title(web.t("nav.page.about"))
st.info(web.t("views.about_loaded", when=web.when(web.last_loaded())))
if web.shows_demo():
    st.warning(web.t("views.about_demo_text"), icon=":material/science:")
st.subheader(web.t("views.about_sources"))
st.dataframe(web.sources_table(), hide_index=True, width="stretch")
st.caption(web.caption())
st.subheader(web.t("views.about_disclosure"))
st.markdown(web.disclosure_text())
st.subheader(web.t("views.about_demo"))
st.markdown(web.t("views.about_demo_text"))
st.subheader(web.t("views.about_method"))
st.markdown(web.method_markdown())
