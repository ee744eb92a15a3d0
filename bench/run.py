"""The benchmark suite: one command, one table (issue 7).

    .venv/bin/python -m bench.run --sizes 1000,10000       # the full run (long: spaCy over 10k articles)
    .venv/bin/python -m bench.run --quick                   # ~200 articles, a couple of minutes
    .venv/bin/python -m bench.run --sizes 10000 --parts store,query,export

Parts (``--parts``, default all):

- ``build``: KnowledgeGraph.build (1 process) vs a plain process running the same spaCy model's
  full default pipeline with ``nlp.pipe`` over the same texts; peak RSS of each build.
- ``parallel``: build with 2 worker processes vs 1 (and the raw pipe with 2 vs 1, for reference).
- ``rss``: peak RSS of a 1-process build at each size, alone (the ``build`` part records it too).
- ``store``: our write path (``Store.replace_graph`` per article; and ``Store.replace_graphs`` in
  batches) vs ``pyoxigraph.Store.bulk_load`` of the same N-Quads, on disk.
- ``query``: every catalogue query on the largest graph vs rdflib's SPARQL engine over the same quads.
- ``export``: ``kgbuild.export.export`` Turtle vs pyoxigraph's own serializer on the same store.

Every build and every raw ``nlp.pipe`` runs in a fresh subprocess (so peak RSS is its own). The
store, query and export parts use the generator's gold missions written through the RDF layer
(no spaCy), so they measure our storage code, not the extractor.
"""

from __future__ import annotations

import argparse
import gc
import json
import math
import os
import platform
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bench.generate import DEFAULT_CORPUS, generate, write_corpus

ROOT = Path(__file__).resolve().parent.parent
PARTS = ("build", "parallel", "rss", "store", "query", "export")
INGESTED = datetime(2024, 1, 1, tzinfo=UTC)


# --------------------------------------------------------------------------------------------
# small helpers
# --------------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    """nproc, memory, CPU model, versions and the date (UTC)."""
    cpu = platform.processor() or "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = "?"
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem = f"{int(line.split()[1]) / 1024 / 1024:.1f} GiB"
                break
    except OSError:
        pass
    import pyoxigraph
    import rdflib

    versions = {"python": platform.python_version(), "pyoxigraph": pyoxigraph.__version__, "rdflib": rdflib.__version__}
    try:
        import spacy

        versions["spacy"] = spacy.__version__
    except ImportError:  # pragma: no cover
        pass
    return {
        "date": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "nproc": os.cpu_count(),
        "memory": mem,
        "cpu": cpu,
        "load": " ".join(f"{x:.2f}" for x in os.getloadavg()),
        "versions": versions,
    }


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (q in 0..100)."""
    s = sorted(values)
    k = max(0, math.ceil(q / 100 * len(s)) - 1)
    return s[k]


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    t0 = time.perf_counter()
    out = fn()
    return time.perf_counter() - t0, out


def repeat(fn: Callable[[], Any], *, times: int, budget: float, min_times: int = 1) -> list[float]:
    """Run ``fn`` up to ``times`` times (at least ``min_times``), stopping after ``budget`` seconds."""
    out: list[float] = []
    start = time.perf_counter()
    while len(out) < times and (len(out) < min_times or time.perf_counter() - start < budget):
        out.append(timed(fn)[0])
    return out


def corpus_dir(n: int, seed: int) -> Path:
    return write_corpus(DEFAULT_CORPUS / f"{n}-s{seed}", n, seed=seed, gold=False)


# --------------------------------------------------------------------------------------------
# build parts: child processes
# --------------------------------------------------------------------------------------------


def _child_build(corpus: str, n_process: int, batch_size: int) -> dict[str, Any]:
    """In a fresh process: KnowledgeGraph.build over ``corpus`` into a temporary on-disk store."""
    from kgbuild.api import KnowledgeGraph

    words = sum(len(p.read_text(encoding="utf-8").split()) for p in Path(corpus).glob("*.txt"))
    with tempfile.TemporaryDirectory(prefix="kgbench-build-") as tmp:
        with KnowledgeGraph(Path(tmp) / "store") as kg:
            nlp = kg.extractor.nlp  # load the model before the clock starts, like the raw baseline
            t0 = time.perf_counter()
            report = kg.build([corpus], n_process=n_process, batch_size=batch_size)
            seconds = time.perf_counter() - t0
            components = {"enabled": list(nlp.pipe_names), "disabled": list(getattr(nlp, "disabled", []))}
    return {
        "seconds": seconds,
        "articles": len(report.added) + len(report.replaced),
        "failed": len(report.failed),
        "missions": report.missions,
        "words": words,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "children_maxrss_mib": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
        "components": components,
    }


def _child_raw(corpus: str, n_process: int, batch_size: int, model: str) -> dict[str, Any]:
    """In a fresh process: the model's full default pipeline, ``nlp.pipe`` over the same texts."""
    import spacy

    from kgbuild.model import Article

    def texts() -> Iterator[str]:
        for p in sorted(Path(corpus).glob("*.txt")):
            yield Article.from_text(p.name, p.read_text(encoding="utf-8")).text

    nlp = spacy.load(model)
    words = sum(len(t.split()) for t in texts())
    t0 = time.perf_counter()
    n = 0
    for _doc in nlp.pipe(texts(), batch_size=batch_size, n_process=n_process):
        n += 1
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "articles": n,
        "words": words,
        "maxrss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
        "components": {"enabled": list(nlp.pipe_names), "disabled": list(nlp.disabled)},
    }


