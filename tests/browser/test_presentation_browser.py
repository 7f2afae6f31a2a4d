"""Presentation mode in a real browser at 1920×1080 (and on laptops, 1280×720 and 1440×900, where the
footer with source and slide counter stays in view): keyboard paging (arrows, Page Down as a
clicker sends), no sidebar or widget visible, titles of at least 40 px, axis text of at least 20 px."""
from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.browser.conftest import open_page

pytestmark = pytest.mark.browser

LINK = "/presentation?present=1&ind=skjutningar,otrygghet_kvall&areas=eskilstuna"
WIDGETS = ('[data-testid="stSidebar"]', 'header[data-testid="stHeader"]', '[data-testid="stToolbar"]',
           '[data-testid="stButton"]', '[data-testid="stMultiSelect"]', '[data-testid="stSelectbox"]',
           '[data-testid="stRadio"]', '[data-testid="stNumberInput"]', '[data-testid="stCheckbox"]',
           '[data-testid="stDownloadButton"]', ".modebar-container")


@pytest.fixture
def big_page(browser):
    """A venue's big screen: 1920×1080."""
    with open_page(browser, 1920, 1080) as tab:
        yield tab


def _on_slide(page, n: int) -> None:
    page.wait_for_selector(f'.present-slide[data-slide="{n}"]')
    page.wait_for_selector(".js-plotly-plot .xtick text")


def _nothing_but_the_slide(page) -> None:
    for selector in WIDGETS:
        for element in page.locator(selector).all():
            assert not element.is_visible(), selector
    size = page.evaluate("parseFloat(getComputedStyle(document.querySelector('.present-title')).fontSize)")
    assert size >= 40
    axis = page.evaluate("Math.min(...[...document.querySelectorAll('.js-plotly-plot .xtick text,"
                         " .js-plotly-plot .ytick text')].map(e => parseFloat(getComputedStyle(e).fontSize)))")
    assert axis >= 20
    assert page.evaluate("document.documentElement.scrollHeight") <= 1080 + 2  # one screen, no scroll


def test_paging_with_arrows_and_page_down_shows_only_the_slide(app_url, big_page, tmp_path):
    page = big_page
    page.goto(app_url + LINK)
    _on_slide(page, 0)
    shots = Path(tmp_path)
    page.screenshot(path=str(shots / "slide-0.png"))
    _nothing_but_the_slide(page)
    titles = [page.inner_text(".present-title")]
    for n, key in enumerate(["ArrowRight", "PageDown", "ArrowRight", "PageDown", "ArrowRight",
                             "ArrowRight"], start=1):
        page.keyboard.press(key)
        _on_slide(page, n)
        page.screenshot(path=str(shots / f"slide-{n}.png"))
        _nothing_but_the_slide(page)
        titles.append(page.inner_text(".present-title"))
    assert len(set(titles)) == 7
    page.keyboard.press("PageUp")
    _on_slide(page, 5)
    page.keyboard.press("Escape")
    page.wait_for_selector('[data-testid="stMultiSelect"]')
    assert "present=1" not in page.url


def _footer_in_view(page, n: int, width: int, height: int) -> None:
    # this slide's footer ("Bild 2 av 7"): st.html elements arrive one after another in a rerun
    page.wait_for_selector(f'.present-footer span:text-matches("^[^0-9]*{n + 1} [^0-9]+[0-9]+$")',
                           timeout=30000)
    box = page.locator(".present-footer").bounding_box()
    assert box is not None, (width, height)
    assert box["y"] >= 0 and box["y"] + box["height"] <= height + 1, (width, height, box)
    assert box["x"] >= 0 and box["x"] + box["width"] <= width + 1, (width, height, box)
    counter = page.locator(".present-footer span").last
    assert counter.is_visible() and re.search(r"\d+\D+\d+", counter.inner_text())
    # the footer is on top: what the browser shows at its centre is the footer, not the chart
    hit = page.evaluate("([x, y]) => !!document.elementFromPoint(x, y)?.closest('.present-footer')",
                        [box["x"] + 4, box["y"] + box["height"] / 2])
    assert hit, (width, height)


@pytest.mark.parametrize("width, height", [(1280, 720), (1440, 900)])
def test_the_footer_with_source_and_slide_counter_stays_on_a_laptop_screen(app_url, browser, width,
                                                                           height):
    with open_page(browser, width, height) as page:
        page.goto(app_url + LINK)
        _on_slide(page, 0)
        _footer_in_view(page, 0, width, height)
        for n in range(1, 4):                       # focus area and indicator slides (tiles, legends)
            page.keyboard.press("ArrowRight")
            _on_slide(page, n)
            _footer_in_view(page, n, width, height)
