exec(open(".mk.py").read())

t = """PACIFIC POLLS DIGEST
Issue 7, April 2019 · Democracy in the Blue Pacific project, Suva

SOLOMON ISLANDS

The national parliamentary election takes place on Wednesday 3 April, the first since the regional assistance mission RAMSI wound up in 2017. More than 350,000 people are on the roll, voting at over 1,000 polling stations under the new Electoral Act 2018.

Observer line-up
• Pacific Islands Forum — a small team: John Kalamoroh, deputy electoral commissioner of Papua New Guinea, and Losaline Teo of the Tuvalu government, backed by Forum Secretariat staff. They were due to deploy on 26 March.
• Commonwealth Observer Group — chaired by Sato Kilman Livtuvanu, a former prime minister of Vanuatu; teams leave Honiara for the provinces on Monday.

What to look for: whether the constituency development funds distort the campaign, and whether any woman wins a seat.

Looking back
When the islands last voted, on 19 November 2014, the Forum sent Fr Charles Vatu, Vanuatu's principal electoral officer, as team leader, with Papali'i Malietau Malietoa, Samoa's electoral commissioner. That team had deployed on 11 November.

COMING UP
• 17 April — Indonesia, simultaneous presidential and legislative elections
• 8 May — South Africa, national and provincial elections
"""
S = "The national parliamentary election takes place on Wednesday 3 April"
art("w41-solomons-2019-pacific-digest", "2019-04-01", t, [
 M("Pacific Islands Forum", None, "SB", "parliamentary", "2019-04-03", start="2019-03-26", mc=["PG", "TV"], ev={
   "mission": "Pacific Islands Forum — a small team",
   "election.type": S, "election.date": S,
   "start_date": "They were due to deploy on 26 March",
   "member_countries": {"PG": "John Kalamoroh, deputy electoral commissioner of Papua New Guinea",
                        "TV": "Losaline Teo of the Tuvalu government"}}),
 M("Commonwealth", None, "SB", "parliamentary", "2019-04-03", head="Sato Kilman Livtuvanu", mc=["VU"], ev={
   "mission": "Commonwealth Observer Group — chaired by Sato Kilman Livtuvanu",
   "election.type": S, "election.date": S,
   "head": "chaired by Sato Kilman Livtuvanu, a former prime minister of Vanuatu",
   "member_countries": {"VU": "chaired by Sato Kilman Livtuvanu, a former prime minister of Vanuatu"}}),
 M("Pacific Islands Forum", None, "SB", None, "2014-11-19", start="2014-11-11", head="Charles Vatu", mc=["VU", "WS"], ev={
   "mission": "the Forum sent Fr Charles Vatu, Vanuatu's principal electoral officer, as team leader",
   "election.date": "When the islands last voted, on 19 November 2014",
   "start_date": "That team had deployed on 11 November",
   "head": "the Forum sent Fr Charles Vatu, Vanuatu's principal electoral officer, as team leader",
   "member_countries": {"VU": "the Forum sent Fr Charles Vatu, Vanuatu's principal electoral officer, as team leader",
                        "WS": "Papali'i Malietau Malietoa, Samoa's electoral commissioner"}}),
])

