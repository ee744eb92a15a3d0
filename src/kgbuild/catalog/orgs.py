"""Observer organizations: the packaged catalogue ``kgbuild/data/organizations.json`` and name lookup.

Each entry has a short key (``cis``, ``odihr``), a name, acronyms, aliases (older and other
names), a Wikidata id where one is known, and a kind (:data:`ORGANIZATION_KINDS`).

>>> resolve_organization("OSCE/ODIHR").name
'OSCE Office for Democratic Institutions and Human Rights'
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

from ._keys import name_key

__all__ = ["ORGANIZATION_KINDS", "Organization", "organizations", "resolve_organization"]

#: The kinds of catalogue entries: ``body`` is an organ of another entry (a secretariat), which
#: sends no missions of its own.
ORGANIZATION_KINDS = ("igo", "parliamentary_assembly", "ngo", "legislature", "body")


@dataclass(frozen=True)
class Organization:
    """One catalogue entry: an observer-sending body, an assembly, or an organ of one.

    ``country`` is set for national bodies (a legislature belongs to one state).
    """

    key: str
    name: str
    acronyms: tuple[str, ...]
    aliases: tuple[str, ...]
    wikidata: str | None
    kind: str
    country: str | None = None

    @property
    def short_name(self) -> str:
        """The name an organ's name starts with ("CIS" in "CIS Executive Committee"): the first
        acronym, else the name."""
        return self.acronyms[0] if self.acronyms else self.name

    @property
    def can_observe(self) -> bool:
        """Whether this body deploys missions of its own (organs such as secretariats do not)."""
        return self.kind != "body"


@cache
def organizations() -> list[Organization]:
    """The packaged catalogue of organizations (``kgbuild/data/organizations.json``), in file order.

    :raises ValueError: an entry has a kind not in :data:`ORGANIZATION_KINDS`.
    """
    raw = json.loads(files("kgbuild").joinpath("data/organizations.json").read_text("utf-8"))
    out = []
    for r in raw:
        if r["kind"] not in ORGANIZATION_KINDS:
            raise ValueError(f"organizations.json: {r['key']!r} has unknown kind {r['kind']!r}")
        out.append(Organization(key=r["key"], name=r["name"], acronyms=tuple(r.get("acronyms", ())),
                                aliases=tuple(r.get("aliases", ())), wikidata=r.get("wikidata"),
                                kind=r["kind"], country=r.get("country")))
    return out


def _org_key(s: str) -> str:
    s = name_key(s).replace("co-operation", "cooperation").replace("organis", "organiz")
    s = s.replace("inter-parliamentary", "interparliamentary").replace("anti-terrorist", "antiterrorist")
    s = s.replace("turkic-speaking", "turkic speaking")
    return re.sub(r"[\s/-]+", " ", s)


@cache
def _org_index() -> tuple[dict[str, Organization], dict[str, Organization]]:
    longs: dict[str, Organization] = {}
    acrs: dict[str, Organization] = {}
    for o in organizations():
        for a in o.acronyms:
            acrs[a] = o
        for n in (o.name, *o.aliases):
            longs.setdefault(_org_key(n), o)
    return longs, acrs


def resolve_organization(name: str) -> Organization | None:
    """The catalogue entry named by an acronym (exact case) or a long form (spelling-tolerant), or None.

    >>> resolve_organization("Interparliamentary Assembly of the CIS").key
    'ipa-cis'
    >>> resolve_organization("Shanghai Co-operation Organization").wikidata
    'Q485207'
    """
    if not name:
        return None
    longs, acrs = _org_index()
    s = name.strip()
    if s in acrs:
        return acrs[s]
    s = re.sub(r"^the\s+", "", s, flags=re.I)
    if s in acrs:
        return acrs[s]
    return longs.get(_org_key(s))
