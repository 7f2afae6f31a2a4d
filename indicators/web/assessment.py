"""The indicator page's form where an analyst records the committee's assessment of one indicator
for a follow-up round: it builds an assessments file (views/assessments.csv_bytes) and saves it
with store.ingest under the analyst's name, so it is archived, listed in the upload history and
undone like any upload (the form offers the undo at once too).
"""
from __future__ import annotations

from datetime import date

import streamlit as st

from indicators import store
from indicators.web.data import catalog, clear_caches, home
from indicators.web.login import user
from indicators.web.session import lang, t

SAVED_KEY = "assessment_saved"     # session: {indicator_id: upload_id} saved from this page


def _save(indicator_id: str) -> None:
    from indicators.views import assessments
    state = st.session_state
    who = user()
    if who is None or not who.is_analyst:
        return
    text = assessments.one_line(state.get(f"assessment_text_{indicator_id}", ""))
    if not text:
        state[f"assessment_problem_{indicator_id}"] = [t("assessment.form_empty")]
        return
    follow_up = assessments.one_line(state.get(f"assessment_round_{indicator_id}", ""))
    judgement = state.get(f"assessment_judgement_{indicator_id}") or None
    by = state.get(f"assessment_by_{indicator_id}", "")
    data = assessments.csv_bytes(indicator_id, follow_up, text, judgement, by)
    outcome = store.ingest(data, assessments.file_name(indicator_id, follow_up), by=who.label,
                           home=home(), catalog=catalog())
    clear_caches()
    if not outcome.ok:
        state[f"assessment_problem_{indicator_id}"] = [
            p.message(lang()) for p in outcome.validation.problems]
        return
    state.pop(f"assessment_problem_{indicator_id}", None)
    state.setdefault(SAVED_KEY, {})[indicator_id] = outcome.upload_id
    state[f"assessment_text_{indicator_id}"] = ""


def _undo(indicator_id: str, upload_id: int) -> None:
    who = user()
    if who is None or not who.is_analyst:
        return
    store.revert(upload_id, by=who.label, home=home())
    clear_caches()
    st.session_state.get(SAVED_KEY, {}).pop(indicator_id, None)
    st.session_state[f"assessment_undone_{indicator_id}"] = upload_id


def assessment_form(indicator_id: str) -> None:
    """For an analyst: round, sentence, optional manual status, decided by; save; undo the save.
    Nothing for anybody else."""
    from indicators.method import status as statuses
    from indicators.views import assessments
    who = user()
    if who is None or not who.is_analyst:
        return
    state = st.session_state
    st.subheader(t("assessment.form_heading"))
    st.caption(t("assessment.form_help"))
    saved = state.get(SAVED_KEY, {}).get(indicator_id)
    if saved is not None:
        st.success(t("assessment.form_saved", upload_id=saved))
        st.button(t("assessment.form_undo"), key=f"assessment_undo_{indicator_id}", on_click=_undo,
                  args=(indicator_id, saved), icon=":material/undo:")
    undone = state.pop(f"assessment_undone_{indicator_id}", None)
    if undone is not None:
        st.info(t("assessment.form_undone", upload_id=undone))
    for line in state.get(f"assessment_problem_{indicator_id}", []):
        st.error(line)
    indicator = catalog().indicator(indicator_id)
    choices = [""] + list(assessments.JUDGEMENTS)
    names = {"": t("assessment.form_no_judgement")}
    names.update({j: statuses.badge(j, indicator.polarity, lang()) for j in assessments.JUDGEMENTS})
    with st.form(key=f"assessment_form_{indicator_id}"):
        st.text_input(t("assessment.form_round"), value=assessments.default_round(date.today()),
                      key=f"assessment_round_{indicator_id}")
        st.text_area(t("assessment.form_text"), key=f"assessment_text_{indicator_id}", max_chars=600)
        st.selectbox(t("assessment.form_judgement"), choices, format_func=names.get,
                     key=f"assessment_judgement_{indicator_id}")
        st.text_input(t("assessment.form_by"), value=t("assessment.form_by_default"),
                      key=f"assessment_by_{indicator_id}")
        st.form_submit_button(t("assessment.form_save"), type="primary", on_click=_save,
                              args=(indicator_id,))
