"""Read a catalog folder and check every entry, collecting all problems before failing.

`build(folder)` returns a Catalog or raises CatalogError whose `problems` name the file, the line or
entry, the field and what is wrong, in the language handed in (texts in locales/*/catalog.toml).
"""
from __future__ import annotations

import csv
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

from indicators import i18n, periods
from indicators.catalog.model import (AGGREGATIONS, AREA_KINDS, GRAINS, MEASURES, POLARITIES,
                                      TARGET_KINDS, TARGET_STATUSES, Area, Catalog, CatalogError,
                                      FocusArea, Indicator, SubGoal, Target, area_key, code_key)

ID = re.compile(r"^[a-z0-9]+(_[a-z0-9]+)*$")
AREA_CODE = re.compile(r"^[A-Za-z0-9]+$")
INDICATOR_CODE = re.compile(r"^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$")
ALIAS_SEPARATOR = "|"
# How a kind may be written in areas.csv (matched as area_key: any case, with or without åäö).
KIND_SPELLINGS = {"kommun": "kommun", "omrade": "område", "area": "område", "riket": "riket",
                  "lan": "lan", "polisregion": "polisregion", "jamforelse": "jamforelse"}
TEXT_FIELDS = ("name_sv", "name_en", "unit_sv", "unit_en", "source", "definition_sv",
               "definition_en")
INDICATOR_FIELDS = {"id", "focus_area", "grain", "polarity", "aggregation", "measure", "scale",
                    "decimals", "baseline_period", "target", "sensitive", "codes", *TEXT_FIELDS}
TARGET_FIELDS = {"kind", "amount", "year", "status"}


@dataclass(frozen=True)
class _Where:
    """Where in a file a problem is ("rad 5", "indikator nr 3 (skjutningar)"), said later in the
    language the problems are rendered in."""
    key: str
    fmt: dict

    def text(self, lang: str) -> str:
        return i18n.t(self.key, lang, **self.fmt)


def _at(key: str, **fmt) -> _Where:
    return _Where(key, fmt)


class _Problems(list):
    """Problems as data (file, where, message key, values); `messages(lang)` says them."""

    def add(self, file: str, where: _Where, key: str, **fmt) -> None:
        self.append((file, where, key, fmt))

    def messages(self, lang: str) -> list[str]:
        return [f"{file}, {where.text(lang)}: {i18n.t('catalog.' + key, lang, **fmt)}"
                for file, where, key, fmt in self]


grain_of = periods.grain_of


def _rows(folder: Path, name: str, columns: tuple[str, ...], problems: _Problems) -> list[dict]:
    """The CSV rows of one catalog file, each with its line number under "_line"."""
    path = folder / name
    if not path.is_file():
        problems.add(name, _at("catalog.file"), "missing_file", path=str(path))
        return []
    with path.open(encoding="utf-8-sig", newline="") as handle:
        reader = csv.DictReader(handle)
        header = [h.strip() for h in reader.fieldnames or []]
        reader.fieldnames = header
        missing = [c for c in columns if c not in header]
        if missing:
            problems.add(name, _at("catalog.header"), "missing_columns",
                         columns=", ".join(missing))
            return []
        rows = []
        for row in reader:
            clean = {k: (v or "").strip() for k, v in row.items() if k}
            clean["_line"] = reader.line_num
            rows.append(clean)
    return rows


ICON = re.compile(r"^:material/[a-z0-9_]+:$")   # a focus area's optional menu icon


def _id_and_names(file: str, row: dict, seen: set[str], problems: _Problems) -> _Where:
    """Where a row of a catalog CSV stands, after checking its id (well-formed, not seen before)
    and its Swedish and English names; the id joins `seen`."""
    where = _at("catalog.line", line=row["_line"])
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


def _focus_areas(folder: Path, problems: _Problems) -> list[FocusArea]:
    name, out, seen = "focus_areas.csv", [], set()
    for number, row in enumerate(_rows(folder, name, ("id", "name_sv", "name_en"), problems), 1):
        where, fid = _id_and_names(name, row, seen, problems), row["id"]
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
        problems.add(name, _at("catalog.file"), "empty_file")
    return sorted(out, key=lambda f: f.order)


