"""Where a Russian text names a country, an organization or an election commission.

- **Countries**: every case form (singular; plural for plural names) of the Russian names of every
  ISO 3166-1 country that pycountry's bundled gettext catalogue (``iso3166-1``, ``ru``) gives, and
  of a few common variants ("Киргизия", "Белоруссия", "США"), generated with pymorphy2's
  inflection (:func:`country_forms`); nationality adjectives in every form ("казахстанские
  наблюдатели", "российская делегация") and nationality nouns ("во главе с австрийцем", "шведка")
  from their lemmas.
- **Organizations**: the Russian names and abbreviations of catalogue entries
  (``kgbuild/data/organizations-ru.json``, the same keys and Wikidata ids as the English
  catalogue); abbreviations match as written ("МПА СНГ" before "СНГ"), names by their lemmas,
  so every case form matches ("Межпарламентской ассамблеи государств – участников СНГ").
- **Commissions**: ЦИК, Центризбирком, "Центральная избирательная комиссия", "Центральная
  комиссия по выборам и проведению референдумов" (or "по проведению выборов и референдумов"),
  "Центральная комиссия референдума", "Национальный избирательный совет" (Venezuela's and
  Ecuador's National Electoral Council), with the country named right after them ("ЦИК Киргизии",
  "... в Туркменистане") or by an adjective before them ("казахстанский Центризбирком").

The mentions are the English gazetteer's types (:mod:`kgbuild.extract.gazetteer`), so the
candidates and the scorer of extractor v2 read them unchanged.
"""

from __future__ import annotations

import gettext
import itertools
import re
from functools import cache
from typing import TYPE_CHECKING, Any

from ...catalog import organizations
from ...catalog.orgs_ru import member_names, russian_names, russian_only_organizations
from ..gazetteer import CommissionMention, CountryMention, OrgMention
from .nlp import ru_morph

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["country_forms", "find_commissions", "find_countries", "find_organizations", "find_organs", "fold"]

#: Common Russian names the ISO catalogue does not give (its names are the official short ones).
VARIANTS = {
    "Россия": "RU", "РФ": "RU", "Российская Федерация": "RU", "Киргизия": "KG", "Кыргызстан": "KG",
    "Киргизская Республика": "KG", "Кыргызская Республика": "KG", "Белоруссия": "BY", "Беларусь": "BY",
    "Молдавия": "MD", "Молдова": "MD", "США": "US", "Соединенные Штаты": "US", "Америка": "US",
    "Великобритания": "GB", "Британия": "GB", "Туркмения": "TM", "Южная Корея": "KR", "Северная Корея": "KP",
    "КНР": "CN", "ОАЭ": "AE", "Чехия": "CZ", "Венесуэла": "VE", "Боливия": "BO", "Иран": "IR",
    "Сирия": "SY", "Вьетнам": "VN", "Лаос": "LA", "Танзания": "TZ", "Косово": "XK", "Северная Македония": "MK",
    "Македония": "MK", "Кот-д'Ивуар": "CI", "Конго": "CG", "ДРК": "CD", "Демократическая Республика Конго": "CD",
    "Ватикан": "VA", "Палестина": "PS", "Тайвань": "TW", "Бирма": "MM", "Мьянма": "MM",
}

