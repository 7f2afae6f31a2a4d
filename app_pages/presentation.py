"""Presentation: choose a slide set (kept in the URL), show it full screen, make the press pack."""
import time

import streamlit as st

from indicators import web

spec = web.slide_set()
catalog = web.catalog()
deck = web.slides(spec)
total = len(deck)


def go_to(index: int) -> None:
    st.query_params["s"] = str(max(0, min(index, total - 1)))


if web.presenting():
    web.presentation_chrome()
    n = max(0, min(spec.slide, total - 1))
    web.show_slide(deck[n], n, total, spec.auto)
    with st.container(key="present_nav", horizontal=True):
        st.button(web.t("present.controls.previous"), key="present_prev", on_click=go_to,
                  args=(n - 1,), disabled=n == 0)
        st.button(web.t("present.controls.next"), key="present_next", on_click=go_to,
                  args=(n + 1,), disabled=n >= total - 1)
        st.button("⏮", key="present_first", on_click=go_to, args=(0,), help=web.t("present.controls.first"))
        st.button("⏭", key="present_last", on_click=go_to, args=(total - 1,), help=web.t("present.controls.last"))
    st.stop()

# --- preparing a presentation -------------------------------------------------------------------
st.title(web.t("present.setup.title"))
st.write(web.t("present.setup.intro"))
if spec.ignored:
    st.warning(web.t("present.setup.ignored", ids=", ".join(spec.ignored)))

chosen_focus = st.multiselect(
    web.t("present.setup.focus_areas"), web.focus_choices(), default=list(spec.focus_areas),
    format_func=lambda i: catalog.focus_area(i).name(web.lang()), key="present_setup_focus")
chosen_indicators = st.multiselect(
    web.t("present.setup.indicators"), list(catalog.ids()), default=list(spec.indicators),
    format_func=lambda i: catalog.indicator(i).name(web.lang()), key="present_setup_indicators")
chosen_areas = st.multiselect(
    web.t("present.setup.areas"), [a.id for a in catalog.local_areas], default=list(spec.areas),
    format_func=lambda i: catalog.area(i).name, key="present_setup_areas")
auto = st.number_input(web.t("present.setup.auto"), min_value=0, max_value=web.max_auto_seconds(),
                       value=spec.auto, step=5, key="present_setup_auto")

chosen = web.chosen_slide_set(chosen_focus, chosen_indicators, chosen_areas, auto)
st.caption(web.t("present.setup.link"))
st.code(web.slide_link(chosen), language=None)
st.caption(web.t("present.setup.keys"))


def start() -> None:
    web.show_slide_set(chosen, present=True)


st.button(web.t("present.setup.start"), type="primary", on_click=start, key="present_start")

preview = web.slides(chosen)
st.subheader(web.t("present.setup.preview"))
st.caption(web.t("present.setup.slides", n=len(preview)))
for number, item in enumerate(preview, start=1):
    with st.expander(f"{number}. {web.plain(item.title, web.LABEL_LIMIT)}"):
        web.slide_preview(item, number)

st.subheader(web.t("present.setup.presspack"))
st.write(web.t("present.setup.presspack_help"))
with_png = st.checkbox(web.t("present.setup.presspack_png"), value=True, key="present_setup_png")
if st.button(web.t("present.setup.presspack_build"), key="present_build"):
    with st.spinner(web.t("present.setup.presspack_build")):
        started = time.perf_counter()
        data, warnings, _seconds = web.presspack_zip(chosen, with_png)
        st.session_state["present_pack"] = data
        st.session_state["present_pack_note"] = (warnings, time.perf_counter() - started)
if st.session_state.get("present_pack"):
    warnings, seconds = st.session_state["present_pack_note"]
    for warning in warnings:
        st.warning(web.t("present.setup.presspack_warning", message=warning))
    st.caption(web.t("present.setup.presspack_built", seconds=f"{seconds:.1f}"))
    st.download_button(web.t("present.setup.presspack_download"), st.session_state["present_pack"],
                       file_name="pressmaterial.zip", mime="application/zip", key="present_download")
