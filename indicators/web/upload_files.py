"""The upload page's first tab: drop files; for each, the choices an export without the standard
columns needs (upload_choices.py), how the file is read (which column became area, period and
value, what was skipped or read as a symbol), its problems or what it adds and revises; save it,
save the choices as an import profile, and hear about uploads other analysts saved meanwhile.

Memory: the session keeps no file bytes (the uploader holds them until every file in it is saved,
then it is emptied), one small preview per file in the uploader (dropped when the file leaves it),
and the validation runs on a connection of its own that is closed right after, so the DuckDB
scratch tables of a 40 MB file do not outlive its preview. A file is handled inside `guarded()`:
a bug shows a message with an error reference, never a traceback.
"""
from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import streamlit as st

from indicators import config, store
from indicators.ingest import Options
from indicators.views import export_choices, history as history_view, upload_preview as up
from indicators.web import upload_choices as choices, upload_saved
from indicators.web.data import catalog, clear_caches, cursor, home, version
from indicators.web.guard import guarded
from indicators.web.housekeeping import release_memory
from indicators.web.login import user
from indicators.web.plaintext import LABEL_LIMIT, plain
from indicators.web.session import lang, number, t

FILE_TYPES = ["csv", "txt", "tsv", "xlsx", "xls", "px", "json"]
MB = 1024 * 1024
PREVIEW_MEMORY_MB = 128   # DuckDB's share of a preview and of the save; past it DuckDB spills to
                          # disk. 40 MB files (benchmarks/upload_memory.py): server peak 492 MiB at
                          # 128, 512-542 at 256, as fast; a re-upload 607 vs 653-692 MiB


# --- what the session keeps -----------------------------------------------------------------

