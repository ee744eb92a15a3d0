"""A synthetic, reproducible corpus of election-observation news for benchmarks.

Every article is drawn from its own ``random.Random(f"{seed}:{index}")``, so the first 1,000
articles of a 10,000-article corpus are the 1,000-article corpus, and a corpus can be streamed
without holding it in memory. Each article comes with the missions it states (the gold facts,
with evidence offsets into the text), so the store, query and export benchmarks can write a
realistic graph without running spaCy.

Articles vary the organizer (CIS, OSCE/ODIHR, PACE, SCO, AU, OAS, EU, Commonwealth, Carter
Center, ECOWAS, SADC, Arab League, ...), the host country (five regions), the phrasing of every
fact, the date formats and the length (150-600 words); about 15% report no mission.

>>> a = next(generate(1, seed=7))
>>> a.article.text == next(generate(1, seed=7)).article.text
True
>>> 150 <= len(a.article.text.split()) <= 600
True

Command line: ``python -m bench.generate N [--seed S] [--out bench/corpus/N]`` writes
``NAME.txt`` (first line `` date YYYY-MM-DD``) and ``NAME.gold.json`` (examples/FORMAT.md).
"""

from __future__ import annotations

import argparse
import json
import random
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from kgbuild.model import Article, Evidence, Mission, Value

__all__ = ["GeneratedArticle", "generate", "write_corpus"]

DEFAULT_CORPUS = Path(__file__).resolve().parent / "corpus"

# --------------------------------------------------------------------------------------------
# World: organizers, host countries, people
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Org:
    name: str
    wikidata: str | None
    surfaces: tuple[str, ...]  # how articles name it
    regions: tuple[str, ...]  # where it observes
    members: tuple[str, ...] = ()  # states that send observers
    partners: tuple[str, ...] = ()  # bodies that join its missions


CIS_STATES = ("AM", "AZ", "BY", "KZ", "KG", "MD", "RU", "TJ", "TM", "UZ")
SCO_STATES = ("CN", "IN", "KZ", "KG", "PK", "RU", "TJ", "UZ", "IR", "BY")
EU_STATES = ("DE", "FR", "IT", "ES", "PL", "SE", "NL", "BE", "AT", "PT", "IE", "FI", "DK", "CZ", "RO")
AU_STATES = ("ZA", "NG", "KE", "GH", "ET", "SN", "TZ", "UG", "BW", "NA", "RW", "ZM", "MW", "CM")
OAS_STATES = ("AR", "BR", "CA", "CL", "US", "MX", "CO", "CR", "UY", "PA", "JM", "GT")
COMMONWEALTH_STATES = ("GB", "IN", "AU", "CA", "NZ", "KE", "NG", "JM", "MY", "ZA", "GH", "TT")
OSCE_STATES = ("DE", "FR", "GB", "US", "SE", "NO", "CH", "AT", "PL", "IT", "FI", "CA", "NL", "DK")

