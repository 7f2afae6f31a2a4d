"""Read a catalog folder and check every entry, collecting all problems before failing.

`build(folder)` returns a Catalog or raises CatalogError whose `problems` name the file, the line or
entry, the field and what is wrong, in the language handed in (texts in locales/*/catalog.toml).
Here: focus_areas.csv, areas.csv, sub_goals.csv; indicators.toml in indicator_entries.py, the
problem collection in rows.py.
"""
from __future__ import annotations

import re
from pathlib import Path

from indicators import i18n
from indicators.catalog.indicator_entries import read_indicators
from indicators.catalog.keys import area_key
from indicators.catalog.model import AREA_KINDS, Area, Catalog, CatalogError, FocusArea, SubGoal
from indicators.catalog.rows import ID, Problems, at, csv_rows, id_and_names

AREA_CODE = re.compile(r"^[A-Za-z0-9]+$")
ALIAS_SEPARATOR = "|"
# How a kind may be written in areas.csv (matched as area_key: any case, with or without åäö).
KIND_SPELLINGS = {"kommun": "kommun", "omrade": "område", "area": "område", "riket": "riket",
                  "lan": "lan", "polisregion": "polisregion", "jamforelse": "jamforelse"}

ICON = re.compile(r"^:material/[a-z0-9_]+:$")   # a focus area's optional menu icon


def _focus_areas(folder: Path, problems: Problems) -> list[FocusArea]:
    name, out, seen = "focus_areas.csv", [], set()
    for number, row in enumerate(csv_rows(folder, name, ("id", "name_sv", "name_en"), problems), 1):
        where, fid = id_and_names(name, row, seen, problems), row["id"]
        order = row.get("order") or str(number)
        if not order.lstrip("-").isdigit():
            problems.add(name, where, "not_integer", field="order", value=order)
            order = str(number)
        icon = row.get("icon", "")
        if icon and not ICON.match(icon):
            problems.add(name, where, "bad_icon", field="icon", value=icon)
            icon = ""
        out.append(FocusArea(fid, row["name_sv"], row["name_en"], int(order),
                             row.get("short_name_sv", ""), row.get("short_name_en", ""), icon))
    if not out and not any(file == name for file, *_ in problems):
        problems.add(name, at("catalog.file"), "empty_file")
    return sorted(out, key=lambda f: f.order)


def _areas(folder: Path, problems: Problems) -> list[Area]:
    """areas.csv: id, name, kind, and the optional columns code and aliases ("a|b|c").

    Every text that names an area (id, name, code, alias) must name only that area once case,
    accents and punctuation are ignored; a clash is reported on the later line, naming the other
    area."""
    name, out, keys, seen = "areas.csv", [], {}, set()
    for row in csv_rows(folder, name, ("id", "name", "kind"), problems):
        def add(key: str, **fmt) -> None:  # "line 12" is worded only when needed: 5,000-area catalogs
            problems.add(name, at("catalog.line", line=row["_line"]), key, **fmt)

        aid, written_kind = row["id"], row["kind"]
        kind = KIND_SPELLINGS.get(area_key(written_kind), written_kind)
        code = row.get("code", "") or None
        aliases = tuple(dict.fromkeys(
            a.strip() for a in row.get("aliases", "").split(ALIAS_SEPARATOR) if a.strip()))
        if not ID.match(aid):
            add("bad_id", value=aid)
        elif aid in seen:
            add("duplicate_id", value=aid)
        seen.add(aid)
        if not row["name"]:
            add("missing_field", field="name")
        if kind not in AREA_KINDS:
            add("bad_choice", field="kind", value=written_kind, allowed=", ".join(AREA_KINDS))
        if code is not None and not AREA_CODE.match(code):
            add("bad_code", value=code)
        for field, texts in (("id", (aid,)), ("name", (row["name"],)), ("code", (code,)),
                             ("aliases", aliases)):
            for text in texts:
                if not text:
                    continue
                other = keys.setdefault(area_key(text), aid)
                if other == aid:
                    continue
                if field in ("id", "name"):
                    add("area_clash", value=text, other=other)
                else:
                    add("name_clash", field=field, value=text, other=other)
        out.append(Area(aid, row["name"], kind, code, aliases))
    if out:
        municipalities = sum(a.kind == "kommun" for a in out)
        if municipalities != 1:
            problems.add(name, at("catalog.file"), "one_kommun", count=municipalities)
    elif not any(file == name for file, *_ in problems):
        problems.add(name, at("catalog.file"), "empty_file")
    return out


def build(folder: Path, lang: str) -> Catalog:
    """The validated catalog in `folder`; raises CatalogError naming every problem found, in `lang`."""
    problems = Problems()
    if not folder.is_dir():
        raise CatalogError(folder, [i18n.t("catalog.missing_folder", lang, path=str(folder))])
    focus_areas = _focus_areas(folder, problems)
    indicators = read_indicators(folder, {f.id for f in focus_areas}, problems)
    areas = _areas(folder, problems)
    sub_goals = _sub_goals(folder, {f.id for f in focus_areas}, {i.id: i.focus_area for i in indicators}, problems)
    if problems:
        raise CatalogError(folder, problems.messages(lang))
    return Catalog(tuple(focus_areas), tuple(indicators), tuple(areas), tuple(sub_goals))


SUB_GOALS = "sub_goals.csv"  # optional: a catalog without it has no sub-goals


def _sub_goals(folder: Path, focus_ids: set[str], indicator_focus: dict[str, str],
               problems: Problems) -> list[SubGoal]:
    if not (folder / SUB_GOALS).is_file():
        return []
    out, seen = [], set()
    for number, row in enumerate(csv_rows(folder, SUB_GOALS, ("id", "focus_area", "name_sv", "name_en"), problems), 1):
        where, gid = id_and_names(SUB_GOALS, row, seen, problems), row["id"]
        if row["focus_area"] not in focus_ids:
            problems.add(SUB_GOALS, where, "unknown_focus_area", value=row["focus_area"],
                         known=", ".join(sorted(focus_ids)))
        placeholder = row.get("placeholder", "").lower()
        if placeholder not in ("", "true", "false", "ja", "nej"):
            problems.add(SUB_GOALS, where, "not_boolean", field="placeholder", value=placeholder)
        linked = tuple(i.strip() for i in row.get("indicators", "").split("|") if i.strip())
        for ident in linked:
            if ident not in indicator_focus:
                problems.add(SUB_GOALS, where, "unknown_indicator", value=ident)
            elif indicator_focus[ident] != row["focus_area"]:
                problems.add(SUB_GOALS, where, "indicator_elsewhere", value=ident, focus_area=indicator_focus[ident])
        out.append(SubGoal(gid, row["focus_area"], row["name_sv"], row["name_en"], placeholder in ("true", "ja"),
                           linked, number))
    return out
