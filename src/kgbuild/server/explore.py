"""Data for the exploring pages (home, the filtered mission list, countries, organizations,
elections, articles), computed in a query worker (see :mod:`.jobs`) as plain data.

The overview and the mission filters read the derived mission listing (:mod:`kgbuild.listing`),
one row per mission, which a worker reads once from its snapshot and keeps
(:func:`mission_table`); the pages of single nodes read their few triples by pattern. Everything
here is a plain function of a :class:`~kgbuild.api.KnowledgeGraph`, so a notebook can call it:

>>> from kgbuild import KnowledgeGraph
>>> kg = KnowledgeGraph(None)
>>> overview(kg)["counts"]["missions"]
0
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from dataclasses import asdict, dataclass
from typing import Any

import pyoxigraph as ox

from ..api import KnowledgeGraph
from ..catalog import country_label, resolve_country
from ..errors import ParameterError
from ..query import term_to_python
from ..vocab import EO, KGL, RDFS

__all__ = [
    "MissionRow",
    "PAGE_SIZE",
    "article_data",
    "country_data",
    "election_data",
    "filter_missions",
    "local_path",
    "mission_table",
    "organization_data",
    "overview",
]

#: missions per page of /missions
PAGE_SIZE = 50
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
SCHEMA = "https://schema.org/"
#: path segments of the data IRIs that have a page on the server
PAGE_KINDS = ("mission", "country", "organization", "election", "article")


def local_path(iri: str, base: str) -> str | None:
    """The server's page for a data IRI (``{base}country/AZ`` -> ``/country/AZ``), else None.

    >>> local_path("https://w3id.org/kgbuild/data/country/AZ", "https://w3id.org/kgbuild/data/")
    '/country/AZ'
    >>> local_path("https://w3id.org/kgbuild/data/mission/x/count/total/a.txt", "https://w3id.org/kgbuild/data/") is None
    True
    >>> local_path("https://w3id.org/kgbuild/data/election/az/parliamentary/2020", "https://w3id.org/kgbuild/data/")
    '/election/az/parliamentary/2020'
    """
    if not iri.startswith(base):
        return None
    rest = iri[len(base):]
    kind, _, key = rest.partition("/")
    # an election's key is {cc}/{type}/{day}, every other kind's one segment
    if kind not in PAGE_KINDS or not key or key.count("/") != (2 if kind == "election" else 0) or "#" in key:
        return None
    return f"/{kind}/{key}"


@dataclass(frozen=True)
class MissionRow:
    """One mission of the listing, with what the filters and the tables need."""

    iri: str
    key: str
    country: str
    organizer: str
    type: str | None
    year: int | None
    election_date: str | None
    start_date: str | None
    head: str | None
    total: int | None
    articles: int

    @property
    def path(self) -> str:
        return f"/mission/{self.key}"

    def sort_date(self) -> str:
        return self.election_date or self.start_date or (f"{self.year}" if self.year else "")


_CACHE: dict[tuple[int, str], Any] = {}


def _cached(kg: KnowledgeGraph, name: str, make: Any) -> Any:
    """``make()``, kept per store object when the store is a read-only snapshot (a server worker's)."""
    if not kg.store.read_only:
        return make()
    key = (id(kg.store), name)
    if key not in _CACHE:
        if any(k[0] != id(kg.store) for k in _CACHE):
            _CACHE.clear()
        _CACHE[key] = make()
    return _CACHE[key]


def mission_table(kg: KnowledgeGraph) -> list[MissionRow]:
    """Every mission of the current listing, in the listing's order (host country, year, rank):
    the rows of the ``missions`` prepared query (0.5 s for 8,272 missions, see BENCHMARKS.md).

    A worker reads a snapshot, so the table is read once per store object and kept.
    """
    def make() -> list[MissionRow]:
        prefix = kg.iris.base + "mission/"
        return [
            MissionRow(
                iri=r["mission"], key=r["mission"][len(prefix):], country=str(r["country"]),
                organizer=str(r.get("organizer", "")), type=r.get("type"), year=_int(r.get("year")),
                election_date=_str(r.get("election_date")), start_date=_str(r.get("start_date")), head=r.get("head"),
                total=_int(r.get("total")), articles=_int(r.get("articles")) or 0,
            )
            for r in kg.query("missions") if str(r["mission"]).startswith(prefix)
        ]

    table: list[MissionRow] = _cached(kg, "table", make)
    return table


def _search_text(kg: KnowledgeGraph) -> list[str]:
    """Per row of :func:`mission_table`, the lower-case text a search looks in."""
    def make() -> list[str]:
        names: dict[str, str] = {}
        out = []
        for r in mission_table(kg):
            name = names.get(r.country) or names.setdefault(r.country, country_label(r.country))
            out.append(" ".join(str(x) for x in (r.organizer, r.country, name, r.type, r.head, r.key, r.election_date)
                                if x).lower())
        return out

    texts: list[str] = _cached(kg, "search", make)
    return texts


def _int(v: Any) -> int | None:
    try:
        return None if v is None else int(v)
    except (TypeError, ValueError):
        return None


def _str(v: Any) -> str | None:
    return None if v is None else str(v)


def _current_listing(kg: KnowledgeGraph) -> ox.NamedNode | None:
    index = kg.iris.listing_graph()
    q = next(kg.store.quads_for_pattern(index, KGL.currentListing, None, index), None)
    return q.object if q is not None and isinstance(q.object, ox.NamedNode) else None


def _article_count(kg: KnowledgeGraph) -> int:
    listing = _current_listing(kg)
    if listing is None:
        return 0
    rows = kg.store.select("SELECT ?l (COUNT(*) AS ?n) WHERE { GRAPH ?l { ?a kgl:listedRank ?r } } GROUP BY ?l",
                           substitutions={ox.Variable("l"): listing}, union=False)
    return sum(int(r["n"].value) for r in rows)


def _numeric(alpha2: str) -> str | None:
    import pycountry

    c = pycountry.countries.get(alpha_2=alpha2)
    return None if c is None else str(c.numeric)


def overview(kg: KnowledgeGraph, *, latest: int = 10) -> dict[str, Any]:
    """The home page: counts, the latest missions, missions per host country and per year.

    ``countries`` rows carry the ISO numeric code (the world map's feature id); ``years`` rows
    the missions and the observers (the latest stated total of each mission) of each election year.
    """
    data: dict[str, Any] = _cached(kg, f"overview-{latest}", lambda: _overview(kg, latest))
    return data


def _overview(kg: KnowledgeGraph, latest: int) -> dict[str, Any]:
    table = mission_table(kg)
    by_country = Counter(r.country for r in table)
    years: dict[int, list[int]] = defaultdict(lambda: [0, 0])
    for r in table:
        if r.year is not None:
            years[r.year][0] += 1
            years[r.year][1] += r.total or 0
    elections = {(r.country, r.type, r.year) for r in table}
    return {
        "counts": {
            "articles": _article_count(kg), "missions": len(table), "elections": len(elections),
            "countries": len(by_country), "organizers": len({r.organizer for r in table}),
            "observers": sum(r.total or 0 for r in table),
        },
        "latest": [asdict(r) | {"path": r.path, "country_name": country_label(r.country)}
                   for r in sorted(table, key=MissionRow.sort_date, reverse=True)[:latest]],
        "countries": [{"alpha2": cc, "name": country_label(cc), "numeric": _numeric(cc), "missions": n}
                      for cc, n in sorted(by_country.items(), key=lambda kv: (-kv[1], kv[0]))],
        # every year from the first to the last, so the bars are a timeline
        "years": [{"year": y, "missions": years[y][0] if y in years else 0, "observers": years[y][1] if y in years else 0}
                  for y in (range(min(years), max(years) + 1) if years else [])],
    }


def filter_missions(kg: KnowledgeGraph, *, country: str | None = None, organizer: str | None = None,
                    year: str | int | None = None, type: str | None = None, q: str | None = None,
                    page: int = 1, size: int = PAGE_SIZE) -> dict[str, Any]:
    """One page of the missions that pass every filter given, and the choices of each filter.

    :param country: a host country (any code or name :func:`kgbuild.catalog.resolve_country` reads)
    :param organizer: an organizer's label, as the facets list them
    :param year: an election year; ``type``: an election type (``parliamentary``, ...)
    :param q: words that must all occur in the organizer, country, type, head or key (any case)
    :raises ParameterError: a country nobody knows, a year that is not one, a page below 1
    """
    if page < 1:
        raise ParameterError("page", str(page), "must be 1 or more")
    cc = None
    if country:
        cc = resolve_country(country)
        if cc is None:
            raise ParameterError("country", country, "is not a country code or name")
    y = None
    if year not in (None, ""):
        y = _int(year)
        if y is None:
            raise ParameterError("year", str(year), "is not a year (e.g. 2020)")
    words = [w for w in (q or "").lower().split() if w]
    table = mission_table(kg)
    found = {i for i, text in enumerate(_search_text(kg)) if all(w in text for w in words)} if words else None
    index = {id(r): i for i, r in enumerate(table)} if words else {}

    def keep(r: MissionRow, skip: str = "") -> bool:
        if cc and skip != "country" and r.country != cc:
            return False
        if organizer and skip != "organizer" and r.organizer != organizer:
            return False
        if y is not None and skip != "year" and r.year != y:
            return False
        if type and skip != "type" and r.type != type:
            return False
        return found is None or index[id(r)] in found

    rows = [r for r in table if keep(r)]
    facets = {
        "country": Counter(r.country for r in table if keep(r, "country")),
        "organizer": Counter(r.organizer for r in table if keep(r, "organizer")),
        "year": Counter(str(r.year) for r in table if r.year is not None and keep(r, "year")),
        "type": Counter(r.type for r in table if r.type and keep(r, "type")),
    }
    start = (page - 1) * size
    return {
        "rows": [asdict(r) | {"path": r.path, "country_name": country_label(r.country),
                              "organizer_path": _organizer_path(kg, r.iri)} for r in rows[start:start + size]],
        "total": len(rows), "all": len(table), "page": page, "size": size,
        "pages": max(1, math.ceil(len(rows) / size)),
        "filters": {"country": cc, "organizer": organizer, "year": None if y is None else str(y), "type": type,
                    "q": q or None},
        "facets": {
            "country": [{"value": k, "label": f"{country_label(k)} ({k})", "n": n}
                        for k, n in sorted(facets["country"].items(), key=lambda kv: country_label(kv[0]))],
            "organizer": [{"value": k, "label": k, "n": n} for k, n in sorted(facets["organizer"].items())],
            "year": [{"value": k, "label": k, "n": n} for k, n in sorted(facets["year"].items(), reverse=True)],
            "type": [{"value": k, "label": k, "n": n} for k, n in sorted(facets["type"].items())],
        },
    }


def _first(kg: KnowledgeGraph, s: str, p: ox.NamedNode, graph: ox.NamedNode | None = None) -> Any:
    q = next(kg.store.quads_for_pattern(ox.NamedNode(s), p, None, graph), None)
    return None if q is None else term_to_python(q.object)


def _organizer_path(kg: KnowledgeGraph, mission: str) -> str | None:
    org = _first(kg, mission, EO.organizer)
    return local_path(org, kg.iris.base) if isinstance(org, str) else None


def _subjects(kg: KnowledgeGraph, p: ox.NamedNode, o: str) -> list[str]:
    return sorted({q.subject.value for q in kg.store.quads_for_pattern(None, p, ox.NamedNode(o), None)
                   if isinstance(q.subject, ox.NamedNode)})


def _objects(kg: KnowledgeGraph, s: str, p: ox.NamedNode) -> list[Any]:
    return sorted({term_to_python(q.object) for q in kg.store.quads_for_pattern(ox.NamedNode(s), p, None, None)},
                  key=str)


def _exists(kg: KnowledgeGraph, iri: str, cls: ox.NamedNode) -> bool:
    return next(kg.store.quads_for_pattern(ox.NamedNode(iri), RDF_TYPE, cls, None), None) is not None


def _node(kg: KnowledgeGraph, kind: str, key: str) -> str:
    iri = f"{kg.iris.base}{kind}/{key}"
    try:
        ox.NamedNode(iri)
    except ValueError:
        raise ParameterError(kind, key, f"is not a valid {kind} key") from None
    return iri


def _missions_of(kg: KnowledgeGraph, iris: list[str]) -> list[dict[str, Any]]:
    """Listing rows of these missions (in the listing's order), with their pages."""
    wanted = set(iris)
    return [asdict(r) | {"path": r.path, "country_name": country_label(r.country)}
            for r in mission_table(kg) if r.iri in wanted]


def _identifiers(kg: KnowledgeGraph, iri: str) -> dict[str, Any]:
    links = kg.iris.links_graph()
    out: dict[str, Any] = {}
    for q in kg.store.quads_for_pattern(ox.NamedNode(iri), None, None, links):
        v = term_to_python(q.object)
        if q.predicate.value == "http://www.w3.org/2002/07/owl#sameAs" and str(v).startswith("http://www.wikidata.org/"):
            out["wikidata"] = v
        elif q.predicate.value in ("http://www.w3.org/2002/07/owl#sameAs", "http://www.w3.org/2004/02/skos/core#exactMatch") \
                and "geonames" in str(v):
            out["geonames"] = v
        elif q.predicate.value in (EO.alpha3.value, EO.numericCode.value):
            out[q.predicate.value.rsplit("#", 1)[-1]] = v
    return out


def country_data(kg: KnowledgeGraph, code: str) -> dict[str, Any]:
    """A country: its identifiers, the missions it hosted and those it took part in.

    :raises ParameterError: the code is no country of the graph.
    """
    iri = _node(kg, "country", code)
    if not _exists(kg, iri, EO.Country):
        raise ParameterError("country", code, "is not a country in the graph")
    hosted = [r for r in mission_table(kg) if r.country == code]
    member_of = sorted({q.object.value for q in kg.store.quads_for_pattern(ox.NamedNode(iri), EO.participatesIn, None, None)
                        if isinstance(q.object, ox.NamedNode)}
                       | set(_subjects(kg, EO.participant, iri)))
    elections = sorted(set(_subjects(kg, EO.electionCountry, iri)))
    return {
        "iri": iri, "code": code, "label": _first(kg, iri, RDFS.label) or country_label(code),
        "ids": _identifiers(kg, iri),
        "hosted": [asdict(r) | {"path": r.path} for r in hosted],
        "member_of": _missions_of(kg, [m for m in member_of if m.startswith(kg.iris.base + "mission/")]),
        "elections": [{"iri": e, "path": local_path(e, kg.iris.base), "label": _first(kg, e, RDFS.label) or e}
                      for e in elections],
    }


def organization_data(kg: KnowledgeGraph, key: str) -> dict[str, Any]:
    """An organization: its names and identifiers, the missions it organized or was a member of.

    :raises ParameterError: no organization has this key.
    """
    iri = _node(kg, "organization", key)
    organized = _subjects(kg, EO.organizer, iri)
    member = sorted({q.object.value for q in kg.store.quads_for_pattern(ox.NamedNode(iri), EO.participatesIn, None, None)
                     if isinstance(q.object, ox.NamedNode)} | set(_subjects(kg, EO.participant, iri)))
    label = _first(kg, iri, RDFS.label)
    if label is None and not organized and not member:
        raise ParameterError("organization", key, "is not an organization in the graph")
    ids = _identifiers(kg, iri)
    wd = _first(kg, iri, EO.wikidataId)
    if wd and "wikidata" not in ids:
        ids["wikidata"] = f"http://www.wikidata.org/entity/{wd}"
    return {
        "iri": iri, "key": key, "label": label or key, "acronyms": _objects(kg, iri, EO.acronym), "ids": ids,
        "organized": _missions_of(kg, organized),
        "member_of": _missions_of(kg, [m for m in member if m.startswith(kg.iris.base + "mission/")]),
    }


def election_data(kg: KnowledgeGraph, key: str) -> dict[str, Any]:
    """An election: country, type, dates as the articles state them, and the missions observing it.

    :raises ParameterError: no election has this key.
    """
    iri = _node(kg, "election", key)
    if not _exists(kg, iri, EO.Election):
        raise ParameterError("election", key, "is not an election in the graph")
    country = _first(kg, iri, EO.electionCountry)
    etype = _first(kg, iri, EO.electionType)
    return {
        "iri": iri, "key": key, "label": _first(kg, iri, RDFS.label) or key,
        "country": country, "country_path": local_path(country, kg.iris.base) if isinstance(country, str) else None,
        "country_label": _first(kg, country, RDFS.label) if isinstance(country, str) else None,
        "type": str(etype).rsplit("#", 1)[-1].lower() if etype else None,
        "dates": [str(d) for d in _objects(kg, iri, EO.electionDate)],
        "rounds": [str(d) for d in _objects(kg, iri, EO.roundDate)],
        "early": True in _objects(kg, iri, EO.early),
        "missions": _missions_of(kg, _subjects(kg, EO.observes, iri)),
    }


_ARTICLE_EVIDENCE = """
SELECT ?g ?s ?p ?o ?begin ?end ?anchor ?sentence WHERE {
  GRAPH ?g { ?ev a eo:Evidence ; rdf:subject ?s ; rdf:predicate ?p ; rdf:object ?o ;
             nif:beginIndex ?begin ; nif:endIndex ?end ; nif:anchorOf ?anchor ; eo:sentence ?sentence }
} ORDER BY ?begin ?end"""


def article_data(kg: KnowledgeGraph, key: str) -> dict[str, Any]:
    """An article: its metadata, the missions it mentions, and its sentences that state facts,
    each with every extracted fact's span marked (offsets within the sentence).

    The store keeps the sentences that state facts, not the whole text; they come in text order.

    :raises ParameterError: no article has this key (its slug, as in its IRI).
    """
    iri = _node(kg, "article", key)
    if not _exists(kg, iri, EO.Article):
        raise ParameterError("article", key, "is not an article in the graph")
    graph = ox.NamedNode(kg.iris.base + "graph/article/" + key)
    meta = {name: _first(kg, iri, ox.NamedNode(SCHEMA + name)) for name in ("headline", "datePublished", "url")}
    rows = kg.store.select(_ARTICLE_EVIDENCE, substitutions={ox.Variable("g"): graph})
    sentences: dict[str, dict[str, Any]] = {}
    labels: dict[str, str | None] = {}

    def label(v: Any) -> Any:
        if isinstance(v, str) and v.startswith(kg.iris.base):
            if v not in labels:
                labels[v] = _first(kg, v, RDFS.label)
            return labels[v] or v.rsplit("/", 1)[-1]
        return v

    for r in rows:
        row = {k: term_to_python(v) for k, v in r.items() if k != "g"}
        sent, anchor = str(row["sentence"]), str(row["anchor"])
        s = sentences.setdefault(sent, {"text": sent, "begin": row["begin"], "facts": []})
        s["begin"] = min(s["begin"], row["begin"])
        fact = {"subject": label(row["s"]), "property": str(row["p"]).rsplit("#", 1)[-1], "object": label(row["o"]),
                "anchor": anchor, "begin": row["begin"], "end": row["end"],
                "subject_path": local_path(str(row["s"]), kg.iris.base),
                "object_path": local_path(str(row["o"]), kg.iris.base) if isinstance(row["o"], str) else None}
        s["facts"].append(fact)
    out = []
    for s in sorted(sentences.values(), key=lambda s: s["begin"]):
        # the offsets are the article's: find each span in its sentence
        marks: list[tuple[int, int]] = []
        for f in s["facts"]:
            i = s["text"].find(f["anchor"]) if f["anchor"] else -1
            if i >= 0:
                marks.append((i, i + len(f["anchor"])))
        s["marks"] = _merge(marks)
        out.append(s)
    return {
        "iri": iri, "key": key, "file": _first(kg, iri, EO.fileName) or key,
        "title": meta["headline"], "published": _str(meta["datePublished"]), "url": meta["url"],
        "missions": _missions_of(kg, [q.object.value for q in kg.store.quads_for_pattern(ox.NamedNode(iri), EO.mentions, None, None)
                                      if isinstance(q.object, ox.NamedNode)]),
        "sentences": out,
        "facts": sum(len(s["facts"]) for s in out),
    }


def _merge(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Overlapping or touching spans joined, in order.

    >>> _merge([(5, 9), (0, 3), (2, 4), (9, 12)])
    [(0, 4), (5, 12)]
    """
    out: list[tuple[int, int]] = []
    for b, e in sorted(spans):
        if out and b <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((b, e))
    return out
