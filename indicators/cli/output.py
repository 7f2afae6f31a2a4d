"""What the command line prints: text from a file is shown, never obeyed by the terminal."""
from __future__ import annotations

import re
import sys

_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def printable(text: str) -> str:
    """`text` with control characters (terminal escape codes, bidi overrides) written as escapes:
    an uploaded cell holding ESC[2J cannot clear the analyst's screen or recolour the output."""
    return _CONTROL.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x100
                        else f"\\u{ord(m.group()):04x}", str(text))


def say(text: str) -> None:
    print(printable(text))


def warn(text: str) -> None:
    print(printable(text), file=sys.stderr)