ORGS: tuple[Org, ...] = (
    Org("Commonwealth of Independent States", "Q7779",
        ("Commonwealth of Independent States (CIS)", "CIS", "CIS observer mission"), ("cis",), CIS_STATES,
        ("CIS Interparliamentary Assembly", "CIS Executive Committee",
         "Parliamentary Assembly of the Union State of Belarus and Russia")),
    Org("OSCE Office for Democratic Institutions and Human Rights", None,
        ("OSCE Office for Democratic Institutions and Human Rights (ODIHR)", "OSCE/ODIHR", "ODIHR"),
        ("cis", "europe"), OSCE_STATES, ("OSCE Parliamentary Assembly", "European Parliament")),
    Org("Parliamentary Assembly of the Council of Europe", "Q939743",
        ("Parliamentary Assembly of the Council of Europe (PACE)", "PACE"), ("cis", "europe"), EU_STATES),
    Org("OSCE Parliamentary Assembly", None, ("OSCE Parliamentary Assembly", "OSCE PA"), ("cis", "europe"),
        OSCE_STATES),
    Org("Shanghai Cooperation Organisation", "Q485207",
        ("Shanghai Cooperation Organisation (SCO)", "SCO"), ("cis", "asia"), SCO_STATES,
        ("SCO Secretariat", "SCO Regional Anti-Terrorist Structure")),
    Org("African Union", "Q7159", ("African Union (AU)", "African Union", "AU"), ("africa",), AU_STATES,
        ("Pan-African Parliament",)),
    Org("Economic Community of West African States", "Q193272",
        ("Economic Community of West African States (ECOWAS)", "ECOWAS"), ("africa",), ("NG", "GH", "SN", "CI", "ML", "NE", "BJ", "TG", "SL", "LR")),
    Org("Southern African Development Community", "Q816706",
        ("Southern African Development Community (SADC)", "SADC"), ("africa",), ("ZA", "BW", "NA", "ZM", "MW", "MZ", "TZ", "AO", "ZW", "LS"),
        ("SADC Parliamentary Forum",)),
    Org("Organization of American States", "Q123759",
        ("Organization of American States (OAS)", "OAS"), ("americas",), OAS_STATES),
    Org("European Union", "Q458", ("European Union (EU)", "EU", "EU Election Observation Mission"),
        ("africa", "americas", "asia", "mena"), EU_STATES, ("European Parliament",)),
    Org("Commonwealth of Nations", None, ("Commonwealth Observer Group", "Commonwealth"), ("africa", "asia", "americas"),
        COMMONWEALTH_STATES, ("Commonwealth Secretariat",)),
    Org("Carter Center", None, ("The Carter Center", "Carter Center"), ("africa", "americas", "asia", "mena"),
        ("US", "CA", "GB", "KE", "PE", "NP")),
    Org("Arab League", "Q7172", ("Arab League", "League of Arab States"), ("mena",), ("EG", "JO", "SA", "MA", "KW", "OM", "DZ", "IQ")),
    Org("Organisation of Islamic Cooperation", "Q47543", ("Organisation of Islamic Cooperation (OIC)", "OIC"),
        ("cis", "mena", "asia", "africa"), ("SA", "TR", "PK", "MY", "ID", "EG", "SN", "AZ")),
    Org("Organization of Turkic States", "Q596850", ("Organization of Turkic States", "Turkic Council"), ("cis",),
        ("TR", "KZ", "KG", "UZ", "AZ", "HU"), ("Parliamentary Assembly of Turkic States",)),
    Org("Collective Security Treaty Organization", "Q318693", ("Collective Security Treaty Organization (CSTO)", "CSTO"),
        ("cis",), ("AM", "BY", "KZ", "KG", "RU", "TJ"), ("CSTO Parliamentary Assembly",)),
    Org("European Parliament", "Q8889", ("European Parliament", "EP"), ("europe", "africa", "asia"), EU_STATES),
    Org("Asian Network for Free Elections", None, ("Asian Network for Free Elections (ANFREL)", "ANFREL"), ("asia",),
        ("TH", "ID", "MY", "JP", "KR", "PH", "NP", "LK")),
    Org("European Network of Election Monitoring Organizations", None,
        ("European Network of Election Monitoring Organizations (ENEMO)", "ENEMO"), ("europe", "cis"),
        ("RS", "UA", "GE", "AM", "MD", "ME", "SK")),
)


@dataclass(frozen=True)
class Host:
    cc: str
    name: str
    region: str
    city: str
    commission: str


def _h(cc: str, name: str, region: str, city: str, commission: str | None = None) -> Host:
    return Host(cc, name, region, city, commission or f"Central Election Commission of {name}")


