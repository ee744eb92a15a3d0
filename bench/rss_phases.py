"""Where a build's memory goes: an in-process build with the peak RSS of each phase.

    .venv/bin/python -m bench.rss_phases FOLDER STORE [--every 250] [--trace-from 500 --trace-to 2000]

Builds ``FOLDER`` into a new store at ``STORE`` in this process (as ``kgbuild build`` does, one
process) with a thread sampling the RSS every 50 ms. Prints the RSS and spaCy's string count
every ``--every`` articles, and at the end the peak of each phase: ``ingest`` (extraction and the
batch writes), then the relink's ``settle``, ``refresh_default_graph`` (the data default graph)
and ``listing_refresh``, and ``optimize``. With ``--trace-from``/``--trace-to`` tracemalloc runs
between those article counts, and the Python allocations still alive at the end of the window
are listed by line (what accumulates per article in Python; native memory is not traced).
A benchmark: it prints numbers, asserts nothing. (``bench.rss`` gives the whole build's peak in
a subprocess; this splits it.)
"""

from __future__ import annotations

import argparse
import functools
import gc
import os
import threading
import time
import tracemalloc
from collections.abc import Callable
from typing import Any


def rss_mb(key: str = "VmRSS") -> float:
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(key):
                return int(line.split()[1]) / 1024
    return 0.0


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("folder")
    ap.add_argument("store")
    ap.add_argument("--every", type=int, default=250)
    ap.add_argument("--trace-from", type=int, default=0)
    ap.add_argument("--trace-to", type=int, default=0)
    args = ap.parse_args(argv)

    phase, peaks = ["start"], {}
    done = threading.Event()

    def sample() -> None:
        while not done.is_set():
            r = rss_mb()
            peaks[phase[0]] = max(peaks.get(phase[0], 0.0), r)
            time.sleep(0.05)

    threading.Thread(target=sample, daemon=True).start()
    patched: list[tuple[Any, str, Any]] = []  # restored at the end: the build's functions are the library's again

    from kgbuild import elections, export, listing
    from kgbuild.store import Store

    def timed(owner: Any, name: str, label: str) -> None:
        f: Callable[..., Any] = getattr(owner, name)

        @functools.wraps(f)
        def g(*a: Any, **k: Any) -> Any:
            old, phase[0], t, r0 = phase[0], label, time.perf_counter(), rss_mb()
            try:
                return f(*a, **k)
            finally:
                r1 = rss_mb()
                peaks[label] = max(peaks.get(label, 0.0), r0, r1)  # a phase shorter than a sample
                print(f"  {label}: {time.perf_counter() - t:.1f} s, RSS {r0:.0f} -> {r1:.0f} MB "
                      f"(anonymous {rss_mb('RssAnon'):.0f}), peak {peaks[label]:.0f} MB", flush=True)
                phase[0] = old

        patched.append((owner, name, f))
        setattr(owner, name, g)

    timed(elections, "settle", "settle")
    timed(export, "refresh_default_graph", "refresh_default_graph")
    timed(listing, "refresh", "listing_refresh")
    timed(Store, "optimize", "optimize")

    try:
        return _build(args, phase, peaks)
    finally:
        done.set()
        for owner, name, f in reversed(patched):
            setattr(owner, name, f)


def _build(args: argparse.Namespace, phase: list[str], peaks: dict[str, float]) -> int:
    from kgbuild.api import KnowledgeGraph

    kg = KnowledgeGraph(args.store)
    n, t0 = [0], time.perf_counter()

    def on_item(item: str, outcome: str) -> None:
        n[0] += 1
        if args.trace_from and n[0] == args.trace_from:
            gc.collect()
            tracemalloc.start(1)
        if args.trace_to and n[0] == args.trace_to and tracemalloc.is_tracing():
            gc.collect()
            snap = tracemalloc.take_snapshot()
            tracemalloc.stop()
            alive = snap.statistics("lineno")
            print(f"Python allocations made after article {args.trace_from:,} and alive at {args.trace_to:,}: "
                  f"{sum(s.size for s in alive) / 1e6:.1f} MB", flush=True)
            for s in alive[:15]:
                print(f"    {s}", flush=True)
        if n[0] % args.every == 0:
            nlp = getattr(kg._extractor, "_nlp", None)
            strings = len(nlp.vocab.strings) if nlp is not None else -1
            print(f"{n[0]:6,} articles {time.perf_counter() - t0:6.0f} s  RSS {rss_mb():5.0f} MB  "
                  f"strings {strings:,}  load {os.getloadavg()[0]:.1f}", flush=True)

    phase[0] = "ingest"
    report = kg.build([args.folder], on_item=on_item)
    phase[0] = "close"
    kg.close()
    print(report.summary())
    print("peak RSS by phase (MB):", {k: round(v) for k, v in peaks.items()}, f"whole build {max(peaks.values()):.0f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
