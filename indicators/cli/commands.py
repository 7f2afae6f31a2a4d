"""The data commands of `python -m indicators`: history, revert, demo, rebuild, template (check
and ingest of a file are files.py). A thin edge over the same functions the pages use.

Exit statuses follow DATA.md section 4: 0 done/valid, 1 rejected/invalid/unknown id, 2 usage error.
Messages are Swedish unless INDICATORS_LANG=en.
"""
from __future__ import annotations

import getpass
import sys
from pathlib import Path

from indicators import config
from indicators.cli.output import say, warn
from indicators.cli.table import USAGE, Command
from indicators.i18n import t

OK, INVALID = 0, 1


def _user() -> str:
    try:
        return getpass.getuser()
    except Exception:  # no login name in some containers
        return "okänd"


def _no_arguments(parser, lang: str) -> None:
    pass


def history(args) -> int:
    from indicators import store

    lang = config.lang()
    rows = store.uploads(store.connect())
    print("\t".join(t(f"cli.history_{c}", lang) for c in
                    ("id", "loaded_at", "by", "status", "kind", "rows", "new", "revised", "file")))
    for u in rows:
        say("\t".join([str(u.upload_id), u.loaded_at.strftime("%Y-%m-%d %H:%M"), u.loaded_by,
                       t(f"cli.status_{u.status}", lang), t(f"cli.kind_{u.kind}", lang),
                       str(u.row_count), str(u.new_count), str(u.revised_count), u.file_name]))
    return OK


def _revert_arguments(parser, lang: str) -> None:
    parser.add_argument("upload_id", type=int)
    parser.add_argument("--by", help=t("cli.help_by", lang))


def revert(args) -> int:
    from indicators import store

    lang = config.lang()
    done = next((u for u in store.uploads(store.connect()) if u.upload_id == args.upload_id
                 and u.status == "reverted"), None)
    if done is not None:   # nothing to undo: not done now, so not 0 (DATA.md section 4)
        when = done.reverted_at.strftime("%Y-%m-%d %H:%M") if done.reverted_at else "?"
        print(t("cli.already_reverted", lang, upload_id=args.upload_id, at=when,
                by=done.reverted_by or "?"), file=sys.stderr)
        return INVALID
    if not store.revert(args.upload_id, by=args.by or _user()):
        print(t("cli.unknown_upload", lang, upload_id=args.upload_id), file=sys.stderr)
        return INVALID
    print(t("cli.reverted", lang, upload_id=args.upload_id))
    return OK


def _demo_arguments(parser, lang: str) -> None:
    parser.add_argument("action", choices=["remove", "restore"])


def demo(args) -> int:
    from indicators import store

    store.set_demo_hidden(args.action == "remove")
    print(t(f"cli.demo_{args.action}d", config.lang()))
    return OK


def rebuild(args) -> int:
    from indicators import store

    lang = config.lang()
    for name, problem in store.rebuild():
        warn(t("cli.rebuild_skipped", lang, note=f"{name}: {problem.message(lang)}"))
    print(t("cli.rebuilt", lang))
    return OK


def _template_arguments(parser, lang: str) -> None:
    parser.add_argument("indicator", nargs="?")
    parser.add_argument("--periods", type=int, default=1)
    parser.add_argument("--out", help=t("cli.help_out", lang))


def template(args) -> int:
    from indicators import exports, store
    from indicators.catalog import load_catalog
    from indicators.ingest.template import template_rows, template_table
    from indicators.store import history as store_history

    lang = config.lang()
    catalog = load_catalog()
    if args.indicator:
        chosen = catalog.indicator(args.indicator)
        if chosen is None:
            print(t("cli.unknown_indicator", lang, indicator=args.indicator), file=sys.stderr)
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


COMMANDS = (
    Command("history", "cli.help_history", _no_arguments, history),
    Command("revert", "cli.help_revert", _revert_arguments, revert),
    Command("demo", "cli.help_demo", _demo_arguments, demo),
    Command("rebuild", "cli.help_rebuild", _no_arguments, rebuild),
    Command("template", "cli.help_template", _template_arguments, template),
)
