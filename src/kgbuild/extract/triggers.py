"""Pass 2 of the rules: which organizations deploy a mission, and where texts list members.

A mention triggers a mission when the text presents it as observing: "X observers", "observers
from X", "mission of X", "X opened/deployed/observed", counts listed against it ("22 from X"),
or a list joined to one of these. Sentences about invitations, refusals or the absence of
observers trigger nothing, and a body listed after "includes"/"consists of" is a member.
"""

from __future__ import annotations

import re

from .context import Context, inside
from .dates import parse_number
from .gazetteer import OrgMention

__all__ = ["ANAPHOR", "find_triggers", "is_negative", "list_gap", "member_segments", "negative_sentence"]

#: A count in digits or words ("22", "four", "twenty-three").
_NUM = (r"(?:\d[\d,]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|"
        r"fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|"
        r"hundred|thousand)(?:[- ](?:one|two|three|four|five|six|seven|eight|nine|hundred|thousand))*)")
_MISSION_NOUN = r"(?:missions?|delegations?|teams?|observers|monitors|observer\s+groups?|monitoring\s+group|group|EOMs?)"
_RIGHT_TRIGGER = re.compile(
    r"(?:['’]s)?\s*(?:(?:international|election|electoral|short-term|long-term|full-scale|limited|"
    r"needs[- ]assessment|parliamentary|joint|monitoring|observation|observer|expert|special|"
    r"core|assessment|technical|evaluation|high-level|pre-election|follow-up|regional|short|long|term|"
    r"(?:\d+|[a-z]+(?:-[a-z]+)?)-(?:member|strong|person)|"
    r"short-term|long-term)\s+){0,4}" + _MISSION_NOUN + r"\b", re.I)
_LEFT_TRIGGER = re.compile(
    r"\b(?:(?:mission|delegation|team|observers|monitors|group|observer\s+group|teams|delegations|missions)\s+"
    r"(?:\w+\s+)?(?:of|from|representing|sent\s+by|deployed\s+by)|"
    r"(?:mission|delegation|team|group)\s+(?:of|from)\s+(?:[\w-]+\s+){0,3}?(?:of|from)|"
    r"joint\s+(?:undertaking|effort|mission|observation)\s+(?:of|by)|IEOM\s+(?:of|by)|"
    r"\b(?:including|among\s+them|such\s+as)\s+those\s+(?:of|from|sent\s+by)|"
    r"(?:observers|monitors|group)\b[^.;]{0,20}?\b(?:comes?|came|are|were)\s+from)\s+(?:the\s+)?$", re.I)
#: When a statement was made, between "said" and what was said ("said on Friday that ...").
_WHEN = (r"(?:(?:on|last|this)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|week)\s+|"
         r"today\s+|yesterday\s+|in\s+a\s+(?:statement|press\s+release)\s+)?")
#: An acronym or an apposition between an organization and its verb ("CIS-EMO, a monitoring group, said").
_APPOS = (r"(?:\s*\([^)]{1,40}\))?(?:,\s+(?:an?|the)\s+(?:[^,.;()]|\.(?=[\w-])){1,80},|,\s+(?:for\s+(?:its|their)\s+part|meanwhile|"
          r"in\s+turn|too|also|separately|likewise|for\s+instance),)?")
