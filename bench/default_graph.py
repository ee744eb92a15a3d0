"""What the data default graph and the election settling cost a build, at N articles (issue 15).

    .venv/bin/python -m bench.default_graph --sizes 1000,10000 --runs 3

For each N, an on-disk store of N generated gold articles (``bench.run.gold_graphs``: the
generator's gold missions through the RDF layer, no spaCy) is built as ``kgbuild build`` does
after extraction: the article graphs written in batches (``replace_graphs``), then
``KnowledgeGraph.relink``. That is the build's own time (extraction aside), measured once per N.
Then, on the same store, repeated (medians of ``--runs``):

- the default-graph rewrite alone (``kgbuild.export.refresh_default_graph``: ``DROP DEFAULT`` and
  one ``INSERT ... WHERE { GRAPH ?g ... }`` over the data graphs), which every relink (every
  build, ``remove``, ``link``) pays;
- ``kgbuild.elections.settle`` on the settled store (its check: two queries, no rewrite);
- ``relink`` as a whole, for scale (``--relink-runs``, default 1; 0 skips it: the build's own
  relink is measured anyway).

Wall and CPU seconds of this process both: on a shared machine the CPU time is the steadier.

It prints each figure and its ratio to the build's own time, from the same run.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import gold_graphs, timed


def _cpu(fn: Any) -> tuple[float, float, Any]:
    """(wall seconds, this process's CPU seconds, result): on a loaded machine the CPU time is the
    steadier figure (pyoxigraph runs queries and updates in the calling thread)."""
    c0 = time.process_time()
    wall, out = timed(fn)
    return wall, time.process_time() - c0, out


def _median(fn: Any, runs: int) -> tuple[float, list[float], float]:
    """Median wall seconds, every run's wall seconds, median CPU seconds."""
    measured = [_cpu(fn) for _ in range(runs)]
    return statistics.median(m[0] for m in measured), [m[0] for m in measured], statistics.median(m[1] for m in measured)


def measure(n: int, *, runs: int, seed: int, workdir: Path, relink_runs: int = 1) -> dict[str, Any]:
    """The figures for one N (seconds), built in ``workdir``."""
    import pyoxigraph as ox

    from kgbuild.api import KnowledgeGraph
    from kgbuild.elections import settle
    from kgbuild.export import refresh_default_graph

    out: dict[str, Any] = {"n": n}
    with KnowledgeGraph(workdir / f"store-{n}") as kg:
        out["write_s"], out["write_cpu"], _ = _cpu(lambda: kg.store.replace_graphs(gold_graphs(n, seed)))
        out["settle_first_s"], out["settle_first_cpu"], rewritten = _cpu(lambda: settle(kg.store))
        out["settled_graphs"] = len(rewritten)
        out["relink_first_s"], out["relink_first_cpu"], _ = _cpu(kg.relink)
        out["build_s"] = out["write_s"] + out["settle_first_s"] + out["relink_first_s"]
        out["build_cpu"] = out["write_cpu"] + out["settle_first_cpu"] + out["relink_first_cpu"]
        out["quads"] = kg.store.count_quads()
        out["default_triples"] = sum(1 for _ in kg.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
        out["rewrite_s"], out["rewrite_runs"], out["rewrite_cpu"] = _median(lambda: refresh_default_graph(kg.store), runs)
        out["settle_s"], out["settle_runs"], out["settle_cpu"] = _median(lambda: settle(kg.store), runs)
        if relink_runs:
            out["relink_s"], out["relink_runs"], out["relink_cpu"] = _median(kg.relink, relink_runs)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--relink-runs", type=int, default=1)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    print(f"started {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}", file=sys.stderr, flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kgbench-default-graph-") as tmp:
        for n in sizes:
            r = measure(n, runs=a.runs, seed=a.seed, workdir=Path(tmp), relink_runs=a.relink_runs)
            rows.append(r)
            print(f"N={n}: {r['quads']:,} quads; data default graph {r['default_triples']:,} triples")
            print(f"  build's own time: write {r['write_s']:.2f} s + settle {r['settle_first_s']:.2f} s "
                  f"({r['settled_graphs']} graphs rewritten) + relink {r['relink_first_s']:.2f} s = {r['build_s']:.2f} s "
                  f"wall, {r['build_cpu']:.2f} s CPU")
            for name, key in (("default-graph rewrite", "rewrite"), ("settle check (settled store)", "settle"),
                              ("relink as a whole", "relink")):
                if f"{key}_s" not in r:
                    continue
                runs = ", ".join(f"{t:.2f}" for t in r[f"{key}_runs"])
                print(f"  {name}: median {r[f'{key}_s']:.2f} s wall of [{runs}] = {r[f'{key}_s'] / r['build_s']:.1%} "
                      f"of the build; {r[f'{key}_cpu']:.2f} s CPU = {r[f'{key}_cpu'] / r['build_cpu']:.1%}")
    print(f"finished {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}", file=sys.stderr)
    if len(rows) > 1:
        a0, a1 = rows[0], rows[-1]
        print(f"rewrite growth {a0['n']} -> {a1['n']} articles: {a1['rewrite_s'] / a0['rewrite_s']:.1f}x wall, "
              f"{a1['rewrite_cpu'] / a0['rewrite_cpu']:.1f}x CPU "
              f"(articles {a1['n'] / a0['n']:.0f}x, triples {a1['default_triples'] / a0['default_triples']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
