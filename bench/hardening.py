"""Hardening benchmark (issue 14): stalls, worker memory, fairness and JSON Lines ingestion.

A benchmark, not a test: it prints numbers, each next to its baseline measured in the same run,
and asserts nothing. Everything runs on loopback (127.0.0.1 and, as a second and third client,
127.0.0.2 and 127.0.0.3) against a ``kgbuild serve`` subprocess, and stops by itself.

    .venv/bin/python bench/hardening.py                      # all parts, this checkout
    .venv/bin/python bench/hardening.py --parts stall,fair   # some parts
    .venv/bin/python bench/hardening.py --src /tmp/old/src   # the same against another source tree

Parts:

- ``stall``: the latency of ``GET /queries`` (answered without a worker) alone, then while a
  60 KB and a 1 MiB query body of ``a`` is being handled (``--stall-cap`` seconds at most).
- ``memory``: the peak RSS of the query workers while an ORDER BY over a cartesian product runs
  until the server stops it, against their RSS when idle.
- ``fair``: a normal query's wait alone, then while client 127.0.0.2 runs two CPU-heavy queries
  (with 2 workers), the normal query coming from 127.0.0.3.
- ``jsonl``: ``kgbuild build`` of ``--records`` tiny JSON Lines records: records/s and the peak
  RSS of the build, against the same number of articles per second for tiny files (a sample of
  ``--files`` files) in the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
CARTESIAN = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i } ORDER BY ?c ?f ?i"
CPU_HEAVY = "SELECT (COUNT(*) AS ?n) WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }"
NORMAL = "SELECT ?m WHERE { ?m a eo:ObservationMission } LIMIT 5"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def env_for(src: Path) -> dict[str, str]:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(src) + os.pathsep + str(ROOT)
    return env


def build_gold_store(path: Path, src: Path) -> None:
    """A store of the examples' gold facts (written through the RDF layer; no spaCy)."""
    code = f"""
import json, sys
from pathlib import Path
from kgbuild.api import KnowledgeGraph
from kgbuild.model import Article, Mission
from kgbuild.triples import article_quads
ex = Path({str(ROOT / 'examples')!r})
with KnowledgeGraph({str(path)!r}) as kg:
    for gold_file in sorted(ex.glob('*.gold.json')):
        gold = json.loads(gold_file.read_text(encoding='utf-8'))
        article = Article.from_text(gold['article'], (ex / gold['article']).read_text(encoding='utf-8'))
        quads = article_quads(article, [Mission.from_gold(m) for m in gold['missions']], iris=kg.iris,
                              extractor_version='gold', ingested_at=None)
        kg.store.replace_graph(kg.iris.article_graph(article.id), quads)
    kg.relink()
"""
    subprocess.run([sys.executable, "-c", code], check=True, env=env_for(src))