def _areas(folder: Path, problems: _Problems) -> list[Area]:
    """areas.csv: id, name, kind, and the optional columns code and aliases ("a|b|c").

    Every text that names an area (id, name, code, alias) must name only that area once case,
    accents and punctuation are ignored; a clash is reported on the later line, naming the other
    area."""
    name, out, keys, seen = "areas.csv", [], {}, set()
    for row in _rows(folder, name, ("id", "name", "kind"), problems):
        def add(key: str, **fmt) -> None:  # "line 12" is worded only when needed: 5,000-area catalogs
            problems.add(name, _at("catalog.line", line=row["_line"]), key, **fmt)

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
            problems.add(name, _at("catalog.file"), "one_kommun", count=municipalities)
    elif not any(file == name for file, *_ in problems):
        problems.add(name, _at("catalog.file"), "empty_file")
    return out


def _target(raw, where: _Where, grain_year: int | None, problems: _Problems) -> Target:
    name = "indicators.toml"
    if not isinstance(raw, dict):
        problems.add(name, where, "missing_field", field="target")
        return Target("none", None, 2027, "example")
    for extra in sorted(set(raw) - TARGET_FIELDS):
        problems.add(name, where, "unknown_field", field=f"target.{extra}")
    kind, amount, year = raw.get("kind"), raw.get("amount"), raw.get("year")
    status = raw.get("status", "example" if kind == "none" else None)
    if kind not in TARGET_KINDS:
        problems.add(name, where, "bad_choice", field="target.kind", value=kind,
                     allowed=", ".join(TARGET_KINDS))
    if kind in ("value", "relative", "change"):
        if isinstance(amount, bool) or not isinstance(amount, (int, float)):
            problems.add(name, where, "not_number", field="target.amount", value=amount)
            amount = None
    elif kind == "none" and amount is not None:
        problems.add(name, where, "amount_without_target")
    if isinstance(year, bool) or not isinstance(year, int):
        problems.add(name, where, "not_integer", field="target.year", value=year)
        year = 0
    elif grain_year is not None and year <= grain_year:
        problems.add(name, where, "target_before_baseline", year=year, baseline=grain_year)
    if status not in TARGET_STATUSES:
        problems.add(name, where, "bad_choice", field="target.status", value=status,
                     allowed=", ".join(TARGET_STATUSES))
    amount = float(amount) if isinstance(amount, (int, float)) and kind != "none" else None
    return Target(str(kind), amount, int(year), str(status))


def _indicator(raw: dict, number: int, focus_ids: set[str], problems: _Problems) -> Indicator:
    name = "indicators.toml"
    iid = raw.get("id")
    where = _at("catalog.entry", number=number, id=iid or "?")
    if not isinstance(iid, str) or not ID.match(iid):
        problems.add(name, where, "bad_id", value=iid)
    for extra in sorted(set(raw) - INDICATOR_FIELDS):
        problems.add(name, where, "unknown_field", field=extra)
    if raw.get("focus_area") not in focus_ids:
        problems.add(name, where, "unknown_focus_area", value=raw.get("focus_area"),
                     known=", ".join(sorted(focus_ids)))
    for fld, allowed in (("grain", GRAINS), ("polarity", POLARITIES),
                         ("aggregation", AGGREGATIONS), ("measure", MEASURES)):
        if raw.get(fld) not in allowed:
            problems.add(name, where, "bad_choice", field=fld, value=raw.get(fld),
                         allowed=", ".join(allowed))
    for fld in TEXT_FIELDS:
        if not isinstance(raw.get(fld), str) or not raw[fld].strip():
            problems.add(name, where, "missing_field", field=fld)
    scale = raw.get("scale")
    if scale is not None and (isinstance(scale, bool) or not isinstance(scale, (int, float))
                              or scale <= 0):
        problems.add(name, where, "not_positive", field="scale", value=scale)
        scale = None
    if raw.get("measure") == "rate" and scale is None:
        problems.add(name, where, "rate_without_scale")
    decimals = raw.get("decimals", 0)
    if isinstance(decimals, bool) or not isinstance(decimals, int) or not 0 <= decimals <= 6:
        problems.add(name, where, "not_integer", field="decimals", value=decimals)
        decimals = 0
    sensitive = raw.get("sensitive", False)
    if not isinstance(sensitive, bool):
        problems.add(name, where, "not_boolean", field="sensitive", value=sensitive)
    baseline = str(raw.get("baseline_period", "")).strip()
    baseline_grain = grain_of(baseline)
    if baseline_grain not in ("year", raw.get("grain")):
        problems.add(name, where, "bad_baseline", value=baseline, grain=raw.get("grain"))
    codes = raw.get("codes", [])
    if not isinstance(codes, list) or not all(isinstance(c, str) for c in codes):
        problems.add(name, where, "bad_indicator_code", value=codes)
        codes = []
    for code in codes:
        if not INDICATOR_CODE.match(code.strip()):
            problems.add(name, where, "bad_indicator_code", value=code)
    base_year = int(baseline[:4]) if baseline_grain else None
    target = _target(raw.get("target"), where, base_year, problems)
    if target.kind != "none" and raw.get("polarity") == "none":
        problems.add(name, where, "target_without_polarity")
    return Indicator(
        id=str(iid), focus_area=str(raw.get("focus_area")),
        **{f: str(raw.get(f) or "").strip() for f in TEXT_FIELDS if f != "source"},
        grain=str(raw.get("grain")), polarity=str(raw.get("polarity")),
        aggregation=str(raw.get("aggregation")), measure=str(raw.get("measure")),
        scale=float(scale) if scale is not None else None, decimals=decimals,
        baseline_period=baseline, target=target, sensitive=sensitive is True,
        source=str(raw.get("source") or "").strip(),
        codes=tuple(dict.fromkeys(c.strip() for c in codes)))


