"""The upload page (analysts only): who may be here, then three tabs: upload → choices → preview →
confirm (upload_files.py, upload_choices.py), templates and a guide, and the history with the
archived originals and undo (upload_history.py). Each tab runs inside guarded(): a bug is a message
with an error reference, its traceback goes to the server log. The core does the work
(views.upload_preview, views.history, views.template_offer, store); these modules read inputs and
render.
"""
from __future__ import annotations

import streamlit as st

from indicators.web import upload_files, upload_history
from indicators.web.guard import guarded
from indicators.web.login import login_method, user
from indicators.web.plaintext import plain
from indicators.web.session import t


def upload_page() -> None:
    """The whole upload page: the title, the gate, the three tabs."""
    st.title(t("upload.title"))
    if not _may_upload():
        st.stop()
    upload_tab, template_tab, history_tab = st.tabs(
        [t("upload.tab_upload"), t("upload.tab_templates"), t("upload.tab_history")])
    with upload_tab, guarded("upload.crashed"):
        upload_files.upload_section()
    with template_tab, guarded("upload.crashed"):
        upload_history.template_section()
    with history_tab, guarded("upload.crashed"):
        upload_history.history_section()
    upload_files.release_after_save()


def _may_upload() -> bool:
    """True for a logged-in analyst; everyone else is told why not (and how to get an account)."""
    from indicators.access import accounts
    method = login_method()
    current = user()
    if method == "none":
        _how_to_create_account()
        return False
    if current is None:
        st.info(t("upload.login_first_oidc" if method == "oidc" else "upload.login_first"))
        if method == "local" and not accounts.has_analyst():
            _how_to_create_account()
        return False
    if not current.is_analyst:
        st.warning(t("upload.analysts_only", name=plain(current.label)))
        return False
    return True


def _how_to_create_account() -> None:
    from indicators.access import accounts
    st.warning(t("upload.no_account"))
    st.code('.venv/bin/python -m indicators user add anna.andersson --name "Anna Andersson"'
            " --role analyst", language="sh")
    st.caption(t("upload.no_account_more", path=str(accounts.default_path())))
