"""The Streamlit edge: the only module of the package that imports Streamlit.

It holds the language of the session, the read-only store connection (reopened when the file
changes), and cached wrappers around the pure functions of the core. Pages call these and render;
they do no SQL and no arithmetic. Every cached data function takes the store version as an
argument, so a write by the app, the CLI or another process makes the cache stale by itself.
"""
from __future__ import annotations

from pathlib import Path

import duckdb
import streamlit as st

from indicators import config, i18n, store
from indicators.catalog import Catalog, load_catalog

LANG_KEY = "lang"


# --- launcher -------------------------------------------------------------------------------

def serve(argv: list[str] | None = None) -> None:
    """`python -m indicators.web [streamlit options]`: `streamlit run app.py` in this process.

    Streamlit 1.67 treats a folder named `pages/` beside the entry script as an old-style
    (directory) multipage app until the first `st.navigation` call, so the very first visitor after
    a start who opens a deep link (`/polisens-lista?lang=en`) gets a "Page not found" dialog. The
    app always calls `st.navigation`, so we tell Streamlit so before the first session starts.
    """
    import sys

    from streamlit.runtime.pages_manager import PagesManager
    from streamlit.web import cli

    PagesManager.uses_pages_directory = False
    sys.argv = streamlit_argv(sys.argv[1:] if argv is None else argv)
    sys.exit(cli.main())


def streamlit_argv(options: list[str]) -> list[str]:
    """`streamlit run app.py OPTIONS`, with the uploader's own size limit following
    INDICATORS_MAX_UPLOAD_MB (the ingest checks the same limit) unless OPTIONS set one."""
    options = list(options)
    if not any(o.startswith("--server.maxUploadSize") for o in options):
        options.append(f"--server.maxUploadSize={config.max_upload_bytes() // (1024 * 1024)}")
    return ["streamlit", "run", str(config.REPO_DIR / "app.py"), *options]



if __name__ == "__main__":  # before any cache below exists outside a running server
    serve()


# --- navigation -----------------------------------------------------------------------------

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

# --- choices kept in the URL (so a copied link reproduces the view) ------------------------------

def url_choice(param: str, options: list, default):
    """The option that ?param= names, else `default` (unknown values are ignored)."""
    value = st.query_params.get(param)
    return next((option for option in options if str(option) == value), default)


def keep_in_url(**params) -> None:
    """Writes the current choices into the URL (only what changed, so no needless rerun)."""
    for param, value in params.items():
        if st.query_params.get(param) != str(value):
            st.query_params[param] = str(value)


def url_selectbox(label: str, options: list, param: str, *, key: str, format_func,
                  where=st) -> str:
    """A select box whose choice lives in ?param= of the URL."""
    chosen = where.selectbox(label, options, index=options.index(url_choice(param, options, options[0])),
                             format_func=format_func, key=key)
    keep_in_url(**{param: chosen})
    return chosen

# --- language -------------------------------------------------------------------------------

def lang() -> str:
    """The session's language: chosen in this session, else ?lang=en in the URL, else Swedish."""
    value = st.session_state.get(LANG_KEY) or st.query_params.get(LANG_KEY, "sv")
    return value if value in i18n.LANGS else "sv"


def set_lang(value: str) -> None:
    st.session_state[LANG_KEY] = value
    keep_lang_in_url()


def keep_lang_in_url() -> None:
    """Keeps ?lang=en in the URL on every page (navigation drops query parameters), so a copied
    link opens in the same language. Swedish, the default, needs no parameter."""
    value = lang()
    st.session_state[LANG_KEY] = value
    if value == "sv":
        st.query_params.pop(LANG_KEY, None)
    elif st.query_params.get(LANG_KEY) != value:
        st.query_params[LANG_KEY] = value


def t(key: str, /, **fmt) -> str:
    """A text in the session's language."""
    return i18n.t(key, lang(), **fmt)


def number(x, decimals: int = 0) -> str:
    return i18n.number(x, lang(), decimals)


# --- store ----------------------------------------------------------------------------------

def home() -> Path:
    return config.home()


