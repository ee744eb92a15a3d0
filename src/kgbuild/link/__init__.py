"""External identifiers: ISO 3166-1 codes, Wikidata items and GeoNames features.

:mod:`.iso` answers offline from a packaged snapshot, :mod:`.graph` turns identifiers into the
links graph, :mod:`.organizations` reads the organizations catalogue and its verified Wikidata
ids, and :mod:`.wikidata` refreshes the snapshot from Wikidata's SPARQL endpoint (the caller
passes the ``httpx.Client``).
"""

from __future__ import annotations

from .graph import country_quads, link_quads, organization_quads
from .iso import CountryIds, all_countries, country_ids, resolve_country

__all__ = [
    "CountryIds",
    "all_countries",
    "country_ids",
    "country_quads",
    "link_quads",
    "organization_quads",
    "resolve_country",
]