HOSTS: tuple[Host, ...] = (
    _h("AZ", "Azerbaijan", "cis", "BAKU"), _h("AM", "Armenia", "cis", "YEREVAN"),
    _h("BY", "Belarus", "cis", "MINSK"), _h("KZ", "Kazakhstan", "cis", "ASTANA"),
    _h("KG", "Kyrgyzstan", "cis", "BISHKEK"), _h("TJ", "Tajikistan", "cis", "DUSHANBE"),
    _h("UZ", "Uzbekistan", "cis", "TASHKENT"), _h("RU", "Russia", "cis", "MOSCOW"),
    _h("MD", "Moldova", "cis", "CHISINAU"), _h("TM", "Turkmenistan", "cis", "ASHGABAT"),
    _h("GE", "Georgia", "europe", "TBILISI"), _h("UA", "Ukraine", "europe", "KYIV"),
    _h("RS", "Serbia", "europe", "BELGRADE", "Republic Electoral Commission of Serbia"),
    _h("MK", "North Macedonia", "europe", "SKOPJE", "State Election Commission of North Macedonia"),
    _h("AL", "Albania", "europe", "TIRANA", "Central Election Commission of Albania"),
    _h("ME", "Montenegro", "europe", "PODGORICA", "State Election Commission of Montenegro"),
    _h("BA", "Bosnia and Herzegovina", "europe", "SARAJEVO"),
    _h("BG", "Bulgaria", "europe", "SOFIA"), _h("RO", "Romania", "europe", "BUCHAREST",
                                                  "Permanent Electoral Authority of Romania"),
    _h("NG", "Nigeria", "africa", "ABUJA", "Independent National Electoral Commission of Nigeria"),
    _h("KE", "Kenya", "africa", "NAIROBI", "Independent Electoral and Boundaries Commission of Kenya"),
    _h("GH", "Ghana", "africa", "ACCRA", "Electoral Commission of Ghana"),
    _h("ZW", "Zimbabwe", "africa", "HARARE", "Zimbabwe Electoral Commission"),
    _h("ZM", "Zambia", "africa", "LUSAKA", "Electoral Commission of Zambia"),
    _h("MZ", "Mozambique", "africa", "MAPUTO", "National Elections Commission of Mozambique"),
    _h("MW", "Malawi", "africa", "LILONGWE", "Malawi Electoral Commission"),
    _h("SN", "Senegal", "africa", "DAKAR", "Autonomous National Electoral Commission of Senegal"),
    _h("CI", "Cote d'Ivoire", "africa", "ABIDJAN", "Independent Electoral Commission of Cote d'Ivoire"),
    _h("TZ", "Tanzania", "africa", "DODOMA", "National Electoral Commission of Tanzania"),
    _h("UG", "Uganda", "africa", "KAMPALA", "Electoral Commission of Uganda"),
    _h("ML", "Mali", "africa", "BAMAKO", "Independent National Electoral Commission of Mali"),
    _h("BO", "Bolivia", "americas", "LA PAZ", "Supreme Electoral Tribunal of Bolivia"),
    _h("PE", "Peru", "americas", "LIMA", "National Jury of Elections of Peru"),
    _h("HN", "Honduras", "americas", "TEGUCIGALPA", "National Electoral Council of Honduras"),
    _h("GT", "Guatemala", "americas", "GUATEMALA CITY", "Supreme Electoral Tribunal of Guatemala"),
    _h("PY", "Paraguay", "americas", "ASUNCION", "Superior Tribunal of Electoral Justice of Paraguay"),
    _h("EC", "Ecuador", "americas", "QUITO", "National Electoral Council of Ecuador"),
    _h("DO", "Dominican Republic", "americas", "SANTO DOMINGO", "Central Electoral Board of the Dominican Republic"),
    _h("HT", "Haiti", "americas", "PORT-AU-PRINCE", "Provisional Electoral Council of Haiti"),
    _h("LK", "Sri Lanka", "asia", "COLOMBO", "Election Commission of Sri Lanka"),
    _h("BD", "Bangladesh", "asia", "DHAKA", "Election Commission of Bangladesh"),
    _h("PK", "Pakistan", "asia", "ISLAMABAD", "Election Commission of Pakistan"),
    _h("MV", "Maldives", "asia", "MALE", "Elections Commission of the Maldives"),
    _h("NP", "Nepal", "asia", "KATHMANDU", "Election Commission of Nepal"),
    _h("MN", "Mongolia", "asia", "ULAANBAATAR", "General Election Commission of Mongolia"),
    _h("KH", "Cambodia", "asia", "PHNOM PENH", "National Election Committee of Cambodia"),
    _h("TL", "Timor-Leste", "asia", "DILI", "National Election Commission of Timor-Leste"),
    _h("TN", "Tunisia", "mena", "TUNIS", "Independent High Authority for Elections of Tunisia"),
    _h("JO", "Jordan", "mena", "AMMAN", "Independent Election Commission of Jordan"),
    _h("LB", "Lebanon", "mena", "BEIRUT", "Supervisory Commission for Elections of Lebanon"),
    _h("IQ", "Iraq", "mena", "BAGHDAD", "Independent High Electoral Commission of Iraq"),
    _h("EG", "Egypt", "mena", "CAIRO", "National Election Authority of Egypt"),
)

