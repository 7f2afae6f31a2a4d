"""The database is the one commit point: the archive's records and settings.json follow it.

Every write changes the database by one atomic rename and then the archive's record; a writer
killed between the two leaves the archive behind. `reconcile` (under the write lock, before
anything else and before a rebuild) brings them in line again.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

from indicators.store import archive

SETTINGS = "settings.json"


def settings(home: Path) -> dict:
    """The store's settings.json ({} when there is none)."""
    path = home / SETTINGS
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_settings(home: Path, values: dict) -> None:
    """Replaces settings.json atomically."""
    path = home / SETTINGS
    tmp = path.with_suffix(".json.tmp")
    tmp.write_text(json.dumps(values, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def update_archived_status(home: Path, upload_id: int, status: str, at: str | None,
                           by: str | None) -> None:
    """Sets an archived upload's status ('active' | 'reverted'), with when (ISO text) and by whom."""
    entry = archive.entry(home, upload_id)
    if entry is not None:
        entry.status, entry.reverted_at, entry.reverted_by = status, at, by
        archive.save_entry(home, entry)


def demo_hidden(con) -> bool:
    """True when the store on `con` hides its demo data."""
    rows = con.execute("SELECT value FROM meta WHERE key = 'demo_hidden'").fetchall()
    return bool(rows) and rows[0][0] == "true"


def reconcile(home: Path, con) -> None:
    """Brings the archive and settings.json in line with the database on `con`.

    The database's word wins: an archived upload it does not know (an ingest killed before its
    swap) is set aside, an upload it says is reverted is reverted in the archive too, and demo data
    is hidden or shown as it says. So a rebuild reproduces the last committed state."""
    rows = con.execute("SELECT upload_id, status, reverted_at, reverted_by FROM uploads").fetchall()
    known = {row[0]: row for row in rows}
    archive.set_aside_orphans(home, set(known))
    for entry in archive.entries(home):
        _, status, at, by = known[entry.upload_id]
        if entry.status != status:
            update_archived_status(home, entry.upload_id, status, at.isoformat() if at else None, by)
    hidden = demo_hidden(con)
    if bool(settings(home).get("demo_hidden", False)) != hidden:
        save_settings(home, {**settings(home), "demo_hidden": hidden})
