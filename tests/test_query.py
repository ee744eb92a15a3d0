"""Prepared queries: catalogue, parameter validation and injection-safe binding."""

from __future__ import annotations

import pyoxigraph as ox
import pytest

from kgbuild.errors import ParameterError, QueryError
from kgbuild.query import Catalog, PreparedQuery, bind_params, check_read_only

HOSTILE = [
    '"',
    "'",
    "} ; DROP ALL ; {",
    '" } . ?s ?p ?o . FILTER("1"="1',
    "AZ\nDROP ALL",
    "Азербайджан ☃ \u202e",
    "<http://evil.example/>",
    "\\u0022",
]


def test_query_catalogue_has_the_issue_queries() -> None:
    """The catalogue holds the queries the backbone issue asks for, each with title and description."""
    cat = Catalog.load()
    for name in ("missions", "missions-in-country", "mission-members", "country-participation",
                 "accreditations", "observer-totals", "fact-provenance"):
        assert name in cat
        assert cat[name].title and cat[name].description


#: A value of each parameter type that the gold graph holds.
SAMPLES = {"country": "AZ", "mission": "cis-az-parliamentary-2020-02-09", "node": "mission/cis-az-parliamentary-2020-02-09",
           "iri": "https://w3id.org/kgbuild/ontology#participatesIn", "year": "2020", "date": "2020-02-09",
           "integer": "1", "string": "x"}


def test_query_every_parameter_binds(gold_kg) -> None:
    """Every prepared query runs with all its parameters bound: pyoxigraph refuses to bind a variable
    the query does not project, so a parameter missing from the SELECT clause fails here."""
    for q in Catalog.load().values():
        gold_kg.query_result(q.name, **{p.name: SAMPLES[p.type] for p in q.params})


def test_query_binding_an_unprojected_parameter_fails(gold_kg) -> None:
    """The check above can fail: a declared parameter that the SELECT clause leaves out is a QueryError."""
    broken = PreparedQuery.parse("broken", "# param: country (country)\nSELECT ?m WHERE { ?m eo:listedCountry ?country }")
    subs = bind_params(broken, {"country": "AZ"}, iris=gold_kg.iris)
    with pytest.raises(QueryError, match="projection"):
        gold_kg.store.query(broken.text, substitutions=subs)


def test_query_header_rejects_unknown_type() -> None:
    """A parameter declared with an unknown type is a QueryError naming the query."""
    with pytest.raises(QueryError, match="broken"):
        PreparedQuery.parse("broken", "# param: x (colour): nope\nSELECT ?x WHERE {}")


def test_query_country_accepts_codes_ids_and_names(gold_kg) -> None:
    """A country parameter accepts alpha-2, alpha-3, a Wikidata id and a name alike."""
    results = [
        {r["mission"] for r in gold_kg.query("missions-in-country", country=v)}
        for v in ("AZ", "aze", "Q227", "Azerbaijan")
    ]
    assert results[0] and all(r == results[0] for r in results)
    assert all("-az-" in m for m in results[0])


def test_query_missing_unknown_and_malformed_parameters(gold_kg) -> None:
    """Missing, unknown and malformed parameters raise ParameterError naming the parameter."""
    with pytest.raises(ParameterError, match="'country'.*required"):
        gold_kg.query("missions-in-country")
    with pytest.raises(ParameterError, match="'colour'.*not a parameter"):
        gold_kg.query("missions", colour="red")
    with pytest.raises(ParameterError, match="'year'.*four-digit year"):
        gold_kg.query("missions", year="20x0")
    with pytest.raises(ParameterError, match="'country'.*not a known country"):
        gold_kg.query("missions-in-country", country="Trend")
    with pytest.raises(QueryError, match="no such prepared query"):
        gold_kg.query("nope")


@pytest.mark.parametrize("value", HOSTILE)
def test_query_hostile_values_stay_literals(gold_kg, value: str) -> None:
    """Hostile text bound to a string-typed or IRI-typed parameter never changes the query or the store."""
    before = gold_kg.store.count_quads()
    # 'node' parameters become IRIs under the base, or are refused; never query text
    try:
        rows = gold_kg.query("fact-provenance", subject=value)
    except ParameterError as e:
        assert e.name == "subject"
    else:
        assert rows == []
    with pytest.raises(ParameterError):
        gold_kg.query("missions-in-country", country=value)
    assert gold_kg.store.count_quads() == before


def test_query_hostile_literal_is_bound_as_term(gold_kg) -> None:
    """A hostile string bound through substitutions is compared as a literal value, not parsed."""
    from kgbuild.query import bind_params

    q = PreparedQuery.parse("t", "# param: label (string): x\nSELECT ?s ?label WHERE { ?s rdfs:label ?l FILTER(STR(?l) = ?label) }")
    for value in HOSTILE:
        subs = bind_params(q, {"label": value}, iris=gold_kg.iris)
        assert subs[ox.Variable("label")] == ox.Literal(value)
        assert list(gold_kg.store.select(q.text, substitutions=subs)) == []
    subs = bind_params(q, {"label": "Belarus"}, iris=gold_kg.iris)
    assert len({r["s"] for r in gold_kg.store.select(q.text, substitutions=subs)}) == 1


