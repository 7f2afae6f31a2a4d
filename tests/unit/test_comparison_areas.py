"""Comparison areas (riket, län, polisregion): stored like any area, drawn as reference lines for
rates only, never ranked, never in the heat table, the status or secondary suppression."""
from __future__ import annotations

import pandas as pd
import pytest

from indicators import charts, store
from indicators.catalog import load_catalog
from indicators.method import disclosure
from indicators.store import queries
from indicators.views import area_profile
from indicators.views import focus as focus_view, heat as heat_view, trend as trend_view

CATALOG = load_catalog()
RATE = "vald_nara_relation"      # per 100 000 inv., yearly
COUNT = "skjutningar"             # antal, monthly

RIKET = {2019: 61.0, 2020: 64.5, 2021: 66.0, 2022: 70.25, 2023: 72.0, 2024: 69.5}
LAN = {2019: 55.0, 2020: 58.0, 2021: 57.5, 2022: 60.0, 2023: 61.0, 2024: 63.0}
ESKILSTUNA = {2019: 80.0, 2020: 84.0, 2021: 83.0, 2022: 88.0, 2023: 90.0, 2024: 86.0}


def _upload_csv() -> bytes:
    lines = ["indikator;område;period;värde"]
    for area, series in (("Eskilstuna", ESKILSTUNA), ("Hela riket", RIKET),
                         ("04 Södermanlands län", LAN)):
        lines += [f"{RATE};{area};{year};{str(v).replace('.', ',')}" for year, v in series.items()]
    lines += [f"{RATE};Fröslunda;{year};{v + 40:g}" for year, v in ESKILSTUNA.items()]
    lines += [f"{RATE};Nyfors;{year};{v - 20:g}" for year, v in ESKILSTUNA.items()]
    for month in range(1, 13):
        lines += [f"{COUNT};0484 Eskilstuna;2024-{month:02d};{month % 3}",
                  f"{COUNT};Riket;2024-{month:02d};{20 + month}",
                  f"{COUNT};Region Öst;2024-{month:02d};{5 + month}",
                  f"{COUNT};Fröslunda;2024-{month:02d};{month % 2}"]
    return ("\r\n".join(lines) + "\r\n").encode("utf-8")


@pytest.fixture
def frames(home):
    outcome = store.ingest(_upload_csv(), "jamforelse.csv", by="test", home=home)
    assert outcome.ok, [p.message() for p in outcome.validation.problems]
    con = store.connect(home)
    try:
        return {i: disclosure.protect(queries.indicator_frame(con, i), CATALOG) for i in (RATE, COUNT)}
    finally:
        con.close()


def _trend(frames, indicator_id, area_id="eskilstuna", lang="sv"):
    ind = CATALOG.indicator(indicator_id)
    data, _ = trend_view.trajectory_data(ind, frames[indicator_id], area_id, CATALOG.area(area_id).name,
                                         lang, None, catalog=CATALOG)
    return charts.trajectory(data, lang)


def _comparison_traces(fig):
    return {t.meta["area_id"]: t for t in fig.data if t.legendgroup == charts.COMPARISON_GROUP}


def test_comparison_rows_are_stored_under_their_catalog_ids(frames):
    assert {"riket", "sodermanland", "eskilstuna"} <= set(frames[RATE]["area_id"])
    assert "polisregion_ost" in set(frames[COUNT]["area_id"])


@pytest.mark.parametrize("area_id", ["eskilstuna", "froslunda"])
def test_the_trend_of_a_rate_has_a_reference_line_for_riket_and_the_county(frames, area_id):
    fig = _trend(frames, RATE, area_id)
    lines = _comparison_traces(fig)
    assert set(lines) == {"riket", "sodermanland"}
    assert list(lines["riket"].y) == pytest.approx(list(RIKET.values()))
    assert list(lines["sodermanland"].y) == pytest.approx(list(LAN.values()))
    observed = next(t for t in fig.data if t.mode == "lines+markers")
    assert list(lines["riket"].x) == list(observed.x)   # same time axis: period ends 2020-01-01 ...
    assert lines["riket"].name == "Riket (jämförelse)"
    assert lines["riket"].hovertext[3] == "Riket<br>2022: 70,2 per 100 000 inv."  # decimals = 1
    assert not [a for a in fig.layout.annotations if a.name == charts.NOTE_NAME]


def test_the_trend_of_a_count_has_no_comparison_line_and_says_why(frames):
    fig = _trend(frames, COUNT)
    assert _comparison_traces(fig) == {}
    notes = [a.text for a in fig.layout.annotations if a.name == charts.NOTE_NAME]
    assert len(notes) == 1 and "Riket" in notes[0] and "Polisregion Öst" in notes[0]
    assert "antal" in notes[0]
    english = _trend(frames, COUNT, lang="en")
    assert "counts" in next(a.text for a in english.layout.annotations if a.name == charts.NOTE_NAME)


def test_without_a_catalog_the_trend_draws_no_comparisons(frames):
    ind = CATALOG.indicator(RATE)
    data, _ = trend_view.trajectory_data(ind, frames[RATE], "eskilstuna", "Eskilstuna kommun", "sv")
    assert data.references == [] and data.note == ""


def test_the_status_rests_on_the_areas_own_values_only(frames):
    ind = CATALOG.indicator(RATE)
    with_comparisons = trend_view.assessment_for(ind, frames[RATE], "eskilstuna")
    alone = frames[RATE][~frames[RATE]["area_id"].isin(["riket", "sodermanland"])]
    assert with_comparisons == trend_view.assessment_for(ind, alone, "eskilstuna")
    assert with_comparisons.latest == ESKILSTUNA[2024]


