"""Text alternatives are read from the drawn figure: every point, values as shown, both languages."""
import plotly.graph_objects as go
import pytest

from indicators.charts.text import alt_text, figure_table, plain


def trend() -> go.Figure:
    fig = go.Figure()
    fig.add_trace(go.Scatter(name="Fröslunda", x=["2023-12-31", "2024-12-31"], y=[12.0, None],
                             hovertext=["2023: 12", "2024: <5"]))
    fig.add_trace(go.Scatter(name="Bana mot målet", x=["2023-12-31", "2027-12-31"], y=[12.0, 6.0]))
    fig.update_layout(title_text="<b>Skjutningar</b><br>rullande år")
    return fig


def test_every_point_becomes_a_row_with_the_value_as_the_chart_shows_it():
    table = figure_table(trend(), "sv")
    assert list(table.columns) == ["Serie", "Kategori eller tid", "Värde som visas"]
    assert table.values.tolist() == [
        ["Fröslunda", "2023-12-31", "2023: 12"],
        ["Fröslunda", "2024-12-31", "2024: <5"],     # hidden stays hidden
        ["Bana mot målet", "2023-12-31", "12,0"],     # no hover text: the number, Swedish format
        ["Bana mot målet", "2027-12-31", "6,0"]]


def test_horizontal_bars_list_categories_from_the_y_axis():
    fig = go.Figure(go.Bar(name="Antal", orientation="h", y=["Årby", "Nyfors"], x=[3.0, 1234.5]))
    assert figure_table(fig, "en").values.tolist() == [["Antal", "Årby", "3.0"],
                                                       ["Antal", "Nyfors", "1,234.5"]]


def test_a_heat_table_gives_one_row_per_cell_with_its_text():
    fig = go.Figure(go.Heatmap(x=["2024", "2025"], y=["Årby"], z=[[1, 7]], text=[["<5", "7"]]))
    assert figure_table(fig, "sv").values.tolist() == [["Årby", "2024", "<5"], ["Årby", "2025", "7"]]


@pytest.mark.parametrize("lang, expected", [
    ("sv", "Diagram: Skjutningar rullande år. Innehåller: Fröslunda, Bana mot målet. Alla värden"),
    ("en", "Chart: Skjutningar rullande år. Contains: Fröslunda, Bana mot målet. Every value"),
])
def test_the_alt_text_names_the_chart_its_series_and_where_the_values_are(lang, expected):
    assert alt_text(trend(), lang).startswith(expected)


def test_plain_strips_plotly_markup():
    assert plain("<b>A</b><br>  b ") == "A b"


def ranking() -> go.Figure:
    from indicators.charts import area_ranking
    return area_ranking("Skjutningar – Områdena 2024", ["Fröslunda", "Nyfors", "Årby"],
                        [12.0, 3.0, None], ["12", "3", "<5"], ["", "", ""], "sv",
                        x_title="antal", reference=(6.0, "Eskilstuna kommun: 6"), demo_mark="EXEMPEL")


def test_a_ranking_is_described_by_its_highest_and_lowest_bar_and_the_bars_it_hides():
    text = alt_text(ranking(), "sv")
    assert "Högst: Fröslunda (12). Lägst: Nyfors (3)" in text
    assert "Utan stapel (dolt eller saknas): Årby (<5)" in text
    assert "Linje: Eskilstuna kommun: 6" in text
    assert text.startswith("EXEMPEL. Stapeldiagram: Skjutningar – Områdena 2024")
    assert "Innehåller" not in text     # a one-series bar chart's series name says nothing


def test_a_heat_table_is_described_by_its_extremes_and_its_latest_period():
    from indicators.charts import heat_table
    fig = heat_table("Skjutningar – Område × period", ["Kommunen", "Årby", "Nyfors"], ["2023", "2024"],
                     [[10.0, 8.0], [None, 2.0], [1.0, 2.0]], [["10", "8"], ["<5", "2"], ["1", "2"]],
                     "en", colour_title="antal")
    text = alt_text(fig, "en")
    assert "3 rows, periods 2023–2024" in text
    assert "Highest: Kommunen 2023 (10). Lowest: Nyfors 2023 (1)" in text
    assert "Latest period, 2024: highest Kommunen (8), lowest Årby (2) and 1 more" in text


def profile_figure():
    from indicators.charts import ProfileRow, profile
    rows = [ProfileRow("Skjutningar", "✓ Målet nått", "#009E73", -1, 1, -0.5, 0.5, 0.4, ""),
            ProfileRow("Skadegörelse", "✗ Går åt fel håll", "#D55E00", -1, 1, -0.5, 0.5, -0.7, ""),
            ProfileRow("Frånvaro", "? Kan inte bedömas", "#777777", -1, 1, -0.5, 0.5, None, "")]
    return profile("Fröslunda jämfört med kommunen", rows, "sv", area_name="Fröslunda",
                   municipality_name="Eskilstuna kommun", range_name="Områdenas spridning",
                   better="bättre", worse="sämre")


def test_the_area_profile_says_per_indicator_which_side_and_status_without_internal_names():
    text = alt_text(profile_figure(), "sv")
    assert ("Skjutningar: bättre, ✓ Målet nått; Skadegörelse: sämre, ✗ Går åt fel håll; "
            "Frånvaro: värde saknas eller visas inte, ? Kan inte bedömas") in text
    assert "q," not in text and "status" not in text
    series = set(figure_table(profile_figure(), "sv")["Serie"])
    assert "q" not in series and "status" not in series and "Status" in series


def test_a_trend_is_described_by_its_extremes_and_latest_value_as_the_hover_says():
    fig = go.Figure(go.Scatter(name="Uppmätt", mode="lines+markers", x=["2022", "2023", "2024"],
                               y=[20.0, 30.0, 25.0], hovertext=["2022: 20", "2023: 30", "2024: 25"]))
    text = alt_text(fig, "sv")
    assert "Högst: 2023: 30. Lägst: 2022: 20. Senaste värde: 2024: 25" in text