def in_child(kind: str, **kwargs: Any) -> dict[str, Any]:
    """Run ``_child_<kind>(**kwargs)`` in a fresh interpreter; its JSON result."""
    cmd = [sys.executable, "-m", "bench.run", "--child", kind, "--child-args", json.dumps(kwargs)]
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT), os.environ.get("PYTHONPATH", "")]))
    out = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True, check=False)
    if out.returncode != 0:
        raise RuntimeError(f"{kind} child failed ({out.returncode}):\n{out.stderr[-3000:]}")
    return json.loads(out.stdout.strip().splitlines()[-1])


def extractor_available() -> str | None:
    """None when ``from kgbuild.extract import Extractor`` works, else why not."""
    try:
        from kgbuild.extract import Extractor  # noqa: F401
    except Exception as e:  # noqa: BLE001 - any import failure means the build parts cannot run
        return f"{type(e).__name__}: {e}"
    return None


def bench_build(n: int, seed: int, *, parallel: bool, batch_size: int, runs: int) -> dict[str, Any]:
    from kgbuild.extract import DEFAULT_MODEL

    corpus = str(corpus_dir(n, seed))
    res: dict[str, Any] = {"n": n}
    raws, builds, b2, r2 = [], [], [], []
    for _ in range(runs):  # interleaved, so drift in machine load hits both sides alike
        raws.append(in_child("raw", corpus=corpus, n_process=1, batch_size=batch_size, model=DEFAULT_MODEL))
        builds.append(in_child("build", corpus=corpus, n_process=1, batch_size=batch_size))
        if parallel:
            b2.append(in_child("build", corpus=corpus, n_process=2, batch_size=batch_size))
            r2.append(in_child("raw", corpus=corpus, n_process=2, batch_size=batch_size, model=DEFAULT_MODEL))
        print(f"  {n}: raw {raws[-1]['seconds']:.1f} s, build {builds[-1]['seconds']:.1f} s"
              + (f", build x2 {b2[-1]['seconds']:.1f} s, raw x2 {r2[-1]['seconds']:.1f} s" if parallel else ""),
              file=sys.stderr, flush=True)
    res["raw"] = _median_run(raws)
    res["build"] = _median_run(builds)
    if parallel:
        res["build2"] = _median_run(b2)
        res["raw2"] = _median_run(r2)
    return res


