"""Tests of kgbuild.link.wikidata, offline: httpx.MockTransport serves recorded SPARQL JSON results."""

from __future__ import annotations

import json
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest

from kgbuild.catalog import all_countries, country_ids, read_snapshot
from kgbuild.errors import QueryError
from kgbuild.link.wikidata import (
    DEFAULT_ENDPOINT,
    check_organizations,
    fetch_countries,
    refresh,
    refresh_snapshot,
    sparql_select,
)

DATA = Path(__file__).parent / "data" / "wikidata"


def _recorded(name: str) -> dict:
    return json.loads((DATA / name).read_text(encoding="utf-8"))


def _client(seen: list[str] | None = None, *, countries: dict | None = None) -> httpx.Client:
    """A client whose transport answers the country query and the organization query from files."""

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.method == "POST" and str(request.url) == DEFAULT_ENDPOINT
        assert request.headers["Accept"] == "application/sparql-results+json"
        assert request.headers["User-Agent"].startswith("kgbuild/")
        query = parse_qs(request.content.decode())["query"][0]
        if seen is not None:
            seen.append(query)
        if "wdt:P297" in query:
            return httpx.Response(200, json=countries or _recorded("countries.srj"))
        if "VALUES ?item" in query:
            return httpx.Response(200, json=_recorded("organizations.srj"))
        return httpx.Response(400, text="unexpected query")

    return httpx.Client(transport=httpx.MockTransport(handler))


def test_link_wikidata_refresh_snapshot_filters_and_chooses():
    """Dissolved, historic and user-assigned items are dropped; the snapshot's item wins a duplicate code."""
    with _client() as client:
        fetched = fetch_countries(client=client)
    table = {c.alpha2: c for c in fetched.countries}
    assert len(table) == 249
    assert table["BY"].wikidata == "Q184"  # not the dissolved Byelorussian SSR (Q2895)
    assert table["AQ"].wikidata == "Q21590062"
    assert fetched.duplicates == {"AQ": ["Q21590062", "Q51"]}
    assert "BY Q2895 (dissolved)" in fetched.dropped
    assert "DD Q16957 (not a current ISO 3166-1 code)" in fetched.dropped
    assert "XK Q1246 (not a current ISO 3166-1 code)" in fetched.dropped
    assert "XK" not in table and "DD" not in table
    assert table["RU"].geonames == "2017370"  # GeoNames' own id, not the made-up second P1566
    assert table["NL"].wikidata == "Q55" and table["NL"].wikidata_label == "Netherlands"  # the P297 holder
    assert fetched.changed == []
    assert len(fetched.missing) == 249 - 5 and "FR" in fetched.missing
    assert table["FR"] == country_ids("FR")  # missing codes keep their snapshot row
    assert fetched.countries == sorted(fetched.countries, key=lambda c: c.alpha2)


def test_link_wikidata_refresh_snapshot_reports_changes_and_mismatches():
    """A code whose only current item differs from the snapshot is reported as changed; bad P298 as mismatch."""
    doc = _recorded("countries.srj")
    doc["results"]["bindings"] = [b for b in doc["results"]["bindings"] if b["alpha2"]["value"] != "NL"]
    doc["results"]["bindings"].append(
        {
            "item": {"type": "uri", "value": "http://www.wikidata.org/entity/Q29999"},
            "alpha2": {"type": "literal", "value": "NL"},
            "alpha3": {"type": "literal", "value": "NLX"},
            "itemLabel": {"type": "literal", "value": "Kingdom of the Netherlands"},
        }
    )
    with _client(countries=doc) as client:
        fetched = fetch_countries(client=client)
        plain = refresh_snapshot(client=client)
    assert ("NL", "Q55", "Q29999") in fetched.changed
    assert any(m.startswith("NL Q29999: P298 ['NLX']") for m in fetched.mismatches)
    nl = {c.alpha2: c for c in plain}["NL"]
    assert (nl.wikidata, nl.alpha3, nl.geonames) == ("Q29999", "NLD", "2750405")  # ISO and GeoNames win


