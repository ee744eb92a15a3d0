"""A SPARQL 1.1 Protocol query request, read from its raw parts (runs in a query worker).

The server process only checks the method, the media type and the size of a request; the query
string, the form body and the query text, whose cost grows with their length, are read here, in
the worker that runs the query, under its timeout (see :mod:`.workers`).

>>> r = parse_request("GET", b"query=ASK%20%7B%7D&default-graph-uri=http%3A%2F%2Fg%2F", "", b"")
>>> r.query, r.default_graphs, r.named_graphs
('ASK {}', ('http://g/',), ())
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import parse_qsl

import pyoxigraph as ox

__all__ = ["FORM", "QUERY", "UPDATE", "ProtocolError", "SparqlRequest", "parse_request"]

FORM = "application/x-www-form-urlencoded"
QUERY = "application/sparql-query"
UPDATE = "application/sparql-update"


class ProtocolError(Exception):
    """The request breaks the protocol: ``status`` (400, 403, 415) and a one-line ``detail``."""

    def __init__(self, status: int, detail: str) -> None:
        super().__init__(detail)
        self.status, self.detail = status, detail


@dataclass(frozen=True)
class SparqlRequest:
    """The query, its protocol dataset (``default-graph-uri``, ``named-graph-uri``) and ``format=`` values."""

    query: str
    default_graphs: tuple[str, ...] = ()
    named_graphs: tuple[str, ...] = ()
    formats: tuple[str, ...] = ()

    @property
    def dataset(self) -> tuple[tuple[str, ...], tuple[str, ...]] | None:
        """The protocol's dataset, or None when the request names none (the query's, or the service's, is used)."""
        if self.default_graphs or self.named_graphs:
            return self.default_graphs, self.named_graphs
        return None


def _utf8(data: bytes, what: str) -> str:
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ProtocolError(400, f"{what} is not UTF-8 (byte {e.start + 1})") from None


def _params(data: bytes, what: str) -> list[tuple[str, str]]:
    try:
        return parse_qsl(_utf8(data, what), keep_blank_values=True, errors="strict")
    except UnicodeDecodeError:
        raise ProtocolError(400, f"{what} has percent-escapes that are not UTF-8") from None


def media_type(content_type: str) -> tuple[str, str | None]:
    """``(media type, charset)`` of a Content-Type header, lower-cased.

    >>> media_type("application/sparql-query; charset=UTF-16")
    ('application/sparql-query', 'utf-16')
    """
    parts = [p.strip() for p in content_type.split(";")]
    charset = None
    for p in parts[1:]:
        key, _, value = p.partition("=")
        if key.strip().lower() == "charset":
            charset = value.strip().strip('"').lower()
    return parts[0].lower(), charset


def parse_request(method: str, query_string: bytes, content_type: str, body: bytes) -> SparqlRequest:
    """Read a query request as the SPARQL 1.1 Protocol (§2.1) defines it.

    GET carries everything in the query string; a form POST in its body (and the URL); a direct
    POST has the query as its body and the dataset in the URL. ``update`` anywhere is refused
    (403): this endpoint is read-only.

    :raises ProtocolError: the request is malformed or is an update.
    """
    params = _params(query_string, "the query string")
    text: str | None = None
    if method == "POST":
        ctype, charset = media_type(content_type)
        if charset not in (None, "utf-8", "utf8"):
            raise ProtocolError(415, f"charset {charset!r} is not supported; send the query as UTF-8")
        if ctype == FORM:
            params += _params(body, "the form body")
        elif ctype == QUERY:
            text = _utf8(body, "the query")
        elif ctype == UPDATE:
            raise ProtocolError(403, "SPARQL updates are refused: this endpoint is read-only")
        else:
            raise ProtocolError(415, f"POST body of type {ctype or '(none)'!r} is not a query; "
                                "send application/x-www-form-urlencoded (query=...) or application/sparql-query")
    names = {k for k, _ in params}
    if "update" in names:
        raise ProtocolError(403, "SPARQL updates are refused: this endpoint is read-only")
    queries = [v for k, v in params if k == "query"]
    if text is not None and queries:
        raise ProtocolError(400, "give the query either as the body or as the 'query' parameter, not both")
    if text is None:
        if len(queries) != 1:
            raise ProtocolError(400, "parameter 'query' is required exactly once" if not queries
                                else f"parameter 'query' is given {len(queries)} times; give it once")
        text = queries[0]
    if not text.strip():
        raise ProtocolError(400, "parameter 'query' is empty")
    graphs = {name: tuple(_graph_iri(name, v) for k, v in params if k == name)
              for name in ("default-graph-uri", "named-graph-uri")}
    return SparqlRequest(text, graphs["default-graph-uri"], graphs["named-graph-uri"],
                         tuple(v for k, v in params if k == "format"))


def _graph_iri(name: str, value: str) -> str:
    try:
        return ox.NamedNode(value).value
    except ValueError as e:
        raise ProtocolError(400, f"parameter {name!r}: {value!r} is not an absolute IRI ({e})") from None
