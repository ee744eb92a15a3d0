"""The store: atomic article graphs, a clear error for a second writer, read-only snapshots."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.errors import StoreError, StoreInUseError
from kgbuild.graphstore import GraphStore
from kgbuild.store import Store, write_lock_held

from .conftest import load_gold_into


def test_store_second_writer_gets_store_in_use(tmp_path: Path) -> None:
    """A second process opening the same store for writing gets a clear 'in use' error."""
    path = tmp_path / "s"
    with Store(path):
        code = (
            "import sys\n"
            "from kgbuild.store import Store\n"
            "from kgbuild.errors import StoreInUseError\n"
            f"try:\n    Store({str(path)!r})\n"
            "except StoreInUseError as e:\n    print(e); sys.exit(7)\n"
        )
        proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert proc.returncode == 7, proc.stderr
    assert "in use by another process" in proc.stdout


def test_store_in_use_through_the_cli(tmp_path: Path) -> None:
    """The CLI turns a held lock into one line and exit status 4, not a RocksDB trace."""
    path = tmp_path / "s"
    with Store(path):
        proc = subprocess.run(
            [sys.executable, "-m", "kgbuild", "build", "--store", str(path), str(tmp_path / "missing.txt")],
            capture_output=True, text=True,
        )
    assert proc.returncode == 4
    assert proc.stderr.strip().startswith("error: store") and "Traceback" not in proc.stderr


def test_store_second_writer_in_the_same_process_gets_store_in_use(tmp_path: Path) -> None:
    """Opening a store this process already writes to is 'in use' too (RocksDB's in-process lock)."""
    path = tmp_path / "s"
    with Store(path):
        with pytest.raises(StoreInUseError, match="in use"):
            Store(path)
        assert write_lock_held(path) is True
    assert write_lock_held(path) is False
    with Store(path):  # the probe released nothing and kept nothing: the store opens again
        pass


def test_store_lock_is_recognized_by_the_lock_not_by_the_message(tmp_path: Path, monkeypatch) -> None:
    """An OSError that mentions a lock while nobody holds the store's lock is a plain StoreError."""
    path = tmp_path / "s"
    Store(path).close()

    def refuse(*args, **kwargs):
        raise OSError(f"IO error: While lock file: {path}/LOCK: Resource temporarily unavailable")

    monkeypatch.setattr("kgbuild.store.ox.Store", refuse)
    with pytest.raises(StoreError, match="Resource temporarily unavailable") as caught:
        Store(path)
    assert not isinstance(caught.value, StoreInUseError)


def test_store_write_lock_held_sees_a_lock_of_another_process(tmp_path: Path) -> None:
    """A POSIX lock on LOCK held by another process (as RocksDB takes it) counts; no LOCK file: unknown."""
    assert write_lock_held(tmp_path) is None
    (tmp_path / "LOCK").write_bytes(b"")
    holder = subprocess.Popen(
        [sys.executable, "-c", "import fcntl, sys, time\nfh = open(sys.argv[1], 'rb+')\n"
         "fcntl.lockf(fh, fcntl.LOCK_EX)\nprint('locked', flush=True)\ntime.sleep(60)\n", str(tmp_path / "LOCK")],
        stdout=subprocess.PIPE, text=True)
    try:
        assert holder.stdout is not None and holder.stdout.readline().strip() == "locked"
        assert write_lock_held(tmp_path) is True
    finally:
        holder.kill()
        holder.wait()
    assert write_lock_held(tmp_path) is False


def test_store_is_a_graph_store() -> None:
    """The embedded store satisfies the GraphStore protocol every caller is typed against."""
    with Store(None) as s:
        assert isinstance(s, GraphStore)


def test_store_read_only_snapshot_while_writer_is_open(tmp_path: Path) -> None:
    """A read-only snapshot opens and answers while the writer holds the store."""
    path = tmp_path / "s"
    with KnowledgeGraph(path) as kg:
        load_gold_into(kg)
        kg.store.backend.flush()
        with KnowledgeGraph(path, read_only=True) as reader:
            assert reader.summary()["missions"] == kg.summary()["missions"] > 0


def _compacted_under_a_snapshot(path: Path) -> tuple[Store, Store]:
    """A writer that wrote 20 graphs in 20 flushes, a snapshot opened then, and the writer's
    compaction after it: the snapshot's manifest names table files that are gone now."""
    writer = Store(path)
    p = ox.NamedNode("https://example.org/p")
    for i in range(20):
        g = ox.NamedNode(f"https://example.org/g{i}")
        writer.replace_graph(g, [ox.Quad(ox.NamedNode(f"https://example.org/s{i}-{j}"), p, ox.Literal(str(j)), g)
                                 for j in range(2000)])
        writer.backend.flush()
    reader = Store(path, read_only=True)
    writer.optimize()
    return writer, reader


def test_store_read_only_snapshot_survives_the_writers_compaction(tmp_path: Path) -> None:
    """Reads of a snapshot whose table files a writer's compaction deleted open it anew and answer."""
    writer, reader = _compacted_under_a_snapshot(tmp_path / "s")
    assert reader.graph_count() == writer.graph_count() >= 20
    assert reader.count_quads() == writer.count_quads() >= 40_000
    rows = list(reader.select("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s <https://example.org/p> ?o } }"))
    assert [int(r["n"].value) for r in rows] == [40_000]


def test_store_read_only_missing_store_is_clear(tmp_path: Path) -> None:
    """Opening a store that does not exist read-only says so and names the path."""
    with pytest.raises(StoreError, match="no store here"):
        Store(tmp_path / "nope", read_only=True)


def test_store_refuses_a_directory_that_is_not_a_store(tmp_path: Path) -> None:
    """A non-empty directory that is not a store is refused rather than filled."""
    (tmp_path / "notes.txt").write_text("mine")
    with pytest.raises(StoreError, match="not a kgbuild store"):
        Store(tmp_path)


def test_store_replace_graph_is_exact_and_atomic() -> None:
    """Replacing a graph leaves exactly the new quads; a failing replacement leaves the old ones."""
    s = Store(None)
    g = ox.NamedNode("https://example.org/g")
    a, p = ox.NamedNode("https://example.org/a"), ox.NamedNode("https://example.org/p")
    s.replace_graph(g, [ox.Quad(a, p, ox.Literal("1"), g), ox.Quad(a, p, ox.Literal("2"), g)])
    s.replace_graph(g, [ox.Quad(a, p, ox.Literal("3"), g)])
    assert {q.object.value for q in s.quads(g)} == {"3"}

    def bad_quads():
        yield ox.Quad(a, p, ox.Literal("4"), g)
        raise RuntimeError("extraction died mid-article")

    with pytest.raises(RuntimeError):
        s.replace_graph(g, bad_quads())
    assert {q.object.value for q in s.quads(g)} == {"3"}
    fresh = ox.NamedNode("https://example.org/fresh")
    with pytest.raises(RuntimeError):
        s.replace_graph(fresh, (ox.Quad(q.subject, q.predicate, q.object, fresh) for q in bad_quads()))
    assert not s.backend.contains_named_graph(fresh)


def test_store_remove_keeps_facts_other_articles_support(gold_kg) -> None:
    """Removing an article drops its graph; a merged mission keeps what other articles state."""
    from datetime import date

    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    other = Article(id="second.txt", text="Moldova takes part in the CIS mission.", published=date(2020, 2, 5))
    m = Mission(organizer="Commonwealth of Independent States", country="AZ", election_type="parliamentary",
                election_date=date(2020, 2, 9), member_countries=["MD"])
    gold_kg.store.replace_graph(gold_kg.iris.article_graph(other.id),
                                article_quads(other, [m], iris=gold_kg.iris, extractor_version="t", ingested_at=None))
    key = "cis-az-parliamentary-2020-02-09"

    def members() -> set[str]:
        return {r["alpha2"] for r in gold_kg.query("mission-members", mission=key) if r.get("alpha2")}

    assert "MD" in members() and "BY" in members()
    assert gold_kg.remove("azerbaijan-2020-cis-interim.txt")
    assert members() == {"MD"}
    assert gold_kg.query("missions-in-country", country="AZ", year=2020)[0]["mission"].endswith(key)
    assert not gold_kg.remove("azerbaijan-2020-cis-interim.txt")
