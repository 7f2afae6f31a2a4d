"""Navigation: the app's screens for st.navigation, built from one table of fixed pages plus one
page per focus area of whatever catalog is loaded, and the overview's links to the focus pages.

URL paths are Swedish and stable (shared links keep working); a focus page's path comes from its id
(`skjutningar_grovt_vald` -> `/skjutningar-grovt-vald`), its menu title and icon from the catalog.
All focus pages run one script; the frame tells it which focus area through the session.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from indicators.catalog import Catalog
from indicators.web.data import catalog
from indicators.web.session import lang, link_params, t

FOCUS_SCRIPT = "app_pages/focus.py"
DEFAULT_FOCUS_ICON = ":material/flag:"
FOCUS_KEY = "focus_area"     # session: the focus area of the focus page running now
SECTIONS = ("follow", "focus", "data")   # keys under nav.section, in menu order


@dataclass(frozen=True)
class Screen:
    section: str      # a key of SECTIONS
    script: str       # relative to app.py
    url_path: str
    title_key: str    # a text key
    icon: str
    default: bool = False


SCREENS = (
    Screen("follow", "app_pages/overview.py", "oversikt", "nav.overview", ":material/dashboard:",
           default=True),
    Screen("follow", "app_pages/measures.py", "atgarder", "measures.nav", ":material/checklist:"),
    Screen("data", "app_pages/areas.py", "omraden", "nav.page.areas", ":material/map:"),
    Screen("data", "app_pages/indicator.py", "indikator", "nav.page.indicator",
           ":material/query_stats:"),
    Screen("data", "app_pages/police_list.py", "polisens-lista", "nav.page.police_list",
           ":material/list_alt:"),
    Screen("data", "app_pages/about.py", "om", "nav.page.about", ":material/info:"),
    Screen("data", "app_pages/upload.py", "ladda-upp", "upload.nav", ":material/upload_file:"),
    Screen("data", "app_pages/presentation.py", "presentation", "present.nav", ":material/slideshow:"),
)


@dataclass(frozen=True)
class FocusScreen:
    focus_area_id: str
    url_path: str
    title: str
    icon: str


def focus_screens(cat: Catalog, language: str) -> list[FocusScreen]:
    """One page per focus area of `cat` except the overall goal (the overview shows the goal), in
    catalog order. The URL path is the id with '-' for '_', prefixed 'fokus-' if a fixed page has
    it; the title is the catalog's short name; the icon the catalog's, else a default."""
    from indicators.present.slideset import focus_choices   # every focus area but the goal
    taken = {screen.url_path for screen in SCREENS}
    out = []
    for focus_id in focus_choices(cat):
        focus = cat.focus_area(focus_id)
        url_path = focus_id.replace("_", "-")
        if url_path in taken:
            url_path = f"fokus-{url_path}"
        out.append(FocusScreen(focus_id, url_path, focus.short_name(language),
                               focus.icon or DEFAULT_FOCUS_ICON))
    return out


def _focus_page(screen: FocusScreen):
    """The st.Page of a focus page; an icon Streamlit does not know falls back to the default."""
    from streamlit.errors import StreamlitAPIException, StreamlitPageNotFoundError
    try:
        return st.Page(FOCUS_SCRIPT, title=screen.title, url_path=screen.url_path, icon=screen.icon)
    except StreamlitPageNotFoundError:
        raise
    except StreamlitAPIException:   # e.g. :material/no_such_icon:
        return st.Page(FOCUS_SCRIPT, title=screen.title, url_path=screen.url_path,
                       icon=DEFAULT_FOCUS_ICON)


def pages() -> dict[str, list]:
    """{section title: [st.Page, ...]} for st.navigation, in menu order (empty sections left out)."""
    found: dict[str, list] = {section: [] for section in SECTIONS}
    for screen in SCREENS:
        # Streamlit serves the default page at "/" only; its own path is a hidden twin, so a link
        # to /oversikt opens the overview instead of "Page not found" (the default's internal
        # path is "", or the twin's would clash with it)
        found[screen.section].append(st.Page(screen.script, title=t(screen.title_key),
                                             url_path="" if screen.default else screen.url_path,
                                             icon=screen.icon, default=screen.default))
        if screen.default:
            found[screen.section].append(st.Page(screen.script, title=t(screen.title_key),
                                                 url_path=screen.url_path, icon=screen.icon,
                                                 visibility="hidden"))
    found["focus"] = [_focus_page(screen) for screen in focus_screens(catalog(), lang())]
    return {t(f"nav.section.{section}"): entries for section, entries in found.items() if entries}


def navigate(menu=None):
    """Registers the pages (st.navigation), draws the menu in `menu` (a sidebar container; the
    sidebar when None) and returns the page to run; tells a focus page its area.

    The menu is drawn with st.page_link rather than st.navigation's own: its links carry the
    language (`?lang=en`), so a page opened in a new tab from an English page stays English."""
    sections = pages()
    current = st.navigation(sections, position="hidden")
    with menu if menu is not None else st.sidebar:
        for section, entries in sections.items():
            st.markdown(f"**{section}**")
            for entry in entries:
                if entry.visibility != "hidden":   # the overview's twin at /oversikt
                    st.page_link(entry, query_params=link_params(), width="stretch")
    by_url = {screen.url_path: screen.focus_area_id
              for screen in focus_screens(catalog(), lang())}
    st.session_state[FOCUS_KEY] = by_url.get(current.url_path)
    return current


def current_focus_area() -> str | None:
    """The focus area of the focus page running now: the one the frame chose, else (a page run on
    its own, as tests do) the one in the session, else the first; None when the catalog has none."""
    ids = [screen.focus_area_id for screen in focus_screens(catalog(), lang())]
    wanted = st.session_state.get(FOCUS_KEY)
    return wanted if wanted in ids else (ids[0] if ids else None)


def has_focus_page(focus_area_id: str) -> bool:
    """False for the overall goal (and unknown ids): the overview shows no card without a page."""
    return any(s.focus_area_id == focus_area_id for s in focus_screens(catalog(), lang()))


def focus_link(focus_area_id: str, label: str, *, icon: str | None = None) -> None:
    """A link to a focus area's page carrying the language; a page run outside the frame (tested
    on its own) gets a plain markdown link to the same address."""
    from streamlit.errors import StreamlitPageNotFoundError
    screen = next(s for s in focus_screens(catalog(), lang()) if s.focus_area_id == focus_area_id)
    try:
        st.page_link(_focus_page(screen), label=label, icon=icon, query_params=link_params())
    except StreamlitPageNotFoundError:
        st.markdown(f"[{label}]({screen.url_path})")


def _link(script: str, url_path: str, label: str, params: dict, icon: str | None) -> None:
    """A link to a fixed page with query parameters (and the language); a page run outside the
    frame (tested on its own) gets a plain markdown link to the same address."""
    from urllib.parse import urlencode
    from streamlit.errors import StreamlitPageNotFoundError
    query = {**params, **link_params()}
    try:
        st.page_link(script, label=label, icon=icon, query_params=query)
    except StreamlitPageNotFoundError:
        st.markdown(f"[{label}]({url_path}?{urlencode(query)})")


def indicator_link(indicator_id: str, label: str, *, icon: str | None = ":material/query_stats:") -> None:
    """A link to the indicator page showing `indicator_id`."""
    _link("app_pages/indicator.py", "indikator", label, {"id": indicator_id}, icon)


def measures_link(label: str, *, focus_area_id: str | None = None,
                  icon: str | None = ":material/checklist:") -> None:
    """A link to the Åtgärder page, filtered to one focus area when given."""
    _link("app_pages/measures.py", "atgarder", label,
          {"fokus": focus_area_id} if focus_area_id else {}, icon)
