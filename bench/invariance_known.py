"""Regenerate tests/data/invariance-known-failures.txt for the packaged extractor, and print the
pass rate of every family of the invariance suite.

    python -m bench.invariance_known            # writes the file, prints the table
    python -m bench.invariance_known --lang ru --suite corpus/ru/invariance/suite.jsonl \
        --output tests/data/invariance-known-failures-ru.txt   # the Russian suite

Run it after each retraining: tests/test_invariance.py treats the listed rows as strict xfails, so
a row that starts to hold (or to fail) shows up as a test failure until the file is regenerated.
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from kgbuild.extract import Extractor
from kgbuild.invariance import check_row, extractor_predict, load_suite

ROOT = Path(__file__).resolve().parent.parent


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--suite", type=Path, default=ROOT / "corpus" / "invariance" / "suite.jsonl")
    ap.add_argument("--output", type=Path, default=ROOT / "tests" / "data" / "invariance-known-failures.txt")
    ap.add_argument("--lang", choices=["auto", "en", "ru"], default="auto")
    args = ap.parse_args()
    args.suite, args.output = args.suite.resolve(), args.output.resolve()
    rows = load_suite(args.suite)
    extractor = Extractor(lang=args.lang)
    predicted = extractor_predict(extractor)(rows)
    fails: list[tuple[str, str]] = []
    total: Counter[str] = Counter()
    held: Counter[str] = Counter()
    expect: dict[str, str] = {}
    for row, missions in zip(rows, predicted, strict=True):
        why = check_row(row, missions)
        total[row["family"]] += 1
        expect[row["family"]] = row["expect"]
        if why:
            fails.append((row["id"], why[0]))
        else:
            held[row["family"]] += 1
    written = sum(1 for r in rows if not r["id"].startswith("cases-"))
    written_fails = sum(1 for rid, _ in fails if not rid.startswith("cases-"))
    header = (
        f"# Rows of {args.suite.relative_to(ROOT).as_posix()} that {extractor.version} (the packaged scorer) fails,\n"
        f"# with the first reason: {written_fails} of the {written} rows written for the suite, "
        f"{len(fails) - written_fails} of the {len(rows) - written} cases-* rows (history: corpus/SCORES.md).\n"
        "# Regenerate after each retraining: python -m bench.invariance_known\n"
    )
    args.output.write_text(header + "".join(f"{rid} {why}\n" for rid, why in fails), encoding="utf-8")
    print(f"written rows held: {written - written_fails}/{written}; "
          f"cases rows held: {len(rows) - written - (len(fails) - written_fails)}/{len(rows) - written}")
    for family in sorted(total):
        print(f"{family:24} {expect[family]:9} {held[family]:3d}/{total[family]}")


if __name__ == "__main__":
    main()
