"""A release for a linked-data portal: data dumps, a VoID + DCAT description, the ontology.

``publish(kg, directory)`` writes::

    kgbuild.ttl  kgbuild.nt  kgbuild.jsonld  context.jsonld   the data, merged (deterministic)
    kgbuild.trig kgbuild.nq                                   the dataset with per-article graphs
    void.ttl                                                  VoID + DCAT, also stored in {base}graph/_void
    ontology/kgbuild-0.2.0.ttl .owl .md .html                 the versioned ontology and its docs
    missions.csv provenance.csv (+ .parquet)                  the facts as tables (kgbuild.release)

The VoID figures are counted from the same merged data that ``kgbuild.ttl`` holds, so
``void:triples`` equals the number of triples in the Turtle dump.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .export import export, jsonld_context, non_data_graphs
from .vocab import DCAT, DCTERMS, EO_NS, ONTOLOGY_IRI, PREFIXES, RDF, VOID, XSD

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["DatasetInfo", "publish", "void_quads", "void_turtle"]

_MEDIA = {"ttl": "text/turtle", "nt": "application/n-triples", "jsonld": "application/ld+json",
          "trig": "application/trig", "nq": "application/n-quads"}


@dataclass
class DatasetInfo:
    """What a portal shows about the dataset (all configurable from the CLI)."""

    title: str = "kgbuild election-observation knowledge graph"
    description: str = (
        "International election observation missions, their organizers, members, accrediting "
        "commissions and observer figures, extracted from news articles with the sentence behind "
        "every fact."
    )
    license: str = "https://creativecommons.org/licenses/by/4.0/"
    creator: str = "kgbuild"
    endpoint: str | None = None
    download_base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


def data_statistics(kg: KnowledgeGraph) -> dict[str, Any]:
    """VoID statistics of the merged data, computed by the store (no Python object per triple):
    triples, distinct subjects/objects/properties, typed entities, entities per class, the
    property namespaces, the first and last ingestion time and three example missions."""
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
    stamps = one(f"SELECT (MIN(STR(?t)) AS ?first) (MAX(STR(?t)) AS ?last) WHERE {{ GRAPH ?g {{ ?a eo:ingestedAt ?t }} "
                 f"{data_only} }}")
    out["issued"] = stamps["first"].value if "first" in stamps else None
    out["modified"] = stamps["last"].value if "last" in stamps else None
    out["examples"] = [r["m"].value for r in kg.store.select(
        "SELECT DISTINCT ?m WHERE { GRAPH ?g { ?m a eo:ObservationMission } } ORDER BY STR(?m) LIMIT 3")]
    return out


def void_quads(kg: KnowledgeGraph, info: DatasetInfo) -> list[ox.Quad]:
    """The VoID + DCAT description of the merged data, in the ``_void`` graph."""
    g = kg.iris.void_graph()
    ds = kg.iris.dataset()
    out: list[ox.Quad] = []
    stats = data_statistics(kg)

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, p, o, g))

    def integer(n: int) -> ox.Literal:
        return ox.Literal(str(n), datatype=XSD.integer)

    add(ds, RDF.type, VOID.Dataset)
    add(ds, RDF.type, DCAT.Dataset)
    add(ds, DCTERMS.title, ox.Literal(info.title, language="en"))
    add(ds, DCTERMS.description, ox.Literal(info.description, language="en"))
    add(ds, DCTERMS.license, ox.NamedNode(info.license))
    add(ds, DCTERMS.creator, ox.Literal(info.creator))
    add(ds, DCTERMS.conformsTo, ox.NamedNode(ONTOLOGY_IRI))
    add(ds, VOID.uriSpace, ox.Literal(kg.iris.base))
    if stats["issued"]:
        add(ds, DCTERMS.issued, ox.Literal(stats["issued"], datatype=XSD.dateTime))
        add(ds, DCTERMS.modified, ox.Literal(stats["modified"], datatype=XSD.dateTime))
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
    base = info.download_base.rstrip("/") + "/" if info.download_base else ""
    for ext, media in _MEDIA.items():
        dist = ox.NamedNode(f"{ds.value}/distribution/{ext}")
        add(ds, DCAT.distribution, dist)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, DCAT.mediaType, ox.Literal(media))
        if base:
            url = ox.NamedNode(f"{base}kgbuild.{ext}")
            add(dist, DCAT.downloadURL, url)
            if ext == "ttl":
                add(ds, VOID.dataDump, url)
        else:
            add(dist, DCTERMS.title, ox.Literal(f"kgbuild.{ext}"))
    return out


def void_turtle(quads: Iterable[ox.Quad]) -> bytes:
    """A VoID description as Turtle (``void.ttl``, the server's ``/.well-known/void``): its triples
    sorted, with kgbuild's prefixes, so the same description gives the same bytes."""
    body = ox.serialize([q.triple for q in sorted(quads, key=str)], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    return body or b""


def publish(kg: KnowledgeGraph, directory: str | Path, info: DatasetInfo | None = None) -> dict[str, int]:
    """Write the release files into ``directory`` and store the VoID description; returns counts."""
    from .ontology import write_versioned

    info = info or DatasetInfo()
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for fmt, ext in (("turtle", "ttl"), ("ntriples", "nt"), ("jsonld", "jsonld"), ("trig", "trig"), ("nquads", "nq")):
        counts[f"kgbuild.{ext}"] = export(kg.store, out / f"kgbuild.{ext}", format=fmt)
    (out / "context.jsonld").write_text(json.dumps(jsonld_context(), indent=1) + "\n", encoding="utf-8")
    void = void_quads(kg, info)
    if not kg.store.read_only:
        kg.store.replace_graph(kg.iris.void_graph(), void)
    (out / "void.ttl").write_bytes(void_turtle(void))
    counts["void.ttl"] = len(void)
    for p in write_versioned(out / "ontology"):
        counts[f"ontology/{p.name}"] = 1
    from .release import write_tables  # missions and provenance as CSV/Parquet (docs/release-tables.md)

    counts.update(write_tables(kg, out))
    return counts
