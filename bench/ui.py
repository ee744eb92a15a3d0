"""Time to first paint of the server's pages on a big store (a benchmark, not a test).

Builds (or reuses, with ``--store``) an on-disk store of ``--articles`` generated articles with
their gold facts (``bench.run.write_gold_store``: no spaCy; 10,000 articles hold 8,272 missions),
starts ``kgbuild serve`` on it, and opens each page in headless Chromium (Debian's ``chromium``
through playwright), each visit in a fresh browser context. Per page it prints the median first
contentful paint (the browser's ``paint`` entry), the load event and, for ``/``, the moment the
world map is drawn; the first visit after the server starts is reported apart (each query worker
then reads the mission listing once). The baseline, measured in the same run, is the 404 page,
which asks the store nothing: its paint is the server's and the browser's floor.

    .venv/bin/python -m bench.ui --articles 10000 --runs 7
    .venv/bin/python -m bench.ui --store /path/to/store --runs 5
"""

from __future__ import annotations

import argparse
import json
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import httpx

from bench.load_server import free_port
from bench.run import machine, write_gold_store

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
PAINT = """() => {
  const p = performance.getEntriesByName('first-contentful-paint')[0];
  const nav = performance.getEntriesByType('navigation')[0];
  return {fcp: p ? p.startTime : null, load: nav ? nav.loadEventEnd : null, ttfb: nav ? nav.responseStart : null};
}"""


def visit(browser: Any, url: str, *, wait_map: bool) -> dict[str, float]:
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    t0 = time.perf_counter()
    resp = page.goto(url, wait_until="load", timeout=120_000)
    out: dict[str, float] = {}
    if wait_map:
        page.wait_for_selector("#world-map svg path.country", timeout=120_000)
        out["map_ms"] = page.evaluate("() => performance.now()")
    # the paint entry is recorded once the page has painted: wait for it
    page.wait_for_function("() => performance.getEntriesByName('first-contentful-paint').length > 0", timeout=60_000)
    out.update({k: v for k, v in page.evaluate(PAINT).items() if v is not None})
    out["wall_ms"] = (time.perf_counter() - t0) * 1000
    out["status"] = resp.status if resp else 0
    context.close()
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--articles", type=int, default=10_000, help="generated articles (without --store)")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--store", type=Path, default=None,
                    help="a store to serve; generated there (and kept) when the folder does not exist")
    ap.add_argument("--runs", type=int, default=7, help="warm visits per page (medians)")
    ap.add_argument("--chromium", default=shutil.which("chromium") or "/usr/bin/chromium")
    ap.add_argument("--json", type=Path, default=None, help="also write the results here")
    args = ap.parse_args(argv)

    tmp = None
    store = args.store
    built: dict[str, float] = {}
    if store is None or not store.exists():
        if store is None:
            tmp = Path(tempfile.mkdtemp(prefix="kgbuild-ui-bench-"))
            store = tmp / "store"
        t0 = time.perf_counter()
        built = write_gold_store(store, args.articles, args.seed)
        print(f"store: {args.articles:,} generated articles in {time.perf_counter() - t0:.1f} s "
              f"({', '.join(f'{k} {v:.1f}' for k, v in built.items())})", file=sys.stderr)
    port = free_port()
    url = f"http://127.0.0.1:{port}"
    server = subprocess.Popen([sys.executable, "-m", "kgbuild", "serve", "--store", str(store), "--port", str(port)],
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while True:
            try:
                httpx.get(url + "/static/kgbuild.css", timeout=5)
                break
            except httpx.TransportError:
                if time.monotonic() > deadline or server.poll() is not None:
                    raise SystemExit("kgbuild serve did not start") from None
                time.sleep(0.3)
        missions = httpx.get(url + "/queries/missions", params={"limit": "1", "format": "json"}, timeout=120).json()
        first = missions["results"]["bindings"][0]
        pages = {
            "/": True, "/missions": False, "/missions?q=osce&type=parliamentary": False,
            f"/mission/{first['mission']['value'].rsplit('/', 1)[-1]}": False,
            f"/country/{first['country']['value']}": False, "/nope (404, baseline)": False,
        }
        from playwright.sync_api import sync_playwright

        results: dict[str, Any] = {"machine": machine(), "articles": args.articles if built else None,
                                   "store": str(store), "runs": args.runs, "pages": {}}
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=args.chromium, args=CHROMIUM_ARGS)
            cold = {name: visit(browser, url + name.split(" ")[0], wait_map=m) for name, m in pages.items()}
            for name, wait_map in pages.items():
                runs = [visit(browser, url + name.split(" ")[0], wait_map=wait_map) for _ in range(args.runs)]
                med = {k: statistics.median(r[k] for r in runs if k in r) for k in runs[0] if k != "status"}
                results["pages"][name] = {"first": cold[name], "median": med, "status": runs[0]["status"]}
            browser.close()
    finally:
        server.terminate()
        server.wait(30)
        if tmp is not None:
            shutil.rmtree(tmp, ignore_errors=True)
    base = results["pages"]["/nope (404, baseline)"]["median"]["fcp"]
    print(f"{'page':42} {'status':>6} {'first FCP':>10} {'FCP p50':>9} {'load p50':>9} {'map p50':>8} {'x 404':>6}")
    for name, r in results["pages"].items():
        m = r["median"]
        print(f"{name:42} {r['status']:>6} {r['first'].get('fcp', 0):>8.0f}ms {m['fcp']:>7.0f}ms {m['load']:>7.0f}ms "
              f"{(str(round(m['map_ms'])) + 'ms') if 'map_ms' in m else '':>8} {m['fcp'] / base:>6.2f}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
