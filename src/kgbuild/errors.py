"""The exceptions kgbuild raises, and nothing else.

Hierarchy::

    KgbuildError
    ├── ParameterError          a parameter or option value is malformed (names the parameter)
    ├── QueryError              a prepared query is unknown, or a query fails or is refused
    │   └── QueryRefused        a read-only interface refuses the query (an update, SERVICE)
    ├── StoreError              the store cannot be opened or written
    │   └── StoreInUseError     another process holds the store's write lock
    ├── InputError              one input item cannot be read (names the item)
    ├── ExtractionError         extraction failed on one article (names the article)
    ├── ReasonerUnavailable     the OWL reasoner cannot run (Java missing)
    └── MissingDependency       an optional package is not installed (names the extra to install)

Library code raises these; only the CLI and the server turn them into messages, exit codes
and HTTP statuses.
"""

from __future__ import annotations

__all__ = [
    "ExtractionError",
    "InputError",
    "KgbuildError",
    "MissingDependency",
    "ParameterError",
    "QueryError",
    "QueryRefused",
    "ReasonerUnavailable",
    "StoreError",
    "StoreInUseError",
]


class KgbuildError(Exception):
    """Base class of every error kgbuild raises on purpose."""


class ParameterError(KgbuildError, ValueError):
    """A parameter value is missing, unknown or malformed."""

    def __init__(self, name: str, value: object, problem: str) -> None:
        self.name, self.value, self.problem = name, value, problem
        shown = repr(value) if value is not None else "(missing)"
        super().__init__(f"parameter {name!r}: {shown} {problem}")


class QueryError(KgbuildError):
    """A query is unknown, malformed, refused or failed."""

    def __init__(self, message: str, *, query: str | None = None) -> None:
        self.query = query
        super().__init__(f"query {query!r}: {message}" if query else message)


class QueryRefused(QueryError):
    """A read-only interface refuses a well-formed query: an update, or SERVICE."""


class StoreError(KgbuildError):
    """The store cannot be opened, read or written."""

    def __init__(self, message: str, *, path: str | None = None) -> None:
        self.path = path
        super().__init__(f"store {path}: {message}" if path else message)


class StoreInUseError(StoreError):
    """Another process is writing to the store."""


class InputError(KgbuildError):
    """One input item (file, JSON line, stdin) cannot be read."""

    def __init__(self, item: str, problem: str) -> None:
        self.item, self.problem = item, problem
        super().__init__(f"{item}: {problem}")


class ExtractionError(KgbuildError):
    """Extraction raised on one article."""

    def __init__(self, article: str, problem: str) -> None:
        self.article, self.problem = article, problem
        super().__init__(f"{article}: extraction failed: {problem}")


class ReasonerUnavailable(KgbuildError):
    """The OWL reasoner (HermiT, through owlready2) needs Java, which is not installed."""


class MissingDependency(KgbuildError, ImportError):
    """An optional package a call needs is not installed; the message names the extra to install."""

    def __init__(self, package: str, extra: str, needed_by: str) -> None:
        self.package, self.extra = package, extra
        super().__init__(f"{needed_by} needs {package}, which is not installed: pip install 'kgbuild[{extra}]'")
