"""A release for a linked-data portal: data dumps, a VoID + DCAT description, the ontology.

``publish(kg, directory)`` writes::

    kgbuild.ttl  kgbuild.nt  kgbuild.jsonld  context.jsonld   the data, merged (deterministic)
    kgbuild.trig kgbuild.nq                                   the dataset with per-article graphs
    void.ttl                                                  VoID + DCAT-AP, also stored in {base}graph/_void
    ontology/kgbuild-0.4.0.ttl .owl .md .html                 the versioned ontology and its docs
    docs/README.md docs/queries/*.rq                          IRI patterns, a diagram, example queries
    missions.csv provenance.csv (+ .parquet)                  the facts as tables (kgbuild.release)

The VoID figures are counted from the same merged data that ``kgbuild.ttl`` holds, so
``void:triples`` equals the number of triples in the Turtle dump.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .catalog.snapshot import GEONAMES_FEATURE
from .dcat import DISTRIBUTIONS, DatasetInfo, dcat_quads
from .export import export, jsonld_context, non_data_graphs
from .vocab import DCTERMS, EO_NS, FOAF, OWL, PREFIXES, RDF, VOID, WD, XSD

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["LINKSETS", "DatasetInfo", "link_counts", "publish", "release_docs", "void_quads", "void_turtle"]

#: The link targets of the VoID linksets: name -> (predicate, subject kind, target, its URI space, title).
LINKSETS: dict[str, tuple[ox.NamedNode, str, str, str, str]] = {
    "wikidata-countries": (OWL.sameAs, "country", "https://www.wikidata.org/", WD.iri, "Wikidata"),
    "wikidata-organizations": (OWL.sameAs, "organization", "https://www.wikidata.org/", WD.iri, "Wikidata"),
    "geonames-countries": (OWL.sameAs, "country", "https://www.geonames.org/", GEONAMES_FEATURE, "GeoNames"),
}


def data_statistics(kg: KnowledgeGraph) -> dict[str, Any]:
    """VoID statistics of the merged data, computed by the store (no Python object per triple):
    triples, distinct subjects/objects/properties, typed entities, entities per class, the
    property namespaces and three example missions."""
    data_only = "FILTER(" + " && ".join(f"?g != {g}" for g in non_data_graphs(kg.store)) + ")"
    data = f"GRAPH ?g {{ ?s ?p ?o }} {data_only}"

    def one(sparql: str) -> dict[str, Any]:
        return next(kg.store.select(sparql), {})

    def count(name: str, sparql: str) -> int:
        term = one(sparql).get(name)
        return int(term.value) if term is not None else 0

    out: dict[str, Any] = {
        "triples": count("n", f"SELECT (COUNT(*) AS ?n) WHERE {{ SELECT DISTINCT ?s ?p ?o WHERE {{ {data} }} }}"),
        "subjects": count("n", f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {data} }}"),
        "objects": count("n", f"SELECT (COUNT(DISTINCT ?o) AS ?n) WHERE {{ {data} }}"),
    }
    properties = [r["p"] for r in kg.store.select(f"SELECT DISTINCT ?p WHERE {{ {data} }}")]
    out["properties"] = len(properties)
    out["namespaces"] = {p.value[: max(p.value.rfind("#"), p.value.rfind("/")) + 1] for p in properties}
    typed = f"GRAPH ?g {{ ?s a ?c }} {data_only}"
    out["entities"] = count("n", f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {typed} }}")
    out["classes"] = {r["c"]: int(r["n"].value) for r in kg.store.select(
        f"SELECT ?c (COUNT(DISTINCT ?s) AS ?n) WHERE {{ {typed} FILTER(isIRI(?c)) }} GROUP BY ?c")}
    out["examples"] = [r["m"].value for r in kg.store.select(
        "SELECT DISTINCT ?m WHERE { GRAPH ?g { ?m a eo:ObservationMission } } ORDER BY STR(?m) LIMIT 3")]
    return out


def link_counts(kg: KnowledgeGraph) -> dict[str, int]:
    """The links of the links graph per :data:`LINKSETS` entry (countries and organizations to
    Wikidata, countries to GeoNames)."""
    out = {}
    for name, (predicate, kind, _, space, _) in LINKSETS.items():
        row = next(kg.store.select(
            f"SELECT (COUNT(*) AS ?n) WHERE {{ GRAPH {kg.iris.links_graph()} {{ ?s {predicate} ?o }} "
            f'FILTER(STRSTARTS(STR(?s), "{kg.iris.base}{kind}/") && STRSTARTS(STR(?o), "{space}")) }}',
            union=False), {})
        out[name] = int(row["n"].value) if "n" in row else 0
    return out


def void_quads(kg: KnowledgeGraph, info: DatasetInfo) -> list[ox.Quad]:
    """The VoID + DCAT-AP description of the merged data, in the ``_void`` graph.

    VoID: the statistics of :func:`data_statistics` (``void:triples`` is the size of the data
    default graph and of the Turtle dump), class partitions, example resources, the dumps, the
    endpoint, and one ``void:Linkset`` per :data:`LINKSETS` entry. DCAT-AP: :func:`kgbuild.dcat.dcat_quads`.

    :raises ParameterError: a field of ``info`` is malformed.
    """
    g = kg.iris.void_graph()
    ds = kg.iris.dataset()
    out = dcat_quads(kg, info, g)
    stats = data_statistics(kg)

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, p, o, g))

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=XSD.integer)

    add(ds, RDF.type, VOID.Dataset)
    add(ds, VOID.uriSpace, ox.Literal(kg.iris.base))
    add(ds, VOID.triples, integer(stats["triples"]))
    add(ds, VOID.distinctSubjects, integer(stats["subjects"]))
    add(ds, VOID.distinctObjects, integer(stats["objects"]))
    add(ds, VOID.properties, integer(stats["properties"]))
    add(ds, VOID.entities, integer(stats["entities"]))
    for ns in sorted(stats["namespaces"] | {EO_NS}):
        if ns in PREFIXES.values():
            add(ds, VOID.vocabulary, ox.NamedNode(ns))
    for cls, n in sorted(stats["classes"].items(), key=lambda kv: kv[0].value):
        part = ox.NamedNode(f"{ds.value}/class/{cls.value.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")
        add(ds, VOID.classPartition, part)
        add(part, VOID["class"], cls)
        add(part, VOID.entities, integer(n))
    for m in stats["examples"]:
        add(ds, VOID.exampleResource, ox.NamedNode(m))
    if info.endpoint:
        add(ds, VOID.sparqlEndpoint, ox.NamedNode(info.endpoint))
    if info.download_base:
        for ext in DISTRIBUTIONS:
            if ext in ("ttl", "nt"):
                add(ds, VOID.dataDump, ox.NamedNode(f"{info.download_base.rstrip('/')}/kgbuild.{ext}"))
    targets: set[str] = set()
    for name, n in link_counts(kg).items():
        predicate, kind, target, space, title = LINKSETS[name]
        if not n:
            continue
        linkset = ox.NamedNode(f"{ds.value}/linkset/{name}")
        add(linkset, RDF.type, VOID.Linkset)
        add(linkset, DCTERMS.title, ox.Literal(f"{kind.capitalize()} links to {title}", language="en"))
        add(ds, VOID.subset, linkset)
        add(linkset, VOID.subjectsTarget, ds)
        add(linkset, VOID.objectsTarget, ox.NamedNode(target))
        add(linkset, VOID.linkPredicate, predicate)
        add(linkset, VOID.triples, integer(n))
        if target not in targets:
            targets.add(target)
            add(ox.NamedNode(target), RDF.type, VOID.Dataset)
            add(ox.NamedNode(target), DCTERMS.title, ox.Literal(title))
            add(ox.NamedNode(target), VOID.uriSpace, ox.Literal(space))
            add(ox.NamedNode(target), FOAF.homepage, ox.NamedNode(target))
    return out


def void_turtle(quads: Iterable[ox.Quad]) -> bytes:
    """A VoID description as Turtle (``void.ttl``, the server's ``/.well-known/void``): its triples
    sorted, with kgbuild's prefixes, so the same description gives the same bytes."""
    body = ox.serialize([q.triple for q in sorted(quads, key=str)], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return body or b""


def release_docs(directory: str | Path) -> list[str]:
    """Write the release's documentation into ``directory``: ``README.md`` (IRI patterns, a
    diagram of the model, the example queries) and ``queries/*.rq`` (the examples); returns the
    paths written, relative to ``directory``."""
    from .resources import resource_dir

    source = resource_dir("ontology") / "release"
    written = []
    for folder, prefix in ((source, ""), (source / "queries", "queries/")):
        for entry in sorted(folder.iterdir(), key=lambda e: e.name):
            if entry.is_file() and entry.name.endswith((".md", ".rq")):
                target = Path(directory) / prefix / entry.name
                target.parent.mkdir(parents=True, exist_ok=True)
                target.write_text(entry.read_text(encoding="utf-8"), encoding="utf-8")
                written.append(prefix + entry.name)
    return written


def publish(kg: KnowledgeGraph, directory: str | Path, info: DatasetInfo | None = None) -> dict[str, int]:
    """Write the release files into ``directory`` and store the VoID description; returns counts.

    The VoID + DCAT description is computed and stored before the dumps are written, so the
    TriG and N-Quads dumps hold the same ``_void`` graph as ``void.ttl``. A read-only graph is
    published without storing it (its dumps then carry the description stored before, if any).

    :raises ParameterError: a field of ``info`` is malformed (nothing is written then).
    """
    from .ontology import write_versioned

    info = info or DatasetInfo()
    # the VoID description first: the TriG and N-Quads dumps carry its graph, so it must be current
    void = void_quads(kg, info)
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    if not kg.store.read_only:
        kg.store.replace_graph(kg.iris.void_graph(), void)
    counts = {}
    for fmt, ext in (("turtle", "ttl"), ("ntriples", "nt"), ("jsonld", "jsonld"), ("trig", "trig"), ("nquads", "nq")):
        counts[f"kgbuild.{ext}"] = export(kg.store, out / f"kgbuild.{ext}", format=fmt)
    (out / "context.jsonld").write_text(json.dumps(jsonld_context(), indent=1) + "\n", encoding="utf-8")
    (out / "void.ttl").write_bytes(void_turtle(void))
    counts["void.ttl"] = len(void)
    for p in write_versioned(out / "ontology"):
        counts[f"ontology/{p.name}"] = 1
    for name in release_docs(out / "docs"):
        counts[f"docs/{name}"] = 1
    from .release import write_tables  # missions and provenance as CSV/Parquet (docs/release-tables.md)

    counts.update(write_tables(kg, out))
    return counts
