"""Gold facts -> Mission -> RDF quads -> store -> facts view gives the gold back, for every example."""

from __future__ import annotations

import json

import pytest

from kgbuild.api import KnowledgeGraph

from .conftest import load_gold_into


def _normalise(missions: list[dict]) -> list[str]:
    out = []
    for m in missions:
        m = dict(m)
        m["member_countries"] = sorted(m["member_countries"])
        m["member_organizations"] = sorted(m["member_organizations"])
        out.append(json.dumps(m, sort_keys=True))
    return sorted(out)


def test_facts_roundtrip_equals_gold_for_every_example() -> None:
    """The facts view reads back exactly the gold missions that were written as RDF."""
    with KnowledgeGraph(None) as kg:
        golds = load_gold_into(kg)
        facts = {a["article"]: a["missions"] for a in kg.facts()["articles"]}
    assert set(facts) == set(golds)
    for name, gold in golds.items():
        assert _normalise(facts[name]) == _normalise(gold), name


def test_facts_rewriting_an_article_replaces_its_graph() -> None:
    """Writing the same article graph twice leaves the same number of quads (no duplicates)."""
    with KnowledgeGraph(None) as kg:
        load_gold_into(kg)
        n = kg.store.count_quads()
        load_gold_into(kg)
        assert kg.store.count_quads() == n


@pytest.mark.parametrize("query", ["missions", "articles", "observer-totals", "accreditations"])
def test_query_catalogue_runs_on_gold_graph(query: str) -> None:
    """Every parameterless-capable catalogue query runs on the gold graph and returns rows."""
    with KnowledgeGraph(None) as kg:
        load_gold_into(kg)
        rows = kg.query(query)
    assert rows
