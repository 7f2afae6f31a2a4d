"""Login widgets and who is logged in.

OpenID Connect (st.login) when secrets.toml configures it, else local accounts (argon2 hashes,
`python -m indicators user add`). A local login lives in this browser session only: the session
keeps the Account (never the password). See docs/access.md.
"""
from __future__ import annotations

import streamlit as st

from indicators.web.plaintext import plain
from indicators.web.session import lang, t

ACCOUNT_KEY = "login_account"
THROTTLE_KEY = "login_throttle"
OIDC_ERROR_KEY = "login_oidc_error"
DOWNLOADS_KEY = "login_analyst_downloads"   # this session has shown raw history / originals


class User:
    """Who is logged in: the name recorded on uploads and whether they may upload/undo."""

    def __init__(self, label: str, is_analyst: bool, method: str):
        self.label, self.is_analyst, self.method = label, is_analyst, method

    def __repr__(self) -> str:
        return f"User({self.label!r}, analyst={self.is_analyst}, {self.method})"


def secrets_files() -> list[str] | None:
    """The secrets files Streamlit reads, when its `secrets.files` option was set (config.toml,
    `--secrets.files`, `STREAMLIT_SECRETS_FILES`: e.g. /etc/indicators/secrets.toml on a server);
    None for Streamlit's default, the checkout's `.streamlit/secrets.toml` (auth_config's default).
    The login rules must read the same file st.login reads."""
    from streamlit import config as streamlit_config
    if not streamlit_config.is_manually_set("secrets.files"):
        return None
    return [str(path) for path in st.get_option("secrets.files")]


def login_method() -> str:
    """"oidc" | "local" | "none" (no account yet: nobody can log in)."""
    from indicators.access import oidc as auth_config
    return auth_config.login_method(secrets_files())


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
                    auth_config.oidc_role(claims, secrets_files()) == "analyst", "oidc")
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
    mine = st.session_state.setdefault(THROTTLE_KEY, login_throttle.Throttle())
    try:
        result = checked_login(username, password, mine, time.monotonic())
    except accounts.AccountError as error:
        st.session_state["login_error"] = error.message(lang())
        return
    if result is None:
        st.session_state["login_error"] = t("login.failed")
        return
    if isinstance(result, float):
        st.session_state["login_error"] = t("login.wait", seconds=int(result) + 1)
        return
    st.session_state[ACCOUNT_KEY] = result
    st.session_state.pop("login_error", None)


def checked_login(username: str, password: str, mine, now: float):
    """The account when the password is right; None when it is wrong; the seconds to wait (a
    float) when this session or this username has failed too often. Raises AccountError when the
    account file cannot be read.

    The attempt is reserved before the password is checked: twelve sessions trying one username
    at the same moment get FREE_ATTEMPTS checks between them, not twelve. A reserved attempt
    counts as a failure until succeeded() says otherwise, so a failure needs no further count.
    `mine` is the session's own Throttle (kept in its session state)."""
    from indicators.access import accounts, throttle as login_throttle
    theirs = login_throttle.for_username(username)
    wait = mine.wait(now) or theirs.attempt(now)
    if wait > 0:
        return float(wait)
    mine.attempt(now)
    account = accounts.verify(None, (username or "").strip().lower(), password or "")
    if account is None:
        return None
    mine.succeeded()
    theirs.succeeded()
    return account


def _start_oidc_login() -> None:
    """Sends the browser to the identity provider (st.login), after asking the provider's
    discovery document with a short timeout. An unreachable provider would otherwise end on
    Streamlit's bare English "Authentication error" page; here the visitor stays on the page they
    were reading and gets a message in their language (the button stays: try again later)."""
    import logging

    from indicators.access import oidc as auth_config
    files = secrets_files()
    problem = auth_config.discovery_problem(auth_config.metadata_url(files) or "")
    if problem:
        logging.getLogger(__name__).warning("OIDC login not started: %s", problem)
        st.session_state[OIDC_ERROR_KEY] = t("login.oidc.unreachable")
        return
    st.session_state.pop(OIDC_ERROR_KEY, None)
    st.login(auth_config.oidc_provider(files))


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


def grant_analyst_downloads() -> None:
    """Called where raw history or archived originals are offered for download: remembers that
    this session holds links to them, so that they are withdrawn when it stops being an analyst's
    (release_analyst_downloads)."""
    st.session_state[DOWNLOADS_KEY] = True


def release_analyst_downloads() -> None:
    """Withdraws the download links of raw history and originals from a session that showed them
    and is no longer an analyst's (logged out, account removed or demoted).

    Streamlit serves a download button's file at a URL of its own while a script run references
    it; a run without the button marks the file, and the next run anywhere deletes it. A logout
    alone gives one run, so the link would keep working until someone else's page runs. This run
    therefore ends at once and starts again: the first run marks the files, the second removes
    them, and the old links answer 404 (tests/browser/test_download_links_browser.py)."""
    if st.session_state.get(DOWNLOADS_KEY) and not is_analyst():
        del st.session_state[DOWNLOADS_KEY]
        st.rerun()


def login_box() -> None:
    """The sidebar's login/logout: always shows a logout button to a logged-in user."""
    release_analyst_downloads()
    current = user()
    if current is not None:
        role = t("login.role_analyst") if current.is_analyst else t("login.role_viewer")
        st.caption(t("login.logged_in_as", name=plain(current.label), role=role))
        st.button(t("login.logout"), key="logout_button", on_click=logout, icon=":material/logout:")
        return
    method = login_method()
    if method == "oidc":
        if st.button(t("login.login_oidc"), key="login_oidc", icon=":material/login:"):
            _start_oidc_login()
        if st.session_state.get(OIDC_ERROR_KEY):
            st.error(st.session_state[OIDC_ERROR_KEY], icon=":material/cloud_off:")
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

