"""The checks of one file's rows, in DuckDB: texts -> ids, Swedish numbers, flags, staging.

Used by `ingest.validate` once the file is read into the view `_ingest_rows` (see tabular.py).
Distinct indicator, area and period texts are mapped once in Python and handed to DuckDB as list
parameters; every rule of DATA.md section 2 is a flag computed in SQL, so no Python runs per row.
"""
from __future__ import annotations


from indicators.ingest import decoding, headers, tabular
from indicators.catalog import Catalog
from indicators.ingest.numbers import cleaned_sql, missing_sql, symbol_sql, zero_sql
from indicators.ingest.options import NONE, Options
from indicators.ingest.flag_problems import FlagProblems, once_per_value
from indicators.ingest.text_maps import TextMaps
from indicators.ingest.problems import Problem

MAX_BITS = 1 << 27  # duplicate keys up to this many are found with a bitmap (16 MB), more by sorting
MAX_PROBLEMS = 1000  # more are counted, not listed: a broken million-row file needs no million lines
NONNEGATIVE = ("count", "rate", "amount")  # measures that cannot be negative; a share is 0-100
MAPS = ("_ingest_ind", "_ingest_area", "_ingest_period", "_ingest_typed", "_ingest_wide")
STAGED_OPTIONAL = ("numerator", "denominator", "n", "note", "source", "symbol")  # the contract's order
_TYPES = {"note": "VARCHAR", "source": "VARCHAR", "symbol": "VARCHAR"}
_THOUSANDS = r"^\s*[0-9]{1,3}([.,][0-9]{3})+\s*$"  # `1,234` or `1.234`: a count written English-style
# What the view `staged` reads: the typed rows (ids as integer codes) and code -> id tables
STAGED_TABLES = ("_staged_rows", "_staged_ind", "_staged_area", "_staged_period")


def drop_staged(con) -> None:
    """Drops the view `staged` and the tables behind it (nothing when there is none)."""
    con.execute("DROP VIEW IF EXISTS staged")
    for name in STAGED_TABLES:
        con.execute(f"DROP TABLE IF EXISTS {name}")


