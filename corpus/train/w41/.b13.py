exec(open(".mk.py").read())

t = """CARIBBEAN DEMOCRACY NOTES
A fortnightly digest from the Santo Domingo Civic Forum | 3 July 2020

THIRD TIME LUCKY? DOMINICANS VOTE ON SUNDAY

After the aborted municipal vote of February and the rerun in March, the presidential and congressional elections postponed from May by the pandemic take place on Sunday, 5 July.

OAS mission
· Chief of Mission: Eduardo Frei Ruiz-Tagle, former president of Chile, who follows the process from Santiago because of travel restrictions
· On the ground: Francisco Guerrero, the OAS Secretary for Strengthening Democracy, leads the field team
· The mission arrived in Santo Domingo on 29 June
· More than 80 experts and observers of 18 nationalities, part of them working remotely; observers also follow the vote of Dominicans abroad in Madrid, Miami and New York
· Invited by the Central Electoral Board (JCE)

It is the OAS's third mission in the country this year, and its eighteenth electoral process observed here.

Comment
A hybrid mission — half in the field, half on video calls — is new. Its value for the polling-day picture is limited; its value for the technical audit of the count may be higher than usual, since the OAS has followed the JCE since the February failure.
"""
art("w41-dominican-2020-oas-frei-july", "2020-07-03", t, [
 M("Organization of American States", "Q123759", "DO", "general", "2020-07-05", start="2020-06-29", head="Eduardo Frei Ruiz-Tagle", mc=["CL"], tot=80, ev={
   "mission": "OAS mission\n· Chief of Mission: Eduardo Frei Ruiz-Tagle",
   "election.type": "the presidential and congressional elections postponed from May by the pandemic take place on Sunday, 5 July",
   "election.date": "the presidential and congressional elections postponed from May by the pandemic take place on Sunday, 5 July",
   "start_date": "The mission arrived in Santo Domingo on 29 June",
   "head": "Chief of Mission: Eduardo Frei Ruiz-Tagle, former president of Chile",
   "observers.total": "More than 80 experts and observers of 18 nationalities",
   "member_countries": {"CL": "Chief of Mission: Eduardo Frei Ruiz-Tagle, former president of Chile"}}),
])

t = """HIMALAYAN DEMOCRACY LETTER
Monthly round-up of the Kathmandu Forum for Peaceful Elections · 20 March 2008

BHUTAN: A KINGDOM VOTES FOR ITS FIRST NATIONAL ASSEMBLY

On Monday, 24 March, Bhutanese choose between two parties — the Druk Phuensum Tshogpa and the People's Democratic Party — for 47 seats. The king himself has pushed the change to constitutional monarchy.

Observers
◆ European Union. Chief Observer Javier Pomés, a member of the European Parliament, heads a mission that has been in the country since 22 February at the Royal Government's invitation. Six core-team members and nine long-term observers, fifteen in all, come from thirteen EU member states.
◆ Japan. Tokyo is dispatching a three-member government mission from 21 to 26 March, headed by Takio Yamada, political minister at the Japanese embassy in New Delhi.
◆ Others: Thimphu has said it will accept observers from any interested country, and invitations have gone to India and to embassies in New Delhi.

Comment
Two parties, both loyal to the throne, with similar programmes: observers will find it hard to measure "choice" in the usual sense. The more useful question is whether ordinary campaigning was allowed, given the strict rules on what candidates may say.

Related: Nepal votes on 10 April (see last month's letter).
"""
BT = "On Monday, 24 March, Bhutanese choose between two parties"
art("w41-bhutan-2008-eu-japan", "2008-03-20", t, [
 M("European Union", "Q458", "BT", "parliamentary", "2008-03-24", start="2008-02-22", head="Javier Pomés", tot=15, lt=9, ev={
   "mission": "European Union. Chief Observer Javier Pomés, a member of the European Parliament, heads a mission",
   "election.type": "BHUTAN: A KINGDOM VOTES FOR ITS FIRST NATIONAL ASSEMBLY",
   "election.date": BT,
   "start_date": "has been in the country since 22 February",
   "head": "Chief Observer Javier Pomés, a member of the European Parliament",
   "observers.total": "Six core-team members and nine long-term observers, fifteen in all",
   "observers.long_term": "Six core-team members and nine long-term observers, fifteen in all"}),
 M("Government of Japan", None, "BT", "parliamentary", "2008-03-24", start="2008-03-21", head="Takio Yamada", mc=["JP"], tot=3, ev={
   "mission": "Tokyo is dispatching a three-member government mission from 21 to 26 March",
   "election.type": "BHUTAN: A KINGDOM VOTES FOR ITS FIRST NATIONAL ASSEMBLY",
   "election.date": BT,
   "start_date": "from 21 to 26 March",
   "head": "headed by Takio Yamada, political minister at the Japanese embassy in New Delhi",
   "observers.total": "a three-member government mission",
   "member_countries": {"JP": "headed by Takio Yamada, political minister at the Japanese embassy in New Delhi"}}),
])

t = """ASIAN BALLOT BRIEFING
A digest for members of the Bangkok Election Dialogue · 23 March 2012

TURNED BACK AT THE DOOR

Burma's 1 April by-elections will go ahead without an ANFREL presence. The network's executive director, Somsri Hananuntasuk, was put on a flight from Rangoon to Bangkok on the night of 20 March, six days after arriving with a small team to press the Union Election Commission for accreditation. Her two colleagues, Rangsima Suttipongkiat and Tadzrul Adha, were told to leave the following night. Officials said all three had entered on tourist visas.

ANFREL had written to the commission before travelling and received no reply, so the team came in person to submit its request.

What the government offers instead: a handful of invited "witnesses" — two from each of the US, the EU, Japan, China, South Korea and the UN, plus the ASEAN member states — brought in shortly before polling day, with a small number of journalists.

Our comment
Forty-five seats are at stake and Aung San Suu Kyi is on the ballot. A tightly managed guest list is not the same as independent observation, and the commission knows it.

COMING UP
• 6 May — Serbia, parliamentary, presidential and local elections
• 6 May — Greece, parliamentary elections
"""
art("w41-myanmar-2012-anfrel-deported", "2012-03-23", t, [], kind="refusal")
