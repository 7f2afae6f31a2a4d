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
