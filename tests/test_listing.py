"""The mission listing: a derived graph that listing queries read, always equal to the per-article aggregation."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pyoxigraph as ox

from kgbuild import listing
from kgbuild.api import KnowledgeGraph
from kgbuild.listing import AGGREGATION, COLUMNS
from kgbuild.vocab import KGL

from .conftest import EXAMPLES, load_gold_into


def _aggregated(kg: KnowledgeGraph) -> Counter:
    """Rows of the aggregation over the article graphs, computed now, as the missions query shapes them."""
    cols = ["mission", *COLUMNS]
    return Counter(tuple(str(r.get(c)) if r.get(c) is not None else None for c in cols)
                   for r in kg.store.select(AGGREGATION))


def _listed(kg: KnowledgeGraph, **params: object) -> Counter:
    rows, _ = kg.query_terms("missions", **params)
    cols = ["mission", *COLUMNS]
    return Counter(tuple(str(r[c]) if r.get(c) is not None else None for c in cols) for r in rows)


def test_listing_equals_the_aggregation_over_article_graphs(gold_kg) -> None:
    """Every mission's listed row is exactly what grouping its article graphs gives."""
    listed = _listed(gold_kg)
    assert listed == _aggregated(gold_kg)
    assert sum(listed.values()) == 22  # the examples' missions, once each


def test_listing_follows_removal_and_rebuild(tmp_path: Path) -> None:
    """After remove (and after re-adding), the listing is the aggregation again; no stale rows."""
    with KnowledgeGraph(tmp_path / "store") as kg:
        load_gold_into(kg)
        before = _listed(kg)
        articles = {r["file"]: r["missions"] for r in kg.query("articles")}
        name = max(articles, key=lambda k: articles[k])
        assert kg.remove(name)
        after = _listed(kg)
        assert after == _aggregated(kg) and sum(after.values()) < sum(before.values())
        load_gold_into(kg)
        assert _listed(kg) == before


def test_listing_filters_match_filtering_all_rows(gold_kg) -> None:
    """The optional country and year parameters keep exactly the rows of that country / year."""
    rows = gold_kg.query("missions")
    for country in {r["country"] for r in rows}:
        assert [r["mission"] for r in gold_kg.query("missions", country=country)] == \
            [r["mission"] for r in rows if r["country"] == country]
    for year in {r["year"] for r in rows if r.get("year") is not None}:
        assert [r["mission"] for r in gold_kg.query("missions", year=year)] == \
            [r["mission"] for r in rows if r.get("year") == year]
    totals = gold_kg.query("observer-totals")
    assert sum(t["missions"] for t in totals) == len(rows)
    assert sum(t["observers"] for t in totals) == sum(r.get("total") or 0 for r in rows)


def test_exports_leave_the_listing_out(gold_kg, tmp_path: Path) -> None:
    """The listing is an index, not data: no export carries an eo:listed* triple or its graph."""
    listing = gold_kg.iris.listing_graph()
    assert any(True for _ in gold_kg.store.quads(listing))
    for fmt, rdf_format in (("turtle", ox.RdfFormat.TURTLE), ("trig", ox.RdfFormat.TRIG)):
        out = tmp_path / f"kg.{fmt}"
        gold_kg.export(out, format=fmt)
        text = out.read_text(encoding="utf-8")
        assert "listed" not in text and listing.value not in text
        assert len(list(ox.parse(path=str(out), format=rdf_format))) > 500


REFERENCE = Path(__file__).parent / "data" / "reference-queries"


def _param_sets(kg: KnowledgeGraph) -> list[tuple[str, dict[str, object]]]:
    """Every listing query with no parameter, and with each country / year found in the graph."""
    rows = kg.query("missions")
    countries = sorted({r["country"] for r in rows})
    years = sorted({r["year"] for r in rows if r.get("year") is not None})
    commission_countries = sorted({r["commission_country"] for r in kg.query("accreditations") if r.get("commission_country")})
    out: list[tuple[str, dict[str, object]]] = [("missions", {}), ("observer-totals", {}), ("articles", {}),
                                                ("accreditations", {})]
    out += [("missions", {"country": c}) for c in countries] + [("missions", {"year": y}) for y in years]
    out += [("missions", {"country": countries[0], "year": y}) for y in years]
    out += [("missions-in-country", {"country": c}) for c in countries]
    out += [("observer-totals", {"year": y}) for y in years]
    out += [("accreditations", {"country": c}) for c in [*commission_countries, "FR"]]
    members = sorted({r["cc"].value for r in kg.store.select(
        "SELECT DISTINCT ?cc WHERE { GRAPH ?g { ?c eo:alpha2 ?cc ; eo:participatesIn ?m } }")})
    out += [("country-participation", {"member": c}) for c in [*members, "FR"]]
    assert len(members) >= 5
    assert len(countries) >= 5 and len(years) >= 4
    return out


