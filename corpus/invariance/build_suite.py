"""Writes suite.jsonl: the invariance suite, CheckList style (Ribeiro et al., ACL 2020).

Each family holds one expectation and many wordings of it. ``must`` rows state a mission and
some of its values, which every wording must yield; ``must-not`` rows state what no wording may
yield (no mission at all, no mission of one organizer, or one wrong value). The scenarios use
real elections and observer organizations; every sentence was written for this suite.

After its own rows the table gets the rows of ``cases.jsonl`` beside this script (the extractor's
single-text tests, families ``cases-*``, edited by hand), with their ids as they are.

Run ``python corpus/invariance/build_suite.py`` to regenerate the table after editing a family or
``cases.jsonl``; the table, not this script, is what the tests read.
"""

from __future__ import annotations

import json
from pathlib import Path

ROWS: list[dict] = []


def row(family: str, expect: str, text: str, *, published: str, missions=(), forbid=(), note: str = "") -> None:
    n = sum(1 for r in ROWS if r["family"] == family) + 1
    ROWS.append({
        "id": f"{family}-{n:03d}",
        "family": family,
        "expect": expect,
        "published": published,
        "text": text,
        "missions": list(missions),
        "forbid": list(forbid),
        **({"note": note} if note else {}),
    })


# --- scenarios (real elections; figures as reported or rounded) --------------------------------
KE = dict(org="Carter Center", short="The Carter Center", cc="KE", host="Kenya", adj="Kenya's",
          kind="general election", type="general", date="2022-08-09", day="9 August", n=60, words="sixty",
          pub="2022-07-20", city="NAIROBI")
GH = dict(org="European Union", short="The European Union", cc="GH", host="Ghana", adj="Ghana's",
          kind="presidential and parliamentary elections", type="general", date="2024-12-07", day="7 December",
          n=82, words="eighty-two", pub="2024-11-20", city="ACCRA")
MN = dict(org="OSCE Office for Democratic Institutions and Human Rights", short="The OSCE/ODIHR", cc="MN",
          host="Mongolia", adj="Mongolia's", kind="parliamentary elections", type="parliamentary",
          date="2024-06-28", day="28 June", n=45, words="forty-five", pub="2024-06-10", city="ULAANBAATAR")
BO = dict(org="Organization of American States", short="The Organization of American States", cc="BO",
          host="Bolivia", adj="Bolivia's", kind="general elections", type="general", date="2020-10-18",
          day="18 October", n=30, words="thirty", pub="2020-10-05", city="LA PAZ")
UZ = dict(org="Commonwealth of Independent States", short="The CIS", cc="UZ", host="Uzbekistan",
          adj="Uzbekistan's", kind="presidential election", type="presidential", date="2021-10-24",
          day="24 October", n=120, words="a hundred and twenty", pub="2021-10-04", city="TASHKENT")
SCEN = [KE, GH, MN, BO, UZ]


def base(s: dict, **extra) -> dict:
    m = {"organizer": s["org"], "country": s["cc"]}
    m.update(extra)
    return m


def head(s: dict) -> str:
    return f" date {s['pub']}\n{s['city']}\n\n"


# 1. deployment verbs in every tense, aspect and voice -----------------------------------------
ACTIVE = ["has deployed", "deployed", "is deploying", "will deploy", "is sending", "will send", "sent",
          "has sent", "will field", "is fielding", "has dispatched", "plans to deploy", "is set to deploy",
          "is due to deploy", "has fielded"]
for s in SCEN:
    for verb in ACTIVE:
        row("deploy-verb", "must", head(s) + f"{s['short']} {verb} {s['n']} observers to monitor {s['adj']} "
            f"{s['kind']} on {s['day']}.", published=s["pub"],
            missions=[base(s, **{"observers.total": s["n"], "election.date": s["date"]})])
PASSIVE = [
    "{n} observers have been deployed by {short_l} for {adj} {kind} on {day}.",
    "{n} observers sent by {short_l} will watch {adj} {kind} on {day}.",
    "{adj} {kind} on {day} will be observed by {n} observers from {short_l}.",
    "{n} observers were dispatched by {short_l} ahead of {adj} {kind} on {day}.",
    "Observers numbering {n} are being deployed by {short_l} for {adj} {kind} on {day}.",
    "{n} monitors deployed by {short_l} began observing {adj} {kind}, which takes place on {day}.",
]
for s in SCEN:
    for t in PASSIVE:
        text = t.format(n=s["n"], short_l=s["short"][0].lower() + s["short"][1:], adj=s["adj"], kind=s["kind"],
                        day=s["day"])
        row("deploy-voice", "must", head(s) + text[0].upper() + text[1:], published=s["pub"],
            missions=[base(s, **{"observers.total": s["n"], "election.date": s["date"]})])

