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

from . import config, i18n, store
from .catalog import Catalog, load_catalog

LANG_KEY = "lang"


# --- language -------------------------------------------------------------------------------

def lang() -> str:
    """The session's language: ?lang=en in the URL, else Swedish."""
    value = st.query_params.get(LANG_KEY, "sv")
    return value if value in i18n.LANGS else "sv"


def set_lang(value: str) -> None:
    if value == "sv":
        st.query_params.pop(LANG_KEY, None)
    else:
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


# --- cached data ----------------------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=16)
def _overview(key: tuple[str, int, int], language: str):
    from . import overview, queries
    con = cursor(key)
    return overview.overview_table(catalog(), queries.municipality_series(
        con, catalog().municipality.id), language)


def overview_table():
    return _overview(version(), lang())


@st.cache_data(show_spinner=False, max_entries=16)
def _shows_demo(key: tuple[str, int, int]) -> bool:
    from . import queries
    return queries.has_demo(cursor(key))


def shows_demo() -> bool:
    return _shows_demo(version())
