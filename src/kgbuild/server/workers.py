"""Query workers: processes the server can kill, so a slow query cannot take it down.

pyoxigraph has no query timeout or cancellation (TOOLING-NOTES), so every query runs in one of a
small pool of worker processes, each holding its own read-only snapshot of the store. The parent
sends a job over a pipe and waits at most ``timeout`` seconds; past that it kills the worker,
starts a fresh one in its place and answers 504. A worker that dies (e.g. out of memory) is
replaced the same way.

Jobs are plain tuples ``(kind, payload)`` that :mod:`.jobs` carries out; answers are
:class:`~.results.Answer` or :class:`~.results.Failure`.
"""

from __future__ import annotations

import asyncio
import logging
import multiprocessing as mp
import threading
from concurrent.futures import ThreadPoolExecutor
from multiprocessing.connection import Connection
from typing import Any

from ..api import KnowledgeGraph
from . import jobs
from .results import Answer, Failure

__all__ = ["WorkerPool"]

log = logging.getLogger("kgbuild.server")

# --- inside the worker process ------------------------------------------------------------------
def _worker_main(conn: Connection, store_path: str, base_iri: str) -> None:
    """Serve jobs from ``conn`` until it closes: one read-only snapshot, one job at a time."""
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
        except Exception:  # noqa: BLE001 - e.g. an unpicklable result
            log.exception("a query worker cannot send the result of %s", job[0] if isinstance(job, tuple) else job)
            conn.send(jobs.internal_error())


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

        idle = self._idle
        assert idle is not None, "WorkerPool.start() first"

        def spawn_and_return() -> None:
            try:
                nw = self._spawn()
            except RuntimeError:
                return
            loop.call_soon_threadsafe(idle.put_nowait, nw)

        self._threads.submit(spawn_and_return)

    def alive(self) -> int:
        with self._lock:
            return sum(1 for w in self._all if w.proc.is_alive())

