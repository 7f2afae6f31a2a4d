"""The command table and the dispatcher of `python -m indicators`.

Each command is one `Command` (name, help key, how it adds its arguments, its handler); the table
lists the data commands, the account commands and the press pack explicitly. `main(argv)` returns
the exit status (DATA.md section 4: 0 done/valid, 1 rejected/invalid/unknown id, 2 usage error).
"""
from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass
from typing import Callable

from indicators import config
from indicators.i18n import t

USAGE = 2
_ARGPARSE = (  # argparse's English sentences (Python 3.11) -> the same said in the user's language
    (re.compile(r"argument (?P<argument>[^:]+): invalid int value: '(?P<value>.*)'"), "cli.usage_not_integer"),
    (re.compile(r"argument (?P<argument>[^:]+): invalid float value: '(?P<value>.*)'"), "cli.usage_not_number"),
    (re.compile(r"argument (?P<argument>[^:]+): invalid choice: '(?P<value>.*)' \(choose from (?P<choices>.*)\)"),
     "cli.usage_bad_choice"),
    (re.compile(r"argument (?P<argument>[^:]+): expected one argument"), "cli.usage_needs_value"),
    (re.compile(r"the following arguments are required: (?P<arguments>.*)"), "cli.usage_required"),
    (re.compile(r"unrecognized arguments: (?P<arguments>.*)"), "cli.usage_unrecognized"),
)


@dataclass(frozen=True)
class Command:
    name: str                                          # the word after `python -m indicators`
    help_key: str                                      # i18n key of its one-line help
    arguments: Callable[[argparse.ArgumentParser, str], None]   # (parser, lang): adds arguments
    run: Callable[[argparse.Namespace], int]          # the handler: returns the exit status


class Parser(argparse.ArgumentParser):
    """Usage errors exit 2 with a message in the user's language."""

    def error(self, message: str):
        lang = config.lang()
        self.print_usage(sys.stderr)
        print(t("cli.usage_error", lang, message=usage_message(message, lang)), file=sys.stderr)
        raise SystemExit(USAGE)

    def format_usage(self) -> str:
        """The usage line, headed in the user's language ("Användning:", not "usage:")."""
        formatter = self._get_formatter()
        formatter.add_usage(self.usage, self._actions, self._mutually_exclusive_groups,
                            prefix=t("cli.usage_prefix", config.lang()) + " ")
        return formatter.format_help()


def usage_message(message: str, lang: str) -> str:
    """argparse's English error sentence said in `lang`; one it does not know stays as written."""
    for pattern, key in _ARGPARSE:
        found = pattern.fullmatch(message)
        if found:
            return t(key, lang, **found.groupdict())
    return message


def parser(commands: tuple[Command, ...], lang: str) -> argparse.ArgumentParser:
    top = Parser(prog="python -m indicators", description=t("cli.description", lang))
    sub = top.add_subparsers(dest="command", required=True, parser_class=Parser)
    for command in commands:
        command.arguments(sub.add_parser(command.name, help=t(command.help_key, lang)), lang)
    return top
