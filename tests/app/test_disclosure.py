"""A sensitive indicator holding counts 1–4: no rendered figure, table or download shows them."""
from __future__ import annotations

import io
import re

import numpy as np
import pytest
from openpyxl import load_workbook

from indicators import store

from .conftest import chart_of, heat_open, figures, page_test

AREAS = ["froslunda", "skiftinge", "arby", "lagersberg", "rabergstorp", "nyfors", "centrum",
         "arsta", "torshalla"]
QUARTERS = [f"{y}-Q{q}" for y in (2022, 2023, 2024, 2025) for q in (1, 2, 3, 4)]
SMALL = {1.0, 2.0, 3.0, 4.0}


def _csv() -> bytes:
    lines = ["indicator;area;period;value"]
    for qi, period in enumerate(QUARTERS):
        lines.append(f"unga_sig;froslunda;{period};{1 + qi % 4}")       # always 1–4
        lines.append(f"unga_sig;skiftinge;{period};{2 + qi % 3}")       # always 2–4
        for k, area in enumerate(AREAS[2:]):
            lines.append(f"unga_sig;{area};{period};{100 + 10 * k + qi}")
        lines.append(f"unga_sig;eskilstuna;{period};{1000 + qi}")
    return ("\n".join(lines) + "\n").encode("utf-8")


@pytest.fixture
def sensitive_home(home):
    outcome = store.ingest(_csv(), "small.csv", by="test", home=home)
    assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
    return home


def _numbers_in(fig) -> list[float]:
    out = []
    for trace in fig.data:
        for attr in ("x", "y", "z", "base"):
            value = getattr(trace, attr, None)
            if value is None or isinstance(value, str):
                continue
            for v in np.asarray(value, dtype=object).ravel().tolist():
                if isinstance(v, (list, tuple)):
                    out.extend(x for x in v if isinstance(x, (int, float)))
                elif isinstance(v, (int, float)) and not isinstance(v, bool):
                    out.append(float(v))
    return out


def _texts_in(fig) -> list[str]:
    out = []
    for trace in fig.data:
        for attr in ("text", "hovertext"):
            value = getattr(trace, attr, None)
            if value is None:
                continue
            items = [value] if isinstance(value, str) else np.asarray(value, dtype=object).ravel().tolist()
            for v in items:
                out.extend(v if isinstance(v, (list, tuple)) else [v])
    return [str(t) for t in out if t is not None]


SMALL_TOKEN = re.compile(r"(?<![\d<.,])[1-4](?![\d.,])")


def _leaks(text: str) -> list[str]:
    """Stand-alone 1–4 tokens in a text, ignoring dates, periods and '<5'."""
    cleaned = re.sub(r"\d{4}-(Q|H|T)?\d+", "", text)  # periods, tertials (follow-up rounds) too
    cleaned = re.sub(r"\b[A-Z]{1,4}\d+-\d+[a-z]?\b", "", cleaned)  # measure ids (FA2-03a)
    cleaned = re.sub(r"\d{1,3}(\u00a0\d{3})+", "", cleaned)  # 1 234 in Swedish format
    return SMALL_TOKEN.findall(cleaned)


@pytest.mark.parametrize("page, focus, query", [
    ("focus", "nyrekrytering_unga", {"area": "froslunda"}),
    ("focus", "nyrekrytering_unga", {"area": "skiftinge"}),
    ("areas", None, {"area": "froslunda"}),
    ("indicator", None, {"id": "unga_sig"}),
])
def test_no_figure_shows_a_small_count(sensitive_home, page, focus, query):
    at = page_test(page, "sv", query, focus=focus)
    assert not at.exception
    figs = figures(at)
    if page == "focus":   # unga_sig's trend and ranking, then its heat table (the other tab)
        heat = page_test(page, "sv", query, focus=focus, state=heat_open("unga_sig"))
        assert not heat.exception
        figs = [chart_of(at, "trend_unga_sig"), chart_of(at, "ranking_unga_sig"),
                chart_of(heat, "heat_unga_sig")]
    for fig in figs:
        if page != "areas":  # the profile's x are positions (-1..1), not values: texts below
            assert not SMALL & set(_numbers_in(fig)), fig.layout.title.text
        texts = _texts_in(fig)
        if page == "areas":  # other indicators' rows are not sensitive: check this one's row
            texts = [t for t in texts if t.startswith("Unga med samordnad insats")]
            assert texts and all("<5" in t or ".." in t for t in texts), texts
        leaks = [t for t in texts if _leaks(t)]
        assert leaks == [], leaks[:5]
    if page == "focus":
        assert any("<5" in t for fig in figs for t in _texts_in(fig))


def test_tables_and_downloads_hide_small_counts(sensitive_home):
    at = page_test("indicator", "sv", {"id": "unga_sig"})
    table = next(d.value for d in at.dataframe if "Område" in d.value.columns)
    shown = table[table["Område"].isin(["Fröslunda", "Skiftinge"])]["Värde"].tolist()
    assert shown and all(v in ("<5", "..") for v in shown)
    from indicators import web
    from indicators.web import page_data
    files = page_data._downloads(web.version(), "unga_sig", "sv")
    csv_text = files["csv"].decode("utf-8-sig")
    for line in csv_text.splitlines():
        if "Fröslunda" in line or "Skiftinge" in line:
            cells = line.split(";")
            assert cells[3] == "" and cells[4] in ("<5", ".."), line
    book = load_workbook(io.BytesIO(files["xlsx"]))
    for row in book.active.iter_rows(values_only=True):
        if row and row[1] in ("Fröslunda", "Skiftinge"):
            assert row[3] is None and row[4] in ("<5", "..")


def test_the_overview_never_shows_a_small_count(sensitive_home):
    at = page_test("overview", "sv")
    assert not at.exception
    changes = at.dataframe[-1].value
    rows = changes[changes["Område"].isin(["Fröslunda", "Skiftinge"])]
    assert len(rows) and set(rows["Värde"]) <= {"<5", ".."}
