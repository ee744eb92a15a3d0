"""The SHACL shapes (ontology/shapes.ttl) and kgbuild.ontology.validate."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.collection import Collection

from kgbuild.errors import InputError
from kgbuild.model import ELECTION_TYPES, OBSERVER_CATEGORIES, SLOTS
from kgbuild.ontology import data_graph, ontology_quads, ontology_text, shapes_text, validate

B = "https://example.org/kg/"
EO = "https://w3id.org/kgbuild/ontology#"
MISSION = B + "mission/cis-az-2020-02-09"
ELECTION = B + "election/az-parliamentary-2020-02-09"
COUNT = MISSION + "/count/total/az-cis"
COUNTRY_AZ = B + "country/AZ"
NIF = "http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#"
EVIDENCE_COUNT = B + "article/az-cis/evidence/fedcba9876543210"

#: A hand-written article graph plus links, following docs/rdf-model.md (also used by
#: test_ontology.py for the HermiT consistency check).
VALID_DATA = """@base <https://example.org/kg/> .
@prefix eo: <https://w3id.org/kgbuild/ontology#> .
@prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .
@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
@prefix prov: <http://www.w3.org/ns/prov#> .
@prefix schema: <https://schema.org/> .
@prefix nif: <http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#> .
@prefix owl: <http://www.w3.org/2002/07/owl#> .
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .

<article/az-cis> a eo:Article ;
  eo:fileName "az-cis.txt" ; schema:headline "CIS observers arrive in Baku" ;
  schema:url <https://example.org/news/1> ; schema:datePublished "2020-02-03"^^xsd:date ;
  eo:sourceAgency "Trend" ;
  eo:contentHash "0f1e2d3c4b5a69788796a5b4c3d2e1f00f1e2d3c4b5a69788796a5b4c3d2e1f0" ;
  eo:extractorVersion "kgbuild-extract/0.1.0" ; eo:ingestedAt "2026-11-30T02:00:00Z"^^xsd:dateTime ;
  eo:mentions <mission/cis-az-2020-02-09> .

<mission/cis-az-2020-02-09> a eo:ObservationMission ;
  rdfs:label "CIS observation mission, Azerbaijan 2020" ; eo:missionKey "cis-az-2020-02-09" ;
  eo:organizer <organization/cis> ; eo:observes <election/az-parliamentary-2020-02-09> ;
  eo:startDate "2020-01-19"^^xsd:date ; eo:headOfMission <person/sergey-lebedev> ;
  eo:accreditedBy <commission/central-election-commission-az> ;
  eo:participant <country/BY>, <organization/cis-ipa> ;
  eo:observerCount <mission/cis-az-2020-02-09/count/total/az-cis> .

<organization/cis> a eo:IntergovernmentalOrganization ;
  rdfs:label "Commonwealth of Independent States" ; eo:acronym "CIS" ; eo:wikidataId "Q7779" ;
  eo:organizes <mission/cis-az-2020-02-09> ; owl:sameAs <http://www.wikidata.org/entity/Q7779> .
<organization/cis-ipa> a eo:ParliamentaryAssembly ; rdfs:label "CIS Interparliamentary Assembly" ;
  eo:participatesIn <mission/cis-az-2020-02-09> .
<country/BY> a eo:Country ; rdfs:label "Belarus" ; eo:alpha2 "BY" ; eo:participatesIn <mission/cis-az-2020-02-09> ;
  eo:alpha3 "BLR" ; eo:numericCode "112" ; eo:wikidataId "Q184" ; eo:geonamesId "630336" ;
  owl:sameAs <http://www.wikidata.org/entity/Q184> ; owl:sameAs <https://sws.geonames.org/630336/> .
<country/AZ> a eo:Country ; rdfs:label "Azerbaijan" ; eo:alpha2 "AZ" .
<country/RU> a eo:Country ; rdfs:label "Russia" ; eo:alpha2 "RU" .

<election/az-parliamentary-2020-02-09> a eo:Election ; rdfs:label "2020 Azerbaijani parliamentary election" ;
  eo:electionCountry <country/AZ> ; eo:electionType eo:Parliamentary ;
  eo:electionDate "2020-02-09"^^xsd:date ; eo:early true ; eo:observedBy <mission/cis-az-2020-02-09> .

<commission/central-election-commission-az> a eo:ElectionCommission ;
  rdfs:label "Central Election Commission of Azerbaijan" ; eo:commissionOf <country/AZ> ;
  eo:accredits <mission/cis-az-2020-02-09> .

<person/sergey-lebedev> a eo:Person ; rdfs:label "Sergey Lebedev" ;
  eo:heads <mission/cis-az-2020-02-09> ; eo:citizenOf <country/RU> .