@pytest.mark.parametrize("indicator_id", [RATE, COUNT])
def test_the_ranking_and_the_heat_table_hold_only_the_municipalitys_areas(frames, indicator_id):
    ind = CATALOG.indicator(indicator_id)
    comparison_names = {a.name for a in CATALOG.comparison_areas}
    rank = focus_view.ranking(ind, frames[indicator_id], CATALOG, "sv")
    assert rank.names and not comparison_names & set(rank.names)
    assert rank.reference[1].startswith("Eskilstuna kommun")
    heat = heat_view.heat(ind, frames[indicator_id], CATALOG, "sv")
    assert heat.rows[0] == "Eskilstuna kommun" and not comparison_names & set(heat.rows)
    bars = charts.area_ranking("t", rank.names, rank.values, rank.texts, rank.hovers, "sv", x_title="x")
    assert not comparison_names & set(bars.data[0].y)


def test_the_ranking_period_is_the_latest_of_the_municipalitys_areas_not_a_comparison_areas(frames):
    ind = CATALOG.indicator(RATE)
    extra = frames[RATE][frames[RATE]["area_id"] == "riket"].tail(1).assign(
        period="2025", period_start=pd.Timestamp("2025-01-01"), value=75.0)
    rank = focus_view.ranking(ind, pd.concat([frames[RATE], extra]), CATALOG, "sv")
    assert rank.period == "2024"


def test_the_area_profile_shows_comparison_areas_for_rates_and_not_for_counts(frames):
    rows, table = area_profile.rows(CATALOG, dict(frames), "froslunda", "sv")
    by_label = {r.label: r for r in rows}
    rate = by_label[CATALOG.indicator(RATE).name("sv")]
    count = by_label[CATALOG.indicator(COUNT).name("sv")]
    assert set(rate.comparisons) == {"Riket (jämförelse)", "Södermanlands län (jämförelse)"}
    assert count.comparisons == {}
    assert "Riket: 69,5" in rate.hover and "Riket" not in count.hover
    assert list(table["Riket (jämförelse)"]) == ["", "69,5"]   # skjutningar (a count), then the rate
    assert "Polisregion Öst (jämförelse)" not in table  # a count only: no column
    fig = charts.profile("t", rows, "sv", area_name="Fröslunda", municipality_name="Eskilstuna",
                         range_name="r", better="b", worse="w")
    marks = {t.name: t for t in fig.data if t.legendgroup == charts.COMPARISON_GROUP}
    assert set(marks) == {"Riket (jämförelse)", "Södermanlands län (jämförelse)"}
    riket = marks["Riket (jämförelse)"]
    i = list(riket.y).index(rate.label)
    # spread: Nyfors 66, Fröslunda 126, municipality 86; riket 69.5 is 16.5 below, lower is better
    assert riket.x[i] == pytest.approx(16.5 / 40)
    assert riket.x[list(riket.y).index(count.label)] is None


def test_a_comparison_mark_beyond_the_scale_sits_at_the_edge_as_an_arrow(frames):
    far = frames[RATE].copy()
    far.loc[far["area_id"] == "riket", "value"] = 10.0   # 76 below the municipality, spread ±40
    rows, _ = area_profile.rows(CATALOG, {RATE: far}, "froslunda", "sv")
    position, clipped = rows[0].comparisons["Riket (jämförelse)"]
    assert clipped and position == pytest.approx(area_profile.EDGE)
    fig = charts.profile("t", rows, "sv", area_name="F", municipality_name="E", range_name="r",
                         better="b", worse="w")
    riket = next(t for t in fig.data if t.name == "Riket (jämförelse)")
    assert list(riket.marker.symbol) == ["triangle-right-open"]


# --- secondary suppression ignores comparison areas ---------------------------------------------

SENSITIVE = "skjutvapenvald_offer"


def _frame(values: dict[str, float]) -> pd.DataFrame:
    return pd.DataFrame([{"indicator_id": SENSITIVE, "period": "2024-Q2", "area_id": a, "value": v}
                         for a, v in values.items()])


def _marks(result) -> dict[str, str | None]:
    return dict(zip(result["area_id"], result["suppressed"]))


def test_secondary_suppression_hides_the_next_smallest_own_area_never_a_comparison_area():
    values = {"eskilstuna": 40, "froslunda": 3, "skiftinge": 12, "arby": 9, "riket": 6,
              "sodermanland": 7, "polisregion_ost": 8}
    marks = _marks(disclosure.protect(_frame(values), CATALOG, min_count=5))
    assert marks["froslunda"] == disclosure.SMALL
    assert marks["arby"] == disclosure.SECONDARY     # the smallest shown own area, not riket (6)
    assert [marks[a] for a in ("riket", "sodermanland", "polisregion_ost", "skiftinge")] == [None] * 4


def test_a_hidden_comparison_value_does_not_set_off_secondary_suppression_among_own_areas():
    values = {"eskilstuna": 40, "froslunda": 9, "skiftinge": 12, "riket": 3}
    marks = _marks(disclosure.protect(_frame(values), CATALOG, min_count=5))
    assert marks["riket"] == disclosure.SMALL         # still a small count: hidden itself
    assert marks["froslunda"] is None and marks["skiftinge"] is None


def test_two_hidden_own_areas_need_no_secondary_suppression_whatever_the_comparison_areas_show():
    values = {"eskilstuna": 40, "froslunda": 2, "skiftinge": 4, "arby": 9, "riket": 1}
    marks = _marks(disclosure.protect(_frame(values), CATALOG, min_count=5))
    assert [marks[a] for a in ("froslunda", "skiftinge", "riket")] == [disclosure.SMALL] * 3
    assert marks["arby"] is None
