"""Building from real files with the real extractor: exact seed facts, idempotence, bad inputs, crashes."""

from __future__ import annotations

import json
import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.store import ONTOLOGY_GRAPH
from kgbuild.vocab import KGL

from .conftest import EXAMPLES

SEED = "azerbaijan-2020-cis-interim.txt"


def kgbuild(*args: str, **kw) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kgbuild", *args], capture_output=True, text=True, **kw)


def canonical(store: Path) -> list[str]:
    """The store's quads as sorted N-Quads lines, without ingestion timestamps (no blank nodes in
    data), with the listing's version number (a counter of refreshes) written as N, and each
    listing rank with gaps (articles, accreditations, participation: an incremental relink puts a
    new row between its neighbours) written as its place in the listing's order."""
    with KnowledgeGraph(store, read_only=True) as kg:
        lines = []
        version = re.compile(re.escape(kg.iris.listing_graph().value) + r"/\d+>")
        places: dict[ox.Quad, str] = {}
        for prop in (KGL.listedRank, KGL.accreditationKey, KGL.participationKey):
            found = sorted(kg.store.quads_for_pattern(None, prop, None, None),
                           key=lambda q: (str(q.graph_name), int(q.object.value) if prop == KGL.listedRank
                                          else q.object.value))
            for place, q in enumerate(found):
                part = "" if prop == KGL.listedRank else q.object.value.split("|")[0]
                places[q] = f"{part}|{place}"
        for q in kg.store.quads():
            if q.graph_name == ONTOLOGY_GRAPH or q.predicate.value.endswith("#ingestedAt"):
                continue
            if q in places:
                q = ox.Quad(q.subject, q.predicate, ox.Literal(places[q]), q.graph_name)
            lines.append(version.sub(kg.iris.listing_graph().value + "/N>", str(q)))
    return sorted(lines)


def test_build_seed_article_gives_exactly_its_gold(tmp_path: Path) -> None:
    """`kgbuild build` then `kgbuild facts` on the seed article prints exactly its gold missions."""
    store = str(tmp_path / "s")
    proc = kgbuild("build", "--store", store, str(EXAMPLES / SEED))
    assert proc.returncode == 0, proc.stderr
    assert "1 added" in proc.stdout
    facts = json.loads(kgbuild("facts", "--store", store).stdout)
    gold = json.loads((EXAMPLES / SEED.replace(".txt", ".gold.json")).read_text(encoding="utf-8"))
    (art,) = facts["articles"]
    assert art["article"] == SEED

    def norm(m: dict) -> dict:
        return dict(m, member_countries=sorted(m["member_countries"]),
                    member_organizations=sorted(m["member_organizations"]))

    assert [norm(m) for m in art["missions"]] == [norm(m) for m in gold["missions"]]


def test_build_again_changes_nothing_and_a_changed_article_is_replaced(examples_copy: Path, tmp_path: Path) -> None:
    """Rebuilding unchanged articles skips them; editing one replaces only its graph."""
    before = canonical(examples_copy)
    with KnowledgeGraph(examples_copy) as kg:
        report = kg.build([EXAMPLES])
    assert len(report.unchanged) == 13 and not report.added and not report.replaced
    assert canonical(examples_copy) == before
    folder = tmp_path / "in"
    folder.mkdir()
    seed = folder / SEED
    shutil.copy(EXAMPLES / SEED, seed)
    with KnowledgeGraph(None) as kg:
        assert kg.build([folder]).added == [SEED]
        seed.write_text(seed.read_text(encoding="utf-8").replace("252 CIS observers", "260 CIS observers"),
                        encoding="utf-8")
        report = kg.build([folder])
        assert report.replaced == [SEED] and not report.added and not report.failed
        facts = {a["article"]: a["missions"] for a in kg.facts()["articles"]}
    assert facts[SEED][0]["observers"]["total"] == 260


