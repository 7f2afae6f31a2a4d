"""The columns of measures, events and assessments files (DATA.md §6-7) and the words their cells
may hold: which file a header is (`kind_of`), which column plays which role (`roles_in`), and the
written statuses, event kinds and judgements -> their stored ids. Headers are matched as
`header_key` (any case, with or without å/ä/ö).
"""
from __future__ import annotations

from indicators.ingest.headers import header_key

MEASURE_COLUMNS = {
    "measure": ("atgard", "åtgärd", "measure", "measure_id", "atgard_id"),
    "focus_area": ("fokusomrade", "fokusområde", "focus_area"),
    "sub_goal": ("delmal", "delmål", "sub_goal"),
    "title": ("titel", "title"),
    "owner": ("ansvarig", "owner", "ansvarig_organisation"),
    "unit": ("enhet", "ansvarig_enhet", "unit", "responsible_unit"),
    "start": ("start",),
    "end": ("slut", "end"),
    "status": ("status",),
    "follow_up": ("uppfoljning", "uppföljning", "follow_up"),
    "cost": ("kostnad", "kostnad_kr", "cost"),
    "indicators": ("indikatorer", "indicators"),
    "areas": ("omraden", "områden", "areas"),
    "comment": ("kommentar", "comment"),
}
MEASURE_REQUIRED = ("measure", "focus_area", "title", "owner", "start", "end", "status", "follow_up")
EVENT_COLUMNS = {
    "date": ("datum", "date", "period"),
    "title": ("titel", "title"),
    "kind": ("typ", "type", "kind"),
    "indicator": ("indikator", "indicator"),
    "area": ("omrade", "område", "area"),
    "comment": ("kommentar", "comment"),
}
EVENT_REQUIRED = ("date", "title", "kind")
ASSESSMENT_COLUMNS = {
    "indicator": ("indikator", "indicator"),
    "follow_up": ("uppfoljning", "uppföljning", "follow_up"),
    "assessment": ("bedomning", "bedömning", "assessment"),
    "judgement": ("manuell_status", "manuell_bedomning", "manuell_bedömning", "judgement"),
    "by": ("av", "beslutad_av", "by"),
}
ASSESSMENT_REQUIRED = ("indicator", "follow_up", "assessment")
JUDGEMENTS = {  # the committee's own word, beside (never instead of) the computed status
    "malet_natt": "achieved", "achieved": "achieved", "i_fas": "on_track", "on_track": "on_track",
    "for_langsamt": "too_slow", "too_slow": "too_slow", "gar_at_fel_hall": "moving_away",
    "moving_away": "moving_away", "kan_inte_bedomas": "not_assessable", "not_assessable": "not_assessable",
}
STATUSES = {  # as written (any case, with or without å/ä/ö) -> the stored id
    "planerad": "planned", "planned": "planned", "pagar": "ongoing", "ongoing": "ongoing",
    "genomford": "done", "done": "done", "forsenad": "delayed", "delayed": "delayed",
    "avbruten": "cancelled", "cancelled": "cancelled", "canceled": "cancelled",
}
STATUS_IDS = ("planned", "ongoing", "done", "delayed", "cancelled")
EVENT_KINDS = {
    "insats": "intervention", "intervention": "intervention", "metodbyte": "method_change",
    "method_change": "method_change", "seriebrott": "series_break", "series_break": "series_break",
    "liständring": "list_change", "listandring": "list_change", "list_change": "list_change",
    "händelse": "other", "handelse": "other", "other": "other",
}
EVENT_KIND_IDS = ("intervention", "method_change", "series_break", "list_change", "other")
STAGED = {"measures": "staged_measures", "events": "staged_events", "assessments": "staged_assessments"}
COLUMNS = {"measures": (MEASURE_COLUMNS, MEASURE_REQUIRED), "events": (EVENT_COLUMNS, EVENT_REQUIRED),
           "assessments": (ASSESSMENT_COLUMNS, ASSESSMENT_REQUIRED)}


def roles_in(header: list[str], columns: dict) -> dict[str, int]:
    keys = {header_key(alias): role for role, aliases in columns.items() for alias in aliases}
    found: dict[str, int] = {}
    for position, text in enumerate(header):
        role = keys.get(header_key(text or ""))
        if role and role not in found:
            found[role] = position
    return found


def kind_of(header: list[str]) -> str | None:
    """"measures" for a header with a measure column, "assessments" for one with an assessment
    column, "events" for one with date, title and type, else None (an indicator file)."""
    measures = roles_in(header, MEASURE_COLUMNS)
    if "measure" in measures:
        return "measures"
    if "assessment" in roles_in(header, ASSESSMENT_COLUMNS):
        return "assessments"
    events = roles_in(header, EVENT_COLUMNS)
    if {"title", "kind"} <= events.keys() and "date" in events:
        return "events"
    return None
