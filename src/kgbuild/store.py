"""The only module that talks to pyoxigraph's ``Store``: opening, writing article graphs, queries.

Writes are all-or-nothing per article: a new article graph is added with one ``extend`` and a
changed one is replaced by one multi-operation ``update`` (``DROP GRAPH``; ``INSERT DATA``),
both of which pyoxigraph applies atomically, so a crash leaves each article either complete
or absent (see TOOLING-NOTES: there is no transaction object in the Python API).

Many new article graphs at once (a build) go through :class:`BatchWriter`: their quads are
buffered and written with one ``bulk_extend`` per batch, about twice as fast as ``extend``
(which reads before every write). pyoxigraph's bulk loader builds the index files of the whole
call and ingests them in one RocksDB step, and an error while building leaves nothing, so
every article of a batch is still complete or absent.

Queries see the union of all named graphs as their default graph
(``use_default_graph_as_union=True``); a query that needs one article's statements names the
graph with ``GRAPH``.

:class:`Store` satisfies :class:`kgbuild.graphstore.GraphStore`, as :class:`kgbuild.remote.RemoteStore`
does; what the two share is in :mod:`kgbuild.graphstore`.
"""

from __future__ import annotations

import functools
import itertools
import os
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .errors import QueryError, StoreError, StoreInUseError
from .graphstore import (
    ONTOLOGY_GRAPH,
    ArticleState,
    BatchWriterBase,
    Dataset,
    GraphName,
    Output,
    StoreBase,
    Substitutions,
    prefixes_for,
)
from .iris import DEFAULT_BASE_IRI, Iris
from .query import QueryResult, Row, Term
from .vocab import EO, QUERY_PREFIXES

__all__ = [
    "DEFAULT_STORE",
    "ONTOLOGY_GRAPH",
    "STORE_ENV",
    "ArticleState",
    "BatchWriter",
    "Store",
    "default_store_path",
    "write_lock_held",
]

#: Where the embedded store lives unless ``--store`` or ``$KGBUILD_STORE`` say otherwise.
DEFAULT_STORE = "kgbuild-store"
STORE_ENV = "KGBUILD_STORE"
#: Flush RocksDB's in-memory write buffers after this many quads written: unflushed buffers grow
#: with the corpus (peak RSS of writing 10k articles: 1.3 GiB without, 0.26 GiB with; also faster).
FLUSH_EVERY_QUADS = 200_000
#: Triples per bulk step of :meth:`Store.rewrite_default_graph`.
DEFAULT_GRAPH_CHUNK = 25_000


def default_store_path() -> str:
    """``$KGBUILD_STORE`` if set, else ``./kgbuild-store``."""
    return os.environ.get(STORE_ENV) or DEFAULT_STORE


#: Run in a child process: exit 3 when another lock holder keeps ``argv[1]`` from being locked,
#: 0 when it could be locked (and is released again at exit), 2 when it cannot be opened.
_LOCK_PROBE = """
import fcntl, sys
try:
    fh = open(sys.argv[1], "rb+")
except OSError:
    sys.exit(2)
try:
    fcntl.lockf(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
except OSError:
    sys.exit(3)
"""


def write_lock_held(path: str | Path) -> bool | None:
    """Whether a process holds the write lock of the on-disk store at ``path``.

    RocksDB's lock is a POSIX record lock on ``path/LOCK``. pyoxigraph reports a held lock as a
    plain ``OSError`` (no errno, no subclass), so the cause is asked of the lock itself, from a
    child process: POSIX locks belong to a process, so a probe in this one would neither see a
    lock this process holds nor be safe (closing any descriptor of the file releases them).
    The child sees the lock of any other process and of this one. ``None``: it cannot be told
    (no ``LOCK`` file, no POSIX locks on this platform, the probe could not run).
    """
    lock = Path(path) / "LOCK"
    if not lock.is_file():
        return None
    try:
        code = subprocess.run([sys.executable, "-c", _LOCK_PROBE, str(lock)], capture_output=True,
                              timeout=30).returncode
    except (OSError, subprocess.SubprocessError):
        return None
    return {0: False, 3: True}.get(code)


