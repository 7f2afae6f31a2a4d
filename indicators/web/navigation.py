"""Navigation: the focus-area pages for st.navigation and the overview's links to them."""
from __future__ import annotations

import streamlit as st

from indicators.web.session import t

# focus area id -> (page script, URL path, short-title key under nav.page, icon): one place for
# the frame's navigation and the overview's links to the focus pages.
FOCUS_PAGES = {
    "skjutningar_grovt_vald": ("pages/fokus_skjutningar.py", "skjutningar-grovt-vald",
                               "focus_skjutningar", ":material/crisis_alert:"),
    "nyrekrytering_unga": ("pages/fokus_nyrekrytering.py", "nyrekrytering-unga",
                           "focus_nyrekrytering", ":material/diversity_3:"),
    "offentliga_rummet": ("pages/fokus_offentliga_rummet.py", "offentliga-rummet",
                          "focus_offentliga_rummet", ":material/park:"),
    "systemhotande_brottslighet": ("pages/fokus_systemhot.py", "systemhotande-brottslighet",
                                   "focus_systemhot", ":material/gavel:"),
}


def focus_page_entries() -> list:
    """The four focus-area pages for st.navigation, each with its own URL."""
    return [st.Page(script, title=t(f"nav.page.{title}"), url_path=url, icon=icon)
            for script, url, title, icon in FOCUS_PAGES.values()]


def focus_page_file(focus_area_id: str) -> str | None:
    """The page script of a focus area, or None (the overall goal has no page of its own)."""
    entry = FOCUS_PAGES.get(focus_area_id)
    return entry[0] if entry else None
