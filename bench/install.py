"""Install benchmark (issue 19): what a pip user waits for, from the wheel to the first demo.

A benchmark, not a test: it prints numbers, each next to its baseline from the same run, and
asserts nothing.

    .venv/bin/python bench/install.py              # 3 rounds
    .venv/bin/python bench/install.py --rounds 1

It builds the wheel of this checkout, then per round creates an empty venv and installs the
wheel as a user does (``pip install kgbuild-*.whl``: the dependencies from the configured index,
through pip's cache, warm after the first round), and, as the baseline, offline from a
wheelhouse repacked from this environment (``bench/wheelhouse.py``, ``--no-index``, as
``tests/test_wheel.py`` does). It then times ``kgbuild demo`` in an empty folder (the user's
first command) and prints the wheel's size and the venv's size on disk. The first round's
index install also fills pip's cache if it was cold; the medians are over all rounds.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
import venv
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.wheelhouse import wheelhouse_of_installed  # noqa: E402


def _timed(cmd: list[str], **kw: object) -> float:
    t0 = time.perf_counter()
    subprocess.run(cmd, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, **kw)
    return time.perf_counter() - t0


def _du(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="kgbuild-install-") as tmp:
        work = Path(tmp)
        subprocess.run([sys.executable, "-m", "build", "--wheel", "--no-isolation", "--outdir", str(work / "dist"),
                        str(ROOT)], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        (wheel,) = (work / "dist").glob("kgbuild-*.whl")
        house, wheels = wheelhouse_of_installed("kgbuild", ROOT / ".venv" / "wheelhouse")
        clean = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "KGBUILD_", "VIRTUAL_ENV"))}
        index, offline, demo, sizes = [], [], [], []
        for i in range(args.rounds):
            # (pip's global options, its install options): the user's install, and the offline baseline
            ways = {"index": ([], []), "offline": (["--isolated"], ["--no-index", "--find-links", str(house)])}
            for kind, (global_opts, install_opts) in ways.items():
                env_dir = work / f"{kind}-{i}"
                venv.EnvBuilder(with_pip=False).create(env_dir)
                seconds = _timed([sys.executable, "-m", "pip", *global_opts, "--python", str(env_dir / "bin" / "python"),
                                  "install", "-q", *install_opts, str(wheel)], env=clean)
                (index if kind == "index" else offline).append(seconds)
            folder = work / f"empty-{i}"
            folder.mkdir()
            demo.append(_timed([str(work / f"index-{i}" / "bin" / "kgbuild"), "demo"], cwd=folder, env=clean))
            sizes.append(_du(work / f"index-{i}"))
        print(f"wheel: {wheel.name}, {wheel.stat().st_size:,} bytes")
        print(f"dependencies: {len(wheels)} distributions; installed venv {statistics.median(sizes) / 2**20:,.0f} MiB")
        print(f"install from the index (pip cache), median of {args.rounds}: {statistics.median(index):.1f} s "
              f"(rounds: {', '.join(f'{s:.1f}' for s in index)})")
        print(f"baseline, offline from a wheelhouse (--no-index), median: {statistics.median(offline):.1f} s "
              f"(ratio index/offline {statistics.median(index) / statistics.median(offline):.2f})")
        print(f"first `kgbuild demo` in an empty folder, median: {statistics.median(demo):.1f} s")


if __name__ == "__main__":
    main()
