"""The schema: grain and first day computed from the period text, and stores of an older version."""
from __future__ import annotations

import duckdb
import pytest

from indicators import periods, store
from indicators.store import schema
from indicators.store.atomic import working_copy

FORMS = ["2024", "1999", "2024-H1", "2024-H2", "2024-Q1", "2024-Q2", "2024-Q3", "2024-Q4",
         "2024-01", "2024-05", "2024-10", "2024-12"]


@pytest.mark.parametrize("text", FORMS)
def test_the_view_computes_grain_and_first_day_as_periods_does(text):
    found = duckdb.connect().execute(
        f"SELECT {schema.grain_sql('p')}, {schema.start_sql('p')} FROM (SELECT ? AS p)", [text]).fetchall()
    period = periods.parse(text)
    assert found == [(period.grain, period.start)]


def test_a_store_of_schema_1_is_upgraded_by_the_next_write_and_keeps_every_value(home):
    with working_copy(home) as con:  # make it a version 1 store: the two columns it used to keep
        con.execute("DROP VIEW observations")
        con.execute("ALTER TABLE revisions ADD COLUMN grain VARCHAR")
        con.execute("ALTER TABLE revisions ADD COLUMN period_start DATE")
        con.execute(f"UPDATE revisions SET grain = {schema.grain_sql('period')},"
                    f" period_start = {schema.start_sql('period')}")
        con.execute("CREATE VIEW observations AS SELECT * FROM revisions")
        con.execute("UPDATE meta SET value = '1' WHERE key = 'schema_version'")
        before = con.execute("SELECT count(*) FROM revisions").fetchall()[0][0]
    outcome = store.ingest("indikator;område;period;värde\r\nskjutningar;Fröslunda;2024-05;3\r\n".encode("cp1252"),
                           "a.csv", by="anna", home=home)
    assert outcome.ok
    with store.connect(home) as con:
        columns = [row[0] for row in con.execute("DESCRIBE revisions").fetchall()]
        count = con.execute("SELECT count(*) FROM revisions").fetchall()[0][0]
        version = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()[0][0]
        row = con.execute("SELECT grain, period_start, value FROM observations WHERE indicator_id ="
                          " 'skjutningar' AND area_id = 'froslunda' AND period = '2024-05'").fetchall()
    assert "grain" not in columns and "period_start" not in columns
    assert count == before + 1 and version == schema.SCHEMA_VERSION
    assert row == [("month", periods.parse("2024-05").start, 3.0)]
