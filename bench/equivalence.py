"""Extractor equivalence: does a change to the extractor keep every output the same?

    .venv/bin/python -m bench.equivalence --write BEFORE.json        # on the old code
    .venv/bin/python -m bench.equivalence --against BEFORE.json      # on the new code

The sample is fixed: every article of ``examples/``, every 13th ``.txt`` of ``corpus/train``
(sorted by path; about 300) and of ``corpus/ru/train`` (Russian, about 30: the Russian extractor
shares the view and the scorer). For each article it records

- the missions ``Extractor().pipe`` returns (the real path; the language detected per article): organizer, host, every slot value and
  every evidence span (:func:`~kgbuild.extract.components.mission_to_data`);
- the missions of the v1 rules alone (``Extractor(learned=False)``);
- every mission candidate's features (a hash of the named features, exact values) and the mission
  model's probability;
- for each candidate the scorer keeps, every slot candidate's features (hashed) and probability.

``--against`` compares: missions and feature hashes exactly, probabilities to ``--tolerance``
(1e-9), and prints the first differences; the exit status is 1 when anything differs. A speed
change to the extractor (:mod:`bench.extractor`) must pass it.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from kgbuild.extract import Extractor
from kgbuild.model import Article

ROOT = Path(__file__).resolve().parent.parent


def sample(root: Path = ROOT, every: int = 13) -> list[Article]:
    """The fixed sample: ``examples/*.txt`` and every ``every``-th ``corpus/train`` article."""
    paths = sorted((root / "examples").glob("*.txt")) + sorted((root / "corpus" / "train").rglob("*.txt"))[::every] \
        + sorted((root / "corpus" / "ru" / "train").rglob("*.txt"))[::every]
    return [Article.from_text(str(p.relative_to(root)), p.read_text(encoding="utf-8-sig")) for p in paths]


def _hash(features: dict[str, Any]) -> str:
    h = hashlib.sha256()
    for k in sorted(features):
        v = features[k]
        h.update(k.encode())
        h.update(np.asarray(v, dtype=np.float64).tobytes() if isinstance(v, np.ndarray) else repr(float(v)).encode())
    return h.hexdigest()[:16]


def record(articles: list[Article]) -> dict[str, Any]:
    """What :func:`main` compares, per article id."""
    from kgbuild.extract.components import mission_to_data
    from kgbuild.extract.learned import SLOTS, fill_slots, mission_candidates
    from kgbuild.extract.scorer import default_scorer

    out: dict[str, Any] = {a.id: {} for a in articles}
    for a, result in Extractor().pipe(articles):
        out[a.id]["missions"] = repr(result) if isinstance(result, Exception) else [mission_to_data(m) for m in result]
    for a, result in Extractor(learned=False).pipe(articles):
        out[a.id]["rules"] = repr(result) if isinstance(result, Exception) else [mission_to_data(m) for m in result]
    scorer = default_scorer()
    for a, view in zip(articles, Extractor(scorer="none").views(articles), strict=True):
        if isinstance(view, Exception):
            out[a.id]["view"] = repr(view)
            continue
        cands = mission_candidates(view)
        probs = scorer.models["mission"].probabilities([c.features for c in cands]).tolist() if cands else []
        rows = []
        for c, p in zip(cands, probs, strict=True):
            row: dict[str, Any] = {"org": c.org.key, "country": c.country, "f": _hash(c.features), "p": p}
            if p >= min(scorer.thresholds.get("mission", 0.5), scorer.thresholds.get("mission_best", 0.3)):
                fill_slots(view, c)
                for slot in SLOTS:
                    cs = c.slots.get(slot) or []
                    ps = scorer.models[slot].probabilities([r.features for r in cs]).tolist() if cs and slot in scorer.models else []
                    row[slot] = [[r.start, r.end, repr(r.value), _hash(r.features)] for r in cs]
                    row[slot + ":p"] = ps
            rows.append(row)
        out[a.id]["candidates"] = rows
    return out


def compare(old: Any, new: Any, where: str, tol: float, diffs: list[str]) -> None:
    if isinstance(old, float) and isinstance(new, float):
        if abs(old - new) > tol:
            diffs.append(f"{where}: {old!r} -> {new!r}")
    elif isinstance(old, dict) and isinstance(new, dict):
        for k in sorted(set(old) | set(new)):
            if k not in old or k not in new:
                diffs.append(f"{where}.{k}: only in {'new' if k not in old else 'old'}")
            else:
                compare(old[k], new[k], f"{where}.{k}", tol, diffs)
    elif isinstance(old, list) and isinstance(new, list):
        if len(old) != len(new):
            diffs.append(f"{where}: {len(old)} items -> {len(new)}")
        for k, (x, y) in enumerate(zip(old, new, strict=False)):
            compare(x, y, f"{where}[{k}]", tol, diffs)
    elif old != new:
        diffs.append(f"{where}: {old!r} -> {new!r}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--write", metavar="PATH", help="record the outputs of this code in PATH (JSON)")
    ap.add_argument("--against", metavar="PATH", help="compare this code's outputs with a recording")
    ap.add_argument("--every", type=int, default=13, help="take every N-th corpus/train article (default 13)")
    ap.add_argument("--tolerance", type=float, default=1e-9, help="for probabilities (default 1e-9)")
    args = ap.parse_args(argv)
    if not args.write and not args.against:
        ap.error("give --write PATH or --against PATH")
    arts = sample(every=args.every)
    t = time.process_time()
    rec = record(arts)
    n_m = sum(len(r.get("missions") or []) for r in rec.values())
    n_c = sum(len(r.get("candidates") or []) for r in rec.values())
    print(f"{len(arts)} articles, {n_m} missions, {n_c} mission candidates ({time.process_time() - t:.0f} CPU s)")
    if args.write:
        Path(args.write).write_text(json.dumps(rec, sort_keys=True), encoding="utf-8")
        print(f"recorded in {args.write}")
    if args.against:
        old = json.loads(Path(args.against).read_text(encoding="utf-8"))
        diffs: list[str] = []
        compare(old, json.loads(json.dumps(rec)), "", args.tolerance, diffs)
        if diffs:
            print(f"DIFFERENT: {len(diffs)} differences; the first:")
            for d in diffs[:20]:
                print("  " + d)
            return 1
        print(f"the same as {args.against}: missions, evidence and features exactly, probabilities to {args.tolerance:g}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
