"""Server-side HTML: the home page, the mission list with filters, a page per mission, country,
organization, election and article, the query editor and the error page.

Each page is a plain function from plain data (see :mod:`.jobs` and :mod:`.explore`) to an HTML
string, with every value escaped; links between pages use the data IRIs' paths
(``{base}country/AZ`` is ``/country/AZ``). The only scripts are the bundled editor with its runner
(static/ui.js) and the world map (static/map.js over the vendored d3-geo and world-atlas).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import quote, urlencode

from .explore import local_path
from .svg import Edge, Node, bar_chart_svg, radial_svg, safe_href

__all__ = [
    "article_page", "country_page", "election_page", "error_page", "home_page", "link", "mission_page",
    "missions_page", "neighbourhood_svg", "organization_page", "query_page", "safe_href",
]

_KINDS = {
    "ObservationMission": "mission", "Organization": "organization", "IntergovernmentalOrganization": "organization",
    "ParliamentaryAssembly": "organization", "NonGovernmentalOrganization": "organization",
    "Legislature": "organization", "Country": "country", "Election": "election", "Person": "person",
    "ElectionCommission": "commission", "ObserverCount": "count", "Article": "article",
}
#: node kinds the neighbourhood picture leaves out: records of the graph, not things
_INTERNAL = {"count", "evidence", "Evidence"}


def _layout(title: str, body: str, *, head: str = "", scripts: str = "") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · kgbuild</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/static/kgbuild.css">{head}
</head><body>
<header><a class="brand" href="/">kgbuild</a>
<nav aria-label="Site"><a href="/">Overview</a> <a href="/missions">Missions</a> <a href="/editor">Query</a>
<a href="/queries">Prepared queries (JSON)</a> <a href="/.well-known/void">VoID</a></nav></header>
<main>
{body}
</main>{scripts}</body></html>"""


def error_page(status: int, title: str, detail: str) -> str:
    """The HTML answer to a browser's request that failed (programs get the JSON shape)."""
    body = f"""<h1>{status} {escape(title)}</h1>
<p class="error" role="alert">{escape(detail)}</p>
<p>Start from the <a href="/">overview</a>, the <a href="/missions">missions</a> or the <a href="/editor">query editor</a>.</p>"""
    return _layout(f"{status} {title}", body)


def link(url: Any, text: str, *, cls: str | None = None) -> str:
    """An ``<a>`` to ``url`` when :func:`safe_href` allows it (then rel="noopener noreferrer"), else just ``text``."""
    href = safe_href(url)
    if href is None:
        return text
    attrs = f' class="{escape(cls)}"' if cls else ""
    return f'<a{attrs} href="{escape(href)}" rel="noopener noreferrer">{text}</a>'


def _v(value: Any) -> str:
    return "" if value is None else escape(str(value))


def _local(iri: str) -> str:
    return iri.rsplit("#", 1)[-1] if "#" in iri else iri.rstrip("/").rsplit("/", 1)[-1]


