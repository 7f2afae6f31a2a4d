"""A bounded fuzz run over CSV and workbook mutations (issue 10). The oracle: validation returns
(never raises), every problem renders as a message in both languages, a rejected file leaves no
staged rows, and a valid file's staged rows are as many as it says."""
import io
import zipfile

import duckdb
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from indicators.catalog import load_catalog
from indicators.ingest import validate

CATALOG = load_catalog()
BASE_ROWS = ["indikator;område;period;värde", "skjutningar;Årby;2024-01;3", "otrygghet_kvall;Fröslunda;2024;12,5",
             "skjutningar;froslunda;2024-02;–", "hog_franvaro;arby;HT 2023;..", "problemindex;Ärsta;2023;1,5"]
CELLS = st.sampled_from(["", "..", ".", "×", "XX", "–", "-", "1 234", "1,234", "12,5 %", "=1+2", "\"", "\"\"",
                         "2024K2", "VT 2024", "2023/24", "2052", "Totalt", "0484 Eskilstuna", "\x00", "\r", "\n",
                         ";", ",", "\t", "Ä" * 50, "9" * 400, "-1", "nan", "inf"])
SETTINGS = settings(max_examples=60, deadline=None, derandomize=True,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def _oracle(data: bytes, name: str) -> None:
    con = duckdb.connect()
    result = validate(con, data, name, CATALOG)  # must not raise
    assert "ingest.internal_error" not in [p.key for p in result.problems], "a crash caught by the safety net"
    for problem in result.problems + result.notices:
        assert problem.message("sv") and problem.message("en")
    staged = con.execute("SELECT count(*) FROM duckdb_views() WHERE view_name = 'staged'").fetchall()[0][0]
    if result.ok:
        assert staged == 1
        assert con.execute("SELECT count(*) FROM staged").fetchall()[0][0] >= 0
    else:
        assert staged == 0


@SETTINGS
@given(st.lists(st.tuples(st.integers(0, 5), st.integers(0, 4), CELLS), max_size=8),
       st.sampled_from(["utf-8", "utf-8-sig", "cp1252", "utf-16"]), st.sampled_from(["\r\n", "\n", "\r"]))
def test_mutated_csv_files_never_crash(edits, encoding, newline):
    rows = [row.split(";") for row in BASE_ROWS]
    for row, column, cell in edits:
        if column < len(rows[row]):
            rows[row][column] = cell
        else:
            rows[row].append(cell)
    text = newline.join(";".join(row) for row in rows) + newline
    _oracle(text.encode(encoding, errors="replace"), "fuzz.csv")


@SETTINGS
@given(st.binary(min_size=0, max_size=400), st.integers(0, 3000))
def test_bytes_spliced_into_a_csv_never_crash(noise, at):
    data = "\r\n".join(BASE_ROWS).encode("cp1252")
    _oracle(data[:at] + noise + data[at:], "fuzz.csv")


def _workbook() -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    for row in BASE_ROWS:
        book.active.append(row.split(";"))
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


WORKBOOK = _workbook()


@SETTINGS
@given(st.integers(0, 20), st.integers(0, 10_000), st.binary(min_size=1, max_size=64))
def test_workbooks_with_a_damaged_member_never_crash(member, at, noise):
    source = zipfile.ZipFile(io.BytesIO(WORKBOOK))
    items = source.infolist()
    target_name = items[member % len(items)].filename
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for item in items:
            content = source.read(item)
            if item.filename == target_name:
                cut = at % (len(content) + 1)
                content = content[:cut] + noise + content[cut + len(noise):]
            target.writestr(item.filename, content)
    _oracle(out.getvalue(), "fuzz.xlsx")


@SETTINGS
@given(st.integers(0, len(WORKBOOK)), st.binary(min_size=1, max_size=32))
def test_workbook_bytes_overwritten_never_crash(at, noise):
    _oracle(WORKBOOK[:at] + noise + WORKBOOK[at + len(noise):], "fuzz.xlsx")


def test_a_crash_inside_validation_reaches_the_analyst_as_a_reference_and_the_log_as_a_traceback(
        monkeypatch, caplog):
    from indicators.ingest import headers

    def broken(*args, **kwargs):
        raise RuntimeError("SELECT * FROM /srv/secret/path")

    monkeypatch.setattr(headers, "layout_of", broken)
    con = duckdb.connect()
    result = validate(con, "\r\n".join(BASE_ROWS).encode("utf-8"), "a.csv", CATALOG)
    [problem] = result.problems
    assert problem.key == "ingest.internal_error"
    message = problem.message("sv")
    assert problem.detail["reference"] in message and "/srv" not in message and "SELECT" not in message
    assert problem.detail["reference"] in caplog.text and "Traceback" in caplog.text