#: Names of member states in the running text.
STATE_NAMES = {
    "AM": "Armenia", "AZ": "Azerbaijan", "BY": "Belarus", "KZ": "Kazakhstan", "KG": "Kyrgyzstan",
    "MD": "Moldova", "RU": "Russia", "TJ": "Tajikistan", "TM": "Turkmenistan", "UZ": "Uzbekistan",
    "CN": "China", "IN": "India", "PK": "Pakistan", "IR": "Iran", "DE": "Germany", "FR": "France",
    "IT": "Italy", "ES": "Spain", "PL": "Poland", "SE": "Sweden", "NL": "the Netherlands", "BE": "Belgium",
    "AT": "Austria", "PT": "Portugal", "IE": "Ireland", "FI": "Finland", "DK": "Denmark", "CZ": "Czechia",
    "RO": "Romania", "ZA": "South Africa", "NG": "Nigeria", "KE": "Kenya", "GH": "Ghana", "ET": "Ethiopia",
    "SN": "Senegal", "TZ": "Tanzania", "UG": "Uganda", "BW": "Botswana", "NA": "Namibia", "RW": "Rwanda",
    "ZM": "Zambia", "MW": "Malawi", "CM": "Cameroon", "CI": "Cote d'Ivoire", "ML": "Mali", "NE": "Niger",
    "BJ": "Benin", "TG": "Togo", "SL": "Sierra Leone", "LR": "Liberia", "MZ": "Mozambique", "AO": "Angola",
    "ZW": "Zimbabwe", "LS": "Lesotho", "AR": "Argentina", "BR": "Brazil", "CA": "Canada", "CL": "Chile",
    "US": "the United States", "MX": "Mexico", "CO": "Colombia", "CR": "Costa Rica", "UY": "Uruguay",
    "PA": "Panama", "JM": "Jamaica", "GT": "Guatemala", "GB": "the United Kingdom", "AU": "Australia",
    "NZ": "New Zealand", "MY": "Malaysia", "TT": "Trinidad and Tobago", "NO": "Norway", "CH": "Switzerland",
    "EG": "Egypt", "JO": "Jordan", "SA": "Saudi Arabia", "MA": "Morocco", "KW": "Kuwait", "OM": "Oman",
    "DZ": "Algeria", "IQ": "Iraq", "TR": "Turkey", "ID": "Indonesia", "HU": "Hungary", "TH": "Thailand",
    "JP": "Japan", "KR": "South Korea", "PH": "the Philippines", "NP": "Nepal", "LK": "Sri Lanka",
    "PE": "Peru", "RS": "Serbia", "UA": "Ukraine", "GE": "Georgia", "ME": "Montenegro", "SK": "Slovakia",
}

FIRST = ("Anna", "Sergei", "Maria", "Jean", "Amina", "Carlos", "Ingrid", "Kwame", "Olena", "Rashid", "Lucia",
         "Tomas", "Fatima", "Hiroshi", "Nadia", "Pedro", "Elena", "Joseph", "Aigerim", "Samuel", "Claire",
         "Viktor", "Grace", "Ahmed", "Sofia", "Ivan", "Chiara", "Daniel", "Leyla", "Marek")
LAST = ("Lebedev", "Okafor", "Lindqvist", "Moreau", "Haddad", "Kowalski", "Mensah", "Tanaka", "Rossi",
        "Nurlanov", "Fernandez", "Kox", "Bakirova", "Dlamini", "Schmidt", "Petrenko", "Kamau", "Silva",
        "O'Brien", "Novak", "Hassan", "Ivanova", "Mwangi", "Costa", "Jensen", "Abdullayev", "Kaya", "Ruiz")
AGENCIES = ("Trend", "AKIpress", "Kazinform", "BelTA", "TASS", "Xinhua", "AFP", "Reuters", "AP", "APA",
            "Anadolu", "News.am", "Ukrinform", "Premium Times", "Daily Nation", "EFE", "Prensa Latina",
            "Daily Star", "Dawn", "Jordan Times", "Kathmandu Post")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
          "November", "December")
