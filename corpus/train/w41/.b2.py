exec(open(".mk.py").read())

t = """SOUTHERN AFRICA ELECTIONS ROUND-UP
Issue 19/2019 — published by the Lilongwe office of the Civic Vote Project

MALAWI: TRIPARTITE POLLS ON 21 MAY

Malawians vote for president, parliament and local councils on the same day, 21 May, for the sixth time since multiparty rule returned in 1994.

European Union
- Chief Observer Miroslav Poche, an MEP from the Czech Republic; Deputy Chief Observer Mark Stevens
- 28 long-term observers were sent out to cover all 28 districts; a further 32 short-term observers followed this week after a two-day briefing in Blantyre
- With diplomats from member-state embassies added on polling day, the EU mission counts 83 observers from all 28 EU states and Norway
- Invitation came from the Malawi Electoral Commission (MEC) and the foreign ministry
- Staying until 19 June to follow tallying and any petitions

Commentary: The register looks cleaner than in 2014 and the MEC has published its calendar, but the tally centres at constituency level are new and untested. That is where our own volunteers will be concentrating.

From the archive: ten years ago, Brussels sent 55 observers to the 19 May 2009 presidential and parliamentary vote, with the Italian MEP Luisa Morgantini as chief observer; 28 of them were long-term observers and 20 short-term.

COMING UP
- 15 October: Mozambique, general elections
- 23 October: Botswana, general election
- 27 November: Namibia, presidential and National Assembly elections
"""
art("w41-malawi-2019-tripartite-eu", "2019-05-17", t, [
 M("European Union", "Q458", "MW", "general", "2019-05-21", head="Miroslav Poche", mc=["CZ", "NO"], tot=83, lt=28, st=32, ev={
   "mission": "With diplomats from member-state embassies added on polling day, the EU mission counts 83 observers",
   "election.type": "Malawians vote for president, parliament and local councils on the same day, 21 May",
   "election.date": "Malawians vote for president, parliament and local councils on the same day, 21 May",
   "head": "Chief Observer Miroslav Poche, an MEP from the Czech Republic",
   "observers.total": "the EU mission counts 83 observers from all 28 EU states and Norway",
   "observers.long_term": "28 long-term observers were sent out to cover all 28 districts",
   "observers.short_term": "a further 32 short-term observers followed this week",
   "member_countries": {"CZ": "Chief Observer Miroslav Poche, an MEP from the Czech Republic",
                        "NO": "the EU mission counts 83 observers from all 28 EU states and Norway"}}),
 M("European Union", "Q458", "MW", "general", "2009-05-19", head="Luisa Morgantini", mc=["IT"], tot=55, lt=28, st=20, ev={
   "mission": "Brussels sent 55 observers to the 19 May 2009 presidential and parliamentary vote",
   "election.type": "the 19 May 2009 presidential and parliamentary vote",
   "election.date": "the 19 May 2009 presidential and parliamentary vote",
   "head": "with the Italian MEP Luisa Morgantini as chief observer",
   "observers.total": "Brussels sent 55 observers",
   "observers.long_term": "28 of them were long-term observers and 20 short-term",
   "observers.short_term": "28 of them were long-term observers and 20 short-term",
   "member_countries": {"IT": "with the Italian MEP Luisa Morgantini as chief observer"}}),
])

