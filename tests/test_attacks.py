"""The attacks of docs/security.md, run against a real server on loopback: the table there is this list.

Each attack is sent to ``kgbuild serve``'s app under uvicorn (127.0.0.1; 127.0.0.2 and .3 as other
clients) with small limits, and its observed result must be the one the table states.
``test_attacks_table_is_current`` checks that docs/security.md lists exactly these attacks and
results, so the document cannot drift from what was tried. Every attack is bounded in count and
time and stops by itself; the only other host any request names is the loopback canary, which must
hear nothing.
"""

from __future__ import annotations

import re
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx
import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.server import ServerConfig

from .conftest import ROOT, LiveServer, load_gold_into, read_all

DOC = ROOT / "docs" / "security.md"
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
CPU_HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"


@dataclass(frozen=True)
class Attack:
    name: str
    tried: str
    result: str
    run: Callable[[Any, Any], str]


def status(r: httpx.Response) -> str:
    return str(r.status_code)


def silent(canary: Any, action: Callable[[], str]) -> str:
    before = len(canary.hits)
    out = action()
    return out + ("" if len(canary.hits) == before else f", canary heard {len(canary.hits) - before}")


def service(text: str) -> Callable[[Any, Any], str]:
    def run(live: LiveServer, canary: Any) -> str:
        return silent(canary, lambda: status(live.query(text.replace("URL", canary.url).replace(
            "HOST", canary.url.rsplit("/", 1)[0] + "/"))))
    return run


def stall(size: int) -> Callable[[Any, Any], str]:
    """A query body of ``size`` bytes of "a": its status, and whether other requests kept flowing
    (GET /queries, which needs no worker, answered within 50x its time alone)."""

    def run(live: LiveServer, canary: Any) -> str:
        with live.client() as c:
            alone = min(_timed(c) for _ in range(3))
        box: dict[str, Any] = {}
        t = threading.Thread(target=lambda: box.setdefault("r", live.query("a" * size)))
        t.start()
        time.sleep(0.05)
        with live.client() as c:
            during = _timed(c)
        t.join(120)
        flowing = during < 50 * max(alone, 0.005)
        return f"{status(box['r'])}, {'others served' if flowing else 'others stalled'}"

    return run


def _timed(c: httpx.Client) -> float:
    t0 = time.perf_counter()
    c.get("/queries")
    return time.perf_counter() - t0


def slowloris(live: LiveServer, canary: Any) -> str:
    socks = [live.connect("127.0.0.2") for _ in range(12)]
    for s in socks:
        s.sendall(b"GET /queries HTTP/1.1\r\nHost: x\r\nX-a: 1\r\n")
    closed = sum(1 for s in socks if b"200 OK" not in read_all(s))
    for s in socks:
        s.close()
    return f"{closed} of 12 closed"


def short_body(live: LiveServer, canary: Any) -> str:
    s = live.connect()
    s.sendall(b"POST /query HTTP/1.1\r\nHost: x\r\nContent-Type: application/sparql-query\r\n"
              b"Content-Length: 1000\r\n\r\nASK {")
    data = read_all(s)
    s.close()
    return data.split(b"\r\n", 1)[0].decode().split(" ", 2)[1]


def flood(live: LiveServer, canary: Any) -> str:
    held = [live.connect("127.0.0.2") for _ in range(16)]
    extra = live.connect("127.0.0.2")
    refused = read_all(extra).split(b"\r\n", 1)[0].decode().split(" ", 2)[1]
    extra.close()
    with live.client("127.0.0.3") as c:
        other = status(c.get("/queries"))
    for s in held:
        s.close()
    return f"{refused}, other address {other}"


