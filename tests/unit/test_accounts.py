"""Local accounts: argon2id hashes, comparable work for every failed login, a 0600 file written whole."""
from __future__ import annotations

import os
import stat
import tomllib
from datetime import date

import pytest
from argon2 import PasswordHasher, Type

from indicators.access import accounts
from indicators import i18n
from indicators.access.accounts import AccountError

PASSWORD = "korrekt häst batteri"


@pytest.fixture
def path(tmp_path, monkeypatch):
    target = tmp_path / "secure" / "accounts.toml"
    monkeypatch.setenv("INDICATORS_ACCOUNTS", str(target))
    return target


@pytest.fixture
def anna(path):
    return accounts.add_user(path, "anna", "Anna Andersson", "analyst", PASSWORD)


def test_an_added_user_verifies_with_the_right_password_and_not_after_removal(path):
    added = accounts.add_user(path, "anna.a", "Anna Andersson", "analyst", PASSWORD)
    assert accounts.verify(path, "anna.a", PASSWORD) == added
    assert added.is_analyst and added.label == "Anna Andersson (anna.a)"
    assert [a.username for a in accounts.list_users(path)] == ["anna.a"]
    assert accounts.remove_user(path, "anna.a") == added
    assert accounts.verify(path, "anna.a", PASSWORD) is None
    assert accounts.list_users(path) == []


@pytest.mark.parametrize("username, password", [
    ("anna", "korrekt häst batterI"),        # wrong password, one letter off
    ("anna", ""),                            # empty password
    ("bo", PASSWORD),                        # unknown user, a password that works for someone
    ("Anna", PASSWORD),                      # usernames are exact, not case-folded
    ("anna", "x" * (accounts.MAX_PASSWORD_LENGTH + 1)),
])
def test_a_failed_login_returns_none_after_exactly_one_argon2_verification(
        anna, path, monkeypatch, username, password):
    calls = []
    real = PasswordHasher.verify

    def counting(self, hash, secret):
        calls.append(hash)
        return real(self, hash, secret)

    monkeypatch.setattr(PasswordHasher, "verify", counting)
    assert accounts.verify(path, username, password) is None
    assert len(calls) == 1 and calls[0].startswith("$argon2id$")


def test_a_successful_login_also_does_exactly_one_argon2_verification(anna, path, monkeypatch):
    calls = []
    real = PasswordHasher.verify
    monkeypatch.setattr(PasswordHasher, "verify",
                        lambda self, h, s: calls.append(h) or real(self, h, s))
    assert accounts.verify(path, "anna", PASSWORD) == anna
    assert len(calls) == 1


def test_the_dummy_hash_for_unknown_users_uses_the_same_parameters_as_real_hashes(anna, path):
    real = tomllib.loads(path.read_text())["account"][0]["hash"]
    parameters = lambda h: h.split("$")[1:4]        # noqa: E731  type, version, m/t/p
    assert parameters(accounts._dummy_hash()) == parameters(real)


def test_the_file_holds_an_argon2id_hash_and_never_the_password(anna, path):
    text = path.read_text(encoding="utf-8")
    entry = tomllib.loads(text)["account"][0]
    assert entry["hash"].startswith("$argon2id$v=19$")
    assert PASSWORD not in text and "batteri" not in text
    assert entry == {"username": "anna", "name": "Anna Andersson", "role": "analyst",
                     "created": date.today(), "hash": entry["hash"]}


def test_the_file_is_private_even_under_a_permissive_umask(path):
    old = os.umask(0)
    try:
        accounts.add_user(path, "anna", "Anna Andersson", "analyst", PASSWORD)
        accounts.add_user(path, "bo", "Bo Berg", "viewer", PASSWORD)
        accounts.remove_user(path, "bo")
    finally:
        os.umask(old)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert [p.name for p in path.parent.iterdir() if p.name.endswith(".tmp")] == []


def test_a_duplicate_username_is_rejected_and_the_first_password_still_works(anna, path):
    with pytest.raises(AccountError) as error:
        accounts.add_user(path, "anna", "Anna Annan", "viewer", "ett helt annat lösen")
    assert error.value.key == "accounts.duplicate"
    assert accounts.verify(path, "anna", PASSWORD) == anna
    assert accounts.verify(path, "anna", "ett helt annat lösen") is None


@pytest.mark.parametrize("lang, words", [("sv", "minst 10 tecken"), ("en", "at least 10 characters")])
def test_a_nine_character_password_is_rejected_with_a_message_naming_the_minimum(path, lang, words):
    with pytest.raises(AccountError) as error:
        accounts.add_user(path, "anna", "Anna Andersson", "analyst", "nio-tecke")
    assert error.value.key == "accounts.password_too_short"
    assert words in error.value.message(lang)
    assert "nio-tecke" not in error.value.message(lang) and "nio-tecke" not in repr(error.value)
    assert not path.exists()


