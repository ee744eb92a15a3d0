import json, os, sys
DIR = "/work/wt/e8/corpus/train/w41"
def M(org, wd, cc, etype, edate, early=False, start=None, head=None, mc=(), mo=(), acc=None, tot=None, lt=None, st=None, ev=None):
    return dict(organizer=org, organizer_wikidata=wd, country=cc,
                election={"type": etype, "date": edate, "early": early},
                start_date=start, head=head, member_countries=list(mc), member_organizations=list(mo),
                accredited_by=acc, observers={"total": tot, "long_term": lt, "short_term": st}, evidence=ev or {})
def art(name, date, text, missions, kind=None):
    full = " date " + date + "\n" + text.strip() + "\n"
    body = full
    n = len(full.split()) - 2
    if not (120 <= n <= 600): print("WORDS", name, n)
    for m in missions:
        ev = m["evidence"]
        def chk(s, k):
            c = full.count(s)
            if c != 1: print("SPAN", name, k, c, repr(s[:60]))
            if len(s) > 400: print("LONG", name, k)
        for k, v in ev.items():
            if isinstance(v, dict):
                for kk, vv in v.items(): chk(vv, k + ":" + kk)
            else: chk(v, k)
        # auto consistency
        need = {"mission"}
        if m["election"]["type"]: need.add("election.type")
        if m["election"]["date"]: need.add("election.date")
        if m["election"]["early"]: need.add("election.early")
        for k in ("start_date", "head", "accredited_by"):
            if m[k]: need.add(k)
        for k in ("total", "long_term", "short_term"):
            if m["observers"][k] is not None: need.add("observers." + k)
        have = {k for k, v in ev.items() if not isinstance(v, dict)}
        if need != have: print("EVKEYS", name, m["organizer"], need ^ have)
        if set(m["member_countries"]) != set(ev.get("member_countries", {})): print("MC", name, m["organizer"])
        if set(m["member_organizations"]) != set(ev.get("member_organizations", {})): print("MO", name, m["organizer"])
        if m["head"] and m["head"].split()[-1] not in ev["head"]: print("HEADSPAN", name)
        for k in list(ev):
            if isinstance(ev[k], dict) and not ev[k]: del ev[k]
    g = {"article": name + ".txt", "published": date, "writer": "w41", "style": "ngo-roundup", "missions": missions}
    if not missions: g["kind"] = kind
    open(os.path.join(DIR, name + ".txt"), "w", encoding="utf-8").write(full)
    json.dump(g, open(os.path.join(DIR, name + ".gold.json"), "w", encoding="utf-8"), ensure_ascii=False, indent=2)
