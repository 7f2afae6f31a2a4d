"""Focus pages come from the catalog: a catalog that renames a focus area (new id and name) and adds
one gets a page and an overview card for each, at addresses made from the new ids, and nothing
crashes. (The app used to hard-code Eskilstuna's four: a renamed one crashed its page and lost its
card.)"""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from indicators.catalog import load_catalog
from indicators.config import DATA_DIR
from indicators.web.navigation import DEFAULT_FOCUS_ICON, SCREENS, focus_screens

from .conftest import REPO, page_test

RENAMED = ("offentliga_rummet,Trygga det offentliga rummet,Make public space safe,3,"
           "Det offentliga rummet,Public space,:material/park:")


def _edit(path: Path, old: str, new: str, count: int = -1) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, count), encoding="utf-8")


@pytest.fixture
def edited_catalog(home, tmp_path, monkeypatch) -> Path:
    """The shipped catalog with 'offentliga_rummet' renamed to 'trygga_platser' (no short name,
    no icon) and a new focus area 'brottsofferstod' that takes over one indicator."""
    folder = Path(shutil.copytree(DATA_DIR / "catalog", tmp_path / "catalog"))
    (folder / "sub_goals.csv").unlink()  # optional; Eskilstuna's sub-goals name the renamed focus area
    _edit(folder / "focus_areas.csv", RENAMED, "trygga_platser,Trygga platser,Safe places,3,,,")
    with (folder / "focus_areas.csv").open("a", encoding="utf-8") as handle:
        handle.write("brottsofferstod,Stöd till brottsoffer,Support for victims of crime,5,"
                     "Brottsofferstöd,Victim support,:material/volunteer_activism:\n")
    _edit(folder / "indicators.toml", 'focus_area = "offentliga_rummet"',
          'focus_area = "trygga_platser"')
    _edit(folder / "indicators.toml", 'id = "trygghetsvandringar"\nfocus_area = "trygga_platser"',
          'id = "trygghetsvandringar"\nfocus_area = "brottsofferstod"')
    monkeypatch.setenv("INDICATORS_CATALOG", str(folder))
    return folder


def test_every_focus_area_but_the_goal_gets_a_page_at_an_address_from_its_id(edited_catalog):
    screens = {s.focus_area_id: s for s in focus_screens(load_catalog(edited_catalog), "sv")}
    assert list(screens) == ["skjutningar_grovt_vald", "nyrekrytering_unga", "trygga_platser",
                             "systemhotande_brottslighet", "brottsofferstod"]
    assert screens["trygga_platser"].url_path == "trygga-platser"
    assert screens["trygga_platser"].title == "Trygga platser"          # no short name: the name
    assert screens["trygga_platser"].icon == DEFAULT_FOCUS_ICON         # no icon: the default
    assert screens["brottsofferstod"].title == "Brottsofferstöd"
    assert screens["brottsofferstod"].icon == ":material/volunteer_activism:"


def test_the_shipped_focus_pages_keep_their_swedish_addresses():
    assert [s.url_path for s in focus_screens(load_catalog(DATA_DIR / "catalog"), "en")] == [
        "skjutningar-grovt-vald", "nyrekrytering-unga", "offentliga-rummet",
        "systemhotande-brottslighet"]


def test_a_focus_area_whose_address_a_fixed_page_has_gets_its_own(edited_catalog):
    _edit(edited_catalog / "focus_areas.csv", "brottsofferstod,", "om,")
    _edit(edited_catalog / "indicators.toml", 'focus_area = "brottsofferstod"', 'focus_area = "om"')
    urls = [s.url_path for s in focus_screens(load_catalog(edited_catalog), "sv")]
    assert "fokus-om" in urls and len(set(urls) | {s.url_path for s in SCREENS}) == len(urls) + len(SCREENS)


def test_the_frame_gives_a_renamed_and_an_added_focus_area_a_card_and_a_page(edited_catalog):
    _edit(edited_catalog / "focus_areas.csv", "Safe places,3,", "Safe places,-1,")  # renamed first
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=120).run()
    assert not at.exception, [e.value for e in at.exception]
    cards = [m.value for m in at.markdown if m.value.startswith("#### ")]
    assert "#### Trygga platser" in cards and "#### Stöd till brottsoffer" in cards
    assert "#### Trygga det offentliga rummet" not in cards
    links = {link.proto.page for link in at.get("page_link")}
    assert {"trygga-platser", "brottsofferstod"} <= links and "offentliga-rummet" not in links

    at.switch_page("app_pages/focus.py").run()    # the first focus page: the renamed one
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == "Trygga platser"
    assert len(at.get("plotly_chart")) == 6  # three indicators left: trend and ranking each


@pytest.mark.parametrize("focus, title, charts", [
    ("trygga_platser", "Trygga platser", 6), ("brottsofferstod", "Stöd till brottsoffer", 2)])
def test_the_renamed_and_the_added_focus_pages_render_their_indicators(edited_catalog, focus,
                                                                        title, charts):
    at = page_test("focus", "sv", focus=focus)
    assert not at.exception, [e.value for e in at.exception]
    assert at.title[0].value == title
    assert len(at.get("plotly_chart")) == charts
