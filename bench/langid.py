"""Language identification on short wire items: py3langid (what kgbuild uses) against
lingua-language-detector, accuracy and speed on the same items, in one run.

    .venv/bin/python -m bench.langid [--items 200] [--chars 300]

The items are the first ``--chars`` characters of articles (after the date line): half English
(corpus/train), half Russian (corpus/ru/train), alternating, ``--items`` in all. Each library
labels every item among all the languages its model knows; an item is right when the label is
its language. Prints accuracy, misses and the median time per item of three passes. lingua is
measured only when installed (``pip install lingua-language-detector``; a 96 MB wheel, which is
why kgbuild does not depend on it).
"""

from __future__ import annotations

import argparse
import statistics
import time
from collections.abc import Callable
from pathlib import Path

from kgbuild.model import Article

ROOT = Path(__file__).resolve().parent.parent


def items(n: int, chars: int) -> list[tuple[str, str]]:
    en = sorted((ROOT / "corpus" / "train").rglob("*.txt"))
    ru = sorted((ROOT / "corpus" / "ru" / "train").rglob("*.txt"))
    out: list[tuple[str, str]] = []
    for k in range(n):
        lang, pool = ("en", en) if k % 2 == 0 else ("ru", ru)
        p = pool[(k // 2) * max(1, len(pool) // max(1, n // 2)) % len(pool)]
        text = Article.from_text(p.name, p.read_text(encoding="utf-8-sig")).text
        out.append((lang, " ".join(text.split())[:chars]))
    return out


def measure(name: str, classify: Callable[[str], str], data: list[tuple[str, str]]) -> None:
    classify(data[0][1])  # load the model before the clock starts
    times = []
    for _ in range(3):
        t = time.perf_counter()
        labels = [classify(text) for _, text in data]
        times.append((time.perf_counter() - t) / len(data))
    right = sum(1 for (lang, _), got in zip(data, labels, strict=True) if got == lang)
    misses = [(lang, got) for (lang, _), got in zip(data, labels, strict=True) if got != lang]
    print(f"{name:10} accuracy {right}/{len(data)} = {right / len(data):.3f}   {statistics.median(times) * 1000:.2f} ms/item"
          f"   misses: {misses[:6]}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--items", type=int, default=200)
    ap.add_argument("--chars", type=int, default=300)
    args = ap.parse_args(argv)
    data = items(args.items, args.chars)
    print(f"{len(data)} items ({sum(1 for lang, _ in data if lang == 'en')} English, "
          f"{sum(1 for lang, _ in data if lang == 'ru')} Russian), {args.chars} characters each")
    from kgbuild.extract.language import detect_language

    measure("py3langid", detect_language, data)
    try:
        from lingua import LanguageDetectorBuilder
    except ImportError:
        print("lingua     not installed (pip install lingua-language-detector to measure it)")
        return 0
    detector = LanguageDetectorBuilder.from_all_languages().build()

    def lingua(text: str) -> str:
        lang = detector.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"

    measure("lingua", lingua, data)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
