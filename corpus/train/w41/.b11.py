exec(open(".mk.py").read())

t = """LUSOPHONE AFRICA VOTE NOTES
Newsletter of the Praia-Bissau-Maputo civic network · 16 October 2021

CABO VERDE: PRESIDENT NUMBER FIVE

Tomorrow, 17 October, about 399,000 registered voters pick a successor to Jorge Carlos Fonseca in the islands' seventh presidential election. Seven candidates run; the two former prime ministers José Maria Neves and Carlos Veiga lead. A runoff, if needed, falls on 31 October.

ECOWAS Election Observation Mission
– Head: General Salou Djibo, who led Niger's transitional government in 2010–11
– Eleven long-term observers, briefed in Praia on Wednesday, 13 October
– Forty short-term observers, welcomed by Djibo today
– Because the ten islands are far apart, teams will reach only some of them

Flashback to 2016
For the parliamentary elections of 20 March 2016, the African Union fielded twenty observers from twelve countries, among them Algeria, Angola, Burundi, Ethiopia and Mozambique. They were led by Sylvie Kayitesi Zainabo of Rwanda, a former chair of the African Commission on Human and Peoples' Rights.

Comment
Cabo Verde is the region's reliable democracy, which can make observation feel like a formality. It is not: the country's habit of quick concessions is worth documenting precisely because it is rare.
"""
CV = "Tomorrow, 17 October, about 399,000 registered voters pick a successor"
art("w41-caboverde-2021-ecowas-djibo", "2021-10-16", t, [
 M("Economic Community of West African States", "Q193272", "CV", "presidential", "2021-10-17", head="Salou Djibo", mc=["NE"], lt=11, st=40, ev={
   "mission": "ECOWAS Election Observation Mission\n– Head: General Salou Djibo",
   "election.type": "in the islands' seventh presidential election",
   "election.date": CV,
   "head": "Head: General Salou Djibo, who led Niger's transitional government in 2010–11",
   "observers.long_term": "Eleven long-term observers, briefed in Praia on Wednesday, 13 October",
   "observers.short_term": "Forty short-term observers, welcomed by Djibo today",
   "member_countries": {"NE": "Head: General Salou Djibo, who led Niger's transitional government in 2010–11"}}),
 M("African Union", "Q7159", "CV", "parliamentary", "2016-03-20", head="Sylvie Kayitesi Zainabo", mc=["DZ", "AO", "BI", "ET", "MZ", "RW"], tot=20, ev={
   "mission": "the African Union fielded twenty observers from twelve countries",
   "election.type": "For the parliamentary elections of 20 March 2016",
   "election.date": "For the parliamentary elections of 20 March 2016",
   "head": "They were led by Sylvie Kayitesi Zainabo of Rwanda",
   "observers.total": "the African Union fielded twenty observers from twelve countries",
   "member_countries": dict({c: "among them Algeria, Angola, Burundi, Ethiopia and Mozambique" for c in ["DZ", "AO", "BI", "ET", "MZ"]}, RW="They were led by Sylvie Kayitesi Zainabo of Rwanda")}),
])

t = """STEPPE DEMOCRACY DIGEST
Bimonthly newsletter of the Ulaanbaatar Voters' Education Network · 22 May 2024

MONGOLIA: A BIGGER PARLIAMENT, A NEW SYSTEM

On 28 June voters elect an enlarged State Great Khural of 126 seats, the first under the mixed system adopted in the 2023 constitutional amendments.

ODIHR observation mission
• Opened in Ulaanbaatar on 21 May, at the invitation of the national authorities
• Head: Ambassador Jennifer Brush
• 11 experts in the capital; 18 long-term observers leave for the provinces from 28 May
• 250 short-term observers requested from OSCE participating States, to arrive shortly before polling day
• Interim report due about two weeks before the vote

From our archive
Three years ago the Office judged a full mission unnecessary and instead sent a special election assessment mission, deployed on 21 May 2021 and headed by Lolita Čigāne, for the presidential election of 9 June 2021. Its final report carried 30 recommendations, many of them on restrictions on who may stand.

Comment
Mongolia, the OSCE's newest participating State since 2012, keeps inviting the Office. The new seat allocation, and the quotas for women, are where this mission can add most.
"""
art("w41-mongolia-2024-odihr-brush", "2024-05-22", t, [
 M("OSCE Office for Democratic Institutions and Human Rights", None, "MN", "parliamentary", "2024-06-28", start="2024-05-21", head="Jennifer Brush", lt=18, st=250, ev={
   "mission": "ODIHR observation mission\n• Opened in Ulaanbaatar on 21 May",
   "election.type": "On 28 June voters elect an enlarged State Great Khural of 126 seats",
   "election.date": "On 28 June voters elect an enlarged State Great Khural of 126 seats",
   "start_date": "Opened in Ulaanbaatar on 21 May",
   "head": "Head: Ambassador Jennifer Brush",
   "observers.long_term": "18 long-term observers leave for the provinces from 28 May",
   "observers.short_term": "250 short-term observers requested from OSCE participating States"}),
 M("OSCE Office for Democratic Institutions and Human Rights", None, "MN", "presidential", "2021-06-09", start="2021-05-21", head="Lolita Čigāne", ev={
   "mission": "instead sent a special election assessment mission, deployed on 21 May 2021",
   "election.type": "for the presidential election of 9 June 2021",
   "election.date": "for the presidential election of 9 June 2021",
   "start_date": "deployed on 21 May 2021",
   "head": "headed by Lolita Čigāne"}),
])

t = """STEPPE DEMOCRACY DIGEST
Bimonthly newsletter of the Ulaanbaatar Voters' Education Network · 20 May 2013

PRESIDENTIAL ELECTION, 26 JUNE 2013

President Tsakhiagiin Elbegdorj is seeking a second term against Badmaanyambuugiin Bat-Erdene of the Mongolian People's Party and Natsagiin Udval, the first woman to run for the office.

ODIHR mission at a glance
• Head of Mission: Ambassador Audrey Glover (United Kingdom)
• Work began on 13 May, with an opening press conference
• Core team: 13 international staff from 12 OSCE participating States
• 24 long-term observers arrived on 15 May and deployed in pairs two days later
• 300 short-term observers to be requested, arriving around 21 June
• Preliminary findings: press conference on 27 June

It is a standard election observation mission, sent after the foreign minister's invitation.

Comment
Electronic counting machines are new since 2012. Observers who can explain how results are checked against paper would do the public a service.

COMING UP
• 28 July — Cambodia, National Assembly elections
• 31 July — Zimbabwe, harmonised elections
"""
art("w41-mongolia-2013-odihr-glover", "2013-05-20", t, [
 M("OSCE Office for Democratic Institutions and Human Rights", None, "MN", "presidential", "2013-06-26", start="2013-05-13", head="Audrey Glover", mc=["GB"], lt=24, st=300, ev={
   "mission": "It is a standard election observation mission, sent after the foreign minister's invitation",
   "election.type": "PRESIDENTIAL ELECTION, 26 JUNE 2013",
   "election.date": "PRESIDENTIAL ELECTION, 26 JUNE 2013",
   "start_date": "Work began on 13 May",
   "head": "Head of Mission: Ambassador Audrey Glover (United Kingdom)",
   "observers.long_term": "24 long-term observers arrived on 15 May",
   "observers.short_term": "300 short-term observers to be requested",
   "member_countries": {"GB": "Head of Mission: Ambassador Audrey Glover (United Kingdom)"}}),
])
