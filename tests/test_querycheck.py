"""The read-only check reads tokens, not keywords: SERVICE never leaves, whatever escapes hide it (issue 14).

Every query here that would reach the network reaches only the loopback canary (``conftest.canary``).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main
from kgbuild.errors import QueryError, QueryRefused
from kgbuild.query import MAX_DEPTH, check_read_only
from kgbuild.querycheck import QuerySyntaxError, analyze, tokens

from .conftest import check_seconds

#: objects the bypasses' triple patterns need to match, so the engine goes on to the SERVICE after them
OBJECTS = ("http://e/", "http://e/a.b", "http://e:80", "http://e/#a", "http://c/")


def bypasses(url: str) -> dict[str, str]:
    """Queries whose SERVICE (to ``url``) a keyword check misses, measured on pyoxigraph 0.5.13."""
    host = url.rsplit("/", 1)[0] + "/"
    return {
        # issue 14: a legal escape in a local name hid what follows from the comment-stripping regex
        "escaped hash": f"PREFIX ex: <http://e/> SELECT * WHERE {{ OPTIONAL {{ ?x ex:a\\# ?y }} SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "escaped apostrophe": f"PREFIX ex: <http://e/> SELECT * WHERE {{ OPTIONAL {{ ?x ex:a\\' ?y }} SERVICE <{url}> {{ ?s ?p ?o }} }}",
        # Oxigraph matches keywords by their letters: SERVICE glued to a prefixed name
        "glued prefix": f"PREFIX ex: <{host}> SELECT * WHERE {{ OPTIONAL {{ SERVICEex:sparql {{ ?s ?p ?o }} }} }}",
        # Oxigraph 0.5 ends a local name after one group of dots: ex:a.b then .SERVICE
        "dotted local": f"PREFIX ex: <http://e/> SELECT * WHERE {{ ?x ?y ex:a.b.SERVICE <{url}> {{ ?s ?p ?o }} }}",
        # a prefixed name that expands to an invalid IRI is re-read as its bare prefix
        "port prefix": f"PREFIX ex: <http://e:80> SELECT * WHERE {{ ?x ?y ex:SERVICE <{url}> {{ ?s ?p ?o }} }}",
        "double fragment": f"PREFIX ex: <http://e/#a> PREFIX : <{host}> SELECT * WHERE {{ ?x ?y ex:SERVICE:sparql\\#y {{ ?s ?p ?o }} }}",
        "no spaces": f"SELECT * WHERE {{ ?x ?y ?z OPTIONAL {{ SERVICE<{url}>{{?s ?p ?o}} }} }}",
        "lower case in a subquery": f"SELECT * WHERE {{ {{ SELECT * WHERE {{ service <{url}> {{ ?s ?p ?o }} }} }} }}",
        "CONSTRUCT": f"CONSTRUCT {{ ?s ?p ?o }} WHERE {{ SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
    }


@pytest.fixture
def data_store() -> Iterator[ox.Store]:
    store = ox.Store()
    for o in OBJECTS:
        store.add(ox.Quad(ox.NamedNode("http://a/"), ox.NamedNode("http://b/"), ox.NamedNode(o)))
    yield store


def run_unchecked(store: ox.Store, text: str) -> None:
    """What the engine does with ``text`` when nothing checks it first (errors ignored)."""
    try:
        result = store.query(text)
        if not isinstance(result, ox.QueryBoolean):
            list(result)
    except (SyntaxError, OSError, RuntimeError, ValueError):
        pass


@pytest.mark.parametrize("name", sorted(bypasses("http://127.0.0.1:1/sparql")))
def test_querycheck_refuses_service_hidden_from_keyword_checks(name: str, canary: Any, data_store: ox.Store) -> None:
    """Each known way to hide SERVICE reaches the canary when unchecked, and the check refuses it."""
    text = bypasses(canary.url)[name]
    before = len(canary.hits)
    run_unchecked(data_store, text)
    assert len(canary.hits) > before, f"{name}: this pyoxigraph no longer runs the SERVICE; update the case"
    with pytest.raises(QueryRefused, match="SERVICE"):
        check_read_only(text)
    assert check_read_only(text, allow_service=True).form in ("SELECT", "CONSTRUCT")


def test_querycheck_cli_sparql_refuses_the_issue_query(canary: Any, tmp_path: Path) -> None:
    """`kgbuild sparql` refuses issue 14's escaped query (exit 3) and the canary hears nothing."""
    store = tmp_path / "store"
    with KnowledgeGraph(store) as kg:
        kg.store.replace_graph(ox.NamedNode("http://g/"), [
            ox.Quad(ox.NamedNode("http://a/"), ox.NamedNode("http://b/"), ox.NamedNode("http://c/"), ox.NamedNode("http://g/"))
        ])
    before = len(canary.hits)
    text = bypasses(canary.url)["escaped hash"]
    r = CliRunner().invoke(main, ["sparql", "--store", str(store), text, "--format", "json"])
    assert r.exit_code == 3, r.output
    assert "SERVICE" in r.output and len(canary.hits) == before


