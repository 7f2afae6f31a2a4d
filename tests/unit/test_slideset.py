"""The slide set in the URL: round-trips, is validated against the catalog, forgives unknown ids."""
from urllib.parse import parse_qsl, urlsplit

import pytest

from indicators.present import slideset
from indicators.catalog import load_catalog
from indicators.present.slideset import SlideSet


@pytest.fixture(scope="module")
def catalog():
    return load_catalog()


@pytest.mark.parametrize("spec", [
    SlideSet(("skjutningar_grovt_vald", "nyrekrytering_unga", "offentliga_rummet",
              "systemhotande_brottslighet"), (), ("eskilstuna",)),
    SlideSet(("offentliga_rummet",), ("skjutningar", "otrygghet_kvall"), ("eskilstuna", "froslunda"),
             "en", 20, 3),
    SlideSet((), ("unga_misstankta",), ("froslunda", "arby"), "sv", 0, 0),
])
def test_a_slide_set_survives_the_url(catalog, spec):
    params = slideset.to_params(spec, catalog)
    assert params["present"] == "1"
    assert slideset.from_params(params, catalog) == spec
    query = dict(parse_qsl(urlsplit(slideset.query_string(spec, catalog)).query))
    assert slideset.from_params(query, catalog) == spec


def test_the_default_set_has_the_shortest_link(catalog):
    assert slideset.query_string(slideset.default(catalog), catalog) == "?present=1"


def test_unknown_ids_are_dropped_and_listed(catalog):
    spec = slideset.from_params({"fa": "offentliga_rummet,nope", "ind": "skjutningar,bogus",
                                 "areas": "Fröslunda,atlantis", "auto": "x", "s": "-4"}, catalog)
    assert spec.focus_areas == ("offentliga_rummet",)
    assert spec.indicators == ("skjutningar",)
    assert spec.areas == ("froslunda",)
    assert (spec.auto, spec.slide) == (0, 0)
    assert set(spec.ignored) == {"nope", "bogus", "atlantis"}


def test_ids_come_back_in_catalog_order_and_names_become_ids(catalog):
    spec = slideset.from_params({"ind": "otrygghet_kvall,skjutningar", "areas": "arby,ESKILSTUNA"},
                                catalog)
    assert spec.indicators == ("skjutningar", "otrygghet_kvall")
    assert spec.areas == ("eskilstuna", "arby")


def test_the_overall_goal_is_never_a_focus_slide_and_lists_from_streamlit_work(catalog):
    spec = slideset.from_params({"fa": ["overgripande,offentliga_rummet"], "lang": ["en"],
                                 "auto": ["9999"]}, catalog)
    assert spec.focus_areas == ("offentliga_rummet",)
    assert spec.lang == "en" and spec.auto == slideset.MAX_AUTO_SECONDS


def test_comparison_areas_are_no_slide_lines_of_their_own(catalog):
    spec = slideset.from_params({"areas": "eskilstuna,riket,Hela riket,froslunda"}, catalog)
    assert spec.areas == ("eskilstuna", "froslunda")
    assert set(spec.ignored) == {"riket", "Hela riket"}