def _multiset(rows: object) -> Counter:
    return Counter(tuple(sorted((k, str(v)) for k, v in r.items())) for r in rows)  # type: ignore[attr-defined]


def _check_against_reference(kg: KnowledgeGraph) -> int:
    from kgbuild.query import bind_params

    checked = 0
    for name, params in _param_sets(kg):
        pq = kg.catalog[name]
        subs = bind_params(pq, params, iris=kg.iris)
        reference = (REFERENCE / f"{name}.rq").read_text(encoding="utf-8")
        expected = _multiset(kg.store.select(reference, substitutions=subs))
        rows, _ = kg.query_terms(name, **params)
        assert _multiset(rows) == expected, (name, params)
        # the text as written (no page subquery) gives the same rows as the one kgbuild runs
        assert _multiset(kg.store.select(pq.text, substitutions=subs)) == expected, (name, params)
        checked += sum(expected.values())
    return checked


def test_listing_queries_give_the_rows_of_the_per_article_aggregation(gold_kg) -> None:
    """Each listing query gives exactly the rows of its reference: the same question grouped over
    the article graphs at query time (the catalogue's text before the listing existed)."""
    assert _check_against_reference(gold_kg) > 100


def test_listing_queries_match_the_reference_on_the_extracted_examples(examples_store: Path) -> None:
    """The same on the graph the extractor builds from examples/ (on disk; commissions with countries)."""
    with KnowledgeGraph(examples_store, read_only=True) as kg:
        assert any(r.get("commission_country") for r in kg.query("accreditations"))
        assert _check_against_reference(kg) > 100


def test_every_catalogue_query_pages_as_slices_of_its_result(gold_kg) -> None:
    """limit/offset give exactly the slice of the whole result, for every query and parameter set."""
    sets = _param_sets(gold_kg) + [("mission-members", {"mission": "cis-az-parliamentary-2020-02-09"})]
    for name, params in sets:
        full = gold_kg.query(name, **params)
        n = len(full)
        for limit, offset in ((1, 0), (2, 1), (3, max(n - 2, 0)), (None, 1), (0, 0), (5, n + 3)):
            page = gold_kg.query(name, limit=limit, offset=offset, **params)
            assert page == full[offset: None if limit is None else offset + limit], (name, params, limit, offset)


def test_paging_parameters_are_validated(gold_kg) -> None:
    """A negative, fractional or non-numeric limit/offset is a ParameterError naming it."""
    import pytest

    from kgbuild.errors import ParameterError

    for bad in ({"limit": -1}, {"limit": "ten"}, {"offset": 1.5}, {"limit": True}):
        with pytest.raises(ParameterError) as e:
            gold_kg.query("missions", **bad)
        assert next(iter(bad)) in str(e.value)


def test_listing_orders_follow_the_declared_sort(gold_kg) -> None:
    """Missions by host country and year; accreditations by commission, organizer, newest figure first."""
    from datetime import date

    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    # a later article with a newer accredited figure, so one commission has figures of two dates
    later = Article(id="later.txt", text="The CEC accredited 300 CIS observers.", published=date(2020, 2, 8))
    m = Mission(organizer="Commonwealth of Independent States", country="AZ", election_type="parliamentary",
                election_date=date(2020, 2, 9), observers_total=300,
                accredited_by="Central Election Commission of Azerbaijan")
    gold_kg.store.replace_graph(gold_kg.iris.article_graph(later.id),
                                article_quads(later, [m], iris=gold_kg.iris, extractor_version="t", ingested_at=None))
    gold_kg.relink()
    missions = gold_kg.query("missions")
    assert [(m["country"], m.get("year") or 0) for m in missions] == sorted(
        (m["country"], m.get("year") or 0) for m in missions)
    rows = gold_kg.query("accreditations")
    assert len(rows) > 3 and len({r.get("as_of") for r in rows if r["organizer"].startswith("Commonwealth of I")}) > 1
    for a, b in zip(rows, rows[1:], strict=False):
        assert (a["commission_label"], a["organizer"]) <= (b["commission_label"], b["organizer"])
        if (a["commission_label"], a["organizer"]) == (b["commission_label"], b["organizer"]) and b.get("as_of"):
            assert a.get("as_of") is not None and a["as_of"] >= b["as_of"]
    totals = gold_kg.query("observer-totals")
    assert [(t.get("year") or 0, t["organizer"]) for t in totals] == sorted((t.get("year") or 0, t["organizer"])
                                                                            for t in totals)


