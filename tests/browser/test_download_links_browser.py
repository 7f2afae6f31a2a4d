"""Download links of raw history and archived originals stop working at logout (issue 10, item 11):
a link captured while an analyst was logged in answers 404 once the session has logged out, also
while the tab stays open and nobody else uses the dashboard."""
from __future__ import annotations

import pytest

from tests.browser.test_upload_browser import home_with_analyst, logged_in_on_upload

pytestmark = pytest.mark.browser


@pytest.fixture
def server_home(built_store, tmp_path):
    """A store with one analyst account (made by the CLI) and one upload of our own."""
    from indicators import store
    target = home_with_analyst(built_store, tmp_path)
    outcome = store.ingest("indikator;område;period;värde\r\nskjutningar;Årby;2026-01;2\r\n".encode("cp1252"),
                           "årby.csv", by="Anna Andersson", home=target)
    assert outcome.ok
    return target


def download_url(page, label: str) -> str:
    with page.expect_download() as download:
        page.get_by_role("button", name=label).click()
    return download.value.url


def test_links_captured_while_logged_in_answer_404_after_logout(app_url, page):
    logged_in_on_upload(page, app_url)
    page.get_by_role("tab", name="Historik och ångra").click()
    page.get_by_role("button", name="Ladda ner originalfilen").wait_for()
    history = download_url(page, "Ladda ner hela historiken (CSV)")
    original = download_url(page, "Ladda ner originalfilen")
    fetch = page.context.request
    assert fetch.get(history).status == 200 and fetch.get(original).status == 200
    assert "årby" in fetch.get(history).text() or "rby" in fetch.get(history).text()

    page.get_by_role("button", name="Logga ut").click()
    page.get_by_text("Logga in i sidomenyn").wait_for()
    page.wait_for_timeout(1000)                      # the page's second run has finished
    assert fetch.get(history).status == 404
    assert fetch.get(original).status == 404
