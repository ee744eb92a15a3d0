"""What a query worker does with a job (runs inside the worker process, see :mod:`.workers`).

Jobs are ``(kind, payload)`` tuples of plain data, so they pickle across the pipe:

- ``("sparql", {"method", "query_string", "content_type", "body", "accept", "max_rows",
  "allow_service", "base_iri"})``: a SPARQL Protocol request as received (:func:`run_sparql` reads it,
  checks the query, negotiates the format and runs it);
- ``("prepared", {"name", "params", "format", "max_rows"})``: a catalogue query (``limit`` and
  ``offset`` among the params page it), parameters
  validated and bound exactly as the CLI does (:func:`kgbuild.query.bind_params`);
- ``("missions", {})``, ``("mission", {"key"})``: data for the HTML pages;
- ``("void", {"endpoint"})``: the VoID description (the stored one, else made now);
- ``("describe", {"iri", "format"})``: a resource IRI's description (:func:`.conneg.describe_job`).

An exception a job raises becomes a :class:`~.results.Failure` (:func:`failure_for`); one that
kgbuild does not raise on purpose is logged here, in the worker, and answered with a generic 500
that carries no exception text.
"""

from __future__ import annotations

import logging
import re
from typing import Any

import pyoxigraph as ox

from ..api import KnowledgeGraph
from ..errors import KgbuildError, ParameterError, QueryError, QueryRefused, StoreError
from ..publish import DatasetInfo, void_quads, void_turtle
from ..query import bind_params, check_read_only, term_to_python
from ..vocab import EO, EO_NS, RDFS
from .conneg import ResourceNotFound, describe_job
from .protocol import ProtocolError, parse_request
from .results import (
    Answer,
    Failure,
    NotAcceptable,
    failure,
    format_named,
    negotiate_request,
    serialize_result,
)

__all__ = ["failure_for", "internal_error", "mission_data", "run", "run_sparql"]

log = logging.getLogger("kgbuild.server")

RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#: the outermost WHERE of a prepared query (the first one after the comment header)
_OUTER_WHERE = re.compile(r"^(?!#).*?\bWHERE\s*\{", re.M)
OWL_SAME_AS = ox.NamedNode("http://www.w3.org/2002/07/owl#sameAs")


#: missions per page of /missions
MISSIONS_PAGE = 100


def missions_page_data(kg: KnowledgeGraph, *, page: int = 1, size: int = MISSIONS_PAGE, country: str | None = None) -> dict[str, Any]:
    """One page of the ``missions`` query (rows ``(page - 1) * size`` on) and how many missions match."""
    params = {"country": country} if country else {}
    rows = kg.query("missions", limit=size, offset=(page - 1) * size, **params)
    subs = bind_params(kg.catalog["missions"], params, iris=kg.iris)
    counts = kg.store.select(
        "SELECT ?country (COUNT(?m) AS ?n) WHERE { GRAPH ?index { ?index kgl:currentListing ?l } "
        "GRAPH ?l { ?m kgl:listedKey ?key ; kgl:listedCountry ?country } } GROUP BY ?country",
        substitutions=subs,
    )
    total = sum(int(r["n"].value) for r in counts)
    return {"rows": rows, "total": total, "page": page, "size": size,
            "country": subs[ox.Variable("country")].value if subs else None}


def run(kg: KnowledgeGraph, job: tuple[str, dict[str, Any]]) -> Any:
    """Carry out one job on ``kg``; what it returns goes back to the server process."""
    kind, p = job
    if kind == "sparql":
        return run_sparql(kg, p)
    if kind == "prepared":
        values = dict(p["params"])
        limit, offset = values.pop("limit", None), values.pop("offset", None)
        result = kg.query_result(p["name"], limit=limit, offset=offset, **values)
        return serialize_result(result, format_named(p["format"]), p["max_rows"])
    if kind == "missions":
        return missions_page_data(kg, page=p.get("page", 1), size=p.get("size", MISSIONS_PAGE), country=p.get("country"))
    if kind == "mission":
        return mission_data(kg, p["key"])
    if kind == "void":
        return void_document(kg, endpoint=p.get("endpoint"))
    if kind == "describe":
        return describe_job(kg, p)
    if kind == "ping":
        return "pong"
    if kind == "sleep":  # used by tests to hold a worker busy
        import time

        time.sleep(p["seconds"])
        return "slept"
    raise ValueError(f"unknown job kind {kind!r}")


