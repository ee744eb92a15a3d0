"""A kgbuild graph on a SPARQL server: the :class:`~kgbuild.graphstore.GraphStore` interface over HTTP.

``--store http://HOST:PORT`` (or :func:`open_store` with an ``http(s)://`` location) keeps the graph
on a SPARQL 1.1 server instead of an embedded pyoxigraph store. Oxigraph server is the default
target (``oxigraph serve --location DIR --bind 127.0.0.1:7878``: SPARQL Protocol at ``/query`` and
``/update``, Graph Store Protocol at ``/store``); the endpoint paths and the way a query asks for
the union default graph are constructor arguments, and :data:`FLAVORS` holds presets for Fuseki.

Writes keep the local store's guarantee that every article is complete or absent:

- an article graph is replaced by ONE SPARQL Update request, ``DROP SILENT GRAPH g ; INSERT DATA
  { GRAPH g { ... } }``, which Oxigraph (and Fuseki) apply in one transaction, so readers see the old
  or the new graph, never an empty or half-written one. (A Graph Store ``PUT`` is not atomic on
  Oxigraph server 0.5: it clears the graph and loads the body in two steps; ``writes="gsp"``
  selects it anyway, for servers without SPARQL Update.)
- a batch of graphs (:meth:`RemoteStore.batch_writer`) goes in one update request per batch, one
  transaction, so a batch is all-or-nothing;
- removal is one Graph Store ``DELETE``.

Because the graph IRI of an article and its content hash are fixed by the article, every write is
idempotent: a retried or duplicated task writes the same graph again (see docs/scale-out.md).

Queries go over the SPARQL Protocol with kgbuild's prefixes prepended, parameters bound as a
leading ``VALUES`` block (:func:`kgbuild.query.with_values`, exactly as the local store does) and,
as their default graph, the server's default graph once ``relink`` has made it the merged data
(:meth:`RemoteStore.rewrite_default_graph`: each triple once, as in the embedded store), else the
union of all graphs; results are parsed back into pyoxigraph objects
(``QuerySolutions``, ``QueryBoolean``, ``QueryTriples``), so callers cannot tell the backends apart.
"""

from __future__ import annotations

import io
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO, Any

import httpx
import pyoxigraph as ox

from .errors import QueryError, StoreError
from .graphstore import (
    ArticleState,
    BatchWriterBase,
    Dataset,
    GraphName,
    GraphStore,
    Output,
    StoreBase,
    Substitutions,
    default_graph_update,
    prefixes_for,
)
from .iris import DEFAULT_BASE_IRI, Iris
from .query import QueryResult, Term
from .store import Store
from .vocab import QUERY_PREFIXES

__all__ = ["FLAVORS", "RemoteBatchWriter", "RemoteStore", "is_remote", "open_store"]

#: Endpoint layouts of known servers: paths relative to the store URL, and the query-string
#: parameters that make a query's default graph the union of all graphs.
FLAVORS: dict[str, dict[str, Any]] = {
    # oxigraph serve --location DIR --bind HOST:PORT ; store URL http://HOST:PORT
    "oxigraph": {"query_path": "query", "update_path": "update", "gsp_path": "store", "dataset_path": "store",
                 "union_params": {"union-default-graph": ""}},
    # Fuseki with a TDB2 dataset ; store URL http://HOST:3030/DATASET (not tested here)
    "fuseki": {"query_path": "query", "update_path": "update", "gsp_path": "data", "dataset_path": "",
               "union_params": {"default-graph-uri": "urn:x-arq:UnionGraph"}},
}

_RESULTS_ACCEPT = ("application/sparql-results+json, application/n-triples;q=0.9, "
                   "application/sparql-results+xml;q=0.5, text/turtle;q=0.5")
