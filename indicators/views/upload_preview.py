"""What an upload would do, before anything is saved: summary, revisions, problems as a table,
how the file is read.

    con = store.connect(home)                       # read-only; temp tables are allowed
    result = preview(con, data, "skjutningar.csv", catalog, options=options)
    result.ok -> result.summary (rows, indicators, areas, periods, new, revised, annotated, revisions)
    else      -> problem_table(result.validation.problems, lang) / problems_csv(...)
    mapping_lines(result.validation, catalog, lang) / notice_lines(result.validation, lang)

A file without the standard columns (DATA.md §5) is read with `ingest.Options`; which choices the
page offers for it and what the file itself suggests are in views/export_choices.py.

The counts come from the same SQL the save uses (`store.history.staged_changes`), so the preview says what
the save will do unless somebody else saves in between (then `changes_since` in views/history.py
tells the analyst what changed).
"""
from __future__ import annotations

from dataclasses import dataclass, replace

import pandas as pd

from indicators import exports, periods, store
from indicators.store import history
from indicators.catalog import Catalog
from indicators.i18n import number, t
from indicators.ingest import Options, Problem, Validation, drop_staged, validate
from indicators.ingest.options import NONE
from indicators.ingest.problems import column_label, unnamed_position
from indicators.views.export_choices import ROLES

MAX_REVISIONS_SHOWN = 500
MAX_NOTICES_SHOWN = 50


@dataclass(frozen=True)
class Revision:
    indicator_id: str
    area_id: str
    period: str
    old: float | None
    new: float | None


@dataclass(frozen=True)
class Summary:
    rows: int
    indicators: tuple[str, ...]       # ids, in catalog order
    areas: tuple[str, ...]            # ids, in catalog order
    periods: tuple[str, ...]          # normalised texts, oldest first
    new: int                          # values for a key that has no real value yet
    revised: int                      # values that change a current real value
    revisions: tuple[Revision, ...]   # old -> new, at most MAX_REVISIONS_SHOWN (in file order)
    values: int = 0                   # indicator x area x period values in the file
    annotated: int = 0                # values unchanged whose comment, source or symbol changes

    @property
    def unchanged(self) -> int:
        """Values equal to the current real value: saving them changes nothing visible."""
        return self.values - self.new - self.revised


@dataclass(frozen=True)
class Preview:
    file_name: str                    # without folders: what the history will show
    validation: Validation
    summary: Summary | None           # None when the file is rejected
    seen_upload_id: int               # the newest upload when the preview was made
    already_loaded: tuple[int, ...]   # active uploads with exactly the same bytes

    @property
    def ok(self) -> bool:
        return self.validation.ok and self.summary is not None


def preview(con, data: bytes, file_name: str, catalog: Catalog, *,
            sheet: str | None = None, options: Options = NONE) -> Preview:
    """Validates `data` on `con` (a store connection) with the analyst's `options` and describes
    what saving it would change.

    Writes nothing: the staged rows live in TEMP tables that are dropped before returning.
    """
    seen = history.newest_upload_id(con)
    validation = validate(con, data, file_name, catalog, sheet=sheet, options=options)
    name = store.display_name(file_name)
    same = history.active_uploads_of(con, validation.sha256)
    if not validation.ok:
        return Preview(name, validation, None, seen, same)
    try:
        if validation.content == "observations":
            summary = _summary(con, catalog, validation.row_count)
        else:  # a measures, events or assessments file: rows, new and revised rounds
            new, revised = history.follow_up_changes(con, validation.content)
            summary = Summary(rows=validation.row_count, indicators=(), areas=(), periods=(), new=new,
                              revised=revised, revisions=(), values=new + revised)
    finally:
        drop_staged(con)
    return Preview(name, validation, summary, seen, same)


def _summary(con, catalog: Catalog, rows: int) -> Summary:
    found = history.staged_contents(con)
    indicator_order = {i.id: n for n, i in enumerate(catalog.indicators)}
    area_order = {a.id: n for n, a in enumerate(catalog.areas)}
    changes = history.staged_changes(con)
    revisions = tuple(Revision(*row) for row in history.revisions_of_staged(con, MAX_REVISIONS_SHOWN))
    return Summary(
        rows=rows,
        indicators=tuple(sorted(found.indicator_ids, key=lambda i: indicator_order.get(i, 1 << 30))),
        areas=tuple(sorted(found.area_ids, key=lambda a: area_order.get(a, 1 << 30))),
        periods=found.periods,
        new=changes.new, revised=changes.revised, revisions=revisions, values=found.values,
        annotated=changes.annotated)


def plain_number(x: float | None, lang: str) -> str:
    """A value exactly as uploaded, in the language's format: "12,5", "1 234", "–" for missing.

    Analysts check their own values here, so nothing is rounded to the indicator's decimals
    (up to 6 decimals, trailing zeros dropped)."""
    if x is None or x != x:
        return "–"
    decimals = len(f"{x:.6f}".rstrip("0").split(".")[1])
    return number(x, lang, decimals)


