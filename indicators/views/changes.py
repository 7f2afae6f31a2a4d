"""'What changed since': new and revised values loaded after a moment, and measures whose status
changed, as tables a committee member reads. Values of sensitive indicators are shown only where the current, protected data
shows them; a revised value's old number is held to the same rule (and to the small-count rule)."""
from __future__ import annotations

import pandas as pd

from indicators.method import disclosure
from indicators import i18n
from indicators.catalog import Catalog
from indicators.views.values import _num


def hidden_keys(protected: dict[str, pd.DataFrame]) -> set[tuple[str, str, str]]:
    """(indicator, area, period) of every cell the current protected data hides."""
    keys = set()
    for frame in protected.values():
        rows = frame[frame["suppressed"].notna()]
        keys.update(zip(rows["indicator_id"], rows["area_id"], rows["period"]))
    return keys


def table(changes: pd.DataFrame, catalog: Catalog, lang: str,
          hidden: set[tuple[str, str, str]]) -> pd.DataFrame:
    """Indicator, area, period, new value, earlier value, new/revised, loaded at, file."""
    col = lambda k: i18n.t(f"views.changes.col.{k}", lang)  # noqa: E731
    out = []
    for r in changes.itertuples(index=False):
        ind = catalog.indicator(r.indicator_id)
        if ind is None:
            continue
        area = catalog.area(r.area_id)
        key = (r.indicator_id, r.area_id, r.period)
        new, old = _num(r.value), _num(r.previous)
        mark = None
        if ind.sensitive and key in hidden:
            mark = disclosure.SMALL
        new_text = disclosure.label(None if mark else new, mark, lang, ind.decimals)
        small_old = ind.sensitive and ind.measure == "count" and old is not None and 0 < old < 5
        old_text = ("" if not r.revised else disclosure.label(
            None if (mark or small_old) else old,
            disclosure.SMALL if (mark or small_old) else None, lang, ind.decimals))
        out.append({
            col("indicator"): ind.name(lang), col("area"): area.name if area else r.area_id,
            col("period"): r.period, col("value"): new_text, col("previous"): old_text,
            col("kind"): i18n.t("views.changes.revised" if r.revised else "views.changes.new", lang),
            col("loaded_at"): r.loaded_at.strftime("%Y-%m-%d %H:%M") if r.loaded_at is not None else "",
            col("file"): r.file_name,
        })
    return pd.DataFrame(out)


def measure_table(frame: pd.DataFrame, catalog: Catalog, lang: str) -> pd.DataFrame:
    """Measures whose status changed (store.follow_up.status_changes_since): id, title, focus
    area, status now and before (word + symbol; "ny" for a measure new since then), round,
    loaded at, file; a demo column when any row is demo data."""
    from indicators.method import measure_status
    col = lambda k: i18n.t(f"measures.col.{k}", lang)  # noqa: E731
    rows = []
    for r in frame.itertuples(index=False):
        focus = catalog.focus_area(r.focus_area_id)
        rows.append({
            col("id"): r.measure_id, col("title"): r.title,
            col("focus_area"): focus.name(lang) if focus else r.focus_area_id,
            col("status"): measure_status.label(r.status, lang),
            col("previous"): (measure_status.label(r.previous, lang) if isinstance(r.previous, str)
                              else i18n.t("measures.changes_new", lang)),
            col("round"): r.follow_up,
            col("loaded_at"): r.loaded_at.strftime("%Y-%m-%d %H:%M") if r.loaded_at is not None else "",
            col("file"): r.file_name,
        })
    columns = [col(k) for k in ("id", "title", "focus_area", "status", "previous", "round", "loaded_at", "file")]
    out = pd.DataFrame(rows, columns=columns)
    if len(frame) and bool(frame["is_demo"].any()):
        out[col("demo")] = [i18n.t("app.demo_mark", lang) if d else "" for d in frame["is_demo"]]
    return out


def summary(frame: pd.DataFrame, catalog: Catalog, lang: str) -> pd.DataFrame:
    """Per indicator: number of new and revised values."""
    col = lambda k: i18n.t(f"views.changes.col.{k}", lang)  # noqa: E731
    return pd.DataFrame([{
        col("indicator"): (catalog.indicator(r.indicator_id).name(lang)
                           if catalog.indicator(r.indicator_id) else r.indicator_id),
        col("new"): i18n.number(r.new, lang), col("revised_count"): i18n.number(r.revised, lang),
    } for r in frame.itertuples(index=False)])