def unfair(live: LiveServer, canary: Any) -> str:
    """Two CPU-heavy queries from 127.0.0.2, then a normal one from 127.0.0.3: which finishes first."""
    order: list[str] = []

    def heavy() -> None:
        live.query(CPU_HEAVY, local="127.0.0.2")
        order.append("heavy")

    threads = [threading.Thread(target=heavy) for _ in range(2)]
    for t in threads:
        t.start()
    time.sleep(0.5)
    r = live.query("ASK { ?s ?p ?o }", local="127.0.0.3")
    order.append("normal")
    for t in threads:
        t.join(60)
    return f"{status(r)}, normal query {'first' if order[0] == 'normal' else 'after the heavy ones'}"


def javascript_link(live: LiveServer, canary: Any) -> str:
    with live.client() as c:
        ask = c.get("/query", headers={"Accept": "application/sparql-results+json"}, params={"query": (
            "SELECT ?m WHERE { ?a schema:url <javascript:alert(document.domain)//> ; eo:mentions ?m } LIMIT 1")})
        key = ask.json()["results"]["bindings"][0]["m"]["value"].rsplit("/", 1)[-1]
        page = c.get(f"/mission/{key}")
    linked = bool(re.search(r"href\s*=\s*[\"']?\s*javascript:", page.text, re.I))
    csp = "script-src 'self'" in page.headers.get("content-security-policy", "")
    return f"{status(page)}, {'linked' if linked else 'text, no link'}, {'CSP' if csp else 'no CSP'}"


def get(path: str) -> Callable[[Any, Any], str]:
    def run(live: LiveServer, canary: Any) -> str:
        with live.client() as c:
            return status(c.get(path))
    return run


def form(data: dict[str, str]) -> Callable[[Any, Any], str]:
    def run(live: LiveServer, canary: Any) -> str:
        with live.client() as c:
            return silent(canary, lambda: status(c.post("/query", data=data)))
    return run


ATTACKS = [
    Attack("escaped-hash", r"SERVICE after a local name escape `ex:a\#` (issue 14)", "403",
           service(r"PREFIX ex: <http://e/> SELECT * WHERE { OPTIONAL { ?x ex:a\# ?y } SERVICE <URL> { ?s ?p ?o } }")),
    Attack("escaped-apostrophe", r"SERVICE after `ex:a\'` and a later quote (issue 14)", "403",
           service(r"PREFIX ex: <http://e/> SELECT * WHERE { OPTIONAL { ?x ex:a\' ?y } SERVICE <URL> { ?s ?p ?o } "
                   "FILTER(?o != 'x') }")),
    Attack("glued-prefix", "SERVICE glued to a prefixed name: `SERVICEex:sparql { … }`", "403",
           service("PREFIX ex: <HOST> SELECT * WHERE { OPTIONAL { SERVICEex:sparql { ?s ?p ?o } } }")),
    Attack("dotted-local", "SERVICE after a local name with two dot groups: `ex:a.b.SERVICE <…>`", "403",
           service("PREFIX ex: <http://e/> SELECT * WHERE { ?x ?y ex:a.b.SERVICE <URL> { ?s ?p ?o } }")),
    Attack("invalid-iri-prefix", "SERVICE in a prefixed name that expands to an invalid IRI (`ex: <http://e:80>`)",
           "403", service("PREFIX ex: <http://e:80> SELECT * WHERE { ?x ?y ex:SERVICE <URL> { ?s ?p ?o } }")),
    Attack("lower-case-subquery", "`service` in lower case inside a subquery", "403",
           service("SELECT * WHERE { { SELECT * WHERE { service <URL> { ?s ?p ?o } } } }")),
    Attack("unicode-escape", r"`\u0053ERVICE` (a codepoint escape outside strings)", "400",
           service(r"SELECT * WHERE { \u0053ERVICE <URL> { ?s ?p ?o } }")),
    Attack("from-remote", "`FROM <canary>`: does FROM fetch a graph?", "200",
           service("ASK FROM <URL> { ?s ?p ?o }")),
    Attack("update-param", "`update=` parameter, form POST", "403", form({"update": "LOAD <http://127.0.0.1:9/>"})),
    Attack("update-as-query", "`INSERT DATA` / `LOAD` sent as a query", "403",
           service("LOAD <URL> INTO GRAPH <http://g/>")),
    Attack("stall-60kb", "60 KB query body of `a` (stalled every route for 24 s)", "400, others served", stall(60_000)),
    Attack("stall-1mib", "1 MiB query body of `a` (would have stalled for hours)", "400, others served",
           stall((1 << 20) - 1)),
    Attack("oversized", "query body over 1 MiB", "413", lambda live, canary: status(live.query("a" * ((1 << 20) + 1)))),
    Attack("deep-nesting", "10,000 nested `{` (segfaulted a worker)", "400",
           service("SELECT * WHERE " + "{" * 10_000 + "}" * 10_000)),
    Attack("unary-run", "a run of 100,000 `!` in a FILTER", "400",
           service("SELECT * WHERE { FILTER(" + "!" * 100_000 + "true) }")),
    Attack("cartesian", "ORDER BY over a 3-way cartesian product (4.5 GB per worker)", "503",
           service(CARTESIAN)),
    Attack("slowloris", "12 connections trickling their headers", "12 of 12 closed", slowloris),
    Attack("short-body", "POST with Content-Length 1000 and 5 bytes of body", "408", short_body),
    Attack("connection-flood", "17 connections from one address (limit 16)", "503, other address 200", flood),
    Attack("unfair", "two CPU-heavy queries from one client, then a normal one from another", "200, normal query first",
           unfair),
    Attack("javascript-url", "article url `javascript:alert(document.domain)//`", "200, text, no link, CSP",
           javascript_link),
    Attack("static-traversal", "`/static/..%2f..%2fpyproject.toml`", "404", get("/static/..%2f..%2fpyproject.toml")),
]


