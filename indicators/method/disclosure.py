"""Small-count protection: the one function every output goes through (docs/method.md, "Små tal").

For indicators marked `sensitive` in the catalog:

- primary ("small"): a count from 1 to min_count − 1 is hidden and shown as "<5"; 0 stays visible.
  A rate or share whose numerator is from 1 to min_count − 1 is hidden too.
- secondary ("secondary"): for each indicator × period, when exactly one area of kind "område" is
  hidden and the municipality total is not known to be hidden, the next-smallest shown area is
  hidden as well, so the hidden value cannot be worked out as total minus the other areas.
  A municipality row missing from the frame counts as shown: the total is published elsewhere in
  the dashboard. So protect the whole indicator × period (every area) first, and filter rows for
  display afterwards.
  Comparison areas (riket, län, polisregion, jämförelse) are not among the municipality's areas:
  they get primary suppression like any row, but never count as a hidden area, never get hidden
  as the next-smallest one, and are not the total (DATA.md §1, METHOD.md §5).

Non-sensitive indicators pass through unchanged. Charts, tables, hover texts, downloads, slides and
the press pack all take their numbers from `protect`; only the upload preview shows raw values.
"""
from __future__ import annotations

import math

import numpy as np
import pandas as pd

from indicators import config, i18n

SMALL = "small"
SECONDARY = "secondary"
# An analyst's note on a hidden cell is hidden with it: free text may repeat the number.
PROTECTED_COLUMNS = ("value", "numerator", "denominator", "lower", "upper", "note")
_KEYS = ["indicator_id", "period"]


def protect(frame: pd.DataFrame, catalog, *, min_count: int | None = None) -> pd.DataFrame:
    """A copy of `frame` with suppressed cells set to NaN and a `suppressed` column
    (None, "small" or "secondary").

    `frame` has at least indicator_id, area_id, period and value (float, NaN when missing), and
    optionally numerator, denominator, lower and upper, which are hidden together with the value.
    Raises ValueError for an indicator id the catalog does not know (refuse rather than leak).
    """
    limit = config.min_count() if min_count is None else int(min_count)
    work = frame.reset_index(drop=True).copy()
    ids = work["indicator_id"]
    known = {i.id: i for i in catalog.indicators}
    unknown = sorted(set(ids.dropna().unique()) - set(known))
    if unknown or ids.isna().any():
        raise ValueError(f"cannot protect rows of unknown indicators: {unknown or [None]}")

    sensitive = ids.map({k: i.sensitive for k, i in known.items()}).astype(bool)
    is_count = ids.map({k: i.measure == "count" for k, i in known.items()}).astype(bool)
    value = pd.to_numeric(work["value"], errors="coerce").astype(float)

    def few(x: pd.Series) -> pd.Series:
        return x.gt(0) & x.lt(limit)

    small = is_count & few(value)
    if "numerator" in work:
        small |= few(pd.to_numeric(work["numerator"], errors="coerce").astype(float))
    small &= sensitive

    area_kind = work["area_id"].map({a.id: a.kind for a in catalog.areas})
    is_area = area_kind.eq("område")  # the municipality's own areas: never a comparison area
    is_total = work["area_id"].eq(catalog.municipality.id)
    shown = value.notna() & ~small
    groups = [work[k] for k in _KEYS]
    hidden_areas = (small & is_area).groupby(groups, dropna=False).transform("sum")
    total_hidden = (is_total & ~shown).groupby(groups, dropna=False).transform("any")
    candidate = sensitive & hidden_areas.eq(1) & ~total_hidden & is_area & shown
    chosen = (
        work.loc[candidate, _KEYS + ["area_id"]]
        .assign(_value=value[candidate])
        .sort_values(_KEYS + ["_value", "area_id"], kind="stable")
        .groupby(_KEYS, dropna=False, sort=False)
        .head(1)
        .index
    )
    secondary = pd.Series(False, index=work.index)
    secondary.loc[chosen] = True

    hidden = small | secondary
    for column in PROTECTED_COLUMNS:
        if column in work:
            work[column] = work[column].where(~hidden)
    work["suppressed"] = pd.Series(
        np.where(small, SMALL, np.where(secondary, SECONDARY, None)), index=work.index, dtype=object
    )
    work.index = frame.index
    return work


def _is_missing(x) -> bool:
    if x is None or x is pd.NA:
        return True
    return isinstance(x, float) and math.isnan(x)


def label(value: float | None, suppressed: str | None, lang: str, decimals: int = 0,
          *, min_count: int | None = None) -> str:
    """The text a cell shows: "<5" for a small count, ".." for a secondary suppression (explained
    by `legend`), else the formatted number ("–" when missing)."""
    if suppressed == SMALL:
        return i18n.t("method.suppression.small", lang,
                      min_count=config.min_count() if min_count is None else min_count)
    if suppressed == SECONDARY:
        return i18n.t("method.suppression.secondary", lang)
    return i18n.number(None if _is_missing(value) else float(value), lang, decimals)


def labels(frame: pd.DataFrame, lang: str, decimals: int = 0, *, column: str = "value",
           min_count: int | None = None) -> pd.Series:
    """`label` for every row of a protected frame (for tables and hover texts)."""
    suppressed = frame["suppressed"] if "suppressed" in frame else pd.Series(None, index=frame.index)
    return pd.Series(
        [label(v, s, lang, decimals, min_count=min_count) for v, s in zip(frame[column], suppressed)],
        index=frame.index, dtype=object,
    )


def legend(lang: str, kinds=(SMALL, SECONDARY), *, min_count: int | None = None) -> list[str]:
    """The legend lines for the suppression marks in `kinds` (pass the frame's `suppressed` values
    to get only the marks it uses)."""
    present = {k for k in kinds if isinstance(k, str)}
    limit = config.min_count() if min_count is None else min_count
    lines = []
    if SMALL in present:
        lines.append(i18n.t("method.suppression.small_legend", lang, min_count=limit))
    if SECONDARY in present:
        lines.append(i18n.t("method.suppression.secondary_legend", lang))
    return lines
