"""What a query worker does with a job (runs inside the worker process, see :mod:`.workers`).

Jobs are ``(kind, payload)`` tuples of plain data, so they pickle across the pipe:

- ``("sparql", {"text", "format", "max_rows"})``: an ad-hoc query (already checked read-only);
- ``("prepared", {"name", "params", "format", "max_rows"})``: a catalogue query, parameters
  validated and bound exactly as the CLI does (:func:`kgbuild.query.bind_params`);
- ``("missions", {})``, ``("mission", {"key"})``, ``("void", {})``: data for the HTML pages.
"""

from __future__ import annotations

from typing import Any

import pyoxigraph as ox

from ..errors import KgbuildError, ParameterError, QueryError, StoreError
from ..query import bind_params, term_to_python
from ..vocab import EO
from .workers import Failure, _format, serialize_result

__all__ = ["failure_for", "mission_data", "run"]

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


def run(kg: Any, job: tuple[str, dict[str, Any]]) -> Any:
    kind, p = job
    if kind == "sparql":
        result = kg.store.query(p["text"])
        return serialize_result(result, _format(p["format"]), p["max_rows"])
    if kind == "prepared":
        pq = kg.catalog[p["name"]]
        subs = bind_params(pq, p["params"], iris=kg.iris)
        result = kg.store.query(pq.text, substitutions=subs)
        return serialize_result(result, _format(p["format"]), p["max_rows"])
    if kind == "missions":
        return kg.query("missions")
    if kind == "mission":
        return mission_data(kg, p["key"])
    if kind == "void":
        return void_turtle(kg)
    if kind == "ping":
        return "pong"
    if kind == "sleep":  # used by tests to hold a worker busy
        import time

        time.sleep(p["seconds"])
        return "slept"
    raise ValueError(f"unknown job kind {kind!r}")


def failure_for(e: BaseException) -> Failure:
    """The HTTP status, title and detail for an exception raised by a job."""
    if isinstance(e, ParameterError):
        return Failure(400, "Bad Request", str(e), {"parameter": e.name})
    if isinstance(e, QueryError):
        msg = str(e)
        if "no such prepared query" in msg:
            return Failure(404, "Not Found", msg)
        if "refused" in msg:
            return Failure(403, "Forbidden", msg)
        return Failure(400, "Bad Request", msg)
    if isinstance(e, StoreError):
        return Failure(503, "Service Unavailable", str(e))
    if isinstance(e, KgbuildError):
        return Failure(400, "Bad Request", str(e))
    if isinstance(e, (SyntaxError, ValueError)):
        return Failure(400, "Bad Request", f"{type(e).__name__}: {e}")
    return Failure(500, "Internal Server Error", f"{type(e).__name__}: {e}")


def void_turtle(kg: Any) -> bytes:
    """The stored ``_void`` graph as Turtle, or a minimal VoID/DCAT description from ``summary()``."""
    from ..vocab import PREFIXES

    g = kg.iris.void_graph()
    if kg.store.backend.contains_named_graph(g):
        triples = [q.triple for q in kg.store.backend.quads_for_pattern(None, None, None, g)]
        if triples:
            return ox.serialize(sorted(triples, key=str), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES) or b""
    s = kg.summary()
    ds = ox.NamedNode(kg.iris.base + "dataset")
    void, dcat, dct = "http://rdfs.org/ns/void#", "http://www.w3.org/ns/dcat#", "http://purl.org/dc/terms/"
    rdf_type = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer"))

    triples = [
        ox.Triple(ds, rdf_type, ox.NamedNode(void + "Dataset")),
        ox.Triple(ds, rdf_type, ox.NamedNode(dcat + "Dataset")),
        ox.Triple(ds, ox.NamedNode(dct + "title"), ox.Literal("kgbuild election observation knowledge graph")),
        ox.Triple(ds, ox.NamedNode(void + "sparqlEndpoint"), ox.NamedNode(kg.iris.base + "query")),
        ox.Triple(ds, ox.NamedNode(void + "uriSpace"), ox.Literal(kg.iris.base)),
        ox.Triple(ds, ox.NamedNode(void + "vocabulary"), ox.NamedNode("https://w3id.org/kgbuild/ontology#")),
        ox.Triple(ds, ox.NamedNode(void + "triples"), integer(s["quads"])),
        ox.Triple(ds, ox.NamedNode(void + "documents"), integer(s["articles"])),
        ox.Triple(ds, ox.NamedNode(void + "entities"), integer(s["missions"] + s["elections"] + s["countries"] + s["organizations"])),
    ]
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes={**PREFIXES, "void": void, "dcat": dcat, "dct": dct}) or b""


