"""Confined queries (issue 14): `kgbuild sparql` runs its query in a child process, as the server does.

pyoxigraph 0.5.13 evaluates flat queries recursively: 3,000 ``BIND``\\ s end a process whose main thread
runs them with a segmentation fault, and a sum of 300,000 terms overflows even a 256 MiB stack.
`kgbuild sparql` used to die that way; now the first works and the second is one error line, exit 3.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main
from kgbuild.errors import QueryError, QueryRefused
from kgbuild.sandbox import WorkerLimits, run_sparql

from .conftest import load_gold_into

FLAT_3K = "SELECT * WHERE { " + " ".join(f"BIND({i} AS ?v{i})" for i in range(3_000)) + " }"
SUM_300K = "SELECT (" + "+".join(["1"] * 300_000) + " AS ?x) WHERE {}"
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


@pytest.fixture(scope="module")
def gold_path(tmp_path_factory: pytest.TempPathFactory) -> str:
    path = tmp_path_factory.mktemp("sandbox") / "store"
    with KnowledgeGraph(path) as kg:
        load_gold_into(kg)
    return str(path)


def test_sandbox_answers_like_the_library(gold_path: str) -> None:
    """run_sparql gives the same rows, booleans and triples as KnowledgeGraph.sparql."""
    select = "SELECT ?m WHERE { ?m a eo:ObservationMission } ORDER BY ?m"
    construct = "CONSTRUCT { ?m a eo:ObservationMission } WHERE { ?m a eo:ObservationMission }"
    with KnowledgeGraph(gold_path, read_only=True) as kg:
        want_rows, want_construct = kg.sparql(select), kg.sparql(construct)
    assert run_sparql(gold_path, select) == want_rows
    assert isinstance(want_rows, tuple) and len(want_rows[0]) > 10
    assert run_sparql(gold_path, "ASK { ?m a eo:ObservationMission }") is True
    assert run_sparql(gold_path, "ASK FROM <http://nope/> { ?s ?p ?o }") is False
    assert isinstance(want_construct, list)
    assert sorted(map(str, run_sparql(gold_path, construct))) == sorted(map(str, want_construct))  # type: ignore[arg-type]


def test_sandbox_refuses_before_starting_a_process(gold_path: str, canary: object) -> None:
    """Updates and SERVICE (the escaped form too) are refused; the canary hears nothing."""
    heard = len(canary.hits)  # type: ignore[attr-defined]
    with pytest.raises(QueryRefused):
        run_sparql(gold_path, "DELETE WHERE { ?s ?p ?o }")
    url = canary.url  # type: ignore[attr-defined]
    with pytest.raises(QueryRefused):
        run_sparql(gold_path, f"PREFIX ex: <http://e/> SELECT * WHERE {{ OPTIONAL {{ ?x ex:a\\# ?y }} "
                              f"SERVICE <{url}> {{ ?s ?p ?o }} }}")
    assert canary.hits[heard:] == []  # type: ignore[attr-defined]


def test_sandbox_flat_query_that_crashes_the_engine_is_an_error(gold_path: str) -> None:
    """A sum of 300,000 terms crashes pyoxigraph's recursion: a QueryError naming the crash, not a dead caller."""
    with pytest.raises(QueryError, match=r"crashed on this query \(SIGSEGV\)"):
        run_sparql(gold_path, SUM_300K)


def test_sandbox_memory_cap_and_timeout(gold_path: str) -> None:
    """A cartesian ORDER BY past the memory cap, or past the timeout, is a QueryError saying which."""
    with pytest.raises(QueryError, match="more memory than the 300 MiB"):
        run_sparql(gold_path, CARTESIAN, limits=WorkerLimits(memory_mb=300))
    with pytest.raises(QueryError, match="longer than 1 s"):
        run_sparql(gold_path, CARTESIAN, timeout=1, limits=WorkerLimits(memory_mb=None))


def test_sandbox_store_that_is_missing(tmp_path: Path) -> None:
    """A store that cannot be opened is reported, from the child, as a store error."""
    from kgbuild.errors import StoreError

    with pytest.raises(StoreError):
        run_sparql(tmp_path / "nothing-here", "ASK { ?s ?p ?o }")


def test_cli_sparql_flat_query_is_one_line_exit_3(gold_path: str, tmp_path: Path) -> None:
    """`kgbuild sparql` of a query that crashes the engine: one error line and exit 3 (it was SIGSEGV)."""
    rq = tmp_path / "sum.rq"
    rq.write_text(SUM_300K, encoding="utf-8")  # 600 KB: more than one command-line argument may hold
    result = CliRunner().invoke(main, ["sparql", "--store", gold_path, str(rq)], catch_exceptions=False)
    assert result.exit_code == 3
    assert result.stderr.count("\n") == 1 and "crashed on this query" in result.stderr
    # the real command, in a process of its own: the 3,000 BINDs that killed it are answered
    proc = subprocess.run([sys.executable, "-m", "kgbuild", "sparql", "--store", gold_path, FLAT_3K,
                           "--format", "csv"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr
    assert sorted(map(int, proc.stdout.splitlines()[1].split(","))) == list(range(3_000))


def test_cli_sparql_timeout_and_memory_options(gold_path: str) -> None:
    """--timeout and --memory bound the query: exit 3 with the limit named."""
    r = CliRunner().invoke(main, ["sparql", "--store", gold_path, CARTESIAN, "--timeout", "1", "--memory", "0"])
    assert r.exit_code == 3 and "longer than 1 s" in r.stderr
    r = CliRunner().invoke(main, ["sparql", "--store", gold_path, CARTESIAN, "--memory", "300"])
    assert r.exit_code == 3 and "300 MiB" in r.stderr


def test_sandbox_death_under_a_memory_cap_names_the_cap() -> None:
    """A child that dies without an answer under a memory cap, whatever its exit code, is reported
    as most likely the cap (it ended with exit code 127 on a loaded machine); without a cap, as is."""
    from kgbuild.sandbox import _death

    assert "more memory than the 300 MiB" in _death(127, WorkerLimits(memory_mb=300))
    assert "more memory than the 300 MiB" in _death(-6, WorkerLimits(memory_mb=300))  # SIGABRT
    assert _death(1, WorkerLimits(memory_mb=None)) == "the query process ended without an answer (exit code 1)"
