"""External identifiers: ISO 3166-1 codes, Wikidata items and GeoNames features.

:mod:`.iso` answers offline from a packaged snapshot, :mod:`.graph` turns identifiers into the
links graph, :mod:`.organizations` reads the organizations catalogue and its verified Wikidata
ids, and :mod:`.wikidata` refreshes the snapshot from Wikidata's SPARQL endpoint (the caller
passes the ``httpx.Client``).
"""

from __future__ import annotations

from .graph import country_quads, link_quads, organization_quads
from .iso import CountryIds, all_countries, country_ids, resolve_country
from .organizations import VERIFIED, organization_links, verification_report
from .wikidata import RefreshReport, refresh, refresh_snapshot

__all__ = [
    "VERIFIED",
    "CountryIds",
    "RefreshReport",
    "all_countries",
    "country_ids",
    "country_quads",
    "link_quads",
    "organization_links",
    "organization_quads",
    "refresh",
    "refresh_snapshot",
    "resolve_country",
    "verification_report",
]
