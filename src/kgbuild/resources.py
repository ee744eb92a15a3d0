"""The only code that opens packaged files: the ontology, the prepared queries, the examples.

In an installed wheel they live in ``kgbuild/_resources/{ontology,queries,examples}`` (pyproject
force-includes the top-level ``ontology/``, ``queries/`` and ``examples/`` folders there); in a
source or editable checkout ``_resources`` is absent and the top-level folders are read directly.

>>> "kgbuild.ttl" in resource_names("ontology")
True
>>> resource_text("ontology", "kgbuild.ttl").startswith("#")
True
>>> (examples_path() / "azerbaijan-2020-cis-interim.txt").is_file()
True
"""

from __future__ import annotations

from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path

from .errors import InputError, ParameterError

__all__ = ["KINDS", "examples_path", "resource_dir", "resource_names", "resource_text"]

#: The kinds of packaged resources, each a folder of files.
KINDS = ("ontology", "queries", "examples")

_SUFFIXES = {"ontology": (".ttl",), "queries": (".rq",), "examples": (".txt", ".json", ".md", ".rq")}


def _check_kind(kind: str) -> None:
    if kind not in KINDS:
        raise ParameterError("kind", kind, f"is not a resource kind; expected one of {', '.join(KINDS)}")


def resource_dir(kind: str) -> Traversable:
    """The folder holding resources of ``kind`` ("ontology", "queries" or "examples").

    Prefers the packaged copy (``kgbuild/_resources/<kind>``), else the checkout's top-level
    folder. The folder may not exist (e.g. no queries written yet); ``resource_names`` then
    returns an empty list.

    :raises ParameterError: ``kind`` is unknown.
    """
    _check_kind(kind)
    packaged = files("kgbuild") / "_resources"
    if packaged.is_dir():
        return packaged / kind
    # Source checkout: src/kgbuild/ -> repository root.
    return Path(str(files("kgbuild"))).resolve().parent.parent / kind


def resource_names(kind: str) -> list[str]:
    """Sorted file names of the resources of ``kind`` (``*.ttl`` for ontology, ``*.rq`` for queries,
    the articles, gold files and notes for examples).

    :raises ParameterError: ``kind`` is unknown.
    """
    folder = resource_dir(kind)
    if not folder.is_dir():
        return []
    return sorted(
        entry.name for entry in folder.iterdir() if entry.is_file() and entry.name.endswith(_SUFFIXES[kind])
    )


def resource_text(kind: str, name: str) -> str:
    """The UTF-8 text of resource ``name`` of ``kind``, e.g. ``resource_text("ontology", "shapes.ttl")``.

    :raises ParameterError: ``kind`` is unknown, or ``name`` is not one of ``resource_names(kind)``.
    """
    _check_kind(kind)
    if "/" in name or "\\" in name or name.startswith("."):
        raise ParameterError("name", name, "must be a plain file name, without folders")
    entry = resource_dir(kind) / name
    if not entry.is_file():
        known = ", ".join(resource_names(kind)) or "none"
        raise ParameterError("name", name, f"is not a packaged {kind} file (known: {known})")
    return entry.read_text(encoding="utf-8")


def examples_path() -> Path:
    """The folder of the bundled example articles (and their ``*.gold.json``), as a real path.

    ``kgbuild demo`` builds it when no ``--examples`` folder is given, so the demo runs in any
    folder after ``pip install kgbuild``; ``KnowledgeGraph.build([examples_path()])`` does the same
    in a notebook. In a checkout it is the top-level ``examples/``.

    :raises InputError: the package is installed as a zip archive, whose files are no folder to read.
    """
    folder = resource_dir("examples")
    if not isinstance(folder, Path) or not folder.is_dir():
        raise InputError(str(folder), "the bundled examples are not a folder on disk; pass a folder of articles")
    return folder
