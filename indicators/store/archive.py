"""The archive of every loaded file, exactly as received, with its metadata beside it.

`archive/000012/original.csv` holds the bytes, `archive/000012/upload.json` what the uploads table
says of it. The archive alone is enough to rebuild the store. File names from users are never used
as paths: only a cleaned suffix is kept, so nothing is ever written outside the store folder.
"""
from __future__ import annotations

import json
import os
import re
import shutil
from dataclasses import asdict, dataclass
from pathlib import Path

ARCHIVE = "archive"
ORPHANS = ".orphaned"


@dataclass
class Entry:
    upload_id: int
    file_name: str
    sha256: str
    row_count: int
    loaded_at: str          # ISO 8601, UTC
    loaded_by: str
    status: str
    kind: str
    new_count: int
    revised_count: int
    reverted_at: str | None = None
    reverted_by: str | None = None
    options: dict | None = None   # the analyst's choices for a statistical-database export (ingest.Options)


def folder(home: Path, upload_id: int) -> Path:
    return home / ARCHIVE / f"{upload_id:06d}"


def original_name(file_name: str) -> str:
    """`original.csv` / `original.xlsx`: the user's name only lends its (cleaned) suffix."""
    suffix = re.sub(r"[^a-z0-9]", "", Path(file_name.replace("\\", "/")).suffix.lower())[:8]
    return f"original.{suffix or 'bin'}"


def write(home: Path, entry: Entry, data: bytes) -> Path:
    """Writes the original bytes and the metadata; returns the path relative to `home`."""
    target = folder(home, entry.upload_id)
    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    original = target / original_name(entry.file_name)
    original.write_bytes(data)
    save_entry(home, entry)
    return original.relative_to(home)


def save_entry(home: Path, entry: Entry) -> None:
    path = folder(home, entry.upload_id) / "upload.json"
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(asdict(entry), ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def entry(home: Path, upload_id: int) -> Entry | None:
    """One archived upload's metadata, or None."""
    meta = folder(home, upload_id) / "upload.json"
    return Entry(**json.loads(meta.read_text(encoding="utf-8"))) if meta.exists() else None


def entries(home: Path) -> list[Entry]:
    """Every archived upload, oldest first."""
    found = []
    for meta in sorted((home / ARCHIVE).glob("[0-9]*/upload.json")):
        found.append(Entry(**json.loads(meta.read_text(encoding="utf-8"))))
    return sorted(found, key=lambda e: e.upload_id)


def original(home: Path, upload_id: int) -> Path | None:
    """The archived original file of an upload, or None."""
    matches = sorted(folder(home, upload_id).glob("original.*"))
    return matches[0] if matches else None


def set_aside_orphans(home: Path, known_ids: set[int]) -> list[int]:
    """Moves archive folders whose upload never reached the database (a crashed write) aside."""
    moved = []
    for path in sorted((home / ARCHIVE).glob("[0-9]*")):
        if path.is_dir() and path.name.isdigit() and int(path.name) not in known_ids:
            aside = home / ARCHIVE / ORPHANS / path.name
            aside.parent.mkdir(parents=True, exist_ok=True)
            if aside.exists():
                shutil.rmtree(aside)
            os.replace(path, aside)
            moved.append(int(path.name))
    return moved
