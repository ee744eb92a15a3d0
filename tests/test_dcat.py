"""The release description (issue 15): DCAT-AP 3.0.1 with no violation, VoID before the dumps,
linksets, and a default graph that holds what VoID counts.

The official shapes are vendored in ``tests/data/dcat-ap/`` (see its README); the other checks
are written from the DCAT-AP 3.0.1 specification's tables of mandatory and recommended properties.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from click.testing import CliRunner
from rdflib.namespace import DCAT, DCTERMS, FOAF, RDF, SKOS, VOID

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main
from kgbuild.dcat import CC_BY_4_0, DatasetInfo
from kgbuild.errors import ParameterError
from kgbuild.publish import link_counts, publish

DCAT_AP = Path(__file__).parent / "data" / "dcat-ap"
SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
EU = "http://publications.europa.eu/resource/authority/"
INFO = dict(endpoint="https://example.org/sparql", download_base="https://example.org/dumps",
            publisher="Example Election Observatory", contact="mailto:data@example.org",
            landing_page="https://example.org/kg")


def _shapes(*names: str) -> rdflib.Graph:
    """The official shapes; a property shape the file names but never defines (two in the 3.0.1
    combined file) is dropped, since pyshacl refuses to run otherwise."""
    g = rdflib.Graph()
    for name in names:
        g.parse(DCAT_AP / name, format="turtle")
    for s, p, o in list(g.triples((None, SH.property, None))):
        if (o, SH.path, None) not in g:
            g.remove((s, p, o))
    return g


def _results(data: rdflib.Graph, shapes: rdflib.Graph) -> list[tuple[str, str, str]]:
    import pyshacl

    _, report, _ = pyshacl.validate(data, shacl_graph=shapes)
    return sorted((str(report.value(r, SH.resultSeverity)), str(report.value(r, SH.focusNode)),
                   str(report.value(r, SH.resultPath))) for r in report.subjects(RDF.type, SH.ValidationResult))


@pytest.fixture(scope="module")
def release(examples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """The examples (real extractor) published with every option, from a private copy of the store."""
    import shutil

    root = tmp_path_factory.mktemp("release")
    shutil.copytree(examples_store, root / "store")
    with KnowledgeGraph(root / "store") as kg:
        publish(kg, root / "out", DatasetInfo(**INFO))
    return root / "store", root / "out"


@pytest.fixture(scope="module")
def void(release: tuple[Path, Path]) -> rdflib.Graph:
    return rdflib.Graph().parse(release[1] / "void.ttl", format="turtle")


@pytest.mark.parametrize("files", [("dcat-ap-SHACL.ttl",), ("shapes.ttl", "range.ttl")])
def test_dcat_release_has_no_violation_of_the_official_shapes(void: rdflib.Graph, files: tuple[str, ...]) -> None:
    """The release's description conforms to the DCAT-AP 3.0.1 shapes (combined file, and core + ranges)."""
    violations = [r for r in _results(void, _shapes(*files)) if r[0].endswith("Violation")]
    assert violations == []


def test_dcat_recommended_shapes_warn_only_about_geometry_and_agent_types(void: rdflib.Graph) -> None:
    """Of the recommended properties only bounding boxes, centroids, agent types and the endpoint description lack."""
    paths = {r[2].rsplit("#", 1)[-1].rsplit("/", 1)[-1] for r in _results(void, _shapes("shapes_recommended.ttl"))}
    assert paths <= {"bbox", "centroid", "type", "endpointDescription"}


def test_dcat_catalog_dataset_and_agents(void: rdflib.Graph) -> None:
    """A catalogue lists the dataset; publisher and contact are agents, not literals (DCAT-AP §Catalogue, §Dataset)."""
    (cat,) = void.subjects(RDF.type, DCAT.Catalog)
    (ds,) = void.subjects(RDF.type, DCAT.Dataset)
    assert (cat, DCAT.dataset, ds) in void
    for node in (cat, ds):
        assert void.value(node, DCTERMS.title).language == "en"
        assert void.value(node, DCTERMS.description)
        publisher = void.value(node, DCTERMS.publisher)
        assert isinstance(publisher, rdflib.URIRef) and (publisher, RDF.type, FOAF.Agent) in void
        assert str(void.value(publisher, FOAF.name)) == INFO["publisher"]
    assert isinstance(void.value(ds, DCTERMS.creator), rdflib.URIRef)
    contact = void.value(ds, DCAT.contactPoint)
    assert (contact, RDF.type, VCARD.Kind) in void
    assert void.value(contact, VCARD.hasEmail) == rdflib.URIRef(INFO["contact"])
    standard = void.value(ds, DCTERMS.conformsTo)
    assert (standard, RDF.type, DCTERMS.Standard) in void


