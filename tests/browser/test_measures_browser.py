"""A committee member opens Åtgärder from the menu, filters by status, copies the link and sees
the same filtered table; a measure's user text shows as written (no bold, no link), and its linked
indicator opens the indicator page; the focus page draws the linked measure's band."""
import re

import pytest

from tests import follow_up_data as data

from .conftest import PLOT_TIMEOUT_MS

pytestmark = pytest.mark.browser


@pytest.fixture
def server_home(built_store, tmp_path):
    import shutil
    target = tmp_path / "server-home"
    shutil.copytree(built_store, target)
    data.load_all(target)
    return target


def test_the_measures_page_filters_in_the_link_and_shows_user_text_as_written(app_url, page, browser):
    page.goto(f"{app_url}/atgarder?fokus=nyrekrytering_unga")
    page.get_by_text("2 av 5 genomförda, 1 försenade").wait_for(timeout=PLOT_TIMEOUT_MS)
    # the card's text as written; web.plain() puts an invisible word joiner into the address
    card = page.get_by_text(re.compile(r"\*\*Mentorsprogram\*\* \[läs\]\(http:\u2060//x\)"))
    card.first.wait_for(timeout=PLOT_TIMEOUT_MS)
    assert page.locator("a[href='http://x']").count() == 0            # never a link
    assert page.get_by_text(":red[viktigt]").count() == 1              # never a colour directive

    page.locator("[data-testid='stSelectbox']").nth(2).click()
    page.get_by_role("option", name="Genomförd ✓").click()
    page.wait_for_url(re.compile(r"status=done"), timeout=PLOT_TIMEOUT_MS)
    page.get_by_text("2 av 2 genomförda, 0 försenade").wait_for(timeout=PLOT_TIMEOUT_MS)

    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        other.goto(page.url)
        other.get_by_text("2 av 2 genomförda, 0 försenade").wait_for(timeout=PLOT_TIMEOUT_MS)
        other.get_by_role("link", name="Andel elever i åk 7–9 med hög frånvaro").click()
        other.wait_for_url(re.compile(r"/indikator\?.*id=hog_franvaro"), timeout=PLOT_TIMEOUT_MS)
        other.wait_for_selector(".js-plotly-plot", timeout=PLOT_TIMEOUT_MS)
    finally:
        other.context.close()


def test_the_focus_page_draws_the_linked_measures_band(app_url, page):
    page.goto(f"{app_url}/nyrekrytering-unga")
    page.get_by_text("2 av 5 genomförda, 1 försenade").first.wait_for(timeout=PLOT_TIMEOUT_MS)
    page.wait_for_selector(".js-plotly-plot", timeout=PLOT_TIMEOUT_MS)
    page.wait_for_function("() => [...document.querySelectorAll('.js-plotly-plot')]"
                           ".some(p => (p.layout && (p.layout.shapes || []).some("
                           "s => (s.name || '') === 'measure:FA2-01')))", timeout=PLOT_TIMEOUT_MS)
