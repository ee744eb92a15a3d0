"""A real headless Chromium (Debian's ``chromium``) driven by playwright against the live server."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from kgbuild.server import ServerConfig

from .conftest import LiveServer


@pytest.fixture(scope="module")
def live(examples_store: Path) -> Iterator[LiveServer]:
    s = LiveServer(ServerConfig(store=str(examples_store), workers=2))
    yield s
    s.close()


@pytest.fixture
def artifacts(tmp_path: Path) -> Path:
    """Where screenshots go: $KGBUILD_ARTIFACTS when set, else the test's tmp_path."""
    out = Path(os.environ.get("KGBUILD_ARTIFACTS") or tmp_path)
    out.mkdir(parents=True, exist_ok=True)
    return out


@pytest.fixture
def page(browser: Any) -> Iterator[Any]:
    """A fresh page that records script errors and every request leaving loopback."""
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    pg = context.new_page()
    pg.errors = []
    pg.outside = []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    pg.on("request", lambda r: None if r.url.startswith(("http://127.0.0.1", "data:", "blob:")) else pg.outside.append(r.url))
    yield pg
    context.close()


def test_query_page_runs_prepared_and_typed_queries(page: Any, live: LiveServer, artifacts: Path) -> None:
    """The query page loads YASGUI's editor offline, runs a prepared query and a typed query, and offers downloads."""
    page.goto(f"{live.url}/editor")
    page.wait_for_selector(".yasqe .CodeMirror", timeout=20_000)
    # a prepared query, with a parameter, one click away
    form = page.locator("form.prepared[data-name=missions]")
    form.locator("input[name=country]").fill("Azerbaijan")
    form.locator("button.run").click()
    rows = page.locator("#results table tbody tr")
    rows.first.wait_for(timeout=20_000)
    countries = page.locator("#results table tbody tr td:nth-child(3)").all_inner_texts()
    assert countries and set(countries) == {"AZ"}
    csv_href = page.locator("#results a.dl-csv").get_attribute("href")
    assert csv_href and "format=csv" in csv_href and "country=Azerbaijan" in csv_href
    resp = page.request.get(f"{live.url}{csv_href}")
    assert resp.ok and resp.text().splitlines()[0].startswith("mission,organizer,country")
    page.screenshot(path=str(artifacts / "query-prepared.png"), full_page=True)

    # a typed query in the editor, run against /query
    page.evaluate("""() => { window.kgbuildYasqe.setValue(
        'PREFIX eo: <https://w3id.org/kgbuild/ontology#>\\nSELECT DISTINCT ?cc WHERE { ?c a eo:Country ; eo:alpha2 ?cc } ORDER BY ?cc'); }""")
    page.locator("#run-editor").click()
    page.wait_for_selector("#results .results-head:has-text('Query results')", timeout=20_000)
    cells = " ".join(page.locator("#results table tbody").all_inner_texts())
    assert "AZ" in cells and "AM" in cells
    page.screenshot(path=str(artifacts / "query-typed.png"), full_page=True)
    assert page.errors == []
    assert page.outside == []  # nothing fetched from a CDN or elsewhere


def test_prepared_query_error_is_shown(page: Any, live: LiveServer) -> None:
    """A bad parameter shows the server's error detail naming the parameter."""
    page.goto(f"{live.url}/editor")
    form = page.locator("form.prepared[data-name=missions]")
    form.locator("input[name=country]").fill("Atlantis")
    form.locator("button.run").click()
    alert = page.locator("#results .error")
    alert.wait_for(timeout=20_000)
    assert "400" in alert.inner_text() and "country" in alert.inner_text()


def test_mission_page_from_the_index(page: Any, live: LiveServer, artifacts: Path) -> None:
    """From /missions a click opens a mission page with facts, members, highlighted evidence and the SVG."""
    page.goto(f"{live.url}/missions")
    link = page.locator("table.results tbody a").first
    name = link.inner_text()
    link.click()
    page.wait_for_selector("h1")
    assert "/mission/" in page.url
    assert name in page.locator("dl.facts").inner_text()
    assert page.locator("figure.graph svg g.node").count() >= 3
    box = page.locator("figure.graph svg").bounding_box()
    assert box and box["width"] > 300 and box["height"] > 200
    page.screenshot(path=str(artifacts / "mission.png"), full_page=True)
    # the mission with the most evidence shows highlighted spans
    page.goto(f"{live.url}/missions")
    keys = [h.split("/mission/")[1] for h in page.locator("table.results tbody a[href^='/mission/']").evaluate_all("els => els.map(e => e.getAttribute('href'))")]
    marks = 0
    for key in keys[:8]:
        page.goto(f"{live.url}/mission/{key}")
        marks = page.locator("ol.evidence mark").count()
        if marks:
            break
    assert marks > 0
    assert page.errors == [] and page.outside == []
