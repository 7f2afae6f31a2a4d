"""Measures, events and assessments as a reader sees them: counts over the latest round, the table
by sub-goal, counts by owner, status changes since a moment, a linked measure's band and an event's
marker on the trend chart, a series break splitting the line, the analysts' notes in hovers."""
from __future__ import annotations

from datetime import date, datetime

import numpy as np
import pandas as pd
import pytest

from indicators import charts, i18n, store
from indicators.catalog import load_catalog
from indicators.method import disclosure, measure_status
from indicators.method import status as statuses
from indicators.store import follow_up, queries
from indicators.views import assessments, chart_marks, changes, measures as mv
from indicators.views import focus as focus_view, trend as trend_view
from tests import follow_up_data as data
from tests.unit import excel_exports as export

CATALOG = load_catalog()


@pytest.fixture
def loaded(home):
    data.load_all(home)
    con = store.connect(home)
    yield con
    con.close()


def test_every_measure_status_has_a_word_a_symbol_and_a_colour_with_contrast():
    for lang in ("sv", "en"):
        words = [measure_status.word(s, lang) for s in measure_status.STATUSES]
        assert len(set(words)) == len(words) and all(w != f"measures.status.{s}" for w, s in
                                                      zip(words, measure_status.STATUSES))
    symbols = [measure_status.symbol(s) for s in measure_status.STATUSES]
    assert len(set(symbols)) == len(symbols)
    assert all(statuses.contrast_ratio(measure_status.colour(s)) >= 3 for s in measure_status.STATUSES)
    assert measure_status.label("done", "sv") == "Genomförd ✓"   # word first, symbol second


def test_counts_are_over_the_latest_round_of_each_measure(loaded, home):
    frame = follow_up.measures(loaded)
    assert mv.counts_text(mv.counts(frame), "sv") == "3 av 7 genomförda, 1 försenade"
    later = [data.ROWS[0][:7] + ["genomförd", "2025-T3"] + data.ROWS[0][9:]]   # FA2-01 done in T3
    assert store.ingest(data.measures_file(later), "t3.csv", by="test", home=home).ok
    with store.connect(home) as con:
        frame = follow_up.measures(con)
        assert mv.counts_text(mv.counts(frame), "sv") == "4 av 7 genomförda, 1 försenade"
        assert mv.counts_text(mv.counts(frame), "en") == "4 of 7 done, 1 delayed"
        assert mv.counts_text(mv.counts(frame), "sv", slide=True) == "4 av 7 åtgärder genomförda, 1 försenade"
        assert len(follow_up.measure_history(con, "FA2-01")) == 2
        by_focus = follow_up.status_counts(con, "focus_area")
        assert by_focus[by_focus["focus_area_id"] == "nyrekrytering_unga"]["count"].sum() == 5


def test_no_measures_says_so():
    empty = mv.counts(pd.DataFrame({"status": []}))
    assert empty.total == 0 and mv.counts_text(empty, "sv") == i18n.t("measures.none", "sv")


def test_the_table_by_sub_goal_marks_example_sub_goals_and_keeps_measures_without_one(loaded):
    frame = follow_up.measures(loaded)
    groups = mv.by_sub_goal(frame, CATALOG, "nyrekrytering_unga", "sv")
    names = [g.name for g in groups]
    assert names[:4] == [g.name("sv") for g in CATALOG.sub_goals_in("nyrekrytering_unga")]
    assert names[-1] == "Utan delmål" and list(groups[-1].table["Åtgärd"]) == ["FA2-05"]
    first = groups[0]
    assert list(first.table["Åtgärd"]) == ["FA2-01", "FA2-02"]
    assert list(first.table["Status"]) == ["Pågår ◐", "Genomförd ✓"]
    assert list(first.table["Period"]) == ["2024-01-01 – 2026-12-31", "2024-02-01 – 2025-06-30"]
    assert first.counts_text == "1 av 2 genomförda, 0 försenade"
    assert not any(g.placeholder for g in groups)
    public = mv.by_sub_goal(frame, CATALOG, "offentliga_rummet", "sv")
    assert [g.placeholder for g in public] == [True] and public[0].counts.total == 0


def test_counts_by_owner(loaded):
    owners = mv.owner_table(follow_up.measures(loaded), "sv").set_index("Ansvarig")
    assert owners.loc["socialtjänst", "Antal"] == 2
    assert owners.loc["socialtjänst", "Sammanfattning"] == "1 av 2 genomförda, 0 försenade"
    assert owners.loc["fritid", "Försenad !"] == 1


def test_filters_and_their_options(loaded):
    frame = follow_up.measures(loaded)
    found = mv.options(frame, CATALOG)
    assert found["focus_area"] == [mv.ALL, "skjutningar_grovt_vald", "nyrekrytering_unga"]
    assert "socialtjänst" in found["owner"] and found["status"][0] == mv.ALL
    assert set(found["area"]) == {mv.ALL, "froslunda", "arby", "skiftinge", "nyfors"}
    chosen = mv.filtered(frame, mv.Filters(area="froslunda"))
    assert list(chosen["measure_id"]) == ["FA2-01"]
    chosen = mv.filtered(frame, mv.Filters(focus_area="nyrekrytering_unga", status="done"))
    assert sorted(chosen["measure_id"]) == ["FA2-02", "FA2-03"]
    assert list(follow_up.measures(loaded, area_id="froslunda")["measure_id"]) == ["FA2-01"]
    assert list(mv.ordered(frame, CATALOG)["measure_id"])[:2] == ["FA1-01", "FA1-02"]


