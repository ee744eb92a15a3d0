"""IRI constants for the kgbuild ontology and the vocabularies it reuses.

The ontology's namespace is closed: asking for a term that ``ontology/kgbuild.ttl`` does not
define raises ``AttributeError`` (a test checks every constant against the ontology), so a
misspelled term fails loudly instead of minting a stray IRI.

Modelling in one paragraph: an ``eo:ObservationMission`` has an ``eo:organizer``
(``eo:Organization``), ``eo:observes`` an ``eo:Election`` (``eo:electionCountry``,
``eo:electionType`` from the SKOS scheme ``eo:ElectionTypeScheme``, ``eo:electionDate``,
``eo:early``), has ``eo:startDate``, ``eo:headOfMission`` (``eo:Person``), members
(``eo:participatesIn`` from a country or organization to the mission, ``eo:participant`` its
inverse; ``eo:memberOf``/``eo:hasMember`` are their deprecated names),
``eo:accreditedBy`` an ``eo:ElectionCommission`` (``eo:accredits`` inverse,
``eo:commissionOf`` a country); each article's report of it is an ``eo:Accreditation`` node
(``eo:accreditation`` from the mission; ``eo:grantedBy`` the commission, ``eo:statedIn`` the
article, ``eo:asOf`` its date, ``eo:accreditedObservers`` the figures that article states). Observer figures are n-ary ``eo:ObserverCount`` nodes
(``eo:observerCount`` from the mission; ``eo:category``, ``eo:count``, ``eo:statedIn`` the
article, ``eo:asOf`` its date) so that every article's figure is kept. Each statement an article
supports has an ``eo:Evidence`` node (an ``rdf:Statement`` reification with NIF offsets), and the
article is an ``eo:Article`` (``prov:Entity``) described in its own named graph.
"""

from __future__ import annotations

from pyoxigraph import NamedNode

__all__ = [
    "DCAT",
    "DCATAP",
    "DCTERMS",
    "EO",
    "EO_NS",
    "KGL",
    "LISTING_NS",
    "QUERY_PREFIXES",
    "FOAF",
    "NIF",
    "ONTOLOGY_IRI",
    "ONTOLOGY_VERSION",
    "ORG",
    "OWL",
    "PREFIXES",
    "PROV",
    "RDF",
    "RDFS",
    "SCHEMA",
    "SKOS",
    "TIME",
    "VCARD",
    "VOID",
    "WD",
    "XSD",
    "Namespace",
]

EO_NS = "https://w3id.org/kgbuild/ontology#"
ONTOLOGY_IRI = "https://w3id.org/kgbuild/ontology"
ONTOLOGY_VERSION = "0.4.0"


class Namespace:
    """A vocabulary namespace; attribute access gives a ``NamedNode``.

    With ``terms`` given the namespace is closed and an unknown term raises ``AttributeError``.

    >>> EO.ObservationMission.value
    'https://w3id.org/kgbuild/ontology#ObservationMission'
    """

    def __init__(self, iri: str, terms: frozenset[str] | None = None) -> None:
        self._iri = iri
        self._terms = terms
        self._cache: dict[str, NamedNode] = {}

    @property
    def iri(self) -> str:
        return self._iri

    @property
    def terms(self) -> frozenset[str]:
        return self._terms or frozenset()

    def __getattr__(self, name: str) -> NamedNode:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> NamedNode:
        node = self._cache.get(name)
        if node is None:
            if self._terms is not None and name not in self._terms:
                raise AttributeError(f"{name!r} is not a term of the closed namespace <{self._iri}>")
            node = self._cache[name] = NamedNode(self._iri + name)
        return node