def test_a_ten_character_password_is_accepted(path):
    accounts.add_user(path, "anna", "Anna Andersson", "analyst", "tio-tecken")
    assert accounts.verify(path, "anna", "tio-tecken") is not None


@pytest.mark.parametrize("username", ["Anna", "an na", "../etc", "", "åsa", "-anna", "a" * 65,
                                      'x"\ny'])
def test_usernames_outside_lowercase_letters_digits_dot_underscore_hyphen_are_rejected(
        path, username):
    with pytest.raises(AccountError) as error:
        accounts.add_user(path, username, "Namn", "analyst", PASSWORD)
    assert error.value.key == "accounts.invalid_username"


@pytest.mark.parametrize("name", ["", "   ", "Anna\nAndersson", "Anna\u202eAndersson", "x" * 101])
def test_an_empty_or_control_character_display_name_is_rejected(path, name):
    with pytest.raises(AccountError) as error:
        accounts.add_user(path, "anna", name, "analyst", PASSWORD)
    assert error.value.key == "accounts.invalid_name"


def test_an_unknown_role_is_rejected(path):
    with pytest.raises(AccountError) as error:
        accounts.add_user(path, "anna", "Anna", "admin", PASSWORD)
    assert error.value.key == "accounts.invalid_role"


def test_a_display_name_with_quotes_and_swedish_letters_survives_the_file(path):
    accounts.add_user(path, "asa", '  Åsa "Ö" Ek\\lund  ', "viewer", PASSWORD)
    (account,) = accounts.list_users(path)
    assert account.display_name == 'Åsa "Ö" Ek\\lund' and not account.is_analyst


def test_removing_an_unknown_user_is_an_error(anna, path):
    with pytest.raises(AccountError) as error:
        accounts.remove_user(path, "bo")
    assert error.value.key == "accounts.unknown_user"


def test_a_hash_made_with_weaker_parameters_is_replaced_after_a_successful_login(path, monkeypatch):
    weak = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1, type=Type.ID)
    monkeypatch.setattr(accounts, "_hasher", lambda: weak)
    accounts.add_user(path, "anna", "Anna", "analyst", PASSWORD)
    old = tomllib.loads(path.read_text())["account"][0]["hash"]
    monkeypatch.undo()
    assert accounts.verify(path, "anna", PASSWORD) is not None
    new = tomllib.loads(path.read_text())["account"][0]["hash"]
    assert new != old and "m=65536" in new and "m=8," in old
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert accounts.verify(path, "anna", PASSWORD) is not None


@pytest.mark.parametrize("content", ["this is = not [toml", '[[account]]\nusername = "anna"\n',
                                     '[[account]]\nusername = "anna"\nname = "A"\nrole = "root"\n'
                                     'created = 2025-01-01\nhash = "$argon2id$x"\n',
                                     '[[account]]\nusername = "anna"\nname = "A"\nrole = "analyst"\n'
                                     'created = 2025-01-01\nhash = "plaintext"\n'])
def test_a_damaged_account_file_fails_closed_with_a_clear_error(path, content):
    path.parent.mkdir(parents=True)
    path.write_text(content)
    with pytest.raises(AccountError) as error:
        accounts.verify(path, "anna", PASSWORD)
    assert error.value.key == "accounts.unreadable_file"
    assert str(path) in error.value.message("en")


def test_no_file_means_no_accounts_and_no_analyst(path):
    assert accounts.list_users(path) == [] and not accounts.has_analyst(path)
    assert accounts.verify(path, "anna", PASSWORD) is None


def test_has_analyst_ignores_viewers(path):
    accounts.add_user(path, "bo", "Bo Berg", "viewer", PASSWORD)
    assert not accounts.has_analyst(path)
    accounts.add_user(path, "anna", "Anna", "analyst", PASSWORD)
    assert accounts.has_analyst(path)


def test_the_default_path_is_the_environment_variable_or_the_store_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("INDICATORS_ACCOUNTS", str(tmp_path / "a.toml"))
    assert accounts.default_path() == tmp_path / "a.toml"
    monkeypatch.delenv("INDICATORS_ACCOUNTS")
    monkeypatch.setenv("INDICATORS_HOME", str(tmp_path / "home"))
    assert accounts.default_path() == tmp_path / "home" / "accounts.toml"


def test_passing_no_path_uses_the_default_path(path):
    accounts.add_user(None, "anna", "Anna", "analyst", PASSWORD)
    assert path.exists() and accounts.verify(None, "anna", PASSWORD) is not None


def test_both_languages_have_the_same_account_texts():
    keys = {lang: {k for k in i18n.texts(lang) if k.startswith("accounts.")} for lang in i18n.LANGS}
    assert keys["sv"] == keys["en"] and "accounts.how_to_create" in keys["sv"]
    for lang in i18n.LANGS:
        with (i18n.LOCALES_DIR / lang / "accounts.toml").open("rb") as handle:
            assert list(tomllib.load(handle)) == ["accounts"]
