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
- ``relink`` as a whole, for scale.

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


def _median(fn: Any, runs: int) -> tuple[float, list[float]]:
    ts = [timed(fn)[0] for _ in range(runs)]
    return statistics.median(ts), ts


def measure(n: int, *, runs: int, seed: int, workdir: Path) -> dict[str, Any]:
    """The figures for one N (seconds), built in ``workdir``."""
    from kgbuild.api import KnowledgeGraph
    from kgbuild.elections import settle
    from kgbuild.export import refresh_default_graph

    out: dict[str, Any] = {"n": n}
    with KnowledgeGraph(workdir / f"store-{n}") as kg:
        out["write_s"], _ = timed(lambda: kg.store.replace_graphs(gold_graphs(n, seed)))
        out["settle_first_s"], rewritten = timed(lambda: settle(kg.store))
        out["settled_graphs"] = len(rewritten)
        out["relink_first_s"], _ = timed(kg.relink)
        out["build_s"] = out["write_s"] + out["settle_first_s"] + out["relink_first_s"]
        out["quads"] = kg.store.count_quads()
        out["default_triples"] = refresh_default_graph(kg.store)
        out["rewrite_s"], out["rewrite_runs"] = _median(lambda: refresh_default_graph(kg.store), runs)
        out["settle_s"], out["settle_runs"] = _median(lambda: settle(kg.store), runs)
        out["relink_s"], out["relink_runs"] = _median(kg.relink, runs)
    return out


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--sizes", default="1000,10000", help="comma-separated article counts")
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    a = p.parse_args(argv)
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    print(f"started {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}", file=sys.stderr, flush=True)
    rows = []
    with tempfile.TemporaryDirectory(prefix="kgbench-default-graph-") as tmp:
        for n in sizes:
            r = measure(n, runs=a.runs, seed=a.seed, workdir=Path(tmp))
            rows.append(r)
            build = r["build_s"]
            print(f"N={n}: {r['quads']:,} quads; data default graph {r['default_triples']:,} triples")
            print(f"  build's own time (write {r['write_s']:.2f} s + settle {r['settle_first_s']:.2f} s, "
                  f"{r['settled_graphs']} graphs rewritten + relink {r['relink_first_s']:.2f} s): {build:.2f} s")
            for name, key in (("default-graph rewrite", "rewrite"), ("settle check (settled store)", "settle"),
                              ("relink as a whole", "relink")):
                runs = ", ".join(f"{t:.2f}" for t in r[f"{key}_runs"])
                print(f"  {name}: median {r[f'{key}_s']:.2f} s of [{runs}] = {r[f'{key}_s'] / build:.1%} of the build")
    print(f"finished {time.strftime('%Y-%m-%d %H:%M:%S UTC', time.gmtime())}", file=sys.stderr)
    if len(rows) > 1:
        a0, a1 = rows[0], rows[-1]
        print(f"rewrite growth {a0['n']} -> {a1['n']} articles: {a1['rewrite_s'] / a0['rewrite_s']:.1f}x "
              f"(articles {a1['n'] / a0['n']:.0f}x, triples {a1['default_triples'] / a0['default_triples']:.1f}x)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
