"""The Presentation page: every slide renders in both languages, paging works through the on-screen
buttons the keyboard bridge clicks, Esc leaves, and the slide set round-trips through the URL."""
from __future__ import annotations

import pytest

from indicators.present import slideset
from indicators.catalog import load_catalog
from tests.app.conftest import page_test

pytestmark = pytest.mark.usefixtures("home")

QUERY = {"present": "1", "fa": "skjutningar_grovt_vald,nyrekrytering_unga,offentliga_rummet,"
         "systemhotande_brottslighet", "ind": "skjutningar,otrygghet_kvall,unga_misstankta",
         "areas": "eskilstuna,froslunda"}


def _title(at) -> str:
    slide = next(h.body for h in at.get("html") if 'class="present-slide"' in h.body)
    return slide.split('<h1 class="present-title">', 1)[1].split("</h1>", 1)[0]


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_every_slide_renders_in_both_languages(lang):
    at = page_test("presentation", lang, QUERY)
    assert not at.exception
    titles = [_title(at)]
    total = 1 + 4 + 3
    for n in range(1, total):
        at.button(key="present_next").click().run()
        assert not at.exception, at.exception
        assert at.query_params["s"] == [str(n)] or at.query_params["s"] == str(n)
        titles.append(_title(at))
    assert len(set(titles)) == total
    assert at.button(key="present_next").disabled
    assert len(at.get("plotly_chart")) == 1
    demo = "Exempeldata: " if lang == "sv" else "Demo data: "
    assert titles[0].startswith("Tre" if lang == "sv" else "Three")
    assert all(t.startswith(demo) for t in titles[1:])
    assert not at.get("multiselect") and not at.title  # no setup controls on a slide


def test_previous_and_home_and_esc():
    at = page_test("presentation", "sv", {**QUERY, "s": "3"})
    at.button(key="present_prev").click().run()
    assert str(at.query_params["s"]).strip("[]'") == "2"
    assert at.button(key="present_first").help == "Första bilden (Home)"   # in the page's language
    at.button(key="present_first").click().run()
    assert str(at.query_params["s"]).strip("[]'") == "0"
    at.button(key="present_exit").click().run()
    assert "present" not in at.query_params
    assert at.title and at.get("multiselect")  # back on the setup view, the set kept in the URL
    assert at.query_params["ind"] in ("skjutningar,otrygghet_kvall,unga_misstankta",
                                      ["skjutningar,otrygghet_kvall,unga_misstankta"])


def test_the_url_round_trips_the_slide_set_through_the_page():
    """Open a prepared link, leave with Esc (the setup view takes the set from the URL), start
    again: the URL describes the same set."""
    catalog = load_catalog()
    prepared = slideset.SlideSet(("offentliga_rummet",), ("skjutningar", "otrygghet_kvall"),
                                 ("eskilstuna", "arby"), "en", 30, 0)
    query = slideset.to_params(prepared, catalog)
    query.pop("lang")
    at = page_test("presentation", "en", query)
    assert 'data-auto="30"' in next(h.body for h in at.get("html") if 'class="present-slide"' in h.body)
    at.button(key="present_exit").click().run()
    assert at.multiselect(key="present_setup_focus").value == ["offentliga_rummet"]
    assert at.multiselect(key="present_setup_indicators").value == ["skjutningar", "otrygghet_kvall"]
    assert at.multiselect(key="present_setup_areas").value == ["eskilstuna", "arby"]
    assert any("fa=offentliga_rummet" in c.value for c in at.code)
    at.button(key="present_start").click().run()
    assert not at.exception
    params = {k: at.query_params[k] for k in at.query_params}
    spec = slideset.from_params({**params, "lang": "en"}, catalog)
    assert spec == prepared
    assert "present-slide" in "".join(h.body for h in at.get("html"))


def test_unknown_ids_in_a_link_are_named_not_fatal():
    at = page_test("presentation", "sv", {"ind": "skjutningar,finnsinte"})
    assert not at.exception
    assert "finnsinte" in at.warning[0].value
