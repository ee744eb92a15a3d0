"""The Russian names and abbreviations of catalogue organizations (``kgbuild/data/organizations-ru.json``).

They belong to the same entries as the English names (the same key, node and Wikidata id), so a
mission reported in Russian and one reported in English resolve to one organization.

A few bodies that Russian observation news names and the English catalogue lacks (the NATO
Parliamentary Assembly, the Civic Chamber of the Russian Federation, CICA, the Standing Committee of
the Union State ...) have entries of their own, keyed ``open:`` and their English name in lower case:
the key an English article's named entity gives the same body (an "open" organizer), so the two
still merge. They carry their English name, kind and country, and no Wikidata id (none verified).

>>> names, acronyms = russian_names()["ipa-cis"]
>>> "МПА СНГ" in acronyms, resolve_organization_key("cis").wikidata
(True, 'Q7779')
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from .orgs import ORGANIZATION_KINDS, Organization, organizations, resolve_organization

__all__ = ["OPEN_PREFIX", "member_names", "resolve_organization_key", "russian_names", "russian_only_organizations"]

#: The key prefix of an organization the English catalogue lacks (as for an English "open" organizer).
OPEN_PREFIX = "open:"


@cache
def _raw() -> dict[str, dict[str, object]]:
    data: dict[str, dict[str, object]] = json.loads(
        files("kgbuild").joinpath("data/organizations-ru.json").read_text("utf-8"))
    return data


@cache
def russian_names() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Catalogue key -> (Russian names, Russian abbreviations); the keys of
    :func:`russian_only_organizations` included.

    :raises ValueError: an entry names a key the English catalogue does not have (and is no
        ``open:`` entry), or an ``open:`` entry is not its English name's key or has an unknown kind.
    """
    keys = {o.key for o in organizations()}
    own = russian_only_organizations()
    out: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {}
    for key, entry in _raw().items():
        if key not in keys and key not in own:
            raise ValueError(f"organizations-ru.json: {key!r} is no key of organizations.json")
        names, acronyms = entry.get("names") or [], entry.get("acronyms") or []
        if not isinstance(names, list) or not isinstance(acronyms, list):
            raise ValueError(f"organizations-ru.json: {key!r}: 'names' and 'acronyms' must be lists")
        out[key] = (tuple(str(n) for n in names), tuple(str(a) for a in acronyms))
    return out


@cache
def russian_only_organizations() -> dict[str, Organization]:
    """The ``open:`` entries of ``organizations-ru.json``: bodies the English catalogue lacks, as
    :class:`Organization` (English name, kind, country; no Wikidata id), by key.

    >>> russian_only_organizations()["open:nato parliamentary assembly"].name
    'NATO Parliamentary Assembly'
    """
    out = {}
    for key, entry in _raw().items():
        if not key.startswith(OPEN_PREFIX):
            continue
        name, kind, country = entry.get("name"), entry.get("kind"), entry.get("country")
        if not isinstance(name, str) or key != OPEN_PREFIX + name.lower():
            raise ValueError(f"organizations-ru.json: {key!r} must be {OPEN_PREFIX!r} and its English 'name' in lower case")
        if kind not in ORGANIZATION_KINDS:
            raise ValueError(f"organizations-ru.json: {key!r} has unknown kind {kind!r}")
        out[key] = Organization(key, name, (), (), None, str(kind), str(country) if country else None)
    return out


@cache
def member_names() -> dict[str, str]:
    """Catalogue key -> the English name a Russian article's member organization takes, where an
    entry gives one (``member_name``): the body's full name, when the catalogue's own name is a
    shortening of it. The Russian gold names the IPA CIS's monitoring institute "International
    Institute for Monitoring Democracy Development, Parliamentarism and Suffrage Protection ..." 18
    times in 19 (corpus/ru/train, 20 writers), which the catalogue's short "International Institute
    for Monitoring Democracy Development" never matches. The name must be one of the entry's English
    names (it resolves to the same key, so the node is the same).

    >>> member_names()["iimdd"]
    'International Institute for Monitoring Democracy Development, Parliamentarism and Suffrage Protection'

    :raises ValueError: a ``member_name`` does not resolve to its own entry.
    """
    out: dict[str, str] = {}
    for key, entry in _raw().items():
        name = entry.get("member_name")
        if name is None:
            continue
        org = resolve_organization(str(name))
        if org is None or org.key != key:
            raise ValueError(f"organizations-ru.json: {key!r}: member_name {name!r} is not one of its English names")
        out[key] = str(name)
    return out


def resolve_organization_key(key: str) -> Organization:
    """The catalogue entry of a key (``KeyError`` when there is none)."""
    for o in organizations():
        if o.key == key:
            return o
    raise KeyError(key)
