"""Election identity over the whole store: which election each article's mention belongs to.

An election is host country + type + voting day: ``{base}election/{cc}/{type}/{YYYY-MM-DD}``; a
mission is organizer + election. :func:`kgbuild.triples.article_quads` writes an article graph
as the article alone states it: the dated node when the article gives the voting day, else the
year-level node ``{base}election/{cc}/{type}/{YYYY}`` (the year of publication). What that
mention denotes depends on the other articles, and :func:`settle` decides it over the store:

- **Rounds.** A dated election within :data:`ROUND_DAYS` days after an earlier dated election of
  the same country and type (a second round, a runoff) is a round of that one: its mentions take
  the first round's IRI, and its day is kept as ``eo:roundDate``.
- **Undated mentions** belong to the one dated election of their country, type and year, when
  exactly one is in the store; otherwise they stay on the year-level node, typed ``eo:Election``,
  whose ``rdfs:comment`` says that its day is unknown.

``settle`` rewrites exactly the article graphs whose mentions now belong elsewhere (each in one
atomic step), so any build order, a removal and a rebuild all end in the same graphs.
:meth:`kgbuild.KnowledgeGraph.relink` calls it over the whole store. Which election a mention
belongs to depends only on the voting days stated for its country and type (its *group*), so
after a build or a removal :func:`settle_groups` settles only the groups the changed graphs name
(:func:`election_groups`, before and after the change): no other group's days moved, and no
other group's mention can move.

>>> from datetime import date
>>> e = Elections([("BG", "parliamentary", date(2021, 4, 4)), ("BG", "parliamentary", date(2021, 7, 11)),
...                ("BG", "presidential", date(2021, 11, 14)), ("BG", "presidential", date(2021, 11, 21))])
>>> e.when("BG", "presidential", [date(2021, 11, 21)], None), e.when("BG", "presidential", [], 2021)
('2021-11-14', '2021-11-14')
>>> e.when("BG", "parliamentary", [date(2021, 7, 11)], None), e.when("BG", "parliamentary", [], 2021)
('2021-07-11', '2021')
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Iterable, Iterator, Mapping
from datetime import date, timedelta

from pyoxigraph import Literal, NamedNode, Quad, Triple

from .graphstore import GraphStore
from .iris import Iris, election_when
from .triples import ELECTION_TYPE_CONCEPTS, UNDATED_COMMENT, election_label
from .vocab import EO, RDF, RDFS, SCHEMA

__all__ = ["ROUND_DAYS", "Elections", "Group", "election_groups", "settle", "settle_graph", "settle_groups"]

#: a later voting day of the same country and type within this many days of a first round is a round of it
ROUND_DAYS = 60

_DATES = (EO.electionDate, EO.roundDate)

#: an election's country (ISO alpha-2, upper case) and type (None when unknown): the elections
#: whose voting days decide each other's identity (:class:`Elections`)
Group = tuple[str, str | None]
_TYPES = {concept: name for name, concept in ELECTION_TYPE_CONCEPTS.items()}


class Elections:
    """The elections the store's articles date: every stated day, grouped into elections by rounds.

    :param dates: ``(country, type, day)`` for every voting day an article states (type ``None``
        when unknown).
    """

    def __init__(self, dates: Iterable[tuple[str, str | None, date]]) -> None:
        days: dict[tuple[str, str | None], set[date]] = defaultdict(set)
        for country, election_type, day in dates:
            days[(country.upper(), election_type)].add(day)
        #: (country, type, day) -> the first round's day
        self._first: dict[tuple[str, str | None, date], date] = {}
        #: (country, type, year) -> the first rounds of that year
        self._years: dict[tuple[str, str | None, int], list[date]] = defaultdict(list)
        for (country, election_type), group in days.items():
            first: date | None = None
            for day in sorted(group):
                if first is None or day - first > timedelta(days=ROUND_DAYS):
                    first = day
                    self._years[(country, election_type, day.year)].append(day)
                self._first[(country, election_type, day)] = first

    def first_round(self, country: str, election_type: str | None, day: date) -> date:
        """The first round of the election that votes on ``day`` (``day`` itself for a first round)."""
        return self._first.get((country.upper(), election_type, day), day)

    def when(self, country: str, election_type: str | None, days: Iterable[date], year: int | None) -> str:
        """The date key (:func:`kgbuild.iris.election_when`) of the election a mention belongs to.

        :param days: the voting days the mention states (usually one; none for an undated mention);
            of several, the earliest election wins.
        :param year: an undated mention's year (its article's publication year).
        """
        firsts = sorted(self.first_round(country, election_type, d) for d in days)
        if firsts:
            return firsts[0].isoformat()
        if year is not None:
            dated = self._years.get((country.upper(), election_type, year), [])
            if len(dated) == 1:
                return dated[0].isoformat()
        return election_when(None, year)


def _is_day(key: str) -> bool:
    return len(key) == 10


def settle_graph(quads: list[Quad], elections: Elections, iris: Iris) -> list[Quad] | None:
    """One article graph's quads with every mention on the election it belongs to (None: no change).

    The graph names its mentions' elections and missions as this article states them, or as an
    earlier :func:`settle` left them; either way the voting days it states (``eo:electionDate`` and
    ``eo:roundDate`` on the election node) and its publication year decide, so settling again
    after the store changed gives what a fresh build gives.
    """
    year: int | None = None
    observes: dict[NamedNode, NamedNode] = {}
    organizer: dict[NamedNode, NamedNode] = {}
    days: dict[NamedNode, set[date]] = defaultdict(set)
    labels: dict[NamedNode, str] = {}
    for q in quads:
        p, s, o = q.predicate, q.subject, q.object
        if p == SCHEMA.datePublished and isinstance(o, Literal):
            year = int(o.value[:4])
        elif p == EO.observes and isinstance(s, NamedNode) and isinstance(o, NamedNode):
            observes[s] = o
        elif p == EO.organizer and isinstance(s, NamedNode) and isinstance(o, NamedNode):
            organizer[s] = o
        elif p in _DATES and isinstance(s, NamedNode) and isinstance(o, Literal):
            days[s].add(date.fromisoformat(o.value))
        elif p == RDFS.label and isinstance(s, NamedNode) and isinstance(o, Literal):
            labels[s] = o.value
    rename: dict[NamedNode, NamedNode] = {}
    new_label: dict[NamedNode, Literal] = {}
    mission_key: dict[NamedNode, Literal] = {}
    first_day: dict[NamedNode, str] = {}  # settled election -> its first round's day
    undated: set[NamedNode] = set()
    org_prefix = iris.base + "organization/"
    for mission, election in observes.items():
        parts = iris.election_parts(election)
        org = organizer.get(mission)
        if parts is None or org is None or not org.value.startswith(org_prefix):
            continue  # not minted by kgbuild: left as it is
        country, election_type, old_key = parts
        key = elections.when(country, election_type, days.get(election, ()), year)
        settled = iris.election(country, election_type, key, None)
        rename[election] = settled
        old_label, label = (election_label(country, election_type, k) for k in (old_key, key))
        new_label[settled] = Literal(label, language="en")
        new_mission = iris.mission_key_of(org.value[len(org_prefix):], country, election_type, key)
        rename[mission] = NamedNode(iris.base + "mission/" + new_mission)
        mission_key[rename[mission]] = Literal(new_mission)
        stated = labels.get(mission, "")
        if stated.endswith(old_label):
            new_label[rename[mission]] = Literal(stated[: len(stated) - len(old_label)] + label, language="en")
        if _is_day(key):
            first_day[settled] = key
        else:
            undated.add(settled)
    prefixes = sorted(((m.value + "/", n.value + "/") for m, n in rename.items() if m.value.startswith(
        iris.base + "mission/")), key=lambda t: -len(t[0]))

    def term(node: NamedNode) -> NamedNode:
        if node in rename:
            return rename[node]
        for old, new in prefixes:
            if node.value.startswith(old):
                return NamedNode(new + node.value[len(old):])
        return node

    def date_predicate(election: object, day: object, predicate: NamedNode) -> NamedNode:
        if isinstance(election, NamedNode) and election in first_day and isinstance(day, Literal):
            return EO.electionDate if day.value == first_day[election] else EO.roundDate
        return predicate

    out: dict[Quad, None] = {}
    evidence: dict[object, dict[NamedNode, object]] = defaultdict(dict)
    for q in quads:
        s = term(q.subject) if isinstance(q.subject, NamedNode) else q.subject
        p, o = q.predicate, (term(q.object) if isinstance(q.object, NamedNode) else q.object)
        if p == RDFS.label and isinstance(s, NamedNode) and s in new_label:
            o = new_label[s]
        elif p == RDFS.comment and o == UNDATED_COMMENT:
            continue  # re-added below for the elections that stay undated
        elif p == EO.missionKey and isinstance(s, NamedNode) and s in mission_key:
            o = mission_key[s]
        elif p in _DATES:
            p = date_predicate(s, o, p)
        if p in (RDF.subject, RDF.predicate, RDF.object):
            evidence[s][p] = o
        out.setdefault(Quad(s, p, o, q.graph_name), None)
    for election in undated:
        out.setdefault(Quad(election, RDFS.comment, UNDATED_COMMENT, quads[0].graph_name), None)
    # an evidence node's rdf:predicate follows its statement's
    for node, spo in evidence.items():
        old_p = spo.get(RDF.predicate)
        if isinstance(old_p, NamedNode) and old_p in _DATES:
            new_p = date_predicate(spo.get(RDF.subject), spo.get(RDF.object), old_p)
            if new_p != old_p:
                graph = quads[0].graph_name
                del out[Quad(node, RDF.predicate, old_p, graph)]  # type: ignore[arg-type]
                out[Quad(node, RDF.predicate, new_p, graph)] = None  # type: ignore[arg-type]
    if set(out) == set(quads):
        return None
    return list(out)


_STATED_DAYS = """
SELECT DISTINCT ?e ?day WHERE { GRAPH ?g { ?e a eo:Election ; ?p ?day . VALUES ?p { eo:electionDate eo:roundDate } } }
"""

_MENTIONS = """
SELECT ?g ?m ?e ?p ?day ?published WHERE { GRAPH ?g {
  ?m eo:observes ?e .
  OPTIONAL { ?e ?p ?day . VALUES ?p { eo:electionDate eo:roundDate } }
  OPTIONAL { ?a a eo:Article ; schema:datePublished ?published }
} }
"""

# the same for one country's elections, found through their eo:electionCountry (an index lookup;
# the IRI-prefix test the type would need scans every election); COUNTRY is the country's node
_STATED_DAYS_OF = """
SELECT DISTINCT ?e ?day WHERE { GRAPH ?g { ?e eo:electionCountry COUNTRY ; a eo:Election ; eo:electionDate|eo:roundDate ?day } }
"""

_MENTIONS_OF = """
SELECT ?g ?m ?e ?p ?day WHERE { GRAPH ?g {
  ?e eo:electionCountry COUNTRY . ?m eo:observes ?e .
  OPTIONAL { ?e ?p ?day . VALUES ?p { eo:electionDate eo:roundDate } }
} }
"""

_PUBLISHED_IN = """
SELECT ?g ?published WHERE { VALUES ?g { GRAPHS } GRAPH ?g { ?a a eo:Article ; schema:datePublished ?published } }
"""


def election_groups(iris: Iris, triples: Iterable[Triple | Quad]) -> set[Group]:
    """The groups (country, type) of the elections these triples name: the elections a mission
    observes (``eo:observes``) and the nodes typed ``eo:Election`` (whose days :func:`settle` reads).

    >>> from kgbuild.iris import Iris
    >>> e = NamedNode("https://e.org/election/bg/presidential/2021-11-14")
    >>> election_groups(Iris("https://e.org/"), [Triple(NamedNode("https://e.org/mission/x"), EO.observes, e)])
    {('BG', 'presidential')}
    """
    groups: set[Group] = set()
    for t in triples:
        if t.predicate == EO.observes:
            node = t.object
        elif t.predicate == RDF.type and t.object == EO.Election:
            node = t.subject
        else:
            continue
        parts = iris.election_parts(node) if isinstance(node, NamedNode) else None
        if parts is not None:
            groups.add((parts[0], parts[1]))
    return groups


def _mentions_of(store: GraphStore, groups: Collection[Group]) -> list[Mapping[str, object]]:
    """:data:`_MENTIONS`' rows for the elections of these groups' countries (the caller checks the
    type), each with its graph's publication date."""
    rows = [row for country in sorted({c for c, _ in groups}) for row in store.select(
        _MENTIONS_OF.replace("COUNTRY", str(store.iris.country(country))), union=False)]
    graphs = sorted({str(row["g"]) for row in rows if isinstance(row["g"], NamedNode)})
    published: dict[object, object] = {}
    if graphs:
        for row in store.select(_PUBLISHED_IN.replace("GRAPHS", " ".join(graphs)), union=False):
            published.setdefault(row["g"], row["published"])
    return [{**row, "published": published.get(row["g"])} for row in rows]


