"""What a one-article build pays beyond its extraction at N articles, and where the export's floor is.

    .venv/bin/python -m bench.floors --n 10000 --runs 3 [--store DIR] [--parts relink,export]

On an on-disk store of N generated gold articles (``bench.run.write_gold_store``, no spaCy;
``--store DIR`` keeps it there and reuses it on the next run):

- ``relink``: ``KnowledgeGraph.relink()`` alone, the full recomputation (links graph, data default
  graph, listings from every article graph), the baseline; and one article written and relinked
  incrementally, as a one-article build does after extracting (``KnowledgeGraph.write_graphs``),
  then removed again (``KnowledgeGraph.remove``, incremental too), with their ratio to the full one
  (on the store compacted after that relink, untimed, as a big build leaves it);
- election settling on the settled store: ``kgbuild.elections.settle`` over the whole store (what
  every relink ran before issue 17's scoped settle) against ``settle_groups`` for the groups
  (country, type) of that one article (what its incremental relink runs);
- export: ``kgbuild.export.export`` Turtle against the raw ``Store.dump`` TriG of the whole store
  (the ratio BENCHMARKS.md reports) and against the raw Turtle dump of the same triples (the data
  default graph: the floor), and the merged ``CONSTRUCT`` iterated without serializing (what a
  store without a data default graph pays).
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.run import gold_graphs, write_gold_store


def _median(fn: Any, runs: int) -> tuple[float, list[float]]:
    ts = []
    for _ in range(runs):
        t0 = time.perf_counter()
        fn()
        ts.append(time.perf_counter() - t0)
    return statistics.median(ts), ts


def main(argv: list[str] | None = None) -> int:
    import pyoxigraph as ox

    from kgbuild.api import KnowledgeGraph
    from kgbuild.elections import election_groups, settle, settle_groups
    from kgbuild.export import _merged_in_key_order, export
    from kgbuild.vocab import PREFIXES

    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=10000)
    p.add_argument("--runs", type=int, default=3)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--relink-runs", type=int, default=None, help="runs of the full relink (default: --runs)")
    p.add_argument("--store", type=Path, default=None, help="keep the generated store here (reused when there)")
    p.add_argument("--parts", default="relink,export", help="relink (the one-article build), export, or both")
    a = p.parse_args(argv)
    print(f"started {time.strftime('%H:%M:%S UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}",
          file=sys.stderr, flush=True)
    with tempfile.TemporaryDirectory(prefix="kgbench-floors-") as tmp:
        path = a.store or Path(tmp) / "store"
        made = write_gold_store(path, a.n, a.seed) if not path.exists() else {"write_s": 0.0, "relink_s": 0.0}
        extra = next(iter(gold_graphs(a.n + 1, a.seed + 1)))  # an article that is not in the store
        if "relink" in a.parts.split(","):
            with KnowledgeGraph(path) as kg:
                relink, relink_all = _median(kg.relink, a.relink_runs or a.runs)
                # compacted, as a build of many articles leaves the store (KnowledgeGraph.build
                # optimizes after OPTIMIZE_AFTER new ones): the relink above rewrote the listing and
                # the default graph, and a write right after it waits on their compaction (0.9-1.3 s)
                kg.store.optimize()
                g, quads = extra
                writes, removes = [], []
                for _ in range(a.runs):
                    t0 = time.perf_counter()
                    kg.write_graphs([(g, [ox.Quad(q.subject, q.predicate, q.object, g) for q in quads])])
                    writes.append(time.perf_counter() - t0)
                    t0 = time.perf_counter()
                    assert kg.remove(g.value.rsplit("/", 1)[-1])
                    removes.append(time.perf_counter() - t0)
                one_s, remove_s = statistics.median(writes), statistics.median(removes)
                groups = election_groups(kg.iris, quads)
                settle_all, settle_all_runs = _median(lambda: settle(kg.store), a.runs)
                settle_some, settle_some_runs = _median(lambda: settle_groups(kg.store, groups), a.runs)
        if "export" in a.parts.split(","):
            with KnowledgeGraph(path, read_only=True) as kg:
                s = kg.store
                out = Path(tmp) / "out"
                ours, ours_all = _median(lambda: export(s, out, format="turtle"), a.runs)
                raw, raw_all = _median(lambda: s.backend.dump(str(out), format=ox.RdfFormat.TRIG, prefixes=PREFIXES), a.runs)
                same, _ = _median(lambda: s.backend.dump(str(out), format=ox.RdfFormat.TURTLE, prefixes=PREFIXES,
                                                         from_graph=ox.DefaultGraph()), a.runs)
                construct, _ = _median(lambda: sum(1 for _ in _merged_in_key_order(s)), a.runs)
                n_triples = sum(1 for _ in _merged_in_key_order(s))
                n_quads = len(s.backend)
    print(f"N={a.n}: store written in {made['write_s']:.1f} s, relinked in {made['relink_s']:.1f} s")
    if "relink" in a.parts.split(","):
        print(f"full relink (baseline): median {relink:.2f} s of {[round(t, 2) for t in relink_all]}")
        print(f"one article written + incremental relink: median {one_s:.3f} s of {[round(t, 3) for t in writes]} "
              f"= {one_s / relink:.4f}x the full relink (target <= 0.5 s)")
        print(f"that article removed + incremental relink: median {remove_s:.3f} s of {[round(t, 3) for t in removes]} "
              f"= {remove_s / relink:.4f}x the full relink")
        print(f"election settling on the settled store: the article's groups {sorted(groups)} {settle_some:.3f} s of "
              f"{[round(t, 3) for t in settle_some_runs]} vs the whole store {settle_all:.3f} s of "
              f"{[round(t, 3) for t in settle_all_runs]} = {settle_some / settle_all:.3f}x")
    if "export" in a.parts.split(","):
        print(f"export Turtle {ours:.2f} s vs raw TriG dump {raw:.2f} s = {raw / ours:.2f}x (target >= 0.8x); "
              f"{n_triples:,} merged triples of {n_quads:,} quads")
        print(f"  vs raw Turtle dump of the same merged triples (the data default graph): {same:.2f} s = {same / ours:.2f}x")
        print(f"  the merged CONSTRUCT (the path without a data default graph) iterated, no serializer: {construct:.2f} s "
              f"({construct / ours:.0%} of the export)")
    print(f"finished {time.strftime('%H:%M:%S UTC', time.gmtime())}, load {os.getloadavg()[0]:.1f}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
