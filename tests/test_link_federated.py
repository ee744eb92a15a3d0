"""Test of ontology/release/queries/federated-wikidata.rq against a loopback SPARQL endpoint serving a recorded answer."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from pyoxigraph import Literal, Quad, Store

from kgbuild.iris import Iris
from kgbuild.link.graph import link_quads
from kgbuild.vocab import EO, RDF

ROOT = Path(__file__).resolve().parent.parent
QUERY = ROOT / "ontology" / "release" / "queries" / "federated-wikidata.rq"
RECORDED = ROOT / "tests" / "data" / "wikidata" / "federated-population.srj"
WIKIDATA = "https://query.wikidata.org/sparql"


class _Endpoint(BaseHTTPRequestHandler):
    """Answers every SPARQL request with the recorded result and remembers the queries it got."""

    queries: list[str] = []

    def do_GET(self) -> None:  # noqa: N802 - http.server API
        self.queries.append(parse_qs(urlsplit(self.path).query).get("query", [""])[0])
        self._answer()

    def do_POST(self) -> None:  # noqa: N802 - http.server API
        body = self.rfile.read(int(self.headers.get("Content-Length") or 0)).decode("utf-8")
        ctype = self.headers.get("Content-Type", "")
        self.queries.append(parse_qs(body).get("query", [""])[0] if "form-urlencoded" in ctype else body)
        self._answer()

    def _answer(self) -> None:
        data = RECORDED.read_bytes()
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def endpoint() -> Iterator[tuple[str, list[str]]]:
    queries: list[str] = []
    handler = type("Handler", (_Endpoint,), {"queries": queries})
    server = HTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}/sparql", queries
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _store(iris: Iris) -> Store:
    """Three missions in three article graphs (AZ, BY, KZ), plus the links graph for those countries."""
    store = Store()
    for article, organizer, code, day in (
        ("az.txt", "Commonwealth of Independent States", "AZ", "2020-02-09"),
        ("by.txt", "OSCE Office for Democratic Institutions and Human Rights", "BY", "2006-03-19"),
        ("kz.txt", "Organisation of Islamic Cooperation", "KZ", "2019-06-09"),
    ):
        graph = iris.article_graph(article)
        mission = iris.mission(organizer, code, day, "presidential", int(day[:4]))
        election = iris.election(code, "presidential", day, int(day[:4]))
        store.extend(
            [
                Quad(mission, RDF.type, EO.ObservationMission, graph),
                Quad(mission, EO.observes, election, graph),
                Quad(election, EO.electionCountry, iris.country(code), graph),
                Quad(iris.country(code), EO.alpha2, Literal(code), graph),
            ]
        )
    store.extend(link_quads(iris, ["AZ", "BY", "KZ"], []))
    return store


def test_link_federated_query_joins_links_graph_with_wikidata(endpoint):
    """The example query sends its SERVICE pattern to the endpoint and joins the answer on owl:sameAs."""
    url, queries = endpoint
    text = QUERY.read_text(encoding="utf-8")
    assert WIKIDATA in text
    iris = Iris("https://example.org/kg/")
    rows = list(_store(iris).query(text.replace(WIKIDATA, url)))
    got = [
        (
            r["alpha2"].value,
            r["wd"].value,
            int(r["population"].value),
            r["headOfStateLabel"].value if r["headOfStateLabel"] is not None else None,
        )
        for r in rows
    ]
    # KZ is linked but absent from the recorded answer; RU is in the answer but observed by no mission.
    assert got == [
        ("AZ", "http://www.wikidata.org/entity/Q227", 10127874, "Ilham Aliyev"),
        ("BY", "http://www.wikidata.org/entity/Q184", 9255524, "Alexander Lukashenko"),
    ]
    assert rows[0]["mission"] == iris.mission(
        "Commonwealth of Independent States", "AZ", "2020-02-09", "presidential", 2020
    )
    assert len(queries) == 1
    assert "P1082" in queries[0] and "P297" in queries[0] and "P35" in queries[0]


def test_link_federated_query_needs_the_links_graph(endpoint):
    """Without the links graph there is no owl:sameAs to join on, so no row comes back."""
    url, _ = endpoint
    iris = Iris("https://example.org/kg/")
    store = _store(iris)
    store.remove_graph(iris.links_graph())
    assert list(store.query(QUERY.read_text(encoding="utf-8").replace(WIKIDATA, url))) == []
