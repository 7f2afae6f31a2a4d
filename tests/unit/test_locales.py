"""Every locale has the same keys, file by file, so no text falls back to its key in one language."""
import tomllib

import pytest

from indicators.i18n import LANGS, LOCALES_DIR, _flatten


def _keys(lang):
    return {path.name: set(_flatten(tomllib.loads(path.read_text(encoding="utf-8"))))
            for path in sorted((LOCALES_DIR / lang).glob("*.toml"))}


def test_every_locale_has_the_same_files():
    files = {lang: set(_keys(lang)) for lang in LANGS}
    assert all(f == files["sv"] for f in files.values()), files


@pytest.mark.parametrize("lang", [lang for lang in LANGS if lang != "sv"])
def test_every_locale_file_has_the_same_keys_as_swedish(lang):
    sv, other = _keys("sv"), _keys(lang)
    for name in sv:
        assert sv[name] == other.get(name, set()), (
            name, sorted(sv[name] - other.get(name, set())), sorted(other.get(name, set()) - sv[name]))


def test_placeholders_agree_across_languages():
    import string

    from indicators.i18n import texts
    sv, en = texts("sv"), texts("en")
    fields = lambda s: {f for _, f, _, _ in string.Formatter().parse(s) if f}  # noqa: E731
    assert [k for k in sv if fields(sv[k]) != fields(en.get(k, ""))] == []