MON_AP = ("Jan.", "Feb.", "March", "April", "May", "June", "July", "Aug.", "Sept.", "Oct.", "Nov.", "Dec.")
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
REGIONS = ("cis", "europe", "africa", "americas", "asia", "mena")
REGION_WEIGHTS = (0.35, 0.15, 0.2, 0.12, 0.1, 0.08)
#: Organizers that deploy most often in their regions.
MAJOR = frozenset({"Commonwealth of Independent States", "OSCE Office for Democratic Institutions and Human Rights",
                   "Shanghai Cooperation Organisation", "African Union", "Organization of American States",
                   "European Union", "Commonwealth of Nations"})
ELECTION_TYPES = ("parliamentary", "presidential", "local", "regional", "referendum", "general")
TYPE_WEIGHTS = (0.38, 0.3, 0.1, 0.05, 0.07, 0.1)


def _fmt_date(rng: random.Random, d: date, *, year: bool = True) -> str:
    style = rng.randrange(4)
    if style == 0:
        s = f"{MON_AP[d.month - 1]} {d.day}"
        return f"{s}, {d.year}" if year else s
    if style == 1:
        s = f"{d.day} {MONTHS[d.month - 1]}"
        return f"{s} {d.year}" if year else s
    if style == 2:
        s = f"{MONTHS[d.month - 1]} {d.day}"
        return f"{s}, {d.year}" if year else s
    return f"{WEEKDAYS[d.weekday()]}, {MONTHS[d.month - 1]} {d.day}" + (f", {d.year}" if year else "")


def _election_phrase(kind: str, host: Host) -> str:
    if kind == "referendum":
        return f"referendum in {host.name}"
    if kind == "general":
        return f"general elections in {host.name}"
    if kind == "presidential":
        return f"presidential election in {host.name}"
    return f"{kind} elections in {host.name}"


# --------------------------------------------------------------------------------------------
# Writing text while recording where each fact is stated
# --------------------------------------------------------------------------------------------

_FIELD = re.compile(r"\{(\w+)\}")
Fact = tuple[str, Value, str]  # slot, value, surface text


class _Writer:
    """Appends sentences; a ``{name}`` field filled with a Fact records its evidence offsets."""

    def __init__(self) -> None:
        self.parts: list[str] = []
        self.length = 0
        self.words = 0
        self.cites: list[tuple[Mission, str, Value, Evidence]] = []

    def raw(self, s: str) -> None:
        self.parts.append(s)
        self.length += len(s)
        self.words += len(s.split())

    def paragraph(self) -> None:
        self.raw("\n\n")

    def say(self, template: str, mission: Mission | None = None, **fields: str | Fact) -> None:
        """One sentence (a space is put before it unless it starts a paragraph)."""
        if self.parts and not self.parts[-1].endswith("\n"):
            self.raw(" ")
        start = self.length
        out: list[str] = []
        pos = 0
        spans: list[tuple[str, Value, int, int]] = []
        offset = start
        for m in _FIELD.finditer(template):
            lit = template[pos : m.start()]
            out.append(lit)
            offset += len(lit)
            f = fields[m.group(1)]
            surface = f if isinstance(f, str) else f[2]
            if not isinstance(f, str):
                spans.append((f[0], f[1], offset, offset + len(surface)))
            out.append(surface)
            offset += len(surface)
            pos = m.end()
        out.append(template[pos:])
        text = "".join(out)
        self.raw(text)
        if mission is not None:
            for slot, value, b, e in spans:
                self.cites.append((mission, slot, value, Evidence(b, e, start, start + len(text))))

    def text(self) -> str:
        return "".join(self.parts)


