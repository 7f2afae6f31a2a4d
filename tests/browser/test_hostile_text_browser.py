"""Uploaded text is data, never markup, in a real browser (issue 10, item 8): a file whose `källa`
and file name hold a link, an image, bold, LaTeX and a Streamlit colour directive is uploaded
through the page; the upload page, Indikator, Översikt and Om data och metod then show the
characters as written, with no <a> or <img> made from them and no request to the image's address."""
from __future__ import annotations

import re

import pytest

from tests.browser.test_upload_browser import logged_in_on_upload, open_page, server_home  # noqa: F401

pytestmark = pytest.mark.browser

TRAP = "127.0.0.1:9"       # nothing listens there; a request to it is what a hostile image makes
SOURCE = (f"[klicka](http://{TRAP}/x) ![x](http://{TRAP}/x.png) **fet** $\\LaTeX$ :red[röd] "
          ":material/home: <img src=http://127.0.0.1:9/y.png>")
FILE = "[länk](javascript:alert(1)) ![bild](bild.png) **fet** $x$ :red[röd].csv"   # no "/" in a name


def hostile_file() -> bytes:
    cell = SOURCE.replace('"', '""')
    return ("indikator;område;period;värde;källa\r\n"
            f'skjutningar;Eskilstuna kommun;2026-10;7;"{cell}"\r\n').encode("utf-8")


def no_markup_from_it(page) -> None:
    """No link or image made from the uploaded text, anywhere on the page."""
    made = page.evaluate("""() => [...document.querySelectorAll('a[href], img[src]')]
        .map(e => e.getAttribute('href') || e.getAttribute('src') || '')""")
    assert not [m for m in made if TRAP in m or "javascript:" in m or "bild.png" in m
                or m.endswith("x.png")], made
    assert not page.locator("[data-testid='stMarkdownContainer'] strong", has_text="fet").count()
    assert not page.locator(".katex").count()


def test_markdown_in_a_source_and_a_file_name_renders_as_text(app_url, page):
    requests: list[str] = []
    page.on("request", lambda request: requests.append(request.url))
    logged_in_on_upload(page, app_url)

    page.locator("[data-testid='stFileUploaderDropzoneInput']").set_input_files(
        files=[{"name": FILE, "mimeType": "text/csv", "buffer": hostile_file()}])
    page.get_by_role("heading", name=re.compile(re.escape(FILE))).wait_for()       # the literal name
    save = page.get_by_role("button", name=f"Spara {FILE}")
    save.wait_for()
    no_markup_from_it(page)
    save.click()
    page.get_by_text(re.compile(r"Sparad som inläsning #\d+ \(" + re.escape(FILE))).wait_for()
    no_markup_from_it(page)

    page.goto(f"{app_url}/indikator?id=skjutningar")                               # every visitor
    caption = page.locator("[data-testid='stCaptionContainer']").filter(has_text="klicka").first
    caption.wait_for()
    assert SOURCE in caption.inner_text().replace("\u2060", "")   # as written (the word joiners
    # that keep GFM from autolinking http:// are invisible)
    no_markup_from_it(page)
    for screen in ("Översikt", "Om data och metod"):
        open_page(page, screen)
        page.locator("[data-testid='stCaptionContainer']").filter(has_text="Källa").first.wait_for()
        no_markup_from_it(page)
    page.wait_for_timeout(500)
    assert not [url for url in requests if TRAP in url or "bild.png" in url or url.endswith("x.png")]