@contextmanager
def server(store: Path, src: Path, *, timeout: float = 10.0, workers: int = 2) -> Iterator[tuple[str, subprocess.Popen[bytes]]]:
    port = free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "kgbuild", "serve", "--store", str(store), "--port", str(port),
         "--timeout", str(timeout), "--workers", str(workers)],
        env=env_for(src), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                if httpx.get(url + "/queries", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                raise RuntimeError("the server did not start")
            time.sleep(0.2)
        yield url, proc
    finally:
        proc.terminate()
        try:
            proc.wait(20)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def children(pid: int) -> list[int]:
    out = []
    for p in Path("/proc").iterdir():
        if p.name.isdigit():
            try:
                stat = (p / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                out.append(int(p.name))
    return out


def rss_mb(pid: int) -> float:
    try:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return 0.0


def timed_get(url: str, *, local: str = "127.0.0.1", cap: float = 300.0, params: dict[str, str] | None = None) -> float:
    transport = httpx.HTTPTransport(local_address=local)
    with httpx.Client(transport=transport, timeout=cap) as c:
        t0 = time.perf_counter()
        try:
            c.get(url, params=params)
        except httpx.TimeoutException:
            return float("inf")
        return time.perf_counter() - t0


def post_in_background(url: str, body: bytes, *, local: str = "127.0.0.1", cap: float = 300.0,
                       ctype: str = "application/sparql-query") -> threading.Thread:
    def run() -> None:
        transport = httpx.HTTPTransport(local_address=local)
        with httpx.Client(transport=transport, timeout=cap) as c:
            try:
                c.post(url, content=body, headers={"Content-Type": ctype})
            except httpx.HTTPError:
                pass

    t = threading.Thread(target=run, daemon=True)
    t.start()
    return t


def part_stall(store: Path, src: Path, cap: float) -> None:
    with server(store, src) as (url, _):
        base = statistics.median(timed_get(url + "/queries") for _ in range(5))
        print(f"stall: GET /queries alone {base * 1000:.1f} ms (median of 5)")
        for label, size in (("60 KB", 60_000), ("1 MiB", (1 << 20) - 64)):
            body = b"a" * size
            t = post_in_background(url + "/query", body, cap=cap)
            time.sleep(0.2)  # the body is sent and being handled
            wait = timed_get(url + "/queries", cap=cap)
            shown = f"> {cap:.0f} s (stopped waiting)" if wait == float("inf") else f"{wait:.2f} s"
            print(f"stall: GET /queries behind a {label} query body: {shown}")
            t.join(1)
    # a server stalled for hours is stopped by the context manager


def part_memory(store: Path, src: Path, timeout: float) -> None:
    with server(store, src, timeout=timeout, workers=2) as (url, proc):
        time.sleep(1)
        idle = max(rss_mb(p) for p in children(proc.pid))
        peak = 0.0
        t = post_in_background(url + "/query", CARTESIAN.encode(), cap=timeout + 60)
        while t.is_alive():
            for p in children(proc.pid):
                peak = max(peak, rss_mb(p))
            time.sleep(0.05)
        print(f"memory: query worker RSS idle {idle:.0f} MB; peak under the cartesian ORDER BY "
              f"(--timeout {timeout:g}) {peak:.0f} MB")


def part_fair(store: Path, src: Path, timeout: float) -> None:
    with server(store, src, timeout=timeout, workers=2) as (url, _):
        params = {"query": NORMAL}
        alone = statistics.median(timed_get(url + "/query", local="127.0.0.3", params=params) for _ in range(5))
        heavy = [post_in_background(url + "/query", CPU_HEAVY.encode(), local="127.0.0.2", cap=timeout + 30)
                 for _ in range(2)]
        time.sleep(0.5)
        behind = timed_get(url + "/query", local="127.0.0.3", params=params, cap=timeout + 30)
        print(f"fair: a normal query alone {alone * 1000:.0f} ms; behind two heavy queries of another client "
              f"{behind * 1000:.0f} ms (--timeout {timeout:g}, 2 workers)")
        for t in heavy:
            t.join(timeout + 30)


def peak_rss_of(cmd: list[str], env: dict[str, str], cwd: Path, *, every: float = 0.0
                ) -> tuple[float, float, int]:
    """Run ``cmd``; (seconds, peak RSS in MB of it and its children, exit code). With ``every``,
    print the RSS and the load average every ``every`` seconds (is memory flat while it runs?)."""
    t0 = time.perf_counter()
    proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    peak, shown = 0.0, t0
    while proc.poll() is None:
        now = rss_mb(proc.pid) + sum(rss_mb(c) for c in children(proc.pid))
        peak = max(peak, now)
        if every and time.perf_counter() - shown >= every:
            shown = time.perf_counter()
            print(f"  {shown - t0:6.0f} s  RSS {now:6.0f} MB  load {os.getloadavg()[0]:.1f}", flush=True)
        time.sleep(0.1)
    return time.perf_counter() - t0, peak, proc.returncode


def part_jsonl(src: Path, records: int, files: int, tmp: Path) -> None:
    texts = [f"Observers of mission {i} arrived in the capital on Monday." for i in range(records)]
    feed = tmp / "feed.jsonl"
    with feed.open("w", encoding="utf-8") as f:
        for i, text in enumerate(texts):
            f.write(json.dumps({"id": f"rec-{i}", "text": text}) + "\n")
    folder = tmp / "files"
    folder.mkdir()
    for i in range(files):
        (folder / f"f{i}.txt").write_text(texts[i], encoding="utf-8")
    env = env_for(src)
    kg = [sys.executable, "-m", "kgbuild", "build"]
    s_files, rss_files, rc1 = peak_rss_of(kg + ["--store", str(tmp / "s1"), str(folder)], env, tmp)
    sample = tmp / "sample.jsonl"
    with feed.open("rb") as f, sample.open("wb") as out:
        for _ in range(files):
            out.write(f.readline())
    s_sample, rss_sample, rc2 = peak_rss_of(kg + ["--store", str(tmp / "s2"), str(sample)], env, tmp)
    print(f"jsonl: {records:,} records from {time.strftime('%H:%M:%S UTC', time.gmtime())}, "
          f"load {os.getloadavg()[0]:.1f}", flush=True)
    s_all, rss_all, rc3 = peak_rss_of(kg + ["--store", str(tmp / "s3"), str(feed)], env, tmp, every=60)
    print(f"jsonl: {files:,} tiny files {files / s_files:,.0f} articles/s, peak RSS {rss_files:.0f} MB (exit {rc1})")
    print(f"jsonl: {files:,} tiny records {files / s_sample:,.0f} records/s, peak RSS {rss_sample:.0f} MB (exit {rc2})")
    print(f"jsonl: {records:,} tiny records {records / s_all:,.0f} records/s in {s_all:.0f} s, "
          f"peak RSS {rss_all:.0f} MB (exit {rc3}); finished {time.strftime('%H:%M:%S UTC', time.gmtime())}, "
          f"load {os.getloadavg()[0]:.1f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the kgbuild source tree to run")
    ap.add_argument("--parts", default="stall,memory,fair,jsonl")
    ap.add_argument("--stall-cap", type=float, default=120.0, help="stop waiting for a stalled server after this")
    ap.add_argument("--timeout", type=float, default=10.0, help="the server's --timeout")
    ap.add_argument("--records", type=int, default=200_000)
    ap.add_argument("--files", type=int, default=2_000)
    args = ap.parse_args()
    parts = set(args.parts.split(","))
    tmp = Path(tempfile.mkdtemp(prefix="kgbuild-hardening-"))
    try:
        store = tmp / "store"
        if parts & {"stall", "memory", "fair"}:
            build_gold_store(store, args.src)
        if "stall" in parts:
            part_stall(store, args.src, args.stall_cap)
        if "memory" in parts:
            part_memory(store, args.src, args.timeout)
        if "fair" in parts:
            part_fair(store, args.src, args.timeout)
        if "jsonl" in parts:
            part_jsonl(args.src, args.records, args.files, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    main()
