"""indicators.toml: each indicator entry and its target checked, every problem collected."""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

from indicators import periods
from indicators.catalog.keys import code_key
from indicators.catalog.model import (AGGREGATIONS, GRAINS, MEASURES, POLARITIES, TARGET_KINDS,
                                      TARGET_STATUSES, Indicator, Target)
from indicators.catalog.rows import ID, Problems, Where, at

INDICATOR_CODE = re.compile(r"^[A-Za-z0-9_-]+:[A-Za-z0-9_.-]+$")
TEXT_FIELDS = ("name_sv", "name_en", "unit_sv", "unit_en", "source", "definition_sv",
               "definition_en")
INDICATOR_FIELDS = {"id", "focus_area", "grain", "polarity", "aggregation", "measure", "scale",
                    "decimals", "baseline_period", "target", "sensitive", "codes", *TEXT_FIELDS}
TARGET_FIELDS = {"kind", "amount", "year", "status"}


grain_of = periods.grain_of


def _target(raw, where: Where, grain_year: int | None, problems: Problems) -> Target:
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


def _indicator(raw: dict, number: int, focus_ids: set[str], problems: Problems) -> Indicator:
    name = "indicators.toml"
    iid = raw.get("id")
    where = at("catalog.entry", number=number, id=iid or "?")
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


def read_indicators(folder: Path, focus_ids: set[str], problems: Problems) -> list[Indicator]:
    name, path = "indicators.toml", folder / "indicators.toml"
    if not path.is_file():
        problems.add(name, at("catalog.file"), "missing_file", path=str(path))
        return []
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except (tomllib.TOMLDecodeError, UnicodeDecodeError) as error:
        problems.add(name, at("catalog.file"), "bad_toml", error=str(error))
        return []
    entries = data.get("indicator")
    if not isinstance(entries, list) or not entries:
        problems.add(name, at("catalog.file"), "no_indicators")
        return []
    out, seen, codes = [], set(), {}
    for number, raw in enumerate(entries, 1):
        if not isinstance(raw, dict):
            raw = {}
        indicator = _indicator(raw, number, focus_ids, problems)
        where = at("catalog.entry", number=number, id=indicator.id)
        if indicator.id in seen:
            problems.add(name, where, "duplicate_id", value=indicator.id)
        seen.add(indicator.id)
        for code in indicator.codes:
            other = codes.setdefault(code_key(code), indicator.id)
            if other != indicator.id:
                problems.add(name, where, "indicator_code_clash", value=code, other=other)
        out.append(indicator)
    return out
