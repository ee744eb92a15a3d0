"""The facts as tables for R, Stata and spreadsheets: CSV (and Parquet) files of a release.

``write_tables(kg, directory)`` writes::

    missions.csv    one row per mission with its latest figures (the ``missions`` prepared query)
    provenance.csv  one row per statement about a mission: the article, sentence and span behind it
    missions.parquet provenance.parquet   the same, typed, when polars is installed (kgbuild[polars])

``kgbuild publish`` calls it; ``docs/release-tables.md`` documents every column. CSV files are
UTF-8 with a header row, comma-separated and quoted where needed; a missing value is an empty
field, a boolean is ``true``/``false``, a date ``YYYY-MM-DD``. Each file is written to a
temporary name and renamed, so a reader never sees half a file and a failed write leaves the
previous release's file as it was.
"""

from __future__ import annotations

import csv
import os
import warnings
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any, BinaryIO

import pyoxigraph as ox

from .errors import MissingDependency
from .query import term_to_python
from .table import Table
from .vocab import EO_NS

if TYPE_CHECKING:
    from .api import KnowledgeGraph

__all__ = ["MISSION_COLUMNS", "PROVENANCE_COLUMNS", "mission_table", "provenance_table", "write_tables"]

#: missions.csv: the ``missions`` prepared query's columns
MISSION_COLUMNS = ("mission", "organizer", "country", "type", "election_date", "early", "start_date", "head",
                   "total", "long_term", "short_term", "articles", "year")
#: provenance.csv
PROVENANCE_COLUMNS = ("mission", "slot", "property", "value", "value_iri", "article", "published", "sentence",
                      "evidence", "begin", "end")

_DATES = {"missions": ("election_date", "start_date"), "provenance": ("published",)}

# One row per evidence node of an article graph that states something about a mission: about the
# mission itself, a member of it, the election it observes or one of its observer counts.
_PROVENANCE = """
SELECT ?g ?mission ?slot ?property ?object ?article ?published ?sentence ?evidence ?begin ?end WHERE {
  GRAPH ?g {
    ?ev a eo:Evidence ; eo:slot ?slot ; rdf:subject ?s ; rdf:predicate ?property ; rdf:object ?o ;
        eo:inArticle ?a ; eo:sentence ?sentence ; nif:anchorOf ?evidence ; nif:beginIndex ?begin ;
        nif:endIndex ?end .
    ?a eo:fileName ?article .
    OPTIONAL { ?a schema:datePublished ?published }
    { ?s a eo:ObservationMission . BIND(?s AS ?mission) }
    UNION { ?o a eo:ObservationMission . BIND(?o AS ?mission) }
    UNION { ?mission eo:observes ?s }
    UNION { ?mission eo:observerCount ?s }
    # the election's country is evidenced once per mission mention: keep the one of this mission's mention
    FILTER(?property != eo:electionCountry || EXISTS {
      ?own rdf:subject ?mission ; rdf:predicate eo:observes ; nif:beginIndex ?begin ; nif:endIndex ?end })
    BIND(IF(?mission = ?o, ?s, ?o) AS ?object)
  }
}
ORDER BY ?mission ?article ?begin ?slot ?property
"""

# each node's label in each article graph (the first, should an article give a node two)
_LABELS = "SELECT ?g ?node (MIN(?l) AS ?label) WHERE { GRAPH ?g { ?node rdfs:label ?l } } GROUP BY ?g ?node"


def mission_table(kg: KnowledgeGraph) -> Table:
    """One row per mission with its latest figures: the rows of the ``missions`` prepared query."""
    return Table(kg.query("missions"), columns=MISSION_COLUMNS)


def provenance_table(kg: KnowledgeGraph) -> Table:
    """One row per statement about a mission, with the article, sentence and span that state it.

    ``value`` is the statement's value as text: a literal's value, or the label of the node it
    names (an organizer, a person, a commission, a country; an election type's lower-case name)
    with that node's IRI in ``value_iri``.
    """
    labels = {(row["g"], row["node"]): row["label"].value for row in kg.store.select(_LABELS, union=False)}
    rows: list[dict[str, Any]] = []
    for row in kg.store.select(_PROVENANCE, union=False):
        r = {k: term_to_python(v) for k, v in row.items()}
        obj = r.pop("object")
        label = labels.get((row["g"], row["object"]))
        del r["g"]
        is_iri = isinstance(row["object"], ox.NamedNode)
        r["property"] = str(r["property"]).rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        if is_iri and label is None and str(obj).startswith(EO_NS):  # a SKOS concept: eo:Parliamentary
            label = str(obj)[len(EO_NS):].lower()
        r["value"] = label if is_iri and label is not None else _text(obj)
        if is_iri:
            r["value_iri"] = obj
        rows.append(r)
    return Table(rows, columns=PROVENANCE_COLUMNS)


def write_tables(kg: KnowledgeGraph, directory: str | Path, *, parquet: bool | None = None) -> dict[str, int]:
    """Write ``missions`` and ``provenance`` as CSV (and Parquet) into ``directory``; rows per file.

    :param parquet: write the Parquet files too; ``None`` (default) writes them when polars is
        installed and warns when it is not.
    :raises MissingDependency: ``parquet=True`` and polars is not installed.
    """
    out = Path(directory)
    out.mkdir(parents=True, exist_ok=True)
    tables = {"missions": mission_table(kg), "provenance": provenance_table(kg)}
    counts: dict[str, int] = {}
    for name, table in tables.items():
        _atomic(out / f"{name}.csv", partial(_write_csv, table))
        counts[f"{name}.csv"] = len(table)
    if parquet is False:
        return counts
    try:
        import polars as pl
    except ImportError:
        error = MissingDependency("polars", "polars", "writing the Parquet files of a release")
        if parquet:
            raise error from None
        warnings.warn(f"{error}; wrote the CSV files only", stacklevel=2)
        return counts
    for name, table in tables.items():
        frame = pl.from_dicts(list(table), schema=table.columns, infer_schema_length=None)
        frame = frame.with_columns([pl.col(c).cast(pl.String).str.to_date("%Y-%m-%d", strict=False)
                                    for c in _DATES[name]])
        _atomic(out / f"{name}.parquet", frame.write_parquet)
        counts[f"{name}.parquet"] = len(table)
    return counts


def _text(value: Any) -> str | None:
    if value is None:
        return None
    if isinstance(value, bool):
        return "true" if value else "false"
    return str(value)


def _write_csv(table: Table, fh: BinaryIO) -> None:
    import io

    text = io.TextIOWrapper(fh, encoding="utf-8", newline="")
    writer = csv.writer(text, lineterminator="\n")
    writer.writerow(table.columns)
    for row in table:
        writer.writerow(["" if (v := row.get(c)) is None else _text(v) for c in table.columns])
    text.flush()
    text.detach()


def _atomic(path: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write ``path`` through a temporary file in its folder, renamed over it when complete."""
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(tmp, "wb") as fh:
            write(fh)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
