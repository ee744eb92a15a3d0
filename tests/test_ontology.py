"""The OWL ontology (ontology/kgbuild.ttl), its packaging (kgbuild.resources) and kgbuild.ontology."""

from __future__ import annotations

import io
import os
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

import owlready2
import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from kgbuild import ontology
from kgbuild.errors import ParameterError, ReasonerUnavailable
from kgbuild.model import ELECTION_TYPES
from kgbuild.resources import resource_dir, resource_names, resource_text
from kgbuild.vocab import EO_NS, EO_TERMS, ONTOLOGY_IRI, ONTOLOGY_VERSION
from tests.conftest import IN_CI, ROOT, require_tool
from tests.test_shapes import VALID_DATA, gold_store_with_evidence

EO = rdflib.Namespace(EO_NS)
DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")


@pytest.fixture(scope="module")
def onto() -> rdflib.Graph:
    return rdflib.Graph().parse(data=ontology.ontology_text(), format="turtle")


def _eo_terms(g: rdflib.Graph) -> set[str]:
    return {str(s)[len(EO_NS) :] for s in g.subjects(RDF.type, None) if str(s).startswith(EO_NS)}


def _ntriples(turtle: str) -> str:
    triples = ox.parse(turtle, format=ox.RdfFormat.TURTLE)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


def _reasoner(data: str | None) -> bool:
    """check_consistency, skipped (locally, not in CI) when Java is missing."""
    try:
        return ontology.check_consistency(data)
    except ReasonerUnavailable as exc:
        if IN_CI:
            pytest.fail(f"HermiT must run in CI: {exc}")
        pytest.skip(str(exc))


# --- the terms ---------------------------------------------------------------------------------
def test_ontology_defines_exactly_the_vocab_terms(onto: rdflib.Graph) -> None:
    """Every eo: term of vocab.EO_TERMS is declared in kgbuild.ttl, and kgbuild.ttl has no other eo: term."""
    declared = _eo_terms(onto)
    used = {
        str(t)[len(EO_NS) :]
        for triple in onto
        for t in triple
        if isinstance(t, rdflib.URIRef) and t.startswith(EO_NS)
    }
    assert declared == EO_TERMS
    assert used == EO_TERMS


def test_ontology_terms_have_english_label_and_comment(onto: rdflib.Graph) -> None:
    """Every eo: term has an rdfs:label and an rdfs:comment (or skos:definition) in English."""
    missing = []
    for term in sorted(EO_TERMS):
        node = EO[term]
        labels = [o for o in onto.objects(node, RDFS.label) if getattr(o, "language", None) == "en"]
        comments = [
            o
            for p in (RDFS.comment, SKOS.definition)
            for o in onto.objects(node, p)
            if getattr(o, "language", None) == "en"
        ]
        if not labels or not comments:
            missing.append(term)
    assert missing == []


def test_ontology_header_carries_version_and_license(onto: rdflib.Graph) -> None:
    """The ontology node has versionIRI, versionInfo and dcterms title/description/license/creator/created."""
    node = rdflib.URIRef(ONTOLOGY_IRI)
    assert (node, RDF.type, OWL.Ontology) in onto
    assert onto.value(node, OWL.versionIRI) == rdflib.URIRef(f"{ONTOLOGY_IRI}/{ONTOLOGY_VERSION}")
    assert str(onto.value(node, OWL.versionInfo)) == ONTOLOGY_VERSION
    assert str(onto.value(node, DCTERMS.license)) == "https://creativecommons.org/licenses/by/4.0/"  # a content licence
    for prop in ("title", "description", "creator"):
        assert onto.value(node, DCTERMS[prop]) is not None, prop
    assert onto.value(node, DCTERMS.created).datatype == XSD.date  # type: ignore[union-attr]


