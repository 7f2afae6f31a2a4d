"""What a slide shows, from the store: the yearly series through disclosure control, the finding
sentence, the chart's data and its text alternative, the status line and subtitle."""
from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from indicators import i18n
from indicators.catalog import Catalog
from indicators.method import disclosure, progress
from indicators.method import status as statuses
from indicators.periods import PARTS, Period, parse
from indicators.present import findings
from indicators.present.slide_model import OBSERVED, PATH, Chart, Series, _missing
from indicators.views.values import year_ends


# --- yearly series, protected (views.values.year_ends, then disclosure.protect) ------------

def _every_year(order: pd.DataFrame, grain: str) -> pd.DataFrame:
    """The chart's points with a row for every calendar year missing between two year ends (no
    value in any series), so a missing year keeps its place on the axis as a gap."""
    ends = order[order["year_end"].astype(bool)]
    if len(ends) < 2:
        return order
    have = set(ends["year"].astype(int))
    holes = [y for y in range(int(ends["year"].min()), int(ends["year"].max()) + 1) if y not in have]
    if not holes:
        return order
    last = PARTS[grain]
    filler = pd.DataFrame({"period": [Period(y, grain, last).text for y in holes],
                           "category": [str(y) for y in holes], "t": [y + 1.0 for y in holes],
                           "year_end": True, "year": holes})
    return pd.concat([order, filler], ignore_index=True).sort_values("t")


def _category(row, lang: str) -> str:
    if row["year_end"]:
        return str(int(row["year"]))
    return i18n.t("present.rolling_label", lang, period=row["period"])


@dataclass
class _Data:
    """One indicator's protected yearly values and its municipality assessment."""
    indicator: object
    yearly: pd.DataFrame          # protected; columns of views.values.year_ends + suppressed + category
    assessment: progress.Assessment
    loaded: str
    demo: bool
    first: str
    last: str
    areas_with_values: tuple[str, ...] = ()   # areas with any stored value, in catalog order


def _data(con, catalog: Catalog, indicator, lang: str, observations: pd.DataFrame) -> _Data:
    frame = observations[observations["indicator_id"] == indicator.id]
    yearly = year_ends(indicator, frame)
    if len(yearly):
        yearly = disclosure.protect(yearly, catalog)
        yearly["category"] = [_category(r, lang) for _, r in yearly.iterrows()]
    else:
        yearly = yearly.assign(suppressed=None, category="")
    whole = catalog.municipality.id
    mine = frame[frame["area_id"] == whole]
    assessment = progress.assess(indicator, [(parse(p), None if _missing(v) else float(v))
                                             for p, v in zip(mine["period"], mine["value"])])
    loaded = frame["loaded_at"].max() if len(frame) else None
    present = frame[frame["value"].notna()]
    first, last = _span(present["period"])
    with_values = set(present["area_id"])
    return _Data(indicator, yearly, assessment,
                 "" if loaded is None or pd.isna(loaded) else pd.Timestamp(loaded).date().isoformat(),
                 bool(frame["is_demo"].any()), first, last,
                 tuple(a.id for a in catalog.areas if a.id in with_values))


def _span(periods) -> tuple[str, str]:
    """The earliest and latest of `periods` (period texts) in time order, not in the order given
    (rows come area by area, so one area's 2024 can precede another's 2010); ("", "") when none."""
    known = sorted((p for p in (parse(x) for x in periods) if p is not None),
                   key=lambda p: (p.start, p.end))
    return (known[0].text, known[-1].text) if known else ("", "")


def _no_chart(data: _Data, catalog: Catalog, area_ids: tuple[str, ...], lang: str) -> str:
    """Why a slide of `data` for `area_ids` has no chart, in words: none of the areas has a yearly
    value to draw (a rolling year needs a full year of months), and which areas do have values."""
    def names(ids) -> str:
        return ", ".join(catalog.area(a).name if catalog.area(a) else a for a in ids)
    reason = i18n.t("present.no_chart", lang, name=data.indicator.name(lang), areas=names(area_ids))
    if data.areas_with_values:
        reason += " " + i18n.t("present.no_chart_values_in", lang, areas=names(data.areas_with_values))
    return reason


def _finding(data: _Data, catalog: Catalog, lang: str) -> str:
    """The indicator's change since its baseline, from the municipality's protected values."""
    a = data.assessment
    mine = data.yearly[data.yearly["area_id"] == catalog.municipality.id]
    if a.baseline is None or a.latest is None or not len(mine):
        return findings.change(data.indicator, None, None, _since(data.indicator), lang,
                               demo=data.demo)
    at_base = mine[(mine["t"] - a.baseline_t).abs() < 1e-6]
    at_latest = mine.iloc[[-1]]
    hidden = bool(at_base["suppressed"].notna().any() or at_latest["suppressed"].notna().any())
    return findings.change(data.indicator, a.baseline, a.latest, _since(data.indicator), lang,
                           hidden=hidden, demo=data.demo)


def _since(indicator) -> str:
    period = parse(indicator.baseline_period)
    return period.text if period else indicator.baseline_period


