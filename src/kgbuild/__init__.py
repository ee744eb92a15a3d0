"""kgbuild: a knowledge-graph builder for international election observation.

>>> import kgbuild
>>> kg = kgbuild.KnowledgeGraph(None)    # an in-memory graph; give a path for the on-disk store
>>> sorted(kg.catalog)[:2]
['accreditations', 'articles']
"""

from __future__ import annotations

from typing import Any

from .api import BuildReport, KnowledgeGraph, Problem
from .errors import (
    ExtractionError,
    InputError,
    KgbuildError,
    MissingDependency,
    ParameterError,
    QueryError,
    QueryRefused,
    ReasonerUnavailable,
    StoreError,
    StoreInUseError,
)
from .graphstore import GraphStore
from .iris import DEFAULT_BASE_IRI, Iris
from .model import Article, Evidence, Mission, Statement
from .resources import examples_path
from .store import DEFAULT_STORE, STORE_ENV, Store
from .table import Table

__all__ = [
    "DEFAULT_BASE_IRI",
    "DEFAULT_STORE",
    "STORE_ENV",
    "Article",
    "BuildReport",
    "Evidence",
    "ExtractionError",
    "GraphStore",
    "InputError",
    "Iris",
    "KgbuildError",
    "KnowledgeGraph",
    "MissingDependency",
    "Mission",
    "ParameterError",
    "Problem",
    "QueryError",
    "QueryRefused",
    "ReasonerUnavailable",
    "Statement",
    "Store",
    "Table",
    "StoreError",
    "StoreInUseError",
    "__version__",
    "examples_path",
]


def __getattr__(name: str) -> Any:
    if name == "__version__":
        from importlib.metadata import version

        return version("kgbuild")
    raise AttributeError(f"module 'kgbuild' has no attribute {name!r}")
