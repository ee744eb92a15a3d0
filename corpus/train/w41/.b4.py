exec(open(".mk.py").read())

t = """HIMALAYAN DEMOCRACY LETTER
Monthly round-up of the Kathmandu Forum for Peaceful Elections · 7 April 2008

NEPAL — Constituent Assembly election, 10 April

After two postponements, voters finally elect the body that is to write a new constitution. It is the first national vote since the 2006 peace agreement, and the Maoists are on the ballot.

Who is watching
1. The Carter Center. Its long-term presence began on 9 March 2007, when 13 long-term observers were sent to all five development regions. They came from Bosnia and Herzegovina, Canada, Croatia, France, Germany, Sweden, the United Kingdom and the United States. For polling day the Atlanta-based centre has brought in a short-term delegation of 62, led by former US President Jimmy Carter.
2. The European Union and the Asian Network for Free Elections have teams in the field as well; we will profile them in our post-election letter.

Commentary
The Carter Center stayed through both postponed dates, which gave its statements a continuity others lack. The question now is whether the parties accept results that will likely be unkind to at least one of them.

Diary
– 10 April: polling day
– 11 April onwards: counting of first-past-the-post seats
– late April: allocation of proportional seats by the Election Commission
"""
N = "NEPAL — Constituent Assembly election, 10 April"
art("w41-nepal-2008-carter-letter", "2008-04-07", t, [
 M("Carter Center", None, "NP", "parliamentary", "2008-04-10", start="2007-03-09", head="Jimmy Carter",
   mc=["BA", "CA", "HR", "FR", "DE", "SE", "GB", "US"], tot=62, lt=13, ev={
   "mission": "The Carter Center. Its long-term presence began on 9 March 2007",
   "election.type": N, "election.date": N,
   "start_date": "Its long-term presence began on 9 March 2007",
   "head": "led by former US President Jimmy Carter",
   "observers.total": "a short-term delegation of 62",
   "observers.long_term": "13 long-term observers were sent to all five development regions",
   "member_countries": {c: "They came from Bosnia and Herzegovina, Canada, Croatia, France, Germany, Sweden, the United Kingdom and the United States" for c in ["BA", "CA", "HR", "FR", "DE", "SE", "GB", "US"]}}),
 M("European Union", "Q458", "NP", "parliamentary", "2008-04-10", ev={
   "mission": "The European Union and the Asian Network for Free Elections have teams in the field as well",
   "election.type": N, "election.date": N}),
 M("Asian Network for Free Elections", None, "NP", "parliamentary", "2008-04-10", ev={
   "mission": "The European Union and the Asian Network for Free Elections have teams in the field as well",
   "election.type": N, "election.date": N}),
])

t = """HIMALAYAN DEMOCRACY LETTER
Monthly round-up of the Kathmandu Forum for Peaceful Elections · 27 September 2013

NEPAL: SECOND TRY AT A CONSTITUTION

The first Constituent Assembly was dissolved in May 2012 without a constitution. The Constituent Assembly election to choose its successor is set for 19 November 2013, run under an interim council chaired by Chief Justice Khil Raj Regmi.

In the field
• Carter Center — back for a second constituent assembly vote. The centre launched its mission this week at the invitation of Regmi's council and the Election Commission of Nepal, and has deployed twelve long-term observers, representing eight countries, to the five development regions plus a roving team in the Terai. Another 40 short-term observers are to join them shortly before polling.

The centre never fully left: after the 2008 vote it kept a political and constitutional monitoring project running until June 2013, with more than 20 public reports.

Commentary
A boycott by the alliance around the CPN-Maoist splinter is the biggest threat to turnout. Observers can count ballots; they cannot make a boycotting party take part.

Coming up elsewhere in South Asia
• 23 November: Maldives, presidential re-run (after the annulled September vote)
• 5 January 2014: Bangladesh, parliamentary elections
"""
art("w41-nepal-2013-carter-letter", "2013-09-27", t, [
 M("Carter Center", None, "NP", "parliamentary", "2013-11-19", lt=12, st=40, ev={
   "mission": "The centre launched its mission this week",
   "election.type": "The Constituent Assembly election to choose its successor is set for 19 November 2013",
   "election.date": "The Constituent Assembly election to choose its successor is set for 19 November 2013",
   "observers.long_term": "has deployed twelve long-term observers, representing eight countries",
   "observers.short_term": "Another 40 short-term observers are to join them shortly before polling"}),
])

