"""Queries run where a crash, a runaway allocation or a stray SERVICE cannot hurt the caller.

pyoxigraph has no query timeout or cancellation, evaluates long flat queries (thousands of
``BIND``\\ s or ``UNION``\\ s) recursively, and calls any ``SERVICE`` URL it is given
(TOOLING-NOTES). On the 8 MiB stack of a main thread, 3,000 flat ``BIND``\\ s end the process with
a segmentation fault; on a 256 MiB stack 3,000 fit, 10,000 still do not. So whatever runs a
query from text it did not write runs it in a child process, confined by :func:`confine`:

- its data segment is capped (``RLIMIT_DATA``, :attr:`WorkerLimits.memory_mb`): a query that
  needs more makes the engine's allocation fail and the child end;
- unless SERVICE is allowed, it moves into a network namespace of its own (Linux, when the
  kernel lets an unprivileged user do so): no socket can reach any host;
- the query runs on a thread with a :data:`JOB_STACK` stack.

The server's query workers (:mod:`kgbuild.server.workers`) are such children, kept in a pool;
:func:`run_sparql` is the one-shot form that ``kgbuild sparql`` uses: a crash, the memory cap or
the timeout becomes a :class:`~kgbuild.errors.QueryError` naming what happened.

>>> from kgbuild.api import KnowledgeGraph
>>> import tempfile, os
>>> path = os.path.join(tempfile.mkdtemp(), "store")
>>> KnowledgeGraph(path).close()
>>> run_sparql(path, "ASK { GRAPH ?g { ?s a owl:Ontology } }")
True
"""

from __future__ import annotations

import ctypes
import multiprocessing as mp
import os
import signal
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pyoxigraph as ox

from .api import KnowledgeGraph
from .errors import KgbuildError, QueryError, QueryRefused, StoreError
from .iris import DEFAULT_BASE_IRI
from .query import Row, check_read_only
from .remote import is_remote

__all__ = ["JOB_STACK", "SparqlResult", "WorkerLimits", "confine", "run_sparql"]

#: the stack of the thread that runs a confined query
JOB_STACK = 256 << 20

_CLONE_NEWUSER, _CLONE_NEWNET = 0x10000000, 0x40000000

#: what :meth:`KnowledgeGraph.sparql` returns: rows and variable names, a boolean, or triples
SparqlResult = tuple[list[Row], list[str]] | bool | list[ox.Triple]


@dataclass(frozen=True)
class WorkerLimits:
    """How a query process confines itself: ``memory_mb`` (None: no cap) and ``network`` (False: isolate)."""

    memory_mb: int | None = 2048
    network: bool = False


def confine(limits: WorkerLimits) -> dict[str, Any]:
    """Apply ``limits`` to this process (a fresh child, before it starts any thread).

    Returns what took effect: ``{"memory_mb": ..., "network_isolated": bool, "why": str}``.
    """
    out: dict[str, Any] = {"memory_mb": None, "network_isolated": False, "why": ""}
    if not limits.network:
        out["network_isolated"], out["why"] = _new_network_namespace()
    if limits.memory_mb:
        import resource

        cap = limits.memory_mb << 20
        soft, hard = resource.getrlimit(resource.RLIMIT_DATA)
        if hard != resource.RLIM_INFINITY:
            cap = min(cap, hard)
        resource.setrlimit(resource.RLIMIT_DATA, (cap, hard))
        out["memory_mb"] = cap >> 20
    return out


def _new_network_namespace() -> tuple[bool, str]:
    """Move this process into a network namespace without interfaces (loopback down)."""
    if not hasattr(os, "sched_getaffinity") or os.uname().sysname != "Linux":
        return False, "network namespaces need Linux"
    try:
        libc = ctypes.CDLL(None, use_errno=True)
    except OSError as e:  # pragma: no cover - no libc
        return False, str(e)
    for flags in (_CLONE_NEWNET, _CLONE_NEWUSER | _CLONE_NEWNET):
        if libc.unshare(flags) == 0:
            return True, ""
    return False, f"unshare: {os.strerror(ctypes.get_errno())}"


