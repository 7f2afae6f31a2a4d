"""Bytes -> text: which encoding an uploaded file uses, which delimiter its header uses, one whole line.

Excel writes "CSV (semikolonavgränsad)" in Windows-1252, "CSV UTF-8" with a byte-order mark, and
"Unicode text" as UTF-16 LE with a byte-order mark and tabs. Anything else that decodes as UTF-8 is
UTF-8; the rest is Windows-1252 unless it holds bytes that code page leaves undefined.
"""
from __future__ import annotations

import codecs

UTF8_BOM = codecs.BOM_UTF8
UTF16_BOMS = (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
XLSX_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # old .xls (and other OLE compound files)
UNDEFINED_IN_CP1252 = (b"\x81", b"\x8d", b"\x8f", b"\x90", b"\x9d")
# Control characters no text export contains (tab, newline, carriage return, form feed allowed).
_CONTROLS = bytes(b for b in range(32) if b not in (9, 10, 12, 13))
_SNIFF = 65536
# DuckDB reads Latin-1 but refuses its C1 range 0x80-0x9F, where Windows-1252 keeps – ’ … € and
# friends. Those 27 bytes are swapped for 27 control bytes that no text export holds (a file with
# such bytes near its start is "not text"), read as Latin-1, and swapped back with `restore`.
_DEFINED_C1 = bytes(b for b in range(0x80, 0xA0) if bytes([b]) not in UNDEFINED_IN_CP1252)
_SLOTS = bytes([*range(0x01, 0x09), 0x0B, *range(0x0E, 0x1F), 0x7F])
_C1_TO_SLOT = bytes.maketrans(_DEFINED_C1, _SLOTS)
SLOT_TO_CP1252 = {slot: bytes([c1]).decode("cp1252") for slot, c1 in zip(_SLOTS, _DEFINED_C1)}
DELIMITERS = (";", "\t", ",")


def kind_of(data: bytes) -> str:
    """"xlsx" for a zip (Excel workbook), "xls" for an old OLE workbook, else "text"."""
    if data.startswith(XLSX_MAGIC):
        return "xlsx"
    if data.startswith(OLE_MAGIC):
        return "xls"
    return "text"


def encoding_of(data: bytes) -> str | None:
    """"utf-8-sig", "utf-16", "utf-8" or "cp1252"; None when the bytes are not text."""
    if data.startswith(UTF16_BOMS):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            return None
        return None if "\x00" in text else "utf-16"
    if b"\x00" in data or data[:_SNIFF].translate(None, _CONTROLS) != data[:_SNIFF]:
        return None
    try:
        # the first 64 KiB first: a failed decode copies its whole input into the exception, which
        # for a 50 MB Windows-1252 export costs more than the check itself
        codecs.utf_8_decode(data[:_SNIFF], "strict", False)
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None if data.startswith(UTF8_BOM) else _cp1252_or_none(data)
    return "utf-8-sig" if data.startswith(UTF8_BOM) else "utf-8"


def _cp1252_or_none(data: bytes) -> str | None:
    return None if any(byte in data for byte in UNDEFINED_IN_CP1252) else "cp1252"


def text_of(data: bytes, encoding: str) -> str:
    """The decoded text, without a byte-order mark."""
    return data.decode(encoding)


def latin1_readable(data: bytes) -> tuple[bytes, bool]:
    """Windows-1252 bytes a Latin-1 reader accepts, and whether any byte had to be swapped."""
    swapped = data.translate(_C1_TO_SLOT)
    return swapped, swapped != data


def restore(text: str | None) -> str | None:
    """Text read from `latin1_readable` bytes, with its Windows-1252 characters back (– ’ …)."""
    return text.translate(SLOT_TO_CP1252) if text else text


def swapped(char: str) -> str:
    """The control character `latin1_readable` puts in place of a Windows-1252 character."""
    return chr(_SLOTS[_DEFINED_C1.index(char.encode("cp1252"))])


def delimiter_of(header: str) -> str:
    """`;`, tab or `,`: the one the header line uses most outside quotes (`;` on a tie, or none)."""
    outside = "".join(header.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie
    return best if counts[best] else ";"


def line_of(body: bytes, index: int, encoding: str, limit: int) -> tuple[str, bool]:
    """Line `index` (from 0) of a text file's bytes, decoded, up to `limit` bytes; and True when
    the limit cut it (a header line far longer than the first 64 KiB the readers look at)."""
    start = 0
    for _ in range(index):
        start = body.index(b"\n", start) + 1
    end = body.find(b"\n", start, start + limit)
    text = body[start:start + limit if end < 0 else end].decode(encoding, errors="replace")
    return text.rstrip("\r"), end < 0 and len(body) > start + limit
