"""docs/notebook.md runs as written (issue 19): its `>>>` lines are a doctest, in an empty folder."""

from __future__ import annotations

import doctest
import os
from pathlib import Path

import pytest

from .conftest import ROOT

NOTEBOOK = ROOT / "docs" / "notebook.md"


def test_notebook_tutorial_runs_and_draws_its_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Every example of docs/notebook.md gives the output shown, and the chart is written as an SVG with its bars."""
    pytest.importorskip("pandas")
    pytest.importorskip("matplotlib")
    monkeypatch.chdir(tmp_path)
    import pandas as pd

    with pd.option_context("display.width", 120, "display.max_columns", 20):
        result = doctest.testfile(
            str(NOTEBOOK), module_relative=False, globs={},
            optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, raise_on_error=False, verbose=False,
        )
    assert result.failed == 0, f"{result.failed} of {result.attempted} examples of {NOTEBOOK.name} failed (output above)"
    assert result.attempted >= 20
    chart = tmp_path / "missions-per-country.svg"
    svg = chart.read_text(encoding="utf-8")
    assert svg.lstrip().startswith("<?xml") and "<svg" in svg
    # matplotlib draws text as paths and names each label in a comment: the title and every year's bar
    assert "<!-- Observation missions per host country -->" in svg
    assert all(f"<!-- {year} -->" in svg for year in (2006, 2012, 2018, 2019, 2020, 2022, 2024))
    assert sorted(os.listdir(tmp_path)) == ["missions-per-country.svg"]  # nothing else left behind