def previews() -> dict:
    """file_id -> (store version, Options, Preview) of the files in the uploader."""
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
                             max_upload_size=max(1, config.max_upload_bytes() // MB)) or []
    saved = upload_saved.saved_files()
    present = {f.file_id for f in files}
    for gone in [f for f in previews() if f not in present]:   # released with its file
        del previews()[gone]
    choices.forget(present - set(saved))
    pending = [f for f in files if f.file_id not in saved]
    for file in pending:
        with st.container(border=True):
            st.subheader(f":material/description: {plain(store.display_name(file.name), LABEL_LIMIT)}")
            with guarded("upload.crashed"):
                _one_file(file, [f.file_id for f in files])
    if pending and saved:
        if st.button(t("upload.more_files"), key="upload_more", icon=":material/upload_file:"):
            _drop_uploaded([f.file_id for f in files])
            _empty_uploader()
            st.rerun()
    for file_id, result in reversed(list(saved.items())):
        with st.container(border=True):
            with guarded("upload.crashed"):
                upload_saved.show_saved(file_id, result)


def _drop_uploaded(file_ids: list[str]) -> None:
    """Lets Streamlit forget uploaded files' bytes now. It keeps them until the browser removes
    them or the session shuts down, and a session whose tab was closed is kept for reconnection,
    then dropped without a shutdown: the bytes of every saved 40 MB file stayed in the server.
    st.chat_input releases its files the same way."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    remove = getattr(getattr(ctx, "uploaded_file_mgr", None), "remove_file", None)
    if remove is None:      # another upload manager: it keeps them as long as it keeps them
        return
    for file_id in file_ids:
        try:
            remove(session_id=ctx.session_id, file_id=file_id)
        except Exception:  # noqa: BLE001 - already gone is fine
            pass


def _empty_uploader() -> None:
    """A new, empty uploader: the files (and their bytes) leave the session."""
    st.session_state["upload_nonce"] = st.session_state.get("upload_nonce", 0) + 1
    previews().clear()


def _one_file(file, all_ids: list[str]) -> None:
    """One dropped file: its choices, how it is read, its preview, the save button."""
    kept = choices.for_file(file)
    chosen = choices.options(file.file_id, kept)
    preview = _preview(file, chosen)
    found = export_choices.suggestions(preview.validation, file.name, catalog(), chosen)
    if choices.fill_in(file.file_id, kept, found, chosen.indicator):
        chosen = choices.options(file.file_id, kept)
        preview = _preview(file, chosen)
    asks = export_choices.asks(preview.validation, chosen)
    choices.show_sheet(file.file_id, kept)
    choices.show(file.file_id, kept, preview.validation, asks, chosen)
    if asks.indicator and not chosen.indicator:
        st.info(t("upload.choose_indicator_first"), icon=":material/arrow_upward:")
        _show_reading(preview.validation)
        return
    _show_reading(preview.validation)
    _show_preview(file, preview, chosen, kept, all_ids)


def _preview(file, chosen: Options) -> up.Preview:
    """The preview of one file with these choices for the current store version (computed again
    only when the choices or the store change)."""
    kept = previews()
    current = version()
    cached = kept.get(file.file_id)
    if cached is not None and cached[0] == current and cached[1] == chosen:
        return cached[2]
    con = store.connect(home(), memory_limit_mb=PREVIEW_MEMORY_MB)   # a connection of its own:
    # its scratch tables die with it, and past the limit they go to disk, not to the server's RSS
    try:
        with st.spinner(t("upload.checking", file=plain(store.display_name(file.name), LABEL_LIMIT))):
            fresh = up.preview(con, file.getvalue(), file.name, catalog(), options=chosen)
    finally:
        con.close()
    if cached is not None:   # "saved meanwhile" counts from the analyst's first look
        fresh = replace(fresh, seen_upload_id=cached[2].seen_upload_id)
    kept[file.file_id] = (current, chosen, fresh)
    release_memory()        # the validation's tables are gone: give their memory back now,
    return fresh             # so the save does not stack its own on top of it


def _show_reading(validation) -> None:
    """How the file is read (which column became what) and every notice, as plain text."""
    language = lang()
    mapping = up.mapping_lines(validation, catalog(), language)
    if mapping:
        st.markdown(f"**{t('upload.mapping_heading')}**  \n"
                    + "  \n".join(plain(line, None) for line in mapping))
    notices = up.notice_lines(validation, language)
    if notices:
        st.markdown(f"**{t('upload.notices_heading')}**  \n"
                    + "  \n".join(plain(line) for line in notices))


def _show_preview(file, preview: up.Preview, chosen: Options, kept, all_ids: list[str]) -> None:
    language = lang()
    problems = preview.validation.problems
    if not preview.ok:
        st.error(t("upload.rejected", count=number(len(problems))))
        st.dataframe(up.problem_table(problems, language), hide_index=True, width="stretch")
        st.download_button(t("upload.download_problems"), up.problems_csv(problems, language),
                           file_name=f"problem_{Path(preview.file_name).stem}.csv",
                           mime="text/csv", key=f"problems_{file.file_id}", on_click="ignore",
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
    st.markdown(t("upload.summary_lists", indicators=plain(_names(s.indicators, indicator_name)),
                  areas=plain(_names(s.areas, area_name)),
                  periods=plain(up.period_span(s.periods, language))))
    if s.unchanged:
        st.caption(t("upload.unchanged", count=number(s.unchanged)))
    if s.annotated:
        st.caption(t("upload.annotated_preview", count=number(s.annotated)))
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
    if st.button(t("upload.save", file=plain(preview.file_name, LABEL_LIMIT)), type="primary",
                 key=f"save_{file.file_id}", icon=":material/save:"):
        _save(file, preview, chosen, kept, all_ids)


def _save(file, preview: up.Preview, chosen: Options, kept, all_ids: list[str]) -> None:
    who = user()
    if who is None or not who.is_analyst:      # logged out or demoted since the page was drawn
        st.error(t("upload.analysts_only", name=plain(who.label) if who else "–"))
        return
    clear_caches()       # before the write: the cached store connection and its buffers go now,
    release_memory()    # not on top of the ingest's own peak (every page reopens it when asked)
    outcome = store.ingest(file.getvalue(), file.name, by=who.label, home=home(), catalog=catalog(),
                           options=chosen, memory_limit_mb=PREVIEW_MEMORY_MB)
    clear_caches()
    previews().pop(file.file_id, None)
    if not outcome.ok:
        st.error(t("upload.rejected_on_save"))
        return
    con = cursor()  # the cached read-only store, current version
    try:
        meanwhile = history_view.changes_since(con, preview.seen_upload_id, outcome.upload_id)
    finally:
        con.close()
    saved = upload_saved.saved_files()
    saved[file.file_id] = upload_saved.Saved(outcome.upload_id, preview.file_name, outcome.new, outcome.revised,
                                outcome.annotated, meanwhile, chosen,
                                list(outcome.validation.header), kept.profile)
    _drop_uploaded([file.file_id])  # saved and archived: the server needs its bytes no more
    if all(i in saved for i in all_ids):
        _empty_uploader()           # every file is saved: a fresh uploader for the next one
    release_memory()
    st.session_state["upload_release_memory"] = True   # once more at the end of the next run,
    st.rerun()                                          # after it has read the new store


def release_after_save() -> None:
    """At the end of the run after a save: the new store's first reads (history, templates) and the
    file's last references are gone by now; hand that memory back too."""
    if st.session_state.pop("upload_release_memory", False):
        release_memory()
