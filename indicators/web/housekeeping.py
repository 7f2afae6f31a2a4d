"""Memory back near its idle level when the viewers have left (issue 10): one daemon thread per
server process that, every SWEEP_SECONDS,

1. lets Streamlit's upload manager forget the bytes of sessions Streamlit no longer has. A closed
   tab's session is kept for reconnection (`server.disconnectedSessionTTL`, 120 s) and then dropped
   without a shutdown, so a file dropped on *Ladda upp* and never saved stayed in memory for the
   life of the process;
2. once no page has run for QUIET_SECONDS and none is running, lets the shared read connections
   drop their cached store blocks (DuckDB keeps up to READ_MEMORY_MB each), collects garbage
   (dropped sessions are cycles, and `runner.postScriptGC` is off for speed) and hands freed heap
   back to the system (glibc keeps it otherwise; the resident memory of the server never came
   down). Once per quiet spell; a page that starts meanwhile waits for it (well under a second).

The frame runs every page inside `page_run()` (which also starts the thread, once per process).
"""
from __future__ import annotations

import ctypes
import gc
import logging
import threading
import time
from contextlib import contextmanager

SWEEP_SECONDS = 30.0
QUIET_SECONDS = 20.0

_log = logging.getLogger(__name__)
_state = {"last_run": time.monotonic(), "trimmed_at": 0.0, "running": 0}
_gate = threading.Lock()   # held while memory is released; a page run passes it to start and end


@contextmanager
def page_run():
    """The frame's `with`: counts the page as running (memory is never released under it) and
    marks when it ran; starts the housekeeping thread the first time."""
    _start_once()
    with _gate:
        _state["running"] += 1
        _state["last_run"] = time.monotonic()
    try:
        yield
    finally:
        with _gate:
            _state["running"] -= 1
            _state["last_run"] = time.monotonic()


def release_memory() -> None:
    """Collects garbage now and hands freed heap back to the system (glibc's malloc_trim; a no-op
    elsewhere). Takes ~0.1–0.5 s of the GIL with a few million objects alive."""
    gc.collect()
    try:
        ctypes.CDLL("libc.so.6").malloc_trim(0)
    except (OSError, AttributeError):   # not glibc: nothing to hand back this way
        pass


def forget_uploads_of_gone_sessions(uploads=None, sessions=None) -> int:
    """Removes uploaded files whose session Streamlit no longer has; returns how many sessions'
    files were removed. `uploads` and `sessions` default to the running server's upload manager
    and session manager (Streamlit's `Runtime`); with another upload manager, or outside a
    server, it does nothing."""
    if uploads is None or sessions is None:
        from streamlit.runtime import Runtime

        if not Runtime.exists():
            return 0
        runtime = Runtime.instance()
        uploads, sessions = runtime.uploaded_file_mgr, getattr(runtime, "_session_mgr", None)
    storage = getattr(uploads, "file_storage", None)
    if storage is None or not hasattr(sessions, "get_session_info"):
        return 0
    gone = [sid for sid in list(storage) if sessions.get_session_info(sid) is None]
    for sid in gone:
        uploads.remove_session_files(sid)
    return len(gone)


def sweep(now: float | None = None) -> bool:
    """One round: forget gone sessions' uploads; release memory if no page runs, none ran for
    QUIET_SECONDS, and memory was not yet released in this quiet spell (or uploads were just
    forgotten). Returns whether memory was released."""
    forgotten = forget_uploads_of_gone_sessions()
    with _gate:
        now = time.monotonic() if now is None else now
        quiet = _state["running"] == 0 and now - _state["last_run"] >= QUIET_SECONDS
        if not quiet or (_state["trimmed_at"] > _state["last_run"] and not forgotten):
            return False
        from indicators.web.data import drop_read_blocks
        drop_read_blocks()
        release_memory()
        _state["trimmed_at"] = now
        return True


def _loop() -> None:
    while True:
        time.sleep(SWEEP_SECONDS)
        try:
            sweep()
        except Exception:  # noqa: BLE001 - housekeeping must never stop the server
            _log.exception("housekeeping sweep failed")


_thread: list[threading.Thread] = []
_thread_lock = threading.Lock()


def _start_once() -> None:
    with _thread_lock:
        if not _thread:
            _thread.append(threading.Thread(target=_loop, name="indicators-housekeeping", daemon=True))
            _thread[0].start()
