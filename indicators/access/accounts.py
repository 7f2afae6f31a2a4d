"""Local accounts: a TOML file of usernames, display names, roles and argon2id password hashes.

Used when no OpenID Connect provider is configured (see `auth_config`). The file lives at
`$INDICATORS_ACCOUNTS`, or `accounts.toml` in the store folder, and is managed with
`python -m indicators user add|remove|list`. Nothing here imports Streamlit.

Security rules kept here, so that every caller gets them:
- passwords are never stored, returned, logged or put in an exception; only argon2id hashes are;
- `verify` does the same work for an unknown user, an empty password and a wrong password
  (one argon2 verification), so neither timing nor the result tells whether a username exists;
- the file is written whole to a temporary file with mode 0600 and renamed over the old one,
  under an exclusive lock, so a crash or a concurrent writer never leaves half a file.
"""
from __future__ import annotations

import re
import secrets
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import lru_cache
from pathlib import Path

from argon2 import PasswordHasher, Type
from argon2.exceptions import InvalidHashError, VerificationError, VerifyMismatchError

from indicators import config
from indicators.access import account_file
from indicators.i18n import t

ROLES = ("analyst", "viewer")
MIN_PASSWORD_LENGTH = 10
MAX_PASSWORD_LENGTH = 1024          # far above any real password; bounds the work per attempt
MAX_NAME_LENGTH = 100
USERNAME_PATTERN = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")
FILE_NAME = "accounts.toml"


class AccountError(ValueError):
    """A rejected account operation. `key` is an i18n key, `detail` its format values.

    Never carries a password.
    """

    def __init__(self, key: str, **detail) -> None:
        super().__init__(key)
        self.key = key
        self.detail = detail

    def message(self, lang: str) -> str:
        return t(self.key, lang, **self.detail)


@dataclass(frozen=True)
class Account:
    """One account as callers see it: no hash."""

    username: str
    display_name: str
    role: str
    created: date

    @property
    def is_analyst(self) -> bool:
        return self.role == "analyst"

    @property
    def label(self) -> str:
        """How the account is recorded on an upload: "Anna Andersson (anna)"."""
        return f"{self.display_name} ({self.username})"


@dataclass(frozen=True)
class _Record:
    account: Account
    hash: str

    def __repr__(self) -> str:  # keep the hash out of tracebacks and logs
        return f"_Record({self.account!r})"


def default_path() -> Path:
    """`$INDICATORS_ACCOUNTS`, or `accounts.toml` in the store folder."""
    return config.accounts_file() or config.home() / FILE_NAME


def _hasher() -> PasswordHasher:
    # argon2-cffi's defaults are RFC 9106's low-memory profile; Type.ID is stated, not assumed.
    return PasswordHasher(type=Type.ID)


@lru_cache(maxsize=1)
def _dummy_hash() -> str:
    """A hash of a random secret, made with today's parameters: the work done for unknown users."""
    return _hasher().hash(secrets.token_urlsafe(32))


# --- validation ----------------------------------------------------------------------------------

def valid_username(username: str) -> bool:
    """Lowercase letters a–z, digits, `.`, `_` and `-`; starts with a letter or digit; ≤ 64."""
    return isinstance(username, str) and USERNAME_PATTERN.fullmatch(username) is not None


def _check_username(username: str) -> None:
    if not valid_username(username):
        raise AccountError("accounts.invalid_username", username=username)


def _check_display_name(display_name: str) -> str:
    raw = display_name if isinstance(display_name, str) else ""
    name = " ".join(raw.split())
    if not name or len(name) > MAX_NAME_LENGTH or any(
            unicodedata.category(c).startswith("C") for c in raw):
        raise AccountError("accounts.invalid_name", limit=MAX_NAME_LENGTH)
    return name


def _check_role(role: str) -> None:
    if role not in ROLES:
        raise AccountError("accounts.invalid_role", role=role, roles=", ".join(ROLES))


def password_problem(password: str) -> AccountError | None:
    """Why a new password is not accepted, or None. The password itself is never in the error."""
    if not isinstance(password, str) or len(password) < MIN_PASSWORD_LENGTH:
        return AccountError("accounts.password_too_short", minimum=MIN_PASSWORD_LENGTH)
    if len(password) > MAX_PASSWORD_LENGTH:
        return AccountError("accounts.password_too_long", maximum=MAX_PASSWORD_LENGTH)
    return None


