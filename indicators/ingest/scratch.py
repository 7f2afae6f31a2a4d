"""Temporary copies of an upload for readers that need a file (DuckDB's CSV reader, pyaxis).

`scratch_file(suffix)` opens one (in RAM-backed /dev/shm when writable), named with this process's
id, so copies a killed process left behind are found and removed by the next one.
"""
from __future__ import annotations

import os
import tempfile


def _scratch() -> str | None:
    """A memory-backed folder for the temporary copy when there is one (4x faster than a disk)."""
    shm = "/dev/shm"
    return shm if os.path.isdir(shm) and os.access(shm, os.W_OK) else None


SCRATCH_PREFIX = "indicators-ingest-"


def scratch_file(suffix: str):
    """A temporary file for a copy of an upload, named with this process's id, so that copies a
    killed process left behind (in RAM-backed /dev/shm) are found and removed by the next one."""
    folder = _scratch() or tempfile.gettempdir()
    remove_stale_scratch(folder)
    return tempfile.NamedTemporaryFile(prefix=f"{SCRATCH_PREFIX}{os.getpid()}-", suffix=suffix,
                                       delete=False, dir=folder)


def remove_stale_scratch(folder: str) -> list[str]:
    """Removes scratch copies whose process is gone; returns their names."""
    removed = []
    for name in os.listdir(folder):
        if not name.startswith(SCRATCH_PREFIX):
            continue
        pid = name[len(SCRATCH_PREFIX):].split("-", 1)[0]
        if pid.isdigit() and not _alive(int(pid)):
            try:
                os.unlink(os.path.join(folder, name))
                removed.append(name)
            except OSError:
                pass
    return removed


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
