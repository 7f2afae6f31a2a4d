"""The text alternatives of a chart: a table of exactly what it draws, and an alt text that says in
words what it shows (the extremes, the latest value, the status where the chart carries one).

Both are read from the finished plotly figure, so they can never disagree with it. Each trace's
hover texts are used for the values: they are already formatted in the user's language and already
disclosure-controlled ("<5" for hidden small counts), so the table shows nothing the chart hides.
"""
from __future__ import annotations

import html
import re
from datetime import date, datetime

import pandas as pd
import plotly.graph_objects as go

from indicators.charts.style import (COMPARISON_GROUP, EVENT_GROUP, MEASURE_GROUP,
                                     NOTE_NAME, WATERMARK_NAME)
from indicators.i18n import number, t

_TAGS = re.compile(r"<[^>]+>")


def plain(text) -> str:
    """Text without plotly's HTML tags (`<b>`, `<br>`), entities read back (`&lt;` is `<`: user
    text is escaped before it reaches a figure) and with single spaces."""
    return html.unescape(" ".join(_TAGS.sub(" ", str(text or "")).split()))


def _label(value) -> str:
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}(T00:00:00)?", value):
        return value[:10]
    return plain(value)


def _values(trace, count: int, lang: str) -> list[str]:
    """The shown value of each point: hover text, else text, else the number itself."""
    for source in (getattr(trace, "hovertext", None), getattr(trace, "text", None)):
        if source is not None and not isinstance(source, str) and len(source) == count:
            return [plain(v) for v in source]
    numbers = trace.x if getattr(trace, "orientation", None) == "h" else trace.y
    return [number(v, lang, 1) if v is not None else "–" for v in (numbers or [None] * count)]


def _decoration(trace) -> bool:
    """A trace that only draws (the profile's middle half): no legend entry, no hover, no text."""
    return (trace.showlegend is False and getattr(trace, "hoverinfo", None) == "skip"
            and getattr(trace, "text", None) is None)


def _label_column(trace) -> bool:
    """A column of words beside the rows (the profile's status): a text-only scatter."""
    return trace.type == "scatter" and trace.mode == "text"


def _series_name(trace, lang: str) -> str:
    return t("a11y.status", lang) if _label_column(trace) else plain(getattr(trace, "name", "") or "")


def figure_table(fig: go.Figure, lang: str) -> pd.DataFrame:
    """One row per drawn point: series, category or time, shown value (as in the hover text).
    Columns (in `lang`): series, category or time, value shown; traces that only draw are left out."""
    series_col, x_col, value_col = (t("a11y.series", lang), t("a11y.category", lang),
                                    t("a11y.value", lang))
    rows = []
    for trace in fig.data:
        if _decoration(trace):
            continue
        name = _series_name(trace, lang)
        if trace.type == "heatmap":
            texts = trace.text if trace.text is not None else trace.z
            for r, row_name in enumerate(trace.y or []):
                for c, col_name in enumerate(trace.x or []):
                    rows.append({series_col: plain(row_name), x_col: _label(col_name),
                                 value_col: plain(texts[r][c])})
            continue
        horizontal = getattr(trace, "orientation", None) == "h"
        categories = list((trace.y if horizontal else trace.x) or [])
        if not categories:
            continue
        for category, shown in zip(categories, _values(trace, len(categories), lang)):
            rows.append({series_col: name, x_col: _label(category), value_col: shown})
    return pd.DataFrame(rows, columns=[series_col, x_col, value_col])


# --- the alt text ---------------------------------------------------------------------------

def _extreme(cells: list[tuple[float, str]], pick, lang: str) -> str:
    """"Fröslunda (12)" for the highest/lowest (`pick` max or min) of (value, "where (shown)")
    cells; ties: "Fröslunda (0) and 11 more"."""
    best = pick(value for value, _ in cells)
    found = [where for value, where in cells if value == best]
    return found[0] if len(found) == 1 else t("a11y.and_more", lang, first=found[0],
                                              more=len(found) - 1)


def _extremes(cells: list[tuple[float, str]], lang: str) -> list[str]:
    if not cells:
        return [t("a11y.no_values", lang)]
    return [t("a11y.extremes", lang, high=_extreme(cells, max, lang), low=_extreme(cells, min, lang))]


def _shown(trace, index: int, lang: str) -> str:
    """The value of point `index` as the chart shows it (text, else hover text, else the number)."""
    for source in (getattr(trace, "text", None), getattr(trace, "hovertext", None)):
        if source is not None and not isinstance(source, str):
            return plain(source[index])
    values = trace.x if getattr(trace, "orientation", None) == "h" else trace.y
    return number(values[index], lang, 1)


def _bars(trace, lang: str) -> list[str]:
    """Ranked or yearly bars: the highest and lowest, bars not drawn (hidden or missing), and for
    bars over time (vertical) the latest."""
    horizontal = getattr(trace, "orientation", None) == "h"
    values, names = (trace.x, trace.y) if horizontal else (trace.y, trace.x)
    values, names = list(values or []), [_label(n) for n in names or []]
    cells = [(v, f"{n} ({_shown(trace, i, lang)})") for i, (v, n) in enumerate(zip(values, names))
             if v is not None]
    out = _extremes(cells, lang)
    missing = [f"{n} ({_shown(trace, i, lang)})" for i, (v, n) in enumerate(zip(values, names))
               if v is None]
    if missing:
        out.append(t("a11y.no_bar", lang, names=", ".join(missing)))
    if not horizontal and cells:
        out.append(t("a11y.latest", lang, value=cells[-1][1].replace(" (", ": ", 1).rstrip(")")))
    return out


