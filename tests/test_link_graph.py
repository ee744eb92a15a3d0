"""Tests of kgbuild.link.graph: the quads of the links graph."""

from __future__ import annotations

import pytest
from pyoxigraph import Literal, NamedNode, Store

from kgbuild.errors import ParameterError
from kgbuild.iris import Iris
from kgbuild.link.graph import link_quads
from kgbuild.vocab import EO, OWL, RDF, RDFS

IRIS = Iris("https://example.org/kg/")


def test_link_graph_country_has_every_identifier():
    """A country node gets its codes, Wikidata and GeoNames links and a label, all in the links graph."""
    quads = link_quads(IRIS, ["az"], [])
    assert {q.graph_name for q in quads} == {IRIS.links_graph()}
    node = IRIS.country("AZ")
    assert {(q.subject, q.predicate, q.object) for q in quads} == {
        (node, RDF.type, EO.Country),
        (node, RDFS.label, Literal("Azerbaijan", language="en")),
        (node, EO.alpha2, Literal("AZ")),
        (node, EO.alpha3, Literal("AZE")),
        (node, EO.numericCode, Literal("031")),
        (node, EO.wikidataId, Literal("Q227")),
        (node, EO.geonamesId, Literal("587116")),
        (node, OWL.sameAs, NamedNode("http://www.wikidata.org/entity/Q227")),
        (node, OWL.sameAs, NamedNode("https://sws.geonames.org/587116/")),  # one policy: owl:sameAs
    }


def test_link_graph_normalises_deduplicates_and_skips_unknown_countries():
    """Codes in any accepted form collapse to one node each; values that are no ISO country are skipped."""
    quads = link_quads(IRIS, ["BY", "by", "BLR", "Q184", "XK", "Trend", "ru"], [])
    subjects = sorted({q.subject.value for q in quads})
    assert subjects == [IRIS.country("BY").value, IRIS.country("RU").value]
    assert len(quads) == 18


def test_link_graph_organizations_same_as_only_with_an_id():
    """Organizations with a Wikidata id get owl:sameAs the entity; those without give nothing."""
    quads = link_quads(
        IRIS, [], [("Commonwealth of Independent States", "Q7779"), ("ODIHR", None), ("X", " ")]
    )
    assert [(q.subject, q.predicate, q.object, q.graph_name) for q in quads] == [
        (
            IRIS.organization("Commonwealth of Independent States"),
            OWL.sameAs,
            NamedNode("http://www.wikidata.org/entity/Q7779"),
            IRIS.links_graph(),
        )
    ]
    twice = link_quads(IRIS, [], [("CIS", "Q7779"), ("CIS", "q7779")])
    assert len(twice) == 1


def test_link_graph_rejects_malformed_wikidata_id():
    """A malformed organization id raises ParameterError naming the organization."""
    with pytest.raises(ParameterError, match="'GUAM'"):
        link_quads(IRIS, [], [("GUAM", "326816")])


def test_link_graph_loads_into_store_and_answers_sparql():
    """The quads load into pyoxigraph and a country's Wikidata entity is found through owl:sameAs."""
    store = Store()
    store.extend(link_quads(IRIS, ["AZ", "BY"], [("CIS", "Q7779")]))
    rows = list(
        store.query(
            "PREFIX owl: <http://www.w3.org/2002/07/owl#> PREFIX eo: <https://w3id.org/kgbuild/ontology#> "
            "SELECT ?code ?wd WHERE { GRAPH ?g { ?c eo:alpha2 ?code ; owl:sameAs ?wd } } ORDER BY ?code ?wd"
        )
    )
    assert [(r["code"].value, r["wd"].value) for r in rows] == [
        ("AZ", "http://www.wikidata.org/entity/Q227"),
        ("AZ", "https://sws.geonames.org/587116/"),
        ("BY", "http://www.wikidata.org/entity/Q184"),
        ("BY", "https://sws.geonames.org/630336/"),
    ]


def test_link_graph_all_countries_yield_nine_quads_each():
    """Linking every ISO country gives nine distinct quads per country."""
    from kgbuild.catalog import all_countries

    quads = link_quads(IRIS, [c.alpha2 for c in all_countries()], [])
    assert len(quads) == len(set(quads)) == 9 * 249


def test_link_package_exports_what_it_lists():
    """Every name in kgbuild.link.__all__ exists in the package."""
    import kgbuild.link as link

    assert all(hasattr(link, name) for name in link.__all__)
    assert {"link_quads", "resolve_country", "refresh", "CountryIds"} <= set(link.__all__)
