"""Small measures, events and assessments files for tests of the pages, views and press pack:
what an analyst would upload (Swedish Excel dialect), with counts a test can state by hand."""
from __future__ import annotations

from tests.unit import excel_exports as export

HEADER = ["åtgärd", "fokusområde", "delmål", "titel", "ansvarig", "start", "slut", "status", "uppföljning",
          "indikatorer", "områden", "kommentar"]
# nyrekrytering_unga: 5 measures (2 done, 1 delayed, 1 ongoing, 1 planned); skjutningar: 2 (1 done)
ROWS = [
    ["FA2-01", "nyrekrytering_unga", "samverkan_individer", "Sociala insatsgrupper", "socialtjänst",
     "2024-01-01", "2026-12-31", "pågår", "2025-T2", "unga_sig", "Fröslunda|Årby", "Utökas till Årby"],
    ["FA2-02", "nyrekrytering_unga", "samverkan_individer", "Föräldraskapsstöd", "socialtjänst",
     "2024-02", "2025-06", "genomförd", "2025-T2", "unga_misstankta", "", ""],
    ["FA2-03", "nyrekrytering_unga", "normbrytande_beteende", "Närvaroteam i skolan", "skola",
     "2024-08-15", "2025-06-15", "genomförd", "2025-T2", "hog_franvaro", "", ""],
    ["FA2-04", "nyrekrytering_unga", "meningsfull_fritid", "Fritidsgårdar öppet sent", "fritid",
     "2025-01", "", "försenad", "2025-T2", "fritid_deltagande", "Skiftinge", ""],
    ["FA2-05", "nyrekrytering_unga", "", "**Mentorsprogram** [läs](http://x)", "kommun",
     "2026-01", "2026-12", "planerad", "2025-T2", "", "", ":red[viktigt]"],
    ["FA1-01", "skjutningar_grovt_vald", "vald_kriminella_natverk", "Platssamverkan Nyfors", "polis",
     "2024-03", "2025-06", "genomförd", "2025-T2", "skjutningar", "Nyfors", "Klar enligt plan"],
    ["FA1-02", "skjutningar_grovt_vald", "vald_kriminella_natverk", "Avhopparverksamhet", "kommun",
     "2024-06-01", "2027-12-31", "pågår", "2025-T2", "skjutningar|skjutvapenvald_offer", "", ""],
]
EVENTS = [["datum", "titel", "typ", "indikator", "omrade", "kommentar"],
          ["2025-01-01", "Ny registreringsrutin", "seriebrott", "unga_sig", "", "Räknas per person"],
          ["2024-09", "Insatsen Trygg höst", "insats", "", "Fröslunda", "Polis och fritid"]]
ASSESSMENT = [["indikator", "uppföljning", "bedömning", "manuell_status", "av"],
              ["unga_sig", "2025-T2", "Fler unga nås, men *osäkert* läge.", "i fas", "Trygghetsberedningen"]]


def measures_file(rows=ROWS) -> bytes:
    return export.semicolon_cp1252([HEADER] + [list(r) for r in rows])


def events_file() -> bytes:
    return export.semicolon_utf8_bom(EVENTS)


def assessment_file() -> bytes:
    return export.semicolon_utf8_bom(ASSESSMENT)


def load_all(home) -> None:
    """Ingests the measures, events and assessment files into the store at `home`."""
    from indicators import store
    for data, name in ((measures_file(), "atgarder.csv"), (events_file(), "handelser.csv"),
                       (assessment_file(), "bedomning.csv")):
        outcome = store.ingest(data, name, by="test", home=home)
        assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