<mission/cis-az-2020-02-09/count/total/az-cis> a eo:ObserverCount ;
  eo:category eo:TotalObservers ; eo:count 252 ; eo:statedIn <article/az-cis> ;
  eo:asOf "2020-02-03"^^xsd:date .

<article/az-cis/evidence/0123456789abcdef> a eo:Evidence ;
  rdf:subject <mission/cis-az-2020-02-09> ; rdf:predicate eo:startDate ;
  rdf:object "2020-01-19"^^xsd:date ; eo:slot "start_date" ;
  eo:inArticle <article/az-cis> ; prov:wasDerivedFrom <article/az-cis> ;
  nif:beginIndex 123 ; nif:endIndex 136 ; nif:anchorOf "Jan. 19, 2020" ;
  eo:sentence "The mission, which began its work on Jan. 19, 2020, has 252 observers." ;
  eo:sentenceBeginIndex 86 ; eo:sentenceEndIndex 156 .

<article/az-cis/evidence/fedcba9876543210> a eo:Evidence ;
  rdf:subject <mission/cis-az-2020-02-09/count/total/az-cis> ; rdf:predicate eo:count ;
  rdf:object 252 ; eo:slot "observers.total" ;
  eo:inArticle <article/az-cis> ; prov:wasDerivedFrom <article/az-cis> ;
  nif:beginIndex 142 ; nif:endIndex 145 ; nif:anchorOf "252" ;
  eo:sentence "The mission, which began its work on Jan. 19, 2020, has 252 observers." ;
  eo:sentenceBeginIndex 86 ; eo:sentenceEndIndex 156 .
