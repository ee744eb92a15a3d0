"""Train extractor v2's scorer from gold-annotated corpora (``kgbuild train``).

Every article of the corpora is parsed by the same pipeline the extractor runs (without the
scorer), its candidates are generated (:mod:`.learned`) and labelled from the gold file: a
mission candidate is positive when a gold mission has its country and organizer (the scorer's
matching rules); a slot candidate is positive when its value is the gold value (dates and counts
equal, names matched as the scorer matches them). One logistic regression per decision
(scikit-learn, ``lbfgs``, seeded) is fitted and written as plain weights. The decisions named in
``boosted`` (default :data:`BOOSTED`) also get boosted decision trees (scikit-learn's
``HistGradientBoostingClassifier``, seeded, settings :data:`TREES`), written as node arrays, and
their model is the mean of the two, or (``"NAME:trees"``) the trees alone. Using a model needs no learning library (:mod:`.scorer`).

Training needs the ``train`` extra (``pip install 'kgbuild[train]'``: scikit-learn).
"""

from __future__ import annotations

import gzip
import hashlib
import json
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import KgbuildError, ParameterError
from ..model import Article
from .learned import SLOTS, MissionCandidate, fill_slots, mission_candidates, named_features, rule_has
from .scorer import EXCLUSIVE, FORMAT

__all__ = ["BOOSTED", "THRESHOLDS", "TREES", "TrainingReport", "boosted_of", "data_hash", "featurize", "fit", "fit_trees",
           "gold_articles", "train"]

#: Decision thresholds written into a new artifact. The mission's were chosen by leave-one-writer-out
#: validation on the training corpus; the slots' 0.3 (0.4 until 0.16.0) on l21-l24, which the
#: scorer had not trained on, where recall (0.872) was under precision (0.915): corpus/SCORES.md.
THRESHOLDS = {"mission": 0.5, "mission_best": 0.3, "slot": 0.3}

#: The decisions that get boosted trees: ``"NAME"`` for the mean of the logistic model and the
#: trees, ``"NAME:trees"`` for the trees alone. The mission decision's mean was chosen by grouped
#: cross-validation by writer; the slots' trees by development sets (corpus/SCORES.md, session 10).
BOOSTED: tuple[str, ...] = ("mission", *(f"{s}:trees" for s in SLOTS))

#: The boosted trees' settings (``HistGradientBoostingClassifier``), and ``min_count``: a feature
#: the trees may test is present in at least that many training candidates.
TREES: dict[str, Any] = {"max_iter": 300, "learning_rate": 0.08, "max_leaf_nodes": 31, "min_samples_leaf": 20,
                         "l2_regularization": 1.0, "early_stopping": True, "validation_fraction": 0.1,
                         "n_iter_no_change": 10, "min_count": 30}


@dataclass(frozen=True)
class TrainingReport:
    """What a training run used and wrote."""

    path: Path
    articles: int
    missions: int
    sha256: str
    examples: dict[str, int]
    features: dict[str, int]


def gold_articles(roots: Sequence[str | Path]) -> list[tuple[Article, dict[str, Any]]]:
    """``(article, gold)`` for every ``NAME.gold.json`` with its ``NAME.txt`` below the roots."""
    out: list[tuple[Article, dict[str, Any]]] = []
    seen: set[str] = set()
    for root in roots:
        base = Path(root)
        if not base.is_dir():
            raise ParameterError("CORPUS", str(root), "is not a folder")
        for gold_path in sorted(base.rglob("*.gold.json")):
            text_path = gold_path.with_name(gold_path.name.removesuffix(".gold.json") + ".txt")
            if not text_path.is_file():
                raise KgbuildError(f"{gold_path}: no article {text_path.name} beside it")
            gold = json.loads(gold_path.read_text(encoding="utf-8"))
            name = str(gold.get("article") or text_path.name)
            if name in seen:
                raise KgbuildError(f"{gold_path}: article {name!r} appears twice in the training data")
            seen.add(name)
            out.append((Article.from_text(name, text_path.read_text(encoding="utf-8-sig")), gold))
    if not out:
        raise ParameterError("CORPUS", ", ".join(map(str, roots)), "holds no *.gold.json files")
    return out


