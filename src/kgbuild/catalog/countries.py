"""Country names: ISO names, older and colloquial variants, demonyms, and the one resolver.

:func:`resolve_country` answers any way of denoting a country (a code, a Wikidata or GeoNames
id, a name, a variant, a demonym) with its ISO 3166-1 alpha-2 code from the packaged snapshot.
:func:`country_from_name` answers only names, variants and demonyms, and also knows Kosovo
(``XK``, a code observers use but ISO does not assign): it is what text matching calls, since a
word of a text such as "IN" or "AND" must not be read as a country code.

>>> resolve_country("AZE"), resolve_country("Q227"), resolve_country("the Kyrgyz Republic")
('AZ', 'AZ', 'KG')
>>> country_from_name("Byelorussia"), country_from_name("Dutch"), country_from_name("Kosovar")
('BY', 'NL', 'XK')
>>> resolve_country("Trend") is None, country_from_name("Belarus-Russia Union State") is None
(True, True)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from functools import cache
from types import MappingProxyType

from . import snapshot
from ._keys import name_key
from .snapshot import _ALPHA2, _ALPHA3, _QID, all_countries, snapshot_index

__all__ = [
    "DEMONYMS",
    "NOT_DEMONYMS",
    "VARIANTS",
    "country_from_demonym",
    "country_from_name",
    "country_label",
    "country_name",
    "is_country_name",
    "iso_country_names",
    "reload_snapshot",
    "resolve_country",
]

_ENTITY_IRI = re.compile(r"https?://(?:www\.)?wikidata\.org/(?:entity|wiki)/(Q[1-9]\d*)/?", re.I)
_GEONAMES_IRI = re.compile(r"https?://(?:sws\.|www\.)?geonames\.org/(\d+)(?:/.*)?", re.I)

#: Older, transliterated and colloquial names that pycountry does not carry.
_VARIANTS: dict[str, str | None] = {
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
_DEMONYMS: dict[str, str] = {
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
_NOT_DEMONYMS: set[str] = {
    "european", "african", "asian", "christian", "roman", "latin", "arab", "arabian", "caucasian",
    "islamic", "baltic", "nordic", "arabic", "slavic", "soviet", "eurasian", "atlantic", "pacific",
    "oriental", "indian ocean", "mediterranean", "balkan", "ottoman", "persian", "hispanic",
    "congolese", "korean", "guinean", "turkic", "romance", "indo", "dominic", "cyprian",
}

#: Older, transliterated and colloquial names (name key -> alpha-2; ``None``: names no state).
VARIANTS: Mapping[str, str | None] = MappingProxyType(_VARIANTS)
#: Demonyms that cannot be derived from a country's name (name key -> alpha-2).
DEMONYMS: Mapping[str, str] = MappingProxyType(_DEMONYMS)
#: Capitalized words that look like demonyms but name no state.
NOT_DEMONYMS: frozenset[str] = frozenset(_NOT_DEMONYMS)


@cache
def _country_table() -> dict[str, str]:
    """Name key -> alpha-2 of pycountry's names (and of "X" for "X, Republic of") and the variants."""
    import pycountry

    table: dict[str, str] = {}
    short: dict[str, set[str]] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if not v:
                continue
            table.setdefault(name_key(v), c.alpha_2)
            if "," in v:  # "Moldova, Republic of" -> "Moldova" when that is unambiguous
                short.setdefault(name_key(v.split(",")[0]), set()).add(c.alpha_2)
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
                out[name_key(v)] = c.alpha_2
    for k, v in _VARIANTS.items():
        if v and " " not in k:
            out[k] = v
    return out


_SUFFIXES = ("n", "an", "ian", "i", "ese", "ish", "ic", "ean", "")


@cache
def _demonym(word: str) -> str | None:
    """The country of a demonym's name key ("kenyan", "kazakh"), derived from the short names."""
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


def country_from_name(name: str) -> str | None:
    """ISO 3166-1 alpha-2 code of a country name, variant or demonym; None if it names no state.

    The code is ``XK`` for Kosovo, which :func:`resolve_country` does not answer (no ISO code).

    >>> country_from_name("Russian Federation"), country_from_name("Türkiye"), country_from_name("Kirgizia")
    ('RU', 'TR', 'KG')
    >>> country_from_name("Belarus-Russia Union State") is None
    True
    """
    if not name or not name.strip():
        return None
    key = name_key(name)
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


def country_from_demonym(word: str) -> str | None:
    """The country a demonym or adjective names ("Kenyan", "Dutch", "Kazakh"), else None.

    >>> country_from_demonym("Georgian"), country_from_demonym("Philip")
    ('GE', None)
    """
    return _demonym(name_key(word))


