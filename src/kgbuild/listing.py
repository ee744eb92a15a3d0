"""The listings: rows of the listing queries, computed when the graph changes, in one derived graph.

Listing queries would otherwise group every article graph at query time (at 10k articles:
``missions`` 1.4 s for 8,272 missions, ``articles`` 1.8 s, ``accreditations`` 1.0 s,
``observer-totals`` 0.6 s). :func:`listing_quads` computes their rows once, when the graph changes
(``KnowledgeGraph.relink`` runs after every build, removal and added article), into a new
version graph ``{base}graph/_missions/N``, which the index graph ``iris.listing_graph()``
(``{base}graph/_missions``) then names ``kgl:currentListing`` (:func:`refresh`):

- one row per mission: the ``kgl:listed*`` values of :data:`AGGREGATION` on the mission's IRI
  (the earliest election and start dates, any ``early``, a head, the number of articles, and
  for each observer category the latest figure: the one with the latest as-of date, ties to
  the larger count), and ``kgl:listedKey``;
- one per article: ``kgl:listedRank`` (by file name) and ``kgl:listedMissions``;
- one per organizer and election year (``kgl:totalsKey``): missions, observers, missions with a total;
- one per accredited figure (:data:`ACCREDITATIONS`, ``kgl:accreditationKey``);
- one per participating country and mission (:data:`PARTICIPATION`, ``kgl:participationKey``).

Each listing has a key or rank that sorts like the listing and is short enough (at most 15
characters) for pyoxigraph to keep it inside its index entries. A listing query chooses, filters
and sorts its rows by that one triple, and reads the other values only for the rows it returns.
The listing states nothing that the article graphs do not, and exports leave it out.

A new version is written in one bulk step and becomes current with a one-triple switch; the old
one is then removed in small steps. So readers see a whole listing, before or after; a crash
leaves at most an unused version (its name is recorded first, and the next refresh removes it);
and memory stays small (at 10k articles, 190k quads: one transaction would hold 170 MB).

>>> mission_key("AZ", 2020, 123), totals_key(None, 7), accreditation_key("", 42)
('AZ|2020|0000123', '----|000000007', '--|000000042')
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterator
from typing import Any

import pyoxigraph as ox

from .graphstore import GraphStore
from .iris import Iris
from .vocab import KGL

__all__ = [
    "ACCREDITATIONS",
    "refresh",
    "AGGREGATION",
    "ARTICLES",
    "COLUMNS",
    "PARTICIPATION",
    "accreditation_key",
    "listing_quads",
    "mission_key",
    "participation_key",
    "totals_key",
]

#: result column of :data:`AGGREGATION` -> property of the mission listing
COLUMNS: dict[str, ox.NamedNode] = {
    "organizer": KGL.listedOrganizer,
    "country": KGL.listedCountry,
    "type": KGL.listedType,
    "election_date": KGL.listedElectionDate,
    "early": KGL.listedEarly,
    "start_date": KGL.listedStartDate,
    "head": KGL.listedHead,
    "total": KGL.listedTotal,
    "long_term": KGL.listedLongTerm,
    "short_term": KGL.listedShortTerm,
    "articles": KGL.listedArticles,
    "year": KGL.listedYear,
}

#: result column of :data:`ACCREDITATIONS` -> property of the accreditation listing
ACCREDITATION_COLUMNS: dict[str, ox.NamedNode] = {
    "commission": KGL.listedCommission,
    "commission_label": KGL.listedCommissionLabel,
    "commission_country": KGL.listedCommissionCountry,
    "mission": KGL.listedMission,
    "organizer": KGL.listedOrganizer,
    "election_date": KGL.listedElectionDate,
    "category": KGL.listedCategory,
    "count": KGL.listedCount,
    "as_of": KGL.listedAsOf,
    "article": KGL.listedArticle,
}

#: one row per mission over every article graph (every join inside one article graph)
AGGREGATION = """SELECT ?mission ?organizer ?country ?type ?election_date ?early ?start_date ?head ?total ?long_term ?short_term ?articles ?year
WHERE {
  {
    SELECT ?mission ?country (SAMPLE(?org_label) AS ?organizer) (SAMPLE(?type_) AS ?type)
           (MIN(?edate) AS ?election_date) (MAX(?early_) AS ?early) (MIN(?sdate) AS ?start_date)
           (SAMPLE(?head_) AS ?head) (COUNT(DISTINCT ?article) AS ?articles) (SAMPLE(?y) AS ?year)
           (MAX(?total_key) AS ?total_max) (MAX(?long_key) AS ?long_max) (MAX(?short_key) AS ?short_max)
    WHERE {
      # Every join happens inside one article graph (each is self-contained), so a label or code
      # that thousands of graphs repeat is read once per graph, not once per graph pair.
      # the host country first, and LATERAL, so that a bound ?country selects before anything is joined
      GRAPH ?g { ?cn eo:alpha2 ?country . ?e eo:electionCountry ?cn }
      LATERAL {
      GRAPH ?g {
        ?mission eo:observes ?e ; a eo:ObservationMission ; eo:organizer/rdfs:label ?org_label .
        ?article eo:mentions ?mission .
        OPTIONAL { ?e eo:electionType ?t }
        OPTIONAL { ?e eo:electionDate|eo:roundDate ?edate }
        OPTIONAL { ?e eo:early ?early_ }
        OPTIONAL { ?mission eo:startDate ?sdate }
        OPTIONAL { ?mission eo:headOfMission/rdfs:label ?head_ }
        OPTIONAL { ?article schema:datePublished ?pub }
        OPTIONAL { ?mission eo:observerCount ?n . ?n eo:category ?cat ; eo:count ?c . OPTIONAL { ?n eo:asOf ?d } }
      }
      }
      BIND(LCASE(STRAFTER(STR(?t), "#")) AS ?type_)
      BIND(COALESCE(YEAR(?edate), YEAR(?pub)) AS ?y)
      # the latest figure per category: max of (as-of date, zero-padded count) over all articles
      BIND(CONCAT(COALESCE(STR(?d), "0000-00-00"), SUBSTR(CONCAT("0000000000", STR(?c)), STRLEN(STR(?c)) + 1), "|", STR(?c)) AS ?key)
      BIND(COALESCE(IF(?cat = eo:TotalObservers, ?key, ""), "") AS ?total_key)
      BIND(COALESCE(IF(?cat = eo:LongTermObservers, ?key, ""), "") AS ?long_key)
      BIND(COALESCE(IF(?cat = eo:ShortTermObservers, ?key, ""), "") AS ?short_key)
    }
    GROUP BY ?mission ?country
  }
  BIND(xsd:integer(STRAFTER(?total_max, "|")) AS ?total)
  BIND(xsd:integer(STRAFTER(?long_max, "|")) AS ?long_term)
  BIND(xsd:integer(STRAFTER(?short_max, "|")) AS ?short_term)
}
"""

#: one row per article: its file name (the listing order) and how many missions it reports
ARTICLES = """SELECT ?article ?file (COUNT(DISTINCT ?m) AS ?missions)
WHERE { GRAPH ?g { ?article a eo:Article ; eo:fileName ?file . OPTIONAL { ?article eo:mentions ?m } } }
GROUP BY ?article ?file"""

#: one row per commission, mission and accredited figure an article states
ACCREDITATIONS = """SELECT DISTINCT ?commission ?commission_label ?commission_country ?mission ?organizer ?election_date
                ?category ?count ?as_of ?article
