"""The notebook API (issue 19): Table results, DataFrames, the flat facts table, the rdflib view."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pyoxigraph as ox
import pytest

import kgbuild
from kgbuild.api import KnowledgeGraph
from kgbuild.errors import MissingDependency
from kgbuild.facts import FACT_COLUMNS
from kgbuild.query import term_to_python
from kgbuild.table import HTML_ROWS, Table


@pytest.fixture(scope="module")
def kg(examples_store: Path) -> Any:
    with KnowledgeGraph(examples_store, read_only=True) as graph:
        yield graph


def test_table_query_rows_are_the_list_of_dicts_they_were(kg: KnowledgeGraph) -> None:
    """kg.query returns a Table equal to the plain rows built from query_terms, keeping the query's columns."""
    rows = kg.query("missions")
    terms, names = kg.query_terms("missions")
    plain = [{k: term_to_python(v) for k, v in r.items()} for r in terms]
    assert isinstance(rows, Table) and isinstance(rows, list)
    assert rows == plain and list(rows) == plain and json.loads(json.dumps(rows)) == plain
    assert rows.columns == names and rows.columns[0] == "mission"
    assert [r["mission"] for r in rows[:3]] == [r["mission"] for r in plain[:3]]
    page = kg.query("missions", limit=5, offset=2)
    assert page == plain[2:7] and page.columns == names


def test_table_to_pandas_keeps_columns_missing_values_and_integers(kg: KnowledgeGraph) -> None:
    """to_pandas gives one row per result row, the columns in order, <NA> where a row has no value, integer counts."""
    pd = pytest.importorskip("pandas")
    rows = kg.query("missions")
    frame = rows.to_pandas()
    assert list(frame.columns) == rows.columns and len(frame) == len(rows)
    assert str(frame["total"].dtype) == "Int64"
    for i, row in enumerate(rows):
        for col in rows.columns:
            cell = frame[col].iloc[i]
            if col in row:
                assert cell == row[col], (i, col)
            else:
                assert pd.isna(cell), (i, col)


def test_table_to_polars_matches_the_rows(kg: KnowledgeGraph) -> None:
    """to_polars gives the same rows back as dicts, unbound values as None."""
    pytest.importorskip("polars")
    rows = kg.query("missions")
    frame = rows.to_polars()
    assert frame.columns == rows.columns
    assert frame.to_dicts() == [{c: r.get(c) for c in rows.columns} for r in rows]


def test_table_empty_result_has_its_columns() -> None:
    """An empty result still has its columns, in a DataFrame too."""
    pytest.importorskip("pandas")
    pytest.importorskip("polars")
    t = Table([], columns=["a", "b"])
    assert list(t.to_pandas().columns) == ["a", "b"] and t.to_polars().columns == ["a", "b"]
    assert "0 rows × 2 columns" in t._repr_html_()


def test_table_html_escapes_and_cuts_long_tables() -> None:
    """_repr_html_ escapes markup, leaves missing cells empty and shows at most HTML_ROWS rows."""
    t = Table([{"name": "<b>&</b>", "n": i} for i in range(HTML_ROWS + 5)] + [{"n": 0}], columns=["name", "n"])
    out = t._repr_html_()
    assert "&lt;b&gt;&amp;&lt;/b&gt;" in out and "<b>" not in out
    assert out.count("<tr>") == HTML_ROWS + 1  # header + rows
    assert f"{len(t)} rows × 2 columns, first {HTML_ROWS} shown" in out


