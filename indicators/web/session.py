"""The session's language and the choices kept in the URL (so a copied link reproduces the view)."""
from __future__ import annotations

import streamlit as st

from indicators import i18n

LANG_KEY = "lang"


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


def language_switch() -> None:
    """The sidebar's language choice: every language of i18n.LANGS, each named in itself. The
    choice takes effect before the script runs (a callback), so the whole page is in it."""
    names = {code: i18n.t("app.language_name", code) for code in i18n.LANGS}
    st.radio(t("app.language"), list(names), horizontal=True, index=list(names).index(lang()),
             format_func=names.get, key="language_switch",
             on_change=lambda: set_lang(st.session_state["language_switch"]))


def t(key: str, /, **fmt) -> str:
    """A text in the session's language."""
    return i18n.t(key, lang(), **fmt)


def number(x, decimals: int = 0) -> str:
    return i18n.number(x, lang(), decimals)


def link_params() -> dict:
    """Query parameters a link inside the app carries: the language when it is not Swedish."""
    return {LANG_KEY: lang()} if lang() != "sv" else {}


# --- choices kept in the URL ----------------------------------------------------------------

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
