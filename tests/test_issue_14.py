"""Issue 14 (hardening): one regression test per BROKEN item, each failing on the code before the fix.

https://w3id.org/kgbuild/issues/14 — "no request escapes, no request stalls the server, no article
silently replaces another". These tests use only what existed before the fix (``check_read_only``,
``KnowledgeGraph``, the CLI, the HTTP routes), so they run against the old code too. Network
traffic goes to the loopback canary (``conftest.canary``) only.
"""

from __future__ import annotations

import asyncio
import io
import json
import re
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main
from kgbuild.errors import QueryError
from kgbuild.query import check_read_only
from kgbuild.server import ServerConfig

from .conftest import EXAMPLES, InProcess, check_seconds

SEED = "azerbaijan-2020-cis-interim.txt"
SEED_TEXT = (EXAMPLES / SEED).read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def server(gold_store: Path) -> Iterator[InProcess]:
    s = InProcess(ServerConfig(store=str(gold_store), workers=2, timeout=30))
    yield s
    s.close()


def escaped_service(url: str, escape: str) -> str:
    """Issue 14's query: a legal escape in a local name, then SERVICE to ``url`` (and a quoted string:
    a keyword check took ``\\'`` for the start of a string running to the next quote)."""
    return (f"PREFIX ex: <http://e/> SELECT * WHERE {{ OPTIONAL {{ ?x ex:a\\{escape} ?y }} "
            f"SERVICE <{url}> {{ ?s ?p ?o }} FILTER(?o != 'x') }}")


# --- BROKEN 1: SERVICE check bypassed -----------------------------------------------------------------
@pytest.mark.parametrize("escape", ["#", "'"])
def test_issue_14_service_behind_a_local_name_escape_never_leaves(
    escape: str, canary: Any, gold_store: Path, server: InProcess
) -> None:
    """The escaped query is refused by the check, by `kgbuild sparql` and by /query; the canary hears nothing."""
    text = escaped_service(canary.url, escape)
    before = len(canary.hits)
    with pytest.raises(QueryError, match="SERVICE"):
        check_read_only(text)
    r = CliRunner().invoke(main, ["sparql", "--store", str(gold_store), text, "--format", "json"])
    assert r.exit_code != 0 and "SERVICE" in r.output
    resp = server.get("/query", params={"query": text})
    assert resp.status_code == 403 and "SERVICE" in resp.json()["error"]["detail"]
    assert len(canary.hits) == before


# --- BROKEN 2: one request freezes the server ------------------------------------------------------------
def test_issue_14_the_check_takes_linear_time() -> None:
    """4x the text costs about 4x, not 16x: 64 KiB of "a" against 16 KiB (a ratio, no clock limit)."""
    small, large = check_seconds("a" * (16 << 10)), check_seconds("a" * (64 << 10))
    assert large < 10 * max(small, 1e-4), f"16 KiB: {small:.4f} s, 64 KiB: {large:.4f} s"


def test_issue_14_a_60_kb_query_does_not_stall_the_event_loop(server: InProcess) -> None:
    """While a 60 KB query body is handled, the event loop keeps turning: the longest gap between
    the ticks of a 10 ms heartbeat stays near its gap when idle (a generous ratio, no clock limit)."""

    async def longest_gap(until: asyncio.Future[Any] | None, ticks: int = 20) -> float:
        gap, last, n = 0.0, time.perf_counter(), 0
        while (until is None and n < ticks) or (until is not None and not until.done()):
            await asyncio.sleep(0.01)
            now = time.perf_counter()
            gap, last, n = max(gap, now - last), now, n + 1
        return gap

    async def scenario() -> tuple[float, float, int]:
        idle = await longest_gap(None)
        big = asyncio.ensure_future(server.client.post(
            "/query", content=b"a" * 60_000, headers={"Content-Type": "application/sparql-query"}))
        busy = await longest_gap(big)
        return idle, busy, (await big).status_code

    idle, busy, status = server.run(scenario())
    assert status == 400
    assert busy < 50 * max(idle, 0.02), f"longest event-loop gap idle {idle:.3f} s, with a 60 KB query {busy:.3f} s"


# --- BROKEN 3: javascript: links ------------------------------------------------------------------------
def test_issue_14_javascript_urls_become_no_links(tmp_path: Path) -> None:
    """An article URL `javascript:...` read from JSON Lines is shown on /mission/KEY, never as a link."""
    feed = tmp_path / "feed.jsonl"
    record = {"id": "evil", "url": "javascript:alert(document.domain)//", "text": SEED_TEXT, "title": "Evil"}
    feed.write_text(json.dumps(record) + "\n", encoding="utf-8")
    store = tmp_path / "store"
    with KnowledgeGraph(store) as kg:
        report = kg.build([feed])
        assert report.added == ["evil"], report.failed
        key = kg.query("missions")[0]["mission"].rsplit("/", 1)[-1]
    s = InProcess(ServerConfig(store=str(store), workers=1))
    try:
        page = s.get(f"/mission/{key}")
    finally:
        s.close()
    assert page.status_code == 200 and "Evil" in page.text
    assert not re.search(r"href\s*=\s*[\"']?\s*javascript:", page.text, re.I)
    assert "script-src 'self'" in page.headers.get("content-security-policy", "")


