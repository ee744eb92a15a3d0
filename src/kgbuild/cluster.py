"""Extraction in worker processes: each worker parses its articles AND builds their quads.

Two runners share one task function, :func:`build_articles` (a batch of articles in, one
:class:`Outcome` per article out):

- :func:`local_outcomes` (``build --processes N``): a pool of N local processes; each returns
  its articles' graphs as N-Quads bytes, and the build's own process, which holds the embedded
  store's write lock, parses them (in Rust) and writes them in its batches. The parent no longer
  builds any quad in Python, which is what kept 2 processes under 1.6x one.
- :func:`cluster_outcomes` (``build --cluster local:N|tcp://HOST:PORT``): tasks on a Dask
  distributed cluster (``pip install 'kgbuild[dask]'``); each worker writes its articles' graphs
  itself to the shared SPARQL server (``--store http://HOST:PORT``), one update request per
  task, and returns only the outcomes.

Every task is idempotent: an article's graph IRI is fixed by its id, every graph is written
whole (``DROP SILENT GRAPH g ; INSERT DATA { GRAPH g { ... } }``, one transaction per batch) and
the build's start time is passed to every task as ``ingested_at``, so a retried or duplicated
task (a worker killed mid-run) writes byte-identical graphs. The driver
(:meth:`kgbuild.KnowledgeGraph.build`) reads the inputs, decides what to build, reports each
outcome as a local build does, and relinks once at the end.

Each worker process loads the spaCy pipeline once (:func:`worker_extractor`), on its first task.

>>> parse_cluster("local:2")
('local', 2)
>>> parse_cluster("tcp://10.0.0.5:8786")
('address', 'tcp://10.0.0.5:8786')
"""

from __future__ import annotations

import threading
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import datetime
from itertools import islice
from typing import Any

import pyoxigraph as ox

from .errors import KgbuildError, MissingDependency, ParameterError, StoreError
from .extract import DEFAULT_MODEL, Extractor
from .extract.language import UnsupportedLanguage
from .iris import Iris
from .model import Article
from .remote import RemoteStore
from .triples import RDF_VERSION, article_quads

__all__ = [
    "ExtractorSpec",
    "adopt_extractor",
    "Outcome",
    "build_articles",
    "cluster_outcomes",
    "local_outcomes",
    "parse_cluster",
    "worker_extractor",
]

#: Articles per task (the build passes its ``batch_size``): enough that a task's one update
#: request and its scheduling cost little beside ~50 ms of extraction per article, few enough to
#: spread over the workers.
TASK_ARTICLES = 16


@dataclass(frozen=True)
class ExtractorSpec:
    """Which extractor a worker loads: the spaCy model, the scorer artifact (a path every worker
    can read), whether to run the v1 rules alone, and the articles' language (``auto``: detected)."""

    model: str = DEFAULT_MODEL
    scorer: str | None = None
    rules: bool = False
    lang: str = "auto"


@dataclass(frozen=True)
class Outcome:
    """What became of one article in a worker.

    ``error`` is the failure line a local build reports (``extraction failed: ...``,
    ``not stored: ...``), else None; ``skipped`` says why an article was not extracted (its
    language), else None. ``nquads`` holds the article's graph when the worker did
    not write it itself (local processes); ``None`` when it was written to the server.
    """

    article_id: str
    missions: int = 0
    error: str | None = None
    nquads: bytes | None = None
    skipped: str | None = None


_EXTRACTORS: dict[ExtractorSpec, tuple[Extractor, threading.Lock]] = {}
_STORES: dict[tuple[str, str], RemoteStore] = {}
_CACHE_LOCK = threading.Lock()


def worker_extractor(spec: ExtractorSpec) -> tuple[Extractor, threading.Lock]:
    """This process's extractor for ``spec`` (made once; its model loads on first use), and the
    lock its users hold: a Dask worker with several threads runs one article batch at a time."""
    with _CACHE_LOCK:
        if spec not in _EXTRACTORS:
            _EXTRACTORS[spec] = (Extractor(spec.model, scorer=spec.scorer, learned=not spec.rules, lang=spec.lang),
                                 threading.Lock())
        return _EXTRACTORS[spec]


def adopt_extractor(spec: ExtractorSpec, extractor: Extractor) -> None:
    """Make ``extractor`` this process's extractor for ``spec``: local workers forked after this
    share its loaded pipeline (copy-on-write) instead of loading their own."""
    with _CACHE_LOCK:
        _EXTRACTORS.setdefault(spec, (extractor, threading.Lock()))


def _worker_store(url: str, base_iri: str) -> RemoteStore:
    with _CACHE_LOCK:
        if (url, base_iri) not in _STORES:
            _STORES[url, base_iri] = RemoteStore(url, base_iri=base_iri)
        return _STORES[url, base_iri]


