"""The upload page's other two tabs: templates with a guide, and the history of uploads with the
archived originals and undo (asked first, saying what changes)."""
from __future__ import annotations

import streamlit as st

from indicators import exports
from indicators.ingest.template import FOLLOW_UP_KINDS, follow_up_template

from indicators import store
from indicators.store import archive
from indicators.views import history as history_view, template_offer
from indicators.web.data import Key as Version, catalog, clear_caches, cursor, home, version
from indicators.web.login import grant_analyst_downloads, user
from indicators.web.plaintext import LABEL_LIMIT, plain
from indicators.web.session import lang, number, t
from indicators.web.upload_files import indicator_name, previews


def template_section() -> None:
    cat, language = catalog(), lang()

    def label(key: str) -> str:
        kind, _, ident = key.partition(":")
        if kind == "focus":
            return t("upload.template_focus", name=cat.focus_area(ident).name(language))
        if kind == "indicator":
            return f"    {indicator_name(ident)} ({ident})"
        return t("upload.template_all")

    left, right = st.columns([3, 1])
    key = left.selectbox(t("upload.template_pick"), template_offer.choices(cat),
                         format_func=label, key="template_choice")
    count = right.number_input(t("upload.template_periods"), min_value=1, max_value=12, value=1,
                               key="template_periods")
    chosen = template_offer.choice(cat, key)
    st.download_button(t("upload.template_download"), _template(version(), key, int(count)),
                       file_name=chosen.file_name, mime="text/csv", key="template_download",
                       icon=":material/download:", on_click="ignore")
    st.markdown(t("upload.guide"))
    st.markdown(f"#### {t('upload.follow_up_heading')}")
    st.markdown(t("upload.follow_up_guide"))
    columns = st.columns(3)
    for column, kind in zip(columns, FOLLOW_UP_KINDS):
        column.download_button(t(f"upload.template_{kind}"),
                               exports.write("csv_cp1252", follow_up_template(cat, kind)),
                               file_name=f"mall-{t(f'upload.file_{kind}')}.csv", mime="text/csv",
                               key=f"template_{kind}", icon=":material/download:", on_click="ignore")


@st.cache_data(show_spinner=False, max_entries=8)
def _template(key: Version, choice: str, periods: int) -> bytes:
    """A template's bytes for a store version: every run of the page drew it again, reading
    every indicator's latest period from the whole history (a scan of every revision)."""
    cat = catalog()
    con = cursor(key)
    try:
        latest = template_offer.latest_real_periods(con)
    finally:
        con.close()
    return template_offer.template_bytes(cat, template_offer.choice(cat, choice), latest, periods)


def history_section() -> None:
    state, language = st.session_state, lang()
    if state.get("upload_undone"):
        st.success(state.pop("upload_undone"))
    con = cursor()  # the cached read-only store, current version
    try:
        uploads = store.uploads(con)
        st.dataframe(history_view.history_table(uploads, language), hide_index=True,
                     width="stretch")
        grant_analyst_downloads()   # raw history and originals: their links die at logout
        st.download_button(t("upload.download_history"),
                           history_view.history_csv(uploads, language),
                           file_name="inlasningshistorik.csv", mime="text/csv",
                           key="history_download", icon=":material/download:", on_click="ignore")
        by_id = {u.upload_id: u for u in uploads}
        if not by_id:
            return
        picked = st.selectbox(
            t("upload.pick_upload"), list(by_id), key=f"history_pick_{max(by_id)}",
            format_func=lambda i: t("upload.pick_label", upload_id=i, file=by_id[i].file_name,
                                    by=by_id[i].loaded_by,
                                    when=history_view.local_time(by_id[i].loaded_at)))
        chosen = by_id[picked]
        original = archive.original(home(), picked)
        if original is not None:
            st.download_button(t("upload.download_original"), lambda: original.read_bytes(),
                               file_name=chosen.file_name, key=f"original_{picked}", on_click="ignore",
                               icon=":material/download:")
        if chosen.status == "reverted":
            st.caption(t("upload.already_reverted"))
            return
        if chosen.kind != "upload":
            st.caption(t("upload.not_undoable"))
            return
        if state.get("upload_undo") != picked:
            if st.button(t("upload.undo", upload_id=picked), key="undo_ask", icon=":material/undo:"):
                state["upload_undo"] = picked
                st.rerun()
            return
        effect = history_view.undo_effect(con, picked)
    finally:
        con.close()
    _confirm_undo(chosen, effect)


def _confirm_undo(chosen, effect) -> None:
    state, picked = st.session_state, chosen.upload_id
    st.warning(t("upload.undo_confirm", upload_id=picked, file=plain(chosen.file_name, LABEL_LIMIT),
                 by=plain(chosen.loaded_by), restored=number(effect.restored),
                 removed=number(effect.removed), demo=number(effect.demo_back)))
    if effect.changes:
        st.dataframe(history_view.change_table(effect, catalog(), lang()), hide_index=True,
                     width="stretch")
    yes, no = st.columns(2)
    if yes.button(t("upload.undo_yes", upload_id=picked), type="primary", key="undo_yes"):
        who = user()
        if who is None or not who.is_analyst:
            st.error(t("upload.analysts_only", name=plain(who.label) if who else "–"))
            return
        store.revert(picked, by=who.label, home=home())
        clear_caches()
        state.pop("upload_undo", None)
        previews().clear()
        state["upload_undone"] = t("upload.undone", upload_id=picked,
                                   file=plain(chosen.file_name, LABEL_LIMIT))
        st.rerun()
    if no.button(t("upload.undo_no"), key="undo_no"):
        state.pop("upload_undo", None)
        st.rerun()
