"""Extractor speed: v2 (parse + rules + scorer) against the raw full pipeline, in one run.

    .venv/bin/python -m bench.extractor [--articles 150] [--repeats 3] [--cpu] [--scorer PATH ...]

Prints words per second (median of the repeats; the pipelines interleaved, each repeat runs each
once) of:
- ``raw``: the model's full default pipeline, ``nlp.pipe`` over the texts (the baseline);
- ``parse``: the extractor's pipeline without the scorer (parse, names ruler, v1 rules);
- ``v2``: the whole extractor (``Extractor()``: parse, rules, candidates, patterns, scorer);
- ``v1``: the rules alone over sentences and NER (``Extractor(learned=False)``);
and the ratios the extractor issue sets targets for: v2/raw (>= 0.85) and v2/parse (the scorer's
cost; <= 10% means v2/parse >= 0.91). Each ``--scorer PATH`` adds a row: the whole extractor with
that scorer artifact (e.g. a candidate against the packaged one, in the same run), and the CPU time
of the scorer's own step (candidates and decisions on the same parsed articles, packaged and
``PATH`` interleaved), which whole-pipeline rates are too noisy to show. The texts come from
``bench.generate`` (seeded).
"""

from __future__ import annotations

import argparse
import copy
import statistics
import time

from kgbuild.extract import DEFAULT_MODEL, Extractor
from kgbuild.model import Article

from .generate import generate


def _rate(fn, texts: list[str], words: int, repeats: int, clock=time.perf_counter) -> float:  # type: ignore[no-untyped-def]
    rates = []
    for _ in range(repeats):
        t = clock()
        fn(texts)
        rates.append(words / (clock() - t))
    return statistics.median(rates)


def scorer_step(parse_only: Extractor, arts: list[Article], paths: list[str], repeats: int) -> None:
    """Print the CPU seconds of candidates + decisions alone, packaged scorer against each of ``paths``,
    on the articles as ``parse_only`` (an extractor without a scorer) parses them."""
    from kgbuild.extract.learned import mission_candidates
    from kgbuild.extract.scorer import Scorer, default_scorer

    t = time.process_time()
    views = list(parse_only.views(arts))
    parse = time.process_time() - t
    scorers = {"packaged": default_scorer(), **{p: Scorer.load(p) for p in paths}}
    times: dict[str, list[float]] = {name: [] for name in scorers}
    for r in range(repeats):
        order = list(scorers.items()) if r % 2 == 0 else list(reversed(scorers.items()))
        for name, sc in order:
            fresh = copy.deepcopy(views)  # deciding fills the candidates' slots: each run starts clean
            t = time.process_time()
            for view in fresh:
                sc.decide(view, mission_candidates(view))
            times[name].append(time.process_time() - t)
    print(f"the scorer's step alone (CPU s, median of {repeats}, interleaved; parsing the same articles: {parse:.2f} s):")
    base = statistics.median(times["packaged"])
    for name, ts in times.items():
        m = statistics.median(ts)
        print(f"  {name}: {m:.3f} s ({100 * m / parse:.1f}% of the parse; {m - base:+.3f} s against packaged)")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=150)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--cpu", action="store_true",
                    help="time CPU seconds of this process (time.process_time) instead of wall time: "
                         "less sensitive to other load on a shared machine")
    ap.add_argument("--scorer", action="append", default=[], metavar="PATH",
                    help="also time the extractor with this scorer artifact (repeatable)")
    args = ap.parse_args(argv)
    clock = time.process_time if args.cpu else time.perf_counter
    import spacy

    arts = [g.article for g in generate(args.articles, seed=1)]
    texts = [a.text for a in arts]
    words = sum(len(t.split()) for t in texts)
    raw = spacy.load(DEFAULT_MODEL)
    extractors = {"parse": Extractor(scorer="none"), "v2": Extractor(), "v1": Extractor(learned=False)}
    extractors.update((f"v2 {path}", Extractor(scorer=path)) for path in args.scorer)
    for ex in extractors.values():
        ex.nlp  # load before the clock starts  # noqa: B018

    def run_raw(_: list[str]) -> None:
        for _doc in raw.pipe(texts, batch_size=16):
            pass

    def runner(ex: Extractor):  # type: ignore[no-untyped-def]
        def run(_: list[str]) -> None:
            for _a, _r in ex.pipe(arts, batch_size=16):
                pass
        return run

    unit = "words per CPU second" if args.cpu else "words/s"
    import os

    print(f"{len(texts)} generated articles, {words:,} words, median of {args.repeats} runs ({unit}); "
          f"load {os.getloadavg()[0]:.1f}")
    # interleaved: each repeat runs every pipeline once, so that a change in the machine's load
    # during the run weighs on all of them alike
    runs = {"raw": run_raw, **{name: runner(ex) for name, ex in extractors.items()}}
    samples: dict[str, list[float]] = {name: [] for name in runs}
    for _ in range(args.repeats):
        for name, fn in runs.items():
            samples[name].append(_rate(fn, texts, words, 1, clock))
    rates = {name: statistics.median(r) for name, r in samples.items()}
    for name, r in rates.items():
        print(f"  {name:6} {r:9,.0f}")  # a --scorer row is named "v2 PATH"
    print(f"v2 / raw   = {rates['v2'] / rates['raw']:.2f}x  (target >= 0.85; baseline: raw nlp.pipe, same texts, same run)")
    print(f"v2 / parse = {rates['v2'] / rates['parse']:.2f}x  (the scorer's cost; target >= 0.91)")
    print(f"v1 / raw   = {rates['v1'] / rates['raw']:.2f}x  (the rules alone, no parse)")
    for path in args.scorer:
        r = rates[f"v2 {path}"]
        print(f"v2 with {path}: / raw = {r / rates['raw']:.2f}x, / parse = {r / rates['parse']:.2f}x, "
              f"/ packaged v2 = {r / rates['v2']:.2f}x")
    if args.scorer:
        scorer_step(extractors["parse"], arts, args.scorer, args.repeats)
    print(f"load {os.getloadavg()[0]:.1f} at the end")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