def query_page(catalog: list[dict[str, Any]], *, default_query: str, editor: bool,
               prefixes: dict[str, str] | None = None, base: str = "") -> str:
    """The SPARQL editor (YASGUI's editor, bundled) with its results right under it, and the
    prepared queries one click away beside it. Results show plain values and IRIs of the graph
    link to their pages here; "edit" puts a prepared query into the editor with its prefixes declared."""
    forms = []
    for q in catalog:
        inputs = "".join(
            f'<label>{escape(p["name"])}{"" if p["optional"] else " *"} '
            f'<input name="{escape(p["name"])}" placeholder="{escape(p["type"])}" title="{escape(p["accepts"])}"'
            f'{"" if p["optional"] else " required"}></label>'
            for p in q["params"]
        )
        forms.append(
            f'<form class="prepared" data-name="{escape(q["name"])}" aria-label="{escape(q["title"])}">'
            f'<div class="pq-title"><button type="submit" class="run">Run</button> '
            f'<strong>{escape(q["title"])}</strong> <code>{escape(q["name"])}</code> '
            f'<button type="button" class="edit" title="Open the query text in the editor">edit</button></div>'
            f'<div class="pq-desc">{escape(q["description"])}</div>'
            f'{f"<div class=pq-params>{inputs}</div>" if inputs else ""}</form>'
        )
    head = '\n<link rel="stylesheet" href="/static/yasgui.min.css">' if editor else ""
    scripts = '\n<script src="/static/yasgui.min.js"></script>' if editor else ""
    data = {"defaultQuery": default_query, "catalog": catalog, "prefixes": prefixes or {}, "base": base}
    body = f"""<h1>Query the graph</h1>
<section class="panes">
<div class="editor-pane">
<div id="yasqe"></div>
<noscript>The editor needs JavaScript; use <code>/query?query=…</code> directly.</noscript>
<label for="fallback-editor" class="visually-hidden">SPARQL query</label>
<textarea id="fallback-editor" hidden rows="12">{escape(default_query)}</textarea>
<p class="editor-actions"><button type="button" id="run-editor" class="run">Run query</button> (Ctrl-Enter) ·
Download the results: <a id="dl-csv" href="#">CSV</a> · <a id="dl-json" href="#">JSON</a></p>
<section id="results" aria-live="polite" aria-label="Results"></section>
</div>
<aside class="prepared-pane" aria-label="Prepared queries"><h2>Prepared queries</h2>{''.join(forms)}</aside>
</section>
<script id="kg-data" type="application/json">{_script_json(data)}</script>"""
    return _layout("Query", body, head=head, scripts=scripts + '\n<script src="/static/ui.js"></script>')


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element (no "</script>", no HTML entities needed)."""
    return json.dumps(data).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def _highlight(sentence: str, span: str) -> str:
    """The sentence with the first occurrence of the evidence span marked (HTML-escaped)."""
    i = sentence.find(span) if span else -1
    if i < 0:
        return escape(sentence)
    return f"{escape(sentence[:i])}<mark>{escape(span)}</mark>{escape(sentence[i + len(span):])}"


def _links(m: dict[str, Any]) -> str:
    out = []
    wd = m.get("wikidata_iri") or (f"http://www.wikidata.org/entity/{m['wikidata']}" if m.get("wikidata") else None)
    if wd:
        out.append(link(wd, f"Wikidata {escape(_local(wd))}", cls="ext wikidata"))
    gn = m.get("geonames_iri") or (f"https://sws.geonames.org/{m['geonames']}/" if m.get("geonames") else None)
    if gn:
        out.append(link(gn, f"GeoNames {escape(_local(gn))}", cls="ext geonames"))
    if m.get("alpha2"):
        out.append(f'<span class="code">ISO {escape(m["alpha2"])}</span>')
    return " ".join(out)


def mission_page(d: dict[str, Any]) -> str:
    """A mission: who, where, when, how many, its members with identifiers, its evidence and picture."""
    core = d["core"]
    labels = d["labels"]
    base = d["iri"][: -len("mission/" + d["key"])]

    def many(field: str) -> str:
        return ", ".join(escape(str(v)) for v in core.get(field, []))

    def page(iri: Any, text: str) -> str:
        return _a(local_path(iri, base), text) if isinstance(iri, str) else text

    org = ", ".join(page(o, escape(str(labels.get(o) or _local(o)))) for o in core.get("org", [])) or many("org_label")
    if core.get("org_acronym"):
        org += f" ({many('org_acronym')})"
    for wd in core.get("org_wikidata", []):
        org += " " + _links({"wikidata": wd})
    facts = [
        ("Organizer", org),
        ("Country", ", ".join(_a(f"/country/{quote(cc)}", f"{escape(str(core['country_label'][0]) if core.get('country_label') else cc)} ({escape(cc)})")
                              for cc in core.get("cc", [])) or many("country_label")),
        ("Election", page(core["election"][0] if core.get("election") else None,
                          " ".join(x for x in (many("etype"), many("edate"), "(early)" if True in core.get("early", []) else "") if x)
                          or many("election_label"))),
        ("Mission started", many("start")),
        ("Head of mission", many("head_label")),
        ("Accredited by", many("commission_label")),
    ]
    dl = "".join(f"<dt>{k}</dt><dd>{v or '—'}</dd>" for k, v in facts)
    counts = "".join(
        f"<tr><td>{_v(c['category'])}</td><td class=num>{_v(c['count'])}</td><td>{_v(c.get('as_of'))}</td>"
        f"<td>{_v(c.get('article'))}</td></tr>" for c in d["counts"]
    ) or "<tr><td colspan=4>no observer counts stated</td></tr>"
    members = "".join(
        f"<tr><td>{page(m['member'], _v(m.get('label') or _local(m['member'])))}</td><td>{_v(m['kind'])}</td><td>{_links(m)}</td></tr>"
        for m in _merge_members(d["members"])
    ) or "<tr><td colspan=3>no members stated</td></tr>"
    evidence = []
    for r in d["evidence"]:
        other = r["object"]
        shown = labels.get(other, other) if isinstance(other, str) else other
        prop = _local(r["property"])
        shown_html = page(other, _v(shown))
        what = f"{escape(prop)} → {shown_html}" if r["direction"] == "out" else f"{shown_html} {escape(prop)} this mission"
        evidence.append(
            f'<li><div class="fact">{what}</div><blockquote>{_highlight(r["sentence"], r["evidence"])}</blockquote>'
            f'<div class="src">{_v(r["article"])} [{_v(r["begin"])}:{_v(r["end"])}]'
            f'{", " + _v(r.get("published")) if r.get("published") else ""}</div></li>'
        )
    articles = "".join(
        f"<li>{_v(a.get('published'))} <strong>{page(a.get('article'), _v(a.get('title') or a['file']))}</strong> <code>{_v(a['file'])}</code>"
        + (f" {link(a['url'], 'source')}" if safe_href(a.get("url")) else "") + "</li>"
        for a in d["articles"]
    )
    title = core["label"][0] if core.get("label") else d["key"]
    body = f"""<h1>{_v(title)}</h1>
