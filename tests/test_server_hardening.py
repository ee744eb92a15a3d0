"""The server under hostile load (issue 14): fair workers, memory and nesting limits, no network from a
worker, no query analysis in the event loop, and deadlines and bounds on connections.

Loopback only (127.0.0.1, and 127.0.0.2/.3 as other clients); every scenario is bounded in count
and stops by itself. Nothing asserts a wall-clock limit: orderings, counts and statuses do.
"""

from __future__ import annotations

import asyncio
import multiprocessing as mp
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

from kgbuild.query import MAX_DEPTH
from kgbuild.server import ServerConfig
from kgbuild.server.results import Failure
from kgbuild.server.workers import WorkerLimits, WorkerPool, confine

from .conftest import InProcess, LiveServer, assert_error, read_all

BASE = "https://w3id.org/kgbuild/data/"
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"


@pytest.fixture(scope="module")
def server(gold_store: Path) -> Iterator[InProcess]:
    s = InProcess(ServerConfig(store=str(gold_store), workers=2, timeout=30))
    yield s
    s.close()


def sparql_job(text: str, **extra: Any) -> tuple[str, dict[str, Any]]:
    return ("sparql", {"method": "POST", "query_string": b"", "content_type": "application/sparql-query",
                       "body": text.encode(), "accept": None, "max_rows": 10, **extra})


# --- the worker pool ------------------------------------------------------------------------------
def test_pool_is_fair_between_clients(gold_store: Path) -> None:
    """Client A's two slow jobs hold one of two workers; client B's quick job runs at once, and
    finishes before A's first; A's second waits for A's first."""

    async def scenario() -> list[str]:
        pool = WorkerPool(str(gold_store), base_iri=BASE, size=2, timeout=60, limits=WorkerLimits(memory_mb=None))
        await pool.start()
        done: list[str] = []

        async def job(client: str, name: str, seconds: float) -> None:
            out = await pool.run(("sleep", {"seconds": seconds}), client=client)
            assert out == "slept", out
            done.append(name)

        try:
            a1 = asyncio.ensure_future(job("A", "A1", 2.0))
            await asyncio.sleep(0.2)
            a2 = asyncio.ensure_future(job("A", "A2", 0.1))
            await asyncio.sleep(0.2)
            b = asyncio.ensure_future(job("B", "B", 0.0))
            await asyncio.gather(a1, a2, b)
            return done
        finally:
            await pool.close()

    assert asyncio.run(scenario()) == ["B", "A1", "A2"]


def test_pool_limits_how_many_jobs_one_client_queues(gold_store: Path) -> None:
    """Past 16 waiting jobs, a client's next job is refused with 429; other clients are not."""
    from kgbuild.server.workers import MAX_WAITING_PER_CLIENT

    async def scenario() -> tuple[list[Any], Any]:
        pool = WorkerPool(str(gold_store), base_iri=BASE, size=2, timeout=60, limits=WorkerLimits(memory_mb=None))
        await pool.start()
        try:
            hold = asyncio.ensure_future(pool.run(("sleep", {"seconds": 1.0}), client="A"))
            await asyncio.sleep(0.2)
            waiting = [asyncio.ensure_future(pool.run(("ping", {}), client="A")) for _ in range(MAX_WAITING_PER_CLIENT)]
            await asyncio.sleep(0.1)
            refused = await pool.run(("ping", {}), client="A")
            other = await pool.run(("ping", {}), client="B")
            await asyncio.gather(hold, *waiting)
            return [refused], other
        finally:
            await pool.close()

    (refused,), other = asyncio.run(scenario())
    assert isinstance(refused, Failure) and refused.status == 429
    assert other == "pong"


def test_pool_memory_cap_turns_into_503_and_the_pool_recovers(gold_store: Path) -> None:
    """An ORDER BY over a cartesian product stops at the worker's memory cap: 503 naming it, then a fresh worker."""

    async def scenario() -> tuple[Any, Any, int]:
        pool = WorkerPool(str(gold_store), base_iri=BASE, size=1, timeout=120, limits=WorkerLimits(memory_mb=700))
        await pool.start()
        try:
            out = await pool.run(sparql_job(CARTESIAN))
            after = await pool.run(("ping", {}))
            return out, after, pool.replaced
        finally:
            await pool.close()

    out, after, replaced = asyncio.run(scenario())
    assert isinstance(out, Failure) and out.status == 503 and "700 MiB" in out.detail, out
    assert after == "pong" and replaced == 1