def test_querycheck_keywords_in_strings_names_and_comments_are_no_keywords() -> None:
    """SERVICE or an update word inside a string, IRI, comment, variable or plain local name is allowed."""
    for text in (
        'SELECT ?service WHERE { ?s eo:service "SERVICE <http://x/> {}" . <http://x/SERVICE> ?p ?o } # SERVICE',
        "SELECT * WHERE { ?s schema:serviceType ?t ; eo:drop ?d . FILTER(?t = '''INSERT\nDATA''') }",
        "PREFIX ex: <http://e/> SELECT * WHERE { ?s ex:service_area ?o }",
    ):
        info = check_read_only(text)
        assert info.form == "SELECT" and not info.service and info.update is None


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("INSERT DATA { <a:b> <a:c> <a:d> }", QueryRefused),
        ("DROP ALL", QueryRefused),
        ("WITH <http://g> DELETE { ?s ?p ?o } WHERE { ?s ?p ?o }", QueryRefused),
        ('SELECT * WHERE { BIND("\\u0022" AS ?x) }', QueryError),  # an escaped quote: refused, fail closed
        ('SELECT * WHERE { BIND("\\uD800" AS ?x) }', QueryError),  # no Unicode scalar value
        ('SELECT * WHERE { BIND("""unterminated AS ?x) }', QueryError),
        ("SELECT * WHERE { ?s ?p ?o } }", QueryError),
        ("SELECT * WHERE { ?s ?p ?o \\u0053ERVICE <http://x/> {} }", QueryError),
        ("SELECT * WHERE " + "{" * (MAX_DEPTH + 1) + "}" * (MAX_DEPTH + 1), QueryError),
        ("SELECT * WHERE { FILTER(" + "!" * (MAX_DEPTH + 1) + "true) }", QueryError),
    ],
)
def test_querycheck_refuses_updates_and_what_it_cannot_read(text: str, error: type[Exception]) -> None:
    """Updates are refused; text that is not SPARQL tokens, or nests past the limit, is an error (fail closed)."""
    with pytest.raises(error):
        check_read_only(text)


def test_querycheck_from_makes_a_dataset_query() -> None:
    """FROM / FROM NAMED mark the query as bringing its own dataset; FROM in a string does not."""
    assert check_read_only("ASK FROM <http://nope/> { ?s ?p ?o }").dataset
    assert check_read_only("SELECT * FROM NAMED <http://g/> { GRAPH ?g { ?s ?p ?o } }").dataset
    assert not check_read_only("SELECT * WHERE { ?s ?p 'FROM <x>' }").dataset


def test_querycheck_kgbuild_sparql_honours_from(gold_kg: Any) -> None:
    """Issue 14: ASK FROM <http://nope/> is false (the named dataset is empty), not true over the union."""
    assert gold_kg.sparql("ASK { ?s ?p ?o }") is True
    assert gold_kg.sparql("ASK FROM <http://nope/> { ?s ?p ?o }") is False
    graph = gold_kg.store.article_graphs()[0].value
    rows, _ = gold_kg.sparql(f"SELECT (COUNT(*) AS ?n) FROM <{graph}> WHERE {{ ?s ?p ?o }}")
    assert int(rows[0]["n"].value) == sum(1 for _ in gold_kg.store.quads(ox.NamedNode(graph)))


# --- properties --------------------------------------------------------------------------------------
_ESC = "_~.-!$&'()*+,;=/?#@%"
_STRING_BODIES = ["\\u0022", "\\\\", '\\"', "x", "\\u00e9"]
_PREFIXES = ["PREFIX ex: <http://e/>", "PREFIX ex: <http://e:80>", "PREFIX ex: <http://e/#a>",
             "PREFIX : <{host}>", "PREFIX c: <{host}>", "PREFIX SERVICEx: <{host}>", "BASE <{host}>"]


@st.composite
def noise(draw: Any) -> str:
    """A fragment of SPARQL-looking text: names with escapes, strings, comments, IRIs, punctuation."""
    text = draw(st.text(alphabet=st.sampled_from('ab#\'"\\ \n.:{}<>?SERVICEservice'), max_size=8))
    kind = draw(st.integers(0, 9))
    esc = draw(st.sampled_from(_ESC))
    return [
        f"?x ex:a\\{esc} ?y .",
        f"?x ex:a\\{esc}{draw(st.sampled_from(['', '.b', '.b.', ':c']))} ?y",
        f'"{text.replace(chr(10), " ")}"',
        f"'''{text}'''",
        f"# {text}\n",
        f"<http://x/{draw(st.sampled_from(['', '#a', 'SERVICE', 'a?b']))}>",
        draw(st.sampled_from(["ex:", "ex:a.b", "ex:a.b.", ":", "c:sparql", "?s ?p ?o .", "OPTIONAL {", "}", "."])),
        f"?x ?y {draw(st.sampled_from(['ex:', 'ex:a.b', '<http://e:80>', 'ex:a']))}",
        text,
        'BIND("' + draw(st.sampled_from(_STRING_BODIES)) + f'" AS ?v{kind})',
    ][kind]


