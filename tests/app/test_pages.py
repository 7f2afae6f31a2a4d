"""Every page in both languages: no exception, the expected charts, and the numbers in one chart
per page equal to what the store holds (read back from the figure object)."""
from __future__ import annotations

import math

import pytest

from indicators.method import disclosure
from indicators import i18n, store
from indicators.catalog import load_catalog

from .conftest import chart_of, heat_open, FOCUS_PAGES, PAGES, figures, page_test, texts_of, values

LANGS = ("sv", "en")


def store_frame(home, indicator_id):
    con = store.connect(home)
    try:
        return con.execute("SELECT indicator_id, area_id, period, period_start, value, numerator"
                           " FROM observations WHERE indicator_id = ? ORDER BY period_start, area_id",
                           [indicator_id]).df()
    finally:
        con.close()


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("page, focus", [(p, None) for p in sorted(PAGES)]
                         + [("focus", f) for f in FOCUS_PAGES])
def test_every_page_renders_with_its_charts(home, page, focus, lang):
    at = page_test(page, lang, focus=focus)
    assert not at.exception, [e.value for e in at.exception]
    assert len(at.get("plotly_chart")) == (FOCUS_PAGES[focus] if focus else PAGES[page])
    seps = {f.layout.separators for f in figures(at)}
    assert seps <= {",\u00a0" if lang == "sv" else ".,"}
    # every chart has an alt text and a "show as table" alternative right under it
    charts = at.get("plotly_chart")
    assert all(chart.proto.alt for chart in charts)
    label = "Visa som tabell" if lang == "sv" else "Show as table"
    assert [e.label for e in at.expander].count(label) == len(charts)


@pytest.mark.parametrize("lang", LANGS)
def test_the_police_list_chart_shows_the_store_counts_and_unknown_is_not_zero(home, lang):
    for page in ("overview", "police_list"):
        at = page_test(page, lang)
        bar = figures(at)[0].data[0]
        frame = store_frame(home, "omraden_polisens_lista")
        expected = [None if math.isnan(v) else v for v in frame["value"]]
        assert list(bar.x) == list(frame["period"])
        assert values(bar) == expected
        assert None in expected  # 2017 is unknown, never drawn as 0
        assert i18n.t("views.police.unknown", lang) in " ".join(texts_of(figures(at)[0]))


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("focus", ["skjutningar_grovt_vald", "nyrekrytering_unga", "offentliga_rummet"])
def test_focus_page_ranking_equals_the_protected_store_values(home, focus, lang):
    catalog = load_catalog()
    indicator = catalog.indicators_in(focus)[0]
    at = page_test("focus", lang, focus=focus)
    figs = figures(at)
    ranking = figs[1].data[0]
    frame = disclosure.protect(store_frame(home, indicator.id), catalog)
    latest = frame[frame["value"].notna()]["period"].iloc[-1]
    rows = frame[(frame["period"] == latest) & (frame["area_id"] != "eskilstuna")]
    by_name = {catalog.area(a).name: (None if math.isnan(v) else v)
               for a, v in zip(rows["area_id"], rows["value"])}
    shown = dict(zip(ranking.y, values(ranking, "x")))
    assert shown == pytest.approx(by_name)
    assert latest in figs[1].layout.title.text
    # the demo mark is inside every figure of demo data
    for fig in figs:
        assert any("EXEMPELDATA – fiktiva siffror" in (a.text or "") for a in fig.layout.annotations)


def test_focus_filters_come_from_the_url(home):
    at = page_test("focus", "sv", {"area": "froslunda", "from": "2022", "to": "2024"},
                   focus="skjutningar_grovt_vald", state=heat_open("skjutningar"))
    assert not at.exception
    trend = chart_of(at, "trend_skjutningar")
    assert "Fröslunda" in trend.layout.title.text
    heat = chart_of(at, "heat_skjutningar")
    columns = list(heat.data[0].x)
    assert columns[0].startswith("2022") and columns[-1].startswith("2024")
    assert at.query_params["area"] == ["froslunda"] or at.query_params["area"] == "froslunda"


@pytest.mark.parametrize("lang", LANGS)
def test_the_status_is_a_word_and_a_symbol_and_example_targets_say_so(home, lang):
    at = page_test("focus", lang, focus="skjutningar_grovt_vald")
    trend = figures(at)[0]
    title = trend.layout.title.text
    words = [i18n.t(f"method.status.{s}", lang) for s in
             ("achieved", "on_track", "too_slow", "moving_away", "not_assessable", "no_judgement")]
    assert any(w in title for w in words)
    assert any(sym in title for sym in "✓↗↘→✗?–")
    names = [t.name for t in trend.data]
    assert any(i18n.t("views.example_target_label", lang, year=2027, value="")[:8] in n for n in names)


@pytest.mark.parametrize("lang", LANGS)
def test_indicator_trend_matches_the_store_and_downloads_are_offered(home, lang):
    at = page_test("indicator", lang, {"id": "problemindex"})
    assert not at.exception
    observed = figures(at)[0].data[0]
    frame = store_frame(home, "problemindex")
    expected = frame[(frame["area_id"] == "eskilstuna") & frame["value"].notna()]["value"].tolist()
    drawn = values(observed)
    assert [v for v in drawn if v is not None] == pytest.approx(expected)
    shown = {int(p) for p in frame[(frame["area_id"] == "eskilstuna") & frame["value"].notna()]["period"]}
    holes = set(range(min(shown), max(shown) + 1)) - shown
    assert holes and drawn.count(None) == len(holes)  # a year without a value is a gap, not a join
    assert len(at.get("download_button")) == 2