# 2. word order -----------------------------------------------------------------------------------
ORDERS = [
    "Ahead of {adj} {kind} on {day}, {short_l} has deployed {n} observers.",
    "For {adj} {kind} on {day}, {short_l} has deployed {n} observers.",
    "On {day}, {host} holds its {kind}; {short_l} has deployed {n} observers to follow the vote.",
    "{n} observers: that is how many {short_l} has deployed for {adj} {kind} on {day}.",
    "In {host}, which votes in the {kind} on {day}, {short_l} has deployed {n} observers.",
    "{short} has, ahead of the {kind} in {host} on {day}, deployed {n} observers.",
]
for s in SCEN:
    for t in ORDERS:
        text = t.format(n=s["n"], short=s["short"], short_l=s["short"][0].lower() + s["short"][1:],
                        adj=s["adj"], kind=s["kind"], day=s["day"], host=s["host"])
        row("word-order", "must", head(s) + text[0].upper() + text[1:], published=s["pub"],
            missions=[base(s, **{"observers.total": s["n"], "election.date": s["date"]})])

# 3. appositions of any length --------------------------------------------------------------------
APPOS = [
    "",
    ", which is based in Atlanta,",
    ", founded by former U.S. President Jimmy Carter in 1982,",
    ", a non-governmental organization that has observed more than 115 elections in 40 countries since "
    "the late 1980s,",
    ", the Atlanta-based group founded by Jimmy Carter and his wife Rosalynn in 1982 that has since observed "
    "well over a hundred elections across Africa, Asia and Latin America, often at the invitation of both "
    "governments and opposition parties,",
    ", whose observers (most of them regional experts, many of them veterans of earlier missions in East "
    "Africa) were trained in Nairobi over three days in late July by a team that included lawyers, "
    "statisticians and former election officials from Zambia, Malawi and Uganda,",
]
for a in APPOS:
    for verb in ("has deployed", "is sending", "will field"):
        row("apposition", "must", head(KE) + f"The Carter Center{a} {verb} 60 observers to Kenya's general "
            f"election on 9 August.", published=KE["pub"],
            missions=[base(KE, **{"observers.total": 60})])

# 4. numbers ------------------------------------------------------------------------------------------
NUMS = [
    "a 38-member mission", "a 38-strong mission", "a mission of 38 observers", "thirty-eight observers",
    "some 38 observers", "about 38 observers", "a team of thirty-eight observers", "38 election observers",
    "a mission of 38", "an observation mission numbering 38 people", "a mission of thirty eight members",
    "a group of 38 monitors",
]
for n in NUMS:
    row("numbers", "must", " date 2021-01-12\nKAMPALA\n\nThe African Union has deployed " + n +
        " to observe Uganda's general elections on 14 January.", published="2021-01-12",
        missions=[{"organizer": "African Union", "country": "UG", "observers.total": 38}])
REVISED = [
    "The African Union initially announced 30 observers for Uganda's general elections on 14 January. "
    "The mission has since grown to 38 observers.",
    "The AU mission to Uganda's general elections on 14 January started with 30 observers; eight more joined "
    "this week, bringing it to 38.",
    "The African Union observer mission for Uganda's 14 January general elections, first reported as 30 "
    "strong, now numbers 38 observers, the AU said on Tuesday.",
    "An African Union mission of 30 observers was planned for Uganda's general elections on 14 January. "
    "On arrival, it counted 38 observers.",
]
for t in REVISED:
    row("numbers-revised", "must", " date 2021-01-12\nKAMPALA\n\n" + t, published="2021-01-12",
        missions=[{"organizer": "African Union", "country": "UG", "observers.total": 38}])

