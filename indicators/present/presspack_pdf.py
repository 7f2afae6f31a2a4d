"""The press pack's one-page PDF: every focus area at a glance, on one A4 page, tagged for screen readers.

Built from the same slides as the deck (a full set: every focus area, every indicator, the whole
municipality), so its sentences and statuses are the slides' own. The page is semantic HTML (a
heading per focus area, a list of its indicators) laid out by WeasyPrint with `pdf_tags=True`: the
PDF carries a structure tree (/StructTreeRoot, /MarkInfo /Marked true) and the document language, so
a screen reader reads headings, lists and text in order. fpdf2 (used before) tags only images and
outline entries, not text. No text is under 8 pt. Status is shown as symbol + word, with the status
colour only as a third cue (a small square, hidden from screen readers). DejaVu Sans carries ✓ ↗ ↘ → ✗.
"""
from __future__ import annotations

from html import escape

from indicators import i18n
from indicators.method import status as statuses
from indicators.present import slide_style as style
from indicators.present.slides import Slide

MIN_PT = 8.0              # the smallest text on the page
_SIZES = {"demo": 12, "h1": 15, "goal": 9, "goal-title": 10.5, "h2": 11, "focus": 9, "item": 8.5,
          "small": MIN_PT}


def _e(text: str) -> str:
    return escape(text or "", quote=True)


def _css(line_height: float) -> str:
    s = _SIZES
    return f"""
@page {{ size: A4; margin: 11mm 14mm 10mm 14mm; }}
html {{ font-family: "DejaVu Sans", sans-serif; color: {style.TEXT}; font-size: {s['item']}pt;
  line-height: {line_height}; }}
body {{ margin: 0; }}
h1 {{ font-size: {s['h1']}pt; margin: 0 0 1.5mm 0; }}
h2 {{ font-size: {s['h2']}pt; margin: 0 0 0.6mm 0; }}
p, ul {{ margin: 0 0 1mm 0; }}
.demo {{ font-size: {s['demo']}pt; font-weight: bold; color: {style.DEMO}; margin-bottom: 1mm; }}
.goal-quote {{ font-size: {s['goal']}pt; font-style: italic; color: {style.MUTED}; }}
.goal-title {{ font-size: {s['goal-title']}pt; font-weight: bold; }}
.goal, .focus {{ font-size: {s['focus']}pt; }}
.small {{ font-size: {s['small']}pt; color: {style.MUTED}; }}
section {{ border-top: 0.3mm solid {style.GRID}; padding-top: 1.2mm; margin-top: 1.5mm; }}
ul {{ list-style: none; padding: 0; }}
li {{ display: flex; gap: 2mm; margin-bottom: 0.5mm; }}
.badge {{ flex: 0 0 46mm; font-weight: bold; }}
.square {{ display: inline-block; width: 2.6mm; height: 2.6mm; margin-right: 1.2mm; }}
footer {{ margin-top: 2mm; }}
"""


def _html(slides: list[Slide], lang: str, as_of: str) -> str:
    """The page as HTML: h1 title, the goal, one section (h2 + list) per focus area, the footer."""
    title = i18n.t("present.pack.summary_title", lang, date=as_of)
    demo = any(s.demo for s in slides)
    mark = f'<p class="demo">{_e(i18n.t("present.demo_mark", lang))}</p>' if demo else ""
    parts = [mark, f"<h1>{_e(title)}</h1>"]
    goal = next((s for s in slides if s.kind == "goal"), None)
    if goal:
        parts.append(f'<p class="goal-quote">{_e(goal.body[0] if goal.body else "")}</p>')
        parts.append(f'<p class="goal-title">{_e(goal.title)}</p>')
        parts += [f'<p class="goal">{_e(line)}</p>' for line in goal.body[1:]]
        parts.append(f'<p class="small">{_e(goal.provenance)}</p>')
    indicators = [s for s in slides if s.kind == "indicator" and (s.chart is not None or s.status)]
    for focus in (s for s in slides if s.kind == "focus"):
        items = []
        for slide in (s for s in indicators if s.focus_area == focus.focus_area):
            colour = statuses.colour(slide.status) if slide.status in statuses.STATUSES else style.MUTED
            badge = statuses.badge(slide.status, slide.polarity, lang) if slide.status else ""
            items.append(f'<li><span class="badge"><span class="square" aria-hidden="true" '
                         f'style="background:{colour}"></span>{_e(badge)}</span>'
                         f'<span>{_e(slide.title)}</span></li>')
        body = "".join(f'<p class="focus">{_e(line)}</p>' for line in focus.body)
        parts.append(f'<section><h2>{_e(focus.kicker)}</h2><p class="focus">{_e(focus.title)}</p>'
                     f'{body}<ul>{"".join(items)}</ul></section>')
    sources = sorted({s.source for s in slides if s.source})
    footer = (i18n.t("present.pack.summary_footer", lang) + " "
              + i18n.t("present.source", lang, source="; ".join(sources)) + ".")
    parts.append(f'<footer><p class="small">{_e(footer)}</p>{mark}</footer>')
    return (f'<!DOCTYPE html><html lang="{_e(lang)}"><head><meta charset="utf-8">'
            f"<title>{_e(title)}</title></head><body>{''.join(parts)}</body></html>")


class PdfUnavailable(RuntimeError):
    """The PDF could not be made (WeasyPrint finds no Pango); str() is a message for the user."""


def pdf_bytes(slides: list[Slide], lang: str, *, as_of: str) -> bytes:
    """One A4 page (tagged PDF): the goal, the police list, and per focus area its summary and each
    indicator's status and finding. Lines are set tighter (down to 1.15) to keep it to one page;
    the type never goes under MIN_PT. Raises PdfUnavailable when Debian's Pango is missing."""
    try:
        from weasyprint import CSS, HTML
    except OSError as problem:  # WeasyPrint loads libpango through cffi on import
        raise PdfUnavailable(i18n.t("present.pack.no_pdf", lang)) from problem

    page = HTML(string=_html(slides, lang, as_of))
    for line_height in (1.3, 1.22, 1.15):
        document = page.render(stylesheets=[CSS(string=_css(line_height))])
        if len(document.pages) == 1:
            break
    return document.write_pdf(pdf_tags=True)
