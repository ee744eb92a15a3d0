"""Names of countries, observer organizations and election commissions, and where a text names them.

Pure Python (pycountry and the packaged catalogue ``kgbuild/data/organizations.json``); nothing
here imports spaCy, so the CLI and the linkers can resolve names cheaply.

>>> resolve_country("the Kyrgyz Republic"), resolve_country("Byelorussia"), resolve_country("Dutch")
('KG', 'BY', 'NL')
>>> resolve_country("Trend") is None
True
>>> resolve_organization("OSCE/ODIHR").name
'OSCE Office for Democratic Institutions and Human Rights'
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from importlib.resources import files

__all__ = [
    "CommissionMention",
    "CountryMention",
    "OrgMention",
    "Organization",
    "country_name",
    "find_commissions",
    "find_countries",
    "find_legislatures",
    "find_organizations",
    "organizations",
    "resolve_country",
    "resolve_organization",
]

# --------------------------------------------------------------------------------------------
# Countries
# --------------------------------------------------------------------------------------------

#: Older, transliterated and colloquial names that pycountry does not carry.
_VARIANTS = {
    "byelorussia": "BY", "belorussia": "BY", "white russia": "BY", "byelorussian ssr": "BY",
    "kirgizia": "KG", "kirghizia": "KG", "kyrghyzstan": "KG", "kirgizstan": "KG", "kirghizstan": "KG",
    "kyrghyz republic": "KG", "kirghiz republic": "KG", "kirgiz republic": "KG",
    "moldavia": "MD", "russia": "RU", "turkey": "TR", "turkiye": "TR", "turkmenia": "TM",
    "kazakstan": "KZ", "tadjikistan": "TJ", "tajikstan": "TJ", "azerbaidjan": "AZ",
    "czech republic": "CZ", "macedonia": "MK", "former yugoslav republic of macedonia": "MK",
    "bosnia": "BA", "bosnia-herzegovina": "BA", "ivory coast": "CI", "cote d'ivoire": "CI",
    "cape verde": "CV", "swaziland": "SZ", "burma": "MM", "east timor": "TL",
    "south korea": "KR", "republic of korea": "KR", "north korea": "KP", "dprk": "KP",
    "dr congo": "CD", "drc": "CD", "democratic republic of congo": "CD",
    "democratic republic of the congo": "CD", "congo-kinshasa": "CD", "congo-brazzaville": "CG",
    "republic of the congo": "CG", "republic of congo": "CG",
    "britain": "GB", "great britain": "GB", "uk": "GB", "united kingdom": "GB",
    "us": "US", "usa": "US", "united states": "US", "united states of america": "US",
    "holland": "NL", "netherlands": "NL", "vatican": "VA", "holy see": "VA", "palestine": "PS",
    "laos": "LA", "syria": "SY", "iran": "IR", "vietnam": "VN", "brunei": "BN", "the gambia": "GM",
    "gambia": "GM", "kosovo": "XK", "transnistria": None, "russian federation": "RU",
}

#: Demonyms that cannot be derived from a country's name by stripping a suffix.
_DEMONYMS = {
    "dutch": "NL", "french": "FR", "british": "GB", "scottish": "GB", "slovak": "SK", "afghan": "AF", "saudi": "SA", "panamanian": "PA",
    "welsh": "GB", "irish": "IE", "swiss": "CH", "greek": "GR", "cypriot": "CY",
    "danish": "DK", "dane": "DK", "norwegian": "NO", "turkish": "TR", "spanish": "ES",
    "portuguese": "PT", "american": "US", "filipino": "PH", "philippine": "PH",
    "emirati": "AE", "salvadoran": "SV", "ivorian": "CI", "malagasy": "MG", "montenegrin": "ME",
    "macedonian": "MK", "peruvian": "PE", "mozambican": "MZ", "belarussian": "BY",
    "byelorussian": "BY", "belorussian": "BY", "kirghiz": "KG", "kyrgyzstani": "KG",
    "kazakhstani": "KZ", "uzbekistani": "UZ", "tajikistani": "TJ", "turkmenistani": "TM",
    "azeri": "AZ", "thai": "TH", "lao": "LA", "burmese": "MM", "bangladeshi": "BD",
    "nepali": "NP", "nepalese": "NP", "sri lankan": "LK", "icelandic": "IS", "czech": "CZ",
    "serb": "RS", "croat": "HR", "pole": "PL", "finn": "FI", "finnish": "FI", "swede": "SE",
    "swedish": "SE", "beninese": "BJ", "togolese": "TG", "burkinabe": "BF", "nigerien": "NE",
    "gabonese": "GA", "motswana": "BW", "botswanan": "BW", "basotho": "LS", "swazi": "SZ",
    "somali": "SO", "sierra leonean": "SL", "trinidadian": "TT", "barbadian": "BB",
    "guyanese": "GY", "surinamese": "SR", "argentine": "AR", "new zealander": "NZ",
    "kosovar": "XK", "kosovan": "XK", "slovene": "SI", "monegasque": "MC", "liechtensteiner": "LI",
    "icelander": "IS", "polish": "PL", "south african": "ZA", "costa rican": "CR", "cape verdean": "CV", "south korean": "KR", "north korean": "KP",
    "south sudanese": "SS", "equatorial guinean": "GQ", "papua new guinean": "PG", "el salvadoran": "SV", "welshman": "GB", "scot": "GB", "briton": "GB", "lebanese": "LB",
    "dominican": "DO",  # in news, the Dominican Republic far more often than Dominica
    "seychellois": "SC", "vincentian": "VC", "saint lucian": "LC", "st lucian": "LC", "marshallese": "MH",
    "solomon islander": "SB",
}

#: Capitalized words that look like demonyms but name no state.
_NOT_DEMONYMS = {
    "european", "african", "asian", "christian", "roman", "latin", "arab", "arabian", "caucasian",
    "islamic", "baltic", "nordic", "arabic", "slavic", "soviet", "eurasian", "atlantic", "pacific",
    "oriental", "indian ocean", "mediterranean", "balkan", "ottoman", "persian", "hispanic",
    "congolese", "korean", "guinean", "turkic", "romance", "indo", "dominic", "cyprian",
}

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


def _norm(name: str) -> str:
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s)


@cache
def _country_table() -> dict[str, str]:
    import pycountry

    table: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if not v:
                continue
            table.setdefault(_norm(v), c.alpha_2)
            if "," in v:  # "Moldova, Republic of" -> "Moldova" when that is unambiguous
                short.setdefault(_norm(v.split(",")[0]), set()).add(c.alpha_2)
    for k, codes in short.items():
        if len(codes) == 1:
            table.setdefault(k, next(iter(codes)))
    for k, v in _VARIANTS.items():
        if v is None:
            table.pop(k, None)
        else:
            table[k] = v
    return table


@cache
def _short_names() -> dict[str, str]:
    """Names usable as stems of demonyms: ``name`` and ``common_name`` (not official names)."""
    import pycountry

    out: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                out[_norm(v)] = c.alpha_2
    for k, v in _VARIANTS.items():
        if v and " " not in k:
            out[k] = v
    return out


_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish", "ic", "ean", "")


@cache
def _demonym(word: str) -> str | None:
    if word in _NOT_DEMONYMS or len(word) < 4:
        return _DEMONYMS.get(word)
    if word in _DEMONYMS:
        return _DEMONYMS[word]
    names = _short_names()
    for suf in _SUFFIXES:
        if suf and not word.endswith(suf):
            continue
        stem = word[: len(word) - len(suf)] if suf else word
        if suf == "n" and not stem.endswith("a"):
            continue  # "Kenya-n", "Russia-n"; not "Mali-n" (a given name)
        if stem in names and suf:
            return names[stem]
    for tail in ("stan", "istan"):  # "Kazakh" -> "Kazakhstan", "Uzbek" -> "Uzbekistan"
        if word + tail in names:
            return names[word + tail]
    for suf in _SUFFIXES:
        # a prefix of a name only after a real demonym ending ("Mexic-an" -> Mexico, "Swed-ish" ->
        # Sweden), never for a bare word ("Philip", "Port", "Georg") or a one-letter ending ("Jordi")
        if len(suf) < 2 or not word.endswith(suf):
            continue
        stem = word[: len(word) - len(suf)]
        if len(stem) < 4:
            continue
        hits = {code for n, code in names.items() if n.startswith(stem) and len(n) - len(stem) <= 3}
        if len(hits) == 1:
            return hits.pop()
    return None


def resolve_country(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, variant or demonym; None if it names no state.

    >>> resolve_country("Russian Federation"), resolve_country("Türkiye"), resolve_country("Kirgizia")
    ('RU', 'TR', 'KG')
    >>> resolve_country("Belarus-Russia Union State") is None
    True
    """
    if not name or not name.strip():
        return None
    key = _norm(name)
    table = _country_table()
    if key in table:
        return table[key]
    key2 = re.sub(r"^republic of (the )?", "", key)
    if key2 != key and key2 in table:
        return table[key2]
    if " " not in key and name.strip()[:1].isupper():
        return _demonym(key)
    if key in _DEMONYMS:
        return _DEMONYMS[key]
    return None


