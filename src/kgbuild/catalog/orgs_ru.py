"""The Russian names and abbreviations of catalogue organizations (``kgbuild/data/organizations-ru.json``).

They belong to the same entries as the English names (the same key, node and Wikidata id), so a
mission reported in Russian and one reported in English resolve to one organization.

>>> names, acronyms = russian_names()["ipa-cis"]
>>> "МПА СНГ" in acronyms, resolve_organization_key("cis").wikidata
(True, 'Q7779')
"""

from __future__ import annotations

import json
from functools import cache
from importlib.resources import files

from .orgs import Organization, organizations

__all__ = ["resolve_organization_key", "russian_names"]


@cache
def russian_names() -> dict[str, tuple[tuple[str, ...], tuple[str, ...]]]:
    """Catalogue key -> (Russian names, Russian abbreviations).

    :raises ValueError: an entry names a key the English catalogue does not have.
    """
    raw = json.loads(files("kgbuild").joinpath("data/organizations-ru.json").read_text("utf-8"))
    keys = {o.key for o in organizations()}
    out = {}
    for key, entry in raw.items():
        if key not in keys:
            raise ValueError(f"organizations-ru.json: {key!r} is no key of organizations.json")
        out[key] = (tuple(entry.get("names", ())), tuple(entry.get("acronyms", ())))
    return out


def resolve_organization_key(key: str) -> Organization:
    """The catalogue entry of a key (``KeyError`` when there is none)."""
    for o in organizations():
        if o.key == key:
            return o
    raise KeyError(key)