def is_country_name(name: str) -> bool:
    """Whether ``name`` is a country's name or variant (not a demonym): "Zimbabwe", not "Zimbabwean".

    >>> is_country_name("the Kyrgyz Republic"), is_country_name("Kyrgyz")
    (True, False)
    """
    return name_key(name) in _country_table()


def iso_country_names() -> list[str]:
    """pycountry's names, common names and official names of every country, without the inverted
    ones ("Moldova, Republic of"), in pycountry's order: the names texts use."""
    import pycountry

    out: list[str] = []
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            v = getattr(c, attr, None)
            if v and "," not in v:
                out.append(v)
    return out


def country_name(code: str) -> str:
    """A country's common English short name, for names such as "Central Election Commission of X".

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
    return str(getattr(c, "common_name", None) or c.name)


def country_label(alpha2: str) -> str:
    """The ``rdfs:label`` of a country node: pycountry's common name, else its ISO name, else the code.

    >>> country_label("ru"), country_label("XK")
    ('Russian Federation', 'XK')
    """
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2.upper())
    if c is None:
        return alpha2.upper()
    return str(getattr(c, "common_name", None) or c.name)


def _fold(text: str) -> str:
    """Case-, accent- and punctuation-insensitive key for exact name lookup."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    folded = re.sub(r"[^a-z0-9]+", " ", folded).strip()
    return re.sub(r"^the ", "", folded)


@cache
def _names() -> dict[str, str]:
    """Folded name -> alpha-2, from pycountry (name, official and common names) and the snapshot."""
    import pycountry

    index: dict[str, str] = {}
    ambiguous: set[str] = set()

    def add(name: str | None, alpha2: str) -> None:
        if not name:
            return
        key = _fold(name)
        if not key or key in ambiguous:
            return
        if index.setdefault(key, alpha2) != alpha2:
            ambiguous.add(key)
            del index[key]

    for c in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            add(getattr(c, attr, None), c.alpha_2)
    for ids in all_countries():
        add(ids.name, ids.alpha2)
        add(ids.wikidata_label, ids.alpha2)
    return index


def resolve_country(value: str) -> str | None:
    """The alpha-2 code of the ISO 3166-1 country that ``value`` denotes, or ``None``.

    Accepts an alpha-2 or alpha-3 code (any case), a numeric code ("31" or "031"), a Wikidata
    item id or entity IRI ("Q227"), a GeoNames id or IRI, or a name. A name goes first to
    :func:`country_from_name` (variants and demonyms), then to an exact (case-, accent- and
    punctuation-insensitive) match on pycountry's names and the snapshot's names and Wikidata
    labels. Only codes of the snapshot come back (not ``XK``). There is no fuzzy matching:
    "Belarus-Russia Union State" gives ``None``, not a guess.

    >>> resolve_country("azerbaijan"), resolve_country("Russia"), resolve_country("Trend")
    ('AZ', 'RU', None)
    """
    if not isinstance(value, str):
        return None
    text = value.strip()
    if not text:
        return None
    idx = snapshot_index()
    upper = text.upper()
    if _ALPHA2.fullmatch(upper) and upper in idx["alpha2"]:
        return upper
    if _ALPHA3.fullmatch(upper) and upper in idx["alpha3"]:
        return idx["alpha3"][upper].alpha2
    if text.isdigit():
        if len(text) <= 3 and text.zfill(3) in idx["numeric"]:
            return idx["numeric"][text.zfill(3)].alpha2
        hit = idx["geonames"].get(text.lstrip("0"))
        return hit.alpha2 if hit else None
    if _QID.fullmatch(upper):
        hit = idx["wikidata"].get(upper)
        return hit.alpha2 if hit else None
    match = _ENTITY_IRI.fullmatch(text)
    if match:
        hit = idx["wikidata"].get(match.group(1).upper())
        return hit.alpha2 if hit else None
    match = _GEONAMES_IRI.fullmatch(text)
    if match:
        hit = idx["geonames"].get(match.group(1))
        return hit.alpha2 if hit else None
    code = country_from_name(text)
    if code is not None and code in idx["alpha2"]:
        return code
    return _names().get(_fold(text))


def reload_snapshot() -> None:
    """Read ``countries.csv`` again at the next lookup (after :func:`kgbuild.link.wikidata.refresh`
    rewrote the packaged file)."""
    for cached in (snapshot._table, snapshot_index, _names):
        cached.cache_clear()