EO_TERMS = frozenset(
    {
        # classes
        "ObservationMission",
        "Election",
        "Organization",
        "IntergovernmentalOrganization",
        "ParliamentaryAssembly",
        "NonGovernmentalOrganization",
        "Legislature",
        "ElectionCommission",
        "Country",
        "Person",
        "Article",
        "ObserverCount",
        "ObserverCategory",
        "ElectionType",
        "Evidence",
        "Accreditation",
        # SKOS schemes and their concepts
        "ElectionTypeScheme",
        "Parliamentary",
        "Presidential",
        "Local",
        "Regional",
        "Referendum",
        "General",
        "ObserverCategoryScheme",
        "TotalObservers",
        "LongTermObservers",
        "ShortTermObservers",
        # object properties
        "participatesIn",
        "participant",
        "memberOf",
        "hasMember",
        "accredits",
        "accreditation",
        "grantedBy",
        "accreditedObservers",
        "accreditedBy",
        "observes",
        "observedBy",
        "organizer",
        "organizes",
        "electionCountry",
        "electionType",
        "headOfMission",
        "heads",
        "commissionOf",
        "observerCount",
        "category",
        "statedIn",
        "mentions",
        "evidence",
        "inArticle",
        "citizenOf",
        # datatype properties
        "electionDate",
        "roundDate",
        "early",
        "startDate",
        "count",
        "asOf",
        "alpha2",
        "alpha3",
        "numericCode",
        "wikidataId",
        "geonamesId",
        "acronym",
        "fileName",
        "contentHash",
        "articleId",
        "sourceKey",
        "extractorVersion",
        "sentence",
        "sentenceBeginIndex",
        "sentenceEndIndex",
        "slot",
        "missionKey",
        "sourceAgency",
        "ingestedAt",
    }
)

EO = Namespace(EO_NS, EO_TERMS)

#: The private namespace of the derived listing index (:mod:`kgbuild.listing`): not published
#: vocabulary (no ontology term, no dump holds it), free to change in any release.
LISTING_NS = "https://w3id.org/kgbuild/listing#"
LISTING_TERMS = frozenset(
    {
        "Listing",
        "currentListing",
        "listingVersion",
        "listedOrganizer",
        "listedCountry",
        "listedType",
        "listedElectionDate",
        "listedEarly",
        "listedStartDate",
        "listedHead",
        "listedTotal",
        "listedLongTerm",
        "listedShortTerm",
        "listedArticles",
        "listedYear",
        "listedKey",
        "listedRank",
        "listedMissions",
        "totalsKey",
        "listedMissionCount",
        "listedObservers",
        "listedMissionsWithTotal",
        "accreditationKey",
        "participationKey",
        "listedMember",
        "listedCommission",
        "listedCommissionLabel",
        "listedCommissionCountry",
        "listedMission",
        "listedCategory",
        "listedCount",
        "listedAsOf",
        "listedArticle",
        "listingFormat",
        "changesPending",
    }
)
KGL = Namespace(LISTING_NS, LISTING_TERMS)
RDF = Namespace("http://www.w3.org/1999/02/22-rdf-syntax-ns#")
RDFS = Namespace("http://www.w3.org/2000/01/rdf-schema#")
OWL = Namespace("http://www.w3.org/2002/07/owl#")
XSD = Namespace("http://www.w3.org/2001/XMLSchema#")
SKOS = Namespace("http://www.w3.org/2004/02/skos/core#")
PROV = Namespace("http://www.w3.org/ns/prov#")
ORG = Namespace("http://www.w3.org/ns/org#")
SCHEMA = Namespace("https://schema.org/")
TIME = Namespace("http://www.w3.org/2006/time#")
DCTERMS = Namespace("http://purl.org/dc/terms/")
DCAT = Namespace("http://www.w3.org/ns/dcat#")
VOID = Namespace("http://rdfs.org/ns/void#")
NIF = Namespace("http://persistence.uni-leipzig.org/nlp2rdf/ontologies/nif-core#")
WD = Namespace("http://www.wikidata.org/entity/")
DCATAP = Namespace("http://data.europa.eu/r5r/")
FOAF = Namespace("http://xmlns.com/foaf/0.1/")
VCARD = Namespace("http://www.w3.org/2006/vcard/ns#")

#: One prefix map for every serialization (export, server, docs).
PREFIXES: dict[str, str] = {
    "eo": EO_NS,
    "rdf": RDF.iri,
    "rdfs": RDFS.iri,
    "owl": OWL.iri,
    "xsd": XSD.iri,
    "skos": SKOS.iri,
    "prov": PROV.iri,
    "org": ORG.iri,
    "schema": SCHEMA.iri,
    "time": TIME.iri,
    "dcterms": DCTERMS.iri,
    "dcat": DCAT.iri,
    "void": VOID.iri,
    "nif": NIF.iri,
    "wd": WD.iri,
    "dcatap": DCATAP.iri,
    "foaf": FOAF.iri,
    "vcard": VCARD.iri,
}

#: The prefixes a query may use without declaring them: :data:`PREFIXES` and ``kgl:``, the
#: listing index's private namespace (kept out of the dumps' prefix map).
QUERY_PREFIXES: dict[str, str] = {**PREFIXES, "kgl": LISTING_NS}
