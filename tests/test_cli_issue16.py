"""Issue 16, the command line: uniform --format and --columns, tables readable at 80 columns,
explain on real evidence, messages naming only real options, and builds that say what they skipped
or could not read."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from kgbuild.cli import main

DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")


def run(*args: str, env: dict[str, str] | None = None) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False, env=env)
    return result.exit_code, result.stdout, result.stderr


def test_cli_tables_fit_80_columns_with_dates_whole(examples_store: Path) -> None:
    """At 80 columns no line is wider than 80, every date is printed whole, text cells are not cut
    into slivers, and the columns left out are named with the way to choose them."""
    code, out, _ = run("query", "missions", "--store", str(examples_store), env={"COLUMNS": "80"})
    assert code == 0
    lines = out.splitlines()
    assert max(len(line) for line in lines) <= 80
    table_rows = [line for line in lines if line.startswith("│")]
    assert sum(len(DATE.findall(line)) for line in table_rows) >= 20  # each row's election date, whole
    # a text cell is at least 14 characters wide (the issue saw one every three letters)
    widths = [len(c) for c in lines[3].strip("┃").split("┃")]
    assert min(widths) >= 9 and "more columns not shown at 80 characters" in out and "--columns" in out
    wide = run("query", "missions", "--store", str(examples_store), env={"COLUMNS": "200"})[1]
    assert "more columns not shown" not in wide and max(len(line) for line in wide.splitlines()) <= 200


def test_cli_columns_choose_and_order_for_every_format(examples_store: Path) -> None:
    """--columns picks and orders columns in table, CSV, TSV and JSON; an unknown one is exit 2 naming it."""
    store = ("--store", str(examples_store))
    code, out, _ = run("query", "missions", *store, "--columns", "country,organizer,head", "--format", "csv")
    assert code == 0 and out.splitlines()[0] == "country,organizer,head"
    tsv = run("query", "missions", *store, "--columns", "head,country", "--format", "tsv")[1]
    assert tsv.splitlines()[0] == "head\tcountry"
    data = json.loads(run("sparql", "SELECT ?m ?c WHERE { ?m eo:observes/eo:electionCountry ?c } LIMIT 3", *store,
                          "--columns", "c", "--format", "json")[1])
    assert data["head"]["vars"] == ["c"] and all(set(b) <= {"c"} for b in data["results"]["bindings"])
    table = run("query", "missions", *store, "--columns", "organizer,election_date", env={"COLUMNS": "80"})[1]
    assert "┃ organizer" in table and "mission " not in table.splitlines()[2]
    code, _, err = run("query", "missions", *store, "--columns", "organiser")
    assert code == 2 and "--columns" in err and "organiser" in err and "organizer" in err


def test_cli_formats_are_uniform(examples_store: Path) -> None:
    """queries and facts take --format table|json|csv|tsv like query and sparql."""
    q = json.loads(run("queries", "--format", "json")[1])
    assert {x["name"] for x in q} >= {"missions", "fact-provenance"}
    rows = list(csv.DictReader(io.StringIO(run("queries", "--format", "csv")[1])))
    assert {r["name"] for r in rows} == {x["name"] for x in q} and rows[0]["title"]
    assert run("queries", "--json")[1] == run("queries", "--format", "json")[1]  # the old flag still works
    facts = list(csv.DictReader(io.StringIO(run("facts", "--store", str(examples_store), "--format", "csv")[1])))
    gold = json.loads(run("facts", "--store", str(examples_store))[1])
    assert len(facts) == sum(len(a["missions"]) for a in gold["articles"]) and facts[0]["article"]
    code, out, _ = run("facts", "--store", str(examples_store), "--format", "table", env={"COLUMNS": "80"})
    assert code == 0 and max(len(line) for line in out.splitlines()) <= 80
    for cmd in ("query", "sparql", "facts", "queries"):
        assert "table|json|csv|tsv" in run(cmd, "--help")[1].replace("[", "").replace("]", "").replace(" ", "")


def test_cli_explain_prints_each_fact_with_its_sentence(examples_store: Path) -> None:
    """explain (the README's provenance command) prints facts with their evidence (it crashed with KeyError)."""
    code, out, err = run("explain", "country/MD", "participatesIn", "--store", str(examples_store))
    assert code == 0, err
    assert "participatesIn" in out and "“" in out and ".txt [" in out


def test_cli_messages_name_only_real_options() -> None:
    """Every --option that a message or help text of the CLI or the store names is an option of some command."""
    import kgbuild.cli
    import kgbuild.store

    real = {o for cmd in main.commands.values() for p in cmd.params
            for o in getattr(p, "opts", []) + getattr(p, "secondary_opts", [])} | {"--help"}
    text = Path(kgbuild.cli.__file__).read_text() + Path(kgbuild.store.__file__).read_text()
    named = set(re.findall(r"(?<![\w-])(--[a-z][a-z0-9-]*[a-z0-9])", text))
    assert "--read-only" not in named and len(named) > 20
    assert named - real == set(), named - real


def test_cli_build_says_what_it_skipped_and_what_it_cannot_read(tmp_path: Path) -> None:
    """A folder with only a PDF exits 1 naming the file and the types read; a Russian text warns."""
    only = tmp_path / "pdfs"
    only.mkdir()
    (only / "report.pdf").write_bytes(b"%PDF-1.4 not an article")
    code, out, err = run("build", str(only), "--store", str(tmp_path / "s1"))
    assert code == 1 and "report.pdf" in err and "not an article type" in err and ".jsonl" in err
    ru = tmp_path / "ru"
    ru.mkdir()
    (ru / "novosti.txt").write_text("Наблюдатели СНГ прибыли в Бишкек для мониторинга выборов президента.\n")
    code, out, err = run("build", str(ru), "--store", str(tmp_path / "s2"), "--lang", "en")
    assert code == 0 and "novosti.txt" in err and "Cyrillic" in err and "--lang en" in err
    (ru / "beobachter.txt").write_text("Die Beobachter der GUS sind in Bischkek eingetroffen, um die Wahl zu verfolgen.\n")
    code, out, err = run("build", str(ru), "--store", str(tmp_path / "s3"))  # auto: Russian is read, German skipped
    assert code == 0 and "1 added" in out and "skipped: beobachter.txt: not extracted: the text is in German (de)" in err


def test_remote_store_given_the_query_endpoint_uses_it() -> None:
    """--store http://host/query (the endpoint itself) queries /query, not /query/query."""
    from kgbuild.remote import RemoteStore

    seen: list[str] = []

    def handler(request: httpx.Request) -> httpx.Response:
        seen.append(request.url.path)
        return httpx.Response(200, json={"head": {}, "boolean": True},
                              headers={"Content-Type": "application/sparql-results+json"})

    client = httpx.Client(transport=httpx.MockTransport(handler))
    for url in ("http://127.0.0.1:7878/query", "http://127.0.0.1:7878/query/", "http://127.0.0.1:7878"):
        s = RemoteStore(url, read_only=True, client=client)
        assert s.query_url == "http://127.0.0.1:7878/query"
    assert seen and set(seen) == {"/query"}


def test_store_in_use_message_names_what_works(tmp_path: Path) -> None:
    """A second writer is told the store is in use and which commands work meanwhile (no --read-only)."""
    from kgbuild.api import KnowledgeGraph

    if shutil.which("true") is None:
        pytest.skip("no coreutils")
    path = tmp_path / "store"
    with KnowledgeGraph(path):
        import subprocess
        import sys

        proc = subprocess.run([sys.executable, "-m", "kgbuild", "link", "--store", str(path)],
                              capture_output=True, text=True, timeout=120)
    assert proc.returncode == 4 and "in use by another process" in proc.stderr
    assert "--read-only" not in proc.stderr and "query" in proc.stderr