#: Nationality adjectives (lemmas): their forms are generated like the names'.
ADJECTIVES = {
    "российский": "RU", "русский": "RU", "белорусский": "BY", "казахстанский": "KZ", "казахский": "KZ",
    "киргизский": "KG", "кыргызский": "KG", "кыргызстанский": "KG", "узбекский": "UZ", "узбекистанский": "UZ",
    "таджикский": "TJ", "таджикистанский": "TJ", "туркменский": "TM", "азербайджанский": "AZ", "армянский": "AM",
    "грузинский": "GE", "молдавский": "MD", "молдовский": "MD", "украинский": "UA", "монгольский": "MN",
    "китайский": "CN", "турецкий": "TR", "иранский": "IR", "индийский": "IN", "пакистанский": "PK",
    "сербский": "RS", "венгерский": "HU", "польский": "PL", "немецкий": "DE", "германский": "DE",
    "французский": "FR", "итальянский": "IT", "британский": "GB", "американский": "US", "латвийский": "LV",
    "литовский": "LT", "эстонский": "EE", "финский": "FI", "шведский": "SE", "норвежский": "NO",
    "болгарский": "BG", "румынский": "RO", "чешский": "CZ", "словацкий": "SK", "австрийский": "AT",
    "швейцарский": "CH", "испанский": "ES", "португальский": "PT", "греческий": "GR", "кипрский": "CY",
    "афганский": "AF", "вьетнамский": "VN", "корейский": "KR", "японский": "JP", "египетский": "EG",
    "венесуэльский": "VE", "никарагуанский": "NI", "кубинский": "CU", "боливийский": "BO", "абхазский": None,
    "южноосетинский": None, "приднестровский": None,
    "ирландский": "IE", "исландский": "IS", "хорватский": "HR", "словенский": "SI", "черногорский": "ME",
    "македонский": "MK", "боснийский": "BA", "албанский": "AL", "мальтийский": "MT", "бельгийский": "BE",
    "нидерландский": "NL", "голландский": "NL", "датский": "DK", "люксембургский": "LU", "канадский": "CA",
    "австралийский": "AU", "новозеландский": "NZ", "мексиканский": "MX", "бразильский": "BR",
    "аргентинский": "AR", "чилийский": "CL", "колумбийский": "CO", "перуанский": "PE", "эквадорский": "EC",
    "уругвайский": "UY", "парагвайский": "PY", "гватемальский": "GT", "гондурасский": "HN",
    "сальвадорский": "SV", "панамский": "PA", "доминиканский": "DO", "южноафриканский": "ZA",
    "нигерийский": "NG", "кенийский": "KE", "эфиопский": "ET", "ганский": "GH", "сенегальский": "SN",
    "зимбабвийский": "ZW", "замбийский": "ZM", "мозамбикский": "MZ", "ангольский": "AO", "танзанийский": "TZ",
    "угандийский": "UG", "алжирский": "DZ", "марокканский": "MA", "тунисский": "TN", "ливийский": "LY",
    "суданский": "SD", "саудовский": "SA", "иракский": "IQ", "иорданский": "JO", "ливанский": "LB",
    "израильский": "IL", "катарский": "QA", "кувейтский": "KW", "эмиратский": "AE", "бахрейнский": "BH",
    "сирийский": "SY", "бангладешский": "BD", "непальский": "NP", "индонезийский": "ID", "малайзийский": "MY",
    "филиппинский": "PH", "таиландский": "TH", "камбоджийский": "KH", "сингапурский": "SG",
}

#: Nationality nouns (lemmas, both genders): "ирландец", "во главе с австрийцем", "шведка" name the
#: country of the person they describe (a head's nationality is a member country); forms generated.
NATIONALS = {
    "ирландец": "IE", "ирландка": "IE", "исландец": "IS", "исландка": "IS", "хорват": "HR", "хорватка": "HR",
    "австриец": "AT", "австрийка": "AT", "швед": "SE", "шведка": "SE", "норвежец": "NO", "норвежка": "NO",
    "датчанин": "DK", "датчанка": "DK", "финн": "FI", "немец": "DE", "немка": "DE", "француз": "FR",
    "француженка": "FR", "итальянец": "IT", "итальянка": "IT", "испанец": "ES", "испанка": "ES",
    "португалец": "PT", "португалка": "PT", "грек": "GR", "гречанка": "GR", "поляк": "PL", "чех": "CZ",
    "чешка": "CZ", "словак": "SK", "словачка": "SK", "венгр": "HU", "венгерка": "HU", "румын": "RO",
    "румынка": "RO", "болгарин": "BG", "болгарка": "BG", "серб": "RS", "сербка": "RS", "британец": "GB",
    "британка": "GB", "англичанин": "GB", "англичанка": "GB", "американец": "US", "американка": "US",
    "канадец": "CA", "канадка": "CA", "бельгиец": "BE", "бельгийка": "BE", "голландец": "NL",
    "голландка": "NL", "нидерландец": "NL", "швейцарец": "CH", "швейцарка": "CH", "литовец": "LT",
    "литовка": "LT", "латыш": "LV", "латышка": "LV", "эстонец": "EE", "эстонка": "EE", "украинец": "UA",
    "украинка": "UA", "белорус": "BY", "белоруска": "BY", "россиянин": "RU", "россиянка": "RU",
    "казахстанец": "KZ", "казахстанка": "KZ", "киргиз": "KG", "кыргызстанец": "KG", "узбек": "UZ",
    "узбечка": "UZ", "таджик": "TJ", "таджичка": "TJ", "туркмен": "TM", "азербайджанец": "AZ",
    "азербайджанка": "AZ", "армянин": "AM", "армянка": "AM", "грузин": "GE", "грузинка": "GE",
    "молдаванин": "MD", "молдаванка": "MD", "словенец": "SI", "черногорец": "ME", "македонец": "MK",
    "албанец": "AL", "киприот": "CY", "мальтиец": "MT", "люксембуржец": "LU", "австралиец": "AU",
    "парагваец": "PY", "мексиканец": "MX", "бразилец": "BR", "аргентинец": "AR", "чилиец": "CL",
    "японец": "JP", "китаец": "CN", "индиец": "IN", "монгол": "MN", "турок": "TR", "турчанка": "TR",
}

