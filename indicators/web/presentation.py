"""Presentation mode (?present=1 on any page) and the presentation page's slide set and press pack.

The slide set lives in the URL (present/slideset.py), so a prepared link reproduces a presentation.
"""
from __future__ import annotations

import streamlit as st

from indicators.web.data import Key, catalog, cursor, version
from indicators.web.plaintext import plain
from indicators.web.session import lang, t

PRESENT_KEY = "present"


def presenting() -> bool:
    """True when the URL asks for presentation mode (?present=1): no sidebar, toolbar or controls."""
    return st.query_params.get(PRESENT_KEY) == "1"


def slide_set():
    """The slide set the URL describes, in the session's language (slideset.py)."""
    from indicators.present import slideset
    spec = slideset.from_params(st.query_params.to_dict(), catalog())
    return slideset.SlideSet(spec.focus_areas, spec.indicators, spec.areas, lang(), spec.auto,
                             spec.slide, spec.ignored)


@st.cache_data(show_spinner=False, max_entries=16)
def _slides(key: Key, focus, indicators, areas, language: str):
    from indicators.present import slides, slideset
    spec = slideset.SlideSet(focus, indicators, areas, language)
    return slides.build(cursor(key), catalog(), spec)


def slides(spec) -> list:
    """The slides of `spec` (cached per store version): every number already protected."""
    return _slides(version(), spec.focus_areas, spec.indicators, spec.areas, spec.lang)


def presspack_zip(spec, png: bool) -> tuple[bytes, list[str], float]:
    """The press pack for `spec` as zip bytes, with warnings and the seconds it took."""
    from indicators.present import presspack
    pack = presspack.build(cursor(), catalog(), spec, png=png)
    return pack.zip_bytes(), pack.warnings, pack.seconds


def show_slide_set(spec, *, present: bool = True) -> None:
    """Puts `spec` in the URL (keeps the language parameter the frame manages)."""
    from indicators.present import slideset
    params = slideset.to_params(spec, catalog(), present=present)
    params.pop("lang", None)
    for key in slideset.PARAMS:
        if key != "lang" and key not in params:
            st.query_params.pop(key, None)
    st.query_params.update(params)


def leave_presentation() -> None:
    """Esc: back to the normal page, keeping the slide set for the next time."""
    st.query_params.pop(PRESENT_KEY, None)


def presentation_chrome() -> None:
    """In presentation mode, on any page: hides the sidebar, header, toolbar and every control,
    sets big type, and adds the keyboard bridge (arrows, Page Up/Down, Home/End, Esc) that clicks
    the on-screen buttons. A page without slides gets Esc only (its exit button is added here)."""
    from indicators.present import view as present_view
    st.html(present_view.css())
    st.html(present_view.keyboard_script(), unsafe_allow_javascript=True)
    with st.container(key="present_exitbar"):
        st.button(t("present.controls.exit"), key="present_exit", on_click=leave_presentation)



# --- the presentation page ------------------------------------------------------------------

def focus_choices() -> tuple[str, ...]:
    """The focus areas a presenter can choose (every one but the overall goal)."""
    from indicators.present import slideset
    return slideset.focus_choices(catalog())


def max_auto_seconds() -> int:
    from indicators.present import slideset
    return slideset.MAX_AUTO_SECONDS


def chosen_slide_set(focus_areas: list[str], indicators: list[str], areas: list[str], auto: int):
    """The slide set of the setup form's choices, in the session's language (none chosen: none)."""
    from indicators.present import slideset
    return slideset.from_params(
        {"fa": ",".join(focus_areas) or "none", "ind": ",".join(indicators),
         "areas": ",".join(areas), "lang": lang(), "auto": str(int(auto))}, catalog())


def slide_link(spec) -> str:
    """The full link that opens `spec` (this server's address plus its query string)."""
    from indicators.present import slideset
    base = (st.context.url or "").split("?")[0]
    return base + slideset.query_string(spec, catalog())


def show_slide(slide, n: int, total: int, auto: int) -> None:
    """One slide full screen: kicker and title, its chart sized to the screen, the footer."""
    from indicators.present import slide_figures, view as present_view
    st.html(present_view.header_html(slide, n, total, auto))
    figure = slide_figures.figure(slide)
    if figure is not None:
        figure.update_layout(height=present_view.chart_height(slide))
        st.plotly_chart(figure, theme=None, key=f"slide_chart_{n}", alt=slide.chart.alt,
                        height="stretch", config={"displayModeBar": False, "staticPlot": False})
    elif slide.no_chart:
        st.html(present_view.no_chart_html(slide))
    st.html(present_view.footer_html(slide, n, total, t("present.slide_of", n=n + 1, total=total)))


def slide_preview(slide, number: int) -> None:
    """A slide in the setup's preview list: its chart and the table of what the chart shows."""
    from indicators.present import slide_figures, slides as slide_model
    st.caption(plain(f"{slide.kicker} · {slide.provenance}"))  # sources are uploaded text
    figure = slide_figures.figure(slide)
    if figure is not None:
        st.plotly_chart(figure, theme=None, key=f"preview_chart_{number}", alt=slide.chart.alt)
        st.caption(t("present.show_table"))
        rows = slide_model.table([slide], catalog())
        st.dataframe(rows[["series", "category", "shown", "unit"]], hide_index=True)