class Checker(FlagProblems, TextMaps):
    """The SQL that maps texts, parses numbers, flags problems and stages the rows of one file.

    One pass writes `_ingest_typed`: line, indicator, area and period as integer codes, the numbers
    and texts, the problem flags packed into one INTEGER `bad` (2 bits a rule, 0 = fine) and a
    BIGINT key for duplicates. One aggregate counts problems; only flagged rows are fetched. A valid
    file's table becomes the rows behind the view `staged`, which turns the codes back into ids
    through tables of a few thousand rows: valid rows are written once, and as integers (writing a
    million ids as text costs more than joining them back wherever the rows are read).
    """

    def __init__(self, con, catalog: Catalog, layout: headers.Layout, loaded: tabular.Loaded,
                 options: Options = NONE, today=None):
        from datetime import date

        self.con, self.catalog, self.layout, self.loaded = con, catalog, layout, loaded
        self.options = options
        self.last_year = (today or date.today()).year + 1  # periods after next year are typos
        self.width = len(loaded.header)
        self.hidden = 0
        self.symbols: dict[tuple[str, str], int] = {}   # (symbol, as written) -> cells
        self.skipped_areas: dict[str, int] = {}  # area text -> rows skipped (only_known_areas)
        self.restore = decoding.restore if loaded.swapped else (lambda text: text)
        self.numbers = [name for name in headers.NUMBERS if name == "value" or name in layout.columns]
        self.optional = [name for name in STAGED_OPTIONAL if name in layout.columns] + ["symbol"]
        self._positions = {h.strip(): i for i, h in reversed(list(enumerate(loaded.header)))}

    def position(self, column: str | None) -> int:
        return -1 if column is None else self._positions.get(column, self.width)

    def header(self, position: int | None) -> str | None:
        return None if position is None else self.loaded.header[position].strip()

    # -- the cells: one row per indicator x area x period, in long or wide format ------------------
    def _cell(self, name: str) -> str:
        position = self.layout.columns.get(name)
        if position is None and name in self.layout.constants:
            return _sql_string(self.layout.constants[name])
        return "NULL::VARCHAR" if position is None else f"c{position}"

    def cells_sql(self) -> str:
        c = self._cell
        common = (f"line, {c('indicator')} AS indicator_t, {c('area')} AS area_t, {c('note')} AS note_t,"
                  f" {c('source')} AS source_t, {c('numerator')} AS numerator_t,"
                  f" {c('denominator')} AS denominator_t, {c('n')} AS n_t")
        where = f"nfields = {self.width}"
        if not self.layout.wide:
            return (f"SELECT {common}, {c('period')} AS period_t, {self.layout.columns['value']} AS vcol,"
                    f" {c('value')} AS value_t FROM {tabular.ROWS} WHERE {where}")
        # one UNPIVOT instead of a SELECT per period column: a monthly wide file has hundreds
        self._map_table("_ingest_wide", {"cname": "VARCHAR", "pos": "INTEGER", "period": "VARCHAR"},
                        [(f"c{p}", p, period.text) for p, period in self.layout.periods])
        columns = ", ".join(f"c{p}" for p, _ in self.layout.periods)
        return (f"SELECT {common}, w.period AS period_t, w.pos AS vcol, u.value_t"
                f" FROM (UNPIVOT (SELECT * FROM {tabular.ROWS} WHERE {where}) ON {columns}"
                f" INTO NAME cname VALUE value_t) u JOIN _ingest_wide w ON w.cname = u.cname"
                f" WHERE nullif(trim(u.value_t), '') IS NOT NULL")

    # -- distinct texts -> ids and flags, once each, in Python --------------------------------------
    # -- typed rows and their flags, in SQL ----------------------------------------------------------
    def _typed_sql(self) -> str:
        """SELECT of the staged columns plus flags and the duplicate key (never materialised whole)."""
        areas = max(len(self.catalog.areas), 1)
        parsed, cast, flags = [], [], []
        zero_extra = self._missing_extra()[:1]  # a swapped en dash is the zero symbol too
        for name in self.numbers:
            text = f"{name}_t"
            # CASE, unlike coalesce, cleans only the texts the plain cast could not read
            fast = f"TRY_CAST(replace({text}, ',', '.') AS DOUBLE)"
            parsed.append(f"{fast} AS {name}_f")
            clean = cleaned_sql(text)
            cast.append(f"CASE WHEN {name}_f IS NOT NULL THEN {name}_f WHEN {zero_sql(clean, zero_extra)} THEN 0"
                        f" ELSE TRY_CAST({clean} AS DOUBLE) END AS {name}_x")
            sign = f"measure IN {NONNEGATIVE}" if name == "value" else "TRUE"
            flags.append(_flag_sql(name, text, sign, share=name == "value", extra=self._missing_extra()))
        cast.append(f"CASE WHEN value_f IS NULL THEN {symbol_sql(cleaned_sql('value_t'), zero_extra)} END AS symbol_x")
        period_bad = "(CASE WHEN period_bad = 0 AND ind_grain <> grain THEN 3 ELSE period_bad END)"
        late = "(CASE WHEN period_bad = 0 AND late THEN 1 ELSE 0 END)"
        whole = (f"(CASE WHEN measure = 'count' AND isfinite(value_x) AND value_x <> round(value_x) THEN"
                 f" (CASE WHEN regexp_matches(value_t, '{_THOUSANDS}') THEN 2 ELSE 1 END) ELSE 0 END)")
        packed = " + ".join(f"{flag} * {4 ** n}" for n, flag in enumerate(  # 2 bits a flag, see flag_names
            ["ind_bad", "area_bad", period_bad, late, whole] + flags))
        columns = {name: f"CASE WHEN isfinite({name}_x) THEN {name}_x END" for name in self.numbers}
        columns.update(note=self._text_sql("note_t"), source=self._text_sql("source_t"), symbol="symbol_x")
        optional = [f"{columns[name]} AS {name}" for name in self.optional]
        vcol = ", vcol::INTEGER AS vcol" if self.layout.wide else ""
        return f"""
            SELECT line::INTEGER AS line, i_code::INTEGER AS ind_code, a_code::INTEGER AS area_code,
                   p_code::INTEGER AS period_code,
                   {", ".join([f"{columns['value']} AS value"] + optional)},
                   ({packed})::INTEGER AS bad{vcol},
                   (i_code * {areas} + a_code) * {self.periods} + p_code AS dup
            FROM (SELECT *, {", ".join(cast)} FROM (
                SELECT c.line, c.vcol, c.value_t, c.numerator_t, c.denominator_t, c.n_t, c.note_t, c.source_t,
                       i.grain AS ind_grain, i.measure, i.code AS i_code, coalesce(i.bad, 1) AS ind_bad,
                       a.code AS a_code, coalesce(a.bad, 1) AS area_bad,
                       p.grain, p.code AS p_code, p.late,
                       coalesce(p.bad, 1) AS period_bad,
                       {", ".join(parsed)}
                FROM ({self.cells_sql()}) c
                LEFT JOIN _ingest_ind i ON c.indicator_t = i.t
                LEFT JOIN _ingest_area a ON c.area_t = a.t
                LEFT JOIN _ingest_period p ON c.period_t = p.t
                {"WHERE NOT coalesce(a.skip, false)" if self.options.only_known_areas else ""}))"""

    def _missing_extra(self) -> tuple[str, ...]:
        return tuple(decoding.swapped(c) for c in "\u2013\u2014") if self.loaded.swapped else ()

    def _text_sql(self, column: str) -> str:
        expr = f"nullif(trim({column}), '')"
        if self.loaded.swapped:
            for slot, char in decoding.SLOT_TO_CP1252.items():
                expr = f"replace({expr}, chr({slot}), '{char}')"
        return expr

    # -- problems from the flags ----------------------------------------------------------------------
    def flag_names(self) -> list[str]:
        """The flags packed 2 bits each into `bad`, lowest first (0 = fine)."""
        return ["ind_bad", "area_bad", "period_bad", "late_bad", "whole_bad"] + [
            f"{name}_bad" for name in self.numbers]

    def row_problems(self) -> list[Problem]:
        """Every row problem; one cheap aggregate over the typed rows when there is none."""
        self._maps()
        with _unordered(self.con):  # each row carries its line: DuckDB may write in parallel
            self.con.execute(f"CREATE OR REPLACE TEMP TABLE _ingest_typed AS {self._typed_sql()}")
        typed = "_ingest_typed"
        keys = len(self.catalog.indicators) * max(len(self.catalog.areas), 1) * self.periods
        if keys <= MAX_BITS:  # a key met twice sets one bit: 0.01 s for a million rows
            duplicates_sql = (f"SELECT count(dup) - coalesce(bit_count(bitstring_agg(dup, 0, {keys - 1})), 0)"
                              f" FROM {typed}")
        else:  # sorting the BIGINT key: cheaper than a hash of a million distinct keys (0.08 s)
            duplicates_sql = (f"SELECT count(*) FROM (SELECT dup, lag(dup) OVER (ORDER BY dup) AS before"
                              f" FROM {typed} WHERE dup IS NOT NULL) WHERE dup = before")
        self._notices(typed)
        bad_fields, flagged_count, duplicate_count = self.con.execute(f"""
            SELECT (SELECT count(*) FROM {tabular.ROWS} WHERE nfields <> {self.width}),
                   (SELECT count(*) FROM {typed} WHERE bad <> 0), ({duplicates_sql})
            """).fetchall()[0]
        if not (bad_fields or flagged_count or duplicate_count):
            return []
        shown = MAX_PROBLEMS
        vcol = "vcol" if self.layout.wide else f"{self.layout.columns['value']}::INTEGER"
        fields = self.con.execute(
            f"SELECT line, nfields FROM {tabular.ROWS} WHERE nfields <> {self.width}"
            f" ORDER BY line LIMIT {shown}").fetchall()
        flagged = self.con.execute(
            f"SELECT line, {vcol} AS position, bad, ind_code FROM {typed} WHERE bad <> 0"
            f" ORDER BY line, position LIMIT {shown}").fetchall()
        duplicates = self.con.execute(f"""
            WITH d AS (SELECT dup, min(line) AS first_line FROM {typed} WHERE dup IS NOT NULL
                       GROUP BY dup HAVING count(*) > 1)
            SELECT t.line, {vcol}, d.first_line FROM {typed} t JOIN d USING (dup)
            WHERE t.line > d.first_line ORDER BY t.line LIMIT {shown}""").fetchall() if duplicate_count else []
        self.hidden = max(0, bad_fields - len(fields)) + max(0, flagged_count - len(flagged))
        names = self.flag_names()
        texts = self._texts([row[0] for row in flagged])
        problems = [Problem(line, None, self._field_key(found), {"found": found, "expected": self.width})
                    for line, found in fields]
        for line, column, bad, ind_code in flagged:
            flags = {name: (bad >> 2 * n) & 3 for n, name in enumerate(names)}
            indicator_id = None if ind_code is None else self.catalog.indicators[ind_code].id
            problems += self._flag_problems(line, column, flags, indicator_id, texts[line])
        period_col = self.layout.columns.get("period")
        problems += [Problem(line, self.header(vcol if period_col is None else period_col), "ingest.duplicate",
                             {"first_line": first}) for line, vcol, first in duplicates]
        return once_per_value(problems)

    def _notices(self, typed: str) -> None:
        """What the preview tells besides problems: cells read as symbols, areas skipped."""
        self.symbols = {}   # (symbol, as written) -> cells: "XX" is said as "XX", stored as "×"
        found = self.con.execute(f"SELECT count(*) FROM {typed} WHERE symbol IS NOT NULL").fetchall()[0][0]
        # a second pass over the cells only then, reading each cell's symbol from its own text: a line
        # is no cell's key (a PC-Axis file writes a whole table's values on one line)
        skip = (" LEFT JOIN _ingest_area a ON c.area_t = a.t WHERE NOT coalesce(a.skip, false)"
                if self.options.only_known_areas else "")
        symbol = symbol_sql(cleaned_sql("c.value_t"), self._missing_extra()[:1])
        for symbol, written, count in self.con.execute(
                f"SELECT symbol, trim(value_t), count(*) FROM (SELECT c.value_t, {symbol} AS symbol"
                f" FROM ({self.cells_sql()}) c{skip}) WHERE symbol IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2"
                ).fetchall() if found else ():
            key = (symbol, self.restore(written))
            self.symbols[key] = self.symbols.get(key, 0) + count
        if self.options.only_known_areas:
            self.skipped_areas = {self.restore(text): count for text, count in self.con.execute(
                f"SELECT c.area_t, count(*) FROM ({self.cells_sql()}) c JOIN _ingest_area a ON c.area_t = a.t"
                f" WHERE a.skip GROUP BY 1 ORDER BY min(c.line)").fetchall()}

    # -- the accepted rows ------------------------------------------------------------------------
    def stage(self) -> None:
        """`_ingest_typed` becomes `_staged_rows`, read through the TEMP view `staged` (the contract's
        columns; ids from their codes, NULL for a column the file does not have)."""
        con = self.con
        drop_staged(con)
        con.execute("ALTER TABLE _ingest_typed RENAME TO _staged_rows")
        self._map_table("_staged_ind", {"code": "INTEGER", "id": "VARCHAR"},
                        list(enumerate(i.id for i in self.catalog.indicators)))
        self._map_table("_staged_area", {"code": "INTEGER", "id": "VARCHAR"},
                        list(enumerate(a.id for a in self.catalog.areas)))
        con.execute("CREATE TEMP TABLE _staged_period AS SELECT DISTINCT code::INTEGER AS code, period, grain,"
                    " start FROM _ingest_period WHERE code IS NOT NULL")
        optional = [name if name in self.optional else f"NULL::{_TYPES.get(name, 'DOUBLE')} AS {name}"
                    for name in STAGED_OPTIONAL]
        con.execute(f"""
            CREATE TEMP VIEW staged AS
            SELECT r.line, i.id AS indicator_id, a.id AS area_id, p.period, p.grain, p.start AS period_start,
                   r.value, {", ".join(optional)}
            FROM _staged_rows r JOIN _staged_ind i ON i.code = r.ind_code
            JOIN _staged_area a ON a.code = r.area_code JOIN _staged_period p ON p.code = r.period_code""")