def _group(iris: Iris, node: object) -> tuple[str, str | None, str] | None:
    return iris.election_parts(node) if isinstance(node, NamedNode) else None


def stated_elections(store: GraphStore, groups: Collection[Group] | None = None) -> Elections:
    """The :class:`Elections` of every voting day the store's article graphs state (of these
    groups' elections only, when given)."""
    if groups is None:
        rows: Iterable[Mapping[str, object]] = store.select(_STATED_DAYS, union=False)
    else:
        rows = [row for country in sorted({c for c, _ in groups}) for row in store.select(
            _STATED_DAYS_OF.replace("COUNTRY", str(store.iris.country(country))), union=False)]
    dates: list[tuple[str, str | None, date]] = []
    for row in rows:
        parts = _group(store.iris, row["e"])
        if parts is not None and isinstance(row["day"], Literal) and (groups is None or parts[:2] in groups):
            dates.append((parts[0], parts[1], date.fromisoformat(row["day"].value)))
    return Elections(dates)


def settle(store: GraphStore) -> list[NamedNode]:
    """Put every mention of the store's article graphs on the election it belongs to; returns the
    graphs rewritten (each replaced in one step)."""
    return [g for g, _ in _settle(store, None)]


def settle_groups(store: GraphStore, groups: Collection[Group]) -> dict[NamedNode, list[Quad]]:
    """Put every mention of these groups' elections on the election it belongs to; returns each
    graph rewritten (replaced in one step) with the quads it held before.

    Only the graphs that mention an election of one of the groups are read, and the other groups
    are taken as settled already (as every relink leaves them): call it with every group a change
    named, before and after (:func:`election_groups` of the changed graphs' old and new triples).
    A graph rewritten for one group is settled whole, on the days of all its groups. The groups'
    elections are found through their ``eo:electionCountry`` (an index lookup), which every graph
    :func:`kgbuild.triples.article_quads` writes states; a graph written otherwise without it is
    settled by the next full :func:`settle` (``kgbuild link``).
    """
    return dict(_settle(store, groups)) if groups else {}


