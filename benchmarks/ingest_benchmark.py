"""Ingest speed: `python -m indicators ingest` against a bare DuckDB read_csv of the same file.

A 1,000,000-row Swedish Excel export (Windows-1252, `;`, decimal comma, CRLF) cannot be valid
against Eskilstuna's ten areas, so this builds a catalog the way a national deployment would have
one: the shipped catalog plus 5,000 small statistical areas (INDICATORS_CATALOG points at it).

Prints, from one run on this machine:
- the bare read: DuckDB read_csv into a table, in a fresh process and inside this process;
- the full ingest (validate, archive, write a new database file and swap it in), as a command;
- their ratios (goal: ingest <= 3x the bare read);
- a typical analyst file (a few thousand rows), end to end including process start.
Each figure is the median of --repeat runs (default 3); every ingest starts from a copy of the same
freshly built store.

    python benchmarks/ingest_benchmark.py [--rows 1000000] [--areas 5000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from indicators.config import DATA_DIR  # noqa: E402

# (indicator id, periods per year, years, decimal values?) — unique keys per area
PLAN = [
    ("skjutningar", 12, range(2019, 2027), False),
    ("skadegorelse", 4, range(2019, 2027), True),
    ("grovt_vald_offentlig_miljo", 4, range(2019, 2027), True),
    ("trygghetsvandringar", 4, range(2019, 2027), False),
    ("fritid_deltagande", 1, range(2019, 2027), True),
    ("hog_franvaro", 2, range(2019, 2027), True),
]


def big_catalog(folder: Path, areas: int) -> Path:
    """The shipped catalog plus `areas` statistical areas (ids sa00001 ...)."""
    shutil.copytree(DATA_DIR / "catalog", folder)
    with (folder / "areas.csv").open("a", encoding="utf-8", newline="") as handle:
        for i in range(1, areas + 1):
            handle.write(f"sa{i:05d},Statistikområde {i:05d},område\n")
    return folder


def period_text(year: int, per_year: int, index: int) -> str:
    if per_year == 1:
        return str(year)
    if per_year == 2:
        return f"{year} halvår {index}"
    if per_year == 4:
        return f"{year}K{index}"
    return f"{year}-{index:02d}"


def big_file(path: Path, rows: int, areas: int) -> int:
    """Writes a cp1252 `;` decimal-comma CRLF export with `rows` unique rows; returns the count."""
    written = 0
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write("Indikator;Område;Period;Värde\r\n")
        for indicator, per_year, years, decimal in PLAN:
            for year in years:
                for index in range(1, per_year + 1):
                    period = period_text(year, per_year, index)
                    for a in range(1, areas + 1):
                        if written == rows:
                            return written
                        v = (a * 7 + year * 3 + index) % 97
                        value = f"{v / 10:.1f}".replace(".", ",") if decimal else str(v % 9)
                        out.write(f"{indicator};Statistikområde {a:05d};{period};{value}\r\n")
                        written += 1
    return written


def small_file(path: Path) -> int:
    """A typical analyst file: a few thousand rows over the ten Eskilstuna areas."""
    from indicators.catalog import load_catalog
    areas = [a.name for a in load_catalog(DATA_DIR / "catalog").areas]
    lines = ["indikator;område;period;värde"]
    for indicator, per_year, years, decimal in PLAN:
        for year in years:
            for index in range(1, per_year + 1):
                for a, name in enumerate(areas):
                    v = (a + year + index) % 13
                    lines.append(f"{indicator};{name};{period_text(year, per_year, index)};"
                                 + (f"{v},5" if decimal else str(v)))
    path.write_bytes(("\r\n".join(lines) + "\r\n").encode("cp1252"))
    return len(lines) - 1


def timed(command: list[str], env: dict) -> float:
    start = time.perf_counter()
    done = subprocess.run(command, env=env, cwd=REPO, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}\n{done.stdout}\n{done.stderr}")
    return elapsed


BARE_SQL = ("CREATE TABLE t AS SELECT * FROM read_csv('{path}', delim=';', header=true,"
            " decimal_separator=',', encoding='latin-1', types={{'Värde': 'DOUBLE'}})")


def bare_in_process(path: Path) -> float:
    import duckdb
    con = duckdb.connect()
    start = time.perf_counter()
    con.execute(BARE_SQL.format(path=path))
    elapsed = time.perf_counter() - start
    assert con.execute("SELECT count(*) FROM t").fetchall()[0][0] > 0
    return elapsed


def median_of(repeat: int, measure) -> float:
    return statistics.median(measure() for _ in range(repeat))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--areas", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--keep", help="keep the generated files in this folder")
    args = parser.parse_args()

    work = Path(args.keep or tempfile.mkdtemp(prefix="indicators-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    catalog = big_catalog(work / "catalog", args.areas) if not (work / "catalog").exists() \
        else work / "catalog"
    data = work / "big.csv"
    rows = big_file(data, args.rows, args.areas)
    small = work / "small.csv"
    small_rows = small_file(small)
    env = {**os.environ, "INDICATORS_CATALOG": str(catalog), "PYTHONPATH": str(REPO)}

    base = work / "store-base"
    shutil.rmtree(base, ignore_errors=True)
    timed([sys.executable, "-m", "indicators", "history"], {**env, "INDICATORS_HOME": str(base)})

    def ingest_run(path: Path) -> float:
        home = work / "store-run"
        shutil.rmtree(home, ignore_errors=True)
        shutil.copytree(base, home)
        return timed([sys.executable, "-m", "indicators", "ingest", str(path), "--by", "bench"],
                     {**env, "INDICATORS_HOME": str(home)})

    bare_cmd = [sys.executable, "-c",
                "import duckdb; duckdb.connect().execute(\"" + BARE_SQL.format(path=data) + "\")"]
    bare_proc = median_of(args.repeat, lambda: timed(bare_cmd, env))
    bare_here = median_of(args.repeat, lambda: bare_in_process(data))
    full = median_of(args.repeat, lambda: ingest_run(data))
    start_only = median_of(args.repeat, lambda: timed(
        [sys.executable, "-c", "import indicators.cli"], env))
    typical = median_of(args.repeat, lambda: ingest_run(small))

    size_mb = data.stat().st_size / 1e6
    print(f"file: {rows:,} rows, {size_mb:.1f} MB (cp1252, ';', decimal comma); "
          f"catalog: {args.areas:,} extra areas; median of {args.repeat} runs")
    print(f"bare DuckDB read_csv, fresh process:  {bare_proc:6.2f} s")
    print(f"bare DuckDB read_csv, in process:     {bare_here:6.2f} s")
    print(f"python -m indicators ingest (full):   {full:6.2f} s")
    print(f"ratio ingest / bare (process):        {full / bare_proc:6.2f} x   (goal <= 3)")
    print(f"ratio ingest / bare (in process):     {full / bare_here:6.2f} x")
    print(f"interpreter start + CLI imports:      {start_only:6.2f} s")
    print(f"typical analyst file ({small_rows:,} rows) end to end: {typical:6.2f} s")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
