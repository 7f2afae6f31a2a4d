"""The problems of a checked file, from the flags the SQL set (a mixin of checks.Checker).

Only flagged rows are fetched; each flag becomes one Problem with the file's line, the column as
written and the closest known value. An unknown area or indicator is named once per value.
"""
from __future__ import annotations

import difflib

from indicators import periods
from indicators.catalog import area_key
from indicators.ingest import tabular
from indicators.ingest.lookups import area_choices, indicator_suggestion
from indicators.ingest.problems import Problem


class FlagProblems:
    """Turns the packed flags of checks.Checker into problems (needs its con, catalog, layout,
    loaded, restore, numbers, width and last_year)."""

    def _texts(self, lines: list[int]) -> dict[int, tuple]:
        if not lines:
            return {}
        rows = self.con.execute(
            f"SELECT * FROM {tabular.ROWS} WHERE line IN (SELECT unnest(?::INTEGER[]))", [lines]).fetchall()
        return {row[0]: tuple(self.restore(cell) for cell in row[2:]) for row in rows}

    def _field_key(self, found: int) -> str:
        """A comma-separated row with too many fields most likely split a decimal comma."""
        if self.loaded.delimiter == "," and found > self.width:
            return "ingest.field_count_comma"
        return "ingest.field_count"

    def _flag_problems(self, line, vcol, bad: dict, indicator_id, cells: tuple) -> list[Problem]:
        cols = self.layout.columns
        if "period" in cols:
            period_col, period_text = cols["period"], cells[cols["period"]]
        elif "period" in self.layout.constants:
            period_col, period_text = None, self.layout.constants["period"]
        else:
            period_col, period_text = vcol, self.loaded.header[vcol]
        out = []

        def add(position, key, **detail):
            out.append(Problem(line, self.header(position), key, detail))

        for flag, name, unknown in (("ind_bad", "indicator", "ingest.unknown_indicator"),
                                    ("area_bad", "area", "ingest.unknown_area")):
            if bad[flag] == 1:
                add(cols[name], "ingest.required_value")
            elif bad[flag] == 2:
                text = cells[cols[name]]
                add(cols[name], unknown, value=text, suggestion=self._suggestion(unknown, text))
        if bad["period_bad"] == 1:
            add(period_col, "ingest.required_value")
        elif bad["period_bad"] == 2:
            reason = periods.not_a_period_because(period_text or "")
            add(period_col, f"ingest.{reason}" if reason else "ingest.bad_period", value=period_text)
        elif bad["period_bad"] == 3:
            grain = self.catalog.indicator(indicator_id).grain
            add(period_col, "ingest.wrong_grain", value=period_text, found=periods.parse(period_text).grain,
                grain=grain, example=periods.example(grain), indicator=indicator_id)
        if bad["late_bad"]:
            add(period_col, "ingest.late_period", value=period_text, last=self.last_year)
        if bad["whole_bad"]:
            text = cells[vcol] if vcol is not None else None
            if bad["whole_bad"] == 2:
                add(vcol, "ingest.count_thousands", value=text, suggestion=_thousands(text))
            else:
                add(vcol, "ingest.count_fraction", value=text, indicator=indicator_id)
        for name in self.numbers:
            position = vcol if name == "value" else cols[name]
            flag, text = bad[f"{name}_bad"], cells[position] if position is not None else None
            if flag == 1:
                add(position, "ingest.not_a_number", value=text)
            elif flag == 2:
                add(position, "ingest.negative", value=text, indicator=indicator_id)
            elif flag == 3:
                add(position, "ingest.share_range", value=text)
        return out

    def _suggestion(self, key: str, text: str) -> str | None:
        if key != "ingest.unknown_area":
            return indicator_suggestion(self.catalog, text)
        choices = area_choices(self.catalog)
        close = difflib.get_close_matches(area_key(text), list(choices), n=1, cutoff=0.6)
        return choices[close[0]] if close else None


_ONCE = ("ingest.unknown_area", "ingest.unknown_indicator")


def once_per_value(problems: list[Problem]) -> list[Problem]:
    """An unknown area or indicator is named once, at its first line, with how many more lines
    have it (a national file's 289 other kommuner are 289 problems, not one per cell)."""
    first: dict[tuple, int] = {}
    more: dict[tuple, int] = {}
    kept = []
    for problem in problems:
        if problem.key in _ONCE:
            key = (problem.key, problem.column, problem.detail.get("value"))
            if key in first:
                more[key] = more.get(key, 0) + 1
                continue
            first[key] = len(kept)
        kept.append(problem)
    for key, count in more.items():
        found = kept[first[key]]
        kept[first[key]] = Problem(found.line, found.column, found.key, {**found.detail, "more": count})
    return kept


def _thousands(text: str) -> str:
    """`1,234` read with the comma as a thousands separator, written the Swedish way: `1 234`."""
    digits = "".join(c for c in str(text) if c.isdigit())
    return f"{int(digits):,}".replace(",", "\u00a0")


