"""The command line: every command documented, output formats, errors as one line and an exit code."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main

from .conftest import load_gold_into


@pytest.fixture
def gold_store(tmp_path: Path) -> str:
    """An on-disk store holding the examples' gold facts."""
    path = tmp_path / "store"
    with KnowledgeGraph(path) as kg:
        load_gold_into(kg)
    return str(path)


def run(*args: str, input: str | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_cli_every_command_has_help() -> None:
    """Every command has help text and a summary line."""
    for name, cmd in main.commands.items():
        assert cmd.help and cmd.help.strip(), name
        code, out, _ = run(name, "--help")
        assert code == 0 and "Usage:" in out


def test_cli_queries_lists_parameters() -> None:
    """`kgbuild queries` lists each prepared query with its typed parameters."""
    code, out, _ = run("queries")
    assert code == 0
    assert "missions-in-country --param country=<country>" in out
    code, out, _ = run("queries", "--json")
    assert {q["name"] for q in json.loads(out)} >= {"missions", "fact-provenance"}


def test_cli_query_formats(gold_store: str) -> None:
    """A prepared query prints as a table, SPARQL JSON results, CSV and TSV with the same rows."""
    args = ["query", "missions-in-country", "--param", "country=Azerbaijan", "--store", gold_store]
    code, table, _ = run(*args)
    assert code == 0 and "Commonwealth of Independent States" in table and "4 rows" in table
    code, out, _ = run(*args, "--format", "json")
    doc = json.loads(out)
    assert len(doc["results"]["bindings"]) == 4 and "organizer" in doc["head"]["vars"]
    code, out, _ = run(*args, "--format", "csv")
    rows = list(csv.DictReader(io.StringIO(out)))
    assert len(rows) == 4 and {r["country"] for r in rows} == {"AZ"}
    code, out, _ = run(*args, "--format", "tsv")
    assert len(out.strip().splitlines()) == 5 and "\t" in out


def test_cli_table_shortens_iris_under_the_given_base_iri(tmp_path: Path) -> None:
    """The table strips the --base-iri the graph was built with, not the default base."""
    path, base = tmp_path / "store", "https://example.org/kg/"
    with KnowledgeGraph(path, base_iri=base) as kg:
        load_gold_into(kg)
    code, out, _ = run("query", "missions", "--store", str(path), "--base-iri", base)
    assert code == 0 and "cis-az-parliamentary-2020-02-09" in out  # in the column "mission", without "mission/"
    assert base not in out


def test_cli_query_pages_with_limit_and_offset(gold_store: str) -> None:
    """--limit/--offset print that slice of the rows; a negative limit is a usage error."""
    code, out, _ = run("query", "missions", "--store", gold_store, "--format", "csv")
    everything = list(csv.DictReader(io.StringIO(out)))
    code, out, _ = run("query", "missions", "--store", gold_store, "--format", "csv", "--limit", "5", "--offset", "3")
    assert code == 0 and list(csv.DictReader(io.StringIO(out))) == everything[3:8]
    code, _, err = run("query", "missions", "--store", gold_store, "--limit", "-1")
    assert code == 2 and "--limit" in err


def test_cli_query_bad_parameter_is_one_line_exit_2(gold_store: str) -> None:
    """A malformed parameter prints one error line naming it and exits 2."""
    code, _, err = run("query", "missions", "--param", "year=nineteen", "--store", gold_store)
    assert code == 2 and err.count("\n") == 1 and "'year'" in err
    code, _, err = run("query", "missions", "--param", "year", "--store", gold_store)
    assert code == 2 and "KEY=VALUE" in err


def test_cli_sparql_refuses_updates_and_service(gold_store: str) -> None:
    """Ad-hoc queries run read-only: updates and SERVICE exit 3 with a clear message."""
    code, out, _ = run("sparql", "ASK { ?m a eo:ObservationMission }", "--store", gold_store)
    assert code == 0 and out.strip() == "true"
    code, _, err = run("sparql", "DELETE WHERE { ?s ?p ?o }", "--store", gold_store)
    assert code == 3 and "read-only" in err
    code, _, err = run("sparql", "SELECT * { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }", "--store", gold_store)
    assert code == 3 and "SERVICE" in err
    code, _, err = run("sparql", "SELECT ?x WHERE {", "--store", gold_store)
    assert code == 3 and "syntax" in err


def test_cli_facts_prints_the_gold_shape(gold_store: str) -> None:
    """`kgbuild facts` prints {"articles": [...]} with gold-shaped missions."""
    code, out, _ = run("facts", "--store", gold_store)
    doc = json.loads(out)
    assert code == 0 and len(doc["articles"]) == 13
    seed = next(a for a in doc["articles"] if a["article"] == "azerbaijan-2020-cis-interim.txt")
    assert set(seed["missions"][0]) == {
        "organizer", "organizer_wikidata", "country", "election", "start_date", "head", "member_countries",
        "member_organizations", "accredited_by", "observers"}


def test_cli_explain_highlights_the_sentence(gold_store: str) -> None:
    """`kgbuild explain` shows a node's facts; without evidence it says so."""
    code, out, _ = run("explain", "country/MD", "memberOf", "--store", gold_store)
    assert code == 0 and "Moldova" in out
    code, _, err = run("explain", "no such thing at all", "--store", gold_store)
    assert code == 2 and "matches no IRI" in err


def test_cli_explain_shows_each_fact_with_its_evidence_span(tmp_path: Path) -> None:
    """A fact with evidence prints its sentence with the evidence span in it, and the article and offsets."""
    from kgbuild.model import Article, Evidence, Mission
    from kgbuild.triples import article_quads

    text = "Observers came from Moldova and Belarus. The vote was calm."
    article = Article(id="a.txt", text=text)
    mission = Mission(organizer="Commonwealth of Independent States", country="AZ", member_countries=["MD", "BY"])
    mission.cite("member_country", "MD", Evidence(text.index("Moldova"), text.index("Moldova") + 7, 0, 40))
    path = tmp_path / "store"
    with KnowledgeGraph(path) as kg:
        kg.store.replace_graph(kg.iris.article_graph(article.id),
                               article_quads(article, [mission], iris=kg.iris, extractor_version="t", ingested_at=None))
        kg.relink()
    code, out, err = run("explain", "country/MD", "memberOf", "--store", str(path))
    assert code == 0, err
    assert "Observers came from Moldova and Belarus." in out and "a.txt [20:27]" in out


def test_cli_export_and_summary(gold_store: str, tmp_path: Path) -> None:
    """Export writes the file it names; summary counts the graph."""
    out = tmp_path / "x.ttl"
    code, _, err = run("export", "--store", gold_store, "-o", str(out))
    assert code == 0 and out.stat().st_size > 0 and "triples" in err
    code, out_text, _ = run("summary", "--store", gold_store)
    assert code == 0 and "13 articles, 22 missions" in out_text


def test_cli_remove_unknown_article(gold_store: str) -> None:
    """Removing an article that is not there is a parameter error."""
    code, _, err = run("remove", "nope.txt", "--store", gold_store)
    assert code == 2 and "not in the store" in err
    code, out, _ = run("remove", "belarus-2006-odihr-opening.txt", "--store", gold_store)
    assert code == 0
    code, out, _ = run("summary", "--store", gold_store)
    assert "12 articles" in out
