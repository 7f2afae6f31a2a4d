"""The DuckDB schema of the store: tables, the public `observations` view, and the catalog copy.

The public SQL surface (documented in docs/data.md) is the view `observations`, the table `uploads`
and the table `revisions` (every value ever loaded, the full history).

`revisions` keeps only what a file said: a period's grain and first day follow from its normalised
text (`2024`, `2024-H1`, `2024-Q2`, `2024-05`), so the view computes them for the rows it shows
instead of every ingest writing two more columns per row (a million-row file: ~0.06 s less).
"""
from __future__ import annotations

import duckdb

from indicators import periods
from indicators.catalog import Catalog

SCHEMA_VERSION = "4"  # 2: no grain/period_start; 3: revisions.symbol; 4: measures, events, assessments

TABLES = """
CREATE TABLE meta (key VARCHAR PRIMARY KEY, value VARCHAR);
CREATE TABLE uploads (
    upload_id     INTEGER PRIMARY KEY,
    file_name     VARCHAR NOT NULL,
    sha256        VARCHAR NOT NULL,
    row_count     INTEGER NOT NULL,
    loaded_at     TIMESTAMP NOT NULL,   -- UTC
    loaded_by     VARCHAR NOT NULL,
    status        VARCHAR NOT NULL,     -- 'active' | 'reverted'
    kind          VARCHAR NOT NULL,     -- 'upload' | 'demo' | 'reference'
    new_count     INTEGER NOT NULL,
    revised_count INTEGER NOT NULL,
    archive_path  VARCHAR NOT NULL,     -- relative to INDICATORS_HOME
    reverted_at   TIMESTAMP,
    reverted_by   VARCHAR
);
CREATE TABLE revisions (
    upload_id    INTEGER NOT NULL,
    line         INTEGER,
    indicator_id VARCHAR NOT NULL,
    area_id      VARCHAR NOT NULL,
    period       VARCHAR NOT NULL,       -- normalised; grain and first day: grain_sql, start_sql
    value        DOUBLE,
    numerator    DOUBLE,
    denominator  DOUBLE,
    n            DOUBLE,
    note         VARCHAR,
    source       VARCHAR,
    symbol       VARCHAR                 -- official-statistics symbol of the cell: '..' '.' '–' '×', else NULL
);
CREATE TABLE measure_rounds (               -- one row per measure x follow-up round, every upload kept
    upload_id     INTEGER NOT NULL,
    line          INTEGER,
    measure_id    VARCHAR NOT NULL,        -- the analyst's stable id (FA2-03)
    follow_up     VARCHAR NOT NULL,        -- the round: a normalised period (2025-T2) or a date
    focus_area_id VARCHAR NOT NULL,
    sub_goal_id   VARCHAR,
    title         VARCHAR NOT NULL,
    owner         VARCHAR NOT NULL,        -- kommun, polis, socialtjänst, skola ...
    unit          VARCHAR,                 -- the responsible unit, when given
    start         DATE NOT NULL,
    "end"         DATE,
    status        VARCHAR NOT NULL,        -- planned | ongoing | done | delayed | cancelled
    follow_up_end DATE NOT NULL,           -- the last day the round covers (orders the rounds)
    cost          DOUBLE,                  -- kronor, when reported
    indicator_ids VARCHAR[],
    area_ids      VARCHAR[],
    comment       VARCHAR
);
CREATE TABLE event_rows (                   -- what happened, drawn on the charts it concerns
    upload_id    INTEGER NOT NULL,
    line         INTEGER,
    event_date   DATE NOT NULL,
    period       VARCHAR,                  -- the period as written, when the file gave one
    title        VARCHAR NOT NULL,
    kind         VARCHAR NOT NULL,         -- intervention | method_change | series_break | list_change | other
    indicator_id VARCHAR,                  -- NULL: every indicator
    area_id      VARCHAR,                  -- NULL: every area
    comment      VARCHAR
);
CREATE TABLE assessment_rows (              -- the committee's assessment per indicator and round
    upload_id     INTEGER NOT NULL,
    line          INTEGER,
    indicator_id  VARCHAR NOT NULL,
    follow_up     VARCHAR NOT NULL,
    follow_up_end DATE NOT NULL,
    assessment    VARCHAR NOT NULL,        -- a sentence, shown beside the computed status
    judgement     VARCHAR,                 -- optional manual judgement: achieved | on_track | too_slow | moving_away | not_assessable
    decided_by    VARCHAR
);
CREATE TABLE focus_areas (id VARCHAR PRIMARY KEY, name_sv VARCHAR, name_en VARCHAR, ord INTEGER);
CREATE TABLE areas (id VARCHAR PRIMARY KEY, name VARCHAR, kind VARCHAR);
CREATE TABLE indicators (
    id VARCHAR PRIMARY KEY, focus_area VARCHAR, name_sv VARCHAR, name_en VARCHAR,
    unit_sv VARCHAR, unit_en VARCHAR, grain VARCHAR, polarity VARCHAR, aggregation VARCHAR,
    measure VARCHAR, sensitive BOOLEAN, baseline_period VARCHAR, target_kind VARCHAR,
    target_amount DOUBLE, target_year INTEGER, target_status VARCHAR, source VARCHAR
);
"""


