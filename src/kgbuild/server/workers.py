"""Query workers: processes the server can kill, so a slow query cannot take it down.

pyoxigraph has no query timeout or cancellation (TOOLING-NOTES), so every query runs in one of a
small pool of worker processes, each holding its own read-only snapshot of the store. The parent
sends a job over a pipe and waits at most ``timeout`` seconds; past that it kills the worker,
starts a fresh one in its place and answers 504. A worker that dies (e.g. out of memory) is
replaced the same way.

Jobs are plain tuples ``(kind, payload)``; answers are :class:`Answer` or :class:`Failure`.

>>> fmt = negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+json")
>>> fmt.media_type
'application/sparql-results+json'
"""

from __future__ import annotations

import asyncio
import json
import multiprocessing as mp
import threading
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from typing import Any

import pyoxigraph as ox

__all__ = [
    "RDF_FORMATS",
    "RESULT_FORMATS",
    "Answer",
    "Failure",
    "NotAcceptable",
    "WorkerPool",
    "negotiate",
    "query_form",
]

#: SELECT/ASK result formats by short name (the ``format=`` parameter), in preference order.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
#: CONSTRUCT/DESCRIBE formats by short name, in preference order.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_ALIASES = {
    # media types clients commonly send for the same formats
    "application/json": "json",
    "application/sparql-results+json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
}
#: ``format=`` names that mean an RDF format for CONSTRUCT/DESCRIBE (what SPARQLWrapper and others send)
_RDF_ALIASES = {"xml": "rdfxml", "rdf": "rdfxml", "json": "jsonld", "json-ld": "jsonld", "n3": "turtle", "ttl": "turtle",
                "nt": "ntriples", "n-triples": "ntriples"}
_ASK_FORMATS = ("json", "xml")  # CSV/TSV have no boolean form in pyoxigraph; JSON/XML are the standard


class NotAcceptable(Exception):
    """No format the client accepts fits the query form (HTTP 406)."""


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str

    @property
    def is_rdf(self) -> bool:
        return self.name in RDF_FORMATS


def _format(name: str) -> Format:
    f = RESULT_FORMATS.get(name) or RDF_FORMATS[name]
    return Format(name, f.media_type)


def query_form(code: str) -> str:
    """SELECT, ASK, CONSTRUCT or DESCRIBE: the first form keyword of query text already passed
    through :func:`kgbuild.query.code_only` (no comments, strings or IRIs)."""
    import re

    m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", code, re.I)
    return m.group(1).upper() if m else "SELECT"


def negotiate(form: str, accept: str | None, fmt: str | None = None) -> Format:
    """The response format for a query ``form`` from a ``format=`` name or an Accept header.

    :raises NotAcceptable: nothing acceptable (names what is offered).
    """
    offered = list(RDF_FORMATS) if form in ("CONSTRUCT", "DESCRIBE") else (
        list(_ASK_FORMATS) if form == "ASK" else list(RESULT_FORMATS)
    )
    if fmt:
        name = _ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
        if form in ("CONSTRUCT", "DESCRIBE"):
            name = _RDF_ALIASES.get(name, name)
        if name not in offered:
            raise NotAcceptable(f"format {fmt!r} is not offered for {form} queries; offered: {', '.join(offered)}")
        return _format(name)
    if not accept or not accept.strip():
        return _format(offered[0])
    prefs: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        mt, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if mt and q > 0:
            prefs.append((q, -i, mt))
    for _q, _, mt in sorted(prefs, reverse=True):
        if mt in ("*/*", "application/*", "text/*"):
            cands = [n for n in offered if _format(n).media_type.startswith(mt[:-1]) or mt == "*/*"]
            if cands:
                return _format(cands[0])
            continue
        name = _ALIASES.get(mt)
        if name in offered:
            return _format(name)
    offered_types = ", ".join(_format(n).media_type.split(";")[0] for n in offered)
    raise NotAcceptable(f"none of the accepted types fits a {form} query; offered: {offered_types}")


@dataclass
class Answer:
    """A finished query: the body and its media type; ``truncated`` when rows beyond the cap were cut."""

    body: bytes
    media_type: str
    truncated: bool = False
    rows: int = 0


@dataclass
class Failure:
    """A job that failed: the HTTP status, a short title and the detail for the error body."""

    status: int
    title: str
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)


# --- inside the worker process ------------------------------------------------------------------
def _json_term(t: Any) -> dict[str, Any]:
    if isinstance(t, ox.NamedNode):
        return {"type": "uri", "value": t.value}
    if isinstance(t, ox.BlankNode):
        return {"type": "bnode", "value": t.value}
    if isinstance(t, ox.Literal):
        d: dict[str, Any] = {"type": "literal", "value": t.value}
        if t.language:
            d["xml:lang"] = t.language
        elif t.datatype and t.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            d["datatype"] = t.datatype.value
        return d
    if isinstance(t, ox.Triple):
        return {"type": "triple", "value": {k: _json_term(getattr(t, k)) for k in ("subject", "predicate", "object")}}
    return {"type": "literal", "value": str(t)}