def data_hash(pairs: Iterable[tuple[Article, dict[str, Any]]]) -> str:
    """A SHA-256 over every article's text and date and its gold, in name order."""
    h = hashlib.sha256()
    for article, gold in sorted(pairs, key=lambda p: p[0].id):
        h.update(article.id.encode())
        h.update(b"\0")
        h.update((article.published.isoformat() if article.published else "").encode())
        h.update(b"\0")
        h.update(article.text.encode())
        h.update(b"\0")
        h.update(json.dumps(gold.get("missions"), sort_keys=True, ensure_ascii=False).encode())
        h.update(b"\1")
    return h.hexdigest()


def label_candidates(candidates: list[MissionCandidate], gold: dict[str, Any]
                     ) -> list[tuple[MissionCandidate, dict[str, Any] | None]]:
    """Each candidate with the gold mission it matches (or None)."""
    from ..matching import same_org

    out = []
    for c in candidates:
        probe = {"organizer": c.org.name, "organizer_wikidata": c.org.wikidata}
        match = next((g for g in gold.get("missions") or []
                      if str(g.get("country") or "").upper() == c.country and same_org(g, probe)), None)
        out.append((c, match))
    return out


def _learner() -> tuple[Any, Any]:
    try:
        import sklearn
        from sklearn.feature_extraction import DictVectorizer
        from sklearn.linear_model import LogisticRegression
    except ImportError as exc:
        raise KgbuildError("training needs scikit-learn: pip install 'kgbuild[train]'") from exc
    return sklearn, (DictVectorizer, LogisticRegression)


def featurize(pairs: Sequence[tuple[Article, dict[str, Any]]], *, model: str | None = None,
              extractor: Any = None) -> list[tuple[Any, list[tuple[MissionCandidate, dict[str, Any] | None]]]]:
    """Parse every article once: ``(view, [(candidate, matching gold mission or None)])`` each.

    :param extractor: what parses the articles (anything with ``views(articles)``, e.g. the
        Russian extractor); default: the English one on ``model``, without a scorer.
    """
    from . import DEFAULT_MODEL, Extractor

    if extractor is None:
        extractor = Extractor(model or DEFAULT_MODEL, scorer="none")
    out = []
    for (article, gold), view in zip(pairs, extractor.views(p[0] for p in pairs), strict=True):
        if isinstance(view, Exception):
            raise KgbuildError(f"{article.id}: cannot be parsed for training: {view}")
        labelled = label_candidates(mission_candidates(view), gold)
        for cand, match in labelled:
            if match is not None:
                fill_slots(view, cand)  # slots are learned on true missions only
        out.append((view, labelled))
    return out


def _check_boosted(boosted: Collection[str]) -> dict[str, str]:
    """``{decision: "mean" or "trees"}`` from names such as ``"mission"`` and ``"head:trees"``."""
    how: dict[str, str] = {}
    for item in boosted:
        name, _, form = item.partition(":")
        if name not in ("mission", *SLOTS):
            raise ParameterError("boosted", item, f"names no decision (use mission or one of {', '.join(SLOTS)}, "
                                 "optionally with ':trees' for the trees alone)")
        if form not in ("", "mean", "trees"):
            raise ParameterError("boosted", item, "has an unknown form after ':' (use ':trees', or nothing for the mean)")
        how[name] = form or "mean"
    return how