grain_sql = periods.grain_sql   # the SQL twins live beside the grain table
start_sql = periods.start_sql


# Demo rows are dropped for any indicator that has a real (non-demo) value, before the latest
# value per indicator x area x period is chosen, so demo and real never mix in one series.
OBSERVATIONS_VIEW = f"""
CREATE VIEW observations AS
WITH live AS (
    SELECT r.*, u.kind = 'demo' AS is_demo, u.loaded_at
    FROM revisions r JOIN uploads u USING (upload_id)
    WHERE u.status = 'active'
      AND NOT (u.kind = 'demo'
               AND coalesce((SELECT value FROM meta WHERE key = 'demo_hidden'), 'false') = 'true')
),
real_indicators AS (
    SELECT DISTINCT indicator_id FROM live WHERE NOT is_demo AND value IS NOT NULL
),
shown AS (
    SELECT * FROM live
    WHERE NOT (is_demo AND indicator_id IN (SELECT indicator_id FROM real_indicators))
),
latest AS (
    SELECT * FROM shown
    QUALIFY row_number() OVER (PARTITION BY indicator_id, area_id, period ORDER BY upload_id DESC) = 1
)
SELECT indicator_id, area_id, period, {grain_sql("period")} AS grain,
       {start_sql("period")} AS period_start, value, numerator, denominator, n,
       note, source, symbol, is_demo, upload_id, loaded_at
FROM latest
"""


def _live(table: str) -> str:
    """SQL: the rows of `table` from active uploads, demo rows dropped when demo data is hidden or
    when any real row exists (demo and real measures never mix, as for values)."""
    return f"""
    WITH live AS (
        SELECT t.*, u.kind = 'demo' AS is_demo, u.loaded_at
        FROM {table} t JOIN uploads u USING (upload_id)
        WHERE u.status = 'active'
          AND NOT (u.kind = 'demo'
                   AND coalesce((SELECT value FROM meta WHERE key = 'demo_hidden'), 'false') = 'true')
    )
    SELECT * FROM live WHERE NOT (is_demo AND EXISTS (SELECT 1 FROM live WHERE NOT is_demo))"""


# Each round's current row (a later upload of the same measure x round is a revision), and each
# measure's latest round. Earlier revisions stay in measure_rounds with their upload.
FOLLOW_UP_VIEWS = f"""
CREATE VIEW measure_history AS
SELECT measure_id, follow_up, follow_up_end, focus_area_id, sub_goal_id, title, owner, unit, start, "end",
       status, cost, indicator_ids, area_ids, comment, is_demo, upload_id, loaded_at
FROM ({_live("measure_rounds")})
QUALIFY row_number() OVER (PARTITION BY measure_id, follow_up ORDER BY upload_id DESC) = 1;
CREATE VIEW measures AS
SELECT * FROM measure_history
QUALIFY row_number() OVER (PARTITION BY measure_id ORDER BY follow_up_end DESC, upload_id DESC) = 1;
CREATE VIEW events AS
SELECT event_date, period, title, kind, indicator_id, area_id, comment, is_demo, upload_id
FROM ({_live("event_rows")});
CREATE VIEW assessments AS
SELECT indicator_id, follow_up, follow_up_end, assessment, judgement, decided_by, is_demo, upload_id, loaded_at
FROM ({_live("assessment_rows")})
QUALIFY row_number() OVER (PARTITION BY indicator_id, follow_up ORDER BY upload_id DESC) = 1;
"""
FOLLOW_UP_TABLES = TABLES[TABLES.index("CREATE TABLE measure_rounds"):TABLES.index("CREATE TABLE focus_areas")]


