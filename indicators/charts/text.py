"""The text alternatives of a chart: a table of exactly what it draws, and a short alt text.

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


def figure_table(fig: go.Figure, lang: str) -> pd.DataFrame:
    """One row per drawn point: series, category or time, shown value (as in the hover text)."""
    series_col, x_col, value_col = (t("a11y.series", lang), t("a11y.category", lang),
                                    t("a11y.value", lang))
    rows = []
    for trace in fig.data:
        name = plain(getattr(trace, "name", "") or "")
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


def alt_text(fig: go.Figure, lang: str) -> str:
    """A short description for screen readers: kind of chart, title, series, where the values are."""
    kinds = {trace.type for trace in fig.data}
    kind = t("a11y.kind_heatmap", lang) if "heatmap" in kinds else (
        t("a11y.kind_bar", lang) if kinds == {"bar"} else t("a11y.kind_chart", lang))
    title = plain(fig.layout.title.text) if fig.layout.title and fig.layout.title.text else ""
    names = [plain(trace.name) for trace in fig.data if getattr(trace, "name", None)]
    series = ", ".join(dict.fromkeys(n for n in names if n))
    parts = [f"{kind}: {title}" if title else kind]
    if series:
        parts.append(t("a11y.series_list", lang, series=series))
    parts.append(t("a11y.see_table", lang))
    return ". ".join(parts)
