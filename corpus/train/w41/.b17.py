exec(open(".mk.py").read())

t = """SOUTHERN AFRICA ELECTIONS ROUND-UP
Issue 40/2022 — Civic Vote Project · 4 October 2022

LESOTHO: NATIONAL ASSEMBLY ELECTIONS ON FRIDAY, 7 OCTOBER

Sixty-five parties are registered; the ruling All Basotho Convention, split and on its second prime minister since 2017, faces the new Revolution for Prosperity of businessman Sam Matekane.

SADC Electoral Observation Mission
• Launched on Monday at the Avani Lesotho hotel in Maseru by its head, Frans Kapofi, Namibia's minister of defence and veterans' affairs
• Deployed by Namibian president Hage Geingob as chair of the SADC Organ on Politics, Defence and Security
• In the country since 25 September, on the invitation of the Independent Electoral Commission
• 63 personnel; observers went out to all ten districts on 2 October
• Members come from 11 member states: Angola, Botswana, Eswatini, Malawi, Mozambique, Namibia, Seychelles, South Africa, Tanzania, Zambia and Zimbabwe

Commentary
Five years after the last snap election, the reforms SADC demanded are still stuck in parliament. Kapofi's call for peaceful, credible polls is welcome; the mission's final report should say plainly that the reform bill's collapse is part of the story.

From the archive
In February 2015, South Africa's international relations minister Maite Nkoana-Mashabane launched the SADC mission for the early elections of 28 February, representing President Jacob Zuma as chair of the Organ.

COMING UP
• 30 October — Brazil, presidential runoff
• 19 November — Malaysia, general election
"""
LS = "LESOTHO: NATIONAL ASSEMBLY ELECTIONS ON FRIDAY, 7 OCTOBER"
LSM = ["AO", "BW", "SZ", "MW", "MZ", "NA", "SC", "ZA", "TZ", "ZM", "ZW"]
LSS = "Members come from 11 member states: Angola, Botswana, Eswatini, Malawi, Mozambique, Namibia, Seychelles, South Africa, Tanzania, Zambia and Zimbabwe"
art("w41-lesotho-2022-sadc-kapofi", "2022-10-04", t, [
 M("Southern African Development Community", "Q816706", "LS", "parliamentary", "2022-10-07", start="2022-09-25", head="Frans Kapofi", mc=LSM, tot=63, ev={
   "mission": "SADC Electoral Observation Mission\n• Launched on Monday",
   "election.type": LS, "election.date": LS,
   "start_date": "In the country since 25 September",
   "head": "by its head, Frans Kapofi, Namibia's minister of defence and veterans' affairs",
   "observers.total": "63 personnel",
   "member_countries": {c: LSS for c in LSM}}),
 M("Southern African Development Community", "Q816706", "LS", None, "2015-02-28", early=True, head=None, ev={
   "mission": "launched the SADC mission for the early elections of 28 February",
   "election.date": "for the early elections of 28 February",
   "election.early": "for the early elections of 28 February"}),
])

t = """CENTRAL AMERICA ELECTORAL BULLETIN
Issued by the Tegucigalpa office of the Regional Civic Observatory — 9 November 2021

HONDURAS: GENERAL ELECTIONS, 28 NOVEMBER

Xiomara Castro of Libre and Nasry Asfura of the National Party lead a field of fifteen presidential candidates. Congress, the Central American Parliament delegation and all mayors are also elected.

OAS Electoral Observation Mission
– Chief of mission: Luis Guillermo Solís, former president of Costa Rica
– Preliminary visit this week to meet the electoral authorities, candidates, government and civil society
– More than 80 international specialists and observers; arrivals start in mid-November, and they will cover every department in election week
– Experts on electoral organisation and technology, women's participation, electoral justice, voting abroad and political financing

Recall that four years ago the mission under Jorge Quiroga, with 82 experts and observers from 25 countries, ended up unable to vouch for the result.

Comment
The new National Electoral Council and its results transmission system are untested. Solís's team will be judged on whether it can say early and clearly what works and what does not.
"""
HN = "HONDURAS: GENERAL ELECTIONS, 28 NOVEMBER"
art("w41-honduras-2021-oas-solis", "2021-11-09", t, [
 M("Organization of American States", "Q123759", "HN", "general", "2021-11-28", head="Luis Guillermo Solís", mc=["CR"], tot=80, ev={
   "mission": "OAS Electoral Observation Mission\n– Chief of mission: Luis Guillermo Solís",
   "election.type": HN, "election.date": HN,
   "head": "Chief of mission: Luis Guillermo Solís, former president of Costa Rica",
   "observers.total": "More than 80 international specialists and observers",
   "member_countries": {"CR": "Chief of mission: Luis Guillermo Solís, former president of Costa Rica"}}),
 M("Organization of American States", "Q123759", "HN", None, None, head="Jorge Quiroga", tot=82, ev={
   "mission": "the mission under Jorge Quiroga, with 82 experts and observers from 25 countries",
   "head": "the mission under Jorge Quiroga",
   "observers.total": "with 82 experts and observers from 25 countries"}),
])
