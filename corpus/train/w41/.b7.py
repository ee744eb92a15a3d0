exec(open(".mk.py").read())

t = """GREAT LAKES ELECTION LETTER
Fortnightly bulletin of the Kampala-based Regional Democracy Forum · 30 May 2015

BURUNDI: EUROPEAN OBSERVERS STAND DOWN

The European Union's observers will not watch Burundi's elections for now. On Thursday, 28 May, the EU announced that its Election Observation Mission was suspending its deployment, judging that present conditions make credible polls impossible. Chief Observer David Martin pointed to a widespread climate of fear, to the killing of opposition leader Zedi Feruzi, to the closure of independent radio stations and to a campaign that only the ruling CNDD-FDD and UPRONA had been able to run in public. EU foreign policy chief Federica Mogherini backed the decision the same day.

The team had been in the country for just over a month. It is not leaving in protest of any single event but because, in its words, conditions have deteriorated significantly since it arrived.

Where things stand
• Legislative and communal elections: still formally set for 5 June, though the East African Community is pressing for a delay
• Presidential election: 26 June on the current calendar
• Pierre Nkurunziza's bid for a third term remains the cause of the protests; at least 30 people have died, by local NGOs' count

Our comment
A suspended mission is a statement in itself. The question is whether the African Union, which has not yet confirmed its own plans, follows suit.

COMING UP
• 7 June — Turkey, general election
• 7 June — Mexico, federal midterm elections
"""
art("w41-burundi-2015-eu-suspension", "2015-05-30", t, [], kind="cancellation")

t = """WEST AFRICA ELECTION TRACKER
Bulletin of the Dakar-based Network for Credible Polls — 8 December 2020

GHANA: CITIZENS DID THE WATCHING

Polls closed on Monday evening in Ghana's presidential and parliamentary elections, the eighth since the Fourth Republic began in 1992. Most of the counting is done; the Electoral Commission is expected to declare the presidential result within days.

This issue looks only at domestic observation, where Ghana sets the regional standard.

The Coalition of Domestic Election Observers (CODEO)
• Close to 4,400 observers in the field on polling day
• 4,000 of them stationed as rapid-response observers in a sample of polling stations in all 275 constituencies and all 16 regions
• 1,502 deployed as parallel vote tabulation (PVT) observers
• Roaming teams made up of regional coordinators, constituency supervisors and board members
• Observers also at all 275 constituency collation centres and at the national collation centre in Accra

On Monday afternoon the coalition's acting chair, Sheikh Aremeyaw Shaibu, reported that polling stations were generally set up on time and that voting was smooth, with pockets of incidents in Awutu Senya and Bawku Central.

Why it matters: the PVT gives CODEO an independent estimate of the presidential vote. If it matches the declared figures, disputes will have little to stand on.

COMING UP
• 27 December — Central African Republic, presidential and legislative elections
• 14 January 2021 — Uganda, general elections
"""
art("w41-ghana-2020-codeo-domestic", "2020-12-08", t, [], kind="domestic-only")

t = """LIBERIA DEMOCRACY DESK — monthly digest
Monrovia Civic Platform · 20 February 2017

PRE-ELECTION CHECK-UP

A small team from the Carter Center arrived yesterday on an assessment visit that runs until 2 March. It is not an observation mission: the team will look at voter registration and at the pre-election climate before the general elections expected in October, and report back to Atlanta.

Who is on it
– Jordan Ryan, vice-president for peace programmes at the Center, leads the visit
– Carlos Valenzuela, senior electoral expert
– Barbara Smith and James Lahai (national coordinator of Sierra Leone's National Election Watch), electoral experts
– Brett Lacy, associate director of the Democracy Program

The invitation came from the National Elections Commission. The team will tour registration centres and meet the commission, party leaders, the Supreme Court, the police and civil society.

Comment: The Center has followed every Liberian election since the war. Whether it fields a full mission in October will depend in part on what this visit finds.

COMING UP
– 10 October 2017: Liberia, presidential and House of Representatives elections
– 7 March 2018: Sierra Leone, general elections
"""
art("w41-liberia-2017-carter-assessment", "2017-02-20", t, [], kind="needs-assessment")

t = """BALKAN VOTE WATCH
Newsletter of the Tirana Citizens' Election Network · 22 February 2021

ALBANIA: WHAT THE ODIHR ASSESSMENT SAYS

The OSCE's election office has published the report of the needs assessment team it sent to Tirana from 25 to 28 January, ahead of the 25 April parliamentary elections. Four days of meetings with state institutions, the Central Election Commission, parties, media and civil society produced a clear recommendation.

The recommendation, in short
• A full election observation mission, in all regions
• A core team of experts plus 24 long-term observers to follow the whole process
• 250 short-term observers for election day
• Particular attention to the new biometric voter identification, campaign coverage, dispute resolution and polling under COVID-19 rules

Nearly every interlocutor, the report notes, called a large-scale mission essential this year because the electoral code was rewritten in 2020.

What it is not: the report is advice to ODIHR itself and to the OSCE states that would second observers. No mission has been formally opened yet, and the numbers may change once states say how many observers they can send.

Our comment
The assessment reads like a to-do list for our own volunteers. We will be at the biometric check-in desks on 25 April whatever the size of the international presence.

COMING UP
• 4 April — Bulgaria, parliamentary elections
• 11 July — Moldova, early parliamentary elections
"""
art("w41-albania-2021-odihr-assessment", "2021-02-22", t, [], kind="needs-assessment")