@st.composite
def service_form(draw: Any) -> str:
    word = draw(st.sampled_from(["SERVICE", "service", "SeRvIcE", "SERVICESILENT", "SERVICE SILENT"]))
    return draw(st.sampled_from([
        f"{word} <{{url}}> {{ ?s ?p ?o }}",
        f"{word}<{{url}}>{{?s ?p ?o}}",
        f"{word}c:sparql {{ ?s ?p ?o }}",
        f"{word} c:sparql {{ ?s ?p ?o }}",
        f"ex:a.b.{word} <{{url}}> {{ ?s ?p ?o }}",
        f"ex:{word} <{{url}}> {{ ?s ?p ?o }}",
        f"ex:{word}:sparql\\#y {{ ?s ?p ?o }}",
        f"{word} <sparql> {{ ?s ?p ?o }}",
    ]))


@settings(max_examples=250, deadline=None, database=None, suppress_health_check=[HealthCheck.too_slow,
                                                                                  HealthCheck.function_scoped_fixture])
@given(prefixes=st.lists(st.sampled_from(_PREFIXES), max_size=3), before=st.lists(noise(), max_size=3),
       form=service_form(), after=st.lists(noise(), max_size=2))
def test_querycheck_property_no_query_that_passes_reaches_the_network(
    canary: Any, data_store: ox.Store, prefixes: list[str], before: list[str], form: str, after: list[str]
) -> None:
    """Generated queries (escapes, comments, strings, IRIs around a SERVICE): any the check lets
    through sends nothing to the canary when the engine runs it."""
    host = canary.url.rsplit("/", 1)[0] + "/"
    prolog = " ".join(p.replace("{host}", host) for p in prefixes)
    text = (f"{prolog} SELECT * WHERE {{ ?q ?r ?t OPTIONAL {{ {' '.join(before)} "
            f"{form.replace('{url}', canary.url)} }} {' '.join(after)} }}")
    try:
        check_read_only(text)
    except QueryError:
        return
    before_hits = len(canary.hits)
    run_unchecked(data_store, text)
    assert len(canary.hits) == before_hits, f"reached the network: {text!r}"


@settings(max_examples=300, deadline=None, database=None)
@given(st.text(max_size=200))
def test_querycheck_property_any_text_is_read_or_refused_in_one_pass(text: str) -> None:
    """Any text either tokenizes (tokens cover it in order) or is a QuerySyntaxError; nothing else escapes."""
    try:
        toks = list(tokens(text))
        info = analyze(text)
    except QuerySyntaxError as e:
        assert 0 <= e.offset <= len(text)
        return
    assert [t.start for t in toks] == sorted(t.start for t in toks)
    assert info.tokens == len(toks) <= len(text)


# --- linear time ------------------------------------------------------------------------------------
_SHAPES = {
    "letters": "a",  # issue 14: 60 KB of "a" stalled the server for 24 s
    "hyphenated names": "a-",
    "unclosed IRIs": "<a",
    "prefixed names": "ex:a.",
    "variables": "?x ",
    "punctuation": "{}",
}


@pytest.mark.parametrize("shape", sorted(_SHAPES))
def test_querycheck_time_is_linear_up_to_1_mib(shape: str) -> None:
    """Checking grows linearly: 4x the text costs well under 16x (quadratic), up to a 1 MiB query.

    Ratios within one run, with generous margins (no wall-clock limit): 16 KiB against 64 KiB
    first (a quadratic check fails here in seconds), then 64 KiB against 1 MiB.
    """
    unit = _SHAPES[shape]

    def text(size: int) -> str:
        return (unit * (size // len(unit) + 1))[:size]

    small, medium = check_seconds(text(16 << 10)), check_seconds(text(64 << 10))
    assert medium < 10 * max(small, 1e-4), f"{shape}: 16 KiB {small:.4f} s, 64 KiB {medium:.4f} s"
    large = check_seconds(text(1 << 20))
    assert large < 40 * max(medium, 1e-4), f"{shape}: 64 KiB {medium:.4f} s, 1 MiB {large:.4f} s"
    assert sum(1 for _ in tokens(text(1 << 20))) <= 1 << 20  # each token consumes text: one pass