def version() -> tuple[str, int, int]:
    """The store's identity and version: (folder, inode, mtime_ns). Keys every data cache."""
    folder = home()
    store.ensure_store(folder)
    return (str(folder), *store.version(folder))


@st.cache_resource(max_entries=4, show_spinner=False)
def _connection(key: tuple[str, int, int]) -> duckdb.DuckDBPyConnection:
    return store.connect(Path(key[0]))


def cursor(key: tuple[str, int, int] | None = None) -> duckdb.DuckDBPyConnection:
    """A cursor on the read-only connection for the current version (one per query/thread)."""
    cur = _connection(key or version()).cursor()
    cur.execute("USE store")  # a cursor starts in the in-memory catalog
    return cur


@st.cache_resource(show_spinner=False)
def _catalog(folder: str) -> Catalog:
    return load_catalog(Path(folder))


def catalog() -> Catalog:
    return _catalog(str(config.catalog_dir()))


def clear_caches() -> None:
    """After a write by this app: drop every cached value (other writers change the version)."""
    st.cache_data.clear()
    _connection.clear()


# --- login ----------------------------------------------------------------------------------
# OpenID Connect (st.login) when secrets.toml configures it, else local accounts (argon2 hashes,
# `python -m indicators user add`). A local login lives in this browser session only: the session
# keeps the Account (never the password). See docs/access.md.

ACCOUNT_KEY = "login_account"
THROTTLE_KEY = "login_throttle"


class User:
    """Who is logged in: the name recorded on uploads and whether they may upload/undo."""

    def __init__(self, label: str, is_analyst: bool, method: str):
        self.label, self.is_analyst, self.method = label, is_analyst, method

    def __repr__(self) -> str:
        return f"User({self.label!r}, analyst={self.is_analyst}, {self.method})"


def login_method() -> str:
    """"oidc" | "local" | "none" (no account yet: nobody can log in)."""
    from indicators.access import oidc as auth_config
    return auth_config.login_method()


def user() -> User | None:
    """The logged-in user of this session, or None. A local account removed on the server (or a
    role changed) takes effect at the next rerun."""
    from indicators.access import accounts, oidc as auth_config
    method = login_method()
    if method == "oidc":
        if not getattr(st.user, "is_logged_in", False):
            return None
        claims = st.user.to_dict()
        return User(auth_config.oidc_display_name(claims),
                    auth_config.oidc_role(claims) == "analyst", "oidc")
    account = st.session_state.get(ACCOUNT_KEY)
    if account is None:
        return None
    try:
        current = accounts.get_user(account.username) if method == "local" else None
    except accounts.AccountError:
        current = None
    if current is None:
        st.session_state.pop(ACCOUNT_KEY, None)
        return None
    return User(current.label, current.is_analyst, "local")


def is_analyst() -> bool:
    found = user()
    return bool(found and found.is_analyst)


def _try_login(username: str, password: str) -> None:
    """Checks a local login, slowed down after repeated failures; the password is not kept."""
    import time

    from indicators.access import accounts, throttle as login_throttle
    now = time.monotonic()
    mine = st.session_state.setdefault(THROTTLE_KEY, login_throttle.Throttle())
    theirs = login_throttle.for_username(username)
    wait = max(mine.wait(now), theirs.wait(now))
    if wait > 0:
        st.session_state["login_error"] = t("login.wait", seconds=int(wait) + 1)
        return
    try:
        account = accounts.verify(None, (username or "").strip().lower(), password or "")
    except accounts.AccountError as error:
        st.session_state["login_error"] = error.message(lang())
        return
    if account is None:
        mine.failed(now)
        theirs.failed(now)
        st.session_state["login_error"] = t("login.failed")
        return
    mine.succeeded()
    theirs.succeeded()
    st.session_state[ACCOUNT_KEY] = account
    st.session_state.pop("login_error", None)


def _submit_login() -> None:
    state = st.session_state
    username, password = state.get("login_username", ""), state.get("login_password", "")
    state["login_password"] = ""          # never left in the session after the attempt
    _try_login(username, password)