<p class="iri"><code>{escape(d['iri'])}</code> · <a href="/queries/fact-provenance?subject={quote(d['iri'])}&amp;format=csv">evidence as CSV</a></p>
<div class="mission-grid">
<section><h2>Facts</h2><dl class="facts">{dl}</dl>
<h2>Observers</h2><table class="results"><thead><tr><th>Category</th><th>Count</th><th>As of</th><th>Stated in</th></tr></thead>
<tbody>{counts}</tbody></table>
<h2>Members</h2><table class="results members"><thead><tr><th>Member</th><th>Kind</th><th>Identifiers</th></tr></thead>
<tbody>{members}</tbody></table>
<h2>Articles</h2><ul class="articles">{articles}</ul></section>
<section><h2>Neighbourhood</h2><figure class="graph">{neighbourhood_svg(d)}
<figcaption>The mission, what it is linked to and their countries; click a node for its page.</figcaption></figure></section>
</div>
<h2>Evidence</h2>
<ol class="evidence">{''.join(evidence) or '<li>no statements with evidence</li>'}</ol>"""
    return _layout(str(title), body)


def _merge_members(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    merged: dict[str, dict[str, Any]] = {}
    for r in rows:
        cur = merged.setdefault(r["member"], {})
        for k, v in r.items():
            if v is not None:
                cur.setdefault(k, v)
    return sorted(merged.values(), key=lambda m: (m["kind"], str(m.get("label") or m["member"])))


def neighbourhood_svg(d: dict[str, Any]) -> str:
    """The mission page's picture: the mission, its neighbours and a second ring of places."""
    labels, types = d["labels"], d["types"]
    base = d["iri"][: -len("mission/" + d["key"])]

    def node(iri: str) -> Node:
        kind = _KINDS.get(types.get(iri, ""), "other")
        if kind == "other":
            seg = iri.split("/")[-2] if iri.count("/") > 3 else ""
            kind = {"country": "country", "organization": "organization", "election": "election",
                    "person": "person", "commission": "commission", "article": "article"}.get(seg, "other")
            if "/count/" in iri:
                kind = "count"
        label = labels.get(iri) or _local(iri)
        return Node(iri, label, kind, href=local_path(iri, base))

    def shown(iri: str) -> bool:  # observer counts and evidence are records, drawn as facts elsewhere
        return "/count/" not in iri and "/evidence/" not in iri and types.get(iri) not in _INTERNAL

    edges = [Edge(d["iri"], _local(r["p"]), node(r["n"]), incoming=r["dir"] == "in")
             for r in d["neighbours"] if shown(r["n"])]
    for r in d["second"]:
        if shown(r["n"]) and shown(r["o"]):
            edges.append(Edge(r["n"], _local(r["p"]), node(r["o"])))
    centre = Node(d["iri"], str(d["core"]["label"][0] if d["core"].get("label") else d["key"]), "mission")
    return radial_svg(centre, edges)



