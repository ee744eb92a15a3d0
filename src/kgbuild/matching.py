"""The scoring rules of ``FORMAT.md``: when two names denote the same thing, and a mission's units.

Both the evaluation (:mod:`kgbuild.evaluate`, which must agree with the corpus's reference scorer
``score.py``) and the extractor's training (labels are "the gold value, as the scorer compares
it") use these rules, so they live below both.

>>> same_name("OSCE/ODIHR", "Office for Democratic Institutions and Human Rights")
True
>>> same_person("Ilkhom Nematov", "Nematov")
True
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Any

__all__ = ["match_units", "same_commission", "same_name", "same_org", "same_person", "units"]

_ALIASES = [
    (r"commonwealth of independent states", "cis"),
    (r"\bsng\b", "cis"),
    (r"inter-?parliamentary assembly", "ipa"),
    (r"\binterparliamentary\b", "ipa"),
    (r"organi[sz]ation for security and co-?operation in europe", "osce"),
    (r"office for democratic institutions and human rights", "odihr"),
    (r"parliamentary assembly of the council of europe", "pace"),
    (r"shanghai co-?operation organi[sz]ation", "sco"),
    (r"european union", "eu"),
    (r"african union", "au"),
    (r"organi[sz]ation of american states", "oas"),
    (r"southern african development community", "sadc"),
    (r"economic community of west african states", "ecowas"),
    (r"collective security treaty organi[sz]ation", "csto"),
    (r"organi[sz]ation of (the )?islamic (cooperation|conference)", "oic"),
    (
        r"co-?operation council of (the )?turkic[- ]speaking states|turkic council|organi[sz]ation of turkic states",
        "ccts",
    ),
    (r"association of world election bodies", "aweb"),
    (r"european parliament", "ep"),
    (r"european network of election monitoring organi[sz]ations", "enemo"),
    (r"parliamentary assembly", "pa"),
    (r"executive committee", "ec"),
    (r"central election commission", "cec"),
    (r"central electoral commission", "cec"),
    (r"election observation mission", "eom"),
    (r"belarus-russia|russia-belarus|belarus and russia|russia and belarus|byelorussia-russia", "belarus russia"),
]
_GENERIC = {
    "osce", "cis", "eu", "un", "coe", "international", "organization", "organisation", "delegation",
    "mission", "observation", "observer", "observers", "eom", "team", "election", "electoral", "body",
}  # fmt: skip
_STOP = {"the", "of", "and", "in", "for", "to", "member", "states", "nations", "countries", "a", "republic", "s"}


@lru_cache(maxsize=16384)  # a pure function of the name (frozensets are immutable); features ask it again per candidate
def _canon(name: str | None) -> frozenset[str]:
    if not name:
        return frozenset()
    s = name.lower().replace("’", "'").replace("'s", "")
    for pat, rep in _ALIASES:
        s = re.sub(pat, rep, s)
    return frozenset(t for t in re.split(r"[^a-z0-9]+", s) if t and t not in _STOP)


def same_name(a: str | None, b: str | None) -> bool:
    """Whether two organization names denote the same body (after expanding common acronyms).

    >>> same_name("OSCE/ODIHR", "Office for Democratic Institutions and Human Rights")
    True
    """
    ca, cb = _canon(a), _canon(b)
    if not ca or not cb:
        return False
    if ca == cb:
        return True
    small, big = (ca, cb) if len(ca) <= len(cb) else (cb, ca)
    if small <= big and (big - small) <= _GENERIC:
        return True
    jac = len(ca & cb) / len(ca | cb)
    return jac >= 0.6 or SequenceMatcher(None, " ".join(sorted(ca)), " ".join(sorted(cb))).ratio() >= 0.85


def same_person(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ta, tb = re.split(r"\s+", a.strip().lower()), re.split(r"\s+", b.strip().lower())
    return ta[-1] == tb[-1] or SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8


def same_commission(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False

    def strip(x: str) -> str:
        return re.sub(r"\b(of|in)\b.*$", "", x.lower()).strip() or x.lower()

    return same_name(a, b) or same_name(strip(a), strip(b))


def same_org(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gq, pq = g.get("organizer_wikidata"), p.get("organizer_wikidata")
    if gq and pq and gq == pq:
        return True
    return same_name(g.get("organizer"), p.get("organizer"))


def units(m: Mapping[str, Any]) -> list[tuple[str, Any]]:
    out: list[tuple[str, Any]] = [("mission", None)]
    if m.get("organizer_wikidata"):
        out.append(("organizer_wikidata", m["organizer_wikidata"]))
    el = m.get("election") or {}
    for k in ("type", "date"):
        if el.get(k):
            out.append(("election." + k, str(el[k]).lower()))
    if el.get("early") is True:
        out.append(("election.early", True))
    if m.get("start_date"):
        out.append(("start_date", m["start_date"]))
    if m.get("head"):
        out.append(("head", m["head"]))
    for c in sorted({x.upper() for x in (m.get("member_countries") or [])}):
        out.append(("member_country", c))
    for o in m.get("member_organizations") or []:
        out.append(("member_organization", o))
    if m.get("accredited_by"):
        out.append(("accredited_by", m["accredited_by"]))
    obs = m.get("observers") or {}
    for k in ("total", "long_term", "short_term"):
        if obs.get(k) is not None:
            out.append(("observers." + k, int(obs[k])))
    return out


def match_units(gu: list[tuple[str, Any]], pu: list[tuple[str, Any]]) -> tuple[Counter[str], list[tuple[str, Any]], set[int]]:
    tp: Counter[str] = Counter()
    used: set[int] = set()
    missed: list[tuple[str, Any]] = []
    for slot, gv in gu:
        for i, (ps, pv) in enumerate(pu):
            if i in used or ps != slot:
                continue
            if slot == "mission":
                ok = True
            elif slot == "head":
                ok = same_person(gv, pv)
            elif slot == "member_organization":
                ok = same_name(gv, pv)
            elif slot == "accredited_by":
                ok = same_commission(gv, pv)
            else:
                ok = gv == pv
            if ok:
                used.add(i)
                tp[slot] += 1
                break
        else:
            missed.append((slot, gv))
    return tp, missed, used
