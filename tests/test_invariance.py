"""The invariance suite (corpus/invariance/suite.jsonl), run row by row against the extractor.

Rows the current extractor fails are listed in ``data/invariance-known-failures.txt``, each
with the reason it fails. They are expected failures, and strictly so: a listed row that starts
to hold fails the run until it is taken off the list, so the list always says exactly what is
broken. Every other row must
hold. The per-family pass rates are what ``kgbuild invariance`` prints.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from kgbuild.extract import Extractor
from kgbuild.invariance import check_row, extractor_predict, load_suite, run_suite

from .conftest import DATA, ROOT, known_failures

SUITE = ROOT / "corpus" / "invariance" / "suite.jsonl"
KNOWN = DATA / "invariance-known-failures.txt"
ROWS = load_suite(SUITE)


KNOWN_FAILURES = known_failures(KNOWN)


@pytest.fixture(scope="module")
def predictions() -> dict[str, list[dict[str, Any]]]:
    """Every row's predicted missions, from one pipe() pass over the suite."""
    out = extractor_predict(Extractor())(ROWS)
    return {r["id"]: ms for r, ms in zip(ROWS, out, strict=True)}


def test_invariance_suite_shape() -> None:
    """The suite has at least 300 rows in families, with must and must-not families."""
    families = {r["family"] for r in ROWS}
    assert len(ROWS) >= 300 and len(families) >= 15
    expects = {r["family"]: r["expect"] for r in ROWS}
    assert {"must", "must-not"} <= set(expects.values())
    assert all(r["missions"] or r["forbid"] for r in ROWS)
    assert set(KNOWN_FAILURES) <= {r["id"] for r in ROWS}


@pytest.mark.parametrize("row", ROWS, ids=[r["id"] for r in ROWS])
def test_invariance_row(row: dict[str, Any], predictions: dict[str, list[dict[str, Any]]]) -> None:
    """Each wording yields its family's expectation (known failures are strict xfails)."""
    if row["id"] in KNOWN_FAILURES:
        if check_row(row, predictions[row["id"]]):
            pytest.xfail(KNOWN_FAILURES[row["id"]])
        pytest.fail(f"{row['id']} now holds: take it off {KNOWN.name}")
    assert check_row(row, predictions[row["id"]]) == []


def test_invariance_check_row_each_rule() -> None:
    """Expected values, list sets, forbidden missions and forbidden values are each checked."""
    ke = {"organizer": "Carter Center", "country": "KE", "election": {"date": "2022-08-09"},
          "observers": {"total": 60}, "member_countries": ["UG", "TZ"], "head": "Jimmy Carter"}
    row = {"missions": [{"organizer": "The Carter Center", "country": "KE", "observers.total": 60,
                         "member_countries": ["TZ", "UG"], "head": "J. Carter"}], "forbid": []}
    assert check_row(row, [ke]) == []
    assert check_row({**row, "missions": [{**row["missions"][0], "observers.total": 61}]}, [ke]) == [
        "The Carter Center -> KE: observers.total is 60, expected 61"]
    assert check_row({**row, "missions": [{**row["missions"][0], "member_countries": ["TZ"]}]}, [ke])
    assert check_row(row, []) == ["missing mission The Carter Center -> KE"]
    value = {"missions": [], "forbid": [{"organizer": "Carter Center", "country": "KE",
                                         "slot": "member_countries", "value": "UG"}]}
    assert check_row(value, [ke]) == ["forbidden: Carter Center -> KE: member_countries = 'UG'"]
    dated = {"missions": [], "forbid": [{"mission": {"organizer": "Carter Center", "country": "KE",
                                                     "election.date": "2017-08-08"}}]}
    assert check_row(dated, [ke]) == []


def test_invariance_load_suite_names_the_bad_line(tmp_path: Path) -> None:
    """A malformed suite raises ValueError naming the file and line."""
    bad = tmp_path / "s.jsonl"
    good = json.dumps({"id": "a", "family": "f", "expect": "must", "text": "t", "missions": [], "forbid": []})
    bad.write_text(good + "\n" + good.replace('"must"', '"maybe"') + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"s\.jsonl:2: expect is 'maybe'"):
        load_suite(bad)


def test_invariance_run_suite_rates(predictions: dict[str, list[dict[str, Any]]]) -> None:
    """run_suite's per-family counts agree with the row checks, and the known failures are the failures."""
    report = run_suite(ROWS, lambda rows: [predictions[r["id"]] for r in rows])
    assert report.total == len(ROWS)
    assert set(report.failures) == set(KNOWN_FAILURES)
    assert report.passed == len(ROWS) - len(KNOWN_FAILURES)


def test_invariance_cli_prints_rates_per_family(tmp_path: Path) -> None:
    """`kgbuild invariance SUITE -v` lists failing rows with reasons and a rate per family; a bad path exits 2."""
    import subprocess
    import sys

    failing = next(iter(KNOWN_FAILURES))
    passing = next(r["id"] for r in ROWS if r["id"] not in KNOWN_FAILURES)
    rows = [r for r in ROWS if r["id"] in (failing, passing)]
    suite = tmp_path / "s.jsonl"
    suite.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kgbuild", "invariance", str(suite), "-v"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    lines = out.stdout.splitlines()
    assert any(line.startswith(f"{failing}: {KNOWN_FAILURES[failing]}") for line in lines), lines
    assert lines[-1].split() == ["all", "1", "2", "50.0%"]
    assert len(lines) in (4, 5)  # header, one or two families, the total (and the failing row)
    missing = subprocess.run([sys.executable, "-m", "kgbuild", "invariance", str(tmp_path / "nope.jsonl")],
                             capture_output=True, text=True)
    assert missing.returncode == 2 and "nope.jsonl" in missing.stderr
