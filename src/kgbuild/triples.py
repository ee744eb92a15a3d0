"""Missions to quads: one named graph per article, every statement with its evidence node.

The shape is documented in ``docs/rdf-model.md``. The same article and missions always give the
same quads (except ``eo:ingestedAt``), so rebuilding is idempotent and exports can be diffed.

>>> from kgbuild.model import Article, Mission
>>> art = Article.from_text("a.txt", " date 2020-02-03\\nThe CIS mission ...")
>>> quads = article_quads(art, [Mission(organizer="Commonwealth of Independent States", country="AZ")],
...                       iris=Iris("https://example.org/"), extractor_version="test", ingested_at=None)
>>> sorted({q.graph_name.value for q in quads})
['https://example.org/graph/article/a.txt']
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime

from pyoxigraph import BlankNode, Literal, NamedNode, Quad

from .catalog import country_label, resolve_organization
from .iris import Iris, election_when
from .model import Article, Evidence, Mission, Value
from .vocab import EO, NIF, PROV, RDF, RDFS, SCHEMA, XSD

__all__ = [
    "ELECTION_TYPE_CONCEPTS", "ORG_KIND_CLASSES", "RDF_VERSION", "UNDATED_COMMENT", "article_quads", "date_literal",
    "election_label",
]

#: Version of the RDF this module writes (IRI scheme, properties). Stored with the extractor's
#: version on every article, so changing either re-extracts articles instead of skipping them.
RDF_VERSION = "rdf/5"

ELECTION_TYPE_CONCEPTS: dict[str, NamedNode] = {
    "parliamentary": EO.Parliamentary,
    "presidential": EO.Presidential,
    "local": EO.Local,
    "regional": EO.Regional,
    "referendum": EO.Referendum,
    "general": EO.General,
}

COUNT_CATEGORIES: dict[str, NamedNode] = {
    "total": EO.TotalObservers,
    "long_term": EO.LongTermObservers,
    "short_term": EO.ShortTermObservers,
}

#: Organization kinds of the catalogue (:mod:`kgbuild.catalog`) and the ontology class each becomes.
ORG_KIND_CLASSES: dict[str, NamedNode] = {
    "igo": EO.IntergovernmentalOrganization,
    "parliamentary_assembly": EO.ParliamentaryAssembly,
    "ngo": EO.NonGovernmentalOrganization,
    "legislature": EO.Legislature,
    "commission": EO.ElectionCommission,
}

Subject = NamedNode | BlankNode
Object = NamedNode | BlankNode | Literal


#: what a year-level election node (``election/{cc}/{type}/{YYYY}``) says of itself
UNDATED_COMMENT = Literal("Voting day unknown: no article states it. This node stands for the election of this "
                          "country and type in this year.", language="en")


def election_label(country: str, election_type: str | None, when: str) -> str:
    """An election's label: ``Azerbaijan parliamentary 2020-02-09`` (or the year, for a year-level node)."""
    return f"{country_label(country)} {election_type or 'election'} {when}"


def date_literal(value: date) -> Literal:
    return Literal(value.isoformat(), datatype=XSD.date)


def _int(value: int) -> Literal:
    return Literal(str(int(value)), datatype=XSD.integer)


def _str(value: str) -> Literal:
    return Literal(value)


def _en(value: str) -> Literal:
    """A label: English (the names and descriptions kgbuild writes are the English ones)."""
    return Literal(value, language="en")


def _label(value: str) -> Literal:
    """A name as the article writes it: ``@ru`` when most of its letters are Cyrillic, else ``@en``."""
    letters = [ch for ch in value if ch.isalpha()]
    cyrillic = sum(1 for ch in letters if "\u0400" <= ch <= "\u04ff")
    return Literal(value, language="ru" if letters and cyrillic * 2 > len(letters) else "en")


class _GraphWriter:
    """Collects the quads of one article graph, de-duplicated, in first-seen order."""

    def __init__(self, graph: NamedNode) -> None:
        self.graph = graph
        self._seen: dict[Quad, None] = {}

    def add(self, s: Subject, p: NamedNode, o: Object) -> None:
        self._seen.setdefault(Quad(s, p, o, self.graph), None)

    def quads(self) -> list[Quad]:
        return list(self._seen)


