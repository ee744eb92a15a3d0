"""Query workers: processes the server can kill, so a slow query cannot take it down.

pyoxigraph has no query timeout or cancellation (TOOLING-NOTES), so every query runs in one of a
small pool of worker processes, each holding its own read-only snapshot of the store. The parent
sends a job over a pipe and waits at most ``timeout`` seconds; past that it kills the worker,
starts a fresh one in its place and answers 504. A worker that dies is replaced the same way.

Each worker is confined when it starts (:func:`kgbuild.sandbox.confine`, shared with ``kgbuild sparql``):

- its data segment is capped (``RLIMIT_DATA``, ``memory_mb``): a query that needs more makes
  the engine's allocation fail, the worker ends, and the request gets 503 with the limit named;
- unless SERVICE is allowed, it moves into a network namespace of its own (Linux, when the
  kernel lets an unprivileged user do so): no socket can reach any host, so even a SERVICE the
  query check missed goes nowhere;
- jobs run on a thread with a 256 MiB stack, so a long flat query (thousands of ``BIND``\\ s or
  ``UNION``\\ s, which Oxigraph evaluates recursively) fits where an 8 MiB stack overflows.

The pool is fair between clients (:meth:`WorkerPool.run`'s ``client``, the peer address): a
client holds at most ``size - 1`` workers (one, with the default two), and waiting jobs are
served round robin by client, so one client's slow queries cannot starve the others.

Jobs are plain tuples ``(kind, payload)`` that :mod:`.jobs` carries out; answers are
:class:`~.results.Answer` or :class:`~.results.Failure`.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import signal
import threading
from collections import Counter, OrderedDict, deque
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from ..api import KnowledgeGraph
from ..sandbox import JOB_STACK, WorkerLimits, confine
from . import jobs
from .results import Answer, Failure

__all__ = ["WorkerLimits", "WorkerPool", "confine"]

log = logging.getLogger("kgbuild.server")

#: jobs one client may have waiting (beyond those running) before it gets 429
MAX_WAITING_PER_CLIENT = 16


# --- inside the worker process ------------------------------------------------------------------
def _worker_main(conn: Connection, store_path: str, base_iri: str, limits: WorkerLimits) -> None:
    """Confine this process, open one read-only snapshot, then serve jobs from ``conn``, one at a time."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)  # the server stops its workers itself
    state = confine(limits)
    try:
        kg = KnowledgeGraph(store_path, read_only=True, base_iri=base_iri)
    except Exception as e:  # noqa: BLE001 - reported to the parent, which shows it
        conn.send(Failure(503, "Service Unavailable", f"the store cannot be opened: {e}"))
        return
    conn.send(("ready", state))
    threading.stack_size(JOB_STACK)
    runner = threading.Thread(target=_serve, args=(conn, kg), name="kgbuild-job")
    runner.start()
    runner.join()


def _serve(conn: Connection, kg: KnowledgeGraph) -> None:
    while True:
        try:
            job = conn.recv()
        except (EOFError, OSError):
            return
        try:
            out = jobs.run(kg, job)
        except MemoryError:
            out = Failure(503, "Service Unavailable", "the query needed more memory than a query worker may use")
        except Exception as e:  # noqa: BLE001 - every failure goes back as a Failure
            out = jobs.failure_for(e)
        try:
            conn.send(out)
        except Exception:  # noqa: BLE001 - e.g. an unpicklable result
            log.exception("a query worker cannot send the result of %s", job[0] if isinstance(job, tuple) else job)
            conn.send(jobs.internal_error())


