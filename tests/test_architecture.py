"""The import contract of docs/architecture.md, checked over every module's imports (parsed with ast).

The layer table is read from the document itself, so the page and the check cannot drift apart:
every module belongs to one component of the table, and imports only its own component and
components of lower layers. Imports inside functions and under ``TYPE_CHECKING`` count too.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from .conftest import ROOT

SRC = ROOT / "src" / "kgbuild"
DOC = ROOT / "docs" / "architecture.md"
_ROW = re.compile(r"^\|\s*(\d+)\s*\|\s*`([\w.]+)`\s*\|([^|]*)\|", re.M)
#: (importer, imported) components the table would allow but the document rules out
FORBIDDEN = {("cli", "store"), ("cli", "remote"), ("server", "store"), ("server", "remote"), ("server", "extract"),
             ("server", "ingest")}
#: third-party packages only one component may import
CONFINED = {"spacy": "extract", "thinc": "extract"}


def _modules() -> dict[str, Path]:
    """Dotted name -> file of every module of the package (a package by its ``__init__``)."""
    out = {}
    for path in sorted(SRC.rglob("*.py")):
        parts = ("kgbuild", *path.relative_to(SRC).with_suffix("").parts)
        out[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    return out


MODULES = _modules()


def _table() -> tuple[dict[str, int], dict[str, str]]:
    """(component -> layer, module -> component) from the document's table."""
    layers: dict[str, int] = {}
    owner: dict[str, str] = {}
    for layer, component, cell in _ROW.findall(DOC.read_text(encoding="utf-8")):
        layers[component] = int(layer)
        for entry in re.findall(r"`([^`]+)`", cell):
            name = "kgbuild" if entry == "__init__.py" else "kgbuild." + entry.removesuffix(".py").rstrip("/").replace("/", ".")
            members = [m for m in MODULES if m == name or (entry.endswith("/") and m.startswith(name + "."))]
            assert members, f"docs/architecture.md: {entry!r} ({component}) is no module of the package"
            for m in members:
                assert m not in owner, f"docs/architecture.md: {m} is in both {owner[m]} and {component}"
                owner[m] = component
    return layers, owner


LAYERS, OWNER = _table()


def _statements(module: str, path: Path) -> Iterator[tuple[int, str, str | None]]:
    """(line, module, name) of every import in ``module``: ``import m`` gives (line, m, None),
    ``from m import n`` gives (line, m, n), with relative imports resolved."""
    package = module if path.name == "__init__.py" else module.rsplit(".", 1)[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name, None) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")
                anchor = anchor[: len(anchor) - node.level + 1]
                base = ".".join(anchor + ([node.module] if node.module else []))
            yield from ((node.lineno, base, alias.name) for alias in node.names)


def _imports(module: str, path: Path) -> Iterator[tuple[int, str]]:
    """(line, imported name) of every import in ``module``; a name imported from a package is the
    submodule when one has that name."""
    for line, base, name in _statements(module, path):
        yield line, f"{base}.{name}" if f"{base}.{name}" in MODULES else base


def _owning_module(name: str) -> str | None:
    """The kgbuild module that ``name`` (a module or a name in one) belongs to."""
    while name not in MODULES and "." in name:
        name = name.rsplit(".", 1)[0]
    return name if name in MODULES and name.startswith("kgbuild") else None


def _internal_edges() -> Iterator[tuple[str, int, str]]:
    """(importer, line, imported module) for every import of one kgbuild module by another."""
    for module, path in MODULES.items():
        for line, name in _imports(module, path):
            imported = _owning_module(name)
            if imported is not None and imported != module:
                yield module, line, imported


def test_architecture_every_module_is_in_the_table() -> None:
    """docs/architecture.md places every module of the package in exactly one component."""
    assert LAYERS and set(OWNER) == set(MODULES), sorted(set(MODULES) - set(OWNER))


def test_architecture_imports_go_down_the_layers() -> None:
    """A module imports its own component and lower layers only, and nothing the document forbids."""
    wrong = []
    for importer, line, imported in _internal_edges():
        a, b = OWNER[importer], OWNER[imported]
        if a != b and (LAYERS[b] >= LAYERS[a] or (a, b) in FORBIDDEN):
            wrong.append(f"{MODULES[importer].relative_to(ROOT)}:{line}: {a} (layer {LAYERS[a]}) imports "
                         f"{imported} ({b}, layer {LAYERS[b]})")
    assert not wrong, "\n".join(wrong)


def test_architecture_no_private_names_across_components() -> None:
    """A name with a leading underscore is imported only inside its own component; other components
    use the public names (the extractor reads the catalogue's VARIANTS, not a private table)."""
    wrong = [f"{path.relative_to(ROOT)}:{line}: {name} from {source}"
             for module, path in MODULES.items() for line, base, name in _statements(module, path)
             if name and name.startswith("_") and not name.startswith("__")
             and (source := _owning_module(base)) is not None and OWNER[source] != OWNER[module]]
    assert not wrong, "\n".join(wrong)


@pytest.mark.parametrize(("package", "component"), sorted(CONFINED.items()))
def test_architecture_confined_packages(package: str, component: str) -> None:
    """Only extract/ imports spaCy: everything else receives plain dataclasses."""
    wrong = [f"{MODULES[m].relative_to(ROOT)}:{line}" for m, path in MODULES.items() if OWNER[m] != component
             for line, name in _imports(m, path) if name == package or name.startswith(package + ".")]
    assert not wrong, wrong


def test_architecture_no_import_cycles() -> None:
    """No module imports, directly or through others, a module that imports it (lazy imports included)."""
    graph: dict[str, set[str]] = {m: set() for m in MODULES}
    for importer, _, imported in _internal_edges():
        graph[importer].add(imported)
    seen: dict[str, int] = {}  # 1: on the current path, 2: done

    def visit(m: str, path: list[str]) -> list[str] | None:
        seen[m] = 1
        for n in sorted(graph[m]):
            if seen.get(n) == 1:
                return [*path[path.index(n):], n] if n in path else [*path, n]
            if n not in seen and (cycle := visit(n, [*path, n])):
                return cycle
        seen[m] = 2
        return None

    for m in sorted(graph):
        if m not in seen and (cycle := visit(m, [m])):
            pytest.fail("import cycle: " + " -> ".join(cycle))


def test_architecture_check_sees_a_violation(tmp_path: Path) -> None:
    """The checker is not blind: an upward import written into a copy of a module is found."""
    path = tmp_path / "iris.py"
    path.write_text(MODULES["kgbuild.iris"].read_text(encoding="utf-8") + "\nfrom .extract import gazetteer\n")
    found = {name for _, name in _imports("kgbuild.iris", path)}
    assert "kgbuild.extract.gazetteer" in found
    assert LAYERS[OWNER["kgbuild.extract.gazetteer"]] >= LAYERS[OWNER["kgbuild.iris"]]
