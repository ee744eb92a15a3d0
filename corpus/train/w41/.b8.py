exec(open(".mk.py").read())

t = """THE BALLOT YEAR AHEAD
Special New Year issue of the Global Election Observation Digest · 5 January 2024

More people will vote in 2024 than in any year before. Here is our calendar of the national polls we expect to follow in the first half. Observer line-ups will appear in our weekly issues once organisations announce them; none is listed here.

JANUARY
• 7 January — Bangladesh, parliamentary elections (main opposition boycotting)
• 13 January — Taiwan, presidential and legislative elections
• 14 January — Comoros, presidential and governors' elections

FEBRUARY
• 4 February — El Salvador, presidential and legislative elections
• 7 February — Azerbaijan, early presidential election
• 8 February — Pakistan, general elections
• 14 February — Indonesia, presidential and legislative elections

MARCH
• 15–17 March — Russia, presidential election
• 24 March — Senegal, presidential election (after a contested postponement)
• 31 March — Turkey, local elections

APRIL–JUNE
• 10 April — South Korea, National Assembly elections
• 19 April — India, first phase of the general election (seven phases to 1 June)
• 29 May — South Africa, national and provincial elections
• 2 June — Mexico, general elections
• 6–9 June — European Parliament elections in all 27 EU states

Editor's note
Several of these votes will be observed by nobody from outside, by design or by circumstance. Some will draw dozens of missions. Our aim this year is to track not only who comes but who is kept out, and why.
"""
art("w41-calendar-2024-first-half", "2024-01-05", t, [], kind="other")

t = """WEST AFRICA ELECTION TRACKER
Bulletin of the Dakar-based Network for Credible Polls — 6 April 2018

SIERRA LEONE: BIO SWORN IN

Julius Maada Bio of the Sierra Leone People's Party took the oath on 4 April, hours after the National Electoral Commission declared him the winner of the 31 March runoff with about 51.8 per cent against Samura Kamara of the outgoing All People's Congress. It is the country's second handover between parties since the war.

The runoff had been delayed by a court injunction for several days, and the transition began tensely, with reports of attacks on opposition supporters in parts of Freetown.

Notes
• The incoming government has promised a review of public finances.
• International observer groups, whose work we covered in our March issues, have said little since the declaration, beyond appeals for calm.
• The first round, on 7 March, had left Bio and Kamara within a few points of each other.

Our comment
The result was accepted, and that matters more than the margin. The harder test is what happens to the parliamentary majority, which the APC still holds.

COMING UP
• 22 April — Paraguay, general elections
• 6 May — Lebanon, parliamentary elections
"""
art("w41-sierraleone-2018-bio-sworn-in", "2018-04-06", t, [], kind="passing-mention")

t = """SOUTHERN AFRICA ELECTIONS ROUND-UP
Issue 39/2023 — Civic Vote Project · 25 September 2023

ESWATINI: TINKHUNDLA ELECTIONS ON FRIDAY

The general elections of 29 September close a three-stage process that began with nominations in the royal kraals. Banned movements such as PUDEMO call the exercise a sham and are boycotting.

Missions on the ground
• SADC Electoral Observation Mission (SEOM) — head: Enock Kavindele, former vice-president of Zambia. He arrived on Thursday, paid a courtesy call on the acting foreign minister and launched the mission on Friday, 22 September. The SADC Secretariat coordinates the in-country deployment; observers go to all four regions.
• Electoral Commissions Forum of SADC Countries (ECF-SADC) — 25 members from the electoral commissions of nine countries: Angola, the DR Congo, Botswana, Malawi, Mozambique, Namibia, South Africa, Seychelles and Tanzania. Mission leader: Wendy Didon, a commissioner of Seychelles' electoral commission; deputy: Dr Molefe Phirinyane of Botswana's IEC. In the country from 20 September to 3 October.

Commentary
SADC rejected the conduct of Zimbabwe's August vote; expectations of plain speaking are higher than usual. Yet in a system without party competition, the usual checklist — campaign freedom, party agents, media balance — is hard to apply.

COMING UP
• 30 September — Slovakia, early parliamentary elections
• 10 October — Liberia, general elections
"""
W = "The general elections of 29 September close a three-stage process"
ECF = "25 members from the electoral commissions of nine countries: Angola, the DR Congo, Botswana, Malawi, Mozambique, Namibia, South Africa, Seychelles and Tanzania"
art("w41-eswatini-2023-sadc-ecf", "2023-09-25", t, [
 M("Southern African Development Community", "Q816706", "SZ", "general", "2023-09-29", start="2023-09-22", head="Enock Kavindele", mc=["ZM"], mo=["SADC Secretariat"], ev={
   "mission": "SADC Electoral Observation Mission (SEOM) — head: Enock Kavindele",
   "election.type": W, "election.date": W,
   "start_date": "launched the mission on Friday, 22 September",
   "head": "head: Enock Kavindele, former vice-president of Zambia",
   "member_countries": {"ZM": "head: Enock Kavindele, former vice-president of Zambia"},
   "member_organizations": {"SADC Secretariat": "The SADC Secretariat coordinates the in-country deployment"}}),
 M("Electoral Commissions Forum of SADC Countries", None, "SZ", "general", "2023-09-29", start="2023-09-20", head="Wendy Didon",
   mc=["AO", "CD", "BW", "MW", "MZ", "NA", "ZA", "SC", "TZ"], tot=25, ev={
   "mission": "Electoral Commissions Forum of SADC Countries (ECF-SADC) — 25 members",
   "election.type": W, "election.date": W,
   "start_date": "In the country from 20 September to 3 October",
   "head": "Mission leader: Wendy Didon, a commissioner of Seychelles' electoral commission",
   "observers.total": ECF,
   "member_countries": {c: ECF for c in ["AO", "CD", "BW", "MW", "MZ", "NA", "ZA", "SC", "TZ"]}}),
])