def logout() -> None:
    """Ends the login: the OIDC cookie (st.logout) or the local session's account."""
    if login_method() == "oidc" and getattr(st.user, "is_logged_in", False):
        st.logout()
        return
    st.session_state.pop(ACCOUNT_KEY, None)
    for key in [k for k in st.session_state if str(k).startswith("upload_")]:
        st.session_state.pop(key, None)


def login_box() -> None:
    """The sidebar's login/logout: always shows a logout button to a logged-in user."""
    current = user()
    if current is not None:
        role = t("login.role_analyst") if current.is_analyst else t("login.role_viewer")
        st.caption(t("login.logged_in_as", name=current.label, role=role))
        st.button(t("login.logout"), key="logout_button", on_click=logout, icon=":material/logout:")
        return
    method = login_method()
    if method == "oidc":
        from indicators.access import oidc as auth_config
        if st.button(t("login.login_oidc"), key="login_oidc", icon=":material/login:"):
            st.login(auth_config.oidc_provider())
    elif method == "local":
        with st.expander(t("login.title"), icon=":material/login:",
                         expanded=bool(st.session_state.get("login_error"))):
            with st.form("login_form", border=False):
                st.text_input(t("login.username"), key="login_username", autocomplete="username")
                st.text_input(t("login.password"), type="password", key="login_password",
                              autocomplete="current-password")
                st.form_submit_button(t("login.submit"), on_click=_submit_login)
            if st.session_state.get("login_error"):
                st.error(st.session_state["login_error"])


def require_login_for_browsing() -> None:
    """Stops the page for a visitor who is not logged in, when INDICATORS_REQUIRE_LOGIN is set."""
    from indicators.access import oidc as auth_config
    if auth_config.browsing_requires_login() and user() is None:
        st.info(t("login.required"))
        st.stop()


# --- cached data ----------------------------------------------------------------------------
# Every function below is keyed by version() (the store file's identity), so a write anywhere
# makes it stale; values are disclosure-controlled before they leave this module.

Key = tuple[str, int, int]


@st.cache_data(show_spinner=False, max_entries=64)
def _protected(key: Key, indicator_id: str):
    """One indicator's whole frame (every area × period) through disclosure.protect."""
    from indicators.method import disclosure
    from indicators.store import queries
    return disclosure.protect(queries.indicator_frame(cursor(key), indicator_id), catalog())


def protected(indicator_id: str):
    return _protected(version(), indicator_id)


@st.cache_data(show_spinner=False, max_entries=8)
def _municipality(key: Key):
    """The municipality's rows of every indicator, protected (narrow SQL: one area only)."""
    from indicators.method import disclosure
    from indicators.store import queries
    return disclosure.protect(queries.area_frame(cursor(key), [catalog().municipality.id]),
                              catalog())


@st.cache_data(show_spinner=False, max_entries=16)
def _overview(key: Key, language: str):
    from indicators.views import overview
    from indicators.catalog import reference
    frame = _municipality(key)
    return {"cards": overview.cards(catalog(), frame, language),
            "table": overview.table(catalog(), frame, language),
            "police": overview.police_list_view(reference.police_lists(), catalog(), language)}


def overview_view() -> dict:
    """Cards per focus area, the indicator table and the police-list view, in the session's language."""
    return _overview(version(), lang())


@st.cache_data(show_spinner=False, max_entries=32)
def _provenance(key: Key, indicator_id: str | None):
    from indicators.store import queries
    return queries.provenance(cursor(key), indicator_id)


def caption(indicator_id: str | None = None, *, source: str | None = None,
            period: tuple[str, str] | None = None) -> str:
    """"Källa · Period · Data per" for one indicator (or everything), with the demo mark when
    demo rows are shown. `source`/`period` override what the store says."""
    from indicators.views import provenance
    info = _provenance(version(), indicator_id)
    sources = [source] if source else (info["sources"] or (
        [catalog().indicator(indicator_id).source] if indicator_id else []))
    first, last = period or (info["first"], info["last"])
    return provenance.caption(sources, first, last, info["loaded_at"], lang(), demo=info["demo"])


def demo_mark(indicator_id: str | None = None) -> str | None:
    """The demo mark for figures when the shown data is demo data, else None."""
    return i18n.t("app.demo_mark", lang()) if _provenance(version(), indicator_id)["demo"] else None


