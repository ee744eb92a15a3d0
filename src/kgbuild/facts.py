"""The facts view: what each article says, read back from the store by SPARQL.

The output has exactly the shape of the gold files (``examples/FORMAT.md``)::

    {"articles": [{"article": "NAME.txt", "missions": [{...FORMAT.md mission...}]}]}

Other tools (``score.py``, ``kgbuild evaluate``) depend on this shape: keep it stable. Each article's
missions are read from that article's named graph only, so a mission merged across articles
still shows, per article, what that article states: its election's day is the day the article
gives, even when the store files that day as a later round of an election another article dates
(:mod:`kgbuild.elections`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from typing import Any

from .graphstore import GraphStore
from .query import term_to_python
from .table import Table

__all__ = ["FACT_COLUMNS", "fact_table", "facts"]

_ARTICLES = """
SELECT ?g ?file WHERE { GRAPH ?g { ?a a eo:Article ; eo:fileName ?file } }
"""

_MISSIONS = """
SELECT ?g ?mission ?organizer ?wikidata ?country ?type ?edate ?rdate ?early ?sdate ?head ?accredited ?first
WHERE {
  GRAPH ?g {
    ?a a eo:Article ; eo:mentions ?mission .
    ?mission eo:organizer ?o ; eo:observes ?e .
    ?o rdfs:label ?organizer .
    OPTIONAL { ?o eo:wikidataId ?wikidata }
    ?e eo:electionCountry/eo:alpha2 ?country .
    OPTIONAL { ?e eo:electionType ?t . BIND(LCASE(STRAFTER(STR(?t), "#")) AS ?type) }
    OPTIONAL { ?e eo:electionDate ?edate }
    OPTIONAL { ?e eo:roundDate ?rdate }
    OPTIONAL { ?e eo:early ?early }
    OPTIONAL { ?mission eo:startDate ?sdate }
    OPTIONAL { ?mission eo:headOfMission/rdfs:label ?head }
    OPTIONAL { ?mission eo:accreditedBy/rdfs:label ?accredited }
    OPTIONAL {
      SELECT ?mission (MIN(?b) AS ?first) WHERE {
        ?ev rdf:subject ?mission ; rdf:predicate eo:organizer ; nif:beginIndex ?b .
      } GROUP BY ?mission
    }
  }
}
"""

_MEMBERS = """
SELECT ?g ?mission ?label ?alpha2 ?begin WHERE {
  GRAPH ?g {
    ?member eo:participatesIn ?mission .
    OPTIONAL { ?member eo:alpha2 ?alpha2 }
    OPTIONAL { ?member rdfs:label ?label }
    OPTIONAL {
      ?ev rdf:subject ?member ; rdf:predicate eo:participatesIn ; rdf:object ?mission ; nif:beginIndex ?begin .
    }
  }
}
"""

_COUNTS = """
SELECT ?g ?mission ?category ?count WHERE {
  GRAPH ?g {
    ?mission eo:observerCount ?n .
    ?n eo:category ?cat ; eo:count ?count .
    BIND(STRAFTER(STR(?cat), "#") AS ?category)
  }
}
"""

_CATEGORY_KEYS = {"TotalObservers": "total", "LongTermObservers": "long_term", "ShortTermObservers": "short_term"}


def facts(store: GraphStore) -> dict[str, Any]:
    """Every article in ``store`` with the missions its own graph states, in the gold format.

    Articles are sorted by file name; missions by where the article first names them.
    """
    return {"articles": [{"article": name, "missions": [m for _, m in missions]}
                         for name, missions in _articles(store)]}


#: the columns of :func:`fact_table`
FACT_COLUMNS = ("article", "mission", "slot", "value")


def fact_table(store: GraphStore) -> Table:
    """The facts view flattened: one row per (article, mission, slot, value), in :func:`facts`' order.

    ``mission`` is the mission's IRI; ``slot`` is a gold-format key, dotted when nested
    (``organizer``, ``organizer_wikidata``, ``country``, ``election.type``, ``election.date``,
    ``election.early``, ``start_date``, ``head``, ``member_countries``, ``member_organizations``,
    ``accredited_by``, ``observers.total``, ``observers.long_term``, ``observers.short_term``);
    a list gives one row per item, an empty slot (null, false, an empty list) no row. ``value``
    is always text (``"252"``, ``"true"``, ``"2020-02-09"``), so the column has one type in any
    DataFrame or file.
    """
    rows: list[dict[str, Any]] = []
    for name, missions in _articles(store):
        for iri, m in missions:
            for slot, value in _flatten(m):
                rows.append({"article": name, "mission": iri, "slot": slot, "value": value})
    return Table(rows, columns=FACT_COLUMNS)


def _flatten(mission: dict[str, Any], prefix: str = "") -> Iterator[tuple[str, str]]:
    for key, value in mission.items():
        slot = prefix + key
        if isinstance(value, dict):
            yield from _flatten(value, slot + ".")
        elif isinstance(value, list):
            yield from ((slot, str(v)) for v in value)
        elif isinstance(value, bool):
            if value:
                yield slot, "true"
        elif value is not None:
            yield slot, str(value)


def _articles(store: GraphStore) -> list[tuple[str, list[tuple[str, dict[str, Any]]]]]:
    """(file name, [(mission IRI, gold-format mission)]) per article, in the facts view's order."""
    q = store.select
    files: dict[str, str] = {}
    for row in q(_ARTICLES, union=False):
        files[row["g"].value] = row["file"].value
    missions: dict[tuple[str, str], dict[str, Any]] = {}
    order: dict[tuple[str, str], tuple[int, str]] = {}
    for row in q(_MISSIONS, union=False):
        r = {k: term_to_python(v) for k, v in row.items()}
        key = (r["g"], r["mission"])
        m = missions.get(key)
        if m is None:
            m = missions[key] = {
                "organizer": r["organizer"],
                "organizer_wikidata": r.get("wikidata"),
                "country": r["country"],
                "election": {"type": r.get("type"), "date": r.get("edate"), "early": bool(r.get("early", False))},
                "start_date": r.get("sdate"),
                "head": r.get("head"),
                "member_countries": [],
                "member_organizations": [],
                "accredited_by": r.get("accredited"),
                "observers": {"total": None, "long_term": None, "short_term": None},
            }
            order[key] = (r.get("first", 10**12), r["mission"])
        if r.get("edate") is None and r.get("rdate") is not None:
            # the article states only a later round's day of this election (its day is a round
            # of an earlier one that another article dates): that day is what the article says
            day = m["election"]["date"]
            m["election"]["date"] = r["rdate"] if day is None else min(day, r["rdate"])
    members: dict[tuple[str, str], list[tuple[int, str, str]]] = defaultdict(list)
    for row in q(_MEMBERS, union=False):
        r = {k: term_to_python(v) for k, v in row.items()}
        key = (r["g"], r["mission"])
        if key not in missions:
            continue
        if r.get("alpha2"):
            members[key].append((r.get("begin", 10**12), "c", r["alpha2"]))
        elif r.get("label"):
            members[key].append((r.get("begin", 10**12), "o", r["label"]))
    for key, items in members.items():
        seen: set[tuple[str, str]] = set()
        for _, kind, value in sorted(items):
            if (kind, value) in seen:
                continue
            seen.add((kind, value))
            missions[key]["member_countries" if kind == "c" else "member_organizations"].append(value)
    for row in q(_COUNTS, union=False):
        r = {k: term_to_python(v) for k, v in row.items()}
        key = (r["g"], r["mission"])
        if key in missions and r["category"] in _CATEGORY_KEYS:
            missions[key]["observers"][_CATEGORY_KEYS[r["category"]]] = r["count"]
    by_graph: dict[str, list[tuple[tuple[int, str], dict[str, Any]]]] = defaultdict(list)
    for (g, _), m in missions.items():
        by_graph[g].append((order[(g, _)], m))
    return [
        (files[g], [(key[1], m) for key, m in sorted(by_graph.get(g, []), key=lambda t: t[0])])
        for g in sorted(files, key=lambda g: (files[g], g))
    ]