def test_deep_nesting_is_a_400_before_the_parser(server: InProcess) -> None:
    """10,000 nested groups (which crashed a worker) get 400 from the check; no worker dies."""
    pool = server.app.state.pool
    replaced = pool.replaced
    deep = "SELECT * WHERE " + "{" * 10_000 + " ?s ?p ?o " + "}" * 10_000
    err = assert_error(server.request("POST", "/query", content=deep,
                                      headers={"Content-Type": "application/sparql-query"}), 400)
    assert "nests 10000 levels deep" in err["detail"] and str(MAX_DEPTH) in err["detail"]
    assert pool.replaced == replaced


def _probe_network(url: str, out: Any) -> None:
    """In a fresh process: confine it as a worker is, then let pyoxigraph run a SERVICE to ``url``."""
    import pyoxigraph as ox

    state = confine(WorkerLimits(memory_mb=None, network=False))
    try:
        list(ox.Store().query(f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}"))
        outcome = "answered"
    except Exception as e:  # noqa: BLE001 - the failure is the point
        outcome = f"failed: {type(e).__name__}"
    out.put((state, outcome))


def test_worker_confinement_keeps_a_service_from_leaving(canary: Any) -> None:
    """Defence in depth: a worker's own network namespace makes even an unchecked SERVICE fail, unheard."""
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    before = len(canary.hits)
    proc = ctx.Process(target=_probe_network, args=(canary.url, out))
    proc.start()
    state, outcome = out.get(timeout=120)
    proc.join(30)
    if not state["network_isolated"]:
        pytest.skip(f"this kernel gives no network namespace to this user: {state['why']}")
    assert outcome.startswith("failed") and len(canary.hits) == before


def test_event_loop_never_reads_the_query(server: InProcess, monkeypatch: pytest.MonkeyPatch) -> None:
    """/query hands the request to a worker as received: the server process never tokenizes a query,
    however large (counted, with the tokenizer patched in this process only)."""
    import kgbuild.query
    import kgbuild.querycheck

    calls = []

    def counted(text: str, *args: Any, **kwargs: Any) -> Any:
        calls.append(len(text))
        raise AssertionError("the server process tokenized a query")

    monkeypatch.setattr(kgbuild.querycheck, "analyze", counted)
    monkeypatch.setattr(kgbuild.querycheck, "tokens", counted)
    monkeypatch.setattr(kgbuild.query, "analyze", counted)
    monkeypatch.setattr(kgbuild.query, "tokens", counted)
    body = ("SELECT * WHERE { ?s ?p ?o } # " + "a" * ((1 << 20) - 64)).encode()
    r = server.request("POST", "/query", content=body, headers={"Content-Type": "application/sparql-query"})
    assert r.status_code == 200 and not calls
    form = server.request("POST", "/query", data={"query": "SELECT ?s WHERE { ?s ?p ?o } LIMIT 1"})
    assert form.status_code == 200 and not calls


def test_body_that_never_arrives_gets_408(gold_store: Path) -> None:
    """A POST whose body stops short of its length is answered 408 after the body deadline."""
    s = InProcess(ServerConfig(store=str(gold_store), workers=1, body_timeout=0.5))

    async def slow_body() -> Any:
        yield b"query=ASK"
        await asyncio.sleep(30)
        yield b"{}"

    try:
        r = s.request("POST", "/query", content=slow_body(),
                      headers={"Content-Type": "application/x-www-form-urlencoded"})
    finally:
        s.close()
    err = assert_error(r, 408)
    assert "did not arrive" in err["detail"]


def test_pages_carry_a_content_security_policy(server: InProcess, gold_store: Path) -> None:
    """Every response, pages and errors alike, carries the CSP and nosniff headers."""
    for path in ("/", "/missions", "/queries", "/nothing"):
        r = server.get(path)
        assert "script-src 'self'" in r.headers["content-security-policy"], path
        assert "object-src 'none'" in r.headers["content-security-policy"]
        assert r.headers["x-content-type-options"] == "nosniff"


# --- connections (a real uvicorn on loopback) -------------------------------------------------------
@pytest.fixture(scope="module")
def live(gold_store: Path) -> Iterator[LiveServer]:
    s = LiveServer(ServerConfig(store=str(gold_store), workers=1, header_timeout=1.0, body_timeout=1.0, keep_alive=1.0,
                          max_connections=40, max_connections_per_client=12))
    yield s
    s.close()


def test_slowloris_connections_are_closed(live: LiveServer) -> None:
    """Ten connections that trickle their headers are all closed by the header deadline."""
    socks = [live.connect() for _ in range(10)]
    for s in socks:
        s.sendall(b"GET /queries HTTP/1.1\r\nHost: x\r\n")  # never the blank line
    for s in socks[:5]:
        s.sendall(b"X-Slow: 1\r\n")  # a byte now and then does not extend the deadline
    closed = 0
    for s in socks:
        data = read_all(s)
        closed += b"HTTP/1.1 200" not in data
        s.close()
    assert closed == 10
    assert live.get("/queries").status_code == 200


def test_a_post_shorter_than_its_content_length_gets_408(live: LiveServer) -> None:
    """Content-Length 100 with 10 bytes sent: 408, and the connection is closed."""
    s = live.connect()
    s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/x-www-form-urlencoded\r\n"
              b"Content-Length: 100\r\n\r\nquery=ASK ")
    data = read_all(s)
    s.close()
    assert data.startswith(b"HTTP/1.1 408")


