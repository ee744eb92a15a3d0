"""External identifiers: ISO 3166-1 codes, Wikidata items and GeoNames features.

The identifiers themselves are the catalogue's (:mod:`kgbuild.catalog`, offline, from packaged
snapshots; ``CountryIds``, ``all_countries``, ``country_ids`` and ``resolve_country`` are re-exported
here). :mod:`.graph` turns them into the links graph, :mod:`.organizations` checks the organizations'
Wikidata ids against public lists, and :mod:`.wikidata` refreshes the country snapshot from
Wikidata's SPARQL endpoint (the caller passes the ``httpx.Client``).
"""

from __future__ import annotations

from ..catalog import CountryIds, all_countries, country_ids, resolve_country
from .graph import country_quads, link_quads, organization_quads
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
