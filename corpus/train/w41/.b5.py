exec(open(".mk.py").read())

t = """CENTRAL AMERICA ELECTORAL BULLETIN
Issued by the Tegucigalpa office of the Regional Civic Observatory — 22 November 2017

HONDURAS · Sunday 26 November · general elections

More than 3,000 posts are on the ballot: president and three vice-presidents, 128 deputies, 20 Central American Parliament seats, 298 mayors and their councils. President Juan Orlando Hernández is running again after the court ruling that let him seek a second term.

OAS Electoral Observation Mission
· Head: Jorge "Tuto" Quiroga, former president of Bolivia
· Special adviser: Álvaro Colom, former president of Guatemala
· Deputy chief: Gerardo Sánchez
· The mission was installed on 30 October, when Sánchez's advance technical team landed; mobile teams fanned out to the departments in the week of 6 November
· Quiroga and Colom arrived on Tuesday, 21 November
· Planned size: 81 people — coordinators, observers and specialists in organisation, technology, financing, gender, voting abroad and electoral justice

The government asked for the mission back in August 2016, covering both the March primaries and the general election.

Our comment
The transmission of preliminary results is the piece to watch. If the count stalls with a tight margin, the legitimacy questions over re-election will not stay in the courtroom.

COMING UP
· 17 December: Chile, presidential runoff
· 4 February 2018: Costa Rica, general elections
· 4 March 2018: El Salvador, legislative and municipal elections
"""
H = "HONDURAS · Sunday 26 November · general elections"
art("w41-honduras-2017-oas-quiroga", "2017-11-22", t, [
 M("Organization of American States", "Q123759", "HN", "general", "2017-11-26", start="2017-10-30", head="Jorge \"Tuto\" Quiroga", mc=["BO", "GT"], tot=81, ev={
   "mission": "OAS Electoral Observation Mission\n· Head: Jorge \"Tuto\" Quiroga",
   "election.type": H, "election.date": H,
   "start_date": "The mission was installed on 30 October",
   "head": "Head: Jorge \"Tuto\" Quiroga, former president of Bolivia",
   "observers.total": "Planned size: 81 people",
   "member_countries": {"BO": "Head: Jorge \"Tuto\" Quiroga, former president of Bolivia",
                        "GT": "Special adviser: Álvaro Colom, former president of Guatemala"}}),
])

t = """INDIAN OCEAN DEMOCRACY NOTES
Quarterly newsletter of the Malé Governance Circle · 10 March 2014

MALDIVES — People's Majlis elections, 22 March

Four months after a presidential contest that needed three attempts, the country votes again, this time for the 85-seat parliament.

First full EU observation mission
• Chief Observer: Eduard Kukan, Member of the European Parliament from Slovakia and a former foreign minister
• Core team: five election experts, joined yesterday (9 March) by four long-term observers
• Around 20 short-term observers will be deployed nearer polling day, including people recruited from EU member states' embassies in Colombo
• Invited by the Elections Commission alone; a memorandum was also signed with the foreign ministry

Kukan introduced the mission at a press conference in Malé on Sunday.

Comment
Four long-term observers for twenty inhabited atolls and more is thin coverage. But a full mission, the first of its kind here, is a signal in itself after Brussels stayed away from the 2013 presidential vote.

COMING UP
• 9 April — India, general election begins (nine phases)
• 9 April — Indonesia, legislative elections
"""
art("w41-maldives-2014-eu-kukan", "2014-03-10", t, [
 M("European Union", "Q458", "MV", "parliamentary", "2014-03-22", head="Eduard Kukan", mc=["SK"], lt=4, st=20, ev={
   "mission": "First full EU observation mission",
   "election.type": "MALDIVES — People's Majlis elections, 22 March",
   "election.date": "MALDIVES — People's Majlis elections, 22 March",
   "head": "Chief Observer: Eduard Kukan, Member of the European Parliament from Slovakia",
   "observers.long_term": "joined yesterday (9 March) by four long-term observers",
   "observers.short_term": "Around 20 short-term observers will be deployed nearer polling day",
   "member_countries": {"SK": "Chief Observer: Eduard Kukan, Member of the European Parliament from Slovakia"}}),
])

