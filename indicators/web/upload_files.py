"""The upload page's first tab: drop files, see each one's preview (problems, or what it adds and
revises), save it, and hear about uploads other analysts saved meanwhile.

A preview is kept in the session per uploaded file and store version, so it is computed again only
when the store changes; "saved meanwhile" counts from the analyst's first look at the file.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from indicators import config, store
from indicators.views import history as history_view, upload_preview as up
from indicators.web.data import catalog, clear_caches, cursor, home, version
from indicators.web.login import user
from indicators.web.session import lang, number, t

FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xls"]
MB = 1024 * 1024


# --- what the session keeps -----------------------------------------------------------------

def saved_files() -> dict:
    """file_id -> (upload id, new, revised, file name, uploads saved meanwhile)."""
    return st.session_state.setdefault("upload_saved", {})


def previews() -> dict:
    """file_id -> (store version, Preview)."""
    return st.session_state.setdefault("upload_previews", {})


def indicator_name(ident: str) -> str:
    found = catalog().indicator(ident)
    return found.name(lang()) if found else ident


def area_name(ident: str) -> str:
    found = catalog().area(ident)
    return found.name if found else ident


def _names(ids, lookup) -> str:
    return ", ".join(lookup(i) for i in ids)


# --- the tab --------------------------------------------------------------------------------

def upload_section() -> None:
    state = st.session_state
    st.caption(t("upload.limits", mb=number(config.max_upload_bytes() // MB),
                 rows=number(config.max_upload_rows())))
    nonce = state.setdefault("upload_nonce", 0)
    files = st.file_uploader(t("upload.drop"), type=FILE_TYPES, accept_multiple_files=True,
                             key=f"uploader_{nonce}",
                             max_upload_size=max(1, config.max_upload_bytes() // MB))
    current = version()
    saved = saved_files()
    for file in files or []:
        with st.container(border=True):
            st.subheader(f":material/description: {store.display_name(file.name)}")
            if file.file_id in saved:
                _show_saved(saved[file.file_id])
                continue
            data = file.getvalue()
            _show_preview(file, data, _preview(file, data, current))
    if files and saved:
        if st.button(t("upload.more_files"), key="upload_more", icon=":material/upload_file:"):
            state["upload_nonce"] = nonce + 1
            saved.clear()
            previews().clear()
            st.rerun()


def _preview(file, data: bytes, current) -> up.Preview:
    """The preview of one file for the current store version (recomputed when the store changes)."""
    kept = previews()
    cached = kept.get(file.file_id)
    if cached is None or cached[0] != current:
        con = cursor()  # the cached read-only store, current version
        try:
            with st.spinner(t("upload.checking", file=file.name)):
                fresh = up.preview(con, data, file.name, catalog())
        finally:
            con.close()
        if cached is not None:   # "saved meanwhile" counts from the analyst's first look
            fresh = replace(fresh, seen_upload_id=cached[1].seen_upload_id)
        cached = kept[file.file_id] = (current, fresh)
    return cached[1]


def _show_preview(file, data: bytes, preview: up.Preview) -> None:
    language = lang()
    problems = preview.validation.problems
    if not preview.ok:
        st.error(t("upload.rejected", count=number(len(problems))))
        st.dataframe(up.problem_table(problems, language), hide_index=True, width="stretch")
        st.download_button(t("upload.download_problems"), up.problems_csv(problems, language),
                           file_name=f"problem_{Path(preview.file_name).stem}.csv",
                           mime="text/csv", key=f"problems_{file.file_id}",
                           icon=":material/download:")
        st.caption(t("upload.fix_and_retry"))
        return
    s = preview.summary
    st.success(t("upload.valid"))
    cols = st.columns(6)
    cols[0].metric(t("upload.rows"), number(s.rows))
    cols[1].metric(t("upload.indicators"), number(len(s.indicators)))
    cols[2].metric(t("upload.areas"), number(len(s.areas)))
    cols[3].metric(t("upload.periods"), number(len(s.periods)))
    cols[4].metric(t("upload.new"), number(s.new))
    cols[5].metric(t("upload.revised"), number(s.revised))
    st.markdown(t("upload.summary_lists", indicators=_names(s.indicators, indicator_name),
                  areas=_names(s.areas, area_name), periods=up.period_span(s.periods, language)))
    if s.unchanged:
        st.caption(t("upload.unchanged", count=number(s.unchanged)))
    if preview.already_loaded:
        st.warning(t("upload.already_loaded",
                     ids=", ".join(f"#{i}" for i in preview.already_loaded)))
    if s.revisions:
        st.markdown(t("upload.revisions_heading"))
        st.dataframe(up.revision_table(s.revisions, catalog(), language), hide_index=True,
                     width="stretch")
        if s.revised > len(s.revisions):
            st.caption(t("upload.revisions_more", shown=number(len(s.revisions)),
                         count=number(s.revised)))
    if st.button(t("upload.save", file=preview.file_name), type="primary",
                 key=f"save_{file.file_id}", icon=":material/save:"):
        _save(file, data, preview)


def _save(file, data: bytes, preview: up.Preview) -> None:
    who = user()
    if who is None or not who.is_analyst:      # logged out or demoted since the page was drawn
        st.error(t("upload.analysts_only", name=who.label if who else "–"))
        return
    outcome = store.ingest(data, file.name, by=who.label, home=home(), catalog=catalog())
    clear_caches()
    if not outcome.ok:
        previews().pop(file.file_id, None)
        st.error(t("upload.rejected_on_save"))
        return
    con = cursor()  # the cached read-only store, current version
    try:
        meanwhile = history_view.changes_since(con, preview.seen_upload_id, outcome.upload_id)
    finally:
        con.close()
    saved_files()[file.file_id] = (outcome.upload_id, outcome.new, outcome.revised,
                                   preview.file_name, meanwhile)
    st.rerun()


def _show_saved(result) -> None:
    upload_id, new, revised, name, meanwhile = result
    st.success(t("upload.saved", upload_id=upload_id, file=name, new=number(new),
                 revised=number(revised)))
    if meanwhile:
        st.warning(t("upload.meanwhile"))
        for other in meanwhile:
            u = other.upload
            st.markdown("- " + t("upload.meanwhile_item", upload_id=u.upload_id, by=u.loaded_by,
                                 file=u.file_name, new=number(u.new_count),
                                 revised=number(u.revised_count), overlap=number(other.overlap)))
