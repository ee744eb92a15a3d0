"""Election identity over the store (kgbuild.elections): rounds, undated mentions, build orders."""

from __future__ import annotations

from datetime import date
from itertools import permutations

import pyoxigraph as ox

from kgbuild.api import KnowledgeGraph
from kgbuild.elections import Elections, settle
from kgbuild.model import Article, Evidence, Mission
from kgbuild.triples import UNDATED_COMMENT, article_quads
from kgbuild.vocab import EO, RDF, RDFS

from .conftest import EXAMPLES

BASE = "https://w3id.org/kgbuild/data/"
BG21 = [date(2021, 4, 4), date(2021, 7, 11), date(2021, 11, 14)]


def test_elections_bulgaria_2021_three_parliamentary_one_presidential_with_runoff() -> None:
    e = Elections([("BG", "parliamentary", d) for d in BG21]
                  + [("BG", "presidential", date(2021, 11, 14)), ("BG", "presidential", date(2021, 11, 21))])
    assert [e.when("BG", "parliamentary", [d], None) for d in BG21] == ["2021-04-04", "2021-07-11", "2021-11-14"]
    assert e.when("BG", "presidential", [date(2021, 11, 21)], None) == "2021-11-14"  # the runoff: a round
    assert e.when("BG", "parliamentary", [], 2021) == "2021"  # three dated elections: stays year-level
    assert e.when("BG", "presidential", [], 2021) == "2021-11-14"  # exactly one dated election that year
    assert e.when("BG", "presidential", [], 2020) == "2020"
    assert e.when("BG", "parliamentary", [], None) == "undated"


def test_elections_rounds_are_counted_from_the_first_round() -> None:
    # 1 March, 20 April (50 days: round 2), 10 May (70 days after 1 March: a new election)
    e = Elections([("XK", "referendum", date(2024, 3, 1)), ("XK", "referendum", date(2024, 4, 20)),
                   ("XK", "referendum", date(2024, 5, 10))])
    assert [e.when("XK", "referendum", [d], None) for d in (date(2024, 3, 1), date(2024, 4, 20), date(2024, 5, 10))
            ] == ["2024-03-01", "2024-03-01", "2024-05-10"]
    assert e.when("XK", "referendum", [], 2024) == "2024"  # two referendums in one year do not collide


def _article(name: str, published: date, text: str = "The observers of the mission arrived.") -> Article:
    return Article(id=name, text=text, published=published)


def _mission(organizer: str, country: str, kind: str, day: date | None, **facts: object) -> Mission:
    m = Mission(organizer=organizer, country=country, election_type=kind, election_date=day, **facts)  # type: ignore[arg-type]
    if day is not None:
        m.cite("election.date", day, Evidence(4, 13, 0, 37))
    return m


#: (article, its missions): a dated and an undated report of one CIS mission, a runoff report, and
#: one organizer's missions to Bulgaria's April and July parliamentary elections of 2021
ARTICLES = {
    "az-dated.txt": (_article("az-dated.txt", date(2020, 2, 3)),
                     [_mission("Commonwealth of Independent States", "AZ", "parliamentary", date(2020, 2, 9),
                               observers_total=252)]),
    "az-undated.txt": (_article("az-undated.txt", date(2020, 1, 20)),
                       [_mission("Commonwealth of Independent States", "AZ", "parliamentary", None,
                                 observers_total=300, accredited_by="Central Election Commission",
                                 accredited_by_country="AZ")]),
    "bg-pres-first.txt": (_article("bg-pres-first.txt", date(2021, 11, 10)),
                          [_mission("OSCE/ODIHR", "BG", "presidential", date(2021, 11, 14))]),
    "bg-pres-runoff.txt": (_article("bg-pres-runoff.txt", date(2021, 11, 19)),
                           [_mission("OSCE/ODIHR", "BG", "presidential", date(2021, 11, 21), observers_total=40)]),
    "bg-parl-april.txt": (_article("bg-parl-april.txt", date(2021, 3, 30)),
                          [_mission("OSCE/ODIHR", "BG", "parliamentary", date(2021, 4, 4))]),
    "bg-parl-july.txt": (_article("bg-parl-july.txt", date(2021, 7, 5)),
                         [_mission("OSCE/ODIHR", "BG", "parliamentary", date(2021, 7, 11))]),
    "bg-parl-undated.txt": (_article("bg-parl-undated.txt", date(2021, 6, 1)),
                            [_mission("OSCE/ODIHR", "BG", "parliamentary", None, observers_total=12)]),
}


