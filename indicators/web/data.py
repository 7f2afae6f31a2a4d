"""The read-only store connection (reopened when the file changes), the catalog, and the caches
every page shares.

Every cached function takes the store version (`version()`: the store file's identity) as its first
argument, so a write by the app, the CLI or another process makes the cache stale by itself; values
are disclosure-controlled before they leave this package.
"""
from __future__ import annotations

import functools
import threading
from pathlib import Path

import duckdb
import streamlit as st

from indicators import config, i18n, store
from indicators.catalog import Catalog, load_catalog
from indicators.web.session import lang

Key = tuple[str, int, int]


# --- figures out of the caches ----------------------------------------------------------------

def _figure_unvalidated(props: dict):
    import plotly.graph_objects as go
    return go.Figure(props, _validate=False)


def _reduce_figure(figure):
    """st.cache_data hands every session a copy (pickle); plotly's own unpickling re-validates the
    whole figure (a page of 14 charts: ~0.3 s of every rerun). A cached figure was validated when
    the chart builder made it, so its copy is rebuilt without validation (same JSON)."""
    return _figure_unvalidated, (figure.to_dict(),)


def _register_figure_pickling() -> None:
    import copyreg
    import plotly.graph_objects as go
    copyreg.pickle(go.Figure, _reduce_figure)


_register_figure_pickling()


# --- store and catalog ----------------------------------------------------------------------

def home() -> Path:
    return config.home()


def version() -> Key:
    """The store's identity and version: (folder, inode, mtime_ns). Keys every data cache."""
    folder = home()
    store.ensure_store(folder)
    return (str(folder), *store.version(folder))


READ_MEMORY_MB = 256   # what the shared read connection keeps of the store's blocks (and works in)
_open: dict[str, list[tuple[Key, duckdb.DuckDBPyConnection]]] = {}  # store folder -> newest last
_open_lock = threading.Lock()
KEEP_OPEN = 2  # the current version and the one before it (a session may still be reading it)


def _connection(key: Key) -> duckdb.DuckDBPyConnection:
    """The read-only connection of one store version, shared by every session of this process.

    Older versions' connections are closed as soon as two newer ones exist, so a server does not
    keep replaced (deleted) store files open after ingests; the previous one stays open for a
    session that is still reading it.
    """
    with _open_lock:
        versions = _open.setdefault(key[0], [])
        for known, con in versions:
            if known == key:
                return con
        con = store.connect(Path(key[0]), memory_limit_mb=READ_MEMORY_MB)
        versions.append((key, con))
        while len(versions) > KEEP_OPEN:
            versions.pop(0)[1].close()
        return con


def drop_read_blocks() -> None:
    """Lets every shared read connection drop the store blocks it caches (DuckDB evicts down to a
    memory limit when one is set; a query afterwards reads what it needs again). Called by the
    housekeeping when no page is running."""
    with _open_lock:
        for versions in _open.values():
            for _, con in versions:
                con.execute("SET memory_limit = '8MB'")
                con.execute(f"SET memory_limit = '{READ_MEMORY_MB}MB'")


def _close_all() -> None:
    with _open_lock:
        for versions in _open.values():
            for _, con in versions:
                con.close()
        _open.clear()
    _reads_snapshot.cache_clear()


def store_notice() -> None:
    """A notice on every page while another process holds the store file read-write: the pages
    show the last version written whole, and the notice says why figures may lag."""
    if _reads_snapshot(version()):
        st.warning(i18n.t("app.store_held", lang()), icon=":material/lock:")


@functools.lru_cache(maxsize=8)
def _reads_snapshot(key: Key) -> bool:
    """Whether this version's connection reads a snapshot: asked once per version, not per run."""
    return store.is_snapshot(cursor(key))


def cursor(key: Key | None = None) -> duckdb.DuckDBPyConnection:
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
    _close_all()


# --- protected frames -----------------------------------------------------------------------

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


def _legend(frame, language: str) -> list[str]:
    from indicators.method import disclosure
    return disclosure.legend(language, set(frame["suppressed"].dropna().unique()))


# --- provenance, uploads, demo --------------------------------------------------------------

@st.cache_data(show_spinner=False, max_entries=32)
def _provenance(key: Key, indicator_id: str | None):
    from indicators.store import queries
    return queries.provenance(cursor(key), indicator_id)


def caption(indicator_id: str | None = None, *, source: str | None = None,
            period: tuple[str, str] | None = None) -> str:
    """"Källa · Period · Data per" for one indicator (or everything), with the demo mark when
    demo rows are shown, as Markdown for st.caption: the sources are uploaded text, so they are
    shown as plain text and capped in length (plaintext.py). `source`/`period` override what the
    store says."""
    from indicators.views import provenance
    from indicators.web.plaintext import plain
    info = _provenance(version(), indicator_id)
    default = catalog().indicator(indicator_id).source if indicator_id else ""
    sources = [source] if source else (provenance.sources_by_period(info["source_periods"], default)
                                       if indicator_id else info["sources"])
    named = "; ".join(dict.fromkeys(s for s in sources if s))
    first, last = period or (info["first"], info["last"])
    return provenance.caption(plain(named) if named else [], first, last, info["loaded_at"], lang(),
                              demo=info["demo"])


def demo_mark(indicator_id: str | None = None) -> str | None:
    """The demo mark for figures when the shown data is demo data, else None."""
    return i18n.t("app.demo_mark", lang()) if _provenance(version(), indicator_id)["demo"] else None


@st.cache_data(show_spinner=False, max_entries=8)
def _uploads(key: Key):
    from indicators.store import queries
    return queries.upload_times(cursor(key))


def upload_times():
    return _uploads(version())


def last_loaded():
    times = upload_times()
    return max((u[1] for u in times), default=None)


@st.cache_data(show_spinner=False, max_entries=16)
def _shows_demo(key: Key) -> bool:
    from indicators.store import queries
    return queries.has_demo(cursor(key))


def shows_demo() -> bool:
    return _shows_demo(version())