def test_connections_are_bounded_per_client_and_in_all(live: LiveServer) -> None:
    """Past 12 open connections from one address the next is answered 503 and closed; another address
    still gets in."""
    held = [live.connect("127.0.0.2") for _ in range(12)]
    extra = live.connect("127.0.0.2")
    refused = read_all(extra)
    extra.close()
    assert refused.startswith(b"HTTP/1.1 503") and b"too many open connections" in refused
    assert live.get("/queries", local="127.0.0.3").status_code == 200
    for s in held:
        s.close()


# --- clients behind a reverse proxy ----------------------------------------------------------------
def clients_seen(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The client key every request that reaches the worker pool is counted under, in order."""
    from kgbuild.server import app

    seen: list[str] = []
    real = app._client

    def record(request: Any) -> str:
        seen.append(real(request))
        return seen[-1]

    monkeypatch.setattr(app, "_client", record)
    return seen


def get_as(live: LiveServer, local: str, forwarded: str | None) -> int:
    headers = {"X-Forwarded-For": forwarded} if forwarded else {}
    with httpx.Client(transport=httpx.HTTPTransport(local_address=local), timeout=60) as c:
        return c.get(f"http://127.0.0.1:{live.port}/queries/missions", params={"limit": "1"},
                     headers=headers).status_code


def test_forwarded_headers_are_ignored_by_default(gold_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Without --trusted-proxy, X-Forwarded-For names no client: a request from loopback counts as
    127.0.0.1 (uvicorn alone believed the header from loopback, so a local client chose its key)."""
    seen = clients_seen(monkeypatch)
    s = LiveServer(ServerConfig(store=str(gold_store), workers=1))
    try:
        assert get_as(s, "127.0.0.1", "10.9.9.9") == 200
        assert get_as(s, "127.0.0.2", "10.9.9.9") == 200
    finally:
        s.close()
    assert seen == ["127.0.0.1", "127.0.0.2"]


def test_trusted_proxy_forwards_the_client(gold_store: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """With --trusted-proxy 127.0.0.1, its X-Forwarded-For names the client (the rightmost address
    that is not the proxy's); another address's header is still ignored."""
    seen = clients_seen(monkeypatch)
    s = LiveServer(ServerConfig(store=str(gold_store), workers=1, trusted_proxies=("127.0.0.1",)))
    try:
        assert get_as(s, "127.0.0.1", "10.0.0.2") == 200
        assert get_as(s, "127.0.0.1", "6.6.6.6, 10.0.0.3, 127.0.0.1") == 200
        assert get_as(s, "127.0.0.1", None) == 200
        assert get_as(s, "127.0.0.2", "10.0.0.4") == 200
    finally:
        s.close()
    assert seen == ["10.0.0.2", "10.0.0.3", "127.0.0.1", "127.0.0.2"]


def test_trusted_proxy_must_be_an_address(gold_store: Path) -> None:
    """`kgbuild serve --trusted-proxy` takes addresses and networks; anything else is exit 2, named."""
    from click.testing import CliRunner

    from kgbuild.cli import main
    from kgbuild.server import check_proxies

    assert check_proxies(["10.0.0.0/8", "::1", " 192.168.1.7 "]) == ("10.0.0.0/8", "::1", "192.168.1.7")
    r = CliRunner().invoke(main, ["serve", "--store", str(gold_store), "--trusted-proxy", "proxy.example"])
    assert r.exit_code == 2 and "--trusted-proxy" in r.stderr and "proxy.example" in r.stderr
