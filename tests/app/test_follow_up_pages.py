"""The follow-up on the pages: a focus page counts the measures a file gives (by sub-goal and owner)
and sets the committee's assessment beside the computed status; the Åtgärder page keeps its
filters in the URL and downloads its table; an analyst records an assessment on the indicator page
and can undo it; the overview's cards and 'Vad har ändrats?' include measures."""
from __future__ import annotations

import pytest

from indicators import i18n, store
from indicators.access import accounts, throttle as login_throttle
from indicators.store import follow_up
from tests import follow_up_data as data

from .conftest import shown, page_test

PASSWORD = "ett långt lösenord 42"


@pytest.fixture
def loaded(home):
    data.load_all(home)
    return home


def markdown(at) -> list[str]:
    return [m.value for m in at.markdown]


def test_the_focus_page_counts_the_measures_the_file_gives(loaded):
    at = page_test("focus", "sv", focus="nyrekrytering_unga")
    assert not at.exception, [e.value for e in at.exception]
    assert "**Åtgärder:** 2 av 5 genomförda, 1 försenade" in markdown(at)
    headers = [h.value for h in at.subheader]
    assert headers[:5] == ["Samverkan kring individer i riskzon", "Metoder mot normbrytande beteende",
                           "Meningsfull fritid, trygga vuxenkontakter och framtidstro",
                           "Uppsökande arbete och tidiga insatser", "Utan delmål"]
    tables = [d.value for d in at.dataframe]
    owners = next(t for t in tables if "Sammanfattning" in t.columns).set_index("Ansvarig")
    assert owners.loc["socialtjänst", "Sammanfattning"] == "1 av 2 genomförda, 0 försenade"
    assert any("orsakade förändringen" in c.value for c in at.caption)   # timing is not proof
    # the committee's assessment beside the computed status, the user's asterisks shown as written
    assessment = next(m for m in markdown(at) if m.startswith("**Trygghetsberedningens bedömning"))
    assert "\\*osäkert\\*" in assessment and "↗ I fas" in assessment
    status = markdown(at).index(assessment) - 1
    assert markdown(at)[status].startswith("**Status:")


def test_a_focus_page_with_example_sub_goals_says_so(loaded):
    at = page_test("focus", "en", focus="offentliga_rummet")
    assert not at.exception
    assert any("Example sub-goal" in c.value for c in at.caption)
    assert "**Measures:** No measures have been loaded." in markdown(at)


def test_the_measures_page_keeps_its_filters_in_the_url(loaded):
    at = page_test("measures", "sv", {"status": "done"})
    assert not at.exception, [e.value for e in at.exception]
    assert "**3 av 3 genomförda, 0 försenade**" in markdown(at)
    assert sorted(at.dataframe[0].value["Åtgärd"]) == ["FA1-01", "FA2-02", "FA2-03"]
    owner = next(s for s in at.selectbox if s.key == "measures_owner")
    owner.select("socialtjänst").run()
    assert at.query_params["ansvarig"] == "socialtjänst" and at.query_params["status"] == "done"
    assert list(at.dataframe[0].value["Åtgärd"]) == ["FA2-02"]
    area = next(s for s in at.selectbox if s.key == "measures_area")
    area.select("froslunda").run()
    assert at.query_params["omrade"] == "froslunda"
    assert any("Inga åtgärder motsvarar" in i.value for i in at.info)


def test_the_measures_page_renders_user_text_as_written_and_downloads_the_table(loaded):
    at = page_test("measures", "sv", {"fokus": "nyrekrytering_unga"})
    assert not at.exception
    assert "**2 av 5 genomförda, 1 försenade**" in markdown(at)
    card = next(m for m in markdown(at) if "FA2\\-05" in m)
    assert "\\*\\*Mentorsprogram\\*\\*" in card and "http\\://x" not in card  # escaped, no autolink
    assert "**Mentorsprogram** [läs](http://x)" in shown(card)  # what a reader sees: the text as written
    assert "\\:red\\[viktigt\\]" in markdown(at)
    links = [m for m in markdown(at) if m.startswith("[Unga med samordnad insats")]
    assert links == ["[Unga med samordnad insats i sociala insatsgrupper](indikator?id=unga_sig)"]
    downloads = at.get("download_button")
    assert len(downloads) == 2