#: Word forms that are ordinary words far more often than countries ("того" is not Togo).
_NOT_COUNTRIES = frozenset({"того", "мали", "чад", "гаити"})

_CASES = ("nomn", "gent", "datv", "accs", "ablt", "loct")


def fold(text: str) -> str:
    """``ё`` as ``е`` (same length: offsets stay), the way Russian news usually writes it."""
    return text.replace("ё", "е").replace("Ё", "Е")


def _inflections(word: str, case: str, plural: bool) -> set[str]:
    """The forms of ``word`` in ``case`` (the word itself when pymorphy2 cannot inflect it)."""
    morph = ru_morph()
    out = set()
    for p in morph.parse(word)[:2]:
        if "NOUN" not in p.tag and "ADJF" not in p.tag:
            continue
        if "nomn" not in p.tag:
            continue
        grams = {case, "plur"} if plural or "plur" in p.tag else {case}
        f = morph.inflect(p, grams)
        if f is not None:
            w = f.word
            out.add(w[:1].upper() + w[1:] if word[:1].isupper() else w)
    return out or {word}


def _phrase_forms(name: str) -> set[str]:
    """Every case form of a multi-word name: each word inflected or kept ("Республики Казахстан")."""
    words = fold(name).replace("\u0301", "").split()
    if not words:
        return set()
    if any(w.isupper() and len(w) > 1 for w in words) and len(words) == 1:
        return {words[0]}  # an abbreviation: США, КНР
    out = {" ".join(words)}
    plural = False
    for case in _CASES:
        options = [sorted(_inflections(w, case, plural) | {w}) if not w.isupper() else [w] for w in words]
        if len(words) > 4:
            options = [o[:2] for o in options]
        for combo in itertools.product(*options):
            out.add(" ".join(combo))
    return out


@cache
def country_forms() -> dict[str, str]:
    """Every generated form of every Russian country name and variant -> its ISO alpha-2 code."""
    import pycountry

    tr = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["ru"], fallback=True)
    names: dict[str, str] = {}
    for c in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            en = getattr(c, attr, None)
            if en:
                ru = tr.gettext(en)
                if ru != en and re.search("[а-яА-Я]", ru):
                    names.setdefault(ru, c.alpha_2)
    for name, code in VARIANTS.items():
        names[name] = code
    out: dict[str, str] = {}
    for name, code in names.items():
        for form in _phrase_forms(name):
            if form.lower() in _NOT_COUNTRIES:
                continue
            out.setdefault(form, code)
    return out


@cache
def adjective_forms() -> dict[str, str | None]:
    """Every form of the nationality adjectives and nouns (lower case) -> the country code (None: no state)."""
    morph = ru_morph()
    out: dict[str, str | None] = {}
    for lemma, code in ADJECTIVES.items():
        p = next((p for p in morph.parse(lemma) if "ADJF" in p.tag), None)
        forms = {lemma} if p is None else {fold(f.word) for f in p.lexeme if "ADJF" in f.tag}
        for f in forms:
            out.setdefault(f, code)
    for lemma, code in NATIONALS.items():
        p = next((p for p in morph.parse(lemma) if "NOUN" in p.tag and "nomn" in p.tag), None)
        for f in {lemma} if p is None else {fold(f.word) for f in p.lexeme}:
            out.setdefault(f, code)
    return out


_WORD = re.compile(r"[\w-]+")


