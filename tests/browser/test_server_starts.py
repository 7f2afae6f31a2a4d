"""The browser fixtures work: a real server starts on the shipped data and chromium renders it."""
import pytest

pytestmark = pytest.mark.browser


def test_the_app_opens_in_a_real_browser(app_url, page):
    page.goto(app_url)
    page.wait_for_selector("[data-testid='stSidebar']")
    assert "Traceback" not in page.content()
