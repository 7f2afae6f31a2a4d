"""The committee's assessment of an indicator per follow-up round, shown beside the computed status
and never instead of it; and the small file the indicator page's form saves (an assessments CSV
that goes through store.ingest like any upload, so it is archived and can be undone).

Input is a frame of the view `assessments` (store.follow_up.assessments). The sentence is the
committee's own text: it comes out plain; a page that renders Markdown escapes it (web.plain).
"""
from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from datetime import date

import pandas as pd

from indicators import i18n
from indicators.catalog import Indicator
from indicators.method import status as statuses

HEADER = ("indikator", "uppföljning", "bedömning", "manuell_status", "av")
JUDGEMENTS = (statuses.ACHIEVED, statuses.ON_TRACK, statuses.TOO_SLOW, statuses.MOVING_AWAY,
              statuses.NOT_ASSESSABLE)   # what a committee may write beside the computed status


@dataclass(frozen=True)
class AssessmentView:
    round: str                 # "2025-T2"
    text: str                  # the committee's sentence, as written
    judgement: str             # "↘ I fas", or "" without a manual judgement
    by: str
    demo: bool


def _judgement(value, indicator: Indicator, lang: str) -> str:
    if not isinstance(value, str) or value not in statuses.STATUSES:
        return ""
    return statuses.badge(value, indicator.polarity, lang)


def latest(frame: pd.DataFrame, indicator: Indicator, lang: str) -> AssessmentView | None:
    """The newest round's assessment of `indicator`, or None."""
    rows = frame[frame["indicator_id"] == indicator.id] if len(frame) else frame
    if not len(rows):
        return None
    r = rows.sort_values("follow_up_end").iloc[-1]
    return AssessmentView(str(r["follow_up"]), str(r["assessment"]),
                          _judgement(r["judgement"], indicator, lang),
                          str(r["decided_by"]) if isinstance(r["decided_by"], str) else "",
                          bool(r["is_demo"]))


def table(frame: pd.DataFrame, indicator: Indicator, lang: str) -> pd.DataFrame:
    """Every round's assessment, newest first: round, sentence, manual status, by."""
    rows = frame[frame["indicator_id"] == indicator.id] if len(frame) else frame
    col = lambda k: i18n.t(f"assessment.col_{k}", lang)  # noqa: E731
    out = pd.DataFrame({
        col("round"): [str(x) for x in rows["follow_up"]] if len(rows) else [],
        col("text"): [str(x) for x in rows["assessment"]] if len(rows) else [],
        col("judgement"): [_judgement(x, indicator, lang) for x in rows["judgement"]] if len(rows) else [],
        col("by"): [x if isinstance(x, str) else "" for x in rows["decided_by"]] if len(rows) else [],
    })
    if len(rows) and bool(rows["is_demo"].any()):
        out[i18n.t("measures.col.demo", lang)] = [i18n.t("app.demo_mark", lang) if d else ""
                                                   for d in rows["is_demo"]]
    return out


def default_round(today: date) -> str:
    """The tertial `today` falls in ("2025-T2" = May–August), as municipalities report."""
    return f"{today.year}-T{(today.month - 1) // 4 + 1}"


def one_line(text: str) -> str:
    """The sentence on one line (a form's text area may hold line breaks)."""
    return " ".join(str(text or "").split())


def file_name(indicator_id: str, follow_up: str) -> str:
    safe = "".join(c if c.isalnum() or c in "-_" else "_" for c in follow_up)
    return f"bedomning_{indicator_id}_{safe}.csv"


def csv_bytes(indicator_id: str, follow_up: str, text: str, judgement: str | None, by: str) -> bytes:
    """The assessments file of one indicator and round (header `indikator;uppföljning;bedömning;
    manuell_status;av`, UTF-8 with BOM, `;`), as the ingest reads it. The text is kept as written:
    this is a file going in, read back by the product's own ingest (downloads going out are
    neutralised by the export registry)."""
    out = io.StringIO()
    writer = csv.writer(out, delimiter=";", lineterminator="\r\n")
    writer.writerow(HEADER)
    writer.writerow([indicator_id, one_line(follow_up), one_line(text), judgement or "", one_line(by)])
    return out.getvalue().encode("utf-8-sig")
