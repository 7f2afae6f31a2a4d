"""What a trend chart shows beside the outcome: the periods of the measures linked to its
indicator, the events that concern it, and where a series break splits its line; plus the texts a
page writes under the chart. Timing beside an outcome is not proof of an effect (METHOD.md §5):
the page says so wherever bands are drawn.

Titles and comments are the analysts' own text: they are escaped for plotly's hover labels (which
read a subset of HTML), so `<b>` or a link in a title is shown as written, never rendered.
"""
from __future__ import annotations

import html
from dataclasses import dataclass, field
from datetime import date

import pandas as pd

from indicators import charts, i18n
from indicators.catalog import Catalog
from indicators.method import measure_status
from indicators.views.measures import day


def escaped(text) -> str:
    """User text made safe for a plotly hover label (`<` `>` `&` as entities)."""
    return html.escape(str(text or ""), quote=False)


@dataclass
class Marks:
    bands: list[charts.MeasureBand] = field(default_factory=list)
    events: list[charts.EventMark] = field(default_factory=list)
    breaks: list[tuple[date, str]] = field(default_factory=list)
    captions: list[str] = field(default_factory=list)    # under the chart, plain text
    demo: bool = False                                   # a demo measure or event is drawn


def _in_area(ids, area_id: str | None, municipality: str) -> bool:
    """A measure without areas concerns every area; the municipality's chart shows all of them."""
    ids = list(ids) if ids is not None else []
    return area_id in (None, municipality) or not ids or area_id in ids


def marks(measures: pd.DataFrame, events: pd.DataFrame, catalog: Catalog, lang: str, *,
          area_id: str | None, right_edge: date | None, real_values: bool = False) -> Marks:
    """The marks of one indicator's chart in `area_id`: `measures` are those linked to the
    indicator (store.follow_up.measures(indicator_id=...)), `events` those of the indicator or of
    every indicator (store.follow_up.events(indicator_id=...)). A measure without an end runs to
    `right_edge` (the chart's end). With `real_values` (the chart draws no demo value), demo
    measures and events are left out: demo and real never mix in one chart (DATA.md §3), so a real
    series is never drawn under the demo mark because of a fictitious event."""
    if real_values:
        measures = measures[~measures["is_demo"].astype(bool)] if len(measures) else measures
        events = events[~events["is_demo"].astype(bool)] if len(events) else events
    out = Marks()
    whole = catalog.municipality.id
    for row in measures.itertuples(index=False):
        if not _in_area(row.area_ids, area_id, whole):
            continue
        start, end = day(row.start), day(row.end)
        if start is None:
            continue
        status = measure_status.label(row.status, lang)
        period = (i18n.t("measures.hover_period", lang, start=start.isoformat(), end=end.isoformat())
                  if end else i18n.t("measures.hover_open", lang, start=start.isoformat()))
        hover = (f"<b>{escaped(row.title)}</b> ({escaped(row.measure_id)})<br>{escaped(row.owner)} · {period}"
                 f"<br>{status} · {i18n.t('measures.round', lang, round=row.follow_up)}")
        out.bands.append(charts.MeasureBand(str(row.measure_id), start, end or right_edge or start, hover))
        out.demo |= bool(row.is_demo)
    breaks, others = [], []
    for row in events.itertuples(index=False):
        if area_id not in (None, whole) and row.area_id is not None and not pd.isna(row.area_id) \
                and row.area_id != area_id:
            continue
        when = day(row.event_date)
        if when is None:
            continue
        kind = i18n.t(f"events.kind.{row.kind}", lang)
        area = catalog.area(row.area_id) if isinstance(row.area_id, str) else None
        where = f" · {area.name}" if area else ""
        comment = f"<br>{escaped(row.comment)}" if isinstance(row.comment, str) and row.comment else ""
        out.events.append(charts.EventMark(when, row.kind, f"<b>{kind}</b>: {escaped(row.title)}{where}"
                                                             f"<br>{when.isoformat()}{comment}"))
        if row.kind == "series_break":
            out.breaks.append((when, f"{kind}: {escaped(row.title)}"))
            breaks.append(f"{row.title} ({when.isoformat()})")
        else:
            others.append(f"{kind}: {row.title} ({when.isoformat()})")
        out.demo |= bool(row.is_demo)
    if out.bands:
        out.captions.append(i18n.t("measures.measures_caption", lang, count=len(out.bands)) + " "
                            + i18n.t("measures.effect_note", lang))
    if others:
        out.captions.append(i18n.t("measures.events_caption", lang, items="; ".join(others)))
    if breaks:
        out.captions.append(i18n.t("measures.series_break_caption", lang, items="; ".join(breaks)))
    return out


def apply(data: charts.TrajectoryData, found: Marks, lang: str) -> charts.TrajectoryData:
    """Puts the marks into a trend chart's data (legend names in `lang`)."""
    data.bands, data.events, data.breaks = found.bands, found.events, found.breaks
    data.band_name = i18n.t("measures.band_legend", lang)
    data.event_name = i18n.t("measures.event_legend", lang)
    return data