def build_articles(articles: list[Article], *, spec: ExtractorSpec, base_iri: str, version: str,
                   ingested_at: datetime | None, store_url: str | None = None,
                   batch_size: int = 16) -> list[Outcome]:
    """Extract ``articles`` and build their graphs; one :class:`Outcome` per article, in order.

    With ``store_url`` the graphs are written to that SPARQL server in one update request (one
    transaction: the batch is stored whole or not at all, and a failed request is reported for
    each of its articles); without it each outcome carries its graph as N-Quads.

    :param version: the extractor and RDF versions the English graphs record (the driver's, so that
        every worker writes the same); a Russian article records the Russian extractor's version.
    :param ingested_at: the build's start time, the same for every task (a retry writes the same bytes).
    :raises StoreError: the server cannot be reached (the task fails, and the scheduler retries it).
    """
    extractor, lock = worker_extractor(spec)
    iris = Iris(base_iri)
    out: dict[str, Outcome] = {}
    graphs: dict[str, tuple[ox.NamedNode, list[ox.Quad], int]] = {}
    with lock:
        for article, result in extractor.pipe(articles, batch_size=batch_size):
            if isinstance(result, UnsupportedLanguage):
                out[article.id] = Outcome(article.id, skipped=result.note)
                continue
            if isinstance(result, BaseException):
                out[article.id] = Outcome(article.id, error=f"extraction failed: {type(result).__name__}: {result}")
                continue
            try:
                # a Russian article records the Russian extractor's version (``version`` is the English one's)
                recorded = version if extractor.language_of(article) == "en" else (
                    f"{extractor.version_of(article)} {RDF_VERSION}")
                quads = article_quads(article, result, iris=iris, extractor_version=recorded, ingested_at=ingested_at)
            except (KgbuildError, ValueError) as e:
                out[article.id] = Outcome(article.id, error=f"not stored: {e}")
                continue
            if store_url is None:
                out[article.id] = Outcome(article.id, len(result), nquads=ox.serialize(quads, format=ox.RdfFormat.N_QUADS))
            else:
                graphs[article.id] = (iris.article_graph(article.id), quads, len(result))
    if graphs and store_url is not None:
        by_graph = {g: article_id for article_id, (g, _, _) in graphs.items()}
        failures: dict[str, str] = {}

        def failed(graph: ox.NamedNode, error: Exception) -> None:
            failures[by_graph[graph]] = f"not stored: {error}"

        store = _worker_store(store_url, base_iri)
        # one request per task: RemoteBatchWriter sends when it holds BATCH_QUADS, ~1,000 articles
        with store.batch_writer(on_failed=failed) as writer:
            for graph, quads, _ in graphs.values():
                writer.put(graph, quads)
        unreachable = [f for f in failures.values() if "cannot reach" in f or "did not answer" in f]
        if unreachable:  # infrastructure, not the article: fail the task so that it is retried
            raise StoreError(unreachable[0], path=store_url)
        for article_id, (_, _, n) in graphs.items():
            error = failures.get(article_id)
            out[article_id] = Outcome(article_id, 0 if error else n, error=error)
    return [out[a.id] for a in articles]


# --- local processes ------------------------------------------------------------------------
def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    it = iter(articles)
    while batch := list(islice(it, size)):
        yield batch


def local_outcomes(articles: Iterable[Article], *, n_process: int, spec: ExtractorSpec, base_iri: str,
                   version: str, ingested_at: datetime | None, batch_size: int = 16,
                   task_articles: int = TASK_ARTICLES) -> Iterator[tuple[Article, Outcome]]:
    """Build ``articles`` in ``n_process`` local worker processes; ``(article, outcome)`` in input order.

    At most ``2 x n_process`` tasks are in flight, so the stream never holds the corpus. Each
    outcome carries the article's graph as N-Quads (the caller writes it).
    """
    import multiprocessing
    from concurrent.futures import Future, ProcessPoolExecutor

    if n_process < 1:
        raise ParameterError("n_process", n_process, "must be at least 1")
    # fork where there is one (as spaCy's own n_process does): a script without an
    # ``if __name__ == "__main__"`` guard keeps working; the children never touch the store
    methods = multiprocessing.get_all_start_methods()
    context = multiprocessing.get_context("fork" if "fork" in methods else "spawn")
    with ProcessPoolExecutor(max_workers=n_process, mp_context=context) as pool:
        inflight: deque[tuple[list[Article], Future[list[Outcome]]]] = deque()
        batches = _batches(articles, task_articles)
        while True:
            while len(inflight) < 2 * n_process and (batch := next(batches, None)) is not None:
                inflight.append((batch, pool.submit(build_articles, batch, spec=spec, base_iri=base_iri,
                                                    version=version, ingested_at=ingested_at,
                                                    batch_size=batch_size)))
            if not inflight:
                return
            batch, future = inflight.popleft()
            yield from zip(batch, future.result(), strict=True)


