"""Server time of the overview page: AppTest run(), median of 5 warm runs, with the shipped data and
with the 1,000,000-row benchmark data loaded (5,000-area catalog, the same generator as
benchmarks/ingest_benchmark.py), and their ratio. The page must not slow down in proportion to the
data: it reads the municipality only, aggregates in DuckDB and caches by store version.

    python benchmarks/page_speed.py [--rows 1000000] [--areas 5000] [--runs 5]
"""
from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "benchmarks"))


def overview_times(runs: int) -> tuple[float, list[float]]:
    """(cold seconds, warm seconds per run) of app_pages/overview.py under AppTest."""
    import streamlit as st
    from streamlit.testing.v1 import AppTest
    st.cache_data.clear()
    st.cache_resource.clear()
    at = AppTest.from_file(str(REPO / "app_pages" / "overview.py"), default_timeout=600)
    start = time.perf_counter()
    at.run()
    cold = time.perf_counter() - start
    assert not at.exception, [e.value for e in at.exception]
    warm = []
    for _ in range(runs):
        start = time.perf_counter()
        at.run()
        warm.append(time.perf_counter() - start)
        assert not at.exception
    return cold, warm


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rows", type=int, default=1_000_000)
    parser.add_argument("--areas", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    from ingest_benchmark import big_catalog, big_file

    from indicators import store
    from indicators.catalog import load_catalog
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        os.environ["INDICATORS_HOME"] = str(tmp / "shipped")
        store.ensure_store(tmp / "shipped")
        cold_small, warm_small = overview_times(args.runs)

        catalog_dir = big_catalog(tmp / "catalog", args.areas)
        os.environ["INDICATORS_CATALOG"] = str(catalog_dir)
        os.environ["INDICATORS_HOME"] = str(tmp / "big")
        catalog = load_catalog(catalog_dir)
        store.ensure_store(tmp / "big", catalog)
        rows = big_file(tmp / "big.csv", args.rows, args.areas)
        start = time.perf_counter()
        outcome = store.ingest((tmp / "big.csv").read_bytes(), "big.csv", by="bench",
                               home=tmp / "big", catalog=catalog)
        assert outcome.ok, outcome.validation.problems[:3]
        ingest_s = time.perf_counter() - start
        con = store.connect(tmp / "big")
        total = con.execute("SELECT count(*) FROM observations").fetchall()[0][0]
        con.close()
        cold_big, warm_big = overview_times(args.runs)

    small, big = statistics.median(warm_small), statistics.median(warm_big)
    print(f"overview (app_pages/overview.py), AppTest run(), median of {args.runs} warm runs")
    print(f"  shipped data        : {small * 1000:8.1f} ms   (cold {cold_small * 1000:.0f} ms)")
    print(f"  + {rows:,} rows ({total:,} observations, {args.areas:,} areas; ingest {ingest_s:.1f} s)")
    print(f"  benchmark data      : {big * 1000:8.1f} ms   (cold {cold_big * 1000:.0f} ms)")
    print(f"  ratio big / shipped : {big / small:8.2f}")


if __name__ == "__main__":
    main()
