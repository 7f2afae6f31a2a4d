import pytest

from indicators import i18n
from indicators.method import status as s


@pytest.mark.parametrize("status_id, polarity, expected", [
    (s.ACHIEVED, "lower", "✓"),
    (s.ON_TRACK, "higher", "↗"),
    (s.ON_TRACK, "lower", "↘"),
    (s.TOO_SLOW, "lower", "→"),
    (s.MOVING_AWAY, "higher", "✗"),
    (s.NOT_ASSESSABLE, "lower", "?"),
    (s.NO_JUDGEMENT, "none", "–"),
])
def test_each_status_has_its_symbol_and_on_track_points_the_good_way(status_id, polarity, expected):
    assert s.symbol(status_id, polarity) == expected


@pytest.mark.parametrize("status_id", s.STATUSES)
def test_every_status_colour_keeps_three_to_one_contrast_on_white(status_id):
    assert s.contrast_ratio(s.colour(status_id), s.WHITE) >= 3.0


def test_the_status_colours_are_all_different():
    assert len(set(s.COLOURS.values())) == len(s.STATUSES)


@pytest.mark.parametrize("a, b, expected", [
    ("#000000", "#FFFFFF", 21.0),
    ("#FFFFFF", "#FFFFFF", 1.0),
    ("#767676", "#FFFFFF", 4.54),  # the well-known smallest grey that passes 4.5:1 on white
    ("#777777", "#FFFFFF", 4.48),  # ... and the next one up that just fails it
    ("#fff", "#000", 21.0),
])
def test_contrast_ratio_matches_known_wcag_values(a, b, expected):
    assert s.contrast_ratio(a, b) == pytest.approx(expected, abs=0.01)


def test_okabe_ito_orange_is_left_out_because_it_fails_three_to_one():
    assert s.contrast_ratio("#E69F00") < 3.0


def test_contrast_ratio_is_symmetric():
    assert s.contrast_ratio("#0072B2", "#FFFFFF") == s.contrast_ratio("#FFFFFF", "#0072B2")


@pytest.mark.parametrize("status_id, lang, expected", [
    (s.ACHIEVED, "sv", "Målet nått"),
    (s.ON_TRACK, "sv", "I fas"),
    (s.TOO_SLOW, "sv", "För långsamt"),
    (s.MOVING_AWAY, "sv", "Går åt fel håll"),
    (s.NOT_ASSESSABLE, "sv", "Kan inte bedömas"),
    (s.NO_JUDGEMENT, "sv", "Ingen målbedömning"),
    (s.ACHIEVED, "en", "Target achieved"),
    (s.NOT_ASSESSABLE, "en", "Cannot be assessed"),
    (s.NO_JUDGEMENT, "en", "No target judgement"),
])
def test_status_words_come_from_the_method_locale(status_id, lang, expected):
    assert s.word(status_id, lang) == expected


def test_a_badge_shows_symbol_and_word_together():
    assert s.badge(s.ON_TRACK, "lower", "sv") == "↘ I fas"


def test_an_unknown_status_is_an_error_not_a_blank():
    with pytest.raises(ValueError):
        s.symbol("fine")


def test_the_method_texts_have_the_same_keys_in_both_languages():
    keys = {lang: {k for k in i18n.texts(lang) if k.startswith("method.")} for lang in i18n.LANGS}
    assert keys["sv"] == keys["en"]
    assert {f"method.status.{x}" for x in s.STATUSES} <= keys["sv"]