# --- Dask ----------------------------------------------------------------------------------
def parse_cluster(cluster: str) -> tuple[str, int | str]:
    """``local:N`` → ``("local", N)``; ``tcp://HOST:PORT`` (a running scheduler) → ``("address", it)``.

    :raises ParameterError: anything else.
    """
    text = cluster.strip()
    if text.startswith("local:"):
        n = text.removeprefix("local:")
        if n.isdigit() and 1 <= int(n) <= 256:
            return "local", int(n)
        raise ParameterError("cluster", cluster, "needs a worker count from 1 to 256 after local: (e.g. local:4)")
    if text.startswith(("tcp://", "tls://", "ws://", "wss://", "inproc://")) and len(text.split("://", 1)[1]) > 0:
        return "address", text
    raise ParameterError("cluster", cluster, "is neither local:N nor a scheduler address such as tcp://HOST:8786")


def _dask_client(cluster: Any) -> tuple[Any, list[Any]]:
    """A ``distributed.Client`` for ``cluster``, and what to close afterwards (our client, and
    the LocalCluster we started; nothing the caller owns)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError as e:
        raise MissingDependency("Dask (distributed)", "dask", "a --cluster build") from e
    if isinstance(cluster, Client):
        return cluster, []
    if hasattr(cluster, "scheduler_address"):  # a cluster object the caller owns (e.g. dask-jobqueue's SLURMCluster)
        client = Client(cluster)  # type: ignore[no-untyped-call]
        return client, [client]
    if not isinstance(cluster, str):
        raise ParameterError("cluster", cluster, "must be local:N, a scheduler address or a distributed.Client")
    kind, value = parse_cluster(cluster)
    if kind == "local":
        local = LocalCluster(n_workers=int(value), threads_per_worker=1, processes=True, dashboard_address=":0")  # type: ignore[no-untyped-call]
        client = Client(local)  # type: ignore[no-untyped-call]
        return client, [client, local]
    try:
        client = Client(str(value), timeout="30s")  # type: ignore[no-untyped-call]
        return client, [client]
    except OSError as e:
        raise ParameterError("cluster", cluster, f"no scheduler answers there: {e}") from e


def cluster_outcomes(articles: Iterable[Article], *, cluster: Any, store_url: str, spec: ExtractorSpec,
                     base_iri: str, version: str, ingested_at: datetime | None, batch_size: int = 16,
                     task_articles: int = TASK_ARTICLES, retries: int = 3) -> Iterator[tuple[Article, Outcome]]:
    """Build ``articles`` on a Dask cluster whose workers write to the server at ``store_url``.

    ``(article, outcome)`` pairs come as tasks finish (not in input order). At most
    ``4 x workers`` tasks are in flight. A task whose worker dies, or whose write cannot reach
    the server, is retried up to ``retries`` times (and the scheduler re-runs tasks of a lost
    worker); writes are idempotent, so a task that ran twice leaves one graph per article.

    :param cluster: ``local:N`` (a LocalCluster of N single-thread worker processes, closed at
        the end), ``tcp://HOST:PORT`` (a running scheduler), a ``distributed.Client``, or a
        cluster object (``LocalCluster``, dask-jobqueue's ``SLURMCluster``, ...; left running).
    :raises MissingDependency: Dask (``distributed``) is not installed: ``pip install 'kgbuild[dask]'``.
    :raises ParameterError: ``cluster`` is malformed or unreachable.
    :raises StoreError: a task failed after its retries.
    """
    batches = _batches(articles, task_articles)
    first = next(batches, None)
    if first is None:  # nothing to build: no cluster started
        return
    client, owned = _dask_client(cluster)
    try:
        from distributed import as_completed

        workers = max(1, len(client.scheduler_info().get("workers", {})))
        limit = 4 * workers
        pending: dict[Any, list[Article]] = {}

        def submit(batch: list[Article]) -> Any:
            future = client.submit(build_articles, batch, spec=spec, base_iri=base_iri, version=version,
                                   ingested_at=ingested_at, store_url=store_url, batch_size=batch_size,
                                   retries=retries, pure=False)
            pending[future] = batch
            return future

        done = as_completed([submit(first)] + [submit(b) for b in islice(batches, limit - 1)])  # type: ignore[no-untyped-call]
        for future in done:
            batch = pending.pop(future)
            try:
                outcomes = future.result()
            except KgbuildError:
                raise
            except Exception as e:  # a task that failed after its retries (e.g. KilledWorker)
                raise StoreError(f"a cluster task of {len(batch)} article(s), first {batch[0].id!r}, failed: "
                                 f"{type(e).__name__}: {e}; run the build again to finish it") from e
            for b in islice(batches, 1):
                done.add(submit(b))  # type: ignore[no-untyped-call]
            yield from zip(batch, outcomes, strict=True)
    finally:
        for thing in owned:
            thing.close()
