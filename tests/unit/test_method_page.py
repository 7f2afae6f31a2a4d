"""The method page speaks the reader's language: Swedish document, English summary."""
import pytest

from indicators.views.method_page import method_markdown


def test_swedish_readers_get_the_document_without_the_english_summary():
    text = method_markdown("sv")
    assert "Utvecklingen mot målet" in text and "## English summary" not in text


def test_english_readers_get_the_english_summary_only():
    text = method_markdown("en")
    assert text.startswith("## About data and method")
    assert "Rolling year" in text and "Utvecklingen mot målet" not in text


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_a_document_without_an_english_section_is_shown_whole(lang):
    assert method_markdown(lang, "# Om\nText.\n") == "# Om\nText.\n"