# 5. titles and name/role order --------------------------------------------------------------------
HEADS = [
    "The SADC mission, led by Nevers Mumba, has deployed observers for Zimbabwe's harmonised elections on 23 August.",
    "Led by Nevers Mumba, the SADC observer mission has deployed across Zimbabwe for the elections on 23 August.",
    "Nevers Mumba (Zambia) heads the SADC Electoral Observation Mission to Zimbabwe's elections on 23 August.",
    "The SADC Electoral Observation Mission to Zimbabwe's elections on 23 August is headed by former Zambian "
    "Vice-President Nevers Mumba.",
    "Former Zambian Vice-President Nevers Mumba is leading the SADC observer mission for Zimbabwe's elections "
    "on 23 August.",
    "SADC has deployed an observer mission to Zimbabwe for the elections on 23 August. Head of Mission – "
    "Nevers Mumba; Deputy Head – Ambassador Paul Chikonde.",
    "The head of the SADC observer mission to Zimbabwe's 23 August elections, Nevers Mumba, said the mission "
    "had deployed 68 observers.",
    "The SADC mission for Zimbabwe's elections on 23 August, under the leadership of Nevers Mumba, has "
    "deployed observers to all ten provinces.",
    "Nevers Mumba, who heads the SADC Electoral Observation Mission, said its observers had deployed for "
    "Zimbabwe's elections on 23 August.",
    "The SADC Electoral Observation Mission to Zimbabwe, whose head is Nevers Mumba, has deployed for the "
    "23 August elections.",
    "SADC observers have deployed for Zimbabwe's elections on 23 August. Mumba, a former Zambian vice-president, "
    "is the mission's head; his full name is Nevers Mumba.",
    "Heading the SADC observer mission to Zimbabwe's 23 August elections is Nevers Mumba, a former "
    "vice-president of Zambia.",
]
for t in HEADS:
    row("head", "must", " date 2023-08-10\nHARARE\n\n" + t, published="2023-08-10",
        missions=[{"organizer": "Southern African Development Community", "country": "ZW", "head": "Nevers Mumba"}])
# the same wordings about the OAS mission to Bolivia's 2020 general elections
HEAD_SWAP = [("Ambassador Paul Chikonde", "Ambassador Ana Ruiz"), ("Nevers Mumba", "Manuel González"),
             ("Mumba", "González"), ("SADC Electoral Observation Mission", "OAS Electoral Observation Mission"),
             ("SADC", "OAS"), ("Zimbabwe's harmonised elections on 23 August", "Bolivia's general elections on 18 October"),
             ("Zimbabwe's 23 August elections", "Bolivia's 18 October general elections"),
             ("Zimbabwe's elections on 23 August", "Bolivia's general elections on 18 October"),
             ("the elections on 23 August", "the general elections on 18 October"),
             ("the 23 August elections", "the 18 October general elections"), ("Zimbabwe", "Bolivia"),
             ("Vice-President", "Foreign Minister"), ("vice-president", "foreign minister"),
             ("Zambian", "Costa Rican"), ("Zambia", "Costa Rica"), ("all ten provinces", "all nine departments"),
             ("68 observers", "30 observers")]
for t in HEADS:
    for a, b in HEAD_SWAP:
        t = t.replace(a, b)
    row("head", "must", " date 2020-10-10\nLA PAZ\n\n" + t, published="2020-10-10",
        missions=[{"organizer": "Organization of American States", "country": "BO", "head": "Manuel González"}])

# 6. date formats and the date in another sentence -------------------------------------------------
DATES = [
    "on 28 June 2024", "on June 28, 2024", "on 28.06.2024", "on 2024-06-28", "on June 28", "on 28 June",
    "on the 28th of June", "on Friday, 28 June", "on Friday", "on Jun. 28",
]
for d in DATES:
    row("election-date", "must", " date 2024-06-24\nULAANBAATAR\n\nThe OSCE/ODIHR has deployed an election "
        f"observation mission to Mongolia's parliamentary elections {d}.", published="2024-06-24",
        missions=[base(MN, **{"election.date": "2024-06-28", "election.type": "parliamentary"})])
APART = [
    "The OSCE/ODIHR has deployed an election observation mission to Mongolia. The parliamentary elections "
    "will take place on 28 June.",
    "The OSCE/ODIHR has deployed an election observation mission to Mongolia's parliamentary elections. "
    "Voting is scheduled for 28 June.",
    "Mongolians will elect a new parliament on 28 June. The OSCE/ODIHR has deployed an election observation "
    "mission to follow the vote.",
    "The OSCE/ODIHR has deployed an election observation mission to Mongolia. It will observe the "
    "parliamentary elections, which are set for 28 June.",
    "The parliamentary elections in Mongolia are due on 28 June. An OSCE/ODIHR observation mission "
    "is already in the country.",
]
for t in APART:
    row("election-date-apart", "must", " date 2024-06-10\nULAANBAATAR\n\n" + t, published="2024-06-10",
        missions=[base(MN, **{"election.date": "2024-06-28", "election.type": "parliamentary"})])

