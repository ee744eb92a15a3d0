"""One article prepared for the extraction rules: sentences, PERSON spans and gazetteer mentions."""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from ..model import Evidence
from .dates import DateMention, NumberMention, find_dates, find_numbers
from .gazetteer import (
    CommissionMention,
    CountryMention,
    OrgMention,
    find_commissions,
    find_countries,
    find_legislatures,
    find_organizations,
)

__all__ = ["Context", "inside"]


@dataclass
class Context:
    """One article prepared for the rules: sentences, PERSON spans and every gazetteer mention."""

    text: str
    published: date | None
    sents: list[tuple[int, int]]
    persons: list[tuple[int, int]]
    orgs: list[OrgMention] = field(default_factory=list)
    countries: list[CountryMention] = field(default_factory=list)
    comms: list[CommissionMention] = field(default_factory=list)
    dates: list[DateMention] = field(default_factory=list)
    numbers: list[NumberMention] = field(default_factory=list)
    #: What the rules and extractor v2 both derive from the mentions (the elections, the dateline's
    #: country), found once per article: see :func:`.election.find_elections`.
    derived: dict[str, Any] = field(default_factory=dict, repr=False, compare=False)

    @classmethod
    def build(cls, text: str, published: date | None, sents: Sequence[tuple[int, int]],
              persons: Sequence[tuple[int, int]]) -> Context:
        ctx = cls(text, published, _split_paragraphs(text, sents), list(persons))
        orgs = find_organizations(text)
        orgs += [lg for lg in find_legislatures(text)
                 if not any(o.start < lg.end and lg.start < o.end for o in orgs)]
        ctx.orgs = _disambiguate(text, sorted(orgs, key=lambda o: o.start))
        ctx.comms = find_commissions(text)
        blocked = [(o.start, o.end) for o in ctx.orgs]
        ctx.countries = [c for c in find_countries(text) if not inside(c.start, blocked)]
        ctx.dates = find_dates(text, published=published)
        dspans = [(d.start, d.end) for d in ctx.dates]
        ctx.numbers = [n for n in find_numbers(text) if not inside(n.start, dspans)
                       and not inside(n.start, blocked)]
        return ctx

    def sent_of(self, pos: int) -> tuple[int, int]:
        for s, e in self.sents:
            if s <= pos < e:
                return s, e
        return 0, len(self.text)

    def ev(self, start: int, end: int) -> Evidence:
        s, e = self.sent_of(start)
        return Evidence(start, end, s, e)


def _disambiguate(text: str, orgs: list[OrgMention]) -> list[OrgMention]:
    """A bare "the Commonwealth" in an article about the CIS is the CIS, not the Commonwealth of Nations."""
    cis = next((o.org for o in orgs if o.org.key == "cis"), None)
    if cis is None:
        return orgs
    return [OrgMention(o.start, o.end, cis, cis.name) if o.org.key == "commonwealth"
            and text[o.start : o.end] == "Commonwealth" else o for o in orgs]


def inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


#: A paragraph break, or terminal punctuation followed by a capitalized word (a break the
#: statistical splitter missed).
_BREAK = re.compile(r"\n[ \t\r]*\n\s*|[.!?](?=\s+[\"“]?[A-Z])\s+")
_ABBREV = re.compile(r"(?:\b(?:Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|Mr|Mrs|Ms|Dr|St|No|Gen|Col|Lt|"
                     r"Prof|Rev|Gov|Sen|Rep|Jr|Sr|Inc|Ltd|Co|vs|Amb|Hon|Mt|Ft|approx)|\b[A-Z]|\.[A-Za-z])\.$")


def _split_paragraphs(text: str, sents: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentences end at terminal punctuation (a statistical splitter's break inside a name is
    undone) and never run across a blank line (datelines, headlines); whitespace is trimmed."""
    merged: list[tuple[int, int]] = []
    for s, e in sents:
        if merged:
            ps, pe = merged[-1]
            tail = text[ps:pe].rstrip()
            if tail and not re.search(r"[.!?:;][\"”’')\]]*$", tail) and "\n" not in text[pe - 1 : s + 1]:
                merged[-1] = (ps, e)
                continue
        merged.append((s, e))
    out = []
    for s, e in merged:
        cur = s
        for m in _BREAK.finditer(text, s, e):
            if m.group(0).count("\n") < 2 and _ABBREV.search(text, max(s, m.start() - 12), m.start() + 1):
                continue  # "Dec. 7", "Mr. Smith", "J. Smith"
            out.append((cur, m.start() + 1 if m.group(0)[0] in ".!?" else m.start()))
            cur = m.end()
        out.append((cur, e))
    trimmed = []
    for s, e in out:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            trimmed.append((s, e))
    return trimmed