def _settle(store: GraphStore, groups: Collection[Group] | None) -> Iterator[tuple[NamedNode, list[Quad]]]:
    """Settle the mentions of these groups (all, for None); yields each graph rewritten, with the
    quads it held before."""
    iris = store.iris
    elections = stated_elections(store, groups)
    if groups is None:
        rows: Iterable[Mapping[str, object]] = store.select(_MENTIONS, union=False)
    else:
        rows = _mentions_of(store, groups)
    mentions: dict[NamedNode, dict[NamedNode, tuple[NamedNode, set[tuple[NamedNode, date]], int | None]]] = {}
    for row in rows:
        g, m, e = row["g"], row["m"], row["e"]
        if not (isinstance(g, NamedNode) and isinstance(m, NamedNode) and isinstance(e, NamedNode)):
            continue
        published = row.get("published")
        year = int(published.value[:4]) if isinstance(published, Literal) else None
        entry = mentions.setdefault(g, {}).setdefault(m, (e, set(), year))
        day, p = row.get("day"), row.get("p")
        if isinstance(day, Literal) and isinstance(p, NamedNode):
            entry[1].add((p, date.fromisoformat(day.value)))
    stale: list[NamedNode] = []
    for g, missions in mentions.items():
        for election, stated, year in missions.values():
            parts = iris.election_parts(election)
            if parts is None or (groups is not None and parts[:2] not in groups):
                continue
            country, election_type, key = parts
            settled = elections.when(country, election_type, [d for _, d in stated], year)
            wrong_predicate = any((p == EO.electionDate) != (d.isoformat() == settled) for p, d in stated)
            if settled != key or wrong_predicate:
                stale.append(g)
                break
    read: dict[NamedNode, list[Quad]] = {}
    if groups is not None and stale:  # a stale graph's other groups: their days too, or settling it would move them
        read = {g: list(store.quads_for_pattern(None, None, None, g)) for g in stale}
        others = {group for quads in read.values() for group in election_groups(iris, quads)} - set(groups)
        if others:
            elections = stated_elections(store, {*groups, *others})
    for g in stale:  # the whole store's stale graphs are read one at a time
        quads = read.pop(g) if g in read else list(store.quads_for_pattern(None, None, None, g))
        new = settle_graph(quads, elections, iris)
        if new is not None:
            store.replace_graph(g, new)
            yield g, quads
