"""The server in process through httpx.ASGITransport: REST API, negotiation, refusals, error shape, pages."""

from __future__ import annotations

import asyncio
import csv
import io
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import httpx
import pyoxigraph as ox
import pytest

from kgbuild.query import Catalog
from kgbuild.server import TRUNCATED_HEADER, ServerConfig, create_app
from kgbuild.server.results import NotAcceptable, negotiate
from kgbuild.server.svg import Edge, Node, radial_svg

BASE = "https://w3id.org/kgbuild/data/"
MISSIONS_Q = "SELECT ?m WHERE { ?m a eo:ObservationMission } ORDER BY ?m"


class InProcess:
    """An app with its worker pool running on an event loop in a thread; requests go through ASGITransport."""

    def __init__(self, config: ServerConfig) -> None:
        self.app = create_app(config)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._lifespan = self.app.router.lifespan_context(self.app)
        self._run(self._lifespan.__aenter__())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://testserver")

    def _run(self, coro: Any) -> Any:
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=120)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self._run(self.client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def close(self) -> None:
        self._run(self.client.aclose())
        self._run(self._lifespan.__aexit__(None, None, None))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


@pytest.fixture(scope="module")
def server(examples_store: Path) -> Iterator[InProcess]:
    """The examples graph behind an in-process app (2 workers, 5 rows per result at most)."""
    s = InProcess(ServerConfig(store=str(examples_store), max_rows=5, workers=2, cors=("https://portal.example",)))
    yield s
    s.close()


def assert_error(r: httpx.Response, status: int) -> dict[str, Any]:
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["title"] and err["detail"]
    return err


def missions_in(examples_store: Path) -> list[str]:
    s = ox.Store.read_only(str(examples_store))
    q = "SELECT ?m WHERE { GRAPH ?g { ?m a <https://w3id.org/kgbuild/ontology#ObservationMission> } }"
    return sorted({r[0].value for r in s.query(q)})


# --- negotiation (pure) -------------------------------------------------------------------------
def test_negotiate_prefers_quality_and_order() -> None:
    """Accept q-values pick the format; wildcards fall back to the first offered; formats names win."""
    assert negotiate("SELECT", "text/csv;q=0.4, application/sparql-results+xml").name == "xml"
    assert negotiate("SELECT", "*/*").name == "json"
    assert negotiate("CONSTRUCT", "application/n-triples, text/turtle;q=0.9").name == "ntriples"
    assert negotiate("CONSTRUCT", None).name == "turtle"
    assert negotiate("SELECT", "text/html", fmt="tsv").name == "tsv"
    with pytest.raises(NotAcceptable, match="offered"):
        negotiate("SELECT", "text/turtle")
    with pytest.raises(NotAcceptable):
        negotiate("ASK", "text/csv")


# --- /query ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("accept", "prefix"),
    [("application/sparql-results+json", "application/sparql-results+json"),
     ("application/sparql-results+xml", "application/sparql-results+xml"),
     ("text/csv", "text/csv"), ("text/tab-separated-values", "text/tab-separated-values")],
)
def test_select_in_each_results_format(server: InProcess, accept: str, prefix: str) -> None:
    """A SELECT comes back in the negotiated SPARQL results format and parses as such."""
    r = server.get("/query", params={"query": "SELECT ?c WHERE { ?c a eo:Country ; eo:alpha2 'AZ' } LIMIT 1"},
                   headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(prefix)
    assert f"{BASE}country/AZ" in r.text
    if "json" in accept:
        assert r.json()["head"]["vars"] == ["c"]
    elif "xml" in accept:
        assert ElementTree.fromstring(r.content).tag.endswith("sparql")
    elif "csv" in accept:
        assert next(csv.reader(io.StringIO(r.text))) == ["c"]


def test_post_form_and_direct_body_give_the_same_rows(server: InProcess) -> None:
    """POST form-encoded and POST application/sparql-query run the same query."""
    q = "SELECT ?cc WHERE { ?c a eo:Country ; eo:alpha2 ?cc } ORDER BY ?cc LIMIT 3"
    a = server.request("POST", "/query", data={"query": q}, headers={"Accept": "application/json"})
    b = server.request("POST", "/query", content=q, headers={"Content-Type": "application/sparql-query",
                                                             "Accept": "application/json"})
    assert a.status_code == b.status_code == 200
    assert a.json() == b.json()
    assert len(a.json()["results"]["bindings"]) == 3


def test_ask_and_construct(server: InProcess) -> None:
    """ASK gives a boolean; CONSTRUCT gives Turtle or N-Triples that parse back to triples."""
    r = server.get("/query", params={"query": "ASK { ?m a eo:ObservationMission }"})
    assert r.json() == {"head": {}, "boolean": True}
    q = "CONSTRUCT { ?c eo:alpha2 ?cc } WHERE { ?c a eo:Country ; eo:alpha2 ?cc } LIMIT 3"
    for accept, fmt in (("text/turtle", ox.RdfFormat.TURTLE), ("application/n-triples", ox.RdfFormat.N_TRIPLES),
                        ("application/ld+json", ox.RdfFormat.JSON_LD), ("application/rdf+xml", ox.RdfFormat.RDF_XML)):
        r = server.get("/query", params={"query": q}, headers={"Accept": accept})
        assert r.status_code == 200 and r.headers["content-type"].startswith(accept), (accept, r.text)
        triples = list(ox.parse(r.content, format=fmt))
        assert 1 <= len(triples) <= 3 and all(t.predicate.value.endswith("#alpha2") for t in triples)
    # format= as generic clients send it: a short name meaning the RDF flavour, or media types
    assert server.get("/query", params={"query": q, "format": "xml"}).headers["content-type"].startswith("application/rdf+xml")
    r = server.get("/query", params=[("query", q), ("format", "json-ld"), ("format", "application/ld+json,x/y")])
    assert r.headers["content-type"].startswith("application/ld+json")


def test_rows_beyond_max_rows_are_cut_with_a_header(server: InProcess, examples_store: Path) -> None:
    """More rows than --max-rows: the first max-rows come back and the truncation header says so."""
    assert len(missions_in(examples_store)) > 5
    r = server.get("/query", params={"query": MISSIONS_Q}, headers={"Accept": "application/json"})
    assert r.status_code == 200
    assert len(r.json()["results"]["bindings"]) == 5
    assert r.headers[TRUNCATED_HEADER] == "max-rows=5"
    small = server.get("/query", params={"query": MISSIONS_Q + " LIMIT 2"})
    assert TRUNCATED_HEADER not in small.headers
    graph = server.get("/query", params={"query": "CONSTRUCT WHERE { ?s ?p ?o }"}, headers={"Accept": "application/n-triples"})
    assert graph.headers[TRUNCATED_HEADER] == "max-rows=5"
    assert len(list(ox.parse(graph.content, format=ox.RdfFormat.N_TRIPLES))) == 5


@pytest.mark.parametrize(
    ("method", "kwargs", "status", "needle"),
    [
        ("GET", {"params": {"query": "SELEC ?x WHERE {"}}, 400, "syntax"),
        ("GET", {}, 400, "'query' is required"),
        ("GET", {"params": {"query": "ASK {}", "default-graph-uri": "not an IRI"}}, 400, "not an IRI"),
        ("GET", {"params": {"query": "INSERT DATA { <http://a> <http://b> <http://c> }"}}, 403, "read-only"),
        ("POST", {"data": {"update": "DROP ALL"}}, 403, "read-only"),
        ("POST", {"content": "CLEAR ALL", "headers": {"Content-Type": "application/sparql-update"}}, 403, "read-only"),
        ("GET", {"params": {"query": "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"}}, 403, "SERVICE"),
        ("GET", {"params": {"query": MISSIONS_Q}, "headers": {"Accept": "text/turtle"}}, 406, "offered"),
        ("POST", {"content": "x", "headers": {"Content-Type": "text/plain"}}, 415, "not a query"),
        ("PUT", {"content": "x"}, 405, "PUT"),
        ("DELETE", {}, 405, "DELETE"),
    ],
)
def test_query_errors_share_one_shape(server: InProcess, method: str, kwargs: dict[str, Any], status: int,
                                      needle: str) -> None:
    """Every refusal on /query is the JSON error shape with the right status and a telling detail."""
    err = assert_error(server.request(method, "/query", **kwargs), status)
    assert needle.lower() in err["detail"].lower()


def test_update_route_is_absent_and_unknown_paths_share_the_shape(server: InProcess) -> None:
    """There is no /update; unknown paths and methods are 404/405 in the same JSON shape."""
    assert_error(server.request("POST", "/update", data={"update": "DROP ALL"}), 404)
    assert_error(server.get("/nothing/here"), 404)
    err = assert_error(server.request("POST", "/queries"), 405)
    assert "POST" in err["detail"]


def test_oversized_body_is_refused(server: InProcess) -> None:
    """A query body over 1 MiB is refused with 413 before it reaches a worker."""
    q = "SELECT * WHERE { ?s ?p ?o } #" + "x" * (1 << 20)
    assert_error(server.request("POST", "/query", content=q, headers={"Content-Type": "application/sparql-query"}), 413)


# --- /queries -------------------------------------------------------------------------------------
def test_catalogue_lists_every_prepared_query_with_parameters(server: InProcess) -> None:
    """GET /queries describes each catalogue query, its parameters and its URL."""
    r = server.get("/queries")
    assert r.status_code == 200
    listed = {q["name"]: q for q in r.json()}
    cat = Catalog.load()
    assert set(listed) == set(cat)
    for name, pq in cat.items():
        assert listed[name]["params"] == pq.describe()["params"]
        assert listed[name]["href"] == f"/queries/{name}"


def test_prepared_query_binds_parameters_like_the_cli(server: InProcess, examples_store: Path) -> None:
    """missions?country=… accepts a name or code and returns only that country's missions."""
    by_name = server.get("/queries/missions", params={"country": "Azerbaijan"}, headers={"Accept": "text/csv"})
    by_code = server.get("/queries/missions", params={"country": "AZE", "format": "csv"})
    assert by_name.status_code == by_code.status_code == 200
    assert by_name.text == by_code.text
    rows = list(csv.DictReader(io.StringIO(by_name.text)))
    assert rows and {r["country"] for r in rows} == {"AZ"}


def test_prepared_query_pages_with_limit_and_offset(server: InProcess) -> None:
    """limit/offset in the query string give that slice; a bad limit is a 400 naming it."""
    whole = list(csv.DictReader(io.StringIO(server.get("/queries/missions", params={"format": "csv"}).text)))
    page = server.get("/queries/missions", params={"format": "csv", "limit": "2", "offset": "1"})  # 5 rows at most
    assert len(whole) == 5 and page.status_code == 200 and list(csv.DictReader(io.StringIO(page.text))) == whole[1:3]
    err = assert_error(server.get("/queries/missions", params={"limit": "-3"}), 400)
    assert "limit" in json.dumps(err)


def test_prepared_query_parameter_errors_name_the_parameter(server: InProcess) -> None:
    """Unknown, malformed, missing and repeated parameters are 400s naming the parameter; unknown query 404."""
    err = assert_error(server.get("/queries/missions", params={"country": "Atlantis"}), 400)
    assert err["parameter"] == "country" and "Atlantis" in err["detail"]
    err = assert_error(server.get("/queries/missions", params={"year": "20x0"}), 400)
    assert err["parameter"] == "year"
    err = assert_error(server.get("/queries/missions", params={"colour": "red"}), 400)
    assert err["parameter"] == "colour"
    err = assert_error(server.get("/queries/mission-members"), 400)
    assert err["parameter"] == "mission"
    err = assert_error(server.get("/queries/missions?year=2018&year=2020"), 400)
    assert err["parameter"] == "year"
    assert "missions" in assert_error(server.get("/queries/no-such-query"), 404)["detail"]
    assert_error(server.get("/queries/missions", headers={"Accept": "text/turtle"}), 406)


def test_fact_provenance_rest_matches_library(server: InProcess, examples_store: Path) -> None:
    """fact-provenance over REST returns the same rows as KnowledgeGraph.explain (up to max-rows)."""
    from kgbuild.api import KnowledgeGraph

    mission = missions_in(examples_store)[0]
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        expected = kg.explain(mission)
    r = server.get("/queries/fact-provenance", params={"subject": mission})
    assert r.status_code == 200
    got = r.json()["results"]["bindings"]
    assert len(got) == min(5, len(expected))
    assert [b["sentence"]["value"] for b in got] == [e["sentence"] for e in expected[: len(got)]]


# --- VoID, CORS -------------------------------------------------------------------------------------
def test_void_is_turtle_describing_the_dataset(server: InProcess) -> None:
    """/.well-known/void parses as Turtle and describes a void:Dataset."""
    r = server.get("/.well-known/void")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/turtle")
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert any(t.object == ox.NamedNode("http://rdfs.org/ns/void#Dataset") for t in triples)
    assert any(t.predicate.value == "http://rdfs.org/ns/void#triples" for t in triples)


def test_void_without_a_stored_graph_is_publishs_description(server: InProcess, examples_store: Path) -> None:
    """Without a stored _void graph the server describes the data as `kgbuild publish` does, naming its own /query."""
    from kgbuild.api import KnowledgeGraph
    from kgbuild.publish import DatasetInfo, void_quads

    served = {q.triple for q in ox.parse(server.get("/.well-known/void").content, format=ox.RdfFormat.TURTLE)}
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        published = {q.triple for q in void_quads(kg, DatasetInfo(endpoint="http://testserver/query"))}
    assert served == published
    assert ox.NamedNode("http://testserver/query") in {t.object for t in served}


def test_void_graph_from_the_store_is_served_as_is(tmp_path: Path, examples_store: Path) -> None:
    """When the store holds {base}graph/_void, that graph is what /.well-known/void serves."""
    import shutil

    from kgbuild.api import KnowledgeGraph

    path = tmp_path / "store"
    shutil.copytree(examples_store, path)
    with KnowledgeGraph(path) as kg:
        g = kg.iris.void_graph()
        ds = ox.NamedNode(BASE + "dataset/test")
        kg.store.replace_graph(g, [ox.Quad(ds, ox.NamedNode("http://purl.org/dc/terms/title"), ox.Literal("marker title"), g)])
    s = InProcess(ServerConfig(store=str(path), workers=1))
    try:
        r = s.get("/.well-known/void")
    finally:
        s.close()
    triples = list(ox.parse(r.content, format=ox.RdfFormat.TURTLE))
    assert [t.object.value for t in triples] == ["marker title"]


def test_cors_allows_only_the_configured_origin(server: InProcess) -> None:
    """--cors ORIGIN: that origin gets Access-Control-Allow-Origin (and the truncation header exposed); others do not."""
    ok = server.get("/query", params={"query": MISSIONS_Q}, headers={"Origin": "https://portal.example"})
    assert ok.headers["access-control-allow-origin"] == "https://portal.example"
    assert TRUNCATED_HEADER.lower() in ok.headers["access-control-expose-headers"].lower()
    other = server.get("/query", params={"query": MISSIONS_Q}, headers={"Origin": "https://evil.example"})
    assert "access-control-allow-origin" not in other.headers


# --- pages --------------------------------------------------------------------------------------------
def test_missions_index_links_every_mission(server: InProcess, examples_store: Path) -> None:
    """/missions lists every mission with a link to its page."""
    r = server.get("/missions")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    for m in missions_in(examples_store):
        assert f'href="/mission/{m.rsplit("/", 1)[-1]}"' in r.text


def test_missions_index_pages_and_filters_by_country(server: InProcess, examples_store: Path) -> None:
    """/missions?country= lists that country's missions; pages link to each other; a bad page is a 400."""
    from kgbuild.api import KnowledgeGraph
    from kgbuild.server import pages
    from kgbuild.server.explore import filter_missions

    r = server.get("/missions", params={"country": "Azerbaijan"})
    assert r.status_code == 200 and '<option value="AZ" selected>' in r.text
    assert 'href="/mission/cis-az-parliamentary-2020-02-09"' in r.text
    assert 'href="/mission/odihr-kz-presidential-2019-06-09"' not in r.text
    assert_error(server.get("/missions", params={"page": "0"}), 400)
    assert_error(server.get("/missions", params={"country": "Atlantis"}), 400)
    assert_error(server.get("/missions", params={"year": "twenty"}), 400)
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        everything = kg.query("missions")
        data = filter_missions(kg, page=2, size=5)
        html = pages.missions_page(data)
    assert data["total"] == len(everything)
    assert [r["iri"] for r in data["rows"]] == [r["mission"] for r in everything[5:10]]
    assert f"Missions 6–10 of {len(everything)}" in html
    assert 'href="/missions?page=1"' in html and 'href="/missions?page=3"' in html


def test_mission_page_shows_facts_members_links_evidence_and_picture(server: InProcess, examples_store: Path) -> None:
    """A mission page shows organizer, members with Wikidata/GeoNames links, highlighted evidence and an SVG."""
    from kgbuild.api import KnowledgeGraph

    with KnowledgeGraph(examples_store, read_only=True) as kg:
        rows = kg.query("missions")
        best = max(rows, key=lambda r: len(kg.query("mission-members", mission=r["mission"])))
        members = kg.query("mission-members", mission=best["mission"])
        evidence = kg.explain(best["mission"])
    key = best["mission"].rsplit("/", 1)[-1]
    r = server.get(f"/mission/{key}")
    assert r.status_code == 200, r.text
    html = r.text
    assert best["organizer"] in html.replace("&#x27;", "'")
    country_members = [m for m in members if m["kind"] == "country"]
    assert country_members
    for m in country_members:
        assert f'href="http://www.wikidata.org/entity/{m["wikidata"]}"' in html
    assert "https://sws.geonames.org/" in html
    assert evidence and html.count("<mark>") >= 1
    assert "<svg" in html and html.count('class="node') >= len({m["member"] for m in members})
    svg = server.get(f"/mission/{key}.svg")
    assert svg.headers["content-type"].startswith("image/svg+xml")
    ElementTree.fromstring(svg.content)  # well-formed XML
    assert_error(server.get("/mission/no-such-mission"), 404)


def test_query_page_serves_the_bundled_editor_offline(server: InProcess) -> None:
    """/editor references only local assets; the gzip-stored editor is served compressed or plain."""
    r = server.get("/editor")
    assert r.status_code == 200
    assert "/static/yasgui.min.js" in r.text and "cdn" not in r.text.lower()
    for name in Catalog.load():
        assert f'data-name="{name}"' in r.text
    gz = server.get("/static/yasgui.min.js", headers={"Accept-Encoding": "gzip"})
    plain = server.get("/static/yasgui.min.js", headers={"Accept-Encoding": "identity"})
    assert gz.status_code == plain.status_code == 200
    assert plain.headers.get("content-encoding") is None and gz.headers["content-encoding"] == "gzip"
    assert gz.content == plain.content and b"Yasgui" in plain.content  # httpx decodes gzip
    assert_error(server.get("/static/../app.py"), 404)


def test_static_assets_stay_small() -> None:
    """The committed static assets total under 3 MB, with no source maps."""
    from importlib import resources

    static = resources.files("kgbuild.server") / "static"
    files = [f for d in (static, static / "vendor") for f in d.iterdir() if f.is_file()]
    assert sum(len(f.read_bytes()) for f in files) < 3_000_000
    assert not [f.name for f in files if f.name.endswith(".map")]


# --- the SVG layout -----------------------------------------------------------------------------------
def test_radial_svg_is_deterministic_and_escaped() -> None:
    """Same graph in any edge order gives the same SVG; labels are escaped; rings hold every node."""
    centre = Node("m", "Mission <&>", "mission")
    edges = [Edge("m", "hasMember", Node(f"c{i}", f"Country {i}", "country")) for i in range(6)]
    edges += [Edge("m", "observes", Node("e", "Election", "election")), Edge("e", "electionCountry", Node("x", "Host", "country"))]
    a, b = radial_svg(centre, edges), radial_svg(centre, list(reversed(edges)))
    assert a == b
    root = ElementTree.fromstring(a)
    assert "Mission <&>" in "".join(root.itertext())
    assert a.count('class="node') == 9 and "&lt;&amp;&gt;" in a
    many = radial_svg(centre, [Edge("m", "p", Node(f"n{i}", str(i))) for i in range(50)], max_ring=10)
    assert many.count('class="node') == 11 and "40 more neighbours" in many


def test_error_shape_is_documented_json() -> None:
    """error_response builds exactly {"error": {status, title, detail}}."""
    from kgbuild.server.app import error_response

    body = json.loads(error_response(504, "too slow").body)
    assert body == {"error": {"status": 504, "title": "Gateway Timeout", "detail": "too slow"}}


def test_unexpected_errors_are_500_without_their_text(examples_store: Path, caplog: pytest.LogCaptureFixture) -> None:
    """A failure kgbuild did not expect answers 500 in the one JSON shape with a generic detail; the log has it."""
    from kgbuild.server.jobs import failure_for

    secret = "cannot read /srv/private/store: token=abc123"
    failure = failure_for(RuntimeError(secret))
    assert failure.status == 500 and "abc123" not in failure.detail and "RuntimeError" not in failure.detail

    class BrokenPool:
        async def start(self) -> None: ...

        async def close(self) -> None: ...

        async def run(self, job: Any, *, timeout: float | None = None) -> Any:
            raise RuntimeError(secret)

    app = create_app(ServerConfig(store=str(examples_store)), pool=BrokenPool())  # type: ignore[arg-type]

    async def get() -> httpx.Response:
        transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
        async with httpx.AsyncClient(transport=transport, base_url="http://testserver") as client:
            return await client.get("/queries/missions")

    with caplog.at_level("ERROR", logger="kgbuild.server"):
        r = asyncio.run(get())
    err = assert_error(r, 500)
    assert "abc123" not in r.text and "RuntimeError" not in r.text and err["title"] == "Internal Server Error"
    assert any(secret in (rec.exc_text or "") + str(rec.exc_info) for rec in caplog.records)


# --- the worker pool and the command ------------------------------------------------------------------
def test_pool_replaces_dead_and_slow_workers(examples_store: Path) -> None:
    """A killed worker gives 500, a slow job 504, a queue that stays busy 503; the pool then answers again."""
    from kgbuild.server.results import Failure
    from kgbuild.server.workers import WorkerPool

    async def scenario() -> list[object]:
        pool = WorkerPool(str(examples_store), base_iri=BASE, size=1, timeout=1.0)
        await pool.start()
        try:
            out: list[object] = [await pool.run(("ping", {}))]
            next(iter(pool._all)).proc.kill()
            out.append(await pool.run(("ping", {})))
            out.append(await pool.run(("ping", {}), timeout=60))  # waits for the replacement
            slow = asyncio.ensure_future(pool.run(("sleep", {"seconds": 30})))
            await asyncio.sleep(0.1)
            out.append(await pool.run(("ping", {}), timeout=0.3))  # the only worker is busy
            out.append(await slow)
            out.append(await pool.run(("ping", {}), timeout=60))
            out.append(pool.replaced)
            return out
        finally:
            await pool.close()

    ping, died, after_death, busy, slow, after_slow, replaced = asyncio.run(scenario())
    assert ping == "pong" and after_death == "pong" and after_slow == "pong"
    assert isinstance(died, Failure) and died.status == 500 and "died" in died.detail
    assert isinstance(busy, Failure) and busy.status == 503
    assert isinstance(slow, Failure) and slow.status == 504
    assert replaced == 2


def test_serve_command_defaults_to_loopback_and_reports_a_missing_store(tmp_path: Path) -> None:
    """`kgbuild serve` binds 127.0.0.1 by default and exits 4 naming the path when there is no store."""
    from click.testing import CliRunner

    from kgbuild.cli import main

    serve = main.commands["serve"]
    defaults = {p.name: p.default for p in serve.params}
    assert defaults["host"] == "127.0.0.1" and defaults["port"] == 7878 and defaults["timeout"] == 10.0
    missing = tmp_path / "nothing"
    result = CliRunner().invoke(main, ["serve", "--store", str(missing)])
    assert result.exit_code == 4
    assert str(missing) in result.output and "build" in result.output


def test_page_provenance_equals_explain_for_every_mission(examples_store: Path) -> None:
    """The mission page's fast provenance (VALUES-bound) gives exactly KnowledgeGraph.explain's rows."""
    from kgbuild.api import KnowledgeGraph
    from kgbuild.server.jobs import provenance

    with KnowledgeGraph(examples_store, read_only=True) as kg:
        missions = [r["mission"] for r in kg.query("missions")]
        with_evidence = 0
        for m in missions:
            expected = kg.explain(m)
            assert provenance(kg, m) == expected, m
            with_evidence += bool(expected)
    assert with_evidence >= len(missions) // 2
