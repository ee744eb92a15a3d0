"""The listings: rows of the listing queries, computed when the graph changes, in one derived graph.

Listing queries would otherwise group every article graph at query time (at 10k articles:
``missions`` 1.4 s for 8,272 missions, ``articles`` 1.8 s, ``accreditations`` 1.0 s,
``observer-totals`` 0.6 s). :func:`listing_quads` computes their rows once, when the graph changes
(``KnowledgeGraph.relink``, the full computation), into a new
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

No key holds a global rank, so that a change rewrites only the rows it touches (:func:`update`):
a mission's key is its host country, year and rank inside them, a totals row's its year and rank
inside it (small partitions, re-ranked whole); an accreditation's (commission's country) and a
participation's (member) key and an article's rank have gaps of :data:`SPARSE_GAP` and
:data:`RANK_GAP`, and a new row takes a rank between its neighbours'.

A new version is written in one bulk step and becomes current with a one-triple switch; the old
one is then removed in small steps. So readers see a whole listing, before or after; a crash
leaves at most an unused version (its name is recorded first, and the next refresh removes it);
and memory stays small (at 10k articles, 190k quads: one transaction would hold 170 MB). An
incremental :func:`update` edits the current version in one atomic update. Before article graphs
change, ``kgl:changesPending`` goes into the index graph (:func:`mark_changes_pending`), and only
after the derived graphs follow them does it leave: a build that stops between the two leaves
it, and the next change is relinked in full. A listing of an earlier layout (without
``kgl:listingFormat`` :data:`LISTING_FORMAT`) is computed again in full too.

>>> mission_key("AZ", 2020, 123), totals_key(None, 7), accreditation_key("", 42 * SPARSE_GAP)
('AZ|2020|0000123', '----|000000007', '--|000042000000')
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from typing import Any

import pyoxigraph as ox

from .graphstore import GraphStore
from .iris import Iris
from .vocab import EO, KGL

__all__ = [
    "ACCREDITATIONS",
    "LISTING_FORMAT",
    "changes_pending",
    "clear_changes_pending",
    "mark_changes_pending",
    "refresh",
    "update",
    "update_limit",
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
#: digits of an accreditation or participation rank: ranks with gaps (:data:`SPARSE_GAP`), so that
#: a new row takes a rank between its neighbours' and no other row's key changes
SPARSE_DIGITS = 12
SPARSE_GAP = 10**6
#: an article's rank is its place by file name times this: an article added later takes a rank in
#: the gap between its neighbours', so that no other article's rank changes
RANK_GAP = 1 << 32
#: the listing's layout (ranks inside partitions, article ranks with gaps): :func:`update` edits
#: only a listing of this layout, :func:`refresh` computes any other one again
LISTING_FORMAT = "listing/2"


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
    return f"{member}|{rank:0{SPARSE_DIGITS}d}"


def accreditation_key(country: str, rank: int) -> str:
    """An accreditation row's key: the commission's country (``--`` unknown) and rank."""
    return f"{country or '--'}|{rank:0{SPARSE_DIGITS}d}"


def refresh(store: GraphStore, iris: Iris) -> int:
    """Compute the listings from the article graphs into a new version, make it current and
    remove the others; returns the number of listing quads."""
    index = iris.listing_graph()
    versions = _versions(store, iris)
    new = iris.listing_version(max((n for n, _ in versions), default=0) + 1)
    current = _current(store, index)
    pending = changes_pending(store, iris)
    # record the new version's name before writing it, so that a crash leaves nothing unnamed
    store.replace_graph(index, _index_quads(index, current, [g for _, g in versions] + [new], pending))
    n = store.write_graph(new, listing_quads(store, iris, graph=new))
    store.replace_graph(index, _index_quads(index, new, [new], pending))  # the switch: one small transaction
    for _, old in versions:
        store.drop_graph(old)
    return n


def mark_changes_pending(store: GraphStore, iris: Iris) -> None:
    """Record, before article graphs change, that the derived graphs may not follow them yet: until
    :func:`clear_changes_pending`, only a full :func:`refresh` brings the listing up to date (a
    build that stopped between its writes and its relink left changes no one knows)."""
    index = iris.listing_graph()
    store.change((), [ox.Quad(index, KGL.changesPending, ox.Literal(True), index)])


def clear_changes_pending(store: GraphStore, iris: Iris) -> None:
    """The derived graphs follow the article graphs again (see :func:`mark_changes_pending`)."""
    index = iris.listing_graph()
    store.change([ox.Quad(index, KGL.changesPending, ox.Literal(True), index)], ())


def changes_pending(store: GraphStore, iris: Iris) -> bool:
    """Whether article graphs may have changed since the derived graphs were last computed."""
    index = iris.listing_graph()
    return next(store.quads_for_pattern(index, KGL.changesPending, None, index), None) is not None


def _index_quads(index: ox.NamedNode, current: ox.NamedNode | None, versions: list[ox.NamedNode],
                 pending: bool = False) -> list[ox.Quad]:
    quads = [ox.Quad(index, KGL.currentListing, current, index)] if current is not None else []
    if pending:
        quads.append(ox.Quad(index, KGL.changesPending, ox.Literal(True), index))
    quads += [ox.Quad(v, KGL.listingFormat, ox.Literal(LISTING_FORMAT), index) for v in versions]
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
        return _row(subject, values, columns, graph)

    for rank, r in _ranked(missions, _mission_partition):
        yield from row(r["mission"], r, COLUMNS)
        key = mission_key(r["country"].value, _int(r.get("year")), rank)
        yield ox.Quad(r["mission"], KGL.listedKey, ox.Literal(key), graph)

    for rank, r in enumerate(articles, start=1):
        yield ox.Quad(r["article"], KGL.listedRank, ox.Literal(rank * RANK_GAP), graph)
        yield ox.Quad(r["article"], KGL.listedMissions, r["missions"], graph)

    yield from _totals_quads(iris, graph, missions)

    for rank, r in _ranked(accreditations, _accreditation_partition):
        yield from _accreditation_quads(iris, graph, r, rank * SPARSE_GAP)

    for rank, r in _ranked(participation, _participation_partition):
        yield from _participation_quads(iris, graph, r, rank * SPARSE_GAP)


def _row(subject: ox.NamedNode, values: dict[str, Any], columns: dict[str, ox.NamedNode],
         graph: ox.NamedNode) -> Iterator[ox.Quad]:
    for column, prop in columns.items():
        value = values.get(column)
        if value is not None:
            yield ox.Quad(subject, prop, value, graph)


def _ranked(rows: list[dict[str, Any]], partition: Callable[[dict[str, Any]], str]
            ) -> Iterator[tuple[int, dict[str, Any]]]:
    """Each row (in listing order) with its rank inside its partition (the key's prefix): a
    change re-ranks only the rows of the partitions it touches."""
    seen: dict[str, int] = defaultdict(int)
    for r in rows:
        part = partition(r)
        seen[part] += 1
        yield seen[part], r


def _mission_partition(r: dict[str, Any]) -> str:
    return mission_key(r["country"].value, _int(r.get("year")), 0)[:-RANK_DIGITS]


def _accreditation_partition(r: dict[str, Any]) -> str:
    return r["commission_country"].value if r.get("commission_country") is not None else ""


def _participation_partition(r: dict[str, Any]) -> str:
    return str(r["member"].value)


def _totals_quads(iris: Iris, graph: ox.NamedNode, missions: list[dict[str, Any]]) -> Iterator[ox.Quad]:
    return _totals_quads_of(iris, graph, _totals(missions))


#: the values of a totals row, read back from the listing
_TOTALS_COLUMNS: dict[str, ox.NamedNode] = {
    "organizer": KGL.listedOrganizer,
    "year": KGL.listedYear,
    "missions": KGL.listedMissionCount,
    "observers": KGL.listedObservers,
    "with_total": KGL.listedMissionsWithTotal,
}


def _totals_quads_of(iris: Iris, graph: ox.NamedNode, groups: list[tuple[str, int | None, tuple[int, int, int]]]
                     ) -> Iterator[ox.Quad]:
    seen: dict[int | None, int] = defaultdict(int)
    for organizer, year, counts in groups:
        seen[year] += 1
        node = _row_node(iris, "observer-totals", organizer, str(year))
        yield ox.Quad(node, KGL.totalsKey, ox.Literal(totals_key(year, seen[year])), graph)
        yield ox.Quad(node, KGL.listedOrganizer, ox.Literal(organizer, language="en"), graph)
        if year is not None:
            yield ox.Quad(node, KGL.listedYear, ox.Literal(year), graph)
        for prop, n in zip((KGL.listedMissionCount, KGL.listedObservers, KGL.listedMissionsWithTotal), counts, strict=True):
            yield ox.Quad(node, prop, ox.Literal(n), graph)


def _accreditation_quads(iris: Iris, graph: ox.NamedNode, r: dict[str, Any], rank: int) -> Iterator[ox.Quad]:
    node = _accreditation_node(iris, r)
    key = accreditation_key(_accreditation_partition(r), rank)
    yield ox.Quad(node, KGL.accreditationKey, ox.Literal(key), graph)
    yield from _row(node, r, ACCREDITATION_COLUMNS, graph)


def _participation_quads(iris: Iris, graph: ox.NamedNode, r: dict[str, Any], rank: int) -> Iterator[ox.Quad]:
    node = _participation_node(iris, r)
    yield ox.Quad(node, KGL.participationKey, ox.Literal(participation_key(r["member"].value, rank)), graph)
    yield from _row(node, r, PARTICIPATION_COLUMNS, graph)


def _accreditation_node(iris: Iris, r: dict[str, Any]) -> ox.NamedNode:
    return _row_node(iris, "accreditation", *(str(r.get(c, "")) for c in ACCREDITATION_COLUMNS))


def _participation_node(iris: Iris, r: dict[str, Any]) -> ox.NamedNode:
    return _row_node(iris, "participation", *(str(r.get(c, "")) for c in PARTICIPATION_COLUMNS))


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
    order = sorted(groups, key=_totals_order)
    return [(org, year, (groups[(org, year)][0], groups[(org, year)][1], groups[(org, year)][2])) for org, year in order]


def _totals_order(group: tuple[str, int | None]) -> tuple[bool, int, str]:
    """By year (unknown first), organizer."""
    return (group[1] is not None, group[1] or 0, group[0])


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


# --- incremental update ------------------------------------------------------------------------

#: above this many changed articles, :func:`update` declines and a full :func:`refresh` is cheaper
UPDATE_MAX_ARTICLES = 1000
#: ... and above this share of the graph's articles (at least :data:`UPDATE_MIN_ARTICLES`): an
#: incremental update costs about 1/500 of a full relink per changed article (BENCHMARKS.md)
UPDATE_SHARE = 1 / 50
UPDATE_MIN_ARTICLES = 20


def update_limit(graphs: int) -> int:
    """How many changed articles :func:`update` takes on a graph of ``graphs`` named graphs."""
    return min(UPDATE_MAX_ARTICLES, max(UPDATE_MIN_ARTICLES, int(graphs * UPDATE_SHARE)))


def _values(var: str, nodes: Iterable[ox.NamedNode]) -> str:
    return f"VALUES ?{var} {{ {' '.join(str(n) for n in nodes)} }}"


def _restricted(query: str, var: str, nodes: Iterable[ox.NamedNode]) -> str:
    """``query`` for ``?var`` in ``nodes`` only: its pattern evaluated for each of them (``LATERAL``)."""
    head, _, rest = query.partition("WHERE {")
    body, _, tail = rest.rpartition("}")
    return f"{head}WHERE {{\n  {_values(var, nodes)}\n  LATERAL {{ {body} }}\n}}{tail}"


def _aggregation_of(missions: list[ox.NamedNode]) -> str:
    """:data:`AGGREGATION` for these missions only: from the mission to its host country."""
    first = "GRAPH ?g { ?cn eo:alpha2 ?country . ?e eo:electionCountry ?cn }"
    assert first in AGGREGATION
    return AGGREGATION.replace(first, f"{_values('mission', missions)}\n      "
                               "GRAPH ?g { ?mission eo:observes ?e . ?e eo:electionCountry ?cn . ?cn eo:alpha2 ?country }")


def _subject_quads(store: GraphStore, graph: ox.NamedNode, subjects: Iterable[ox.NamedNode]) -> set[ox.Quad]:
    return {q for s in subjects for q in store.quads_for_pattern(s, None, None, graph)}


def _rows_by_key(store: GraphStore, graph: ox.NamedNode, key: ox.NamedNode, prefixes: Iterable[str],
                 columns: dict[str, ox.NamedNode]) -> tuple[dict[ox.NamedNode, dict[str, Any]], set[ox.Quad]]:
    """The listing rows whose ``key`` starts with one of ``prefixes`` (read back as result rows),
    and their quads."""
    props = {p: c for c, p in columns.items()}
    rows: dict[ox.NamedNode, dict[str, Any]] = {}
    quads: set[ox.Quad] = set()
    for prefix in prefixes:
        found = store.select(f"SELECT ?row ?p WHERE {{ GRAPH {graph} {{ ?row {key} ?k FILTER(STRSTARTS(?k, ?p)) }} }}",
                             substitutions={ox.Variable("p"): ox.Literal(prefix)}, union=False)
        for r in found:
            node = r["row"]
            if not isinstance(node, ox.NamedNode):
                continue
            values: dict[str, Any] = {}
            for q in store.quads_for_pattern(node, None, None, graph):
                quads.add(q)
                column = props.get(q.predicate)
                if column is not None:
                    values[column] = q.object
            rows[node] = values
    return rows, quads


def update(store: GraphStore, iris: Iris, *, missions: Iterable[ox.NamedNode], articles: Iterable[ox.NamedNode]
           ) -> int | None:
    """Recompute, in the current listing, only the rows that ``missions`` and ``articles`` touch.

    ``missions`` are every mission a changed article graph states, before and after the change;
    ``articles`` the changed articles (present or removed). Their rows are computed again; the
    keys of the other rows in their partitions (the host country and year of a mission, the
    member of a participation, the commission's country of an accreditation, an organizer's year
    of the totals) are re-ranked, and an article takes a rank between its neighbours'. Everything
    changes in one atomic update. Returns the number of quads removed and added, or None when this
    cannot be done (no current listing, too many articles, no rank left between two neighbours):
    then :func:`refresh` computes the whole listing.
    """
    articles = sorted(set(articles), key=lambda n: n.value)
    missions = sorted(set(missions), key=lambda n: n.value)
    if len(articles) > UPDATE_MAX_ARTICLES:
        return None
    index = iris.listing_graph()
    graph = _current(store, index)
    if graph is None or next(store.quads_for_pattern(graph, KGL.listingFormat, ox.Literal(LISTING_FORMAT), index),
                             None) is None:
        return None
    ranks = _article_ranks(store, graph, articles)
    if ranks is None:
        return None
    remove: set[ox.Quad] = set()
    add: set[ox.Quad] = set()

    def diff(old: set[ox.Quad], new: Iterable[ox.Quad]) -> None:
        new = set(new)
        remove.update(old - new)
        add.update(new - old)

    # articles: their rows again, with their new ranks
    new_rows = {r["article"]: r for r in store.select(_restricted(ARTICLES, "article", articles))} if articles else {}
    diff(_subject_quads(store, graph, articles),
         (q for a, rank in ranks.items() if a in new_rows for q in (
             ox.Quad(a, KGL.listedRank, ox.Literal(rank), graph),
             ox.Quad(a, KGL.listedMissions, new_rows[a]["missions"], graph))))
    if not missions:
        return store.change(remove, add) if remove or add else 0

    # missions: their rows again, the keys of their partitions, the totals of their groups
    fresh = [r for r in store.select(_aggregation_of(missions)) if isinstance(r.get("mission"), ox.NamedNode)]
    touched = _subject_quads(store, graph, missions)
    parts = {_mission_partition(r) for r in fresh}
    parts |= {str(q.object.value)[:-RANK_DIGITS] for q in touched
              if q.predicate == KGL.listedKey and isinstance(q.object, ox.Literal)}
    others: dict[Any, dict[str, Any]] = {}
    for prefix in sorted(parts):
        others.update((r["mission"], r) for r in _mission_summaries(store, graph, prefix))
    old_rows = [others.pop(m) for m in missions if m in others]
    everything = sorted([*others.values(), *fresh], key=_mission_order)
    new: list[ox.Quad] = []
    fresh_missions = {r["mission"] for r in fresh}
    for rank, r in _ranked(everything, _mission_partition):
        key = ox.Literal(mission_key(r["country"].value, _int(r.get("year")), rank))
        if r["mission"] in fresh_missions:
            new.extend(_row(r["mission"], r, COLUMNS, graph))
            new.append(ox.Quad(r["mission"], KGL.listedKey, key, graph))
        elif r["key"] != key:
            touched.add(ox.Quad(r["mission"], KGL.listedKey, r["key"], graph))
            new.append(ox.Quad(r["mission"], KGL.listedKey, key, graph))
    diff(touched, new)
    # the totals: each group's counts less what these missions added before, plus what they add now
    delta = {(o, y): counts for o, y, counts in _totals(fresh)}
    gone = {(o, y): counts for o, y, counts in _totals(old_rows)}
    years = sorted({totals_key(y, 0)[:-ROW_DIGITS] for _, y in (*delta, *gone)})
    kept_totals, old_totals = _rows_by_key(store, graph, KGL.totalsKey, years, _TOTALS_COLUMNS)
    rows: dict[tuple[str, int | None], tuple[int, int, int]] = {}
    for values in kept_totals.values():
        group = (str(values["organizer"].value), _int(values.get("year")))
        rows[group] = (int(values["missions"].value), int(values["observers"].value), int(values["with_total"].value))
    for group in {*delta, *gone}:
        now = rows.get(group, (0, 0, 0))
        plus, minus = delta.get(group, (0, 0, 0)), gone.get(group, (0, 0, 0))
        counts = (now[0] + plus[0] - minus[0], now[1] + plus[1] - minus[1], now[2] + plus[2] - minus[2])
        if counts[0] > 0:
            rows[group] = counts
        else:
            rows.pop(group, None)
    diff(old_totals, _totals_quads_of(iris, graph, [(o, y, rows[(o, y)]) for o, y in sorted(rows, key=_totals_order)]))

    # accreditations and participation: the rows of these missions; a row that was there keeps
    # its key, a new one takes one between its neighbours'
    for key_prop, columns, query, order, quads in (
        (KGL.accreditationKey, ACCREDITATION_COLUMNS, ACCREDITATIONS, _ACCREDITATION_SORT, _accreditation_quads),
        (KGL.participationKey, PARTICIPATION_COLUMNS, PARTICIPATION, _PARTICIPATION_SORT, _participation_quads),
    ):
        old_nodes = {q.subject for m in missions for q in store.quads_for_pattern(None, KGL.listedMission, m, graph)
                     if isinstance(q.subject, ox.NamedNode)
                     and next(store.quads_for_pattern(q.subject, key_prop, None, graph), None) is not None}
        old = _subject_quads(store, graph, (n for n in old_nodes if isinstance(n, ox.NamedNode)))
        old_keys = {q.subject: q.object for q in old if q.predicate == key_prop}
        node = _accreditation_node if key_prop == KGL.accreditationKey else _participation_node
        rows_now = sorted(store.select(_restricted(query, "mission", missions)), key=lambda r: _sort_values(r, order))
        placed: list[tuple[dict[str, Any], int]] = []
        fresh_rows: list[tuple[str, dict[str, Any]]] = []
        kept_nodes = set()
        for r in rows_now:
            prefix = _sparse_key(key_prop, r, 0)[:-SPARSE_DIGITS]
            n = node(iris, r)
            kept = old_keys.get(n)
            if isinstance(kept, ox.Literal) and kept.value.startswith(prefix):
                placed.append((r, int(kept.value[len(prefix):])))
                kept_nodes.add(n)
            else:
                fresh_rows.append((prefix, r))
        # a new row goes between the rows that stay (kept ones of these missions too)
        leaving = sorted((n for n in old_keys if n not in kept_nodes and isinstance(n, ox.NamedNode)),
                         key=lambda n: n.value)
        gaps: dict[tuple[str, int, int | None], list[dict[str, Any]]] = defaultdict(list)
        # a participation partition is one member's rows: found through kgl:listedMember (an index
        # lookup), not by testing every row's key (24k rows at 10k articles, per partition)
        indexed = {p: (KGL.listedMember, r["member"]) for p, r in fresh_rows
                   if key_prop == KGL.participationKey and isinstance(r.get("member"), ox.Literal)}
        staying = _keyed(store, graph, key_prop, {p for p, _ in fresh_rows}, set(leaving), indexed)
        props = {p: c for c, p in columns.items()}

        def placed_at(n: ox.NamedNode, props: dict[ox.NamedNode, str] = props,
                      order: list[tuple[str, bool]] = order) -> tuple[str, ...]:
            return _sort_values({props[q.predicate]: q.object for q in store.quads_for_pattern(n, None, None, graph)
                                 if q.predicate in props}, order)

        for prefix, r in fresh_rows:
            low, high = _between(staying.get(prefix, []), _sort_values(r, order), placed_at)
            gaps[(prefix, low, high)].append(r)
        for (_, low, high), members in gaps.items():
            step = SPARSE_GAP if high is None else (high - low) // (len(members) + 1)
            if step < 1:
                return None
            placed.extend((r, low + i * step) for i, r in enumerate(members, start=1))
        diff(old, (q for r, rank in placed for q in quads(iris, graph, r, rank)))
    return store.change(remove, add)


#: the order of the accreditation and participation rows inside a partition: (column, descending);
#: an unknown value sorts as "" (first, or last when descending)
_ACCREDITATION_SORT = [("commission_label", False), ("organizer", False), ("as_of", True), ("category", False),
                       ("mission", False), ("count", False), ("article", False), ("commission", False)]
_PARTICIPATION_SORT = [("election_date", False), ("host", False), ("organizer", False), ("mission", False)]


def _text(term: Any) -> str:
    return str(term.value) if term is not None else ""


class _Desc(str):
    """A string that sorts the other way round."""

    def __lt__(self, other: str) -> bool:
        return str.__gt__(self, other)

    def __gt__(self, other: str) -> bool:
        return str.__lt__(self, other)

    def __le__(self, other: str) -> bool:
        return str.__ge__(self, other)

    def __ge__(self, other: str) -> bool:
        return str.__le__(self, other)


def _sort_values(row: dict[str, Any], order: list[tuple[str, bool]]) -> tuple[str, ...]:
    return tuple(_Desc(_text(row.get(c))) if desc else _text(row.get(c)) for c, desc in order)


def _sparse_key(key_prop: ox.NamedNode, row: dict[str, Any], rank: int) -> str:
    if key_prop == KGL.accreditationKey:
        return accreditation_key(_accreditation_partition(row), rank)
    return participation_key(_participation_partition(row), rank)


def _keyed(store: GraphStore, graph: ox.NamedNode, key_prop: ox.NamedNode, prefixes: set[str],
           leaving: set[ox.NamedNode], indexed: dict[str, tuple[ox.NamedNode, ox.Literal]] | None = None
           ) -> dict[str, list[tuple[int, ox.NamedNode]]]:
    """The rows of these key prefixes but ``leaving``, as (rank, node) in key order, by prefix
    (read as one string per prefix: a partition may hold thousands of rows). ``indexed`` names,
    for a prefix, a (property, value) that every row of that partition has: the rows are looked
    up by it, and their keys still tested."""
    out: dict[str, list[tuple[int, ox.NamedNode]]] = {}
    for prefix in prefixes:
        prop, value = (indexed or {}).get(prefix, (None, None))
        narrow = f"?row {prop} {value} . " if prop is not None and value is not None else ""
        out[prefix] = _ranked_nodes(store, f"GRAPH {graph} {{ {narrow}?row {key_prop} ?key FILTER(STRSTARTS(?key, ?p)) }} "
                                    f"BIND(SUBSTR(?key, {len(prefix) + 1}) AS ?rank)", ox.Literal(prefix), leaving)
    return out


def _ranked_nodes(store: GraphStore, where: str, prefix: ox.Literal, leaving: set[ox.NamedNode]
                  ) -> list[tuple[int, ox.NamedNode]]:
    """(rank, node) of ``where``'s ``?rank`` and ``?row``, sorted, but ``leaving``: one
    ``GROUP_CONCAT`` string instead of a row object per node."""
    row = next(store.select(f"SELECT (GROUP_CONCAT(CONCAT(STR(?rank), \" \", STR(?row)); SEPARATOR=\"\\n\") AS ?all) ?p "
                            f"WHERE {{ {where} }} GROUP BY ?p", substitutions={ox.Variable("p"): prefix}, union=False), {})
    text = row.get("all")
    if not isinstance(text, ox.Literal) or not text.value:
        return []
    gone = {n.value for n in leaving}
    pairs = (line.split(" ", 1) for line in text.value.split("\n"))
    return sorted((int(rank), ox.NamedNode(iri)) for rank, iri in pairs if iri not in gone)


def _between(rows: list[tuple[int, Any]], value: Any, values: Callable[[Any], Any]) -> tuple[int, int | None]:
    """The ranks just before and after where ``value`` goes among ``rows`` ((rank, node) in key
    order, which is the order of ``values(node)``): a binary search that reads about log2(len)
    rows (0 and None: no row before, after)."""
    lo, hi = 0, len(rows)
    while lo < hi:
        mid = (lo + hi) // 2
        if values(rows[mid][1]) <= value:
            lo = mid + 1
        else:
            hi = mid
    return (rows[lo - 1][0] if lo > 0 else 0), (rows[lo][0] if lo < len(rows) else None)


def _mission_summaries(store: GraphStore, graph: ox.NamedNode, prefix: str) -> list[dict[str, Any]]:
    """The mission rows of the listing whose key starts with ``prefix``, with what orders them and
    what the totals count."""
    return list(store.select(
        f"SELECT ?mission ?key ?country ?organizer ?election_date ?year ?total ?prefix WHERE {{ "
        f"GRAPH {graph} {{ ?mission kgl:listedKey ?key FILTER(STRSTARTS(?key, ?prefix)) }} LATERAL {{ GRAPH {graph} {{ "
        "?mission kgl:listedCountry ?country ; kgl:listedOrganizer ?organizer . "
        "OPTIONAL { ?mission kgl:listedElectionDate ?election_date } OPTIONAL { ?mission kgl:listedYear ?year } "
        "OPTIONAL { ?mission kgl:listedTotal ?total } } } }",
        substitutions={ox.Variable("prefix"): ox.Literal(prefix)}, union=False))


def _keyed_ranks(store: GraphStore, graph: ox.NamedNode, leaving: set[ox.NamedNode]) -> list[tuple[int, ox.NamedNode]]:
    """Every article's (rank, IRI) but ``leaving``'s, in rank order."""
    return _ranked_nodes(store, f"GRAPH {graph} {{ ?row kgl:listedRank ?rank }}", ox.Literal(""),
                         leaving)


def _article_ranks(store: GraphStore, graph: ox.NamedNode, articles: list[ox.NamedNode]
                   ) -> dict[ox.NamedNode, int] | None:
    """A rank for each present one of ``articles`` between its unchanged neighbours' (by file name,
    then IRI), or None when a gap has no room left (an old listing's ranks have no gaps)."""
    if not articles:
        return {}
    present: dict[Any, Any] = {r["article"]: r["file"] for r in store.select(
        _restricted("SELECT ?article ?file WHERE { GRAPH ?g { ?article a eo:Article ; eo:fileName ?file } }",
                    "article", articles))}
    staying = _keyed_ranks(store, graph, set(articles))

    def values(article: ox.NamedNode) -> tuple[str, str]:
        file = next(store.quads_for_pattern(article, EO.fileName, None, None), None)
        return (file.object.value if file is not None and isinstance(file.object, ox.Literal) else "", article.value)

    gaps: dict[tuple[int, int | None], list[ox.NamedNode]] = defaultdict(list)
    for article, file in sorted(present.items(), key=lambda t: (t[1].value, t[0].value)):
        gaps[_between(staying, (file.value, article.value), values)].append(article)
    ranks: dict[ox.NamedNode, int] = {}
    for (low, high), members in gaps.items():
        step = RANK_GAP if high is None else (high - low) // (len(members) + 1)
        if step < 1:
            return None
        for i, article in enumerate(members, start=1):
            ranks[article] = low + i * step
    return ranks
