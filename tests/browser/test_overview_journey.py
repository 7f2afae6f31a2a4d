"""A committee member opens the overview, follows a focus-area card, changes the area filter,
copies the URL into a new page and sees the same view."""
import re

import pytest

from .conftest import PLOT_TIMEOUT_MS

pytestmark = pytest.mark.browser


def _plot_title(page) -> str:
    """The first trend chart's title, once it is drawn (charts lower down may draw first)."""
    page.wait_for_selector(".js-plotly-plot .gtitle", timeout=PLOT_TIMEOUT_MS)
    first = page.locator(".js-plotly-plot").first
    first.locator(".gtitle").wait_for(timeout=PLOT_TIMEOUT_MS)
    return first.locator(".gtitle").text_content()


def _wait_for_title(page, text: str) -> None:
    page.wait_for_function(
        "text => [...document.querySelectorAll('.js-plotly-plot .gtitle')]"
        ".some(e => e.textContent.includes(text))", arg=text, timeout=PLOT_TIMEOUT_MS)


def test_a_focus_view_survives_a_copied_link(app_url, page, browser):
    page.goto(app_url)
    page.wait_for_selector(".js-plotly-plot", timeout=PLOT_TIMEOUT_MS)
    page.get_by_role("link", name=re.compile("Öppna Stoppa skjutningar")).click()
    page.wait_for_url(re.compile(r"/skjutningar-grovt-vald"), timeout=PLOT_TIMEOUT_MS)
    assert "Eskilstuna kommun" in _plot_title(page)

    page.locator("[data-testid='stSelectbox']").first.click()
    page.get_by_role("option", name="Fröslunda").click()
    page.wait_for_url(re.compile(r"area=froslunda"), timeout=PLOT_TIMEOUT_MS)
    _wait_for_title(page, "Fröslunda")
    url = page.url

    other = browser.new_context(viewport={"width": 1400, "height": 1000}).new_page()
    try:
        other.goto(url)
        _wait_for_title(other, "Fröslunda")
        title = _plot_title(other)
        assert "Fröslunda" in title
        assert "area=froslunda" in other.url
        box = other.locator("[data-testid='stSelectbox']").first
        inputs = box.locator("input")
        chosen = box.text_content() + (inputs.first.input_value() if inputs.count() else "")
        assert "Fröslunda" in chosen
        assert "EXEMPELDATA" in other.locator(".js-plotly-plot").first.inner_html()
    finally:
        other.context.close()
