"""Builds in worker processes: ``--processes N`` (quads built in the workers) and ``--cluster``
(a real Dask LocalCluster of 2 worker processes writing to a real ``oxigraph serve`` on loopback)."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgbuild.api import KnowledgeGraph
from kgbuild.cluster import ExtractorSpec, build_articles, cluster_outcomes, parse_cluster
from kgbuild.errors import MissingDependency, ParameterError
from kgbuild.ingest import read_inputs
from kgbuild.model import Article

from .conftest import EXAMPLES
from .test_remote import _free_port, _oxigraph_binary

distributed = pytest.importorskip("distributed", reason="pip install 'kgbuild[dask]'")

#: A handful of examples (CI time): 6 articles, several missions each, one with none.
NAMES = [
    "armenia-2018-ipa-cis-team.txt",
    "armenia-2018-pace-delegation.txt",
    "azerbaijan-2018-duma-delegation.txt",
    "azerbaijan-2020-cis-interim.txt",
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Six articles: four examples, one more example, and an empty file (an input that fails)."""
    d = tmp_path_factory.mktemp("corpus")
    texts = sorted(p for p in EXAMPLES.glob("*.txt") if p.name not in NAMES)[:2]
    for p in [EXAMPLES / n for n in NAMES] + texts:
        shutil.copy(p, d / p.name)
    (d / "empty.txt").write_text("   \n")
    return d


@pytest.fixture(scope="module")
def local_build(corpus: Path) -> tuple[dict[str, Any], Any]:
    """The reference: the same articles built in this process into an in-memory graph."""
    kg = KnowledgeGraph(None)
    report = kg.build([corpus])
    assert len(report.added) == 6 and len(report.failed) == 1
    return kg.facts(), report