def fit_trees(x: list[dict[str, float]], y: list[int], *, seed: int = 0,
              settings: Mapping[str, Any] | None = None) -> dict[str, Any]:
    """Boosted decision trees on ``x`` (named features) and ``y`` (0/1), in the artifact's form
    (``{"kind": "trees", "baseline", "features", "trees"}``: :class:`~.scorer.TreeModel`).

    The learner sees a dense matrix of the features present in at least ``settings["min_count"]``
    examples; the artifact keeps only the features a tree tests.
    """
    import numpy as np

    _, (DictVectorizer, _logistic) = _learner()  # the same check and message when scikit-learn is missing
    from sklearn.ensemble import HistGradientBoostingClassifier

    opts = dict(TREES if settings is None else settings)
    min_count = int(opts.pop("min_count", 1))
    vec = DictVectorizer(sort=True)
    sparse = vec.fit_transform(x).tocsc()
    names = vec.get_feature_names_out()
    counts = np.asarray((sparse != 0).sum(axis=0)).ravel()
    keep = np.flatnonzero(counts >= min_count)
    if not len(keep):
        raise KgbuildError(f"no feature is present in {min_count} examples: too little data for boosted trees")
    learner = HistGradientBoostingClassifier(random_state=seed, **opts)
    learner.fit(sparse[:, keep].toarray(), np.asarray(y))
    predictors = [p for (p,) in learner._predictors]  # one tree per iteration for two classes
    used = sorted({int(f) for p in predictors for f, leaf in zip(p.nodes["feature_idx"], p.nodes["is_leaf"],
                                                                   strict=True) if not leaf})
    column = {f: k for k, f in enumerate(used)}
    trees = []
    for p in predictors:
        nodes = p.nodes
        leaf = nodes["is_leaf"].astype(bool)
        trees.append([
            [-1 if lf else column[int(f)] for f, lf in zip(nodes["feature_idx"], leaf, strict=True)],
            [0.0 if lf else float(t) for t, lf in zip(nodes["num_threshold"], leaf, strict=True)],
            [0 if lf else int(v) for v, lf in zip(nodes["left"], leaf, strict=True)],
            [0 if lf else int(v) for v, lf in zip(nodes["right"], leaf, strict=True)],
            [float(v) if lf else 0.0 for v, lf in zip(nodes["value"], leaf, strict=True)],
        ])
    return {"kind": "trees", "baseline": float(np.ravel(learner._baseline_prediction)[0]),
            "features": [str(names[keep[f]]) for f in used], "trees": trees}


def fit(labelled: Iterable[list[tuple[MissionCandidate, dict[str, Any] | None]]], *, seed: int = 0,
        c: float = 0.5, boosted: Collection[str] = (), c_by: Mapping[str, float] | None = None,
        ) -> tuple[dict[str, Any], dict[str, int], dict[str, int]]:
    """One logistic regression per decision, and for the decisions in ``boosted`` boosted trees
    (:func:`fit_trees`): the mean of the two for ``"NAME"``, the trees alone for ``"NAME:trees"``;
    ``(models, examples per model, features per model)``. ``c_by`` gives some decisions
    (``"mission"`` or a slot) an inverse regularization strength of their own instead of ``c``.

    :raises ParameterError: ``boosted`` names no decision.
    """
    how = _check_boosted(boosted)
    _, (DictVectorizer, LogisticRegression) = _learner()
    articles = list(labelled)

    def rows(name: str) -> tuple[list[dict[str, float]], list[int]]:
        # one decision's examples at a time: with every decision's at once, training on 4,000
        # articles needed about 20 GB (each row is a dict of some 400 named features)
        x: list[dict[str, float]] = []
        y: list[int] = []
        for cands in articles:
            for cand, match in cands:
                if name == "mission":
                    x.append(named_features(cand.features))
                    y.append(int(match is not None))
                elif match is not None:  # slots are learned on true missions only
                    for r in cand.slots.get(name) or []:
                        x.append(named_features(r.features))
                        y.append(int(rule_has(name, match, r.value)))
        return x, y

    models: dict[str, Any] = {}
    counts: dict[str, int] = {}
    sizes: dict[str, int] = {}
    for name in ("mission", *SLOTS):
        x, y = rows(name)
        counts[name] = len(y)
        if not y or sum(y) == 0 or sum(y) == len(y):
            continue  # nothing to learn: the slot stays empty
        vec = DictVectorizer(sort=True)
        learner = LogisticRegression(C=(c_by or {}).get(name, c), max_iter=5000, random_state=seed)
        learner.fit(vec.fit_transform(x), y)
        weights = {f: round(float(w), 5) for f, w in zip(vec.get_feature_names_out(), learner.coef_[0], strict=True)
                   if abs(w) >= 1e-4}
        models[name] = {"bias": round(float(learner.intercept_[0]), 5), "weights": dict(sorted(weights.items()))}
        sizes[name] = len(weights)
        if name in how:
            try:
                trees = fit_trees(x, y, seed=seed)
            except (KgbuildError, ValueError):
                if name == "mission":
                    raise
                continue  # too few examples for trees (a small corpus): the slot keeps its logistic model
            if how[name] == "trees":
                models[name], sizes[name] = trees, len(trees["features"])
            else:
                models[name] = {"kind": "mean", "members": [models[name], trees]}
                sizes[name] += len(trees["features"])
    if "mission" not in models:
        raise KgbuildError("the training data has no positive and negative mission examples to learn from")
    return models, counts, sizes


