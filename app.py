"""The frame: page config, language switch, navigation. Each screen is a thin script in pages/."""
import streamlit as st

from indicators import web

st.set_page_config(page_title=web.t("app.title"), page_icon="📊", layout="wide")

with st.sidebar:
    choice = st.radio(web.t("app.language"), ["sv", "en"], horizontal=True,
                      index=0 if web.lang() == "sv" else 1,
                      format_func=lambda code: {"sv": "Svenska", "en": "English"}[code],
                      key="language_switch")
    if choice != web.lang():
        web.set_lang(choice)
        st.rerun()

pages = [st.Page("pages/oversikt.py", title=web.t("nav.overview"), url_path="oversikt", default=True)]
st.navigation(pages).run()