# --- the mission page ---------------------------------------------------------------------------
def _select(kg: Any, text: str, m: ox.NamedNode) -> list[dict[str, Any]]:
    rows = kg.store.select(text, substitutions={ox.Variable("m"): m})
    out, seen = [], set()
    for r in rows:  # the union default graph repeats a row once per graph that states it
        row = {k: term_to_python(v) for k, v in r.items() if k != "m"}
        key = tuple(sorted((k, str(v)) for k, v in row.items()))
        if key not in seen:
            seen.add(key)
            out.append(row)
    return out


# the mission's own facts, one small DISTINCT query each (one big OPTIONAL chain multiplies rows,
# since the union default graph repeats a triple once per article graph that states it)
_CORE = {
    "label": "SELECT DISTINCT ?m ?v WHERE { ?m a eo:ObservationMission ; rdfs:label ?v }",
    "org": "SELECT DISTINCT ?m ?v WHERE { ?m eo:organizer ?v }",
    "org_label": "SELECT DISTINCT ?m ?v WHERE { ?m eo:organizer/rdfs:label ?v }",
    "org_acronym": "SELECT DISTINCT ?m ?v WHERE { ?m eo:organizer/eo:acronym ?v }",
    "org_wikidata": "SELECT DISTINCT ?m ?v WHERE { ?m eo:organizer/eo:wikidataId ?v }",
    "election_label": "SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/rdfs:label ?v }",
    "etype": 'SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/eo:electionType ?t . BIND(LCASE(STRAFTER(STR(?t), "#")) AS ?v) }',
    "edate": "SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/eo:electionDate ?v }",
    "early": "SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/eo:early ?v }",
    "country_label": "SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/eo:electionCountry/rdfs:label ?v }",
    "cc": "SELECT DISTINCT ?m ?v WHERE { ?m eo:observes/eo:electionCountry/eo:alpha2 ?v }",
    "start": "SELECT DISTINCT ?m ?v WHERE { ?m eo:startDate ?v }",
    "head_label": "SELECT DISTINCT ?m ?v WHERE { ?m eo:headOfMission/rdfs:label ?v }",
    "commission_label": "SELECT DISTINCT ?m ?v WHERE { ?m eo:accreditedBy/rdfs:label ?v }",
}

_COUNTS = """
SELECT ?m ?category ?count ?as_of ?article WHERE {
  ?m eo:observerCount ?n . ?n eo:category ?c ; eo:count ?count .
  BIND(STRAFTER(STR(?c), "#") AS ?category)
  OPTIONAL { ?n eo:asOf ?as_of }
  OPTIONAL { ?n eo:statedIn/eo:fileName ?article }
} ORDER BY ?category ?as_of"""

