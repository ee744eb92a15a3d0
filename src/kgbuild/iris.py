"""Deterministic IRIs: the same input always gives the same IRI under a configurable base.

Readable slugs (``mission/cis-az-parliamentary-2020-02-09``) so that a published dataset can be
browsed and diffed between releases.

>>> iris = Iris("https://example.org/kg/")
>>> iris.country("az").value
'https://example.org/kg/country/AZ'
>>> iris.mission("Commonwealth of Independent States", "AZ", "2020-02-09", "parliamentary", 2020).value
'https://example.org/kg/mission/cis-az-parliamentary-2020-02-09'
>>> iris.election("AZ", "parliamentary", "2020-02-09", 2020).value
'https://example.org/kg/election/az/parliamentary/2020-02-09'
>>> iris.organization("OSCE/ODIHR").value
'https://example.org/kg/organization/odihr'

An election is host country + type + voting day (``election/az/parliamentary/2020-02-09``), and
a mission is organizer + election. An article that states no voting day names the year-level node
``election/az/parliamentary/2020`` (the year of its publication); which election a mention finally
belongs to (a runoff to its first round, an undated mention to the one dated election of its year)
depends on every article of the store, and :mod:`kgbuild.elections` settles it after each build
(``docs/rdf-model.md``, "Election identity"). Organizations in the catalogue
(:mod:`kgbuild.catalog`) get its short key (``cis``, ``odihr``, ``pace``); others a slug of their name.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import urlsplit

from pyoxigraph import NamedNode

from .catalog import resolve_organization
from .errors import ParameterError

__all__ = ["DEFAULT_BASE_IRI", "Iris", "election_when", "organization_slug", "slugify"]

DEFAULT_BASE_IRI = "https://w3id.org/kgbuild/data/"

_NON_SLUG = re.compile(r"[^a-z0-9]+")
#: ids that are their own article slug
_PLAIN_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,119}")


#: Cyrillic letters in Latin (BGN/PCGN, simplified), so a Russian name gets a readable IRI.
_CYRILLIC_LOWER = {
    **dict(zip("абвгдезийклмнопрстуфыэ", "abvgdeziyklmnoprstufye", strict=True)),
    "ё": "yo", "ж": "zh", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ь": "", "ю": "yu",
    "я": "ya", "і": "i", "ї": "yi", "є": "ye", "ў": "w", "ғ": "gh", "қ": "q", "ң": "ng", "ө": "o", "ү": "u",
    "ұ": "u", "һ": "h", "ә": "a",
}
_CYRILLIC = str.maketrans({**_CYRILLIC_LOWER, **{k.upper(): v for k, v in _CYRILLIC_LOWER.items()}})


def slugify(text: str, max_length: int = 80) -> str:
    """Lower-case ASCII words joined by ``-`` (accents folded, Cyrillic transliterated); never empty.

    >>> slugify("Türkiye’s CEC / Supreme Election Council"), slugify("Сергей Лебедев")
    ('turkiyes-cec-supreme-election-council', 'sergey-lebedev')
    """
    folded = unicodedata.normalize("NFKD", text.translate(_CYRILLIC)).encode("ascii", "ignore").decode("ascii").lower()
    slug = _NON_SLUG.sub("-", folded).strip("-")
    if len(slug) > max_length:
        digest = hashlib.sha1(text.encode()).hexdigest()[:8]
        slug = slug[: max_length - 9].rstrip("-") + "-" + digest
    return slug or "x" + hashlib.sha1(text.encode()).hexdigest()[:8]


def election_when(when: str | None, year: int | None) -> str:
    """An election's date key: the ISO voting day, else the year, else ``undated``."""
    if when:
        return when
    return str(year) if year else "undated"


def organization_slug(name: str) -> str:
    """The catalogue key of a known organization (``cis``, ``odihr``), else a slug of the name."""
    org = resolve_organization(name)
    return org.key if org is not None else slugify(name, max_length=60)


