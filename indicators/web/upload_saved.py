"""After a save on the upload page: what the save did, uploads other analysts saved meanwhile, and
the offer to keep the choices as an import profile. The session keeps one `Saved` per saved file.
"""
from __future__ import annotations

from dataclasses import dataclass

import streamlit as st

from indicators.ingest import Options
from indicators.views import export_choices
from indicators.web.data import home
from indicators.web.plaintext import LABEL_LIMIT, plain
from indicators.web.session import number, t


@dataclass
class Saved:
    """A file saved in this session: what the save did, and what a profile would keep."""
    upload_id: int
    file_name: str
    new: int
    revised: int
    annotated: int
    meanwhile: list
    options: Options
    header: list[str]
    profile: str | None = None          # the profile the file was read with
    profile_saved: str | None = None    # the profile saved from it


def saved_files() -> dict:
    """file_id -> Saved, oldest first."""
    return st.session_state.setdefault("upload_saved", {})



def show_saved(file_id: str, result: Saved) -> None:
    """What the save did (new, revised, annotated), uploads saved meanwhile, and the profile offer."""
    text = t("upload.saved", upload_id=result.upload_id, file=plain(result.file_name, LABEL_LIMIT),
             new=number(result.new), revised=number(result.revised))
    if result.annotated:
        text += " " + t("upload.annotated", count=number(result.annotated))
    st.success(text)
    if result.meanwhile:
        st.warning(t("upload.meanwhile"))
        for other in result.meanwhile:
            u = other.upload
            st.markdown("- " + t("upload.meanwhile_item", upload_id=u.upload_id, by=plain(u.loaded_by),
                                 file=plain(u.file_name, LABEL_LIMIT), new=number(u.new_count),
                                 revised=number(u.revised_count), overlap=number(other.overlap)))
    offer_profile(file_id, result)


def offer_profile(file_id: str, result: Saved) -> None:
    """After a save with choices: keep them as an import profile under a name."""
    from indicators.store import profiles
    worth = export_choices.profile_options(result.options)
    if not worth.as_dict():
        return
    if result.profile_saved:
        st.success(t("upload.profile_saved", name=plain(result.profile_saved, LABEL_LIMIT)),
                   icon=":material/bookmark:")
        return
    same = result.profile and profiles.load(home()).get(result.profile)
    if same and export_choices.profile_options(same.options) == worth:
        st.caption(t("upload.read_with_profile", name=plain(result.profile, LABEL_LIMIT)))
        return
    left, right = st.columns([3, 1], vertical_alignment="bottom")
    name = left.text_input(t("upload.profile_name"), key=f"upload_profile_name_{file_id}",
                           value=result.profile or "", max_chars=60,
                           help=t("upload.profile_name_help"))
    if right.button(t("upload.profile_save"), key=f"upload_profile_save_{file_id}",
                    icon=":material/bookmark_add:"):
        try:
            profiles.save(name, worth, result.header, home())
        except profiles.ProfileError:
            st.error(t("upload.profile_bad_name"))
            return
        result.profile_saved = name.strip()
        st.rerun()
    if result.options.period:
        st.caption(t("upload.profile_no_period"))