@cache
def _country_index() -> dict[str, list[tuple[str, str]]]:
    """The country forms indexed by their first word: ``first word -> [(form, code)]``, each list
    in the order a regular expression of all forms would try them (the forms as written, longest
    first, then those of over three letters in capitals, longest first), so a lookup per word
    finds what that expression would, at a fraction of its cost (every form starts with a word
    character: a test checks)."""
    forms = country_forms()
    ordered = sorted(forms, key=len, reverse=True)
    index: dict[str, list[tuple[str, str]]] = {}
    upper_code: dict[str, str] = {}
    for f in forms:  # a form in capitals takes the code of the first form it capitalizes
        upper_code.setdefault(f.upper(), forms[f])
    for variant in (ordered, [f.upper() for f in ordered if len(f) > 3]):
        for f in variant:
            m = _WORD.match(f)
            if m is not None:
                index.setdefault(m.group(0), []).append((f, forms.get(f) or upper_code[f]))
    return index


def find_countries(text: str) -> list[CountryMention]:
    """Every country a Russian text names, in any case form, or points at with an adjective.

    >>> [(m.code, m.demonym) for m in find_countries("Наблюдатели из Киргизии и казахстанские эксперты")]
    [('KG', False), ('KZ', True)]
    """
    folded = fold(text)
    index = _country_index()
    adjectives = adjective_forms()
    out: list[CountryMention] = []
    last_end = -1
    for w in _WORD.finditer(folded):
        start = w.start()
        if start < last_end:
            continue
        for form, code in index.get(w.group(0), ()):
            end = start + len(form)
            if folded.startswith(form, start) and not (end < len(folded) and _WORD.match(folded[end])):
                out.append(CountryMention(start, end, code, False))
                last_end = end
                break
    taken = [(c.start, c.end) for c in out]
    for w in _WORD.finditer(folded):
        adjective = adjectives.get(w.group(0).lower())
        if adjective and not any(s < w.end() and w.start() < e for s, e in taken):
            out.append(CountryMention(w.start(), w.end(), adjective, True))
    return sorted(out, key=lambda c: c.start)


# ------------------------------------------------------------------------------------------
# organizations


@cache
def _lemma_set(word: str) -> frozenset[str]:
    """Every normal form pymorphy2 gives a word (its analyses disagree on rare names)."""
    w = fold(word).lower()
    return frozenset({w} | {fold(p.normal_form) for p in ru_morph().parse(w)[:4]})


def _is_word(tok: str) -> bool:
    return any(ch.isalnum() for ch in tok)


@cache
def _org_tables() -> tuple[list[tuple[str, Any]], dict[str, list[tuple[tuple[frozenset[str], ...], Any]]]]:
    """``(abbreviations longest first, names indexed by their first word's normal forms)``."""
    by_key = {o.key: o for o in organizations()} | russian_only_organizations()
    acrs: list[tuple[str, Any]] = []
    names: dict[str, list[tuple[tuple[frozenset[str], ...], Any]]] = {}
    for key, (ru_names, ru_acrs) in russian_names().items():
        org = by_key[key]
        for a in ru_acrs:
            acrs.append((a, org))
        for n in ru_names:
            words = [w for w in re.findall(r"[\w'-]+", fold(n)) if _is_word(w)]
            seq = tuple(_lemma_set(w) for w in words)
            for first in seq[0]:
                names.setdefault(first, []).append((seq, org))
    acrs.sort(key=lambda a: -len(a[0]))
    for v in names.values():
        v.sort(key=lambda x: -len(x[0]))
    return acrs, names


@cache
def _acr_regex() -> re.Pattern[str]:
    acrs, _ = _org_tables()
    alts = "|".join(re.escape(a).replace(r"\ ", r"\s+") for a, _ in acrs)
    return re.compile(rf"(?<![\w-])(?:{alts})(?![\w-])")