def test_the_measures_page_without_measures_says_so(home):
    store.set_demo_hidden(True, home)  # the shipped demo measures hidden: no measures at all
    at = page_test("measures", "en")
    assert not at.exception
    with store.connect(home) as con:
        assert not len(follow_up.measures(con))
    assert any(i18n.t("measures.none", "en") in i.value for i in at.info)


@pytest.fixture
def analyst(home):
    login_throttle.reset_all()
    return accounts.add_user(None, "anna", "Anna Andersson", "analyst", PASSWORD)


def _assessments(home):
    with store.connect(home) as con:
        return follow_up.assessments(con, "skjutningar")


def test_an_analyst_records_an_assessment_on_the_indicator_page_and_undoes_it(analyst, home):
    from streamlit.testing.v1 import AppTest
    from .conftest import REPO
    at = AppTest.from_file(str(REPO / "app_pages" / "indicator.py"), default_timeout=90)
    at.session_state["login_account"] = analyst
    at.query_params["id"] = "skjutningar"
    at.run()
    assert not at.exception, [e.value for e in at.exception]
    at.text_input(key="assessment_round_skjutningar").input("2025-T2")
    at.text_area(key="assessment_text_skjutningar").input("Färre skjutningar, **men** få perioder.")
    at.selectbox(key="assessment_judgement_skjutningar").select("too_slow")
    at.button[[b.label for b in at.button].index("Spara bedömningen")].click().run()
    assert not at.exception, [e.value for e in at.exception]
    saved = _assessments(home)
    assert list(saved["assessment"]) == ["Färre skjutningar, **men** få perioder."]
    assert list(saved["judgement"]) == ["too_slow"]
    upload = store.uploads(store.connect(home))[0]
    assert upload.loaded_by == "Anna Andersson (anna)" and upload.file_name.startswith("bedomning_skjutningar")
    assert any("uppladdning #" in s.value for s in at.success)
    line = next(m for m in markdown(at) if m.startswith("**Trygghetsberedningens bedömning (2025\\-T2)"))
    assert "\\*\\*men\\*\\*" in line and "→ För långsamt" in line
    next(b for b in at.button if b.label == "Ångra").click().run()
    assert not at.exception
    assert _assessments(home).empty
    assert any("ångrad" in i.value for i in at.info)


def test_a_visitor_sees_no_assessment_form(home):
    at = page_test("indicator", "sv", {"id": "skjutningar"})
    assert not at.exception
    assert not [f for f in at.get("form")]
    assert not any(b.label == "Spara bedömningen" for b in at.button)


def test_the_overview_cards_count_measures_and_changes_list_a_new_status(loaded, home):
    with store.connect(home) as con:
        since = con.execute("SELECT max(loaded_at) FROM uploads").fetchall()[0][0]
    later = [data.ROWS[3][:7] + ["genomförd", "2025-T3"] + data.ROWS[3][9:]]
    assert store.ingest(data.measures_file(later), "t3.csv", by="test", home=home).ok
    at = page_test("overview", "sv")
    assert not at.exception
    assert any(m.startswith("3 av 5 genomförda, 0 försenade") for m in markdown(at))
    assert "**Åtgärder med ändrad status**" in markdown(at)
    table = next(d.value for d in at.dataframe if "Tidigare status" in d.value.columns)
    assert list(table["Åtgärd"]) == ["FA2-04"] and table.iloc[0]["Tidigare status"] == "Försenad !"
    assert since is not None


def test_the_measures_page_shows_its_cards_ten_at_a_time_in_the_tables_order(home):
    """The demo's measures: page 1 holds the table's first ten cards, page 2 the rest, and a
    filter starts again at page 1 (a page of every card drew ~400 elements on every rerun)."""
    def card_ids(at) -> list[str]:
        return [shown(m).split(" · ")[0].strip("*") for m in markdown(at) if m.startswith("**FA")]

    first = page_test("measures", "sv")
    order = list(first.dataframe[0].value["Åtgärd"])
    assert len(order) > 10
    assert card_ids(first) == order[:10]
    pager = first.get("pagination")[0]
    second = page_test("measures", "sv", state={pager.key: 2})
    assert card_ids(second) == order[10:20]
    filtered = page_test("measures", "sv", {"fokus": "nyrekrytering_unga"}, state={pager.key: 2})
    ids = list(filtered.dataframe[0].value["Åtgärd"])
    assert card_ids(filtered) == ids[:10]
