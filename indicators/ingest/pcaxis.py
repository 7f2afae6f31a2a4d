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
    handle = scratch_file(".px")
    try:
        with handle:
            handle.write(data)
        try:
            parsed = pyaxis.parse(handle.name, encoding=encoding, null_values=_NEVER, sd_values=_NEVER)
        except Exception as error:  # noqa: BLE001 - pyaxis raises many kinds on a broken file
            raise ReadError("ingest.bad_px", error=f"{type(error).__name__}: {str(error)[:200]}") from None
    finally:
        os.unlink(handle.name)
    frame, metadata = parsed["DATA"], parsed["METADATA"]
    dimensions = [str(c) for c in frame.columns if c != "DATA"]
    lines = _value_lines(data)
    if len(lines) != len(frame):
        raise ReadError("ingest.bad_px", error=f"{len(frame)} cells expected, {len(lines)} found")
    header = dimensions + ["värde"]
    rows = [(lines[n], [*(str(v) for v in values[:-1]), str(values[-1]).strip().strip('"')])
            for n, values in enumerate(frame.itertuples(index=False, name=None))]
    return header, rows, metadata


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
