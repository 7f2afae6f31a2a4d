"""Ingest speed: `python -m indicators ingest` against a bare DuckDB read_csv of the same file.

A 1,000,000-row Swedish Excel export (Windows-1252, `;`, decimal comma, CRLF) cannot be valid
against Eskilstuna's ten areas, so this builds a catalog the way a national deployment would have
one: the shipped catalog plus 5,000 small statistical areas (INDICATORS_CATALOG points at it).

Prints, from one run on this machine:
- the bare read: DuckDB read_csv into a table, in a fresh process and inside this process;
- the full ingest (validate, archive, write a new database file and swap it in), as a command;
- their ratios (goal: ingest <= 3x the bare read);
- a typical analyst file (a few thousand rows), end to end including process start;
- the same file into a store with --big-rows more revisions (default 10,000,000: the national
  scale) against the same file into the shipped store, in process, under the same catalog
  (goal: <= 1.2x). The big store is built once per run (or kept with --keep) by ingesting one
  national file that also holds the small file's areas, so the small file revises values it has.
Each figure is the median of --repeat runs (default 3); every ingest starts from a copy of the same
freshly built store.

    python benchmarks/ingest_benchmark.py [--rows 1000000] [--areas 5000] [--repeat 3]
                                          [--big-rows 10000000] [--keep DIR]
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


def big_file(path: Path, rows: int, areas: int, first: tuple[str, ...] = (), shift: int = 0) -> int:
    """Writes a cp1252 `;` decimal-comma CRLF export with `rows` unique rows over the area names
    `first` and then `areas` statistical areas; returns the count. `shift` changes every value
    (a second file that revises the first)."""
    written = 0
    names = [*first, *(f"Statistikområde {a:05d}" for a in range(1, areas + 1))]
    with path.open("w", encoding="cp1252", newline="") as out:
        out.write("Indikator;Område;Period;Värde\r\n")
        for indicator, per_year, years, decimal in PLAN:
            for year in years:
                for index in range(1, per_year + 1):
                    period = period_text(year, per_year, index)
                    for a, name in enumerate(names, start=1):
                        if written == rows:
                            return written
                        v = (a * 7 + year * 3 + index + shift) % 97
                        value = f"{v / 10:.1f}".replace(".", ",") if decimal else str(v % 9)
                        out.write(f"{indicator};{name};{period};{value}\r\n")
                        written += 1
    return written


KEYS_PER_AREA = sum(per_year * len(years) for _, per_year, years, _ in PLAN)


def eskilstuna_areas() -> list[str]:
    from indicators.catalog import load_catalog
    return [a.name for a in load_catalog(DATA_DIR / "catalog").areas]


def small_file(path: Path) -> int:
    """A typical analyst file: a few thousand rows over the Eskilstuna areas."""
    areas = eskilstuna_areas()
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


def store_copy(source: Path, target: Path) -> Path:
    """A private copy of a store folder, written out to disk before it is used (so no measured
    fsync waits for the copy's own pages). The archive's originals, which no write changes, are
    hard links."""
    shutil.rmtree(target, ignore_errors=True)

    def copy(src, dst):
        relative = Path(src).relative_to(source)
        kept = "archive" in relative.parts
        return os.link(src, dst) if kept else shutil.copy2(src, dst)
    shutil.copytree(source, target, copy_function=copy)
    os.sync()
    return target


def small_into_large(work: Path, big_rows: int, repeat: int, env: dict) -> tuple[float, float, float]:
    """(build seconds, small file into the shipped store, into the store with `big_rows` more), the
    two in process with one catalog of enough areas for the big file."""
    areas = -(-big_rows // KEYS_PER_AREA)
    folder = work / f"large-{big_rows}"
    folder.mkdir(parents=True, exist_ok=True)
    catalog = folder / "catalog"
    if not catalog.exists():
        big_catalog(catalog, areas)
    setting = {**env, "INDICATORS_CATALOG": str(catalog), "INDICATORS_MAX_UPLOAD_MB": "100000",
               "INDICATORS_MAX_UPLOAD_ROWS": str(big_rows + 1)}
    shipped, large = folder / "store-shipped", folder / "store-large"
    built = 0.0
    if not (large / "indicators.duckdb").exists():
        national = folder / "national.csv"
        big_file(national, big_rows, areas, first=tuple(eskilstuna_areas()))
        shutil.rmtree(shipped, ignore_errors=True)
        timed([sys.executable, "-m", "indicators", "history"], {**setting, "INDICATORS_HOME": str(shipped)})
        store_copy(shipped, folder / "building")
        built = timed([sys.executable, "-m", "indicators", "ingest", str(national), "--by", "bench"],
                      {**setting, "INDICATORS_HOME": str(folder / "building")})
        national.unlink()
        (folder / "building").rename(large)
    os.environ.update(INDICATORS_CATALOG=str(catalog))
    from indicators import store
    from indicators.catalog import load_catalog
    known = load_catalog()
    data = (work / "small.csv").read_bytes()

    def into(source: Path) -> float:
        home = store_copy(source, folder / "store-run")
        start = time.perf_counter()
        outcome = store.ingest(data, "small.csv", by="bench", home=home, catalog=known)
        elapsed = time.perf_counter() - start
        assert outcome.ok, outcome.validation.problems[:3]
        return elapsed
    into(shipped)   # imports and the catalog's first load are not the store's
    pairs = [(into(shipped), into(large)) for _ in range(repeat)]   # interleaved: the same load on both
    return built, statistics.median(p[0] for p in pairs), statistics.median(p[1] for p in pairs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--areas", type=int, default=5_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--big-rows", type=int, default=10_000_000,
                        help="revisions of the large store (0: skip that comparison)")
    parser.add_argument("--keep", help="keep the generated files (and the large store) in this folder")
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
        home = store_copy(base, work / "store-run")
        return timed([sys.executable, "-m", "indicators", "ingest", str(path), "--by", "bench"],
                     {**env, "INDICATORS_HOME": str(home)})

    bare_cmd = [sys.executable, "-c",
                "import duckdb; duckdb.connect().execute(\"" + BARE_SQL.format(path=data) + "\")"]
    # interleaved, so that both sides of a ratio run under the same load of a shared machine
    runs = [(timed(bare_cmd, env), bare_in_process(data), ingest_run(data)) for _ in range(args.repeat)]
    bare_proc, bare_here, full = (statistics.median(run[i] for run in runs) for i in range(3))
    ratio = statistics.median(run[2] / run[0] for run in runs)
    start_only = median_of(args.repeat, lambda: timed(
        [sys.executable, "-c", "import indicators.cli"], env))
    typical = median_of(args.repeat, lambda: ingest_run(small))

    size_mb = data.stat().st_size / 1e6
    print(f"file: {rows:,} rows, {size_mb:.1f} MB (cp1252, ';', decimal comma); "
          f"catalog: {args.areas:,} extra areas; median of {args.repeat} runs")
    print(f"bare DuckDB read_csv, fresh process:  {bare_proc:6.2f} s")
    print(f"bare DuckDB read_csv, in process:     {bare_here:6.2f} s")
    print(f"python -m indicators ingest (full):   {full:6.2f} s")
    print(f"ratio ingest / bare (process):        {ratio:6.2f} x   (goal <= 3; median of the runs' ratios)")
    print(f"ratio ingest / bare (in process):     {full / bare_here:6.2f} x")
    print(f"interpreter start + CLI imports:      {start_only:6.2f} s")
    print(f"typical analyst file ({small_rows:,} rows) end to end: {typical:6.2f} s")
    if args.big_rows:
        built, shipped, large = small_into_large(work, args.big_rows, max(args.repeat, 9), env)
        if built:
            print(f"large store built: one national file of {args.big_rows:,} rows ingested in {built:.1f} s")
        print(f"the {small_rows:,}-row file in process (median of {max(args.repeat, 9)}), into the shipped store:"
              f" {shipped:6.3f} s")
        print(f"  into a store with {args.big_rows:,} more revisions:       {large:6.3f} s")
        print(f"ratio large / shipped:                {large / shipped:6.2f} x   (goal <= 1.2)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