#: how often a read-only snapshot is opened (or reopened for one read) before the error is raised
SNAPSHOT_ATTEMPTS = 5


def _table_gone(exc: BaseException | None) -> bool:
    """Whether ``exc`` (or an error it was raised from) is RocksDB not finding a table file."""
    while exc is not None:
        if isinstance(exc, (OSError, RuntimeError)) and "No such file or directory" in str(exc):
            return True
        exc = exc.__cause__
    return False


def _open_read_only(path: str, attempts: int = SNAPSHOT_ATTEMPTS) -> ox.Store:
    """``ox.Store.read_only``, again when a writer's compaction removed a table file between
    reading the manifest and opening the file (RocksDB then reports "Corruption: IO error: No such
    file"): the next manifest names the files that replaced it. Seen under load in the test suite."""
    for k in range(attempts):
        try:
            return ox.Store.read_only(path)
        except (OSError, RuntimeError) as exc:
            if not _table_gone(exc) or k == attempts - 1:
                raise
            time.sleep(0.05 * (k + 1))
    raise AssertionError("unreachable")


def _reopens(method: Callable[..., Any]) -> Callable[..., Any]:
    """Make a reading method of a read-only :class:`Store` survive the writer's compaction.

    A read-only snapshot is RocksDB's manifest as it was when it was opened, and RocksDB opens a
    table file only when a read first needs it. A writer's compaction meanwhile replaces table
    files and deletes the old ones, so a later read can find its file gone (``No such file or
    directory``; seen in the test suite under load, in ``graph_count`` after a ``summary``
    query had read other files). The method then runs again on a snapshot opened anew: the new
    manifest names the files that replaced the old ones, and they hold the same data or newer.
    A retry happens only while the method runs, before it returned anything, so it never repeats
    what a caller saw; the rows of a lazy result are covered by :meth:`Store.select`.
    """

    @functools.wraps(method)
    def run(self: Store, *args: Any, **kwargs: Any) -> Any:
        for k in range(SNAPSHOT_ATTEMPTS):
            try:
                return method(self, *args, **kwargs)
            except Exception as exc:
                if not (self.read_only and _table_gone(exc)) or k == SNAPSHOT_ATTEMPTS - 1:
                    raise
                self._reopen()
        raise AssertionError("unreachable")

    return run


