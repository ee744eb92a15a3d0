"""The links graph: external identifiers of countries and organizations as quads.

One link predicate for every external identity, countries and organizations alike: ``owl:sameAs``
to the Wikidata item and to the GeoNames feature (SKOS mapping properties relate concepts, which
these nodes are not). Everything goes into the one named graph ``iris.links_graph()`` (``{base}graph/_links``), so the
links can be dropped and rebuilt without touching an article's graph.

>>> from kgbuild.iris import Iris
>>> quads = link_quads(Iris("https://example.org/kg/"), ["az"], [("GUAM", "Q326816")])
>>> len(quads), quads[-1].object.value
(10, 'http://www.wikidata.org/entity/Q326816')
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pyoxigraph import Literal, NamedNode, Quad

from ..catalog import CountryIds, country_ids, resolve_country
from ..errors import ParameterError
from ..iris import Iris
from ..vocab import EO, OWL, RDF, RDFS, WD

__all__ = ["country_quads", "link_quads", "organization_quads"]

_QID = re.compile(r"Q[1-9]\d*")


def country_quads(iris: Iris, ids: CountryIds) -> list[Quad]:
    """The links-graph quads of one country node ``iris.country(ids.alpha2)``."""
    graph = iris.links_graph()
    node = iris.country(ids.alpha2)
    triples: list[tuple[NamedNode, NamedNode | Literal]] = [
        (RDF.type, EO.Country),
        (RDFS.label, Literal(ids.name, language="en")),
        (EO.alpha2, Literal(ids.alpha2)),
        (EO.alpha3, Literal(ids.alpha3)),
        (EO.numericCode, Literal(ids.numeric)),
        (EO.wikidataId, Literal(ids.wikidata)),
        (EO.geonamesId, Literal(ids.geonames)),
        (OWL.sameAs, WD[ids.wikidata]),
        (OWL.sameAs, NamedNode(ids.geonames_iri)),
    ]
    return [Quad(node, predicate, obj, graph) for predicate, obj in triples]


def organization_quads(iris: Iris, name: str, wikidata: str) -> list[Quad]:
    """``owl:sameAs`` from the organization node ``iris.organization(name)`` to its Wikidata item.

    :raises ParameterError: ``wikidata`` is not an item id such as ``"Q7779"``.
    """
    qid = wikidata.strip().upper() if isinstance(wikidata, str) else wikidata
    if not isinstance(qid, str) or not _QID.fullmatch(qid):
        raise ParameterError(
            "wikidata", wikidata, f"of organization {name!r} is not a Wikidata item id like 'Q7779'"
        )
    return [Quad(iris.organization(name), OWL.sameAs, WD[qid], iris.links_graph())]


def link_quads(
    iris: Iris,
    countries: Iterable[str],
    organizations: Iterable[tuple[str, str | None]],
) -> list[Quad]:
    """Quads for the links graph: identifiers of ``countries`` and ``owl:sameAs`` of ``organizations``.

    ``countries`` are ISO codes or anything :func:`~kgbuild.catalog.resolve_country` accepts
    ("az", "AZE", "Q227"); a value that denotes no ISO 3166-1 country (e.g. "XK") is skipped,
    because there is nothing to link it to. ``organizations`` are ``(name, wikidata id or None)``
    pairs; those without an id give nothing. Duplicates are emitted once; the order is stable
    (countries by code, then organizations by name).

    :raises ParameterError: an organization's Wikidata id is malformed.
    """
    codes: set[str] = set()
    for value in countries:
        code = resolve_country(value) if isinstance(value, str) else None
        if code is not None:
            codes.add(code)
    quads: list[Quad] = []
    for code in sorted(codes):
        ids = country_ids(code)
        if ids is not None:
            quads.extend(country_quads(iris, ids))
    seen: set[Quad] = set()
    for name, wikidata in sorted(set(organizations), key=lambda pair: (pair[0], pair[1] or "")):
        if wikidata is None or (isinstance(wikidata, str) and not wikidata.strip()):
            continue
        for quad in organization_quads(iris, name, wikidata):
            if quad not in seen:
                seen.add(quad)
                quads.append(quad)
    return quads