"""


def _broken(*replacements: tuple[str, str], extra: str = "") -> str:
    text = VALID_DATA
    for old, new in replacements:
        assert old in text, old
        text = text.replace(old, new)
    return text + extra


def test_shapes_parse_with_rdflib() -> None:
    """shapes.ttl is Turtle that rdflib reads, with node shapes for every main class."""
    g = rdflib.Graph().parse(data=shapes_text(), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    targets = {str(o) for o in g.objects(None, sh.targetClass)}
    for cls in (
        "ObservationMission",
        "Election",
        "Country",
        "ObserverCount",
        "Evidence",
        "Article",
        "Person",
    ):
        assert EO + cls in targets


def test_shapes_valid_sample_conforms() -> None:
    """The hand-written graph that follows docs/rdf-model.md conforms, with no results at all."""
    report = validate(VALID_DATA)
    assert report.conforms, report.text
    assert report.results == []


def test_shapes_broken_sample_names_the_focus_nodes() -> None:
    """No organizer, a count of -1 and alpha2 "aze" each give a violation on the right node."""
    report = validate(
        _broken(
            ("eo:organizer <organization/cis> ;", ""),
            ("eo:count 252 ;", "eo:count -1 ;"),
            ('eo:alpha2 "AZ"', 'eo:alpha2 "aze"'),
        )
    )
    assert not report.conforms
    assert report.focus_nodes == {MISSION, COUNT, COUNTRY_AZ, ELECTION}
    by_node = {(r.focus_node, r.path, r.constraint) for r in report.violations()}
    assert (MISSION, EO + "organizer", "MinCountConstraintComponent") in by_node
    assert (COUNT, EO + "count", "MinInclusiveConstraintComponent") in by_node
    assert (COUNTRY_AZ, EO + "alpha2", "PatternConstraintComponent") in by_node
    # the election is flagged because its country does not satisfy the country shape
    assert (ELECTION, EO + "electionCountry", "NodeConstraintComponent") in by_node


def test_shapes_organizer_must_be_an_organization_and_unique() -> None:
    """An organizer typed eo:Person, or a second organizer, violates the mission shape."""
    person = _broken(
        ("<organization/cis> a eo:IntergovernmentalOrganization", "<organization/cis> a eo:Person")
    )
    assert validate(person).focus_nodes >= {MISSION}
    two = _broken(extra=f"<{MISSION}> <{EO}organizer> <{B}organization/cis-ipa> .\n")
    results = validate(two).violations()
    assert [(r.focus_node, r.constraint) for r in results] == [(MISSION, "MaxCountConstraintComponent")]


def test_shapes_offsets_must_be_ordered_and_match_the_anchor() -> None:
    """Evidence with begin > end, or an anchor whose length differs from end - begin, is flagged."""
    report = validate(
        _broken(("nif:beginIndex 142 ; nif:endIndex 145", "nif:beginIndex 146 ; nif:endIndex 145"))
    )
    assert report.focus_nodes == {EVIDENCE_COUNT}
    constraints = {r.constraint for r in report.violations()}
    assert "LessThanOrEqualsConstraintComponent" in constraints
    assert (EVIDENCE_COUNT, NIF + "anchorOf") in {(r.focus_node, r.path) for r in report.violations()}
    floats = validate(
        _broken(
            ("nif:beginIndex 142 ;", 'nif:beginIndex "142"^^<http://www.w3.org/2001/XMLSchema#decimal> ;')
        )
    )
    assert EVIDENCE_COUNT in floats.focus_nodes


def test_shapes_sentence_text_must_match_its_offsets() -> None:
    """An eo:sentence whose length differs from its offsets is a SPARQL-constraint violation."""
    report = validate(
        _broken(
            (
                "eo:sentenceBeginIndex 86 ; eo:sentenceEndIndex 156 .\n\n<article/az-cis/evidence/fedcba",
                "eo:sentenceBeginIndex 80 ; eo:sentenceEndIndex 156 .\n\n<article/az-cis/evidence/fedcba",
            )
        )
    )
    assert [(r.focus_node, r.constraint) for r in report.violations()] == [
        (B + "article/az-cis/evidence/0123456789abcdef", "MaxCountConstraintComponent")
    ]


def test_shapes_evidence_needs_its_reification_triples() -> None:
    """Evidence without rdf:subject is a violation on the evidence node."""
    report = validate(_broken(("rdf:subject <mission/cis-az-2020-02-09/count/total/az-cis> ;", "")))
    assert [(r.focus_node, r.path) for r in report.violations()] == [
        (EVIDENCE_COUNT, "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject")
    ]


def test_shapes_values_outside_the_schemes_are_rejected() -> None:
    """An election type or observer category outside its SKOS scheme is a violation."""
    report = validate(
        _broken(
            ("eo:electionType eo:Parliamentary", "eo:electionType eo:TotalObservers"),
            ("eo:category eo:TotalObservers", "eo:category eo:Presidential"),
        )
    )
    assert {(r.focus_node, r.constraint) for r in report.violations()} == {
        (ELECTION, "InConstraintComponent"),
        (COUNT, "InConstraintComponent"),
    }


def test_shapes_dates_must_be_xsd_date() -> None:
    """A start date typed as a plain string, or an ill-formed xsd:date, is a violation."""
    plain = validate(_broken(('eo:startDate "2020-01-19"^^xsd:date', 'eo:startDate "2020-01-19"')))
    assert plain.focus_nodes == {MISSION}
    bad = validate(
        _broken(('eo:electionDate "2020-02-09"^^xsd:date', 'eo:electionDate "2020-02-31"^^xsd:date'))
    )
    assert bad.focus_nodes == {ELECTION}


def test_shapes_article_needs_file_name_and_hash() -> None:
    """An article without eo:fileName or with a non-hex content hash is flagged."""
    report = validate(_broken(('eo:fileName "az-cis.txt" ;', ""), ("0f1e2d3c", "XYZ!2d3c")))
    assert {(r.focus_node, r.path) for r in report.violations()} == {
        (B + "article/az-cis", EO + "fileName"),
        (B + "article/az-cis", EO + "contentHash"),
    }


def test_shapes_article_disagreement_is_a_warning() -> None:
    """Two heads of one mission are a warning: conforms unless warnings_fail=True."""
    text = _broken(
        extra=f"<{MISSION}> <{EO}headOfMission> <{B}person/x> .\n"
        f'<{B}person/x> a <{EO}Person> ; <http://www.w3.org/2000/01/rdf-schema#label> "X" .\n'
    )
    lenient = validate(text)
    assert lenient.conforms
    assert [(r.focus_node, r.severity) for r in lenient.warnings()] == [(MISSION, "Warning")]
    assert not validate(text, warnings_fail=True).conforms


def test_shapes_lists_match_the_ontology_and_model() -> None:
    """The sh:in lists equal the ontology's SKOS schemes and kgbuild.model's slots and types."""
    onto = rdflib.Graph().parse(data=ontology_text(), format="turtle")
    shapes = rdflib.Graph().parse(data=shapes_text(), format="turtle")
    sh = rdflib.Namespace("http://www.w3.org/ns/shacl#")
    in_lists = [{str(x) for x in Collection(shapes, lst)} for lst in shapes.objects(None, sh["in"])]
    skos_in = rdflib.URIRef("http://www.w3.org/2004/02/skos/core#inScheme")
    types = {str(s) for s in onto.subjects(skos_in, rdflib.URIRef(EO + "ElectionTypeScheme"))}
    categories = {str(s) for s in onto.subjects(skos_in, rdflib.URIRef(EO + "ObserverCategoryScheme"))}
    assert types in in_lists and categories in in_lists and set(SLOTS) in in_lists
    assert types == {EO + t.capitalize() for t in ELECTION_TYPES}
    camel = {"total": "TotalObservers", "long_term": "LongTermObservers", "short_term": "ShortTermObservers"}
    assert categories == {EO + camel[c] for c in OBSERVER_CATEGORIES}


def _store_with(data: str) -> tuple[ox.Store, ox.NamedNode]:
    store = ox.Store()
    graph = ox.NamedNode(B + "graph/article/az-cis")
    store.extend(
        ox.Quad(t.subject, t.predicate, t.object, graph) for t in ox.parse(data, format=ox.RdfFormat.TURTLE)
    )
    store.extend(ontology_quads())
    return store, graph


def test_shapes_validate_store_uses_article_and_links_graphs_only() -> None:
    """A store is validated as the union of its data graphs; the ontology and VoID graphs are left out."""
    store, graph = _store_with(VALID_DATA)
    assert validate(store).conforms
    assert len(data_graph(store)) == len(list(ox.parse(VALID_DATA, format=ox.RdfFormat.TURTLE)))
    rdf_type, country = ox.NamedNode(rdflib.RDF.type), ox.NamedNode(EO + "Country")
    store.add(ox.Quad(ox.NamedNode(B + "dataset"), rdf_type, country, ox.NamedNode(B + "graph/_void")))
    assert validate(store).conforms
    store.add(ox.Quad(ox.NamedNode(B + "country/XX"), rdf_type, country, ox.NamedNode(B + "graph/_links")))
    assert validate(store).focus_nodes == {B + "country/XX"}
    assert validate(store, graphs=[graph]).conforms


def test_shapes_validate_reads_files(tmp_path: Path) -> None:
    """Turtle and N-Quads files are validated by path; a missing file raises InputError naming it."""
    ttl = tmp_path / "sample.ttl"
    ttl.write_text(VALID_DATA, encoding="utf-8")
    assert validate(ttl).conforms
    store, _ = _store_with(_broken(("eo:count 252 ;", "eo:count -1 ;")))
    nq = tmp_path / "sample.nq"
    store.dump(str(nq), format=ox.RdfFormat.N_QUADS)
    assert validate(str(nq)).focus_nodes == {COUNT}
    with pytest.raises(InputError, match="missing.ttl"):
        validate(str(tmp_path / "missing.ttl"))
    with pytest.raises(InputError, match="cannot be read as RDF"):
        validate("<https://example.org/a> <https://example.org/b> .\n")
    one_line = f'<{B}x> a <{EO}Country> ; <{EO}alpha2> "{"Z" * 300}" .'
    assert validate(one_line).focus_nodes == {B + "x"}


def gold_store_with_evidence() -> ox.Store:
    """The examples' gold missions written by kgbuild.triples, every fact with (synthetic) evidence, plus links."""
    from kgbuild.api import KnowledgeGraph
    from kgbuild.model import Article, Evidence, Mission
    from kgbuild.triples import article_quads
    from tests.conftest import EXAMPLES, load_gold_into

    copy = ox.Store()
    with KnowledgeGraph(None) as kg:
        load_gold_into(kg)
        for gold_file in sorted(EXAMPLES.glob("*.gold.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            article = Article.from_text(
                gold["article"], (EXAMPLES / gold["article"]).read_text(encoding="utf-8")
            )
            missions = [Mission.from_gold(m) for m in gold["missions"]]
            for i, m in enumerate(missions):
                for st in list(m.statements()):
                    start = (7 * i) % 50
                    m.cite(st.slot, st.value, Evidence(start, start + 9, max(0, start - 3), start + 40))
            kg.store.replace_graph(
                kg.iris.article_graph(article.id),
                article_quads(
                    article, missions, iris=kg.iris, extractor_version="test", ingested_at=datetime.now(UTC)
                ),
            )
        copy.extend(kg.store.backend.quads_for_pattern(None, None, None, None))
    return copy


def test_shapes_gold_graph_with_evidence_conforms() -> None:
    """What kgbuild.triples writes for the examples' gold facts (with evidence and links) conforms, without warnings."""
    store = gold_store_with_evidence()
    evidence = list(
        store.quads_for_pattern(None, ox.NamedNode(str(rdflib.RDF.type)), ox.NamedNode(EO + "Evidence"))
    )
    assert len(evidence) > 100
    report = validate(store)
    assert report.conforms, report.text
    assert report.results == []
