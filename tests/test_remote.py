"""The remote store: kgbuild on a real Oxigraph server (from the `oxigraph` PyPI package) on loopback."""

from __future__ import annotations

import itertools
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pyoxigraph as ox
import pytest
from click.testing import CliRunner

from kgbuild.errors import QueryError, StoreError
from kgbuild.graphstore import GraphStore
from kgbuild.query import Catalog
from kgbuild.remote import RemoteStore, is_remote, open_store
from kgbuild.store import Store

from .conftest import EXAMPLES, IN_CI

FROZEN = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)


def _oxigraph_binary() -> str:
    beside = Path(sys.executable).parent / "oxigraph"
    path = str(beside) if beside.exists() else shutil.which("oxigraph")
    if path is None:
        if IN_CI:
            pytest.fail("the oxigraph server is required in CI (pip install 'kgbuild[test]')")
        pytest.skip("the oxigraph server binary is not installed (pip install oxigraph)")
    return path


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A fresh Oxigraph server on a free loopback port, stopped after the module."""
    binary = _oxigraph_binary()
    tmp = tmp_path_factory.mktemp("oxigraph")
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    log = open(tmp / "server.log", "wb")  # noqa: SIM115 - closed below
    proc = subprocess.Popen([binary, "serve", "--location", str(tmp / "db"), "--bind", f"127.0.0.1:{port}"],
                            stdout=log, stderr=subprocess.STDOUT)
    try:
        deadline = time.monotonic() + 30
        while True:
            if proc.poll() is not None:
                pytest.fail(f"oxigraph serve exited with {proc.returncode}: {(tmp / 'server.log').read_text()}")
            try:
                if httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline:
                pytest.fail(f"oxigraph serve did not answer on {url} within 30 s")
            time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
        log.close()


@pytest.fixture(scope="module")
def extractor() -> Any:
    """One spaCy extractor for the whole module (the model loads once)."""
    from kgbuild.extract import Extractor

    return Extractor()


@pytest.fixture(scope="module")
def patched(extractor: Any) -> Iterator[pytest.MonkeyPatch]:
    """KnowledgeGraph opens stores through open_store, reuses one extractor and stamps a fixed ingest time."""
    import kgbuild.api
    import kgbuild.extract

    class Frozen(datetime):
        @classmethod
        def now(cls, tz: Any = None) -> Frozen:  # type: ignore[override]
            return FROZEN  # type: ignore[return-value]

    with pytest.MonkeyPatch.context() as mp:
        if getattr(kgbuild.api, "open_store", None) is None:  # until api.py calls open_store itself
            mp.setattr(kgbuild.api, "Store", open_store)
        mp.setattr(kgbuild.api, "datetime", Frozen)
        mp.setattr(kgbuild.extract, "Extractor", lambda *a, **k: extractor)
        yield mp


@pytest.fixture(scope="module")
def built(server: str, patched: pytest.MonkeyPatch) -> Iterator[dict[str, Any]]:
    """examples/ built into the server and into an in-memory local store, the same way."""
    from kgbuild.api import KnowledgeGraph

    remote = KnowledgeGraph(server)
    local = KnowledgeGraph(None)
    try:
        yield {"remote": remote, "local": local, "url": server,
               "remote_report": remote.build([EXAMPLES]), "local_report": local.build([EXAMPLES])}
    finally:
        remote.close()
        local.close()


def _catalogue_calls(kg: Any) -> list[tuple[str, dict[str, str]]]:
    """Every prepared query with parameter values taken from the graph itself (a few per type)."""
    values = {
        "country": sorted({r["cc"].value for r in kg.store.select(
            "SELECT DISTINCT ?cc WHERE { ?e eo:electionCountry/eo:alpha2 ?cc }")})[:3],
        "member": sorted({r["cc"].value for r in kg.store.select(
            "SELECT DISTINCT ?cc WHERE { ?c eo:participatesIn ?m ; eo:alpha2 ?cc }")})[:3],
        "mission": sorted({r["m"].value for r in kg.store.select(
            "SELECT DISTINCT ?m WHERE { ?m a eo:ObservationMission }")})[:3],
        "year": sorted({r["d"].value[:4] for r in kg.store.select(
            "SELECT DISTINCT ?d WHERE { ?e eo:electionDate ?d }")})[:2],
    }
    values["subject"] = values["mission"][:2] + ["country/" + c for c in values["country"][:1]]
    values["property"] = ["https://w3id.org/kgbuild/ontology#participatesIn"]
    calls = []
    for name, pq in Catalog.load().items():
        options = []
        for p in pq.params:
            vals = values["member" if p.name == "member" else p.name if p.name in values else p.type]
            assert vals, f"no value in the graph for parameter {p.name} of {name}"
            options.append([(p.name, v) for v in vals] + ([(p.name, None)] if p.optional else []))
        for combo in itertools.product(*options):
            calls.append((name, {k: v for k, v in combo if v is not None}))
    return calls


def test_remote_build_reports_like_local(built: dict[str, Any]) -> None:
    """Building examples/ into the server adds every article, as the local build does, with no failures."""
    r, lo = built["remote_report"], built["local_report"]
    assert not r.failed and not lo.failed
    assert sorted(r.added) == sorted(lo.added) and len(r.added) == len(list(EXAMPLES.glob("*.txt")))
    assert r.missions == lo.missions > 0


def test_remote_dataset_equals_local(built: dict[str, Any]) -> None:
    """The server holds exactly the quads the local store holds, and the counting methods agree."""
    rs, ls = built["remote"].store, built["local"].store
    assert isinstance(rs, RemoteStore) and isinstance(ls, Store)
    # both hold the merged data in their default graph (derived by relink; issue 15)
    r_quads, l_quads = _ground(rs.quads()), _ground(ls.quads())
    assert r_quads == l_quads and r_quads[1]  # blank nodes (in the ontology) are relabelled by the server
    derived = sum(1 for _ in ls.quads(ox.DefaultGraph()))
    assert set(rs.quads(ox.DefaultGraph())) == set(ls.quads(ox.DefaultGraph())) and derived > 0
    assert rs.count_quads() == ls.count_quads() > derived
    assert rs.graph_count() == ls.graph_count()
    assert rs.article_graphs() == ls.article_graphs()
    g = ls.article_graphs()[0]
    assert set(rs.quads(g)) == set(ls.quads(g)) and rs.contains_graph(g)
    assert not rs.contains_graph(ox.NamedNode(g.value + "-missing"))
    assert list(rs.quads(ox.NamedNode(g.value + "-missing"))) == []
    article_id = g.value.rsplit("/", 1)[-1]
    assert rs.article_state(article_id) == ls.article_state(article_id) is not None
    assert built["remote"].summary() == built["local"].summary()


def test_remote_default_graph_is_the_deduplicated_data(built: dict[str, Any]) -> None:
    """The server's default graph is the merged data, each triple once (what VoID counts), for kgbuild's
    queries and for any SPARQL client of the server; the union of the graphs stays one parameter away."""
    remote, local, url = built["remote"], built["local"], built["url"]
    assert remote.data_default_graph and local.data_default_graph
    count = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
    triples = remote.select(count)[0]["n"]
    assert triples == local.select(count)[0]["n"] > 0
    # a plain SPARQL Protocol client of the server (not kgbuild) reads the same default graph
    answer = httpx.post(f"{url}/query", content=count, timeout=30,
                        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert int(answer.json()["results"]["bindings"][0]["n"]["value"]) == triples
    union = httpx.post(f"{url}/query", params={"union-default-graph": ""}, content=count, timeout=30,
                       headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    assert int(union.json()["results"]["bindings"][0]["n"]["value"]) > triples  # the bag of every graph
    # an aggregate counts each stated figure once, as locally
    figures = "SELECT (SUM(?c) AS ?n) WHERE { ?f a eo:ObserverCount ; eo:count ?c }"
    assert remote.select(figures)[0]["n"] == local.select(figures)[0]["n"] > 0
    # the VoID statistics count exactly these triples
    from kgbuild.publish import data_statistics

    assert data_statistics(remote)["triples"] == triples


def _ground(quads: Any) -> tuple[set[ox.Quad], int]:
    """The quads without blank nodes, and how many quads have one."""
    ground, blank = set(), 0
    for q in quads:
        if isinstance(q.subject, ox.BlankNode) or isinstance(q.object, ox.BlankNode):
            blank += 1
        else:
            ground.add(q)
    return ground, blank


def test_remote_catalogue_rows_identical(built: dict[str, Any]) -> None:
    """Every prepared query, with parameters drawn from the graph, gives the same rows remotely and locally."""
    remote, local = built["remote"], built["local"]
    calls = _catalogue_calls(local)
    assert {name for name, _ in calls} == set(Catalog.load())
    nonempty = 0
    for name, params in calls:
        r_rows, r_names = remote.query_terms(name, **params)
        l_rows, l_names = local.query_terms(name, **params)
        assert r_names == l_names, name
        assert r_rows == l_rows, (name, params)
        nonempty += bool(l_rows)
    assert nonempty >= len(calls) // 2  # the comparison is not between empty answers


def test_remote_facts_and_adhoc_queries(built: dict[str, Any]) -> None:
    """facts(), explain() and ad-hoc SELECT/ASK/CONSTRUCT answer the same as the local store."""
    remote, local = built["remote"], built["local"]
    assert remote.facts() == local.facts()
    assert remote.facts()["articles"]
    mission = local.query("missions")[0]["mission"]
    assert remote.explain(mission) == local.explain(mission)
    assert remote.sparql("ASK { ?m a eo:ObservationMission }") is True
    q = "CONSTRUCT { ?m rdfs:label ?l } WHERE { ?m a eo:ObservationMission ; rdfs:label ?l }"
    assert set(remote.sparql(q)) == set(local.sparql(q)) != set()


def test_remote_rebuild_skips_unchanged_and_remove(built: dict[str, Any]) -> None:
    """A second build skips every article; remove() drops one article's graph, and a build restores it."""
    kg = built["remote"]
    again = kg.build([EXAMPLES])
    assert again.added == [] and again.replaced == [] and len(again.unchanged) == len(built["remote_report"].added)
    before = kg.facts()
    victim = sorted(built["remote_report"].added)[0]
    graph = kg.iris.article_graph(victim)
    assert kg.remove(victim) is True
    assert not kg.store.contains_graph(graph)
    assert victim not in {a["article"] for a in kg.facts()["articles"]}
    assert kg.remove(victim) is False
    restored = kg.build([EXAMPLES])
    assert restored.added == [victim] and len(restored.unchanged) == len(again.unchanged) - 1
    assert kg.facts() == before