@st.cache_data(show_spinner=False, max_entries=128)
def _focus(key: Key, indicator_id: str, area_id: str, years, language: str):
    from indicators import charts
    from indicators.views import focus as focus_view
    cat = catalog()
    ind = cat.indicator(indicator_id)
    frame = _protected(key, indicator_id)
    mark = i18n.t("app.demo_mark", language) if bool(frame["is_demo"].any()) else None
    area = cat.area(area_id)
    data, status_view = focus_view.trajectory_data(ind, frame, area_id, area.name, language, years,
                                                   catalog=cat)
    out = {"status": status_view, "trend": charts.trajectory(data, language, demo_mark=mark),
           "ranking": None, "heat": None, "example": data.target is not None
           and ind.target.is_example}
    rank = focus_view.ranking(ind, frame, cat, language, years)
    if rank and rank.names:
        out["ranking"] = charts.area_ranking(
            f"{ind.name(language)} – " + i18n.t("views.ranking", language, period=rank.period),
            rank.names, rank.values, rank.texts, rank.hovers, language,
            x_title=ind.unit(language), highlight=area.name, reference=rank.reference,
            demo_mark=mark)
        out["ranking_period"] = rank.period
    heat = focus_view.heat(ind, frame, cat, language, years, selected=area_id)
    if heat:
        out["heat"] = charts.heat_table(
            f"{ind.name(language)} – " + i18n.t("views.heat", language), heat.rows, heat.columns,
            heat.z, heat.texts, language, colour_title=ind.unit(language), demo_mark=mark)
        out["heat_period"] = (heat.columns[0], heat.columns[-1])
    out["legend"] = _legend(frame, language)
    return out


def _legend(frame, language: str) -> list[str]:
    from indicators.method import disclosure
    return disclosure.legend(language, set(frame["suppressed"].dropna().unique()))


