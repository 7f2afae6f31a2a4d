"""Problems render as one sentence in Swedish (default) or English, with their line and column."""
import re
import tomllib
from pathlib import Path

import pytest

from indicators import i18n
from indicators.ingest import Problem

LOCALES = Path(i18n.__file__).parent / "locales"


def ingest_keys(lang: str) -> set[str]:
    with (LOCALES / lang / "ingest.toml").open("rb") as handle:
        return set(tomllib.load(handle)["ingest"])


def test_both_languages_have_exactly_the_same_ingest_keys():
    assert ingest_keys("sv") == ingest_keys("en")


def test_every_key_the_ingest_code_uses_has_a_text():
    source = "".join(p.read_text() for p in (LOCALES.parent).rglob("*.py"))
    used = set(re.findall(r'"ingest\.([a-z_]+)"', source))
    assert used and used <= ingest_keys("sv")


def test_a_placeholder_in_one_language_is_in_the_other():
    for key in ingest_keys("sv"):
        fields = {lang: set(re.findall(r"{(\w+)", i18n.texts(lang)[f"ingest.{key}"])) for lang in i18n.LANGS}
        assert fields["sv"] == fields["en"], key


@pytest.mark.parametrize("problem, sv, en", [
    (Problem(4, "område", "ingest.unknown_area", {"value": "Froslundaa", "suggestion": "Fröslunda"}),
     "Rad 4, kolumn ”område”: Okänt område ”Froslundaa”. Menade du ”Fröslunda”?",
     "Line 4, column “område”: Unknown area “Froslundaa”. Did you mean “Fröslunda”?"),
    (Problem(4, "område", "ingest.unknown_area", {"value": "Xyz", "suggestion": None}),
     "Rad 4, kolumn ”område”: Okänt område ”Xyz”.",
     "Line 4, column “område”: Unknown area “Xyz”."),
    (Problem(12345, None, "ingest.field_count", {"found": 3, "expected": 4}),
     "Rad 12\u00a0345: Raden har 3 fält men rubrikraden har 4.",
     "Line 12,345: The row has 3 fields but the header line has 4."),
    (Problem(None, None, "ingest.empty", {}),
     "Filen är tom. Ladda upp en CSV-fil eller Excel-arbetsbok med en rubrikrad och minst en datarad.",
     "The file is empty. Upload a CSV file or Excel workbook with a header line and at least one data row."),
])
def test_problems_render_in_swedish_and_english(problem, sv, en):
    assert problem.message("sv") == sv
    assert problem.message("en") == en


def test_swedish_is_the_default_and_english_is_chosen_by_the_environment(monkeypatch):
    """The command line hands config.lang() in; the message never guesses a language itself."""
    from indicators import config
    problem = Problem(2, "period", "ingest.bad_period", {"value": "2024Q5"})
    monkeypatch.delenv("INDICATORS_LANG", raising=False)
    assert problem.message(config.lang()).startswith("Rad 2, kolumn ”period”: ”2024Q5” är ingen period.")
    monkeypatch.setenv("INDICATORS_LANG", "en")
    assert problem.message(config.lang()).startswith("Line 2, column “period”: “2024Q5” is not a period.")
    with pytest.raises(TypeError):
        problem.message()


def test_a_wrong_grain_names_both_grains_in_the_users_language():
    problem = Problem(3, "period", "ingest.wrong_grain", {
        "value": "2024", "found": "year", "grain": "quarter", "example": "2024-Q2", "indicator": "skadegorelse"})
    assert "per år" in problem.message("sv") and "per kvartal" in problem.message("sv")
    assert "a year period" in problem.message("en") and "per quarter" in problem.message("en")


def test_missing_columns_are_named_in_the_users_language():
    problem = Problem(1, None, "ingest.missing_columns", {"missing": ["area", "value"]})
    assert "område, värde" in problem.message("sv")
    assert "area, value" in problem.message("en")


def test_the_size_limit_is_given_in_megabytes():
    problem = Problem(None, None, "ingest.too_large", {"size": 60 * 1024 * 1024, "limit": 50 * 1024 * 1024})
    assert problem.message("sv") == "Filen är 60,0 MB; största tillåtna storlek är 50,0 MB."
