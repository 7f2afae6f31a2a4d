"""The document around every page (WCAG 2.1 AA): `<html lang>` and `<title>` per page and language,
and the one style sheet the app adds to Streamlit's (text contrast, visible keyboard focus).

Streamlit's index.html says `<html lang="en">` whatever the page's language and has no option for
it, so a small script in the sidebar sets `document.documentElement.lang`; its body names the
language, so Streamlit renders (and runs) it anew after the language switch. The title goes
through `st.set_page_config`, which may be called again once the page is known.

Colours: every text colour here keeps at least 4.5:1 on white, on the sidebar's and on the code
block's background (`TEXT_COLOURS`, checked by tests/unit/test_frame.py); the focus ring keeps 3:1
(WCAG 1.4.11) on the same backgrounds.
"""
from __future__ import annotations

import streamlit as st

from indicators.web.session import lang, t

# Streamlit's light theme: page, sidebar (secondaryBackgroundColor) and st.code's background.
BACKGROUNDS = ("#FFFFFF", "#F0F2F6", "#FCFCFB")
FOCUS_RING = "#0072B2"   # the theme's primaryColor (.streamlit/config.toml)

# CSS selector -> text colour (at full opacity). Captions (source · period · "data per", the login
# line) are Streamlit's body colour faded to #828180 on white (3.88:1); the blockquote (the goal)
# to #83858C (3.68:1); st.code's syntax colours are 2.8–3.8:1. Darker shades of the same hues.
TEXT_COLOURS = {
    '[data-testid="stCaptionContainer"]': "#55575F",
    '[data-testid="stMarkdownContainer"] blockquote,'
    ' [data-testid="stMarkdownContainer"] blockquote p': "#31333F",
    '[data-testid="stCode"] .token.comment, [data-testid="stCode"] .token.prolog,'
    ' [data-testid="stCode"] .token.punctuation': "#55575F",
    '[data-testid="stCode"] .token.variable, [data-testid="stCode"] .token.parameter,'
    ' [data-testid="stCode"] .token.attr-name, [data-testid="stCode"] .token.property': "#005F7F",
    '[data-testid="stCode"] .token.string, [data-testid="stCode"] .token.char,'
    ' [data-testid="stCode"] .token.attr-value, [data-testid="stCode"] .token.boolean,'
    ' [data-testid="stCode"] .token.constant': "#1B6B30",
    '[data-testid="stCode"] .token.number, [data-testid="stCode"] .token.regex': "#00665C",
    '[data-testid="stCode"] .token.function, [data-testid="stCode"] .token.keyword,'
    ' [data-testid="stCode"] .token.class-name, [data-testid="stCode"] .token.tag': "#0B57A8",
    '[data-testid="stCode"] .token.operator, [data-testid="stCode"] .token.entity,'
    ' [data-testid="stCode"] .token.decorator, [data-testid="stCode"] .token.atrule': "#9A3D00",
    '[data-testid="stCode"] .token.url': "#6B2FA0",
    '[data-testid="stCode"] .token.important': "#B3261E",
}

# Keyboard focus that shows (WCAG 2.4.7): the menu's links, the language switch's options, and
# every other link and button of the sidebar.
FOCUSABLE = ('[data-testid="stSidebar"] a:focus-visible',
             '[data-testid="stSidebar"] button:focus-visible',
             '[data-testid="stSidebar"] label:has(input:focus-visible)')


def style() -> str:
    """The app's style sheet (CSS text)."""
    colours = "\n".join(f"{selector} {{ color: {colour}; opacity: 1; }}"
                        for selector, colour in TEXT_COLOURS.items())
    focus = (f"{', '.join(FOCUSABLE)} {{ outline: 3px solid {FOCUS_RING}; outline-offset: 2px;"
             " border-radius: 4px; }")
    return f"{colours}\n[data-testid=\"stCaptionContainer\"] p {{ color: inherit; opacity: 1; }}\n{focus}"


def head_html(language: str) -> str:
    """The style sheet and the script that sets `<html lang>` to `language` ("sv" | "en")."""
    if language not in ("sv", "en"):
        raise ValueError(f"unknown language {language!r}")
    return (f"<style>{style()}</style>"
            f"<script>document.documentElement.lang = {language!r};</script>")


def document_title(page_title: str, app_title: str) -> str:
    """The browser tab's title: the page first (tabs are narrow), then the app."""
    return f"{page_title} · {app_title}" if page_title and page_title != app_title else app_title


def page_head(current) -> None:
    """Sets the document's title for the page about to run (`current`: the st.Page from
    st.navigation) and draws the style sheet and `<html lang>` script in the sidebar."""
    st.set_page_config(page_title=document_title(current.title, t("app.title")))
    st.sidebar.html(head_html(lang()), unsafe_allow_javascript=True)
