"""The catalogue: countries, observer organizations and election commissions, with their identifiers.

The bottom layer of kgbuild (see ``docs/architecture.md``): reference data and pure-Python
lookups that extraction, IRIs, triples, linking and the server all read. It imports nothing of
kgbuild but :mod:`kgbuild.errors`, and neither spaCy nor Oxigraph.

- :mod:`.countries`: names, variants and demonyms; :func:`resolve_country` (any code, id or name
  to an ISO alpha-2 code) and :func:`country_from_name` (what a text can say: names, variants,
  demonyms);
- :mod:`.snapshot`: ISO 3166-1 codes, Wikidata items and GeoNames ids of every country
  (``kgbuild/data/countries.csv``);
- :mod:`.orgs`: the organizations catalogue (``kgbuild/data/organizations.json``);
- :mod:`.commissions`: the acronyms of election commissions.

>>> resolve_country("Kirgizia"), country_ids("KG").wikidata, resolve_organization("CIS").key
('KG', 'Q813', 'cis')
"""

from __future__ import annotations

from .commissions import COMMISSION_ACRONYMS
from .countries import (
    DEMONYMS,
    NOT_DEMONYMS,
    VARIANTS,
    country_from_demonym,
    country_from_name,
    country_label,
    country_name,
    is_country_name,
    iso_country_names,
    reload_snapshot,
    resolve_country,
)
from .orgs import ORGANIZATION_KINDS, Organization, organizations, resolve_organization
from .snapshot import (
    SNAPSHOT_COLUMNS,
    CountryIds,
    all_countries,
    country_ids,
    read_snapshot,
    snapshot_path,
    write_snapshot,
)

__all__ = [
    "COMMISSION_ACRONYMS",
    "DEMONYMS",
    "NOT_DEMONYMS",
    "ORGANIZATION_KINDS",
    "SNAPSHOT_COLUMNS",
    "VARIANTS",
    "CountryIds",
    "Organization",
    "all_countries",
    "country_from_demonym",
    "country_from_name",
    "country_ids",
    "country_label",
    "country_name",
    "is_country_name",
    "iso_country_names",
    "organizations",
    "read_snapshot",
    "reload_snapshot",
    "resolve_country",
    "resolve_organization",
    "snapshot_path",
    "write_snapshot",
]