@pytest.mark.parametrize(
    ("response", "message"),
    [
        (httpx.Response(503, text="busy"), "HTTP 503"),
        (httpx.Response(200, text="<html>not json</html>"), "did not answer with SPARQL JSON"),
        (httpx.Response(200, json={"head": {}}), "did not answer with SPARQL JSON"),
        (httpx.Response(200, json={"results": {"bindings": ["x"]}}), "not an object"),
    ],
)
def test_link_wikidata_sparql_select_raises_query_error(response, message):
    """Failures of the endpoint become QueryError with the status or the reason."""
    client = httpx.Client(transport=httpx.MockTransport(lambda request: response))
    with pytest.raises(QueryError, match=message):
        sparql_select(client, "SELECT * WHERE { ?s ?p ?o }")


def test_link_wikidata_network_error_is_query_error():
    """A connection failure becomes QueryError naming the endpoint."""

    def handler(request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("refused", request=request)

    with httpx.Client(transport=httpx.MockTransport(handler)) as client:
        with pytest.raises(QueryError, match="cannot reach https://query.wikidata.org/sparql"):
            fetch_countries(client=client)


def test_link_wikidata_check_organizations():
    """Organization ids come back with label and short name; an unknown id is not found; no id is skipped."""
    seen: list[str] = []
    with _client(seen) as client:
        checks = check_organizations(
            [("CIS", "Q7779"), ("OSCE", "q81299"), ("Ghost", "Q999999999"), ("ODIHR", None), ("Bad", "x")],
            client=client,
        )
    assert [(c.name, c.wikidata, c.found, c.label) for c in checks] == [
        ("CIS", "Q7779", True, "Commonwealth of Independent States"),
        ("OSCE", "Q81299", True, "Organization for Security and Co-operation in Europe"),
        ("Ghost", "Q999999999", False, ""),
    ]
    assert checks[0].short_names == ("CIS",)
    assert "VALUES ?item { wd:Q7779 wd:Q81299 wd:Q999999999 }" in seen[0]
    with _client() as client:
        assert check_organizations([("ODIHR", None)], client=client) == []


def test_link_wikidata_refresh_writes_snapshot_file(tmp_path):
    """refresh() writes a complete snapshot to the given path and reports what it did."""
    out = tmp_path / "countries.csv"
    with _client() as client:
        report = refresh(output=out, client=client, organizations=[("CIS", "Q7779")])
    assert report.output == out and report.countries == 249
    written = read_snapshot(out.read_text(encoding="utf-8"))
    assert [c.alpha2 for c in written] == [c.alpha2 for c in all_countries()]
    assert report.organizations[0].label == "Commonwealth of Independent States"
    summary = report.summary()
    assert f"wrote 249 countries to {out}" in summary
    assert "several items for AQ: chose Q21590062 over Q51" in summary
    assert "organization CIS: Q7779 'Commonwealth of Independent States'" in summary


def test_link_wikidata_refresh_failure_leaves_file_untouched(tmp_path):
    """When Wikidata fails, refresh raises and the existing snapshot file is unchanged."""
    out = tmp_path / "countries.csv"
    out.write_text("old", encoding="utf-8")
    client = httpx.Client(transport=httpx.MockTransport(lambda request: httpx.Response(500, text="down")))
    with pytest.raises(QueryError):
        refresh(output=out, client=client, organizations=[])
    assert out.read_text(encoding="utf-8") == "old"


def test_link_wikidata_refresh_checks_catalogue_organizations_by_default(tmp_path):
    """Without an explicit list, refresh() checks every catalogue organization that has an id."""
    from kgbuild.link.organizations import organization_links

    seen: list[str] = []
    with _client(seen) as client:
        report = refresh(output=tmp_path / "c.csv", client=client)
    expected = {q for _, q in organization_links(verified_only=False) if q}
    values = next(q for q in seen if "VALUES ?item" in q)
    assert expected and all(f"wd:{q}" in values for q in expected)
    assert {c.wikidata for c in report.organizations} == expected
    assert {c.wikidata for c in report.organizations if c.found} == {"Q7779", "Q81299"} & expected
