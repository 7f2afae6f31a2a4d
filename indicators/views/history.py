"""The upload history as the Ladda upp page shows it, what an undo would change, and what other
analysts saved while one analyst was looking at a preview. Connections are handed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pandas as pd

from indicators import exports
from indicators.catalog import Catalog
from indicators.i18n import t
from indicators.store import history as store_history
from indicators.store.history import Upload, uploads
from indicators.views.upload_preview import plain_number

LOCAL_TIME = ZoneInfo("Europe/Stockholm")
MAX_CHANGES_SHOWN = 500


def local_time(utc: datetime | None) -> str:
    """"2026-03-14 09:05" in Swedish time, from the store's naive UTC timestamps."""
    if utc is None:
        return ""
    return utc.replace(tzinfo=timezone.utc).astimezone(LOCAL_TIME).strftime("%Y-%m-%d %H:%M")


HISTORY_FIELDS = ("id", "when", "by", "file", "rows", "new", "revised", "status", "kind")


def history_columns(lang: str) -> list[str]:
    return [t(f"upload.history_{name}", lang) for name in HISTORY_FIELDS]


def _history_row(u: Upload, lang: str) -> list:
    status = t(f"upload.status_{u.status}", lang)
    if u.status == "reverted" and u.reverted_by:
        status = t("upload.status_reverted_by", lang, by=u.reverted_by, when=local_time(u.reverted_at))
    return [u.upload_id, local_time(u.loaded_at), u.loaded_by, u.file_name, u.row_count,
            u.new_count, u.revised_count, status, t(f"upload.kind_{u.kind}", lang)]


def history_table(uploads: list[Upload], lang: str) -> pd.DataFrame:
    """Every upload, newest first: who, when, file, rows, new/revised counts, status."""
    return pd.DataFrame([_history_row(u, lang) for u in uploads], columns=history_columns(lang))


def history_csv(uploads: list[Upload], lang: str) -> bytes:
    """The raw history for Excel with Swedish settings (`;`, UTF-8 with BOM), with the sha256."""
    rows = [[*_history_row(u, lang), u.sha256, u.loaded_at.isoformat()] for u in uploads]
    columns = [*history_columns(lang), "sha256", t("upload.history_loaded_utc", lang)]
    return exports.write("csv", pd.DataFrame(rows, columns=columns, dtype=object))


def undoable(uploads: list[Upload]) -> list[Upload]:
    """Analysts' uploads that are still active (demo and reference data are not undone here)."""
    return [u for u in uploads if u.kind == "upload" and u.status == "active"]


# --- what an undo changes ------------------------------------------------------------------------

@dataclass(frozen=True)
class Change:
    indicator_id: str
    area_id: str
    period: str
    now: float | None
    after: float | None
    after_upload_id: int | None   # None: the value disappears
    after_is_demo: bool


@dataclass(frozen=True)
class UndoEffect:
    upload_id: int
    restored: int        # values that go back to an earlier upload's value
    removed: int         # values that disappear (no other upload has them)
    demo_back: int       # demo values that are shown again (the indicator has no real data left)
    changes: tuple[Change, ...]   # at most MAX_CHANGES_SHOWN

    @property
    def total(self) -> int:
        return self.restored + self.removed + self.demo_back


def undo_effect(con, upload_id: int) -> UndoEffect:
    """What reverting `upload_id` would change in the current data, without changing anything."""
    found = store_history.undo_changes(con, upload_id, MAX_CHANGES_SHOWN)
    return UndoEffect(upload_id, found.restored, found.removed, found.demo_back,
                      tuple(Change(*row) for row in found.rows))


def change_table(effect: UndoEffect, catalog: Catalog, lang: str) -> pd.DataFrame:
    def row(c: Change) -> list:
        indicator = catalog.indicator(c.indicator_id)
        area = catalog.area(c.area_id)
        if c.after_upload_id is None:
            after = t("upload.undo_gone", lang)
        elif c.after_is_demo:
            after = t("upload.undo_demo", lang)
        else:
            after = t("upload.undo_from", lang, upload_id=c.after_upload_id)
        return [indicator.name(lang) if indicator else c.indicator_id,
                area.name if area else c.area_id, c.period, plain_number(c.now, lang),
                plain_number(c.after, lang), after]
    columns = [t(f"upload.undo_col_{name}", lang)
               for name in ("indicator", "area", "period", "now", "after", "source")]
    return pd.DataFrame([row(c) for c in effect.changes], columns=columns)


# --- two analysts at once ------------------------------------------------------------------------

@dataclass(frozen=True)
class Meanwhile:
    upload: Upload
    overlap: int    # values both files hold: the later upload's value is the current one


def changes_since(con, seen_upload_id: int, own_upload_id: int) -> list[Meanwhile]:
    """Uploads saved by others after a preview was made (ids between the preview's newest and our
    own), with how many of our values they also wrote."""
    others = [u for u in uploads(con) if seen_upload_id < u.upload_id != own_upload_id]
    return [Meanwhile(other, store_history.overlap(con, own_upload_id, other.upload_id))
            for other in sorted(others, key=lambda u: u.upload_id)]
