"""Serializations of the graph for portals and for archiving, with one shared prefix map.

- ``turtle``, ``ntriples``, ``jsonld``, ``rdfxml``: the data (every article graph and the links
  graph; not the ontology, not the VoID description) merged into one graph, de-duplicated, grouped by subject. The ontology is published on
  its own (:func:`kgbuild.ontology.write_versioned`).
- ``trig``, ``nquads``: the dataset with its named graphs (article graphs, links, VoID), so
  per-article provenance survives; the ontology, published on its own, is left out.

Output is deterministic: the same graph gives byte-identical files, so publishers can diff
releases. An on-disk store is written in its own key order, which depends only on the graph's
content (not on the order articles were built, removed or compacted): the merged formats are a
dump of the data default graph that ``relink`` keeps (:func:`refresh_default_graph`,
:func:`update_default_graph`), as fast as a raw dump of those triples; a store without it (or with
a change waiting for its relink) is merged by one ``CONSTRUCT`` that pyoxigraph de-duplicates.
Adding an article inserts its triples and leaves every other line where it was. An in-memory store
(whose iteration order is not stable) and a SPARQL server are exported sorted.
"""

from __future__ import annotations

import itertools
import json
import operator
from collections.abc import Callable
from pathlib import Path
from typing import IO, Any, TypeGuard

import pyoxigraph as ox

from .errors import ParameterError
from .graphstore import ONTOLOGY_GRAPH, GraphStore
from .store import Store
from .vocab import KGL, PREFIXES

__all__ = ["FORMATS", "export", "jsonld", "jsonld_context", "merged_data", "non_data_graphs", "refresh_default_graph",
           "update_default_graph",
           "to_rdflib"]

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


def merged_data(store: GraphStore, *, include_ontology: bool = False) -> list[ox.Triple]:
    """Every data triple of the store, de-duplicated across graphs and sorted."""
    skip = {store.iris.void_graph()} | (set() if include_ontology else {ONTOLOGY_GRAPH})
    triples: set[ox.Triple] = set()
    for q in store.quads():
        g = q.graph_name
        if isinstance(g, ox.DefaultGraph) or g in skip or (isinstance(g, ox.NamedNode) and store.iris.is_listing_graph(g)):
            continue
        triples.add(q.triple)
    return sorted(triples, key=_sort_key)


def non_data_graphs(store: GraphStore) -> tuple[ox.NamedNode, ...]:
    """Graphs the merged formats (and the VoID statistics) leave out: the VoID description, the
    ontology, the listings."""
    return (store.iris.void_graph(), ONTOLOGY_GRAPH, *_listing_graphs(store))


def refresh_default_graph(store: GraphStore) -> int | None:
    """Make the store's default graph the merged, de-duplicated data; returns its triple count.

    The default graph is what ad-hoc SPARQL reads (``kgbuild sparql``, the server's ``/query``):
    every triple of the article graphs and the links graph once, without the listing index, the
    ontology or the VoID description, so it holds exactly the triples ``void:triples`` counts and
    an aggregate counts each fact once. Written by :meth:`GraphStore.rewrite_default_graph`: in bulk
    steps in the embedded store (flat memory), in one update on a server; ``None`` for a read-only store.

    >>> from kgbuild.store import Store
    >>> s = Store(None)
    >>> t = ox.Quad(s.iris.country("AZ"), ox.NamedNode("https://e.org/p"), ox.Literal("1"))
    >>> for name in ("a.txt", "b.txt"):
    ...     s.replace_graph(s.iris.article_graph(name), [ox.Quad(t.subject, t.predicate, t.object, s.iris.article_graph(name))])
    >>> refresh_default_graph(s)
    1
    """
    if store.read_only:
        return None
    return store.rewrite_default_graph(non_data_graphs(store))


