"""Typed code that uses the public API, checked by mypy (tests/test_typing.py) and never run.

It is what a user's type checker sees: both backends are a ``GraphStore``, and the library's
calls return the types their signatures promise.
"""

from __future__ import annotations

from kgbuild import GraphStore, KnowledgeGraph, Store, Table, examples_path
from kgbuild.catalog import resolve_country
from kgbuild.remote import RemoteStore


def backends(local: Store, remote: RemoteStore) -> list[GraphStore]:
    """Either backend is a GraphStore (mypy checks each item against the protocol)."""
    return [local, remote]


def notebook(kg: KnowledgeGraph) -> tuple[int, list[str], str | None]:
    """A notebook session: build, query, read the store through the protocol."""
    report = kg.build(["examples"])
    organizers = [str(row["organizer"]) for row in kg.query("missions-in-country", country="AZ")]
    quads = kg.store.count_quads() + len(kg.store.named_graphs())
    return report.missions + quads, organizers, resolve_country("Azerbaijan")


def dataframes(kg: KnowledgeGraph) -> tuple[list[dict[str, object]], list[str], dict[str, object], str]:
    """Query rows are a Table (a list of row dicts with columns); facts() has two typed shapes."""
    rows: Table = kg.query("missions")
    as_list: list[dict[str, object]] = rows
    flat: Table = kg.facts(flat=True)
    nested: dict[str, object] = kg.facts()
    return as_list, rows.columns + flat.columns, nested, rows._repr_html_() + str(examples_path())