def test_table_missing_dataframe_library_names_the_extra(tmp_path: Path) -> None:
    """Without pandas or polars, to_pandas/to_polars raise MissingDependency naming the extra to install."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    for name in ("pandas", "polars"):
        (blocker / f"{name}.py").write_text("raise ImportError('blocked for the test')\n")
    code = (
        "from kgbuild.table import Table\n"
        "t = Table([{'a': 1}])\n"
        "for call in (t.to_pandas, t.to_polars):\n"
        "    try:\n"
        "        call()\n"
        "    except ImportError as e:\n"
        "        print(type(e).__name__, e)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60,
                         env={"PYTHONPATH": str(blocker), "PATH": ""}, check=True).stdout.splitlines()
    assert out == [
        "MissingDependency Table.to_pandas() needs pandas, which is not installed: pip install 'kgbuild[pandas]'",
        "MissingDependency Table.to_polars() needs polars, which is not installed: pip install 'kgbuild[polars]'",
    ]
    assert issubclass(MissingDependency, kgbuild.KgbuildError)


def test_table_flat_facts_are_the_facts_view_row_by_row(kg: KnowledgeGraph) -> None:
    """kg.facts(flat=True) has one (article, mission, slot, value) row per filled slot value of kg.facts()."""
    flat = kg.facts(flat=True)
    assert flat.columns == list(FACT_COLUMNS)
    expected = []
    for article in kg.facts()["articles"]:
        for m in article["missions"]:
            for slot in ("organizer", "organizer_wikidata", "country", "start_date", "head", "accredited_by"):
                if m[slot] is not None:
                    expected.append((article["article"], slot, str(m[slot])))
            for key, value in m["election"].items():
                if value not in (None, False):
                    expected.append((article["article"], f"election.{key}", "true" if value is True else str(value)))
            for key, value in m["observers"].items():
                if value is not None:
                    expected.append((article["article"], f"observers.{key}", str(value)))
            for slot in ("member_countries", "member_organizations"):
                expected += [(article["article"], slot, v) for v in m[slot]]
    assert sorted((r["article"], r["slot"], r["value"]) for r in flat) == sorted(expected)
    assert all(isinstance(r["value"], str) for r in flat)
    missions = {r["mission"] for r in kg.query("missions")}
    assert {r["mission"] for r in flat} == missions
    one = [r for r in flat if r["article"] == "azerbaijan-2020-cis-interim.txt" and r["slot"] == "observers.total"]
    assert one and one[0]["mission"].endswith("mission/cis-az-parliamentary-2020-02-09")


def test_table_to_rdflib_holds_every_quad_but_the_listings(kg: KnowledgeGraph) -> None:
    """to_rdflib copies every quad of the store except the listing index, graphs kept, default graph = union."""
    from rdflib import URIRef

    ds = kg.to_rdflib()
    listing = sum(1 for q in kg.store.quads() if isinstance(q.graph_name, ox.NamedNode) and kg.iris.is_listing_graph(q.graph_name))
    derived = sum(1 for _ in kg.store.quads(ox.DefaultGraph()))  # the data default graph (issue 15), rdflib's union
    quads = list(ds.quads((None, None, None, None)))
    assert len(quads) == kg.store.count_quads() - listing - derived
    graphs = {str(g.identifier) for g in ds.graphs() if len(g)}
    assert kg.iris.article_graph("azerbaijan-2020-cis-interim.txt").value in graphs
    assert kg.iris.links_graph().value in graphs
    assert not any(kg.iris.is_listing_graph(ox.NamedNode(g)) for g in graphs)
    # the union default graph answers a query across article graphs, as kgbuild's own queries do
    missions = {str(r[0]) for r in ds.query("SELECT ?m WHERE { ?m a <https://w3id.org/kgbuild/ontology#ObservationMission> }")}
    assert missions == {r["mission"] for r in kg.query("missions")}
    assert (URIRef(next(iter(missions))), None, None) in ds


def test_table_select_runs_adhoc_select_as_a_table(kg: KnowledgeGraph) -> None:
    """kg.select gives a Table of Python values; a non-SELECT query is refused with a QueryError."""
    t = kg.select("SELECT ?c ?wd WHERE { GRAPH ?g { ?x eo:alpha2 ?c ; eo:wikidataId ?wd } } ORDER BY ?c")
    assert t.columns == ["c", "wd"] and ("AZ", "Q227") in {(r["c"], r["wd"]) for r in t}
    with pytest.raises(kgbuild.QueryError, match="SELECT"):
        kg.select("ASK { ?s ?p ?o }")
