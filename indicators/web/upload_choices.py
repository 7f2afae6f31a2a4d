"""The choices a statistical-database export needs on the upload page (DATA.md §5), and import
profiles: the indicator (by name), the sheet of a workbook with several, the area, period and value
columns (each "found from the header" until chosen), the period of every row, only the catalog's
areas. What the file suggests once the indicator is known (views.export_choices.suggestions) is
filled in and said, so a real export needs one choice. A saved profile whose layout fits the file
is proposed and applied in one click; a profile that no longer fits says which columns came and
went.

The choices live in the session under `upload_choice_<name>_<file id>` (the widgets' own keys; a
logout forgets every `upload_` key), the per-file facts (sheets, the profile applied, what was
suggested) under `upload_files`.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import streamlit as st

from indicators.ingest import Options
from indicators.views import export_choices
from indicators.web.data import catalog, home
from indicators.web.plaintext import LABEL_LIMIT, plain
from indicators.web.session import lang, t
from indicators.web.widgets import indicator_names


@dataclass
class FileChoices:
    """What the page knows about one dropped file besides the widgets' values."""
    sheets: list[str]                                    # [] unless a workbook
    profile: str | None = None                           # the profile applied
    extra: dict = field(default_factory=dict)            # profile choices no widget shows (gender)
    suggested: dict = field(default_factory=dict)        # option -> export_choices.Suggestion filled in


def key(file_id: str, name: str) -> str:
    return f"upload_choice_{name}_{file_id}"


def for_file(file) -> FileChoices:
    """The file's FileChoices, made the first time it is seen (a workbook's sheets listed once)."""
    from indicators.ingest import workbook
    kept = st.session_state.setdefault("upload_files", {})
    if file.file_id not in kept:
        kept[file.file_id] = FileChoices(workbook.sheet_names(file.getvalue()))
    return kept[file.file_id]


def forget(keep_ids: set[str]) -> None:
    """Drops what the session keeps about files no longer in the uploader (and their choices)."""
    kept = st.session_state.setdefault("upload_files", {})
    for file_id in [f for f in kept if f not in keep_ids]:
        del kept[file_id]
        for widget in [k for k in st.session_state if _is_choice_of(str(k), file_id, sheet=True)]:
            del st.session_state[widget]


_CHOICES = ("indicator", "area", "period_column", "known")
_PER_INDICATOR = ("value_", "period_")


def _is_choice_of(name: str, file_id: str, *, sheet: bool = False) -> bool:
    """True for the key of one of the file's choices (the sheet only when `sheet`)."""
    prefix, suffix = "upload_choice_", f"_{file_id}"
    if not (name.startswith(prefix) and name.endswith(suffix)):
        return False
    choice = name[len(prefix):-len(suffix)]
    return (choice in _CHOICES or choice.startswith(_PER_INDICATOR) and choice != "period_column"
            or sheet and choice in ("sheet", "profile_pick"))


def options(file_id: str, choices: FileChoices) -> Options:
    """The Options the file's widgets (and an applied profile) make."""
    state = st.session_state
    indicator = state.get(key(file_id, "indicator"))
    sheet = state.get(key(file_id, "sheet"))
    values = dict(choices.extra)
    values.update(
        indicator=indicator,
        sheet=sheet if sheet and sheet in choices.sheets else None,
        area_column=state.get(key(file_id, "area")),
        period_column=state.get(key(file_id, "period_column")),
        value_column=state.get(key(file_id, f"value_{indicator}")),
        period=(state.get(key(file_id, f"period_{indicator}")) or "").strip() or None,
        only_known_areas=bool(state.get(key(file_id, "known"))))
    return Options.from_dict({k: v for k, v in values.items() if v not in (None, "", False)})


def fill_in(file_id: str, choices: FileChoices, found: dict, indicator: str | None) -> bool:
    """Puts what the file suggests into the choices the analyst has not touched; True when any."""
    widget = {"value_column": key(file_id, f"value_{indicator}"),
              "period": key(file_id, f"period_{indicator}"), "only_known_areas": key(file_id, "known")}
    changed = False
    for name, suggestion in found.items():
        if widget[name] not in st.session_state:
            st.session_state[widget[name]] = suggestion.value
            choices.suggested[name] = suggestion
            changed = True
    return changed


# --- the widgets ----------------------------------------------------------------------------

def _columns(validation) -> list:
    seen: dict[str, None] = {}
    for text in validation.header:
        if text and text.strip():
            seen.setdefault(text.strip())
    return [None, *seen]


def show_sheet(file_id: str, choices: FileChoices) -> None:
    """The sheet choice of a workbook with several sheets (any layout). Nothing is chosen for the
    analyst: a workbook with several sheets of data is not read until one is (ingest.choose_sheet)."""
    if len(choices.sheets) > 1:
        st.selectbox(t("upload.choice_sheet"), choices.sheets, key=key(file_id, "sheet"), index=None,
                     placeholder=t("upload.choice_sheet_placeholder"))


