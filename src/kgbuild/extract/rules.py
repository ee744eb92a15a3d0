"""From sentences and mentions to missions: the extraction rules, in plain Python.

The spaCy pipeline (:mod:`kgbuild.extract.components`) supplies sentence boundaries and PERSON
entities; everything else (organizations, countries, commissions, dates, numbers) comes from
:mod:`~kgbuild.extract.gazetteer` and :mod:`~kgbuild.extract.dates`. :func:`extract_missions`
applies the rules in passes:

1. the observed election (type, date, early) and its country (:mod:`.election`);
2. which organizations deploy a mission (:mod:`.triggers`: "observers from X", "X observation
   mission", "X opened ..."; not invitations, refusals or members);
3. here, sentence by sentence: which mission a sentence speaks about (a name, or "the mission",
   "it" referring back), and the facts it states: head, members, counts, start, accreditation.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from ..catalog import country_from_name, country_name
from ..model import Mission, Value
from .context import Context, inside
from .dates import DateMention, NumberMention, parse_number
from .election import PERSON_TITLE, Election, find_elections, host_country, sentence_tense
from .gazetteer import CommissionMention, CountryMention, OrgMention, find_organizations
from .triggers import ANAPHOR, find_triggers, list_gap, member_segments, negative_sentence

__all__ = ["Context", "extract_missions"]

_COUNT_NOUN = re.compile(
    r"\s+(?:of\s+(?:its|their)\s+)?(?P<mods>(?:(?:more|international|foreign|accredited|other|experienced|eminent|prominent|senior|"
    r"independent|technical|legal|electoral|election|political|[A-Z][\w/-]*|"
    r"[a-z]+-[a-z]+|staff|core)\s+){0,4})"
    r"(?:observers|monitors|[Mm]embers|people|persons|officials|parliamentarians|MPs|MEPs|deputies|senators|"
    r"lawmakers|representatives|delegates|experts|specialists|analysts|diplomats|observer\b(?!\s+missions?))")
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
    "external", "relations", "international", "cooperation", "co-operation", "interior", "justice", "defence",
    "defense", "finance", "home", "state", "political", "regional", "integration", "cabinet",
}
#: Lowercase words that may stand between "headed by" and the name ("headed by former Dutch MP X").
_TITLE_LOWER = _TITLES | {
    "leftist", "rightist", "veteran", "politician", "lawmaker", "diplomat", "retired", "opposition",
    "conservative", "liberal", "socialist", "parliamentarian", "justice", "affairs", "centrist", "green",
    "communist", "labour", "democrat", "republican", "career", "senior", "deputy", "mep", "mp", "mps",
    "ex-minister", "ex-president", "ex-prime", "activist", "lawyer", "jurist", "ambassador", "its", "their",
    "attorney", "attorney-general", "governor", "mayor", "magistrate", "academic", "economist", "journalist",
    "bishop", "archbishop", "scholar", "businessman", "businesswoman", "statesman", "stateswoman", "elder",
}
_NAME_TOKEN = r"[A-ZÀ-ÖØ-Þ][\w'’.-]*"
#: Lowercase particles inside a name ("Viola von Cramon", "Maria da Silva").
_PARTICLES = r"(?:(?:von|van|de|da|del|della|der|den|du|di|dos|das|le|la|bin|ibn)[ \t]+)*"

_MISSION_PHRASE = r"(?:the\s+)?(?:[\w/’'()-]+\s+){0,6}?(?i:mission|delegation|team|observer\s+group|EOM)\b"
_HEAD_AFTER = re.compile(  # "headed by X", "head of the mission, X", "Its head, X"
    r"\b(?:headed|led|chaired|coordinated)\s+by\s+|\b[Uu]nder\s+the\s+(?:leadership|chairmanship|direction)\s+of\s+|"
    r"\b(?:mission|delegation|team|group|EOM),\s+under\s+(?=(?:the\s+)?(?:former\s+|ex-)?[A-Z])|"
    r"\b(?:[Hh]ead|[Ll]eader|[Cc]hief|[Cc]oordinator)\s+of\s+" + _MISSION_PHRASE +
    r"(?:\s+(?:to|in|for)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?(?=,))?"  # "... Mission to Angola, X"
    r"(?:\s+(?:is|was|will\s+be|has\s+been)\s+|,?\s+)|"
    r"(?:\b[Ii]ts|\b[Tt]heir|(?:mission|delegation|team|group)['’]s)\s+(?:head|leader|chief|coordinator|[Cc]hief\s+[Oo]bserver),?\s+"
    r"(?:(?:is|was|will\s+be)\s+)?|"
    r"\b[Hh]ead\s+of\s+(?:the\s+)?[Mm]ission,?\s+|\b[Cc]hief\s+[Oo]bserver,?\s+|"
    r"\b[Hh]eading\s+" + _MISSION_PHRASE + r"\s+(?:is|was|will\s+be)\s+|"
    r"\b(?:[Mm]ission|[Dd]elegation|[Tt]eam)\s+(?:head|leader|chief),?\s+")
_HEAD_BEFORE = re.compile(  # "X, head of the ODIHR mission", "X is the head of the mission", ...
    r"(?:,[^.;]{0,90},|\s+(?:of|from)\s+(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?|\s*\([^)]{1,40}\))?\s*(?:"
    r"\s+(?:has\s+been|had\s+been|was|is|will\s+be)\s+(?:appointed|named|chosen|designated|nominated|selected)\s+"
    r"(?:as\s+(?:the\s+)?(?:head|leader|chief)\s+of\s+|to\s+(?:lead|head)\s+)" + _MISSION_PHRASE + r"|"
    r",\s+(?:the\s+)?(?:head|leader|chief|coordinator)\s+of\s+" + _MISSION_PHRASE + r"|"
    r"\s+(?:is|was|will\s+be|has\s+been|had\s+been)\s+(?:appointed\s+|named\s+)?(?:as\s+)?(?:the\s+)?"
    r"(?:head|leader|chief|coordinator)\s+of\s+" + _MISSION_PHRASE + r"|"
    r"\s+(?:has\s+taken\s+on|took\s+on|takes\s+on|assumed|will\s+assume|has\s+assumed)\s+the\s+role\s+of\s+"
    r"(?:the\s+)?(?:(?:team|mission|delegation|group)['’]s\s+)?(?:head|leader|chief|coordinator)|"
    r",?\s+(?:who\s+)?(?:heads|leads|will\s+head|will\s+lead|headed|led|is\s+heading|is\s+leading)\s+" + _MISSION_PHRASE + r")")

_START_OPEN = re.compile(
    r"\b(?:began|begun|begins|begin|started|starts|commenced|commences|launched|launches|opened|opens|"
    r"set\s+up|sets\s+up|established|establishes|inaugurated|took\s+up|takes\s+up)\b"
    r"(?:\s+(?:its|their)\s+(?:work|activities|activity|operations|monitoring|observation))?", re.I)
_START_ARRIVE = re.compile(r"\b(?:arrive|arrives|arrived|arriving|arrival|be\s+in|will\s+be\s+in|be\s+deployed|"
                           r"been\s+present|been\s+in|been\s+deployed|been\s+working|been\s+on\s+the\s+ground|"
                           r"was\s+deployed|were\s+deployed|deployed|stay|be\s+based|be\s+present|expected(?=\s+in\s+[A-Z]))\b", re.I)
_START_WORK = re.compile(r"\b(?:monitor(?:ed|ing|s)?|observ(?:ed|ing|es)|work(?:ed|ing)?|operat(?:ed|ing|es))\b", re.I)
_GLUE_OPEN = re.compile(r"^\s*(?:(?:an?|the|limited|full|full-scale|expert|deploying|deployment|observers|teams|work|working|operations|operating|officially|formally|in|its|their|headquarters|"
                        r"office|offices|doors|monitoring|observation|observing|activities|activity|mission|core|team|"
                        r"base|election|observer|electoral)\s+|"
                        r"in\s+[A-Z][\w-]+\s+)*"
                        r"(?:on|from|as\s+of|since)?\s*$")
#: A presence that has lasted since a date: "has had 12 observers in the country since", "present since".
_START_SINCE = re.compile(r"\b(?:(?:has|have|had)\s+(?:had|been|maintained|kept)|present|presence|on\s+the\s+ground)\b[^.;]{0,70}?\bsince\s+$", re.I)
_GLUE_ARRIVE = re.compile(r"^\s*(?:(?:in|the|country|capital|its|their|mission|team|teams|delegation|observers|monitors|full)\s+|[A-Z][\w-]+\s+)*(?:on|from|as\s+of|since|by)?\s*$")

_ACCRED_ACTIVE = re.compile(r"\s*(?:\([^)]*\)\s*)?(?:(?:said|says|announced|reported|confirmed)\s+"
                            r"(?:(?:on|in|late|early|this|last)\s+\w+\s+)?(?:that\s+)?it\s+)?"
                            r"(?:(?:has|have|had|already|also|so\s+far|now|today)\s+)*"
                            r"(?:accredit(?:ed|s)|registered|registers|(?:granted|grants|gave|gives|issued|issues)\s+"
                            r"(?:\w+\s+)?accreditation)\b")
_ACCRED_PASSIVE = re.compile(r"\b(?:accredit(?:ed|ation)|registered|registration)\s+(?:\w+\s+){0,3}?(?:by|from|with)\s+(?:the\s+)?$")



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
          member_spans: list[tuple[int, int]], *, pronouns: bool = True) -> list[_Ref]:
    """The missions a sentence names, and its references back to ``focus`` ("the mission";
    "it"/"they" only when ``pronouns``, i.e. the previous sentence was about the mission)."""
    out = []
    for o in ctx.orgs:
        if s <= o.start < e and o.org.key in missions and not o.organ:
            if inside(o.start, member_spans) and re.match(r"\s+member\s+(?:states|countries|nations)", ctx.text[o.end:]):
                continue
            out.append(_Ref(o.start, o.end, o.org.key, True))
    named = list(out)
    for m in ANAPHOR.finditer(ctx.text, s, e):
        if any(r.pos <= m.start() < r.end + 25 for r in named):
            continue
        if focus and any(m.start() <= c.start < m.end() and c.code not in missions[focus].member_countries
                         for c in ctx.countries):
            continue  # "the Canadian mission": another country's mission, not the one in focus
        if any(m.start() < o.start < m.end() for o in ctx.orgs):
            continue  # "the United Nations Assistance Mission": another body's mission
        # "The CIS mission ... numbers 250 observers, among them 30 ...": a pronoun after a mission
        # named earlier in the same sentence refers to that one, else to the article's focus
        before = [r for r in named if r.end <= m.start()]
        if before:  # "the EU mission, present since May, will bring the mission to 300": the one just named
            out.append(_Ref(m.start(), m.end(), before[-1].key, False))
        elif focus and (pronouns or m.group(0) not in ("It", "Its", "They", "Their", "them")):
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
    # a PERSON span that swallowed the title before ``lo`` ("Observer Jane Doe") is cut at ``lo``
    ents = [(max(a, lo), b) for a, b in ctx.persons if lo <= a < hi or (a < lo < b and lo - a <= 25)]
    cands = []
    for a, b in ents:
        m = re.match(rf"(?:[ \t]+{_PARTICLES}{_NAME_TOKEN})+", text[b:hi])
        if m and not re.search(r"[.,]$", text[a:b]):
            b += m.end()
        a = _extend_left(text, lo, a)
        c = _strip_titles(text, a, b)
        if c and (len(text[c[0] : c[1]].split()) >= 2 or c[0] == a):  # "Lebedev said": a surname alone
            cands.append(c)
    # a run of capitalized words the NER did not call a PERSON, before any PERSON it found
    first = min((c[0] for c in cands), default=hi)
    for m in re.finditer(rf"{_NAME_TOKEN}(?:[ \t]+{_PARTICLES}{_NAME_TOKEN})+", text[lo:first]):
        c = _strip_titles(text, lo + m.start(), lo + m.end())
        if c and len(text[c[0] : c[1]].split()) >= 2 and not _is_title(text[c[0] : c[1]].split()[0]) \
                and not any(a <= c[0] < b for a, b in cands) and not _INSTITUTION.search(text[c[0] : c[1]]):
            cands.append(c)
    cands.sort()
    cands = [c for c in cands if c and not find_organizations(text[c[0] : c[1]])
             and country_from_name(text[c[0] : c[1]]) is None
             and not re.match(r"['’]s?\b", text[c[1] : c[1] + 2]) and not re.search(r"['’]s$", text[c[0] : c[1]])]
    # "X's deputy, Y": a possessor is not the person named
    if not cands:
        return None
    return cands[-1] if last else cands[0]


#: Words that end the name of a body, not of a person ("Supreme Electoral Tribunal").
_INSTITUTION = re.compile(r"\b(?:Tribunal|Commission|Committee|Court|Council|Assembly|Parliament|Ministry|Party|"
                          r"University|Institute|Board|Office|Agency|Union|Movement|Front|Forum|Network|Center|Centre|"
                          r"Foundation|Bank|Fund|Republic|Kingdom|Mission|Group|Secretariat|Jury|Authority|Congress|"
                          r"Senate|Chamber|Government|Elections?|Electoral)\b")


def _extend_left(text: str, lo: int, a: int) -> int:
    """Extend a name leftwards over capitalized words the NER left out ("Alvarado" in "Alvarado
    Quesada Perez"), stopping at titles and country names."""
    while True:
        m = re.search(rf"({_NAME_TOKEN})[ \t]+$", text[lo:a])
        if not m:
            return a
        w = m.group(1)
        prev = re.search(rf"({_NAME_TOKEN})[ \t]+$", text[lo : lo + m.start(1)])
        if _is_title(w) or w.endswith((",", ".")) or (prev and country_from_name(f"{prev.group(1)} {w}")):
            return a
        a = lo + m.start(1)


def _title_words(between: str) -> bool:
    """Whether the words between a head trigger and a name are a title ("former Costa Rican president"),
    also one set off by a comma ("the deputy speaker of the Senate, X")."""
    between = re.sub(r"(?<=\w),\s*$", " ", between)
    if re.search(r"[,;:.]\s", between + " ") and between.strip():
        return False
    for w in re.findall(r"[^\s]+", between):
        parts = w.lower().strip(".").split("-")  # "ex-minister", "vice-president"
        if w[:1].isupper() or w.lower().strip(".") in _TITLE_LOWER or w.endswith("-born") or w in ("-", "–", "—", "&") \
                or (len(parts) > 1 and all(p in _TITLE_LOWER or p in ("ex", "vice", "minister") for p in parts)):
            continue
        return False
    return True


def _is_title(word: str) -> bool:
    w = word.strip(".,")
    return (w.lower() in _TITLES or w.isupper() or w.endswith("-born") or w.lower().startswith("vice-")
            or bool(find_organizations(w)) or country_from_name(w) is not None)


def _strip_titles(text: str, a: int, b: int) -> tuple[int, int] | None:
    words = list(re.finditer(r"\S+", text[a:b]))
    i = 0
    while i < len(words) - 1:
        if _is_title(words[i].group(0)):
            i += 1
            continue
        for k in (3, 2):  # "President of Costa Rica Luis Solis": a country of two or three words
            if i + k < len(words) and country_from_name(" ".join(w.group(0) for w in words[i : i + k])):
                i += k
                break
        else:
            break
    j = len(words)
    while j > i + 1 and words[j - 1].group(0).lower().strip(".,") in _TITLES:
        j -= 1
    s, e = a + words[i].start(), a + words[j - 1].end()
    while e > s and text[e - 1] in ".,;:’'":
        e -= 1
    return (s, e) if e > s else None


class _Builder:
    def __init__(self, ctx: Context, host: str, elections: list[Election]) -> None:
        self.ctx, self.host, self.elections = ctx, host, elections
        self.missions: dict[str, Mission] = {}
        self.start_rank: dict[str, int] = {}
        self.head_span: dict[str, tuple[int, int]] = {}

    def cite(self, key: str, slot: str, value: Value, start: int, end: int) -> None:
        self.missions[key].cite(slot, value, self.ctx.ev(start, end))

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
        m.start_date = _near_election(d.resolved(self.ctx.published, future=future), d, m.election_date)
        self.start_rank[key] = rank
        self.cite(key, "start_date", m.start_date, d.start, d.end)

    def set_head(self, key: str, span: tuple[int, int]) -> None:
        m = self.missions[key]
        if m.head is not None:
            return
        m.head = re.sub(r"\s+", " ", self.ctx.text[span[0] : span[1]])
        self.head_span[key] = span
        self.cite(key, "head", m.head, *span)


def _near_election(start: date, d: DateMention, election: date | None) -> date:
    """A start date given without a year lies in the months before the election, not a year off
    ("began work on 2 August" for a 13 August vote, in an article dated February)."""
    if election is None or d.explicit_year or d.kind != "date":
        return start
    for shift in (-1, 1):
        if (start - election).days * shift > (300 if shift < 0 else 60):
            try:
                moved = start.replace(year=start.year - shift)
            except ValueError:  # 29 February
                return start
            if -300 <= (moved - election).days <= 60:
                return moved
    return start


def extract_missions(ctx: Context) -> list[Mission]:
    """Every observation mission the article reports, with evidence for each value."""
    text = ctx.text
    segs, member_spans = member_segments(ctx)
    strong_spans = [(a, b) for a, b, strong in segs if strong]
    elections = find_elections(ctx)
    host_m = host_country(ctx, elections, member_spans)
    triggers = find_triggers(ctx, strong_spans)
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
    pronouns = False
    accred_generic: CommissionMention | None = None
    accred_all: list[CommissionMention] = []
    for s, e in ctx.sents:
        sent = text[s:e]
        refs = _refs(ctx, s, e, b.missions, focus, member_spans, pronouns=pronouns)
        negative = negative_sentence(ctx, s, e)
        _counts(b, s, e, refs or _total_after_mission(b, s, e, focus, pronouns), focus)
        _heads(b, s, e, refs)
        _starts(b, s, e, refs)
        if not negative:  # "the CEC invited observers from A and B" lists no mission's members
            _members(b, s, e, refs, segs)
        if accred_generic is not None and _LISTING.match(sent):
            # "The CEC has accredited 45 observers. Among them are 7 of the CIS and 12 of ODIHR."
            for key in dict.fromkeys(r.key for r in refs if r.explicit):
                _set_accreditor(b, key, accred_generic)
        accred_generic = _accreditation(b, s, e, refs)
        if accred_generic is not None and _ALL_MISSIONS.search(sent):  # "The IEBC accredited both missions."
            accred_all.append(accred_generic)
        elif accred_generic is not None and focus and _ALL_MEMBERS.search(sent):
            _set_accreditor(b, focus, accred_generic)
        explicit = [r for r in refs if r.explicit]
        if explicit:
            focus = explicit[0].key
        pronouns = _about_mission(b, s, e, refs)
    for c in accred_all:
        for key in b.missions:
            _set_accreditor(b, key, c)
    _head_countries(b)
    return list(b.missions.values())


_TOTAL_OPENING = re.compile(r"\s*(?:A\s+total\s+of|In\s+(?:all|total),?|Altogether,?|Overall,?)\s+"
                            r"(?:(?:some|about|around|nearly|over|more\s+than)\s+)?\S+\s+(?:[\w-]+\s+){0,2}?"
                            r"(?:observers|monitors)\b")


def _total_after_mission(b: _Builder, s: int, e: int, focus: str | None, pronouns: bool) -> list[_Ref]:
    """"A total of N observers will ..." right after a sentence about a mission, naming no other
    body: the size of that mission (a commission's or domestic figure is not)."""
    text = b.ctx.text
    if not (focus and pronouns and _TOTAL_OPENING.match(text, s, e)):
        return []
    if any(s <= c.start < e for c in b.ctx.comms) or any(s <= o.start < e for o in b.ctx.orgs) or re.search(
            r"\b(?:domestic|local|citizen|national|non-partisan|party|accredited|registered)\b", text[s:e], re.I):
        return []
    return [_Ref(s, s, focus, False)]


#: A statement about every mission of the article ("accredited both missions", "All the observers").
_ALL_MISSIONS = re.compile(r"\b(?:[Bb]oth|[Aa]ll|[Ee]ach|[Tt]he\s+(?:two|three|four|five|six))\s+(?:of\s+the\s+)?(?:[\w-]+\s+)?"
                           r"(?:missions|delegations|groups|teams|observer\s+missions|observers)\b|^\s*(?:Both|All|Each)\b(?!\s+(?:of\s+)?(?:its\s+|the\s+|their\s+)?members\b)")
#: "All (its) members have been accredited": the members of the mission in focus, not of every mission.
_ALL_MEMBERS = re.compile(r"\b(?:[Aa]ll|[Ee]ach)\s+(?:of\s+)?(?:its\s+|the\s+|their\s+)?members\b")
#: A sentence that lists the parts of a figure just given ("Among them are ...", "They include ...").
_LISTING = re.compile(r"\s*[\"“]?(?:Among\s+(?:them|those|these|the\s+\w+)|(?:They|These|Those)\s+include|"
                      r"The\s+(?:largest|biggest|main|major)\s+(?:delegations|groups|contingents|missions)|"
                      r"Of\s+(?:them|these|those)|Including)\b")


def _about_mission(b: _Builder, s: int, e: int, refs: list[_Ref]) -> bool:
    """Whether a sentence is about a mission (so that "it" in the next one refers to it): it refers
    to one, and no other body (a commission, a ministry in the catalogue) is named before that."""
    if not refs:
        return False
    others = [o.start for o in b.ctx.orgs if s <= o.start < e and (o.organ or o.org.key not in b.missions)]
    others += [c.start for c in b.ctx.comms if s <= c.start < e]
    return not others or min(others) > refs[0].pos


def _apply_election(b: _Builder, elections: list[Election]) -> None:
    typed = [e for e in elections if e.type]
    if typed:
        counts = Counter(e.type for e in typed)
        best = max(counts, key=lambda t: (counts[t], -min(e.start for e in typed if e.type == t)))
        ev = next(e for e in typed if e.type == best)
    else:
        best, ev = None, None
    dated = [e for e in elections if e.date is not None and (e.type in (None, best))]
    values = {id(e): e.date.election_day(b.ctx.published, past=sentence_tense(b.ctx, e.start) is False)
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
    last: tuple[str, str] | None = None
    whole = -1
    for n in plain:
        after = text[n.end : min(e, n.end + 60)]
        before = text[max(s, n.start - 25) : n.start]
        if last and _REVISED.search(before):  # "42 observers, a number that will rise to sixty"
            b.set_count(*last, n)
            continue
        if re.match(r"\s+(?:[\w-]+\s+){0,3}?(?:observers|monitors),?\s+(?:including|among\s+them)\s+those\s+"
                    r"(?:of|from)\b", after):
            continue  # "accredited 90 observers, including those of the EAC and the AU": a sum over missions
        if _NEW_TOTAL.search(text, max(s, n.start - 70), n.start):  # "another 20 arrive, bringing the total to 50"
            key = last[0] if last else (_nearest(refs, n.start) or focus)
            if key:
                b.set_count(key, "observers.total", n)
                last, whole = (key, "observers.total"), n.start
            continue
        owner_org = _list_owner(b, n, e)
        cm = _COUNT_NOUN.match(after)
        member = re.match(r"-(?:member|strong|person)\s+(?!core\b|staff\b|support\b|secretariat\b)(?:[\w-]+\s+){0,3}?(?i:delegation|mission|team|group)\b", after) \
            or re.search(r"\b(?:numbering|numbers|numbered|totall?ing)\s+(?:(?:about|some|around|nearly)\s+)?$", before) \
            or re.search(r"(?<!core\s)\b(?:team|delegation|group|mission)\s+of\s+(?:(?:about|some|around|nearly|"
                         r"approximately|up\s+to|more\s+than|over|at\s+least)\s+)?$", before)
        if owner_org is None and not cm and not member:
            continue
        if cm and re.search(r"\b(?:staff|core)\b", cm.group("mods") or ""):
            continue
        part = re.search(r"\b(?:including|among\s+them|of\s+whom|of\s+which)\s+(?:(?:some|about|around|nearly)\s+)?$",
                         before, re.I)
        if re.search(r"\b(?:core\s+team|staff)\s+(?:of\s+)?$|\b(?:among|out\s+of|one\s+of)\s+(?:the\s+)?"
                     r"(?:(?:some|about|around|nearly|over|more\s+than)\s+)?$", before, re.I):
            continue  # "the mission is among 1,200 international observers": not its size
        if re.match(r"\s+\w+\s+from\s+\S+\s+(?:\w+\s+)?organi[sz]ations", after):
            continue
        if _spans_orgs(b, n.end, e):
            continue  # "500 observers from the CIS, the SCO and the OIC": a sum over missions
        if re.match(r"\s+(?:[\w-]+\s+){0,2}?(?:observers|monitors),?\s+(?:(?:almost|nearly|mostly|most|all)\s+)*"
                    r"(?:of\s+(?:them|whom)\s+)?(?:local|domestic|citizen)\b", after):
            continue  # "60,000 observers, almost all of them local": the country's own observers
        if labelled and not owner_org and not member and not re.match(
                r"\s+(?:[\w-]+\s+){0,3}?[\w-]+,?\s+(?:including|of\s+whom|of\s+which|among\s+them)\b", after):
            continue  # a part of the mission ("13 observers arrived ... another 24 long-term")
        if not re.search(r"\b(?:observers?|monitors|mission|delegation|team|group|accredited|members|officials|"
                         r"representatives|experts|people|persons|parliamentarians|MPs|deputies)\b", sent, re.I):
            continue
        key = owner_org or _count_owner(b, n, refs)
        if part and last and last[0] == key and any(r.key == key and r.pos < whole for r in refs):
            continue  # "the EU mission will have 130 observers, including 80 EU observers": a part, not the total
        if key and _INITIAL.search(sent) and b.missions[key].observers_total is not None:
            continue  # "the OAS had initially announced a team of 24": an earlier plan, not the latest figure
        if key:
            b.set_count(key, "observers.total", n)
            last, whole = (key, "observers.total"), n.start


#: A figure given as an earlier plan ("had initially announced 24 observers").
_INITIAL = re.compile(r"\b(?:initially|originally|at\s+first|first\s+(?:announced|planned)|had\s+planned|previously\s+"
                      r"(?:announced|planned))\b", re.I)
#: A figure that states the new size of the mission.
_NEW_TOTAL = re.compile(r"\b(?:bringing|brings|bring|raising|raises|raise|raised|taking|takes|increased|increases|increase|"
                        r"increasing|expanded|expands|boosted|boosts)\s+(?:the|its|their)\s+"
                        r"(?:total|overall|number|strength|size|mission|team|delegation|group)"
                        r"(?:['’]s)?(?:\s+(?:number|strength|size|total))?"
                        r"(?:\s+of\s+(?:[\w-]+\s+){0,2}?(?:observers|monitors|members))?\s+to\s+"
                        r"(?:an?\s+(?:total|overall\s+strength|strength)\s+of\s+)?"  # "bringing the mission to a total of"
                        r"(?:(?:some|about|around|nearly|over|more\s+than)\s+)?$", re.I)
#: A later figure that revises the count just given in the same sentence.
_REVISED = re.compile(r"\b(?:rise|rises|rising|rose|risen|increase[sd]?|increasing|grow|grows|growing|grew|grown|expand(?:s|ed|ing)?|"
                      r"climb(?:s|ed|ing)?|go\s+up|reach(?:es|ed|ing)?)\s+(?:to\s+)?(?:(?:some|about|around|nearly|"
                      r"over|more\s+than|at\s+least)\s+)?$", re.I)


def _spans_orgs(b: _Builder, pos: int, e: int) -> bool:
    """Whether the count at ``pos`` is followed by "observers from/of" and a list of two missions."""
    text = b.ctx.text
    m = re.match(r"\s+(?:[\w-]+\s+){0,3}?(?:observers|monitors|representatives|experts)\s+(?:from|of)\s+(?:the\s+)?", text[pos:e])
    if not m:
        return False
    orgs = [o for o in b.ctx.orgs if pos + m.end() <= o.start < e and o.org.key in b.missions and not o.organ]
    if len(orgs) < 2 or orgs[0].start != pos + m.end():
        return False
    gap = text[orgs[0].end : orgs[1].start]  # "18 observers of the SCO and nine of the OIC": two counts
    return list_gap(gap) and not any(re.search(r"\d", w) or parse_number(w) for w in re.findall(r"[\w-]+", gap))


def _list_owner(b: _Builder, n: NumberMention, e: int) -> str | None:
    """"22 from the IPA CIS", "219 represent the ODIHR", "44 the CIS IPA": the org right after."""
    text = b.ctx.text
    if text[max(0, n.start - 2) : n.start].strip() == "(":  # "the CIS (300), ODIHR (150)"
        for o in b.ctx.orgs:
            if o.org.key in b.missions and not o.organ and re.fullmatch(r"\s*\(\s*", text[o.end : n.start]):
                return o.org.key
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
    found: list[list[tuple[int, int]]] = []

    def blockers() -> list[tuple[int, int]]:  # found once, when a head needs them
        if not found:
            found.append([(o.start, o.end) for o in ctx.orgs if s <= o.start < e and o.org.key not in b.missions
                          and not re.match(r"\s+(?:member\s+|participating\s+)(?:countries|states|nations)",
                                           text[o.end : o.end + 30], re.I)
                          and not o.organ])
        return found[0]

    for m in _HEAD_AFTER.finditer(text, s, e):
        span = _person_at(ctx, m.end(), min(e, m.end() + 110))
        if span is None or not _title_words(text[m.end() : span[0]]):
            continue
        by = re.match(r"\w+\s+by\b", m.group(0))  # "headed by" attaches to the nearest body, which may be another
        key = _key_in(b, m.start(), m.end()) or _nearest(refs, m.start(), blockers() if by else ())
        if key:
            b.set_head(key, span)
    spans = [_person_at(ctx, a, bb + 1) or (a, bb) for a, bb in ctx.persons if s <= a < e]
    # names the NER missed ("Mokgweetsi Masisi" as a place): runs of capitalized words
    for m in re.finditer(rf"{_NAME_TOKEN}(?:[ \t]+{_PARTICLES}{_NAME_TOKEN})+", text[s:e]):
        c = _person_at(ctx, s + m.start(), s + m.end())
        if c and not any(x[0] <= c[0] < x[1] for x in spans):
            spans.append(c)
    for span in sorted(spans):
        hm = _HEAD_BEFORE.match(text, span[1], e)
        if not hm:
            continue
        key = _key_in(b, hm.start(), hm.end()) or _nearest(refs, hm.end(), blockers())
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
            following = text[o.end : o.end + 30]
            if re.match(r"(?:['’]s\b|\s+member\s+(?:states|countries|nations)|\s+participating)", following):
                continue
            if o.org.key in b.missions and not o.organ:
                continue  # a mission of its own is not a member of another
            if strong or o.organ or o.org.kind in ("body", "legislature") or not re.search(
                    r"\b(?:meet|met|meeting|meetings|talks|spoke|visited|briefed|consult\w*)\b", text[s:a]):
                b.add_org(key, o)


def _starts(b: _Builder, s: int, e: int, refs: list[_Ref]) -> None:
    ctx, text = b.ctx, b.ctx.text
    if not refs:
        return
    dates = [d for d in ctx.dates if s <= d.start < e]
    for m in _START_OPEN.finditer(text, s, e):
        if re.search(r"\b(?:[Pp]olling|[Vv]oting|[Cc]ounting|[Cc]ampaign(?:ing)?|[Rr]egistration|[Pp]olls|"
                     r"(?:the|[Ee]arly)\s+vote)\s+(?:\w+\s+)?$", text[max(s, m.start() - 30) : m.start()]):
            continue  # "Polling began on Wednesday": the vote, not the mission
        future = _future(text, s, m)
        for d in dates:
            if (d.start >= m.end() and d.start - m.end() <= 60 and _GLUE_OPEN.match(text[m.end() : d.start])) or \
                    (d.kind != "date" and d.end <= m.start() and m.start() - d.end <= 12
                     and re.fullmatch(r"\s*(?:officially\s+|formally\s+)?", text[d.end : m.start()])):
                for k in _subjects(b, refs, m.start()):
                    b.set_start(k, 1, d, future=future)
                break
    for m in _START_ARRIVE.finditer(text, s, e):
        key = _nearest(refs, m.start())
        last = [r for r in refs if r.pos < m.start()]
        if not key or not last:
            continue
        between = text[last[-1].end : m.start()]
        if any(last[-1].end <= n.start < m.start() and _COUNT_NOUN.match(text[n.end : n.end + 40])
               and "," not in text[n.end : m.start()]
               and not re.search(r"\b(?:has|have|had|with|its|their)\s+(?:(?:some|about|around|nearly|over)\s+)?$",
                                 text[max(0, n.start - 20) : n.start]) for n in ctx.numbers):
            continue  # the subject is a number of observers, not the mission
        if re.search(r"[.;]", between):
            continue
        for d in dates:
            if d.start >= m.end() and d.start - m.end() <= 40 and _GLUE_ARRIVE.match(text[m.end() : d.start]):
                for k in _subjects(b, refs, m.start()):
                    b.set_start(k, 2, d, future=_future(text, s, m))
                break
    for d in dates:
        since = _START_SINCE.search(text, max(s, d.start - 110), d.start)
        last = [r for r in refs if r.pos < since.start()] if since else []
        if not since or not last or re.search(r"[.;]|\b(?:said|says|told|announced|reported|stated|noted|added|claimed|"
                                              r"complained|warned|that|where|because|while|although|whose)\b",
                                              text[last[-1].end : since.start()]) \
                or any(last[-1].end <= c.start < since.start() for c in ctx.comms) \
                or any(last[-1].end <= o.start < since.start() and o.org.key not in b.missions for o in ctx.orgs):
            continue  # "the CEC has been registering candidates since ...": another subject
        b.set_start(last[-1].key, 2, d, future=False)
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


def _subjects(b: _Builder, refs: list[_Ref], pos: int) -> list[str]:
    """The mission nearest before ``pos``, with the ones listed with it ("the AU and ECOWAS began")."""
    key = _nearest(refs, pos)
    if key is None:
        return []
    keys = [key]
    before = [r for r in refs if r.pos < pos and r.explicit]
    while len(before) >= 2 and before[-1].key == keys[-1] and \
            re.fullmatch(r"\s*(?:,|,?\s+and|,?\s+as\s+well\s+as)\s+(?:the\s+)?", b.ctx.text[before[-2].end : before[-1].pos]):
        keys.append(before[-2].key)
        before.pop()
    return list(dict.fromkeys(keys))


def _future(text: str, s: int, m: re.Match[str]) -> bool:
    """Whether the verb at ``m`` speaks of the future ("will arrive", "is due to open")."""
    # "will soon open", "is to open"; not "the mission to Honduras set up"
    return bool(re.search(r"\b(?:(?:will|shall)\s+(?:\w+\s+)?|to\s+)$", text[max(s, m.start() - 20) : m.start()])
                or re.match(r"(?:arrive|begin|start|open|launch|be)\b", m.group(0), re.I) and
                not re.search(r"\b(?:has|have|had|did)\s+$", text[max(s, m.start() - 10) : m.start()]))


def _accreditation(b: _Builder, s: int, e: int, refs: list[_Ref]) -> CommissionMention | None:
    ctx, text = b.ctx, b.ctx.text
    low = text[s:e].lower()
    if "accredit" not in low and "registered" not in low and "registration" not in low:
        return None
    if re.search(r"\bnot\s+(?:yet\s+)?(?:been\s+|be\s+)?(?:accredited|registered)|\b(?:refused|denied|withheld|withdrew|"
                 r"revoked|awaiting|awaits|await|pending)\s+(?:\w+\s+){0,2}?(?:accreditation|registration)", low):
        return None  # "the CEC has not yet accredited the mission", "denied accreditation to"
    for c in ctx.comms:
        if not (s <= c.start < e):
            continue
        active = _ACCRED_ACTIVE.match(text, c.end, min(e, c.end + 40))
        passive = _ACCRED_PASSIVE.search(text[max(s, c.start - 60) : c.start])
        if not (active or passive):
            continue
        explicit = [r for r in refs if r.explicit]
        domestic = re.search(r"\b(?:domestic|local|citizen|national|non-partisan|party)\s+(?:[\w-]+\s+)?(?:observers|monitors)\b",
                             text[max(s, c.start - 90) : min(e, c.end + 90)], re.I)
        if domestic and not explicit:
            continue  # "the ECZ accredited 3,000 domestic observers from the X Monitoring Group"
        if explicit or refs:  # "its observers were accredited by": only the mission(s) the clause names
            for key in dict.fromkeys(r.key for r in (explicit or refs)):
                _set_accreditor(b, key, c)
            return None
        # a general statement ("the CEC has accredited 45 observers from international organizations")
        # holds for every mission of the article; not when it is about journalists or candidates
        if re.search(r"\b(?:domestic|local|citizen|national|non-partisan|party)\s+(?:[\w-]+\s+)?(?:observers|monitors)\b",
                     text[max(s, c.start - 90) : min(e, c.end + 90)], re.I):
            continue  # "INEC has also accredited thousands of domestic observers"
        if re.match(r"\s*(?:Both|All|Each)\b(?!\s+(?:candidates|parties|journalists))", text[s:e]) or _ALL_MEMBERS.search(text[s:e]) \
                or re.search(r"\b(?:observers|monitors|missions?|delegations?)\b", text[c.end : min(e, c.end + 90)]) \
                or re.search(r"\b(?:observers|monitors|missions?|delegations?)\b", text[max(s, c.start - 90) : c.start]):
            return c
    return None


def _set_accreditor(b: _Builder, key: str, c: CommissionMention) -> None:
    m = b.missions[key]
    if m.accredited_by is not None:
        return
    cc = c.country or b.host
    m.accredited_by = c.name if c.own_country or cc is None else f"{c.name} of {country_name(cc)}"
    m.accredited_by_country = cc
    b.cite(key, "accredited_by", m.accredited_by, c.start, c.end)


_APPOSITION = re.compile(r"^\s*(?:\(\s*|,?\s+(?:from|of)\s+(?:the\s+)?|,\s+(?:who\s+is\s+|a\s+|an\s+|the\s+)?"
                         r"(?:(?!\b(?:has|have|had|is|are|was|were|will|would|said|says|told|met|led|arrived|"
                         r"monitored|observed|includes?|included|including|comprises?|comprising|consists?|consisting|joined|visited)\b)[^.;()]){0,90}?)$")


def _head_countries(b: _Builder) -> None:
    ctx, text = b.ctx, b.ctx.text
    for key, (hs, he) in b.head_span.items():
        m = b.missions[key]
        surname = text[hs:he].split()[-1]
        found: CountryMention | None = None
        # a demonym just before the name ("Dutch leftist politician Tiny Kox")
        lo = max(ctx.sent_of(hs)[0], hs - 60)
        for c in ctx.countries:
            between = re.sub(r"(?:(?<=\w)|^),\s*$", " ", text[c.end : hs])  # "Tanzania's Foreign Minister, X"
            if lo <= c.start < hs and not re.search(r"[,;(]", between) and _title_words(re.sub(r"^['’]s\b", "", between)) \
                    and (c.demonym or re.search(r"\bof\s+(?:the\s+)?$", text[max(0, c.start - 8) : c.start])
                         or re.match(r"['’]s\s", text[c.end : c.end + 3])  # "Zimbabwe's Foreign Minister X"
                         or PERSON_TITLE.match(text, c.end)):  # "former Seychelles President X"
                found = c  # "Dutch leftist politician X", "former President of Costa Rica X"
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

