"""The DCAT-AP 3.0.1 description of a release: catalogue, dataset, distributions, agents.

:func:`dcat_quads` describes the release the way the EU's DCAT application profile asks
(https://semiceu.github.io/DCAT-AP/releases/3.0.1/), and the official SHACL shapes of that
release accept it with no violation (``tests/test_dcat.py`` validates with pyshacl):

- a ``dcat:Catalog`` (``{base}catalog``) listing the ``dcat:Dataset`` (``{base}dataset``);
- the publisher and the creator as ``foaf:Agent`` nodes with a name, the contact point a
  ``vcard:Kind`` with an e-mail IRI;
- one ``dcat:Distribution`` per dump with ``dcat:accessURL`` and ``dcat:downloadURL``, its IANA
  media type and its EU file type as IRIs, and the licence (the EU authority IRI of CC BY 4.0);
- spatial coverage (the EU country IRIs of the elections' host countries), temporal coverage
  (first and last election date), keywords, theme (the EU data theme ``GOVE``), landing page;
- release dates from :attr:`DatasetInfo.issued` or the latest article's publication date, never
  the time of the build, so rebuilding the same articles gives the same description;
- with an endpoint, a ``dcat:DataService`` serving the dataset.

Every IRI that the shapes check for a class (licence, media type, format, theme, location,
standard) is typed in the description itself, since a harvester validates it on its own.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox

from .catalog import country_ids
from .errors import ParameterError
from .vocab import DCAT, DCATAP, DCTERMS, FOAF, ONTOLOGY_IRI, RDF, RDFS, SKOS, VCARD, XSD

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["CC_BY_4_0", "DISTRIBUTIONS", "DatasetInfo", "dcat_quads", "release_facts"]

EU = "http://publications.europa.eu/resource/authority/"
#: The EU Publications Office's IRI of CC BY 4.0 (what DCAT-AP portals expect).
CC_BY_4_0 = EU + "licence/CC_BY_4_0"
_LICENCE_ALIASES = {
    "https://creativecommons.org/licenses/by/4.0/": CC_BY_4_0,
    "http://creativecommons.org/licenses/by/4.0/": CC_BY_4_0,
    "https://creativecommons.org/licenses/by/4.0": CC_BY_4_0,
    "cc-by-4.0": CC_BY_4_0,
}
IANA = "https://www.iana.org/assignments/media-types/"

#: The dumps: extension -> (title, IANA media type, EU file type).
DISTRIBUTIONS: dict[str, tuple[str, str, str]] = {
    "ttl": ("Turtle, merged data", "text/turtle", "RDF_TURTLE"),
    "nt": ("N-Triples, merged data", "application/n-triples", "RDF_N_TRIPLES"),
    "jsonld": ("JSON-LD, merged data", "application/ld+json", "JSON_LD"),
    "trig": ("TriG, one named graph per article", "application/trig", "RDF_TRIG"),
    "nq": ("N-Quads, one named graph per article", "application/n-quads", "RDF_N_QUADS"),
}


@dataclass
class DatasetInfo:
    """What a portal shows about the release (every field has a ``kgbuild publish`` option).

    :param publisher: name of the publishing organization or person (``dct:publisher``).
    :param contact: the contact point, a ``mailto:`` IRI (``dcat:contactPoint``).
    :param license: licence IRI; CC BY 4.0 in any spelling becomes the EU authority IRI.
    :param issued: release date (ISO ``YYYY-MM-DD``); default the latest article's date.
    :param themes: EU data-theme codes (``GOVE``, ``JUST``, ...).
    """

    title: str = "kgbuild election-observation knowledge graph"
    description: str = (
        "International election observation missions, their organizers, members, accrediting "
        "commissions and observer figures, extracted from news articles with the sentence behind "
        "every fact."
    )
    license: str = CC_BY_4_0
    creator: str | None = None
    publisher: str = "kgbuild"
    contact: str | None = None
    landing_page: str | None = None
    keywords: list[str] = field(default_factory=lambda: ["election observation", "elections",
                                                         "election monitoring", "linked data"])
    themes: list[str] = field(default_factory=lambda: ["GOVE"])
    issued: str | None = None
    endpoint: str | None = None
    download_base: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def licence_iri(self) -> str:
        """The licence as an IRI: CC BY 4.0, in any common spelling, as the EU authority's IRI."""
        value = self.license.strip()
        return _LICENCE_ALIASES.get(value.lower(), value)

    def check(self) -> None:
        """:raises ParameterError: a field that cannot go into the description (named)."""
        if self.contact is not None and not self.contact.startswith(("mailto:", "http://", "https://")):
            raise ParameterError("contact", self.contact,
                                 "must be a mailto: address (or a web page), e.g. mailto:data@example.org")
        for name in ("license", "landing_page", "endpoint", "download_base", "contact"):
            value = getattr(self, name)
            if value is None:
                continue
            iri = self.licence_iri() if name == "license" else value
            try:
                ox.NamedNode(iri)
            except ValueError:
                raise ParameterError(name, value, "is not an absolute IRI") from None
        for theme in self.themes:
            if not theme.isalpha() or not theme.isupper():
                raise ParameterError("theme", theme, "is not an EU data-theme code such as GOVE or JUST")
        if self.issued is not None:
            try:
                ox.Literal(self.issued, datatype=XSD.date)
                from datetime import date

                date.fromisoformat(self.issued)
            except ValueError:
                raise ParameterError("issued", self.issued, "is not a date YYYY-MM-DD") from None


