"""Training and cross-validating the Russian scorer (``kgbuild train --lang ru``): the English
learner, labels and artifact (:mod:`kgbuild.extract.train`) on the Russian pipeline's candidates.
Needs the ``train`` and ``ru`` extras.
"""

from __future__ import annotations

from typing import Any

from ...model import Article
from .extractor import RU_MODEL, RussianExtractor

__all__ = ["RU_C", "RU_THRESHOLDS", "featurize", "train_russian"]


def featurize(pairs: list[tuple[Article, dict[str, Any]]]) -> list[tuple[Any, list[tuple[Any, dict[str, Any] | None]]]]:
    """Parse every Russian article once: :func:`kgbuild.extract.train.featurize` with the Russian
    pipeline, the shape :func:`kgbuild.extract.train.train` takes as ``featurized``."""
    from ..train import featurize as featurize_with

    return featurize_with(pairs, extractor=RussianExtractor())


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
    return train(corpora, output, model=RU_MODEL, seed=seed, c=c, featurized=(pairs, featurize(pairs)),
                 thresholds=RU_THRESHOLDS)