def country_name(code: str) -> str:
    """A country's common English short name, for labels such as "Central Election Commission of X".

    >>> country_name("RU"), country_name("KG")
    ('Russia', 'Kyrgyzstan')
    """
    import pycountry

    special = {"RU": "Russia", "KR": "South Korea", "KP": "North Korea", "CD": "DR Congo",
               "CG": "Republic of the Congo", "GB": "United Kingdom", "US": "United States",
               "VN": "Vietnam", "LA": "Laos", "SY": "Syria", "XK": "Kosovo", "NL": "Netherlands"}
    if code in special:
        return special[code]
    c = pycountry.countries.get(alpha_2=code)
    if c is None:
        return code
    return getattr(c, "common_name", None) or c.name


@dataclass(frozen=True, slots=True)
class CountryMention:
    """A country named in a text: by name (``demonym`` False) or by an adjective such as "Dutch"."""

    start: int
    end: int
    code: str
    demonym: bool


@cache
def _country_regex() -> re.Pattern[str]:
    import pycountry

    forms: set[str] = set()
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                forms.add(v)
    forms.update(k.title() if len(k) > 3 else k.upper() for k, v in _VARIANTS.items() if v)
    forms.update(["Republic of Korea", "Czech Republic", "Kyrgyz Republic", "Türkiye",
                  "Bosnia-Herzegovina", "Côte d'Ivoire", "Cote d'Ivoire"])
    alts = sorted(forms, key=len, reverse=True)
    body = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in alts)
    return re.compile(rf"(?<![\w-])(?:{body})(?![\w])")


