"""Peak memory of a whole build against the number of articles (extractor issue: the peak RSS at
10k articles is at most 1.2x that at 1k).

    .venv/bin/python -m bench.rss [--small 1000] [--large 10000] [--src SRC]

Writes ``--large`` generated articles (``bench.generate``, seeded; the first ``--small`` of them are
the small build's), runs ``kgbuild build --store DIR FOLDER`` on each folder as a subprocess, and
prints its time and the peak RSS of the process and its children (sampled every 0.1 s from
/proc), and the ratio large / small. A benchmark: it prints numbers, asserts nothing.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
from pathlib import Path

from .generate import write_corpus
from .hardening import ROOT, env_for, peak_rss_of


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--small", type=int, default=1000)
    ap.add_argument("--large", type=int, default=10000)
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the kgbuild source tree to run")
    args = ap.parse_args(argv)
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-rss-"))
    try:
        env = env_for(args.src)
        peaks = {}
        for n in (args.small, args.large):
            folder = write_corpus(tmp / f"articles-{n}", n, seed=1, gold=False)
            load = os.getloadavg()[0]
            secs, peak, rc = peak_rss_of([sys.executable, "-m", "kgbuild", "build", "--store", str(tmp / f"store-{n}"),
                                          str(folder)], env, tmp)
            peaks[n] = peak
            print(f"{n:6,} articles: build {secs:6.0f} s, peak RSS {peak:6.0f} MB (exit {rc}; load {load:.1f} at the start)",
                  flush=True)
        print(f"peak RSS {args.large:,} / {args.small:,} articles = {peaks[args.large] / peaks[args.small]:.2f}x "
              f"(target <= 1.2x at 10k against 1k)")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
