exec(open(".mk.py").read())

t = """WEST AFRICA ELECTION TRACKER
Bulletin of the Dakar-based Network for Credible Polls — 2 December 2021

THE GAMBIA: FIRST PRESIDENTIAL VOTE WITHOUT JAMMEH

Saturday, 4 December: Adama Barrow seeks a second term against five challengers, among them Ousainou Darboe (UDP) and Mamma Kandeh (GDC). Yahya Jammeh, in exile, is not on the ballot for the first time since 1996.

Who is observing
• European Union — about 50 observers from 17 EU member states and Norway, under Chief Observer Norbert Neuser, a German MEP.
• Commonwealth — a nine-member group chaired by Nigeria's former president Olusegun Obasanjo, in Banjul since 26 November at the Independent Electoral Commission's invitation. Among its members: Prosper Bani, a former Ghanaian interior minister; Martha Karua, Kenya's former justice minister; Robert Phiri from Malawi. Small teams leave for all six regions today.
• ECOWAS — 74 long- and short-term observers spread over the seven administrative regions, led by former Sierra Leonean president Ernest Bai Koroma.
• African Union — nine long-term observers in the country since 20 October, joined on 22 November by 60 short-term observers; 30 member states are represented. Head of mission: Kgalema Motlanthe of South Africa.

Comment
It is the Commonwealth's first Gambian election in more than fifteen years, after Jammeh took the country out and Barrow brought it back. Four large missions for fewer than a million voters is generous coverage; the test is whether they speak with one voice if the result is close.
"""
G = "Saturday, 4 December: Adama Barrow seeks a second term"
GT = "THE GAMBIA: FIRST PRESIDENTIAL VOTE WITHOUT JAMMEH"
art("w41-gambia-2021-four-missions", "2021-12-02", t, [
 M("European Union", "Q458", "GM", "presidential", "2021-12-04", head="Norbert Neuser", mc=["DE", "NO"], tot=50, ev={
   "mission": "European Union — about 50 observers",
   "election.type": GT, "election.date": G,
   "head": "under Chief Observer Norbert Neuser, a German MEP",
   "observers.total": "European Union — about 50 observers",
   "member_countries": {"DE": "under Chief Observer Norbert Neuser, a German MEP", "NO": "from 17 EU member states and Norway"}}),
 M("Commonwealth", None, "GM", "presidential", "2021-12-04", start="2021-11-26", head="Olusegun Obasanjo", mc=["NG", "GH", "KE", "MW"], tot=9, ev={
   "mission": "Commonwealth — a nine-member group",
   "election.type": GT, "election.date": G,
   "start_date": "in Banjul since 26 November",
   "head": "chaired by Nigeria's former president Olusegun Obasanjo",
   "observers.total": "Commonwealth — a nine-member group",
   "member_countries": {"NG": "chaired by Nigeria's former president Olusegun Obasanjo",
                        "GH": "Prosper Bani, a former Ghanaian interior minister",
                        "KE": "Martha Karua, Kenya's former justice minister",
                        "MW": "Robert Phiri from Malawi"}}),
 M("Economic Community of West African States", "Q193272", "GM", "presidential", "2021-12-04", head="Ernest Bai Koroma", mc=["SL"], tot=74, ev={
   "mission": "ECOWAS — 74 long- and short-term observers",
   "election.type": GT, "election.date": G,
   "head": "led by former Sierra Leonean president Ernest Bai Koroma",
   "observers.total": "ECOWAS — 74 long- and short-term observers",
   "member_countries": {"SL": "led by former Sierra Leonean president Ernest Bai Koroma"}}),
 M("African Union", "Q7159", "GM", "presidential", "2021-12-04", start="2021-10-20", head="Kgalema Motlanthe", mc=["ZA"], lt=9, st=60, ev={
   "mission": "African Union — nine long-term observers in the country since 20 October",
   "election.type": GT, "election.date": G,
   "start_date": "nine long-term observers in the country since 20 October",
   "head": "Head of mission: Kgalema Motlanthe of South Africa",
   "observers.long_term": "nine long-term observers in the country since 20 October",
   "observers.short_term": "joined on 22 November by 60 short-term observers",
   "member_countries": {"ZA": "Head of mission: Kgalema Motlanthe of South Africa"}}),
])

t = """PACIFIC DEMOCRACY WATCH
Fortnightly bulletin of the Island Governance Research Group · 16 November 2018

FIJI: THE MOG'S INTERIM VERDICT

Fijians voted on Wednesday, 14 November, in the second general election under the 2013 constitution; a handful of polling stations, flooded on the day, voted a day later. The Multinational Observer Group, co-led by Australia, India and Indonesia at the Fijian government's invitation, delivered its interim statement this morning.

The group by numbers
- 77 observers in total
- 25 long-term observers, on the ground for about seven weeks
- 52 short-term observers from ten participating countries
- Also taking part: people from the Pacific Islands Forum Secretariat and the Melanesian Spearhead Group
- Nationalities named by the co-chairs: Australia, Canada, the Federated States of Micronesia, France, India, Indonesia, Japan, New Zealand, Papua New Guinea, the Republic of Korea, Rwanda, Solomon Islands, Tonga, the United Kingdom, the United States and Vanuatu, plus observers from French Polynesia

Comment
The MOG's mandate is narrow by design: whether the outcome broadly reflects voters' will and whether arrangements let them vote freely. On those two questions it says yes. On media freedom and campaign rules, it says much less, and that is where civil society will keep pushing.
"""
FJ = ["AU", "CA", "FM", "FR", "IN", "ID", "JP", "NZ", "PG", "KR", "RW", "SB", "TO", "GB", "US", "VU"]
NAT = "Nationalities named by the co-chairs: Australia, Canada, the Federated States of Micronesia, France, India, Indonesia, Japan, New Zealand, Papua New Guinea, the Republic of Korea, Rwanda, Solomon Islands, Tonga, the United Kingdom, the United States and Vanuatu"
art("w41-fiji-2018-mog-interim", "2018-11-16", t, [
 M("Multinational Observer Group", None, "FJ", "general", "2018-11-14", mc=FJ, mo=["Pacific Islands Forum Secretariat", "Melanesian Spearhead Group"], tot=77, lt=25, st=52, ev={
   "mission": "The Multinational Observer Group, co-led by Australia, India and Indonesia at the Fijian government's invitation",
   "election.type": "Fijians voted on Wednesday, 14 November, in the second general election",
   "election.date": "Fijians voted on Wednesday, 14 November, in the second general election",
   "observers.total": "77 observers in total",
   "observers.long_term": "25 long-term observers, on the ground for about seven weeks",
   "observers.short_term": "52 short-term observers from ten participating countries",
   "member_countries": {c: NAT for c in FJ},
   "member_organizations": {"Pacific Islands Forum Secretariat": "Also taking part: people from the Pacific Islands Forum Secretariat and the Melanesian Spearhead Group",
                            "Melanesian Spearhead Group": "Also taking part: people from the Pacific Islands Forum Secretariat and the Melanesian Spearhead Group"}}),
])