t = """TIMOR WATCH
Newsletter of the Dili Civil Society Election Coalition — 20 June 2007

PARLIAMENT NEXT: VOTING ON 30 JUNE

Two rounds of the presidential election are behind us, and José Ramos-Horta is in the palace. Now the 65 seats of the National Parliament are at stake.

EU Election Observation Mission
• Chief Observer — Javier Pomés Ruiz, a Spanish member of the European Parliament
• Core team of seven, to be joined shortly by 28 long-term observers who will follow the campaign in every district
• A delegation of MEPs is to come for polling day
• Brussels has been deploying this second mission since mid-June, at the government's invitation of last year

Earlier this year: the same chief observer headed the EU mission that arrived in Dili on 22 March for the presidential vote of 9 April, with seven election analysts and 28 observers.

Our comment
The presidential mission's recommendations were partly written into the new parliamentary electoral law. That is the kind of follow-up that too rarely happens, and it deserves notice.
"""
T = "Now the 65 seats of the National Parliament are at stake"
art("w41-timor-2007-eu-pomes", "2007-06-20", t, [
 M("European Union", "Q458", "TL", "parliamentary", "2007-06-30", head="Javier Pomés Ruiz", mc=["ES"], mo=["European Parliament"], lt=28, ev={
   "mission": "Brussels has been deploying this second mission since mid-June",
   "election.type": T,
   "election.date": "PARLIAMENT NEXT: VOTING ON 30 JUNE",
   "head": "Chief Observer — Javier Pomés Ruiz, a Spanish member of the European Parliament",
   "observers.long_term": "to be joined shortly by 28 long-term observers",
   "member_countries": {"ES": "Chief Observer — Javier Pomés Ruiz, a Spanish member of the European Parliament"},
   "member_organizations": {"European Parliament": "A delegation of MEPs is to come for polling day"}}),
 M("European Union", "Q458", "TL", "presidential", "2007-04-09", start="2007-03-22", head="Javier Pomés Ruiz", mc=["ES"], tot=28, ev={
   "mission": "the same chief observer headed the EU mission that arrived in Dili on 22 March for the presidential vote of 9 April",
   "election.type": "for the presidential vote of 9 April",
   "election.date": "for the presidential vote of 9 April",
   "start_date": "arrived in Dili on 22 March",
   "head": "Chief Observer — Javier Pomés Ruiz, a Spanish member of the European Parliament",
   "observers.total": "with seven election analysts and 28 observers",
   "member_countries": {"ES": "Chief Observer — Javier Pomés Ruiz, a Spanish member of the European Parliament"}}),
])

t = """TIMOR WATCH
Newsletter of the Dili Civil Society Election Coalition — 12 June 2012

LEGISLATIVE ELECTIONS, 7 JULY

The parliamentary vote closes a crowded year: Taur Matan Ruak won the presidency in April, and the UN integrated mission is due to pack up by December.

European Union
- Chief Observer Fiona Hall, a British MEP, flew into Dili on 7 June and presented the mission to the press
- Six election analysts have been in place since 26 May
- To be deployed in the coming weeks: 28 long-term and 12 short-term observers, from 25 EU member states plus Switzerland and Norway
- A European Parliament delegation will join shortly before election day

Also observing: several embassies and regional networks; details in our next issue.

Short comment
Timor-Leste handled two presidential rounds this spring without serious incident. A calm parliamentary vote would let the UN leave on schedule — and make 2012 the year the country stopped being a "mission" host of any kind.

COMING UP
- 1 October: Georgia, parliamentary elections
- 7 October: Venezuela, presidential election
"""
art("w41-timor-2012-eu-hall", "2012-06-12", t, [
 M("European Union", "Q458", "TL", "parliamentary", "2012-07-07", start="2012-05-26", head="Fiona Hall", mc=["GB", "CH", "NO"], mo=["European Parliament"], lt=28, st=12, ev={
   "mission": "European Union\n- Chief Observer Fiona Hall",
   "election.type": "LEGISLATIVE ELECTIONS, 7 JULY",
   "election.date": "LEGISLATIVE ELECTIONS, 7 JULY",
   "start_date": "Six election analysts have been in place since 26 May",
   "head": "Chief Observer Fiona Hall, a British MEP",
   "observers.long_term": "28 long-term and 12 short-term observers",
   "observers.short_term": "28 long-term and 12 short-term observers",
   "member_countries": {"GB": "Chief Observer Fiona Hall, a British MEP",
                        "CH": "from 25 EU member states plus Switzerland and Norway",
                        "NO": "from 25 EU member states plus Switzerland and Norway"},
   "member_organizations": {"European Parliament": "A European Parliament delegation will join shortly before election day"}}),
])

t = """PACIFIC POLLS DIGEST
Issue 3/2022 · Democracy in the Blue Pacific project · 10 June 2022

PAPUA NEW GUINEA: 2–22 JULY

Polling in the national parliamentary election starts on 2 July and is to finish on 22 July, province by province. The Electoral Commission still faces questions about the roll.

Commonwealth Observer Group
→ Led by H.E. Baron Waqa, former President of Nauru
→ A ten-person group from nine countries, six of them Pacific island nations, named by Secretary-General Patricia Scotland
→ Arrives in Port Moresby on 28 June and stays until the process is complete
→ Invited by the PNG Electoral Commission; supported by a Secretariat team under Linford Andrews
→ A pre-election assessment team visited in March

Looking back: in 2017 the Commonwealth group under Sir Anand Satyanand was faulted for missing problems with the roll. Expectations of this one are correspondingly higher.

COMING UP
→ 24 September: Nauru, parliamentary election
→ 14 December: Fiji, general election
"""
art("w41-png-2022-cog-waqa", "2022-06-10", t, [
 M("Commonwealth", None, "PG", "parliamentary", "2022-07-02", start="2022-06-28", head="Baron Waqa", mc=["NR"], tot=10, ev={
   "mission": "Commonwealth Observer Group\n→ Led by H.E. Baron Waqa",
   "election.type": "Polling in the national parliamentary election starts on 2 July",
   "election.date": "Polling in the national parliamentary election starts on 2 July",
   "start_date": "Arrives in Port Moresby on 28 June",
   "head": "Led by H.E. Baron Waqa, former President of Nauru",
   "observers.total": "A ten-person group from nine countries",
   "member_countries": {"NR": "Led by H.E. Baron Waqa, former President of Nauru"}}),
])
