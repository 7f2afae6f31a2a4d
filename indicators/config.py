"""Paths and settings, read from the environment each time they are asked for."""
from __future__ import annotations

import os
from pathlib import Path

REPO_DIR = Path(__file__).resolve().parent.parent
DATA_DIR = REPO_DIR / "data"


def home() -> Path:
    """The store folder: $INDICATORS_HOME, or data/store/ in the checkout. Created when missing."""
    folder = Path(os.environ.get("INDICATORS_HOME") or DATA_DIR / "store").expanduser()
    folder.mkdir(parents=True, exist_ok=True)
    return folder.resolve()


def catalog_dir() -> Path:
    """The catalog folder: $INDICATORS_CATALOG, or the shipped Eskilstuna catalog."""
    return Path(os.environ.get("INDICATORS_CATALOG") or DATA_DIR / "catalog").expanduser().resolve()


def lang() -> str:
    """The language for messages outside the app: $INDICATORS_LANG, Swedish by default."""
    value = (os.environ.get("INDICATORS_LANG") or "sv").strip().lower()[:2]
    return value if value in ("sv", "en") else "sv"


def _int(name: str, default: int) -> int:
    try:
        return int(os.environ.get(name) or default)
    except ValueError:
        return default


def min_count() -> int:
    """Counts from 1 to min_count() - 1 of sensitive indicators are shown as "<5"."""
    return max(1, _int("INDICATORS_MIN_COUNT", 5))


def max_upload_bytes() -> int:
    return _int("INDICATORS_MAX_UPLOAD_MB", 50) * 1024 * 1024


def max_upload_rows() -> int:
    return _int("INDICATORS_MAX_UPLOAD_ROWS", 2_000_000)