@pytest.fixture(scope="module")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[LiveServer]:
    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    store = tmp_path_factory.mktemp("attacks") / "store"
    with KnowledgeGraph(store) as kg:
        golds = load_gold_into(kg)
        first = sorted(golds)[0]  # its url becomes javascript:, so every mission page of it shows the link
        evil = Article.from_text(first, (ROOT / "examples" / first).read_text(encoding="utf-8"),
                                 url="javascript:alert(document.domain)//")
        quads = article_quads(evil, [Mission.from_gold(m) for m in golds[first]], iris=kg.iris,
                              extractor_version="gold", ingested_at=None)
        kg.store.replace_graph(kg.iris.article_graph(evil.id), quads)
        kg.relink()
    # small limits, so the attacks stay short
    s = LiveServer(ServerConfig(store=str(store), workers=2, timeout=5, worker_memory=700, header_timeout=1.0,
                                body_timeout=1.0, keep_alive=1.0, max_connections=64,
                                max_connections_per_client=16), log_level="critical")
    yield s
    s.close()


@pytest.mark.parametrize("attack", ATTACKS, ids=lambda a: a.name)
def test_attacks(attack: Attack, live: LiveServer, canary: Any) -> None:
    """The attack gets the result docs/security.md states, and the canary hears nothing."""
    before = len(canary.hits)
    assert attack.run(live, canary) == attack.result
    assert len(canary.hits) == before


def table() -> str:
    rows = ["| attack | tried | result |", "|---|---|---|"]
    rows += [f"| {a.name} | {a.tried} | {a.result} |" for a in ATTACKS]
    return "\n".join(rows)


def test_attacks_table_is_current() -> None:
    """docs/security.md holds exactly this module's attacks and results, between its markers."""
    text = DOC.read_text(encoding="utf-8")
    m = re.search(r"<!-- attacks: begin.*?-->\n(.*?)\n<!-- attacks: end -->", text, re.S)
    assert m, "docs/security.md lost its attack table markers"
    assert m.group(1).strip() == table(), "update docs/security.md: print(tests.test_attacks.table())"


if __name__ == "__main__":  # pragma: no cover - prints the table for the document
    print(table())
