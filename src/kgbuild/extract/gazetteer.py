"""Where a text names countries, observer organizations, legislatures and election commissions.

Text matching for the extractor, built on :mod:`kgbuild.catalog` (which holds the names, variants,
demonyms and identifiers themselves). Pure Python; nothing here imports spaCy.

>>> [(m.code, m.demonym) for m in find_countries("Dutch observers went to the Kyrgyz Republic.")]
[('NL', True), ('KG', False)]
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from ..catalog import (
    COMMISSION_ACRONYMS,
    VARIANTS,
    Organization,
    country_from_demonym,
    country_from_name,
    country_name,
    is_country_name,
    iso_country_names,
    organizations,
    resolve_organization,
)

__all__ = [
    "CommissionMention",
    "CountryMention",
    "OrgMention",
    "find_commissions",
    "find_countries",
    "find_legislatures",
    "find_organizations",
]

# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in a text: by name (``demonym`` False) or by an adjective such as "Dutch"."""

    start: int
    end: int
    code: str
    demonym: bool


def _latin_fold_table() -> dict[int, str]:
    """Latin letters with diacritics (U+00C0–U+024F) mapped to their base letter, one character
    for one, so that offsets in a folded text are offsets in the original."""
    table: dict[int, str] = {}
    for cp in range(0xC0, 0x250):
        base = unicodedata.normalize("NFKD", chr(cp))[:1]
        if base != chr(cp) and base.isascii() and base.isalpha():
            table[cp] = base
    return table


_FOLD = _latin_fold_table()


def _fold(text: str) -> str:
    """``text`` without diacritics on Latin letters, of the same length: "São Tomé" -> "Sao Tome"."""
    return text.translate(_FOLD)


def _alternation(forms: list[str], patterns: list[str], *, ignore_case: bool = False, flat: bool = False) -> str:
    """``(?:p1|p2|...)`` of ``patterns`` (the regexes of ``forms``, in order), grouped by the first
    character of their form behind a lookahead: ``(?:(?=a)(?:...)|(?=b)(?:...)|...)``.

    It matches exactly what the flat alternation matches (at one position only one group's forms
    can match, and inside a group the order is kept), but the regex engine tries one lookahead
    per first character instead of every form at every word start: several times faster on
    hundreds of names. A form that does not start with a letter or digit keeps the flat form.
    ``ignore_case``: the regex is compiled with ``re.I`` (forms are grouped by their lower-cased
    first character); ``flat``: the plain alternation (what a test compares the grouped one with).
    """
    if flat or any(not f[:1].isalnum() for f in forms):
        return "(?:" + "|".join(patterns) + ")"
    groups: dict[str, list[str]] = {}
    for f, p in zip(forms, patterns, strict=True):
        groups.setdefault(f[0].lower() if ignore_case else f[0], []).append(p)
    return "(?:" + "|".join(f"(?={re.escape(c)})(?:{'|'.join(ps)})" for c, ps in groups.items()) + ")"


@cache
def _country_regex(flat: bool = False) -> re.Pattern[str]:
    """Country names and variants, folded (:func:`_fold`): it is matched on a folded text."""
    forms: set[str] = set(iso_country_names())
    forms.update(k.title() if len(k) > 3 else k.upper() for k, v in VARIANTS.items() if v)
    forms.update(["Republic of Korea", "Czech Republic", "Kyrgyz Republic", "Türkiye",
                  "Bosnia-Herzegovina", "Côte d'Ivoire"])
    forms = {_fold(f) for f in forms}
    forms.update(abbr + f.removeprefix("Saint ") for f in list(forms) if f.startswith("Saint ")
                 for abbr in ("St ", "St. "))  # "St Vincent and the Grenadines"
    alts = sorted(forms, key=len, reverse=True)
    body = _alternation(alts, [re.escape(a).replace(r"\ ", r"\s+").replace("'", "['’]") for a in alts], flat=flat)
    return re.compile(rf"(?<![\w-]){body}(?![\w])")