# --- the file ------------------------------------------------------------------------------------

def _read(path: Path) -> list[_Record]:
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except FileNotFoundError:
        return []
    except (OSError, tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        raise AccountError("accounts.unreadable_file", path=str(path)) from error
    records = []
    try:
        for entry in data.get("account", []):
            account = Account(username=entry["username"], display_name=entry["name"],
                              role=entry["role"], created=entry["created"])
            if (not valid_username(account.username) or account.role not in ROLES
                    or not isinstance(account.created, date)
                    or not str(entry["hash"]).startswith("$argon2id$")):
                raise ValueError(account.username)
            records.append(_Record(account, str(entry["hash"])))
    except (KeyError, TypeError, ValueError, AttributeError) as error:
        raise AccountError("accounts.unreadable_file", path=str(path)) from error
    return records


# --- public operations ---------------------------------------------------------------------------

def list_users(path: Path | None = None) -> list[Account]:
    """Every account, by username. An absent file means no accounts."""
    return [r.account for r in sorted(_read(path or default_path()),
                                      key=lambda r: r.account.username)]


def get_user(username: str, path: Path | None = None) -> Account | None:
    return next((a for a in list_users(path) if a.username == username), None)


def has_analyst(path: Path | None = None) -> bool:
    """True when at least one analyst account exists (the upload page needs one to be useful)."""
    return any(a.is_analyst for a in list_users(path))


def add_user(path: Path | None, username: str, display_name: str, role: str,
             password: str, *, today: date | None = None) -> Account:
    """Create an account. Raises AccountError for an invalid username, name, role or password, or
    a username that is taken."""
    path = path or default_path()
    _check_username(username)
    name = _check_display_name(display_name)
    _check_role(role)
    problem = password_problem(password)
    if problem:
        raise problem
    password_hash = _hasher().hash(password)
    account = Account(username, name, role, today or date.today())
    with account_file.locked(path):
        records = _read(path)
        if any(r.account.username == username for r in records):
            raise AccountError("accounts.duplicate", username=username)
        account_file.write(path, [*records, _Record(account, password_hash)])
    return account


def remove_user(path: Path | None, username: str) -> Account:
    """Delete an account; returns it. Raises AccountError when there is no such user."""
    path = path or default_path()
    with account_file.locked(path):
        records = _read(path)
        kept = [r for r in records if r.account.username != username]
        if len(kept) == len(records):
            raise AccountError("accounts.unknown_user", username=username)
        account_file.write(path, kept)
    return next(r.account for r in records if r.account.username == username)


def verify(path: Path | None, username: str, password: str) -> Account | None:
    """The account when `password` is right for `username`, else None.

    Unknown user, empty or over-long password and wrong password all do one argon2 verification
    (against a dummy hash when there is nothing real to check), so they take comparable time.
    A hash made with older parameters is replaced by a fresh one after a successful check.
    Raises AccountError only when the file exists but cannot be read (fail closed, and visibly).
    """
    path = path or default_path()
    record = next((r for r in _read(path)
                   if isinstance(username, str) and r.account.username == username), None)
    usable = isinstance(password, str) and 0 < len(password) <= MAX_PASSWORD_LENGTH
    hasher = _hasher()
    target = record.hash if (record and usable) else _dummy_hash()
    try:
        hasher.verify(target, password if usable else "\x00")
        matched = True
    except (VerifyMismatchError, VerificationError, InvalidHashError):
        matched = False
    if not (matched and record and usable):
        return None
    if hasher.check_needs_rehash(record.hash):
        _rehash(path, username, password, record.hash)
    return record.account


def _rehash(path: Path, username: str, password: str, old_hash: str) -> None:
    new_hash = _hasher().hash(password)
    try:
        with account_file.locked(path):
            records = _read(path)
            updated = [_Record(r.account, new_hash)
                       if r.account.username == username and r.hash == old_hash else r
                       for r in records]
            if updated != records:
                account_file.write(path, updated)
    except (OSError, AccountError):
        pass  # a read-only file still lets the user in; the old hash stays valid