def test_remote_cli_build_and_query(built: dict[str, Any]) -> None:
    """`kgbuild build --store URL` skips the unchanged articles; `kgbuild query --store URL` gives the local rows."""
    from kgbuild.cli import main

    url, local = built["url"], built["local"]
    runner = CliRunner()
    res = runner.invoke(main, ["build", "--store", url, "--no-progress", str(EXAMPLES)], catch_exceptions=False)
    assert res.exit_code == 0, res.output
    assert f"0 added, 0 replaced, {len(built['remote_report'].added)} unchanged" in res.output
    name, params = next((n, p) for n, p in _catalogue_calls(local) if p and local.query(n, **p))
    args = ["query", name, "--store", url, "--format", "json"]
    for k, v in params.items():
        args += ["--param", f"{k}={v}"]
    res = runner.invoke(main, args, catch_exceptions=False)
    assert res.exit_code == 0, res.output
    shown = ox.parse_query_results(res.output, format=ox.QueryResultsFormat.JSON)
    rows, names = local.query_terms(name, **params)
    assert [v.value for v in shown.variables] == names
    assert [{n: s[n] for n in names if s[n] is not None} for s in shown] == rows


def test_remote_errors_name_the_url(server: str, patched: pytest.MonkeyPatch) -> None:
    """A server that is down, a bad query and a write to a read-only store give clear kgbuild errors."""
    dead = f"http://127.0.0.1:{_free_port()}"
    with pytest.raises(StoreError, match=r"127\.0\.0\.1:\d+.*cannot reach"):
        RemoteStore(dead)
    with RemoteStore(server, read_only=True) as ro:
        with pytest.raises(QueryError, match=f"{server}/query"):
            ro.query("SELECT ?x WHERE { ?x")
        with pytest.raises(StoreError, match="read-only"):
            ro.remove_graph(ro.iris.article_graph("x.txt"))
        with pytest.raises(StoreError, match="SPARQL server"):
            _ = ro.backend
    from kgbuild.cli import main

    res = CliRunner().invoke(main, ["summary", "--store", dead])
    assert res.exit_code == 4 and dead in res.output