def show(file_id: str, choices: FileChoices, validation, asks: export_choices.Asks, chosen: Options) -> None:
    """The profile proposal and the choices `asks` names."""
    if not asks.any:
        return
    if asks.indicator or chosen.indicator:
        _show_profiles(file_id, choices, validation)
    language = lang()
    if asks.indicator:
        names = indicator_names()
        st.selectbox(t("upload.choice_indicator"), list(names), index=None,
                     placeholder=t("upload.choice_indicator_placeholder"), format_func=names.get,
                     key=key(file_id, "indicator"), help=t("upload.choice_indicator_help"))
        if not chosen.indicator:
            return
    columns = _columns(validation)

    def auto(role):
        found = export_choices.own_column(validation, role)
        return lambda c: c if c is not None else (
            t("upload.choice_found", column=found) if found else t("upload.choice_none"))

    boxes = [asks.area_column, asks.period_column, asks.value_column, asks.period]
    slots = iter(st.columns(max(1, sum(boxes))))
    if asks.area_column:
        next(slots).selectbox(t("upload.choice_area_column"), columns, format_func=auto("area"),
                              key=key(file_id, "area"))
    if asks.period_column:
        next(slots).selectbox(t("upload.choice_period_column"), columns, format_func=auto("period"),
                              key=key(file_id, "period_column"))
    if asks.value_column:
        next(slots).selectbox(t("upload.choice_value_column"), columns, format_func=auto("value"),
                              key=key(file_id, f"value_{chosen.indicator}"))
    if asks.period:
        indicator = catalog().indicator(chosen.indicator or "")
        example = _example(indicator.grain) if indicator else "2024"
        next(slots).text_input(t("upload.choice_period"), key=key(file_id, f"period_{chosen.indicator}"),
                               placeholder=example, help=t("upload.choice_period_help", example=example))
    if asks.only_known:
        st.checkbox(t("upload.choice_only_known"), key=key(file_id, "known"),
                    help=t("upload.choice_only_known_help"))
    if choices.suggested:
        said = [t(s.reason, option=t(f"upload.option_{name}"), value=_said(s.value, language))
                for name, s in choices.suggested.items()]
        st.caption(plain(" ".join(said), None))


def _said(value, language: str) -> str:
    if value is True:
        return t("upload.yes")
    return f"”{value}”"


def _example(grain: str) -> str:
    from indicators import periods
    return periods.example(grain)


# --- import profiles ------------------------------------------------------------------------

def _show_profiles(file_id: str, choices: FileChoices, validation) -> None:
    from indicators.store import profiles
    saved = profiles.load(home())
    if not saved:
        return
    fitting = [p for p in profiles.matching(validation.header, home()) if p.name != choices.profile]
    columns = [c for c in _columns(validation) if c]
    for found in fitting:
        st.info(t("upload.profile_fits", name=plain(found.name, LABEL_LIMIT)), icon=":material/bookmark:")
        st.button(t("upload.profile_use", name=plain(found.name, LABEL_LIMIT)),
                  key=key(file_id, f"use_{found.name}"), type="primary", icon=":material/bookmark:",
                  on_click=apply_profile, args=(file_id, found.name, columns))
    if choices.profile:
        applied = saved.get(choices.profile)
        added, lost = applied.changes(validation.header) if applied else ([], [])
        if added or lost:
            st.warning(t("upload.profile_changed", name=plain(choices.profile, LABEL_LIMIT),
                         added=plain(", ".join(added) or "–"), lost=plain(", ".join(lost) or "–")))
        else:
            st.caption(t("upload.profile_applied", name=plain(choices.profile, LABEL_LIMIT)))
    others = [name for name in saved if name not in {p.name for p in fitting} and name != choices.profile]
    if others:
        picker = key(file_id, "profile_pick")
        st.selectbox(t("upload.profile_other"), others, index=None,
                     placeholder=t("upload.profile_other_placeholder"), key=picker,
                     on_change=lambda: apply_profile(file_id, st.session_state.get(picker), columns))


def apply_profile(file_id: str, name: str | None, columns: list[str]) -> None:
    """Sets the file's choices to a saved profile's (a callback: before the widgets are drawn).
    A column the file does not have is left to the header (the page says what changed)."""
    from indicators.ingest import lookups
    from indicators.store import profiles
    profile = profiles.load(home()).get(name or "")
    choices = st.session_state.get("upload_files", {}).get(file_id)
    if profile is None or choices is None:
        return
    state, chosen = st.session_state, profile.options
    for widget in [k for k in state if _is_choice_of(str(k), file_id)]:
        del state[widget]        # the profile's choices replace the analyst's (not the sheet)
    indicator = lookups.indicator_id_for(catalog(), chosen.indicator) if chosen.indicator else None
    if indicator:
        state[key(file_id, "indicator")] = indicator
    if chosen.sheet and chosen.sheet in choices.sheets:
        state[key(file_id, "sheet")] = chosen.sheet
    for option, widget in (("area_column", "area"), ("period_column", "period_column"),
                           ("value_column", f"value_{indicator}")):
        value = (getattr(chosen, option) or "").strip()
        if value in columns:
            state[key(file_id, widget)] = value
    if chosen.period:
        state[key(file_id, f"period_{indicator}")] = chosen.period
    state[key(file_id, "known")] = chosen.only_known_areas
    choices.profile = profile.name
    choices.extra = {"gender": chosen.gender} if chosen.gender != Options().gender else {}
    choices.suggested = {}