def test_ontology_properties_are_typed_with_domains_and_ranges(onto: rdflib.Graph) -> None:
    """Every property is an object or datatype property with a range; datatype ranges are XSD types."""
    props = {s for s in onto.subjects(RDF.type, OWL.ObjectProperty) if str(s).startswith(EO_NS)}
    data_props = {s for s in onto.subjects(RDF.type, OWL.DatatypeProperty) if str(s).startswith(EO_NS)}
    assert not props & data_props
    deprecated = {s for s in onto.subjects(OWL.deprecated, rdflib.Literal(True))}
    assert {str(p) for p in deprecated} == {EO_NS + "memberOf", EO_NS + "hasMember"}  # equivalents of the new names
    no_range = {str(p) for p in (props | data_props) - deprecated if onto.value(p, RDFS.range) is None}
    assert no_range == {EO_NS + "mentions"}  # an article may mention anything
    for p in data_props:
        assert str(onto.value(p, RDFS.range)).startswith(str(XSD)), p
    assert onto.value(EO["count"], RDFS.range) == XSD.integer  # the data writes xsd:integer literals
    for p in (EO.electionDate, EO.startDate, EO.asOf):
        assert onto.value(p, RDFS.range) == XSD.date
    assert onto.value(EO.ingestedAt, RDFS.range) == XSD.dateTime
    assert onto.value(EO.organizer, RDFS.domain) == EO.ObservationMission
    assert onto.value(EO.electionCountry, RDFS.range) == EO.Country


def test_ontology_inverse_pairs(onto: rdflib.Graph) -> None:
    """The documented inverse pairs are declared with owl:inverseOf."""
    pairs = {(str(s), str(o)) for s, o in onto.subject_objects(OWL.inverseOf) if str(s).startswith(EO_NS)}
    expected = [
        ("participatesIn", "participant"),
        ("accredits", "accreditedBy"),
        ("observes", "observedBy"),
        ("organizer", "organizes"),
        ("headOfMission", "heads"),
    ]
    assert pairs == {(EO_NS + a, EO_NS + b) for a, b in expected}


def test_ontology_alignment_with_org_prov_schema(onto: rdflib.Graph) -> None:
    """participatesIn/participant specialise W3C ORG; Article and Evidence are PROV entities; Article is a schema:Article."""
    org = rdflib.Namespace("http://www.w3.org/ns/org#")
    prov = rdflib.Namespace("http://www.w3.org/ns/prov#")
    assert (EO.participatesIn, RDFS.subPropertyOf, org.memberOf) in onto
    assert (EO.participant, RDFS.subPropertyOf, org.hasMember) in onto
    assert (EO.memberOf, OWL.equivalentProperty, EO.participatesIn) in onto  # the deprecated name
    assert (EO.Article, RDFS.subClassOf, prov.Entity) in onto
    assert (EO.Article, RDFS.subClassOf, rdflib.URIRef("https://schema.org/Article")) in onto
    assert (EO.Evidence, RDFS.subClassOf, RDF.Statement) in onto
    assert (EO.Evidence, RDFS.subClassOf, prov.Entity) in onto
    wd = rdflib.Namespace("http://www.wikidata.org/entity/")
    assert (EO.Election, RDFS.seeAlso, wd.Q40231) in onto  # SKOS mapping properties relate concepts only
    assert (EO.Country, RDFS.seeAlso, wd.Q6256) in onto
    assert not list(onto.triples((None, SKOS.closeMatch, None)))


def test_ontology_concept_schemes(onto: rdflib.Graph) -> None:
    """Election types and observer categories are SKOS top concepts of their schemes, typed with their class."""
    for scheme, cls, expected in (
        (EO.ElectionTypeScheme, EO.ElectionType, {t.capitalize() for t in ELECTION_TYPES}),
        (
            EO.ObserverCategoryScheme,
            EO.ObserverCategory,
            {"TotalObservers", "LongTermObservers", "ShortTermObservers"},
        ),
    ):
        assert (scheme, RDF.type, SKOS.ConceptScheme) in onto
        members = {str(c)[len(EO_NS) :] for c in onto.subjects(SKOS.inScheme, scheme)}
        assert members == expected
        for name in expected:
            c = EO[name]
            assert {(c, RDF.type, cls), (c, RDF.type, SKOS.Concept), (c, SKOS.topConceptOf, scheme)} <= set(
                onto
            )
            assert (scheme, SKOS.hasTopConcept, c) in onto
            assert onto.value(c, SKOS.prefLabel) is not None


