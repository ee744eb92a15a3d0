"""Shared fixtures and helpers: the bundled examples, a spaCy-built graph of them, a gold-facts store,
the server in process and on loopback, the loopback canary, the browser."""

from __future__ import annotations

import asyncio
import json
import os
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store built once from examples/ with the real extractor (copy it before writing)."""
    from kgbuild.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("examples") / "store"
    with KnowledgeGraph(path) as kg:
        report = kg.build([EXAMPLES])
        assert not report.failed, report.failed
    return path


@pytest.fixture
def examples_copy(examples_store: Path, tmp_path: Path) -> Path:
    """A private copy of the examples store that a test may change."""
    dest = tmp_path / "store"
    shutil.copytree(examples_store, dest)
    return dest


def load_gold_into(kg: Any, *, reverse: bool = False) -> dict[str, list[dict[str, Any]]]:
    """Write every example's gold missions as RDF into ``kg`` (no spaCy); returns them by article."""
    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    golds = {}
    for gold_file in sorted(EXAMPLES.glob("*.gold.json"), reverse=reverse):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        text = (EXAMPLES / gold["article"]).read_text(encoding="utf-8")
        article = Article.from_text(gold["article"], text)
        missions = [Mission.from_gold(m) for m in gold["missions"]]
        quads = article_quads(article, missions, iris=kg.iris, extractor_version="gold", ingested_at=None)
        kg.store.replace_graph(kg.iris.article_graph(article.id), quads)
        golds[gold["article"]] = gold["missions"]
    kg.relink()
    return golds


@pytest.fixture(scope="session")
def gold_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store of the examples' gold facts, built once without spaCy (copy it before writing)."""
    from kgbuild.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("gold") / "store"
    with KnowledgeGraph(path) as kg:
        load_gold_into(kg)
    return path


@pytest.fixture
def gold_kg() -> Iterator[Any]:
    """An in-memory graph holding the examples' gold facts (written through the RDF layer)."""
    from kgbuild.api import KnowledgeGraph

    with KnowledgeGraph(None) as kg:
        load_gold_into(kg)
        yield kg


def known_failures(path: Path) -> dict[str, str]:
    """An invariance suite's known failures (written by ``bench/invariance_known.py``): row id -> reason."""
    out = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip() and not line.startswith("#"):
            rid, _, why = line.partition(" ")
            out[rid] = why.strip()
    return out