_CAP_WORD = re.compile(r"(?<![\w-])[A-Z][a-z]{2,}(?:[- ](?:Leonean|Lankan|Rican|African|Zealander|Verdean|Salvadoran|"
                       r"Korean|Sudanese|Guinean|Tomean|Domingan))?(?![\w]|-[a-z])")  # not "Portuguese-speaking"


def find_countries(text: str) -> list[CountryMention]:
    """Every country named in ``text`` by name or demonym, in order, longest names first.

    >>> [(m.code, m.demonym) for m in find_countries("Georgian MPs observed the vote in the Kyrgyz Republic.")]
    [('GE', True), ('KG', False)]
    """
    out: list[CountryMention] = []
    taken: list[tuple[int, int]] = []
    for m in _country_regex().finditer(text):
        code = resolve_country(m.group(0))
        if code:
            out.append(CountryMention(m.start(), m.end(), code, False))
            taken.append((m.start(), m.end()))
    for m in _CAP_WORD.finditer(text):
        if any(s <= m.start() < e for s, e in taken):
            continue
        w = _norm(m.group(0))
        code = _demonym(w) if w not in _country_table() else None
        if code:
            out.append(CountryMention(m.start(), m.end(), code, True))
    out.sort(key=lambda c: c.start)
    return out


# --------------------------------------------------------------------------------------------
# Organizations
# --------------------------------------------------------------------------------------------

KINDS = ("igo", "parliamentary_assembly", "ngo", "legislature", "body")


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
    def can_observe(self) -> bool:
        """Whether this body deploys missions of its own (organs such as secretariats do not)."""
        return self.kind != "body"


@cache
def organizations() -> list[Organization]:
    """The packaged catalogue of organizations (``kgbuild/data/organizations.json``)."""
    raw = json.loads(files("kgbuild").joinpath("data/organizations.json").read_text("utf-8"))
    out = []
    for r in raw:
        if r["kind"] not in KINDS:
            raise ValueError(f"organizations.json: {r['key']!r} has unknown kind {r['kind']!r}")
        out.append(Organization(key=r["key"], name=r["name"], acronyms=tuple(r.get("acronyms", ())),
                                aliases=tuple(r.get("aliases", ())), wikidata=r.get("wikidata"),
                                kind=r["kind"], country=r.get("country")))
    return out


