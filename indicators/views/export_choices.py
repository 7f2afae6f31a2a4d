"""The choices a statistical-database export needs (DATA.md §5), and what the file itself suggests.

`asks(validation, options)` says which choices the upload page offers for a file; `suggestions()`
what the file suggests once the indicator is known (the period in the file name or a title line,
the value column that carries the indicator's unit or name, only the catalog's areas), so a real
export needs one choice. `period_in(text, grain)` finds the one period a text names.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import PurePath

from indicators import periods
from indicators.catalog import Catalog, Indicator
from indicators.ingest import Options, Validation
from indicators.ingest.headers import header_key

SETUP_KEYS = ("ingest.missing_columns", "ingest.choose_value_column", "ingest.no_such_column")
ROLES = ("indicator", "area", "period", "value", "numerator", "denominator", "n", "note", "source")


def needs_setup(validation: Validation) -> bool:
    """True when the file cannot be read without a choice (no indicator, an unknown or ambiguous
    column): the page then asks instead of listing row problems."""
    return any(p.key in SETUP_KEYS for p in validation.problems)


def own_column(validation: Validation, role: str) -> str | None:
    """The header of the file's own column for `role`, None when there is none (or a choice)."""
    text = validation.mapping.get(role)
    return None if not text or text.startswith("= ") else text


@dataclass(frozen=True)
class Asks:
    """The choices the upload page offers for one file."""
    indicator: bool = False        # the file has no indicator column: name the indicator
    area_column: bool = False      # which column holds the areas
    period_column: bool = False    # long layout: which column holds the periods
    value_column: bool = False     # long layout: which column holds the values
    period: bool = False           # long layout without a period column: the period of every row
    only_known: bool = False       # skip and list rows whose area the catalog does not know

    @property
    def any(self) -> bool:
        return any((self.indicator, self.area_column, self.period_column, self.value_column,
                    self.period, self.only_known))


def asks(validation: Validation, options: Options) -> Asks:
    """Which choices to offer: none for a file in the standard layout (a checkbox for the catalog's
    areas when it names areas the catalog does not know); for an export without the standard
    columns the indicator first, then its columns."""
    unknown_areas = any(p.key == "ingest.unknown_area" for p in validation.problems)
    if validation.content != "observations":  # measures, events, assessments: their own layout
        return Asks()
    chosen = any(v for k, v in options.as_dict().items() if k not in ("sheet", "gender"))
    if not validation.header or not (needs_setup(validation) or own_column(validation, "indicator") is None
                                     or chosen):
        return Asks(only_known=unknown_areas or options.only_known_areas)
    table = validation.layout_kind in ("long", "wide")
    long = validation.layout_kind == "long"
    return Asks(indicator=own_column(validation, "indicator") is None, area_column=table,
                period_column=long, value_column=long,
                period=long and (own_column(validation, "period") is None or bool(options.period)),
                only_known=True)


@dataclass(frozen=True)
class Suggestion:
    value: object
    reason: str        # a text key: upload.because_file_name, ..._title, ..._unit, ..._name, ..._export


def suggestions(validation: Validation, file_name: str, catalog: Catalog,
                options: Options) -> dict[str, Suggestion]:
    """What the file suggests for the choices the analyst has not made, once the indicator is
    known: {option name: Suggestion}. `period` from a period in the file name or a title line (of
    the indicator's grain), `value_column` from the one header that carries the indicator's unit
    or the words of its name, `only_known_areas` for a file without an indicator column (a
    statistical database lists every kommun: the others are skipped and listed, not rejected)."""
    from indicators.ingest import lookups

    ident = lookups.indicator_id_for(catalog, options.indicator) if options.indicator else None
    indicator = catalog.indicator(ident) if ident else None
    found: dict[str, Suggestion] = {}
    if indicator is None:
        return found
    if own_column(validation, "indicator") is None and not options.only_known_areas:
        found["only_known_areas"] = Suggestion(True, "upload.because_export")
    if validation.layout_kind != "long":
        return found
    if not options.period and own_column(validation, "period") is None:
        period = file_period(validation, file_name, (indicator.grain,))
        if period:
            found["period"] = period
    if not options.value_column and own_column(validation, "value") is None:
        taken = {own_column(validation, role) for role in ROLES}
        candidates = [h.strip() for h in validation.header if h and h.strip() and h.strip() not in taken]
        chosen = value_column_for(indicator, candidates)
        if chosen:
            found["value_column"] = Suggestion(*chosen)
    return found


