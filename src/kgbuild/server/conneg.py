"""Dereferenceable IRIs: content negotiation on the path of every resource IRI.

``kgbuild serve --base-iri B`` answers ``GET /{kind}/{rest}`` (and ``/{path of B}{kind}/{rest}``,
so a proxy may pass the public path through unchanged) for the resource ``B{kind}/{rest}``, and
``GET /ontology`` for the ontology. The description is :func:`kgbuild.describe.describe`'s: each
triple once, no index triples.

- Browsers (``text/html``) get a page: a mission's is the existing mission page, every other
  resource a table of its triples.
- RDF clients get Turtle, N-Triples, JSON-LD or RDF/XML, by ``Accept`` or ``?format=ttl|nt|jsonld|rdf``.
- Every answer carries ``Vary: Accept`` and ``Link: <...>; rel="alternate"; type=...`` headers for
  the other formats (the HTML page the same as ``<link rel="alternate">`` elements).
- Nothing known about the IRI: 404; an ``Accept`` none of these fit: 406.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from typing import Any
from urllib.parse import urlsplit

import pyoxigraph as ox

from ..api import KnowledgeGraph
from ..describe import RESOURCE_KINDS, describe
from ..vocab import ONTOLOGY_IRI, PREFIXES
from .results import Answer, _rdf_answer, accepted_types

__all__ = ["FORMATS", "ResourceNotFound", "alternates", "choose", "describe_job", "link_header", "local_path", "resource_iri",
           "resource_page"]

#: What a resource path offers: short name -> (media type, ``?format=`` names).
FORMATS: dict[str, tuple[str, tuple[str, ...]]] = {
    "html": ("text/html", ("html",)),
    "turtle": ("text/turtle", ("ttl", "turtle")),
    "ntriples": ("application/n-triples", ("nt", "ntriples")),
    "jsonld": ("application/ld+json", ("jsonld", "json")),
    "rdfxml": ("application/rdf+xml", ("rdf", "rdfxml", "xml")),
}
_BY_TYPE = {media: name for name, (media, _) in FORMATS.items()} | {
    "application/xhtml+xml": "html", "application/x-turtle": "turtle", "text/plain": "ntriples",
    "application/json": "jsonld", "application/xml": "rdfxml", "text/xml": "rdfxml",
}


class ResourceNotFound(Exception):
    """The graph says nothing about the IRI (HTTP 404)."""


def choose(accept: str | None, fmt: str | None = None) -> str | None:
    """The format name for an ``Accept`` header or a ``?format=`` value; None when nothing fits.

    >>> choose("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8")
    'html'
    >>> choose("application/rdf+xml;q=0.5, text/turtle")
    'turtle'
    >>> choose(None), choose("*/*"), choose("image/png"), choose(None, "nt")
    ('html', 'html', None, 'ntriples')
    """
    if fmt:
        return next((name for name, (_, names) in FORMATS.items() if fmt.lower() in names), None)
    if not accept or not accept.strip():
        return "html"
    for media in accepted_types(accept):
        if media in ("*/*", "text/*"):
            return "html"
        if media == "application/*":
            return "jsonld"
        if media in _BY_TYPE:
            return _BY_TYPE[media]
    return None


def resource_iri(base: str, path: str) -> str | None:
    """The resource IRI a request path names under ``base``, or None (not a resource path).

    >>> resource_iri("https://w3id.org/kgbuild/data/", "/mission/cis-az-parliamentary-2020-02-09")
    'https://w3id.org/kgbuild/data/mission/cis-az-parliamentary-2020-02-09'
    >>> resource_iri("https://w3id.org/kgbuild/data/", "/kgbuild/data/country/AZ")
    'https://w3id.org/kgbuild/data/country/AZ'
    >>> resource_iri("https://w3id.org/kgbuild/data/", "/ontology")
    'https://w3id.org/kgbuild/ontology'
    >>> resource_iri("https://w3id.org/kgbuild/data/", "/static/app.js") is None
    True
    """
    prefix = urlsplit(base).path
    if prefix != "/" and path.startswith(prefix):
        path = "/" + path[len(prefix):]
    if path.rstrip("/") == "/ontology" or path.startswith("/ontology/"):
        return ONTOLOGY_IRI
    kind = path.lstrip("/").split("/", 1)[0]
    if kind not in RESOURCE_KINDS or (kind not in ("dataset", "catalog") and "/" not in path.lstrip("/")):
        return None
    return base + path.lstrip("/")


def local_path(base: str, iri: str) -> str | None:
    """The path on this server of a resource IRI (so pages link within the server), or None.

    >>> local_path("https://w3id.org/kgbuild/data/", "https://w3id.org/kgbuild/data/country/AZ")
    '/country/AZ'
    """
    if iri.startswith(base) and resource_iri(base, "/" + iri[len(base):]) == iri:
        return "/" + iri[len(base):]
    return "/ontology" if iri == ONTOLOGY_IRI else None


def alternates(path: str, current: str) -> list[tuple[str, str]]:
    """``(url, media type)`` of the other formats of the resource at ``path``."""
    return [(f"{path}?format={names[0]}", media) for name, (media, names) in FORMATS.items() if name != current]


def link_header(path: str, current: str) -> str:
    """The ``Link`` header naming the alternates."""
    return ", ".join(f'<{url}>; rel="alternate"; type="{media}"' for url, media in alternates(path, current))


def describe_job(kg: KnowledgeGraph, p: dict[str, Any]) -> Answer | dict[str, Any]:
    """Run in a query worker: the description of ``p["iri"]`` serialized in ``p["format"]``, or,
    for ``html``, the rows of its page (``{"iri", "rows": [(s, p, o, is_iri), ...]}``).

    :raises ResourceNotFound: nothing is known about the IRI.
    """
    triples = describe(kg, p["iri"])
    if not triples:
        raise ResourceNotFound(f"nothing is known about <{p['iri']}>")
    if p["format"] != "html":
        return _rdf_answer(triples, p["format"], truncated=False)
    return {"iri": p["iri"], "rows": [(str(getattr(t.subject, "value", t.subject)), t.predicate.value,
                                       str(getattr(t.object, "value", t.object)), isinstance(t.object, ox.NamedNode))
                                      for t in triples]}


def _curie(iri: str) -> str:
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if iri.startswith(ns):
            return f"{prefix}:{iri[len(ns):]}"
    return iri


def resource_page(data: dict[str, Any], path: str, local: Callable[[str], str | None] | None = None) -> str:
    """The HTML page of a resource: its triples, IRIs under this server linked to their paths."""
    iri = data["iri"]

    def cell(value: str, is_iri: bool) -> str:
        if not is_iri:
            return html.escape(value)
        href = local(value) if local else None
        text = html.escape(_curie(value))
        return f'<a href="{html.escape(href or value)}">{text}</a>' if (href or value.startswith(("http://", "https://"))) else text

    rows = "".join(
        f"<tr><td>{cell(s, True) if s != iri else '&lt;this&gt;'}</td><td>{cell(p, True)}</td>"
        f"<td>{cell(o, is_iri) if o != iri else '&lt;this&gt;'}</td></tr>"
        for s, p, o, is_iri in data["rows"])
    links = "".join(f'<link rel="alternate" type="{media}" href="{html.escape(url)}">' for url, media in alternates(path, "html"))
    formats = " · ".join(f'<a href="{html.escape(url)}">{media}</a>' for url, media in alternates(path, "html"))
    return (f'<!doctype html><html lang="en"><head><meta charset="utf-8"><title>{html.escape(_curie(iri))}</title>'
            f'{links}</head><body><h1>{html.escape(iri)}</h1><p>Also as {formats}</p>'
            f"<table><thead><tr><th>subject</th><th>property</th><th>value</th></tr></thead><tbody>{rows}</tbody></table>"
            "</body></html>")
