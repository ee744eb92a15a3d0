"""Dereferenceable IRIs (issue 15): every kind of resource IRI, with each Accept type, on `serve`."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kgbuild.api import KnowledgeGraph
from kgbuild.describe import describe
from kgbuild.publish import DatasetInfo, publish
from kgbuild.server import ServerConfig
from kgbuild.server.conneg import choose, resource_iri

from .conftest import InProcess

BASE = "https://w3id.org/kgbuild/data/"
ACCEPT = {
    "text/turtle": "turtle",
    "application/n-triples": "nt",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
}


@pytest.fixture(scope="module")
def published_store(examples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the examples store with its VoID/DCAT description stored by `publish`."""
    path = tmp_path_factory.mktemp("conneg") / "store"
    shutil.copytree(examples_store, path)
    with KnowledgeGraph(path) as kg:
        publish(kg, path.parent / "out", DatasetInfo(endpoint="http://127.0.0.1:7878/query"))
    return path


@pytest.fixture(scope="module")
def paths(published_store: Path) -> dict[str, str]:
    """One path of each kind of resource IRI in the examples graph."""
    out = {}
    with KnowledgeGraph(published_store, read_only=True) as kg:
        for kind in ("mission", "country", "organization", "election", "person", "article", "commission"):
            rows, _ = kg.sparql(f'SELECT ?s WHERE {{ ?s ?p ?o FILTER(STRSTARTS(STR(?s), "{BASE}{kind}/")) }} '  # type: ignore[misc]
                                "ORDER BY ?s LIMIT 1")
            out[kind] = "/" + rows[0]["s"].value[len(BASE):]
    out["dataset"] = "/dataset"
    out["catalog"] = "/catalog"
    out["ontology"] = "/ontology"
    return out


@pytest.fixture(scope="module")
def server(published_store: Path) -> Iterator[InProcess]:
    s = InProcess(ServerConfig(store=str(published_store), workers=2))
    yield s
    s.close()


KINDS = ("mission", "country", "organization", "election", "person", "article", "commission", "dataset",
         "catalog", "ontology")


@pytest.mark.parametrize("kind", KINDS)
@pytest.mark.parametrize("accept", list(ACCEPT))
def test_conneg_every_kind_of_iri_in_every_rdf_format(server: InProcess, paths: dict[str, str], kind: str,
                                                      accept: str) -> None:
    """An RDF client gets the resource's description in the type it asks for, parsable, with Vary and Link."""
    path = paths[kind]
    r = server.get(path, headers={"Accept": accept})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith(accept)
    assert r.headers["vary"] == "Accept"
    assert 'rel="alternate"' in r.headers["link"] and accept not in r.headers["link"]
    g = rdflib.Graph().parse(data=r.content, format=ACCEPT[accept])
    iri = rdflib.URIRef("https://w3id.org/kgbuild/ontology" if kind == "ontology" else BASE + path.lstrip("/"))
    assert (iri, None, None) in g
    assert len(set(g)) == len(g)  # each triple once


@pytest.mark.parametrize("kind", KINDS)
def test_conneg_browsers_get_html_with_alternate_links(server: InProcess, paths: dict[str, str], kind: str) -> None:
    """A browser's Accept header gets an HTML page naming the RDF alternates in <link rel="alternate">."""
    r = server.get(paths[kind], headers={"Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"})
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/html")
    assert r.headers["vary"] == "Accept"
    for media in ACCEPT:
        assert f'<link rel="alternate" type="{media}"' in r.text


def test_conneg_description_has_no_duplicates_and_no_index_triples(server: InProcess, paths: dict[str, str],
                                                                   published_store: Path) -> None:
    """A country stated in many article graphs is described once per fact, without listing or VoID triples."""
    r = server.get("/country/AZ", headers={"Accept": "application/n-triples"})
    lines = [line for line in r.text.splitlines() if line.strip()]
    assert len(lines) == len(set(lines)) > 5
    assert "kgbuild/listing#" not in r.text and "graph/_missions" not in r.text and "void#" not in r.text
    with KnowledgeGraph(published_store, read_only=True) as kg:
        stored = sum(1 for _ in kg.store.quads_for_pattern(ox.NamedNode(BASE + "country/AZ"), None, None, None))
        assert len(lines) < stored  # the union repeats AZ's label and code once per article graph
        assert len(describe(kg, BASE + "country/AZ")) == len(lines)


def test_conneg_format_parameter_unknown_paths_and_unacceptable_types(server: InProcess, paths: dict[str, str]) -> None:
    """?format= overrides Accept; an unknown resource is 404; an Accept nothing fits is 406."""
    r = server.get(paths["mission"] + "?format=ttl", headers={"Accept": "text/html"})
    assert r.headers["content-type"].startswith("text/turtle")
    assert server.get("/mission/no-such-mission", headers={"Accept": "text/turtle"}).status_code == 404
    assert server.get("/country/XX", headers={"Accept": "text/turtle"}).status_code == 404
    assert server.get(paths["country"], headers={"Accept": "image/png"}).status_code == 406


def test_conneg_serves_the_iris_of_the_chosen_base(examples_store: Path, tmp_path: Path) -> None:
    """With --base-iri https://data.example.org/kg/ the served descriptions use that base, under / and /kg/."""
    store = tmp_path / "store"
    base = "https://data.example.org/kg/"
    with KnowledgeGraph(store, base_iri=base) as kg:
        kg.build([Path(__file__).parent.parent / "examples" / "azerbaijan-2020-cis-interim.txt"])
    s = InProcess(ServerConfig(store=str(store), base_iri=base, workers=1))
    try:
        for path in ("/country/AZ", "/kg/country/AZ"):
            r = s.get(path, headers={"Accept": "text/turtle"})
            assert r.status_code == 200, r.text
            g = rdflib.Graph().parse(data=r.content, format="turtle")
            assert (rdflib.URIRef(base + "country/AZ"), None, None) in g
    finally:
        s.close()


def test_conneg_choose_and_resource_iri() -> None:
    """Accept parsing follows q-values; paths outside the resource kinds name no resource."""
    assert choose("application/ld+json;q=0.4, application/rdf+xml;q=0.9") == "rdfxml"
    assert choose("text/turtle;q=0, application/n-triples") == "ntriples"
    assert resource_iri(BASE, "/queries/missions") is None
    assert resource_iri(BASE, "/mission") is None
    assert resource_iri(BASE, "/dataset") == BASE + "dataset"
