"""Server-side HTML: the query page, the missions index and a page per mission.

Everything is rendered from plain data (see :mod:`.jobs`) with every value escaped; the only
script is the bundled YASGUI editor plus a small runner for the prepared queries (static/ui.js).
"""

from __future__ import annotations

import json
from html import escape
from typing import Any
from urllib.parse import quote

from .svg import Edge, Node, radial_svg, safe_href

__all__ = ["link", "mission_page", "missions_page", "neighbourhood_svg", "query_page", "safe_href"]

_KINDS = {
    "ObservationMission": "mission", "Organization": "organization", "IntergovernmentalOrganization": "organization",
    "ParliamentaryAssembly": "organization", "NonGovernmentalOrganization": "organization",
    "Legislature": "organization", "Country": "country", "Election": "election", "Person": "person",
    "ElectionCommission": "commission", "ObserverCount": "count", "Article": "article",
}


def _layout(title: str, body: str, *, head: str = "") -> str:
    return f"""<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{escape(title)} · kgbuild</title>
<link rel="stylesheet" href="/static/kgbuild.css">{head}
</head><body>
<header><a class="brand" href="/">kgbuild</a>
<nav><a href="/">Query</a> <a href="/missions">Missions</a> <a href="/queries">Prepared queries (JSON)</a>
<a href="/.well-known/void">VoID</a></nav></header>
<main>
{body}
</main></body></html>"""


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


def query_page(catalog: list[dict[str, Any]], *, default_query: str, editor: bool) -> str:
    """The SPARQL editor (YASGUI) with the prepared queries one click away."""
    forms = []
    for q in catalog:
        inputs = "".join(
            f'<label>{escape(p["name"])}{"" if p["optional"] else " *"} '
            f'<input name="{escape(p["name"])}" placeholder="{escape(p["type"])}" title="{escape(p["accepts"])}"'
            f'{"" if p["optional"] else " required"}></label>'
            for p in q["params"]
        )
        forms.append(
            f'<form class="prepared" data-name="{escape(q["name"])}">'
            f'<div class="pq-title"><button type="submit" class="run">Run</button> '
            f'<strong>{escape(q["title"])}</strong> <code>{escape(q["name"])}</code> '
            f'<button type="button" class="edit" title="Open the query text in the editor">edit</button></div>'
            f'<div class="pq-desc">{escape(q["description"])}</div>'
            f'{f"<div class=pq-params>{inputs}</div>" if inputs else ""}</form>'
        )
    head = ('\n<link rel="stylesheet" href="/static/yasgui.min.css">\n<script src="/static/yasgui.min.js"></script>'
            if editor else "")
    body = f"""<h1>Query the graph</h1>
<section class="panes">
<div class="editor-pane">
<div id="yasgui"></div>
<noscript>The editor needs JavaScript; use <code>/query?query=…</code> directly.</noscript>
<textarea id="fallback-editor" hidden rows="12">{escape(default_query)}</textarea>
<p class="downloads">Download the editor's query results: <a id="dl-csv" href="#">CSV</a> · <a id="dl-json" href="#">JSON</a></p>
</div>
<aside class="prepared-pane"><h2>Prepared queries</h2>{''.join(forms)}</aside>
</section>
<section id="prepared-results" aria-live="polite"></section>
<script id="kg-data" type="application/json">{_script_json({"defaultQuery": default_query, "catalog": catalog})}</script>
<script src="/static/ui.js"></script>"""
    return _layout("Query", body, head=head)


def _script_json(data: Any) -> str:
    """JSON safe inside a <script> element (no "</script>", no HTML entities needed)."""
    return json.dumps(data).replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")


