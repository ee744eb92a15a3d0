"""The benchmark suite's generator and harness (smoke, no timings), and the write/export paths it drove."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pyoxigraph as ox
import pytest
from bench.generate import generate, write_corpus

from kgbuild.model import SLOTS, Article
from kgbuild.store import BatchWriter, Store


def _texts(n: int, seed: int) -> list[tuple[str, str, list[dict]]]:
    return [(g.name, g.raw, g.gold()["missions"]) for g in generate(n, seed=seed)]


def test_bench_generator_is_reproducible_by_seed() -> None:
    """The same seed gives the same articles and gold; another seed gives others; a prefix is stable."""
    a, b = _texts(20, seed=11), _texts(20, seed=11)
    assert a == b
    assert a != _texts(20, seed=12)
    assert _texts(5, seed=11) == a[:5]


def test_bench_generator_articles_are_realistic() -> None:
    """Lengths stay in 150-600 words, some articles have no mission, organizers and hosts vary."""
    arts = list(generate(200, seed=0))
    words = [len(g.article.text.split()) for g in arts]
    assert 150 <= min(words) and max(words) <= 600
    empty = sum(1 for g in arts if not g.missions) / len(arts)
    assert 0.05 < empty < 0.3
    assert len({m.organizer for g in arts for m in g.missions}) >= 10
    assert len({m.country for g in arts for m in g.missions}) >= 20


def test_bench_generator_evidence_points_at_the_stated_value() -> None:
    """Every gold fact cites a span inside its sentence, and dates, counts and names are found there."""
    for g in generate(60, seed=3):
        text = g.article.text
        for m in g.missions:
            assert m.evidence_for("mission") is not None
            for (slot, value), ev in m.evidence.items():
                assert slot in SLOTS
                assert ev.sentence_start <= ev.start < ev.end <= ev.sentence_end <= len(text)
                span = ev.span(text)
                if slot in ("head", "accredited_by", "member_organization") or slot.startswith("observers."):
                    assert span == str(value), (g.name, slot)


def test_bench_write_corpus_round_trips(tmp_path: Path) -> None:
    """Written files keep the ` date` first line, read back to the same text, and carry gold files."""
    out = write_corpus(tmp_path / "c", 5, seed=2)
    txts = sorted(out.glob("*.txt"))
    assert len(txts) == 5 and len(list(out.glob("*.gold.json"))) == 5
    for g, path in zip(generate(5, seed=2), sorted(txts, key=lambda p: p.name), strict=True):
        raw = path.read_text(encoding="utf-8")
        assert raw.startswith(" date ") and Article.from_text(path.name, raw).text == g.article.text
        gold = json.loads(path.with_name(path.name[:-4] + ".gold.json").read_text(encoding="utf-8"))
        assert gold["article"] == path.name and len(gold["missions"]) == len(g.missions)


def test_bench_harness_runs_end_to_end(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """The runner writes, queries (against rdflib too) and exports a 5-article graph and prints the table."""
    from bench.run import main

    out = tmp_path / "r.json"
    assert main(["--sizes", "5", "--parts", "store,query,export", "--runs", "1", "--query-runs", "2",
                 "--json", str(out), "--workdir", str(tmp_path / "w")]) == 0
    table = capsys.readouterr().out
    assert "| measure |" in table and "bulk_load" in table and "export Turtle" in table
    res = json.loads(out.read_text())
    assert res["store"][0]["quads"] > 0
    assert {q["query"] for q in res["query"]["queries"]} >= {"missions", "fact-provenance", "mission-members"}
    for q in res["query"]["queries"]:  # both engines return the same number of rows
        assert q["rows"] == q["rdflib_rows"], q


# --- the write path the benchmark drives ----------------------------------------------------

EX = "https://example.org/"


def _quads(g: ox.NamedNode, *values: str) -> list[ox.Quad]:
    return [ox.Quad(ox.NamedNode(EX + "a"), ox.NamedNode(EX + "p"), ox.Literal(v), g) for v in values]


def _values(s: Store, g: ox.NamedNode) -> set[str]:
    return {q.object.value for q in s.quads(g)}


def test_bench_batch_writer_writes_new_replaces_old_and_keeps_order() -> None:
    """New graphs are buffered and written; an existing or repeated graph ends with its last quads."""
    s = Store(None)
    g1, g2, g3 = (ox.NamedNode(f"{EX}g{i}") for i in (1, 2, 3))
    s.replace_graph(g1, _quads(g1, "old"))
    written: list[str] = []
    with BatchWriter(s, max_quads=3, on_written=lambda g: written.append(g.value)) as w:
        w.put(g2, _quads(g2, "a", "b"))
        w.put(g1, _quads(g1, "new"))  # exists: flushed behind g2, then replaced alone
        w.put(g3, [])
        w.put(g3, _quads(g3, "x"))  # repeated in the batch: the last one wins
    assert _values(s, g1) == {"new"} and _values(s, g2) == {"a", "b"} and _values(s, g3) == {"x"}
    assert written == [g2.value, g1.value, g3.value, g3.value] and w.written == 4


def test_bench_batch_writer_failing_article_leaves_nothing_of_it() -> None:
    """An article whose quads fail while being produced is absent; the others are complete."""
    s = Store(None)
    g1, g2 = ox.NamedNode(EX + "g1"), ox.NamedNode(EX + "g2")

    def dying():
        yield from _quads(g2, "1")
        raise RuntimeError("extraction died mid-article")

    with BatchWriter(s) as w:
        w.put(g1, _quads(g1, "ok"))
        with pytest.raises(RuntimeError):
            w.put(g2, dying())
    assert _values(s, g1) == {"ok"} and not s.backend.contains_named_graph(g2)


def test_bench_replace_graphs_counts_and_empty_graphs() -> None:
    """replace_graphs returns how many graphs it wrote and registers a graph with no quads."""
    s = Store(None)
    gs = [ox.NamedNode(f"{EX}g{i}") for i in range(5)]
    assert s.replace_graphs([(g, _quads(g, str(i)) if i else []) for i, g in enumerate(gs)], max_quads=2) == 5
    assert all(s.backend.contains_named_graph(g) for g in gs)
    assert _values(s, gs[3]) == {"3"}


@pytest.mark.parametrize("blank", [False, True])
def test_bench_fast_export_is_byte_identical(blank: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """The byte-sorted export equals the object-sorted one, also for IRIs that prefix each other and blank nodes."""
    from kgbuild import export as ex

    s = Store(None)
    g, h = s.iris.article_graph("x.txt"), s.iris.article_graph("y.txt")
    subjects = [EX + "a", EX + "a-b", EX + "a/b", EX + "a>"[:-1] + "b", EX + "ä"]
    quads = [ox.Quad(ox.NamedNode(sub), ox.NamedNode(EX + p), ox.Literal(f'v "{i}"\n\\ é'), gr)
             for i, sub in enumerate(subjects) for p in ("p", "p-q", "p/q") for gr in (g, h)]
    if blank:
        quads.append(ox.Quad(ox.BlankNode("b1"), ox.NamedNode(EX + "p"), ox.Literal("1"), g))
    s.replace_graph(g, [q for q in quads if q.graph_name == g])
    s.replace_graph(h, [q for q in quads if q.graph_name == h])
    assert (ex._merged_ntriples(s) is None) == blank  # blank nodes take the exact path
    for fmt in ("turtle", "ntriples", "rdfxml"):
        fast = io.BytesIO()
        n_fast = ex.export(s, fast, format=fmt)
        monkeypatch.setattr(ex, "_merged_ntriples", lambda store: None)
        slow = io.BytesIO()
        n_slow = ex.export(s, slow, format=fmt)
        monkeypatch.undo()
        assert fast.getvalue() == slow.getvalue() and n_fast == n_slow == len(subjects) * 3 + blank


# --- issue 17: the scale-out and floors scripts (smoke, no timings asserted) ----------------


def test_bench_cluster_server_writes_run(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """bench.cluster's write part writes 8 gold graphs into a real Oxigraph server three ways and prints them."""
    pytest.importorskip("distributed")
    from bench.cluster import main

    from .test_remote import _oxigraph_binary

    _oxigraph_binary()  # skips (or fails in CI) without the server binary
    out = tmp_path / "c.json"
    assert main(["--n", "8", "--parts", "writes", "--runs", "1", "--json", str(out)]) == 0
    assert "batched 2 clients" in capsys.readouterr().out
    res = json.loads(out.read_text())["writes"]
    assert res["quads"] > 8 * 50 and all(res[k]["graphs_per_s"] > 0 for k in ("per_graph", "batched"))