# 7. lists within and across sentences ----------------------------------------------------------------
LISTS = [
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October includes observers "
    "from Angola, Botswana and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has observers from "
    "three SADC countries: Angola, Botswana and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has deployed 40 "
    "observers. They come from Angola, Botswana and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has deployed 40 "
    "observers. Its members were nominated by Angola, Botswana and Malawi.",
    "Observers from Angola, Botswana and Malawi make up the SADC Electoral Observation Mission to Mozambique's "
    "general elections on 9 October.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October comprises "
    "representatives of Angola, Botswana and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has deployed 40 "
    "observers. Angolan, Botswanan and Malawian observers make up the mission.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October is made up of "
    "40 observers from Angola, Botswana, and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has deployed 40 "
    "observers on behalf of Angola, Botswana and Malawi.",
    "The SADC Electoral Observation Mission to Mozambique's general elections on 9 October has deployed 40 "
    "observers. Among them are diplomats from Angola and Botswana as well as MPs from Malawi.",
]
for t in LISTS:
    row("members", "must", " date 2024-10-01\nMAPUTO\n\n" + t, published="2024-10-01",
        missions=[{"organizer": "Southern African Development Community", "country": "MZ",
                   "member_countries": ["AO", "BW", "MW"]}])
# the same wordings about the CIS mission to Uzbekistan's 2021 presidential election
LIST_SWAP = [("SADC Electoral Observation Mission to Mozambique's general elections on 9 October",
              "CIS observer mission to Uzbekistan's presidential election on 24 October"),
             ("three SADC countries", "three CIS countries"),
             ("Angola and Botswana as well as MPs from Malawi", "Armenia and Belarus as well as MPs from Kazakhstan"),
             ("Angolan, Botswanan and Malawian", "Armenian, Belarusian and Kazakh"),
             ("Angola, Botswana, and Malawi", "Armenia, Belarus, and Kazakhstan"),
             ("Angola, Botswana and Malawi", "Armenia, Belarus and Kazakhstan")]
for t in LISTS:
    for a, b in LIST_SWAP:
        t = t.replace(a, b)
    row("members", "must", " date 2021-10-04\nTASHKENT\n\n" + t, published="2021-10-04",
        missions=[{"organizer": "Commonwealth of Independent States", "country": "UZ",
                   "member_countries": ["AM", "BY", "KZ"]}])

# 8. accreditation, active and passive ----------------------------------------------------------------
ACCR = [
    "The Independent Electoral and Boundaries Commission has accredited the Carter Center's 60 observers for "
    "Kenya's general election on 9 August.",
    "The Carter Center's 60 observers for Kenya's general election on 9 August were accredited by the "
    "Independent Electoral and Boundaries Commission.",
    "The Carter Center's mission to Kenya's general election on 9 August received accreditation from the "
    "Independent Electoral and Boundaries Commission.",
    "The Carter Center's mission to Kenya's general election on 9 August has been accredited by the "
    "Independent Electoral and Boundaries Commission.",
    "The Independent Electoral and Boundaries Commission issued accreditation to 60 observers of the Carter "
    "Center for Kenya's general election on 9 August.",
    "Accredited by the Independent Electoral and Boundaries Commission, the Carter Center's 60 observers "
    "will watch Kenya's general election on 9 August.",
    "Kenya's Independent Electoral and Boundaries Commission (IEBC) has accredited 60 observers from the "
    "Carter Center for the general election on 9 August.",
    "The Carter Center has deployed 60 observers to Kenya's general election on 9 August, all of them "
    "accredited by the IEBC, Kenya's Independent Electoral and Boundaries Commission.",
]
for t in ACCR:
    row("accreditation", "must", head(KE) + t, published=KE["pub"],
        missions=[base(KE, accredited_by="Independent Electoral and Boundaries Commission")])

