"""The interface of a graph backend (:class:`GraphStore`), and the code both backends share.

kgbuild keeps its graph in one of two backends: :class:`kgbuild.store.Store` (an embedded
pyoxigraph store, on disk or in memory) and :class:`kgbuild.remote.RemoteStore` (a SPARQL 1.1
server over HTTP). Both satisfy the :class:`GraphStore` protocol, and everything above them
(:mod:`kgbuild.api`, :mod:`kgbuild.listing`, :mod:`kgbuild.facts`, :mod:`kgbuild.export`, the
server) is written against the protocol, so the type checker sees a backend that drifts.
What the two backends do alike lives once, in :class:`StoreBase` and :class:`BatchWriterBase`.

>>> from kgbuild.store import Store
>>> isinstance(Store(None), GraphStore)
True
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, NamedTuple, Protocol, Self, runtime_checkable

import pyoxigraph as ox

from .errors import QueryError, StoreError
from .iris import Iris
from .query import QueryResult, Row, Term, result_rows
from .vocab import ONTOLOGY_IRI, ONTOLOGY_VERSION, PREFIXES

__all__ = [
    "ONTOLOGY_GRAPH",
    "ArticleState",
    "BatchWriterBase",
    "Dataset",
    "GraphStore",
    "GraphWriter",
    "QueryResult",
    "Row",
    "StoreBase",
    "Substitutions",
    "Term",
    "default_graph_update",
]

#: The named graph holding the ontology (kept apart from the data; exports leave it out).
ONTOLOGY_GRAPH = ox.NamedNode(ONTOLOGY_IRI)
_OWL_VERSION_IRI = ox.NamedNode("http://www.w3.org/2002/07/owl#versionIRI")

#: Initial bindings of a query's variables (pyoxigraph's ``substitutions=``).
Substitutions = Mapping[ox.Variable, ox.NamedNode | ox.BlankNode | ox.Literal]
#: A query's dataset given apart from its text (the protocol's ``default-graph-uri`` and
#: ``named-graph-uri``): (default graph IRIs, named graph IRIs); it replaces the query's own.
Dataset = tuple[tuple[str, ...], tuple[str, ...]]
#: What ``graph=`` may name: one named graph, the default graph, or ``None`` for all of them.
GraphName = ox.NamedNode | ox.BlankNode | ox.DefaultGraph
#: Where ``dump`` writes: a path, a binary file, or ``None`` for the bytes.
Output = str | Path | IO[bytes] | None


class ArticleState(NamedTuple):
    """What the store holds about an article already in it.

    ``article_id`` and ``source_key`` are None for articles written before kgbuild stored them.
    """

    content_hash: str
    extractor_version: str
    article_id: str | None = None
    source_key: str | None = None


class GraphWriter(Protocol):
    """Writes whole graphs in batches, each graph complete or absent (a ``batch_writer()``)."""

    written: int

    def put(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None: ...

    def flush(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...


@runtime_checkable
class GraphStore(Protocol):
    """A kgbuild graph: named graphs of quads, written whole, read with SPARQL.

    Every article graph is written atomically (complete or absent); queries see the union of
    all named graphs as their default graph unless ``union=False``.
    """

    @property
    def path(self) -> str | None:
        """Where the graph lives: a directory, a server URL, or ``None`` in memory."""
        ...

    @property
    def read_only(self) -> bool: ...

    @property
    def iris(self) -> Iris: ...

    # --- lifecycle
    def close(self) -> None: ...

    def __enter__(self) -> Self: ...

    def __exit__(self, *exc: object) -> None: ...

    def ensure_ontology(self) -> None: ...

    def optimize(self) -> None: ...

    # --- writing
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None: ...

    def replace_graphs(self, graphs: Iterable[tuple[ox.NamedNode, Iterable[ox.Quad]]], *,
                       max_quads: int | None = None) -> int: ...

    def batch_writer(self, *, max_quads: int | None = None,
                     on_written: Callable[[ox.NamedNode], None] | None = None,
                     on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> GraphWriter: ...

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int: ...

    def drop_graph(self, graph: ox.NamedNode) -> None: ...

    def remove_graph(self, graph: ox.NamedNode) -> bool: ...

    def rewrite_default_graph(self, exclude: Iterable[ox.NamedNode]) -> int:
        """Make the default graph every triple of the named graphs but ``exclude``, each once, in
        one update (all-or-nothing); returns its triple count (:func:`kgbuild.export.refresh_default_graph`)."""
        ...

    def has_default_data(self) -> bool:
        """Whether the default graph holds the merged data (then ``union=True`` queries read it)."""
        ...

    # --- reading
    def named_graphs(self) -> list[ox.NamedNode]: ...

    def article_state(self, article_id: str) -> ArticleState | None: ...

    def article_graphs(self) -> list[ox.NamedNode]: ...

    def contains_graph(self, graph: ox.NamedNode) -> bool: ...

    def graph_count(self) -> int: ...

    def has_subject(self, node: ox.NamedNode) -> bool: ...

    def count_quads(self) -> int: ...

    def query(self, sparql: str, *, substitutions: Substitutions | None = None,
              union: bool = True, dataset: Dataset | None = None, base_iri: str | None = None) -> QueryResult: ...

    def select(self, sparql: str, *, substitutions: Substitutions | None = None,
               union: bool = True) -> Iterator[Row]: ...

    def quads(self, graph: GraphName | None = None) -> Iterator[ox.Quad]: ...

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None, predicate: ox.NamedNode | None,
                          object: Term | None, graph: GraphName | None = None) -> Iterator[ox.Quad]: ...

    def dump(self, output: Output = None, *, format: ox.RdfFormat,
             from_graph: GraphName | None = None) -> bytes | None: ...

    def change(self, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> int: ...


class StoreBase:
    """What :class:`~kgbuild.store.Store` and :class:`~kgbuild.remote.RemoteStore` do alike."""

    #: Quads per batch of ``batch_writer()`` and ``replace_graphs()`` unless the caller says.
    BATCH_QUADS = 50_000

    path: str | None
    read_only: bool
    iris: Iris

    def close(self) -> None:
        raise NotImplementedError

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def _check_writable(self) -> None:
        if self.read_only:
            raise StoreError("is open read-only", path=self.path)

    def ensure_ontology(self) -> None:
        """Load (or replace, when its version changed) the ontology in its own named graph."""
        from .ontology import ontology_quads

        version = ox.NamedNode(f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}")
        have = self.quads_for_pattern(ox.NamedNode(ONTOLOGY_IRI), _OWL_VERSION_IRI, version, ONTOLOGY_GRAPH)
        if next(have, None) is not None:
            return
        self.replace_graph(ONTOLOGY_GRAPH, ontology_quads(ONTOLOGY_GRAPH))

    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        raise NotImplementedError

    def batch_writer(self, *, max_quads: int | None = None,
                     on_written: Callable[[ox.NamedNode], None] | None = None,
                     on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> GraphWriter:
        raise NotImplementedError

    def _update(self, text: str) -> None:
        raise NotImplementedError

    def change(self, remove: Iterable[ox.Quad], add: Iterable[ox.Quad]) -> int:
        """Remove ``remove`` and add ``add`` in one atomic update; returns how many quads it names.

        For small edits of derived graphs (the incremental listing); the quads hold no blank nodes.
        A quad to remove that is not there, or to add that is there already, changes nothing.
        """
        self._check_writable()
        ops, n = [], 0
        for verb, quads in (("DELETE", remove), ("INSERT", add)):
            by_graph: dict[GraphName, list[ox.Triple]] = {}
            for q in quads:
                by_graph.setdefault(q.graph_name, []).append(q.triple)
            for graph, triples in by_graph.items():
                n += len(triples)
                body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
                if isinstance(graph, ox.DefaultGraph):
                    ops.append(f"{verb} DATA {{\n{body}}}")
                else:
                    ops.append(f"{verb} DATA {{ GRAPH {graph} {{\n{body}}} }}")
        if ops:
            self._update(" ;\n".join(ops))
        return n

    def replace_graphs(self, graphs: Iterable[tuple[ox.NamedNode, Iterable[ox.Quad]]], *,
                       max_quads: int | None = None) -> int:
        """Make each ``(graph, quads)`` hold exactly its quads, new graphs written in batches.

        Each graph is complete or absent at any moment (see ``batch_writer``); returns how many
        graphs were written.
        """
        with self.batch_writer(max_quads=max_quads) as writer:
            for graph, quads in graphs:
                writer.put(graph, quads)
        return writer.written

    def query(self, sparql: str, *, substitutions: Substitutions | None = None,
              union: bool = True, dataset: Dataset | None = None, base_iri: str | None = None) -> QueryResult:
        raise NotImplementedError

    def select(self, sparql: str, *, substitutions: Substitutions | None = None,
               union: bool = True) -> Iterator[Row]:
        """Rows of a SELECT query as dicts of bound terms.

        :raises QueryError: the query fails or is not a SELECT.
        """
        result = self.query(sparql, substitutions=substitutions, union=union)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError("not a SELECT query")
        return result_rows(result)

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None, predicate: ox.NamedNode | None,
                          object: Term | None, graph: GraphName | None = None) -> Iterator[ox.Quad]:
        raise NotImplementedError


def default_graph_update(exclude: Iterable[ox.NamedNode]) -> str:
    """The SPARQL Update that makes the default graph the named graphs' triples (but ``exclude``'s) once.

    >>> print(default_graph_update([ox.NamedNode("https://e.org/void")]))
    DROP SILENT DEFAULT ;
    INSERT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } FILTER(?g != <https://e.org/void>) }
    """
    skip = " && ".join(f"?g != {g}" for g in exclude) or "true"
    return f"DROP SILENT DEFAULT ;\nINSERT {{ ?s ?p ?o }} WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({skip}) }}"


def prefixes_for(format: ox.RdfFormat) -> dict[str, str] | None:
    """kgbuild's prefixes for a dump in ``format`` when the format has prefixes, else ``None``."""
    if format in (ox.RdfFormat.TURTLE, ox.RdfFormat.TRIG, ox.RdfFormat.RDF_XML):
        return PREFIXES
    return None


class BatchWriterBase:
    """What the backends' batch writers do alike: check the arguments, count the written graphs and
    report them (``on_written``), and report or raise a failed batch (``on_failed``).

    Subclasses implement ``put`` and ``flush``.
    """

    def __init__(self, store: StoreBase, *, max_quads: int,
                 on_written: Callable[[ox.NamedNode], None] | None = None,
                 on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> None:
        if max_quads < 1:
            raise ValueError(f"max_quads must be at least 1, not {max_quads}")
        store._check_writable()
        self.max_quads = max_quads
        self.on_written = on_written
        self.on_failed = on_failed
        self.written = 0

    def put(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        raise NotImplementedError

    def flush(self) -> None:
        raise NotImplementedError

    def _done(self, graphs: list[ox.NamedNode]) -> None:
        self.written += len(graphs)
        if self.on_written is not None:
            for g in graphs:
                self.on_written(g)

    def _failed(self, graphs: list[ox.NamedNode], error: Exception, *, path: str | None) -> None:
        """Report every graph of a failed batch to ``on_failed``; without it, raise a StoreError."""
        if self.on_failed is None:
            if isinstance(error, StoreError):
                raise error
            raise StoreError(f"could not write {len(graphs)} graph(s), first {graphs[0].value}: {error}",
                             path=path) from error
        for g in graphs:
            self.on_failed(g, error)

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.flush()  # every buffered graph is complete, even when the caller stopped early