def test_dcat_coverage_theme_keywords_and_dates(void: rdflib.Graph) -> None:
    """Spatial (host countries), temporal (election dates), theme, keywords, landing page and release dates."""
    (ds,) = void.subjects(RDF.type, DCAT.Dataset)
    spatial = {str(o) for o in void.objects(ds, DCTERMS.spatial)}
    assert f"{EU}country/AZE" in spatial and f"{EU}country/ARM" in spatial
    assert all((rdflib.URIRef(s), RDF.type, DCTERMS.Location) in void for s in spatial)
    period = void.value(ds, DCTERMS.temporal)
    start, end = void.value(period, DCAT.startDate), void.value(period, DCAT.endDate)
    assert start.datatype == end.datatype == rdflib.XSD.date and str(start) <= str(end)
    theme = void.value(ds, DCAT.theme)
    assert str(theme) == f"{EU}data-theme/GOVE" and (theme, RDF.type, SKOS.Concept) in void
    assert {str(k) for k in void.objects(ds, DCAT.keyword)} >= {"election observation"}
    assert str(void.value(ds, DCAT.landingPage)) == INFO["landing_page"]
    issued = void.value(ds, DCTERMS.issued)
    assert issued.datatype == rdflib.XSD.date  # a release date, not an ingestion time


def test_dcat_distributions_have_urls_media_types_formats_and_licence(void: rdflib.Graph) -> None:
    """Each dump: access and download URL, an IANA media-type IRI, an EU file type, the EU CC BY 4.0 IRI."""
    (ds,) = void.subjects(RDF.type, DCAT.Dataset)
    dists = list(void.objects(ds, DCAT.distribution))
    assert len(dists) == 5
    for d in dists:
        url = str(void.value(d, DCAT.downloadURL))
        assert url.startswith(INFO["download_base"] + "/kgbuild.") and void.value(d, DCAT.accessURL)
        media = void.value(d, DCAT.mediaType)
        assert str(media).startswith("https://www.iana.org/assignments/media-types/")
        assert (media, RDF.type, DCTERMS.MediaType) in void
        assert str(void.value(d, DCTERMS.format)).startswith(EU + "file-type/")
        assert str(void.value(d, DCTERMS.license)) == CC_BY_4_0
    assert str(void.value(ds, DCTERMS.license)) == CC_BY_4_0
    (service,) = void.subjects(RDF.type, DCAT.DataService)
    assert str(void.value(service, DCAT.endpointURL)) == INFO["endpoint"]


def test_dcat_description_is_the_same_after_a_rebuild(examples_copy: Path, tmp_path: Path) -> None:
    """Rebuilding the same articles (new ingestion times) gives a byte-identical void.ttl."""
    with KnowledgeGraph(examples_copy) as kg:
        publish(kg, tmp_path / "a", DatasetInfo(**INFO))
        kg.build([Path(__file__).parent.parent / "examples"], force=True)
        publish(kg, tmp_path / "b", DatasetInfo(**INFO))
    assert (tmp_path / "a" / "void.ttl").read_bytes() == (tmp_path / "b" / "void.ttl").read_bytes()


def test_dcat_void_is_in_the_dumps_of_the_first_publish(release: tuple[Path, Path], void: rdflib.Graph) -> None:
    """The TriG dump of the first publish holds the VoID graph, the same triples as void.ttl."""
    ds = rdflib.Dataset()
    ds.parse(release[1] / "kgbuild.trig", format="trig")
    graph = ds.graph(rdflib.URIRef("https://w3id.org/kgbuild/data/graph/_void"))
    assert len(graph) == len(void) > 100
    assert set(graph) == set(void)


def test_dcat_linksets_count_the_links_graph(release: tuple[Path, Path], void: rdflib.Graph) -> None:
    """One void:Linkset per target, each counting the links the links graph holds."""
    with KnowledgeGraph(release[0], read_only=True) as kg:
        counts = link_counts(kg)
        n_countries = sum(1 for _ in kg.store.quads_for_pattern(None, RDF_TYPE, EO_COUNTRY, kg.iris.links_graph()))
    assert counts["wikidata-countries"] == counts["geonames-countries"] == n_countries > 10
    assert counts["wikidata-organizations"] > 0
    sets = {str(s).rsplit("/", 1)[-1]: int(void.value(s, VOID.triples)) for s in void.subjects(RDF.type, VOID.Linkset)}
    assert sets == counts
    for s in void.subjects(RDF.type, VOID.Linkset):
        assert void.value(s, VOID.linkPredicate) and void.value(s, VOID.objectsTarget)