def _org_key(s: str) -> str:
    s = _norm(s).replace("co-operation", "cooperation").replace("organis", "organiz")
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
    """The catalogue entry named by an acronym or a long form, or None.

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


def _flex(form: str) -> str:
    out = re.escape(form)
    out = out.replace(r"\ ", r"[\s-]+").replace(r"\-", r"[\s-]?").replace("/", r"[/\s-]")
    out = re.sub(r"(?i)organi[sz]ation", "Organi[sz]ation", out)
    out = re.sub(r"(?i)co\\?-?operation", r"Co-?operation", out)
    out = re.sub(r"(?i)inter\[\\s-\]\?parliamentary|interparliamentary",
                 r"Inter-?[Pp]arliamentary", out)
    return out


@cache
def _org_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    longs: set[str] = set()
    acrs: set[str] = set()
    for o in organizations():
        acrs.update(o.acronyms)
        longs.update((o.name, *o.aliases))
    lpat = "|".join(_flex(f) for f in sorted(longs, key=len, reverse=True))
    apat = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a in sorted(acrs, key=len, reverse=True))
    return (re.compile(rf"(?<![\w-])(?:{lpat})(?![\w])", re.I),
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


#: An organ named after its parent: "CIS Executive Committee", "SADC Electoral Advisory Council".
_ORGAN = re.compile(r"[ \t]+(Council[ \t]+Secretariat|Secretariat|Executive[ \t]+Committee|"
                    r"(?:[A-Z][a-z]+[ \t]+){1,3}(?:Council|Committee|Bureau))\b(?![ \t]+of\b)")
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
    for m in lre.finditer(text):
        if not m.group(0)[:1].isupper():
            continue
        o = resolve_organization(m.group(0))
        if o:
            cands.append((m.start(), m.end(), o))
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
            derived = resolve_organization(f"{o.acronyms[0] if o.acronyms else o.name} {suffix}")
            surface = re.sub(r"\s+", " ", text[s:e])
            label = f"{surface} {suffix}" if len(surface) <= 12 else f"{o.acronyms[0] if o.acronyms else o.name} {suffix}"
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
            code = resolve_country(" ".join(w.group(0) for w in words[:k]))
            if code:
                out.append(_legislature(m.start(1), m.start(2) + words[k - 1].end(), m.group(1), code))
                break
    for m in _LEG_BEFORE.finditer(text):
        if any(o.start <= m.start() < o.end for o in out):
            continue
        code = resolve_country(m.group(1)) or resolve_country(m.group(1).split()[-1])
        if code:
            start = m.start(1) if resolve_country(m.group(1)) else m.start(1) + m.group(1).rindex(" ") + 1
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
_COMM_ACRONYMS = {
    "CEC": "Central Election Commission", "NEC": "National Election Commission",
    "INEC": "Independent National Electoral Commission", "IEBC": "Independent Electoral and Boundaries Commission",
    "IEC": "Independent Electoral Commission", "ZEC": "Zimbabwe Electoral Commission",
    "NEBE": "National Election Board of Ethiopia", "CENI": "Independent National Electoral Commission",
    "CENA": "Autonomous National Electoral Commission", "TSE": "Supreme Electoral Tribunal",
    "CNE": "National Electoral Council", "JCE": "Central Electoral Board", "INE": "National Electoral Institute",
    "CSE": "Supreme Electoral Council", "ECZ": "Electoral Commission of Zambia",
}


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
    acr = "|".join(sorted(_COMM_ACRONYMS, key=len, reverse=True))
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
        name, country = known.get(surface, (_COMM_ACRONYMS.get(surface) or surface, None))
        start, end, own = m.start(), m.end(), False
        cm = _COMMA_COUNTRY.match(text, end)
        if cm and resolve_country(cm.group(1)):
            country, end = resolve_country(cm.group(1)), cm.end()
        defined: dict[str, tuple[str, str | None]] = {}
        pm = _PAREN_ACR.match(text, end)  # "Commission (CEC) of X" or "Commission of X (CEC)"
        if pm:
            end = pm.end()
        om = _OF_COUNTRY.match(text, end)
        if om:
            words = list(re.finditer(r"\S+", om.group(1)))
            for k in range(len(words), 0, -1):
                country = resolve_country(" ".join(w.group(0) for w in words[:k]))
                if country:
                    end = om.start(1) + words[k - 1].end()  # "... Commission of the Kyrgyz Republic"
                    break
        if country is None:
            bm = _BEFORE_COUNTRY.search(text[max(0, m.start() - 40) : m.start()])
            if bm:
                country = resolve_country(bm.group(1)) or resolve_country(bm.group(1).split()[-1])
                word = re.sub(r"^The\s+", "", bm.group(1))
                if not resolve_country(word):
                    word = word.split()[-1]
                if country and text[max(0, m.start() - 40) + bm.end(1) : m.start()] == " " and _norm(word) in _country_table() \
                        and surface not in _COMM_ACRONYMS:
                    # "Zimbabwe Electoral Commission": the country's name is part of the body's name
                    start, own, name = m.start() - len(word) - 1, True, f"{word} {name}"
        if country is None and surface in known:
            country = known[surface][1]
        if pm is None:
            pm = _PAREN_ACR.match(text, end)
            if pm:
                end = pm.end()
        if pm and surface not in _COMM_ACRONYMS and pm.group(1) not in _COMM_ACRONYMS:
            defined[pm.group(1)] = (name, country)
        last_end = end
        own = own or any(_norm(w) in _country_table() for w in name.split() if w[:1].isupper())
        out.append((CommissionMention(start, end, name, country, own), defined))
    return out