t = """ELECTION MONITOR — Asia-Pacific round-up
Published by the Port Moresby office of the Transparent Ballot Coalition, 1 June 2017

PAPUA NEW GUINEA: TEN DAYS OF POLLING FROM 24 JUNE

The country's ninth parliamentary election since independence opens on 24 June and runs over about ten days. Sir Michael Somare, an MP without a break since 1968, is retiring.

Commonwealth Observer Group
— Chair: Sir Anand Satyanand, former Governor-General of New Zealand
— 12 members, drawn from New Zealand, Australia, Antigua and Barbuda, Fiji, Ghana, Guyana, India, Nauru, Samoa, Solomon Islands, Tonga and Vanuatu
— An advance group takes up duties in Port Moresby on 7 June; Sir Anand and the rest of the group follow on 20 June
— Invited by the PNG government; Commonwealth observers were present in 1992, 1997, 2007 and 2012

Our view: the common roll is the weak point. Twelve people cannot cover 22 provinces, so we hope the group shares notes with the citizen observers our coalition is training in the Highlands.

COMING UP
• 22 July — Timor-Leste, parliamentary elections
• 23 September — New Zealand, general election
• 16 November — Tonga, snap general election
"""
P = "The country's ninth parliamentary election since independence opens on 24 June"
art("w41-png-2017-cog-satyanand", "2017-06-01", t, [
 M("Commonwealth", None, "PG", "parliamentary", "2017-06-24", start="2017-06-07", head="Anand Satyanand",
   mc=["NZ", "AU", "AG", "FJ", "GH", "GY", "IN", "NR", "WS", "SB", "TO", "VU"], tot=12, ev={
   "mission": "Commonwealth Observer Group\n— Chair: Sir Anand Satyanand",
   "election.type": P, "election.date": P,
   "start_date": "An advance group takes up duties in Port Moresby on 7 June",
   "head": "Chair: Sir Anand Satyanand, former Governor-General of New Zealand",
   "observers.total": "12 members, drawn from New Zealand, Australia, Antigua and Barbuda, Fiji, Ghana, Guyana, India, Nauru, Samoa, Solomon Islands, Tonga and Vanuatu",
   "member_countries": {c: "12 members, drawn from New Zealand, Australia, Antigua and Barbuda, Fiji, Ghana, Guyana, India, Nauru, Samoa, Solomon Islands, Tonga and Vanuatu" for c in ["NZ", "AU", "AG", "FJ", "GH", "GY", "IN", "NR", "WS", "SB", "TO", "VU"]}}),
])

t = """THE OBSERVER'S NOTEBOOK
Weekly newsletter of the South Asia Electoral Integrity Initiative · 5 November 2019

SRI LANKA — presidential election, Saturday 16 November

Thirty-five candidates, the longest ballot paper in the country's history, and a race that comes down to Gotabaya Rajapaksa against Sajith Premadasa.

Europe's mission in numbers
* Chief Observer: Marisa Matias, Member of the European Parliament (Portugal)
* Deputy Chief Observer: Dimitra Ioannou
* A core team of nine experts has been in Colombo since 11 October
* 30 long-term observers went out to all nine provinces in October
* 30 short-term observers and five MEPs arrive before polling day
* Full strength: some 80 observers, aiming to visit about 300 polling stations and 30 counting centres
The EU deployed this mission at the Election Commission's invitation. It is the sixth time Brussels has watched a Sri Lankan vote, after 2000, 2001, 2004, 2005 and 2015.

Invitations also went to the Commonwealth and to a South Asian monitoring forum; neither had confirmed a team when we went to press.

Commentary
Of the 26 recommendations the EU made after 2015, only three have been fully implemented. That ratio says more about the state of reform than any preliminary statement will.

COMING UP
* 30 November: Jharkhand, India — first of five phases of state assembly polls
* 12 December: United Kingdom, general election
"""
L = "SRI LANKA — presidential election, Saturday 16 November"
art("w41-srilanka-2019-eu-notebook", "2019-11-05", t, [
 M("European Union", "Q458", "LK", "presidential", "2019-11-16", start="2019-10-11", head="Marisa Matias", mc=["PT"], mo=["European Parliament"], tot=80, lt=30, st=30, ev={
   "mission": "The EU deployed this mission at the Election Commission's invitation",
   "election.type": L, "election.date": L,
   "start_date": "A core team of nine experts has been in Colombo since 11 October",
   "head": "Chief Observer: Marisa Matias, Member of the European Parliament (Portugal)",
   "observers.total": "Full strength: some 80 observers",
   "observers.long_term": "30 long-term observers went out to all nine provinces in October",
   "observers.short_term": "30 short-term observers and five MEPs arrive before polling day",
   "member_countries": {"PT": "Chief Observer: Marisa Matias, Member of the European Parliament (Portugal)"},
   "member_organizations": {"European Parliament": "30 short-term observers and five MEPs arrive before polling day"}}),
])

