"""AppTest helpers: each test gets its own INDICATORS_HOME (the `home` fixture) and empty caches;
figures are read back from the rendered element (plotly 7 base64-encodes arrays in the JSON, so
values are decoded through plotly.io.from_json, never read from the JSON text)."""
from __future__ import annotations

import re
from pathlib import Path

import numpy as np
import plotly.io as pio
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

REPO = Path(__file__).resolve().parents[2]
PAGES = {"overview": 1, "areas": 1, "indicator": 1, "police_list": 1, "about": 0,
         "measures": 0}  # page: charts
FOCUS_PAGES = {  # focus area: charts on its page (app_pages/focus.py, one page per focus area):
    # a trend per indicator and the open comparison tab's figure (the ranking) where there is one
    "skjutningar_grovt_vald": 9, "nyrekrytering_unga": 8, "offentliga_rummet": 8,
    "systemhotande_brottslighet": 3,
}
HEAT_TAB = {"sv": "Område × år", "en": "Area × year"}


@pytest.fixture(autouse=True)
def empty_caches():
    st.cache_data.clear()
    st.cache_resource.clear()
    yield
    st.cache_data.clear()
    st.cache_resource.clear()


def page_test(name: str, lang: str = "sv", query: dict | None = None, *,
              focus: str | None = None, state: dict | None = None) -> AppTest:
    """A page script run on its own (without the frame), in `lang`; `focus` is the focus area of
    app_pages/focus.py (the frame sets it for the page a visitor opened)."""
    at = AppTest.from_file(str(REPO / "app_pages" / f"{name}.py"), default_timeout=90)
    at.session_state["lang"] = lang
    if focus is not None:
        at.session_state["focus_area"] = focus
    for key, value in (query or {}).items():
        at.query_params[key] = value
    for key, value in (state or {}).items():   # widget state, e.g. an expander opened by its key
        at.session_state[key] = value
    return at.run()


def figures(at: AppTest) -> list:
    """Every plotly figure on the page, decoded (arrays as numpy/lists)."""
    return [pio.from_json(element.proto.spec, skip_invalid=True) for element in at.get("plotly_chart")]


def chart_of(at: AppTest, key: str):
    """The decoded figure of the chart drawn with `key` (web.chart's key, e.g. "trend_skjutningar")."""
    found = [pio.from_json(e.proto.spec, skip_invalid=True) for e in at.get("plotly_chart")
             if e.proto.id.endswith(f"-{key}")]
    assert len(found) == 1, (key, [e.proto.id for e in at.get("plotly_chart")])
    return found[0]


def heat_open(*indicator_ids: str, lang: str = "sv") -> dict:
    """Session state that opens the heat-table tab under each indicator of a focus page."""
    return {f"compare_{i}": HEAT_TAB[lang] for i in indicator_ids}


def values(trace, axis: str = "y") -> list:
    data = trace[axis]
    if data is None:
        return []
    return [None if v is None or (isinstance(v, float) and np.isnan(v)) else v
            for v in np.asarray(data, dtype=object).ravel().tolist()]


def texts_of(figure) -> list[str]:
    """Every text a reader can see or hover in a figure (traces and annotations)."""
    found = []
    for trace in figure.data:
        for attr in ("text", "hovertext"):
            value = getattr(trace, attr, None)
            if value is None:
                continue
            if isinstance(value, str):
                found.append(value)
            else:
                found.extend(str(v) for v in np.asarray(value, dtype=object).ravel().tolist())
    found.extend(a.text or "" for a in figure.layout.annotations)
    found.append(figure.layout.title.text or "")
    return found


def shown(markdown: str) -> str:
    """What a reader sees of text web.plain() made safe: the backslash escapes resolved and the
    invisible word joiners that stop autolinks removed."""
    return re.sub(r"\\(.)", r"\1", markdown).replace("\u2060", "")