# --- exploring pages ----------------------------------------------------------------------------
def _a(path: str | None, text: str) -> str:
    """A link to a page of this server (``text`` is already escaped), or just the text."""
    href = safe_href(path, local=True) if path else None
    return f'<a href="{escape(href)}">{text}</a>' if href else text


def _mission_rows(rows: list[dict[str, Any]], *, country: bool = True, caption: str = "") -> str:
    """A table of missions (listing rows with ``path``), each cell a link where there is a page."""
    if not rows:
        return "<p>No missions.</p>"
    head = "<th scope=col>Organizer</th>" + ("<th scope=col>Host country</th>" if country else "")
    head += "<th scope=col>Election</th><th scope=col>Date</th><th scope=col>Head</th><th scope=col class=num>Observers</th>"
    trs = []
    for r in rows:
        org = _a(r["path"], escape(r["organizer"] or r["key"]))
        cells = f"<td>{org}</td>"
        if country:
            cells += f'<td>{_a("/country/" + quote(r["country"]), escape(r.get("country_name") or r["country"]))}</td>'
        etype = escape(r.get("type") or "election")
        cells += (f"<td>{etype}</td><td class=date>{_v(r.get('election_date') or r.get('year'))}</td>"
                  f"<td>{_v(r.get('head'))}</td><td class=num>{_v(r.get('total'))}</td>")
        trs.append(f"<tr>{cells}</tr>")
    cap = f"<caption>{escape(caption)}</caption>" if caption else ""
    return (f'<div class="table-wrap"><table class="results missions">{cap}<thead><tr>{head}</tr></thead>'
            f"<tbody>{''.join(trs)}</tbody></table></div>")


def home_page(d: dict[str, Any]) -> str:
    """The overview: counts, the latest missions, a world map of missions per host country and a
    timeline of missions and observers per election year."""
    c = d["counts"]
    counts = "".join(
        f'<div class="count"><span class="n">{c[k]:,}</span> <span class="what">{escape(name)}</span></div>'
        for k, name in (("missions", "missions"), ("articles", "articles"), ("elections", "elections"),
                        ("countries", "host countries"), ("organizers", "organizers"), ("observers", "observers stated"))
    )
    countries = "".join(
        f'<tr><td>{_a("/country/" + quote(r["alpha2"]), escape(r["name"]))}</td>'
        f'<td class=num>{_a("/missions?" + urlencode({"country": r["alpha2"]}), str(r["missions"]))}</td></tr>'
        for r in d["countries"]
    )
    years = d["years"]
    timeline = (
        bar_chart_svg("Missions per election year", [(str(y["year"]), y["missions"]) for y in years],
                      href="/missions?year={label}")
        + bar_chart_svg("Observers per election year (latest stated total of each mission)",
                        [(str(y["year"]), y["observers"]) for y in years], colour="#D55E00")
    ) if years else "<p>No dated missions.</p>"
    map_data = [{"numeric": r["numeric"], "alpha2": r["alpha2"], "name": r["name"], "missions": r["missions"]}
                for r in d["countries"] if r["numeric"]]
    body = f"""<h1>Election observation missions</h1>
<section class="counts" aria-label="Counts">{counts}</section>
<div class="home-grid">
<section aria-labelledby="map-h"><h2 id="map-h">Missions per host country</h2>
<figure class="map"><div id="world-map"></div>
<figcaption>Darker countries hosted more missions; click one for its page. Natural Earth 1:110m.</figcaption></figure>
</section>
<section aria-labelledby="hosts-h"><h2 id="hosts-h">Host countries</h2>
<div class="table-wrap short"><table class="results"><thead><tr><th scope=col>Country</th><th scope=col class=num>Missions</th></tr></thead>
<tbody>{countries}</tbody></table></div></section>
</div>
<section aria-labelledby="timeline-h"><h2 id="timeline-h">Timeline</h2><figure class="timeline">{timeline}</figure></section>
<section aria-labelledby="latest-h"><h2 id="latest-h">Latest missions</h2>
{_mission_rows(d["latest"])}
<p><a href="/missions">All {c["missions"]:,} missions, with filters and search</a></p></section>
<script id="map-data" type="application/json">{_script_json(map_data)}</script>"""
    scripts = ('\n<script src="/static/vendor/d3-array.min.js"></script><script src="/static/vendor/d3-geo.min.js"></script>'
               '<script src="/static/vendor/topojson-client.min.js"></script><script src="/static/map.js"></script>')
    return _layout("Overview", body, scripts=scripts)


