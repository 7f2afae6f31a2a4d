"""PC-Axis `.px` files (the format behind SCB's and Brå's PxWeb) -> rows of a long layout.

Read with pyaxis (a maintained PC-Axis reader on PyPI); what it leaves to the caller is done here:
- the encoding: the file's CODEPAGE keyword (ISO-8859-1 in SCB's files; `ANSI` means Windows-1252);
- the symbols: pyaxis would turn `".."` into NaN by default; it is asked to keep every cell as
  written, so `..`, `.`, `-` (DATASYMBOLNIL, zero) and `×` reach the same rules as a CSV's cells;
- line numbers: the physical line of each value in the DATA section, so a problem names its line.
The stub and heading dimensions become columns; a dimension other than region and time with more
than one value (several table contents) needs the analyst's choice (`value_column`).
"""
from __future__ import annotations

import os
import re

from indicators.ingest.scratch import scratch_file
from indicators.ingest.tabular import ReadError

_KEYWORD = re.compile(rb'^\s*(CHARSET|AXIS-VERSION|CODEPAGE|LANGUAGE|MATRIX|DECIMALS)\s*[=(]', re.MULTILINE)
_CODEPAGE = re.compile(rb'CODEPAGE\s*=\s*"([^"]+)"')
_NEVER = r"(?!x)x"  # a pattern that matches nothing: pyaxis keeps every cell as written
_LIST = r'((?:"[^"]*"|[^";])*);'  # a keyword's quoted list up to its `;` (a `;` inside quotes is text)
_DIMENSIONS = re.compile(r'^[ \t]*(STUB|HEADING)\s*=\s*' + _LIST, re.MULTILINE)


def looks_like(data: bytes, file_name: str) -> bool:
    return file_name.lower().endswith(".px") or bool(_KEYWORD.match(data[:200]))


def encoding_of(data: bytes) -> str:
    found = _CODEPAGE.search(data[:4096])
    name = found.group(1).decode("ascii", "replace").strip().lower() if found else "iso-8859-1"
    if name in ("ansi", "windows-1252", "cp1252"):
        return "cp1252"
    try:
        "".encode(name)
    except LookupError:
        return "cp1252"
    return name


def records(data: bytes) -> tuple[list[str], list[tuple[int, list]], dict]:
    """(header, [(line, cells)], metadata) of a PC-Axis file; ReadError when it is not one."""
    from pyaxis import pyaxis

    encoding = encoding_of(data)
    expected, lines = _cells_named(data.decode(encoding, errors="replace")), _value_lines(data)
    if len(lines) != expected:  # pyaxis would say "Length of values (4) does not match length of index (5)"
        raise ReadError("ingest.px_cell_count", expected=expected, found=len(lines))
    handle = scratch_file(".px")
    try:
        with handle:
            handle.write(data)
        try:
            parsed = pyaxis.parse(handle.name, encoding=encoding, null_values=_NEVER, sd_values=_NEVER)
        except Exception as error:  # noqa: BLE001 - pyaxis raises many kinds on a broken file
            raise ReadError("ingest.bad_px", error=f"{type(error).__name__}: {str(error)[:200]}") from None  # not shown
    finally:
        os.unlink(handle.name)
    frame, metadata = parsed["DATA"], parsed["METADATA"]
    dimensions = [str(c) for c in frame.columns if c != "DATA"]
    if len(lines) != len(frame):
        raise ReadError("ingest.px_cell_count", expected=len(frame), found=len(lines))
    header = dimensions + ["värde"]
    rows = [(lines[n], [*(str(v) for v in values[:-1]), str(values[-1]).strip().strip('"')])
            for n, values in enumerate(frame.itertuples(index=False, name=None))]
    return header, rows, metadata


def _cells_named(text: str) -> int:
    """How many values the STUB and HEADING dimensions' VALUES make; ReadError naming the STUB or
    HEADING line of a dimension without its VALUES keyword (pyaxis would raise KeyError('VALUES(region)'))."""
    head = text[:text.find("DATA=")] if "DATA=" in text else text
    cells = 1
    for found in _DIMENSIONS.finditer(head):
        for name in re.findall(r'"([^"]*)"', found.group(2)):
            values = re.search(r'^[ \t]*VALUES\("' + re.escape(name) + r'"\)\s*=\s*' + _LIST, head, re.MULTILINE)
            if values is None:
                raise ReadError("ingest.px_no_values", dimension=name, keyword=found.group(1),
                                line=head.count("\n", 0, found.start()) + 1)
            cells *= len(re.findall(r'"[^"]*"', values.group(1)))
    return cells


def _value_lines(data: bytes) -> list[int]:
    """The physical line (1-based) of every value after `DATA=`, in order."""
    start = data.find(b"DATA=")
    if start < 0:
        return []
    line = data.count(b"\n", 0, start) + 1
    found = []
    body = data[start + 5:]
    for text in body.split(b"\n"):
        for token in re.findall(rb'"[^"]*"|[^\s;"]+', text):
            found.append(line)
        line += 1
    return found