def run_sparql(kg: KnowledgeGraph, p: dict[str, Any]) -> Answer | Failure:
    """Answer one SPARQL Protocol request: read it, check the query, negotiate, run, serialize.

    The query is read from its tokens (:func:`kgbuild.query.check_read_only`: updates and, unless
    ``allow_service``, SERVICE are refused, and so is nesting past the limit). Its dataset is the
    protocol's ``default-graph-uri`` / ``named-graph-uri`` when given, else its own ``FROM`` /
    ``FROM NAMED``, else the data default graph (each triple once; :attr:`KnowledgeGraph.data_default_graph`).
    """
    try:
        req = parse_request(p["method"], p["query_string"], p["content_type"], p["body"])
    except ProtocolError as e:
        return failure(e.status, e.detail)
    info = check_read_only(req.query, allow_service=p.get("allow_service", False))
    try:
        fmt = negotiate_request(info.form or "SELECT", p.get("accept"), req.formats)
    except NotAcceptable as e:
        return failure(406, str(e))
    union = not info.dataset and req.dataset is None and not kg.data_default_graph
    result = kg.store.query(req.query, union=union, dataset=req.dataset, base_iri=p.get("base_iri"))
    return serialize_result(result, fmt, p["max_rows"])


def failure_for(e: BaseException) -> Failure:
    """The HTTP status, title and detail for an exception raised by a job."""
    if isinstance(e, ParameterError):
        return Failure(400, "Bad Request", str(e), {"parameter": e.name})
    if isinstance(e, ResourceNotFound):
        return Failure(404, "Not Found", str(e))
    if isinstance(e, QueryRefused):
        return Failure(403, "Forbidden", str(e))
    if isinstance(e, QueryError):
        msg = str(e)
        if "no such prepared query" in msg:
            return Failure(404, "Not Found", msg)
        return Failure(400, "Bad Request", msg)
    if isinstance(e, StoreError):
        return Failure(503, "Service Unavailable", str(e))
    if isinstance(e, KgbuildError):
        return Failure(400, "Bad Request", str(e))
    if isinstance(e, (SyntaxError, ValueError)):
        return Failure(400, "Bad Request", f"{type(e).__name__}: {e}")
    log.error("a query job failed unexpectedly", exc_info=e)
    return internal_error()


def internal_error() -> Failure:
    """The answer to a failure kgbuild did not expect: no exception text (it may show paths or data)."""
    return Failure(500, "Internal Server Error", "the query failed unexpectedly; the server's log has the details")


def void_document(kg: KnowledgeGraph, *, endpoint: str | None = None) -> bytes:
    """The VoID description as Turtle: the stored ``_void`` graph (``kgbuild publish`` writes it),
    else one made now by :func:`kgbuild.publish.void_quads`, naming ``endpoint`` as the SPARQL endpoint."""
    stored = list(kg.store.quads(kg.iris.void_graph())) if kg.store.contains_graph(kg.iris.void_graph()) else []
    return void_turtle(stored or void_quads(kg, DatasetInfo(endpoint=endpoint)))


