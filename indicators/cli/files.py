"""`check` and `ingest` of a file, with the choices a statistical-database export needs, and
`profile list|show|remove` (DATA.md §4). A thin edge over ingest.validate and store.ingest.

Problems go to standard error, one line each; what the preview would tell (title and footnote
lines skipped, columns ignored, symbols read, areas skipped) goes to standard output.
"""
from __future__ import annotations

from pathlib import Path

from indicators import config
from indicators.cli.output import say, warn
from indicators.cli.table import USAGE, Command
from indicators.i18n import number, t

OK, INVALID = 0, 1
_SETUP_KEYS = ("ingest.missing_columns", "ingest.choose_value_column", "ingest.no_such_column")


def _user() -> str:
    import getpass

    try:
        return getpass.getuser()
    except Exception:  # noqa: BLE001 - no login name in some containers
        return "okänd"


def _file_arguments(parser, lang: str, *, by: bool = False) -> None:
    parser.add_argument("file")
    if by:
        parser.add_argument("--by", help=t("cli.help_by", lang))
    parser.add_argument("--sheet", help=t("cli.help_sheet", lang))
    parser.add_argument("--indicator", help=t("cli.help_indicator", lang))
    parser.add_argument("--area-column", help=t("cli.help_area_column", lang))
    parser.add_argument("--period-column", help=t("cli.help_period_column", lang))
    parser.add_argument("--value-column", help=t("cli.help_value_column", lang))
    parser.add_argument("--period", help=t("cli.help_period", lang))
    parser.add_argument("--only-known-areas", action="store_true", help=t("cli.help_only_known", lang))
    parser.add_argument("--gender", choices=["T", "K", "M"], help=t("cli.help_gender", lang))
    parser.add_argument("--profile", help=t("cli.help_profile", lang))
    parser.add_argument("--save-profile", metavar="NAME", help=t("cli.help_save_profile", lang))


def _choices(args):
    """The Options the arguments (and the named profile, which they override) make; None and a
    message when the profile does not exist."""
    from indicators.ingest import Options
    from indicators.store import profiles

    given = Options.from_dict({key: value for key, value in {
        "indicator": args.indicator, "area_column": args.area_column, "period_column": args.period_column,
        "value_column": args.value_column, "period": args.period, "sheet": args.sheet,
        "only_known_areas": args.only_known_areas or None, "gender": args.gender}.items() if value})
    if not args.profile:
        return given, None
    profile = profiles.load().get(args.profile)
    if profile is None:
        return None, None
    return profile.options.merged(given), profile


def _report(validation, lang: str, profile, file_name: str) -> None:
    from indicators.store import profiles

    for notice in validation.notices:
        say(notice.message(lang))
    if profile is not None:
        added, lost = profile.changes(validation.header)
        if added or lost:
            say(t("cli.profile_changed", lang, name=profile.name, added=", ".join(added) or "–",
                  lost=", ".join(lost) or "–"))
    for problem in validation.problems:
        warn(problem.message(lang))
    if not validation.options.only_known_areas and any(p.key == "ingest.unknown_area" for p in validation.problems):
        say(t("cli.tip_only_known", lang))
    if profile is None and any(p.key in _SETUP_KEYS for p in validation.problems):
        for fitting in profiles.matching(validation.header):
            say(t("cli.profile_fits", lang, name=fitting.name))
    _missing_choices(validation, file_name, lang)


OPTION_FLAGS = {"indicator": "--indicator", "value_column": "--value-column", "period": "--period"}


def _missing_choices(validation, file_name: str, lang: str) -> None:
    """Every choice the file still needs in one line, each with what the file suggests."""
    from indicators.catalog import load_catalog
    from indicators.views.export_choices import missing_choices

    missing = missing_choices(validation, file_name, load_catalog(), validation.options)
    if not missing:
        return
    given, reasons = [], []
    for name, suggestion in missing.items():
        flag = OPTION_FLAGS[name]
        if suggestion is None:
            given.append(f"{flag} {t(f'cli.choice_{name}', lang)}")
            continue
        value = f'"{suggestion.value}"' if " " in str(suggestion.value) else str(suggestion.value)
        given.append(f"{flag} {value}")
        reasons.append(t(suggestion.reason, lang, option=flag, value=value))
    warn(" ".join([t("cli.missing_choices", lang, choices=", ".join(given)), *reasons]))


def _save_profile(args, options, validation, lang: str) -> None:
    from indicators.store import profiles

    if args.save_profile and validation.ok:
        try:
            profiles.save(args.save_profile, options, validation.header)
        except profiles.ProfileError:
            warn(t("cli.bad_profile_name", lang, name=args.save_profile))
            return
        say(t("cli.profile_saved", lang, name=args.save_profile))


def _unknown_profile(args, lang: str) -> int:
    warn(t("cli.unknown_profile", lang, name=args.profile))
    return USAGE


def check(args) -> int:
    import duckdb

    from indicators.catalog import load_catalog
    from indicators.ingest import validate

    lang = config.lang()
    options, profile = _choices(args)
    if options is None:
        return _unknown_profile(args, lang)
    data = Path(args.file).read_bytes()
    result = validate(duckdb.connect(), data, Path(args.file).name, load_catalog(), options=options)
    _report(result, lang, profile, Path(args.file).name)
    if not result.ok:
        warn(t("cli.invalid", lang, count=len(result.problems)))
        return INVALID
    _save_profile(args, options, result, lang)
    say(t("cli.valid", lang, rows=number(result.row_count, lang)))
    return OK


def ingest(args) -> int:
    from indicators import store

    lang = config.lang()
    options, profile = _choices(args)
    if options is None:
        return _unknown_profile(args, lang)
    data = Path(args.file).read_bytes()
    outcome = store.ingest(data, Path(args.file).name, by=args.by or _user(), options=options)
    _report(outcome.validation, lang, profile, Path(args.file).name)
    if not outcome.ok:
        warn(t("cli.rejected", lang, count=len(outcome.validation.problems)))
        return INVALID
    _save_profile(args, options, outcome.validation, lang)
    say(t("cli.stored", lang, upload_id=outcome.upload_id, rows=number(outcome.validation.row_count, lang),
          new=number(outcome.new, lang), revised=number(outcome.revised, lang)))
    if outcome.annotated:
        say(t("cli.annotated", lang, count=number(outcome.annotated, lang)))
    return OK


def _profile_arguments(parser, lang: str) -> None:
    parser.add_argument("action", choices=["list", "show", "remove"])
    parser.add_argument("name", nargs="?")


def profile(args) -> int:
    from indicators.store import profiles

    lang = config.lang()
    saved = profiles.load()
    if args.action == "list":
        for found in saved.values():
            say(f"{found.name}\t{', '.join(f'{k}={v}' for k, v in found.options.as_dict().items())}")
        return OK
    if not args.name:
        warn(t("cli.profile_name_needed", lang))
        return USAGE
    found = saved.get(args.name)
    if found is None:
        warn(t("cli.unknown_profile", lang, name=args.name))
        return INVALID
    if args.action == "remove":
        profiles.remove(args.name)
        say(t("cli.profile_removed", lang, name=args.name))
        return OK
    say(found.name)
    for key, value in found.options.as_dict().items():
        say(f"  {key} = {value}")
    say(f"  {t('cli.profile_layout', lang)}: {' | '.join(found.layout)}")
    return OK


COMMANDS = (
    Command("check", "cli.help_check", _file_arguments, check),
    Command("ingest", "cli.help_ingest", lambda parser, lang: _file_arguments(parser, lang, by=True), ingest),
    Command("profile", "cli.help_profile_command", _profile_arguments, profile),
)
