"""A release for a linked-data portal: data dumps, a VoID + DCAT description, the ontology.

``publish(kg, directory)`` writes::

    kgbuild.ttl  kgbuild.nt  kgbuild.jsonld  context.jsonld   the data, merged (deterministic)
    kgbuild.trig kgbuild.nq                                   the dataset with per-article graphs
    void.ttl                                                  VoID + DCAT, also stored in {base}graph/_void
    ontology/kgbuild-0.1.0.ttl .owl .md .html                 the versioned ontology and its docs

The VoID figures are counted from the same merged data that ``kgbuild.ttl`` holds, so
``void:triples`` equals the number of triples in the Turtle dump.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .export import export, jsonld_context, merged_data
from .vocab import DCAT, DCTERMS, EO, EO_NS, ONTOLOGY_IRI, PREFIXES, RDF, VOID, XSD

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["DatasetInfo", "publish", "void_quads"]

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


def void_quads(kg: KnowledgeGraph, triples: list[ox.Triple], info: DatasetInfo) -> list[ox.Quad]:
    """The VoID + DCAT description of ``triples`` (the merged data), in the ``_void`` graph."""
    g = kg.iris.void_graph()
    ds = kg.iris.dataset()
    out: list[ox.Quad] = []

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
    stamps = sorted(t.object.value for t in triples if t.predicate == EO.ingestedAt)
    if stamps:
        add(ds, DCTERMS.issued, ox.Literal(stamps[0], datatype=XSD.dateTime))
        add(ds, DCTERMS.modified, ox.Literal(stamps[-1], datatype=XSD.dateTime))
    add(ds, VOID.triples, integer(len(triples)))
    add(ds, VOID.distinctSubjects, integer(len({t.subject for t in triples})))
    add(ds, VOID.distinctObjects, integer(len({t.object for t in triples})))
    add(ds, VOID.properties, integer(len({t.predicate for t in triples})))
    classes = Counter(t.object for t in triples if t.predicate == RDF.type and isinstance(t.object, ox.NamedNode))
    add(ds, VOID.entities, integer(len({t.subject for t in triples if t.predicate == RDF.type})))
    namespaces = {p.value[: max(p.value.rfind("#"), p.value.rfind("/")) + 1] for p in {t.predicate for t in triples}}
    for ns in sorted(namespaces | {EO_NS}):
        if ns in PREFIXES.values():
            add(ds, VOID.vocabulary, ox.NamedNode(ns))
    for cls, n in sorted(classes.items(), key=lambda kv: kv[0].value):
        part = ox.NamedNode(f"{ds.value}/class/{cls.value.rsplit('#', 1)[-1].rsplit('/', 1)[-1]}")
        add(ds, VOID.classPartition, part)
        add(part, VOID["class"], cls)
        add(part, VOID.entities, integer(n))
    missions = sorted({t.subject.value for t in triples if t.predicate == RDF.type and t.object == EO.ObservationMission})
    for m in missions[:3]:
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
    triples = merged_data(kg.store)
    void = void_quads(kg, triples, info)
    if not kg.store.read_only:
        kg.store.replace_graph(kg.iris.void_graph(), void)
    body = ox.serialize([q.triple for q in sorted(void, key=str)], format=ox.RdfFormat.TURTLE, prefixes=PREFIXES)
    (out / "void.ttl").write_bytes(body or b"")
    counts["void.ttl"] = len(void)
    for p in write_versioned(out / "ontology"):
        counts[f"ontology/{p.name}"] = 1
    return counts