_VERB_TRIGGER = re.compile(
    _APPOS + r"\s*(?:,\s*(?:which|that|who)\s+)?(?:(?:said|says|announced|confirmed|reported)\s+" + _WHEN + r"(?:that\s+)?(?:it|they)\s+)?"
    r"(?:(?:has|have|had|will|would|is|are|was|were|also|today|already|officially|formally|"
    r"currently|to|be|been|now|yesterday|jointly)\s+)*"
    r"(?:opened|opens|deployed|deploys|sent|sends|dispatched|observed|observes|monitored|monitors|observing|monitoring|"
    r"launched|launches|fielded|fields|set\s+up|sets\s+up|flagged\s+off|flags\s+off|inaugurated|inaugurates|observe|monitor|send|deploy|dispatch|open|launch|"
    r"(?:registered|accredited)\s+(?=(?:some\s+|about\s+|more\s+than\s+)?(?:\d|[a-z]+[- ]?[a-z]*\s+observers)\S*\s+(?:[\w-]+\s+)?observers)|"
    r"(?:has|had|have|maintains)\s+an?\s+(?:[\w-]+\s+){0,3}?(?:mission|delegation|team)|"
    # "X said on Friday that its international election observation mission would have ..."
    r"(?:said|says|announced|confirmed|reported|stated)\s+" + _WHEN + r"(?:that\s+)?(?:its|their)\s+(?:[\w-]+\s+){0,4}?"
    r"(?:mission|delegation|team)\s+(?:would|will|is|was|has|had|now|also|comprises|includes|consists)|"
    r"(?:has|had|have)\s+(?:(?:some|about|around|nearly|over|more\s+than)\s+)?" + _NUM + r"\s+(?:[\w-]+\s+){0,2}?(?:observers|monitors)|"
    r"(?:confirmed|announced|decided|agreed|plans?|planned|intends?|intended|is\s+going|expects?|prepared|ready|"
    r"set)\s+(?:that\s+)?(?:it\s+)?(?:will\s+|would\s+|to\s+)(?:send|deploy|dispatch|field|observe|monitor))\b",
    re.I)
_NEGATIVE = re.compile(
    r"\b(?:has|have|had)\s+(?:also\s+)?invited\b|\binvited\s+(?!by\b)|\binvitations?\b(?!\s+of\b)|"
    r"\binvit(?:e|es|ing)\b|\bnot\s+(?:been\s+|be\s+)?invited|"
    r"\b(?:will|would|does|did|do|could|can|shall)\s+not\s+(?:\w+\s+)?(?:observe|monitor|send|deploy)|"
    r"\b(?:won't|didn't|doesn't|cannot)\s+(?:observe|monitor|send|deploy)|"
    r"\b(?:declin|refus)\w*\s+(?:\w+\s+){0,3}?(?:observe|observing|monitor|send|deploy|accredit|invitation|"
    r"mission|observers|visas?|participat\w*)\b|\bnot\s+to\s+(?:observe|send|monitor|deploy)|"
    r"\b(?:cancel\w*|called\s+off|postpon\w*)\s+(?:\w+\s+){0,3}?(?:mission|observation|deployment|visit|trip)\b|"
    r"\bno\s+(?:[\w-]+\s+){0,2}(?:observers|monitors|mission)\b|"
    r"\b(?:was|were|are|is|will\s+be)\s+not\s+(?:be\s+)?(?:present|represented)\b|"
    r"\bnot\s+(?:be\s+)?(?:send|sending|deploy|deploying|observing|monitoring)\b|"
    r"\bwhether\s+(?:or\s+not\s+)?to\s+(?:send|deploy|observe|monitor)|"
    r"\bnot\s+(?:yet\s+)?(?:decided|confirmed|agreed|planning)\b|\b(?:still\s+)?under\s+consideration\b", re.I)
_AT_INVITATION = re.compile(r"\b(?:at|upon|on|following|after|in\s+response\s+to|responding\s+to|based\s+on|"
                            r"acting\s+on|with|by)\s+(?:the\s+|an\s+|a\s+|its\s+)?(?:official\s+|formal\s+)?"
                            r"invitations?\b|"
                            r"\binvited\s+by\b", re.I)
_LIST_WORDS = {"observers", "observer", "monitors", "from", "of", "the", "mission", "represent",
               "represents", "representing", "represented", "delegation", "members", "experts",
               "officials", "international", "short-term", "long-term", "and", "respectively", "as",
               "well", "a", "an", "also", "each", "s", "its", "their", "by"}
