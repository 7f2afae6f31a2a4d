"""Paths and settings, read from the environment each time they are asked for.

`SETTINGS` is the catalogue of every environment variable the product reads (name, default as the
README shows it, meaning); `value(name)` is the only place that reads one, and refuses a name that
is not catalogued. The README's "Configuration" table is checked against it (tests/unit/test_docs.py).
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"
LANGS = ("sv", "en")   # the languages with locale files (i18n.LANGS is this tuple)


@dataclass(frozen=True)
class Setting:
    name: str
    default: str      # as the README shows it
    meaning: str      # as the README says it (Markdown)


SETTINGS: tuple[Setting, ...] = (
    Setting("INDICATORS_HOME", "`data/store/`",
            "the store: `indicators.duckdb`, the archive of every upload, settings"),
    Setting("INDICATORS_CATALOG", "`data/catalog/`",
            "the catalog folder (focus areas, indicators, areas, targets); see `docs/catalog.md`"),
    Setting("INDICATORS_LANG", "`sv`", "language of command-line messages (`sv` or `en`)"),
    Setting("INDICATORS_MIN_COUNT", "`5`",
            'counts 1 … min−1 of sensitive indicators are shown as "<5"'),
    Setting("INDICATORS_MAX_UPLOAD_MB", "`50`", "largest file accepted"),
    Setting("INDICATORS_MAX_UPLOAD_ROWS", "`2000000`", "most rows accepted in one file"),
    Setting("INDICATORS_ACCOUNTS", "`$INDICATORS_HOME/accounts.toml`", "the local account file"),
    Setting("INDICATORS_REQUIRE_LOGIN", "off",
            "`1` makes browsing require a login too (uploading always does)"),
    Setting("INDICATORS_ANALYSTS", "—",
            "e-mail addresses of analysts when logging in with Entra ID (OIDC); see `docs/access.md`"),
    Setting("BROWSER_PATH", "`chromium` on the `PATH`",
            "the browser kaleido draws the press pack's PNGs with"),
    Setting("INDICATORS_KILL_AT", "—",
            "tests only: a named point of a write (`swap:before`, `revert:after-swap`, …) where the"
            " process kills itself, for the crash tests"),
)
_BY_NAME = {setting.name: setting for setting in SETTINGS}


def value(name: str) -> str | None:
    """The environment's value of a catalogued setting; None when it is unset or empty."""
    if name not in _BY_NAME:
        raise KeyError(f"{name} is not in config.SETTINGS")
    return os.environ.get(name) or None


def child_environment(**extra: str) -> dict[str, str]:
    """The environment a child process (the PNG worker) starts with: this one, plus `extra`."""
    return {**os.environ, **extra}


def home() -> Path:
    """The store folder: $INDICATORS_HOME, or data/store/ in the checkout. Created when missing."""
    folder = Path(value("INDICATORS_HOME") or DATA_DIR / "store").expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def catalog_dir() -> Path:
    """The catalog folder: $INDICATORS_CATALOG, or the shipped Eskilstuna catalog."""
    return Path(value("INDICATORS_CATALOG") or DATA_DIR / "catalog").expanduser().resolve()


def lang() -> str:
    """The language for messages outside the app: $INDICATORS_LANG, Swedish by default."""
    chosen = (value("INDICATORS_LANG") or "sv").strip().lower()[:2]
    return chosen if chosen in LANGS else "sv"


def _int(name: str, default: int) -> int:
    try:
        return int(value(name) or default)
    except ValueError:
        return default


def min_count() -> int:
    """Counts from 1 to min_count() - 1 of sensitive indicators are shown as "<5"."""
    return max(1, _int("INDICATORS_MIN_COUNT", 5))


def max_upload_bytes() -> int:
    return _int("INDICATORS_MAX_UPLOAD_MB", 50) * 1024 * 1024


def max_upload_rows() -> int:
    return _int("INDICATORS_MAX_UPLOAD_ROWS", 2_000_000)


def accounts_file() -> Path | None:
    """$INDICATORS_ACCOUNTS when set (the default, in the store folder, is the caller's)."""
    explicit = value("INDICATORS_ACCOUNTS")
    return Path(explicit).expanduser().resolve() if explicit else None


TRUE_WORDS = frozenset({"1", "true", "yes", "on", "ja", "sant"})


def require_login() -> bool:
    """$INDICATORS_REQUIRE_LOGIN is 1/true/yes/on/ja/sant; by default browsing is open."""
    return (value("INDICATORS_REQUIRE_LOGIN") or "").strip().lower() in TRUE_WORDS


def analysts() -> list[str]:
    """$INDICATORS_ANALYSTS split at commas (as written; empty when unset)."""
    return (value("INDICATORS_ANALYSTS") or "").split(",")


def browser_path() -> str | None:
    """$BROWSER_PATH: the browser kaleido uses (kaleido reads the variable itself too)."""
    return value("BROWSER_PATH")