def period_span(texts: tuple[str, ...], lang: str) -> str:
    """"2024-Q1 – 2024-Q4 (4 perioder)" for many periods, "2024, 2025" for one or two."""
    if len(texts) <= 2:
        return ", ".join(texts)
    return t("upload.period_span", lang, first=texts[0], last=texts[-1], count=len(texts))


# --- problems as a table ---------------------------------------------------------------------

def closest_value(problem: Problem) -> str:
    """The closest valid value for a problem, when there is one ("" otherwise)."""
    detail = problem.detail or {}
    if detail.get("suggestion"):
        return str(detail["suggestion"])
    if problem.key == "ingest.wrong_grain":
        return _same_time_in(detail.get("value"), detail.get("grain")) or ""
    return ""


def _same_time_in(text, grain) -> str | None:
    """The period of `grain` that starts where `text` starts, when `text` is finer than `grain`
    ("2024-05" for a quarter indicator -> "2024-Q2"); None when that would be a guess."""
    found = periods.parse(text or "") if isinstance(text, str) else None
    if found is None or grain not in periods.GRAINS:
        return None
    order = {g: n for n, g in enumerate(periods.GRAINS)}   # year, half, quarter, month: coarse first
    if order[found.grain] <= order[grain]:
        return None
    per_year = periods.PARTS[grain]
    index = (found.start.month - 1) * per_year // 12 + 1
    return periods.Period(found.year, grain, index).text


def problem_columns(lang: str) -> list[str]:
    return [t(f"upload.problem_{name}", lang) for name in ("line", "column", "what", "closest")]


def problem_table(problems: list[Problem], lang: str) -> pd.DataFrame:
    """One row per problem: line, column, what is wrong, the closest valid value."""
    rows = [[p.line, _column_cell(p.column, lang), replace(p, line=None, column=None).message(lang),
             closest_value(p)] for p in problems]
    frame = pd.DataFrame(rows, columns=problem_columns(lang))
    frame[frame.columns[0]] = frame[frame.columns[0]].astype("Int64")
    return frame


def _column_cell(column: str | None, lang: str) -> str:
    """The header as written, or for a column without one its place ("kolumn 1 (utan rubrik)")."""
    return column_label(column, lang) if unnamed_position(column) is not None else column or ""


def problems_csv(problems: list[Problem], lang: str) -> bytes:
    """The problem table as a file Excel opens with Swedish settings: `;`, UTF-8 with BOM (the
    messages quote whatever the file held, which Windows-1252 cannot always encode)."""
    return exports.write("csv", problem_table(problems, lang))


def revision_table(revisions: tuple[Revision, ...], catalog: Catalog, lang: str) -> pd.DataFrame:
    """Old -> new for every revision, with names instead of ids."""
    def names(r: Revision) -> list:
        indicator = catalog.indicator(r.indicator_id)
        area = catalog.area(r.area_id)
        return [indicator.name(lang) if indicator else r.indicator_id,
                area.name if area else r.area_id, r.period, plain_number(r.old, lang),
                plain_number(r.new, lang)]
    columns = [t(f"upload.revision_{name}", lang)
               for name in ("indicator", "area", "period", "old", "new")]
    return pd.DataFrame([names(r) for r in revisions], columns=columns)


# --- how the file is read ---------------------------------------------------------------------

def mapping_lines(validation: Validation, catalog: Catalog, lang: str) -> list[str]:
    """How the file is read, one line per role: "Område: kolumnen ”region”", "Indikator: vald –
    Folkmängd 31 december (SCB)", "Period: kolumnerna ”2019”, ”2020” …" (plain text)."""
    lines = []
    for role in ROLES:
        text = validation.mapping.get(role)
        if not text:
            continue
        name = t(f"upload.role_{role}", lang)
        if text.startswith("= "):
            value = text[2:]
            if role == "indicator":
                found = catalog.indicator(value) or next(
                    (i for i in catalog.indicators if value in (i.name_sv, i.name_en)), None)
                value = f"{found.name(lang)} ({found.id})" if found else value
            lines.append(t("upload.mapping_chosen", lang, role=name, value=value))
        elif role == "period" and validation.layout_kind == "wide":
            columns = [c.strip() for c in text.split(",")]
            shown = ", ".join(f"”{c}”" for c in columns[:12]) + (" …" if len(columns) > 12 else "")
            lines.append(t("upload.mapping_columns", lang, role=name, columns=shown,
                           count=number(len(columns), lang)))
        elif unnamed_position(text) is not None:
            lines.append(f"{name}: {column_label(text, lang)}")
        else:
            lines.append(t("upload.mapping_column", lang, role=name, column=text))
    return lines


def notice_lines(validation: Validation, lang: str) -> list[str]:
    """Every notice (title and footnote lines skipped, columns ignored, symbols read, percent cells,
    areas skipped) as one plain-text line each; past MAX_NOTICES_SHOWN, a line that says how many
    more there are."""
    notices = validation.notices
    lines = [n.message(lang) for n in notices[:MAX_NOTICES_SHOWN]]
    if len(notices) > MAX_NOTICES_SHOWN:
        lines.append(t("upload.notices_more", lang, count=number(len(notices) - MAX_NOTICES_SHOWN, lang)))
    return lines