def _start_server(tmp: Path) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen([_oxigraph_binary(), "serve", "--location", str(tmp / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                return proc, url
        except httpx.HTTPError:
            time.sleep(0.1)
    proc.kill()
    pytest.fail(f"oxigraph serve did not answer on {url} within 30 s")


@pytest.fixture
def server(tmp_path: Path) -> Iterator[str]:
    """A fresh, empty Oxigraph server on a free loopback port (the PyPI package's binary)."""
    proc, url = _start_server(tmp_path)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="module")
def client() -> Iterator[Any]:
    """A LocalCluster of 2 single-thread worker processes (each loads the model once, on its first task)."""
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
    c = distributed.Client(cluster)
    try:
        yield c
    finally:
        c.close()
        cluster.close()


def _data(quads: Iterator[ox.Quad]) -> set[str]:
    """The quads, less the listing's versioned graphs (every relink writes a new version)."""
    return {s for s in map(str, quads) if "/graph/_missions" not in s}


def _quads(url: str) -> set[str]:
    with KnowledgeGraph(url) as kg:
        return _data(kg.store.quads())


def test_cluster_parse_cluster_refuses_malformed_values() -> None:
    """local:N and scheduler addresses parse; anything else is a ParameterError naming --cluster."""
    assert parse_cluster("local:4") == ("local", 4)
    assert parse_cluster("tcp://127.0.0.1:8786") == ("address", "tcp://127.0.0.1:8786")
    for bad in ("local:0", "local:x", "local:", "127.0.0.1:8786", "tcp://", ""):
        with pytest.raises(ParameterError, match="'cluster'"):
            parse_cluster(bad)


def test_cluster_needs_a_server_store(corpus: Path) -> None:
    """A cluster build into a local store is refused before any cluster starts (workers cannot write it)."""
    kg = KnowledgeGraph(None)
    with pytest.raises(ParameterError, match="SPARQL server"):
        kg.build([corpus], cluster="local:2")
    assert kg.summary()["articles"] == 0


def test_cluster_build_articles_returns_graphs_or_failures(corpus: Path) -> None:
    """The task function gives each article its graph as N-Quads (the same quads a local build
    writes) or the failure line a local build reports, in input order."""
    from datetime import UTC, datetime

    from kgbuild.api import build_version
    from kgbuild.triples import article_quads

    kg = KnowledgeGraph(None)
    articles = [a for a in read_inputs([corpus]) if isinstance(a, Article)][:2]
    when = datetime(2026, 1, 2, tzinfo=UTC)
    out = build_articles(articles, spec=ExtractorSpec(), base_iri=kg.iris.base, version=build_version(),
                         ingested_at=when)
    assert [o.article_id for o in out] == [a.id for a in articles]
    for a, o in zip(articles, out, strict=True):
        missions = kg.extractor.extract(a)
        want = article_quads(a, missions, iris=kg.iris, extractor_version=build_version(), ingested_at=when)
        assert o.error is None and o.nquads is not None and o.missions == len(missions)
        assert set(ox.parse(o.nquads, format=ox.RdfFormat.N_QUADS)) == set(want)


def test_cluster_two_local_processes_equal_one(corpus: Path, local_build: tuple[dict[str, Any], Any],
                                               tmp_path: Path) -> None:
    """build(n_process=2) on disk stores the facts of a 1-process build, reports the same, and a
    second run changes nothing."""
    facts, ref = local_build
    with KnowledgeGraph(tmp_path / "s") as kg:
        report = kg.build([corpus], n_process=2, batch_size=2)
        assert report.added == ref.added and [str(p) for p in report.failed] == [str(p) for p in ref.failed]
        assert report.missions == ref.missions
        assert kg.facts() == facts
        assert kg.extractor._nlp is None  # the workers parsed and built the quads
        before = _data(kg.store.quads())
        again = kg.build([corpus], n_process=2, batch_size=2)
        assert again.unchanged == ref.added and not again.added and not again.replaced
        assert _data(kg.store.quads()) == before


def test_cluster_build_on_dask_equals_local(client: Any, server: str, corpus: Path,
                                            local_build: tuple[dict[str, Any], Any]) -> None:
    """On a LocalCluster of 2 workers writing to a real Oxigraph server: the facts of a local
    build, the same report (failed input included), every task on a worker, and a second run
    changes nothing."""
    facts, ref = local_build
    seen: list[tuple[str, str]] = []
    with KnowledgeGraph(server) as kg:
        report = kg.build([corpus], cluster=client, batch_size=2, on_item=lambda i, o: seen.append((i, o)))
        assert report.added == ref.added
        assert [str(p) for p in report.failed] == [str(p) for p in ref.failed]
        assert report.missions == ref.missions
        assert sorted(seen) == sorted([(a, "added") for a in ref.added] + [(ref.failed[0].item, "failed")])
        assert kg.facts() == facts
        assert kg.extractor._nlp is None  # the driver never parsed: the workers did
    before = _quads(server)
    with KnowledgeGraph(server) as kg:
        again = kg.build([corpus], cluster=client, batch_size=2)
    assert again.unchanged == ref.added and not again.added and not again.replaced
    assert _quads(server) == before
    # a running scheduler by its address (what --cluster tcp://HOST:PORT does); --force rebuilds all
    with KnowledgeGraph(server) as kg:
        forced = kg.build([corpus], cluster=client.scheduler.address, batch_size=2, force=True)
        assert forced.replaced == ref.added and kg.facts() == facts


def test_cluster_worker_killed_mid_run_same_facts(client: Any, server: str, corpus: Path,
                                                  local_build: tuple[dict[str, Any], Any]) -> None:
    """A worker SIGKILLed while it runs a task: the scheduler re-runs the task, and the build ends
    with the facts of a local build (writes are idempotent); a re-run changes nothing."""
    facts, ref = local_build
    killed: list[int] = []

    def killer() -> None:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and not killed:
            busy = [w for w, tasks in client.processing().items() if tasks]
            if busy:
                time.sleep(0.3)  # into the task: loading the model or extracting
                pid = client.run(os.getpid, workers=[busy[0]]).get(busy[0])
                if pid:
                    os.kill(pid, signal.SIGKILL)
                    killed.append(pid)
                return
            time.sleep(0.05)

    t = threading.Thread(target=killer)
    t.start()
    try:
        with KnowledgeGraph(server) as kg:
            report = kg.build([corpus], cluster=client, batch_size=2)
    finally:
        t.join()
    assert killed, "no worker was seen running a task"
    with pytest.raises(ProcessLookupError):
        os.kill(killed[0], 0)
    with KnowledgeGraph(server) as kg:
        if len(report.added) != len(ref.added):  # a task lost beyond its retries: a re-run finishes it
            report = kg.build([corpus], cluster=client, batch_size=2)
        assert kg.facts() == facts
        before = _quads(server)
        again = kg.build([corpus], cluster=client, batch_size=2)
        assert again.unchanged == ref.added and not again.added
        assert _quads(server) == before
    client.wait_for_workers(2, timeout=60)  # the nanny restarted it


def test_cluster_cli_build(server: str, corpus: Path, local_build: tuple[dict[str, Any], Any]) -> None:
    """`kgbuild build DIR --store http://HOST:PORT --cluster local:2` (the README's command) builds on its own LocalCluster."""
    from kgbuild.cli import main

    facts, ref = local_build
    result = CliRunner().invoke(main, ["build", str(corpus), "--store", server, "--cluster", "local:2", "--no-progress"])
    assert result.exit_code == 1, result.output  # the empty file fails, the rest is stored
    assert "6 added" in result.output and "empty.txt" in result.output
    with KnowledgeGraph(server) as kg:
        assert kg.facts() == facts
    bad = CliRunner().invoke(main, ["build", str(corpus), "--store", server, "--cluster", "local:x"])
    assert bad.exit_code == 2 and "cluster" in bad.output


def test_cluster_without_dask_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without Dask installed, a cluster build says which extra to install (and starts nothing)."""
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # "import distributed" raises ImportError
    art = Article.from_text("a.txt", (EXAMPLES / "azerbaijan-2020-cis-interim.txt").read_text(encoding="utf-8"))
    with pytest.raises(MissingDependency, match=r"kgbuild\[dask\]"):
        list(cluster_outcomes([art], cluster="local:1", store_url="http://127.0.0.1:9/", spec=ExtractorSpec(),
                              base_iri="https://example.org/", version="test", ingested_at=None))