def create(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """Creates every table and view in an empty database and copies the catalog into it."""
    con.execute(TABLES)
    con.execute(OBSERVATIONS_VIEW)
    con.execute(FOLLOW_UP_VIEWS)
    con.execute("INSERT INTO meta VALUES ('schema_version', ?), ('demo_hidden', 'false')",
                [SCHEMA_VERSION])
    copy_catalog(con, catalog)


def upgrade(con: duckdb.DuckDBPyConnection) -> None:
    """Brings a store written by an older version to this schema (a writer calls it on its copy).

    Version 1 stored each revision's grain and period_start; they are dropped and the view that
    now computes them is created again. Version 3 adds `symbol` (NULL for every older value);
    version 4 the measures and events tables and their views."""
    found = con.execute("SELECT value FROM meta WHERE key = 'schema_version'").fetchall()
    if found and found[0][0] == SCHEMA_VERSION:
        return
    columns = {row[0] for row in con.execute(
        "SELECT column_name FROM information_schema.columns WHERE table_name = 'revisions'"
        " AND table_catalog = current_database()").fetchall()}
    con.execute("DROP VIEW IF EXISTS observations")
    for column in ("grain", "period_start"):
        if column in columns:
            con.execute(f"ALTER TABLE revisions DROP COLUMN {column}")
    if "symbol" not in columns:
        con.execute("ALTER TABLE revisions ADD COLUMN symbol VARCHAR")
    con.execute(OBSERVATIONS_VIEW)
    tables = {row[0] for row in con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'"
        " AND table_catalog = current_database()").fetchall()}
    for statement in FOLLOW_UP_TABLES.split(";"):  # additive: a table that exists keeps its rows
        name = statement.split("CREATE TABLE", 1)[-1].split("(", 1)[0].strip()
        if statement.strip() and name not in tables:
            con.execute(statement)
    for view in ("measures", "measure_history", "events", "assessments"):
        con.execute(f"DROP VIEW IF EXISTS {view}")
    con.execute(FOLLOW_UP_VIEWS)
    con.execute("DELETE FROM meta WHERE key = 'schema_version'")
    con.execute("INSERT INTO meta VALUES ('schema_version', ?)", [SCHEMA_VERSION])


def copy_catalog(con: duckdb.DuckDBPyConnection, catalog: Catalog) -> None:
    """Writes the catalog into the tables focus_areas, areas and indicators (for SQL users)."""
    for table in ("focus_areas", "areas", "indicators"):
        con.execute(f"DELETE FROM {table}")
    fa = catalog.focus_areas
    con.execute(
        "INSERT INTO focus_areas SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]),"
        " unnest(?::VARCHAR[]), unnest(?::INTEGER[])",
        [[f.id for f in fa], [f.name_sv for f in fa], [f.name_en for f in fa], [f.order for f in fa]])
    areas = catalog.areas
    con.execute(
        "INSERT INTO areas SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[])",
        [[a.id for a in areas], [a.name for a in areas], [a.kind for a in areas]])
    con.executemany(
        "INSERT INTO indicators VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
        [[i.id, i.focus_area, i.name_sv, i.name_en, i.unit_sv, i.unit_en, i.grain, i.polarity,
          i.aggregation, i.measure, i.sensitive, i.baseline_period, i.target.kind,
          i.target.amount, i.target.year, i.target.status, i.source]
         for i in catalog.indicators])
