"""The analyst's choices travel with the file: stored as chosen, archived, and replayed by rebuild."""
import duckdb

from indicators import store
from indicators.ingest import Options
from tests.unit import excel_exports as export
from tests.unit.ingest_helpers import HEADER_SV


def _current(home, indicator_id):
    with store.connect(home) as con:
        return con.execute("SELECT area_id, period, value FROM observations WHERE indicator_id = ? AND NOT is_demo"
                           " ORDER BY area_id, period", [indicator_id]).fetchall()


def test_ingest_stores_the_named_sheet_not_the_first(home):
    data = export.workbook({"Omslag": [HEADER_SV, ["otrygghet_kvall", "arby", 2024, 99]],
                            "Värden": [HEADER_SV, ["otrygghet_kvall", "arby", 2024, 21]]})
    outcome = store.ingest(data, "bok.xlsx", by="test", home=home, options=Options(sheet="Värden"))
    assert outcome.ok
    assert _current(home, "otrygghet_kvall") == [("arby", "2024", 21.0)]


def test_a_statistical_database_export_is_rebuilt_with_the_choices_it_was_loaded_with(home):
    data = export.semicolon_cp1252([["Folkmängd efter område"], [], ["Område", "2023", "2024"], ["Årby", "31", "29"]])
    options = Options(indicator="otrygghet_kvall")
    assert not store.ingest(data, "export.csv", by="test", home=home).ok
    outcome = store.ingest(data, "export.csv", by="test", home=home, options=options)
    assert outcome.ok, [p.message("en") for p in outcome.validation.problems]
    before = _current(home, "otrygghet_kvall")
    assert before == [("arby", "2023", 31.0), ("arby", "2024", 29.0)]
    assert store.rebuild(home) == []
    assert _current(home, "otrygghet_kvall") == before


def test_an_upload_that_only_changes_comments_says_so(home):
    first = export.semicolon_utf8_bom([HEADER_SV + ["kommentar"], ["otrygghet_kvall", "arby", "2024", "21", ""]])
    second = export.semicolon_utf8_bom([HEADER_SV + ["kommentar"], ["otrygghet_kvall", "arby", "2024", "21", "Ny metod"]])
    assert store.ingest(first, "a.csv", by="test", home=home).ok
    outcome = store.ingest(second, "b.csv", by="test", home=home)
    assert (outcome.new, outcome.revised, outcome.annotated) == (0, 0, 1)


def test_a_store_written_before_symbols_gets_the_column_on_its_next_write(home):
    with duckdb.connect(str(store.db_path(home))) as con:
        con.execute("DROP VIEW observations")
        con.execute("ALTER TABLE revisions DROP COLUMN symbol")
        con.execute("UPDATE meta SET value = '2' WHERE key = 'schema_version'")
    data = export.semicolon_utf8_bom([HEADER_SV, ["skjutningar", "arby", "2024-01", "×"]])
    assert store.ingest(data, "c.csv", by="test", home=home).ok
    with store.connect(home) as con:
        assert con.execute("SELECT value, symbol FROM observations WHERE indicator_id = 'skjutningar'"
                           " AND area_id = 'arby' AND period = '2024-01'").fetchall() == [(None, "×")]
