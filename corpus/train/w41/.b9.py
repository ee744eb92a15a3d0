exec(open(".mk.py").read())

t = """WEST AFRICA ELECTION TRACKER
Bulletin of the Dakar-based Network for Credible Polls — 21 June 2023

SIERRA LEONE: MULTI-TIER POLLS ON SATURDAY 24 JUNE

About 3.37 million registered voters choose a president, members of parliament and local councillors. At least 17 parties are in the race; President Julius Maada Bio seeks a second term against Samura Kamara once more.

Commonwealth Observer Group
• Chair: Professor Yemi Osinbajo, until last month Nigeria's vice-president, who reached Freetown on 17 June
• 12 members in all, with expertise in law, politics, election administration, human rights, media and civil society
• Invited by the Electoral Commission for Sierra Leone (ECSL)
• Secretariat support under Linford Andrews
• Small teams head out across the country from Thursday, 22 June
• It is the fifth time the Commonwealth observes Sierra Leone's national elections since the war ended in 2002

At Monday's launch at the Radisson Blu, Osinbajo stressed that the group has no executive role and will judge the process by Sierra Leone's own law and its regional and international commitments.

Also in Freetown: missions of ECOWAS, the African Union, the EU and the Carter Center are deployed; we summarise their statements next week.

Comment
The new proportional system for parliament is untested, and the ECSL's independence is contested by the opposition. A dozen observers cannot settle either question, but a clear word from the Commonwealth carries weight here.
"""
SL = "SIERRA LEONE: MULTI-TIER POLLS ON SATURDAY 24 JUNE"
art("w41-sierraleone-2023-cog-osinbajo", "2023-06-21", t, [
 M("Commonwealth", None, "SL", "general", "2023-06-24", start="2023-06-17", head="Yemi Osinbajo", mc=["NG"], tot=12, ev={
   "mission": "Commonwealth Observer Group\n• Chair: Professor Yemi Osinbajo",
   "election.type": "About 3.37 million registered voters choose a president, members of parliament and local councillors",
   "election.date": SL,
   "start_date": "who reached Freetown on 17 June",
   "head": "Chair: Professor Yemi Osinbajo, until last month Nigeria's vice-president",
   "observers.total": "12 members in all",
   "member_countries": {"NG": "Chair: Professor Yemi Osinbajo, until last month Nigeria's vice-president"}}),
 *[M(o, w, "SL", "general", "2023-06-24", ev={
   "mission": "Also in Freetown: missions of ECOWAS, the African Union, the EU and the Carter Center are deployed",
   "election.type": "About 3.37 million registered voters choose a president, members of parliament and local councillors",
   "election.date": SL}) for o, w in [("Economic Community of West African States", "Q193272"), ("African Union", "Q7159"), ("European Union", "Q458"), ("Carter Center", None)]],
])

t = """DEMOCRACY SUPPORT BULLETIN | Southern Cone edition | 10 March 2023

PARAGUAY — general elections, 30 April

Santiago Peña of the Colorado Party faces Efraín Alegre of the opposition Concertación for the presidency; Congress, governors and departmental boards are also being elected.

EU Election Observation Mission — the plan
- The Superior Tribunal of Electoral Justice (TSJE) invited the EU, which decided to send a full mission, its third after 2013 and 2018
- Chief Observer: Gabriel Mato, a Spanish MEP
- Core team: 11 election experts, arriving in Asunción in mid-March
- 28 long-term observers to be spread across the country towards the end of March
- 40 short-term observers planned for the days around polling
- On election day, a European Parliament delegation and locally recruited observers from EU embassies, plus Canada, Norway and Switzerland, may join

Comment
The 2018 mission's 20 recommendations still read like a live agenda: campaign finance, the preliminary results system, and the courts' handling of disputes. Mato's team will have a baseline to measure against.

COMING UP
- 14 May: Turkey, presidential and parliamentary elections
- 21 May: Greece, parliamentary elections
"""
PY = "PARAGUAY — general elections, 30 April"
art("w41-paraguay-2023-eu-mato", "2023-03-10", t, [
 M("European Union", "Q458", "PY", "general", "2023-04-30", head="Gabriel Mato", mc=["ES"], lt=28, st=40, ev={
   "mission": "The Superior Tribunal of Electoral Justice (TSJE) invited the EU, which decided to send a full mission",
   "election.type": PY, "election.date": PY,
   "head": "Chief Observer: Gabriel Mato, a Spanish MEP",
   "observers.long_term": "28 long-term observers to be spread across the country",
   "observers.short_term": "40 short-term observers planned for the days around polling",
   "member_countries": {"ES": "Chief Observer: Gabriel Mato, a Spanish MEP"}}),
])

