"""Ladda upp (analysts only): upload → preview → confirm; templates and a guide; history, the
archived originals and undo. The core does the work (upload_preview, history_view, template_offer,
store); this script only reads inputs and renders."""
from dataclasses import replace
from pathlib import Path

import streamlit as st

from indicators.access import accounts
from indicators.store import archive
from indicators import config, store, web
from indicators.views import history as history_view, template_offer
from indicators.views import upload_preview as up

t = web.t
FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xls"]
MB = 1024 * 1024

st.title(t("upload.title"))


def _how_to_create_account() -> None:
    st.warning(t("upload.no_account"))
    st.code('.venv/bin/python -m indicators user add anna.andersson --name "Anna Andersson"'
            " --role analyst", language="sh")
    st.caption(t("upload.no_account_more", path=str(accounts.default_path())))


# --- who may be here -----------------------------------------------------------------------------
method = web.login_method()
current = web.user()
if method == "none":
    _how_to_create_account()
    st.stop()
if current is None:
    st.info(t("upload.login_first_oidc" if method == "oidc" else "upload.login_first"))
    if method == "local" and not accounts.has_analyst():
        _how_to_create_account()
    st.stop()
if not current.is_analyst:
    st.warning(t("upload.analysts_only", name=current.label))
    st.stop()

home = web.home()
catalog = web.catalog()
lang = web.lang()
state = st.session_state
saved_files: dict = state.setdefault("upload_saved", {})
previews: dict = state.setdefault("upload_previews", {})


def _names(ids, lookup) -> str:
    return ", ".join(lookup(i) for i in ids)


def _indicator_name(ident: str) -> str:
    found = catalog.indicator(ident)
    return found.name(lang) if found else ident


def _area_name(ident: str) -> str:
    found = catalog.area(ident)
    return found.name if found else ident


def _preview(file, data: bytes, version) -> up.Preview:
    """The preview of one file for the current store version (recomputed when the store changes)."""
    cached = previews.get(file.file_id)
    if cached is None or cached[0] != version:
        con = web.cursor()  # the cached read-only store, current version
        try:
            with st.spinner(t("upload.checking", file=file.name)):
                fresh = up.preview(con, data, file.name, catalog)
        finally:
            con.close()
        if cached is not None:   # "saved meanwhile" counts from the analyst's first look
            fresh = replace(fresh, seen_upload_id=cached[1].seen_upload_id)
        cached = previews[file.file_id] = (version, fresh)
    return cached[1]


def _save(file, data: bytes, preview: up.Preview) -> None:
    who = web.user()
    if who is None or not who.is_analyst:      # logged out or demoted since the page was drawn
        st.error(t("upload.analysts_only", name=who.label if who else "–"))
        return
    outcome = store.ingest(data, file.name, by=who.label, home=home, catalog=catalog)
    web.clear_caches()
    if not outcome.ok:
        previews.pop(file.file_id, None)
        st.error(t("upload.rejected_on_save"))
        return
    con = web.cursor()  # the cached read-only store, current version
    try:
        meanwhile = history_view.changes_since(con, preview.seen_upload_id, outcome.upload_id)
    finally:
        con.close()
    saved_files[file.file_id] = (outcome.upload_id, outcome.new, outcome.revised,
                                 preview.file_name, meanwhile)
    st.rerun()


def _show_saved(result) -> None:
    upload_id, new, revised, name, meanwhile = result
    st.success(t("upload.saved", upload_id=upload_id, file=name, new=web.number(new),
                 revised=web.number(revised)))
    if meanwhile:
        st.warning(t("upload.meanwhile"))
        for other in meanwhile:
            u = other.upload
            st.markdown("- " + t("upload.meanwhile_item", upload_id=u.upload_id, by=u.loaded_by,
                                 file=u.file_name, new=web.number(u.new_count),
                                 revised=web.number(u.revised_count),
                                 overlap=web.number(other.overlap)))


def _show_preview(file, data: bytes, preview: up.Preview) -> None:
    problems = preview.validation.problems
    if not preview.ok:
        st.error(t("upload.rejected", count=web.number(len(problems))))
        st.dataframe(up.problem_table(problems, lang), hide_index=True, width="stretch")
        st.download_button(t("upload.download_problems"), up.problems_csv(problems, lang),
                           file_name=f"problem_{Path(preview.file_name).stem}.csv",
                           mime="text/csv", key=f"problems_{file.file_id}",
                           icon=":material/download:")
        st.caption(t("upload.fix_and_retry"))
        return
    s = preview.summary
    st.success(t("upload.valid"))
    cols = st.columns(6)
    cols[0].metric(t("upload.rows"), web.number(s.rows))
    cols[1].metric(t("upload.indicators"), web.number(len(s.indicators)))
    cols[2].metric(t("upload.areas"), web.number(len(s.areas)))
    cols[3].metric(t("upload.periods"), web.number(len(s.periods)))
    cols[4].metric(t("upload.new"), web.number(s.new))
    cols[5].metric(t("upload.revised"), web.number(s.revised))
    st.markdown(t("upload.summary_lists", indicators=_names(s.indicators, _indicator_name),
                  areas=_names(s.areas, _area_name), periods=up.period_span(s.periods, lang)))
    if s.unchanged:
        st.caption(t("upload.unchanged", count=web.number(s.unchanged)))
    if preview.already_loaded:
        st.warning(t("upload.already_loaded",
                     ids=", ".join(f"#{i}" for i in preview.already_loaded)))
    if s.revisions:
        st.markdown(t("upload.revisions_heading"))
        st.dataframe(up.revision_table(s.revisions, catalog, lang), hide_index=True, width="stretch")
        if s.revised > len(s.revisions):
            st.caption(t("upload.revisions_more", shown=web.number(len(s.revisions)),
                         count=web.number(s.revised)))
    if st.button(t("upload.save", file=preview.file_name), type="primary",
                 key=f"save_{file.file_id}", icon=":material/save:"):
        _save(file, data, preview)