# --- BROKEN 4: article ids collide ----------------------------------------------------------------------
def test_issue_14_a_record_id_differing_in_case_and_extension_is_another_article(tmp_path: Path) -> None:
    """The record AZERBAIJAN-2020-cis-interim does not replace the file azerbaijan-2020-cis-interim.txt."""
    (tmp_path / SEED).write_text(SEED_TEXT, encoding="utf-8")
    feed = tmp_path / "feed.jsonl"
    feed.write_text(json.dumps({"id": "AZERBAIJAN-2020-cis-interim", "text": "Observers arrived."}) + "\n",
                    encoding="utf-8")
    with KnowledgeGraph(None) as kg:
        assert kg.build([tmp_path / SEED]).added == [SEED]
        second = kg.build([feed])
        assert second.added == ["AZERBAIJAN-2020-cis-interim"] and not second.replaced
        assert len(kg.store.article_graphs()) == 2
        assert any(m["organizer"] for m in kg.query("missions"))  # the seed's missions are still there


def test_issue_14_same_stem_other_extension_or_case_in_one_build(tmp_path: Path) -> None:
    """x.txt, x.html and X.text in one build: three articles, no traceback."""
    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "x.txt").write_text("Observers of the CIS arrived in Baku.", encoding="utf-8")
    (folder / "X.text").write_text("Observers of the OSCE arrived in Minsk.", encoding="utf-8")
    (folder / "x.html").write_text(
        "<!doctype html><html><head><title>T</title></head><body><article><p>Observers of PACE arrived "
        "in Yerevan on Monday to watch the vote.</p></article></body></html>", encoding="utf-8")
    with KnowledgeGraph(None) as kg:
        report = kg.build([folder])
        assert sorted(report.added) == ["X.text", "x.html", "x.txt"] and not report.failed
        assert len(kg.store.article_graphs()) == 3


def test_issue_14_two_stdin_builds_keep_both_articles() -> None:
    """Two different documents piped in by two builds are two articles."""
    with KnowledgeGraph(None) as kg:
        first = kg.build(["-"], stdin=io.BytesIO(b"Observers of the CIS arrived in Baku."))
        second = kg.build(["-"], stdin=io.BytesIO(b"Observers of the OSCE arrived in Minsk."))
        assert len(first.added) == 1 and len(second.added) == 1 and not second.replaced
        assert len(kg.store.article_graphs()) == 2


def test_issue_14_index_html_of_two_feeds_do_not_replace_each_other(tmp_path: Path) -> None:
    """feedA/index.html then feedB/index.html: feed A's article stays; feed B's is stored or reported, never a silent replacement."""
    page = ("<!doctype html><html><head><title>{t}</title></head><body><article><p>Observers of the {o} "
            "arrived in {c} on Monday to watch the vote.</p></article></body></html>")
    for feed, (t, o, c) in {"feedA": ("Feed A", "CIS", "Baku"), "feedB": ("Feed B", "OSCE", "Minsk")}.items():
        (tmp_path / feed).mkdir()
        (tmp_path / feed / "index.html").write_text(page.format(t=t, o=o, c=c), encoding="utf-8")
    with KnowledgeGraph(None) as kg:
        kg.build([tmp_path / "feedA"])
        second = kg.build([tmp_path / "feedB"])
        assert not second.replaced
        rows = kg.sparql("SELECT ?t WHERE { ?a a eo:Article ; schema:headline ?t }")
        assert isinstance(rows, tuple)
        titles = {r["t"].value for r in rows[0]}
        assert "Feed A" in titles
        assert "Feed B" in titles or second.failed


# --- BROKEN 5: FROM is ignored --------------------------------------------------------------------------
def test_issue_14_from_names_the_dataset(gold_store: Path, server: InProcess) -> None:
    """ASK FROM <http://nope/> is false in `kgbuild sparql` and at /query; default-graph-uri works too."""
    ask = "ASK FROM <http://nope/> { ?s ?p ?o }"
    with KnowledgeGraph(gold_store, read_only=True) as kg:
        assert kg.sparql("ASK { ?s ?p ?o }") is True
        assert kg.sparql(ask) is False
    r = server.get("/query", params={"query": ask}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is False
    r = server.get("/query", params={"query": "ASK { ?s ?p ?o }", "default-graph-uri": "http://nope/"},
                   headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200 and r.json()["boolean"] is False