def _org_info(name: str) -> tuple[str | None, str | None, str | None]:
    """(acronym, wikidata, kind) for a catalogue organization, else Nones."""
    org = resolve_organization(name)
    if org is None:
        return None, None, None
    return (org.acronyms[0] if org.acronyms else None), org.wikidata, org.kind


def article_quads(
    article: Article,
    missions: Iterable[Mission],
    *,
    iris: Iris,
    extractor_version: str,
    ingested_at: datetime | None,
) -> list[Quad]:
    """Every quad of ``article``'s named graph: the article's description, its missions, evidence."""
    g = iris.article_graph(article.id)
    w = _GraphWriter(g)
    a = iris.article(article.id)
    w.add(a, RDF.type, EO.Article)
    w.add(a, EO.fileName, _str(article.name))
    w.add(a, EO.articleId, _str(article.id))
    if article.source_key is not None:
        w.add(a, EO.sourceKey, _str(article.source_key))
    w.add(a, EO.contentHash, _str(article.sha256))
    w.add(a, EO.extractorVersion, _str(extractor_version))
    if article.title:
        w.add(a, SCHEMA.headline, _str(article.title))
    if article.url:
        try:
            w.add(a, SCHEMA.url, NamedNode(article.url))
        except ValueError:
            w.add(a, SCHEMA.url, _str(article.url))
    if article.published:
        w.add(a, SCHEMA.datePublished, date_literal(article.published))
    if article.source:
        w.add(a, EO.sourceAgency, _str(article.source))
    if ingested_at is not None:
        w.add(a, EO.ingestedAt, Literal(ingested_at.isoformat(timespec="seconds"), datatype=XSD.dateTime))
    for mission in missions:
        _mission(w, article, mission, iris=iris, article_node=a)
    return w.quads()


def _mission(w: _GraphWriter, article: Article, m: Mission, *, iris: Iris, article_node: NamedNode) -> None:
    anchor = m.election_date or article.published
    year = anchor.year if anchor else None
    when = m.election_date.isoformat() if m.election_date else None
    node = iris.mission(m.organizer, m.country, when, m.election_type, year)
    w.add(article_node, EO.mentions, node)
    w.add(node, RDF.type, EO.ObservationMission)
    w.add(node, EO.missionKey, _str(iris.mission_key(m.organizer, m.country, when, m.election_type, year)))

    def cite(subject: Subject, predicate: NamedNode, obj: Object, slot: str, value: Value) -> None:
        w.add(subject, predicate, obj)
        ev = m.evidence_for(slot, value)
        if ev is not None:
            _evidence(w, article, ev, subject, predicate, obj, slot, iris=iris, article_node=article_node)

    org = _organization(w, iris, m.organizer, m.organizer_wikidata)
    cite(node, EO.organizer, org, "mission", None)
    w.add(org, EO.organizes, node)

    # election: as this article states it; kgbuild.elections settles the identity over the store
    country = _country(w, iris, m.country)
    election = iris.election(m.country, m.election_type, when, year)
    w.add(election, RDF.type, EO.Election)
    label = election_label(m.country, m.election_type, election_when(when, year))
    w.add(election, RDFS.label, _en(label))
    if when is None:
        w.add(election, RDFS.comment, UNDATED_COMMENT)
    w.add(node, RDFS.label, _en(f"{m.organizer} observation of {label}"))
    cite(election, EO.electionCountry, country, "mission", None)
    cite(node, EO.observes, election, "mission", None)
    w.add(election, EO.observedBy, node)
    if m.election_type:
        concept = ELECTION_TYPE_CONCEPTS[m.election_type]
        cite(election, EO.electionType, concept, "election.type", m.election_type)
    if m.election_date:
        cite(election, EO.electionDate, date_literal(m.election_date), "election.date", m.election_date)
    if m.early:
        cite(election, EO.early, Literal("true", datatype=XSD.boolean), "election.early", True)

    if m.start_date:
        cite(node, EO.startDate, date_literal(m.start_date), "start_date", m.start_date)
    if m.head:
        person = iris.person(m.head)
        w.add(person, RDF.type, EO.Person)
        w.add(person, RDFS.label, _label(m.head))
        if m.head_country:
            w.add(person, EO.citizenOf, _country(w, iris, m.head_country))
        cite(node, EO.headOfMission, person, "head", m.head)
        w.add(person, EO.heads, node)
    for cc in m.member_countries:
        member = _country(w, iris, cc)
        cite(member, EO.participatesIn, node, "member_country", cc)
        w.add(node, EO.participant, member)
    for name in m.member_organizations:
        member = _organization(w, iris, name)
        cite(member, EO.participatesIn, node, "member_organization", name)
        w.add(node, EO.participant, member)
    if m.accredited_by:
        commission = iris.commission(m.accredited_by, m.accredited_by_country)
        w.add(commission, RDF.type, EO.ElectionCommission)
        w.add(commission, RDFS.label, _en(m.accredited_by))
        if m.accredited_by_country:
            w.add(commission, EO.commissionOf, _country(w, iris, m.accredited_by_country))
        cite(node, EO.accreditedBy, commission, "accredited_by", m.accredited_by)
        w.add(commission, EO.accredits, node)
        accreditation = iris.accreditation(node, article.id)
        w.add(node, EO.accreditation, accreditation)
        w.add(accreditation, RDF.type, EO.Accreditation)
        w.add(accreditation, EO.grantedBy, commission)
        w.add(accreditation, EO.statedIn, article_node)
        if article.published:
            w.add(accreditation, EO.asOf, date_literal(article.published))
    for category, value in (
        ("total", m.observers_total),
        ("long_term", m.observers_long_term),
        ("short_term", m.observers_short_term),
    ):
        if value is None:
            continue
        count = iris.observer_count(node, category, article.id)
        w.add(node, EO.observerCount, count)
        w.add(count, RDF.type, EO.ObserverCount)
        w.add(count, EO.category, COUNT_CATEGORIES[category])
        w.add(count, EO.statedIn, article_node)
        if article.published:
            w.add(count, EO.asOf, date_literal(article.published))
        cite(count, EO["count"], _int(value), f"observers.{category}", value)
        if m.accredited_by:
            w.add(iris.accreditation(node, article.id), EO.accreditedObservers, count)


