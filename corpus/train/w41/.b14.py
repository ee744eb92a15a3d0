exec(open(".mk.py").read())

t = """PACIFIC POLLS DIGEST
Issue 1/2016 · Democracy in the Blue Pacific project · 18 January 2016

VANUATU: SNAP ELECTION ON 22 JANUARY

Parliament was dissolved after fourteen MPs, including a former deputy prime minister, were convicted of bribery in October. Voters now elect a new 52-seat parliament four days from now.

Two regional teams
— Melanesian Spearhead Group (MSG). Its observer mission is headed by Sir Francis Billy Hilly of Solomon Islands, who left Honiara on Friday. With him: Ruben Kaiulo of Papua New Guinea, Ratu Epeli Nailatikau of Fiji, and three representatives of New Caledonia's FLNKS — Philippe Ajapuhnya, Rodrigue Tiavouane and Yvon Faua. Rence Sore, special secretary to the MSG chair, supports the team.
— Pacific Islands Forum. A two-person team deployed on Efate from 14 to 25 January: Pita Vuki, Tonga's electoral commissioner and supervisor of elections, who leads it, and Taggy Tangimetua, chief electoral officer of the Cook Islands, with Forum Secretariat staff.

Comment
The MSG first observed an election in Fiji in 2014; this is only its second outing. A sub-regional body watching one of its own founders is a test of whether "Melanesian solidarity" allows frank findings.

COMING UP
— 4 March: Samoa, general election
— 2 July: Australia, federal election
"""
V = "VANUATU: SNAP ELECTION ON 22 JANUARY"
art("w41-vanuatu-2016-msg-pif", "2016-01-18", t, [
 M("Melanesian Spearhead Group", None, "VU", "parliamentary", "2016-01-22", early=True, head="Francis Billy Hilly", mc=["SB", "PG", "FJ"], mo=["Kanak and Socialist National Liberation Front"], ev={
   "mission": "Melanesian Spearhead Group (MSG). Its observer mission is headed by Sir Francis Billy Hilly",
   "election.type": "Voters now elect a new 52-seat parliament four days from now",
   "election.date": V, "election.early": V,
   "head": "Its observer mission is headed by Sir Francis Billy Hilly of Solomon Islands",
   "member_countries": {"SB": "Its observer mission is headed by Sir Francis Billy Hilly of Solomon Islands",
                        "PG": "Ruben Kaiulo of Papua New Guinea", "FJ": "Ratu Epeli Nailatikau of Fiji"},
   "member_organizations": {"Kanak and Socialist National Liberation Front": "three representatives of New Caledonia's FLNKS"}}),
 M("Pacific Islands Forum", None, "VU", "parliamentary", "2016-01-22", early=True, start="2016-01-14", head="Pita Vuki", mc=["TO", "CK"], mo=["Pacific Islands Forum Secretariat"], tot=2, ev={
   "mission": "Pacific Islands Forum. A two-person team deployed on Efate from 14 to 25 January",
   "election.type": "Voters now elect a new 52-seat parliament four days from now",
   "election.date": V, "election.early": V,
   "start_date": "deployed on Efate from 14 to 25 January",
   "head": "Pita Vuki, Tonga's electoral commissioner and supervisor of elections, who leads it",
   "observers.total": "A two-person team deployed on Efate",
   "member_countries": {"TO": "Pita Vuki, Tonga's electoral commissioner and supervisor of elections, who leads it",
                        "CK": "Taggy Tangimetua, chief electoral officer of the Cook Islands"},
   "member_organizations": {"Pacific Islands Forum Secretariat": "with Forum Secretariat staff"}}),
])