WHERE {
  GRAPH ?g {
    ?mission eo:accreditedBy ?commission .
    ?commission rdfs:label ?commission_label .
    OPTIONAL { ?commission eo:commissionOf/eo:alpha2 ?commission_country }
    ?mission eo:organizer/rdfs:label ?organizer ; eo:observes ?e .
    OPTIONAL { ?e eo:electionDate|eo:roundDate ?election_date }
  }
  OPTIONAL {
    GRAPH ?h {
      ?mission eo:observerCount ?n . ?n eo:count ?count ; eo:category ?cat ; eo:statedIn ?a .
      ?a eo:fileName ?article .
      OPTIONAL { ?n eo:asOf ?as_of }
    }
    BIND(LCASE(STRAFTER(STR(?cat), "#")) AS ?category)
  }
}"""

#: one row per participating country and mission
PARTICIPATION = """SELECT DISTINCT ?member ?mission ?organizer ?host ?type ?election_date
WHERE {
  GRAPH ?g {
    ?c eo:alpha2 ?member ; eo:participatesIn ?mission .
    ?mission eo:organizer/rdfs:label ?organizer ; eo:observes ?e .
    ?e eo:electionCountry/eo:alpha2 ?host .
    OPTIONAL { ?e eo:electionType ?t }
    OPTIONAL { ?e eo:electionDate|eo:roundDate ?election_date }
  }
  BIND(LCASE(STRAFTER(STR(?t), "#")) AS ?type)
}"""

#: result column of :data:`PARTICIPATION` -> property of the participation listing
PARTICIPATION_COLUMNS: dict[str, ox.NamedNode] = {
    "member": KGL.listedMember,
    "mission": KGL.listedMission,
    "organizer": KGL.listedOrganizer,
    "host": KGL.listedCountry,
    "type": KGL.listedType,
    "election_date": KGL.listedElectionDate,
}

#: digits of a rank, so that every key has at most 15 characters: pyoxigraph keeps such strings
#: inside the index entry, and sorts 8k of them in 3 ms (220 ms at 16 characters)
RANK_DIGITS = 7
ROW_DIGITS = 9


def _year(year: int | None) -> str:
    return f"{year:04d}" if year is not None and 1000 <= year <= 9999 else "----"


def mission_key(country: str, year: int | None, rank: int) -> str:
    """A mission's key: host country, election year (``----`` unknown) and rank in the listing."""
    return f"{country}|{_year(year)}|{rank:0{RANK_DIGITS}d}"


