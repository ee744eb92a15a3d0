"""Shared fixtures: the bundled examples, a spaCy-built graph of them, temporary stores."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

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


@pytest.fixture
def gold_kg() -> Iterator[Any]:
    """An in-memory graph holding the examples' gold facts (written through the RDF layer)."""
    from kgbuild.api import KnowledgeGraph

    with KnowledgeGraph(None) as kg:
        load_gold_into(kg)
        yield kg


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
