"""Result formats: content negotiation, and serialization of query results (capped at a row count).

The parent process negotiates the format of a response (:func:`negotiate`); a worker serializes
the result in it (:func:`serialize_result`) and answers with an :class:`Answer` or a
:class:`Failure`, plain data that pickles across the pipe.

>>> fmt = negotiate("SELECT", "text/csv;q=0.5, application/sparql-results+json")
>>> fmt.media_type
'application/sparql-results+json'
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

import pyoxigraph as ox

from ..query import QueryResult, term_to_json
from ..vocab import PREFIXES

__all__ = [
    "RDF_FORMATS",
    "RESULT_FORMATS",
    "Answer",
    "Failure",
    "Format",
    "NotAcceptable",
    "TITLES",
    "accepted_types",
    "failure",
    "format_named",
    "negotiate",
    "negotiate_request",
    "serialize_result",
]

#: the title of each HTTP status an error answer may have
TITLES = {400: "Bad Request", 403: "Forbidden", 404: "Not Found", 405: "Method Not Allowed",
          406: "Not Acceptable", 408: "Request Timeout", 413: "Content Too Large", 415: "Unsupported Media Type",
          429: "Too Many Requests", 500: "Internal Server Error", 503: "Service Unavailable",
          504: "Gateway Timeout"}

#: SELECT/ASK result formats by short name (the ``format=`` parameter), in preference order.
RESULT_FORMATS: dict[str, ox.QueryResultsFormat] = {
    "json": ox.QueryResultsFormat.JSON,
    "xml": ox.QueryResultsFormat.XML,
    "csv": ox.QueryResultsFormat.CSV,
    "tsv": ox.QueryResultsFormat.TSV,
}
#: CONSTRUCT/DESCRIBE formats by short name, in preference order.
RDF_FORMATS: dict[str, ox.RdfFormat] = {
    "turtle": ox.RdfFormat.TURTLE,
    "ntriples": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
    "rdfxml": ox.RdfFormat.RDF_XML,
}
_ALIASES = {
    # media types clients commonly send for the same formats
    "application/json": "json",
    "application/sparql-results+json": "json",
    "application/xml": "xml",
    "text/xml": "xml",
    "application/sparql-results+xml": "xml",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
    "text/turtle": "turtle",
    "application/x-turtle": "turtle",
    "application/n-triples": "ntriples",
    "text/plain": "ntriples",
    "application/ld+json": "jsonld",
    "application/rdf+xml": "rdfxml",
}
#: ``format=`` names that mean an RDF format for CONSTRUCT/DESCRIBE (what SPARQLWrapper and others send)
_RDF_ALIASES = {"xml": "rdfxml", "rdf": "rdfxml", "json": "jsonld", "json-ld": "jsonld", "n3": "turtle", "ttl": "turtle",
                "nt": "ntriples", "n-triples": "ntriples"}
_ASK_FORMATS = ("json", "xml")  # CSV/TSV have no boolean form in pyoxigraph; JSON/XML are the standard


class NotAcceptable(Exception):
    """No format the client accepts fits the query form (HTTP 406)."""


@dataclass(frozen=True)
class Format:
    name: str
    media_type: str

    @property
    def is_rdf(self) -> bool:
        return self.name in RDF_FORMATS


def format_named(name: str) -> Format:
    """The format with short name ``name`` (a key of :data:`RESULT_FORMATS` or :data:`RDF_FORMATS`)."""
    f = RESULT_FORMATS.get(name) or RDF_FORMATS[name]
    return Format(name, f.media_type)


def accepted_types(accept: str) -> list[str]:
    """The media ranges of an ``Accept`` header, most preferred first (by q, then as listed),
    lower-cased, without those of q=0.

    >>> accepted_types("application/rdf+xml;q=0.5, text/Turtle, */*;q=0")
    ['text/turtle', 'application/rdf+xml']
    """
    prefs: list[tuple[float, int, str]] = []
    for i, part in enumerate(accept.split(",")):
        bits = [b.strip() for b in part.split(";")]
        mt, q = bits[0].lower(), 1.0
        for b in bits[1:]:
            if b.startswith("q="):
                try:
                    q = float(b[2:])
                except ValueError:
                    q = 0.0
        if mt and q > 0:
            prefs.append((-q, i, mt))
    return [mt for _, _, mt in sorted(prefs)]


def negotiate(form: str, accept: str | None, fmt: str | None = None) -> Format:
    """The response format for a query ``form`` from a ``format=`` name or an Accept header.

    :raises NotAcceptable: nothing acceptable (names what is offered).
    """
    offered = list(RDF_FORMATS) if form in ("CONSTRUCT", "DESCRIBE") else (
        list(_ASK_FORMATS) if form == "ASK" else list(RESULT_FORMATS)
    )
    if fmt:
        name = _ALIASES.get(fmt.strip().lower(), fmt.strip().lower())
        if form in ("CONSTRUCT", "DESCRIBE"):
            name = _RDF_ALIASES.get(name, name)
        if name not in offered:
            raise NotAcceptable(f"format {fmt!r} is not offered for {form} queries; offered: {', '.join(offered)}")
        return format_named(name)
    if not accept or not accept.strip():
        return format_named(offered[0])
    for mt in accepted_types(accept):
        if mt in ("*/*", "application/*", "text/*"):
            cands = [n for n in offered if format_named(n).media_type.startswith(mt[:-1]) or mt == "*/*"]
            if cands:
                return format_named(cands[0])
            continue
        alias = _ALIASES.get(mt)
        if alias in offered:
            return format_named(alias)
    offered_types = ", ".join(format_named(n).media_type.split(";")[0] for n in offered)
    raise NotAcceptable(f"none of the accepted types fits a {form} query; offered: {offered_types}")


def negotiate_request(form: str, accept: str | None, formats: list[str] | tuple[str, ...]) -> Format:
    """The format from the first usable ``format=`` value (a name, or media types as in Accept), else Accept.

    :raises NotAcceptable: nothing acceptable (names what is offered).
    """
    first: NotAcceptable | None = None
    for value in formats:
        try:
            return negotiate(form, value, None) if "/" in value else negotiate(form, None, value)
        except NotAcceptable as e:
            first = first or e
    if first is not None:
        raise first
    return negotiate(form, accept, None)


@dataclass
class Answer:
    """A finished query: the body and its media type; ``truncated`` when rows beyond the cap were cut."""

    body: bytes
    media_type: str
    truncated: bool = False
    rows: int = 0


@dataclass
class Failure:
    """A job that failed: the HTTP status, a short title and the detail for the error body."""

    status: int
    title: str
    detail: str
    extra: dict[str, Any] = field(default_factory=dict)


def failure(status: int, detail: str, **extra: Any) -> Failure:
    """A :class:`Failure` with the standard title of ``status``."""
    return Failure(status, TITLES.get(status, "Error"), detail, dict(extra))


def serialize_result(result: QueryResult, fmt: Format, max_rows: int) -> Answer:
    """Serialize a pyoxigraph result in ``fmt``, keeping at most ``max_rows`` rows (or triples).

    Rows are taken lazily from the result, so a huge result costs only ``max_rows + 1`` rows.
    """
    if isinstance(result, ox.QueryBoolean):
        name = fmt.name if fmt.name in _ASK_FORMATS else "json"
        return Answer(result.serialize(format=RESULT_FORMATS[name]) or b"", format_named(name).media_type, rows=1)
    if isinstance(result, ox.QueryTriples):
        name = fmt.name if fmt.is_rdf else "turtle"
        triples: list[ox.Triple] = []
        for t in result:
            if len(triples) == max_rows:
                return _rdf_answer(triples, name, truncated=True)
            triples.append(t)
        return _rdf_answer(triples, name, truncated=False)
    name = fmt.name if not fmt.is_rdf else "json"
    names = [v.value for v in result.variables]
    bindings: list[dict[str, dict[str, Any]]] = []
    truncated = False
    for sol in result:
        if len(bindings) == max_rows:
            truncated = True
            break
        bindings.append({n: term_to_json(sol[n]) for n in names if sol[n] is not None})
    doc = json.dumps({"head": {"vars": names}, "results": {"bindings": bindings}}).encode()
    body: bytes | None = doc
    if name != "json":  # re-read with pyoxigraph and let its serializer write the other formats
        body = ox.parse_query_results(doc, ox.QueryResultsFormat.JSON).serialize(format=RESULT_FORMATS[name])
    return Answer(body or b"", format_named(name).media_type, truncated, len(bindings))


def _rdf_answer(triples: list[ox.Triple], name: str, *, truncated: bool) -> Answer:
    prefixes = PREFIXES if name in ("turtle", "rdfxml") else None
    body = ox.serialize(triples, format=RDF_FORMATS[name], prefixes=prefixes) or b""
    return Answer(body, format_named(name).media_type, truncated, len(triples))
