"""History as shown on the page, what an undo would change (checked against the real undo), and
what other analysts saved between a preview and a save."""
from __future__ import annotations

import threading
from datetime import datetime

from indicators.store import archive
from indicators.views import history as history_view
from indicators import store
from indicators.catalog import load_catalog


def csv_sv(*rows: str) -> bytes:
    return ("indikator;område;period;värde\r\n" + "".join(r + "\r\n" for r in rows)).encode("cp1252")


def current(home, area="froslunda", period="2027-01"):
    rows = store.connect(home).execute(
        "SELECT value, is_demo FROM observations WHERE indicator_id = 'skjutningar' AND area_id = ?"
        " AND period = ?", [area, period]).fetchall()
    return rows[0] if rows else None


def test_the_undo_preview_says_exactly_what_the_undo_then_does(home):
    first = store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;3"), "a.csv", by="A", home=home)
    second = store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;5", "skjutningar;Årby;2027-01;2"),
                          "b.csv", by="B", home=home)
    effect = history_view.undo_effect(store.connect(home), second.upload_id)
    assert (effect.restored, effect.removed, effect.demo_back) == (1, 1, 0)
    changes = {(c.area_id, c.period): (c.now, c.after, c.after_upload_id) for c in effect.changes}
    assert changes == {("froslunda", "2027-01"): (5.0, 3.0, first.upload_id),
                       ("arby", "2027-01"): (2.0, None, None)}
    store.revert(second.upload_id, by="A", home=home)
    assert current(home) == (3.0, False)
    assert current(home, "arby") is None


def test_undoing_the_only_real_upload_of_an_indicator_brings_its_demo_values_back(home):
    only = store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;3"), "a.csv", by="A", home=home)
    effect = history_view.undo_effect(store.connect(home), only.upload_id)
    assert effect.removed == 1 and effect.demo_back > 100
    table = history_view.change_table(effect, load_catalog(), "sv")
    assert table.iloc[0]["Värdet kommer"] == "försvinner"


def test_the_history_table_and_csv_show_who_when_what_and_status(home):
    outcome = store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;3"), "a.csv", by="Anna (anna)",
                           home=home)
    store.revert(outcome.upload_id, by="Bo (bo)", home=home)
    uploads = store.uploads(store.connect(home))
    table = history_view.history_table(uploads, "sv")
    row = table.iloc[0]
    assert (row["Nr"], row["Av"], row["Fil"], row["Rader"], row["Nya"]) == (
        outcome.upload_id, "Anna (anna)", "a.csv", 1, 1)
    assert row["Status"].startswith("ångrad") and "Bo (bo)" in row["Status"]
    text = history_view.history_csv(uploads, "en").decode("utf-8-sig")
    assert text.splitlines()[0].startswith("No.;Loaded;By;File;Rows;New;Revised;Status;Kind;sha256")
    assert history_view.undoable(uploads) == []


def test_local_time_is_swedish_time():
    assert history_view.local_time(datetime(2026, 7, 1, 10, 0)) == "2026-07-01 12:00"
    assert history_view.local_time(datetime(2026, 1, 1, 10, 0)) == "2026-01-01 11:00"


def test_two_analysts_saving_at_once_both_land_and_each_sees_the_other(home):
    seen = store.connect(home).execute("SELECT max(upload_id) FROM uploads").fetchall()[0][0]
    files = {"A": csv_sv("skjutningar;Fröslunda;2027-01;3", "skjutningar;Årby;2027-01;1"),
             "B": csv_sv("skjutningar;Fröslunda;2027-01;4")}
    outcomes = {}

    def save(who):
        outcomes[who] = store.ingest(files[who], f"{who}.csv", by=who, home=home)

    threads = [threading.Thread(target=save, args=(who,)) for who in files]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert all(o.ok for o in outcomes.values())
    ids = sorted(o.upload_id for o in outcomes.values())
    assert ids == [seen + 1, seen + 2]
    con = store.connect(home)
    for who, other in (("A", "B"), ("B", "A")):
        meanwhile = history_view.changes_since(con, seen, outcomes[who].upload_id)
        assert [(m.upload.loaded_by, m.overlap) for m in meanwhile] == [(other, 1)]
    last = "A" if outcomes["A"].upload_id > outcomes["B"].upload_id else "B"
    assert current(home)[0] == {"A": 3.0, "B": 4.0}[last]


def test_a_path_like_file_name_is_archived_inside_the_store(home):
    outcome = store.ingest(csv_sv("skjutningar;Fröslunda;2027-01;3"), "../../x.csv", by="A", home=home)
    original = archive.original(home, outcome.upload_id)
    assert original.resolve().is_relative_to(home.resolve())
    assert store.uploads(store.connect(home))[0].file_name == "x.csv"
    assert not (home.parent.parent / "x.csv").exists()
