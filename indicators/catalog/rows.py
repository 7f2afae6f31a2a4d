"""Reading a catalog file and collecting its problems: each problem is data (file, where, message
key, values) said later in the language the caller asks for (texts in locales/*/catalog.toml).
"""
from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from indicators import i18n

ID = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")


@dataclass(frozen=True)
class Where:
    """Where in a file a problem is ("rad 5", "indikator nr 3 (skjutningar)"), said later in the
    language the problems are rendered in."""
    key: str
    fmt: dict

    def text(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.fmt)


def at(key: str, **fmt) -> Where:
    return Where(key, fmt)


class Problems(list):
    """Problems as data (file, where, message key, values); `messages(lang)` says them."""

    def add(self, file: str, where: Where, key: str, **fmt) -> None:
        self.append((file, where, key, fmt))

    def messages(self, lang: str) -> list[str]:
        return [f"{file}, {where.text(lang)}: {i18n.t('catalog.' + key, lang, **fmt)}"
                for file, where, key, fmt in self]


def csv_rows(folder: Path, name: str, columns: tuple[str, ...], problems: Problems) -> list[dict]:
    """The CSV rows of one catalog file, each with its line number under "_line"."""
    path = folder / name
    if not path.is_file():
        problems.add(name, at("catalog.file"), "missing_file", path=str(path))
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [c for c in columns if c not in header]
        if missing:
            problems.add(name, at("catalog.header"), "missing_columns",
                         columns=", ".join(missing))
            return []
        rows = []
        for row in reader:
            clean = {k: (v or "").strip() for k, v in row.items() if k}
            clean["_line"] = reader.line_num
            rows.append(clean)
    return rows


def id_and_names(file: str, row: dict, seen: set[str], problems: Problems) -> Where:
    """Where a row of a catalog CSV stands, after checking its id (well-formed, not seen before)
    and its Swedish and English names; the id joins `seen`."""
    where = at("catalog.line", line=row["_line"])
    ident = row["id"]
    if not ID.match(ident):
        problems.add(file, where, "bad_id", value=ident)
    elif ident in seen:
        problems.add(file, where, "duplicate_id", value=ident)
    seen.add(ident)
    for col in ("name_sv", "name_en"):
        if not row[col]:
            problems.add(file, where, "missing_field", field=col)
    return where