def missions_page(data: dict[str, Any], base: str) -> str:
    """One page of the mission list (the ``missions`` prepared query), each linking to its page.

    ``data`` is :func:`kgbuild.server.jobs.missions_page_data`: ``rows``, ``total``, ``page``,
    ``size`` and ``country`` (or None).
    """
    rows, total, page, size, country = data["rows"], data["total"], data["page"], data["size"], data["country"]
    trs = []
    for r in rows:
        key = r["mission"][len(base + "mission/"):] if r["mission"].startswith(base + "mission/") else None
        name = escape(r.get("organizer") or _local(r["mission"]))
        link = f'<a href="/mission/{quote(key)}">{name}</a>' if key else name
        trs.append(
            f"<tr><td>{link}</td><td>{_v(r.get('country'))}</td><td>{_v(r.get('type'))}</td>"
            f"<td>{_v(r.get('election_date') or r.get('year'))}</td><td>{_v(r.get('start_date'))}</td>"
            f"<td>{_v(r.get('head'))}</td><td class=num>{_v(r.get('total'))}</td><td class=num>{_v(r.get('articles'))}</td></tr>"
        )
    query = f"country={quote(country)}&" if country else ""
    first = (page - 1) * size + 1
    nav = []
    if page > 1:
        nav.append(f'<a rel="prev" href="/missions?{query}page={page - 1}">previous {size}</a>')
    if page * size < total:
        nav.append(f'<a rel="next" href="/missions?{query}page={page + 1}">next {size}</a>')
    shown = f"{first:,}–{first + len(rows) - 1:,} of {total:,}" if rows else f"none of {total:,}"
    where = f" in {escape(country)}" if country else ""
    download = f"/queries/missions?{query}format="
    body = f"""<h1>Observation missions{where}</h1>
<p>Missions {shown}. {' · '.join(nav)}{' · ' if nav else ''}Download all: <a href="{download}csv">CSV</a> · <a href="{download}json">JSON</a></p>
<table class="results"><thead><tr><th>Organizer</th><th>Country</th><th>Election</th><th>Date</th><th>Start</th>
<th>Head</th><th>Observers</th><th>Articles</th></tr></thead><tbody>
{''.join(trs)}
</tbody></table>"""
    return _layout("Missions", body)


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

    def many(field: str) -> str:
        return ", ".join(escape(str(v)) for v in core.get(field, []))

    org = many("org_label") or ", ".join(escape(_local(o)) for o in core.get("org", []))
    if core.get("org_acronym"):
        org += f" ({many('org_acronym')})"
    for wd in core.get("org_wikidata", []):
        org += " " + _links({"wikidata": wd})
    facts = [
        ("Organizer", org),
        ("Country", f"{many('country_label')} ({many('cc')})" if core.get("cc") else many("country_label")),
        ("Election", " ".join(x for x in (many("etype"), many("edate"), "(early)" if True in core.get("early", []) else "") if x)
         or many("election_label")),
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
        f"<tr><td>{_v(m.get('label') or _local(m['member']))}</td><td>{_v(m['kind'])}</td><td>{_links(m)}</td></tr>"
        for m in _merge_members(d["members"])
    ) or "<tr><td colspan=3>no members stated</td></tr>"
    evidence = []
    for r in d["evidence"]:
        other = r["object"]
        shown = labels.get(other, other) if isinstance(other, str) else other
        prop = _local(r["property"])
        what = f"{escape(prop)} → {_v(shown)}" if r["direction"] == "out" else f"{_v(shown)} {escape(prop)} this mission"
        evidence.append(
            f'<li><div class="fact">{what}</div><blockquote>{_highlight(r["sentence"], r["evidence"])}</blockquote>'
            f'<div class="src">{_v(r["article"])} [{_v(r["begin"])}:{_v(r["end"])}]'
            f'{", " + _v(r.get("published")) if r.get("published") else ""}</div></li>'
        )
    articles = "".join(
        f"<li>{_v(a.get('published'))} <strong>{_v(a.get('title') or a['file'])}</strong> <code>{_v(a['file'])}</code>"
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
<section><h2>Neighbourhood</h2><figure class="graph">{neighbourhood_svg(d)}</figure></section>
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
    def node(iri: str) -> Node:
        kind = _KINDS.get(types.get(iri, ""), "other")
        if kind == "other":
            seg = iri.split("/")[-2] if iri.count("/") > 3 else ""
            kind = {"country": "country", "organization": "organization", "election": "election",
                    "person": "person", "commission": "commission", "article": "article"}.get(seg, "other")
            if "/count/" in iri:
                kind = "count"
        label = labels.get(iri) or _local(iri)
        return Node(iri, label, kind)

    edges = [Edge(d["iri"], _local(r["p"]), node(r["n"]), incoming=r["dir"] == "in") for r in d["neighbours"]]
    for r in d["second"]:
        edges.append(Edge(r["n"], _local(r["p"]), node(r["o"])))
    centre = Node(d["iri"], str(d["core"]["label"][0] if d["core"].get("label") else d["key"]), "mission")
    return radial_svg(centre, edges)

