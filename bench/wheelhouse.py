"""A wheelhouse of what is installed: every dependency of a distribution, repacked as wheels.

``pip install --no-index --find-links HOUSE kgbuild-*.whl`` then installs kgbuild into a fresh
venv without any index or download: ``tests/test_wheel.py`` does so in CI, ``bench/install.py``
uses it as the offline baseline. The wheels are rebuilt from the files the installed
distributions list in their RECORD, so they are exactly what this environment runs.
"""

from __future__ import annotations

import base64
import hashlib
import shutil
import zipfile
from importlib import metadata
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

__all__ = ["INSTALLER_FILES", "dependency_closure", "repack", "wheelhouse_of_installed"]

#: dist-info files an installer writes; a wheel carries none of them
INSTALLER_FILES = {"RECORD", "INSTALLER", "REQUESTED", "direct_url.json"}


def dependency_closure(name: str) -> list[metadata.Distribution]:
    """The installed distributions ``name`` needs (without extras), found through their metadata."""
    seen: dict[str, metadata.Distribution] = {}
    done: set[tuple[str, str]] = set()
    todo = [(Requirement(r), "") for r in metadata.requires(name) or []]
    while todo:
        req, extra = todo.pop()
        if req.marker is not None and not req.marker.evaluate({"extra": extra}):
            continue
        key = canonicalize_name(req.name)
        dist = seen.setdefault(key, metadata.distribution(req.name))
        for wanted in ("", *sorted(req.extras)):  # the distribution's own needs, and those of each extra asked for
            if (key, wanted) not in done:
                done.add((key, wanted))
                todo.extend((Requirement(r), wanted) for r in dist.requires or [])
    return sorted(seen.values(), key=lambda d: canonicalize_name(d.metadata["Name"]))


def repack(dist: metadata.Distribution, wheelhouse: Path) -> Path:
    """A wheel of an installed distribution: its files as RECORD lists them (scripts, which pip
    writes again from ``entry_points.txt``, and byte code left out), with a fresh RECORD."""
    info = Path(str(dist._path))  # type: ignore[attr-defined]  # the .dist-info folder
    root = info.parent
    tags = [line.split(":", 1)[1].strip() for line in (info / "WHEEL").read_text().splitlines()
            if line.startswith("Tag:")]
    parts = [sorted({t.split("-")[i] for t in tags}) for i in range(3)]
    stem = info.name[: -len(".dist-info")]
    target = wheelhouse / f"{stem}-{'-'.join('.'.join(p) for p in parts)}.whl"
    if target.exists():
        return target
    record: list[str] = []
    tmp = target.with_suffix(".tmp")
    with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as whl:
        for entry in dist.files or []:
            rel = entry.as_posix()
            if rel.startswith("..") or "__pycache__/" in rel or rel.endswith(".pyc"):
                continue
            if rel.startswith(info.name + "/") and rel.split("/", 1)[1] in INSTALLER_FILES:
                continue
            path = root / rel
            if not path.is_file():
                continue
            data = path.read_bytes()
            whl.writestr(rel, data)
            digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
            record.append(f"{rel},sha256={digest},{len(data)}")
        record.append(f"{info.name}/RECORD,,")
        whl.writestr(f"{info.name}/RECORD", "\n".join(record) + "\n")
    tmp.replace(target)
    return target


def wheelhouse_of_installed(name: str, parent: Path) -> tuple[Path, list[Path]]:
    """A wheelhouse holding every installed dependency of ``name``, built once into a folder of
    ``parent`` named after the exact versions (wheelhouses of other versions are removed)."""
    dists = dependency_closure(name)
    key = hashlib.sha256(" ".join(f"{d.metadata['Name']}=={d.version}" for d in dists).encode()).hexdigest()[:16]
    folder = parent / key
    if parent.is_dir():
        for old in parent.iterdir():
            if old != folder:
                shutil.rmtree(old) if old.is_dir() else old.unlink()
    folder.mkdir(parents=True, exist_ok=True)
    return folder, [repack(d, folder) for d in dists]