t = """INDIAN OCEAN DEMOCRACY NOTES
Quarterly newsletter of the Malé Governance Circle · 2 September 2018

NO EUROPEANS THIS TIME

The Elections Commission confirmed on Sunday what many suspected: neither the European Union nor the United Nations will observe the presidential election of 23 September. Commission chief Ahmed Shareef said the EU had written in mid-August that it had no interest in observing; an EU official dated the letter to 14 August. The UN, he said, replied that it does not usually observe elections.

Context: Brussels skipped the 2013 presidential vote too, and sent its first full mission only for the 2014 Majlis elections. Since then the Maldives has left the Commonwealth (2016), and the EU has adopted a framework for targeted sanctions.

What is left
Some foreign observers will still come through bilateral invitations, and domestic groups such as Transparency Maldives are recruiting. In 2013, for comparison, the Commission counted 102 foreign observers from 19 countries and organisations.

Our comment
A presidential election with the main opposition leaders in prison or in exile, and without the observers who might say so, is not a reassuring combination. We will publish our own findings after the vote.

COMING UP
• 23 September — Maldives, presidential election
• 7 October — Bosnia and Herzegovina, general elections
"""
art("w41-maldives-2018-eu-declines", "2018-09-02", t, [], kind="refusal")

t = """SOUTHERN AFRICA ELECTIONS ROUND-UP
Issue 38/2018 — Civic Vote Project · 19 September 2018

ESWATINI: SECONDARY ELECTIONS ON 21 SEPTEMBER

After the primaries in the chiefdoms on 18 August, voters return on Friday to choose the members of the House of Assembly for 59 tinkhundla constituencies. Parties still cannot field candidates under the Tinkhundla system.

Missions
(1) SADC Electoral Observation Mission — launched on 16 September by Highvie Hamududu, special adviser to Zambia's presidency, who heads it. It counts 34 observers from ten member states: Angola, Botswana, Lesotho, Malawi, Mozambique, Namibia, South Africa, Tanzania, Zambia and Zimbabwe, plus two experts from the SADC Electoral Advisory Council. Deployment covers Hhohho, Manzini, Lubombo and Shiselweni. The Elections and Boundaries Commission issued the invitation.
(2) African Union — a short-term mission that arrived on 14 September under former Seychelles president James Alix Michel; thirty observers from seventeen AU member states.

Commentary
Both missions will judge a system that excludes parties by design. Watch whether their statements say so plainly or retreat into the language of "unique" traditions.

COMING UP
(1) 7 October — Cameroon, presidential election
(2) 7 November — Madagascar, presidential first round
"""
E = "voters return on Friday to choose the members of the House of Assembly"
art("w41-eswatini-2018-sadc-au", "2018-09-19", t, [
 M("Southern African Development Community", "Q816706", "SZ", "parliamentary", "2018-09-21", start="2018-09-16", head="Highvie Hamududu",
   mc=["ZM", "AO", "BW", "LS", "MW", "MZ", "NA", "ZA", "TZ", "ZW"], mo=["SADC Electoral Advisory Council"], tot=34, ev={
   "mission": "SADC Electoral Observation Mission — launched on 16 September",
   "election.type": E,
   "election.date": "ESWATINI: SECONDARY ELECTIONS ON 21 SEPTEMBER",
   "start_date": "launched on 16 September",
   "head": "Highvie Hamududu, special adviser to Zambia's presidency, who heads it",
   "observers.total": "It counts 34 observers from ten member states",
   **{},
   "member_countries": dict({"ZM": "Highvie Hamududu, special adviser to Zambia's presidency, who heads it"},
     **{c: "Angola, Botswana, Lesotho, Malawi, Mozambique, Namibia, South Africa, Tanzania, Zambia and Zimbabwe" for c in ["AO", "BW", "LS", "MW", "MZ", "NA", "ZA", "TZ"]},
     ZW="Angola, Botswana, Lesotho, Malawi, Mozambique, Namibia, South Africa, Tanzania, Zambia and Zimbabwe"),
   "member_organizations": {"SADC Electoral Advisory Council": "plus two experts from the SADC Electoral Advisory Council"}}),
 M("African Union", "Q7159", "SZ", "parliamentary", "2018-09-21", start="2018-09-14", head="James Alix Michel", mc=["SC"], tot=30, ev={
   "mission": "African Union — a short-term mission that arrived on 14 September",
   "election.type": E,
   "election.date": "ESWATINI: SECONDARY ELECTIONS ON 21 SEPTEMBER",
   "start_date": "a short-term mission that arrived on 14 September",
   "head": "under former Seychelles president James Alix Michel",
   "observers.total": "thirty observers from seventeen AU member states",
   "member_countries": {"SC": "under former Seychelles president James Alix Michel"}}),
])
