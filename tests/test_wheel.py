"""kgbuild as a pip user gets it (issue 19): the built wheel, installed offline into a fresh venv.

The test builds the wheel, makes a wheelhouse of kgbuild's dependencies by repacking the
distributions this test environment already has installed (``bench/wheelhouse.py``; no download,
no pip cache needed:
``pip install --no-index`` then proves nothing reaches the network), installs the wheel into an
empty virtual environment, and runs ``kgbuild demo`` from an empty folder, as a user's first
command. The wheelhouse is kept next to the test venv (``.venv/wheelhouse``), so a second run
reuses it; the install skips byte-compiling (``--no-compile``) to keep the test's cost down.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
import venv
import zipfile
from importlib import metadata
from pathlib import Path

import pytest
from bench.wheelhouse import INSTALLER_FILES, repack, wheelhouse_of_installed

from .conftest import ROOT


def test_wheel_installs_offline_and_demo_runs_in_an_empty_folder(tmp_path: Path) -> None:
    """The built wheel installs with --no-index into a fresh venv and `kgbuild demo` works in an empty folder."""
    dist = tmp_path / "dist"
    build = subprocess.run(
        [sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(dist), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert build.returncode == 0, build.stdout + build.stderr
    (wheel,) = dist.glob("kgbuild-*.whl")
    with zipfile.ZipFile(wheel) as z:
        names = set(z.namelist())
        meta = z.read(next(n for n in names if n.endswith(".dist-info/METADATA"))).decode()
    examples = sorted(p.name for p in (ROOT / "examples").iterdir() if p.is_file())
    assert {f"kgbuild/_resources/examples/{n}" for n in examples} <= names
    assert any(n.endswith(".dist-info/licenses/LICENSE") for n in names)
    for field in ("License-Expression: MIT", "Project-URL: Source, ", "Project-URL: Issues, ",
                  "Project-URL: Documentation, ", "Keywords: ", "Author-email: ", "Provides-Extra: pandas"):
        assert field in meta, field

    t0 = time.perf_counter()
    house, wheels = wheelhouse_of_installed("kgbuild", ROOT / ".venv" / "wheelhouse")
    repack_s = time.perf_counter() - t0
    assert any(w.name.startswith("spacy-") for w in wheels) and any(w.name.startswith("pyoxigraph-") for w in wheels)

    env_dir = tmp_path / "venv"
    venv.EnvBuilder(with_pip=False).create(env_dir)
    python = env_dir / "bin" / "python"
    clean = {k: v for k, v in os.environ.items() if not k.startswith(("PIP_", "PYTHON", "KGBUILD_", "VIRTUAL_ENV"))}
    t0 = time.perf_counter()
    install = subprocess.run(
        [sys.executable, "-m", "pip", "--isolated", "--python", str(python), "install", "-q", "--no-compile", "--no-index",
         "--find-links", str(house), str(wheel)],
        capture_output=True, text=True, timeout=900, env=clean,
    )
    install_s = time.perf_counter() - t0
    assert install.returncode == 0, install.stdout + install.stderr
    print(f"\nwheel {wheel.stat().st_size:,} bytes, {len(names)} files; wheelhouse {len(wheels)} wheels "
          f"({repack_s:.1f} s); offline install {install_s:.1f} s")

    empty = tmp_path / "somewhere"
    empty.mkdir()
    run = subprocess.run([str(env_dir / "bin" / "kgbuild"), "demo"], capture_output=True, text=True, timeout=600,
                         cwd=empty, env=clean)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "13 added, 0 replaced, 0 unchanged, 0 failed" in run.stdout
    assert re.search(r"graph: 13 articles, 22 missions", run.stdout), run.stdout
    assert "cis-az-parliamentary-2020-02-09" in run.stdout
    for name in ("kgbuild.ttl", "missions.csv", "provenance.csv", "void.ttl"):
        assert (empty / "out" / name).stat().st_size > 0, name
    assert (empty / "kgbuild-store").is_dir()
    # the demo read the examples inside the installed package, not a checkout
    version = subprocess.run([str(env_dir / "bin" / "kgbuild"), "--version"], capture_output=True, text=True,
                             cwd=empty, env=clean)
    from kgbuild import __version__

    assert version.stdout.split()[-1] == __version__
    where = subprocess.run([str(python), "-c", "import kgbuild; print(kgbuild.examples_path())"],
                           capture_output=True, text=True, cwd=empty, env=clean)
    assert where.stdout.strip().startswith(str(env_dir)) and "_resources" in where.stdout


@pytest.mark.parametrize("name", ["spacy", "pyoxigraph"])
def test_wheel_repacked_dependency_holds_what_is_installed(tmp_path: Path, name: str) -> None:
    """A repacked wheel holds every installed file of the distribution (byte code aside), with a RECORD that matches."""
    dist = metadata.distribution(name)
    whl = repack(dist, tmp_path)
    with zipfile.ZipFile(whl) as z:
        names = set(z.namelist())
        record = z.read(next(n for n in names if n.endswith(".dist-info/RECORD"))).decode().splitlines()
    installed = {f.as_posix() for f in dist.files or [] if not f.as_posix().startswith("..")
                 and "__pycache__" not in f.as_posix() and f.as_posix().split("/", 1)[-1] not in INSTALLER_FILES}
    assert installed == names - {n for n in names if n.endswith(".dist-info/RECORD")}
    assert {line.split(",", 1)[0] for line in record} == names
    assert re.fullmatch(rf"{name}-{re.escape(dist.version)}-[\w.]+-[\w.]+-[\w.]+\.whl", whl.name)


def test_wheel_version_is_written_in_one_place() -> None:
    """The version is pyproject.toml's; the changelog's newest entry, --version and the User-Agent follow it."""
    import tomllib

    import kgbuild
    from kgbuild.link.wikidata import USER_AGENT

    version = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"]
    assert kgbuild.__version__ == version
    changelog = (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")
    assert re.findall(r"^## (\S+)", changelog, flags=re.M)[0] == version
    assert USER_AGENT.startswith(f"kgbuild/{version} ")
    # no other copy of the version in the package's code
    for path in (ROOT / "src" / "kgbuild").rglob("*.py"):
        assert f'"{version}"' not in path.read_text(encoding="utf-8"), path


def test_wheel_metadata_names_licence_urls_and_extras() -> None:
    """The installed metadata carries the licence, the project URLs, keywords, classifiers and the extras."""
    meta = metadata.metadata("kgbuild")
    assert meta["License-Expression"] == "MIT"
    urls = dict(u.split(", ", 1) for u in meta.get_all("Project-URL") or [])
    assert {"Homepage", "Documentation", "Source", "Issues", "Changelog"} <= set(urls)
    assert all(u.startswith("https://") for u in urls.values())
    assert "election observation" in meta["Keywords"]
    classifiers = meta.get_all("Classifier") or []
    assert "Intended Audience :: Science/Research" in classifiers and "Typing :: Typed" in classifiers
    assert {"pandas", "polars", "notebook", "train", "test"} <= set(meta.get_all("Provides-Extra") or [])
    assert meta["Author-email"]