@pytest.mark.parametrize("lang", LANGS)
def test_area_profile_hover_shows_the_store_value(home, lang):
    at = page_test("areas", lang, {"area": "froslunda"})
    assert not at.exception
    fig = figures(at)[0]
    marker = next(t for t in fig.data if t.type == "scatter" and t.mode == "markers")
    frame = store_frame(home, "otrygghet_kvall")
    last = frame[frame["area_id"] == "froslunda"].iloc[-1]
    expected = i18n.number(last["value"], lang, load_catalog().indicator("otrygghet_kvall").decimals)
    assert any(expected in h and "Fröslunda" in h for h in marker.hovertext)


def test_the_frame_runs_and_links_cards_to_focus_pages(home):
    from streamlit.testing.v1 import AppTest

    from .conftest import REPO
    at = AppTest.from_file(str(REPO / "app.py"), default_timeout=90).run()
    assert not at.exception
    links = [p.proto.page for p in at.get("page_link")]
    assert "skjutningar-grovt-vald" in links
    at.switch_page("app_pages/focus.py").run()   # the first focus area's page
    assert not at.exception
    assert at.title[0].value == "Stoppa skjutningar och grovt våld"
    assert len(at.get("plotly_chart")) == FOCUS_PAGES["skjutningar_grovt_vald"]


def test_english_changes_every_word_on_the_overview(home):
    sv = page_test("overview", "sv")
    en = page_test("overview", "en")
    assert en.title[0].value == i18n.t("app.title", "en")
    en_md = " ".join(m.value for m in en.markdown)
    assert "Ett tryggt" not in en_md and "A safe and socially" in en_md
    sv_cols = list(sv.dataframe[0].value.columns)
    en_cols = list(en.dataframe[0].value.columns)
    assert sv_cols != en_cols


def test_a_charts_table_alternative_is_built_when_opened_and_shows_what_the_chart_draws(home):
    """Closed, the "show as table" expander holds nothing (a rerun of a page of 14 charts does not
    turn 14 tables into Arrow); opened, it holds the table of exactly what the chart draws."""
    from indicators.charts.text import figure_table

    closed = page_test("overview", "sv")
    assert [e.label for e in closed.expander].count("Visa som tabell") == 1
    assert not closed.expander[0].children
    opened = page_test("overview", "sv", state={"police_list_table": True})
    table = opened.expander[0].dataframe[0].value
    expected = figure_table(figures(opened)[0], "sv")
    assert table.equals(expected) and len(table)


@pytest.mark.parametrize("lang", LANGS)
def test_a_focus_page_builds_only_the_comparison_tab_that_is_open(home, lang):
    """Under each trend, the ranking tab is open and built; the heat table is built only when its
    tab is opened, and then the ranking is not (a rerun sends what a reader sees)."""
    ids = [i.id for i in load_catalog().indicators_in("skjutningar_grovt_vald")]
    first = page_test("focus", lang, focus="skjutningar_grovt_vald")
    keys = [e.proto.id.rsplit("-", 1)[1] for e in first.get("plotly_chart")]
    assert not [k for k in keys if k.startswith("heat_")]
    assert "ranking_skjutningar" in keys
    opened = page_test("focus", lang, focus="skjutningar_grovt_vald", state=heat_open(*ids, lang=lang))
    keys = [e.proto.id.rsplit("-", 1)[1] for e in opened.get("plotly_chart")]
    assert not [k for k in keys if k.startswith("ranking_")]
    assert "heat_skjutningar" in keys
    assert chart_of(opened, "heat_skjutningar").data[0].type == "heatmap"


@pytest.mark.parametrize("indicator_id", ["folkmangd", "omraden_polisens_lista"])
def test_a_real_series_is_not_drawn_under_the_demo_mark_because_of_a_demo_event(home, indicator_id):
    """The shipped store's demo event ("Trygg sommar (fiktiv)") concerns every indicator; on a chart
    of real values it is left out, and the chart carries no demo mark (demo and real never mix)."""
    at = page_test("indicator", "sv", {"id": indicator_id})
    assert not at.exception
    trend = chart_of(at, "indicator_trend")
    texts = " ".join(texts_of(trend)) + " ".join(a.text or "" for a in trend.layout.annotations)
    assert "EXEMPELDATA" not in texts.upper() and "fiktiv" not in texts
    assert not [t for t in trend.data if t.meta and "event" in str(t.meta)]
    demo = page_test("indicator", "sv", {"id": "skjutningar"})      # demo values: marked as before
    assert "EXEMPELDATA" in " ".join(a.text or "" for a in chart_of(demo, "indicator_trend").layout.annotations).upper()


def test_a_trend_without_values_for_the_chosen_area_says_so(home):
    """An indicator kept for the whole municipality only has no values for Fröslunda: the chart
    would show only measure bands and 'Kan inte bedömas'; the page says there are no values."""
    area = page_test("focus", "sv", {"area": "froslunda"}, focus="skjutningar_grovt_vald")
    said = [i.value for i in area.info if i.value == "Inga värden för Fröslunda i valt urval."]
    whole = page_test("focus", "sv", focus="skjutningar_grovt_vald")
    assert said and not [i for i in whole.info if i.value.startswith("Inga värden för")]
