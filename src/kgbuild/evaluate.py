"""Score extracted facts against ``*.gold.json`` files, by the Scoring rules of FORMAT.md.

This is the library form of the corpus's reference scorer ``score.py`` (a test checks that both
give the same counts on the same predictions): every fact is one unit (a mission's existence, each
stated election field, start date, head, each member, the accrediting body, each observer count);
precision, recall and F1 are micro-averaged over all units and reported per slot.
"""

from __future__ import annotations

import json
import re
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from difflib import SequenceMatcher
from pathlib import Path
from typing import Any

__all__ = ["Score", "SlotScore", "same_name", "score"]

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


def _same_person(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False
    ta, tb = re.split(r"\s+", a.strip().lower()), re.split(r"\s+", b.strip().lower())
    return ta[-1] == tb[-1] or SequenceMatcher(None, a.lower(), b.lower()).ratio() >= 0.8


def _same_commission(a: str | None, b: str | None) -> bool:
    if not a or not b:
        return False

    def strip(x: str) -> str:
        return re.sub(r"\b(of|in)\b.*$", "", x.lower()).strip() or x.lower()

    return same_name(a, b) or same_name(strip(a), strip(b))


def _same_org(g: Mapping[str, Any], p: Mapping[str, Any]) -> bool:
    gq, pq = g.get("organizer_wikidata"), p.get("organizer_wikidata")
    if gq and pq and gq == pq:
        return True
    return same_name(g.get("organizer"), p.get("organizer"))


def _units(m: Mapping[str, Any]) -> list[tuple[str, Any]]:
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


def _match_units(gu: list[tuple[str, Any]], pu: list[tuple[str, Any]]) -> tuple[Counter[str], list[tuple[str, Any]], set[int]]:
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
                ok = _same_person(gv, pv)
            elif slot == "member_organization":
                ok = same_name(gv, pv)
            elif slot == "accredited_by":
                ok = _same_commission(gv, pv)
            else:
                ok = gv == pv
            if ok:
                used.add(i)
                tp[slot] += 1
                break
        else:
            missed.append((slot, gv))
    return tp, missed, used


@dataclass(frozen=True)
class SlotScore:
    slot: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class Score:
    """Per-slot and micro-averaged scores, with one line per missed, spurious or wrong fact."""

    slots: list[SlotScore]
    details: list[str] = field(default_factory=list)

    @property
    def micro(self) -> SlotScore:
        return SlotScore("micro", sum(s.tp for s in self.slots), sum(s.fp for s in self.slots), sum(s.fn for s in self.slots))

    def table(self) -> str:
        lines = [f"{'slot':22} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
        for s in self.slots:
            lines.append(f"{s.slot:22} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
        m = self.micro
        lines.append(f"micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f} (tp {m.tp}, fp {m.fp}, fn {m.fn})")
        return "\n".join(lines)

    def as_dict(self) -> dict[str, Any]:
        m = self.micro
        return {
            "micro": {"precision": m.precision, "recall": m.recall, "f1": m.f1, "tp": m.tp, "fp": m.fp, "fn": m.fn},
            "slots": {s.slot: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn} for s in self.slots},
            "details": self.details,
        }


def load_gold(gold_dir: str | Path) -> list[dict[str, Any]]:
    """Every ``*.gold.json`` under ``gold_dir``, sorted by file name."""
    return [json.loads(p.read_text(encoding="utf-8")) for p in sorted(Path(gold_dir).glob("*.gold.json"))]


def score(gold: Iterable[Mapping[str, Any]], predicted: Mapping[str, Any] | list[Any]) -> Score:
    """Compare predicted facts (the facts view's shape) with gold files' contents.

    >>> g = [{"article": "a.txt", "missions": [{"organizer": "CIS", "country": "AZ"}]}]
    >>> score(g, {"articles": [{"article": "a.txt", "missions": [{"organizer": "Commonwealth of Independent States", "country": "AZ"}]}]}).micro.f1
    1.0
    """
    arts = predicted["articles"] if isinstance(predicted, Mapping) else predicted
    by_name = {Path(a["article"]).name: a.get("missions") or [] for a in arts}
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    details: list[str] = []
    for doc in gold:
        name = doc["article"]
        gms = doc.get("missions") or []
        pms = list(by_name.get(name, []))
        if name not in by_name:
            details.append(f"{name}: no prediction for this article")
        free = list(range(len(pms)))
        for g in gms:
            gcountry = (g.get("country") or "").upper()
            hit = next((i for i in free if (pms[i].get("country") or "").upper() == gcountry and _same_org(g, pms[i])), None)
            gu = _units(g)
            if hit is None:
                for s, _ in gu:
                    fn[s] += 1
                details.append(f"{name}: missed mission {g.get('organizer')} -> {gcountry}")
                continue
            free.remove(hit)
            pu = _units(pms[hit])
            t, missed, used = _match_units(gu, pu)
            tp.update(t)
            for s, c in Counter(s for s, _ in gu).items():
                fn[s] += c - t[s]
            for s, c in Counter(s for s, _ in pu).items():
                fp[s] += c - t[s]
            for s, v in missed:
                details.append(f"{name}: {g.get('organizer')} -> {gcountry}: missed {s} = {v!r}")
            for i, (s, v) in enumerate(pu):
                if i not in used:
                    details.append(f"{name}: {g.get('organizer')} -> {gcountry}: spurious {s} = {v!r}")
        for i in free:
            p = pms[i]
            for s, _ in _units(p):
                fp[s] += 1
            details.append(f"{name}: spurious mission {p.get('organizer')} -> {p.get('country')}")
    slots = sorted(set(tp) | set(fp) | set(fn))
    return Score([SlotScore(s, tp[s], fp[s], fn[s]) for s in slots], details)
