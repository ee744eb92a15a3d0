"""What a resource IRI dereferences to: its description, each triple once, no index triples.

:func:`describe` is what ``kgbuild serve`` answers on the path of a resource IRI (with content
negotiation, :mod:`kgbuild.server.conneg`), and what a notebook calls to see one node:

- a data node (mission, country, organization, election, person, article, commission, its
  observer-count and evidence nodes): every triple of the data default graph with the node as
  subject, and every triple with it as object except the evidence reifications that point at it
  (``rdf:subject``/``rdf:object``; follow ``eo:evidence`` from the article instead), read from the
  merged data (:func:`kgbuild.export.refresh_default_graph`), so a fact that ten articles state
  is one triple, and the listing index, the ontology and the VoID graph never leak in;
- the dataset, the catalogue and their parts (``{base}dataset``, ``{base}dataset/distribution/ttl``,
  ``{base}catalog``): the VoID + DCAT-AP description (stored by ``kgbuild publish``, else made now);
- the ontology (``https://w3id.org/kgbuild/ontology``): the ontology itself.

>>> from kgbuild.api import KnowledgeGraph
>>> kg = KnowledgeGraph(None)
>>> describe(kg, kg.iris.mission("CIS", "AZ", None, "parliamentary", 2020))
[]
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pyoxigraph as ox

from .ontology import ontology_quads
from .vocab import ONTOLOGY_IRI

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["RESOURCE_KINDS", "describe"]

#: The first path segment of every kind of resource IRI under the data base.
RESOURCE_KINDS = ("mission", "country", "organization", "election", "person", "article", "commission",
                  "dataset", "catalog")

_REIFICATION = ("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject",
                "http://www.w3.org/1999/02/22-rdf-syntax-ns#object")


def describe(kg: KnowledgeGraph, iri: ox.NamedNode | str) -> list[ox.Triple]:
    """The description of the resource ``iri``, sorted; ``[]`` when the graph says nothing about it."""
    node = iri if isinstance(iri, ox.NamedNode) else ox.NamedNode(iri)
    if node.value.split("#", 1)[0].rstrip("/") == ONTOLOGY_IRI or node.value.startswith(ONTOLOGY_IRI + "/"):
        return sorted({q.triple for q in ontology_quads()}, key=str)
    base = kg.iris.base
    if node.value.startswith((base + "dataset", base + "catalog")):
        return _void_triples(kg)
    if not node.value.startswith(base):
        return []
    out: set[ox.Triple] = set()
    union = not kg.data_default_graph  # an old store: the union (de-duplicated here)
    for q in kg.store.quads_for_pattern(node, None, None, None if union else ox.DefaultGraph()):
        if union and not _is_data(kg, q.graph_name):
            continue
        out.add(q.triple)
    for q in kg.store.quads_for_pattern(None, None, node, None if union else ox.DefaultGraph()):
        if q.predicate.value in _REIFICATION or (union and not _is_data(kg, q.graph_name)):
            continue
        out.add(q.triple)
    return sorted(out, key=str)


def _is_data(kg: KnowledgeGraph, graph: ox.NamedNode | ox.BlankNode | ox.DefaultGraph) -> bool:
    if not isinstance(graph, ox.NamedNode):
        return False
    return (graph.value.startswith(kg.iris.base + "graph/article/") or graph == kg.iris.links_graph())


def _void_triples(kg: KnowledgeGraph) -> list[ox.Triple]:
    from .publish import DatasetInfo, void_quads

    g = kg.iris.void_graph()
    quads = list(kg.store.quads(g)) if kg.store.contains_graph(g) else []
    return sorted({q.triple for q in quads or void_quads(kg, DatasetInfo())}, key=str)