def _heat(trace, lang: str) -> list[str]:
    """A heat table: its size, the highest and lowest cell, the latest period's highest and lowest."""
    rows, columns = [plain(r) for r in trace.y or []], [_label(c) for c in trace.x or []]
    z, texts = trace.z or [], trace.text if trace.text is not None else trace.z
    cells = {(r, c): (z[r][c], plain(texts[r][c])) for r in range(len(rows))
             for c in range(len(columns)) if z[r][c] is not None}
    if not cells:
        return [t("a11y.no_values", lang)]
    out = [t("a11y.heat_size", lang, rows=len(rows), first=columns[0], last=columns[-1])]
    out += _extremes([(v, f"{rows[r]} {columns[c]} ({shown})") for (r, c), (v, shown) in cells.items()],
                     lang)
    last = max(c for _, c in cells)
    latest = [(v, f"{rows[r]} ({shown})") for (r, c), (v, shown) in cells.items() if c == last]
    out.append(t("a11y.heat_latest", lang, period=columns[last], high=_extreme(latest, max, lang),
                 low=_extreme(latest, min, lang)))
    return out


def _profile(fig: go.Figure, lang: str) -> list[str]:
    """A spine chart: per row, the chosen area's side of the municipality and the row's status."""
    worse, municipality, better = (plain(x) for x in fig.layout.xaxis.ticktext)
    area = next(tr for tr in fig.data if tr.type == "scatter" and tr.mode == "markers"
                and tr.legendgroup != COMPARISON_GROUP)
    status = next(tr for tr in fig.data if _label_column(tr))
    words = {lab: plain(text) for lab, text in zip(status.y or [], status.text or [])}
    rows = []
    for label, x in zip(area.y or [], area.x or []):
        side = (t("a11y.no_value", lang) if x is None else better if x > 0 else worse if x < 0
                else t("a11y.same_as", lang, name=municipality))
        rows.append(f"{plain(label)}: {side}" + (f", {words[label]}" if words.get(label) else ""))
    return [t("a11y.profile", lang, municipality=municipality, better=better), "; ".join(rows)]


def _trend(fig: go.Figure, lang: str) -> list[str]:
    """A trend: the observed series' highest, lowest and latest value, as its hover texts say."""
    own = [tr for tr in fig.data if tr.type == "scatter" and "lines" in (tr.mode or "")
           and tr.hovertext is not None and not isinstance(tr.hovertext, str)
           and tr.legendgroup not in (COMPARISON_GROUP, MEASURE_GROUP, EVENT_GROUP)]
    if not own:
        return []
    cells = [(y, plain(h)) for y, h in zip(own[0].y or [], own[0].hovertext) if y is not None]
    if not cells:
        return [t("a11y.no_values", lang)]
    return _extremes(cells, lang) + [t("a11y.latest", lang, value=cells[-1][1])]


def _words(fig: go.Figure, lang: str) -> list[str]:
    """What the chart shows, in sentences, by the kind of figure charts.figures draws."""
    kinds = {trace.type for trace in fig.data}
    if "heatmap" in kinds:
        return _heat(next(tr for tr in fig.data if tr.type == "heatmap"), lang)
    if any(_label_column(tr) for tr in fig.data) and fig.layout.xaxis.ticktext:
        return _profile(fig, lang)
    if kinds == {"bar"} and len(fig.data) == 1:
        return _bars(fig.data[0], lang)
    return _trend(fig, lang)


def _annotations(fig: go.Figure, lang: str) -> list[str]:
    """Unnamed notes over the plot: a vertical line's label ("Eskilstuna kommun: 3", add_vline)
    and notes placed on the paper; labels at data points are in the words and the table already."""
    out = []
    for note in fig.layout.annotations:
        if note.name or not note.text:
            continue
        if (note.yref or "").endswith("domain"):
            out.append(t("a11y.reference_line", lang, text=plain(note.text)))
        elif note.xref == "paper":
            out.append(plain(note.text))
    return out


def alt_text(fig: go.Figure, lang: str) -> str:
    """What a screen reader says for a chart, in `lang`: the demo mark, the kind of chart and its
    title (which carries the status on a trend), what it shows in words (extremes, latest value,
    per-row status on the area profile), the lines drawn over bars, the legend's series, and where
    every value is. Read from the drawn figure only."""
    kinds = {trace.type for trace in fig.data}
    kind = t("a11y.kind_heatmap", lang) if "heatmap" in kinds else (
        t("a11y.kind_bar", lang) if kinds == {"bar"} else t("a11y.kind_chart", lang))
    title = plain(fig.layout.title.text) if fig.layout.title and fig.layout.title.text else ""
    notes = {a.name: plain(a.text) for a in fig.layout.annotations if a.name}
    parts = [notes[WATERMARK_NAME]] if WATERMARK_NAME in notes else []
    parts.append(f"{kind}: {title}" if title else kind)
    if NOTE_NAME in notes:
        parts.append(notes[NOTE_NAME])
    parts += _words(fig, lang)
    parts += _annotations(fig, lang)
    if len(fig.data) > 1:
        names = [plain(tr.name) for tr in fig.data if getattr(tr, "name", None)
                 and tr.showlegend is not False and not _label_column(tr)]
        if names:
            parts.append(t("a11y.series_list", lang, series=", ".join(dict.fromkeys(names))))
    parts.append(t("a11y.see_table", lang))
    return ". ".join(p.rstrip(".") for p in parts if p) + "."
