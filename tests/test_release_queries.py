"""The release's example queries (issue 15), each run on the examples graph and checked against the
examples' gold files; `publish` ships them with the IRI patterns and the diagram."""

from __future__ import annotations

import json
import subprocess
from collections import Counter
from pathlib import Path
from typing import Any

import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.iris import Iris
from kgbuild.model import Article
from kgbuild.publish import release_docs

from .conftest import EXAMPLES, require_tool
from .test_link_federated import WIKIDATA, endpoint  # noqa: F401 - the loopback endpoint fixture

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "release" / "queries"
IRIS = Iris()
CIS = "Commonwealth of Independent States"


def _gold() -> list[tuple[str, dict[str, Any]]]:
    out = []
    for f in sorted(EXAMPLES.glob("*.gold.json")):
        gold = json.loads(f.read_text(encoding="utf-8"))
        out += [(gold["article"], m) for m in gold["missions"]]
    return out


def _mission(m: dict[str, Any], published: str | None = None) -> str:
    date = (m.get("election") or {}).get("date")
    year = int((date or published or "0")[:4]) or None
    return IRIS.mission(m["organizer"], m["country"], date, (m.get("election") or {}).get("type"), year).value


def _run(kg: KnowledgeGraph, name: str) -> list[dict[str, Any]]:
    rows, _ = kg.sparql((QUERIES / name).read_text(encoding="utf-8"))  # type: ignore[misc]
    return [{k: (v.value if v is not None else None) for k, v in r.items()} for r in rows]  # unbound: absent


def test_release_queries_missions_in_country_with_observers(gold_kg) -> None:
    """Missions to Azerbaijan's elections: one row each, with the largest total stated for it."""
    rows = _run(gold_kg, "missions-in-country.rq")
    expected = {_mission(m) for _, m in _gold() if m["country"] == "AZ"}
    assert {r["mission"] for r in rows} == expected and len(rows) == len(expected) == 4
    totals = {_mission(m): (m.get("observers") or {}).get("total") for _, m in _gold() if m["country"] == "AZ"}
    for r in rows:
        assert (int(r["observers"]) if r.get("observers") else None) == totals[r["mission"]]


def test_release_queries_countries_in_cis_missions(gold_kg) -> None:
    """The countries listed as members of CIS missions, each with its number of missions."""
    rows = _run(gold_kg, "countries-in-cis-missions.rq")
    expected: Counter[str] = Counter()
    for key in {(_mission(m), cc) for _, m in _gold() if m["organizer"] == CIS for cc in m["member_countries"]}:
        expected[key[1]] += 1
    assert {r["country"].rsplit("/", 1)[-1]: int(r["missions"]) for r in rows} == dict(expected)
    assert len(rows) >= 5


def test_release_queries_who_accredited_whom(gold_kg) -> None:
    """Each (commission, mission, article) accreditation of the gold files, with the article's date."""
    rows = _run(gold_kg, "who-accredited-whom.rq")
    expected = {(m["accredited_by"], _mission(m), a) for a, m in _gold() if m.get("accredited_by")}
    assert {(r["commission"], r["mission"], r["article"]) for r in rows} == expected
    assert len(expected) >= 5 and all(r.get("asOf") for r in rows)
    cis_az = [r for r in rows if r["mission"].endswith("/cis-az-parliamentary-2020-02-09") and r.get("category") == "TotalObservers"]
    assert cis_az and cis_az[0]["count"] == "252"


