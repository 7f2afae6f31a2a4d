"""Import profiles: an analyst's choices for one source, saved under a name (DATA.md §5).

A profile is the `ingest.Options` that made a statistical-database export go in, plus the header
layout of that file (its matching keys). The next file whose header has the same layout is
recognised and the profile proposed, so a quarterly export loads in one step; a profile applied to
a file whose layout changed says which columns came and went. Profiles live in
`$INDICATORS_HOME/profiles.json`, written atomically (a temporary file replaced).
"""
from __future__ import annotations

import json
import os
import re
from dataclasses import dataclass
from pathlib import Path

from indicators import config, periods
from indicators.ingest.headers import header_key
from indicators.ingest.options import Options

FILE = "profiles.json"
NAME = re.compile(r"^[\w\- .åäöÅÄÖ]{1,60}$")


class ProfileError(ValueError):
    """A profile name that is empty, too long or has characters a file name would not."""


@dataclass(frozen=True)
class Profile:
    name: str
    options: Options
    layout: tuple[str, ...]   # the header's matching keys, in order

    def changes(self, header: list[str]) -> tuple[list[str], list[str]]:
        """(columns the file has that the profile's source had not, columns it lost)."""
        now = list(layout_of(header))
        written = {header_key(h or ""): (h or "").strip() for h in header}
        return ([written[k] or k for k in now if k not in self.layout],
                [k for k in self.layout if k not in now])


PERIODS = "<perioder>"


def layout_of(header: list[str]) -> tuple[str, ...]:
    """The header's matching keys, with a run of period columns (`2021;2022;2023`, `2024K1;2024K2`)
    as one placeholder: next quarter's export has one more period and the same layout."""
    keys: list[str] = []
    for text in header:
        text = (text or "").strip()
        key = PERIODS if text and (periods.parse(text) or periods.find_in(text)) else header_key(text)
        if not (key == PERIODS and keys and keys[-1] == PERIODS):
            keys.append(key)
    return tuple(keys)


def _path(home: Path | None) -> Path:
    return (home or config.home()) / FILE


def load(home: Path | None = None) -> dict[str, Profile]:
    """Every saved profile by name (an unreadable file counts as none, and is left as it is)."""
    path = _path(home)
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return {name: Profile(name, Options.from_dict(entry.get("options", {})), tuple(entry.get("layout", ())))
            for name, entry in raw.items() if isinstance(entry, dict)}


def _write(profiles: dict[str, Profile], home: Path | None) -> None:
    path = _path(home)
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(".json.tmp")
    data = {p.name: {"options": p.options.as_dict(), "layout": list(p.layout)} for p in profiles.values()}
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=1), encoding="utf-8")
    os.replace(tmp, path)


def save(name: str, options: Options, header: list[str], home: Path | None = None) -> Profile:
    """Saves (or replaces) a profile; ProfileError for a name that cannot be one."""
    name = (name or "").strip()
    if not NAME.match(name):
        raise ProfileError(name)
    profiles = load(home)
    kept = {k: v for k, v in options.as_dict().items() if k != "period"}  # the period belongs to the file
    profile = Profile(name, Options.from_dict(kept), layout_of(header))
    profiles[name] = profile
    _write(profiles, home)
    return profile


def remove(name: str, home: Path | None = None) -> bool:
    profiles = load(home)
    if name not in profiles:
        return False
    del profiles[name]
    _write(profiles, home)
    return True


def matching(header: list[str], home: Path | None = None) -> list[Profile]:
    """Profiles saved from a file with this header layout (same columns in the same order)."""
    layout = layout_of(header)
    return [p for p in load(home).values() if p.layout == layout]
