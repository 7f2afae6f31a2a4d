"""The server's housekeeping (issue 10: memory back near idle after sessions close): uploads of
sessions Streamlit dropped are forgotten, and memory is released once per quiet spell, never while
pages run. Streamlit's own upload and session managers, no stand-ins for them."""
from __future__ import annotations

from types import SimpleNamespace

import pytest
from streamlit.runtime.memory_session_storage import MemorySessionStorage
from streamlit.runtime.memory_uploaded_file_manager import MemoryUploadedFileManager
from streamlit.runtime.session_manager import SessionInfo
from streamlit.runtime.uploaded_file_manager import UploadedFileRec
from streamlit.runtime.websocket_session_manager import WebsocketSessionManager

from indicators.web import housekeeping


@pytest.fixture
def managers():
    uploads = MemoryUploadedFileManager("/_stcore/upload_file")
    storage = MemorySessionStorage(ttl_seconds=60)
    sessions = WebsocketSessionManager(storage, uploads, script_cache=None,
                                       message_enqueued_callback=None)
    return uploads, storage, sessions


def _drop(uploads, session_id: str, mb: int = 1) -> None:
    uploads.add_file(session_id, UploadedFileRec(f"{session_id}-file", "export.csv", "text/csv",
                                                 b"x" * (mb * 1_000_000)))


def test_uploads_of_sessions_streamlit_no_longer_has_are_forgotten(managers):
    uploads, storage, sessions = managers
    # a tab closed a moment ago: kept for reconnection, so its files stay
    storage.save(SessionInfo(client=None, session=SimpleNamespace(id="reconnectable")))
    _drop(uploads, "reconnectable")
    _drop(uploads, "dropped")          # evicted after disconnectedSessionTTL without a shutdown
    assert housekeeping.forget_uploads_of_gone_sessions(uploads, sessions) == 1
    assert uploads.get_files("dropped", ["dropped-file"]) == []
    assert [f.name for f in uploads.get_files("reconnectable", ["reconnectable-file"])] == ["export.csv"]
    assert housekeeping.forget_uploads_of_gone_sessions(uploads, sessions) == 0


def test_outside_a_server_there_is_nothing_to_forget():
    assert housekeeping.forget_uploads_of_gone_sessions() == 0


@pytest.fixture
def released(monkeypatch):
    found = []
    monkeypatch.setattr(housekeeping, "release_memory", lambda: found.append("heap"))
    monkeypatch.setattr(housekeeping, "forget_uploads_of_gone_sessions", lambda: 0)
    monkeypatch.setattr(housekeeping, "_start_once", lambda: None)
    from indicators.web import data
    monkeypatch.setattr(data, "drop_read_blocks", lambda: found.append("blocks"))
    monkeypatch.setitem(housekeeping._state, "trimmed_at", 0.0)
    monkeypatch.setitem(housekeeping._state, "running", 0)
    return found


def test_memory_is_released_once_per_quiet_spell(released):
    housekeeping._state["last_run"] = 1000.0
    quiet = housekeeping.QUIET_SECONDS
    assert not housekeeping.sweep(now=1000.0 + quiet / 2)        # a page ran moments ago
    assert housekeeping.sweep(now=1000.0 + quiet)                 # quiet: release
    assert not housekeeping.sweep(now=1000.0 + 5 * quiet)         # still the same quiet spell
    housekeeping._state["last_run"] = 2000.0                      # viewers came back
    assert not housekeeping.sweep(now=2000.0 + 1)
    assert housekeeping.sweep(now=2000.0 + quiet)
    assert released == ["blocks", "heap"] * 2


def test_never_while_a_page_runs_however_long_it_takes(released):
    import time
    with housekeeping.page_run():
        assert housekeeping._state["running"] == 1
        assert not housekeeping.sweep(now=time.monotonic() + 10 * housekeeping.QUIET_SECONDS)
    assert housekeeping._state["running"] == 0
    assert not housekeeping.sweep()                               # it has only just ended
    assert housekeeping.sweep(now=time.monotonic() + housekeeping.QUIET_SECONDS)
    assert released == ["blocks", "heap"]


def test_a_page_that_fails_still_counts_as_ended(released):
    with pytest.raises(RuntimeError):
        with housekeeping.page_run():
            raise RuntimeError("a bug in a page")
    assert housekeeping._state["running"] == 0


def test_release_memory_collects_cycles():
    import gc
    import weakref

    class Node:
        pass
    a, b = Node(), Node()
    a.other, b.other = b, a
    alive = weakref.ref(a)
    del a, b
    gc.disable()
    try:
        assert alive() is not None
        housekeeping.release_memory()
        assert alive() is None
    finally:
        gc.enable()
