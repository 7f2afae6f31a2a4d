"""Uploaded bytes -> problems | staged rows, vectorised in DuckDB (DATA.md section 2).

    validation = validate(con, data, "skjutningar.csv", catalog)
    if validation.ok: rows are in the TEMP table `staged` of `con`
    else: validation.problems, each with line, column, message key and detail

A file is accepted whole or not at all: `staged` exists only when there is no problem. Distinct
indicator, area and period texts are mapped once in Python; values are parsed and every rule is
checked in SQL, so a million-row export costs about what DuckDB needs to read it.
"""
from __future__ import annotations

import difflib
import hashlib
from dataclasses import dataclass, field
from functools import lru_cache

import duckdb

from . import config, decoding, headers, periods, tabular
from .catalog import Catalog, area_key
from .i18n import number, t
from .numbers import cleaned_sql, missing_sql, number_sql

MAX_PROBLEMS = 1000  # more are counted, not listed: a broken million-row file needs no million lines
NONNEGATIVE = ("count", "rate", "amount")
_MAPS = ("_ingest_ind", "_ingest_area", "_ingest_period", "_ingest_typed", "_ingest_problems")


@dataclass(frozen=True)
class Problem:
    line: int | None      # physical line in the file (header = 1); Excel row number for .xlsx
    column: str | None    # the column's header as written in the file (period header in wide format)
    key: str              # i18n key, e.g. "ingest.unknown_area"
    detail: dict = field(default_factory=dict, hash=False)

    def message(self, lang: str | None = None) -> str:
        """The problem as one sentence in `lang`, starting with its line and column."""
        lang = lang or config.lang()
        text = t(self.key, lang, **_formatted(self.detail, lang))
        if self.line is not None and self.column:
            return t("ingest.at_line_column", lang, line=number(self.line, lang), column=self.column, text=text)
        if self.line is not None:
            return t("ingest.at_line", lang, line=number(self.line, lang), text=text)
        return text


@dataclass
class Validation:
    problems: list[Problem]
    row_count: int
    file_name: str
    sha256: str
    size: int

    @property
    def ok(self) -> bool:
        return not self.problems


def validate(con: duckdb.DuckDBPyConnection, data: bytes, file_name: str, catalog: Catalog,
             *, sheet: str | None = None) -> Validation:
    """Checks an uploaded file; when it is valid its rows are left in the TEMP table `staged`."""
    result = Validation([], 0, file_name, hashlib.sha256(data).hexdigest(), len(data))
    con.execute("DROP TABLE IF EXISTS staged")
    try:
        result.problems = _problems(con, data, catalog, sheet, result)
    finally:
        tabular.drop(con)
        for name in _MAPS:
            con.execute(f"DROP TABLE IF EXISTS {name}")
    return result


def _problems(con, data: bytes, catalog: Catalog, sheet: str | None, result: Validation) -> list[Problem]:
    def one(key: str, **detail) -> list[Problem]:
        return [Problem(None, None, key, detail)]

    if len(data) > config.max_upload_bytes():
        return one("ingest.too_large", size=len(data), limit=config.max_upload_bytes())
    if _blank(data):
        return one("ingest.empty")
    kind = decoding.kind_of(data)
    try:
        if kind == "xls":
            return one("ingest.old_excel")
        if kind == "xlsx":
            loaded = tabular.load_xlsx(con, data, sheet, config.max_upload_rows())
        else:
            encoding = decoding.encoding_of(data)
            if encoding is None:
                return one("ingest.not_text")
            loaded = tabular.load_text(con, data, encoding, config.max_upload_rows())
    except tabular.ReadError as error:
        return one(error.key, **error.detail)
    result.row_count = loaded.rows
    layout = headers.layout_of(loaded.header)
    problems = [Problem(1, None if p.column is None else loaded.header[p.column].strip(), p.key, p.detail)
                for p in layout.problems]
    if loaded.rows == 0:
        return one("ingest.header_only") + problems
    if any(p.key == "ingest.missing_columns" for p in problems):
        return problems
    checker = _Checker(con, catalog, layout, loaded)
    problems += checker.row_problems()
    problems.sort(key=lambda p: (p.line or 0, checker.position(p.column)))
    if len(problems) > MAX_PROBLEMS:
        problems = problems[:MAX_PROBLEMS] + one("ingest.more_problems", count=len(problems) - MAX_PROBLEMS)
    elif checker.hidden:
        problems += one("ingest.more_problems", count=checker.hidden)
    if not problems:
        checker.stage()
    return problems