def totals_key(year: int | None, rank: int) -> str:
    """An observer-totals row's key: election year (``----`` unknown) and rank."""
    return f"{_year(year)}|{rank:0{ROW_DIGITS}d}"


def participation_key(member: str, rank: int) -> str:
    """A participation row's key: the member country and rank (by election date, host, organizer)."""
    return f"{member}|{rank:0{ROW_DIGITS}d}"


def accreditation_key(country: str, rank: int) -> str:
    """An accreditation row's key: the commission's country (``--`` unknown) and rank."""
    return f"{country or '--'}|{rank:0{ROW_DIGITS}d}"


def refresh(store: GraphStore, iris: Iris) -> int:
    """Compute the listings from the article graphs into a new version, make it current and
    remove the others; returns the number of listing quads."""
    index = iris.listing_graph()
    versions = _versions(store, iris)
    new = iris.listing_version(max((n for n, _ in versions), default=0) + 1)
    current = _current(store, index)
    # record the new version's name before writing it, so that a crash leaves nothing unnamed
    store.replace_graph(index, _index_quads(index, current, [g for _, g in versions] + [new]))
    n = store.write_graph(new, listing_quads(store, iris, graph=new))
    store.replace_graph(index, _index_quads(index, new, [new]))  # the switch: one small transaction
    for _, old in versions:
        store.drop_graph(old)
    return n


def _index_quads(index: ox.NamedNode, current: ox.NamedNode | None, versions: list[ox.NamedNode]) -> list[ox.Quad]:
    quads = [ox.Quad(index, KGL.currentListing, current, index)] if current is not None else []
    return quads + [ox.Quad(index, KGL.listingVersion, v, index) for v in versions]


def _current(store: GraphStore, index: ox.NamedNode) -> ox.NamedNode | None:
    row = next(store.select(f"SELECT ?g WHERE {{ GRAPH {index} {{ {index} kgl:currentListing ?g }} }}", union=False), {})
    g = row.get("g")
    return g if isinstance(g, ox.NamedNode) else None


def _versions(store: GraphStore, iris: Iris) -> list[tuple[int, ox.NamedNode]]:
    """Every listing version graph in the store, with its number."""
    prefix = iris.listing_graph().value + "/"
    out = []
    for g in store.named_graphs():
        if g.value.startswith(prefix) and g.value[len(prefix):].isdigit():
            out.append((int(g.value[len(prefix):]), g))
    return sorted(out, key=lambda t: t[0])


def listing_quads(store: GraphStore, iris: Iris, *, graph: ox.NamedNode) -> Iterator[ox.Quad]:
    """The listings' quads in ``graph`` (a listing version), computed from the article graphs of
    ``store``: the rows are read and sorted now, the quads made as they are consumed."""

    missions = [r for r in store.select(AGGREGATION) if isinstance(r.get("mission"), ox.NamedNode)]
    missions.sort(key=_mission_order)
    accreditations = _accreditation_order(list(store.select(ACCREDITATIONS)))
    articles = sorted(store.select(ARTICLES), key=lambda r: (r["file"].value, r["article"].value))
    participation = sorted(store.select(PARTICIPATION), key=_participation_order)
    return _quads(iris, graph, missions, articles, accreditations, participation)


