"""Bytes -> text: which encoding an uploaded file uses, and which delimiter its header uses.

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
# Windows-1252 bytes 0x80-0x9F read as Latin-1 become U+0080-U+009F; this maps them back.
C1_TO_CP1252 = {
    code: bytes([code]).decode("cp1252")
    for code in range(0x80, 0xA0)
    if bytes([code]) not in UNDEFINED_IN_CP1252
}
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
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None if data.startswith(UTF8_BOM) else _cp1252_or_none(data)
    return "utf-8-sig" if data.startswith(UTF8_BOM) else "utf-8"


def _cp1252_or_none(data: bytes) -> str | None:
    return None if any(byte in data for byte in UNDEFINED_IN_CP1252) else "cp1252"


def text_of(data: bytes, encoding: str) -> str:
    """The decoded text, without a byte-order mark."""
    return data.decode(encoding)


def fix_c1(text: str) -> str:
    """Text of a Windows-1252 file that was read as Latin-1, with its 0x80-0x9F characters restored."""
    return text.translate(C1_TO_CP1252) if text else text


def delimiter_of(header: str) -> str:
    """`;`, tab or `,`: the one the header line uses most outside quotes (`;` on a tie, or none)."""
    outside = "".join(header.split('"')[::2])
    counts = {d: outside.count(d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: counts[d])  # max keeps the first on a tie
    return best if counts[best] else ";"
