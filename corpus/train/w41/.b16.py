exec(open(".mk.py").read())

t = """INDIAN OCEAN & HORN DIGEST
Published by the Djibouti-Moroni Civil Society Link · 12 October 2020

SEYCHELLES: THREE DAYS OF VOTING FROM 22 OCTOBER

About 70,000 voters choose a president and a National Assembly in concurrent elections on 22–24 October, merged to save money as tourism collapses. President Danny Faure faces Wavel Ramkalawan and Alain St Ange.

Who is coming
• Eastern Africa Standby Force (EASF). A ten-member team landed on Friday, 9 October, at 14:40, at the government's invitation, after planning the mission in Nairobi from 21 to 25 September. Observers come from Kenya, Ethiopia, Somalia, Burundi, Sudan and Uganda. Head of mission: Dawit Assefa. Every observer first spends fourteen days in quarantine at the Berjaya facility.
• SADC is following the process remotely under its new guidelines for elections during public health emergencies; its pre-election consultations took place online in August.

From the archive: the all-woman mission
In September 2016 the African Union sent its first-ever women-only observation mission to Seychelles, for the legislative elections of 8–10 September. Led by Rwanda's Fatuma Ndangiza, it was launched on 5 September with 29 short-term observers from 21 African countries, including members of the Pan-African Parliament.

Comment
A fourteen-day quarantine for a short-term mission is a new kind of cost. It also means these observers will see almost none of the campaign in person.
"""
SY = "About 70,000 voters choose a president and a National Assembly in concurrent elections on 22–24 October"
art("w41-seychelles-2020-easf", "2020-10-12", t, [
 M("Eastern Africa Standby Force", None, "SC", "general", "2020-10-22", start="2020-10-09", head="Dawit Assefa", mc=["KE", "ET", "SO", "BI", "SD", "UG"], tot=10, ev={
   "mission": "Eastern Africa Standby Force (EASF). A ten-member team landed on Friday, 9 October",
   "election.type": SY, "election.date": SY,
   "start_date": "A ten-member team landed on Friday, 9 October, at 14:40",
   "head": "Head of mission: Dawit Assefa",
   "observers.total": "A ten-member team landed on Friday, 9 October",
   "member_countries": {c: "Observers come from Kenya, Ethiopia, Somalia, Burundi, Sudan and Uganda" for c in ["KE", "ET", "SO", "BI", "SD", "UG"]}}),
 M("Southern African Development Community", "Q816706", "SC", "general", "2020-10-22", ev={
   "mission": "SADC is following the process remotely",
   "election.type": SY, "election.date": SY}),
 M("African Union", "Q7159", "SC", "parliamentary", "2016-09-08", start="2016-09-05", head="Fatuma Ndangiza", mc=["RW"], mo=["Pan-African Parliament"], st=29, ev={
   "mission": "the African Union sent its first-ever women-only observation mission to Seychelles",
   "election.type": "for the legislative elections of 8–10 September",
   "election.date": "for the legislative elections of 8–10 September",
   "start_date": "it was launched on 5 September",
   "head": "Led by Rwanda's Fatuma Ndangiza",
   "observers.short_term": "with 29 short-term observers from 21 African countries",
   "member_countries": {"RW": "Led by Rwanda's Fatuma Ndangiza"},
   "member_organizations": {"Pan-African Parliament": "including members of the Pan-African Parliament"}}),
])

t = """PACIFIC POLLS DIGEST
Issue 2/2016 · Democracy in the Blue Pacific project · 5 March 2016

SAMOA: OFFICIAL OBSERVERS FOR THE FIRST TIME

Samoans voted on Friday, 4 March, in a general election for 49 seats; four were already filled unopposed, including the prime minister's. A record 24 women stood, with five seats now reserved for women.

Forum Election Observer Team
• Invited officially by the Samoan government on 26 February — the first time Apia has invited official election observers
• In Apia from 29 February, staying until results are declared on 11 March
• Members: Calvin Ziru, registrar of the Political Parties Commission of Solomon Islands, who leads the team, and Bernard Grundler, chief secretary and returning officer of Nauru; Forum Secretariat staff support them
• On polling day the team spread across Upolu

Ziru told Pacific media that voting went very smoothly.

Also: researchers from the Australian National University ran a domestic observation exercise with Samoan partners.

Comment
Samoa's dominant Human Rights Protection Party had 20 seats before polls opened. Observers can confirm a clean count; they cannot create competition.
"""
art("w41-samoa-2016-pif-first", "2016-03-05", t, [
 M("Pacific Islands Forum", None, "WS", "general", "2016-03-04", start="2016-02-29", head="Calvin Ziru", mc=["SB", "NR"], mo=["Pacific Islands Forum Secretariat"], ev={
   "mission": "Forum Election Observer Team",
   "election.type": "Samoans voted on Friday, 4 March, in a general election for 49 seats",
   "election.date": "Samoans voted on Friday, 4 March, in a general election for 49 seats",
   "start_date": "In Apia from 29 February",
   "head": "Calvin Ziru, registrar of the Political Parties Commission of Solomon Islands, who leads the team",
   "member_countries": {"SB": "Calvin Ziru, registrar of the Political Parties Commission of Solomon Islands, who leads the team",
                        "NR": "Bernard Grundler, chief secretary and returning officer of Nauru"},
   "member_organizations": {"Pacific Islands Forum Secretariat": "Forum Secretariat staff support them"}}),
])
