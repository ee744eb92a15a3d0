"""Shared fixtures: the bundled examples, a spaCy-built graph of them, temporary stores."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DATA = Path(__file__).resolve().parent / "data"
IN_CI = os.environ.get("CI", "").lower() in ("1", "true", "yes")


def pytest_addoption(parser: pytest.Parser) -> None:
    parser.addoption("--slow", action="store_true", default=False, help="also run tests marked slow")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    if config.getoption("--slow"):
        return
    skip = pytest.mark.skip(reason="slow: run with --slow")
    for item in items:
        if "slow" in item.keywords:
            item.add_marker(skip)


@pytest.fixture(scope="session")
def examples_store(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """An on-disk store built once from examples/ with the real extractor (copy it before writing)."""
    from kgbuild.api import KnowledgeGraph

    path = tmp_path_factory.mktemp("examples") / "store"
    with KnowledgeGraph(path) as kg:
        report = kg.build([EXAMPLES])
        assert not report.failed, report.failed
    return path


@pytest.fixture
def examples_copy(examples_store: Path, tmp_path: Path) -> Path:
    """A private copy of the examples store that a test may change."""
    dest = tmp_path / "store"
    shutil.copytree(examples_store, dest)
    return dest


def require_tool(name: str) -> str:
    """The path of a command-line tool; skipped locally when missing, a failure in CI."""
    path = shutil.which(name)
    if path is None:
        if IN_CI:
            pytest.fail(f"{name} is required in CI (./dev test installs it)")
        pytest.skip(f"{name} is not installed")
    return path