def test_query_year_and_country_filter_together(gold_kg) -> None:
    """Optional parameters narrow the result when given and leave it whole when absent."""
    all_rows = gold_kg.query("missions")
    az = gold_kg.query("missions", country="AZ")
    az24 = gold_kg.query("missions", country="AZ", year=2024)
    assert len(all_rows) > len(az) > len(az24) > 0
    assert {r["year"] for r in az24} == {2024}


def test_query_latest_count_wins_across_articles(gold_kg) -> None:
    """Mission-level queries show the figure of the most recently published article."""
    from datetime import date

    from kgbuild.model import Article, Mission
    from kgbuild.triples import article_quads

    key = "cis-az-parliamentary-2020-02-09"
    (before,) = gold_kg.query("missions", country="AZ", year=2020)
    assert before["total"] == 252
    later = Article(id="later.txt", text="The CIS mission now counts 300 observers.", published=date(2020, 2, 8))
    m = Mission(organizer="Commonwealth of Independent States", country="AZ", election_type="parliamentary",
                election_date=date(2020, 2, 9), observers_total=300)
    gold_kg.store.replace_graph(gold_kg.iris.article_graph(later.id),
                                article_quads(later, [m], iris=gold_kg.iris, extractor_version="t", ingested_at=None))
    gold_kg.relink()  # written through the store directly: rebuild the derived graphs
    (after,) = gold_kg.query("missions", country="AZ", year=2020)
    assert after["mission"].endswith(key) and after["total"] == 300 and after["articles"] == 2
    # the per-article facts view still shows what each article says
    facts = {a["article"]: a["missions"] for a in gold_kg.facts()["articles"]}
    assert facts["azerbaijan-2020-cis-interim.txt"][0]["observers"]["total"] == 252
    assert facts["later.txt"][0]["observers"]["total"] == 300


def test_query_members_and_participation(gold_kg) -> None:
    """Members of a mission and the missions a country took part in answer each other."""
    members = gold_kg.query("mission-members", mission="cis-az-parliamentary-2020-02-09")
    countries = {r["alpha2"] for r in members if r["kind"] == "country"}
    assert {"BY", "KZ", "MD", "RU"} <= countries
    part = gold_kg.query("country-participation", member="Moldova")
    assert any(r["host"] == "AZ" for r in part)


@pytest.mark.parametrize(
    "text",
    ["INSERT DATA { <a:b> <a:c> <a:d> }", "DROP ALL", "SELECT * WHERE { SERVICE <http://127.0.0.1:1/> { ?s ?p ?o } }",
     "select * { service <http://x/> {} }"],
)
def test_query_read_only_check_refuses_updates_and_service(text: str) -> None:
    """Updates and SERVICE are refused by the ad-hoc query check."""
    with pytest.raises(QueryError):
        check_read_only(text)


def test_query_read_only_check_ignores_keywords_in_strings_and_names() -> None:
    """Keywords inside literals, IRIs, comments, variables or prefixed names are not refused."""
    check_read_only('SELECT ?drop WHERE { ?s eo:service "INSERT SERVICE" . <http://x/DROP> ?p ?o } # DELETE')


@pytest.mark.parametrize(
    ("query", "param", "column", "values"),
    [
        ("missions", "country", "country", ["AZ", "KZ", "AM", "FR"]),
        ("missions", "year", "year", [2018, 2024, 1999]),
        ("accreditations", "country", "commission_country", ["AZ", "KZ", "AM"]),
    ],
)
def test_query_optional_parameter_equals_filtering_all_rows(gold_kg, query, param, column, values) -> None:
    """An optional parameter returns exactly the unparameterized rows whose column has that value."""

    def rows(result: list[dict]) -> list[str]:
        return sorted(repr(sorted((k, v) for k, v in r.items() if k != param)) for r in result)

    everything = gold_kg.query(query)
    assert everything
    for value in values:
        want = rows([r for r in everything if r.get(column) == value])
        assert rows(gold_kg.query(query, **{param: value})) == want, (query, value)


def test_query_accreditations_country_on_the_extracted_graph(examples_store) -> None:
    """On the extractor's graph (commissions with countries), country= keeps exactly that country's rows."""
    from kgbuild.api import KnowledgeGraph

    with KnowledgeGraph(examples_store, read_only=True) as kg:
        everything = kg.query("accreditations")
        kz = kg.query("accreditations", country="Kazakhstan")
    assert kz and all(r["commission_country"] == "KZ" for r in kz)
    assert len(kz) == sum(1 for r in everything if r.get("commission_country") == "KZ") < len(everything)
