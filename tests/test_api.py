"""The public Python API: what `import kgbuild` exposes, documented, usable from a notebook."""

from __future__ import annotations

import inspect

import kgbuild
from kgbuild.api import KnowledgeGraph


def test_api_all_lists_exactly_the_public_names() -> None:
    """Every name in kgbuild.__all__ exists, and every public non-module attribute is listed."""
    for name in kgbuild.__all__:
        assert getattr(kgbuild, name) is not None, name
    public = {n for n, v in vars(kgbuild).items() if not n.startswith("_") and not inspect.ismodule(v)}
    public -= {"annotations", "Any"}
    assert public <= set(kgbuild.__all__), public - set(kgbuild.__all__)


def test_api_version_is_the_one_the_cli_reports() -> None:
    """kgbuild.__version__ is the installed distribution's version, the same `kgbuild --version` prints."""
    from click.testing import CliRunner

    from kgbuild.cli import main

    out = CliRunner().invoke(main, ["--version"]).output
    assert kgbuild.__version__ and out.split()[-1] == kgbuild.__version__


def test_api_public_methods_are_documented() -> None:
    """Every public method of KnowledgeGraph has a docstring."""
    for name, member in inspect.getmembers(KnowledgeGraph):
        if name.startswith("_") or not callable(member):
            continue
        assert inspect.getdoc(member), f"KnowledgeGraph.{name} has no docstring"


def test_api_notebook_session_in_memory(gold_kg) -> None:
    """A notebook's calls (query → rows, facts, explain, export) work on an in-memory graph."""
    rows = gold_kg.query("missions-in-country", country="Kazakhstan")
    assert {r["organizer"] for r in rows} >= {"Commonwealth of Independent States", "Organisation of Islamic Cooperation"}
    assert all(isinstance(r["total"], int) for r in rows if "total" in r)
    facts = gold_kg.facts()
    assert len(facts["articles"]) == 13
    assert gold_kg.summary()["missions"] == 22