def test_the_download_goes_through_the_export_registry(loaded):
    frame = follow_up.measures(loaded)
    text = mv.download(frame, CATALOG, "sv", "csv").decode("utf-8-sig")
    assert text.splitlines()[0].startswith("Åtgärd;Titel;Fokusområde")
    assert "EXEMPELDATA" not in text      # real measures
    hostile = frame.assign(title="=HYPERLINK(\"http://x\")")
    assert "'=HYPERLINK" in mv.download(hostile, CATALOG, "sv", "csv").decode("utf-8-sig")
    demo = frame.assign(is_demo=True)
    assert mv.download(demo, CATALOG, "sv", "csv").decode("utf-8-sig").startswith(
        i18n.t("app.demo_mark", "sv"))
    assert mv.table(demo, CATALOG, "sv")["Exempeldata"].eq(i18n.t("app.demo_mark", "sv")).all()


def test_a_status_change_since_a_moment_is_listed_and_an_unchanged_round_is_not(loaded, home):
    moment = datetime.now().replace(microsecond=0).replace(year=2100)
    assert follow_up.status_changes_since(loaded, moment).empty
    since = loaded.execute("SELECT max(loaded_at) FROM uploads").fetchall()[0][0]
    later = [data.ROWS[3][:7] + ["genomförd", "2025-T3"] + data.ROWS[3][9:],     # FA2-04: delayed -> done
             data.ROWS[1][:7] + ["genomförd", "2025-T3"] + data.ROWS[1][9:]]     # FA2-02: done -> done
    assert store.ingest(data.measures_file(later), "t3.csv", by="test", home=home).ok
    with store.connect(home) as con:
        found = follow_up.status_changes_since(con, since)
    assert list(found["measure_id"]) == ["FA2-04"]
    table = changes.measure_table(found, CATALOG, "sv")
    assert table.iloc[0]["Status"] == "Genomförd ✓" and table.iloc[0]["Tidigare status"] == "Försenad !"


def _trajectory(con, indicator_id, area_id="eskilstuna", lang="sv"):
    ind = CATALOG.indicator(indicator_id)
    frame = disclosure.protect(queries.indicator_frame(con, indicator_id), CATALOG)
    trend, _ = trend_view.trajectory_data(ind, frame, area_id, CATALOG.area(area_id).name, lang,
                                          catalog=CATALOG)
    found = chart_marks.marks(follow_up.measures(con, indicator_id=indicator_id),
                              follow_up.events(con, indicator_id=indicator_id), CATALOG, lang,
                              area_id=area_id, right_edge=trend.x_range[1])
    return charts.trajectory(chart_marks.apply(trend, found, lang), lang), found


def _as_date(value):
    return value if isinstance(value, date) and not isinstance(value, datetime) else (
        value.date() if isinstance(value, datetime) else date.fromisoformat(str(value)[:10]))


def test_a_linked_measures_band_spans_its_start_and_end_on_the_chart(loaded):
    figure, found = _trajectory(loaded, "skjutningar")
    bands = {s.name: s for s in figure.layout.shapes if (s.name or "").startswith("measure:")}
    assert set(bands) == {"measure:FA1-01", "measure:FA1-02"}
    assert (_as_date(bands["measure:FA1-01"].x0), _as_date(bands["measure:FA1-01"].x1)) == (
        date(2024, 3, 1), date(2025, 6, 30))
    strip = next(t for t in figure.data if t.meta and t.meta.get("measure_id") == "FA1-01")
    assert [_as_date(x) for x in strip.x] == [date(2024, 3, 1), date(2025, 6, 30)]
    assert "Platssamverkan Nyfors" in strip.hovertext[0] and "Genomförd ✓" in strip.hovertext[0]
    assert any("inte att åtgärden orsakade" in c for c in found.captions)


def test_an_area_chart_draws_only_the_measures_of_that_area_and_an_event_sits_at_its_date(loaded):
    figure, _ = _trajectory(loaded, "unga_sig", "skiftinge")
    assert not [s for s in figure.layout.shapes if (s.name or "").startswith("measure:")]
    figure, found = _trajectory(loaded, "unga_sig", "froslunda")
    assert [s.name for s in figure.layout.shapes if (s.name or "").startswith("measure:")] == ["measure:FA2-01"]
    events = next(t for t in figure.data if t.legendgroup == charts.EVENT_GROUP)
    assert [_as_date(x) for x in events.x] == [date(2024, 9, 1), date(2025, 1, 1)]
    lines = {s.name: _as_date(s.x0) for s in figure.layout.shapes if (s.name or "").startswith("event:")}
    assert lines == {"event:intervention": date(2024, 9, 1), "event:series_break": date(2025, 1, 1)}


