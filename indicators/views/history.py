"""The upload history as the Ladda upp page shows it, what an undo would change, and what other
analysts saved while one analyst was looking at a preview. Connections are handed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone
from zoneinfo import ZoneInfo

import pandas as pd

from indicators import exports
from indicators.store import schema
from indicators.catalog import Catalog
from indicators.i18n import t
from indicators.store import Upload, uploads
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


_VIEW_HEAD = "CREATE VIEW observations AS"
_VIEW_FILTER = "WHERE u.status = 'active'"


def _view_without(upload_id: int) -> str:
    """The public observations view as it would be without one upload: the store's own view
    text with one more condition, so an undo preview can never disagree with the undo."""
    text = schema.OBSERVATIONS_VIEW
    if _VIEW_HEAD not in text or _VIEW_FILTER not in text:
        raise RuntimeError("schema.OBSERVATIONS_VIEW changed: update history_view._view_without")
    return (text.replace(_VIEW_HEAD, "CREATE OR REPLACE TEMP VIEW _without_upload AS", 1)
            .replace(_VIEW_FILTER, f"{_VIEW_FILTER} AND u.upload_id <> {int(upload_id)}", 1))


def undo_effect(con, upload_id: int) -> UndoEffect:
    """What reverting `upload_id` would change in the current data, without changing anything."""
    con.execute(_view_without(upload_id))
    try:
        con.execute("""
            CREATE OR REPLACE TEMP TABLE _undo_changes AS
            WITH touched AS (SELECT DISTINCT indicator_id FROM revisions WHERE upload_id = ?),
            now AS (SELECT * FROM observations WHERE indicator_id IN (SELECT * FROM touched)),
            after AS (SELECT * FROM _without_upload WHERE indicator_id IN (SELECT * FROM touched))
            SELECT coalesce(n.indicator_id, a.indicator_id) AS indicator_id,
                   coalesce(n.area_id, a.area_id) AS area_id,
                   coalesce(n.period, a.period) AS period,
                   coalesce(n.period_start, a.period_start) AS period_start,
                   n.value AS now, a.value AS after, a.upload_id AS after_upload_id,
                   coalesce(a.is_demo, false) AS after_is_demo
            FROM now n FULL OUTER JOIN after a
              ON n.indicator_id = a.indicator_id AND n.area_id = a.area_id AND n.period = a.period
            WHERE n.upload_id IS DISTINCT FROM a.upload_id
        """, [upload_id])
        counts = con.execute("""
            SELECT count(*) FILTER (WHERE after_upload_id IS NOT NULL AND NOT after_is_demo),
                   count(*) FILTER (WHERE after_upload_id IS NULL),
                   count(*) FILTER (WHERE after_is_demo)
            FROM _undo_changes""").fetchall()[0]
        rows = con.execute(
            "SELECT indicator_id, area_id, period, now, after, after_upload_id, after_is_demo"
            " FROM _undo_changes ORDER BY after_is_demo, indicator_id, area_id, period_start"
            f" LIMIT {MAX_CHANGES_SHOWN}").fetchall()
    finally:
        con.execute("DROP TABLE IF EXISTS _undo_changes")
        con.execute("DROP VIEW IF EXISTS _without_upload")
    return UndoEffect(upload_id, int(counts[0]), int(counts[1]), int(counts[2]),
                      tuple(Change(*row) for row in rows))


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
    found = []
    for other in sorted(others, key=lambda u: u.upload_id):
        overlap = con.execute("""
            SELECT count(*) FROM revisions a JOIN revisions b
              ON a.indicator_id = b.indicator_id AND a.area_id = b.area_id AND a.period = b.period
            WHERE a.upload_id = ? AND b.upload_id = ?""", [own_upload_id, other.upload_id]).fetchall()
        found.append(Meanwhile(other, int(overlap[0][0])))
    return found
