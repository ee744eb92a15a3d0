exec(open(".mk.py").read())

t = """SOUTHERN AFRICA ELECTIONS ROUND-UP
Issue 22/2020 — Civic Vote Project · 29 May 2020

MALAWI: A RERUN WITHOUT FOREIGN OBSERVERS?

The fresh presidential election ordered by the Constitutional Court, which annulled the May 2019 result in February, is now set for 23 June. For the first time since multiparty rule began, it may take place with no international observation mission at all.

Where things stand
• European Union: its head of delegation says the Malawi Electoral Commission has not invited it, and that resources are going into the COVID-19 response.
• African Union and SADC: officials decline to commit, saying the shifting date makes planning impossible.
• Commonwealth: with the lockdown and flights suspended, officials say sending a group would be difficult.

Opposition figure Saulos Chilima, whose UTM backs Lazarus Chakwera in the rerun, has welcomed the prospect. Malawi, he says, can observe its own elections and has no need of "election tourists" — a sharp reminder that every major mission had called the annulled 2019 poll credible.

Our comment
We understand the anger. But the alternative to foreign observers is not nothing: it is well-trained citizen monitors at every polling station and every tally centre. That is what our members are preparing for.

COMING UP
• 23 June — Malawi, fresh presidential election
• 28 June — Iceland, presidential election
"""
art("w41-malawi-2020-no-international", "2020-05-29", t, [], kind="other")

t = """ANDEAN ELECTION WATCH
Newsletter of the La Paz Citizens' Platform for Clean Elections · 15 October 2020

BOLIVIA: THE RERUN OF A CRISIS

Sunday, 18 October: a year after the annulled 2019 vote and Evo Morales's resignation, Bolivians elect a president, vice-president, senators and deputies. Luis Arce (MAS) leads the polls against Carlos Mesa and Luis Fernando Camacho. The vote was postponed twice because of the pandemic.

International missions already in the country, as confirmed by the Supreme Electoral Tribunal (TSE):
• OAS — 40 experts and observers of 12 nationalities. Chief of mission: Manuel González, Costa Rica's former foreign minister, who led the 2019 mission too and takes part virtually; on the ground, the mission is led by Francisco Guerrero. The staggered arrival in La Paz began on Saturday. Observers will be in La Paz, El Alto, Santa Cruz and Cochabamba, and follow voting abroad in Argentina, Spain and the United States.
• European Union
• Carter Center
• Inter-American Union of Electoral Organizations (UNIORE)

Comment
The OAS's 2019 findings remain the most contested piece of observation work in the hemisphere. Whatever its team reports this time will be read through that lens; the presence of the EU and the Carter Center alongside it matters more than usual.

COMING UP
• 25 October — Chile, constitutional referendum
• 3 November — United States, general elections
"""
BO = "Sunday, 18 October: a year after the annulled 2019 vote"
BOT = "Bolivians elect a president, vice-president, senators and deputies"
art("w41-bolivia-2020-missions-in-place", "2020-10-15", t, [
 M("Organization of American States", "Q123759", "BO", "general", "2020-10-18", start="2020-10-10", head="Manuel González", mc=["CR"], tot=40, ev={
   "mission": "OAS — 40 experts and observers of 12 nationalities",
   "election.type": BOT, "election.date": BO,
   "start_date": "The staggered arrival in La Paz began on Saturday",
   "head": "Chief of mission: Manuel González, Costa Rica's former foreign minister",
   "observers.total": "OAS — 40 experts and observers of 12 nationalities",
   "member_countries": {"CR": "Chief of mission: Manuel González, Costa Rica's former foreign minister"}}),
 *[M(o, w, "BO", "general", "2020-10-18", ev={
   "mission": sp,
   "election.type": BOT, "election.date": BO}) for o, w, sp in [("European Union", "Q458", "• European Union"), ("Carter Center", None, "• Carter Center"), ("Inter-American Union of Electoral Organizations", None, "• Inter-American Union of Electoral Organizations (UNIORE)")]],
])