def boosted_of(models: Mapping[str, Any]) -> dict[str, dict[str, Any]]:
    """The decisions of ``models`` that have boosted trees, as an artifact records them (``"NAME"``
    for the mean with the logistic model, ``"NAME:trees"`` for the trees alone), with the settings."""
    out: dict[str, dict[str, Any]] = {}
    for name, m in sorted(models.items()):
        if m.get("kind") == "trees":
            out[name + ":trees"] = dict(TREES)
        elif m.get("kind") == "mean":
            out[name] = dict(TREES)
    return out


def train(corpora: Sequence[str | Path], output: str | Path, *, model: str | None = None, seed: int = 0,
          c: float = 0.5, featurized: tuple[list[tuple[Article, dict[str, Any]]], list[Any]] | None = None,
          thresholds: Mapping[str, float] | None = None, boosted: Collection[str] = BOOSTED,
          c_by: Mapping[str, float] | None = None) -> TrainingReport:
    """Train a scorer on gold-annotated corpora and write it to ``output`` (a folder or a ``.json``).

    :param corpora: folders holding ``NAME.txt`` and ``NAME.gold.json`` (searched recursively).
    :param output: where to write: a ``.json`` or ``.json.gz`` file, or a folder (gets ``scorer.json``).
    :param model: the spaCy pipeline (default: the pinned English one).
    :param seed: the learner's seed (the result is the same for the same data and seed).
    :param c: the inverse regularization strength of each logistic regression.
    :param featurized: ``(gold_articles(corpora), featurize(...))`` already computed for these
        corpora (cross-validation and training then parse the corpus once); the artifact is the same.
    :param thresholds: the decision thresholds written into the artifact (default :data:`THRESHOLDS`).
    :param boosted: the decisions (``"mission"`` or a slot of :data:`~.learned.SLOTS`) that get
        boosted trees: the mean of the logistic model and the trees, or with ``":trees"`` after the
        name the trees alone (default :data:`BOOSTED`). A slot with too few examples for trees
        keeps its logistic model; the artifact's ``"boosted"`` says which decisions got trees.
    :param c_by: decisions with an inverse regularization strength of their own instead of ``c``
        (recorded in the artifact as ``"regularization_c_by"`` when given).
    :raises ParameterError: a corpus folder is missing or holds no gold.
    :raises KgbuildError: scikit-learn is not installed, or the data has no positive example.
    """
    import spacy.about

    from . import DEFAULT_MODEL

    _check_boosted(boosted)  # before the corpus is parsed
    sklearn, _ = _learner()
    pairs, labelled = featurized if featurized is not None else (gold_articles(corpora), None)
    if labelled is None:
        labelled = featurize(pairs, model=model)
    models, counts, sizes = fit((cands for _, cands in labelled), seed=seed, c=c, boosted=boosted, c_by=c_by)
    digest = data_hash(pairs)
    artifact = {
        "format": FORMAT,
        "trained_on": {"sha256": digest, "articles": len(pairs),
                       "missions": sum(len(g.get("missions") or []) for _, g in pairs),
                       "corpora": [Path(r).as_posix() for r in corpora]},
        "seed": seed,
        "regularization_c": c,
        **({"regularization_c_by": dict(sorted(c_by.items()))} if c_by else {}),
        "boosted": boosted_of(models),
        "thresholds": dict(thresholds if thresholds is not None else THRESHOLDS),
        "exclusive": list(EXCLUSIVE),
        "pipeline": {"model": model or DEFAULT_MODEL, "spacy": spacy.about.__version__, "scikit-learn": sklearn.__version__},
        "examples": counts,
        "models": models,
    }
    out = Path(output)
    if not out.name.endswith((".json", ".json.gz")):
        out.mkdir(parents=True, exist_ok=True)
        out = out / "scorer.json"
    body = (json.dumps(artifact, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")
    if out.name.endswith(".gz"):
        body = gzip.compress(body, compresslevel=9, mtime=0)  # the same bytes for the same model
    tmp = out.with_name(out.name + ".tmp")
    tmp.write_bytes(body)
    tmp.replace(out)  # never a half-written artifact
    return TrainingReport(out, len(pairs), int(artifact["trained_on"]["missions"]), digest, counts, sizes)  # type: ignore[index]
