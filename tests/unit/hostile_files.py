"""Hostile and broken files of the kinds a fuzz run found (issue 10): each must get a message."""
from __future__ import annotations

import io
import re
import zipfile

HEADER = "indikator;område;period;värde"


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    sheet.append(HEADER.split(";"))
    sheet.append(["skjutningar", "arby", "2024-01", 1])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def _rezip(data: bytes, change) -> bytes:
    """The workbook with each member passed through change(name, bytes) -> bytes | None (None drops it)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            content = change(item.filename, source.read(item))
            if content is not None:
                target.writestr(item.filename, content)
    return out.getvalue()


def _sheet(change):
    return lambda name, content: change(content) if name == "xl/worksheets/sheet1.xml" else content


def files() -> dict[str, bytes]:
    book = _workbook()
    far = io.BytesIO()
    from openpyxl import Workbook
    wb = Workbook()
    wb.active["A1"], wb.active["XFD1"], wb.active["A1048576"] = "indikator", "x", "y"
    wb.save(far)
    row = b'<row><c t="inlineStr"><is><t>' + b"A" * 1000 + b"</t></is></c></row>"
    return {
        "mac.csv": ("\r".join([HEADER, "skjutningar;arby;2024-01;1", "skjutningar;arby;2024-02;2"]) + "\r").encode("cp1252"),
        "fields1200.csv": (";".join(["indikator", "område"] + [f"c{i}" for i in range(1200)]) + "\n").encode(),
        "fields50000.csv": (";".join(["indikator", "område"] + [f"c{i}" for i in range(50_000)]) + "\n").encode(),
        "bigline.csv": (HEADER + "\nskjutningar;arby;2024-01;" + "1" * 3_000_000 + "\n").encode(),
        "bigcell.csv": (HEADER + '\nskjutningar;arby;2024-01;"' + "x" * 200_000 + '"\n').encode(),
        "dimension.xlsx": _rezip(book, _sheet(lambda c: re.sub(rb'<dimension ref="[^"]*"/>',
                                                             b'<dimension ref="A1:XFD1048576"/>', c))),
        "farcells.xlsx": far.getvalue(),
        "bomb.xlsx": _rezip(book, _sheet(lambda c: c.split(b"<sheetData>")[0] + b"<sheetData>" + row * 500_000
                                         + b"</sheetData>" + c.split(b"</sheetData>")[1])),
        "truncated.xlsx": _rezip(book, _sheet(lambda c: c[: len(c) // 2])),
        "missingsheet.xlsx": _rezip(book, _sheet(lambda c: None)),
        "corrupt.xlsx": book[: len(book) // 2] + b"\x00" * 64 + book[len(book) // 2 + 64:],
        "badref.xlsx": _rezip(book, _sheet(lambda c: c.replace(b'r="A2"', b'r="2A"'))),
        "chartsheet.xlsx": _chart_sheet(),
    }


def _chart_sheet() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    book.remove(book.active)
    book.create_chartsheet("Diagram")
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