def _blank(data: bytes) -> bool:
    for bom in (decoding.UTF8_BOM, *decoding.UTF16_BOMS):
        if data.startswith(bom):
            body = data[len(bom):]
            if bom in decoding.UTF16_BOMS:
                body = body.replace(b"\x00", b"") if len(body) < 4096 else body
            return len(body) < 4096 and not body.strip()
    return len(data) < 4096 and not data.strip()


class _Checker:
    """The SQL that maps texts, parses numbers, finds problems and stages the rows of one file."""

    def __init__(self, con, catalog: Catalog, layout: headers.Layout, loaded: tabular.Loaded):
        self.con, self.catalog, self.layout, self.loaded = con, catalog, layout, loaded
        self.width = len(loaded.header)
        self.fix = decoding.fix_c1 if loaded.latin1 else (lambda s: s)
        self.hidden = 0
        self._positions = {h.strip(): i for i, h in reversed(list(enumerate(loaded.header)))}

    def position(self, column: str | None) -> int:
        return -1 if column is None else self._positions.get(column, self.width)

    def header(self, position: int | None) -> str | None:
        return None if position is None else self.loaded.header[position].strip()

    # -- the cells: one row per indicator x area x period, in long or wide format ------------------
    def _cell(self, name: str) -> str:
        position = self.layout.columns.get(name)
        return "NULL::VARCHAR" if position is None else f"c{position}"

    def cells_sql(self) -> str:
        c = self._cell
        common = (f"line, nfields, {c('indicator')} AS ind_t, {c('area')} AS area_t,"
                  f" {c('note')} AS note_t, {c('source')} AS source_t")
        if not self.layout.wide:
            vcol = self.layout.columns["value"]
            return (f"SELECT {common}, {c('period')} AS period_t, {vcol} AS vcol, {c('value')} AS value_t,"
                    f" {c('numerator')} AS num_t, {c('denominator')} AS den_t, {c('n')} AS n_t"
                    f" FROM {tabular.ROWS}")
        parts = []
        for position, _ in self.layout.periods:
            text = self.loaded.header[position].replace("'", "''")
            parts.append(
                f"SELECT {common}, '{text}' AS period_t, {position} AS vcol, c{position} AS value_t,"
                f" NULL::VARCHAR AS num_t, NULL::VARCHAR AS den_t, NULL::VARCHAR AS n_t"
                f" FROM {tabular.ROWS} WHERE nullif(trim(c{position}), '') IS NOT NULL")
        return " UNION ALL ".join(parts)

    # -- distinct texts -> ids, once each, in Python ---------------------------------------------
    def _distinct(self, name: str) -> list[str]:
        position = self.layout.columns.get(name)
        if position is None:
            return []
        rows = self.con.execute(f"SELECT DISTINCT c{position} FROM {tabular.ROWS}").fetchall()
        return [row[0] for row in rows if row[0] is not None]

    def _map_table(self, name: str, columns: str, rows: list[tuple]) -> None:
        types = [part.split()[1] for part in columns.split(", ")]
        names = [part.split()[0] for part in columns.split(", ")]
        select = ", ".join(f"unnest(?::{typ}[]) AS {col}" for col, typ in zip(names, types))
        params = [[row[i] for row in rows] for i in range(len(names))]
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", params)

    def _maps(self) -> None:
        ids = _indicator_keys(self.catalog)
        indicators = []
        for text in self._distinct("indicator"):
            indicator = self.catalog.indicator(ids.get(area_key(self.fix(text)), ""))
            if indicator:
                indicators.append((text, indicator.id, indicator.grain, indicator.measure))
        self._map_table("_ingest_ind", "t VARCHAR, id VARCHAR, grain VARCHAR, measure VARCHAR", indicators)
        areas = [(text, self.catalog.area_id_for(self.fix(text))) for text in self._distinct("area")]
        self._map_table("_ingest_area", "t VARCHAR, id VARCHAR", [a for a in areas if a[1]])
        texts = self._distinct("period") or [self.loaded.header[p] for p, _ in self.layout.periods]
        found = [(text, periods.parse(self.fix(text))) for text in texts]
        self._map_table("_ingest_period", "t VARCHAR, period VARCHAR, grain VARCHAR, start DATE",
                        [(text, p.text, p.grain, p.start) for text, p in found if p])

    # -- typed rows and problems, in SQL ------------------------------------------------------------
    def _typed(self) -> None:
        self._maps()
        cleaned = {name: cleaned_sql(f"{name}_t") for name in ("value", "num", "den", "n")}
        parsed = ", ".join(
            f"{missing_sql(f'{name}_c')} AS {name}_missing, {number_sql(f'{name}_c')} AS {name}_x"
            for name in cleaned)
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ingest_typed AS
            SELECT *, {parsed} FROM (
                SELECT c.*, {", ".join(f"{expr} AS {name}_c" for name, expr in cleaned.items())},
                       i.id AS indicator_id, i.grain AS ind_grain, i.measure,
                       a.id AS area_id, p.period, p.grain, p.start AS period_start
                FROM ({self.cells_sql()}) c
                LEFT JOIN _ingest_ind i ON c.ind_t = i.t
                LEFT JOIN _ingest_area a ON c.area_t = a.t
                LEFT JOIN _ingest_period p ON c.period_t = p.t
                WHERE c.nfields = {self.width})""")

    def _problem_sql(self) -> str:
        cols = self.layout.columns
        ind, area = cols["indicator"], cols["area"]
        period = cols.get("period", "vcol")
        empty = "nullif(trim({}), '') IS NULL"
        rules = [
            f"SELECT line, NULL::INTEGER, 'ingest.field_count', NULL, NULL, nfields FROM {tabular.ROWS}"
            f" WHERE nfields <> {self.width}",
            f"SELECT line, {ind}, 'ingest.required_value', NULL, NULL, NULL FROM T WHERE {empty.format('ind_t')}",
            f"SELECT line, {ind}, 'ingest.unknown_indicator', ind_t, NULL, NULL FROM T"
            f" WHERE indicator_id IS NULL AND NOT {empty.format('ind_t')}",
            f"SELECT line, {area}, 'ingest.required_value', NULL, NULL, NULL FROM T WHERE {empty.format('area_t')}",
            f"SELECT line, {area}, 'ingest.unknown_area', area_t, NULL, NULL FROM T"
            f" WHERE area_id IS NULL AND NOT {empty.format('area_t')}",
            f"SELECT line, {period}, 'ingest.required_value', NULL, NULL, NULL FROM T"
            f" WHERE {empty.format('period_t')}",
            f"SELECT line, {period}, 'ingest.bad_period', period_t, NULL, NULL FROM T"
            f" WHERE period IS NULL AND NOT {empty.format('period_t')}",
            f"SELECT line, {period}, 'ingest.wrong_grain', period_t, indicator_id, NULL FROM T"
            f" WHERE grain <> ind_grain",
        ]
        for name, column in (("value", "value"), ("num", "numerator"), ("den", "denominator"), ("n", "n")):
            where = "vcol" if name == "value" else cols.get(column)
            if where is None:
                continue
            rules += [
                f"SELECT line, {where}, 'ingest.not_a_number', {name}_t, NULL, NULL FROM T"
                f" WHERE NOT {name}_missing AND {name}_x IS NULL",
                f"SELECT line, {where}, 'ingest.negative', {name}_t, indicator_id, NULL FROM T"
                f" WHERE {name}_x < 0 AND {'measure IN (' + ', '.join(repr(m) for m in NONNEGATIVE) + ')' if name == 'value' else 'TRUE'}",
            ]
        rules.append(
            "SELECT line, vcol, 'ingest.share_range', value_t, indicator_id, NULL FROM T"
            " WHERE measure = 'share' AND (value_x < 0 OR value_x > 100)")
        rules.append(
            f"SELECT line, {period}, 'ingest.duplicate', NULL, NULL, first_line FROM ("
            "  SELECT line, vcol, min(line) OVER (PARTITION BY indicator_id, area_id, period) AS first_line"
            "  FROM T WHERE indicator_id IS NOT NULL AND area_id IS NOT NULL AND period IS NOT NULL"
            ") WHERE line > first_line")
        return " UNION ALL ".join(f"({rule})" for rule in rules)

    def row_problems(self) -> list[Problem]:
        self._typed()
        self.con.execute(f"""
            CREATE OR REPLACE TEMP TABLE _ingest_problems AS
            WITH T AS (SELECT * FROM _ingest_typed)
            SELECT DISTINCT * FROM ({self._problem_sql()}) AS p(line, col, key, txt, aux, num)""")
        total = self.con.execute("SELECT count(*) FROM _ingest_problems").fetchall()[0][0]
        rows = self.con.execute(
            "SELECT line, col, key, txt, aux, num FROM _ingest_problems"
            f" ORDER BY line, col NULLS FIRST, key LIMIT {MAX_PROBLEMS}").fetchall()
        self.hidden = total - len(rows)
        return [self._problem(*row) for row in rows]

    def _problem(self, line, col, key, txt, aux, num) -> Problem:
        txt = self.fix(txt) if txt is not None else None
        detail: dict = {}
        if key == "ingest.field_count":
            detail = {"found": num, "expected": self.width}
            if self.loaded.delimiter == "," and num > self.width:
                key = "ingest.field_count_comma"  # 12,5 split in two by a comma delimiter
        elif key in ("ingest.unknown_indicator", "ingest.unknown_area"):
            detail = {"value": txt, "suggestion": self._suggestion(key, txt)}
        elif key == "ingest.bad_period":
            detail = {"value": txt}
        elif key == "ingest.wrong_grain":
            grain = self.catalog.indicator(aux).grain
            detail = {"value": txt, "found": periods.parse(txt).grain, "grain": grain,
                      "example": periods.example(grain), "indicator": aux}
        elif key in ("ingest.not_a_number", "ingest.share_range"):
            detail = {"value": txt}
        elif key == "ingest.negative":
            detail = {"value": txt, "indicator": aux}
        elif key == "ingest.duplicate":
            detail = {"first_line": num}
        return Problem(line, self.header(col), key, detail)

    def _suggestion(self, key: str, text: str) -> str | None:
        if key == "ingest.unknown_area":
            choices = _area_choices(self.catalog)
        else:
            choices = {i.id: i.id for i in self.catalog.indicators}
            choices.update({area_key(i.name_sv): i.id for i in self.catalog.indicators})
            choices.update({area_key(i.name_en): i.id for i in self.catalog.indicators})
        close = difflib.get_close_matches(area_key(text), list(choices), n=1, cutoff=0.6)
        return choices[close[0]] if close else None

    # -- the accepted rows ------------------------------------------------------------------------
    def stage(self) -> None:
        def text(column: str) -> str:
            expr = f"nullif(trim({column}), '')"
            if self.loaded.latin1:
                for c1, char in decoding.C1_TO_CP1252.items():
                    expr = f"replace({expr}, '{chr(c1)}', '{char}')"
            return expr

        self.con.execute(f"""
            CREATE TEMP TABLE staged AS
            SELECT line::INTEGER AS line, indicator_id, area_id, period, grain, period_start,
                   value_x AS value, num_x AS numerator, den_x AS denominator, n_x AS n,
                   {text('note_t')} AS note, {text('source_t')} AS source
            FROM _ingest_typed""")


@lru_cache(maxsize=8)
def _indicator_keys(catalog: Catalog) -> dict[str, str]:
    """Matching key -> indicator id, for ids (any case) and names in both languages."""
    keys: dict[str, str] = {}
    for indicator in catalog.indicators:
        keys.setdefault(area_key(indicator.name_sv), indicator.id)
        keys.setdefault(area_key(indicator.name_en), indicator.id)
    for indicator in catalog.indicators:
        keys[area_key(indicator.id)] = indicator.id
    return keys


@lru_cache(maxsize=8)
def _area_choices(catalog: Catalog) -> dict[str, str]:
    """Matching key -> area name, for suggestions ("froslundaa" -> "Fröslunda")."""
    choices = {area_key(a.id): a.name for a in catalog.areas}
    choices.update({area_key(a.name): a.name for a in catalog.areas})
    return choices


def _formatted(detail: dict, lang: str) -> dict:
    """The detail as message placeholders: names and numbers in `lang`."""
    fmt = dict(detail)
    if "suggestion" in fmt:
        fmt["hint"] = t("ingest.did_you_mean", lang, suggestion=fmt["suggestion"]) if fmt["suggestion"] else ""
    for name in ("grain", "found"):
        if isinstance(fmt.get(name), str) and fmt[name] in periods.GRAINS:
            fmt[f"{name}_name"] = t(f"ingest.grain_{fmt[name]}", lang)
    if "missing" in fmt:
        fmt["missing"] = ", ".join(t(f"ingest.column_{name}", lang) for name in fmt["missing"])
        fmt["required"] = ", ".join(t(f"ingest.column_{name}", lang) for name in headers.REQUIRED)
    for name in ("size", "limit") if "size" in fmt else ():
        fmt[name] = number(fmt[name] / 1024 / 1024, lang, 1)
    for name in ("rows", "limit", "count", "first_line", "found", "expected"):
        if isinstance(fmt.get(name), int) and not isinstance(fmt.get(name), bool):
            fmt[name] = number(fmt[name], lang)
    return fmt