t = """PACIFIC POLLS DIGEST
Issue 4/2020 · Democracy in the Blue Pacific project · 26 June 2020

A REPORT DELIVERED, A YEAR WITHOUT TRAVEL

The Melanesian Spearhead Group handed its observer report on Vanuatu's national general elections of 19 March 2020 to the government in Port Vila on Tuesday, 23 June. Acting director-general George Hoa'au spoke for the head of the observer group, Ratu Inoke Kubuabola of Fiji.

About the MSG Observer Group
• Members came from Fiji, Solomon Islands and Papua New Guinea, plus the FLNKS of New Caledonia
• The team covered the four largest islands
• It went ahead despite COVID-19, days before borders closed across the region

The MSG's track record, as the secretariat lists it: Fiji 2014, the Vanuatu snap election of 2016, PNG 2017, Fiji 2018, Solomon Islands 2019 and now Vanuatu 2020.

Comment
Most international observers stayed away from Port Vila in March. That makes this short report more valuable than usual, and it is good that it is public.

COMING UP
• 12 August–1 September: Bougainville, presidential and House of Representatives elections
"""
art("w41-vanuatu-2020-msg-report", "2020-06-26", t, [
 M("Melanesian Spearhead Group", None, "VU", "general", "2020-03-19", head="Inoke Kubuabola", mc=["FJ", "SB", "PG"], mo=["Kanak and Socialist National Liberation Front"], ev={
   "mission": "The Melanesian Spearhead Group handed its observer report on Vanuatu's national general elections of 19 March 2020",
   "election.type": "Vanuatu's national general elections of 19 March 2020",
   "election.date": "Vanuatu's national general elections of 19 March 2020",
   "head": "the head of the observer group, Ratu Inoke Kubuabola of Fiji",
   "member_countries": {"FJ": "Members came from Fiji, Solomon Islands and Papua New Guinea, plus the FLNKS of New Caledonia",
                        "SB": "Members came from Fiji, Solomon Islands and Papua New Guinea, plus the FLNKS of New Caledonia",
                        "PG": "Members came from Fiji, Solomon Islands and Papua New Guinea, plus the FLNKS of New Caledonia"},
   "member_organizations": {"Kanak and Socialist National Liberation Front": "Members came from Fiji, Solomon Islands and Papua New Guinea, plus the FLNKS of New Caledonia"}}),
])

t = """PACIFIC POLLS DIGEST
Issue 1/2025 · Democracy in the Blue Pacific project · 16 January 2025

VANUATU VOTES TODAY — AGAIN EARLY

Today's snap general election comes barely a month after the 17 December earthquake damaged much of Port Vila, and only two years after the last early poll. Parliament was dissolved in November to head off a no-confidence vote.

Forum observers
The Pacific Islands Forum has deployed an election observer mission, led by Junior Aini, the Marshall Islands' ambassador to Fiji and the Pacific. It observes polling and the count. Forum Secretary General Baron Waqa thanked Vanuatu for again inviting international and domestic observers.

Looking back: 2022
The last snap vote, on 13 October 2022, drew 49 international observers in all. The Forum's team then — Veronica Papatua of the Cook Islands, Louchrisha Hussain for Pacific civil society, and the head of the Citizens' Constitutional Forum, backed by Secretariat staff — observed in Port Vila and then on Tanna on polling day.

Comment
Four elections in nine years, three of them early: observer reports keep recommending stable electoral calendars, and Vanuatu keeps dissolving parliament. Perhaps the recommendation belongs in the constitution.
"""
VT = "Today's snap general election comes barely a month after the 17 December earthquake"
art("w41-vanuatu-2025-pif-aini", "2025-01-16", t, [
 M("Pacific Islands Forum", None, "VU", "general", "2025-01-16", early=True, head="Junior Aini", mc=["MH"], ev={
   "mission": "The Pacific Islands Forum has deployed an election observer mission",
   "election.type": VT, "election.date": VT, "election.early": VT,
   "head": "led by Junior Aini, the Marshall Islands' ambassador to Fiji and the Pacific",
   "member_countries": {"MH": "led by Junior Aini, the Marshall Islands' ambassador to Fiji and the Pacific"}}),
 M("Pacific Islands Forum", None, "VU", "general", "2022-10-13", early=True, mc=["CK"], mo=["Pacific Islands Forum Secretariat"], ev={
   "mission": "The Forum's team then",
   "election.type": "The last snap vote, on 13 October 2022",
   "election.date": "The last snap vote, on 13 October 2022",
   "election.early": "The last snap vote, on 13 October 2022",
   "member_countries": {"CK": "Veronica Papatua of the Cook Islands"},
   "member_organizations": {"Pacific Islands Forum Secretariat": "backed by Secretariat staff"}}),
])
