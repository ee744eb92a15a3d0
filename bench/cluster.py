"""Scale-out benchmark (issue 17): one process vs ``--processes 2`` vs ``--cluster local:2``, and
the write throughput of one Oxigraph server.

    .venv/bin/python -m bench.cluster --n 1000 --runs 1 --json bench/results/cluster-1k.json
    .venv/bin/python -m bench.cluster --n 100 --runs 1          # a few minutes

Builds (each in a fresh interpreter, interleaved so that drift in machine load hits all alike;
the model is loaded before the clock starts wherever the build's own process extracts):

- ``local1``: ``KnowledgeGraph(DIR).build`` in one process (the baseline);
- ``local2``: the same with ``n_process=2`` (workers extract and build quads; forked after the
  model is loaded, so they share it);
- ``server1``: one process into an ``oxigraph serve`` on loopback;
- ``raw1`` / ``raw2``: spaCy's full default pipeline, ``nlp.pipe`` with 1 and 2 processes (what
  the machine gives two processes; ``raw2`` is compared with ``raw1``);
- ``cluster2``: ``cluster=`` a LocalCluster of 2 worker processes writing to an ``oxigraph
  serve``; its start (cluster, and the model in each worker) is timed apart from the build.

Server writes (no spaCy): the generator's gold graphs of N articles (``bench.run.gold_graphs``)
into a fresh server, per graph (``replace_graph``: one update each) and batched
(``RemoteBatchWriter``: one update per 200k quads), and batched from 2 concurrent clients.

Prints a table and the figures the scale-out model in docs/scale-out.md uses. Each build's line
on stderr carries the load average when it ended, and ``--json`` is rewritten after every part
and every build, so a run stopped part-way keeps what it measured. The local builds
also record CPU seconds of the build's own process and of its workers: on a shared machine the
wall-clock ratio of 2 processes to 1 depends on the other load, while the build's own share of
the CPU is what bounds it (with ``--src OLD/src`` the children run another checkout, to compare).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent


@contextmanager
def oxigraph_server(workdir: Path) -> Iterator[str]:
    """A fresh ``oxigraph serve`` (the PyPI package's binary) on a free loopback port."""
    import httpx

    binary = Path(sys.executable).parent / "oxigraph"
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    db = workdir / f"db-{port}"
    proc = subprocess.Popen([str(binary), "serve", "--location", str(db), "--bind", f"127.0.0.1:{port}"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(300):
            try:
                httpx.get(f"{url}/query", params={"query": "ASK {}"}, timeout=1)
                break
            except httpx.HTTPError:
                time.sleep(0.1)
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        shutil.rmtree(db, ignore_errors=True)


def _words(corpus: str) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in Path(corpus).glob("*.txt"))


def _child_build(corpus: str, mode: str, batch_size: int) -> dict[str, Any]:
    """In a fresh process: one build of ``corpus`` in ``mode`` (local1, local2, server1, cluster2)."""
    from kgbuild.api import KnowledgeGraph

    out: dict[str, Any] = {"mode": mode, "words": _words(corpus)}
    if mode in ("raw1", "raw2"):  # the reference: spaCy's own 1 vs 2 processes on these texts
        from bench.run import _child_raw
        from kgbuild.extract import DEFAULT_MODEL

        return dict(_child_raw(corpus, 2 if mode == "raw2" else 1, batch_size, DEFAULT_MODEL), mode=mode)
    with tempfile.TemporaryDirectory(prefix="kgbench-cluster-") as tmp:
        if mode in ("local1", "local2"):
            with KnowledgeGraph(Path(tmp) / "store") as kg:
                kg.extractor.nlp  # noqa: B018 - load before the clock (local2's forked workers share it)
                cpu0 = _cpu()
                t0 = time.perf_counter()
                report = kg.build([corpus], n_process=2 if mode == "local2" else 1, batch_size=batch_size)
                out["seconds"] = time.perf_counter() - t0
                cpu1 = _cpu()
                # CPU seconds of the build's own process and of its (reaped) worker processes: the
                # build's process is the serial part that caps what 2 workers can give
                out["cpu_parent_s"], out["cpu_workers_s"] = cpu1[0] - cpu0[0], cpu1[1] - cpu0[1]
        else:
            with oxigraph_server(Path(tmp)) as url, KnowledgeGraph(url) as kg:
                if mode == "server1":
                    kg.extractor.nlp  # noqa: B018
                    t0 = time.perf_counter()
                    report = kg.build([corpus], batch_size=batch_size)
                    out["seconds"] = time.perf_counter() - t0
                else:
                    from distributed import Client, LocalCluster

                    from kgbuild.cluster import ExtractorSpec, worker_extractor

                    t0 = time.perf_counter()
                    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=":0")
                    client = Client(cluster)
                    client.run(lambda: worker_extractor(ExtractorSpec())[0].nlp and None)
                    out["start_seconds"] = time.perf_counter() - t0
                    try:
                        t0 = time.perf_counter()
                        report = kg.build([corpus], cluster=client, batch_size=batch_size)
                        out["seconds"] = time.perf_counter() - t0
                    finally:
                        client.close()
                        cluster.close()
    out.update(articles=len(report.added) + len(report.replaced), failed=len(report.failed),
               missions=report.missions, maxrss_mib=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return out


def _cpu() -> tuple[float, float]:
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return me.ru_utime + me.ru_stime, kids.ru_utime + kids.ru_stime


#: ``--src DIR``: the children import kgbuild from DIR (e.g. an older checkout's src/, to compare)
SRC: list[str] = []


def in_child(**kwargs: Any) -> dict[str, Any]:
    cmd = [sys.executable, "-m", "bench.cluster", "--child", json.dumps(kwargs)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([*SRC, str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"child {kwargs} failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return dict(json.loads(out.stdout.strip().splitlines()[-1]))


def bench_builds(n: int, seed: int, *, runs: int, batch_size: int, modes: list[str],
                 save: Callable[[dict[str, Any]], None] | None = None) -> dict[str, Any]:
    """Every mode ``runs`` times, interleaved; ``save`` gets every child's result as it comes (a
    run stopped part-way keeps what it measured)."""
    from bench.run import corpus_dir

    corpus = str(corpus_dir(n, seed))
    got: dict[str, list[dict[str, Any]]] = {m: [] for m in modes}
    for _ in range(runs):
        for m in modes:
            got[m].append(in_child(corpus=corpus, mode=m, batch_size=batch_size))
            r = got[m][-1]
            print(f"  {n} {m}: {r['seconds']:.1f} s" + (f" (+ start {r['start_seconds']:.1f} s)"
                                                       if "start_seconds" in r else "")
                  + f", load {os.getloadavg()[0]:.1f}", file=sys.stderr, flush=True)
            r["loadavg_end"] = os.getloadavg()
            if save is not None:
                save({"n": n, "partial": got})
    res: dict[str, Any] = {"n": n}
    for m, rs in got.items():
        med = dict(sorted(rs, key=lambda r: r["seconds"])[len(rs) // 2])
        med["all_seconds"] = [r["seconds"] for r in rs]
        res[m] = med
    return res


def bench_server_writes(n: int, seed: int, *, runs: int) -> dict[str, Any]:
    """Gold graphs of ``n`` articles into a fresh server: per graph, batched, batched from 2 clients."""
    from bench.run import gold_graphs
    from kgbuild.remote import RemoteStore

    graphs = list(gold_graphs(n, seed))
    nq = sum(len(q) for _, q in graphs)
    res: dict[str, Any] = {"n": n, "quads": nq}
    times: dict[str, list[float]] = {"per_graph": [], "batched": [], "batched_2_clients": []}
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="kgbench-srv-") as tmp:
            for kind in times:
                with oxigraph_server(Path(tmp)) as url:
                    stores = [RemoteStore(url) for _ in range(2)]
                    t0 = time.perf_counter()
                    if kind == "per_graph":
                        for g, qs in graphs:
                            stores[0].replace_graph(g, qs)
                    elif kind == "batched":
                        stores[0].replace_graphs(graphs)
                    else:
                        halves = [graphs[0::2], graphs[1::2]]
                        ts = [threading.Thread(target=s.replace_graphs, args=(h,)) for s, h in zip(stores, halves,
                                                                                                  strict=True)]
                        for t in ts:
                            t.start()
                        for t in ts:
                            t.join()
                    times[kind].append(time.perf_counter() - t0)
                    for s in stores:
                        s.close()
    for kind, ts in times.items():
        sec = statistics.median(ts)
        res[kind] = {"seconds": sec, "graphs_per_s": len(graphs) / sec, "quads_per_s": nq / sec, "all_seconds": ts}
    return res


def table(res: dict[str, Any]) -> str:
    lines = ["| measure | N | seconds | articles/s | words/s | ratio to 1 process |", "|---|---|---|---|---|---|"]
    b = res.get("builds")
    if b:
        base = b["local1"]["seconds"] if "local1" in b else None
        for m in ("local1", "local2", "server1", "cluster2", "raw1", "raw2"):
            if m not in b:
                continue
            r = b[m]
            label = {"local1": "1 process, local store", "local2": "`--processes 2`, local store",
                     "server1": "1 process, Oxigraph server", "cluster2": "`--cluster local:2`, Oxigraph server",
                     "raw1": "(reference) raw `nlp.pipe`, 1 process", "raw2": "(reference) raw `nlp.pipe`, 2 processes"}[m]
            if m == "raw2" and "raw1" in b:
                base = b["raw1"]["seconds"]
            extra = f" (+ {r['start_seconds']:.1f} s cluster start)" if "start_seconds" in r else ""
            ratio = f"{base / r['seconds']:.2f}×" if base else ""
            lines.append(f"| {label} | {b['n']} | {r['seconds']:.1f}{extra} | {r['articles'] / r['seconds']:.1f} | "
                         f"{r['words'] / r['seconds']:,.0f} | {ratio} |")
        cpu = [m for m in ("local1", "local2") if m in b and "cpu_parent_s" in b[m]]
        if cpu:
            lines += ["", "| build | N | CPU s, build's process | CPU s, workers | parent share of all CPU |",
                      "|---|---|---|---|---|"]
            for m in cpu:
                r = b[m]
                total = r["cpu_parent_s"] + r["cpu_workers_s"]
                lines.append(f"| {m} | {b['n']} | {r['cpu_parent_s']:.1f} | {r['cpu_workers_s']:.1f} | "
                             f"{r['cpu_parent_s'] / total:.0%} |")
    w = res.get("writes")
    if w:
        lines += ["", "| server write (gold graphs, no spaCy) | N | quads | seconds | graphs/s | quads/s |",
                  "|---|---|---|---|---|---|"]
        for kind in ("per_graph", "batched", "batched_2_clients"):
            r = w[kind]
            lines.append(f"| {kind.replace('_', ' ')} | {w['n']} | {w['quads']:,} | {r['seconds']:.2f} | "
                         f"{r['graphs_per_s']:,.0f} | {r['quads_per_s']:,.0f} |")
    if b and w and "local1" in b:
        per_article = b["local1"]["seconds"] / b["local1"]["articles"]
        write = 1 / w["batched"]["graphs_per_s"]
        lines += ["", f"model: extraction {per_article * 1000:.1f} ms/article/worker, server write "
                      f"{write * 1000:.2f} ms/article batched -> one server absorbs ~{per_article / write:.0f} workers"]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--n", type=int, default=1000)
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--runs", type=int, default=1)
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--modes", default="local1,local2,raw1,raw2,server1,cluster2")
    p.add_argument("--parts", default="builds,writes")
    p.add_argument("--json", type=Path, default=None)
    p.add_argument("--src", type=Path, default=None, help="import kgbuild from this src/ in the build children")
    p.add_argument("--child", default=None, help=argparse.SUPPRESS)
    a = p.parse_args(argv)
    if a.child:
        print(json.dumps(_child_build(**json.loads(a.child))))
        return 0
    if a.src:
        SRC.append(str(a.src.resolve()))
    parts = a.parts.split(",")
    res: dict[str, Any] = {"started": time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime()),
                           "loadavg_start": os.getloadavg()}

    def save(builds: dict[str, Any] | None = None) -> None:  # after each part and each build: a stopped run keeps its figures
        if a.json:
            a.json.parent.mkdir(parents=True, exist_ok=True)
            a.json.write_text(json.dumps({**res, "builds_so_far": builds} if builds else res, indent=1))

    if "writes" in parts:
        res["writes"] = bench_server_writes(a.n, a.seed, runs=max(a.runs, 3))
        w = res["writes"]
        print("  writes: " + ", ".join(f"{k} {w[k]['graphs_per_s']:.0f} graphs/s" for k in
                                       ("per_graph", "batched", "batched_2_clients")), file=sys.stderr, flush=True)
        save()
    if "builds" in parts:
        res["builds"] = bench_builds(a.n, a.seed, runs=a.runs, batch_size=a.batch_size, modes=a.modes.split(","),
                                     save=save)
    res["finished"] = time.strftime("%Y-%m-%d %H:%M:%S UTC", time.gmtime())
    res["loadavg_end"] = os.getloadavg()
    print(table(res))
    print(f"started {res['started']} (load {res['loadavg_start'][0]:.1f}), finished {res['finished']} "
          f"(load {res['loadavg_end'][0]:.1f})")
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(res, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
