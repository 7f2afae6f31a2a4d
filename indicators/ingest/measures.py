"""Measures (åtgärder), chart events and the committee's assessments: the other half of a
follow-up (DATA.md §6-7; an assessment is a sentence and an optional manual judgement per
indicator and follow-up round, shown beside the computed status and never replacing it).

A measures file has one row per measure and follow-up round; an events file one row per event.
The kind of file is recognised from its header. They go through the same reading as indicator
files (encodings, delimiters, title and footnote lines, workbooks) and the same rule: accepted
whole or not at all, every problem with its line and column. They are small (a plan of measures
has tens of rows, not millions), so each row is checked in Python; the valid rows are staged in
the TEMP tables `staged_measures` / `staged_events` of the connection handed in.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

from indicators import periods
from indicators.catalog import Catalog, area_key
from indicators.ingest import tabular
from indicators.ingest.follow_up_columns import (ASSESSMENT_REQUIRED, COLUMNS, EVENT_KINDS,
                                                  EVENT_REQUIRED, JUDGEMENTS, STAGED, STATUSES,
                                                  roles_in)
from indicators.ingest.problems import Problem

@dataclass
class _Row:
    line: int
    cells: dict[str, str]

    def get(self, role: str) -> str:
        return (self.cells.get(role) or "").strip()


def _rows(con, header: list[str], roles: dict[str, int], restore) -> list[_Row]:
    width = len(header)
    fetched = con.execute(f"SELECT * FROM {tabular.ROWS} ORDER BY line").fetchall()
    return [_Row(row[0], {role: restore(row[2 + p]) if p < width and row[2 + p] is not None else ""
                          for role, p in roles.items()}) for row in fetched]


def _day(text: str, *, end: bool = False) -> date | None:
    """A date, or a period's first (last, when `end`) day: `2025-03-15`, `2025-03`, `2025-T2`, `2025`."""
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    found = periods.parse(text)
    if found is None:
        return None
    return found.end - timedelta(days=1) if end else found.start


def _ids(text: str, lookup) -> tuple[list[str], list[str]]:
    """(ids found, texts not found) of a |-separated list."""
    found, unknown = [], []
    for part in (p.strip() for p in text.split("|")):
        if part:
            value = lookup(part)
            (found if value else unknown).append(value or part)
    return found, unknown


def problems(con, catalog: Catalog, loaded: tabular.Loaded, kind: str, restore=lambda text: text) -> list[Problem]:
    """Every problem of a measures or events file; when there is none its rows are staged."""
    columns, required = COLUMNS[kind]
    roles = roles_in(loaded.header, columns)
    missing = [role for role in required if role not in roles]
    if missing:
        return [Problem(loaded.header_line, None, "ingest.missing_columns_of", {
            "kind": kind, "missing": ", ".join(columns[m][0] for m in missing)})]
    rows = _rows(con, loaded.header, roles, restore)
    check = {"measures": _check_measure, "events": _check_event, "assessments": _check_assessment}[kind]
    found: list[Problem] = []
    staged: list[tuple] = []
    seen: dict[tuple, int] = {}
    for row in rows:
        def problem(role: str, key: str, **detail) -> None:
            found.append(Problem(row.line, (loaded.header[roles[role]] or "").strip(), key, detail))

        values = check(row, catalog, problem)
        if values is None:
            continue
        identity = values[:2] if kind in ("measures", "assessments") else None
        if identity is not None:
            if identity in seen:
                problem("follow_up", "ingest.duplicate_round", first_line=seen[identity])
                continue
            seen[identity] = row.line
        staged.append((row.line, *values))
    if not found:
        _stage(con, kind, staged)
    return found


def _check_measure(row: _Row, catalog: Catalog, problem) -> tuple | None:
    ok = True
    for role in ("measure", "focus_area", "title", "owner", "start", "status", "follow_up"):
        if not row.get(role):
            problem(role, "ingest.required_value")
            ok = False
    focus = catalog.focus_area_id_for(row.get("focus_area")) if row.get("focus_area") else None
    if row.get("focus_area") and focus is None:
        problem("focus_area", "ingest.unknown_focus_area", value=row.get("focus_area"),
                choices=", ".join(f.id for f in catalog.focus_areas))
        ok = False
    sub_goal = None
    if row.get("sub_goal"):
        sub_goal = catalog.sub_goal_id_for(row.get("sub_goal"), focus)
        if sub_goal is None:
            problem("sub_goal", "ingest.unknown_sub_goal", value=row.get("sub_goal"),
                    focus_area=focus or row.get("focus_area"))
            ok = False
    status = STATUSES.get(area_key(row.get("status")).replace("_", ""))
    if row.get("status") and status is None:
        problem("status", "ingest.unknown_status", value=row.get("status"))
        ok = False
    start = _day(row.get("start")) if row.get("start") else None
    if row.get("start") and start is None:
        problem("start", "ingest.bad_date", value=row.get("start"))
        ok = False
    end = _day(row.get("end"), end=True) if row.get("end") else None
    if row.get("end") and end is None:
        problem("end", "ingest.bad_date", value=row.get("end"))
        ok = False
    if start and end and end < start:
        problem("end", "ingest.end_before_start", start=row.get("start"), end=row.get("end"))
        ok = False
    follow_up = _follow_up(row.get("follow_up")) if row.get("follow_up") else None
    if row.get("follow_up") and follow_up is None:
        problem("follow_up", "ingest.bad_follow_up", value=row.get("follow_up"))
        ok = False
    cost = None
    if row.get("cost"):
        from indicators.ingest.numbers import parse_number
        try:
            cost = parse_number(row.get("cost"))
        except ValueError:
            problem("cost", "ingest.not_a_number", value=row.get("cost"))
            ok = False
    indicators, unknown = _ids(row.get("indicators"), lambda t: catalog.indicator(t) and catalog.indicator(t).id)
    for text in unknown:
        problem("indicators", "ingest.unknown_indicator", value=text, suggestion=None)
        ok = False
    areas, unknown = _ids(row.get("areas"), catalog.area_id_for)
    for text in unknown:
        problem("areas", "ingest.unknown_area", value=text, suggestion=None)
        ok = False
    if not ok:
        return None
    return (row.get("measure"), follow_up[0], focus, sub_goal, row.get("title"), row.get("owner"),
            row.get("unit") or None, start, end, status, follow_up[1], cost, indicators, areas,
            row.get("comment") or None)


