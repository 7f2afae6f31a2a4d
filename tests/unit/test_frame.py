"""The document around every page: text colours of the app's style sheet, <html lang>, <title>."""
import re

import pytest

from indicators.method.status import contrast_ratio
from indicators.web import frame


@pytest.mark.parametrize("selector, colour", frame.TEXT_COLOURS.items())
@pytest.mark.parametrize("background", frame.BACKGROUNDS)
def test_every_text_colour_of_the_style_keeps_four_and_a_half_to_one(selector, colour, background):
    assert contrast_ratio(colour, background) >= 4.5, selector


@pytest.mark.parametrize("background", frame.BACKGROUNDS)
def test_the_focus_ring_keeps_three_to_one_on_every_background(background):
    assert contrast_ratio(frame.FOCUS_RING, background) >= 3


def test_the_style_sets_every_colour_at_full_opacity_and_a_focus_ring_for_the_sidebar():
    css = frame.style()
    for colour in frame.TEXT_COLOURS.values():
        assert f"color: {colour}; opacity: 1;" in css
    assert re.search(r'stSidebar"\] a:focus-visible.*outline: 3px solid #0072B2', css)


@pytest.mark.parametrize("lang", ["sv", "en"])
def test_the_head_sets_html_lang_to_the_page_language(lang):
    assert f"document.documentElement.lang = '{lang}';" in frame.head_html(lang)


def test_an_unknown_language_is_refused_rather_than_written_into_a_script():
    with pytest.raises(ValueError):
        frame.head_html("sv'; alert(1); '")


def test_the_title_names_the_page_before_the_app():
    assert frame.document_title("Översikt", "Trygghetsindikatorer Eskilstuna") == \
        "Översikt · Trygghetsindikatorer Eskilstuna"
    assert frame.document_title("", "App") == "App"