_MEMBERS = """
SELECT ?m ?member ?label ?kind ?alpha2 ?wikidata ?geonames ?wikidata_iri ?geonames_iri WHERE {
  { ?m eo:hasMember ?member } UNION { ?member eo:memberOf ?m }
  OPTIONAL { ?member rdfs:label ?label }
  OPTIONAL { ?member eo:alpha2 ?alpha2 }
  OPTIONAL { ?member eo:wikidataId ?wikidata }
  OPTIONAL { ?member eo:geonamesId ?geonames }
  OPTIONAL { ?member owl:sameAs ?wikidata_iri . FILTER(STRSTARTS(STR(?wikidata_iri), "http://www.wikidata.org/entity/")) }
  OPTIONAL { ?member skos:exactMatch ?geonames_iri . FILTER(CONTAINS(STR(?geonames_iri), "geonames.org/")) }
  BIND(IF(BOUND(?alpha2), "country", "organization") AS ?kind)
} ORDER BY ?kind ?label"""

_ARTICLES = """
SELECT ?m ?article ?file ?title ?published ?url WHERE {
  ?article eo:mentions ?m ; eo:fileName ?file .
  OPTIONAL { ?article schema:headline ?title } OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
} ORDER BY ?published ?file"""

# the mission's neighbourhood for the picture: direct neighbours, and a few second-ring facts
_NEIGHBOURS = """
SELECT ?m ?dir ?p ?n ?label ?type WHERE {
  { ?m ?p ?n . BIND("out" AS ?dir) } UNION { ?n ?p ?m . BIND("in" AS ?dir) }
  FILTER(isIRI(?n) && ?p NOT IN (rdf:type, rdf:subject, rdf:object))
  FILTER NOT EXISTS { ?n a eo:Evidence }
  OPTIONAL { ?n rdfs:label ?l }
  OPTIONAL { ?n eo:category ?cat ; eo:count ?cnt }
  BIND(COALESCE(?l, CONCAT(STRAFTER(STR(?cat), "#"), ": ", STR(?cnt))) AS ?label)
  OPTIONAL { ?n a ?type . FILTER(STRSTARTS(STR(?type), STR(eo:))) }
}"""

_SECOND = """
SELECT ?m ?n ?p ?o ?label WHERE {
  { ?m ?p0 ?n } UNION { ?n ?p0 ?m }
  VALUES ?p { eo:electionCountry eo:commissionOf eo:citizenOf }
  ?n ?p ?o . FILTER(isIRI(?o))
  OPTIONAL { ?o rdfs:label ?label }
}"""


def mission_data(kg: Any, key: str) -> dict[str, Any]:
    """Everything the mission page shows, as plain data.

    :raises ParameterError: no mission has this key.
    """
    iri = kg.iris.base + "mission/" + key
    try:
        m = ox.NamedNode(iri)
    except ValueError:
        raise ParameterError("mission", key, "is not a valid mission key") from None
    if not any(kg.store.backend.quads_for_pattern(m, ox.NamedNode(RDF_TYPE), EO.ObservationMission)):
        raise ParameterError("mission", key, "is not a mission in the graph (see /missions)")
    core = {name: sorted({r["v"] for r in _select(kg, q, m)}, key=str) for name, q in _CORE.items()}
    neighbours = _select(kg, _NEIGHBOURS, m)
    labels: dict[str, str] = {}
    types: dict[str, str] = {}
    for r in neighbours:
        if r.get("label"):
            labels.setdefault(r["n"], r["label"])
        if r.get("type"):
            types.setdefault(r["n"], r["type"].rsplit("#", 1)[-1])
    second = _select(kg, _SECOND, m)
    for r in second:
        if r.get("label"):
            labels.setdefault(r["o"], r["label"])
    evidence = kg.explain(iri)
    for r in evidence:
        if isinstance(r.get("object"), str) and r["object"] not in labels and "://" in r["object"]:
            labels[r["object"]] = r["object"].rsplit("/", 1)[-1]
    return {
        "iri": iri,
        "key": key,
        "core": core,
        "counts": _select(kg, _COUNTS, m),
        "members": _select(kg, _MEMBERS, m),
        "articles": _select(kg, _ARTICLES, m),
        "neighbours": neighbours,
        "second": second,
        "labels": labels,
        "types": types,
        "evidence": evidence,
    }

