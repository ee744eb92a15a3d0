"""Plain data that flows between the stages of kgbuild.

Nothing here imports spaCy, pyoxigraph or rdflib: the extractor produces these objects, the
RDF layer (:mod:`kgbuild.triples`) consumes them, and a researcher can build them by hand.

Offsets are character offsets into :attr:`Article.text` (Python ``str`` indices, i.e. Unicode
code points), end-exclusive.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date
from typing import Any

__all__ = [
    "ELECTION_TYPES",
    "OBSERVER_CATEGORIES",
    "SLOTS",
    "Article",
    "Evidence",
    "Mission",
    "Statement",
]

#: The election types of the ontology's SKOS scheme (and of the gold format).
ELECTION_TYPES = ("parliamentary", "presidential", "local", "regional", "referendum", "general")

#: Observer-count categories, as named in the gold format's ``observers`` object.
OBSERVER_CATEGORIES = ("total", "long_term", "short_term")

#: Every kind of fact a mission can carry; ``mission`` is the mission's own existence
#: (organizer + country), the others are the gold format's fields.
SLOTS = (
    "mission",
    "election.type",
    "election.date",
    "election.early",
    "start_date",
    "head",
    "member_country",
    "member_organization",
    "accredited_by",
    "observers.total",
    "observers.long_term",
    "observers.short_term",
)

_DATE_HEADER = re.compile(r"\A\ufeff?[ \t]*date[ \t]+(\d{4}-\d{2}-\d{2})[^\n]*?(?:\r?\n|\Z)")


@dataclass(frozen=True, slots=True)
class Article:
    """One news article or report, as read from a file, a JSON line or stdin.

    ``id`` is the article's stable identifier inside a build (the path relative to the build
    root, a URL, or a JSON Lines ``id``); the same id always gives the same graph IRI.
    ``text`` is the body that offsets refer to (without the optional `` date YYYY-MM-DD``
    header line of the corpus format, which becomes ``published``). ``origin`` says where it was
    read from (``file:`` and the resolved path, ``record:`` and a record's own id, ``stdin:``
    and a content hash), so two sources that give the same id are told apart.
    """

    id: str
    text: str
    published: date | None = None
    title: str | None = None
    url: str | None = None
    source: str | None = None
    path: str | None = None
    encoding: str | None = None
    origin: str | None = None

    @property
    def name(self) -> str:
        """The file name (last path segment of ``id``) that the facts view reports."""
        return self.id.rstrip("/").rsplit("/", 1)[-1]

    @property
    def source_key(self) -> str | None:
        """SHA-256 of :attr:`origin` (where the article was read from), or None without one.

        The store keeps this digest, never the origin (a local path), and a build replaces an
        article only with one from the same source.
        """
        return hashlib.sha256(self.origin.encode("utf-8")).hexdigest() if self.origin is not None else None

    @property
    def sha256(self) -> str:
        """Content hash of what extraction sees (text and publication date)."""
        h = hashlib.sha256()
        h.update((self.published.isoformat() if self.published else "").encode())
        h.update(b"\n")
        h.update(self.text.encode("utf-8"))
        return h.hexdigest()

    @classmethod
    def from_text(cls, id: str, raw: str, *, published: date | None = None, title: str | None = None,
                  url: str | None = None, source: str | None = None, path: str | None = None,
                  encoding: str | None = None, origin: str | None = None) -> Article:
        """Build an article from raw corpus text, honouring a first line `` date YYYY-MM-DD``.

        >>> a = Article.from_text("x.txt", " date 2020-02-03 BAKU, Feb. 3\\n\\nText.")
        >>> a.published.isoformat(), a.text
        ('2020-02-03', 'BAKU, Feb. 3\\n\\nText.')
        """
        m = _DATE_HEADER.match(raw)
        if m:
            published = published or date.fromisoformat(m.group(1))
            # Keep what follows the date on the header line (a dateline such as "BAKU, Feb. 3").
            rest = raw[m.start(1) + 10 : m.end()].strip(" \t\r\n")
            body = raw[m.end() :]
            raw = f"{rest}\n{body}" if rest else body
        return cls(id=id, text=raw, published=published, title=title, url=url, source=source, path=path,
                   encoding=encoding, origin=origin)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where the text states a fact: the evidence span and its sentence, as offsets."""

    start: int
    end: int
    sentence_start: int
    sentence_end: int

    def span(self, text: str) -> str:
        return text[self.start : self.end]

    def sentence(self, text: str) -> str:
        return text[self.sentence_start : self.sentence_end]