def update_default_graph(store: GraphStore, before: dict[ox.NamedNode, list[ox.Triple]]) -> bool:
    """Bring the data default graph (:func:`refresh_default_graph`) up to date after some graphs
    changed, in one atomic update; ``before`` maps each changed graph to its triples before the change.

    A triple of a changed graph is added; a triple one of them held before leaves the default graph
    when no data graph holds it any more. Returns False when this cannot be done (the store has no
    data default graph yet, or a blank node is involved): then call :func:`refresh_default_graph`.
    """
    if store.read_only:
        return True
    if next(store.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is None:
        return False
    void = store.iris.void_graph()

    def data(g: object) -> bool:
        return isinstance(g, ox.NamedNode) and g not in (void, ONTOLOGY_GRAPH) and not store.iris.is_listing_graph(g)

    add = {ox.Quad(q.subject, q.predicate, q.object) for g in before
           for q in store.quads_for_pattern(None, None, None, g)}
    remove = set()
    for triples in before.values():
        for t in triples:
            q = ox.Quad(t.subject, t.predicate, t.object)
            if q in add or q in remove or not isinstance(t.subject, (ox.NamedNode, ox.BlankNode)) \
                    or not isinstance(t.predicate, ox.NamedNode) or isinstance(t.object, ox.Triple):
                continue
            if not any(data(h.graph_name) for h in store.quads_for_pattern(t.subject, t.predicate, t.object, None)):
                remove.add(q)
    if any(isinstance(term, ox.BlankNode) for q in add | remove for term in (q.subject, q.object)):
        return False
    store.change(remove, add)  # adding a triple that is there already changes nothing
    return True


def _default_graph_current(store: Store) -> bool:
    """Whether the store's default graph holds the merged data as of its last change: it is not
    empty, and no change is waiting for its relink (``kgl:changesPending``, see :mod:`kgbuild.listing`)."""
    index = store.iris.listing_graph()
    if next(store.backend.quads_for_pattern(index, KGL.changesPending, None, index), None) is not None:
        return False
    return next(store.backend.quads_for_pattern(None, None, None, ox.DefaultGraph()), None) is not None


def _listing_graphs(store: GraphStore) -> list[ox.NamedNode]:
    """The listings' index and version graphs (derived from the data, never exported)."""
    return [g for g in store.named_graphs() if store.iris.is_listing_graph(g)]


def _on_disk(store: GraphStore) -> TypeGuard[Store]:
    """True for an embedded on-disk store, whose quad order is its RocksDB key order (content-only)."""
    return isinstance(store, Store) and store.path is not None


def _named_graphs_nquads(store: Store) -> bytes | None:
    """Every named graph's quads as N-Quads in key order (the default graph, derived, left out),
    or None when the store's dump does not put the default graph first (then: the slow path)."""
    data = store.backend.dump(format=ox.RdfFormat.N_QUADS) or b""
    default = store.backend.dump(format=ox.RdfFormat.N_QUADS, from_graph=ox.DefaultGraph()) or b""
    if not data.startswith(default):
        return None
    return data[len(default):]


def _merged_in_key_order(store: Store) -> ox.QueryTriples:
    """The merged data triples of an on-disk store, de-duplicated by pyoxigraph, in key order."""
    skip = " && ".join(f"?g != <{g.value}>" for g in non_data_graphs(store))
    result = store.backend.query(f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({skip}) }}")
    assert isinstance(result, ox.QueryTriples)
    return result


def _dataset_nquads_in_key_order(store: Store) -> bytes | None:
    """The named graphs but the ontology and the listings as N-Quads in key order, or None."""
    data = _named_graphs_nquads(store)
    if data is None:
        return None
    skip = tuple(f" <{g.value}> .".encode() for g in (ONTOLOGY_GRAPH, *_listing_graphs(store)))
    return b"".join(line + b"\n" for line in data.split(b"\n") if line and not line.endswith(skip))


def _merged_ntriples(store: GraphStore) -> tuple[bytes, int] | None:
    """The merged data as sorted, de-duplicated N-Triples bytes, or None when the fast path cannot apply.

    Same triples and order as :func:`merged_data`, without a Python object per quad: the store
    dumps N-Quads in one call, each line loses its graph (IRIs hold no spaces, so the graph is
    the line's second-to-last field), and the byte strings are de-duplicated and sorted. The
    order is the same: a term's N-Triples form is its ``str()``, and UTF-8 byte order is code
    point order; a subject or predicate is never a proper prefix of another one followed by
    a character below the space (IRIs end with ``>``, blank node labels have no spaces).
    Blank nodes take the slow path.
    """
    data = _named_graphs_nquads(store) if isinstance(store, Store) else None
    if data is None:
        return None
    skip = tuple(f" <{g.value}> .".encode() for g in non_data_graphs(store))
    triples = {line.rsplit(b" ", 2)[0] for line in data.split(b"\n") if line and not line.endswith(skip)}
    del data
    lines = sorted(triples)
    body = b" .\n".join(lines) + b" .\n" if lines else b""
    if b"_:" in body:  # maybe a blank node (or just text): keep the exact, slower path
        return None
    return body, len(lines)