_MODIFIER = re.compile(r"\s+(?:member\s+)?(?:countries|states|nations|participating\s+States|region|area|summit|"
                       r"[Cc]harter|commitments|standards|[Ss]ecretary|[Cc]hair|[Cc]hairman|[Cc]hairperson|"
                       r"[Pp]resident|[Dd]irector|[Cc]ommissioner|[Aa]mbassador|envoy|officials?)\b")
_STRONG_MEMBER = re.compile(
    r"\b(?:includ(?:es|ed|e|ing)(?!\s+those\s+(?:of|from|sent)\b)|consist(?:s|ed)?\s+of|comprise[sd]?|comprising|composed\s+of|"
    r"made\s+up\s+of|accompanied\s+by|joined\s+by|members\s+(?:are|were|include)|"
    r"among\s+(?:them|its\s+members)\s+(?:are|were))\b", re.I)
_WEAK_MEMBER = re.compile(
    r"\b(?:representatives?|delegates|members|MPs|deputies|parliamentarians|diplomats|officials|experts|"
    r"staff|lawmakers|senators|coordinators|observers|monitors|employees|ambassadors|judges|nationals|citizens)\s+"
    r"(?:(?:in|on)\s+(?:the\s+)?(?:country|ground|field),?\s+)?(?:of|from|at|representing)\b|\bworking\s+(?:at|in|for)\b|\bmember\s+(?:states|countries)\b|"
    r"\b(?:come|comes|came|coming|drawn|hail|hails|hailing)\s+from\b|\bwho\s+represent(?:s|ed)?\b|"
    r"\b(?:supported|assisted|backed)\s+by\s+(?:a\s+|the\s+)?(?:[\w-]+\s+)?(?:staff|team|experts|secretariat)\s+"
    r"(?:\w+\s+)?(?:of|from)\b", re.I)
#: "ENEMO, the European network, said its mission ...": the mission of the body just named.
_ITS_MISSION = re.compile(_APPOS + r"\s+(?:\w+\s+){0,2}?(?:said|says|announced|added|reported|"
                          r"stated|confirmed)\s+(?:that\s+)?(?:(?:some|about|all|\d[\d,]*|[a-z]+(?:-[a-z]+)?)\s+of\s+)?"
                          r"its\s+(?:[\w-]+\s+){0,3}?(?:mission|delegation|observers|monitors|team)\b", re.I)
ANAPHOR = re.compile(
    r"\b(?:[Tt]he|[Tt]his|[Ii]ts|[Tt]heir|[Oo]ur)\s+(?:[\w-]+\s+){0,3}?(?:[Mm]ission|[Dd]elegation|team|"
    r"[Oo]bserver\s+[Gg]roup|monitoring\s+group|[Gg]roup|EOM)\b|\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[\w-]+\s+)?observers\b|"
    r"\b(?:It|Its|They|Their|them)\b|\b(?:mission|delegation)['’]s\b|\bMission\s+members\b|"
    r"\b[Mm]ission\s+(?:head|chief|leader)\b")


#: A mission as the subject before a strong member cue ("The mission ... has been joined by").
_MISSION_SUBJECT = re.compile(r"\b(?:[Tt]he|[Ii]ts|[Tt]his|[Tt]heir)\s+(?:[\w-]+\s+){0,3}?(?:[Mm]ission|[Dd]elegation|"
                              r"team|EOM)\b")

_WEAK_END = re.compile(r"[.;:]|\s(?:ahead|in|on|to|for|at|during|had|have|has|were|was|will|would|are|is|"
                       r"said|says|told|who|which|that|took|take|arrived|monitored|observed)\s")


#: The rest of a list of demonyms before people ("Nigerian and Togolese election officials").
_DEMONYM_LIST_END = re.compile(r"(?:(?:,\s+|,?\s+and\s+)[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)*\s+(?:[a-z-]+\s+)?"
                               r"((?:observers|monitors|MPs|MEPs|parliamentarians|officials|diplomats|experts|lawmakers|"
                               r"senators|deputies|judges|members|magistrates)\b)")