def test_a_series_break_splits_the_line_and_is_named_in_the_caption(loaded):
    figure, found = _trajectory(loaded, "unga_sig")
    observed = figure.data[1]
    assert observed.connectgaps is False
    points = list(zip([_as_date(x) for x in observed.x], np.asarray(observed.y, dtype=object),
                      observed.hovertext))
    gaps = [(x, h) for x, y, h in points if y is None or (isinstance(y, float) and np.isnan(y))]
    assert (date(2025, 1, 1), "Seriebrott: Ny registreringsrutin") in gaps
    before = [x for x, y, _ in points if x <= date(2025, 1, 1) and (x, _) not in gaps]
    after = [x for x, y, _ in points if x > date(2025, 1, 1)]
    assert before and after                      # a line on each side of the break
    assert any("Seriebrott: Ny registreringsrutin (2025-01-01)" in c for c in found.captions)


def test_user_text_in_a_measure_is_escaped_for_the_hover(home):
    rows = [data.ROWS[5][:3] + ["<a href='javascript:x'>Klicka</a>"] + data.ROWS[5][4:]]
    assert store.ingest(data.measures_file(rows), "x.csv", by="test", home=home).ok
    with store.connect(home) as con:
        figure, _ = _trajectory(con, "skjutningar")
    strip = next(t for t in figure.data if t.meta and t.meta.get("measure_id") == "FA1-01")
    assert "<a href" not in strip.hovertext[0] and "&lt;a href" in strip.hovertext[0]
    from indicators.charts.text import figure_table
    assert any("<a href='javascript:x'>Klicka</a>" in v for v in figure_table(figure, "sv").iloc[:, 2])


def test_an_analysts_note_shows_in_the_hover_and_the_table_and_is_hidden_with_its_cell(home):
    rows = "indikator;område;period;värde;kommentar\r\n" \
           "fritid_deltagande;eskilstuna;2025;40,5;Ny enkät <b>LUPP</b>\r\n" \
           "unga_misstankta;froslunda;2025-Q1;3;Tre personer i samma ärende\r\n"
    assert store.ingest(rows.encode("cp1252"), "v.csv", by="test", home=home).ok
    with store.connect(home) as con:
        frame = disclosure.protect(queries.indicator_frame(con, "fritid_deltagande"), CATALOG)
        hidden = disclosure.protect(queries.indicator_frame(con, "unga_misstankta"), CATALOG)
    ind = CATALOG.indicator("fritid_deltagande")
    trend, _ = trend_view.trajectory_data(ind, frame, "eskilstuna", "Eskilstuna kommun", "sv")
    assert any("Kommentar: Ny enkät &lt;b&gt;LUPP&lt;/b&gt;" in h for h in trend.hover)
    table = focus_view.table(ind, frame, CATALOG, "sv")
    assert "Ny enkät <b>LUPP</b>" in list(table["Kommentar"])
    assert focus_view.notes(ind, frame, CATALOG)[0] == ("Eskilstuna kommun", "2025", "Ny enkät <b>LUPP</b>")
    row = hidden[(hidden["area_id"] == "froslunda") & (hidden["period"] == "2025-Q1")].iloc[0]
    assert row["suppressed"] == disclosure.SMALL and not isinstance(row["note"], str)


def test_the_committees_assessment_is_beside_the_status_and_the_form_file_is_read_back(loaded, home):
    ind = CATALOG.indicator("unga_sig")
    found = assessments.latest(follow_up.assessments(loaded, "unga_sig"), ind, "sv")
    assert (found.round, found.judgement) == ("2025-T2", "↗ I fas")
    assert found.text == "Fler unga nås, men *osäkert* läge."
    file = assessments.csv_bytes("unga_sig", "2025-T3", "Bättre;\nmen =inte klart", "too_slow", "Beredningen")
    outcome = store.ingest(file, assessments.file_name("unga_sig", "2025-T3"), by="anna", home=home)
    assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
    with store.connect(home) as con:
        latest = assessments.latest(follow_up.assessments(con, "unga_sig"), ind, "sv")
        table = assessments.table(follow_up.assessments(con, "unga_sig"), ind, "sv")
    assert (latest.round, latest.text, latest.judgement) == ("2025-T3", "Bättre; men =inte klart", "→ För långsamt")
    assert list(table["Uppföljning"]) == ["2025-T3", "2025-T2"]
    assert assessments.default_round(date(2025, 5, 1)) == "2025-T2"
    assert assessments.default_round(date(2025, 12, 31)) == "2025-T3"


def test_the_overview_card_counts_its_focus_areas_measures(loaded):
    from indicators.views import overview
    frame = queries.area_frame(loaded, ["eskilstuna"])
    cards = {c.focus_area_id: c for c in overview.cards(CATALOG, disclosure.protect(frame, CATALOG), "sv",
                                                         measures=follow_up.measures(loaded))}
    assert cards["nyrekrytering_unga"].measures_text == "2 av 5 genomförda, 1 försenade"
    assert "Försenad !: 1" in cards["nyrekrytering_unga"].measure_texts
    assert cards["offentliga_rummet"].measures_text == i18n.t("measures.none", "sv")