FILLER = (
    "Voting will take place at {n} polling stations across the country, the commission said.",
    "The campaign has so far been calm, according to local media.",
    "Candidates from {k} parties and blocs are running, and a number of independents are also on the ballot.",
    "Voters will also be able to cast their ballots at polling stations abroad, in embassies and consulates.",
    "Turnout in the previous vote stood at about {p} percent.",
    "The authorities said that all conditions had been created for a free and fair vote.",
    "Opposition parties have called for greater access to state media during the campaign.",
    "Ballot papers have been printed and delivered to the district commissions, officials said.",
    "The commission has registered more than {n} domestic observers from civil society groups.",
    "Campaigning officially ends a day before the vote, when a period of silence begins.",
    "Some analysts expect a low turnout in rural areas because of the weather.",
    "The results are expected to be announced within ten days of the vote.",
    "Training sessions for members of precinct commissions were held in all regions.",
    "Journalists from dozens of foreign media outlets have also been accredited to cover the vote.",
    "According to the latest opinion polls, the ruling party is set to keep its majority.",
    "A televised debate between the leading candidates was broadcast last week.",
    "Police said they would ensure public order on election day.",
    "Electronic voting machines will be used at some polling stations for the first time.",
    "The electoral code was amended last year after consultations with international experts.",
    "Civil society groups urged voters to check their names on the voters' lists.",
)

QUOTES = (
    "\u201cWe are here to observe, not to interfere,\u201d {who} told reporters.",
    "\u201cThe preparations are proceeding in an organized manner,\u201d {who} said at a briefing.",
    "\u201cOur assessment will be based solely on the facts we observe,\u201d {who} added.",
    "\u201cWe have met representatives of the authorities, parties and civil society,\u201d {who} noted.",
)

OFF_TOPIC = (
    "The central bank kept its key rate unchanged on {when}, citing slowing inflation.",
    "Exports of agricultural products rose by {p} percent in the first half of the year.",
    "The government approved a plan to build {n} new schools by the end of the decade.",
    "A new bridge across the river was opened to traffic, the ministry of transport said.",
    "The national football team won its qualifying match on {when}.",
    "Officials discussed cooperation in energy, transport and trade at the meeting.",
    "The ministry said the number of tourists had grown by {p} percent compared with last year.",
    "Heavy rains caused flooding in several districts, emergency services reported.",
)


# --------------------------------------------------------------------------------------------
# One article
# --------------------------------------------------------------------------------------------


@dataclass
class GeneratedArticle:
    """One generated article: its file name, raw file text (with the date line), Article and gold missions."""

    name: str
    raw: str
    article: Article
    missions: list[Mission]

    def gold(self) -> dict[str, Any]:
        return {
            "article": self.name,
            "published": self.article.published.isoformat() if self.article.published else None,
            "missions": [m.to_gold() for m in self.missions],
        }