def serialize_result(result: Any, fmt: Format, max_rows: int) -> Answer:
    """Serialize a pyoxigraph result in ``fmt``, keeping at most ``max_rows`` rows (or triples).

    Rows are taken lazily from the result, so a huge result costs only ``max_rows + 1`` rows.
    """
    from ..vocab import PREFIXES

    if isinstance(result, ox.QueryBoolean):
        name = fmt.name if fmt.name in _ASK_FORMATS else "json"
        return Answer(result.serialize(format=RESULT_FORMATS[name]), _format(name).media_type, rows=1)
    if isinstance(result, ox.QueryTriples):
        name = fmt.name if fmt.is_rdf else "turtle"
        triples = []
        for t in result:
            if len(triples) == max_rows:
                return _rdf_answer(triples, name, PREFIXES, truncated=True)
            triples.append(t)
        return _rdf_answer(triples, name, PREFIXES, truncated=False)
    name = fmt.name if not fmt.is_rdf else "json"
    names = [v.value for v in result.variables]
    bindings = []
    truncated = False
    for sol in result:
        if len(bindings) == max_rows:
            truncated = True
            break
        bindings.append({n: _json_term(sol[n]) for n in names if sol[n] is not None})
    doc = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}).encode()
    if name == "json":
        body = doc
    else:  # re-read with pyoxigraph and let its serializer write the other formats
        body = ox.parse_query_results(doc, ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[name])
    return Answer(body or b"", _format(name).media_type, truncated, len(bindings))


def _rdf_answer(triples: list[Any], name: str, prefixes: dict[str, str], *, truncated: bool) -> Answer:
    kwargs: dict[str, Any] = {"format": RDF_FORMATS[name]}
    if name in ("turtle", "rdfxml"):
        kwargs["prefixes"] = prefixes
    body = ox.serialize(triples, **kwargs) or b""
    return Answer(body, _format(name).media_type, truncated, len(triples))


def _worker_main(conn: Connection, store_path: str, base_iri: str) -> None:
    """Serve jobs from ``conn`` until it closes: one read-only snapshot, one job at a time."""
    from ..api import KnowledgeGraph
    from . import jobs

    try:
        kg = KnowledgeGraph(store_path, read_only=True, base_iri=base_iri)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which shows it
        conn.send(Failure(503, "Service Unavailable", f"the store cannot be opened: {e}"))
        return
    conn.send("ready")
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            out = jobs.run(kg, job)
        except Exception as e:  # noqa: BLE001 - every failure goes back as a Failure
            out = jobs.failure_for(e)
        try:
            conn.send(out)
        except Exception as e:  # noqa: BLE001 - e.g. an unpicklable result
            conn.send(Failure(500, "Internal Server Error", f"cannot send the result: {e}"))


# --- in the server process ----------------------------------------------------------------------
class _Worker:
    def __init__(self, ctx: Any, store_path: str, base_iri: str) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path, base_iri), daemon=True)
        self.proc.start()
        child.close()

    def wait_ready(self, timeout: float) -> Failure | None:
        if not self.conn.poll(timeout):
            return Failure(503, "Service Unavailable", f"a query worker did not start within {timeout:.0f} s")
        msg = self.conn.recv()
        return None if msg == "ready" else msg

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class WorkerPool:
    """``size`` worker processes over the store at ``store_path``; :meth:`run` sends them jobs.

    :param timeout: seconds a job may take before its worker is killed and replaced (HTTP 504).
    """

    def __init__(self, store_path: str, *, base_iri: str, size: int = 2, timeout: float = 10.0,
                 start_timeout: float = 60.0) -> None:
        self.store_path, self.base_iri = str(store_path), base_iri
        self.size, self.timeout, self.start_timeout = size, timeout, start_timeout
        self._ctx = mp.get_context("spawn")  # no fork: the server runs threads
        self._idle: asyncio.Queue[_Worker] | None = None
        self._threads = ThreadPoolExecutor(max_workers=size + 1, thread_name_prefix="kgbuild-query")
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self.replaced = 0

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store_path, self.base_iri)
        problem = w.wait_ready(self.start_timeout)
        if problem is not None:
            w.kill()
            raise RuntimeError(problem.detail)
        with self._lock:
            self._all.add(w)
        return w

    async def start(self) -> None:
        """Start the workers (each opens the store); raises RuntimeError when the store cannot be opened."""
        loop = asyncio.get_running_loop()
        self._idle = asyncio.Queue()
        workers = await asyncio.gather(*(loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size)))
        for w in workers:
            self._idle.put_nowait(w)

    async def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.kill()
        self._threads.shutdown(wait=False, cancel_futures=True)

    def _call(self, w: _Worker, job: Any, timeout: float) -> tuple[str, Any]:
        """Send a job and wait for its answer: ("ok", answer), ("timeout", None) or ("dead", None)."""
        try:
            w.conn.send(job)
            if not w.conn.poll(timeout):
                return "timeout", None
            return "ok", w.conn.recv()
        except (EOFError, OSError):
            return "dead", None

    async def run(self, job: Any, *, timeout: float | None = None) -> Answer | Failure | Any:
        """Run ``job`` on an idle worker; a timed-out or dead worker is replaced and a Failure returned."""
        assert self._idle is not None, "WorkerPool.start() first"
        limit = self.timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        try:
            w = await asyncio.wait_for(self._idle.get(), timeout=limit)
        except TimeoutError:
            return Failure(503, "Service Unavailable", f"all {self.size} query workers stayed busy for {limit:g} s; retry later")
        state, out = await loop.run_in_executor(self._threads, self._call, w, job, limit)
        if state == "ok":
            self._idle.put_nowait(w)
            return out
        self._replace(w, loop)
        if state == "dead":
            return Failure(500, "Internal Server Error", f"the query worker died (exit code {w.proc.exitcode})")
        return Failure(504, "Gateway Timeout", f"the query ran longer than {limit:g} s and was stopped")

    def _replace(self, w: _Worker, loop: asyncio.AbstractEventLoop) -> None:
        with self._lock:
            self._all.discard(w)
        w.kill()
        self.replaced += 1

        def spawn_and_return() -> None:
            try:
                nw = self._spawn()
            except RuntimeError:
                return
            loop.call_soon_threadsafe(self._idle.put_nowait, nw)  # type: ignore[union-attr]

        self._threads.submit(spawn_and_return)

    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.proc.is_alive())