def _write(kg: KnowledgeGraph, names: list[str]) -> None:
    """Write these articles' graphs as a build does (no spaCy), then relink."""
    for name in names:
        article, missions = ARTICLES[name]
        quads = article_quads(article, missions, iris=kg.iris, extractor_version="test", ingested_at=None)
        kg.store.replace_graph(kg.iris.article_graph(article.id), quads)
    kg.relink()


def _article_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for g in kg.store.article_graphs() for q in kg.store.quads_for_pattern(None, None, None, g)}


def _missions(kg: KnowledgeGraph) -> set[str]:
    rows = kg.store.select("SELECT DISTINCT ?m WHERE { GRAPH ?g { ?m a eo:ObservationMission } }", union=False)
    return {r["m"].value.removeprefix(BASE + "mission/") for r in rows}


def _elections(kg: KnowledgeGraph) -> set[str]:
    rows = kg.store.select("SELECT DISTINCT ?e WHERE { GRAPH ?g { ?e a eo:Election } }", union=False)
    return {r["e"].value.removeprefix(BASE + "election/") for r in rows}


def test_elections_every_build_order_and_a_rebuild_give_the_same_graph() -> None:
    names = list(ARTICLES)
    with KnowledgeGraph(None) as kg:
        _write(kg, names)
        expected = _article_quads(kg)
        assert _missions(kg) == {"cis-az-parliamentary-2020-02-09", "odihr-bg-presidential-2021-11-14",
                                 "odihr-bg-parliamentary-2021-04-04", "odihr-bg-parliamentary-2021-07-11",
                                 "odihr-bg-parliamentary-2021"}
        assert _elections(kg) == {"az/parliamentary/2020-02-09", "bg/presidential/2021-11-14",
                                  "bg/parliamentary/2021-04-04", "bg/parliamentary/2021-07-11",
                                  "bg/parliamentary/2021"}
        _write(kg, names)  # a rebuild of everything: nothing moves
        assert _article_quads(kg) == expected
    # one at a time, in every order of the merging pairs (the undated before and after the dated)
    for order in [names[::-1], *permutations(["az-undated.txt", "az-dated.txt", "bg-pres-runoff.txt",
                                              "bg-pres-first.txt"])]:
        rest = [n for n in names if n not in order]
        with KnowledgeGraph(None) as kg:
            for name in [*order, *rest]:
                _write(kg, [name])
            assert _article_quads(kg) == expected, order


