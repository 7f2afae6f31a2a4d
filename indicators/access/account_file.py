"""The accounts file, written safely: an exclusive lock beside it for a read-change-write, TOML
rendered from the records, and the whole file replaced atomically (0600, fsync, rename).

A record is anything with `.account` (username, display_name, role, created) and `.hash`
(accounts._Record); the hash is written only here.
"""
from __future__ import annotations

import contextlib
import fcntl
import json
import os
from pathlib import Path
from typing import Iterator

HEADER = ("# Local accounts of the indicator dashboard. Managed with\n"
           "# `python -m indicators user add|remove|list`; do not edit by hand.\n")


def lock_path(path: Path) -> Path:
    return path.with_name(path.name + ".lock")


@contextlib.contextmanager
def locked(path: Path) -> Iterator[None]:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd = os.open(lock_path(path), os.O_RDWR | os.O_CREAT, 0o600)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        fcntl.flock(fd, fcntl.LOCK_UN)
        os.close(fd)


def toml_string(text: str) -> str:
    # A JSON string is a valid TOML basic string once control characters are excluded, which
    # _check_display_name and the username pattern guarantee.
    return json.dumps(text, ensure_ascii=False)


def render(records: list) -> str:
    parts = [HEADER]
    for record in sorted(records, key=lambda r: r.account.username):
        a = record.account
        parts.append(
            "\n[[account]]\n"
            f"username = {toml_string(a.username)}\n"
            f"name = {toml_string(a.display_name)}\n"
            f"role = {toml_string(a.role)}\n"
            f"created = {a.created.isoformat()}\n"
            f"hash = {toml_string(record.hash)}\n")
    return "".join(parts)


def write(path: Path, records: list) -> None:
    """Write the whole file to a 0600 temporary file beside it, fsync, rename over the old one."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    try:
        os.fchmod(fd, 0o600)          # the umask may have narrowed, never widened; make it exact
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            fd = -1
            handle.write(render(records))
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        if fd != -1:
            os.close(fd)
        tmp.unlink(missing_ok=True)
        raise
    dir_fd = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)