def _organization(w: _GraphWriter, iris: Iris, name: str, wikidata: str | None = None) -> NamedNode:
    """An organization node with its class, label, acronym and Wikidata id (from the catalogue)."""
    node = iris.organization(name)
    acronym, known_id, kind = _org_info(name)
    w.add(node, RDF.type, ORG_KIND_CLASSES.get(kind or "", EO.Organization))
    w.add(node, RDFS.label, _en(name))
    if acronym:
        w.add(node, EO.acronym, _str(acronym))
    if wikidata or known_id:
        w.add(node, EO.wikidataId, _str(wikidata or known_id or ""))
    return node


def _country(w: _GraphWriter, iris: Iris, alpha2: str) -> NamedNode:
    node = iris.country(alpha2)
    w.add(node, RDF.type, EO.Country)
    w.add(node, EO.alpha2, _str(alpha2.upper()))
    w.add(node, RDFS.label, _en(country_label(alpha2)))
    return node


def _evidence(
    w: _GraphWriter,
    article: Article,
    ev: Evidence,
    s: Subject,
    p: NamedNode,
    o: Object,
    slot: str,
    *,
    iris: Iris,
    article_node: NamedNode,
) -> None:
    node = iris.evidence(article.id, f"{s}|{p}|{o}|{ev.start}|{ev.end}")
    w.add(node, RDF.type, EO.Evidence)
    w.add(node, RDF.subject, s)
    w.add(node, RDF.predicate, p)
    w.add(node, RDF.object, o)
    w.add(node, EO.slot, _str(slot))
    w.add(node, EO.inArticle, article_node)
    w.add(node, PROV.wasDerivedFrom, article_node)
    w.add(node, NIF.beginIndex, _int(ev.start))
    w.add(node, NIF.endIndex, _int(ev.end))
    w.add(node, NIF.anchorOf, _str(ev.span(article.text)))
    w.add(node, EO.sentence, _str(ev.sentence(article.text)))
    w.add(node, EO.sentenceBeginIndex, _int(ev.sentence_start))
    w.add(node, EO.sentenceEndIndex, _int(ev.sentence_end))
