"""Organizations and their Wikidata items: the catalogue's ids, checked against public lists.

The organizations themselves are the catalogue's (:func:`kgbuild.catalog.organizations`).
:data:`VERIFIED` records, per catalogue key, the Wikidata item found for the organization in
public lists (searched for with the project's search tool) and those lists. An id counts as
verified when at least one curated list names the organization next to it and no public text
found gives the id to something else; most have two or more lists (``len(sources) >= 2``).

>>> VERIFIED["osce"].wikidata
'Q81299'
>>> ("Organization for Security and Co-operation in Europe", "Q81299") in organization_links()
True
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from ..catalog import organizations

__all__ = [
    "SOURCES",
    "VERIFIED",
    "CatalogueEntry",
    "Verification",
    "catalogue",
    "organization_links",
    "verification_report",
]


@dataclass(frozen=True, slots=True)
class Verification:
    """A Wikidata item found for an organization, and the public lists that give it."""

    wikidata: str
    name: str
    sources: tuple[str, ...]

    @property
    def confirmed(self) -> bool:
        """True when two or more independent lists give the same item."""
        return len(self.sources) >= 2


#: The public lists behind :data:`VERIFIED` (short key -> where it is).
SOURCES: dict[str, str] = {
    "supraverden": "confirmordeny/supraverden dist/ALL_BODIES.md (commit 002270867a68), 617 international "
    "bodies with Wikidata codes and founding treaties",
    "intlorg": "an OpenSanctions-style IntlOrg registry of international bodies keyed by Wikidata id "
    "(search-tool file id 57946607384)",
    "emblems": "an alliance-emblem fetcher's ORGS map 'key: Wikidata item' (search-tool file id 70433432764)",
    "igo-groups": "an IGO name -> QID map 'verified against a curated major-orgs list' (search-tool file id 57067037686)",
    "orgs-csv": "a CSV of organizations with QIDs and multilingual names (search-tool file id 24378885700)",
    "spocwiki": "SpocWiki/_Standards Council_of_Europe.md (cited in examples/SOURCES.md)",
    "everypolitician": "everypolitician/everypolitician-data data/Russia/Duma/meta.json (cited in examples/SOURCES.md)",
    "conzept": "waldenn/conzept app/explore2/src/data/countries.js (per-country parliament and chamber items)",
    "bundestag-notes": "two entity-linking notes that name Q154797 'modern German Bundestag' / 'German Bundestag' "
    "(search-tool file ids 55190370164, 52499504123)",
}


def _v(wikidata: str, name: str, *sources: str) -> Verification:
    return Verification(wikidata, name, tuple(sources))


#: Catalogue key -> verified Wikidata item.
VERIFIED: dict[str, Verification] = {
    "cis": _v("Q7779", "Commonwealth of Independent States", "supraverden", "emblems"),
    "osce": _v("Q81299", "Organization for Security and Co-operation in Europe", "supraverden", "intlorg"),
    "pace": _v("Q939743", "Parliamentary Assembly of the Council of Europe", "intlorg", "spocwiki"),
    "coe": _v("Q8908", "Council of Europe", "supraverden", "intlorg"),
    "ep": _v("Q8889", "European Parliament", "supraverden", "intlorg"),
    "eu": _v("Q458", "European Union", "supraverden", "intlorg", "emblems", "igo-groups"),
    "sco": _v("Q485207", "Shanghai Cooperation Organisation", "supraverden", "igo-groups"),
    "oic": _v("Q47543", "Organisation of Islamic Cooperation", "supraverden", "intlorg", "emblems"),
    "guam": _v("Q326816", "GUAM Organization for Democracy and Economic Development", "supraverden"),
    "au": _v("Q7159", "African Union", "supraverden", "intlorg", "emblems", "igo-groups"),
    "sadc": _v("Q816706", "Southern African Development Community", "supraverden"),
    "ecowas": _v("Q193272", "Economic Community of West African States", "supraverden", "intlorg"),
    "eccas": _v("Q189966", "Economic Community of Central African States", "supraverden"),
    "igad": _v("Q499039", "Intergovernmental Authority on Development", "supraverden"),
    "eac": _v("Q337456", "East African Community", "supraverden", "intlorg"),
    "comesa": _v("Q1165797", "Common Market for Eastern and Southern Africa", "supraverden"),
    "oas": _v("Q123759", "Organization of American States", "supraverden", "intlorg", "igo-groups"),
    "unasur": _v("Q4230", "Union of South American Nations", "supraverden", "intlorg"),
    "parlasur": _v("Q2723083", "Mercosur Parliament", "supraverden"),
    "arab-league": _v("Q7172", "Arab League", "supraverden", "intlorg", "emblems", "igo-groups"),
    "csto": _v("Q318693", "Collective Security Treaty Organization", "supraverden", "emblems", "igo-groups"),
    "ots": _v("Q596850", "Organization of Turkic States", "supraverden", "emblems"),
    "turkpa": _v("Q4345435", "Parliamentary Assembly of Turkic States", "supraverden"),
    "eaeu": _v("Q4173083", "Eurasian Economic Union", "supraverden", "orgs-csv"),
    "un": _v("Q1065", "United Nations", "supraverden", "intlorg", "emblems", "igo-groups"),
    "state-duma": _v("Q715641", "State Duma", "everypolitician", "conzept"),
    "bundestag": _v("Q154797", "Bundestag", "conzept", "bundestag-notes"),
}

#: Candidates seen in one list only and left out on purpose (key -> why).
NOT_APPLIED: dict[str, str] = {
    "jogorku-kenesh": "everypolitician gives Q578193 for Kyrgyzstan's Supreme Council, but four other public "
    "files give Q578193 to the Primavera Sound festival",
    "milli-majlis": "Q330600 in everypolitician data/Azerbaijan/National_Assembly/meta.json only",
    "verkhovna-rada": "Q176296 in everypolitician data/Ukraine/Verkhovna_Rada/meta.json only",
}


@dataclass(frozen=True, slots=True)
class CatalogueEntry:
    """The fields of a catalogue organization that linking needs."""

    key: str
    name: str
    wikidata: str | None
    kind: str = ""


def catalogue() -> list[CatalogueEntry]:
    """Every organization of the catalogue (:func:`kgbuild.catalog.organizations`), as linking sees it."""
    return [CatalogueEntry(key=o.key, name=o.name, wikidata=o.wikidata.strip() if o.wikidata else None, kind=o.kind)
            for o in organizations()]


def organization_links(
    *, verified_only: bool = True, entries: Iterable[CatalogueEntry] | None = None
) -> list[tuple[str, str | None]]:
    """``(name, wikidata id or None)`` for every catalogue organization, for :func:`~.graph.link_quads`.

    With ``verified_only`` (the default) an organization gets its :data:`VERIFIED` item, whether
    or not the catalogue already carries it, and ``None`` when it has none or when the catalogue
    gives a different id (a disagreement is never linked). Without it, the catalogue's own id is
    used, falling back to the verified one.
    """
    out: list[tuple[str, str | None]] = []
    for entry in catalogue() if entries is None else entries:
        verified = VERIFIED.get(entry.key)
        if verified_only:
            agrees = entry.wikidata is None or verified is None or entry.wikidata == verified.wikidata
            out.append((entry.name, verified.wikidata if verified is not None and agrees else None))
        else:
            out.append((entry.name, entry.wikidata or (verified.wikidata if verified else None)))
    return out


@dataclass(frozen=True, slots=True)
class OrganizationStatus:
    """One catalogue organization's Wikidata status."""

    key: str
    name: str
    catalogue_id: str | None
    verified_id: str | None
    sources: tuple[str, ...]
    status: str  # "verified", "confirmed", "missing-in-catalogue", "conflict", "unverified", "none"


def verification_report(entries: Iterable[CatalogueEntry] | None = None) -> list[OrganizationStatus]:
    """The status of every catalogue organization's Wikidata id.

    ``confirmed``: catalogue id equals a verified id with two or more sources; ``verified``: with
    one source; ``missing-in-catalogue``: verified but the catalogue has no id yet; ``conflict``:
    the catalogue's id differs from the verified one; ``unverified``: the catalogue has an id no
    list confirmed; ``none``: no id anywhere.
    """
    report = []
    for entry in catalogue() if entries is None else entries:
        verified = VERIFIED.get(entry.key)
        if verified is None:
            status = "unverified" if entry.wikidata else "none"
        elif entry.wikidata is None:
            status = "missing-in-catalogue"
        elif entry.wikidata != verified.wikidata:
            status = "conflict"
        else:
            status = "confirmed" if verified.confirmed else "verified"
        report.append(
            OrganizationStatus(
                key=entry.key,
                name=entry.name,
                catalogue_id=entry.wikidata,
                verified_id=verified.wikidata if verified else None,
                sources=verified.sources if verified else (),
                status=status,
            )
        )
    return report