def _upload_section() -> None:
    st.caption(t("upload.limits", mb=web.number(config.max_upload_bytes() // MB),
                 rows=web.number(config.max_upload_rows())))
    nonce = state.setdefault("upload_nonce", 0)
    files = st.file_uploader(t("upload.drop"), type=FILE_TYPES, accept_multiple_files=True,
                             key=f"uploader_{nonce}",
                             max_upload_size=max(1, config.max_upload_bytes() // MB))
    version = web.version()
    for file in files or []:
        with st.container(border=True):
            st.subheader(f":material/description: {store.display_name(file.name)}")
            if file.file_id in saved_files:
                _show_saved(saved_files[file.file_id])
                continue
            data = file.getvalue()
            _show_preview(file, data, _preview(file, data, version))
    if files and saved_files:
        if st.button(t("upload.more_files"), key="upload_more", icon=":material/upload_file:"):
            state["upload_nonce"] = nonce + 1
            saved_files.clear()
            previews.clear()
            st.rerun()


def _template_section() -> None:
    def label(key: str) -> str:
        kind, _, ident = key.partition(":")
        if kind == "focus":
            return t("upload.template_focus", name=catalog.focus_area(ident).name(lang))
        if kind == "indicator":
            return f"    {_indicator_name(ident)} ({ident})"
        return t("upload.template_all")

    left, right = st.columns([3, 1])
    key = left.selectbox(t("upload.template_pick"), template_offer.choices(catalog),
                         format_func=label, key="template_choice")
    count = right.number_input(t("upload.template_periods"), min_value=1, max_value=12, value=1,
                               key="template_periods")
    chosen = template_offer.choice(catalog, key)
    con = web.cursor()  # the cached read-only store, current version
    try:
        latest = template_offer.latest_real_periods(con)
    finally:
        con.close()
    st.download_button(t("upload.template_download"),
                       template_offer.template_bytes(catalog, chosen, latest, int(count)),
                       file_name=chosen.file_name, mime="text/csv", key="template_download",
                       icon=":material/download:")
    st.markdown(t("upload.guide"))


def _history_section() -> None:
    if state.get("upload_undone"):
        st.success(state.pop("upload_undone"))
    con = web.cursor()  # the cached read-only store, current version
    try:
        uploads = store.uploads(con)
        st.dataframe(history_view.history_table(uploads, lang), hide_index=True, width="stretch")
        st.download_button(t("upload.download_history"), history_view.history_csv(uploads, lang),
                           file_name="inlasningshistorik.csv", mime="text/csv",
                           key="history_download", icon=":material/download:")
        by_id = {u.upload_id: u for u in uploads}
        if not by_id:
            return
        picked = st.selectbox(
            t("upload.pick_upload"), list(by_id), key=f"history_pick_{max(by_id)}",
            format_func=lambda i: t("upload.pick_label", upload_id=i, file=by_id[i].file_name,
                                    by=by_id[i].loaded_by,
                                    when=history_view.local_time(by_id[i].loaded_at)))
        chosen = by_id[picked]
        original = archive.original(home, picked)
        if original is not None:
            st.download_button(t("upload.download_original"), lambda: original.read_bytes(),
                               file_name=chosen.file_name, key=f"original_{picked}",
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
    st.warning(t("upload.undo_confirm", upload_id=picked, file=chosen.file_name,
                 by=chosen.loaded_by, restored=web.number(effect.restored),
                 removed=web.number(effect.removed), demo=web.number(effect.demo_back)))
    if effect.changes:
        st.dataframe(history_view.change_table(effect, catalog, lang), hide_index=True,
                     width="stretch")
    yes, no = st.columns(2)
    if yes.button(t("upload.undo_yes", upload_id=picked), type="primary", key="undo_yes"):
        who = web.user()
        if who is None or not who.is_analyst:
            st.error(t("upload.analysts_only", name=who.label if who else "–"))
            return
        store.revert(picked, by=who.label, home=home)
        web.clear_caches()
        state.pop("upload_undo", None)
        previews.clear()
        state["upload_undone"] = t("upload.undone", upload_id=picked, file=chosen.file_name)
        st.rerun()
    if no.button(t("upload.undo_no"), key="undo_no"):
        state.pop("upload_undo", None)
        st.rerun()


upload_tab, template_tab, history_tab = st.tabs(
    [t("upload.tab_upload"), t("upload.tab_templates"), t("upload.tab_history")])
with upload_tab:
    _upload_section()
with template_tab:
    _template_section()
with history_tab:
    _history_section()
