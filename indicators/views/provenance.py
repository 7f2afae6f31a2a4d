"""The caption under every chart and table: source · period · as of (the load date), plus the
demo mark when demo rows are shown. Pure: data in, text out."""
from __future__ import annotations

from datetime import date, datetime

from indicators import i18n


def as_of(loaded_at: datetime | date | None, lang: str) -> str:
    """The load date as the user reads it: 2026-11-26 (ISO, the same in both languages)."""
    if loaded_at is None:
        return "–"
    return (loaded_at.date() if isinstance(loaded_at, datetime) else loaded_at).isoformat()


def period_span(first: str | None, last: str | None) -> str:
    """"2019-01–2026-10", or one period, or "–"."""
    if not first and not last:
        return "–"
    if first == last or not last:
        return str(first)
    return f"{first}–{last}"


def sources_by_period(spans: list[tuple[str | None, str, str]], default: str) -> list[str]:
    """Each source named with the periods it covers, in time order: [("Trygghetsmätningen", "2024",
    "2024"), (None, "2019", "2023")] with default "Kommunens enkät" -> ["Kommunens enkät 2019–2023",
    "Trygghetsmätningen 2024"]. Rows without a source of their own count as `default` (the
    catalog's source); one source over everything is named without periods."""
    merged: dict[str, list[str]] = {}
    for source, first, last in spans:
        name = source or default
        if not name:
            continue
        if name in merged:
            merged[name] = [min(merged[name][0], first), max(merged[name][1], last)]
        else:
            merged[name] = [first, last]
    if len(merged) <= 1:
        return list(merged)
    ordered = sorted(merged.items(), key=lambda item: (item[1][0], item[1][1]))
    return [f"{name} {period_span(first, last)}" for name, (first, last) in ordered]


def caption(sources: list[str] | str, first: str | None, last: str | None,
            loaded_at: datetime | date | None, lang: str, *, demo: bool = False) -> str:
    """"Källa: Polisen · Period: 2019–2025 · Data per 2026-11-26" (+ " · EXEMPELDATA – fiktiva siffror")."""
    names = [sources] if isinstance(sources, str) else [s for s in sources if s]
    text = i18n.t("views.caption", lang, source="; ".join(dict.fromkeys(names)) or "–",
                  period=period_span(first, last), as_of=as_of(loaded_at, lang))
    if demo:
        text += " · " + i18n.t("app.demo_mark", lang)
    return text