def find_organizations(text: str, words: list[tuple[int, int]] | None = None) -> list[OrgMention]:
    """Every catalogue organization a Russian text names, longest first, without overlaps.

    :param words: the text's word tokens as ``(start, end)`` (default: split on non-word characters).

    >>> [(m.org.key, m.name) for m in find_organizations("Делегацию Межпарламентской ассамблеи СНГ и ПА ОБСЕ")]
    [('ipa-cis', 'CIS Interparliamentary Assembly'), ('osce-pa', 'OSCE Parliamentary Assembly')]
    """
    acrs, names = _org_tables()
    full = member_names()
    by_acr = {re.sub(r"\s+", " ", a): o for a, o in acrs}
    cands: list[tuple[int, int, Any]] = []
    for m in _acr_regex().finditer(text):
        org = by_acr.get(re.sub(r"\s+", " ", m.group(0)))
        if org is not None:
            cands.append((m.start(), m.end(), org))
    toks = words if words is not None else [(m.start(), m.end()) for m in re.finditer(r"[\w'-]+", text)]
    toks = [(s, e) for s, e in toks if _is_word(text[s:e])]
    lemmas = [_lemma_set(text[s:e]) for s, e in toks]
    for i, ls in enumerate(lemmas):
        for first in ls:
            for seq, org in names.get(first, ()):
                n = len(seq)
                if i + n <= len(toks) and all(seq[k] & lemmas[i + k] for k in range(n)) \
                        and text[toks[i][0]][:1].isupper():
                    cands.append((toks[i][0], toks[i + n - 1][1], org))
    cands.sort(key=lambda c: (c[0], -(c[1] - c[0])))
    out: list[OrgMention] = []
    last_end = -1
    for s, e, org in cands:
        if s < last_end:
            continue
        # "Миссия МПА СНГ": a longer name ending in an abbreviation already taken wins by length
        # (named as a member by its full name where the catalogue's is a shortening: member_names)
        out.append(OrgMention(s, e, org, full.get(org.key, org.name)))
        last_end = e
    return out


#: An organ named by its kind before its parent: "Секретариат ШОС", "Генерального секретариата ОИС",
#: "Исполкома ОТГ"; its English name is the parent's acronym (or name) and the organ's.
_ORGAN_RU = re.compile(r"(?<![\w-])(?:(Генеральн\w+\s+)?[Сс]екретариат\w*|[Ии]сполнительн\w+\s+комитет\w*|[Ии]сполком\w*)"
                       r"(?=(\s+организации\b|\s+и\s+(?:[Ии]сполнительн|[Ии]сполком|[Сс]екретариат))?)")


def find_organs(text: str, orgs: list[OrgMention]) -> list[OrgMention]:
    """The organs a Russian text names after their parent organization: an organ word right before
    a catalogue organization ("Секретариата ШОС", "Исполкома СНГ"), or before "организации" or
    another organ ("сотрудники Секретариата организации", "Секретариата и Исполкома РАТС ШОС"),
    which are the organs of the nearest international organization or assembly named before. The
    organ's mention is its own words (``organ`` True, as the English gazetteer's "GUAM
    Secretariat"; the parent's mention after it stays): organs send members to a mission and
    observe as none. An organ the catalogue
    names itself ("Исполнительный комитет СНГ", "Секретариат Совета МПА СНГ") is already a mention
    and stays one. ``orgs``: :func:`find_organizations` of ``text``; returns them with the organs."""
    by_start = {o.start: o for o in orgs}
    out = list(orgs)
    for m in _ORGAN_RU.finditer(text):
        inside_of = next((o for o in orgs if o.start <= m.start() < o.end), None)
        bare = inside_of is not None and (inside_of.start, inside_of.end) == (m.start(), m.end())
        if inside_of is not None and not bare:
            continue  # the catalogue's own name of the organ, with its parent
        kind = ("General Secretariat" if m.group(1) else "Secretariat") if "екретариат" in m.group(0) \
            else "Executive Committee"
        nxt = re.match(r"\s+", text[m.end():])
        parent_mention = by_start.get(m.end() + (nxt.end() if nxt else 0))
        if parent_mention is not None and (parent_mention.organ or parent_mention.org.kind == "body"):
            # "Исполнительного комитета Региональной антитеррористической структуры": the body's own
            # organ, which the body's mention stands for; a bare catalogue "Исполнительный комитет"
            # (the CIS's) is not meant
            if bare and inside_of in out:
                out.remove(inside_of)
            continue
        if parent_mention is not None:
            parent = parent_mention.org  # its own mention stays (the organ's work is its mission's too)
        elif m.group(2) is not None:
            before = [o for o in orgs if o.end <= m.start() and not o.organ
                      and o.org.kind in ("igo", "parliamentary_assembly")]
            if not before:
                continue
            parent = before[-1].org
        else:
            continue  # a bare organ word: the catalogue's reading (if any) stands
        if bare and inside_of in out:
            out.remove(inside_of)
        label = parent.short_name
        out.append(OrgMention(m.start(), m.end(), parent, f"{label} {kind}", organ=True))
    return sorted(out, key=lambda o: o.start)