def _median_run(runs: list[dict[str, Any]]) -> dict[str, Any]:
    out = dict(sorted(runs, key=lambda r: r["seconds"])[len(runs) // 2])
    out["all_seconds"] = [r["seconds"] for r in runs]
    out["maxrss_mib"] = statistics.median(r["maxrss_mib"] for r in runs)
    return out


# --------------------------------------------------------------------------------------------
# store part
# --------------------------------------------------------------------------------------------


def gold_graphs(n: int, seed: int) -> Iterator[tuple[Any, list[Any]]]:
    """(graph IRI, quads) for each generated article, from its gold missions (no spaCy)."""
    from kgbuild.iris import Iris
    from kgbuild.triples import article_quads

    iris = Iris()
    for g in generate(n, seed=seed):
        quads = article_quads(g.article, g.missions, iris=iris, extractor_version="bench", ingested_at=INGESTED)
        yield iris.article_graph(g.article.id), quads


def bench_store(n: int, seed: int, *, runs: int, workdir: Path) -> dict[str, Any]:
    import pyoxigraph as ox

    from kgbuild.store import Store

    graphs = list(gold_graphs(n, seed))
    quads = [q for _, qs in graphs for q in qs]
    nquads = ox.serialize(quads, format=ox.RdfFormat.N_QUADS)
    res: dict[str, Any] = {"n": n, "quads": len(quads), "nquads_mb": len(nquads) / 1e6}

    def fresh(name: str) -> Path:
        p = workdir / name
        shutil.rmtree(p, ignore_errors=True)
        return p

    def ours() -> None:
        s = Store(fresh("ours"))  # opening (and loading the ontology) is outside the clock
        t0 = time.perf_counter()
        for g, qs in graphs:
            s.replace_graph(g, qs)
        s.backend.flush()
        times.append(time.perf_counter() - t0)
        s.close()

    def ours_batched() -> None:
        s = Store(fresh("batched"))
        t0 = time.perf_counter()
        s.replace_graphs(graphs)
        s.backend.flush()
        times.append(time.perf_counter() - t0)
        s.close()

    def bulk() -> None:
        p = fresh("bulk")
        st = ox.Store(str(p))
        t0 = time.perf_counter()
        st.bulk_load(nquads, format=ox.RdfFormat.N_QUADS)
        st.flush()
        times.append(time.perf_counter() - t0)
        del st

    variants: list[tuple[str, Callable[[], None]]] = [("ours", ours), ("bulk_load", bulk)]
    if hasattr(Store, "replace_graphs"):
        variants.insert(1, ("ours_batched", ours_batched))
    measured: dict[str, list[float]] = {k: [] for k, _ in variants}
    for _ in range(runs):
        for name, fn in variants:
            times: list[float] = []
            gc.collect()
            fn()
            measured[name].extend(times)
    for name, ts in measured.items():
        res[name] = {"seconds": statistics.median(ts), "all": ts, "quads_per_s": len(quads) / statistics.median(ts)}
    # replacing every article graph once more (the re-build path: DROP + INSERT per article)
    s = Store(workdir / "ours")
    t0 = time.perf_counter()
    for g, qs in graphs[: max(1, len(graphs) // 10)]:
        s.replace_graph(g, qs)
    s.backend.flush()
    dt = time.perf_counter() - t0
    res["replace_existing"] = {"articles": max(1, len(graphs) // 10), "seconds": dt,
                               "quads_per_s": sum(len(q) for _, q in graphs[: max(1, len(graphs) // 10)]) / dt}
    s.close()
    for p in ("ours", "batched", "bulk"):
        shutil.rmtree(workdir / p, ignore_errors=True)
    return res


# --------------------------------------------------------------------------------------------
# query part
# --------------------------------------------------------------------------------------------


def sample_params(kg: Any) -> list[tuple[str, str, dict[str, Any]]]:
    """(label, query name, parameters) for every catalogue query, with parameters found in the graph."""
    rows = kg.sparql(
        "SELECT ?key ?cc (COUNT(*) AS ?n) WHERE { ?m eo:missionKey ?key ; eo:observes/eo:electionCountry/eo:alpha2 ?cc . "
        "?m eo:participant ?x } GROUP BY ?key ?cc ORDER BY DESC(?n) ?key LIMIT 1"
    )[0]
    key, host = rows[0]["key"].value, rows[0]["cc"].value
    member = kg.sparql("SELECT ?cc (COUNT(*) AS ?n) WHERE { ?c eo:alpha2 ?cc ; eo:participatesIn ?m } "
                       "GROUP BY ?cc ORDER BY DESC(?n) LIMIT 1")[0][0]["cc"].value
    year = kg.sparql("SELECT ?y (COUNT(*) AS ?n) WHERE { ?e eo:electionDate ?d BIND(YEAR(?d) AS ?y) } "
                     "GROUP BY ?y ORDER BY DESC(?n) LIMIT 1")[0][0]["y"].value
    out: list[tuple[str, str, dict[str, Any]]] = []
    for name, pq in kg.catalog.items():
        params: dict[str, Any] = {}
        for p in pq.params:
            if p.optional and not (name == "missions" and p.name == "country"):
                continue
            params[p.name] = {"country": host, "member": member, "mission": key, "subject": f"mission/{key}",
                              "year": year}.get(p.name, "")
        out.append((name, name, params))
        if name == "missions":
            out.append(("missions (all)", name, {}))
        if name == "observer-totals":
            out.append(("observer-totals year", name, {"year": year}))
        if name in ("missions", "articles", "accreditations", "observer-totals"):  # listings: also one page
            out.append((f"{name} page", name, {"limit": 100, "offset": 100}))
    return out


def rdflib_text(text: str, subs: dict[Any, Any]) -> str:
    """The query for rdflib: the same text, ``LATERAL`` dropped, parameters as a trailing ``VALUES``.

    rdflib has no LATERAL (SPARQL 1.2 / SEP-0006); in our queries the right side only joins on
    variables the left side binds, so a plain join gives the same rows. A trailing VALUES
    block joins the whole result with the parameters, which is what pyoxigraph's
    ``substitutions=`` does (rdflib's ``initBindings`` does not filter a variable that a
    subquery projects). The terms are rendered by pyoxigraph (N-Triples syntax, escaped).
    """
    import re

    out = re.sub(r"\bLATERAL\s*\{", "{", text)
    if subs:
        names = " ".join(f"?{v.value}" for v in subs)
        values = " ".join(str(t) for t in subs.values())
        out = out.rstrip() + f"\nVALUES ({names}) {{ ({values}) }}\n"
    return out


def bench_query(store_path: Path, *, ox_runs: int, rdflib_runs: int, rdflib_budget: float) -> dict[str, Any]:
    import pyoxigraph as ox

    from kgbuild.api import KnowledgeGraph

    res: dict[str, Any] = {"queries": []}
    with KnowledgeGraph(store_path, read_only=True) as kg:
        cases = sample_params(kg)
        nq = kg.store.backend.dump(format=ox.RdfFormat.N_QUADS)
        res["quads"] = len(kg.store.backend)
        t0 = time.perf_counter()
        ds = _rdflib_dataset(nq)
        res["rdflib_load_s"] = time.perf_counter() - t0
        del nq
        for label, name, params in cases:
            q = _bench_one_query(kg, ds, label, name, params, ox_runs=ox_runs, rdflib_runs=rdflib_runs,
                                 rdflib_budget=rdflib_budget)
            res["queries"].append(q)
            print(f"  query {label:24} rows {q['rows']:6} / rdflib {q['rdflib_rows']:6}  p50 {q['ox_p50_ms']:9.2f} ms  "
                  f"(as written {q['ox_subst_p50_ms']:8.2f} ms)  "
                  f"rdflib {q['rdflib_p50_ms']:10.1f} ms  x{q['ratio']:.1f}", file=sys.stderr, flush=True)
    ratios = [q["ratio"] for q in res["queries"]]
    res["median_ratio"] = statistics.median(ratios)
    res["min_ratio"] = min(ratios)
    res["max_p50_ms"] = max(q["ox_p50_ms"] for q in res["queries"])
    return res


def _bench_one_query(kg: Any, ds: Any, label: str, name: str, params: dict[str, Any], *, ox_runs: int,
                     rdflib_runs: int, rdflib_budget: float) -> dict[str, Any]:
    """p50/p99 of one catalogue query through the API, with pyoxigraph's substitutions=, and in rdflib."""
    from rdflib.plugins.sparql import prepareQuery

    from kgbuild.query import bind_params
    from kgbuild.vocab import QUERY_PREFIXES as PREFIXES

    pq = kg.catalog[name]
    values = {k: v for k, v in params.items() if k not in ("limit", "offset")}
    page = {k: v for k, v in params.items() if k in ("limit", "offset")}
    subs = bind_params(pq, values, iris=kg.iris)
    text = pq.paged(page.get("limit"), page.get("offset"), subs)  # what query_terms runs

    def run_ox() -> int:
        rows, _ = kg.query_terms(name, **params)
        return len(rows)

    # the .rq text as written (no page subquery), page clauses appended, with substitutions=
    written = pq.text.rstrip() + "".join(f"\n{k.upper()} {v}" for k, v in page.items())

    def run_subst() -> int:
        r = kg.store.backend.query(written, prefixes=PREFIXES, use_default_graph_as_union=True,
                                   substitutions=subs or None)
        names = [v.value for v in r.variables]
        return len([{n: s[n] for n in names} for s in r])

    prepared = prepareQuery(rdflib_text(text, subs), initNs=PREFIXES)

    def run_rdflib() -> int:
        return len(list(ds.query(prepared)))

    n_ox = run_ox()  # warm-up (and the row count)
    ox_t = repeat(run_ox, times=ox_runs, budget=20.0, min_times=min(ox_runs, 5))
    run_subst()
    sub_t = repeat(run_subst, times=ox_runs, budget=10.0, min_times=min(ox_runs, 5))
    try:  # rdflib can take minutes on a large graph: stop it at the budget (a lower bound is reported)
        t_first, n_rdf = timed(lambda: _with_timeout(run_rdflib, rdflib_budget))
    except _Timeout:
        t_first, n_rdf = rdflib_budget, -1
    rd_t = [t_first]
    if t_first < rdflib_budget / 2:
        rd_t += repeat(run_rdflib, times=rdflib_runs - 1, budget=rdflib_budget, min_times=0)
    q = {
        "label": label, "query": name, "params": params, "rows": n_ox, "rdflib_rows": n_rdf,
        "ox_p50_ms": statistics.median(ox_t) * 1e3, "ox_p99_ms": percentile(ox_t, 99) * 1e3, "ox_runs": len(ox_t),
        "ox_subst_p50_ms": statistics.median(sub_t) * 1e3,
        "rdflib_p50_ms": statistics.median(rd_t) * 1e3, "rdflib_p99_ms": percentile(rd_t, 99) * 1e3,
        "rdflib_runs": len(rd_t),
    }
    q["ratio"] = q["rdflib_p50_ms"] / q["ox_p50_ms"]
    q["rdflib_timed_out"] = n_rdf < 0  # then rdflib_p50_ms and the ratio are lower bounds
    return q


class _Timeout(Exception):
    pass


def _with_timeout(fn: Callable[[], Any], seconds: float) -> Any:
    """``fn()``, interrupted after ``seconds`` (SIGALRM; rdflib's engine is pure Python, so it stops)."""
    import signal

    def on_alarm(signum: int, frame: Any) -> None:
        raise _Timeout

    old = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        return fn()
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)


def _rdflib_dataset(nquads: bytes) -> Any:
    import rdflib

    ds = rdflib.Dataset(default_union=True)
    ds.parse(data=nquads, format="nquads")
    return ds


# --------------------------------------------------------------------------------------------
# export part
# --------------------------------------------------------------------------------------------


def bench_export(store_path: Path, *, runs: int, workdir: Path) -> dict[str, Any]:
    import pyoxigraph as ox

    from kgbuild.export import export
    from kgbuild.store import Store
    from kgbuild.vocab import PREFIXES

    out: dict[str, Any] = {}
    with Store(store_path, read_only=True) as s:
        target = workdir / "export.ttl"
        raw_target = workdir / "raw.trig"
        ours, raw = [], []
        for _ in range(runs):
            gc.collect()
            t, n = timed(lambda: export(s, target, format="turtle"))
            ours.append(t)
            t, _ = timed(lambda: s.backend.dump(str(raw_target), format=ox.RdfFormat.TRIG, prefixes=PREFIXES))
            raw.append(t)
        out["triples"] = n
        out["quads"] = len(s.backend)
        out["ours_s"] = statistics.median(ours)
        out["raw_s"] = statistics.median(raw)
        out["ours_all"], out["raw_all"] = ours, raw
        out["ours_mb"] = target.stat().st_size / 1e6
        out["raw_mb"] = raw_target.stat().st_size / 1e6
        out["ratio"] = out["raw_s"] / out["ours_s"]  # >= 0.8 means we reach 80% of the raw speed
        target.unlink()
        raw_target.unlink()
    return out


def write_gold_store(path: Path, n: int, seed: int) -> dict[str, float]:
    """An on-disk kgbuild store with the generated gold graphs and the links graph, compacted.

    Returns the seconds spent writing (quads built on the fly), relinking and compacting.
    """
    from kgbuild.api import KnowledgeGraph

    shutil.rmtree(path, ignore_errors=True)
    out: dict[str, float] = {}
    with KnowledgeGraph(path) as kg:
        out["write_s"], _ = timed(lambda: kg.store.replace_graphs(gold_graphs(n, seed)))
        out["relink_s"], _ = timed(kg.relink)
        out["optimize_s"], _ = timed(kg.store.optimize)
    return out


# --------------------------------------------------------------------------------------------
# report
# --------------------------------------------------------------------------------------------


def table(results: dict[str, Any]) -> str:
    """The results as a Markdown table (plus the machine line)."""
    m = results["machine"]
    lines = [
        f"Machine: {m['nproc']} CPUs ({m['cpu']}), {m['memory']} RAM, load {m['load']} at start; {m['date']}; "
        + ", ".join(f"{k} {v}" for k, v in m["versions"].items()),
        "",
        "| measure | N | kgbuild | baseline | ratio | target | met |",
        "|---|---|---|---|---|---|---|",
    ]

    def row(measure: str, n: Any, ours: str, base: str, ratio: float | None, target: str, ok: bool | None) -> None:
        r = "" if ratio is None else f"{ratio:.2f}×"
        lines.append(f"| {measure} | {n} | {ours} | {base} | {r} | {target} | {'' if ok is None else ('yes' if ok else 'NO')} |")

    for b in results.get("build", []):
        if b.get("rss_only"):
            continue
        if "skipped" in b:
            row("build vs raw nlp.pipe", b.get("n", ""), "—", "—", None, "≥ 0.85×", None)
            continue
        raw, bld = b["raw"], b["build"]
        raw_wps, bld_wps = raw["words"] / raw["seconds"], bld["words"] / bld["seconds"]
        row("build vs raw nlp.pipe (words/s)", b["n"], f"{bld_wps:,.0f} w/s, {bld['articles'] / bld['seconds']:.1f} art/s",
            f"{raw_wps:,.0f} w/s, {raw['articles'] / raw['seconds']:.1f} art/s", bld_wps / raw_wps, "≥ 0.85×",
            bld_wps / raw_wps >= 0.85)
        if "build2" in b:
            sp = bld["seconds"] / b["build2"]["seconds"]
            row("build, 2 processes vs 1 (wall time)", b["n"], f"{b['build2']['seconds']:.1f} s", f"{bld['seconds']:.1f} s",
                sp, "≥ 1.6×", sp >= 1.6)
        if "raw2" in b:
            sp = raw["seconds"] / b["raw2"]["seconds"]
            row("(reference) raw nlp.pipe, 2 processes vs 1", b["n"], f"{b['raw2']['seconds']:.1f} s",
                f"{raw['seconds']:.1f} s", sp, "", None)
    rss = {b["n"]: b["build"]["maxrss_mib"] for b in results.get("build", []) if "build" in b}
    if len(rss) >= 2:
        lo, hi = min(rss), max(rss)
        g = rss[hi] / rss[lo]
        row(f"peak RSS of a build, {hi:,} vs {lo:,}", f"{lo:,}/{hi:,}", f"{rss[hi]:.0f} MiB", f"{rss[lo]:.0f} MiB", g,
            "≤ 1.2×", g <= 1.2)
    for s in results.get("store", []):
        bulk = s["bulk_load"]
        for key, label in (("ours", "store write, replace_graph per article"),
                           ("ours_batched", "store write, replace_graphs batched")):
            if key in s:
                r = s[key]["quads_per_s"] / bulk["quads_per_s"]
                row(f"{label} vs bulk_load ({s['quads']:,} quads)", s["n"], f"{s[key]['quads_per_s']:,.0f} q/s",
                    f"{bulk['quads_per_s']:,.0f} q/s", r, "≥ 0.8×", r >= 0.8)
    q = results.get("query")
    if q:
        for x in q["queries"]:
            ok = x["ratio"] >= 1 and x["ox_p50_ms"] < 20
            more = "> " if x.get("rdflib_timed_out") else ""
            row(f"query {x['label']} ({x['rows']} rows) p50 / p99 [p50 of the text as written]", q["n"],
                f"{x['ox_p50_ms']:.2f} / {x['ox_p99_ms']:.2f} ms [{x.get('ox_subst_p50_ms', float('nan')):.2f}]",
                f"rdflib {more}{x['rdflib_p50_ms']:.1f} / {more}{x['rdflib_p99_ms']:.1f} ms",
                x["ratio"], "> 1×, p50 < 20 ms", ok)
        row("queries: median ratio over the catalogue (rdflib timeouts count as lower bounds)", q["n"], "", "",
            q["median_ratio"], "≥ 5×", q["median_ratio"] >= 5)
    e = results.get("export")
    if e:
        row(f"export Turtle vs raw TriG dump ({e['triples']:,} triples)", e["n"], f"{e['ours_s']:.2f} s",
            f"{e['raw_s']:.2f} s", e["ratio"], "≥ 0.8×", e["ratio"] >= 0.8)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description="kgbuild benchmark suite (issue 7)")
    p.add_argument("--sizes", default="1000,10000", help="comma-separated corpus sizes")
    p.add_argument("--quick", action="store_true", help="one size of ~200 articles, fewer repeats")
    p.add_argument("--parts", default=",".join(PARTS), help=f"subset of {','.join(PARTS)}")
    p.add_argument("--seed", type=int, default=0)
    p.add_argument("--runs", type=int, default=3, help="repeats of each timed step (medians are reported)")
    p.add_argument("--build-runs", type=int, default=1, help="repeats of each build / raw pipe child")
    p.add_argument("--batch-size", type=int, default=16)
    p.add_argument("--query-runs", type=int, default=None, help="timed runs per query (default 100; 20 with --quick)")
    p.add_argument("--rdflib-budget", type=float, default=None, help="seconds an rdflib query may take (default 120)")
    p.add_argument("--query-size", type=int, default=None, help="graph size for the query/export parts (default: largest)")
    p.add_argument("--json", type=Path, default=None, help="also write the results as JSON here")
    p.add_argument("--workdir", type=Path, default=None)
    p.add_argument("--child", help=argparse.SUPPRESS)
    p.add_argument("--child-args", help=argparse.SUPPRESS)
    a = p.parse_args(argv)

    if a.child:
        fn = {"build": _child_build, "raw": _child_raw}[a.child]
        print(json.dumps(fn(**json.loads(a.child_args))))
        return 0

    sizes = [200] if a.quick else [int(x) for x in a.sizes.split(",") if x.strip()]
    parts = {x.strip() for x in a.parts.split(",") if x.strip()}
    unknown = parts - set(PARTS)
    if unknown:
        p.error(f"unknown parts: {', '.join(sorted(unknown))} (known: {', '.join(PARTS)})")
    runs = 1 if a.quick else a.runs
    results: dict[str, Any] = {"machine": machine(), "sizes": sizes, "seed": a.seed}
    print(f"machine: {results['machine']}", file=sys.stderr, flush=True)
    workdir = Path(a.workdir or tempfile.mkdtemp(prefix="kgbench-"))
    workdir.mkdir(parents=True, exist_ok=True)
    try:
        if parts & {"build", "parallel", "rss"}:
            why = extractor_available()
            results["build"] = []
            for n in sizes:
                if why:
                    results["build"].append({"n": n, "skipped": why})
                elif parts & {"build", "parallel"}:
                    print(f"build {n} ...", file=sys.stderr, flush=True)
                    results["build"].append(
                        bench_build(n, a.seed, parallel="parallel" in parts, batch_size=a.batch_size, runs=a.build_runs)
                    )
                else:  # "rss" alone: peak RSS only, one 1-process build per size
                    print(f"rss {n} ...", file=sys.stderr, flush=True)
                    r = in_child("build", corpus=str(corpus_dir(n, a.seed)), n_process=1, batch_size=a.batch_size)
                    print(f"  {n}: build {r['seconds']:.1f} s, peak RSS {r['maxrss_mib']:.0f} MiB", file=sys.stderr,
                          flush=True)
                    results["build"].append({"n": n, "build": r, "rss_only": True})
        if "store" in parts:
            results["store"] = []
            for n in sizes:
                print(f"store {n} ...", file=sys.stderr, flush=True)
                results["store"].append(bench_store(n, a.seed, runs=runs, workdir=workdir))
        if parts & {"query", "export"}:
            qn = a.query_size or max(sizes)
            path = workdir / f"gold-{qn}"
            print(f"writing the {qn}-article gold store ...", file=sys.stderr, flush=True)
            results["gold_store"] = write_gold_store(path, qn, a.seed) | {"n": qn}
            if "query" in parts:
                print(f"queries on {qn} ...", file=sys.stderr, flush=True)
                results["query"] = bench_query(path, ox_runs=a.query_runs or (20 if a.quick else 100),
                                               rdflib_runs=min(a.query_runs or 5, 3 if a.quick else 5),
                                               rdflib_budget=a.rdflib_budget or (30.0 if a.quick else 120.0)) | {"n": qn}
            if "export" in parts:
                print(f"export on {qn} ...", file=sys.stderr, flush=True)
                results["export"] = bench_export(path, runs=runs, workdir=workdir) | {"n": qn}
    finally:
        if a.workdir is None:
            shutil.rmtree(workdir, ignore_errors=True)
    text = table(results)
    for b in results.get("build", []):
        if "raw" in b:
            full, ours = b["raw"]["components"]["enabled"], b["build"]["components"]["enabled"]
            text += (f"\n\nFull default pipeline: {', '.join(full)}. The extractor runs: {', '.join(ours)} "
                     f"(leaves out: {', '.join(c for c in full if c not in ours) or 'nothing'}).")
            break
    print(text)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(results, indent=1, default=str) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
