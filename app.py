"""The frame: page config, menu, language switch, login, and st.navigation over the screens
(indicators/web/navigation.py: the fixed pages plus one page per focus area of the loaded catalog).
Each screen is a thin script in app_pages/ (English file names, Swedish URL paths)."""
import streamlit as st

from indicators import web

st.set_page_config(page_title=web.t("app.title"), page_icon="📊", layout="wide")

# The page runs inside page_run(): the server hands memory back only when no page is running and
# none ran for a while (indicators/web/housekeeping.py; its thread starts with the first run).
with web.page_run():
    menu = st.sidebar.container()  # the menu, drawn by web.navigate() once the pages are known
    with st.sidebar:
        web.language_switch()  # every language of i18n.LANGS
        web.login_box()  # login / logout (always visible to a logged-in user)

    web.require_login_for_browsing()

    web.keep_lang_in_url()  # ?lang=en survives navigation, so a copied link keeps the language

    current = web.navigate(menu)  # menu links carry ?lang=en too (open in a new tab: same language)
    web.page_head(current)  # <html lang>, the page's own <title>, the app's style (indicators/web/frame.py)
    web.store_notice()  # another program holds the database file: say that the pages show the last version
    if web.presenting() and current.url_path != "presentation":
        web.presentation_chrome()  # ?present=1 on any page: no sidebar, toolbar or controls; Esc leaves
    current.run()
