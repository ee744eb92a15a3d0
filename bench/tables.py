"""Release tables benchmark (issue 19): the CSV/Parquet tables against the Turtle dump they ship with.

A benchmark, not a test: it prints numbers, each next to its baseline from the same run, and
asserts nothing.

    .venv/bin/python -m bench.tables                 # 1,000 generated articles, 3 runs
    .venv/bin/python -m bench.tables --articles 5000 --runs 3

It writes the generator's gold missions (with their evidence; no spaCy) into an on-disk store
(``bench.run.write_gold_store``), then times ``kgbuild.release.write_tables`` (missions and
provenance, CSV and Parquet) against ``kgbuild.export.export`` of the same store as Turtle,
the baseline every ``kgbuild publish`` already pays, and ``kg.query("missions").to_pandas()``
against ``kg.query("missions")`` alone (what a DataFrame costs on top of the rows).
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from bench.run import write_gold_store


def _median(fn: Callable[[], Any], runs: int) -> float:
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=0)
    args = parser.parse_args()

    from kgbuild.api import KnowledgeGraph
    from kgbuild.export import export
    from kgbuild.release import write_tables

    with tempfile.TemporaryDirectory(prefix="kgbuild-tables-") as tmp:
        work = Path(tmp)
        write_gold_store(work / "store", args.articles, args.seed)
        with KnowledgeGraph(work / "store", read_only=True) as kg:
            counts = write_tables(kg, work / "out")
            tables = _median(lambda: write_tables(kg, work / "out"), args.runs)
            csv_only = _median(lambda: write_tables(kg, work / "out", parquet=False), args.runs)
            turtle = _median(lambda: export(kg.store, work / "kgbuild.ttl", format="turtle"), args.runs)
            rows = _median(lambda: kg.query("missions"), args.runs)
            frame = _median(lambda: kg.query("missions").to_pandas(), args.runs)
        sizes = {p.name: p.stat().st_size for p in (work / "out").iterdir()}
    print(f"{args.articles} generated articles: {counts['missions.csv']:,} missions, "
          f"{counts['provenance.csv']:,} provenance rows; medians of {args.runs} runs")
    print(f"write_tables (CSV + Parquet): {tables:.2f} s; CSV only {csv_only:.2f} s; "
          f"baseline Turtle export {turtle:.2f} s (ratio tables/Turtle {tables / turtle:.2f})")
    print("files: " + ", ".join(f"{name} {size / 1e6:.2f} MB" for name, size in sorted(sizes.items())))
    print(f"kg.query('missions'): {rows * 1000:.0f} ms; with .to_pandas() {frame * 1000:.0f} ms "
          f"(ratio {frame / rows:.2f})")


if __name__ == "__main__":
    main()