def test_refresh_switches_versions_and_removes_old_and_orphans(tmp_path: Path) -> None:
    """Each relink writes a new listing version and points the index at it; the old version and one
    a crash left behind (named in the index, never made current) are removed."""
    with KnowledgeGraph(tmp_path / "store") as kg:
        load_gold_into(kg)
        index = kg.iris.listing_graph()

        def versions() -> list[str]:
            return sorted(g.value for g in kg.store.named_graphs() if g.value.startswith(index.value + "/"))

        def current() -> str:
            (row,) = kg.store.select(f"SELECT ?g WHERE {{ GRAPH {index} {{ {index} kgl:currentListing ?g }} }}")
            return row["g"].value

        first = current()
        assert versions() == [first]
        rows = kg.query("missions")
        # a crash after a new version was named and partly written
        orphan = kg.iris.listing_version(99)
        kg.store.replace_graph(index, [*kg.store.quads(index), ox.Quad(index, ox.NamedNode(
            "https://w3id.org/kgbuild/ontology#listingVersion"), orphan, index)])
        kg.store.write_graph(orphan, [ox.Quad(q.subject, q.predicate, q.object, orphan)
                                      for q in kg.store.quads(ox.NamedNode(first))])
        assert kg.query("missions") == rows  # a whole second listing, but not current: not seen
        assert kg.query("missions", limit=5) == rows[:5]
        kg.relink()
        assert versions() == [current()] and current() not in (first, orphan.value)
        assert kg.query("missions") == rows


def _derived(kg: KnowledgeGraph) -> tuple[set, list, set, set]:
    """The derived graphs as comparable values: the current listing's triples, the order of the
    rows whose keys have gaps (articles, accreditations, participation: their values depend on the
    order rows came in), the links graph and the data default graph."""
    index = kg.iris.listing_graph()
    (current,) = [q.object for q in kg.store.quads_for_pattern(index, KGL.currentListing, None, index)]
    sparse = (KGL.listedRank, KGL.accreditationKey, KGL.participationKey)
    listing = {q.triple for q in kg.store.quads(current) if q.predicate not in sparse}
    orders = [[q.subject.value for q in sorted(kg.store.quads_for_pattern(None, p, None, current),
                                                 key=lambda q: (int(q.object.value) if p == KGL.listedRank else q.object.value))]
              for p in sparse]
    links = {q.triple for q in kg.store.quads(kg.iris.links_graph())}
    default = {q.triple for q in kg.store.quads(ox.DefaultGraph())}
    return listing, orders, links, default


