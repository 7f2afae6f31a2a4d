"""Widgets and small helpers the pages use, so pages do no arithmetic: a chart with its text
alternative, times and year ranges as a reader sees them.
"""
from __future__ import annotations

import streamlit as st

from indicators import config
from indicators.web.data import catalog, last_loaded
from indicators.web.plaintext import plain
from indicators.web.session import lang, t


# --- charts with their text alternatives ----------------------------------------------------

# Plotly's toolbar: only "download as PNG" (one tab stop per chart). Zoom, pan, select, lasso and
# autoscale buttons were 96 of a focus page's 133 tab stops, and a committee reads, not explores.
CHART_CONFIG = {"displaylogo": False, "modeBarButtons": [["toImage"]]}


def chart(figure, key: str) -> None:
    """A plotly chart with an alt text and a "show as table" alternative of exactly what it draws
    (values as in its hover texts, so hidden small counts stay hidden)."""
    from indicators.charts.text import alt_text, figure_table

    language = lang()
    st.plotly_chart(figure, key=key, config=CHART_CONFIG,
                    alt=alt_text(figure, language))
    # Built only when opened (a rerun): a page of 14 charts would otherwise turn 14 tables into
    # Arrow on every rerun for a view few open (issue 12: a meeting's worth of viewers at once).
    with st.expander(t("a11y.show_table"), key=f"{key}_table", on_change="rerun") as table:
        if table.open:
            st.dataframe(figure_table(figure, language), hide_index=True, width="stretch")


CARDS_PER_PAGE = 10


def paged(items: list, key: str, size: int = CARDS_PER_PAGE) -> list:
    """The items of the page a reader chose, `size` at a time, with page buttons above them when
    there is more than one page (st.pagination). A page of 60 cards drew ~400 elements on every
    rerun; `key` should change with the filters, so a new filter starts at page 1."""
    pages = max(1, -(-len(items) // size))
    if pages == 1:
        return list(items)
    number = st.pagination(pages, key=key)
    st.caption(t("app.page_of", page=number, pages=pages, count=len(items)))
    return list(items[(number - 1) * size:number * size])


def status_line(status) -> None:
    """**Status: ↘ I fas** — what it means, and a note when there is one (views.trend.StatusView)."""
    st.markdown(f"**{t('views.status')}: {status.badge}** — {status.help}"
                + (f" {status.note}" if status.note else ""))


# --- times and ranges -----------------------------------------------------------------------

def when(moment) -> str:
    """A load time as the user reads it: 2026-11-26 17:51 (UTC)."""
    return moment.strftime("%Y-%m-%d %H:%M") if moment is not None else "–"


def since_last_upload():
    """The moment just before the newest upload, so 'since the last upload' lists what it brought."""
    from datetime import timedelta
    moment = last_loaded()
    return None if moment is None else moment - timedelta(microseconds=1)


def since_date(day):
    """Midnight (UTC) at the start of a chosen day."""
    from datetime import datetime, time
    return datetime.combine(day, time.min)


def default_since_date():
    from datetime import date, timedelta
    moment = last_loaded()
    return (moment.date() if moment is not None else date.today()) - timedelta(days=30)


def default_first_year(years: list[int]) -> int:
    """The focus pages open on the agreement's years: from the year before the baseline (2022),
    or the first year with data when that is later."""
    return max(years[0], min(2022, years[-1]))


def indicator_names() -> dict[str, str]:
    """{id: name} in the session's language (a widget's format_func must not look up the session:
    it may be called outside the script run)."""
    return {i.id: i.name(lang()) for i in catalog().indicators}


def disclosure_text() -> str:
    limit = config.min_count()
    return t("views.about_disclosure_text", limit=limit, limit_minus=limit - 1)



# --- user text ------------------------------------------------------------------------------

def assessment_line(found) -> None:
    """The committee's assessment (views.assessments.AssessmentView) under the computed status,
    labelled as the committee's, never in its place; nothing when there is none."""
    if found is None:
        return
    parts = [t("assessment.line", heading=t("assessment.heading"), round=plain(found.round),
               text=plain(found.text))]
    if found.judgement:
        parts.append(t("assessment.judgement", badge=found.judgement))
    if found.by:
        parts.append(t("assessment.by", by=plain(found.by)))
    if found.demo:
        parts.append(t("app.demo_mark"))
    st.markdown(" · ".join(parts))


def follow_up_captions(captions: list[str]) -> None:
    """The texts under a trend chart about its measures, events and series breaks (user text)."""
    for line in captions:
        st.caption(plain(line))
