"""A problem found in an uploaded file: where it is, what it is, and how to say it in sv or en."""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from indicators import periods
from indicators.ingest import headers
from indicators.i18n import number, t


MAX_SHOWN = 120  # characters of a cell quoted in a message: a 200 KB cell is named, not printed
_UNNAMED = re.compile(r"#([0-9]+)")   # how a column without a header is named inside: "#1"


def unnamed_column(position: int) -> str:
    """The name of a column without a header (`position` counts from 1): "#1". Said to a user as
    "kolumn 1 (utan rubrik)" by column_label."""
    return f"#{position}"


def unnamed_position(column: str | None) -> int | None:
    """The place (from 1) of a column without a header, named by unnamed_column; else None."""
    found = _UNNAMED.fullmatch(column or "")
    return int(found.group(1)) if found else None


def column_label(column: str | None, lang: str) -> str | None:
    """A column as the user sees it: the header as written, quoted ("”Kommun”"), or for a column
    without a header its place ("kolumn 1 (utan rubrik)" / "column 1 (no header)")."""
    if not column:
        return column
    position = unnamed_position(column)
    if position is not None:
        return t("ingest.unnamed_column", lang, position=position)
    shown = column if len(column) <= MAX_SHOWN else column[:MAX_SHOWN] + "…"
    return t("ingest.named_column", lang, column=shown)


@dataclass(frozen=True)
class Problem:
    line: int | None      # physical line in the file (header = 1); Excel row number for .xlsx
    column: str | None    # the column's header as written in the file (period header in wide format)
    key: str              # i18n key, e.g. "ingest.unknown_area"
    detail: dict = field(default_factory=dict, hash=False)

    def message(self, lang: str) -> str:
        """The problem as one sentence in `lang`, starting with its line and column."""
        text = t(self.key, lang, **_formatted(self.detail, lang))
        if self.detail.get("more"):
            text += t("ingest.more_lines", lang, count=number(self.detail["more"], lang))
        if self.line is not None and self.column:
            return t("ingest.at_line_column", lang, line=number(self.line, lang),
                     column=column_label(self.column, lang), text=text)
        if self.line is not None:
            return t("ingest.at_line", lang, line=number(self.line, lang), text=text)
        return text


def _formatted(detail: dict, lang: str) -> dict:
    """The detail as message placeholders: names and numbers in `lang`."""
    fmt = {k: (v[:MAX_SHOWN] + "…" if isinstance(v, str) and len(v) > MAX_SHOWN else v) for k, v in detail.items()}
    if "suggestion" in fmt:
        fmt["hint"] = t("ingest.did_you_mean", lang, suggestion=fmt["suggestion"]) if fmt["suggestion"] else ""
    for name in ("grain", "found"):
        if isinstance(fmt.get(name), str) and fmt[name] in periods.GRAINS:
            fmt[f"{name}_name"] = t(f"ingest.grain_{fmt[name]}", lang)
    if fmt.get("kind") in ("measures", "events", "assessments"):
        fmt["kind_name"] = t(f"ingest.kind_{fmt['kind']}", lang)
    if "symbol" in fmt:
        names = {"..": "dotdot", ".": "dot", "\u2013": "zero", "\u00d7": "withheld"}
        fmt["meaning"] = t(f"ingest.symbol_{names.get(fmt['symbol'], 'dotdot')}", lang)
    if "missing" in fmt:
        fmt["hint"] = (t("ingest.missing_indicator_hint", lang) if "indicator" in fmt["missing"] else
                       t("ingest.missing_period_hint", lang) if "period" in fmt["missing"] else "")
        fmt["missing"] = ", ".join(t(f"ingest.column_{name}", lang) for name in fmt["missing"])
        fmt["required"] = ", ".join(t(f"ingest.column_{name}", lang) for name in headers.REQUIRED)
    for name in ("size", "limit") if "size" in fmt else ():
        fmt[name] = number(fmt[name] / 1024 / 1024, lang, 1)
    for name in ("rows", "limit", "count", "first_line", "found", "expected", "line"):
        if isinstance(fmt.get(name), int) and not isinstance(fmt.get(name), bool):
            fmt[name] = number(fmt[name], lang)
    return fmt


class Notice(Problem):
    """Something the preview tells without rejecting the file: a title or footnote line skipped, a
    column ignored, cells read as symbols or as percent, areas skipped. Same shape as a Problem."""
