exec(open(".mk.py").read())

t = """CAUCASUS VOTE LETTER
Monthly digest of the Tbilisi Election Integrity Network · 12 April 2012

AN EARLY INVITATION

The Georgian government has formally invited the OSCE's Office for Democratic Institutions and Human Rights, along with other relevant organisations, to deploy a long-term mission for the parliamentary elections due in October. The invitation went out last week, unusually early.

ODIHR's reply, through its spokesman: as always after an invitation, it will first send a needs assessment mission to gauge what kind and size of observation is needed. The date of that visit has not been set, and it would be tight to arrange it before the end of spring. Long-term observers usually arrive six to eight weeks before polling day; the spokesman said he knew of no case in which they had been deployed earlier.

Why the hurry? Tbilisi wants international eyes on the whole campaign, not just the final weeks. The opposition coalition now forming around Bidzina Ivanishvili says the same, for different reasons: it expects pressure on its supporters long before autumn.

Our comment
An invitation is not a mission. Until ODIHR's assessment team has come and gone, nobody knows how many observers Georgia will get or when. We will keep our own long-term monitors in the regions from June regardless.

COMING UP
• 6 May — Armenia, parliamentary elections
• 1 October (expected) — Georgia, parliamentary elections
"""
art("w41-georgia-2012-odihr-invitation", "2012-04-12", t, [], kind="invitation")

t = """CAUCASUS VOTE LETTER
Monthly digest of the Tbilisi Election Integrity Network · 25 September 2015

ODIHR CALLS OFF AZERBAIJAN

The OSCE's election office has cancelled its observation mission to Azerbaijan. The parliamentary elections of 1 November will take place without it.

How it happened
• In August a two-person needs assessment team visited Baku from 12 to 14 August and recommended a full mission: a core team, 30 long-term and 350 short-term observers.
• The authorities told ODIHR they would accept only a fraction of that number.
• ODIHR concluded that a mission so reduced could not carry out credible observation, and decided not to deploy.

Context: this summer Baku forced the closure of the OSCE office in the country, and the leading citizen observer group, the Election Monitoring and Democracy Studies Centre, remains unregistered, its chairman in prison.

Our comment
Refusing a limited mission is the right call; a token presence would have lent legitimacy to a process it could not see. But it means that in November the only international observers in Azerbaijan will be the ones Baku chose.

COMING UP
• 11 October — Belarus, presidential election
• 1 November — Azerbaijan, parliamentary elections
"""
art("w41-azerbaijan-2015-odihr-cancels", "2015-09-25", t, [], kind="cancellation")