RDF_TYPE = ox.NamedNode(str(RDF.type))
EO_COUNTRY = ox.NamedNode("https://w3id.org/kgbuild/ontology#Country")


def test_dcat_default_graph_is_what_void_counts(release: tuple[Path, Path], void: rdflib.Graph) -> None:
    """SPARQL's default graph holds each data triple once: as many as void:triples and the Turtle dump."""
    (ds,) = void.subjects(RDF.type, DCAT.Dataset)
    n = int(void.value(ds, VOID.triples))
    turtle = rdflib.Graph().parse(release[1] / "kgbuild.ttl", format="turtle")
    with KnowledgeGraph(release[0], read_only=True) as kg:
        rows, _ = kg.sparql("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")  # type: ignore[misc]
        assert rows[0]["n"].value == str(n) == str(len(turtle))
        # no listing index, ontology or VoID triples in it; they stay named graphs
        assert kg.sparql("ASK { ?x a <http://www.w3.org/2002/07/owl#Ontology> }") is False
        assert kg.sparql("ASK { ?d <http://rdfs.org/ns/void#triples> ?n }") is False
        assert kg.sparql("ASK { GRAPH ?g { ?d <http://rdfs.org/ns/void#triples> ?n } }") is True
        # a figure stated in several articles counts once per observer-count node
        rows, _ = kg.sparql("""SELECT (SUM(?n) AS ?total) WHERE { ?c eo:count ?n ; eo:category eo:TotalObservers .
                               ?m eo:observerCount ?c ; eo:observes/eo:electionCountry <https://w3id.org/kgbuild/data/country/AZ> }""")  # type: ignore[misc]
        distinct, _ = kg.sparql("""SELECT (SUM(?n) AS ?total) WHERE { SELECT DISTINCT ?c ?n WHERE { GRAPH ?g {
                               ?c eo:count ?n ; eo:category eo:TotalObservers . ?m eo:observerCount ?c } GRAPH ?h {
                               ?m eo:observes/eo:electionCountry <https://w3id.org/kgbuild/data/country/AZ> } } }""")  # type: ignore[misc]
        assert rows[0]["total"] == distinct[0]["total"]


def test_dcat_publish_cli_with_the_portal_options(examples_copy: Path, tmp_path: Path) -> None:
    """`kgbuild publish DIR --endpoint --download-base --publisher --contact ...` writes the description."""
    result = CliRunner().invoke(main, [
        "publish", str(tmp_path / "out"), "--store", str(examples_copy), "--endpoint", INFO["endpoint"],
        "--download-base", INFO["download_base"], "--publisher", INFO["publisher"], "--contact", INFO["contact"],
        "--landing-page", INFO["landing_page"], "--keyword", "elections", "--theme", "GOVE", "--theme", "JUST",
        "--release-date", "2026-12-01"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    g = rdflib.Graph().parse(tmp_path / "out" / "void.ttl", format="turtle")
    (ds,) = g.subjects(RDF.type, DCAT.Dataset)
    assert str(g.value(ds, DCTERMS.issued)) == "2026-12-01"
    assert {str(t).rsplit("/", 1)[-1] for t in g.objects(ds, DCAT.theme)} == {"GOVE", "JUST"}
    assert [str(k) for k in g.objects(ds, DCAT.keyword)] == ["elections"]


@pytest.mark.parametrize(("field", "value", "message"), [
    ("contact", "data@example.org", "mailto:"),
    ("issued", "1 Dec 2026", "YYYY-MM-DD"),
    ("themes", ["government"], "data-theme code"),
    ("landing_page", "not an iri", "absolute IRI"),
])
def test_dcat_bad_options_are_named_and_nothing_is_written(gold_kg, tmp_path: Path, field: str, value: object,
                                                           message: str) -> None:
    """A malformed option is refused with its name before any file is written."""
    with pytest.raises(ParameterError, match=message):
        publish(gold_kg, tmp_path / "out", DatasetInfo(**{field: value}))  # type: ignore[arg-type]
    assert not (tmp_path / "out").exists()