# --- in the server process ----------------------------------------------------------------------
class _Worker:
    def __init__(self, ctx: Any, store_path: str, base_iri: str, limits: WorkerLimits) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path, base_iri, limits), daemon=True)
        self.proc.start()
        child.close()
        self.state: dict[str, Any] = {}

    def wait_ready(self, timeout: float) -> Failure | None:
        if not self.conn.poll(timeout):
            return Failure(503, "Service Unavailable", f"a query worker did not start within {timeout:.0f} s")
        msg = self.conn.recv()
        if isinstance(msg, tuple) and msg[0] == "ready":
            self.state = msg[1]
            return None
        return msg if isinstance(msg, Failure) else Failure(503, "Service Unavailable", "a query worker failed to start")

    def kill(self) -> None:
        try:
            self.proc.kill()
            self.proc.join(5)
        finally:
            self.conn.close()


class WorkerPool:
    """``size`` worker processes over the store at ``store_path``; :meth:`run` sends them jobs.

    :param timeout: seconds a job may take before its worker is killed and replaced (HTTP 504),
        and seconds a job may wait for a free worker (then 503).
    :param limits: what each worker confines itself to (memory cap, network).
    """

    def __init__(self, store_path: str, *, base_iri: str, size: int = 2, timeout: float = 10.0,
                 start_timeout: float = 60.0, limits: WorkerLimits | None = None) -> None:
        self.store_path, self.base_iri = str(store_path), base_iri
        self.size, self.timeout, self.start_timeout = size, timeout, start_timeout
        self.limits = limits or WorkerLimits()
        #: the most workers one client holds while another client waits
        self.per_client = max(1, size - 1)
        self._ctx = mp.get_context("spawn")  # no fork: the server runs threads
        self._threads = ThreadPoolExecutor(max_workers=size + 1, thread_name_prefix="kgbuild-query")
        self._all: set[_Worker] = set()
        self._lock = threading.Lock()
        self._idle: list[_Worker] = []
        self._waiting: OrderedDict[str, deque[asyncio.Future[_Worker]]] = OrderedDict()
        self._holding: Counter[str] = Counter()
        self._started = False
        self.replaced = 0
        #: what the last started worker reported about its confinement
        self.confinement: dict[str, Any] = {}

    def _spawn(self) -> _Worker:
        w = _Worker(self._ctx, self.store_path, self.base_iri, self.limits)
        problem = w.wait_ready(self.start_timeout)
        if problem is not None:
            w.kill()
            raise RuntimeError(problem.detail)
        with self._lock:
            self._all.add(w)
        self.confinement = w.state
        return w

    async def start(self) -> None:
        """Start the workers (each opens the store); raises RuntimeError when the store cannot be opened."""
        loop = asyncio.get_running_loop()
        workers = await asyncio.gather(*(loop.run_in_executor(self._threads, self._spawn) for _ in range(self.size)))
        self._idle.extend(workers)
        self._started = True
        if not self.limits.network and not self.confinement.get("network_isolated"):
            log.warning("query workers are not network-isolated (%s); SERVICE is refused by the query check alone",
                        self.confinement.get("why") or "unknown reason")

    async def close(self) -> None:
        with self._lock:
            workers, self._all = list(self._all), set()
        for w in workers:
            w.kill()
        for queue in self._waiting.values():
            for fut in queue:
                fut.cancel()
        self._threads.shutdown(wait=False, cancel_futures=True)

    # -- fair dispatch (all on the event loop) -------------------------------------------------
    def _dispatch(self) -> None:
        """Hand idle workers to waiting jobs: round robin over clients, none above its share."""
        while self._idle and self._waiting:
            for client in list(self._waiting):
                queue = self._waiting[client]
                while queue and queue[0].done():  # given up (timed out or cancelled)
                    queue.popleft()
                if not queue:
                    del self._waiting[client]
                    continue
                if self._holding[client] >= self.per_client:
                    continue
                fut = queue.popleft()
                if not queue:
                    del self._waiting[client]
                else:
                    self._waiting.move_to_end(client)  # the next turn goes to another client
                self._holding[client] += 1
                fut.set_result(self._idle.pop())
                break
            else:
                return  # every waiting client holds its share

    async def _acquire(self, client: str, limit: float) -> _Worker | Failure:
        queue = self._waiting.get(client)
        if queue is not None and len(queue) >= MAX_WAITING_PER_CLIENT:
            return Failure(429, "Too Many Requests",
                           f"{len(queue)} of your queries are already waiting for a worker; retry when they are done")
        fut: asyncio.Future[_Worker] = asyncio.get_running_loop().create_future()
        self._waiting.setdefault(client, deque()).append(fut)
        self._dispatch()
        try:
            return await asyncio.wait_for(asyncio.shield(fut), timeout=limit)
        except TimeoutError:
            if fut.done() and not fut.cancelled():  # handed a worker just as the wait ended
                return fut.result()
            fut.cancel()
            return Failure(503, "Service Unavailable",
                           f"all {self.size} query workers stayed busy for {limit:g} s; retry later")
        except BaseException:  # the request was cancelled: give back a worker it was handed
            if fut.done() and not fut.cancelled():
                self._release(client, fut.result())
            fut.cancel()
            raise

    def _release(self, client: str, w: _Worker | None) -> None:
        self._holding[client] -= 1
        if self._holding[client] <= 0:
            del self._holding[client]
        if w is not None:
            self._idle.append(w)
        self._dispatch()

    def _call(self, w: _Worker, job: Any, timeout: float) -> tuple[str, Any]:
        """Send a job and wait for its answer: ("ok", answer), ("timeout", None) or ("dead", None)."""
        try:
            w.conn.send(job)
            if not w.conn.poll(timeout):
                return "timeout", None
            return "ok", w.conn.recv()
        except (EOFError, OSError):
            return "dead", None

    async def run(self, job: Any, *, client: str = "", timeout: float | None = None) -> Answer | Failure | Any:
        """Run ``job`` for ``client`` (its fair share, see the module) on a worker.

        A timed-out or dead worker is replaced and a Failure returned: 504 past ``timeout``, 503
        when the worker ran out of memory or none was free within ``timeout``, 429 when the
        client already has :data:`MAX_WAITING_PER_CLIENT` jobs waiting.
        """
        assert self._started, "WorkerPool.start() first"
        limit = self.timeout if timeout is None else timeout
        loop = asyncio.get_running_loop()
        got = await self._acquire(client, limit)
        if isinstance(got, Failure):
            return got
        w = got
        call = loop.run_in_executor(self._threads, self._call, w, job, limit)
        try:
            state, out = await asyncio.shield(call)
        except asyncio.CancelledError:  # the request went away: the worker comes back when done
            call.add_done_callback(lambda f: self._finish(client, w, f.result()[0] if not f.cancelled() else "dead", loop))
            raise
        self._finish(client, w, state, loop)
        if state == "ok":
            return out
        if state == "dead":
            return self._death(w)
        return Failure(504, "Gateway Timeout", f"the query ran longer than {limit:g} s and was stopped")

    def _finish(self, client: str, w: _Worker, state: str, loop: asyncio.AbstractEventLoop) -> None:
        if state == "ok":
            self._release(client, w)
        else:
            self._release(client, None)
            self._replace(w, loop)

    def _death(self, w: _Worker) -> Failure:
        code = w.proc.exitcode
        if self.limits.memory_mb and code == -signal.SIGABRT:  # the engine's allocation failed at the cap
            return Failure(503, "Service Unavailable",
                           f"the query needed more memory than a query worker may use ({self.limits.memory_mb} MiB) "
                           "and was stopped")
        if code is not None and code < 0:
            return Failure(500, "Internal Server Error",
                           f"the query worker died ({signal.Signals(-code).name}) on this query and was replaced")
        return Failure(500, "Internal Server Error", f"the query worker died (exit code {code})")

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

            def back() -> None:
                self._idle.append(nw)
                self._dispatch()

            loop.call_soon_threadsafe(back)

        self._threads.submit(spawn_and_return)

    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.proc.is_alive())