def test_release_queries_missions_per_year(gold_kg) -> None:
    """Missions per election year: each mission once, under the year of its election's voting day
    (an article that gives no date still names the election another article dates)."""
    rows = _run(gold_kg, "missions-per-year.rq")
    published = {json.loads(f.read_text(encoding="utf-8"))["article"]: json.loads(f.read_text(encoding="utf-8"))["published"]
                 for f in EXAMPLES.glob("*.gold.json")}

    def election(a: str, m: dict[str, Any]) -> tuple[str, str, str]:
        el = m.get("election") or {}
        return (m["country"], el.get("type") or "election", (el.get("date") or published[a] or "")[:4])

    dated = {election(a, m) for a, m in _gold() if (m.get("election") or {}).get("date")}
    expected: Counter[int] = Counter()
    for _key, year in {(_mission(m, published[a]), election(a, m)[2]) for a, m in _gold() if election(a, m) in dated}:
        expected[int(year)] += 1
    assert {int(r["year"]): int(r["missions"]) for r in rows} == dict(expected)


def test_release_queries_federated_join_with_wikidata(gold_kg, endpoint) -> None:  # noqa: F811
    """The SERVICE example joins the examples' host countries with a (loopback, recorded) Wikidata."""
    url, queries = endpoint
    text = (QUERIES / "federated-wikidata.rq").read_text(encoding="utf-8").replace(WIKIDATA, url)
    rows = list(gold_kg.store.query(text, union=False))
    by_country = {r["alpha2"].value: int(r["population"].value) for r in rows}
    assert by_country == {"AZ": 10127874, "BY": 9255524, "RU": 146150789}  # the recorded answer's countries the examples host
    missions = {r["mission"].value for r in rows}
    published = {json.loads(f.read_text(encoding="utf-8"))["article"]: json.loads(f.read_text(encoding="utf-8"))["published"]
                 for f in EXAMPLES.glob("*.gold.json")}
    assert missions == {_mission(m, published[a]) for a, m in _gold() if m["country"] in by_country}
    assert len(queries) == 1


def test_release_queries_provenance_of_a_figure(examples_store: Path) -> None:
    """Each observer total comes with its article and the exact characters that state it."""
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        rows = _run(kg, "provenance-of-a-figure.rq")
    assert len(rows) >= 5
    for r in rows:
        article = Article.from_text(r["file"], (EXAMPLES / r["file"]).read_text(encoding="utf-8"))
        assert article.text[int(r["begin"]):int(r["end"])] == r["anchor"]
        assert r.get("headline") == (article.title or None) and r.get("url") == (article.url or None)  # when known
        assert r["anchor"] in r["sentence"]


def test_release_docs_are_published_and_the_diagram_parses(gold_kg, tmp_path: Path) -> None:
    """publish writes docs/README.md (IRI patterns, Mermaid diagram) and the six example queries."""
    written = release_docs(tmp_path)
    assert sorted(written) == ["README.md"] + sorted(f"queries/{p.name}" for p in QUERIES.glob("*.rq"))
    assert len([w for w in written if w.endswith(".rq")]) >= 6
    readme = (tmp_path / "README.md").read_text(encoding="utf-8")
    assert "```mermaid" in readme and "| mission | `{base}mission/" in readme
    for name in QUERIES.glob("*.rq"):
        assert f"`{name.name}`" in readme


@pytest.mark.parametrize("name", sorted(p.name for p in QUERIES.glob("*.rq")))
def test_release_queries_parse_with_rdflib(name: str) -> None:
    """Every example is standard SPARQL 1.1 (rdflib's parser, not only Oxigraph's)."""
    from rdflib.plugins.sparql import prepareQuery

    prepareQuery((QUERIES / name).read_text(encoding="utf-8"))


def test_release_turtle_and_void_pass_rapper(gold_kg, tmp_path: Path) -> None:
    """The release's Turtle dump and void.ttl are accepted by rapper."""
    from kgbuild.publish import DatasetInfo, publish

    publish(gold_kg, tmp_path, DatasetInfo(download_base="https://example.org/dumps", contact="mailto:d@example.org"))
    rapper = require_tool("rapper")
    for name in ("kgbuild.ttl", "void.ttl"):
        proc = subprocess.run([rapper, "-i", "turtle", "-c", str(tmp_path / name)], capture_output=True, text=True)
        assert proc.returncode == 0, proc.stderr
