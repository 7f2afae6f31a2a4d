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
    web.login_box()  # login / logout (always visible to a logged-in user)

web.require_login_for_browsing()

web.keep_lang_in_url()  # ?lang=en survives navigation, so a copied link keeps the language

pages = {
    web.t("nav.section.follow"): [
        st.Page("pages/oversikt.py", title=web.t("nav.overview"), url_path="oversikt",
                icon=":material/dashboard:", default=True),
    ],
    web.t("nav.section.focus"): web.focus_page_entries(),
    web.t("nav.section.data"): [
        st.Page("pages/omraden.py", title=web.t("nav.page.areas"), url_path="omraden",
                icon=":material/map:"),
        st.Page("pages/indikator.py", title=web.t("nav.page.indicator"), url_path="indikator",
                icon=":material/query_stats:"),
        st.Page("pages/polisens_lista.py", title=web.t("nav.page.police_list"),
                url_path="polisens-lista", icon=":material/list_alt:"),
        st.Page("pages/om.py", title=web.t("nav.page.about"), url_path="om",
                icon=":material/info:"),
    ],
}
# ---- OTHER ENGINEERS: append your pages below (upload + login, presentation) ----------------
pages[web.t("nav.section.data")].append(
    st.Page("pages/ladda_upp.py", title=web.t("upload.nav"), url_path="ladda-upp",
            icon=":material/upload_file:"))
pages[web.t("nav.section.data")].append(
    st.Page("pages/presentation.py", title=web.t("present.nav"), url_path="presentation",
            icon=":material/slideshow:"))
current = st.navigation(pages)
if web.presenting() and current.url_path != "presentation":
    web.presentation_chrome()  # ?present=1 on any page: no sidebar, toolbar or controls; Esc leaves
current.run()
