"""Russian extraction speed against the raw natasha pipeline on the same texts, in one run.

    .venv/bin/python -m bench.russian [--articles 80] [--repeats 3]

Prints words per second (median of the repeats) of:
- ``raw``: natasha's own pipeline (razdel segmentation, slovnet morphology, syntax and NER, and the
  lemmas) over the texts: the baseline;
- ``build``: the whole Russian extractor (``Extractor(lang="ru")``: natasha, the spaCy ``Doc``, the
  Russian mentions, patterns, candidates and the scorer);
and their ratio (the issue's target: build/raw >= 0.8). The texts are the articles of
corpus/ru/train (the first ``--articles`` in name order).
"""

from __future__ import annotations

import argparse
import statistics
import time
from pathlib import Path

from kgbuild.extract import Extractor
from kgbuild.model import Article

ROOT = Path(__file__).resolve().parent.parent


def _median_rate(fn, words: int, repeats: int) -> float:  # type: ignore[no-untyped-def]
    rates = []
    for _ in range(repeats):
        t = time.perf_counter()
        fn()
        rates.append(words / (time.perf_counter() - t))
    return statistics.median(rates)


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

    def raw() -> None:
        for a in arts:
            doc = natasha_doc(a.text)
            for t in doc.tokens:
                t.lemmatize(mv)

    def build() -> None:
        for _a, _r in ex.pipe(arts):
            pass

    print(f"{len(arts)} articles of {args.corpus.relative_to(ROOT) if args.corpus.is_relative_to(ROOT) else args.corpus}, "
          f"{words:,} words, median of {args.repeats} runs (words/s)")
    rates = {"raw": _median_rate(raw, words, args.repeats), "build": _median_rate(build, words, args.repeats)}
    for name, rate in rates.items():
        print(f"{name:6} {rate:9,.0f}  {rate / rates['raw']:.2f}x raw")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
