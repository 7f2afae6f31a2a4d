"""Texts -> ids for one file's rows: the map tables `_ingest_ind`, `_ingest_area` and
`_ingest_period` (text -> id, a dense code for the duplicate key, a bad flag), built from each
column's distinct texts in Python once and handed to DuckDB as list parameters (a mixin of
`checks.Checker`; needs its con, catalog, layout, options, restore and last_year).
"""
from __future__ import annotations

from indicators import periods
from indicators.catalog import area_key
from indicators.ingest import tabular
from indicators.ingest.lookups import exact_areas, indicator_keys


class TextMaps:
    """Builds the map tables of checks.Checker (sets its `periods`: how many distinct periods)."""

    def _distinct(self, name: str) -> list[str]:
        position = self.layout.columns.get(name)
        if position is None:
            return [self.layout.constants[name]] if name in self.layout.constants else []
        rows = self.con.execute(f"SELECT DISTINCT c{position} FROM {tabular.ROWS}").fetchall()
        return [row[0] for row in rows if row[0] is not None]

    def _lookup_texts(self, name: str) -> list[tuple[str, str]]:
        """(text as stored, text as written) for each distinct text of a column."""
        return [(text, self.restore(text)) for text in self._distinct(name)]

    def _map_table(self, name: str, columns: dict[str, str], rows: list[tuple]) -> None:
        select = ", ".join(f"unnest(?::{typ}[]) AS {col}" for col, typ in columns.items())
        params = [[row[i] for row in rows] for i in range(len(columns))]
        self.con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT {select}", params)

    def _maps(self) -> None:
        """Map tables `_ingest_ind/area/period`: text -> id, code (for the duplicate key), bad flag."""
        keys = indicator_keys(self.catalog)
        order = {i.id: n for n, i in enumerate(self.catalog.indicators)}
        rows = []
        for text, written in self._lookup_texts("indicator"):
            found = self.catalog.indicator(keys.get(area_key(written), ""))
            if found:
                rows.append((text, found.id, order[found.id], found.grain, found.measure, 0))
            else:
                rows.append((text, None, None, None, None, 1 if not text.strip() else 2))
        self._map_table("_ingest_ind", {"t": "VARCHAR", "id": "VARCHAR", "code": "BIGINT",
                                        "grain": "VARCHAR", "measure": "VARCHAR", "bad": "TINYINT"}, rows)
        order = {a.id: n for n, a in enumerate(self.catalog.areas)}
        rows = []
        exact = exact_areas(self.catalog)
        for text, written in self._lookup_texts("area"):
            found = exact.get(written) or self.catalog.area_id_for(written)
            bad = 0 if found else 1 if not text.strip() else 2
            skip = bad == 2 and self.options.only_known_areas
            rows.append((text, found, order.get(found), 0 if skip else bad, skip))
        self._map_table("_ingest_area", {"t": "VARCHAR", "id": "VARCHAR", "code": "BIGINT", "bad": "TINYINT",
                                         "skip": "BOOLEAN"}, rows)
        texts = self._lookup_texts("period") or [(period.text,) * 2 for _, period in self.layout.periods]
        rows, codes = [], {}  # code: a dense number per period (the duplicate key's last part)
        for text, written in texts:
            p = periods.parse(written)
            rows.append((text, p.text, p.grain, p.start, codes.setdefault(p.text, len(codes)), 0,
                         p.year > self.last_year) if p else
                        (text, None, None, None, None, 1 if not text.strip() else 2, False))
        self.periods = max(len(codes), 1)
        self._map_table("_ingest_period", {"t": "VARCHAR", "period": "VARCHAR", "grain": "VARCHAR",
                                           "start": "DATE", "code": "BIGINT", "bad": "TINYINT",
                                           "late": "BOOLEAN"}, rows)