def _quads(store: Any, article: str, value: str) -> list[ox.Quad]:
    g, a = store.iris.article_graph(article), store.iris.article(article)
    return [ox.Quad(a, ox.NamedNode("https://example.org/p"), ox.Literal(value), g)]


@pytest.mark.parametrize("writes", ["update", "gsp"])
def test_remote_replace_and_batch_writes(server: str, writes: str) -> None:
    """replace_graph replaces, batch_writer writes many graphs per request, both through update and GSP."""
    with RemoteStore(server, writes=writes) as s:
        names = [f"zz-{writes}-{i}.txt" for i in range(5)]
        written: list[ox.NamedNode] = []
        with s.batch_writer(max_quads=3, on_written=written.append) as w:
            for n in names:
                w.put(s.iris.article_graph(n), _quads(s, n, "v1"))
        assert written == [s.iris.article_graph(n) for n in names]
        s.replace_graph(s.iris.article_graph(names[0]), _quads(s, names[0], "v2"))
        assert [q.object.value for q in s.quads(s.iris.article_graph(names[0]))] == ["v2"]
        s.replace_graph(s.iris.article_graph(names[1]), [])
        assert s.contains_graph(s.iris.article_graph(names[1]))
        assert list(s.quads(s.iris.article_graph(names[1]))) == []
        for n in names:
            assert s.remove_graph(s.iris.article_graph(n)) is True


