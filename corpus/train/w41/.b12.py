exec(open(".mk.py").read())

t = """STEPPE DEMOCRACY DIGEST
Bimonthly newsletter of the Ulaanbaatar Voters' Education Network · 24 June 2017

PRESIDENTIAL ELECTION ON MONDAY 26 JUNE

Three candidates remain after the courts' last-minute rulings: Khaltmaagiin Battulga (Democratic Party), Miyeegombyn Enkhbold (Mongolian People's Party) and Sainkhüügiin Ganbaatar (Mongolian People's Revolutionary Party).

Who is watching
• ODIHR has opened a limited election observation mission under Ambassador Geert-Hinrich Ahrens: ten core-team experts in Ulaanbaatar and 20 long-term observers working in pairs around the country.
• The European Parliament sends a five-member delegation, headed by Laima Andrikienė (EPP, Lithuania). The others are Joachim Zeller of Germany, Ivan Štefanec of Slovakia, and two Spanish members, Enrique Guerrero Salom and Javier Nart. The delegation follows ODIHR's methodology and will speak at the joint press conference.
• An OSCE Parliamentary Assembly delegation completes the international line-up.

Comment
The campaign has been bruising, with leaked recordings and corruption allegations. A second round, the first in Mongolian history, is possible if nobody clears half the votes cast.
"""
MG = "PRESIDENTIAL ELECTION ON MONDAY 26 JUNE"
art("w41-mongolia-2017-odihr-ep", "2017-06-24", t, [
 M("OSCE Office for Democratic Institutions and Human Rights", None, "MN", "presidential", "2017-06-26", head="Geert-Hinrich Ahrens", lt=20, ev={
   "mission": "ODIHR has opened a limited election observation mission",
   "election.type": MG, "election.date": MG,
   "head": "under Ambassador Geert-Hinrich Ahrens",
   "observers.long_term": "20 long-term observers working in pairs around the country"}),
 M("European Parliament", "Q8889", "MN", "presidential", "2017-06-26", head="Laima Andrikienė", mc=["LT", "DE", "SK", "ES"], tot=5, ev={
   "mission": "The European Parliament sends a five-member delegation",
   "election.type": MG, "election.date": MG,
   "head": "headed by Laima Andrikienė (EPP, Lithuania)",
   "observers.total": "The European Parliament sends a five-member delegation",
   "member_countries": {"LT": "headed by Laima Andrikienė (EPP, Lithuania)",
                        "DE": "Joachim Zeller of Germany", "SK": "Ivan Štefanec of Slovakia",
                        "ES": "two Spanish members, Enrique Guerrero Salom and Javier Nart"}}),
 M("OSCE Parliamentary Assembly", None, "MN", "presidential", "2017-06-26", ev={
   "mission": "An OSCE Parliamentary Assembly delegation completes the international line-up",
   "election.type": MG, "election.date": MG}),
])

t = """STEPPE DEMOCRACY DIGEST
Bimonthly newsletter of the Ulaanbaatar Voters' Education Network · 14 April 2021

WHAT ODIHR'S ASSESSMENT TEAM FOUND

Ahead of the 9 June presidential election — the first since the 2019 constitutional changes limited a president to a single six-year term — the OSCE's election office sent a two-person needs assessment team to Ulaanbaatar from 22 to 26 March, after an invitation from the foreign ministry. Ana Rusu, senior election adviser, and Keara Castaldo, election adviser, met state institutions, parties, media, civil society and diplomats.

Their report, now public, notes a new Law on Presidential Elections (December 2020) that addresses some earlier recommendations, such as on transparency of voter lists, while others remain untouched: who may stand, campaign rules, and complaints procedures. COVID-19 restrictions add uncertainty.

The team's job was to say whether, and in what form, ODIHR should come back for the vote itself. Which format will be chosen has not been announced.

Our comment
Whatever ODIHR decides, our network will put 300 volunteers at polling stations in the capital. Much of what the assessment flags — the restrictions on independent candidates above all — can be written into law only by the next parliament.

COMING UP
• 9 June — Mongolia, presidential election
• 20 June — Armenia, early parliamentary elections
"""
art("w41-mongolia-2021-odihr-assessment", "2021-04-14", t, [], kind="needs-assessment")

t = """CARIBBEAN DEMOCRACY NOTES
A fortnightly digest from the Santo Domingo Civic Forum | 12 February 2020

DOMINICAN REPUBLIC: MUNICIPAL ELECTIONS ON 16 FEBRUARY

Voters elect mayors and councils in all 158 municipalities on Sunday, the first of three votes this year. It is also the first large test of automated voting in about half the country.

International presence, as announced by the Central Electoral Board (JCE): 118 observers from 20 countries.
- UNIORE: 40, headed by Marcos Baños, a councillor of Mexico's National Electoral Institute
- OAS: 24, led by former Chilean president Eduardo Frei, whose technical team already visited from 21 to 25 January
- IFES: 6
- Association of World Election Bodies (A-WEB): 7
The rest are academics, diplomats, Central American MPs and guests of political parties.

It is the seventeenth time the OAS observes a Dominican election.

Comment
Automated voting has supporters in the JCE and critics in every opposition party. The observers' technical experts, not their headline figures, are what matters this week.

COMING UP
- 2 March — Guyana, general and regional elections
- 17 May — Dominican Republic, presidential and congressional elections
"""
DO = "Voters elect mayors and councils in all 158 municipalities on Sunday"
DT = "DOMINICAN REPUBLIC: MUNICIPAL ELECTIONS ON 16 FEBRUARY"
art("w41-dominican-2020-municipal-observers", "2020-02-12", t, [
 M("Inter-American Union of Electoral Organizations", None, "DO", "local", "2020-02-16", head="Marcos Baños", mc=["MX"], tot=40, ev={
   "mission": "UNIORE: 40, headed by Marcos Baños",
   "election.type": DO, "election.date": DT,
   "head": "headed by Marcos Baños, a councillor of Mexico's National Electoral Institute",
   "observers.total": "UNIORE: 40, headed by Marcos Baños",
   "member_countries": {"MX": "headed by Marcos Baños, a councillor of Mexico's National Electoral Institute"},
   }),
 M("Organization of American States", "Q123759", "DO", "local", "2020-02-16", start="2020-01-21", head="Eduardo Frei", mc=["CL"], tot=24, ev={
   "mission": "OAS: 24, led by former Chilean president Eduardo Frei",
   "election.type": DO, "election.date": DT,
   "start_date": "whose technical team already visited from 21 to 25 January",
   "head": "led by former Chilean president Eduardo Frei",
   "observers.total": "OAS: 24, led by former Chilean president Eduardo Frei",
   "member_countries": {"CL": "led by former Chilean president Eduardo Frei"}}),
 M("International Foundation for Electoral Systems", None, "DO", "local", "2020-02-16", tot=6, ev={
   "mission": "IFES: 6", "election.type": DO, "election.date": DT, "observers.total": "IFES: 6"}),
 M("Association of World Election Bodies", None, "DO", "local", "2020-02-16", tot=7, ev={
   "mission": "Association of World Election Bodies (A-WEB): 7", "election.type": DO, "election.date": DT,
   "observers.total": "Association of World Election Bodies (A-WEB): 7"}),
])