Value = str | int | bool | date | None


@dataclass(frozen=True, slots=True)
class Statement:
    """One fact about a mission (a slot and its value) with the evidence behind it."""

    slot: str
    value: Value
    evidence: Evidence | None = None


@dataclass
class Mission:
    """One organization's observation of one election in one country, as one article states it.

    The fields mirror a gold file's mission object (``../corpus/FORMAT.md``); ``evidence`` maps
    ``(slot, value)`` to where the article says so. Use :meth:`cite` to record it and
    :meth:`statements` to read every fact with its evidence.
    """

    organizer: str
    country: str
    organizer_wikidata: str | None = None
    election_type: str | None = None
    election_date: date | None = None
    early: bool = False
    start_date: date | None = None
    head: str | None = None
    head_country: str | None = None
    member_countries: list[str] = field(default_factory=list)
    member_organizations: list[str] = field(default_factory=list)
    accredited_by: str | None = None
    accredited_by_country: str | None = None
    observers_total: int | None = None
    observers_long_term: int | None = None
    observers_short_term: int | None = None
    evidence: dict[tuple[str, str], Evidence] = field(default_factory=dict)

    def cite(self, slot: str, value: Value, evidence: Evidence | None) -> None:
        """Record the evidence for ``slot = value`` (the first evidence given is kept)."""
        if slot not in SLOTS:
            raise ValueError(f"unknown slot {slot!r}; expected one of {', '.join(SLOTS)}")
        if evidence is not None:
            self.evidence.setdefault((slot, _key(value)), evidence)

    def evidence_for(self, slot: str, value: Value = None) -> Evidence | None:
        return self.evidence.get((slot, _key(value)))

    def statements(self) -> Iterator[Statement]:
        """Every stated fact of this mission, in a stable order, each with its evidence."""
        yield self._st("mission", None)
        singles: list[tuple[str, Value]] = [
            ("election.type", self.election_type),
            ("election.date", self.election_date),
            ("election.early", True if self.early else None),
            ("start_date", self.start_date),
            ("head", self.head),
            ("accredited_by", self.accredited_by),
            ("observers.total", self.observers_total),
            ("observers.long_term", self.observers_long_term),
            ("observers.short_term", self.observers_short_term),
        ]
        for slot, value in singles:
            if value is not None:
                yield self._st(slot, value)
        for c in self.member_countries:
            yield self._st("member_country", c)
        for o in self.member_organizations:
            yield self._st("member_organization", o)

    def _st(self, slot: str, value: Value) -> Statement:
        return Statement(slot, value, self.evidence_for(slot, value))

    @classmethod
    def from_gold(cls, data: dict[str, Any]) -> Mission:
        """A mission from a gold file's mission object (hand-coded data, tests)."""
        el = data.get("election") or {}
        obs = data.get("observers") or {}

        def day(v: object) -> date | None:
            return date.fromisoformat(str(v)) if v else None

        return cls(
            organizer=data["organizer"],
            country=str(data["country"]).upper(),
            organizer_wikidata=data.get("organizer_wikidata"),
            election_type=el.get("type"),
            election_date=day(el.get("date")),
            early=bool(el.get("early")),
            start_date=day(data.get("start_date")),
            head=data.get("head"),
            member_countries=list(data.get("member_countries") or []),
            member_organizations=list(data.get("member_organizations") or []),
            accredited_by=data.get("accredited_by"),
            observers_total=obs.get("total"),
            observers_long_term=obs.get("long_term"),
            observers_short_term=obs.get("short_term"),
        )

    def to_gold(self) -> dict[str, object]:
        """This mission in the gold format's shape (``FORMAT.md``)."""
        return {
            "organizer": self.organizer,
            "organizer_wikidata": self.organizer_wikidata,
            "country": self.country,
            "election": {
                "type": self.election_type,
                "date": self.election_date.isoformat() if self.election_date else None,
                "early": self.early,
            },
            "start_date": self.start_date.isoformat() if self.start_date else None,
            "head": self.head,
            "member_countries": list(self.member_countries),
            "member_organizations": list(self.member_organizations),
            "accredited_by": self.accredited_by,
            "observers": {
                "total": self.observers_total,
                "long_term": self.observers_long_term,
                "short_term": self.observers_short_term,
            },
        }


def _key(value: Value) -> str:
    if value is None:
        return ""
    if isinstance(value, date):
        return value.isoformat()
    return str(value)
