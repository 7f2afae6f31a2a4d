"""Uploaded text is data, never markup (issue 10, item 8): a `källa` or `kommentar` holding
Markdown, LaTeX, Streamlit's colour and icon directives or a 100,000-character text shows on every
page as the characters that were written, capped in length; the browser proof (no <a>/<img>, no
request) is tests/browser/test_hostile_text_browser.py."""
from __future__ import annotations

import re

import pytest

from indicators import store

from .conftest import page_test, shown

HOSTILE = ("[klicka](http://127.0.0.1:9/x) ![x](http://127.0.0.1:9/x.png) **fet** $\\LaTeX$ "
           ":red[röd] :material/home: <b>html</b> www.example.se")


def upload(home, source: str, indicator="skjutningar", period="2027-01") -> None:
    text = source.replace('"', '""')
    data = ("indikator;område;period;värde;källa\r\n"
            f'{indicator};Eskilstuna kommun;{period};3;"{text}"\r\n').encode("utf-8")
    outcome = store.ingest(data, "fientlig.csv", by="test", home=home)
    assert outcome.ok, [p.message("sv") for p in outcome.validation.problems]


def markup_free(markdown: str) -> bool:
    """No unescaped character that would start a link, image, emphasis, math, directive or tag,
    and no address GFM would turn into a link by itself (http://, www., a@b)."""
    unescaped = re.sub(r"\\(.)", r"\1", markdown)
    return not (re.search(r"(?<!\\)[\[\]*$:<>`_~!]", markdown)
                or re.search(r"https?://|www\.|\w@", unescaped, re.IGNORECASE))


def source_part(caption: str) -> str:
    """The uploaded source inside "Källa: … · Period: … · Data per …"."""
    return caption.split("Källa: ", 1)[1].split(" · Period", 1)[0]


@pytest.mark.parametrize("name, query", [("overview", None), ("about", None),
                                         ("indicator", {"id": "skjutningar"})])
def test_markdown_in_a_source_never_becomes_markup(home, name, query):
    upload(home, HOSTILE)
    at = page_test(name, "sv", query)
    assert not at.exception
    captions = [c.value for c in at.caption if "Källa: " in c.value]
    assert captions
    for caption in captions:
        assert markup_free(source_part(caption)), caption


def test_markdown_in_a_source_shows_as_its_own_characters(home):
    upload(home, HOSTILE)
    at = page_test("indicator", "sv", {"id": "skjutningar"})
    found = [c.value for c in at.caption if "klicka" in c.value]
    assert found
    assert all(HOSTILE in shown(caption) for caption in found)


def test_a_huge_source_is_capped_in_the_caption(home):
    upload(home, "lång källa " + "x" * 100_000)
    at = page_test("indicator", "sv", {"id": "skjutningar"})
    caption = next(c.value for c in at.caption if "lång källa" in c.value)
    assert len(shown(caption)) < 500 and "…" in caption


def test_plain_escapes_every_markdown_construct_and_keeps_the_text():
    from indicators.web.plaintext import plain
    text = plain(HOSTILE + "\n\n# rubrik\n- lista\n1. lista", None)
    assert "\n" not in text and markup_free(text)
    assert shown(text) == " ".join((HOSTILE + " # rubrik - lista 1. lista").split())
    assert plain("a" * 400) == "a" * 299 + "…"
    assert plain(None) == ""