def test_build_same_id_from_another_source_is_kept_not_replaced(examples_copy: Path, tmp_path: Path) -> None:
    """Issue 14: an edited copy of an article in another folder has the same id but another source:
    the stored article is kept and the copy reported, unless --force."""
    edited = tmp_path / "copy"
    shutil.copytree(EXAMPLES, edited)
    seed = edited / SEED
    seed.write_text(seed.read_text(encoding="utf-8").replace("252 CIS observers", "260 CIS observers"), encoding="utf-8")
    with KnowledgeGraph(examples_copy) as kg:
        report = kg.build([edited])
        assert not report.replaced and len(report.unchanged) == 12
        assert [p.item for p in report.failed] == [str(seed)] and "another source" in report.failed[0].problem
        assert {a["article"]: a["missions"] for a in kg.facts()["articles"]}[SEED][0]["observers"]["total"] == 252
        report = kg.build([edited], force=True)
        assert SEED in report.replaced and not report.failed
        assert {a["article"]: a["missions"] for a in kg.facts()["articles"]}[SEED][0]["observers"]["total"] == 260


def test_build_bad_inputs_one_line_each_and_the_rest_is_stored(tmp_path: Path) -> None:
    """A batch with bad items stores the good ones, prints one line per bad item and exits 1."""
    d = tmp_path / "in"
    d.mkdir()
    shutil.copy(EXAMPLES / SEED, d / SEED)
    (d / "empty.txt").write_bytes(b"")
    (d / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04" * 100)
    (d / "dump.jsonl").write_text('{"text": "The SADC mission opened in Lusaka."}\n{not json\n', encoding="utf-8")
    with open(d / "huge.txt", "wb") as fh:
        fh.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    store = tmp_path / "s"
    proc = kgbuild("build", "--store", str(store), str(d), str(tmp_path / "missing.txt"))
    assert proc.returncode == 1
    errors = [line for line in proc.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 5, proc.stderr
    for name in ("empty.txt", "binary.txt", "dump.jsonl", "huge.txt", "missing.txt"):
        assert sum(name in e for e in errors) == 1, (name, errors)
    assert "2 added" in proc.stdout and "5 failed" in proc.stdout
    with KnowledgeGraph(store, read_only=True) as kg:
        assert kg.summary()["articles"] == 2


def test_build_extraction_error_is_reported_per_article(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An article whose extraction raises is reported; the other articles are stored."""
    import kgbuild.extract.components as components

    real = components.extract_missions

    def flaky(ctx):
        if "Belarus" in ctx.text[:300]:
            raise RuntimeError("injected fault")
        return real(ctx)

    monkeypatch.setattr(components, "extract_missions", flaky)
    with KnowledgeGraph(tmp_path / "s") as kg:
        report = kg.build([EXAMPLES])
        failed = {p.item for p in report.failed}
        assert failed and all("injected fault" in p.problem for p in report.failed)
        assert len(report.added) == 13 - len(failed)
        stored = {a["article"] for a in kg.facts()["articles"]}
        assert not (stored & failed)


def _corpus(tmp_path: Path, copies: int) -> Path:
    d = tmp_path / "corpus"
    d.mkdir()
    for i in range(copies):
        for src in sorted(EXAMPLES.glob("*.txt")):
            (d / f"{src.stem}-{i}.txt").write_text(src.read_text(encoding="utf-8") + f"\n\nUpdate {i}.\n", encoding="utf-8")
    return d


def test_build_survives_sigkill_at_ten_points(tmp_path: Path) -> None:
    """After SIGKILL at any point every article is complete or absent, and a re-run converges."""
    corpus = _corpus(tmp_path, 2)
    reference = tmp_path / "reference"
    t0 = time.perf_counter()
    assert kgbuild("build", "--store", str(reference), str(corpus)).returncode == 0
    duration = time.perf_counter() - t0
    want = canonical(reference)
    by_graph: dict[str, set[str]] = {}
    for line in want:
        by_graph.setdefault(line.rsplit(" ", 2)[-2], set()).add(line)
    for k in range(10):
        store = tmp_path / f"killed-{k}"
        proc = subprocess.Popen([sys.executable, "-m", "kgbuild", "build", "--store", str(store), str(corpus)],
                                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(duration * (0.15 + 0.08 * k))
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if store.exists():
            got = canonical(store)
            got_graphs: dict[str, set[str]] = {}
            for line in got:
                got_graphs.setdefault(line.rsplit(" ", 2)[-2], set()).add(line)
            for g, lines in got_graphs.items():
                if "/graph/article/" in g:
                    assert lines == by_graph[g], f"kill {k}: article graph {g} is partial"
        assert kgbuild("build", "--store", str(store), str(corpus)).returncode == 0
        assert canonical(store) == want, f"kill {k}: re-run did not converge"


def test_build_dataset_export_equals_for_interrupted_and_whole_builds(tmp_path: Path) -> None:
    """Building half the articles, then all, gives the same graph as building all at once."""
    corpus = _corpus(tmp_path, 1)
    files = sorted(corpus.glob("*.txt"))
    whole, halves = tmp_path / "whole", tmp_path / "halves"
    with KnowledgeGraph(whole) as kg:
        kg.build([corpus])
    with KnowledgeGraph(halves) as kg:
        kg.build(files[: len(files) // 2], root=corpus)
    with KnowledgeGraph(halves) as kg:
        report = kg.build([corpus])
        assert len(report.unchanged) == len(files) // 2
    assert canonical(whole) == canonical(halves)


def test_build_a_folder_without_articles_lists_what_it_skipped_and_exits_1(tmp_path: Path) -> None:
    """Issue 14: a folder holding only a PDF no longer reports '0 added ... 0 failed' with exit 0."""
    d = tmp_path / "in"
    d.mkdir()
    (d / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    proc = kgbuild("build", "--store", str(tmp_path / "s"), str(d))
    assert proc.returncode == 1
    assert f"skipped: {d / 'report.pdf'}: not an article type (.pdf); skipped" in proc.stderr
    assert "error: the inputs hold no article" in proc.stderr
    assert "0 added" in proc.stdout and "1 skipped" in proc.stdout


def test_build_follow_symlinks_reads_links_out_of_the_folder(tmp_path: Path) -> None:
    """A symlink out of the folder is an error unless --follow-symlinks."""
    outside = tmp_path / "elsewhere.txt"
    shutil.copy(EXAMPLES / SEED, outside)
    d = tmp_path / "in"
    d.mkdir()
    (d / SEED).symlink_to(outside)
    refused = kgbuild("build", "--store", str(tmp_path / "s1"), str(d))
    assert refused.returncode == 1 and "outside the folder read" in refused.stderr and "0 added" in refused.stdout
    followed = kgbuild("build", "--store", str(tmp_path / "s2"), "--follow-symlinks", str(d))
    assert followed.returncode == 0 and "1 added" in followed.stdout


def test_build_json_lines_leave_the_vocabulary_as_it_was(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A feed of records that each bring new words leaves spaCy's vocabulary as it found it: every chunk
    of articles is extracted inside a memory zone (before, each record added a string and a lexeme
    for good, one reason a 200k-record build grew), and the facts are those of a build without zones."""
    import kgbuild.api

    monkeypatch.setattr(kgbuild.api, "ZONE_ARTICLES", 50)
    feed = tmp_path / "feed.jsonl"
    seed = (EXAMPLES / "azerbaijan-2020-cis-interim.txt").read_text(encoding="utf-8")
    with feed.open("w", encoding="utf-8") as f:
        f.write(json.dumps({"id": "seed", "text": seed}) + "\n")
        for i in range(300):
            f.write(json.dumps({"id": f"rec-{i}", "text": f"Observers of mission zq{i}x arrived on Monday."}) + "\n")
    with KnowledgeGraph(None) as kg:
        nlp = kg.extractor.nlp
        kg.build([feed])
        strings = len(nlp.vocab.strings)
        report = kg.build([feed], force=True)
        assert len(report.replaced) == 301 and not report.failed
        assert len(nlp.vocab.strings) == strings  # (len(vocab) counts lexemes ever made, freed or not)
        for word in ("zq0x", "zq7x", "zq299x"):
            assert word not in nlp.vocab.strings and word not in nlp.vocab
        zoned = kg.facts()
    monkeypatch.setattr(kgbuild.api, "ZONE_ARTICLES", 10**9)
    with KnowledgeGraph(None) as kg:
        kg.build([feed])
        assert kg.facts() == zoned
        seed_facts = next(a for a in zoned["articles"] if a["article"] == "seed")
        assert seed_facts["missions"], "the seed article's missions survive the zones"