def member_segments(ctx: Context) -> tuple[list[tuple[int, int, bool]], list[tuple[int, int]]]:
    """Stretches of text that list a mission's members: (start, end, strong).

    A strong cue ("includes", "consists of", "accompanied by") opens a stretch to the end of the
    sentence; a weak one ("representatives of", "observers from", "member states") only the list
    right after it, up to the next clause word.
    """
    segs = []
    for c in ctx.countries:  # "Angolan, Botswanan and Lesotho observers", "two Kenyan MPs"
        if not c.demonym:
            continue
        m = _DEMONYM_LIST_END.match(ctx.text, c.end)
        if m:
            segs.append((c.start, m.start(1), False))
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


_INVITED_ADJ = re.compile(r"(?:\A\s*|\b(?:the|all|other|some|many)\s+)invited\s+(?=(?:international\s+|foreign\s+)?"
                          r"(?:observers|monitors|guests|delegations|missions)\b)", re.I)


def is_negative(sent: str) -> bool:
    """Whether a sentence is about not observing: invitations (not yet observing), refusals,
    cancellations, "no observers". "At the invitation of" and "the invited observers" are not."""
    if sent.isascii():  # (where re.I is plain ASCII case): a quick look for the words it needs
        low = sent.lower()
        if not any(w in low for w in _NEGATIVE_WORDS) and not _NO.search(low):
            return False
    cleaned = _INVITED_ADJ.sub(" ", _AT_INVITATION.sub(" ", sent))
    return bool(_NEGATIVE.search(cleaned))


#: Every branch of :data:`_NEGATIVE` needs one of these words (or "no" and a space), and taking out
#: the invitation phrases first cannot make one: a sentence without them is not negative.
_NEGATIVE_WORDS = ("invit", "not", "n't", "declin", "refus", "cancel", "called", "postpon", "whether", "consideration")
_NO = re.compile(r"no\s")


_PAST_YEAR = re.compile(r"\b(?:(?:[Ii]n|[Dd]uring)\s+((?:19|20)\d\d)\b(?!\s*[-–/])|"
                        r"the\s+((?:19|20)\d\d)\s+(?:[\w-]+\s+){0,2}?(?:elections?|votes?|polls|referendum|ballot|run-?off))")
_PAST_EVENT = re.compile(r"\b(?:previous|last|past|earlier|prior)\s+(?:[\w-]+\s+){0,2}?(?:elections?|votes?|polls|"
                         r"referendums?|ballots?|runs?)\b", re.I)


def negative_sentence(ctx: Context, s: int, e: int) -> bool:
    """:func:`is_negative` of ``ctx.text[s:e]``, remembered for the article: the rules ask it of
    each sentence up to three times (its clauses, its triggers, its counts)."""
    memo: dict[tuple[int, int], bool] = ctx.derived.setdefault("negative", {})
    if (s, e) not in memo:
        memo[(s, e)] = is_negative(ctx.text[s:e])
    return memo[(s, e)]


def _about_the_past(sent: str, year: int | None) -> bool:
    """Whether a sentence is background about an earlier election ("In 2016 the EU observed ...",
    "the CIS observed the previous elections"), which gives no mission of its own."""
    if _PAST_EVENT.search(sent):
        return True
    return year is not None and any(int(m.group(1) or m.group(2)) < year for m in _PAST_YEAR.finditer(sent))


def list_gap(gap: str) -> bool:
    if len(gap) > 60 or re.search(r"[.;:]", gap):
        return False
    words = re.findall(r"[\w’'-]+", gap.lower())
    return all(w in _LIST_WORDS or w.isdigit() or parse_number(w) is not None for w in words)


def find_triggers(ctx: Context, strong_member: list[tuple[int, int]]) -> dict[str, OrgMention]:
    """First triggering mention of each organization that deploys a mission."""
    found: dict[str, OrgMention] = {}
    for s0, e0 in ctx.sents:
        for s, e in _clauses(ctx, s0, e0):
            _triggers_in(ctx, s, e, strong_member, found)
    return found