def focus(indicator_id: str, area_id: str, years: tuple[int, int] | None) -> dict:
    """Trend, ranking and heat-table figures plus status for one indicator on a focus page."""
    return _focus(version(), indicator_id, area_id, tuple(years) if years else None, lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _years(key: Key, indicator_ids: tuple[str, ...]) -> list[int]:
    from indicators.views import focus as focus_view
    found: set[int] = set()
    for i in indicator_ids:
        found.update(focus_view.years_available(_protected(key, i)))
    return sorted(found)


def years(indicator_ids) -> list[int]:
    return _years(version(), tuple(indicator_ids))


@st.cache_data(show_spinner=False, max_entries=32)
def _profile(key: Key, area_id: str, language: str):
    from indicators.views import area_profile
    from indicators import charts
    cat = catalog()
    frames = {i.id: _protected(key, i.id) for i in cat.indicators}
    rows, table = area_profile.rows(cat, frames, area_id, language)
    demo = any(bool(f["is_demo"].any()) for f in frames.values())
    mark = i18n.t("app.demo_mark", language) if demo else None
    area = cat.area(area_id)
    figure = charts.profile(
        i18n.t("views.profile_title", language, area=area.name, municipality=cat.municipality.name),
        rows, language, area_name=area.name, municipality_name=cat.municipality.name,
        range_name=i18n.t("views.range", language), better=i18n.t("views.better", language),
        worse=i18n.t("views.worse", language), demo_mark=mark)
    return {"figure": figure, "table": table, "demo": demo}


def profile(area_id: str) -> dict:
    return _profile(version(), area_id, lang())


@st.cache_data(show_spinner=False, max_entries=64)
def _indicator_table(key: Key, indicator_id: str, language: str, for_download: bool):
    from indicators.views import focus as focus_view
    cat = catalog()
    return focus_view.table(cat.indicator(indicator_id), _protected(key, indicator_id), cat,
                            language, for_download=for_download)


def indicator_table(indicator_id: str):
    return _indicator_table(version(), indicator_id, lang(), False)


@st.cache_data(show_spinner=False, max_entries=32)
def _downloads(key: Key, indicator_id: str, language: str) -> dict[str, bytes]:
    from indicators.exports import downloads
    frame = _indicator_table(key, indicator_id, language, True)
    mark = i18n.t("app.demo_mark", language) if _provenance(key, indicator_id)["demo"] else None
    return {"csv": downloads.csv_bytes(frame, language, demo_mark=mark),
            "xlsx": downloads.xlsx_bytes(frame, sheet=indicator_id, demo_mark=mark)}


def downloads(indicator_id: str) -> dict[str, bytes]:
    """CSV (Swedish Excel dialect in Swedish) and .xlsx of the protected data table."""
    return _downloads(version(), indicator_id, lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _changes(key: Key, since, language: str, limit: int):
    from indicators.views import changes
    from indicators.store import queries
    con = cursor(key)
    cat = catalog()
    sensitive = [i.id for i in cat.indicators if i.sensitive]
    hidden = changes.hidden_keys({i: _protected(key, i) for i in sensitive})
    summary = queries.changes_summary(con, since)
    detail = queries.changes_since(con, since, limit)
    return {"summary": changes.summary(summary, cat, language),
            "table": changes.table(detail, cat, language, hidden),
            "new": int(summary["new"].sum()) if len(summary) else 0,
            "revised": int(summary["revised"].sum()) if len(summary) else 0}


def changes_since(since, limit: int = 200) -> dict:
    """New and revised values loaded after `since` (UTC datetime), protected, in the session's language."""
    return _changes(version(), since, lang(), limit)


@st.cache_data(show_spinner=False, max_entries=8)
def _uploads(key: Key):
    from indicators.store import queries
    return queries.upload_times(cursor(key))


def upload_times():
    return _uploads(version())


def last_loaded():
    times = upload_times()
    return max((u[1] for u in times), default=None)


@st.cache_data(show_spinner=False, max_entries=8)
def _police(language: str):
    from indicators import charts
    from indicators.views import overview, police as police_view
    from indicators.catalog import reference
    cat = catalog()
    listings = reference.police_listings()
    view = overview.police_list_view(reference.police_lists(), cat, language)
    figure = charts.police_list(i18n.t("views.police_heading", language), view.years, view.counts,
                                view.texts, view.hovers, view.patterns, language,
                                y_title=i18n.t("views.police.axis", language),
                                legend_note=view.legend)
    return {"view": view, "figure": figure,
            "matrix": police_view.matrix(listings, cat, language),
            "sources": police_view.sources(listings, language)}


def police() -> dict:
    """The police-list chart (real reference data: no demo mark), matrix and sources."""
    return _police(lang())


def method_markdown() -> str:
    """The method page (docs/method.md) in the session's language."""
    from indicators.views.method_page import method_markdown as page
    return page(lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _shows_demo(key: tuple[str, int, int]) -> bool:
    from indicators.store import queries
    return queries.has_demo(cursor(key))


def shows_demo() -> bool:
    return _shows_demo(version())


# --- small helpers the pages use (so pages do no arithmetic) ---------------------------------

def link_params() -> dict:
    """Query parameters a link inside the app carries: the language when it is not Swedish."""
    return {LANG_KEY: lang()} if lang() != "sv" else {}


def when(moment) -> str:
    """A load time as the user reads it: 2026-11-26 17:51 (UTC)."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else "–"


def since_last_upload():
    """The moment just before the newest upload, so 'since the last upload' lists what it brought."""
    from datetime import timedelta
    moment = last_loaded()
    return None if moment is None else moment - timedelta(microseconds=1)


def since_date(day):
    """Midnight (UTC) at the start of a chosen day."""
    from datetime import datetime, time
    return datetime.combine(day, time.min)


def default_since_date():
    from datetime import date, timedelta
    moment = last_loaded()
    return (moment.date() if moment is not None else date.today()) - timedelta(days=30)


@st.cache_data(show_spinner=False, max_entries=64)
def _facts(indicator_id: str, language: str) -> dict:
    from indicators.views import definitions
    return definitions.facts(catalog().indicator(indicator_id), language)


def indicator_facts(indicator_id: str) -> dict:
    return _facts(indicator_id, lang())


def sources_table():
    from indicators.views import definitions
    return definitions.sources_table(catalog(), lang())


def disclosure_text() -> str:
    limit = config.min_count()
    return t("views.about_disclosure_text", limit=limit, limit_minus=limit - 1)


def page_link(page: str, label: str, *, icon: str | None = None) -> None:
    """st.page_link carrying the language; when the page runs outside the frame (a page tested on
    its own) the link is plain markdown to the same page."""
    from streamlit.errors import StreamlitPageNotFoundError
    try:
        st.page_link(page, label=label, icon=icon, query_params=link_params())
    except StreamlitPageNotFoundError:
        st.markdown(f"[{label}]({page})")


# --- presentation mode and press pack (pages/presentation.py; ?present=1 on any page) --------

PRESENT_KEY = "present"


def presenting() -> bool:
    """True when the URL asks for presentation mode (?present=1): no sidebar, toolbar or controls."""
    return st.query_params.get(PRESENT_KEY) == "1"


def slide_set():
    """The slide set the URL describes, in the session's language (slideset.py)."""
    from indicators.present import slideset
    spec = slideset.from_params(st.query_params.to_dict(), catalog())
    return slideset.SlideSet(spec.focus_areas, spec.indicators, spec.areas, lang(), spec.auto,
                             spec.slide, spec.ignored)


@st.cache_data(show_spinner=False, max_entries=16)
def _slides(key: tuple[str, int, int], focus, indicators, areas, language: str):
    from indicators.present import slides, slideset
    spec = slideset.SlideSet(focus, indicators, areas, language)
    return slides.build(cursor(key), catalog(), spec)


def slides(spec) -> list:
    """The slides of `spec` (cached per store version): every number already protected."""
    return _slides(version(), spec.focus_areas, spec.indicators, spec.areas, spec.lang)


def presspack_zip(spec, png: bool) -> tuple[bytes, list[str], float]:
    """The press pack for `spec` as zip bytes, with warnings and the seconds it took."""
    from indicators.present import presspack
    pack = presspack.build(cursor(), catalog(), spec, png=png)
    return pack.zip_bytes(), pack.warnings, pack.seconds


def show_slide_set(spec, *, present: bool = True) -> None:
    """Puts `spec` in the URL (keeps the language parameter the frame manages)."""
    from indicators.present import slideset
    params = slideset.to_params(spec, catalog(), present=present)
    params.pop("lang", None)
    for key in slideset.PARAMS:
        if key != "lang" and key not in params:
            st.query_params.pop(key, None)
    st.query_params.update(params)


def leave_presentation() -> None:
    """Esc: back to the normal page, keeping the slide set for the next time."""
    st.query_params.pop(PRESENT_KEY, None)


def presentation_chrome() -> None:
    """In presentation mode, on any page: hides the sidebar, header, toolbar and every control,
    sets big type, and adds the keyboard bridge (arrows, Page Up/Down, Home/End, Esc) that clicks
    the on-screen buttons. A page without slides gets Esc only (its exit button is added here)."""
    from indicators.present import view as present_view
    st.html(present_view.css())
    st.html(present_view.keyboard_script(), unsafe_allow_javascript=True)
    with st.container(key="present_exitbar"):
        st.button(t("present.controls.exit"), key="present_exit", on_click=leave_presentation)


def default_first_year(years: list[int]) -> int:
    """The focus pages open on the agreement's years: from the year before the baseline (2022),
    or the first year with data when that is later."""
    return max(years[0], min(2022, years[-1]))


def indicator_names() -> dict[str, str]:
    """{id: name} in the session's language (a widget's format_func must not look up the session:
    it may be called outside the script run)."""
    return {i.id: i.name(lang()) for i in catalog().indicators}


# --- charts with their text alternatives ------------------------------------------------------

def chart(figure, key: str) -> None:
    """A plotly chart with an alt text and a "show as table" alternative of exactly what it draws
    (values as in its hover texts, so hidden small counts stay hidden)."""
    from indicators.charts.text import alt_text, figure_table

    language = lang()
    st.plotly_chart(figure, key=key, config={"displaylogo": False},
                    alt=alt_text(figure, language))
    with st.expander(t("a11y.show_table")):
        st.dataframe(figure_table(figure, language), hide_index=True, width="stretch")