class _unordered:
    """`SET preserve_insertion_order = false` for a block, then the connection's own setting again."""

    def __init__(self, con):
        self.con = con

    def __enter__(self):
        self.keep = self.con.execute("SELECT current_setting('preserve_insertion_order')").fetchall()[0][0]
        self.con.execute("SET preserve_insertion_order = false")

    def __exit__(self, *exc):
        self.con.execute(f"SET preserve_insertion_order = {'true' if self.keep else 'false'}")


def _sql_string(text: str) -> str:
    return "'" + str(text).replace("'", "''") + "'"


def _flag_sql(name: str, text: str, sign: str, share: bool, extra: tuple[str, ...]) -> str:
    """SQL: 0 fine or missing, 1 not a number, 2 negative where it cannot be, 3 share outside 0-100."""
    x = f"{name}_x"
    negative = f"WHEN {x} < 0 AND {sign} THEN 2 "
    if share:  # the value of a share: 0-100, so a negative share is out of range rather than negative
        negative = f"WHEN measure = 'share' AND ({x} < 0 OR {x} > 100) THEN 3 " + negative
    return (f"(CASE WHEN {x} IS NOT NULL THEN (CASE WHEN NOT isfinite({x}) THEN 1 {negative}ELSE 0 END)"
            f" WHEN {missing_sql(cleaned_sql(text), extra)} THEN 0 ELSE 1 END)")


