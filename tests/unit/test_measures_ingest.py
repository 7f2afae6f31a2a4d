"""Measures (åtgärder) and events files: recognised from their header, validated whole with line
and column, stored as revisable rounds, and undone like any upload (DATA.md §6-7)."""
import pytest

from indicators import store
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import check, where

HEADER = ["åtgärd", "fokusområde", "delmål", "titel", "ansvarig", "start", "slut", "status", "uppföljning",
          "indikatorer", "områden", "kommentar"]
PLAN = [HEADER,
        ["FA2-01", "Stoppa nyrekrytering av barn och unga i kriminalitet", "", "Sociala insatsgrupper", "socialtjänst",
         "2024-01-01", "2027-12-31", "pågår", "2025-T2", "unga_sig|unga_misstankta", "Fröslunda|Årby", ""],
        ["FA1-03", "skjutningar_grovt_vald", "", "Platssamverkan Nyfors", "polis", "2024-03", "2025-06",
         "genomförd", "2025-T2", "skjutningar", "Nyfors", "Klar enligt plan"]]


def test_a_measures_file_in_swedish_excel_dialect_is_recognised_and_staged():
    validation, con = check(export.semicolon_cp1252(PLAN), "atgarder.csv")
    assert validation.ok, [p.message("en") for p in validation.problems]
    assert validation.content == "measures"
    rows = con.execute('SELECT measure_id, follow_up, focus_area_id, status, start, "end", follow_up_end,'
                       " indicator_ids, area_ids FROM staged_measures ORDER BY line").fetchall()
    assert [(r[0], r[1], r[2], r[3], str(r[4]), str(r[5]), str(r[6]), r[7], r[8]) for r in rows] == [
        ("FA2-01", "2025-T2", "nyrekrytering_unga", "ongoing", "2024-01-01", "2027-12-31", "2025-08-31",
         ["unga_sig", "unga_misstankta"], ["froslunda", "arby"]),
        ("FA1-03", "2025-T2", "skjutningar_grovt_vald", "done", "2024-03-01", "2025-06-30", "2025-08-31",
         ["skjutningar"], ["nyfors"])]


@pytest.mark.parametrize("column, bad, key", [
    ("fokusområde", "Trygghet överallt", "ingest.unknown_focus_area"),
    ("status", "nästan klar", "ingest.unknown_status"),
    ("slut", "2023-12-31", "ingest.end_before_start"),
    ("indikatorer", "skjutningar|skjutningarna", "ingest.unknown_indicator"),
    ("områden", "Gotham", "ingest.unknown_area"),
    ("uppföljning", "snart", "ingest.bad_follow_up"),
])
def test_a_measure_with_a_bad_cell_is_rejected_with_line_and_column(column, bad, key):
    rows = [list(row) for row in PLAN]
    rows[2][HEADER.index(column)] = bad
    validation, con = check(export.semicolon_utf8_bom(rows), "atgarder.csv")
    assert where(validation) == [(3, column, key)]
    assert con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'staged_measures'").fetchall() == [(0,)]


def test_the_same_measure_and_round_twice_is_a_duplicate():
    validation, _ = check(export.semicolon_utf8_bom(PLAN + [PLAN[1]]), "atgarder.csv")
    assert where(validation) == [(4, "uppföljning", "ingest.duplicate_round")]


def _measures(home):
    with store.connect(home) as con:
        return con.execute("SELECT measure_id, follow_up, status, is_demo FROM measures WHERE NOT is_demo"
                           " ORDER BY measure_id").fetchall()