def missions_page(d: dict[str, Any]) -> str:
    """The mission list: filters (host country, organizer, year, election type), text search and
    pages (``d`` is :func:`kgbuild.server.explore.filter_missions`)."""
    f = d["filters"]

    def select(name: str, label: str) -> str:
        opts = [f'<option value="">any ({sum(o["n"] for o in d["facets"][name]):,})</option>']
        for o in d["facets"][name]:
            sel = " selected" if f[name] is not None and str(f[name]) == str(o["value"]) else ""
            opts.append(f'<option value="{escape(str(o["value"]))}"{sel}>{escape(str(o["label"]))} ({o["n"]:,})</option>')
        return f'<label>{label} <select name="{name}">{"".join(opts)}</select></label>'

    form = f"""<form class="filters" method="get" action="/missions" role="search">
<label>Search <input type="search" name="q" value="{_v(f["q"])}" placeholder="organizer, country, head, ..."></label>
{select("country", "Host country")} {select("organizer", "Organizer")} {select("year", "Year")} {select("type", "Election type")}
<button type="submit">Filter</button> <a href="/missions">clear</a></form>"""
    active = {k: str(v) for k, v in f.items() if v is not None}
    page, pages, total, size = d["page"], d["pages"], d["total"], d["size"]

    def href(n: int) -> str:
        return "/missions?" + urlencode({**active, "page": str(n)})

    nav = []
    if page > 1:
        nav.append(f'<a rel="prev" href="{escape(href(page - 1))}">previous</a>')
    nav.append(f"page {page} of {pages}")
    if page < pages:
        nav.append(f'<a rel="next" href="{escape(href(page + 1))}">next</a>')
    first = (page - 1) * size + 1
    shown = f"Missions {first:,}–{first + len(d['rows']) - 1:,} of {total:,}" if d["rows"] else f"No missions of {d['all']:,} match"
    download = "/queries/missions?" + urlencode({k: active[k] for k in ("country", "year") if k in active})
    body = f"""<h1>Observation missions</h1>
{form}
<p class="shown" aria-live="polite">{shown}{f" (of {d['all']:,} in all)" if total != d["all"] and d["rows"] else ""}.
<span class="pager">{" · ".join(nav)}</span> · Download (country and year filters):
<a href="{escape(download)}&amp;format=csv">CSV</a> · <a href="{escape(download)}&amp;format=json">JSON</a></p>
{_mission_rows(d["rows"])}"""
    return _layout("Missions", body)


def _ids(ids: dict[str, Any]) -> str:
    out = []
    if ids.get("wikidata"):
        out.append(link(ids["wikidata"], f"Wikidata {escape(_local(ids['wikidata']))}", cls="ext wikidata"))
    if ids.get("geonames"):
        out.append(link(ids["geonames"], f"GeoNames {escape(_local(ids['geonames']))}", cls="ext geonames"))
    for k in ("alpha3", "numericCode"):
        if ids.get(k):
            out.append(f'<span class="code">{escape(k)} {escape(str(ids[k]))}</span>')
    return " ".join(out) or "—"


