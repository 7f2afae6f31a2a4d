"""`python -m indicators user add|remove|list`: local accounts from the command line.

Joins the command table in cli/main.py (`COMMANDS`). Exit statuses: 0 done, 1 rejected, 2 usage
error (argparse). The password is read with getpass (twice), or from the first line of stdin with
`--password-stdin`; it is never echoed, printed or passed on the command line.
"""
from __future__ import annotations

import getpass
import sys

from indicators.access import accounts
from indicators import config
from indicators.cli.table import Command
from indicators.i18n import t

OK, FAILED = 0, 1


def arguments(user, lang: str) -> None:
    actions = user.add_subparsers(dest="action", required=True)

    add = actions.add_parser("add", help=t("accounts.help_user_add", lang))
    add.add_argument("username", help=t("accounts.help_username", lang))
    add.add_argument("--name", required=True, help=t("accounts.help_name", lang))
    add.add_argument("--role", choices=accounts.ROLES, default="analyst",
                     help=t("accounts.help_role", lang))
    add.add_argument("--password-stdin", action="store_true",
                     help=t("accounts.help_password_stdin", lang))

    remove = actions.add_parser("remove", help=t("accounts.help_user_remove", lang))
    remove.add_argument("username", help=t("accounts.help_username", lang))

    actions.add_parser("list", help=t("accounts.help_user_list", lang))


def run(args) -> int:
    return {"add": _add, "remove": _remove, "list": _list}[args.action](args)


def _password(from_stdin: bool, lang: str) -> str | None:
    """The new password, or None (after saying why) when none was given or the two differ."""
    if from_stdin:
        password = sys.stdin.readline().rstrip("\r\n")
    else:
        password = getpass.getpass(t("accounts.password_prompt", lang,
                                     minimum=accounts.MIN_PASSWORD_LENGTH))
        if password and password != getpass.getpass(t("accounts.password_again", lang)):
            print(t("accounts.passwords_differ", lang), file=sys.stderr)
            return None
    if not password:
        print(t("accounts.no_password", lang), file=sys.stderr)
        return None
    return password


def _add(args) -> int:
    lang = config.lang()
    path = accounts.default_path()
    try:
        # Check everything that does not need the password first, so a typo costs no typing.
        if not accounts.valid_username(args.username):
            raise accounts.AccountError("accounts.invalid_username", username=args.username)
        if accounts.get_user(args.username, path) is not None:
            raise accounts.AccountError("accounts.duplicate", username=args.username)
        password = _password(args.password_stdin, lang)
        if password is None:
            return FAILED
        account = accounts.add_user(path, args.username, args.name, args.role, password)
    except accounts.AccountError as error:
        print(error.message(lang), file=sys.stderr)
        return FAILED
    print(t("accounts.added", lang, username=account.username, name=account.display_name,
            role=t(f"accounts.role_{account.role}", lang), path=path))
    return OK


def _remove(args) -> int:
    lang = config.lang()
    try:
        accounts.remove_user(accounts.default_path(), args.username)
    except accounts.AccountError as error:
        print(error.message(lang), file=sys.stderr)
        return FAILED
    print(t("accounts.removed", lang, username=args.username))
    return OK


def _list(args) -> int:
    lang = config.lang()
    path = accounts.default_path()
    try:
        users = accounts.list_users(path)
    except accounts.AccountError as error:
        print(error.message(lang), file=sys.stderr)
        return FAILED
    if not users:
        print(t("accounts.none_yet", lang, path=path))
        print(t("accounts.how_to_create", lang))
        return OK
    print("\t".join(t(f"accounts.list_{c}", lang) for c in ("username", "name", "role", "created")))
    for a in users:
        print("\t".join([a.username, a.display_name, t(f"accounts.role_{a.role}", lang),
                         a.created.isoformat()]))
    return OK


COMMANDS = (Command("user", "accounts.help_user", arguments, run),)