# ------------------------------------------------------------------------------------------
# commissions

_COMM = re.compile(
    r"(?<![\w-])(?:"
    r"ЦИК|Центризбирком\w*|Центральн\w+\s+избирательн\w+\s+комисси\w+|"
    r"Центральн\w+\s+комисси\w+(?:\s+(?:Республики\s+)?[А-Я]\w+)?\s+по\s+(?:проведению\s+)?выбор(?:ам|ов)"
    r"(?:\s+и\s+(?:проведению\s+)?(?:республиканских\s+)?референдум(?:ов|ам))?|"
    r"Центральн\w+\s+референдумн\w+\s+комисси\w+|Центральн\w+\s+комисси\w+\s+референдума|Избирательн\w+\s+комисси\w+|"
    r"Национальн\w+\s+избирательн\w+\s+совет\w*"
    r")(?![\w-])")


#: Central commissions whose official name is not "Central Election Commission" though Russian
#: news calls them ЦИК: their English names as the countries give them.
OFFICIAL_COMMISSIONS = {
    "KG": "Central Commission for Elections and Referendums",
    "TJ": "Central Commission for Elections and Referendums",
    "TM": "Central Commission for Elections and Referendums",
}


def official_commission(mention: CommissionMention, host: str | None) -> CommissionMention:
    """A central election commission under the name English sources give it: "ЦИК Киргизии" (or a
    bare "ЦИК" in an article about Kyrgyzstan's election, ``host``) is the Central Commission for
    Elections and Referendums; Belarus's "Центральная комиссия ... по выборам и проведению
    республиканских референдумов", like every central commission outside
    :data:`OFFICIAL_COMMISSIONS`, is its Central Election Commission (as 22 of the 23 Belarusian
    accrediting bodies of corpus/ru/train are named)."""
    code = mention.country or host
    if mention.name == "Central Commission for Elections and Referendums" and code is not None \
            and code not in OFFICIAL_COMMISSIONS:
        name = "Central Election Commission"
    elif mention.name == "Central Election Commission" and code in OFFICIAL_COMMISSIONS:
        name = OFFICIAL_COMMISSIONS[code]
    else:
        return mention
    return CommissionMention(mention.start, mention.end, name, mention.country, mention.own_country)


def find_commissions(text: str, countries: list[CountryMention] | None = None) -> list[CommissionMention]:
    """Every election commission a Russian text names, with its country when the text says it.

    >>> [(m.name, m.country) for m in find_commissions("ЦИК Киргизии и казахстанский Центризбирком")]
    [('Central Election Commission', 'KG'), ('Central Election Commission', 'KZ')]
    """
    folded = fold(text)
    if countries is None:  # (the countries of ``text``: a caller that has them passes them)
        countries = find_countries(folded)
    out: list[CommissionMention] = []
    for m in _COMM.finditer(folded):
        code = None
        end = m.end()
        inner = [c for c in countries if m.start() <= c.start < m.end()]
        after = next((c for c in countries if 0 <= c.start - m.end() <= 1 and not c.demonym), None)
        if after is None:  # "ЦИК Республики Казахстан", "комиссии по проведению выборов в Туркменистане"
            rm = re.match(r"\s+(?:Республики|в|во)\s+", folded[m.end():])
            if rm:
                after = next((c for c in countries if c.start == m.end() + rm.end()), None)
        before = next((c for c in countries if c.demonym and 0 <= m.start() - c.end <= 1), None)
        if inner:
            code = inner[0].code
        elif after is not None:
            code, end = after.code, after.end
        elif before is not None:
            code = before.code
        name = "Central Election Commission"
        if "по выборам" in m.group(0) or "по проведению выбор" in m.group(0):
            name = "Central Commission for Elections and Referendums"
        elif "референдумн" in m.group(0) or m.group(0).endswith("референдума"):
            name = "Central Referendum Commission"
        elif m.group(0).startswith("Избирательн"):
            name = "Election Commission"
        elif m.group(0).startswith("Национальн"):
            name = "National Electoral Council"
        out.append(CommissionMention(m.start(), end, name, code))
    return out


def doc_words(doc: Doc) -> list[tuple[int, int]]:
    """A ``Doc``'s tokens as ``(start, end)`` character spans."""
    return [(t.idx, t.idx + len(t.text)) for t in doc if not t.is_space]