def release_facts(kg: KnowledgeGraph) -> dict[str, Any]:
    """What the description reads from the data: host countries, first/last election and article dates."""
    countries = sorted(r["cc"].value for r in kg.store.select(
        "SELECT DISTINCT ?cc WHERE { GRAPH ?g { ?e a eo:Election ; eo:electionCountry/eo:alpha2 ?cc } }", union=False))

    def minmax(pattern: str) -> tuple[str | None, str | None]:
        row = next(kg.store.select(f"SELECT (MIN(STR(?d)) AS ?lo) (MAX(STR(?d)) AS ?hi) WHERE {{ GRAPH ?g {{ {pattern} }} }}",
                                   union=False), {})
        return (row["lo"].value if "lo" in row else None, row["hi"].value if "hi" in row else None)

    return {"countries": countries, "elections": minmax("?e eo:electionDate ?d"),
            "published": minmax("?a schema:datePublished ?d")}


def dcat_quads(kg: KnowledgeGraph, info: DatasetInfo, graph: ox.NamedNode,
               facts: dict[str, Any] | None = None) -> list[ox.Quad]:
    """The DCAT-AP description of the release, as quads in ``graph``.

    :raises ParameterError: a field of ``info`` is malformed (see :meth:`DatasetInfo.check`).
    """
    info.check()
    facts = facts if facts is not None else release_facts(kg)
    out: list[ox.Quad] = []

    def add(s: ox.NamedNode, p: ox.NamedNode, o: ox.NamedNode | ox.Literal) -> None:
        out.append(ox.Quad(s, p, o, graph))

    ds = kg.iris.dataset()
    cat = kg.iris.catalog()

    def en(text: str) -> ox.Literal:
        return ox.Literal(text, language="en")

    def typed(iri: str, cls: ox.NamedNode, label: str | None = None) -> ox.NamedNode:
        node = ox.NamedNode(iri)
        add(node, RDF.type, cls)
        if label:
            add(node, {SKOS.Concept: SKOS.prefLabel, SKOS.ConceptScheme: DCTERMS.title}.get(cls, RDFS.label), en(label))
        return node

    licence = typed(info.licence_iri(), DCTERMS.LicenseDocument)

    def agent(name: str, role: str) -> ox.NamedNode:
        node = ox.NamedNode(f"{ds.value}/{role}")
        add(node, RDF.type, FOAF.Agent)
        add(node, FOAF.name, ox.Literal(name))
        return node

    publisher = agent(info.publisher, "publisher")
    creator = publisher if (info.creator or info.publisher) == info.publisher else agent(info.creator or "", "creator")
    released = info.issued or facts["published"][1]

    # the catalogue
    add(cat, RDF.type, DCAT.Catalog)
    add(cat, DCTERMS.title, en(f"{info.title}: catalogue"))
    add(cat, DCTERMS.description, en(f"The release of the {info.title}, as published by {info.publisher}."))
    add(cat, DCTERMS.publisher, publisher)
    add(cat, DCTERMS.license, licence)
    add(cat, DCAT.dataset, ds)
    add(cat, DCAT.themeTaxonomy, typed(EU + "data-theme", SKOS.ConceptScheme, "Data theme"))
    english = typed(EU + "language/ENG", DCTERMS.LinguisticSystem, "English")
    add(cat, DCTERMS.language, english)
    if info.landing_page:
        add(cat, FOAF.homepage, typed(info.landing_page, FOAF.Document))
    if released:
        add(cat, DCTERMS.issued, ox.Literal(released, datatype=XSD.date))
        add(cat, DCTERMS.modified, ox.Literal(released, datatype=XSD.date))

    # the dataset
    add(ds, RDF.type, DCAT.Dataset)
    add(ds, DCTERMS.title, en(info.title))
    add(ds, DCTERMS.description, en(info.description))
    add(ds, DCTERMS.publisher, publisher)
    add(ds, DCTERMS.creator, creator)
    add(ds, DCTERMS.license, licence)
    add(ds, DCTERMS.conformsTo, typed(ONTOLOGY_IRI, DCTERMS.Standard, "kgbuild ontology of international election observation"))
    if released:
        add(ds, DCTERMS.issued, ox.Literal(released, datatype=XSD.date))
        add(ds, DCTERMS.modified, ox.Literal(released, datatype=XSD.date))
    for word in info.keywords:
        add(ds, DCAT.keyword, en(word))
    themes = [typed(f"{EU}data-theme/{code}", SKOS.Concept, code) for code in info.themes]
    for theme in themes:
        add(theme, SKOS.inScheme, ox.NamedNode(EU + "data-theme"))
        add(ds, DCAT.theme, theme)
    places = []
    for cc in facts["countries"]:
        ids = country_ids(cc)
        if ids is not None:
            places.append(typed(f"{EU}country/{ids.alpha3}", DCTERMS.Location, ids.name))
            add(ds, DCTERMS.spatial, places[-1])
            add(cat, DCTERMS.spatial, places[-1])
    first, last = facts["elections"]
    if first and last:
        period = ox.NamedNode(f"{ds.value}/temporal")
        add(period, RDF.type, DCTERMS.PeriodOfTime)
        add(period, DCAT.startDate, ox.Literal(first, datatype=XSD.date))
        add(period, DCAT.endDate, ox.Literal(last, datatype=XSD.date))
        add(ds, DCTERMS.temporal, period)
    if info.landing_page:
        add(ds, DCAT.landingPage, ox.NamedNode(info.landing_page))
    if info.contact:
        kind = ox.NamedNode(f"{ds.value}/contact")
        add(kind, RDF.type, VCARD.Kind)
        add(kind, RDF.type, VCARD.Organization)
        add(kind, VCARD.fn, ox.Literal(info.publisher))
        add(kind, VCARD.hasEmail if info.contact.startswith("mailto:") else VCARD.hasURL, ox.NamedNode(info.contact))
        add(ds, DCAT.contactPoint, kind)
    else:
        kind = None

    # the distributions, and the endpoint as a data service
    service = None
    if info.endpoint:
        service = ox.NamedNode(f"{ds.value}/service/sparql")
        add(service, RDF.type, DCAT.DataService)
        add(service, DCTERMS.title, en(f"{info.title}: SPARQL endpoint"))
        add(service, DCAT.endpointURL, ox.NamedNode(info.endpoint))
        add(service, DCAT.servesDataset, ds)
        add(service, DCTERMS.publisher, publisher)
        for theme in themes:
            add(service, DCAT.theme, theme)
        for word in info.keywords:
            add(service, DCAT.keyword, en(word))
        for place in places:
            add(service, DCTERMS.spatial, place)
        if kind is not None:
            add(service, DCAT.contactPoint, kind)
        add(service, DCTERMS.license, licence)
        add(service, DCTERMS.conformsTo, typed("https://www.w3.org/TR/sparql11-protocol/", DCTERMS.Standard,
                                               "SPARQL 1.1 Protocol"))
        add(cat, DCAT.service, service)
    stable = typed(EU + "planned-availability/STABLE", SKOS.Concept, "stable")
    add(stable, SKOS.inScheme, typed(EU + "planned-availability", SKOS.ConceptScheme, "Planned availability"))
    base = info.download_base.rstrip("/") + "/" if info.download_base else None
    for ext, (title, media, eu_type) in DISTRIBUTIONS.items():
        dist = ox.NamedNode(f"{ds.value}/distribution/{ext}")
        add(ds, DCAT.distribution, dist)
        add(dist, RDF.type, DCAT.Distribution)
        add(dist, DCTERMS.title, en(f"kgbuild.{ext}: {title}"))
        add(dist, DCTERMS.description, en(f"The {info.title} as {title} ({media})."))
        add(dist, DCATAP.availability, stable)
        add(dist, DCAT.mediaType, typed(IANA + media, DCTERMS.MediaType))
        add(dist, DCTERMS.format, typed(f"{EU}file-type/{eu_type}", DCTERMS.MediaTypeOrExtent))
        add(dist, DCTERMS.license, licence)
        if released:
            add(dist, DCTERMS.issued, ox.Literal(released, datatype=XSD.date))
        if base:
            url = ox.NamedNode(f"{base}kgbuild.{ext}")
            add(dist, DCAT.accessURL, url)
            add(dist, DCAT.downloadURL, url)
        else:  # no download location given: the files are reached through the dataset's page
            add(dist, DCAT.accessURL, ox.NamedNode(info.landing_page) if info.landing_page else ds)
        if service is not None:
            add(dist, DCAT.accessService, service)
    return out
