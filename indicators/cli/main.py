"""`main(argv)`: the command table of `python -m indicators` and its dispatch.

The table names every command explicitly: the data commands (commands.py), the account commands
(users.py) and the press pack (presspack.py). The README's "Command line" table is checked
against it (tests/unit/test_docs.py).
"""
from __future__ import annotations

import sys

from indicators import config
from indicators.cli import commands, files, presspack, users
from indicators.cli.table import USAGE, Command, parser
from indicators.i18n import t

COMMANDS: tuple[Command, ...] = (*files.COMMANDS, *commands.COMMANDS, *users.COMMANDS, *presspack.COMMANDS)


def main(argv: list[str] | None = None) -> int:
    lang = config.lang()
    args = parser(COMMANDS, lang).parse_args(argv)
    run = {command.name: command.run for command in COMMANDS}[args.command]
    try:
        return run(args)
    except FileNotFoundError as missing:
        print(t("cli.no_such_file", lang, path=missing.filename or ""), file=sys.stderr)
        return USAGE
    except (IsADirectoryError, PermissionError) as wrong:
        print(t("cli.not_a_file", lang, path=wrong.filename or ""), file=sys.stderr)
        return USAGE
    except BrokenPipeError:  # `... | head` closed the pipe: nothing more to say
        import os
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