def _indicators(folder: Path, focus_ids: set[str], problems: _Problems) -> list[Indicator]:
    name, path = "indicators.toml", folder / "indicators.toml"
    if not path.is_file():
        problems.add(name, _at("catalog.file"), "missing_file", path=str(path))
        return []
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.add(name, _at("catalog.file"), "bad_toml", error=str(error))
        return []
    entries = data.get("indicator")
    if not isinstance(entries, list) or not entries:
        problems.add(name, _at("catalog.file"), "no_indicators")
        return []
    out, seen, codes = [], set(), {}
    for number, raw in enumerate(entries, 1):
        if not isinstance(raw, dict):
            raw = {}
        indicator = _indicator(raw, number, focus_ids, problems)
        where = _at("catalog.entry", number=number, id=indicator.id)
        if indicator.id in seen:
            problems.add(name, where, "duplicate_id", value=indicator.id)
        seen.add(indicator.id)
        for code in indicator.codes:
            other = codes.setdefault(code_key(code), indicator.id)
            if other != indicator.id:
                problems.add(name, where, "indicator_code_clash", value=code, other=other)
        out.append(indicator)
    return out


def build(folder: Path, lang: str) -> Catalog:
    """The validated catalog in `folder`; raises CatalogError naming every problem found, in `lang`."""
    problems = _Problems()
    if not folder.is_dir():
        raise CatalogError(folder, [i18n.t("catalog.missing_folder", lang, path=str(folder))])
    focus_areas = _focus_areas(folder, problems)
    indicators = _indicators(folder, {f.id for f in focus_areas}, problems)
    areas = _areas(folder, problems)
    sub_goals = _sub_goals(folder, {f.id for f in focus_areas}, {i.id: i.focus_area for i in indicators}, problems)
    if problems:
        raise CatalogError(folder, problems.messages(lang))
    return Catalog(tuple(focus_areas), tuple(indicators), tuple(areas), tuple(sub_goals))


SUB_GOALS = "sub_goals.csv"  # optional: a catalog without it has no sub-goals


def _sub_goals(folder: Path, focus_ids: set[str], indicator_focus: dict[str, str],
               problems: _Problems) -> list[SubGoal]:
    if not (folder / SUB_GOALS).is_file():
        return []
    out, seen = [], set()
    for number, row in enumerate(_rows(folder, SUB_GOALS, ("id", "focus_area", "name_sv", "name_en"), problems), 1):
        where, gid = _id_and_names(SUB_GOALS, row, seen, problems), row["id"]
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
