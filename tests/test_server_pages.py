"""The exploring pages in process (no browser): the overview's data, the mission filters, the
pages of countries, organizations, elections and articles and their links both ways, and HTML
error pages for browsers while programs keep the JSON error shape."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from xml.etree import ElementTree

import pytest

from kgbuild.api import KnowledgeGraph
from kgbuild.server import ServerConfig
from kgbuild.server.explore import filter_missions, local_path, overview
from kgbuild.server.svg import bar_chart_svg

from .conftest import InProcess, assert_error

HTML = {"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"}


@pytest.fixture(scope="module")
def site(examples_store: Path) -> Iterator[InProcess]:
    s = InProcess(ServerConfig(store=str(examples_store), workers=1))
    yield s
    s.close()


@pytest.fixture(scope="module")
def kg(examples_store: Path) -> Iterator[KnowledgeGraph]:
    with KnowledgeGraph(examples_store, read_only=True) as k:
        yield k


def test_explore_overview_counts_agree_with_the_queries(kg: KnowledgeGraph) -> None:
    """The overview's counts, countries and years add up to the missions query's rows."""
    rows = kg.query("missions")
    d = overview(kg)
    assert d["counts"]["missions"] == len(rows) == sum(c["missions"] for c in d["countries"])
    assert d["counts"]["articles"] == len(kg.query("articles"))
    assert {c["alpha2"] for c in d["countries"]} == {r["country"] for r in rows}
    assert sum(y["missions"] for y in d["years"]) == sum(1 for r in rows if r.get("year") is not None)
    assert d["counts"]["observers"] == sum(r.get("total") or 0 for r in rows) > 0
    years = [y["year"] for y in d["years"]]
    assert years == list(range(years[0], years[-1] + 1))  # a timeline: no year left out
    az = next(c for c in d["countries"] if c["alpha2"] == "AZ")
    assert az["numeric"] == "031"  # the world map's feature id
    dates = [m["election_date"] or "" for m in d["latest"]]
    assert dates == sorted(dates, reverse=True) and len(d["latest"]) == 10


def test_explore_filters_combine_and_facets_count(kg: KnowledgeGraph) -> None:
    """Each filter narrows the rows; facets count the rows the other filters leave; search needs every word."""
    everything = filter_missions(kg, size=1000)
    az = filter_missions(kg, country="Azerbaijan", size=1000)
    assert 0 < az["total"] < everything["total"] and all(r["country"] == "AZ" for r in az["rows"])
    az2020 = filter_missions(kg, country="AZ", year="2020", size=1000)
    assert all(r["year"] == 2020 for r in az2020["rows"]) and az2020["total"] < az["total"]
    # the country facet still offers every country that has 2020 missions
    assert {f["value"] for f in az2020["facets"]["country"]} == {
        r["country"] for r in filter_missions(kg, year=2020, size=1000)["rows"]}
    osce = filter_missions(kg, q="osce 2018", size=1000)
    assert osce["rows"] and all("OSCE" in r["organizer"] and r["year"] == 2018 for r in osce["rows"])
    assert len(osce["rows"]) < len(filter_missions(kg, q="osce", size=1000)["rows"])
    pres = filter_missions(kg, type="presidential", size=1000)
    assert pres["rows"] and {r["type"] for r in pres["rows"]} == {"presidential"}
    org = everything["rows"][0]["organizer"]
    assert {r["organizer"] for r in filter_missions(kg, organizer=org, size=1000)["rows"]} == {org}
    assert filter_missions(kg, q="no-such-word")["total"] == 0


def test_pages_link_both_ways(site: InProcess, kg: KnowledgeGraph) -> None:
    """Each mission links its organizer, host country, election and articles, and each of those links back."""
    for row in kg.query("missions")[:6]:
        key = row["mission"].rsplit("/", 1)[-1]
        html = site.get(f"/mission/{key}").text
        targets = [h for h in _hrefs(html) if h.split("/")[1] in ("organization", "country", "election", "article")]
        kinds = {h.split("/")[1] for h in targets}
        assert {"organization", "country", "election", "article"} <= kinds, (key, kinds)
        for href in targets:
            page = site.get(href)
            assert page.status_code == 200, href
            if href.split("/")[1] != "country" or href == f"/country/{row['country']}":
                assert f'href="/mission/{key}"' in page.text, f"{href} does not link back to {key}"


def test_article_page_marks_every_fact(site: InProcess, kg: KnowledgeGraph) -> None:
    """An article page marks the evidence of each fact extracted from it, in its sentences."""
    art = next(a for a in kg.query("articles") if a["missions"])
    key = art["article"].rsplit("/", 1)[-1]
    html = site.get(f"/article/{key}").text
    evidence = {r["evidence"] for r in kg.query("fact-provenance", subject=kg.query("missions")[0]["mission"])}
    assert evidence
    n_facts = html.count('<ul class="facts-of"><li>') and html.count("<em>")
    assert n_facts >= 3 and html.count("<mark>") >= 1


def test_unknown_pages_are_404_html_for_browsers_json_for_programs(site: InProcess) -> None:
    """A browser gets an HTML 404 page naming what is missing; a program the JSON error shape."""
    for path in ("/mission/nope", "/country/XX", "/organization/nope", "/election/nope", "/article/nope", "/nowhere"):
        page = site.get(path, headers=HTML)
        assert page.status_code == 404 and page.headers["content-type"].startswith("text/html"), path
        assert '<p class="error" role="alert">' in page.text and 'href="/"' in page.text
        assert_error(site.get(path), 404)
        assert_error(site.get(path, headers={"Accept": "application/json"}), 404)
    # the APIs answer JSON even to a browser
    assert_error(site.get("/queries/nope", headers=HTML), 404)
    bad = site.get("/missions", params={"country": "Atlantis"}, headers=HTML)
    assert bad.status_code == 400 and "Atlantis" in bad.text and "<h1>400 Bad Request</h1>" in bad.text


def test_home_and_missions_pages_render(site: InProcess) -> None:
    """/ has the counts, the map's data and scripts (all local), the timeline SVG; /missions its filter form."""
    home = site.get("/").text
    assert 'id="world-map"' in home and 'id="map-data"' in home and "/static/vendor/d3-geo.min.js" in home
    assert home.count('class="bar"') >= 4 and "/missions?year=" in home
    for src in ("/static/vendor/d3-array.min.js", "/static/vendor/d3-geo.min.js", "/static/vendor/topojson-client.min.js",
                "/static/vendor/countries-110m.json", "/static/map.js"):
        assert site.get(src).status_code == 200, src
    assert_error(site.get("/static/vendor/../app.py"), 404)
    page = site.get("/missions", params={"q": "osce", "type": "parliamentary"}).text
    for name in ("q", "country", "organizer", "year", "type"):
        assert f'name="{name}"' in page
    assert '<option value="parliamentary" selected>' in page


def test_local_path_and_bar_chart() -> None:
    """Only data IRIs of page kinds map to local pages; the bar chart is well-formed with one bar per value."""
    base = "https://w3id.org/kgbuild/data/"
    assert local_path(base + "organization/cis", base) == "/organization/cis"
    assert local_path(base + "graph/article/x", base) is None
    assert local_path("https://example.org/country/AZ", base) is None
    svg = bar_chart_svg("Missions <per> year", [("2019", 3), ("2020", 0), ("2021", 7)], href="/missions?year={label}")
    root = ElementTree.fromstring(svg)
    assert root.get("aria-label") == "Missions <per> year" and svg.count('class="bar"') == 3
    assert 'href="/missions?year=2021"' in svg


def _hrefs(html: str) -> list[str]:
    import re

    return sorted(set(re.findall(r'href="(/[a-z]+/[^"?#]+)"', html)))