_RESULT_FORMATS = {
    "application/sparql-results+json": ox.QueryResultsFormat.JSON,
    "application/json": ox.QueryResultsFormat.JSON,
    "application/sparql-results+xml": ox.QueryResultsFormat.XML,
    "text/tab-separated-values": ox.QueryResultsFormat.TSV,
}
_PROLOGUE = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in QUERY_PREFIXES.items())


def is_remote(location: str | Path | None) -> bool:
    """Whether ``location`` names a SPARQL server rather than a local directory.

    >>> is_remote("http://127.0.0.1:7878"), is_remote("kgbuild-store"), is_remote(None)
    (True, False, False)
    """
    return isinstance(location, str) and location.lower().startswith(("http://", "https://"))


def open_store(location: str | Path | None, *, read_only: bool = False, base_iri: str = DEFAULT_BASE_IRI,
               **remote_options: Any) -> GraphStore:
    """A :class:`RemoteStore` for an ``http(s)://`` URL, else the local :class:`Store` at ``location``.

    ``remote_options`` go to :class:`RemoteStore` (endpoint paths, ``flavor``, ``client``, ...).

    >>> open_store(None).count_quads() > 0   # in memory, with the ontology
    True
    """
    if is_remote(location):
        return RemoteStore(str(location), read_only=read_only, base_iri=base_iri, **remote_options)
    return Store(location, read_only=read_only, base_iri=base_iri)


