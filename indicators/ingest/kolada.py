"""Kolada API JSON (v2 and v3) -> rows of the standard layout (DATA.md §5).

    {"values": [{"kpi": "N07403", "municipality": "0484", "period": 2023,
                 "values": [{"gender": "T", "status": "", "value": 1415.7, "count": 1}]}]}

One row per KPI x municipality x period, for one gender (`T`, the total, unless asked for `K` or
`M`). The KPI names the indicator through the catalog's codes (`kolada:N07403`) unless the analyst
names one. A `null` value is missing; a KPI status other than empty is kept as the row's note.
Line numbers are the entry's number in `values` plus one (the header of the standard layout is
line 1), since an API answer is usually a single line.
"""
from __future__ import annotations

import json

from indicators.ingest.tabular import ReadError

HEADER = ["indikator", "område", "period", "värde", "kommentar"]
GENDERS = ("T", "K", "M")


def looks_like(data: bytes, file_name: str) -> bool:
    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    return file_name.lower().endswith(".json") or head.startswith(b"{")


def records(data: bytes, gender: str = "T") -> tuple[list[str], list[tuple[int, list]]]:
    """(header, [(line, cells)]) of a Kolada answer; ReadError when it is not one."""
    try:
        document = json.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError as error:
        raise ReadError("ingest.json_not_utf8", position=error.start + 1) from None
    except json.JSONDecodeError as error:  # its line and column, not Python's English sentence
        raise ReadError("ingest.bad_json", line=error.lineno, column=error.colno) from None
    entries = document.get("values") if isinstance(document, dict) else None
    if not isinstance(entries, list):
        raise ReadError("ingest.not_kolada")
    if gender not in GENDERS:
        raise ReadError("ingest.bad_gender", value=gender, genders=", ".join(GENDERS))
    rows = []
    for number, entry in enumerate(entries, start=2):
        if not isinstance(entry, dict) or not {"kpi", "municipality", "period"} <= entry.keys():
            raise ReadError("ingest.not_kolada")
        for value in entry.get("values") or []:
            if not isinstance(value, dict) or value.get("gender", "T") != gender:
                continue
            number_value = value.get("value")
            status = value.get("status") or ""
            rows.append((number, [f"kolada:{entry['kpi']}", str(entry["municipality"]), str(entry["period"]),
                                  "" if number_value is None else repr(float(number_value)),
                                  status or None]))
    return HEADER, rows