def export(store: GraphStore, output: str | Path | IO[bytes], *, format: str = "turtle") -> int:
    """Write the graph to ``output`` (a path or a binary file); returns the triples/quads written.

    :raises ParameterError: unknown format.
    """
    fmt = FORMATS.get(format.lower())
    if fmt is None:
        raise ParameterError("format", format, f"is not one of {', '.join(sorted(set(FORMATS)))}")
    prefixes = PREFIXES if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML) else None
    if _on_disk(store) and fmt != ox.RdfFormat.JSON_LD:
        counted = _export_in_key_order(store, output, fmt, prefixes)
        if counted is not None:
            return counted
    fast = _merged_ntriples(store) if fmt in (ox.RdfFormat.TURTLE, ox.RdfFormat.N_TRIPLES, ox.RdfFormat.RDF_XML) else None
    if fast is not None:
        body, count = fast

        _write(output, lambda fh: _convert(body, ox.RdfFormat.N_TRIPLES, fh, fmt, prefixes))
        return count
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        quads = sorted(
            (q for q in store.quads()
             if isinstance(q.graph_name, ox.NamedNode) and q.graph_name != ONTOLOGY_GRAPH
             and not store.iris.is_listing_graph(q.graph_name)),
            key=_sort_key,
        )
        _write(output, lambda fh: ox.serialize(quads, fh, format=fmt, prefixes=prefixes))
        return len(quads)
    triples = merged_data(store)
    if fmt == ox.RdfFormat.JSON_LD:
        _write(output, lambda fh: fh.write(jsonld(triples)))
    else:
        _write(output, lambda fh: ox.serialize(triples, fh, format=fmt, prefixes=prefixes))
    return len(triples)


def _export_in_key_order(store: Store, output: str | Path | IO[bytes], fmt: ox.RdfFormat,
                         prefixes: dict[str, str] | None) -> int | None:
    """Export an on-disk store in its key order (no sort); None when that order is not available."""
    if fmt in (ox.RdfFormat.TRIG, ox.RdfFormat.N_QUADS):
        data = _dataset_nquads_in_key_order(store)
        if data is None:
            return None
        _write(output, lambda fh: _convert(data, ox.RdfFormat.N_QUADS, fh, fmt, prefixes))
        return data.count(b"\n")
    if _default_graph_current(store):
        # the merged data is materialized (relink keeps it): dumped as it lies, in key order, and
        # counted by the store; no de-duplication, no Python object per triple
        _write(output, lambda fh: store.backend.dump(fh, format=fmt, from_graph=ox.DefaultGraph(), prefixes=prefixes))
        result = store.backend.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        assert isinstance(result, ox.QuerySolutions)
        count = next(iter(result))["n"]
        return int(count.value) if isinstance(count, ox.Literal) else 0
    # counted without a Python call per triple: zip pulls one number per triple it passes on
    numbers = itertools.count()
    triples = map(operator.itemgetter(0), zip(_merged_in_key_order(store), numbers, strict=False))
    _write(output, lambda fh: ox.serialize(triples, fh, format=fmt, prefixes=prefixes))
    return next(numbers)


def _convert(data: bytes, data_format: ox.RdfFormat, fh: IO[bytes], fmt: ox.RdfFormat,
             prefixes: dict[str, str] | None) -> None:
    """Write ``data`` (in ``data_format``) to ``fh`` in ``fmt``: as is, or parsed and serialized."""
    if fmt == data_format:
        fh.write(data)
    else:
        ox.serialize(ox.parse(data, format=data_format), fh, format=fmt, prefixes=prefixes)


def _write(output: str | Path | IO[bytes], write: Callable[[IO[bytes]], object]) -> None:
    if isinstance(output, (str, Path)):
        Path(output).parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(str(output) + ".part")
        with open(tmp, "wb") as fh:
            write(fh)
        tmp.replace(output)  # never leave a half-written export behind
    else:
        write(output)


def jsonld_context() -> dict[str, Any]:
    """The JSON-LD ``@context`` of our exports: the shared prefixes as terms."""
    return {"@context": dict(PREFIXES)}


def jsonld(triples: list[ox.Triple]) -> bytes:
    """Compact JSON-LD with our context, nodes sorted by ``@id`` (rdflib's serializer; deterministic)."""
    import rdflib

    g = rdflib.Graph()
    g.parse(data=ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"", format="nt")
    doc = json.loads(g.serialize(format="json-ld", context=jsonld_context()["@context"], auto_compact=True))
    nodes = doc.get("@graph")
    if isinstance(nodes, list):
        nodes.sort(key=lambda n: str(n.get("@id", "")))
    return json.dumps(doc, indent=1, ensure_ascii=False, sort_keys=True).encode("utf-8") + b"\n"


def to_rdflib(store: GraphStore) -> Any:
    """A copy of the store as an ``rdflib.Dataset`` whose default graph is the union of its graphs.

    Every named graph is kept (the article graphs, the links, the ontology, the VoID
    description) except the listing graphs, a derived index that exports leave out too, and so
    is the store's data default graph (:func:`refresh_default_graph`: rdflib's union holds it). The
    quads travel as N-Quads, written by pyoxigraph and parsed by rdflib, so terms come out as
    rdflib parses them from any file.
    """
    from rdflib import Dataset

    quads = (q for q in store.quads()
             if isinstance(q.graph_name, ox.NamedNode) and not store.iris.is_listing_graph(q.graph_name))
    data = ox.serialize(quads, format=ox.RdfFormat.N_QUADS) or b""
    dataset = Dataset(default_union=True)
    for prefix, namespace in PREFIXES.items():
        dataset.bind(prefix, namespace)
    dataset.parse(data=data, format="nquads")
    return dataset