t = """INDIAN OCEAN & HORN DIGEST
Published by the Djibouti-Moroni Civil Society Link · 22 March 2019

COMOROS — presidential and island governors' elections, Sunday 24 March

President Azali Assoumani seeks a new term after last year's referendum rewrote the rules on the rotating presidency. Much of the opposition calls the process rigged before it starts.

Observer missions
▪ Eastern Africa Standby Force (EASF): 28 observers drawn from its member states, covering Grande Comore, Anjouan and Mohéli. Head of mission: Jeremie Bonnelame, a former minister from Seychelles; special adviser: Lt Gen Germain Niyoyankana, a former Burundian minister. The mission was launched in Nairobi on 15 March, and an advance team is already on the ground.
▪ African Union: thirty observers — Pan-African MPs, ambassadors to the AU, civil society and election officials — under Patrice Trovoada, a former prime minister of São Tomé and Príncipe.

Not a mission: COMESA sent a five-day pre-election assessment visit earlier in the year, led by Hope Kivengere of its Committee of Elders. It does not observe polling day.

Comment
Three islands, three sets of logistics, and a tight calendar. The EASF's regional make-up gives it credibility with Moroni; whether it uses that credibility to speak frankly is another matter.
"""
C = "COMOROS — presidential and island governors' elections, Sunday 24 March"
art("w41-comoros-2019-easf-au", "2019-03-22", t, [
 M("Eastern Africa Standby Force", None, "KM", "presidential", "2019-03-24", start="2019-03-15", head="Jeremie Bonnelame", mc=["SC", "BI"], tot=28, ev={
   "mission": "Eastern Africa Standby Force (EASF): 28 observers drawn from its member states",
   "election.type": C, "election.date": C,
   "start_date": "The mission was launched in Nairobi on 15 March",
   "head": "Head of mission: Jeremie Bonnelame, a former minister from Seychelles",
   "observers.total": "Eastern Africa Standby Force (EASF): 28 observers drawn from its member states",
   "member_countries": {"SC": "Head of mission: Jeremie Bonnelame, a former minister from Seychelles",
                        "BI": "special adviser: Lt Gen Germain Niyoyankana, a former Burundian minister"}}),
 M("African Union", "Q7159", "KM", "presidential", "2019-03-24", head="Patrice Trovoada", mc=["ST"], mo=["Pan-African Parliament"], tot=30, ev={
   "mission": "African Union: thirty observers",
   "election.type": C, "election.date": C,
   "head": "under Patrice Trovoada, a former prime minister of São Tomé and Príncipe",
   "observers.total": "African Union: thirty observers",
   "member_countries": {"ST": "under Patrice Trovoada, a former prime minister of São Tomé and Príncipe"},
   "member_organizations": {"Pan-African Parliament": "Pan-African MPs, ambassadors to the AU, civil society and election officials"}}),
])

t = """INDIAN OCEAN & HORN DIGEST
Published by the Djibouti-Moroni Civil Society Link · 12 January 2024

COMOROS VOTES AGAIN: 14 JANUARY

Sunday's presidential election, held together with the vote for island governors, pits Azali Assoumani against five challengers.

EASF Election Observer Mission
Its advance team has been in Moroni since 11 January, meeting the other observer groups at the Golden Tulip hotel. Leading the EASF mission: Bernard Makuza, former prime minister of Rwanda, with former Burundian president Sylvestre Ntibantunganya in the leadership team. Twenty-three observers, from Burundi, Djibouti, Ethiopia, Rwanda, Seychelles, Somalia, Sudan, Kenya and Uganda, will be spread over Mohéli, Anjouan and Grande Comore.

From our archive
Makuza is no stranger to Moroni. In January 2020, as former president of Rwanda's Senate, he headed the African Union's 40-member mission to the 19 January legislative elections, which much of the opposition boycotted.

Comment
Continuity of people across organisations is common in African observation. It builds knowledge; it can also blur which organisation is speaking.

COMING UP
• 7 February — Azerbaijan, early presidential election
• 14 February — Indonesia, general elections
"""
art("w41-comoros-2024-easf-makuza", "2024-01-12", t, [
 M("Eastern Africa Standby Force", None, "KM", "presidential", "2024-01-14", start="2024-01-11", head="Bernard Makuza",
   mc=["RW", "BI", "DJ", "ET", "SC", "SO", "SD", "KE", "UG"], tot=23, ev={
   "mission": "EASF Election Observer Mission\nIts advance team has been in Moroni since 11 January",
   "election.type": "Sunday's presidential election, held together with the vote for island governors",
   "election.date": "COMOROS VOTES AGAIN: 14 JANUARY",
   "start_date": "Its advance team has been in Moroni since 11 January",
   "head": "Leading the EASF mission: Bernard Makuza, former prime minister of Rwanda",
   "observers.total": "Twenty-three observers, from Burundi, Djibouti, Ethiopia, Rwanda, Seychelles, Somalia, Sudan, Kenya and Uganda",
   "member_countries": dict({c: "Twenty-three observers, from Burundi, Djibouti, Ethiopia, Rwanda, Seychelles, Somalia, Sudan, Kenya and Uganda" for c in ["RW", "BI", "DJ", "ET", "SC", "SO", "SD", "KE", "UG"]})}),
 M("African Union", "Q7159", "KM", "parliamentary", "2020-01-19", head="Bernard Makuza", mc=["RW"], tot=40, ev={
   "mission": "he headed the African Union's 40-member mission to the 19 January legislative elections",
   "election.type": "the 19 January legislative elections",
   "election.date": "the 19 January legislative elections",
   "head": "Makuza is no stranger to Moroni. In January 2020, as former president of Rwanda's Senate, he headed the African Union's 40-member mission",
   "observers.total": "the African Union's 40-member mission",
   "member_countries": {"RW": "as former president of Rwanda's Senate"}}),
])
