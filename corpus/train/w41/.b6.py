exec(open(".mk.py").read())

t = """ASIAN BALLOT BRIEFING
A digest for members of the Bangkok Election Dialogue · 14 October 2015

MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS

The first vote in decades in which every major party competes. The Union Election Commission (UEC) has opened its doors to foreign observers on a scale unthinkable five years ago.

Asian Network for Free Elections (ANFREL)
► Signed a memorandum with the UEC in August, which opened the way to accreditation
► Preparatory assessment from 1 to 13 September
► 20 long-term observers were deployed on 12 October after a two-day briefing in Yangon
► 28 short-term observers are to follow; in all, the team draws on 18 countries
► Chairman: Damaso Magbual

Also observing: the European Union and the Carter Center both have teams in the country; we will list their line-ups in our next issue.

Why ANFREL matters here: most of its observers come from Asian civil society groups that have watched their own countries' transitions. That shared experience is a strength in a country wary of Western lecturing.

Flashback: in March 2012, ahead of the April by-elections, the network's executive director Somsri Hananuntasuk was put on a plane back to Bangkok for entering on a tourist visa. Things have changed.

COMING UP
► 16 January 2016 — Taiwan, presidential and legislative elections
► 9 May 2016 — Philippines, general elections
"""
art("w41-myanmar-2015-anfrel-briefing", "2015-10-14", t, [
 M("Asian Network for Free Elections", None, "MM", "general", "2015-11-08", start="2015-10-12", head=None, lt=20, st=28, ev={
   "mission": "Asian Network for Free Elections (ANFREL)",
   "election.type": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS",
   "election.date": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS",
   "start_date": "20 long-term observers were deployed on 12 October",
   "observers.long_term": "20 long-term observers were deployed on 12 October",
   "observers.short_term": "28 short-term observers are to follow"}),
 M("European Union", "Q458", "MM", "general", "2015-11-08", ev={
   "mission": "Also observing: the European Union and the Carter Center both have teams in the country",
   "election.type": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS",
   "election.date": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS"}),
 M("Carter Center", None, "MM", "general", "2015-11-08", ev={
   "mission": "Also observing: the European Union and the Carter Center both have teams in the country",
   "election.type": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS",
   "election.date": "MYANMAR — 8 NOVEMBER GENERAL AND LOCAL ELECTIONS"}),
])

t = """ASIAN BALLOT BRIEFING
A digest for members of the Bangkok Election Dialogue · 22 March 2017

MYANMAR BY-ELECTIONS, 1 APRIL

Nineteen constituencies vote on Saturday week to fill seats left vacant mostly by ministers appointed from parliament. Small stakes, but the first test of the National League for Democracy government as an election organiser.

Observers
→ ANFREL is deploying its observers to all 19 constituencies tomorrow, 23 March. Its mission, led by Damaso Magbual, consists of twelve international observers and two election analysts from civil society organisations around Asia. Members of national monitoring groups will accompany them for part of the time.
→ As far as we know, it is the only international observation mission for these polls.

Comment
By-elections rarely draw foreign observers. That ANFREL comes at all says something about how much the region invested in 2015 — and how much it wants to see the recommendations from that vote taken up.

COMING UP
→ 9 May — South Korea, presidential election (snap)
→ 19 May — Iran, presidential election
"""
art("w41-myanmar-2017-anfrel-byelections", "2017-03-22", t, [
 M("Asian Network for Free Elections", None, "MM", "parliamentary", "2017-04-01", start="2017-03-23", head="Damaso Magbual", tot=14, ev={
   "mission": "ANFREL is deploying its observers to all 19 constituencies tomorrow, 23 March",
   "election.type": "MYANMAR BY-ELECTIONS, 1 APRIL",
   "election.date": "MYANMAR BY-ELECTIONS, 1 APRIL",
   "start_date": "ANFREL is deploying its observers to all 19 constituencies tomorrow, 23 March",
   "head": "Its mission, led by Damaso Magbual",
   "observers.total": "consists of twelve international observers and two election analysts"}),
])

t = """ASIAN BALLOT BRIEFING
A digest for members of the Bangkok Election Dialogue · 25 July 2008

CAMBODIA: NATIONAL ASSEMBLY, SUNDAY 27 JULY

Hun Sen's Cambodian People's Party is expected to widen its majority. The opposition Sam Rainsy Party and the Human Rights Party complain of a skewed voters' list and of pressure in the provinces.

ANFREL mission — facts in brief
• Period: 18 to 30 July
• Eleven international observers, from eight countries
• Spread over eight provinces
• Led by ANFREL's executive director, Somsri Hananuntasuk
• Partners on the ground: COMFREL and NICFEC, both ANFREL members

Our view
An eleven-person team cannot measure a national vote, and does not claim to. What it can do is back up the domestic monitors of COMFREL and NICFEC, whose thousands of volunteers do the real counting of problems.

Also watching: the EU has deployed a larger mission; details next issue.

COMING UP
• 29 December — Bangladesh, ninth parliamentary election
"""
art("w41-cambodia-2008-anfrel-brief", "2008-07-25", t, [
 M("Asian Network for Free Elections", None, "KH", "parliamentary", "2008-07-27", start="2008-07-18", head="Somsri Hananuntasuk", tot=11, ev={
   "mission": "ANFREL mission — facts in brief",
   "election.type": "CAMBODIA: NATIONAL ASSEMBLY, SUNDAY 27 JULY",
   "election.date": "CAMBODIA: NATIONAL ASSEMBLY, SUNDAY 27 JULY",
   "start_date": "Period: 18 to 30 July",
   "head": "Led by ANFREL's executive director, Somsri Hananuntasuk",
   "observers.total": "Eleven international observers, from eight countries"}),
 M("European Union", "Q458", "KH", "parliamentary", "2008-07-27", ev={
   "mission": "Also watching: the EU has deployed a larger mission",
   "election.type": "CAMBODIA: NATIONAL ASSEMBLY, SUNDAY 27 JULY",
   "election.date": "CAMBODIA: NATIONAL ASSEMBLY, SUNDAY 27 JULY"}),
])