def _quads(iris: Iris, graph: ox.NamedNode, missions: list[dict[str, Any]], articles: list[dict[str, Any]],
           accreditations: list[dict[str, Any]], participation: list[dict[str, Any]]) -> Iterator[ox.Quad]:
    def row(subject: ox.NamedNode, values: dict[str, Any], columns: dict[str, ox.NamedNode]) -> Iterator[ox.Quad]:
        for column, prop in columns.items():
            value = values.get(column)
            if value is not None:
                yield ox.Quad(subject, prop, value, graph)

    for rank, r in enumerate(missions, start=1):
        yield from row(r["mission"], r, COLUMNS)
        key = mission_key(r["country"].value, _int(r.get("year")), rank)
        yield ox.Quad(r["mission"], KGL.listedKey, ox.Literal(key), graph)

    for rank, r in enumerate(articles, start=1):
        yield ox.Quad(r["article"], KGL.listedRank, ox.Literal(rank), graph)
        yield ox.Quad(r["article"], KGL.listedMissions, r["missions"], graph)

    for rank, (organizer, year, counts) in enumerate(_totals(missions), start=1):
        node = _row_node(iris, "observer-totals", organizer, str(year))
        yield ox.Quad(node, KGL.totalsKey, ox.Literal(totals_key(year, rank)), graph)
        yield ox.Quad(node, KGL.listedOrganizer, ox.Literal(organizer, language="en"), graph)
        if year is not None:
            yield ox.Quad(node, KGL.listedYear, ox.Literal(year), graph)
        for prop, n in zip((KGL.listedMissionCount, KGL.listedObservers, KGL.listedMissionsWithTotal), counts, strict=True):
            yield ox.Quad(node, prop, ox.Literal(n), graph)

    for rank, r in enumerate(accreditations, start=1):
        node = _row_node(iris, "accreditation", *(str(r.get(c, "")) for c in ACCREDITATION_COLUMNS))
        country = r["commission_country"].value if r.get("commission_country") is not None else ""
        yield ox.Quad(node, KGL.accreditationKey, ox.Literal(accreditation_key(country, rank)), graph)
        yield from row(node, r, ACCREDITATION_COLUMNS)

    for rank, r in enumerate(participation, start=1):
        node = _row_node(iris, "participation", *(str(r.get(c, "")) for c in PARTICIPATION_COLUMNS))
        yield ox.Quad(node, KGL.participationKey, ox.Literal(participation_key(r["member"].value, rank)), graph)
        yield from row(node, r, PARTICIPATION_COLUMNS)


def _row_node(iris: Iris, kind: str, *parts: str) -> ox.NamedNode:
    """A stable IRI for a derived row: ``{base}listing/{kind}/{hash of its identifying values}``."""
    digest = hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:16]
    return ox.NamedNode(f"{iris.base}listing/{kind}/{digest}")


def _int(term: Any) -> int | None:
    try:
        return int(term.value) if term is not None else None
    except ValueError:
        return None


def _mission_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Host country, year, election date (unknown first), organizer, mission IRI."""
    edate = row.get("election_date")
    return (
        row["country"].value,
        _year(_int(row.get("year"))),
        (0, "") if edate is None else (1, edate.value),
        row["organizer"].value if row.get("organizer") is not None else "",
        row["mission"].value,
    )


def _totals(missions: list[dict[str, Any]]) -> list[tuple[str, int | None, tuple[int, int, int]]]:
    """(organizer, year, (missions, observers, missions with a total)), by year (unknown first), organizer."""
    groups: dict[tuple[str, int | None], list[int]] = defaultdict(lambda: [0, 0, 0])  # missions, observers, totals
    for row in missions:
        organizer = row["organizer"].value if row.get("organizer") is not None else ""
        counts = groups[(organizer, _int(row.get("year")))]
        counts[0] += 1
        total = _int(row.get("total"))
        if total is not None:
            counts[1] += total
            counts[2] += 1
    order = sorted(groups, key=lambda k: (k[1] is not None, k[1] or 0, k[0]))
    return [(org, year, (groups[(org, year)][0], groups[(org, year)][1], groups[(org, year)][2])) for org, year in order]


def _participation_order(row: dict[str, Any]) -> tuple[Any, ...]:
    """Member, election date (unknown first), host, organizer, mission IRI."""
    edate = row.get("election_date")
    return (row["member"].value, (0, "") if edate is None else (1, edate.value), row["host"].value,
            row["organizer"].value, row["mission"].value)


def _accreditation_order(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """By commission name, organizer, as-of date (newest first, unknown last), category (unknown first)."""

    def text(row: dict[str, Any], column: str) -> str:
        term = row.get(column)
        return term.value if term is not None else ""

    rows.sort(key=lambda r: tuple(text(r, c) for c in ("mission", "count", "article", "commission")))
    rows.sort(key=lambda r: (r.get("category") is not None, text(r, "category")))
    rows.sort(key=lambda r: text(r, "as_of"), reverse=True)  # stable; unknown ("") last
    rows.sort(key=lambda r: (text(r, "commission_label"), text(r, "organizer")))
    return rows