def test_elections_undated_report_merges_into_the_dated_mission() -> None:
    with KnowledgeGraph(None) as kg:
        _write(kg, ["az-undated.txt"])
        assert _missions(kg) == {"cis-az-parliamentary-2020"}
        year_node = ox.NamedNode(BASE + "election/az/parliamentary/2020")
        assert next(kg.store.quads_for_pattern(year_node, RDFS.comment, UNDATED_COMMENT), None) is not None
        _write(kg, ["az-dated.txt"])
        mission = BASE + "mission/cis-az-parliamentary-2020-02-09"
        assert _missions(kg) == {"cis-az-parliamentary-2020-02-09"}
        assert not list(kg.store.quads_for_pattern(year_node, None, None))  # the year-level node is gone
        # both articles' figures and the undated one's accreditation hang on the one mission
        figures = kg.select(f"SELECT ?n WHERE {{ <{mission}> eo:observerCount/eo:count ?n }} ORDER BY ?n")
        assert [r["n"] for r in figures] == [252, 300]
        accreditation = ox.NamedNode(f"{mission}/accreditation/az-undated.txt")
        assert next(kg.store.quads_for_pattern(ox.NamedNode(mission), EO.accreditation, accreditation), None)
        labels = {q.object.value for q in kg.store.quads_for_pattern(ox.NamedNode(mission), RDFS.label, None)}
        assert labels == {"Commonwealth of Independent States observation of Azerbaijan parliamentary 2020-02-09"}
        # the listing reads the settled mission: one row, both articles
        rows = kg.query("missions-in-country", country="AZ")
        assert len(rows) == 1 and rows[0]["mission"].endswith("cis-az-parliamentary-2020-02-09")
        # removing the dated report puts the undated one back on the year-level node
        assert kg.remove("az-dated.txt")
        assert _missions(kg) == {"cis-az-parliamentary-2020"}
        assert next(kg.store.quads_for_pattern(year_node, RDFS.comment, UNDATED_COMMENT), None) is not None


def test_elections_runoff_is_a_round_of_the_first_vote() -> None:
    with KnowledgeGraph(None) as kg:
        _write(kg, ["bg-pres-runoff.txt"])
        assert _elections(kg) == {"bg/presidential/2021-11-21"}  # alone, the runoff's day is its election's
        _write(kg, ["bg-pres-first.txt"])
        election = ox.NamedNode(BASE + "election/bg/presidential/2021-11-14")
        assert _elections(kg) == {"bg/presidential/2021-11-14"}
        assert _missions(kg) == {"odihr-bg-presidential-2021-11-14"}
        dates = {(q.predicate, q.object.value) for q in kg.store.quads_for_pattern(election, None, None)
                 if q.predicate in (EO.electionDate, EO.roundDate)}
        assert dates == {(EO.electionDate, "2021-11-14"), (EO.roundDate, "2021-11-21")}
        # the runoff article's evidence names the statement it now makes
        runoff = kg.iris.article_graph("bg-pres-runoff.txt")
        evidence = [q.subject for q in kg.store.quads_for_pattern(None, RDF.subject, election, runoff)]
        assert len(evidence) >= 1
        predicates = {q.object for ev in evidence for q in kg.store.quads_for_pattern(ev, RDF.predicate, None, runoff)}
        assert EO.roundDate in predicates and EO.electionDate not in predicates
        # the facts view gives each article the day it states, the runoff's included
        days = {a["article"]: [m["election"]["date"] for m in a["missions"]] for a in kg.facts()["articles"]}
        assert days == {"bg-pres-first.txt": ["2021-11-14"], "bg-pres-runoff.txt": ["2021-11-21"]}


def test_elections_settle_twice_changes_nothing() -> None:
    with KnowledgeGraph(None) as kg:
        _write(kg, list(ARTICLES))
        assert settle(kg.store) == []


def test_elections_examples_built_one_by_one_backwards_equal_one_build() -> None:
    """The examples through the extractor give the same graph whichever article is built first.
    Armenia 2018 is one election on 9 December: the IPA CIS team's article states no election day
    (its observers' visit on 7 December was read as one until extractor 0.14.0; the day-merging
    itself is tested above on articles written for it)."""
    files = sorted(EXAMPLES.glob("*.txt"))

    def quads(kg: KnowledgeGraph) -> set[tuple[str, str, str, str]]:
        return {(str(q.subject), str(q.predicate), str(q.object), str(q.graph_name)) for q in _article_quads(kg)
                if q.predicate != EO.ingestedAt}

    with KnowledgeGraph(None) as kg:
        kg.build([str(f) for f in files])
        together = quads(kg)
        assert "am/parliamentary/2018-12-09" in _elections(kg)
        assert not any(e.startswith("am/parliamentary/2018-12-07") for e in _elections(kg))
    with KnowledgeGraph(None) as kg:
        for f in reversed(files):
            kg.build([str(f)])
        assert quads(kg) == together
