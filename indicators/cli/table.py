"""The command table and the dispatcher of `python -m indicators`.

Each command is one `Command` (name, help key, how it adds its arguments, its handler); the table
lists the data commands, the account commands and the press pack explicitly. `main(argv)` returns
the exit status (DATA.md section 4: 0 done/valid, 1 rejected/invalid/unknown id, 2 usage error).
"""
from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Callable

from indicators import config
from indicators.i18n import t

USAGE = 2


@dataclass(frozen=True)
class Command:
    name: str                                          # the word after `python -m indicators`
    help_key: str                                      # i18n key of its one-line help
    arguments: Callable[[argparse.ArgumentParser, str], None]   # (parser, lang): adds arguments
    run: Callable[[argparse.Namespace], int]          # the handler: returns the exit status


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with a message in the user's language."""

    def error(self, message: str):
        self.print_usage(sys.stderr)
        print(t("cli.usage_error", config.lang(), message=message), file=sys.stderr)
        raise SystemExit(USAGE)


def parser(commands: tuple[Command, ...], lang: str) -> argparse.ArgumentParser:
    top = Parser(prog="python -m indicators", description=t("cli.description", lang))
    sub = top.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in commands:
        command.arguments(sub.add_parser(command.name, help=t(command.help_key, lang)), lang)
    return top
