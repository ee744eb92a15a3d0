"""The Russian invariance suite (corpus/ru/invariance/suite.jsonl), row by row, like the English one.

Rows the packaged Russian scorer fails are listed in ``data/invariance-known-failures-ru.txt`` with
the first reason; they are strict xfails (a listed row that starts to hold fails the run until it
is taken off the list: ``python -m bench.invariance_known --lang ru ...`` regenerates it). Every
other row must hold.
"""

from __future__ import annotations

from typing import Any

import pytest

from kgbuild.extract import Extractor
from kgbuild.invariance import check_row, extractor_predict, load_suite, run_suite

from .conftest import DATA, ROOT, known_failures

SUITE = ROOT / "corpus" / "ru" / "invariance" / "suite.jsonl"
KNOWN = DATA / "invariance-known-failures-ru.txt"
ROWS = load_suite(SUITE)


KNOWN_FAILURES = known_failures(KNOWN)


@pytest.fixture(scope="module")
def predictions() -> dict[str, list[dict[str, Any]]]:
    """Every row's predicted missions, from one pass of the default extractor (the language is detected)."""
    out = extractor_predict(Extractor())(ROWS)
    return {r["id"]: ms for r, ms in zip(ROWS, out, strict=True)}


def test_invariance_ru_suite_shape() -> None:
    """At least 100 Russian rows in families with must and must-not expectations; known failures are rows."""
    assert len(ROWS) >= 100 and len({r["family"] for r in ROWS}) >= 10
    assert {"must", "must-not"} <= {r["expect"] for r in ROWS}
    assert set(KNOWN_FAILURES) <= {r["id"] for r in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_invariance_ru_row(row: dict[str, Any], predictions: dict[str, list[dict[str, Any]]]) -> None:
    """Each Russian wording yields its family's expectation (known failures are strict xfails)."""
    if row["id"] in KNOWN_FAILURES:
        if check_row(row, predictions[row["id"]]):
            pytest.xfail(KNOWN_FAILURES[row["id"]])
        pytest.fail(f"{row['id']} now holds: take it off {KNOWN.name}")
    assert check_row(row, predictions[row["id"]]) == []


def test_invariance_ru_rates(predictions: dict[str, list[dict[str, Any]]]) -> None:
    """The per-family counts agree with the row checks, and the known failures are exactly the failures."""
    report = run_suite(ROWS, lambda rows: [predictions[r["id"]] for r in rows])
    assert report.total == len(ROWS)
    assert set(report.failures) == set(KNOWN_FAILURES)