class RemoteStore(StoreBase):
    """A kgbuild graph kept on a SPARQL 1.1 server (SPARQL Protocol + Graph Store Protocol).

    :param url: the server's base URL (``http://127.0.0.1:7878`` for Oxigraph; the dataset URL
        such as ``http://host:3030/kg`` for Fuseki). Endpoint paths are relative to it.
    :param read_only: refuse writes (queries only); the ontology is then not checked.
    :param base_iri: base of every data IRI (see :class:`kgbuild.iris.Iris`).
    :param flavor: a key of :data:`FLAVORS` giving the endpoint layout (default ``oxigraph``);
        ``query_path``, ``update_path``, ``gsp_path`` (the Graph Store endpoint; ``False``: none, use
        SPARQL only), ``dataset_path`` (where a ``GET`` returns the whole dataset as N-Quads;
        ``None``: read it with a SPARQL SELECT) and ``union_params`` override single entries.
    :param writes: ``"update"`` (one atomic SPARQL Update per graph or batch) or ``"gsp"``
        (Graph Store ``PUT`` per graph; not atomic on Oxigraph server).
    :param client: an ``httpx.Client`` to use (it is not closed by :meth:`close`).
    :param timeout: seconds per request when kgbuild makes its own client.
    :raises StoreError: the server cannot be reached or refuses the first request.
    """

    #: One update request per batch: fewer, larger requests than the embedded store's batches.
    BATCH_QUADS = 200_000

    def __init__(self, url: str, *, read_only: bool = False, base_iri: str = DEFAULT_BASE_IRI,
                 flavor: str = "oxigraph", query_path: str | None = None, update_path: str | None = None,
                 gsp_path: str | None | bool = None, dataset_path: str | None | bool = False,
                 union_params: Mapping[str, str] | None = None, writes: str = "update",
                 client: httpx.Client | None = None, timeout: float = 120.0) -> None:
        if flavor not in FLAVORS:
            raise StoreError(f"unknown server flavor {flavor!r}; known: {', '.join(FLAVORS)}", path=url)
        if writes not in ("update", "gsp"):
            raise StoreError(f"writes must be 'update' or 'gsp', not {writes!r}", path=url)
        layout = FLAVORS[flavor]
        self.url: str = url.rstrip("/")
        # given the query endpoint itself (http://host:7878/query), the store is the server above it
        if query_path is None and layout["query_path"] and self.url.endswith("/" + str(layout["query_path"])):
            self.url = self.url[: -len(str(layout["query_path"])) - 1]
        self.path = self.url
        self.read_only = read_only
        self.iris = Iris(base_iri)
        self.writes = writes
        self.query_url = self._endpoint(query_path if query_path is not None else layout["query_path"])
        self.update_url = self._endpoint(update_path if update_path is not None else layout["update_path"])
        gsp = layout["gsp_path"] if gsp_path is None else gsp_path
        self.gsp_url = self._endpoint(str(gsp)) if gsp is not False else None
        ds = layout["dataset_path"] if dataset_path is False else dataset_path
        self.dataset_url = None if ds is None else self._endpoint(str(ds))
        if writes == "gsp" and self.gsp_url is None:
            raise StoreError("writes='gsp' needs a Graph Store endpoint (gsp_path)", path=url)
        self.union_params = dict(layout["union_params"] if union_params is None else union_params)
        self._data_default = False  # the server's default graph holds the merged data (seen once: kept)
        self._own_client = client is None
        self._client = client if client is not None else httpx.Client(timeout=timeout)
        try:
            if read_only:
                self.query("ASK { }", union=False)  # fail now, with the URL, when nobody answers
            else:
                self.ensure_ontology()
        except BaseException:
            self.close()
            raise

    def _endpoint(self, path: str) -> str:
        if "://" in path:
            return path
        return f"{self.url}/{path.lstrip('/')}" if path else self.url

    def __repr__(self) -> str:
        return f"RemoteStore({self.url!r}, read_only={self.read_only})"

    # --- lifecycle ------------------------------------------------------------------------
    @property
    def backend(self) -> ox.Store:
        """Not available: there is no embedded pyoxigraph store behind a SPARQL server."""
        raise StoreError(
            "is a SPARQL server; this operation needs the embedded pyoxigraph store of a local --store "
            "(use the Store methods: quads, dump, query)",
            path=self.url,
        )

    def close(self) -> None:
        if self._own_client:
            self._client.close()

    def optimize(self) -> None:
        """Nothing to do: the server compacts its own files."""

    # --- HTTP -----------------------------------------------------------------------------
    def _send(self, method: str, url: str, *, error: type[Exception] = StoreError, **kwargs: Any) -> httpx.Response:
        """One request; a transport failure or an error status becomes a StoreError naming the URL."""
        try:
            response = self._client.request(method, url, **kwargs)
        except httpx.TimeoutException as e:
            raise StoreError(f"the SPARQL server did not answer in time ({type(e).__name__})", path=url) from e
        except httpx.HTTPError as e:
            raise StoreError(f"cannot reach the SPARQL server (is it running?): {e}", path=url) from e
        if response.status_code >= 400 and not (method in ("DELETE", "HEAD") and response.status_code == 404):
            raise _status_error(response, url, error)
        return response

    def _update(self, text: str) -> None:
        self._check_writable()
        self._send("POST", self.update_url, content=text.encode("utf-8"),
                   headers={"Content-Type": "application/sparql-update; charset=utf-8"})

    def _ask(self, sparql: str, *, union: bool = False) -> bool:
        result = self.query(sparql, union=union)
        return bool(result)

    # --- writing --------------------------------------------------------------------------
    def replace_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Make ``graph`` hold exactly ``quads``, atomically (one update request)."""
        self._check_writable()
        triples = [q.triple for q in quads]
        if self.writes == "gsp" and self.gsp_url is not None:
            body = ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b""
            self._send("PUT", self.gsp_url, params={"graph": graph.value}, content=body,
                       headers={"Content-Type": "application/n-triples"})
            return
        self._update(_replace_operations(graph, triples))

    def batch_writer(self, *, max_quads: int | None = None,
                     on_written: Callable[[ox.NamedNode], None] | None = None,
                     on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> RemoteBatchWriter:
        """A :class:`RemoteBatchWriter` on this store (use it as a context manager)."""
        return RemoteBatchWriter(self, max_quads=max_quads or self.BATCH_QUADS, on_written=on_written,
                                 on_failed=on_failed)

    def write_graph(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> int:
        """Write a new graph (one update request); returns how many quads."""
        quads = list(quads)
        self.replace_graph(graph, quads)
        return len(quads)

    def drop_graph(self, graph: ox.NamedNode) -> None:
        """Remove a graph nothing reads any more (the server does it in one request)."""
        self.remove_graph(graph)

    def named_graphs(self) -> list[ox.NamedNode]:
        """Every named graph on the server."""
        rows = self.select("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }", union=False)
        return [g for r in rows if isinstance(g := r.get("g"), ox.NamedNode)]

    def remove_graph(self, graph: ox.NamedNode) -> bool:
        """Remove a named graph and its quads; False when it was not there."""
        self._check_writable()
        if self.gsp_url is not None:
            response = self._send("DELETE", self.gsp_url, params={"graph": graph.value})
            return response.status_code != 404
        if not self.contains_graph(graph):
            return False
        self._update(f"DROP GRAPH {graph}")
        return True

    # --- reading --------------------------------------------------------------------------
    def article_state(self, article_id: str) -> ArticleState | None:
        """What the store holds about an article (content hash, extractor version, id, source key), or None."""
        g = self.iris.article_graph(article_id)
        a = self.iris.article(article_id)
        rows = list(self.select(
            f"SELECT ?h ?v ?id ?k WHERE {{ GRAPH {g} {{ {a} eo:contentHash ?h ; eo:extractorVersion ?v "
            "OPTIONAL { " + f"{a} eo:articleId ?id" + " } OPTIONAL { " + f"{a} eo:sourceKey ?k" + " } } } LIMIT 1",
            union=False,
        ))
        if not rows or "h" not in rows[0] or "v" not in rows[0]:
            return None
        row = rows[0]
        return ArticleState(row["h"].value, row["v"].value, row["id"].value if "id" in row else None,
                            row["k"].value if "k" in row else None)

    def article_graphs(self) -> list[ox.NamedNode]:
        prefix = ox.Literal(self.iris.article_graph("x").value[: -len("x")])
        rows = self.select(f"SELECT ?g WHERE {{ GRAPH ?g {{ }} FILTER(STRSTARTS(STR(?g), {prefix})) }}", union=False)
        return sorted((g for r in rows if isinstance(g := r.get("g"), ox.NamedNode)), key=lambda g: g.value)

    def contains_graph(self, graph: ox.NamedNode) -> bool:
        return self._ask(f"ASK {{ GRAPH {graph} {{ }} }}")

    def graph_count(self) -> int:
        """How many named graphs the server holds (articles, ontology, links, VoID)."""
        return self._count("SELECT (COUNT(DISTINCT ?g) AS ?n) WHERE { GRAPH ?g { } }")

    def has_subject(self, node: ox.NamedNode) -> bool:
        """Whether any quad has ``node`` as its subject."""
        return self._ask(f"ASK {{ {{ {node} ?p ?o }} UNION {{ GRAPH ?g {{ {node} ?p ?o }} }} }}")

    def count_quads(self) -> int:
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }")

    def _count(self, sparql: str) -> int:
        row = next(self.select(sparql, union=False), {})
        return int(row["n"].value) if "n" in row else 0

    def rewrite_default_graph(self, exclude: Iterable[ox.NamedNode]) -> int:
        """Make the server's default graph the named graphs' triples (but ``exclude``'s), each once,
        in one update request (one transaction); returns its triple count."""
        self._update(default_graph_update(exclude))
        self._data_default = True
        return self._count("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")

    def has_default_data(self) -> bool:
        """Whether the server's default graph holds the merged data (asked until it does, then kept)."""
        if not self._data_default:
            self._data_default = self._ask("ASK { ?s ?p ?o }", union=False)
        return self._data_default

    def _dataset_params(self, union: bool, dataset: Dataset | None) -> list[tuple[str, str]] | None:
        if dataset is not None:
            return [("default-graph-uri", g) for g in dataset[0]] + [("named-graph-uri", g) for g in dataset[1]]
        if union and self.has_default_data():
            return None  # the merged data: each triple once, where the union repeats it per graph
        return list(self.union_params.items()) if union else None

    def query(self, sparql: str, *, substitutions: Substitutions | None = None, union: bool = True,
              dataset: Dataset | None = None, base_iri: str | None = None) -> QueryResult:
        """Run a SPARQL query on the server (standard prefixes predeclared), parsed into pyoxigraph results.

        ``dataset`` (default graph IRIs, named graph IRIs) goes as the protocol's
        ``default-graph-uri`` and ``named-graph-uri`` and replaces the query's own dataset; ``base_iri`` goes as a ``BASE``.

        :raises QueryError: the server refuses the query (syntax, evaluation).
        :raises StoreError: the server cannot be reached or fails.
        """
        from .query import with_values

        text = _PROLOGUE + (with_values(sparql, substitutions) if substitutions else sparql)
        if base_iri is not None:
            text = f"BASE <{ox.NamedNode(base_iri).value}>\n{text}"
        response = self._send(
            "POST", self.query_url, error=QueryError,
            params=self._dataset_params(union, dataset),
            content=text.encode("utf-8"),
            headers={"Content-Type": "application/sparql-query; charset=utf-8", "Accept": _RESULTS_ACCEPT},
        )
        media = response.headers.get("content-type", "").split(";")[0].strip().lower()
        try:
            if media in _RESULT_FORMATS:
                return ox.parse_query_results(response.content, format=_RESULT_FORMATS[media])
            rdf = ox.RdfFormat.from_media_type(media) if media else None
            if rdf is not None:
                return _as_query_triples(response.content, rdf)
        except SyntaxError as e:
            raise StoreError(f"answered a query with unreadable {media}: {e}", path=self.query_url) from e
        raise StoreError(f"answered a query with unexpected content type {media or '(none)'}", path=self.query_url)

    def quads(self, graph: GraphName | None = None) -> Iterator[ox.Quad]:
        """Every quad of the dataset (``graph=None``) or of one graph, streamed from the server."""
        if graph is None and self.dataset_url is not None:
            return self._stream_quads(self.dataset_url, None, ox.RdfFormat.N_QUADS)
        if graph is None or self.gsp_url is None or isinstance(graph, ox.BlankNode):
            return self.quads_for_pattern(None, None, None, graph)
        if isinstance(graph, ox.DefaultGraph):
            return self._stream_quads(self.gsp_url, {"default": ""}, ox.RdfFormat.N_TRIPLES, graph)
        return self._stream_quads(self.gsp_url, {"graph": graph.value}, ox.RdfFormat.N_TRIPLES, graph)

    def _stream_quads(self, url: str, params: dict[str, str] | None, fmt: ox.RdfFormat,
                      graph: GraphName | None = None) -> Iterator[ox.Quad]:
        with self._stream(url, params, fmt) as reader:
            if reader is None:
                return
            for q in ox.parse(reader, format=fmt):
                yield q if graph is None else ox.Quad(q.subject, q.predicate, q.object, graph)

    def quads_for_pattern(self, subject: ox.NamedNode | ox.BlankNode | None, predicate: ox.NamedNode | None,
                          object: Term | None, graph: GraphName | None = None) -> Iterator[ox.Quad]:
        """The quads matching a pattern (``None`` matches anything; ``graph=None``: every graph), by SELECT.

        Bound terms are written in pyoxigraph's N-Triples form (a blank node matches any node, as
        in any SPARQL pattern).
        """
        s, p, o = (str(t) if t is not None else v for t, v in ((subject, "?s"), (predicate, "?p"), (object, "?o")))
        if graph is None:
            where = f"{{ {s} {p} {o} }} UNION {{ GRAPH ?g {{ {s} {p} {o} }} }}"
        elif isinstance(graph, ox.DefaultGraph):
            where = f"{s} {p} {o}"
        else:
            where = f"GRAPH {graph} {{ {s} {p} {o} }}"
        for r in self.select(f"SELECT * WHERE {{ {where} }}", union=False):
            g = r.get("g", graph if graph is not None else ox.DefaultGraph())
            yield ox.Quad(_subject(r.get("s", subject)), _predicate(r.get("p", predicate)), _object(r.get("o", object)),
                          _graph(g))

    def _stream(self, url: str, params: dict[str, str] | None, fmt: ox.RdfFormat) -> _Download:
        return _Download(self, url, params, fmt)

    def dump(self, output: Output = None, *, format: ox.RdfFormat, from_graph: GraphName | None = None) -> bytes | None:
        """Write the dataset (or ``from_graph``) to ``output`` (a path, a binary file, or None for bytes)."""
        if from_graph is None and not format.supports_datasets:
            raise ValueError(f"{format.name} cannot hold a dataset; give from_graph")
        if format == ox.RdfFormat.N_QUADS and from_graph is None and self.dataset_url is not None:
            with self._stream(self.dataset_url, None, format) as reader:  # the server's bytes, as they come
                return _write_stream(reader, output)
        if isinstance(output, Path):
            output = str(output)
        quads = self.quads(from_graph)
        if not format.supports_datasets:
            return ox.serialize((q.triple for q in quads), output, format, prefixes=prefixes_for(format))
        return ox.serialize(quads, output, format, prefixes=prefixes_for(format))


class RemoteBatchWriter(BatchWriterBase):
    """Buffers article graphs and writes each batch with ONE SPARQL Update request (one transaction).

    Same contract as :class:`kgbuild.store.BatchWriter`: ``put(graph, quads)`` takes a graph's
    complete quads; the buffer is sent when it holds ``max_quads`` quads, on ``flush()`` and on
    leaving the ``with`` block. ``on_written(graph)`` follows every stored graph,
    ``on_failed(graph, error)`` every graph of a failed batch (without it the error is raised).
    Nothing of a failed batch is on the server.
    """

    def __init__(self, store: RemoteStore, *, max_quads: int = RemoteStore.BATCH_QUADS,
                 on_written: Callable[[ox.NamedNode], None] | None = None,
                 on_failed: Callable[[ox.NamedNode, Exception], None] | None = None) -> None:
        super().__init__(store, max_quads=max_quads, on_written=on_written, on_failed=on_failed)
        self.store = store
        self._ops: list[str] = []
        self._graphs: list[ox.NamedNode] = []
        self._size = 0

    def put(self, graph: ox.NamedNode, quads: Iterable[ox.Quad]) -> None:
        """Store ``graph`` with exactly ``quads`` (at the next flush)."""
        triples = [q.triple for q in quads]  # a failing iterable fails here, before anything is buffered
        if self.store.writes == "gsp":
            quads_again = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
            self._write([graph], lambda: self.store.replace_graph(graph, quads_again))
            return
        self._ops.append(_replace_operations(graph, triples))
        self._graphs.append(graph)
        self._size += len(triples)
        if self._size >= self.max_quads:
            self.flush()

    def flush(self) -> None:
        """Send the buffered graphs now (one update request)."""
        if not self._graphs:
            return
        ops, graphs = self._ops, self._graphs
        self._ops, self._graphs, self._size = [], [], 0
        self._write(graphs, lambda: self.store._update(" ;\n".join(ops)))

    def _write(self, graphs: list[ox.NamedNode], send: Callable[[], None]) -> None:
        try:
            send()
        except StoreError as e:
            self._failed(graphs, e, path=self.store.url)
            return
        self._done(graphs)


# --- helpers -------------------------------------------------------------------------------
def _subject(term: object) -> ox.NamedNode | ox.BlankNode:
    if not isinstance(term, (ox.NamedNode, ox.BlankNode)):
        raise StoreError(f"answered a quad whose subject is {term!r}")
    return term


def _predicate(term: object) -> ox.NamedNode:
    if not isinstance(term, ox.NamedNode):
        raise StoreError(f"answered a quad whose predicate is {term!r}")
    return term


def _object(term: object) -> Term:
    if not isinstance(term, (ox.NamedNode, ox.BlankNode, ox.Literal)):
        raise StoreError(f"answered a quad whose object is {term!r}")
    return term


def _graph(term: object) -> GraphName:
    if not isinstance(term, (ox.NamedNode, ox.BlankNode, ox.DefaultGraph)):
        raise StoreError(f"answered a quad whose graph is {term!r}")
    return term

def _replace_operations(graph: ox.NamedNode, triples: list[ox.Triple]) -> str:
    """SPARQL Update operations that make ``graph`` hold exactly ``triples`` (an empty graph is kept)."""
    if not triples:
        return f"DROP SILENT GRAPH {graph} ;\nCREATE SILENT GRAPH {graph}"
    body = (ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES) or b"").decode("utf-8")
    return f"DROP SILENT GRAPH {graph} ;\nINSERT DATA {{ GRAPH {graph} {{\n{body}}} }}"