def _follow_up(text: str) -> tuple[str, date] | None:
    """(normalised round, its last day): `2025-T2` -> ("2025-T2", 2025-08-31); a date is itself."""
    try:
        day = date.fromisoformat(text)
        return day.isoformat(), day
    except ValueError:
        pass
    found = periods.parse(text)
    if found is None:
        return None
    return found.text, found.end - timedelta(days=1)


def _check_event(row: _Row, catalog: Catalog, problem) -> tuple | None:
    ok = True
    for role in EVENT_REQUIRED:
        if not row.get(role):
            problem(role, "ingest.required_value")
            ok = False
    day = _day(row.get("date")) if row.get("date") else None
    if row.get("date") and day is None:
        problem("date", "ingest.bad_date", value=row.get("date"))
        ok = False
    kind = EVENT_KINDS.get(area_key(row.get("kind")).replace("_", "")) or EVENT_KINDS.get(row.get("kind").lower())
    if row.get("kind") and kind is None:
        problem("kind", "ingest.unknown_event_kind", value=row.get("kind"))
        ok = False
    indicator = None
    if row.get("indicator"):
        found = catalog.indicator(row.get("indicator"))
        if found is None:
            problem("indicator", "ingest.unknown_indicator", value=row.get("indicator"), suggestion=None)
            ok = False
        else:
            indicator = found.id
    area = None
    if row.get("area"):
        area = catalog.area_id_for(row.get("area"))
        if area is None:
            problem("area", "ingest.unknown_area", value=row.get("area"), suggestion=None)
            ok = False
    if not ok:
        return None
    period = periods.parse(row.get("date"))
    return (day, period.text if period and len(row.get("date")) < 10 else None, row.get("title"), kind,
            indicator, area, row.get("comment") or None)


def _check_assessment(row: _Row, catalog: Catalog, problem) -> tuple | None:
    ok = True
    for role in ASSESSMENT_REQUIRED:
        if not row.get(role):
            problem(role, "ingest.required_value")
            ok = False
    indicator = catalog.indicator(row.get("indicator")) if row.get("indicator") else None
    if row.get("indicator") and indicator is None:
        problem("indicator", "ingest.unknown_indicator", value=row.get("indicator"), suggestion=None)
        ok = False
    follow_up = _follow_up(row.get("follow_up")) if row.get("follow_up") else None
    if row.get("follow_up") and follow_up is None:
        problem("follow_up", "ingest.bad_follow_up", value=row.get("follow_up"))
        ok = False
    judgement = None
    if row.get("judgement"):
        judgement = JUDGEMENTS.get(area_key(row.get("judgement")))
        if judgement is None:
            problem("judgement", "ingest.unknown_judgement", value=row.get("judgement"))
            ok = False
    if not ok:
        return None
    return (indicator.id, follow_up[0], follow_up[1], row.get("assessment"), judgement, row.get("by") or None)


ASSESSMENT_TYPES = {"line": "INTEGER", "indicator_id": "VARCHAR", "follow_up": "VARCHAR", "follow_up_end": "DATE",
                    "assessment": "VARCHAR", "judgement": "VARCHAR", "decided_by": "VARCHAR"}
MEASURE_TYPES = {"line": "INTEGER", "measure_id": "VARCHAR", "follow_up": "VARCHAR", "focus_area_id": "VARCHAR",
                 "sub_goal_id": "VARCHAR", "title": "VARCHAR", "owner": "VARCHAR", "unit": "VARCHAR",
                 "start": "DATE", "end": "DATE", "status": "VARCHAR", "follow_up_end": "DATE", "cost": "DOUBLE",
                 "indicator_ids": "VARCHAR[]", "area_ids": "VARCHAR[]", "comment": "VARCHAR"}
EVENT_TYPES = {"line": "INTEGER", "event_date": "DATE", "period": "VARCHAR", "title": "VARCHAR", "kind": "VARCHAR",
               "indicator_id": "VARCHAR", "area_id": "VARCHAR", "comment": "VARCHAR"}


def _stage(con, kind: str, rows: list[tuple]) -> None:
    types = {"measures": MEASURE_TYPES, "events": EVENT_TYPES, "assessments": ASSESSMENT_TYPES}[kind]
    name = STAGED[kind]
    columns = ", ".join(f'"{c}" {t}' for c, t in types.items())
    con.execute(f"CREATE OR REPLACE TEMP TABLE {name} ({columns})")
    if rows:
        marks = ", ".join("?" for _ in types)
        con.executemany(f"INSERT INTO {name} VALUES ({marks})", [list(row) for row in rows])


def drop_staged(con) -> None:
    for name in STAGED.values():
        con.execute(f"DROP TABLE IF EXISTS {name}")