t = """PACIFIC DEMOCRACY WATCH
Fortnightly bulletin of the Island Governance Research Group · 20 August 2014

FIJI: FIRST VOTE SINCE THE 2006 COUP

Fijians go to the polls on 17 September in a general election under the 2013 constitution, the first since Frank Bainimarama took power eight years ago.

Multinational Observer Group (MOG)
- Co-led by four Asia-Pacific governments: Australia, India, Indonesia and Papua New Guinea
- 14 members at launch
- Terms agreed with Suva last week; the first observers are expected within days to set up a secretariat
- Canberra has named Peter Reith, a former defence minister, to lead the Australian contingent (he does not lead the group as a whole)
- Freedom of movement across the country is written into the agreement

Commentary
A multinational group built around governments rather than a specialised organisation is new for the region. Its brief is narrow — whether the outcome "broadly represents" the will of voters — and critics will say that bar is low. Still, after four coups since 1987, a credible verdict matters.

Not observing: the Commonwealth, which suspended Fiji in 2009, had not announced a separate group at the time of writing.

COMING UP
- 5 October: Bosnia and Herzegovina, general elections
- 19 November: Solomon Islands, national general election
"""
F = "Fijians go to the polls on 17 September in a general election"
art("w41-fiji-2014-mog-launch", "2014-08-20", t, [
 M("Multinational Observer Group", None, "FJ", "general", "2014-09-17", mc=["AU", "IN", "ID", "PG"], tot=14, ev={
   "mission": "Multinational Observer Group (MOG)\n- Co-led by four Asia-Pacific governments",
   "election.type": F, "election.date": F,
   "observers.total": "14 members at launch",
   "member_countries": {c: "Co-led by four Asia-Pacific governments: Australia, India, Indonesia and Papua New Guinea" for c in ["AU", "IN", "ID", "PG"]}}),
])

t = """WEST AFRICA ELECTION TRACKER
Bulletin of the Dakar-based Network for Credible Polls — 22 November 2019

GUINEA-BISSAU: PRESIDENTIAL FIRST ROUND ON SUNDAY

Twelve candidates are running on 24 November, among them the incumbent José Mário Vaz, Domingos Simões Pereira and Umaro Sissoco Embaló. The campaign came after a year of rows between the presidency and the government.

Deployments
▸ African Union: the AU Commission chairperson authorised a two-phase mission. Fourteen long-term experts were deployed from 19 November, to stay until 31 December; forty short-term observers join them from 20 to 30 November.
▸ ECOWAS: a 75-strong mission of ambassadors, MPs, lawyers, electoral officials and civil society members, led by Soumeylou Boubeye Maïga, Mali's former prime minister.

Earlier this year
For the 10 March legislative elections the AU had sent thirty observers from twenty-one countries, headed by Joaquim Rafael Branco of São Tomé and Príncipe. They arrived in Bissau on 3 March.

Comment
The region's patience with Bissau is thin. A runoff looks likely, and the observers should plan to stay — or to return.

COMING UP
▸ 29 December: Guinea-Bissau, presidential runoff, if needed
▸ 12 December: Algeria, presidential election
"""
G = "Twelve candidates are running on 24 November"
art("w41-guineabissau-2019-tracker", "2019-11-22", t, [
 M("African Union", "Q7159", "GW", "presidential", "2019-11-24", start="2019-11-19", lt=14, st=40, ev={
   "mission": "African Union: the AU Commission chairperson authorised a two-phase mission",
   "election.type": "GUINEA-BISSAU: PRESIDENTIAL FIRST ROUND ON SUNDAY",
   "election.date": G,
   "start_date": "Fourteen long-term experts were deployed from 19 November",
   "observers.long_term": "Fourteen long-term experts were deployed from 19 November",
   "observers.short_term": "forty short-term observers join them from 20 to 30 November"}),
 M("Economic Community of West African States", "Q193272", "GW", "presidential", "2019-11-24", head="Soumeylou Boubeye Maïga", mc=["ML"], tot=75, ev={
   "mission": "ECOWAS: a 75-strong mission",
   "election.type": "GUINEA-BISSAU: PRESIDENTIAL FIRST ROUND ON SUNDAY",
   "election.date": G,
   "head": "led by Soumeylou Boubeye Maïga, Mali's former prime minister",
   "observers.total": "ECOWAS: a 75-strong mission",
   "member_countries": {"ML": "led by Soumeylou Boubeye Maïga, Mali's former prime minister"}}),
 M("African Union", "Q7159", "GW", "parliamentary", "2019-03-10", start="2019-03-03", head="Joaquim Rafael Branco", mc=["ST"], tot=30, ev={
   "mission": "For the 10 March legislative elections the AU had sent thirty observers from twenty-one countries",
   "election.type": "For the 10 March legislative elections",
   "election.date": "For the 10 March legislative elections",
   "start_date": "They arrived in Bissau on 3 March",
   "head": "headed by Joaquim Rafael Branco of São Tomé and Príncipe",
   "observers.total": "the AU had sent thirty observers from twenty-one countries",
   "member_countries": {"ST": "headed by Joaquim Rafael Branco of São Tomé and Príncipe"}}),
])