_CAP_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?:[- ](?:Leonean|Lankan|Rican|African|Zealander|Verdean|Salvadoran|"
                       r"Korean|Sudanese|Guinean|Tomean|Domingan))?(?![\w]|-[a-z])")  # not "Portuguese-speaking"


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in ``text`` by name or demonym, in order, longest names first.

    >>> [(m.code, m.demonym) for m in find_countries("Georgian MPs observed the vote in the Kyrgyz Republic.")]
    [('GE', True), ('KG', False)]
    """
    out: list[CountryMention] = []
    taken: list[tuple[int, int]] = []
    for m in _country_regex().finditer(_fold(text)):
        code = country_from_name(m.group(0))
        if code:
            out.append(CountryMention(m.start(), m.end(), code, False))
            taken.append((m.start(), m.end()))
    for m in _CAP_WORD.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        word = m.group(0)
        code = country_from_demonym(word) if not is_country_name(word) else None
        if code is None and word.endswith("s") and not is_country_name(word[:-1]):
            code = country_from_demonym(word[:-1])  # a people: "Zimbabweans", "Ghanaians"
        if code:
            out.append(CountryMention(m.start(), m.end(), code, True))
    out.sort(key=lambda c: c.start)
    return out


# --------------------------------------------------------------------------------------------
# Organizations
# --------------------------------------------------------------------------------------------


def _flex(form: str) -> str:
    out = re.escape(form)
    out = out.replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?").replace("/", r"[/\s-]")
    out = re.sub(r"(?i)organi[sz]ation", "Organi[sz]ation", out)
    out = re.sub(r"(?i)co\\?-?operation", r"Co-?operation", out)
    out = re.sub(r"(?i)inter\[\\s-\]\?parliamentary|interparliamentary",
                 r"Inter-?[Pp]arliamentary", out)
    return out


@cache
def _org_regexes(flat: bool = False) -> tuple[re.Pattern[str], re.Pattern[str]]:
    longs: set[str] = set()
    acrs: set[str] = set()
    for o in organizations():
        acrs.update(o.acronyms)
        longs.update((o.name, *o.aliases))
    lforms = sorted(longs, key=len, reverse=True)
    lpat = _alternation(lforms, [_flex(f) for f in lforms], ignore_case=True, flat=flat)
    apat = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(acrs, key=len, reverse=True))
    return (re.compile(rf"(?<![\w-]){lpat}(?![\w])", re.I),
            re.compile(rf"(?<![\w-])(?:{apat})(?![\w])"))


@dataclass(frozen=True, slots=True)
class OrgMention:
    """An organization named in a text. ``name`` differs from ``org.name`` for derived organs
    ("GUAM Secretariat"), whose ``org`` is the parent and ``organ`` is True."""

    start: int
    end: int
    org: Organization
    name: str
    organ: bool = False


#: The name of an organ: up to three capitalized words, the head noun of a body, and an "of" phrase
#: of capitalized words ("Electoral Advisory Council", "Court of Justice", "Council of the Wise").
ORGAN_PHRASE = (r"(?:[A-Z][a-z]+[ \t]+){0,3}"
                r"(?:Secretariat|Commission|Parliament|Court|Council|Committee|Bureau|Assembly|Network|Observatory|Troika)"
                r"(?:[ \t]+of[ \t]+(?:the[ \t]+)?[A-Z][a-z]+(?:[ \t]+[A-Z][a-z]+)*)?")
#: An organ named after its parent: "CIS Executive Committee", "ECOWAS Court of Justice".
_ORGAN = re.compile(rf"[ \t]+({ORGAN_PHRASE})\b")
_PAREN_ACR = re.compile(r"\s*\(([A-Z][A-Za-z/\- ]{1,14})\)")


#: Common misspellings that keep a name's length ("Independant States"), read as the right word.
_SAME_LENGTH_TYPOS = re.compile(r"\b([Ii]ndepend|[Pp]ermen|[Gg]overnm|[Pp]arliam)ant\b")


def find_organizations(text: str) -> list[OrgMention]:
    """Every catalogue organization named in ``text``, longest names first, without overlaps.

    A long form followed by its acronym in parentheses is one mention; an acronym that the
    text defines this way ("... Monitoring Democracy Development (IIMDD)") resolves too.

    >>> [(m.org.key, m.name) for m in find_organizations("The GUAM Secretariat and the OSCE/ODIHR met.")]
    [('guam', 'GUAM Secretariat'), ('odihr', 'OSCE Office for Democratic Institutions and Human Rights')]
    """
    text = _SAME_LENGTH_TYPOS.sub(lambda m: m.group(1) + "ent", text)  # offsets unchanged
    lre, are = _org_regexes()
    cands: list[tuple[int, int, Organization]] = []
    pos = 0
    while (m := lre.search(text, pos)) is not None:
        if not m.group(0)[:1].isupper():
            # "the Carter Center" matched the alias "The Carter Center" in lower case: look again
            # from the next character, so that the name inside it is still found
            pos = m.start() + 1
            continue
        o = resolve_organization(m.group(0))
        if o:
            cands.append((m.start(), m.end(), o))
        pos = m.end()
    for m in are.finditer(text):
        o = resolve_organization(m.group(0))
        if o:
            cands.append((m.start(), m.end(), o))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    chosen: list[tuple[int, int, Organization]] = []
    last_end = -1
    for s, e, o in cands:
        if s < last_end:
            continue
        chosen.append((s, e, o))
        last_end = e
    # acronyms the text itself defines after a long form
    defined: dict[str, Organization] = {}
    out: list[OrgMention] = []
    covered = -1
    for s, e, o in chosen:
        if s < covered:  # the acronym in "Long Form (ACR)"
            continue
        pm = _PAREN_ACR.match(text, e)
        if pm and (resolve_organization(pm.group(1)) in (None, o)):
            defined[pm.group(1)] = o
            e = pm.end()
        organ = _ORGAN.match(text, e)
        if organ and o.kind != "body":
            suffix = re.sub(r"\s+", " ", organ.group(1))
            derived = resolve_organization(f"{o.short_name} {suffix}")
            surface = re.sub(r"\s+", " ", text[s:e])
            label = f"{surface} {suffix}"
            if derived is not None:
                out.append(OrgMention(s, organ.end(), derived, derived.name))
            else:
                out.append(OrgMention(s, organ.end(), o, label, organ=True))
            covered = organ.end()
            continue
        out.append(OrgMention(s, e, o, o.name))
        covered = e
    if defined:
        extra = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w])")
        for m in extra.finditer(text):
            if any(x.start <= m.start() < x.end for x in out):
                continue
            o = defined[m.group(0)]
            out.append(OrgMention(m.start(), m.end(), o, o.name))
        out.sort(key=lambda x: x.start)
    return out


_BODY = (r"Parliament|Senate|National\s+Assembly|National\s+Council|Congress|Chamber\s+of\s+Deputies|"
         r"House\s+of\s+Representatives|House\s+of\s+Commons|Federal\s+Assembly|Supreme\s+Council|"
         r"Supreme\s+Assembly|Legislative\s+Assembly|Majlis|Sejm|Saeima|Seimas|Riigikogu|Storting|Riksdag|"
         r"Folketing|Althing|Rada|Bundestag")
_LEG_AFTER = re.compile(rf"\b({_BODY})\s+of\s+(?:the\s+)?((?:Republic\s+of\s+)?(?:the\s+)?[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){{0,2}})")
_LEG_BEFORE = re.compile(rf"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+({_BODY})\b")


def find_legislatures(text: str) -> list[OrgMention]:
    """National parliaments the catalogue lacks, named with their country ("the Senate of Kazakhstan",
    "the Georgian Parliament"); each becomes an ad-hoc ``legislature`` with that country.

    >>> [(m.org.name, m.org.country) for m in find_legislatures("MPs of the Parliament of Georgia met Kazakh Senate members.")]
    [('Parliament of Georgia', 'GE'), ('Senate of Kazakhstan', 'KZ')]
    """
    out: list[OrgMention] = []
    for m in _LEG_AFTER.finditer(text):
        words = list(re.finditer(r"\S+", m.group(2)))
        for k in range(len(words), 0, -1):
            code = country_from_name(" ".join(w.group(0) for w in words[:k]))
            if code:
                out.append(_legislature(m.start(1), m.start(2) + words[k - 1].end(), m.group(1), code))
                break
    for m in _LEG_BEFORE.finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        code = country_from_name(m.group(1)) or country_from_name(m.group(1).split()[-1])
        if code:
            start = m.start(1) if country_from_name(m.group(1)) else m.start(1) + m.group(1).rindex(" ") + 1
            out.append(_legislature(start, m.end(2), m.group(2), code))
    out.sort(key=lambda o: o.start)
    return out


def _legislature(start: int, end: int, body: str, code: str) -> OrgMention:
    body = re.sub(r"\s+", " ", body)
    org = Organization(key=f"legislature:{code}:{body.lower().replace(' ', '-')}", name=f"{body} of {country_name(code)}",
                       acronyms=(), aliases=(), wikidata=None, kind="legislature", country=code)
    return OrgMention(start, end, org, org.name)


# --------------------------------------------------------------------------------------------
# Election commissions
# --------------------------------------------------------------------------------------------

_COMM_CORE = (r"(?:(?:Independent|National|Central|Supreme|Permanent|Federal|High|Interim|State|"
              r"Provisional|Plurinational|Autonomous|Joint|Republican|General|Union|Superior)\s+){0,3}(?:Election|Electoral|Elections)\s+"
              r"(?:and\s+Boundaries\s+)?(?:Commission|Committee|Council|Board|Tribunal|Court|"
              r"Institute|Authority|Body|Organ|Office|Bureau|Chamber)")
#: "Central Commission for Elections and Referenda" and its kin: the Central Election Commission.
_COMM_CENTRAL = (r"(?:(?:Independent|High|Supreme|National|Central|Permanent|Autonomous)\s+){1,3}"
                 r"(?:Commission|Authority|Council|Board|Committee|Institute|Body)\s+(?:for|on)\s+(?:the\s+)?"
                 r"(?:Holding\s+(?:of\s+)?)?Elections?"
                 r"(?:,?\s+(?:and\s+)?(?:Holding\s+)?(?:Republican\s+|National\s+)?Referend(?:a|ums?))?")
#: "National Jury of Elections", "Commission on Elections", "Board of Elections".
_COMM_OF = (r"(?:(?:(?:Independent|National|Central|Supreme|Permanent|Federal|High|State|General|Superior)\s+){1,3}"
            r"(?:Jury|Board|Commission|Council|Court|Tribunal|Committee)\s+of\s+Elections|"
            r"(?:(?:Independent|National|Central|Supreme|Permanent|Federal|High|State|General|Superior)\s+){0,3}"
            r"(?:Commission|Board|Council)\s+on\s+Elections)")
@dataclass(frozen=True, slots=True)
class CommissionMention:
    """An election commission named in a text; ``country`` when the text ties it to one.
    ``own_country``: the name itself names the country ("Zimbabwe Electoral Commission")."""

    start: int
    end: int
    name: str
    country: str | None
    own_country: bool = False


@cache
def _comm_regex() -> re.Pattern[str]:
    acr = "|".join(sorted(COMMISSION_ACRONYMS, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?:{_COMM_CENTRAL}|{_COMM_OF}|{_COMM_CORE}|{acr})(?![\w])")


_OF_COUNTRY = re.compile(r"\s+(?:of|in)\s+(?:the\s+)?([A-Z][\w'’-]+(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})")
_BEFORE_COUNTRY = re.compile(r"([A-Z][\w-]+(?:\s+[A-Z][\w-]+)?)(?:['’]s)?\s+$")
#: "Election Commission, Nepal (ECN)": the country after a comma, before the acronym.
_COMMA_COUNTRY = re.compile(r",\s+([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})(?=\s*\()")


def find_commissions(text: str) -> list[CommissionMention]:
    """Election commissions named in ``text``, with the country the text ties each one to.

    An acronym the text defines ("... Referenda (CCER)") names the same commission later on.

    >>> [(c.name, c.country) for c in find_commissions("Kenya's IEBC and the Central Election Commission of the Kyrgyz Republic")]
    [('Independent Electoral and Boundaries Commission', 'KE'), ('Central Election Commission', 'KG')]
    """
    found = _find_commissions(text, _comm_regex(), {})
    defined = {k: v for c in found for k, v in c[1].items()}
    if not defined:
        return [c[0] for c in found]
    extra = re.compile(r"(?<![\w-])(?:" + "|".join(map(re.escape, defined)) + r")(?![\w])")
    more = [c[0] for c in _find_commissions(text, extra, defined)
            if not any(f.start <= c[0].start < f.end for f, _ in found)]
    return sorted([c[0] for c in found] + more, key=lambda c: c.start)


def _find_commissions(text: str, pattern: re.Pattern[str], known: dict[str, tuple[str, str | None]]
                      ) -> list[tuple[CommissionMention, dict[str, tuple[str, str | None]]]]:
    out: list[tuple[CommissionMention, dict[str, tuple[str, str | None]]]] = []
    last_end = -1
    for m in pattern.finditer(text):
        if m.start() < last_end:
            continue
        surface = re.sub(r"\s+", " ", m.group(0))  # the name as the text gives it
        name, country = known.get(surface, (COMMISSION_ACRONYMS.get(surface) or surface, None))
        start, end, own = m.start(), m.end(), False
        cm = _COMMA_COUNTRY.match(text, end)
        if cm and country_from_name(cm.group(1)):
            country, end = country_from_name(cm.group(1)), cm.end()
        defined: dict[str, tuple[str, str | None]] = {}
        pm = _PAREN_ACR.match(text, end)  # "Commission (CEC) of X" or "Commission of X (CEC)"
        if pm:
            end = pm.end()
        om = _OF_COUNTRY.match(text, end)
        if om:
            words = list(re.finditer(r"\S+", om.group(1)))
            for k in range(len(words), 0, -1):
                country = country_from_name(" ".join(w.group(0) for w in words[:k]))
                if country:
                    end = om.start(1) + words[k - 1].end()  # "... Commission of the Kyrgyz Republic"
                    break
        if country is None:
            bm = _BEFORE_COUNTRY.search(text[max(0, m.start() - 40) : m.start()])
            if bm:
                country = country_from_name(bm.group(1)) or country_from_name(bm.group(1).split()[-1])
                word = re.sub(r"^The\s+", "", bm.group(1))
                if not country_from_name(word):
                    word = word.split()[-1]
                if country and text[max(0, m.start() - 40) + bm.end(1) : m.start()] == " " and is_country_name(word) \
                        and surface not in COMMISSION_ACRONYMS:
                    # "Zimbabwe Electoral Commission": the country's name is part of the body's name
                    start, own, name = m.start() - len(word) - 1, True, f"{word} {name}"
        if country is None and surface in known:
            country = known[surface][1]
        if pm is None:
            pm = _PAREN_ACR.match(text, end)
            if pm:
                end = pm.end()
        if pm and surface not in COMMISSION_ACRONYMS and pm.group(1) not in COMMISSION_ACRONYMS:
            defined[pm.group(1)] = (name, country)
        last_end = end
        own = own or any(is_country_name(w) for w in name.split() if w[:1].isupper())
        out.append((CommissionMention(start, end, name, country, own), defined))
    return out