def test_bench_floors_runs(capsys: pytest.CaptureFixture[str]) -> None:
    """bench.floors builds a 20-article gold store, relinks, adds one article and exports, and prints each figure."""
    from bench.floors import main

    assert main(["--n", "20", "--runs", "1"]) == 0
    out = capsys.readouterr().out
    assert "one article written + incremental relink" in out and "removed + incremental relink" in out
    assert "full relink (baseline)" in out and "export Turtle" in out and "merged CONSTRUCT" in out
    assert "raw Turtle dump of the same merged triples" in out
    assert "election settling on the settled store: the article's groups [(" in out


def test_bench_default_graph_measures_the_rewrite_on_a_built_store(tmp_path: Path) -> None:
    """bench/default_graph.py builds N gold articles and times the default-graph rewrite against that
    build; its default graph is what VoID counts (smoke: the figures exist, no timing asserted)."""
    from bench.default_graph import measure

    r = measure(40, runs=1, seed=5, workdir=tmp_path)
    assert r["n"] == 40 and r["quads"] > r["default_triples"] > 0
    assert r["build_s"] >= r["write_s"] > 0 and len(r["rewrite_runs"]) == 1 and r["rewrite_s"] > 0
    from kgbuild.api import KnowledgeGraph
    from kgbuild.publish import data_statistics

    with KnowledgeGraph(tmp_path / "store-40", read_only=True) as kg:
        assert data_statistics(kg)["triples"] == r["default_triples"]