def test_a_later_round_becomes_current_a_revised_round_replaces_it_and_undo_brings_it_back(home):
    first = store.ingest(export.semicolon_cp1252(PLAN), "t2.csv", by="test", home=home)
    assert first.ok and (first.new, first.revised) == (2, 0)
    assert _measures(home) == [("FA1-03", "2025-T2", "done", False), ("FA2-01", "2025-T2", "ongoing", False)]
    later = [HEADER, PLAN[1][:7] + ["försenad", "2025-T3"] + PLAN[1][9:]]
    assert store.ingest(export.semicolon_cp1252(later), "t3.csv", by="test", home=home).ok
    assert _measures(home)[1] == ("FA2-01", "2025-T3", "delayed", False)
    corrected = [HEADER, PLAN[1][:7] + ["genomförd", "2025-T3"] + PLAN[1][9:]]
    outcome = store.ingest(export.semicolon_cp1252(corrected), "t3-rättad.csv", by="test", home=home)
    assert (outcome.new, outcome.revised) == (0, 1)
    assert _measures(home)[1] == ("FA2-01", "2025-T3", "done", False)
    assert store.revert(outcome.upload_id, by="test", home=home)
    assert _measures(home)[1] == ("FA2-01", "2025-T3", "delayed", False)
    with store.connect(home) as con:  # every round stays queryable
        assert con.execute("SELECT follow_up, status FROM measure_history WHERE measure_id = 'FA2-01'"
                           " ORDER BY follow_up").fetchall() == [("2025-T2", "ongoing"), ("2025-T3", "delayed")]
    assert store.rebuild(home) == [] and _measures(home)[1] == ("FA2-01", "2025-T3", "delayed", False)


EVENTS = [["datum", "titel", "typ", "indikator", "omrade", "kommentar"],
          ["2025-01-01", "Ny mätmetod i trygghetsmätningen", "metodbyte", "otrygghet_kvall", "", ""],
          ["2024-03", "Insatsen Trygg sommar startar", "insats", "", "Fröslunda", "Polis och fritid"]]


def test_an_events_file_is_recognised_stored_and_queryable(home):
    validation, _ = check(export.semicolon_utf8_bom(EVENTS), "handelser.csv")
    assert validation.ok and validation.content == "events"
    assert store.ingest(export.semicolon_utf8_bom(EVENTS), "handelser.csv", by="test", home=home).ok
    with store.connect(home) as con:
        rows = con.execute("SELECT event_date, title, kind, indicator_id, area_id FROM events WHERE NOT is_demo"
                           " ORDER BY event_date").fetchall()
    assert [(str(r[0]), r[2], r[3], r[4]) for r in rows] == [
        ("2024-03-01", "intervention", None, "froslunda"), ("2025-01-01", "method_change", "otrygghet_kvall", None)]


def test_an_event_of_an_unknown_kind_is_rejected():
    rows = [list(r) for r in EVENTS]
    rows[1][2] = "omorganisation"
    validation, _ = check(export.semicolon_utf8_bom(rows), "handelser.csv")
    assert where(validation) == [(2, "typ", "ingest.unknown_event_kind")]


ASSESSMENT = [["indikator", "uppföljning", "bedömning", "manuell_status", "av"],
              ["skjutningar", "2025-T2", "Färre skjutningar än i fjol, men för få perioder för en säker slutsats.",
               "I fas", "Trygghetsberedningen"]]


def test_the_committees_assessment_is_stored_beside_the_computed_status_and_revisable(home):
    validation, _ = check(export.semicolon_utf8_bom(ASSESSMENT), "bedomning.csv")
    assert validation.ok and validation.content == "assessments"
    assert store.ingest(export.semicolon_utf8_bom(ASSESSMENT), "bedomning.csv", by="test", home=home).ok
    changed = [ASSESSMENT[0], ASSESSMENT[1][:3] + ["För långsamt", "Trygghetsberedningen"]]
    outcome = store.ingest(export.semicolon_utf8_bom(changed), "bedomning2.csv", by="test", home=home)
    assert (outcome.new, outcome.revised) == (0, 1)
    with store.connect(home) as con:
        assert con.execute("SELECT indicator_id, follow_up, judgement FROM assessments").fetchall() == [
            ("skjutningar", "2025-T2", "too_slow")]


def test_an_assessment_with_a_judgement_that_is_no_status_word_is_rejected():
    rows = [ASSESSMENT[0], ASSESSMENT[1][:3] + ["Bra jobbat", ""]]
    validation, _ = check(export.semicolon_utf8_bom(rows), "bedomning.csv")
    assert where(validation) == [(2, "manuell_status", "ingest.unknown_judgement")]
