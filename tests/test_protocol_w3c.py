"""The W3C SPARQL 1.1 Protocol tests that apply to a read-only query endpoint, run against /query.

The manifest and its data (``tests/data/w3c-protocol``) are the W3C's
(https://github.com/w3c/rdf-tests, ``sparql/sparql11/protocol``, W3C Test Suite licence; see the
README there). Each test is an HTTP request with the expected status, format and boolean; the
test's ``ut:graphData`` graphs are loaded under their names, and the manifest's ``/sparql/`` path
is our ``/query``.

- query_* and bad_query_* (20 tests): run, and must pass.
- bad_update_* and bad_multiple_updates (7): an update must be refused with a 4xx; run, and must pass.
- update_* (7): they expect updates to succeed; this endpoint is read-only, so each update request
  must get 403 (the queries that follow it, which expect the update's effect, are not checked).
"""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import httpx
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection

from kgbuild.server import ServerConfig, create_app

DIR = Path(__file__).resolve().parent / "data" / "w3c-protocol"
MF = rdflib.Namespace("http://www.w3.org/2001/sw/DataAccess/tests/test-manifest#")
HT = rdflib.Namespace("http://www.w3.org/2011/http#")
HTS = rdflib.Namespace("http://www.w3.org/2011/http-statusCodes#")
CNT = rdflib.Namespace("http://www.w3.org/2011/content#")
UT = rdflib.Namespace("http://www.w3.org/2009/sparql/tests/test-update#")
RDFS = rdflib.RDFS

#: media types each expected format allows (the manifest's comments list them)
FORMATS = {
    "boolean": {"application/sparql-results+xml", "application/sparql-results+json"},
    "tabular": {"application/sparql-results+xml", "application/sparql-results+json", "text/csv",
                "text/tab-separated-values"},
    "rdf": {"application/rdf+xml", "text/turtle", "application/n-triples", "text/plain"},
}


def _manifest() -> tuple[rdflib.Graph, list[rdflib.URIRef]]:
    g = rdflib.Graph()
    g.parse(DIR / "manifest.ttl", format="turtle", publicID="http://www.w3.org/2009/sparql/docs/tests/data-sparql11/protocol/")
    manifest = next(g.subjects(MF.entries, None))
    entries = list(Collection(g, g.value(manifest, MF.entries)))
    return g, entries  # type: ignore[return-value]


GRAPH, ENTRIES = _manifest()


def name_of(test: rdflib.URIRef) -> str:
    return str(test).rsplit("#", 1)[-1]


