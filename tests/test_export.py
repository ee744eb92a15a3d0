"""Exports: Turtle that rdflib and rapper accept, deterministic bytes, datasets keep their graphs, VoID."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib

from kgbuild.api import KnowledgeGraph
from kgbuild.errors import ParameterError
from kgbuild.publish import DatasetInfo, publish

from .conftest import load_gold_into, require_tool


def test_export_turtle_parses_with_rdflib_and_rapper(gold_kg, tmp_path: Path) -> None:
    """The Turtle export is accepted by rdflib and by rapper, with the same triple count."""
    out = tmp_path / "kg.ttl"
    n = gold_kg.export(out, format="turtle")
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) == n > 500
    text = out.read_text(encoding="utf-8")
    assert text.startswith("@prefix") and "eo:ObservationMission" in text
    rapper = require_tool("rapper")
    proc = subprocess.run([rapper, "-i", "turtle", "-c", str(out)], capture_output=True, text=True)
    assert proc.returncode == 0, proc.stderr
    assert f"returned {n} triples" in proc.stderr


def test_export_is_byte_identical_for_the_same_graph(tmp_path: Path) -> None:
    """Two graphs built from the same input export to identical bytes in every format."""
    outs = []
    for i in range(2):
        with KnowledgeGraph(None) as kg:
            load_gold_into(kg)
            files = {}
            for fmt in ("turtle", "trig", "nquads", "jsonld"):
                p = tmp_path / f"{i}.{fmt}"
                kg.export(p, format=fmt)
                files[fmt] = p.read_bytes()
            outs.append(files)
    assert outs[0] == outs[1]


FORMATS = {"turtle": ox.RdfFormat.TURTLE, "ntriples": ox.RdfFormat.N_TRIPLES, "rdfxml": ox.RdfFormat.RDF_XML,
           "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS}


def test_export_on_disk_is_byte_identical_whatever_the_build_order(tmp_path: Path) -> None:
    """On disk (key order, no sort): built in reverse, one graph removed and re-added, compacted: same bytes."""
    outs = []
    for name, reverse in (("a", False), ("b", True)):
        with KnowledgeGraph(tmp_path / name) as kg:
            load_gold_into(kg, reverse=reverse)
            if reverse:
                graph = kg.store.article_graphs()[0]
                quads = list(kg.store.quads(graph))
                kg.store.remove_graph(graph)
                kg.store.replace_graph(graph, quads)
                kg.store.optimize()
            outs.append({fmt: _export_bytes(kg, tmp_path / f"{name}.{fmt}", fmt) for fmt in FORMATS})
    assert outs[0] == outs[1]


def test_export_on_disk_has_the_same_triples_as_the_sorted_export(tmp_path: Path) -> None:
    """The on-disk path writes exactly the triples (and quads) that the sorted in-memory path writes."""
    with KnowledgeGraph(None) as mem, KnowledgeGraph(tmp_path / "disk") as disk:
        load_gold_into(mem)
        load_gold_into(disk)
        for fmt, rdf_format in FORMATS.items():
            a, b = tmp_path / f"mem.{fmt}", tmp_path / f"disk.{fmt}"
            n_mem, n_disk = mem.export(a, format=fmt), disk.export(b, format=fmt)
            parsed_mem = set(ox.parse(path=str(a), format=rdf_format))
            parsed_disk = set(ox.parse(path=str(b), format=rdf_format))
            assert n_mem == n_disk == len(parsed_disk) > 500, fmt
            assert parsed_mem == parsed_disk, fmt


def _export_bytes(kg: KnowledgeGraph, path: Path, fmt: str) -> bytes:
    kg.export(path, format=fmt)
    return path.read_bytes()


def test_export_trig_keeps_one_graph_per_article(gold_kg, tmp_path: Path) -> None:
    """TriG and N-Quads keep the per-article named graphs; Turtle merges them."""
    out = tmp_path / "kg.trig"
    gold_kg.export(out, format="trig")
    ds = ox.Dataset(ox.parse(path=str(out), format=ox.RdfFormat.TRIG))
    graphs = {q.graph_name.value for q in ds if isinstance(q.graph_name, ox.NamedNode)}
    articles = [g for g in graphs if "/graph/article/" in g]
    assert len(articles) == len(list(Path("examples").glob("*.gold.json")))


def test_export_jsonld_has_context_and_compact_terms(gold_kg, tmp_path: Path) -> None:
    """JSON-LD uses our prefixes as its @context and round-trips to the same triples."""
    out = tmp_path / "kg.jsonld"
    n = gold_kg.export(out, format="jsonld")
    doc = json.loads(out.read_text(encoding="utf-8"))
    assert doc["@context"]["eo"] == "https://w3id.org/kgbuild/ontology#"
    assert len(rdflib.Graph().parse(out, format="json-ld")) == n


def test_export_unknown_format_is_a_parameter_error(gold_kg, tmp_path: Path) -> None:
    """An unknown export format names the parameter."""
    with pytest.raises(ParameterError, match="'format'"):
        gold_kg.export(tmp_path / "x", format="yaml")


def test_publish_void_counts_match_the_turtle(gold_kg, tmp_path: Path) -> None:
    """void:triples equals the Turtle dump's triples; the description is stored and queryable."""
    counts = publish(gold_kg, tmp_path, DatasetInfo(endpoint="http://127.0.0.1:7878/query",
                                                     download_base="https://example.org/dumps"))
    void = rdflib.Graph().parse(tmp_path / "void.ttl", format="turtle")
    VOID = rdflib.Namespace("http://rdfs.org/ns/void#")
    ds = rdflib.URIRef("https://w3id.org/kgbuild/data/dataset")
    (triples,) = list(void.objects(ds, VOID.triples))
    assert int(triples) == counts["kgbuild.ttl"] == len(rdflib.Graph().parse(tmp_path / "kgbuild.ttl"))
    assert (None, VOID.sparqlEndpoint, rdflib.URIRef("http://127.0.0.1:7878/query")) in void
    data = rdflib.Graph().parse(tmp_path / "kgbuild.ttl")
    (subjects,) = list(void.objects(None, VOID.distinctSubjects))
    (properties,) = list(void.objects(None, VOID.properties))
    assert int(subjects) == len(set(data.subjects())) and int(properties) == len(set(data.predicates()))
    partitions = {str(void.value(p, VOID["class"])): int(void.value(p, VOID.entities))
                  for p in void.objects(None, VOID.classPartition)}
    eo_mission = rdflib.URIRef("https://w3id.org/kgbuild/ontology#ObservationMission")
    assert partitions[str(eo_mission)] == len(set(data.subjects(rdflib.RDF.type, eo_mission))) == 22
    assert list(void.objects(None, VOID.exampleResource))
    stored = list(gold_kg.store.select(
        "SELECT ?n WHERE { GRAPH ?g { ?d a dcat:Dataset ; void:triples ?n } }", union=False))
    assert int(stored[0]["n"].value) == counts["kgbuild.ttl"]
    assert (tmp_path / "ontology" / "kgbuild-0.4.0.owl").exists()
    assert (tmp_path / "ontology" / "kgbuild-0.4.0.md").read_text(encoding="utf-8").strip()