def file_period(validation: Validation, file_name: str, grains: tuple[str, ...]) -> Suggestion | None:
    """The period the file names in its file name, else in a title line, of the first of `grains`
    found there ("F01_bra_anmalda_brott_kommunerna_2024.csv" -> "2024", upload.because_file_name)."""
    texts = [("upload.because_file_name", PurePath(file_name).stem.replace("_", " "))]
    texts += [("upload.because_title", n.detail.get("text", "")) for n in validation.notices
              if n.key == "ingest.skipped_title"]
    for reason, text in texts:
        for grain in grains:
            period = period_in(text, grain)
            if period:
                return Suggestion(period, reason)
    return None


MISSING_ORDER = ("indicator", "value_column", "period")


def missing_choices(validation: Validation, file_name: str, catalog: Catalog,
                    options: Options) -> dict[str, Suggestion | None]:
    """Every choice a file that cannot be read yet still needs, all at once (not the first one
    the reading stopped at): {option name: what the file suggests, or None}, in the order
    indicator, value_column, period. Empty for a file that needs none (or is no observations file).
    The period is suggested from the file name or a title line even before the indicator is known
    (any grain then; the indicator's grain once it is)."""
    if validation.content != "observations" or not needs_setup(validation):
        return {}
    found: dict[str, Suggestion | None] = {}
    if own_column(validation, "indicator") is None and not options.indicator:
        found["indicator"] = None
    if validation.layout_kind == "long":
        known = suggestions(validation, file_name, catalog, options)
        if own_column(validation, "value") is None and not options.value_column:
            found["value_column"] = known.get("value_column")
        if own_column(validation, "period") is None and not options.period:
            found["period"] = known.get("period") or (
                None if options.indicator else file_period(validation, file_name, periods.GRAINS))
    return found


_YEAR = re.compile(r"(?<!\d)(?:19|20)\d{2}(?!\d)")


def period_in(text: str, grain: str) -> str | None:
    """The one period of `grain` written in `text` ("… NTU 2010. Andel i procent." -> "2010"), or
    None when there is none, more than one, or one of another grain."""
    text = re.sub(r"[.,;:](\s|$)", " ", text or "")
    found = periods.find_in(text)
    if found is None:
        years = set(_YEAR.findall(text))
        found = periods.parse(years.pop()) if len(years) == 1 else None
    return found.text if found is not None and found.grain == grain else None


def _stems(text: str) -> set[str]:
    return {word[:5] for word in header_key(text).split("_") if len(word) >= 4}


def value_column_for(indicator: Indicator, headers: list[str]) -> tuple[str, str] | None:
    """(header, reason key) of the one header that carries the indicator's unit (`Per 100 000 inv.
    (prel.)` for a rate per 100 000) or, failing that, most of the words of its name or id
    (`Otrygghet vid utevistelse sen kväll` for otrygghet_kvall); None when no header or more than
    one fits equally."""
    units = {header_key(indicator.unit_sv), header_key(indicator.unit_en)} - {""}
    if indicator.measure == "share":
        units |= {"andel", "procent"}
    by_unit = [h for h in headers if any(f"_{u}_" in f"_{header_key(h)}_" for u in units)]  # whole words:
    # "andel" is not in "Oro för överfall/ misshandel"
    if len(by_unit) == 1:
        return by_unit[0], "upload.because_unit"
    words = _stems(indicator.name_sv) | _stems(indicator.name_en) | _stems(indicator.id)
    scores = {h: len(_stems(h) & words) for h in (by_unit or headers)}
    best = max(scores.values(), default=0)
    winners = [h for h, score in scores.items() if score == best]
    return (winners[0], "upload.because_name") if best > 0 and len(winners) == 1 else None


def profile_options(options: Options) -> Options:
    """The choices worth keeping in an import profile: all but the period of every row (that is
    the file's own, from its name or title: next quarter's file has another)."""
    return replace(options, period=None)
