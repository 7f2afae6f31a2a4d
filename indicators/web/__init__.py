"""The Streamlit edge: the only folder of the package that imports Streamlit.

Contract: `app.py` and the page scripts import `indicators.web` and nothing else of the package;
they read inputs and render, and do no SQL and no arithmetic. Everything a page calls is named
here (`web.t`, `web.focus`, `web.chart`, ...) and lives in one module:

  launcher      `python -m indicators.web`: `streamlit run app.py` (defines no cache)
  session       the session's language, texts and numbers in it, choices kept in the URL
  navigation    the screens for st.navigation: fixed pages + one per focus area of the catalog
  data          the read-only store connection, the catalog, shared version-keyed caches
  page_data     what each screen shows, cached per store version and language
  follow_up_data  the measures, assessments and notes the screens show (cached likewise)
  login         who is logged in, the login/logout widgets
  presentation  presentation mode (?present=1), slide sets and the press pack
  widgets       charts with their text alternative, the status line, times and year ranges,
                the committee's assessment beside a status
  upload        the upload page: who may upload, its three tabs (upload_files, upload_choices,
                upload_history)
  assessment    the indicator page's form: an analyst records the committee's assessment
  guard         guarded(): a bug shows a message with an error reference, the traceback is logged
  frame         the document around every page: <html lang>, <title>, the app's style sheet
  plaintext     text that came with data shown as text, never as Markdown: plain(), plain_frame()
  housekeeping  memory back near idle when viewers leave: gone sessions' uploads, gc, malloc_trim

The names are re-exported lazily (PEP 562 module `__getattr__`): importing this package imports no
module above, so `python -m indicators.web` defines no Streamlit cache before a runtime exists
("No runtime found" warnings). A module is imported the first time a page asks for one of its names.
"""
from __future__ import annotations

import importlib

_EXPORTS = {
    "launcher": ("serve", "streamlit_argv"),
    "session": ("LANG_KEY", "lang", "set_lang", "keep_lang_in_url", "language_switch", "t",
                "number", "link_params", "url_choice", "keep_in_url", "url_selectbox"),
    "navigation": ("focus_screens", "navigate", "current_focus_area", "has_focus_page",
                   "focus_link", "indicator_link", "measures_link"),
    "data": ("home", "version", "cursor", "catalog", "clear_caches", "protected", "caption",
             "demo_mark", "upload_times", "last_loaded", "shows_demo", "store_notice"),
    "page_data": ("overview_view", "focus", "focus_comparison", "COMPARISONS", "years", "profile",
                  "indicator_table", "downloads", "changes_since", "police", "method_markdown",
                  "indicator_facts", "sources_table"),
    "follow_up_data": ("focus_measures", "measure_options", "measures_page", "indicator_follow_up"),
    "login": ("ACCOUNT_KEY", "THROTTLE_KEY", "User", "login_method", "user", "is_analyst",
              "logout", "login_box", "require_login_for_browsing", "release_analyst_downloads"),
    "presentation": ("PRESENT_KEY", "presenting", "slide_set", "slides", "presspack_zip",
                     "show_slide_set", "leave_presentation", "presentation_chrome",
                     "focus_choices", "max_auto_seconds", "chosen_slide_set", "slide_link",
                     "show_slide", "slide_preview"),
    "upload": ("upload_page",),
    "assessment": ("assessment_form",),
    "frame": ("page_head", "document_title", "head_html"),
    "plaintext": ("plain", "plain_frame", "CAPTION_LIMIT", "LABEL_LIMIT"),
    "housekeeping": ("page_run",),
    "widgets": ("chart", "paged", "status_line", "when", "since_last_upload", "since_date",
                "default_since_date", "default_first_year", "indicator_names", "disclosure_text",
                "assessment_line", "follow_up_captions"),
}
_MODULE_OF = {name: module for module, names in _EXPORTS.items() for name in names}
__all__ = sorted(_MODULE_OF)


def __getattr__(name: str):
    module = _MODULE_OF.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))
