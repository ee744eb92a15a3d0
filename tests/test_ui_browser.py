"""The exploring pages in a real headless Chromium (Debian's ``chromium``, driven by playwright):
each page loads with no script error and nothing fetched from outside the server, its filters,
search, links, map and timeline work, axe-core finds no serious or critical violation, and a
screenshot of each goes to ``$KGBUILD_ARTIFACTS`` (default ``out/screenshots/``).

axe-core is vendored (tests/data/vendor/axe.min.js, pinned, reproduced by ui/vendor.sh) rather
than fetched by ``./dev test``: the suite then runs offline and always checks with the same rules.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from .conftest import require_tool
from .test_server_browser import LiveServer, ServerConfig

AXE = Path(__file__).parent / "data" / "vendor" / "axe.min.js"
ROOT = Path(__file__).resolve().parents[1]
#: axe-core impact levels that fail a page
SERIOUS = ("serious", "critical")


@pytest.fixture(scope="module")
def ui_live(examples_store: Path) -> Iterator[LiveServer]:
    s = LiveServer(ServerConfig(store=str(examples_store), workers=2))
    yield s
    s.close()


@pytest.fixture(scope="module")
def shots() -> Path:
    """Where screenshots go: $KGBUILD_ARTIFACTS when set, else out/screenshots/ (git-ignored)."""
    out = Path(os.environ.get("KGBUILD_ARTIFACTS") or ROOT / "out" / "screenshots")
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def tab(browser: Any) -> Iterator[Any]:
    """A fresh page recording script errors, console errors and every request leaving loopback.

    The context bypasses the pages' Content-Security-Policy only so that axe-core can be injected."""
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    pg = context.new_page()
    pg.errors, pg.outside = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("console", lambda m: pg.errors.append(m.text) if m.type == "error" else None)
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else pg.outside.append(r.url))
    yield pg
    context.close()


def axe(page: Any) -> dict[str, int]:
    """Run axe-core on the page; returns violations per impact and fails on serious or critical ones."""
    page.add_script_tag(path=str(AXE))
    result = page.evaluate("() => axe.run(document, {resultTypes: ['violations']})")
    counts: dict[str, int] = {}
    bad = []
    for v in result["violations"]:
        counts[v["impact"]] = counts.get(v["impact"], 0) + len(v["nodes"])
        if v["impact"] in SERIOUS:
            bad.append(f"{v['id']} ({v['impact']}): {v['help']}: {[n['target'] for n in v['nodes'][:3]]}")
    assert not bad, bad
    return counts


def visit(page: Any, url: str, shots: Path, name: str) -> dict[str, int]:
    """Screenshot, accessibility check, and no errors or outside requests."""
    page.screenshot(path=str(shots / f"{name}.png"), full_page=True)
    counts = axe(page)
    (shots / f"{name}.axe.txt").write_text(f"{url}: {counts or 'no violations'}\n")
    assert page.errors == [], page.errors
    assert page.outside == [], page.outside
    return counts


def test_ui_home_has_counts_map_timeline_and_latest(tab: Any, ui_live: LiveServer, shots: Path) -> None:
    """/ shows the counts, a world map with the host countries filled and linked, a timeline whose
    bars link to that year's missions, and the latest missions."""
    tab.goto(f"{ui_live.url}/")
    tab.wait_for_selector("#world-map svg path.country", timeout=20_000)
    drawn = int(tab.locator("#world-map").get_attribute("data-drawn"))
    hosted = tab.locator("#world-map a path.hosted")
    assert drawn > 150 and hosted.count() >= 5
    assert tab.locator("#world-map a").first.get_attribute("href").startswith("/country/")
    assert tab.locator(".count .n").count() == 6
    bars = tab.locator("figure.timeline svg g.bar")
    assert bars.count() >= 4
    assert tab.locator("figure.timeline svg a").first.get_attribute("href").startswith("/missions?year=")
    assert tab.locator("table.missions tbody tr").count() == 10
    visit(tab, "/", shots, "home")
    # a click on a country of the map opens its page
    tab.locator("#world-map a").first.click()
    tab.wait_for_url("**/country/*")
    assert tab.locator("h1").inner_text()


def test_ui_missions_filters_search_and_links(tab: Any, ui_live: LiveServer, shots: Path) -> None:
    """/missions filters by host country, organizer, year and type, searches text, and keeps the
    filters in the URL; each row links to the mission and its host country."""
    tab.goto(f"{ui_live.url}/missions")
    every = tab.locator("table.missions tbody tr").count()
    assert every >= 20
    tab.select_option("select[name=country]", "AZ")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**country=AZ**")
    countries = tab.locator("table.missions tbody tr td:nth-child(2)").all_inner_texts()
    assert countries and set(countries) == {"Azerbaijan"} and len(countries) < every
    tab.select_option("select[name=year]", "2024")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**year=2024**")
    dates = tab.locator("table.missions tbody td.date").all_inner_texts()
    assert dates and all(d.startswith("2024") for d in dates)
    visit(tab, "/missions?country=AZ&year=2024", shots, "missions-filtered")
    tab.goto(f"{ui_live.url}/missions")
    tab.fill("input[name=q]", "osce")
    tab.press("input[name=q]", "Enter")
    tab.wait_for_url("**q=osce**")
    orgs = tab.locator("table.missions tbody tr td:nth-child(1)").all_inner_texts()
    assert orgs and all("OSCE" in o for o in orgs)
    tab.select_option("select[name=type]", "parliamentary")
    tab.click("form.filters button[type=submit]")
    tab.wait_for_url("**type=parliamentary**")
    assert all(t == "parliamentary" for t in tab.locator("table.missions tbody tr td:nth-child(3)").all_inner_texts())
    tab.locator("table.missions tbody tr td:nth-child(1) a").first.click()
    tab.wait_for_url("**/mission/*")
    visit(tab, tab.url, shots, "mission")


