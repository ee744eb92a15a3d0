"""Serializations of the graph for portals and for archiving, with one shared prefix map.

- ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``: the data (every article graph and the links
  graph) merged into one graph, de-duplicated, grouped by subject. The ontology is published on
  its own (:func:`kgbuild.ontology.write_versioned`).
- ``trig``, ``nquads``: the whole dataset with its named graphs, so per-article provenance survives.

Output is deterministic: the same graph gives byte-identical files (the triples are sorted), so
publishers can diff releases.
"""

from __future__ import annotations

from pathlib import Path
from typing import IO

import pyoxigraph as ox

from .errors import ParameterError
from .store import ONTOLOGY_GRAPH, Store
from .vocab import PREFIXES

__all__ = ["FORMATS", "export", "merged_data"]

FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ttl": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "json-ld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
    "trig": ox.RdfFormat.TRIG,
    "nquads": ox.RdfFormat.N_QUADS,
    "nq": ox.RdfFormat.N_QUADS,
}


def _sort_key(t: ox.Triple | ox.Quad) -> tuple[str, ...]:
    g = str(t.graph_name) if isinstance(t, ox.Quad) else ""
    return (g, str(t.subject), str(t.predicate), str(t.object))


def merged_data(store: Store, *, include_ontology: bool = False) -> list[ox.Triple]:
    """Every data triple of the store, de-duplicated across graphs and sorted."""
    triples: set[ox.Triple] = set()
    for q in store.quads():
        if isinstance(q.graph_name, ox.DefaultGraph):
            continue
        if not include_ontology and q.graph_name == ONTOLOGY_GRAPH:
            continue
        triples.add(q.triple)
    return sorted(triples, key=_sort_key)


def export(store: Store, output: str | Path | IO[bytes], *, format: str = "turtle") -> int:
    """Write the graph to ``output`` (a path or a binary file); returns the triples/quads written.

    :raises ParameterError: unknown format.
    """
    fmt = FORMATS.get(format.lower())
    if fmt is None:
        raise ParameterError("format", format, f"is not one of {', '.join(sorted(set(FORMATS)))}")
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    items: list[ox.Triple] | list[ox.Quad]
    if fmt.supports_datasets:
        items = sorted((q for q in store.quads() if not isinstance(q.graph_name, ox.DefaultGraph)), key=_sort_key)
    else:
        items = merged_data(store)
    if isinstance(output, (str, Path)):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(str(output) + ".part")
        with open(tmp, "wb") as fh:
            ox.serialize(items, fh, format=fmt, prefixes=prefixes)
        tmp.replace(output)  # never leave a half-written export behind
    else:
        ox.serialize(items, output, format=fmt, prefixes=prefixes)
    return len(items)