def country_page(d: dict[str, Any]) -> str:
    """A country: identifiers, missions it hosted, missions it took part in, its elections."""
    elections = "".join(f"<li>{_a(e['path'], escape(str(e['label'])))}</li>" for e in d["elections"]) or "<li>none</li>"
    body = f"""<h1>{escape(str(d["label"]))} <span class="code">{escape(d["code"])}</span></h1>
<p class="iri"><code>{escape(d["iri"])}</code> · {_ids(d["ids"])} ·
<a href="/missions?{urlencode({"country": d["code"]})}">filter the missions</a></p>
<h2>Missions it hosted ({len(d["hosted"])})</h2>
{_mission_rows(d["hosted"], country=False)}
<h2>Missions it took part in ({len(d["member_of"])})</h2>
{_mission_rows(d["member_of"])}
<h2>Elections ({len(d["elections"])})</h2><ul>{elections}</ul>"""
    return _layout(str(d["label"]), body)


def organization_page(d: dict[str, Any]) -> str:
    """An organization: names, identifiers, missions it organized and those it was a member of."""
    acr = f" ({', '.join(escape(a) for a in d['acronyms'])})" if d["acronyms"] else ""
    body = f"""<h1>{escape(str(d["label"]))}{acr}</h1>
<p class="iri"><code>{escape(d["iri"])}</code> · {_ids(d["ids"])}</p>
<h2>Missions it organized ({len(d["organized"])})</h2>
{_mission_rows(d["organized"])}
<h2>Missions it took part in ({len(d["member_of"])})</h2>
{_mission_rows(d["member_of"])}"""
    return _layout(str(d["label"]), body)


def election_page(d: dict[str, Any]) -> str:
    """An election: country, type, the dates articles state, the missions that observed it."""
    country = _a(d["country_path"], escape(str(d["country_label"] or d["country"] or "—")))
    facts = [("Country", country), ("Type", escape(d["type"] or "—")),
             ("Voting day", ", ".join(escape(x) for x in d["dates"]) or "unknown"), ("Early", "yes" if d["early"] else "no")]
    if d.get("rounds"):
        facts.insert(3, ("Later rounds", ", ".join(escape(x) for x in d["rounds"])))
    dl = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in facts)
    body = f"""<h1>{escape(str(d["label"]))}</h1>
<p class="iri"><code>{escape(d["iri"])}</code></p>
<dl class="facts">{dl}</dl>
<h2>Missions observing it ({len(d["missions"])})</h2>
{_mission_rows(d["missions"], country=False)}"""
    return _layout(str(d["label"]), body)


def _marked(text: str, marks: list[tuple[int, int]]) -> str:
    out, at = [], 0
    for b, e in marks:
        out.append(escape(text[at:b]) + f"<mark>{escape(text[b:e])}</mark>")
        at = e
    return "".join(out) + escape(text[at:])


def article_page(d: dict[str, Any]) -> str:
    """An article: its metadata, the missions it mentions and its sentences that state facts, with
    every extracted fact's words marked and the facts listed under each sentence."""
    sents = []
    for s in d["sentences"]:
        facts = "".join(
            f"<li>{_a(f['subject_path'], escape(str(f['subject'])))} <em>{escape(f['property'])}</em> "
            f"{_a(f['object_path'], escape(str(f['object'])))} <span class=src>“{escape(f['anchor'])}” "
            f"[{f['begin']}:{f['end']}]</span></li>"
            for f in s["facts"]
        )
        sents.append(f'<li><p class="sentence">{_marked(s["text"], s["marks"])}</p><ul class="facts-of">{facts}</ul></li>')
    src = f" · {link(d['url'], 'source')}" if safe_href(d.get("url")) else ""
    body = f"""<h1>{escape(str(d["title"] or d["file"]))}</h1>
<p class="iri"><code>{escape(d["file"])}</code>{f" · published {escape(d['published'])}" if d["published"] else ""}{src} ·
<code>{escape(d["iri"])}</code></p>
<h2>Missions it mentions ({len(d["missions"])})</h2>
{_mission_rows(d["missions"])}
<h2>Its text: {d["facts"]} facts in {len(d["sentences"])} sentences</h2>
<p class="note">The graph keeps each sentence that states a fact; the marked words are the facts' evidence.</p>
<ol class="article-text">{"".join(sents) or "<li>No facts were extracted from this article.</li>"}</ol>"""
    return _layout(str(d["title"] or d["file"]), body)