def test_ui_pages_link_both_ways(tab: Any, ui_live: LiveServer, shots: Path) -> None:
    """Mission, country, organization, election and article pages link to each other, both ways."""
    tab.goto(f"{ui_live.url}/mission/cis-az-parliamentary-2020-02-09")
    facts = tab.locator("dl.facts")
    org_href = facts.locator("a[href^='/organization/']").first.get_attribute("href")
    country_href = facts.locator("a[href^='/country/']").first.get_attribute("href")
    election_href = facts.locator("a[href^='/election/']").first.get_attribute("href")
    article_href = tab.locator("ul.articles a[href^='/article/']").first.get_attribute("href")
    assert tab.locator("table.members a[href^='/country/']").count() >= 3
    # the neighbourhood: no observer-count or evidence nodes, every node of a page a link
    svg = tab.locator("figure.graph svg")
    assert svg.locator("g.node").count() >= 5 and svg.locator("g.node.count").count() == 0
    assert "/count/" not in svg.inner_html()
    assert svg.locator("g.node a[href^='/country/']").count() >= 3
    back = "/mission/cis-az-parliamentary-2020-02-09"
    for href, name in ((org_href, "organization"), (country_href, "country"), (election_href, "election"),
                       (article_href, "article")):
        tab.goto(f"{ui_live.url}{href}")
        assert tab.locator(f"main a[href='{back}']").count() >= 1, f"{href} does not link back to the mission"
        visit(tab, href, shots, name)
    # the article shows its sentences with every extracted fact marked, and links the facts' nodes
    tab.goto(f"{ui_live.url}{article_href}")
    assert tab.locator("ol.article-text mark").count() >= 5
    assert tab.locator("ol.article-text a[href^='/organization/']").count() >= 1


def test_ui_query_page_layout_values_and_links(tab: Any, ui_live: LiveServer, shots: Path) -> None:
    """/editor: a prepared query's results appear in view beside its form, values are plain, IRIs
    of the graph link to local pages, and "edit" loads text the editor runs without a syntax error."""
    tab.goto(f"{ui_live.url}/editor")
    tab.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    tab.locator("form.prepared[data-name=missions] button.run").click()
    first = tab.locator("#results table tbody tr").first
    first.wait_for(timeout=20_000)
    assert first.is_visible() and tab.evaluate(
        "() => { const r = document.querySelector('#results').getBoundingClientRect(); return r.top < innerHeight; }")
    # the results never cover the prepared queries: the two boxes do not overlap
    overlap = tab.evaluate("""() => {
        const a = document.querySelector('.editor-pane').getBoundingClientRect();
        const b = document.querySelector('.prepared-pane').getBoundingClientRect();
        return a.right > b.left && b.right > a.left && a.bottom > b.top && b.bottom > a.top; }""")
    assert not overlap
    text = tab.locator("#results table").inner_text()
    assert "^^" not in text and "2020-02-09" in text
    href = tab.locator("#results table a[href^='/mission/']").first.get_attribute("href")
    assert href and href.startswith("/mission/")
    visit(tab, "/editor", shots, "editor-prepared")
    # edit: the text gets its PREFIX lines, and runs as it is
    tab.locator("form.prepared[data-name=missions] button.edit").click()
    value = tab.evaluate("() => window.kgbuildYasqe.getValue()")
    assert value.startswith("PREFIX ") and "PREFIX kgl: <" in value  # the server predeclares them; the editor needs them
    assert tab.locator(".yasqe .parseErrorIcon").count() == 0 and tab.locator("#lateral-note").is_visible()
    tab.locator("#run-editor").click()
    tab.wait_for_selector("#results .results-head:has-text('Query results')", timeout=20_000)
    assert tab.locator("#results table tbody tr").count() >= 20


def test_ui_errors_are_html_pages_for_browsers(tab: Any, ui_live: LiveServer, shots: Path) -> None:
    """A page that does not exist answers a browser with an HTML error page (404) linking home."""
    resp = tab.goto(f"{ui_live.url}/mission/nope")
    assert resp.status == 404 and "text/html" in resp.headers["content-type"]
    assert "nope" in tab.locator("p.error").inner_text()
    assert tab.locator("main a[href='/']").count() == 1
    # Chromium logs the page's own 404 as a console error: that one is expected
    assert tab.errors == ["Failed to load resource: the server responded with a status of 404 (Not Found)"]
    tab.errors.clear()
    visit(tab, "/mission/nope", shots, "error-404")


def test_ui_bench_runs_on_a_small_store(tmp_path: Path) -> None:
    """bench/ui.py builds a generated store, serves it and reports each page's first paint (no time asserted)."""
    import json
    import subprocess
    import sys

    require_tool("chromium")
    out = tmp_path / "ui.json"
    # its own process: playwright's sync API cannot start twice in one thread (this module's browser runs)
    proc = subprocess.run([sys.executable, "-m", "bench.ui", "--articles", "30", "--runs", "1", "--store",
                           str(tmp_path / "store"), "--json", str(out)], cwd=ROOT, capture_output=True, text=True,
                          timeout=600)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert "/missions" in proc.stdout and "x 404" in proc.stdout
    pages = json.loads(out.read_text())["pages"]
    assert pages["/"]["status"] == 200 and pages["/nope (404, baseline)"]["status"] == 404
    assert all(p["median"]["fcp"] > 0 for p in pages.values()) and pages["/"]["median"]["map_ms"] > 0