t = """LESOTHO WATCH — special issue, 1 June 2017
A newsletter of the Maseru Civil Society Election Platform

Third national vote in five years

Parliament was dissolved on 6 March after a no-confidence vote, and the snap National Assembly elections are set for Saturday, 3 June. Once again the region has turned out in force.

Missions in Maseru this week

SADC Electoral Observation Mission (SEOM). Officially launched at the Avani Hotel on 25 May by its head, Dr Augustine Mahiga, Tanzania's minister of foreign affairs.

SADC Parliamentary Forum. A 22-member team of MPs and forum staff, in the country since 26 May; it is the forum's fifth mission to Lesotho.

African Union. Headed by Joaquim Chissano, who was president of Mozambique.

EISA. The Johannesburg-based institute's delegation is under former Zambian president Rupiah Banda.

Also observing: a Commonwealth group chaired by Mmasekgoa Masire-Mwamba of Botswana.

Short commentary
Observer fatigue is a real risk here. Many of the same faces came in 2012 and 2015, wrote similar recommendations, and watched them shelved. The Independent Electoral Commission deserves credit for the logistics, but the reform programme demanded by the SADC oversight committee is what decides whether we meet again in 2019.
"""
D = "the snap National Assembly elections are set for Saturday, 3 June"
art("w41-lesotho-2017-snap-platform", "2017-06-01", t, [
 M("Southern African Development Community", "Q816706", "LS", "parliamentary", "2017-06-03", early=True, start="2017-05-25", head="Augustine Mahiga", mc=["TZ"], ev={
   "mission": "SADC Electoral Observation Mission (SEOM). Officially launched at the Avani Hotel on 25 May",
   "election.type": D, "election.date": D, "election.early": D,
   "start_date": "Officially launched at the Avani Hotel on 25 May",
   "head": "by its head, Dr Augustine Mahiga, Tanzania's minister of foreign affairs",
   "member_countries": {"TZ": "by its head, Dr Augustine Mahiga, Tanzania's minister of foreign affairs"}}),
 M("SADC Parliamentary Forum", None, "LS", "parliamentary", "2017-06-03", early=True, start="2017-05-26", tot=22, ev={
   "mission": "SADC Parliamentary Forum. A 22-member team of MPs and forum staff",
   "election.type": D, "election.date": D, "election.early": D,
   "start_date": "in the country since 26 May",
   "observers.total": "A 22-member team of MPs and forum staff"}),
 M("African Union", "Q7159", "LS", "parliamentary", "2017-06-03", early=True, head="Joaquim Chissano", mc=["MZ"], ev={
   "mission": "African Union. Headed by Joaquim Chissano",
   "election.type": D, "election.date": D, "election.early": D,
   "head": "Headed by Joaquim Chissano, who was president of Mozambique",
   "member_countries": {"MZ": "Headed by Joaquim Chissano, who was president of Mozambique"}}),
 M("Electoral Institute for Sustainable Democracy in Africa", None, "LS", "parliamentary", "2017-06-03", early=True, head="Rupiah Banda", mc=["ZM"], ev={
   "mission": "EISA. The Johannesburg-based institute's delegation is under former Zambian president Rupiah Banda",
   "election.type": D, "election.date": D, "election.early": D,
   "head": "under former Zambian president Rupiah Banda",
   "member_countries": {"ZM": "under former Zambian president Rupiah Banda"}}),
 M("Commonwealth", None, "LS", "parliamentary", "2017-06-03", early=True, head="Mmasekgoa Masire-Mwamba", mc=["BW"], ev={
   "mission": "Also observing: a Commonwealth group chaired by Mmasekgoa Masire-Mwamba of Botswana",
   "election.type": D, "election.date": D, "election.early": D,
   "head": "chaired by Mmasekgoa Masire-Mwamba of Botswana",
   "member_countries": {"BW": "chaired by Mmasekgoa Masire-Mwamba of Botswana"}}),
])

t = """CARIBBEAN DEMOCRACY NOTES
A fortnightly digest from the Georgetown Civic Forum | 28 February 2020

GUYANA

Monday, 2 March: general and regional elections. The first vote since the December 2018 no-confidence motion, and the first since oil began to flow.

OAS Electoral Observation Mission
• Chief of Mission: Bruce Golding (Jamaica), former prime minister
• Size: 17 international experts of 13 nationalities
• Began field work on 21 February; Golding himself flew in on Wednesday and signed the access agreement with Chief Elections Officer Keith Lowenfield
• Teams go to regions 2, 4, 6 and 10
• The OAS has been present at every Guyanese general election since 1997; this is its sixth

Focus areas: the voters' list, technology, women's political participation, party financing and electoral justice.

Comment: Seventeen experts is a modest footprint for a country this size, and four regions out of ten leaves the hinterland uncovered. Other international teams are expected; we will carry their line-ups once we have them confirmed.

COMING UP
• 25 May — Suriname, parliamentary elections
• 5 June — St Kitts and Nevis, general election
• 10 August — Trinidad and Tobago, general election
"""
art("w41-guyana-2020-oas-notes", "2020-02-28", t, [
 M("Organization of American States", "Q123759", "GY", "general", "2020-03-02", start="2020-02-21", head="Bruce Golding", mc=["JM"], tot=17, ev={
   "mission": "OAS Electoral Observation Mission\n• Chief of Mission: Bruce Golding (Jamaica)",
   "election.type": "Monday, 2 March: general and regional elections",
   "election.date": "Monday, 2 March: general and regional elections",
   "start_date": "Began field work on 21 February",
   "head": "Chief of Mission: Bruce Golding (Jamaica), former prime minister",
   "observers.total": "Size: 17 international experts of 13 nationalities",
   "member_countries": {"JM": "Chief of Mission: Bruce Golding (Jamaica), former prime minister"}}),
])
