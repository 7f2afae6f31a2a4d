"""Every hostile or broken file gets one message in bounded time: never a traceback, never a hang."""
import re
import time

import pytest

from tests.unit.hostile_files import files
from tests.unit.ingest_helpers import check

FILES = files()
EXPECTED = {
    "mac.csv": None,  # Excel for Mac's CSV: a normal file that loads
    "fields1200.csv": "ingest.too_many_columns", "fields50000.csv": "ingest.too_many_columns",
    "bigline.csv": "ingest.unreadable_line", "bigcell.csv": "ingest.not_a_number",
    "dimension.xlsx": None, "farcells.xlsx": "ingest.too_many_fields", "bomb.xlsx": "ingest.workbook_too_large",
    "truncated.xlsx": "ingest.bad_workbook", "missingsheet.xlsx": "ingest.bad_workbook",
    "corrupt.xlsx": "ingest.bad_workbook", "badref.xlsx": "ingest.bad_workbook",
    "chartsheet.xlsx": "ingest.bad_workbook",
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_a_hostile_file_is_answered_quickly_with_one_message(name):
    started = time.monotonic()
    validation, _ = check(FILES[name], name)
    elapsed = time.monotonic() - started
    keys = [p.key for p in validation.problems]
    assert keys == ([] if EXPECTED[name] is None else [EXPECTED[name]]), [p.message("en") for p in validation.problems]
    assert all(len(p.message("sv")) < 600 for p in validation.problems)
    internal = [p.message("sv") for p in validation.problems if re.search(r"[A-Za-z]+Error\b|zip file|\(error:", p.message("sv"))]
    assert not internal, internal   # what went wrong inside a reader is not said to the analyst
    assert elapsed < 20, f"{name} took {elapsed:.1f} s"