def _mission_paragraphs(w: _Writer, rng: random.Random, org: Org, host: Host, kind: str, eday: date,
                        early: bool, published: date, *, first: bool) -> Mission:
    m = Mission(organizer=org.name, country=host.cc, organizer_wikidata=org.wikidata, election_type=kind,
                election_date=eday, early=early)
    surface = rng.choice(org.surfaces)
    o: Fact = ("mission", None, surface)
    t: Fact = ("election.type", kind, kind)
    date_stated = rng.random() < 0.85
    d: Fact = ("election.date", eday, _fmt_date(rng, eday, year=rng.random() < 0.6))
    early_word = rng.choice(("early", "snap")) if early else ""
    e: Fact = ("election.early", True, early_word)
    where = host.name
    noun = "referendum" if kind == "referendum" else ("election" if kind == "presidential" else "elections")
    lead_kind = f"{{early}} {{type}} {noun}" if early else f"{{type}} {noun}"
    when = " on {date}" if date_stated else ""
    if not date_stated:
        m.election_date = None
    leads = (
        f"An observer mission of the {{org}} will monitor the {lead_kind} in {where}{when}.",
        f"The {{org}} has deployed an observation mission to {where} ahead of the {lead_kind}{when}.",
        f"Observers from the {{org}} arrived in {where} to monitor the {lead_kind} scheduled{when or ' soon'}.",
        f"The {{org}} said its mission was following preparations for the {lead_kind}{when} in {where}.",
    )
    if kind == "referendum":
        t = ("election.type", kind, "referendum")
        leads = (
            f"The {{org}} will send observers to the {{early}} {{type}} in {where}{when}." if early else
            f"The {{org}} will send observers to the {{type}} in {where}{when}.",
            f"A mission of the {{org}} is monitoring the constitutional {{type}} in {where}{when}.",
        )
    fields: dict[str, str | Fact] = {"org": o, "type": t, "date": d, "early": e}
    if not first:
        w.say(rng.choice((f"The {{org}} has also sent observers to {where}.",
                          "Separately, the {org} said it had opened its own mission.")), m, org=o)
        w.say(rng.choice(leads), m, **fields)
    else:
        w.say(rng.choice(leads), m, **fields)
    if rng.random() < 0.55:
        start = eday - timedelta(days=rng.randrange(5, 50))
        m.start_date = start
        s: Fact = ("start_date", start, _fmt_date(rng, start, year=rng.random() < 0.5))
        w.say(rng.choice((
            "The mission began its work on {start}.",
            "The mission, which started work on {start}, will issue a preliminary statement after the vote.",
            "Its members have been working in the country since {start}.",
        )), m, start=s)
    if rng.random() < 0.5:
        head = f"{rng.choice(FIRST)} {rng.choice(LAST)}"
        m.head = head
        h: Fact = ("head", head, head)
        w.say(rng.choice((
            "The mission is headed by {head}.",
            "{head}, who leads the mission, met the chairman of the election commission.",
            "Head of the mission {head} said the observers would visit polling stations in all regions.",
        )), m, head=h)
    if org.members and rng.random() < 0.55:
        pool = [c for c in org.members if c != host.cc]
        chosen = rng.sample(pool, k=min(len(pool), rng.randint(2, 7)))
        m.member_countries = chosen
        names: list[Fact] = [("member_country", cc, STATE_NAMES[cc]) for cc in chosen]
        tmpl = ", ".join(f"{{c{i}}}" for i in range(len(names) - 1)) + f" and {{c{len(names) - 1}}}"
        intro = rng.choice(("The mission includes representatives of ", "Observers come from ",
                            "It comprises observers from "))
        w.say(intro + tmpl + ".", m, **{f"c{i}": f for i, f in enumerate(names)})
    if org.partners and rng.random() < 0.35:
        chosen_o = rng.sample(list(org.partners), k=rng.randint(1, len(org.partners)))
        m.member_organizations = chosen_o
        facts: list[Fact] = [("member_organization", n, n) for n in chosen_o]
        tmpl = " and ".join(f"the {{o{i}}}" for i in range(len(facts)))
        w.say("Representatives of " + tmpl + " are also part of the mission.", m,
              **{f"o{i}": f for i, f in enumerate(facts)})
    if rng.random() < 0.45:
        m.accredited_by = host.commission
        a: Fact = ("accredited_by", host.commission, host.commission)
        w.say(rng.choice((
            "The observers were accredited by the {cec}.",
            "The {cec} has accredited the mission's members.",
            "According to the {cec}, the mission's observers have received their accreditation.",
        )), m, cec=a)
    if rng.random() < 0.6:
        total = rng.randint(8, 600)
        m.observers_total = total
        tf: Fact = ("observers.total", total, str(total))
        if rng.random() < 0.4:
            lt = rng.randint(4, max(5, total // 3))
            st = total - lt
            m.observers_long_term, m.observers_short_term = lt, st
            w.say("In total, {total} observers will monitor the vote, including {lt} long-term observers "
                  "and {st} short-term observers.", m, total=tf,
                  lt=("observers.long_term", lt, str(lt)), st=("observers.short_term", st, str(st)))
        else:
            w.say(rng.choice((
                "The mission consists of {total} observers.",
                "A total of {total} observers are expected to take part.",
                "Some {total} international observers have been deployed.",
            )), m, total=tf)
    elif rng.random() < 0.3:
        lt = rng.randint(6, 40)
        m.observers_long_term = lt
        w.say("So far {lt} long-term observers have been deployed to the regions.", m,
              lt=("observers.long_term", lt, str(lt)))
    if m.head and rng.random() < 0.7:
        w.paragraph()
        w.say(rng.choice(QUOTES), who=m.head)
    w.paragraph()
    return m


def _filler(w: _Writer, rng: random.Random, target: int, published: date, pool: tuple[str, ...]) -> None:
    order = list(pool)
    rng.shuffle(order)
    i = 0
    while w.words < target:
        sent = order[i % len(order)]
        i += 1
        w.say(sent.format(n=rng.randint(100, 9000), k=rng.randint(3, 25), p=rng.randint(20, 80),
                          when=_fmt_date(rng, published - timedelta(days=rng.randrange(1, 9)), year=False)))
        if rng.random() < 0.3 and w.words < target:
            w.paragraph()
        if i > 3 * len(order):  # long articles repeat background sentences with new numbers
            rng.shuffle(order)
            i = 0


def generate_one(index: int, *, seed: int = 0) -> GeneratedArticle:
    """Article ``index`` of the corpus for ``seed`` (independent of every other index)."""
    rng = random.Random(f"{seed}:{index}")
    region = rng.choices(REGIONS, REGION_WEIGHTS)[0]
    host = rng.choice([h for h in HOSTS if h.region == region])
    published = date(2000, 1, 1) + timedelta(days=rng.randrange(0, 9100))
    target = int(rng.triangular(150, 580, 320))
    agency = rng.choice(AGENCIES)
    w = _Writer()
    dateline = f"{host.city}, {MON_AP[published.month - 1]} {published.day}"
    w.raw(dateline)
    w.raw("\n\n")
    missions: list[Mission] = []
    has_mission = rng.random() >= 0.15
    if has_mission:
        kind = rng.choices(ELECTION_TYPES, TYPE_WEIGHTS)[0]
        eday = published + timedelta(days=rng.randrange(-3, 45))
        early = rng.random() < 0.15
        orgs = [o for o in ORGS if host.region in o.regions]
        chosen = rng.choices(orgs, [3.0 if o.name in MAJOR else 1.0 for o in orgs], k=2)
        n_missions = 1 if rng.random() < 0.8 or chosen[0] == chosen[1] else 2
        for k, org in enumerate(chosen[:n_missions]):
            m = _mission_paragraphs(w, rng, org, host, kind, eday, early, published, first=k == 0)
            missions.append(m)
        w.say(f"{agency} reports.")
        w.paragraph()
        _filler(w, rng, target, published, FILLER)
    else:
        if rng.random() < 0.6:  # election news without any observer mission
            kind = rng.choices(ELECTION_TYPES, TYPE_WEIGHTS)[0]
            w.say(f"The election commission of {host.name} has completed the registration of candidates for the "
                  f"upcoming {_election_phrase(kind, host)}, {agency} reports.")
            w.paragraph()
            _filler(w, rng, target, published, FILLER)
        else:
            w.say(f"Officials in {host.name} met foreign delegations this week, {agency} reports.")
            w.paragraph()
            _filler(w, rng, target, published, OFF_TOPIC)
    body = w.text().rstrip() + "\n"
    for m, slot, value, ev in w.cites:
        m.cite(slot, value, ev)
    slug = missions[0].organizer.split()[0].lower().strip("()") if missions else "news"
    name = f"gen-{index:06d}-{host.cc.lower()}-{slug}.txt"
    raw = f" date {published.isoformat()} {body}"
    article = Article.from_text(name, raw)
    if article.text != body:  # the date line must not shift the evidence offsets
        raise AssertionError(f"{name}: date header changed the body")
    return GeneratedArticle(name, raw, article, missions)


def generate(n: int, *, seed: int = 0, start: int = 0) -> Iterator[GeneratedArticle]:
    """Articles ``start`` .. ``start + n - 1`` of the corpus for ``seed``, streamed."""
    for i in range(start, start + n):
        yield generate_one(i, seed=seed)


def write_corpus(directory: str | Path, n: int, *, seed: int = 0, gold: bool = True) -> Path:
    """Write ``n`` articles (and their gold files) into ``directory``; returns it.

    An existing file with the same content is left alone, so re-running is cheap.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    for g in generate(n, seed=seed):
        _write_if_changed(out / g.name, g.raw)
        if gold:
            _write_if_changed(out / (g.name[:-4] + ".gold.json"), json.dumps(g.gold(), indent=1, ensure_ascii=False) + "\n")
    return out


def _write_if_changed(path: Path, text: str) -> None:
    if path.exists() and path.read_text(encoding="utf-8") == text:
        return
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("n", type=int, help="number of articles")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--out", type=Path, default=None, help="directory (default bench/corpus/N-sSEED)")
    p.add_argument("--no-gold", action="store_true", help="only the .txt files")
    a = p.parse_args(argv)
    out = write_corpus(a.out or DEFAULT_CORPUS / f"{a.n}-s{a.seed}", a.n, seed=a.seed, gold=not a.no_gold)
    print(out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