# 9. start dates --------------------------------------------------------------------------------------------
STARTS = [
    "The EU Election Observation Mission to Ghana began its work on 28 October.",
    "The EU Election Observation Mission to Ghana opened on 28 October.",
    "The EU Election Observation Mission to Ghana has been in the country since 28 October.",
    "The EU Election Observation Mission to Ghana arrived in Accra on 28 October.",
    "The EU Election Observation Mission to Ghana was launched on 28 October.",
    "On 28 October, the EU Election Observation Mission to Ghana started its work.",
    "The EU Election Observation Mission to Ghana, which began work on 28 October, has deployed observers.",
    "The EU Election Observation Mission to Ghana has been observing since 28 October.",
]
for t in STARTS:
    row("start-date", "must", head(GH) + t + " Ghana votes in presidential and parliamentary elections on "
        "7 December.", published=GH["pub"], missions=[base(GH, start_date="2024-10-28")])

# 10. long- and short-term observers ----------------------------------------------------------------------
TERMS = [
    "The EU mission to Ghana has 28 long-term observers and will add 54 short-term observers.",
    "The EU mission to Ghana comprises 28 long-term and 54 short-term observers.",
    "Of the EU mission's observers in Ghana, 28 are long-term; 54 short-term observers will join them.",
    "The EU mission to Ghana deployed 28 long-term observers; a further 54 short-term observers arrive next "
    "week.",
    "Twenty-eight long-term observers of the EU mission to Ghana are already deployed, and fifty-four "
    "short-term observers will follow.",
    "The EU mission to Ghana has deployed 28 observers for the long term; 54 short-term observers will join "
    "them on election week.",
]
for t in TERMS:
    row("observer-terms", "must", head(GH) + t + " Ghana votes on 7 December.", published=GH["pub"],
        missions=[base(GH, **{"observers.long_term": 28, "observers.short_term": 54})])

# 11. several missions in one sentence -----------------------------------------------------------------------
MANY = [
    "The African Union, ECOWAS and the European Union have deployed observers to Nigeria's general "
    "elections on 25 February.",
    "Observers of the African Union, ECOWAS and the European Union are monitoring Nigeria's general elections "
    "on 25 February.",
    "Nigeria's general elections on 25 February are being watched by missions of the African Union, ECOWAS "
    "and the European Union.",
    "The African Union has deployed 90 observers, ECOWAS 40 and the European Union 110 to Nigeria's general "
    "elections on 25 February.",
    "Missions from the African Union and ECOWAS, as well as the European Union's observers, have arrived for "
    "Nigeria's general elections on 25 February.",
    "Both the African Union and ECOWAS have sent observers to Nigeria's general elections on 25 February; "
    "the European Union has deployed its own mission.",
]
for t in MANY:
    row("several-missions", "must", " date 2023-02-20\nABUJA\n\n" + t, published="2023-02-20",
        missions=[{"organizer": o, "country": "NG"} for o in
                  ("African Union", "Economic Community of West African States", "European Union")])

# --- must-not families ----------------------------------------------------------------------------------------
INVITE = [
    "Mongolia's General Election Commission has invited the OSCE/ODIHR to observe the parliamentary "
    "elections on 28 June.",
    "The government of Mongolia sent an invitation to the OSCE/ODIHR to observe the parliamentary elections "
    "on 28 June.",
    "The OSCE/ODIHR has been invited to observe Mongolia's parliamentary elections on 28 June, the "
    "foreign ministry said.",
    "An invitation to observe Mongolia's parliamentary elections on 28 June has been extended to the "
    "OSCE/ODIHR.",
    "Mongolia will invite the OSCE/ODIHR and other international organizations to observe its parliamentary "
    "elections on 28 June.",
    "The OSCE/ODIHR has received an invitation to observe the parliamentary elections in Mongolia on "
    "28 June and is considering it.",
    "The foreign minister said Mongolia would welcome observers from the OSCE/ODIHR at the parliamentary "
    "elections on 28 June.",
    "Ulaanbaatar has asked the OSCE/ODIHR whether it could observe Mongolia's parliamentary elections on "
    "28 June.",
]
for t in INVITE:
    row("invitation", "must-not", " date 2024-04-02\nULAANBAATAR\n\n" + t, published="2024-04-02",
        forbid=[{"mission": {"organizer": MN["org"], "country": "MN"}}])