class Store(StoreBase):
    """An on-disk (or, with ``path=None``, in-memory) pyoxigraph store holding a kgbuild graph.

    :param path: directory of the store; created if missing. ``None`` keeps it in memory.
    :param read_only: open a read-only snapshot (works while another process writes).
    :param base_iri: base of every data IRI (see :class:`kgbuild.iris.Iris`).
    :raises StoreInUseError: another process holds the write lock.
    :raises StoreError: the path cannot be opened as a store.

    >>> s = Store(None)
    >>> s.count_quads() > 0   # the ontology is loaded on open
    True
    """

    def __init__(self, path: str | Path | None = None, *, read_only: bool = False, base_iri: str = DEFAULT_BASE_IRI):
        self.path = None if path is None else str(path)
        self.read_only = read_only
        self.iris = Iris(base_iri)
        try:
            if self.path is None:
                self._store = ox.Store()
            elif read_only:
                if not Path(self.path).is_dir():
                    raise StoreError("no store here; build one first with `kgbuild build`", path=self.path)
                self._store = _open_read_only(self.path)
            else:
                p = Path(self.path)
                if p.exists() and not p.is_dir():
                    raise StoreError("exists and is not a directory", path=self.path)
                if p.is_dir() and any(p.iterdir()) and not (p / "CURRENT").exists():
                    raise StoreError(
                        "is a non-empty directory that is not a kgbuild store; choose another --store",
                        path=self.path,
                    )
                self._store = ox.Store(self.path)
        except OSError as e:
            if self.path is not None and not read_only and write_lock_held(self.path):
                raise StoreInUseError(
                    "is in use by another process (a build is running?); wait for it to finish; "
                    "the reading commands (query, sparql, facts, explain, export, summary, serve) work meanwhile",
                    path=self.path,
                ) from e
            raise StoreError(str(e), path=self.path) from e
        if not read_only:
            self.ensure_ontology()

    # --- lifecycle ------------------------------------------------------------------------
    @property
    def backend(self) -> ox.Store:
        """The underlying ``pyoxigraph.Store`` (for bulk work and tools that accept one)."""
        return self._store

    def close(self) -> None:
        if not self.read_only and self.path is not None:
            self._store.flush()
        del self._store

    def _reopen(self) -> None:
        """Open a read-only snapshot anew (see :func:`_reopens`)."""
        assert self.read_only and self.path is not None
        self._store = _open_read_only(self.path)

    # --- writing --------------------------------------------------------------------------
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, atomically."""
        self._check_writable()
        quads = list(quads)
        if not self._store.contains_named_graph(graph):
            self._store.extend(quads)  # all-or-nothing
            if not quads:
                self._store.add_graph(graph)
        else:
            body = ox.serialize([ox.Triple(q.subject, q.predicate, q.object) for q in quads],
                                format=ox.RdfFormat.N_TRIPLES)
            text = body.decode() if body else ""
            self._store.update(f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{text}}} }}")
        self._written(len(quads))

    def _update(self, text: str) -> None:
        self._store.update(text)

    def _written(self, n: int) -> None:
        """Count written quads; flush the write buffers to disk every :data:`FLUSH_EVERY_QUADS`."""
        self._unflushed = getattr(self, "_unflushed", 0) + n
        if self._unflushed >= FLUSH_EVERY_QUADS and self.path is not None:
            self._store.flush()
            self._unflushed = 0

    def batch_writer(self, *, max_quads: int | None = None,
                     on_written: Callable[[ox.NamedNode], None] | None = None,
                     on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> BatchWriter:
        """A :class:`BatchWriter` on this store (use it as a context manager).

        >>> s = Store(None)
        >>> g = s.iris.article_graph("a.txt")
        >>> s.replace_graphs([(g, [ox.Quad(s.iris.article("a.txt"), ox.NamedNode("https://e.org/p"), ox.Literal("1"), g)])])
        1
        """
        return BatchWriter(self, max_quads=max_quads or self.BATCH_QUADS, on_written=on_written, on_failed=on_failed)

    def optimize(self) -> None:
        """Compact the on-disk files (after a large build: bulk-written batches leave many small
        files that every read must visit; measured 1.6x slower queries before compacting)."""
        self._check_writable()
        self._store.optimize()

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph and its quads; False when it was not there."""
        self._check_writable()
        if not self._store.contains_named_graph(graph):
            return False
        self._store.remove_graph(graph)
        return True

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad], *, chunk: int = 25_000) -> int:
        """Write a new graph's quads in bulk steps of ``chunk`` quads; returns how many.

        Little memory: one transaction holds all its writes (190k quads: +170 MB), one
        ``bulk_extend`` of them all +127 MB, chunks of 25k a few MB. Not a transaction: callers
        that need the graph complete switch to it afterwards (see :mod:`kgbuild.listing`).

        :raises StoreError: the graph already exists.
        """
        self._check_writable()
        if self._store.contains_named_graph(graph):
            raise StoreError(f"graph {graph} exists already; write_graph only writes new graphs", path=self.path)
        it, n = iter(quads), 0
        while batch := list(itertools.islice(it, chunk)):
            self._store.bulk_extend(batch)
            n += len(batch)
            self._written(len(batch))
        self._store.add_graph(graph)
        return n

    def drop_graph(self, graph: ox.NamedNode, *, chunk: int = 20_000) -> None:
        """Remove a graph in steps of ``chunk`` quads (one transaction holds all its deletions in
        memory: 165 MB for 190k quads). Not atomic: for graphs nothing reads any more."""
        self._check_writable()
        while True:
            batch = [ox.Triple(q.subject, q.predicate, q.object)
                     for q in itertools.islice(self._store.quads_for_pattern(None, None, None, graph), chunk)]
            if not batch:
                break
            body = (ox.serialize(batch, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
            self._store.update(f"DELETE DATA {{ GRAPH {graph} {{\n{body}}} }}")
            if self.path is not None:
                self._store.flush()  # tombstones fill the write buffers: 181k deletions held +116 MB
        if self._store.contains_named_graph(graph):
            self._store.remove_graph(graph)

    @_reopens
    def named_graphs(self) -> list[ox.NamedNode]:
        """Every named graph of the store."""
        return [g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode)]

    # --- reading --------------------------------------------------------------------------
    @_reopens
    def article_state(self, article_id: str) -> ArticleState | None:
        """What the store holds about an article (content hash, extractor version, id, source key), or None."""
        g = self.iris.article_graph(article_id)
        a = self.iris.article(article_id)

        def value(prop: ox.NamedNode) -> str | None:
            q = next(iter(self._store.quads_for_pattern(a, prop, None, g)), None)
            return q.object.value if q is not None and isinstance(q.object, ox.Literal) else None

        h, v = value(EO.contentHash), value(EO.extractorVersion)
        if h is None or v is None:
            return None
        return ArticleState(h, v, value(EO.articleId), value(EO.sourceKey))

    @_reopens
    def article_graphs(self) -> list[ox.NamedNode]:
        prefix = self.iris.article_graph("x").value[: -len("x")]
        return sorted(
            (g for g in self._store.named_graphs() if isinstance(g, ox.NamedNode) and g.value.startswith(prefix)),
            key=lambda g: g.value,
        )

    @_reopens
    def contains_graph(self, graph: ox.NamedNode) -> bool:
        return bool(self._store.contains_named_graph(graph))

    @_reopens
    def graph_count(self) -> int:
        """How many named graphs the store holds (articles, ontology, links, VoID)."""
        return sum(1 for _ in self._store.named_graphs())

    @_reopens
    def has_subject(self, node: ox.NamedNode) -> bool:
        """Whether any quad has ``node`` as its subject."""
        return next(iter(self._store.quads_for_pattern(node, None, None)), None) is not None

    @_reopens
    def count_quads(self) -> int:
        return len(self._store)

    def rewrite_default_graph(self, exclude: Iterable[ox.NamedNode], *, chunk: int = DEFAULT_GRAPH_CHUNK) -> int:
        """Make the default graph the named graphs' triples (but ``exclude``'s), each once; returns its size.

        Written in bulk steps of ``chunk`` triples, then the triples no named graph but
        ``exclude``'s holds any more are removed, so memory stays flat as the store grows: one
        update (:func:`~kgbuild.graphstore.default_graph_update`) holds every write in memory,
        and took a build of 200,000 tiny articles from 234 MB to 1.7 GB. Not one atomic step:
        meanwhile a reader may see a removed article's triples, never miss one; an interrupted
        rewrite is completed by the next one (every build ends with a relink).
        """
        self._check_writable()
        skip = set(exclude)
        default = ox.DefaultGraph()
        data = (ox.Quad(q.subject, q.predicate, q.object, default)
                for q in self._store.quads_for_pattern(None, None, None, None)
                if isinstance(q.graph_name, ox.NamedNode) and q.graph_name not in skip)
        while batch := list(itertools.islice(data, chunk)):
            self._store.bulk_extend(batch)  # a triple already there stays as it is
        kept = " && ".join(f"?g != {g}" for g in skip) or "true"
        stale = f"SELECT ?s ?p ?o WHERE {{ ?s ?p ?o FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER({kept}) }} }}"
        while True:
            rows = self._store.query(stale)
            assert isinstance(rows, ox.QuerySolutions)
            gone = [ox.Quad(r[0], r[1], r[2], default) for r in itertools.islice(rows, chunk)]
            if not gone:
                break
            for q in gone:
                self._store.remove(q)
        if self.path is not None:
            self._store.flush()
        return sum(1 for _ in self._store.quads_for_pattern(None, None, None, default))

    @_reopens
    def has_default_data(self) -> bool:
        return next(iter(self._store.quads_for_pattern(None, None, None, ox.DefaultGraph())), None) is not None

    @_reopens
    def query(self, sparql: str, *, substitutions: Substitutions | None = None, union: bool = True,
              dataset: Dataset | None = None, base_iri: str | None = None) -> QueryResult:
        """Run a SPARQL query (with the standard prefixes predeclared).

        ``substitutions`` bind variables to RDF terms (pyoxigraph's ``substitutions=``: initial
        bindings, never text). pyoxigraph plans the query before binding, so the prepared queries
        start from their parameters' patterns (``LATERAL`` joins): measured on 1k articles,
        missions-in-country 10 ms this way against 162 ms with a leading ``VALUES`` block.

        ``union`` asks for every data triple as the default graph: the store's default graph
        when it holds the merged data (:func:`kgbuild.export.refresh_default_graph`, each triple
        once), else (a store not relinked since kgbuild 0.8) the union of all graphs, in which
        pyoxigraph ignores the query's ``FROM`` clauses, so a caller passes ``union=False`` for a
        query that has them. ``GRAPH`` reaches every named graph either way.
        ``dataset`` (default graph IRIs, named graph IRIs) replaces the query's dataset, as the
        SPARQL Protocol's ``default-graph-uri`` and ``named-graph-uri`` do. ``base_iri`` resolves
        the query's relative IRIs (the endpoint's URL, for a query sent over HTTP).

        :raises QueryError: the query does not parse or fails.
        """
        extra: dict[str, object] = {}
        if union and self.has_default_data():
            union = False  # the derived data default graph: each triple once, not once per graph
        try:
            if dataset is not None:
                extra = {"default_graph": [ox.NamedNode(g) for g in dataset[0]],
                         "named_graphs": [ox.NamedNode(g) for g in dataset[1]]}
                union = False
            return self._store.query(
                sparql,
                base_iri=base_iri,
                prefixes=QUERY_PREFIXES,
                use_default_graph_as_union=union,
                substitutions=dict(substitutions) if substitutions else None,
                **extra,  # type: ignore[arg-type]
            )
        except SyntaxError as e:
            raise QueryError(f"syntax error: {e}") from e
        except (OSError, RuntimeError, ValueError) as e:
            raise QueryError(str(e)) from e

    def select(self, sparql: str, *, substitutions: Substitutions | None = None,
               union: bool = True) -> Iterator[Row]:
        """Rows of a SELECT query as dicts of bound terms.

        On a read-only snapshot, a query whose table file a writer's compaction removed before
        the first row runs again on a snapshot opened anew (see :func:`_reopens`); after rows
        were given, it raises :class:`StoreError`, since the rest would come from another state.

        :raises QueryError: the query fails or is not a SELECT.
        """
        rows = super().select(sparql, substitutions=substitutions, union=union)
        return self._snapshot_rows(rows, lambda: super(Store, self).select(
            sparql, substitutions=substitutions, union=union)) if self.read_only else rows

    def _snapshot_rows(self, rows: Iterator[Row], again: Callable[[], Iterator[Row]]) -> Iterator[Row]:
        for k in range(SNAPSHOT_ATTEMPTS):
            given = False
            try:
                for row in rows:
                    given = True
                    yield row
                return
            except Exception as exc:
                if not _table_gone(exc) or k == SNAPSHOT_ATTEMPTS - 1:
                    raise
                if given:
                    raise StoreError("a writer compacted the store while this read-only snapshot read it; "
                                     "open it again and repeat the query", path=self.path) from exc
                self._reopen()
                rows = again()

    def dump(self, output: Output = None, *, format: ox.RdfFormat, from_graph: GraphName | None = None) -> bytes | None:
        """Write the dataset (or ``from_graph``) to ``output`` (a path, a binary file, or None for bytes)."""
        if isinstance(output, Path):
            output = str(output)
        return self._store.dump(output, format, from_graph=from_graph, prefixes=prefixes_for(format))

    def quads(self, graph: GraphName | None = None) -> Iterator[ox.Quad]:
        """Every quad of the store (``graph=None``) or of one graph."""
        return self.quads_for_pattern(None, None, None, graph)

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None, predicate: ox.NamedNode | None,
                          object: Term | None, graph: GraphName | None = None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (``None`` matches anything; ``graph=None``: every graph)."""
        return iter(self._store.quads_for_pattern(subject, predicate, object, graph))


class BatchWriter(BatchWriterBase):
    """Buffers new article graphs and writes them with one ``bulk_extend`` per batch.

    ``put(graph, quads)`` takes the graph's complete quads. A graph not in the store (and not
    already buffered) is buffered; when the buffer holds ``max_quads`` quads, on ``flush()`` and
    on leaving the ``with`` block, the buffer is written in one all-or-nothing bulk step (below
    :attr:`SMALL_QUADS` quads, one ``extend`` transaction: RocksDB's bulk ingestion costs
    0.1-0.2 s at 10k articles however few quads it takes, a transaction of one article's ~200
    quads a few milliseconds). A graph
    that already exists (a changed article) is first flushed behind the buffer, then replaced
    on its own with :meth:`Store.replace_graph`, so the order of writes is kept.

    ``on_written(graph)`` is called once a graph is stored; ``on_failed(graph, error)`` for
    every graph of a batch that could not be written (without ``on_failed`` the error is
    raised). Nothing of a failed batch is in the store.

    >>> s = Store(None)
    >>> g = s.iris.article_graph("a.txt")
    >>> with s.batch_writer() as w:
    ...     w.put(g, [ox.Quad(s.iris.article("a.txt"), ox.NamedNode("https://e.org/p"), ox.Literal("1"), g)])
    >>> w.written, len(list(s.quads(g)))
    (1, 1)
    """

    #: fewer buffered quads than this are written in one transaction (``extend``), not in bulk
    SMALL_QUADS = 5_000

    def __init__(self, store: Store, *, max_quads: int = Store.BATCH_QUADS,
                 on_written: Callable[[ox.NamedNode], None] | None = None,
                 on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> None:
        super().__init__(store, max_quads=max_quads, on_written=on_written, on_failed=on_failed)
        self.store = store
        self._quads: list[ox.Quad] = []
        self._graphs: dict[ox.NamedNode, bool] = {}  # buffered graph -> it has no quads

    def put(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Store ``graph`` with exactly ``quads`` (now or at the next flush)."""
        quads = list(quads)  # a failing iterable fails here, before anything is buffered
        if graph in self._graphs or self.store.backend.contains_named_graph(graph):
            self.flush()
            try:
                self.store.replace_graph(graph, quads)
            except (OSError, ValueError, RuntimeError, SyntaxError) as e:
                self._failed([graph], e, path=self.store.path)
                return
            self._done([graph])
            return
        self._quads.extend(quads)
        self._graphs[graph] = not quads
        if len(self._quads) >= self.max_quads:
            self.flush()

    def flush(self) -> None:
        """Write the buffered graphs now (one bulk step)."""
        if not self._graphs:
            return
        graphs, quads = self._graphs, self._quads
        self._graphs, self._quads = {}, []
        backend = self.store.backend
        try:
            if len(quads) >= self.SMALL_QUADS:
                backend.bulk_extend(quads)
            elif quads:  # a few graphs: a bulk step costs 0.1-0.2 s whatever its size at 10k articles
                backend.extend(quads)
            for g, empty in graphs.items():
                if empty:
                    backend.add_graph(g)
        except (OSError, ValueError, RuntimeError) as e:
            self._failed(list(graphs), e, path=self.store.path)
            return
        self._done(list(graphs))