def require_tool(name: str) -> str:
    """The path of a command-line tool; skipped locally when missing, a failure in CI."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is required in CI (./dev test installs it)")
        pytest.skip(f"{name} is not installed")
    return path


class Canary:
    """A SPARQL endpoint on 127.0.0.1 that records every request it gets (and answers one row)."""

    ANSWER = b'{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"uri","value":"http://canary/"}}]}}'

    def __init__(self) -> None:
        import http.server
        import threading

        hits = self.hits = []

        class Handler(http.server.BaseHTTPRequestHandler):
            def _answer(self) -> None:
                hits.append(self.path)
                self.send_response(200)
                self.send_header("Content-Type", "application/sparql-results+json")
                self.send_header("Content-Length", str(len(Canary.ANSWER)))
                self.end_headers()
                self.wfile.write(Canary.ANSWER)

            do_GET = do_POST = _answer

            def log_message(self, *args: Any) -> None:
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}/sparql"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def close(self) -> None:
        self.server.shutdown()
        self.server.server_close()


#: How the browser tests start Debian's Chromium: headless, and with no background traffic
#: (this machine's closed network refuses it, many connections at a time).
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    """Chromium through playwright (skipped locally without chromium, a failure in CI)."""
    executable = require_tool("chromium")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
        yield b
        b.close()


@pytest.fixture(scope="session")
def canary() -> Iterator[Canary]:
    """A loopback SPARQL endpoint that counts the requests any SERVICE sends it (``canary.hits``)."""
    c = Canary()
    yield c
    c.close()


# --- the server, in process and on loopback ---------------------------------------------------------
class InProcess:
    """An app with its worker pool on an event loop in a thread; requests go through httpx.ASGITransport."""

    def __init__(self, config: Any, *, timeout: float = 300) -> None:
        from kgbuild.server import create_app

        self.timeout = timeout
        self.app = create_app(config)
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
        self.thread.start()
        self._lifespan = self.app.router.lifespan_context(self.app)
        self.run(self._lifespan.__aenter__())
        self.client = httpx.AsyncClient(transport=httpx.ASGITransport(app=self.app), base_url="http://testserver",
                                        timeout=timeout)

    def run(self, coro: Any) -> Any:
        """Run ``coro`` on the app's loop and wait for its result."""
        return asyncio.run_coroutine_threadsafe(coro, self.loop).result(timeout=self.timeout)

    def request(self, method: str, url: str, **kwargs: Any) -> httpx.Response:
        return self.run(self.client.request(method, url, **kwargs))

    def get(self, url: str, **kwargs: Any) -> httpx.Response:
        return self.request("GET", url, **kwargs)

    def close(self) -> None:
        self.run(self.client.aclose())
        self.run(self._lifespan.__aexit__(None, None, None))
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def free_port() -> int:
    """A TCP port free on 127.0.0.1 right now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class LiveServer:
    """``config`` served by uvicorn in a thread on 127.0.0.1 and a free port, as `kgbuild serve` serves it
    (its deadlines and connection limits); other clients connect from 127.0.0.2, .3 and so on."""

    def __init__(self, config: Any, *, log_level: str = "warning") -> None:
        import uvicorn

        from kgbuild.server import server_config

        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.server = uvicorn.Server(server_config(config, host="127.0.0.1", port=self.port, log_level=log_level))
        self.thread = threading.Thread(target=self.server.run, daemon=True)
        self.thread.start()
        deadline = time.monotonic() + 90
        while not self.server.started:
            if time.monotonic() > deadline or not self.thread.is_alive():
                raise RuntimeError("the server did not start")
            time.sleep(0.05)

    def client(self, local: str = "127.0.0.1", timeout: float = 60) -> httpx.Client:
        """An HTTP client of the server whose connections come from the address ``local``."""
        return httpx.Client(base_url=self.url, transport=httpx.HTTPTransport(local_address=local), timeout=timeout)

    def get(self, path: str, local: str = "127.0.0.1", **kwargs: Any) -> httpx.Response:
        with self.client(local) as c:
            return c.get(path, **kwargs)

    def query(self, text: str, *, local: str = "127.0.0.1", **kwargs: Any) -> httpx.Response:
        """POST ``text`` to /query as application/sparql-query."""
        with self.client(local) as c:
            return c.post("/query", content=text.encode(), headers={"Content-Type": "application/sparql-query"},
                          **kwargs)

    def connect(self, local: str = "127.0.0.1") -> socket.socket:
        """A raw connection from ``local`` (a 60 s timeout bounds every read)."""
        return socket.create_connection(("127.0.0.1", self.port), timeout=60, source_address=(local, 0))

    def close(self) -> None:
        self.server.should_exit = True
        self.thread.join(30)


def read_all(sock: socket.socket) -> bytes:
    """Everything the server sends until it closes the connection (the socket's timeout bounds it)."""
    chunks = []
    while True:
        try:
            data = sock.recv(65536)
        except (ConnectionResetError, TimeoutError):
            break
        if not data:
            break
        chunks.append(data)
    return b"".join(chunks)


def assert_error(r: httpx.Response, status: int) -> dict[str, Any]:
    """``r`` has ``status`` and the one JSON error shape; returns its ``error`` object."""
    assert r.status_code == status, r.text
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert set(body) == {"error"}
    err = body["error"]
    assert err["status"] == status and err["title"] and err["detail"]
    return err


def check_seconds(text: str) -> float:
    """The best of five times of ``check_read_only(text)`` (refused or not), in seconds."""
    from kgbuild.errors import QueryError
    from kgbuild.query import check_read_only

    best = float("inf")
    for _ in range(5):
        t0 = time.perf_counter()
        try:
            check_read_only(text)
        except QueryError:
            pass
        best = min(best, time.perf_counter() - t0)
    return best
