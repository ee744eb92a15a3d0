"""Types: mypy (configured in pyproject.toml: strict over src/kgbuild) reports nothing."""

from __future__ import annotations

import importlib.util
import subprocess
import sys

import pytest

from .conftest import IN_CI, ROOT


def test_typing_mypy_is_clean() -> None:
    """`mypy` over the package and tests/typed_api.py reports no error (settings in pyproject.toml)."""
    if importlib.util.find_spec("mypy") is None:
        if IN_CI:
            pytest.fail("mypy is required in CI (pip install 'kgbuild[test]')")
        pytest.skip("mypy is not installed (it is in the test extra)")
    proc = subprocess.run([sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True)
    assert proc.returncode == 0, proc.stdout + proc.stderr
