"""The server on a real loopback port, driven by SPARQLWrapper (a real SPARQL Protocol client)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path
from urllib.error import HTTPError

import httpx
import pyoxigraph as ox
import pytest
from SPARQLWrapper import CSV, JSON, JSONLD, N3, POST, TURTLE, XML, SPARQLWrapper
from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException

from kgbuild.server import ServerConfig

from .conftest import LiveServer


@pytest.fixture(scope="module")
def live(examples_store: Path) -> Iterator[LiveServer]:
    """The examples graph served on loopback."""
    s = LiveServer(ServerConfig(store=str(examples_store), workers=2))
    yield s
    s.close()


def client(live: LiveServer, query: str, fmt: str = JSON, method: str | None = None) -> SPARQLWrapper:
    sw = SPARQLWrapper(f"{live.url}/query")
    sw.setQuery(query)
    sw.setReturnFormat(fmt)
    if method:
        sw.setMethod(method)
    return sw


def test_sparqlwrapper_select_json_xml_csv(live: LiveServer) -> None:
    """SELECT through SPARQLWrapper in JSON, XML and CSV gives the same countries."""
    q = "SELECT ?cc WHERE { ?c a eo:Country ; eo:alpha2 ?cc } ORDER BY ?cc"
    js = client(live, q).query().convert()
    codes = [b["cc"]["value"] for b in js["results"]["bindings"]]
    assert "AZ" in codes and codes == sorted(codes)
    xml = client(live, q, XML).query().convert()
    assert [n.firstChild.data for n in xml.getElementsByTagName("literal")] == codes
    csv_text = client(live, q, CSV).query().convert().decode()
    assert csv_text.split()[1:] == codes
    posted = client(live, q, JSON, POST).query().convert()
    assert posted == js


def test_sparqlwrapper_ask_and_construct(live: LiveServer) -> None:
    """ASK answers booleans; CONSTRUCT comes back as RDF/XML, Turtle, N3 and JSON-LD holding the same triples."""
    assert client(live, "ASK { ?m a eo:ObservationMission }").query().convert()["boolean"] is True
    assert client(live, "ASK { ?m a eo:NoSuchClass }").query().convert()["boolean"] is False
    q = "CONSTRUCT { ?m eo:organizer ?o } WHERE { ?m eo:organizer ?o }"
    g = client(live, q, XML).query().convert()  # SPARQLWrapper hands RDF/XML to rdflib
    expected = {(str(s), str(p), str(o)) for s, p, o in g}
    assert expected and all(p.endswith("#organizer") for _, p, _ in expected)
    for fmt, ox_fmt in ((TURTLE, ox.RdfFormat.TURTLE), (N3, ox.RdfFormat.TURTLE), (JSONLD, ox.RdfFormat.JSON_LD)):
        res = client(live, q, fmt).query()
        body = res.response.read() if fmt == JSONLD else res.convert()
        got = {(t.subject.value, t.predicate.value, t.object.value) for t in ox.parse(body, format=ox_fmt)}
        assert got == expected, fmt


def refused(sw: SPARQLWrapper) -> str:
    """Run a query that must be refused; the error text (SPARQLWrapper wraps some codes, not 403)."""
    with pytest.raises((SPARQLWrapperException, HTTPError)) as e:
        sw.query()
    if isinstance(e.value, HTTPError):
        return f"{e.value.code} {e.value.read().decode()}"
    return str(e.value)


def test_sparqlwrapper_update_and_service_are_refused(live: LiveServer) -> None:
    """An update (as a query or via the update parameter) and a SERVICE query are refused with 403."""
    assert refused(client(live, "DELETE WHERE { ?s ?p ?o }", JSON, POST)).startswith("403")
    sw = SPARQLWrapper(f"{live.url}/query", updateEndpoint=f"{live.url}/query")
    sw.setQuery("INSERT DATA { <http://a> <http://b> <http://c> }")
    sw.setMethod(POST)
    assert "read-only" in refused(sw)
    text = refused(client(live, "SELECT * WHERE { SERVICE <http://127.0.0.1:9/sparql> { ?s ?p ?o } }"))
    assert text.startswith("403") and "SERVICE" in text
    # and the store is unchanged
    assert client(live, "ASK { <http://a> <http://b> <http://c> }").query().convert()["boolean"] is False
    assert client(live, "ASK { ?s ?p ?o }").query().convert()["boolean"] is True


def test_sparqlwrapper_bad_query_is_400(live: LiveServer) -> None:
    """A malformed query raises QueryBadFormed (HTTP 400) with the parser's message."""
    with pytest.raises(QueryBadFormed):
        client(live, "SELECT ?x WHERE { ?x").query()


def test_prepared_query_over_http(live: LiveServer) -> None:
    """GET /queries/NAME on the live server returns SPARQL JSON results."""
    r = httpx.get(f"{live.url}/queries/missions", params={"country": "AZ"})
    assert r.status_code == 200
    assert {b["country"]["value"] for b in r.json()["results"]["bindings"]} == {"AZ"}


@pytest.fixture(scope="module")
def big_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A generated store of 3,000 triples: a three-way cross join over it never finishes in time."""
    path = tmp_path_factory.mktemp("big") / "store"
    s = ox.Store(str(path))
    g = ox.NamedNode("https://w3id.org/kgbuild/data/graph/article/generated")
    p = ox.NamedNode("https://w3id.org/kgbuild/ontology#generated")
    s.extend(ox.Quad(ox.NamedNode(f"https://example.org/n{i}"), p, ox.Literal(str(i)), g) for i in range(3000))
    s.flush()
    del s
    return path


def test_slow_query_times_out_with_504_and_the_server_recovers(big_store: Path) -> None:
    """A cross join with --timeout 1 gets 504 in the JSON shape; the worker is replaced and queries work again."""
    s = LiveServer(ServerConfig(store=str(big_store), timeout=1.0, workers=1))

    def recovered() -> httpx.Response:
        """A normal query, once the killed worker's replacement answers (it may take a while to start)."""
        deadline = time.monotonic() + 60
        while True:
            r = httpx.get(f"{s.url}/query", params={"query": "SELECT (COUNT(*) AS ?n) WHERE { ?s eo:generated ?o }"},
                          timeout=30)
            if r.status_code == 200 or time.monotonic() > deadline:
                return r
            time.sleep(0.2)

    try:
        slow = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?p ?b . ?c ?q ?d . ?e ?r ?f }"
        with pytest.raises(HTTPError) as e:  # SPARQLWrapper passes a 504 through as urllib's error
            client(s, slow).query()
        assert e.value.code == 504  # the cross join alone would run for minutes: the deadline cut it
        assert recovered().status_code == 200
        r = httpx.get(f"{s.url}/query", params={"query": slow}, timeout=30)
        assert r.status_code == 504, r.text
        assert r.json()["error"]["title"] == "Gateway Timeout"
        # the killed worker is replaced; a normal query is answered again
        r = recovered()
        assert r.status_code == 200, r.text
        assert r.json()["results"]["bindings"][0]["n"]["value"] == "3000"
        assert s.server.started and s.thread.is_alive()
    finally:
        s.close()
