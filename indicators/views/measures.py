"""The view model of measures (åtgärder): counts by status ("12 av 18 genomförda, 3 försenade"),
the table by sub-goal, counts by owner, one card per measure, the filters of the Åtgärder page and
the table's download.

Input is a frame of the view `measures` (store.follow_up.measures: the latest round of each
measure), so every count is over the latest round (METHOD.md §5). Status is shown as a word, then
a symbol (method/measure_status.py). Titles and comments are the analysts' own text: they come out
as plain strings; a page that renders Markdown escapes them (web.plain).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

import pandas as pd

from indicators import exports, i18n
from indicators.catalog import Catalog
from indicators.method import measure_status


def day(value) -> date | None:
    """A DATE from DuckDB (date, datetime or Timestamp; NaT/None) as a date."""
    if value is None or value is pd.NaT:
        return None
    if isinstance(value, float) and pd.isna(value):
        return None
    if isinstance(value, pd.Timestamp):
        return None if pd.isna(value) else value.date()
    if isinstance(value, datetime):
        return value.date()
    return value if isinstance(value, date) else None


def period_text(start, end) -> str:
    """"2024-01-01 – 2027-12-31"; "2024-01-01 –" when the measure has no end."""
    first, last = day(start), day(end)
    if first is None:
        return "–"
    return f"{first.isoformat()} – {last.isoformat()}" if last else f"{first.isoformat()} –"


def _ids(value) -> list[str]:
    return [] if value is None or (isinstance(value, float) and pd.isna(value)) else [str(v) for v in value]


# --- counts ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Counts:
    total: int
    by_status: dict[str, int]          # every status of measure_status.STATUSES, zeros included

    @property
    def done(self) -> int:
        return self.by_status[measure_status.DONE]

    @property
    def delayed(self) -> int:
        return self.by_status[measure_status.DELAYED]


def counts(frame: pd.DataFrame) -> Counts:
    """Measures by status in their latest round."""
    found = frame["status"].value_counts().to_dict() if len(frame) else {}
    return Counts(int(len(frame)), {s: int(found.get(s, 0)) for s in measure_status.STATUSES})


def counts_text(found: Counts, lang: str, *, slide: bool = False) -> str:
    """"12 av 18 genomförda, 3 försenade" ("12 av 18 åtgärder genomförda, 3 försenade" on a
    slide); the 'no measures' sentence when there is none."""
    if not found.total:
        return i18n.t("measures.none", lang)
    key = "measures.counts_slide" if slide else "measures.counts"
    return i18n.t(key, lang, done=i18n.number(found.done, lang), total=i18n.number(found.total, lang),
                  delayed=i18n.number(found.delayed, lang))


def status_texts(found: Counts, lang: str) -> list[str]:
    """"Genomförd ✓: 12", one per status that occurs, in the legend order."""
    return [f"{measure_status.label(s, lang)}: {i18n.number(n, lang)}"
            for s, n in found.by_status.items() if n]


# --- tables ---------------------------------------------------------------------------------

def _col(key: str, lang: str) -> str:
    return i18n.t(f"measures.col.{key}", lang)


def _names(ids: list[str], lookup) -> str:
    return ", ".join(lookup(i) for i in ids)


def table(frame: pd.DataFrame, catalog: Catalog, lang: str, *, focus_area: bool = True,
          sub_goal: bool = True) -> pd.DataFrame:
    """One row per measure: id, title, (focus area, sub-goal,) owner, period, status word + symbol,
    round, linked indicators and areas by name, comment; a demo column ("EXEMPELDATA – fiktiva
    siffror") when any row is demo data."""
    def indicator_name(i: str) -> str:
        found = catalog.indicator(i)
        return found.name(lang) if found else i

    def area_name(a: str) -> str:
        found = catalog.area(a)
        return found.name if found else a

    rows = []
    for r in frame.itertuples(index=False):
        row = {_col("id", lang): r.measure_id, _col("title", lang): r.title}
        if focus_area:
            found = catalog.focus_area(r.focus_area_id)
            row[_col("focus_area", lang)] = found.name(lang) if found else r.focus_area_id
        if sub_goal:
            row[_col("sub_goal", lang)] = sub_goal_name(catalog, r.sub_goal_id, lang)
        owner = r.owner if not isinstance(r.unit, str) or not r.unit else f"{r.owner} ({r.unit})"
        row.update({
            _col("owner", lang): owner,
            _col("period", lang): period_text(r.start, r.end),
            _col("status", lang): measure_status.label(r.status, lang),
            _col("round", lang): r.follow_up,
            _col("indicators", lang): _names(_ids(r.indicator_ids), indicator_name),
            _col("areas", lang): _names(_ids(r.area_ids), area_name),
            _col("comment", lang): r.comment if isinstance(r.comment, str) else "",
        })
        rows.append(row)
    columns = [_col(k, lang) for k in ("id", "title") + (("focus_area",) if focus_area else ())
               + (("sub_goal",) if sub_goal else ())
               + ("owner", "period", "status", "round", "indicators", "areas", "comment")]
    out = pd.DataFrame(rows, columns=columns)
    if len(frame) and bool(frame["is_demo"].any()):
        out[_col("demo", lang)] = [i18n.t("app.demo_mark", lang) if d else "" for d in frame["is_demo"]]
    return out


def sub_goal_name(catalog: Catalog, sub_goal_id, lang: str) -> str:
    found = catalog.sub_goal(sub_goal_id) if isinstance(sub_goal_id, str) else None
    if found is None:
        return i18n.t("measures.no_sub_goal", lang) if not isinstance(sub_goal_id, str) else sub_goal_id
    return found.name(lang)


@dataclass
class SubGoalGroup:
    sub_goal_id: str | None
    name: str
    placeholder: bool                       # an example sub-goal ("exempeldelmål")
    counts: Counts
    counts_text: str
    table: pd.DataFrame
    indicator_ids: tuple[str, ...] = ()


def by_sub_goal(frame: pd.DataFrame, catalog: Catalog, focus_area_id: str, lang: str) -> list[SubGoalGroup]:
    """The focus area's sub-goals in catalog order, each with its measures (a sub-goal without
    measures too), then the measures without a sub-goal when there are any."""
    mine = frame[frame["focus_area_id"] == focus_area_id] if len(frame) else frame
    groups = []
    for goal in catalog.sub_goals_in(focus_area_id):
        part = mine[mine["sub_goal_id"] == goal.id] if len(mine) else mine
        found = counts(part)
        groups.append(SubGoalGroup(goal.id, sub_goal_name(catalog, goal.id, lang), goal.placeholder, found,
                                   counts_text(found, lang) if found.total else
                                   i18n.t("measures.sub_goal_no_measures", lang),
                                   table(part, catalog, lang, focus_area=False, sub_goal=False),
                                   tuple(goal.indicators)))
    if len(mine):
        known = {g.id for g in catalog.sub_goals_in(focus_area_id)}
        rest = mine[~mine["sub_goal_id"].isin(known)]
        if len(rest):
            found = counts(rest)
            groups.append(SubGoalGroup(None, i18n.t("measures.no_sub_goal", lang), False, found,
                                       counts_text(found, lang),
                                       table(rest, catalog, lang, focus_area=False, sub_goal=False)))
    return groups


def owner_table(frame: pd.DataFrame, lang: str) -> pd.DataFrame:
    """Per owner: number of measures, "2 av 5 genomförda, 1 försenade", and each status's count
    (columns headed word + symbol)."""
    rows = []
    for owner, part in (frame.groupby("owner", sort=True) if len(frame) else []):
        found = counts(part)
        row = {_col("owner", lang): owner, _col("count", lang): found.total,
               _col("summary", lang): counts_text(found, lang)}
        row.update({measure_status.label(s, lang): n for s, n in found.by_status.items()})
        rows.append(row)
    columns = [_col("owner", lang), _col("count", lang), _col("summary", lang)] + [
        measure_status.label(s, lang) for s in measure_status.STATUSES]
    return pd.DataFrame(rows, columns=columns)


# --- one card per measure (the Åtgärder page) -------------------------------------------------

@dataclass
class Card:
    measure_id: str
    title: str
    meta: str                               # "socialtjänst · 2024-01-01 – 2027-12-31 · Uppföljning 2025-T2"
    status: str                             # "Pågår ◐"
    comment: str
    indicators: list[tuple[str, str]] = field(default_factory=list)   # (id, name)
    areas: str = ""
    demo: bool = False


def cards(frame: pd.DataFrame, catalog: Catalog, lang: str) -> list[Card]:
    out = []
    for r in frame.itertuples(index=False):
        owner = r.owner if not isinstance(r.unit, str) or not r.unit else f"{r.owner} ({r.unit})"
        links = [(i, catalog.indicator(i).name(lang)) for i in _ids(r.indicator_ids) if catalog.indicator(i)]
        areas = ", ".join(catalog.area(a).name if catalog.area(a) else a for a in _ids(r.area_ids))
        out.append(Card(str(r.measure_id), str(r.title),
                        " · ".join([owner, period_text(r.start, r.end),
                                    i18n.t("measures.round", lang, round=r.follow_up)]),
                        measure_status.label(r.status, lang),
                        r.comment if isinstance(r.comment, str) else "", links, areas, bool(r.is_demo)))
    return out


# --- the Åtgärder page's filters -------------------------------------------------------------

ALL = "alla"   # the filters' "no filter" choice, as the URL keeps it


@dataclass(frozen=True)
class Filters:
    focus_area: str = ALL
    owner: str = ALL
    status: str = ALL
    area: str = ALL


def options(frame: pd.DataFrame, catalog: Catalog) -> dict[str, list[str]]:
    """The choices of each filter: ALL first, then the focus areas with measures (catalog order),
    the owners and areas named by any measure, and every status."""
    present = set(frame["focus_area_id"]) if len(frame) else set()
    areas = {a for ids in (frame["area_ids"] if len(frame) else []) for a in _ids(ids)}
    return {
        "focus_area": [ALL] + [f.id for f in sorted(catalog.focus_areas, key=lambda f: f.order)
                               if f.id in present],
        "owner": [ALL] + sorted(set(frame["owner"]) if len(frame) else set(), key=str.casefold),
        "status": [ALL] + list(measure_status.STATUSES),
        "area": [ALL] + [a.id for a in catalog.areas if a.id in areas],
    }


def ordered(frame: pd.DataFrame, catalog: Catalog) -> pd.DataFrame:
    """The measures in catalog order: focus area, sub-goal (none last), then id."""
    if not len(frame):
        return frame
    focus = {f.id: f.order for f in catalog.focus_areas}
    goals = {g.id: n for n, g in enumerate(catalog.sub_goals)}
    keys = pd.DataFrame({"f": frame["focus_area_id"].map(focus).fillna(1e9),
                         "g": frame["sub_goal_id"].map(goals).fillna(1e9), "m": frame["measure_id"]})
    return frame.loc[keys.sort_values(["f", "g", "m"], kind="stable").index]


def filtered(frame: pd.DataFrame, chosen: Filters) -> pd.DataFrame:
    """The measures that match every chosen filter (ALL: no filter)."""
    if not len(frame):
        return frame
    keep = pd.Series(True, index=frame.index)
    if chosen.focus_area != ALL:
        keep &= frame["focus_area_id"] == chosen.focus_area
    if chosen.owner != ALL:
        keep &= frame["owner"] == chosen.owner
    if chosen.status != ALL:
        keep &= frame["status"] == chosen.status
    if chosen.area != ALL:
        keep &= frame["area_ids"].map(lambda ids: chosen.area in _ids(ids))
    return frame[keep]


def download(frame: pd.DataFrame, catalog: Catalog, lang: str, fmt: str) -> bytes:
    """The measures table through the export registry (CSV for Excel in `lang`, or "xlsx"), with
    the demo mark as its first line / row when any measure is demo data."""
    demo = bool(len(frame)) and bool(frame["is_demo"].any())
    mark = i18n.t("app.demo_mark", lang) if demo else None
    name = exports.csv_for(lang) if fmt == "csv" else fmt
    return exports.write(name, table(frame, catalog, lang), demo_mark=mark,
                         sheet=i18n.t("measures.title", lang))