def test_remote_failed_batch_writes_nothing(server: str) -> None:
    """When the server fails an update, every graph of that batch is reported failed and none is stored."""

    def fail_updates(request: httpx.Request) -> httpx.Response:
        if request.url.path.endswith("/update") and b"zz-failed" in request.content:
            return httpx.Response(503, text="overloaded")
        with httpx.Client() as real:
            return real.send(httpx.Request(request.method, request.url, headers=request.headers,
                                           content=request.content))

    failed: list[str] = []
    with httpx.Client(transport=httpx.MockTransport(fail_updates)) as client:
        s = RemoteStore(server, client=client)
        graphs = [s.iris.article_graph(f"zz-failed-{i}.txt") for i in range(3)]
        with s.batch_writer(on_failed=lambda g, e: failed.append(f"{g.value}: {e}")) as w:
            for g in graphs:
                w.put(g, _quads(s, g.value.rsplit("/", 1)[-1], "x"))
        assert len(failed) == 3 and all("HTTP 503" in f and "overloaded" in f for f in failed)
        assert not any(s.contains_graph(g) for g in graphs)
        with pytest.raises(StoreError, match="/update: answered HTTP 503"):
            s.replace_graph(graphs[0], _quads(s, "zz-failed-0.txt", "x"))


def test_remote_is_a_graph_store_answering_patterns_like_local(built: dict[str, Any]) -> None:
    """RemoteStore satisfies GraphStore, and quads_for_pattern answers as the embedded store does."""
    rs, ls = built["remote"].store, built["local"].store
    assert isinstance(rs, GraphStore) and isinstance(ls, GraphStore)
    mission = next(r["m"] for r in ls.select("SELECT ?m WHERE { ?m a eo:ObservationMission } ORDER BY ?m LIMIT 1"))
    label = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")

    def data(quads: Iterator[ox.Quad]) -> set[ox.Quad]:
        # the listings' version numbers differ between the two, and only the embedded store derives
        # a data default graph (issue 15)
        return {q for q in quads if isinstance(q.graph_name, ox.NamedNode) and not rs.iris.is_listing_graph(q.graph_name)}

    for pattern in [(mission, None, None, None), (mission, label, None, None), (None, label, None, rs.iris.links_graph())]:
        assert data(rs.quads_for_pattern(*pattern)) == data(ls.quads_for_pattern(*pattern)), pattern
    assert data(rs.quads_for_pattern(mission, None, None, None))
    assert rs.has_subject(mission) and ls.has_subject(mission)


def test_open_store_chooses_the_backend(server: str, tmp_path: Path) -> None:
    """open_store gives a RemoteStore for an http(s) URL and the local Store for anything else."""
    assert is_remote(server) and is_remote("HTTPS://kg.example.org/sparql") and not is_remote(str(tmp_path))
    with open_store(server, read_only=True) as r:
        assert isinstance(r, RemoteStore) and r.read_only and r.path == server
    local = open_store(tmp_path / "s")
    assert isinstance(local, Store)
    local.close()
    assert os.path.isdir(tmp_path / "s")
