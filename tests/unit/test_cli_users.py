"""`python -m indicators user add|remove|list`: exit statuses and messages in Swedish and English."""
from __future__ import annotations

import io
import os
import subprocess
import sys

import pytest

from indicators.access import accounts
from indicators import cli
from indicators.config import REPO_DIR

PASSWORD = "ett långt lösenord"


@pytest.fixture
def path(tmp_path, monkeypatch):
    target = tmp_path / "accounts.toml"
    monkeypatch.setenv("INDICATORS_ACCOUNTS", str(target))
    monkeypatch.setenv("INDICATORS_LANG", "sv")
    return target


def run(monkeypatch, argv, stdin=""):
    monkeypatch.setattr(sys, "stdin", io.StringIO(stdin))
    try:
        return cli.main(argv)
    except SystemExit as exit:
        return exit.code


def add(monkeypatch, username="anna", name="Anna Andersson", password=PASSWORD, *extra):
    return run(monkeypatch, ["user", "add", username, "--name", name, "--password-stdin", *extra],
               password + "\n")


@pytest.mark.parametrize("lang, created, removed, header", [
    ("sv", "Kontot anna (Anna Andersson, analytiker) är skapat", "Kontot anna är borttaget.",
     "användarnamn\tnamn\troll\tskapat"),
    ("en", "Account anna (Anna Andersson, analyst) created", "Account anna removed.",
     "username\tname\trole\tcreated"),
])
def test_add_list_and_remove_answer_with_exit_zero_in_the_chosen_language(
        path, monkeypatch, capsys, lang, created, removed, header):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert add(monkeypatch) == 0
    assert created in capsys.readouterr().out
    assert accounts.verify(path, "anna", PASSWORD).display_name == "Anna Andersson"

    assert run(monkeypatch, ["user", "list"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert lines[0] == header and lines[1].startswith("anna\tAnna Andersson\t")
    assert PASSWORD not in "\n".join(lines) and "$argon2" not in "\n".join(lines)

    assert run(monkeypatch, ["user", "remove", "anna"]) == 0
    assert capsys.readouterr().out.strip() == removed
    assert accounts.list_users(path) == []


def test_a_viewer_can_be_added_with_role(path, monkeypatch):
    assert add(monkeypatch, "bo", "Bo Berg", PASSWORD, "--role", "viewer") == 0
    assert not accounts.get_user("bo", path).is_analyst


@pytest.mark.parametrize("lang, message", [("sv", "minst 10 tecken"),
                                           ("en", "at least 10 characters")])
def test_a_short_password_fails_with_exit_one_and_no_file(path, monkeypatch, capsys, lang, message):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert add(monkeypatch, password="qz7wq") == 1
    err = capsys.readouterr().err
    assert message in err and "qz7wq" not in err
    assert not path.exists()


@pytest.mark.parametrize("lang, message", [("sv", "Inget lösenord angavs"),
                                           ("en", "No password was given")])
def test_an_empty_password_on_stdin_fails_with_exit_one(path, monkeypatch, capsys, lang, message):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert add(monkeypatch, password="") == 1
    assert message in capsys.readouterr().err
    assert not path.exists()


@pytest.mark.parametrize("lang, message", [("sv", "finns redan"), ("en", "already exists")])
def test_a_duplicate_username_fails_with_exit_one(path, monkeypatch, capsys, lang, message):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert add(monkeypatch) == 0
    assert add(monkeypatch, password="ett annat långt lösen") == 1
    assert message in capsys.readouterr().err
    assert accounts.verify(path, "anna", PASSWORD) is not None


@pytest.mark.parametrize("lang, message", [("sv", "Det finns ingen användare 'bo'"),
                                           ("en", "There is no user 'bo'")])
def test_removing_an_unknown_user_fails_with_exit_one(path, monkeypatch, capsys, lang, message):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert run(monkeypatch, ["user", "remove", "bo"]) == 1
    assert message in capsys.readouterr().err


def test_an_invalid_username_fails_before_the_password_is_asked(path, monkeypatch, capsys):
    monkeypatch.setattr("getpass.getpass", lambda prompt="": pytest.fail("asked for a password"))
    assert run(monkeypatch, ["user", "add", "Anna Andersson", "--name", "Anna"]) == 1
    assert "Ogiltigt användarnamn" in capsys.readouterr().err


@pytest.mark.parametrize("argv", [["user"], ["user", "add", "anna"], ["user", "add", "--name", "A"],
                                  ["user", "add", "anna", "--name", "A", "--role", "admin"],
                                  ["user", "remove"], ["user", "rename", "anna"]])
def test_incomplete_or_unknown_user_commands_are_usage_errors(path, monkeypatch, argv):
    assert run(monkeypatch, argv) == 2
    assert not path.exists()


def test_getpass_is_asked_twice_and_differing_passwords_create_nothing(path, monkeypatch, capsys):
    answers = iter([PASSWORD, PASSWORD + "!"])
    monkeypatch.setattr("getpass.getpass", lambda prompt="": next(answers))
    assert run(monkeypatch, ["user", "add", "anna", "--name", "Anna"]) == 1
    assert "Lösenorden är olika" in capsys.readouterr().err
    assert not path.exists()


def test_getpass_with_matching_passwords_creates_the_account(path, monkeypatch):
    prompts = []
    monkeypatch.setattr("getpass.getpass", lambda prompt="": prompts.append(prompt) or PASSWORD)
    assert run(monkeypatch, ["user", "add", "anna", "--name", "Anna"]) == 0
    assert len(prompts) == 2 and "minst 10 tecken" in prompts[0]
    assert accounts.verify(path, "anna", PASSWORD) is not None


@pytest.mark.parametrize("lang, message", [("sv", "Det finns inga konton"),
                                           ("en", "There are no accounts")])
def test_listing_no_accounts_says_how_to_create_one(path, monkeypatch, capsys, lang, message):
    monkeypatch.setenv("INDICATORS_LANG", lang)
    assert run(monkeypatch, ["user", "list"]) == 0
    out = capsys.readouterr().out
    assert message in out and "python -m indicators user add" in out


def test_a_damaged_account_file_makes_list_fail_with_exit_one(path, monkeypatch, capsys):
    path.write_text("[[account]]\nusername = 1\n")
    assert run(monkeypatch, ["user", "list"]) == 1
    assert str(path) in capsys.readouterr().err


def test_the_real_command_line_adds_a_user_from_stdin(tmp_path):
    env = {**os.environ, "INDICATORS_ACCOUNTS": str(tmp_path / "a.toml"), "INDICATORS_LANG": "en"}
    done = subprocess.run([sys.executable, "-m", "indicators", "user", "add", "anna",
                           "--name", "Anna Andersson", "--password-stdin"],
                          input=PASSWORD + "\n", capture_output=True, text=True, cwd=REPO_DIR,
                          env=env, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "Account anna" in done.stdout and PASSWORD not in done.stdout + done.stderr
    assert accounts.verify(tmp_path / "a.toml", "anna", PASSWORD) is not None