#: Where a sentence turns to a contrasting clause ("X did not deploy a mission, but Y fielded 30").
_CONTRAST = re.compile(r",?\s+(?:but|whereas|while)\s+(?=(?:the\s+)?[A-Z])|;\s+")


def _clauses(ctx: Context, s: int, e: int) -> list[tuple[int, int]]:
    """A sentence split into contrasting clauses when one of them is negative, else whole."""
    if not negative_sentence(ctx, s, e):
        return [(s, e)]
    out, cur = [], s
    for m in _CONTRAST.finditer(ctx.text, s, e):
        out.append((cur, m.start()))
        cur = m.end()
    out.append((cur, e))
    return out


def _triggers_in(ctx: Context, s: int, e: int, strong_member: list[tuple[int, int]],
                 found: dict[str, OrgMention]) -> None:
    text = ctx.text
    sent = text[s:e]
    if negative_sentence(ctx, s, e) or _about_the_past(sent, ctx.published.year if ctx.published else None):
        return
    in_sent = [o for o in ctx.orgs if s <= o.start < e]
    positive: list[OrgMention] = []
    for i, o in enumerate(in_sent):
        if o.organ or not o.org.can_observe:
            continue
        right = text[o.end : min(e, o.end + 160)]
        if _MODIFIER.match(right):
            continue  # "observers from CIS countries", "OSCE commitments"
        left = text[max(s, o.start - 70) : o.start]
        counted = re.search(rf"\b{_NUM}\s+(?:(?:observers|monitors)\s+)?(?:(?:represent(?:s|ed|ing)?|from|of)\s+)?"
                            r"(?:the\s+)?(?:mission\s+of\s+the\s+)?$", left, re.I)
        if inside(o.start, strong_member) and positive and not counted and not (
                in_sent[i - 1] in positive and inside(in_sent[i - 1].start, strong_member)
                and (list_gap(text[in_sent[i - 1].end : o.start]) or _LEFT_TRIGGER.search(left))):
            continue  # a member listed after "includes"; not the next of a list of missions
        seg = next((a for a, z in strong_member if a <= o.start < z), None)
        if seg is not None and not positive and not counted and s <= seg and _MISSION_SUBJECT.search(text, s, seg):
            continue  # "The mission ... has been joined by a delegation of X": X is its member
        named = re.search(r"(?:mission|group|EOM|delegation|team)(?:\s*\([^)]*\))?$", text[o.start : o.end], re.I)
        possessive = re.match(r"['’]s?\s", right)
        counted = counted or re.match(r"\s*\(\s*\d[\d,]*\s*(?:[a-z]+\s*)?\)", right)  # "the CIS (300)"
        hit = bool(named or _RIGHT_TRIGGER.match(right) or _VERB_TRIGGER.match(right)
                   or (_LEFT_TRIGGER.search(left) and not possessive) or _ITS_MISSION.match(right))
        if not hit and counted and not possessive and re.search(r"\b(?:observers|monitors|accredited)\b", text[max(0, s - 200) : e]):
            hit = True
        if not hit and positive and in_sent[i - 1] in positive:
            hit = list_gap(text[in_sent[i - 1].end : o.start])
        if hit:
            positive.append(o)
            found.setdefault(o.org.key, o)
            # "ODIHR, the OSCE PA and PACE deployed ...": the list before a verb trigger
            j = i
            backward = _VERB_TRIGGER.match(right) or _RIGHT_TRIGGER.match(right)  # "A, B and C observers"
            while j > 0 and backward and list_gap(text[in_sent[j - 1].end : in_sent[j].start]):
                prev = in_sent[j - 1]
                if prev.organ or not prev.org.can_observe:
                    break
                found.setdefault(prev.org.key, prev)
                j -= 1

