"""Training and cross-validating the Russian scorer (``kgbuild train --lang ru``): the English
learner, labels and artifact (:mod:`kgbuild.extract.train`) on the Russian pipeline's candidates.
Needs the ``train`` and ``ru`` extras.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from ...model import Article
from ..learned import mission_candidates
from .extractor import RU_MODEL, RussianExtractor

__all__ = ["RU_C", "RU_THRESHOLDS", "featurize", "train_russian"]


def featurize(pairs: list[tuple[Article, dict[str, Any]]]) -> list[tuple[Any, list[tuple[Any, dict[str, Any] | None]]]]:
    """Parse every Russian article once: ``(view, [(candidate, matching gold mission or None)])``
    each, the shape :func:`kgbuild.extract.train.train` takes as ``featurized``."""
    from ...errors import KgbuildError
    from ..learned import fill_slots
    from ..train import label_candidates

    extractor = RussianExtractor()
    out = []
    for (article, gold), view in zip(pairs, extractor.views(p[0] for p in pairs), strict=True):
        if isinstance(view, Exception):
            raise KgbuildError(f"{article.id}: cannot be parsed for training: {view}")
        labelled = label_candidates(mission_candidates(view), gold)
        for cand, match in labelled:
            if match is not None:
                fill_slots(view, cand)
        out.append((view, labelled))
    return out


#: The Russian scorer's regularization and decision thresholds: the best of 8 settings tried in the
#: grouped cross-validation on corpus/ru/train by writer (C 0.5, 1, 2 × slot thresholds 0.3, 0.4, and
#: lower mission thresholds): micro-F1 0.712 against 0.696 with the English 0.5 and 0.4.
RU_C = 1.0
RU_THRESHOLDS = {"mission": 0.5, "mission_best": 0.3, "slot": 0.3}


def train_russian(corpora: list[str] | tuple[str, ...], output: str, *, seed: int = 0, c: float = RU_C) -> Any:
    """Train a Russian scorer on gold corpora (``kgbuild train --lang ru``): the same learner,
    labels and artifact as :func:`kgbuild.extract.train.train`, on the Russian pipeline's
    candidates, with :data:`RU_THRESHOLDS`; the artifact records ``natasha`` as its pipeline,
    which is how a build knows it scores Russian articles. Needs the ``train`` and ``ru`` extras."""
    from ..train import gold_articles, train

    pairs = gold_articles(corpora)
    report = train(corpora, output, model=RU_MODEL, seed=seed, c=c, featurized=(pairs, featurize(pairs)))
    path = Path(report.path)
    raw = path.read_bytes()
    packed = raw[:2] == b"\x1f\x8b"
    data = json.loads(gzip.decompress(raw) if packed else raw)
    data["thresholds"] = RU_THRESHOLDS
    body = (json.dumps(data, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_bytes(gzip.compress(body, compresslevel=9, mtime=0) if packed else body)
    tmp.replace(path)  # never a half-written artifact
    return report
