"""`python -m indicators COMMAND`: a thin edge over the same functions the pages use.

Exit statuses follow DATA.md section 4: 0 done/valid, 1 rejected/invalid/unknown id, 2 usage error.
Messages are Swedish unless INDICATORS_LANG=en.
"""
from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from indicators import config
from indicators.i18n import number, t

OK, INVALID, USAGE = 0, 1, 2


class _Parser(argparse.ArgumentParser):
    def error(self, message: str):  # usage errors exit 2, in the user's language
        self.print_usage(sys.stderr)
        print(t("cli.usage_error", message=message), file=sys.stderr)
        raise SystemExit(USAGE)


def _parser() -> argparse.ArgumentParser:
    parser = _Parser(prog="python -m indicators", description=t("cli.description"))
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)
    check = commands.add_parser("check", help=t("cli.help_check"))
    check.add_argument("file")
    check.add_argument("--sheet", help=t("cli.help_sheet"))
    ingest = commands.add_parser("ingest", help=t("cli.help_ingest"))
    ingest.add_argument("file")
    ingest.add_argument("--by", help=t("cli.help_by"))
    ingest.add_argument("--sheet", help=t("cli.help_sheet"))
    commands.add_parser("history", help=t("cli.help_history"))
    revert = commands.add_parser("revert", help=t("cli.help_revert"))
    revert.add_argument("upload_id", type=int)
    revert.add_argument("--by", help=t("cli.help_by"))
    demo = commands.add_parser("demo", help=t("cli.help_demo"))
    demo.add_argument("action", choices=["remove", "restore"])
    commands.add_parser("rebuild", help=t("cli.help_rebuild"))
    template = commands.add_parser("template", help=t("cli.help_template"))
    template.add_argument("indicator", nargs="?")
    template.add_argument("--periods", type=int, default=1)
    template.add_argument("--out", help=t("cli.help_out"))
    _add_extensions(commands)
    return parser


def _add_extensions(commands) -> None:
    """Commands that live in their own modules (user accounts, press pack) register here."""
    for name in ("indicators.cli.users", "indicators.cli.presspack"):
        try:
            module = __import__(name, fromlist=["register"])
        except ModuleNotFoundError:
            continue
        module.register(commands)


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    handler = globals().get(f"_cmd_{args.command}") or getattr(args, "handler", None)
    try:
        return handler(args)
    except FileNotFoundError as missing:
        print(t("cli.no_such_file", path=missing.filename or ""), file=sys.stderr)
        return USAGE


def _read(path: str) -> bytes:
    return Path(path).read_bytes()


def _print_problems(problems, lang: str) -> None:
    """One line per problem; each message already names its line and column."""
    for problem in problems:
        print(problem.message(lang), file=sys.stderr)


def _cmd_check(args) -> int:
    import duckdb

    from indicators.catalog import load_catalog
    from indicators.ingest import validate

    lang = config.lang()
    data = _read(args.file)
    result = validate(duckdb.connect(), data, Path(args.file).name, load_catalog(), sheet=args.sheet)
    if not result.ok:
        _print_problems(result.problems, lang)
        print(t("cli.invalid", lang, count=len(result.problems)), file=sys.stderr)
        return INVALID
    print(t("cli.valid", lang, rows=number(result.row_count, lang)))
    return OK


def _cmd_ingest(args) -> int:
    from indicators import store

    lang = config.lang()
    data = _read(args.file)
    outcome = store.ingest(data, Path(args.file).name, by=args.by or _user())
    if not outcome.ok:
        _print_problems(outcome.validation.problems, lang)
        print(t("cli.rejected", lang, count=len(outcome.validation.problems)), file=sys.stderr)
        return INVALID
    print(t("cli.stored", lang, upload_id=outcome.upload_id,
            rows=number(outcome.validation.row_count, lang),
            new=number(outcome.new, lang), revised=number(outcome.revised, lang)))
    return OK


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "okänd"


def _cmd_history(args) -> int:
    from indicators import store

    lang = config.lang()
    con = store.connect()
    rows = store.uploads(con)
    print("\t".join(t(f"cli.history_{c}", lang) for c in
                    ("id", "loaded_at", "by", "status", "kind", "rows", "new", "revised", "file")))
    for u in rows:
        print("\t".join([str(u.upload_id), u.loaded_at.strftime("%Y-%m-%d %H:%M"), u.loaded_by,
                         t(f"cli.status_{u.status}", lang), t(f"cli.kind_{u.kind}", lang),
                         str(u.row_count), str(u.new_count), str(u.revised_count), u.file_name]))
    return OK


def _cmd_revert(args) -> int:
    from indicators import store

    lang = config.lang()
    if not store.revert(args.upload_id, by=args.by or _user()):
        print(t("cli.unknown_upload", lang, upload_id=args.upload_id), file=sys.stderr)
        return INVALID
    print(t("cli.reverted", lang, upload_id=args.upload_id))
    return OK


def _cmd_demo(args) -> int:
    from indicators import store

    store.set_demo_hidden(args.action == "remove")
    print(t(f"cli.demo_{args.action}d"))
    return OK


def _cmd_rebuild(args) -> int:
    from indicators import store

    for note in store.rebuild():
        print(t("cli.rebuild_skipped", note=note), file=sys.stderr)
    print(t("cli.rebuilt"))
    return OK


def _cmd_template(args) -> int:
    from indicators import exports, store
    from indicators.catalog import load_catalog
    from indicators.store import history as store_history
    from indicators.ingest.template import template_rows, template_table

    catalog = load_catalog()
    if args.indicator:
        chosen = catalog.indicator(args.indicator)
        if chosen is None:
            print(t("cli.unknown_indicator", indicator=args.indicator), file=sys.stderr)
            return USAGE
        chosen_list = [chosen]
    else:
        chosen_list = list(catalog.indicators)
    latest = store_history.latest_real_periods(store.connect())
    rows = template_rows(catalog, chosen_list, latest, periods=max(1, args.periods))
    data = exports.write("csv_cp1252", template_table(rows))
    if args.out:
        Path(args.out).write_bytes(data)
    else:
        sys.stdout.write(data.decode("cp1252"))  # what --out would save
    return OK