REFUSE = [
    "The OSCE/ODIHR will not send observers to Belarus's presidential election on 9 August.",
    "The OSCE/ODIHR has decided not to deploy an observation mission to Belarus's presidential election on "
    "9 August.",
    "The OSCE/ODIHR declined to observe Belarus's presidential election on 9 August, citing the late "
    "invitation.",
    "Belarus's presidential election on 9 August will not be observed by the OSCE/ODIHR.",
    "The OSCE/ODIHR said it was unable to deploy observers for the presidential election in Belarus on "
    "9 August.",
    "There will be no OSCE/ODIHR observation mission at Belarus's presidential election on 9 August.",
    "The OSCE/ODIHR refused to send a mission to Belarus's presidential election on 9 August.",
    "Without a timely invitation, the OSCE/ODIHR is not in a position to observe Belarus's presidential "
    "election on 9 August.",
]
for t in REFUSE:
    row("refusal", "must-not", " date 2020-07-15\nWARSAW\n\n" + t, published="2020-07-15",
        forbid=[{"mission": {"organizer": MN["org"], "country": "BY"}}])
CANCEL = [
    "The European Union has cancelled its observation mission to Ethiopia's general elections on 21 June.",
    "The European Union called off its plan to observe Ethiopia's general elections on 21 June.",
    "The European Union's observation mission to Ethiopia's general elections on 21 June will not go ahead, "
    "Brussels said.",
    "Brussels scrapped the European Union's planned mission to observe Ethiopia's general elections on "
    "21 June.",
    "The European Union abandoned plans to deploy observers to Ethiopia's general elections on 21 June.",
    "A European Union observation mission to Ethiopia's general elections on 21 June has been cancelled "
    "after talks with the government failed.",
]
for t in CANCEL:
    row("cancellation", "must-not", " date 2021-05-04\nADDIS ABABA\n\n" + t, published="2021-05-04",
        forbid=[{"mission": {"organizer": "European Union", "country": "ET"}}])
NEEDS = [
    "An OSCE/ODIHR needs assessment mission visited Mongolia from 10 to 14 March to recommend whether to "
    "observe the parliamentary elections on 28 June.",
    "The OSCE/ODIHR sent a needs-assessment team to Mongolia ahead of the parliamentary elections on 28 June; "
    "a decision on an observation mission will follow.",
    "Experts from the OSCE/ODIHR assessed the needs for observing Mongolia's parliamentary elections on "
    "28 June during a visit this week.",
    "The OSCE/ODIHR needs assessment mission to Mongolia met officials and parties ahead of the parliamentary "
    "elections on 28 June.",
]
for t in NEEDS:
    row("needs-assessment", "must-not", " date 2024-03-20\nULAANBAATAR\n\n" + t, published="2024-03-20",
        forbid=[{"mission": {"organizer": MN["org"], "country": "MN"}}])
DOMESTIC = [
    "Some 2,000 domestic observers from local NGOs will monitor Georgia's parliamentary elections on "
    "26 October.",
    "Georgia's Central Election Commission has registered 2,000 domestic observers for the parliamentary "
    "elections on 26 October.",
    "The International Society for Fair Elections and Democracy, a Georgian watchdog, is deploying 2,000 "
    "observers for the parliamentary elections on 26 October.",
    "Local monitoring groups will field 2,000 observers at Georgia's parliamentary elections on 26 October.",
]
for t in DOMESTIC:
    row("domestic-only", "must-not", " date 2024-10-10\nTBILISI\n\n" + t, published="2024-10-10",
        forbid=[{"any_mission": True}])
CLOCK = [
    "By 12:30 on Tuesday, the Carter Center had deployed 60 observers to Kenya's general election on 9 August.",
    "At 09:45 the Carter Center said its 60 observers were in place for Kenya's general election on 9 August.",
    "Updated 14:02 – The Carter Center has 60 observers at Kenya's general election on 9 August.",
    "The Carter Center's 60 observers reported at 18:15 that polls for Kenya's general election on 9 August "
    "had closed.",
    "Kenya's general election on 9 August: polls opened at 6:00 and the Carter Center's 60 observers were "
    "present at 12 polling stations by noon.",
    "At 11.40 local time, the Carter Center said it had deployed 60 observers to Kenya's general election "
    "on 9 August.",
]
for t in CLOCK:
    row("clock-times", "must-not", head(KE) + t, published=KE["pub"],
        missions=[base(KE, **{"observers.total": 60})],
        forbid=[{"organizer": KE["org"], "country": "KE", "slot": "observers.total", "value": v}
                for v in (12, 9, 14, 18, 6, 11, 2, 45, 30, 15, 40)])
