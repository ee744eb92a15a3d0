"""Russian extraction speed against the raw natasha pipeline on the same texts, in one run.

    .venv/bin/python -m bench.russian [--articles 80] [--repeats 3]

Prints words per second (median of the repeats; the two are timed in turn on each article, each
first every other time, so that a change of load hits both alike) of:
- ``raw``: natasha's own pipeline (razdel segmentation, slovnet morphology, syntax and NER, and the
  lemmas) over the texts: the baseline;
- ``build``: the whole Russian extractor (``Extractor(lang="ru")``: natasha, the spaCy ``Doc``, the
  Russian mentions, patterns, candidates and the scorer);
and their ratio (the issue's target: build/raw >= 0.8), with the median of the per-repeat ratios
and the machine's load average. The texts are the articles of corpus/ru/train (the first
``--articles`` in name order).
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path

from kgbuild.extract import Extractor
from kgbuild.model import Article

ROOT = Path(__file__).resolve().parent.parent


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--articles", type=int, default=80)
    ap.add_argument("--repeats", type=int, default=3)
    ap.add_argument("--corpus", type=Path, default=ROOT / "corpus" / "ru" / "train")
    args = ap.parse_args(argv)
    from kgbuild.extract.ru.nlp import natasha_doc, natasha_models

    paths = sorted(args.corpus.rglob("*.txt"))[: args.articles]
    arts = [Article.from_text(p.name, p.read_text(encoding="utf-8")) for p in paths]
    words = sum(len(a.text.split()) for a in arts)
    mv = natasha_models().morph_vocab
    ex = Extractor(lang="ru")
    ex.russian.extract(arts[0])  # load natasha, the gazetteer's forms and the scorer before the clock starts

    def raw(a: Article) -> None:
        doc = natasha_doc(a.text)
        for t in doc.tokens:
            t.lemmatize(mv)

    def build(a: Article) -> None:
        for _a, _r in ex.pipe([a]):
            pass

    print(f"{len(arts)} articles of {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}, "
          f"{words:,} words, median of {args.repeats} runs (words/s); load average {os.getloadavg()[0]:.1f}")
    runs: dict[str, list[float]] = {"raw": [], "build": []}
    for _ in range(args.repeats):
        spent = {"raw": 0.0, "build": 0.0}
        for k, a in enumerate(arts):  # article by article, in turn (a change of load hits both alike),
            steps = (("raw", raw), ("build", build))  # each first every other time (warm caches favour neither)
            for name, fn in (steps if k % 2 == 0 else steps[::-1]):
                t = time.perf_counter()
                fn(a)
                spent[name] += time.perf_counter() - t
        for name in runs:
            runs[name].append(words / spent[name])
    rates = {name: statistics.median(r) for name, r in runs.items()}
    for name, rate in rates.items():
        print(f"{name:6} {rate:9,.0f}  {rate / rates['raw']:.2f}x raw")
    ratios = [b / r for r, b in zip(runs["raw"], runs["build"], strict=True)]
    print(f"build/raw per repeat: {', '.join(f'{x:.2f}' for x in ratios)} (median {statistics.median(ratios):.2f}); "
          f"load average {os.getloadavg()[0]:.1f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