def kind_of(name: str) -> str:
    if name.startswith(("query_", "bad_query_", "bad_multiple_queries")):
        return "query"
    if name.startswith("bad_"):
        return "bad update"
    return "update"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every graph any test names, loaded under its label (data1.rdf ... data3.rdf)."""
    path = tmp_path_factory.mktemp("w3c") / "store"
    s = ox.Store(str(path))
    for test in ENTRIES:
        for data in GRAPH.objects(test, UT.graphData):
            label, source = str(GRAPH.value(data, RDFS.label)), GRAPH.value(data, UT.graph)
            graph = ox.NamedNode(label)
            if not any(True for _ in s.quads_for_pattern(None, None, None, graph)):
                s.load(path=str(DIR / Path(urlsplit(str(source)).path).name), format=ox.RdfFormat.N_TRIPLES,
                       to_graph=graph)
    s.flush()
    del s
    return path


class Client:
    def __init__(self, store: Path) -> None:
        self.app = create_app(ServerConfig(store=str(store), workers=1))
        self.loop = asyncio.new_event_loop()
        self._lifespan = self.app.router.lifespan_context(self.app)
        self.loop.run_until_complete(self._lifespan.__aenter__())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://www.example")

    def request(self, method: str, url: str, headers: dict[str, str], body: bytes | None) -> httpx.Response:
        return self.loop.run_until_complete(self.client.request(method, url, headers=headers, content=body))

    def close(self) -> None:
        self.loop.run_until_complete(self.client.aclose())
        self.loop.run_until_complete(self._lifespan.__aexit__(None, None, None))
        self.loop.close()


@pytest.fixture(scope="module")
def client(store: Path) -> Iterator[Client]:
    c = Client(store)
    yield c
    c.close()


def requests_of(test: rdflib.URIRef) -> list[Any]:
    action = GRAPH.value(test, MF.action)
    return list(Collection(GRAPH, GRAPH.value(action, HT.requests)))


def run(client: Client, request: Any) -> tuple[httpx.Response, Any]:
    method = str(GRAPH.value(request, HT.methodName))
    path = str(GRAPH.value(request, HT.absolutePath)).replace("/sparql/", "/query", 1)
    headers = {}
    header_list = GRAPH.value(request, HT.headers)
    if header_list is not None:
        for h in Collection(GRAPH, header_list):
            headers[str(GRAPH.value(h, HT.fieldName))] = str(GRAPH.value(h, HT.fieldValue))
    body = None
    content = GRAPH.value(request, HT.body)
    if content is not None:
        encoding = str(GRAPH.value(content, CNT.characterEncoding) or "UTF-8")
        body = str(GRAPH.value(content, CNT.chars)).encode(encoding.lower())
    return client.request(method, path, headers, body), GRAPH.value(request, HT.resp)


def is_update(request: Any) -> bool:
    """Whether a request of the manifest sends an update (as a form, a direct body or a parameter)."""
    path = str(GRAPH.value(request, HT.absolutePath))
    content = GRAPH.value(request, HT.body)
    chars = str(GRAPH.value(content, CNT.chars)) if content is not None else ""
    header_list = GRAPH.value(request, HT.headers)
    values = [str(GRAPH.value(h, HT.fieldValue)) for h in Collection(GRAPH, header_list)] if header_list else []
    return "update=" in path or chars.startswith("update=") or any("sparql-update" in v for v in values)


def check(response: httpx.Response, expected: Any) -> list[str]:
    """What differs between the response and the manifest's expectation (empty: the test passes)."""
    wrong = []
    classes = {str(s).rsplit("#", 1)[-1] for s in GRAPH.objects(expected, MF.expectedStatus)}
    status_class = f"StatusCode{response.status_code // 100}xx"
    if status_class not in classes:
        wrong.append(f"status {response.status_code}, expected {sorted(classes)}")
        return wrong
    fmt = GRAPH.value(expected, MF.expectedFormat)
    media = response.headers.get("content-type", "").split(";")[0].strip()
    if fmt is not None and media not in FORMATS[str(fmt).lower()]:
        wrong.append(f"media type {media!r} for {fmt}")
    boolean = GRAPH.value(expected, MF.expectedBoolean)
    if boolean is not None and not wrong:
        if media == "application/sparql-results+json":
            got = response.json().get("boolean")
        else:
            got = "<boolean>true</boolean>" in response.text
        if got != boolean.toPython():
            wrong.append(f"boolean {got}, expected {boolean.toPython()}")
    return wrong


@pytest.mark.parametrize("test", ENTRIES, ids=name_of)
def test_protocol_w3c(client: Client, test: rdflib.URIRef) -> None:
    """The W3C protocol test passes (query tests, refused updates), or an update is refused with 403."""
    name = name_of(test)
    for request in requests_of(test):
        response, expected = run(client, request)
        if kind_of(name) == "update":
            if is_update(request):
                assert response.status_code == 403, f"{name}: a read-only endpoint refuses updates: {response.text}"
            continue
        wrong = check(response, expected)
        assert not wrong, f"{name}: {'; '.join(wrong)}: {response.text[:300]}"


def test_protocol_w3c_manifest_counts() -> None:
    """The manifest holds the 34 tests this module sorts: 20 query, 7 refused-update and 7 update tests."""
    kinds = [kind_of(name_of(t)) for t in ENTRIES]
    assert (kinds.count("query"), kinds.count("bad update"), kinds.count("update")) == (20, 7, 7)