class Iris:
    """Mints every IRI of the data graph under ``base`` (which must end with ``/`` or ``#``)."""

    def __init__(self, base: str = DEFAULT_BASE_IRI) -> None:
        parts = urlsplit(base)
        if parts.scheme not in ("http", "https", "urn") or not (parts.netloc or parts.scheme == "urn"):
            raise ParameterError("base_iri", base, "must be an absolute http(s) IRI, e.g. https://example.org/kg/")
        if not base.endswith(("/", "#")):
            base += "/"
        if any(c in base for c in '<>"{}|\\^` '):
            raise ParameterError("base_iri", base, "contains characters not allowed in an IRI")
        self.base = base

    def _node(self, *segments: str) -> NamedNode:
        return NamedNode(self.base + "/".join(segments))

    # --- articles and their graphs -------------------------------------------------------
    @staticmethod
    def article_slug(article_id: str) -> str:
        """The path segment of an article's IRIs: one per id, whatever ids differ by.

        An id of lower-case letters, digits, ``.``, ``_`` and ``-`` is its own slug (extension
        and all: ``x.txt`` and ``x.html`` are two articles); any other id is a readable slug of it,
        ``~`` and 12 hex digits of its SHA-256, so ids that differ only in case, punctuation or
        folder (``X.text``, ``feedA/index.html``) never share a graph. ``~`` occurs in no plain id,
        so the two kinds never meet.

        >>> Iris.article_slug("azerbaijan-2020-cis-interim.txt")
        'azerbaijan-2020-cis-interim.txt'
        >>> Iris.article_slug("AZERBAIJAN-2020-cis-interim")
        'azerbaijan-2020-cis-interim~da80343eb93d'
        """
        if _PLAIN_ID.fullmatch(article_id):
            return article_id
        return f"{slugify(article_id, max_length=60)}~{hashlib.sha256(article_id.encode()).hexdigest()[:12]}"

    @staticmethod
    def legacy_article_slug(article_id: str) -> str:
        """The slug kgbuild gave an article before issue 14 (extension and case dropped; they collided)."""
        stem = re.sub(r"\.(txt|text|html?|json|jsonl|ndjson|md)$", "", article_id, flags=re.I)
        slug = slugify(stem)
        if slug != stem.lower():
            slug = f"{slug}-{hashlib.sha1(article_id.encode()).hexdigest()[:6]}"
        return slug

    def legacy_article_graph(self, article_id: str) -> NamedNode:
        """The graph an article had in a store built before issue 14 (:meth:`legacy_article_slug`)."""
        return self._node("graph", "article", self.legacy_article_slug(article_id))

    def article(self, article_id: str) -> NamedNode:
        return self._node("article", self.article_slug(article_id))

    def article_graph(self, article_id: str) -> NamedNode:
        return self._node("graph", "article", self.article_slug(article_id))

    def links_graph(self) -> NamedNode:
        return self._node("graph", "_links")

    def void_graph(self) -> NamedNode:
        return self._node("graph", "_void")

    def listing_graph(self) -> NamedNode:
        """The listings' index graph (:mod:`kgbuild.listing`): which listing version is current."""
        return self._node("graph", "_missions")

    def listing_version(self, n: int) -> NamedNode:
        """The graph of one version of the listings (``{base}graph/_missions/{n}``)."""
        return self._node("graph", "_missions", str(n))

    def is_listing_graph(self, graph: NamedNode) -> bool:
        """Whether ``graph`` is the listings' index or one of their versions (derived, not data)."""
        index = self.listing_graph().value
        return graph.value == index or graph.value.startswith(index + "/")

    def dataset(self) -> NamedNode:
        """The dataset (VoID and DCAT): ``{base}dataset``."""
        return self._node("dataset")

    def catalog(self) -> NamedNode:
        """The DCAT catalogue that lists the dataset: ``{base}catalog``."""
        return self._node("catalog")

    # --- things ---------------------------------------------------------------------------
    def country(self, alpha2: str) -> NamedNode:
        return self._node("country", alpha2.upper())

    def organization(self, name: str) -> NamedNode:
        return self._node("organization", organization_slug(name))

    def commission(self, name: str, country: str | None) -> NamedNode:
        suffix = f"-{country.lower()}" if country and not slugify(name).endswith(country.lower()) else ""
        return self._node("commission", slugify(name) + suffix)

    def person(self, name: str) -> NamedNode:
        return self._node("person", slugify(name))

    def election(self, country: str, election_type: str | None, when: str | None, year: int | None) -> NamedNode:
        """An election: ``election/{cc}/{type}/{YYYY-MM-DD}``, or ``.../{YYYY}`` when ``when`` (the ISO
        voting day) is None (the year-level node of an election whose day no article states)."""
        return self._node("election", country.lower(), election_type or "election", election_when(when, year))

    def election_parts(self, election: NamedNode) -> tuple[str, str | None, str] | None:
        """``(country, type, date key)`` of an election IRI this minter made, else None.

        >>> Iris("https://e.org/").election_parts(NamedNode("https://e.org/election/az/parliamentary/2020"))
        ('AZ', 'parliamentary', '2020')
        """
        prefix = self.base + "election/"
        if not election.value.startswith(prefix):
            return None
        parts = election.value[len(prefix):].split("/")
        if len(parts) != 3:
            return None
        return parts[0].upper(), (None if parts[1] == "election" else parts[1]), parts[2]

    def mission(
        self, organizer: str, country: str, when: str | None, election_type: str | None, year: int | None
    ) -> NamedNode:
        """A mission: organizer + election (host country, type, voting day or year)."""
        return self._node("mission", self.mission_key(organizer, country, when, election_type, year))

    @staticmethod
    def mission_key(
        organizer: str, country: str, when: str | None, election_type: str | None, year: int | None
    ) -> str:
        """``{organizer}-{cc}-{type}-{YYYY-MM-DD or YYYY}``, e.g. ``cis-az-parliamentary-2020-02-09``."""
        return Iris.mission_key_of(organization_slug(organizer), country, election_type, election_when(when, year))

    @staticmethod
    def mission_key_of(organizer_slug: str, country: str, election_type: str | None, when: str) -> str:
        """A mission's key from its organizer's key and its election's date key (:func:`election_when`)."""
        return f"{organizer_slug}-{country.lower()}-{election_type or 'election'}-{when}"

    def observer_count(self, mission: NamedNode, category: str, article_id: str) -> NamedNode:
        return NamedNode(f"{mission.value}/count/{category.replace('_', '-')}/{self.article_slug(article_id)}")

    def accreditation(self, mission: NamedNode, article_id: str) -> NamedNode:
        """The accreditation of ``mission`` as one article reports it: ``{mission}/accreditation/{article}``."""
        return NamedNode(f"{mission.value}/accreditation/{self.article_slug(article_id)}")

    def evidence(self, article_id: str, key: str) -> NamedNode:
        digest = hashlib.sha1(key.encode()).hexdigest()[:16]
        return NamedNode(f"{self.article(article_id).value}/evidence/{digest}")