# --- parsers and OWL tools ---------------------------------------------------------------------
@pytest.mark.parametrize("name", ["kgbuild.ttl", "shapes.ttl"])
def test_ontology_files_pass_rapper(name: str) -> None:
    """rapper (raptor2-utils) accepts both Turtle files."""
    rapper = require_tool("rapper")
    done = subprocess.run(
        [rapper, "-q", "-i", "turtle", "-c", str(ROOT / "ontology" / name)],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 0, done.stderr


def test_ontology_quads_land_in_the_named_graph(onto: rdflib.Graph) -> None:
    """ontology_quads puts every triple in the ontology graph, or in the graph asked for."""
    quads = ontology.ontology_quads()
    assert len(quads) == len(onto)
    assert {q.graph_name for q in quads} == {ox.NamedNode(ONTOLOGY_IRI)}
    other = ox.NamedNode("https://example.org/g")
    assert {q.graph_name for q in ontology.ontology_quads(other)} == {other}


def test_ontology_loads_in_owlready2() -> None:
    """owlready2 reads the ontology (as N-Triples) with its classes, subclasses and inverse properties."""
    world = owlready2.World()
    try:
        world.get_ontology(ONTOLOGY_IRI).load(
            fileobj=io.BytesIO(_ntriples(ontology.ontology_text()).encode()), format="ntriples"
        )
        igo, org = world[EO_NS + "IntergovernmentalOrganization"], world[EO_NS + "Organization"]
        assert org in igo.is_a
        assert world[EO_NS + "participatesIn"].inverse_property is world[EO_NS + "participant"]
        assert world[EO_NS + "Parliamentary"] in world[EO_NS + "ElectionType"].instances()
    finally:
        world.close()


def test_ontology_consistent_under_hermit_alone_and_with_sample_data() -> None:
    """HermiT finds the ontology consistent, also with the hand-written rdf-model sample."""
    assert _reasoner(None) is True
    assert _reasoner(_ntriples(VALID_DATA)) is True


def test_ontology_consistent_with_the_gold_graph() -> None:
    """HermiT finds the examples' gold graph (as kgbuild.triples writes it, with evidence and links) consistent."""
    data = ontology.data_graph(gold_store_with_evidence())
    assert _reasoner(data.serialize(format="nt")) is True


def test_ontology_hermit_detects_an_inconsistent_sample() -> None:
    """A mission whose organizer is a person (disjoint from organizations) makes HermiT report inconsistency."""
    bad = VALID_DATA.replace(
        "<organization/cis> a eo:IntergovernmentalOrganization", "<organization/cis> a eo:Person"
    )
    assert bad != VALID_DATA
    assert _reasoner(_ntriples(bad)) is False


def test_ontology_reasoner_unavailable_without_java(monkeypatch: pytest.MonkeyPatch) -> None:
    """Without a java executable check_consistency raises ReasonerUnavailable saying how to install Java."""
    monkeypatch.setattr(owlready2, "JAVA_EXE", "kgbuild-no-such-java")
    with pytest.raises(ReasonerUnavailable, match="default-jre-headless"):
        ontology.check_consistency()


def test_ontology_failed_reasoner_leaves_no_temp_file(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """When Java fails, the error is ReasonerUnavailable and owlready2's temp dump is removed."""
    fake_java = tmp_path / "bin" / "java"
    fake_java.parent.mkdir()
    fake_java.write_text("#!/bin/sh\necho 'Error: boom' >&2\nexit 3\n")
    fake_java.chmod(0o755)
    monkeypatch.setattr(owlready2, "JAVA_EXE", str(fake_java))
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    with pytest.raises(ReasonerUnavailable, match="boom"):
        ontology.check_consistency()
    assert list(scratch.iterdir()) == []
    assert tempfile.tempdir == str(scratch)  # restored


# --- documentation and release files ------------------------------------------------------------
def test_ontology_document_lists_every_term() -> None:
    """The Markdown and HTML docs have a heading, label and comment for every eo: term."""
    md, page = ontology.document(), ontology.document(format="html")
    onto = rdflib.Graph().parse(data=ontology.ontology_text(), format="turtle")
    for term in EO_TERMS:
        assert f"### eo:{term}\n" in md, term
        assert f"<h3>eo:{term}</h3>" in page, term
        assert str(onto.value(EO[term], RDFS.label)) in md
    assert "- range: xsd:date" in md and "- domain: eo:Country or eo:Organization" in md
    with pytest.raises(ParameterError, match="format"):
        ontology.document(format="pdf")


def test_ontology_write_versioned(tmp_path: Path) -> None:
    """write_versioned writes .ttl, .owl (RDF/XML, same graph), .md and .html named after the version."""
    paths = ontology.write_versioned(tmp_path / "release")
    names = sorted(p.name for p in paths)
    stem = f"kgbuild-{ONTOLOGY_VERSION}"
    assert names == sorted(f"{stem}{s}" for s in (".ttl", ".owl", ".md", ".html"))
    ttl = rdflib.Graph().parse(tmp_path / "release" / f"{stem}.ttl", format="turtle")
    owl = rdflib.Graph().parse(tmp_path / "release" / f"{stem}.owl", format="xml")
    assert isomorphic(ttl, owl)
    assert (tmp_path / "release" / f"{stem}.md").read_text(encoding="utf-8") == ontology.document()


# --- packaged resources ------------------------------------------------------------------------
def test_resources_match_the_repository_folders() -> None:
    """In a checkout, resource_names lists the top-level ontology/*.ttl and queries/*.rq files."""
    assert resource_names("ontology") == sorted(p.name for p in (ROOT / "ontology").glob("*.ttl"))
    assert resource_names("queries") == sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    assert resource_text("ontology", "kgbuild.ttl") == (ROOT / "ontology" / "kgbuild.ttl").read_text(
        encoding="utf-8"
    )
    assert Path(str(resource_dir("ontology"))).resolve() == (ROOT / "ontology").resolve()


def test_resources_reject_unknown_kind_and_name() -> None:
    """An unknown kind or file name raises ParameterError naming it."""
    with pytest.raises(ParameterError, match="'schemas'"):
        resource_names("schemas")
    with pytest.raises(ParameterError, match="'nope.ttl'"):
        resource_text("ontology", "nope.ttl")
    with pytest.raises(ParameterError, match="plain file name"):
        resource_text("ontology", "../pyproject.toml")


_WHEEL_CHECK = """
import json, sys
import pyoxigraph
import kgbuild
from kgbuild.resources import resource_dir, resource_names, resource_text
text = resource_text("ontology", "kgbuild.ttl")
print(json.dumps({
    "package": kgbuild.__file__,
    "dir": str(resource_dir("ontology")),
    "ontology": resource_names("ontology"),
    "queries": resource_names("queries"),
    "triples": len(list(pyoxigraph.parse(text, format=pyoxigraph.RdfFormat.TURTLE))),
    "shapes": len(resource_text("ontology", "shapes.ttl")) > 0,
}))
"""


def test_resources_installed_wheel_finds_ontology_and_queries(tmp_path: Path) -> None:
    """A wheel built offline and installed with --no-deps into a fresh venv loads the ontology and lists the queries."""
    import json
    import venv

    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("kgbuild-*.whl")
    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    install = subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "--python",
            str(python),
            "install",
            "-q",
            "--no-deps",
            "--no-index",
            str(wheel),
        ],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert install.returncode == 0, install.stdout + install.stderr
    # dependencies (pyoxigraph ...) come from this environment; kgbuild itself only from the wheel
    env = {**os.environ, "PYTHONPATH": sysconfig.get_paths()["purelib"], "PYTHONNOUSERSITE": "1"}
    run = subprocess.run(
        [str(python), "-c", _WHEEL_CHECK], capture_output=True, text=True, timeout=120, cwd=tmp_path, env=env
    )
    assert run.returncode == 0, run.stderr
    found = json.loads(run.stdout)
    assert found["package"].startswith(str(env_dir))
    assert "_resources" in found["dir"]
    assert found["ontology"] == sorted(p.name for p in (ROOT / "ontology").glob("*.ttl"))
    assert found["queries"] == sorted(p.name for p in (ROOT / "queries").glob("*.rq"))
    assert found["triples"] == len(ontology.ontology_quads()) and found["shapes"]