def test_listing_incremental_relink_equals_the_full_one(examples_copy: Path, tmp_path: Path) -> None:
    """Removing, re-adding and changing articles updates only what they touch, and the derived
    graphs (listing, links, data default graph) end exactly as a full relink computes them."""
    import shutil


    names = sorted(p.name for p in EXAMPLES.glob("*.txt"))
    with KnowledgeGraph(examples_copy) as kg:
        assert not listing.changes_pending(kg.store, kg.iris)
        for name in (names[0], names[len(names) // 2], names[-1]):
            assert kg.remove(name)
            incremental = _derived(kg)
            kg.relink()
            assert _derived(kg) == incremental, name
            assert name not in {r["file"] for r in kg.query("articles")}
            report = kg.build([EXAMPLES])  # puts it back: one article changed
            assert report.added and not report.failed
            incremental = _derived(kg)
            kg.relink()
            assert _derived(kg) == incremental, name
        # an article that changes its text: replaced, its old facts gone from every derived graph
        folder = tmp_path / "changed"
        folder.mkdir()
        text = (EXAMPLES / names[1]).read_text(encoding="utf-8")
        shutil.copy(EXAMPLES / names[1], folder / ("copy-" + names[1]))
        kg.build([folder])
        (folder / ("copy-" + names[1])).write_text(text.split("\n\n")[0] + "\n", encoding="utf-8")
        report = kg.build([folder])
        assert report.replaced
        incremental = _derived(kg)
        kg.relink()
        assert _derived(kg) == incremental
        assert not listing.changes_pending(kg.store, kg.iris)


def test_listing_full_relink_after_an_interrupted_build(examples_copy: Path) -> None:
    """A build that stopped between its writes and its relink leaves the mark, and the next change
    relinks everything (what the stopped build wrote is listed too)."""
    with KnowledgeGraph(examples_copy) as kg:
        rows = kg.query("articles")
        name = rows[0]["file"]
        listing.mark_changes_pending(kg.store, kg.iris)
        kg.store.remove_graph(kg._find_article_graph(name))  # a change no relink followed
        missions = kg.query("missions")
        assert kg.remove(rows[1]["file"])
        assert _listed(kg) == _aggregated(kg) and sum(_listed(kg).values()) < len(missions)
        assert not listing.changes_pending(kg.store, kg.iris)
        assert [r["file"] for r in kg.query("articles")] == [r["file"] for r in rows[2:]]


def _article_quads(kg: KnowledgeGraph) -> set[ox.Quad]:
    return {q for g in kg.store.article_graphs() for q in kg.store.quads_for_pattern(None, None, None, g)}


def test_listing_incremental_in_any_order_equals_the_full_one() -> None:
    """Articles written one at a time (each relinked incrementally, elections settled only where
    they change) in a shuffled order, then half of them rewritten, some with other election
    dates, and a third removed: after every step the article graphs are settled as a full build
    of the same articles settles them, and the derived graphs (listing, links, data default
    graph) are what a full relink of the store computes."""
    import json
    import random
    from dataclasses import replace
    from datetime import date

    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    from .test_elections import ARTICLES

    def graph(kg: KnowledgeGraph, article: Article, missions: list[Mission]) -> tuple[ox.NamedNode, list[ox.Quad]]:
        return kg.iris.article_graph(article.id), list(article_quads(article, missions, iris=kg.iris,
                                                                     extractor_version="gold", ingested_at=None))

    def check(kg: KnowledgeGraph, present: dict[ox.NamedNode, list[ox.Quad]], step: str) -> None:
        assert not listing.changes_pending(kg.store, kg.iris), step
        with KnowledgeGraph(None) as full:
            full.store.replace_graphs(present.items())
            full.relink()
            assert _article_quads(kg) == _article_quads(full), step
        with KnowledgeGraph(None) as copy:  # the links graph keeps a country once linked: relink a copy
            copy.store.change([], kg.store.quads())
            copy.relink()
            assert _article_quads(copy) == _article_quads(kg), step
            assert _derived(kg) == _derived(copy), step

    with KnowledgeGraph(None) as kg:
        graphs: list[tuple[ox.NamedNode, list[ox.Quad], str]] = []
        for gold_file in sorted(EXAMPLES.glob("*.gold.json")):
            gold = json.loads(gold_file.read_text(encoding="utf-8"))
            article = Article.from_text(gold["article"], (EXAMPLES / gold["article"]).read_text(encoding="utf-8"))
            graphs.append((*graph(kg, article, [Mission.from_gold(m) for m in gold["missions"]]), article.id))
        # reports whose elections settle on each other: dated and undated, a runoff and its first round
        graphs += [(*graph(kg, article, missions), name) for name, (article, missions) in ARTICLES.items()]
        # one article, two groups: settling its Azerbaijani mention must keep its runoff on the first round
        mixed = Article(id="mixed.txt", text="The observers of the missions arrived.", published=date(2020, 1, 25))
        graphs.append((*graph(kg, mixed, [
            Mission(organizer="Commonwealth of Independent States", country="AZ", election_type="parliamentary"),
            Mission(organizer="OSCE/ODIHR", country="BG", election_type="presidential",
                    election_date=date(2021, 11, 21))]), mixed.id))
        rng = random.Random(17)
        rng.shuffle(graphs)
        present: dict[ox.NamedNode, list[ox.Quad]] = {}
        for g, quads, article_id in graphs:
            kg.write_graphs([(g, quads)])
            present[g] = quads
            check(kg, present, f"written {article_id}")
        kg.write_graphs([(g, q) for g, q, _ in graphs[: len(graphs) // 2]])
        check(kg, present, "half rewritten")
        # re-extraction that moves elections: the dated AZ report loses its day (both AZ reports
        # go back to the year-level election), the undated Bulgarian one gains July's, the
        # presidential first round moves a week (the runoff is its round still)
        article, (mission,) = ARTICLES["az-dated.txt"]
        rewrites = [(article, [replace(mission, election_date=None)])]
        article, (mission,) = ARTICLES["bg-parl-undated.txt"]
        rewrites.append((article, [replace(mission, election_date=date(2021, 7, 11))]))
        article, (mission,) = ARTICLES["bg-pres-first.txt"]
        rewrites.append((article, [replace(mission, election_date=date(2021, 11, 7))]))
        for article, missions in rewrites:
            g, quads = graph(kg, article, missions)
            kg.write_graphs([(g, quads)])
            present[g] = quads
            check(kg, present, f"rewritten {article.id}")
        # a removal moves others back: without the first round, the runoff is an election of its own
        removed = [article_id for _, _, article_id in graphs[::3] if article_id != "bg-pres-first.txt"]
        for article_id in ["bg-pres-first.txt", *removed]:
            g = kg.iris.article_graph(article_id)
            assert kg.remove(article_id)
            del present[g]
            check(kg, present, f"removed {article_id}")
        assert _listed(kg) == _aggregated(kg)


def test_listing_settling_another_graph_stays_incremental() -> None:
    """A dated report that moves an earlier undated one onto its election rewrites that graph too,
    and the relink stays incremental (the listing is edited in place, not written anew) and ends
    with the one settled mission listed once."""
    from kgbuild.triples import article_quads

    from .test_elections import ARTICLES

    def write(kg: KnowledgeGraph, name: str) -> None:
        article, missions = ARTICLES[name]
        kg.write_graphs([(kg.iris.article_graph(article.id), article_quads(
            article, missions, iris=kg.iris, extractor_version="test", ingested_at=None))])

    with KnowledgeGraph(None) as kg:
        index = kg.iris.listing_graph()
        write(kg, "bg-parl-april.txt")  # the first build: a full relink writes the listing
        (current,) = kg.store.quads_for_pattern(index, KGL.currentListing, None, index)
        write(kg, "az-undated.txt")
        assert [r["mission"].rsplit("/", 1)[-1] for r in kg.query("missions-in-country", country="AZ")] == [
            "cis-az-parliamentary-2020"]
        write(kg, "az-dated.txt")  # settles az-undated's graph onto 9 February
        assert list(kg.store.quads_for_pattern(index, KGL.currentListing, None, index)) == [current]
        rows = kg.query("missions-in-country", country="AZ")
        assert [r["mission"].rsplit("/", 1)[-1] for r in rows] == ["cis-az-parliamentary-2020-02-09"]
        assert _listed(kg) == _aggregated(kg)


def test_listing_of_an_earlier_layout_is_computed_again_in_full(tmp_path: Path) -> None:
    """A listing without kgl:listingFormat (an earlier kgbuild's: global ranks, ranks without gaps)
    is replaced by a whole new version at the next change, not edited in place."""
    with KnowledgeGraph(tmp_path / "store") as kg:
        load_gold_into(kg)
        index = kg.iris.listing_graph()
        (fmt,) = kg.store.quads_for_pattern(None, KGL.listingFormat, None, index)
        assert fmt.object.value == listing.LISTING_FORMAT
        kg.store.change([fmt], [])
        name = kg.query("articles")[0]["file"]
        assert kg.remove(name)
        (current,) = kg.store.quads_for_pattern(index, KGL.currentListing, None, index)
        assert current.object != fmt.subject  # a new version
        assert next(kg.store.quads_for_pattern(current.object, KGL.listingFormat, None, index), None) is not None
        assert _listed(kg) == _aggregated(kg)
        # and the next change edits that version in place
        assert kg.remove(kg.query("articles")[0]["file"])
        (edited,) = kg.store.quads_for_pattern(index, KGL.currentListing, None, index)
        assert edited.object == current.object
        assert _listed(kg) == _aggregated(kg)
