"""The command line, run as a real process: exit statuses of DATA.md section 4, both languages."""
from __future__ import annotations

import os
import subprocess
import sys
from datetime import date

import pytest

from indicators.config import REPO_DIR


def run(home, *args, lang="sv", stdin=None):
    env = {**os.environ, "INDICATORS_HOME": str(home), "INDICATORS_LANG": lang}
    return subprocess.run([sys.executable, "-m", "indicators", *args], cwd=REPO_DIR, env=env,
                          capture_output=True, text=True, timeout=120, input=stdin)


def write(path, rows, header="indikator;område;period;värde"):
    path.write_bytes(("\r\n".join([header, *rows]) + "\r\n").encode("cp1252"))
    return path


@pytest.fixture
def good(home):
    return write(home / "good.csv", ["skjutningar;Fröslunda;2024-05;3", "skjutningar;Årby;2024-05;1"])


@pytest.fixture
def bad(home):
    return write(home / "bad.csv", ["skjutningar;Fröslunda;2024-05;3",
                                    "skjutningar;Frösslunda;2024-05;3",
                                    "skjutningar;Årby;2024-Q2;1"])


def test_check_of_a_valid_file_exits_0_and_writes_nothing(home, good):
    before = (home / "indicators.duckdb").stat().st_mtime_ns
    done = run(home, "check", str(good))
    assert done.returncode == 0, done.stderr
    assert "2 rader" in done.stdout
    assert (home / "indicators.duckdb").stat().st_mtime_ns == before


@pytest.mark.parametrize("lang, line_word, suggestion", [
    ("sv", "Rad 3", "Fröslunda"), ("en", "Line 3", "Fröslunda")])
def test_check_of_an_invalid_file_exits_1_and_names_line_and_column(home, bad, lang, line_word,
                                                                   suggestion):
    done = run(home, "check", str(bad), lang=lang)
    assert done.returncode == 1
    assert line_word in done.stderr and suggestion in done.stderr
    assert ("Rad 4" if lang == "sv" else "Line 4") in done.stderr  # the grain problem too
    assert done.stderr.count(line_word) == 1  # said once, not twice


def test_ingest_stores_and_history_lists_it_newest_first(home, good):
    done = run(home, "ingest", str(good), "--by", "Anna Analytiker")
    assert done.returncode == 0, done.stderr
    assert "inläsning 5" in done.stdout  # after the reference file and three demo files
    history = run(home, "history")
    assert history.returncode == 0
    first = history.stdout.splitlines()[1].split("\t")
    assert first[0] == "5" and first[2] == "Anna Analytiker" and first[-1] == "good.csv"


def test_ingest_of_an_invalid_file_exits_1_in_english_and_stores_nothing(home, bad):
    done = run(home, "ingest", str(bad), lang="en")
    assert done.returncode == 1
    assert "Nothing was saved" in done.stderr
    assert len(run(home, "history").stdout.splitlines()) == 5  # header, the reference file and three demo files


def test_revert_exits_0_for_a_known_upload_and_1_for_an_unknown_one(home, good):
    run(home, "ingest", str(good))
    assert run(home, "revert", "5").returncode == 0
    unknown = run(home, "revert", "42", lang="en")
    assert unknown.returncode == 1 and "no upload with id 42" in unknown.stderr


def test_a_second_revert_says_the_upload_was_already_undone_and_when(home, good):
    run(home, "ingest", str(good))
    assert run(home, "revert", "5", "--by", "Anna").returncode == 0
    again = run(home, "revert", "5", lang="en")
    assert again.returncode == 1, again.stdout
    assert "already undone" in again.stderr and "Anna" in again.stderr and str(date.today().year) in again.stderr
    assert "has been undone" not in again.stdout


@pytest.mark.parametrize("args", [[], ["frobnicate"], ["revert", "abc"], ["check"],
                                  ["demo", "sideways"]])
def test_usage_errors_exit_2(home, args):
    assert run(home, *args).returncode == 2


def test_a_missing_file_is_a_usage_error(home):
    done = run(home, "check", str(home / "nope.csv"))
    assert done.returncode == 2 and "finns inte" in done.stderr


def test_demo_remove_and_restore_exit_0(home):
    assert run(home, "demo", "remove").returncode == 0
    assert run(home, "demo", "restore", lang="en").stdout.strip() == "Demo data is shown again."


def test_rebuild_exits_0(home, good):
    run(home, "ingest", str(good))
    done = run(home, "rebuild")
    assert done.returncode == 0, done.stderr
    assert len(run(home, "history").stdout.splitlines()) == 6  # header, 4 shipped, 1 upload


def test_template_prints_a_swedish_excel_template_that_check_accepts_once_filled(home, tmp_path):
    done = run(home, "template", "problemindex")
    assert done.returncode == 0
    lines = done.stdout.splitlines()
    assert lines[0].startswith("indikator;område;period;värde")
    year = str(date.today().year - 1)  # no real values yet: the last complete year
    from indicators.catalog import load_catalog
    areas = len(load_catalog().local_areas)  # the municipality and its areas; comparison rows come from national files
    assert len(lines) == 1 + areas and all(f";{year};" in line for line in lines[1:])
    filled = tmp_path / "filled.csv"
    filled.write_bytes("\r\n".join(
        [lines[0]] + [line.replace(f";{year};;", f";{year};2,5;", 1) for line in lines[1:]]
    ).encode("cp1252"))
    assert run(home, "check", str(filled)).returncode == 0


def test_template_of_an_unknown_indicator_is_a_usage_error(home):
    assert run(home, "template", "nope").returncode == 2


@pytest.mark.parametrize("grain, today, expected", [
    ("year", date(2026, 11, 26), "2025"), ("quarter", date(2026, 11, 26), "2026-Q3"),
    ("month", date(2026, 11, 26), "2026-10"), ("half", date(2026, 7, 1), "2026-H1"),
    ("quarter", date(2026, 1, 1), "2025-Q4"),
])
def test_the_last_complete_period_is_the_one_that_ended_before_today(grain, today, expected):
    from indicators.ingest.template import last_complete
    assert last_complete(grain, today).text == expected


@pytest.mark.parametrize("args, said", [
    (["revert", "abc"], "upload_id ska vara ett heltal, inte ”abc”."),
    (["check"], "saknas: file."),
    (["check", "x.csv", "--gender", "Q"], "”Q” går inte som --gender; välj bland 'T', 'K', 'M'."),
    (["history", "extra"], "okända argument: extra."),
])
def test_a_usage_error_is_said_in_swedish_and_exits_2(home, args, said):
    done = run(home, *args)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert done.stderr.startswith("Användning: python -m indicators") and "usage:" not in done.stderr
    assert done.stderr.rstrip().endswith("Fel i kommandot: " + said), done.stderr


def test_a_usage_error_is_said_in_english_to_an_english_user(home):
    done = run(home, "revert", "abc", lang="en")
    assert done.returncode == 2 and done.stderr.startswith("usage: python -m indicators revert")
    assert done.stderr.rstrip().endswith("Command error: upload_id must be a whole number, not “abc”.")
