"""Pure view-model and chart pieces: downloads neutralise formulas, the demo mark sits inside the
figure, Swedish separators, the caption, unknown police lists never become zero."""
import io

import pandas as pd
from openpyxl import load_workbook

from indicators import charts
from indicators.exports import downloads
from indicators.views import overview, provenance
from indicators.catalog import reference
from indicators.catalog import load_catalog


def test_downloads_neutralise_cells_that_start_a_formula():
    frame = pd.DataFrame({"a": ["=1+1", "+SUM(A1)", "-2", "@x", "ok"], "v": [1.5, 2.0, None, 4.0, 5.0]})
    text = downloads.csv_bytes(frame, "sv").decode("utf-8-sig")
    assert "'=1+1" in text and "'+SUM(A1)" in text and "'-2" in text and "'@x" in text
    assert "1,5" in text and ";" in text
    book = load_workbook(io.BytesIO(downloads.xlsx_bytes(frame, demo_mark="EXEMPELDATA – fiktiva siffror")))
    cells = [c.value for row in book.active.iter_rows() for c in row]
    assert cells[0] == "EXEMPELDATA – fiktiva siffror"
    assert "'=1+1" in cells and 1.5 in cells
    assert not any(isinstance(c, str) and c.startswith("=") for c in cells)


def test_the_demo_mark_is_an_annotation_inside_the_figure():
    fig = charts.police_list("t", ["2023"], [3.0], ["3"], ["h"], [""], "sv", y_title="n",
                             demo_mark="EXEMPELDATA – fiktiva siffror")
    assert [a.text for a in fig.layout.annotations if a.name == charts.WATERMARK_NAME] == [
        "EXEMPELDATA – fiktiva siffror"]
    assert fig.layout.separators == ",\u00a0"


def test_caption_names_source_period_and_load_date():
    from datetime import datetime
    text = provenance.caption(["Polisen"], "2019", "2025", datetime(2026, 1, 2, 3, 4), "sv", demo=True)
    assert text == "Källa: Polisen · Period: 2019–2025 · Data per 2026-01-02 · EXEMPELDATA – fiktiva siffror"


def test_an_unknown_police_list_is_unknown_not_zero():
    view = overview.police_list_view(reference.police_lists(), load_catalog(), "sv")
    i = view.years.index("2017")
    assert view.counts[i] is None and view.texts[i] == "okänd"
    assert "härledd" in view.texts[view.years.index("2021")]


def test_latest_value_skips_missing_values():
    assert overview.latest_value([(1, 2.0), (2, float("nan")), (3, None)]) == (1, 2.0)


def test_a_source_given_on_one_row_is_named_for_the_periods_it_covers(home):
    """Issue 13, 12a: `källa` on the 2024 row only names 2024, not the whole 2019–2024 chart."""
    from indicators import store
    from indicators.store import queries
    lines = ["indikator;område;period;värde;källa"]
    lines += [f"otrygghet_kvall;Eskilstuna;{y};{20 + y - 2019};" for y in range(2019, 2024)]
    lines += ["otrygghet_kvall;Eskilstuna;2024;26;Trygghetsmätningen"]
    outcome = store.ingest(("\r\n".join(lines) + "\r\n").encode("utf-8"), "k.csv", by="t", home=home)
    assert outcome.ok
    con = store.connect(home)
    try:
        spans = queries.provenance(con, "otrygghet_kvall")["source_periods"]
    finally:
        con.close()
    assert provenance.sources_by_period(spans, "Kommunens enkät") == [
        "Kommunens enkät 2019–2023", "Trygghetsmätningen 2024"]


def test_one_source_over_every_period_is_named_without_periods():
    assert provenance.sources_by_period([(None, "2019", "2024")], "Polisen") == ["Polisen"]
    assert provenance.sources_by_period([("BRÅ", "2019", "2021"), ("BRÅ", "2023", "2024")], "x") == ["BRÅ"]