t = """PACIFIC POLLS DIGEST
Issue 2/2024 · Democracy in the Blue Pacific project · 15 April 2024

SOLOMON ISLANDS: JOINT ELECTIONS, WEDNESDAY 17 APRIL

For the first time, national and provincial elections take place on the same day, after parliament postponed the 2023 vote to make room for the Pacific Games. 334 candidates from 13 parties are contesting, 120 of them independents and 20 of them women; 420,253 people are registered.

Pacific Islands Forum election observer mission
• Head: H.E. Ali'ioaiga Feturi Elisaia, Samoa's High Commissioner to Fiji
• With him: Lawson Samuel, secretary of Vanuatu's Law Reform Commission, and Forum Secretariat staff
• Invited by the Solomon Islands Electoral Commission
• The team will observe polling and the count and meet candidates, officials and civil society

A footnote from the Forum: its first-ever election observer mission went to this same country, in 2001.

Comment
A two-person team is symbolic rather than statistical. The Forum's value lies in the peer message — Pacific officials telling a Pacific government what they saw.

COMING UP
• 19 April–1 June: India, general election in seven phases
• 21 April: Maldives, People's Majlis elections
"""
SI = "SOLOMON ISLANDS: JOINT ELECTIONS, WEDNESDAY 17 APRIL"
art("w41-solomons-2024-pif-elisaia", "2024-04-15", t, [
 M("Pacific Islands Forum", None, "SB", "general", "2024-04-17", head="Feturi Elisaia", mc=["WS", "VU"], mo=["Pacific Islands Forum Secretariat"], ev={
   "mission": "Pacific Islands Forum election observer mission",
   "election.type": "national and provincial elections take place on the same day",
   "election.date": SI,
   "head": "Head: H.E. Ali'ioaiga Feturi Elisaia, Samoa's High Commissioner to Fiji",
   "member_countries": {"WS": "Head: H.E. Ali'ioaiga Feturi Elisaia, Samoa's High Commissioner to Fiji",
                        "VU": "Lawson Samuel, secretary of Vanuatu's Law Reform Commission"},
   "member_organizations": {"Pacific Islands Forum Secretariat": "and Forum Secretariat staff"}}),
])

t = """INDIAN OCEAN DEMOCRACY NOTES
Quarterly newsletter of the Malé Governance Circle · 8 August 2023

THE EU IS BACK FOR THE PRESIDENTIAL VOTE

Five years after declining to observe, Brussels has accepted the Maldivian authorities' invitation and deployed a mission for the presidential election of 9 September 2023. Incumbent Ibrahim Mohamed Solih faces Mohamed Muizzu of the PPM-PNC alliance; former president Abdulla Yameen, in prison, is barred from running.

How the mission is built
1. Chief Observer: Nacho Sánchez Amor, Spanish MEP
2. Nine core-team experts, in Malé since 31 July
3. Eight long-term observers arriving this week, to go out to the constituencies on 13 August
4. Sixteen short-term observers to join closer to polling day

Sánchez Amor has already held a week of meetings, and told journalists that the mission's mandate stops at observing: it will not comment on court cases, a polite refusal of Mohamed Nasheed's request that the EU press for Yameen's transfer to house arrest.

Comment
This will be the largest EU deployment ever in the Maldives, though the numbers are small by global standards. A runoff on 30 September is likely; the mission should plan to stay.

COMING UP
1. 30 September — possible presidential runoff
2. 14 October — New Zealand, general election
"""
art("w41-maldives-2023-eu-sanchez-amor", "2023-08-08", t, [
 M("European Union", "Q458", "MV", "presidential", "2023-09-09", start="2023-07-31", head="Nacho Sánchez Amor", mc=["ES"], lt=8, st=16, ev={
   "mission": "Brussels has accepted the Maldivian authorities' invitation and deployed a mission for the presidential election of 9 September 2023",
   "election.type": "the presidential election of 9 September 2023",
   "election.date": "the presidential election of 9 September 2023",
   "start_date": "Nine core-team experts, in Malé since 31 July",
   "head": "Chief Observer: Nacho Sánchez Amor, Spanish MEP",
   "observers.long_term": "Eight long-term observers arriving this week",
   "observers.short_term": "Sixteen short-term observers to join closer to polling day",
   "member_countries": {"ES": "Chief Observer: Nacho Sánchez Amor, Spanish MEP"}}),
])
