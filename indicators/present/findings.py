"""Finding sentences: slide titles that state what the data shows, written from the data.

"Skjutningarna har minskat med 40 % sedan 2023", "Andelen som känner sig otrygga har ökat med
3 procentenheter sedan 2023", "Tre områden på polisens lista 2025, lika många som 2023".

The rules, so a title never says more than the numbers do:
- counts, rates and amounts change in per cent of the baseline; shares in percentage points;
  an index (and anything from a baseline of 0) from one level to the other;
- a change that rounds to zero is "on the same level";
- when either number is hidden by the small-count rules, the sentence says so and gives no change;
- demo data is named in the sentence itself ("Exempeldata: ..."), so a title quoted alone, out of
  its slide, still cannot be taken for a real finding.
Texts are in locales/*/present.toml; a subject per indicator id ("Skjutningarna") is optional and
falls back to the catalog name.
"""
from __future__ import annotations

import math

from indicators import i18n
from indicators.method import status as statuses

_WORDS = {
    "sv": ("noll", "en", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva",
           "tolv"),
    "en": ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
           "eleven", "twelve"),
}
ASSESSED = (statuses.ACHIEVED, statuses.ON_TRACK, statuses.TOO_SLOW, statuses.MOVING_AWAY)
GOOD = (statuses.ACHIEVED, statuses.ON_TRACK)


def _missing(x) -> bool:
    return x is None or (isinstance(x, float) and math.isnan(x))


def capital(text: str) -> str:
    """The sentence with its first letter in upper case (the rest untouched)."""
    return text[:1].upper() + text[1:] if text else text


def count_word(n: int, lang: str, *, neuter: bool = False) -> str:
    """Small whole numbers in words, as newspapers write them ("tre"); larger ones as digits.
    `neuter` gives Swedish "ett" for 1 (ett område)."""
    if n == 1 and neuter and lang == "sv":
        return "ett"
    if 0 <= n < len(_WORDS[lang]):
        return _WORDS[lang][n]
    return i18n.number(n, lang)


def subject(indicator, lang: str) -> str:
    """What the sentence is about: "Skjutningarna" (locale text) or the catalog name."""
    key = f"present.subject.{indicator.id}"
    text = i18n.t(key, lang)
    return indicator.name(lang) if text == key else text


def percent(x: float, lang: str) -> str:
    """"40 %" in Swedish (no-break space), "40%" in English."""
    return i18n.t("present.finding.percent", lang, n=i18n.number(x, lang, 0))


def points(x: float, lang: str) -> str:
    """"3 procentenheter", "1 procentenhet", "2,5 procentenheter"."""
    decimals = 0 if abs(x - round(x)) < 0.05 else 1
    key = "present.finding.point" if decimals == 0 and round(x) == 1 else "present.finding.points"
    return i18n.t(key, lang, n=i18n.number(x, lang, decimals))


def demo_honest(sentence: str, lang: str, demo: bool) -> str:
    """Marks a sentence drawn from demo data in its own words."""
    return i18n.t("present.finding.demo", lang, sentence=sentence) if demo else sentence


def change(indicator, baseline: float | None, latest: float | None, since: str, lang: str, *,
           hidden: bool = False, demo: bool = False) -> str:
    """The change from `baseline` to `latest` since the period `since`, as a title sentence."""
    who = subject(indicator, lang)
    if hidden:
        return demo_honest(i18n.t("present.finding.hidden", lang, subject=who), lang, demo)
    if _missing(baseline) or _missing(latest):
        return demo_honest(i18n.t("present.finding.no_data", lang, subject=who), lang, demo)
    diff = latest - baseline
    if indicator.measure == "share":
        amount, flat = points(abs(diff), lang), round(abs(diff), 1) == 0
    elif indicator.measure in ("count", "rate", "amount") and baseline > 0:
        pct = diff / baseline * 100
        amount, flat = percent(abs(pct), lang), round(abs(pct)) == 0
    else:
        decimals = indicator.decimals
        before, after = i18n.number(baseline, lang, decimals), i18n.number(latest, lang, decimals)
        if before == after:
            text = i18n.t("present.finding.same", lang, subject=who, since=since)
        else:
            key = "present.finding.up_abs" if diff > 0 else "present.finding.down_abs"
            text = i18n.t(key, lang, subject=who, before=before, after=after, since=since)
        return demo_honest(text, lang, demo)
    if flat:
        text = i18n.t("present.finding.same", lang, subject=who, since=since)
    else:
        key = "present.finding.up" if diff > 0 else "present.finding.down"
        text = i18n.t(key, lang, subject=who, amount=amount, since=since)
    return demo_honest(text, lang, demo)


def areas(n: int, lang: str) -> str:
    """"ett område", "tre områden", "inga områden"."""
    if n == 0:
        return i18n.t("present.finding.areas_none", lang)
    if n == 1:
        return i18n.t("present.finding.areas_one", lang)
    return i18n.t("present.finding.areas_many", lang, n=count_word(n, lang))


def police_list(year: int, count: int | None, lang: str, *, since_year: int | None = None,
                since_count: int | None = None) -> str:
    """The police-list sentence: how many areas are on the latest list, against the baseline list.

    The police list is real reference data, never demo data.
    """
    if count is None:
        return capital(i18n.t("present.finding.police_unknown", lang, year=year))
    what = areas(count, lang)
    if since_year is None or since_count is None or since_year == year:
        return capital(i18n.t("present.finding.police_only", lang, count=what, year=year))
    diff = count - since_count
    if diff == 0:
        key = "present.finding.police_same"
    else:
        key = "present.finding.police_fewer" if diff < 0 else "present.finding.police_more"
    return capital(i18n.t(key, lang, count=what, year=year, since=since_year,
                          diff=count_word(abs(diff), lang, neuter=True)))


def focus_summary(found: list[str], lang: str, *, demo: bool = False) -> str:
    """A focus area in one sentence: how many assessed indicators are on track or achieved, and
    how many move away. Indicators that cannot be assessed, or have no target, are not counted."""
    assessed = [s for s in found if s in ASSESSED]
    if not assessed:
        return demo_honest(i18n.t("present.finding.focus_none", lang), lang, demo)
    good = sum(s in GOOD for s in assessed)
    away = sum(s == statuses.MOVING_AWAY for s in assessed)
    text = capital(i18n.t("present.finding.focus_good", lang, good=count_word(good, lang),
                          total=count_word(len(assessed), lang)))
    if away:
        text += i18n.t("present.finding.focus_away", lang, n=count_word(away, lang))
    return demo_honest(text, lang, demo)
