"""Gold facts -> Mission -> RDF quads -> store -> facts view gives the gold back, for every example."""

from __future__ import annotations

import json
from collections import Counter, defaultdict

from kgbuild.api import KnowledgeGraph
from kgbuild.model import Article

from .conftest import EXAMPLES, load_gold_into


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


def _gold_missions() -> list[tuple[str, str, dict]]:
    """(article file, publication date, gold mission) for every mission of every example."""
    out = []
    for gold_file in sorted(EXAMPLES.glob("*.gold.json")):
        gold = json.loads(gold_file.read_text(encoding="utf-8"))
        published = Article.from_text(gold["article"], (EXAMPLES / gold["article"]).read_text(encoding="utf-8")).published
        out += [(gold["article"], published.isoformat() if published else "", m) for m in gold["missions"]]
    return out


def _mission(m: dict, published: str) -> tuple[str, str, str | None, int]:
    """A mission's identity as docs/rdf-model.md defines it: organizer, host, election type and year
    (of the election date, else of the article's publication)."""
    return m["organizer"], m["country"], m["election"]["type"], int((m["election"]["date"] or published)[:4])


def test_listing_queries_agree_with_the_gold_files(gold_kg) -> None:
    """missions, articles, observer-totals and accreditations give, row for row, what the gold files say."""
    golds = _gold_missions()
    stated: dict[tuple, set[str]] = defaultdict(set)
    totals: dict[tuple, list[tuple[str, int]]] = defaultdict(list)
    for article, published, m in golds:
        key = _mission(m, published)
        stated[key].add(article)
        if m["observers"]["total"] is not None:
            totals[key].append((published, m["observers"]["total"]))

    missions = {(r["organizer"], r["country"], r.get("type"), r["year"]): r["articles"] for r in gold_kg.query("missions")}
    assert missions == {key: len(articles) for key, articles in stated.items()}

    per_article = Counter(article for article, _, _ in golds)
    articles = {r["file"]: r["missions"] for r in gold_kg.query("articles")}
    assert articles == {p.name[: -len(".gold.json")] + ".txt": per_article.get(p.name[: -len(".gold.json")] + ".txt", 0)
                        for p in EXAMPLES.glob("*.gold.json")}

    expected_totals: dict[tuple, list[int]] = defaultdict(lambda: [0, 0, 0])
    for key in stated:
        row = expected_totals[(key[0], key[3])]
        row[0] += 1
        if totals[key]:  # the latest figure; of two on the same day, the larger
            row[1] += max(totals[key])[1]
            row[2] += 1
    got = {(r["organizer"], r["year"]): [r["missions"], r["observers"], r["missions_with_total"]]
           for r in gold_kg.query("observer-totals")}
    assert got == expected_totals

    categories = {"total": "totalobservers", "long_term": "longtermobservers", "short_term": "shorttermobservers"}
    figures: dict[tuple, set[tuple]] = defaultdict(set)
    for article, published, m in golds:
        for category, count in m["observers"].items():
            if count is not None:
                figures[_mission(m, published)].add((article, categories[category], count))
    expected_accreditations = set()
    for _, published, m in golds:
        if m["accredited_by"]:
            key = _mission(m, published)
            for figure in figures[key] or {(None, None, None)}:
                expected_accreditations.add((m["accredited_by"], m["organizer"], *figure))
    accreditations = {(r["commission_label"], r["organizer"], r.get("article"), r.get("category"), r.get("count"))
                      for r in gold_kg.query("accreditations")}
    assert accreditations == expected_accreditations