# --- the mission page ---------------------------------------------------------------------------
def _select(kg: KnowledgeGraph, text: str, m: ox.NamedNode) -> list[dict[str, Any]]:
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
SELECT DISTINCT ?m ?member WHERE { { ?m eo:participant ?member } UNION { ?member eo:participatesIn ?m } }"""

_ARTICLES = """
SELECT ?m ?article ?file ?title ?published ?url WHERE {
  ?article eo:mentions ?m ; eo:fileName ?file .
  OPTIONAL { ?article schema:headline ?title } OPTIONAL { ?article schema:datePublished ?published }
  OPTIONAL { ?article schema:url ?url }
} ORDER BY ?published ?file"""

# the mission's neighbourhood for the picture: direct neighbours, and a few second-ring facts
_NEIGHBOURS = """
SELECT DISTINCT ?m ?dir ?p ?n WHERE {
  { ?m ?p ?n . BIND("out" AS ?dir) } UNION { ?n ?p ?m . BIND("in" AS ?dir) }
  FILTER(isIRI(?n) && ?p NOT IN (rdf:type, rdf:subject, rdf:object))
}"""

_SECOND = """
SELECT DISTINCT ?m ?n ?p ?o WHERE {
  { ?m ?p0 ?n } UNION { ?n ?p0 ?m }
  VALUES ?p { eo:electionCountry eo:commissionOf eo:citizenOf }
  ?n ?p ?o . FILTER(isIRI(?o))
}"""


class _Lookup:
    """First-match lookups of one property of one node.

    A node's label or code is repeated in every article graph that mentions it; joining it in
    SPARQL over the union default graph multiplies rows by that count (thousands of graphs for a
    big host country), while a direct pattern lookup stops at the first match.
    """

    def __init__(self, kg: KnowledgeGraph) -> None:
        self.store = kg.store
        self.links = kg.iris.links_graph()

    def first(self, node: str, prop: ox.NamedNode, *, links: bool = False) -> Any:
        q = next(self.store.quads_for_pattern(ox.NamedNode(node), prop, None, self.links if links else None), None)
        return None if q is None else term_to_python(q.object)

    def first_iri(self, node: str, prop: ox.NamedNode, prefix: str) -> str | None:
        for q in self.store.quads_for_pattern(ox.NamedNode(node), prop, None, self.links):
            if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(prefix):
                return q.object.value
        return None

    def eo_type(self, node: str) -> str | None:
        for q in self.store.quads_for_pattern(ox.NamedNode(node), ox.NamedNode(RDF_TYPE), None):
            if isinstance(q.object, ox.NamedNode) and q.object.value.startswith(EO_NS):
                return q.object.value[len(EO_NS):]
        return None

    def label(self, node: str) -> str | None:
        label: str | None = self.first(node, RDFS.label)
        if label is None:  # an observer count: "TotalObservers: 252"
            cat, n = self.first(node, EO.category), self.first(node, EO.count)
            if cat is not None and n is not None:
                label = f"{str(cat).rsplit('#', 1)[-1]}: {n}"
        return label


def _members(kg: KnowledgeGraph, m: ox.NamedNode, look: _Lookup) -> list[dict[str, Any]]:
    out = []
    for r in _select(kg, _MEMBERS, m):
        member = r["member"]
        alpha2 = look.first(member, EO.alpha2)
        out.append({
            "member": member,
            "label": look.label(member),
            "kind": "country" if alpha2 else "organization",
            "alpha2": alpha2,
            "wikidata": look.first(member, EO.wikidataId, links=True) or look.first(member, EO.wikidataId),
            "geonames": look.first(member, EO.geonamesId, links=True),
            "wikidata_iri": look.first_iri(member, OWL_SAME_AS, "http://www.wikidata.org/entity/"),
            "geonames_iri": look.first_iri(member, OWL_SAME_AS, "https://sws.geonames.org/"),
        })
    return sorted(out, key=lambda r: (r["kind"], str(r["label"] or r["member"])))


def provenance(kg: KnowledgeGraph, iri: str) -> list[dict[str, Any]]:
    """The rows of ``KnowledgeGraph.explain(iri)`` (the ``fact-provenance`` query), fast on big graphs.

    pyoxigraph plans a query before it applies ``substitutions=``, so fact-provenance with a
    substituted ``?subject`` scans every evidence node (0.4-0.6 s at 1,000 articles). The same
    bound term (validated by ``bind_params``, serialized by pyoxigraph, so still injection-safe)
    given as a ``VALUES`` block at the start of the outer group lets the planner start from it
    (~1 ms); ``?subject`` occurs in a required pattern of every UNION branch, so the rows are the same.
    """
    pq = kg.catalog["fact-provenance"]
    subs = bind_params(pq, {"subject": iri}, iris=kg.iris)
    m = _OUTER_WHERE.search(pq.text)
    if m is None:  # the query text changed shape: fall back to the library call
        return kg.explain(iri)
    values = " ".join(f"VALUES ?{var.value} {{ {term} }}" for var, term in subs.items())
    text = pq.text[: m.end()] + "\n  " + values + pq.text[m.end():]
    return [{k: term_to_python(v) for k, v in r.items()} for r in kg.store.select(text)]


def mission_data(kg: KnowledgeGraph, key: str) -> dict[str, Any]:
    """Everything the mission page shows, as plain data.

    :raises ParameterError: no mission has this key.
    """
    iri = kg.iris.base + "mission/" + key
    try:
        m = ox.NamedNode(iri)
    except ValueError:
        raise ParameterError("mission", key, "is not a valid mission key") from None
    if next(kg.store.quads_for_pattern(m, ox.NamedNode(RDF_TYPE), EO.ObservationMission), None) is None:
        raise ParameterError("mission", key, "is not a mission in the graph (see /missions)")
    core = {name: sorted({r["v"] for r in _select(kg, q, m)}, key=str) for name, q in _CORE.items()}
    look = _Lookup(kg)
    neighbours = [r for r in _select(kg, _NEIGHBOURS, m) if look.eo_type(r["n"]) != "Evidence"]
    second = _select(kg, _SECOND, m)
    nodes = {r["n"] for r in neighbours} | {r["o"] for r in second}
    labels = {n: label for n in sorted(nodes) if (label := look.label(n)) is not None}
    types = {n: ty for n in sorted(nodes) if (ty := look.eo_type(n)) is not None}
    evidence = provenance(kg, iri)
    for r in evidence:
        if isinstance(r.get("object"), str) and r["object"] not in labels and "://" in r["object"]:
            labels[r["object"]] = r["object"].rsplit("/", 1)[-1]
    return {
        "iri": iri,
        "key": key,
        "core": core,
        "counts": _select(kg, _COUNTS, m),
        "members": _members(kg, m, look),
        "articles": _select(kg, _ARTICLES, m),
        "neighbours": neighbours,
        "second": second,
        "labels": labels,
        "types": types,
        "evidence": evidence,
    }

