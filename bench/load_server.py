"""Load benchmark for ``kgbuild serve`` (a benchmark, not a test): N concurrent clients on loopback.

Starts ``kgbuild serve`` as a subprocess on a free loopback port over ``--store`` (or, without
one, over a temporary store built from examples/), then sends ``--requests`` requests from
``--clients`` concurrent httpx clients, cycling through a mix of a SPARQL SELECT, an ASK, a
prepared query with a parameter and a mission page. Prints throughput, p50/p99 latency and errors.

    .venv/bin/python bench/load_server.py --clients 16 --requests 2000
    .venv/bin/python bench/load_server.py --url http://127.0.0.1:7878 --clients 8
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def build_examples_store(path: Path) -> None:
    from kgbuild.api import KnowledgeGraph

    with KnowledgeGraph(path) as kg:
        report = kg.build([ROOT / "examples"])
        print(f"built {path}: {report.summary()}", file=sys.stderr)


def request_mix(client: httpx.Client) -> list[tuple[str, dict[str, str]]]:
    """The request cycle: typed SELECT, ASK, a prepared query with a parameter, a mission page."""
    missions = client.get("/queries/missions", params={"format": "json"}).json()["results"]["bindings"]
    key = missions[0]["mission"]["value"].rsplit("/", 1)[-1]
    return [
        ("/query", {"query": "SELECT DISTINCT ?cc WHERE { ?c a eo:Country ; eo:alpha2 ?cc } ORDER BY ?cc"}),
        ("/query", {"query": "ASK { ?m a eo:ObservationMission }"}),
        ("/queries/missions", {"country": missions[0]["country"]["value"]}),
        (f"/mission/{key}", {}),
    ]


async def run_load(url: str, mix: list[tuple[str, dict[str, str]]], clients: int, requests: int) -> dict[str, float]:
    latencies: list[float] = []
    per_path: dict[str, list[float]] = {}
    errors: dict[str, int] = {}
    counter = iter(range(requests))

    async def worker(client: httpx.AsyncClient) -> None:
        for i in counter:
            path, params = mix[i % len(mix)]
            t0 = time.perf_counter()
            try:
                r = await client.get(path, params=params)
                ok = r.status_code == 200
                key = str(r.status_code)
            except httpx.HTTPError as e:
                ok, key = False, type(e).__name__
            latencies.append(time.perf_counter() - t0)
            per_path.setdefault(path if path.startswith("/quer") else "/mission/KEY", []).append(latencies[-1])
            if not ok:
                errors[key] = errors.get(key, 0) + 1

    limits = httpx.Limits(max_connections=clients, max_keepalive_connections=clients)
    async with httpx.AsyncClient(base_url=url, timeout=60, limits=limits) as client:
        t0 = time.perf_counter()
        await asyncio.gather(*(worker(client) for _ in range(clients)))
        elapsed = time.perf_counter() - t0
    lat = sorted(latencies)
    return {
        "requests": len(lat),
        "seconds": elapsed,
        "throughput": len(lat) / elapsed,
        "p50_ms": statistics.median(lat) * 1000,
        "p99_ms": lat[min(len(lat) - 1, int(len(lat) * 0.99))] * 1000,
        "errors": sum(errors.values()),
        "error_kinds": errors,  # type: ignore[dict-item]
        "p50_by_path_ms": {k: statistics.median(v) * 1000 for k, v in per_path.items()},  # type: ignore[dict-item]
    }


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--url", help="a running server (default: start one)")
    ap.add_argument("--store", help="store to serve (default: build examples/ into a temporary store)")
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--requests", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2, help="query worker processes of the started server")
    args = ap.parse_args()

    proc = None
    tmp = None
    url = args.url
    try:
        if url is None:
            store = args.store
            if store is None:
                tmp = tempfile.mkdtemp(prefix="kgbuild-bench-")
                store = os.path.join(tmp, "store")
                build_examples_store(Path(store))
            port = free_port()
            url = f"http://127.0.0.1:{port}"
            proc = subprocess.Popen(
                [sys.executable, "-m", "kgbuild", "serve", "--store", store, "--port", str(port),
                 "--workers", str(args.workers)],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            )
            deadline = time.monotonic() + 60
            while True:
                try:
                    if httpx.get(f"{url}/queries", timeout=2).status_code == 200:
                        break
                except httpx.HTTPError:
                    pass
                if time.monotonic() > deadline or proc.poll() is not None:
                    print("the server did not start", file=sys.stderr)
                    return 1
                time.sleep(0.2)
        with httpx.Client(base_url=url, timeout=30) as c:
            mix = request_mix(c)
            for path, params in mix:  # warm up every worker on every request kind
                for _ in range(args.workers):
                    c.get(path, params=params)
        res = asyncio.run(run_load(url, mix, args.clients, args.requests))
        print(f"{res['requests']} requests, {args.clients} clients, {args.workers} workers: "
              f"{res['throughput']:.0f} req/s, p50 {res['p50_ms']:.1f} ms, p99 {res['p99_ms']:.1f} ms, "
              f"errors {res['errors']} {res['error_kinds'] or ''}".rstrip())
        print("p50 by kind: " + ", ".join(f"{k} {v:.1f} ms" for k, v in res["p50_by_path_ms"].items()))
        return 0 if res["errors"] == 0 else 1
    finally:
        if proc is not None:
            proc.terminate()
            try:
                proc.wait(15)
            except subprocess.TimeoutExpired:
                proc.kill()
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
