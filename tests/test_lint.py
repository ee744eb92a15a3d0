"""Lint: ruff's configured rules hold for the package, the tests and the benchmark scripts."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from .conftest import ROOT


def test_lint_ruff_is_clean() -> None:
    """`ruff check` reports nothing (rules in pyproject.toml)."""
    ruff = str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        ruff = shutil.which("ruff") or ruff
    try:
        proc = subprocess.run([ruff, "check", "src", "tests", "bench"], cwd=ROOT, capture_output=True, text=True)
    except FileNotFoundError:
        pytest.skip("ruff is not installed (it is in the test extra)")
    assert proc.returncode == 0, proc.stdout + proc.stderr