def test_bench_extractor_prints_each_rate_and_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    """bench.extractor times raw spaCy, the extractor's parts and a --scorer artifact in one run, and prints the ratios."""
    from importlib.resources import files

    from bench.extractor import main

    packaged = str(files("kgbuild").joinpath("data", "scorer.json.gz"))
    assert main(["--articles", "3", "--repeats", "1", "--cpu", "--scorer", packaged]) == 0
    out = capsys.readouterr().out
    assert "3 generated articles" in out and "words per CPU second" in out
    assert re.search(r"v2 / raw   = \d+\.\d\dx", out) and re.search(r"v2 / parse = \d+\.\d\dx", out)
    assert re.search(rf"v2 with {re.escape(packaged)}: / raw = \d+\.\d\dx, / parse = \d+\.\d\dx, / packaged v2 = \d+\.\d\dx", out)
    assert "the scorer's step alone (CPU s, median of 1, interleaved; parsing the same articles: " in out
    assert re.search(rf"  {re.escape(packaged)}: \d+\.\d{{3}} s \(\d+\.\d% of the parse; [+-]\d+\.\d{{3}} s against packaged\)", out)


def test_bench_rss_phases_prints_each_phase_peak(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """bench/rss_phases.py builds a folder in-process and prints the peak RSS of every phase, and
    with a tracemalloc window the allocations alive at its end (smoke: no figure asserted)."""
    from bench.generate import write_corpus
    from bench.rss_phases import main

    from kgbuild import elections, export, listing
    from kgbuild.store import Store

    before = (elections.settle, export.refresh_default_graph, listing.refresh, Store.optimize)
    folder = write_corpus(tmp_path / "articles", 6, seed=1, gold=False)
    assert main([str(folder), str(tmp_path / "store"), "--every", "2", "--trace-from", "2", "--trace-to", "4"]) == 0
    out = capsys.readouterr().out
    assert "peak RSS by phase (MB):" in out
    for phase in ("ingest", "settle", "refresh_default_graph", "listing_refresh"):
        assert f"'{phase}'" in out, out
    assert "Python allocations made after article 2 and alive at 4" in out
    assert (elections.settle, export.refresh_default_graph, listing.refresh, Store.optimize) == before  # restored