def run_sparql(store: str | Path, text: str, *, base_iri: str = DEFAULT_BASE_IRI, timeout: float | None = None,
               limits: WorkerLimits | None = None) -> SparqlResult:
    """Run :meth:`KnowledgeGraph.sparql` on the store at ``store`` in a confined child process.

    The query is checked first, here (updates and SERVICE are refused, nesting is bounded); it
    then runs in a fresh process on a read-only snapshot, confined by ``limits`` (default: 2048
    MiB, no network), on a 256 MiB stack. A store on a SPARQL server (an ``http(s)://`` URL) is
    queried from this process: the engine is the server's.

    :param timeout: stop the query after this many seconds (None: no limit).
    :raises QueryRefused: the query is an update or uses SERVICE.
    :raises QueryError: the query is malformed, nests too deeply, fails, ran past ``timeout``,
        needed more memory than ``limits`` allow, or crashed the query engine.
    :raises StoreError: the store cannot be opened.
    """
    if is_remote(store):
        with KnowledgeGraph(store, read_only=True, base_iri=base_iri) as kg:
            return kg.sparql(text)
    check_read_only(text)  # cheap and linear: refuse before starting a process
    limits = limits or WorkerLimits()
    ctx = mp.get_context("spawn")  # no fork: the caller may run threads (a notebook does)
    receive, send = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_child, args=(send, str(store), base_iri, limits, text), daemon=True)
    proc.start()
    send.close()
    try:
        if not receive.poll(timeout):
            raise QueryError(f"the query ran longer than {timeout:g} s and was stopped")
        try:
            kind, value = receive.recv()
        except EOFError:  # the child died without an answer
            proc.join(5)
            raise QueryError(_death(proc.exitcode, limits)) from None
    finally:
        receive.close()
        if proc.is_alive():
            proc.kill()
        proc.join(5)
    if kind == "ok":
        result: SparqlResult = value
        return result
    if kind == "QueryRefused":
        raise QueryRefused(value)
    if kind == "QueryError":
        raise QueryError(value)
    if kind == "StoreError":
        raise StoreError(value)
    raise KgbuildError(value)


def _death(code: int | None, limits: WorkerLimits) -> str:
    """What a child that ended with exit ``code`` and no answer means, in words."""
    if code is not None and code < 0:
        name = signal.Signals(-code).name
        if limits.memory_mb and code == -signal.SIGABRT:  # the engine's allocation failed at the cap
            return (f"the query needed more memory than the {limits.memory_mb} MiB a query may use "
                    "and was stopped")
        return (f"the query engine crashed on this query ({name}): it is too long or nests too deeply "
                "for the engine's recursion; split it or simplify it")
    if limits.memory_mb and code:
        # under the cap, a failed allocation outside the engine (a thread's stack, the storage
        # library) ends the child in other ways too: seen as exit code 127 on a loaded machine
        return (f"the query process ended without an answer (exit code {code}): it probably needed more "
                f"memory than the {limits.memory_mb} MiB a query may use")
    return f"the query process ended without an answer (exit code {code})"


def _child(send: Any, store: str, base_iri: str, limits: WorkerLimits, text: str) -> None:
    """In the child: confine, open a read-only snapshot, run the query on a big stack, send the outcome."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the parent stops its child itself
    confine(limits)
    out: list[tuple[str, Any]] = []

    def job() -> None:
        try:
            with KnowledgeGraph(store, read_only=True, base_iri=base_iri) as kg:
                out.append(("ok", kg.sparql(text)))
        except MemoryError:
            out.append(("QueryError", f"the query needed more memory than the {limits.memory_mb} MiB a query may use"))
        except KgbuildError as e:
            kind = next(c.__name__ for c in (QueryRefused, QueryError, StoreError, KgbuildError) if isinstance(e, c))
            out.append((kind, str(e)))
        except Exception as e:  # noqa: BLE001 - reported to the parent, which raises it as a QueryError
            out.append(("QueryError", f"{type(e).__name__}: {e}"))

    threading.stack_size(JOB_STACK)
    runner = threading.Thread(target=job, name="kgbuild-query")
    runner.start()
    runner.join()
    try:
        send.send(out[0])
    except Exception as e:  # noqa: BLE001 - e.g. a result too large to pickle under the memory cap
        send.send(("QueryError", f"the result could not be sent back: {type(e).__name__}: {e}"))
    send.close()