COUNTRIES = [
    "The African Union has deployed 38 observers from nine countries to Uganda's general elections on "
    "14 January.",
    "The African Union's observers, drawn from nine countries, number 38 for Uganda's general elections on "
    "14 January.",
    "Nine countries contributed to the African Union's 38-member mission to Uganda's general elections on "
    "14 January.",
    "The African Union mission to Uganda's general elections on 14 January has 38 observers from nine member "
    "states and two regional bodies.",
    "The 38 African Union observers at Uganda's general elections on 14 January come from 9 countries.",
    "From nine African countries, 38 observers make up the African Union mission to Uganda's general "
    "elections on 14 January.",
]
for t in COUNTRIES:
    row("country-counts", "must-not", " date 2021-01-12\nKAMPALA\n\n" + t, published="2021-01-12",
        missions=[{"organizer": "African Union", "country": "UG", "observers.total": 38}],
        forbid=[{"organizer": "African Union", "country": "UG", "slot": "observers.total", "value": 9},
                {"organizer": "African Union", "country": "UG", "slot": "observers.total", "value": 2}])
NOTMEMBER = [
    "The SADC mission to Zimbabwe's elections on 23 August is headed by Nevers Mumba, a former Zambian "
    "vice-president who studied in France.",
    "The SADC mission to Zimbabwe's elections on 23 August met Zimbabwean officials and Chinese diplomats "
    "in Harare.",
    "Nevers Mumba, once Zambia's envoy to Canada, leads the SADC mission to Zimbabwe's elections on 23 August.",
    "The SADC mission to Zimbabwe's elections on 23 August, led by Nevers Mumba of Zambia, was briefed by "
    "the British ambassador.",
    "The SADC mission to Zimbabwe's elections on 23 August, headed by Nevers Mumba (Zambia), visited "
    "polling stations near the border with South Africa.",
    "The SADC observers for Zimbabwe's elections on 23 August, led by Zambia's Nevers Mumba, praised "
    "Zimbabweans for their patience.",
]
for t in NOTMEMBER:
    row("not-a-member", "must-not", " date 2023-08-10\nHARARE\n\n" + t, published="2023-08-10",
        missions=[{"organizer": "Southern African Development Community", "country": "ZW"}],
        forbid=[{"organizer": "Southern African Development Community", "country": "ZW",
                 "slot": "member_countries", "value": c} for c in ("ZW", "FR", "CN", "CA", "GB", "ZA")])
PASSING = [
    "Kenya's opposition leader said on Monday he would accept the result of the 9 August general election "
    "if it was free; the Carter Center observed Kenya's 2017 election.",
    "The government recalled that the European Union had observed Ghana's 2020 elections and said the "
    "2024 vote on 7 December would be just as open.",
]
row("passing-mention", "must-not", head(KE) + PASSING[0], published=KE["pub"],
    forbid=[{"mission": {"organizer": KE["org"], "country": "KE", "election.date": "2022-08-09"}}],
    note="a 2017 mission is not a mission to the 2022 election")
row("passing-mention", "must-not", head(GH) + PASSING[1], published=GH["pub"],
    forbid=[{"mission": {"organizer": GH["org"], "country": "GH", "election.date": "2024-12-07"}}],
    note="a 2020 mission is not a mission to the 2024 election")

# cases.jsonl: the extractor's single-text tests (families "cases-*"), kept as rows written by hand;
# they follow the generated rows unchanged, ids included.
CASES = Path(__file__).with_name("cases.jsonl")
with CASES.open(encoding="utf-8") as fh:
    ROWS.extend(json.loads(line) for line in fh if line.strip())

if __name__ == "__main__":
    out = Path(__file__).with_name("suite.jsonl")
    ids = [r["id"] for r in ROWS]
    assert len(ids) == len(set(ids))
    out.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in ROWS), encoding="utf-8")
    fams: dict[str, int] = {}
    for r in ROWS:
        fams[r["family"]] = fams.get(r["family"], 0) + 1
    print(f"{out}: {len(ROWS)} rows in {len(fams)} families")
    for f, n in fams.items():
        print(f"  {f}: {n}")