def _labels(values, suppressed, lang, decimals) -> tuple[str, ...]:
    return tuple(disclosure.label(v, s, lang, decimals) for v, s in zip(values, suppressed))


def _chart(data: _Data, catalog: Catalog, area_ids: tuple[str, ...], lang: str, title: str,
           *, kind: str = "line", with_path: bool = True) -> Chart | None:
    ind = data.indicator
    shown = data.yearly[data.yearly["area_id"].isin(area_ids)]
    if not len(shown):
        return None
    order = _every_year(shown.drop_duplicates("period").sort_values("t"), ind.grain)
    categories = list(order["category"])
    times = list(order["t"])
    a = data.assessment
    path_on = with_path and bool(a.path) and len(area_ids) == 1 and area_ids[0] == catalog.municipality.id
    base_hidden = path_on and bool(shown[(shown["t"] - a.baseline_t).abs() < 1e-6]["suppressed"].notna().any())
    path_on = path_on and not base_hidden
    if path_on:
        categories.append(i18n.t("present.target_category", lang, year=ind.target.year))
    series = []
    for area_id in area_ids:
        part = shown[shown["area_id"] == area_id].set_index("period")
        if not len(part):
            continue
        values, marks = [], []
        for period in order["period"]:
            if period in part.index:
                v, s = part.at[period, "value"], part.at[period, "suppressed"]
                values.append(None if _missing(v) else float(v))
                marks.append(s if isinstance(s, str) else None)
            else:
                values.append(None)
                marks.append(None)
        if path_on:
            values.append(None)
            marks.append(None)
        area = catalog.area(area_id)
        name = i18n.t("present.observed", lang) if len(area_ids) == 1 else (area.name if area else area_id)
        series.append(Series(name, OBSERVED, area_id, tuple(values),
                             _labels(values, marks, lang, ind.decimals), tuple(marks)))
    if not series:
        return None
    if path_on:
        y0, t0, target, T = a.baseline, a.baseline_t, a.target, a.T
        path = [None if t < t0 - 1e-6 else progress.path_value(y0, t0, target, T, t) for t in times]
        path.append(target)
        path = [None if v is None else round(v, ind.decimals + 1) for v in path]
        series.append(Series(i18n.t("present.path", lang), PATH, None, tuple(path),
                             _labels(path, [None] * len(path), lang, ind.decimals),
                             (None,) * len(path)))
    marks_used = {m for s in series for m in s.suppressed if m}
    legend = tuple(disclosure.legend(lang, marks_used)) if marks_used else ()
    return Chart(kind, ind.id, title, ind.unit(lang), ind.decimals, tuple(categories), tuple(series),
                 legend, _alt(kind, title, ind.unit(lang), categories, series, lang))


def _alt(kind, title, unit, categories, series, lang) -> str:
    """A short text alternative: what is drawn, and the first and last shown value per series."""
    parts = []
    hidden = 0
    for s in series:
        if s.kind != OBSERVED:
            continue
        known = [(c, label) for c, v, label in zip(categories, s.values, s.shown) if v is not None]
        hidden += sum(1 for m in s.suppressed if m)
        if known:
            (c0, l0), (c1, l1) = known[0], known[-1]
            parts.append(f"{s.name}: {c0} {l0}, {c1} {l1}")
    values = "; ".join(parts) + "."
    if hidden:
        values += " " + i18n.t("present.alt_hidden", lang, n=hidden) + "."
    first, last = (categories[0], categories[-1]) if categories else ("", "")
    key = "present.alt_bar" if kind == "bar" else "present.alt_line"
    return i18n.t(key, lang, name=title, unit=unit, first=first, last=last, values=values)


def _status_line(data: _Data, lang: str) -> str:
    ind, a = data.indicator, data.assessment
    parts = [i18n.t("present.status_line", lang, badge=statuses.badge(a.status, ind.polarity, lang))]
    if ind.target.kind == "none":
        parts.append(i18n.t("present.no_target", lang))
    elif a.target is not None:
        target = i18n.t("present.target_line", lang, year=ind.target.year,
                        target=_with_unit(i18n.number(a.target, lang, ind.decimals), ind, lang))
        if a.target_is_example:
            target += f" ({i18n.t('present.example_target', lang)})"
        parts.append(target)
    return " · ".join(parts)


def _with_unit(text: str, ind, lang: str) -> str:
    """"16" for a count ("16 antal" reads badly), "14,0 %" and "1,37 per 1 000 inv." otherwise."""
    return text if ind.measure == "count" else f"{text} {ind.unit(lang)}"


def _subtitle(data: _Data, lang: str) -> str:
    line = _status_line(data, lang)
    a = data.assessment
    if a.rolling and a.latest_period is not None:
        line += ". " + i18n.t("present.rolling_note", lang, period=a.latest_period.text,
                              since=_since(data.indicator))
    if a.incomplete:  # say what is missing: the rolling years were computed without it
        missing = sorted({m for _, gone in a.incomplete for m in gone})
        line += " " + i18n.t("views.status_missing", lang, periods=", ".join(m.text for m in missing))
    return line