def _status_error(response: httpx.Response, url: str, error: type[Exception]) -> Exception:
    detail = " ".join(response.text.split())[:500] if response.content else response.reason_phrase
    if error is QueryError and response.status_code == 400:
        return QueryError(f"refused by {url}: {detail}")
    return StoreError(f"answered HTTP {response.status_code}: {detail}", path=url)


def _as_query_triples(body: bytes, fmt: ox.RdfFormat) -> ox.QueryTriples:
    """A CONSTRUCT/DESCRIBE answer as the ``QueryTriples`` the local store returns."""
    mem = ox.Store()
    mem.load(body, format=fmt, to_graph=ox.DefaultGraph())
    result = mem.query("CONSTRUCT WHERE { ?s ?p ?o }")
    assert isinstance(result, ox.QueryTriples)
    return result


class _Download:
    """``with`` a streamed GET: yields a binary reader over the body (None for a missing graph)."""

    def __init__(self, store: RemoteStore, url: str, params: dict[str, str] | None, fmt: ox.RdfFormat) -> None:
        self.store, self.url, self.params, self.fmt = store, url, params, fmt
        self._cm: Any = None

    def __enter__(self) -> IO[bytes] | None:
        try:
            self._cm = self.store._client.stream("GET", self.url, params=self.params,
                                                 headers={"Accept": self.fmt.media_type})
            response = self._cm.__enter__()
        except httpx.HTTPError as e:
            raise StoreError(f"cannot reach the SPARQL server (is it running?): {e}", path=self.url) from e
        if response.status_code == 404 and self.params and "graph" in self.params:
            return None
        if response.status_code >= 400:
            response.read()
            raise _status_error(response, self.url, StoreError)
        return io.BufferedReader(_ChunkReader(response.iter_bytes()), buffer_size=1 << 16)

    def __exit__(self, *exc: object) -> None:
        if self._cm is not None:
            self._cm.__exit__(None, None, None)


class _ChunkReader(io.RawIOBase):
    """A raw binary reader over an iterator of byte chunks."""

    def __init__(self, chunks: Iterator[bytes]) -> None:
        self._chunks = chunks
        self._buf = b""

    def readable(self) -> bool:
        return True

    def readinto(self, b: Any) -> int:
        while not self._buf:
            try:
                self._buf = next(self._chunks)
            except StopIteration:
                return 0
        n = min(len(b), len(self._buf))
        b[:n] = self._buf[:n]
        self._buf = self._buf[n:]
        return n


def _write_stream(reader: IO[bytes] | None, output: Any) -> bytes | None:
    if output is None:
        return reader.read() if reader is not None else b""
    if isinstance(output, (str, Path)):
        with open(output, "wb") as fh:
            return _write_stream(reader, fh)
    while reader is not None and (chunk := reader.read(1 << 16)):
        output.write(chunk)
    return None
