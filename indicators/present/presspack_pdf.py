"""The press pack's one-page PDF: every focus area at a glance, on one A4 page.

Built from the same slides as the deck (a full set: every focus area, every indicator, the whole
municipality), so its sentences and statuses are the slides' own. Status is shown as symbol + word,
with the status colour only as a third cue (a small square). DejaVu Sans carries ✓ ↗ ↘ → ✗.
"""
from __future__ import annotations

from pathlib import Path

from fpdf import FPDF

from indicators import i18n
from indicators.present import slide_style as style
from indicators.method import status as statuses
from indicators.present.slides import Slide

FONT_DIRS = (Path("/usr/share/fonts/truetype/dejavu"), Path("/usr/share/fonts/dejavu"))


def _font(name: str) -> Path | None:
    return next((d / name for d in FONT_DIRS if (d / name).exists()), None)


def _rgb(hex_colour: str) -> tuple[int, int, int]:
    h = hex_colour.lstrip("#")
    return int(h[0:2], 16), int(h[2:4], 16), int(h[4:6], 16)


def pdf_bytes(slides: list[Slide], lang: str, *, as_of: str) -> bytes:
    """One A4 page: the goal, the police list, and per focus area its summary and each indicator's
    status and finding."""
    pdf = FPDF(orientation="P", unit="mm", format="A4")
    pdf.set_auto_page_break(False)
    pdf.set_margins(15, 12, 15)
    regular, bold = _font("DejaVuSans.ttf"), _font("DejaVuSans-Bold.ttf")
    if regular and bold:
        pdf.add_font("body", "", str(regular))
        pdf.add_font("body", "B", str(bold))
        pdf.add_font("body", "I", str(_font("DejaVuSans-Oblique.ttf") or regular))
        family = "body"
    else:  # no Unicode font: core Helvetica, symbols replaced by words only
        family = "helvetica"
    pdf.add_page()
    pdf.set_title(i18n.t("present.pack.summary_title", lang, date=as_of))
    width = pdf.w - pdf.l_margin - pdf.r_margin
    demo = any(s.demo for s in slides)

    def write(text, size, style_="", colour=style.TEXT, gap=1.0, indent=0.0):
        if family == "helvetica":
            text = text.encode("latin-1", "replace").decode("latin-1")
        pdf.set_font(family, style_, size)
        pdf.set_text_color(*_rgb(colour))
        pdf.set_x(pdf.l_margin + indent)
        pdf.multi_cell(width - indent, size * 0.42, text, align="L", new_x="LMARGIN", new_y="NEXT")
        pdf.ln(gap)

    if demo:
        write(i18n.t("present.demo_mark", lang), 13, "B", style.DEMO, 1)
    write(i18n.t("present.pack.summary_title", lang, date=as_of), 16, "B", gap=2)
    goal = next((s for s in slides if s.kind == "goal"), None)
    if goal:
        write(goal.body[0] if goal.body else "", 9, "I", style.MUTED, 1.5)
        write(goal.title, 11, "B", gap=0.5)
        for line in goal.body[1:]:
            write(line, 9, gap=0.5)
        write(goal.provenance, 7, colour=style.MUTED, gap=2.5)
    indicator_slides = [s for s in slides if s.kind == "indicator"]
    for focus in (s for s in slides if s.kind == "focus"):
        pdf.set_draw_color(*_rgb(style.GRID))
        pdf.line(pdf.l_margin, pdf.get_y(), pdf.l_margin + width, pdf.get_y())
        pdf.ln(1.5)
        write(focus.kicker, 12, "B", gap=0.3)
        write(focus.title, 9.5, gap=1.2)
        for line in focus.body:          # the measures' status ("12 av 18 åtgärder genomförda ...")
            write(line, 9, gap=1.0)
        for slide in indicator_slides:
            if slide.chart is None and not slide.status:
                continue
            if slide.focus_area != focus.focus_area:
                continue
            y = pdf.get_y()
            colour = statuses.colour(slide.status) if slide.status in statuses.STATUSES else style.MUTED
            pdf.set_fill_color(*_rgb(colour))
            pdf.rect(pdf.l_margin, y + 0.8, 2.6, 2.6, style="F")
            badge = statuses.badge(slide.status, slide.polarity, lang) if slide.status else ""
            pdf.set_font(family, "B", 8.5)
            pdf.set_text_color(*_rgb(style.TEXT))
            pdf.set_xy(pdf.l_margin + 4, y)
            pdf.cell(44, 4.2, badge if family == "body" else statuses.word(slide.status, lang))
            pdf.set_font(family, "", 8.5)
            pdf.set_xy(pdf.l_margin + 49, y)
            pdf.multi_cell(width - 49, 4.2, slide.title, align="L", new_x="LMARGIN", new_y="NEXT")
            pdf.ln(0.6)
        pdf.ln(1.5)
    sources = sorted({s.source for s in slides if s.source})
    footer = i18n.t("present.pack.summary_footer", lang) + " " + \
        i18n.t("present.source", lang, source="; ".join(sources)) + "."
    pdf.set_y(max(pdf.get_y(), pdf.h - 32))
    write(footer, 6.5, colour=style.MUTED, gap=0.5)
    if demo:
        write(i18n.t("present.demo_mark", lang), 9, "B", style.DEMO, 0)
    return bytes(pdf.output())
