"""Extractor v2's Tier 2: a trained scorer that keeps the candidates an article states.

The artifact is one JSON file (``scorer.json``): for the mission decision and for each slot, a
model, plus the decision thresholds and where the models came from (the training data's hash, the
seed, the library versions). A model is one of:

- a logistic model (:class:`LinearModel`): a bias and named feature weights;
- boosted decision trees (:class:`TreeModel`): scikit-learn's histogram gradient boosting, written
  as arrays of nodes;
- the mean of such models' probabilities (:class:`MeanModel`).

Scoring needs no learning library: it is a weighted sum, or a walk down each tree, in numpy.
:mod:`kgbuild.extract.train` writes the file; the packaged default lives in
``kgbuild/data/scorer.json.gz``.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any, Protocol

import numpy as np

from ..errors import KgbuildError
from ..model import Evidence, Mission
from .learned import (
    LIST_SLOTS,
    SLOTS,
    VECTOR_PREFIXES,
    ArticleView,
    Features,
    MissionCandidate,
    SlotCandidate,
    accreditor_name,
    fill_slots,
    head_country,
    slot_values,
)

__all__ = ["EXCLUSIVE", "FORMAT", "LinearModel", "MeanModel", "Model", "Scorer", "ScorerError", "TreeModel", "default_scorer",
           "packaged_scorer", "read_model"]

#: The artifact format :mod:`.train` writes. This code also reads the formats in :data:`READS`.
FORMAT = "kgbuild-scorer/2"
#: Formats this code reads: ``/1`` holds logistic models only; ``/2`` adds trees and means.
READS = ("kgbuild-scorer/1", FORMAT)

#: Slots whose mention fills that slot of one mission at most: when several missions an article
#: states would take the same mention (a list of countries, a count, a person), the mission
#: likeliest to have it keeps it (:meth:`Scorer.decide`). Not the accrediting body: one commission
#: accredits every mission of an election, often in one sentence. Not the election's day, type or
#: the start date: missions to one election share them. :mod:`.train` writes these into a new
#: artifact (``"exclusive"``); an artifact without the key (the Russian 0.7.0 one) has none.
EXCLUSIVE = ("head", "member_countries", "member_organizations",
             "observers.total", "observers.long_term", "observers.short_term")


class ScorerError(KgbuildError):
    """A scorer artifact cannot be read (missing, malformed, or of another format)."""


class Model(Protocol):
    """What the scorer asks of a model: the probability that a candidate is stated."""

    def probability(self, features: Features) -> float: ...

    def probabilities(self, rows: list[Features]) -> np.ndarray[Any, np.dtype[np.float64]]: ...


@dataclass(frozen=True)
class LinearModel:
    """``p = 1 / (1 + exp(-(bias + sum of the weights of the present features × their values)))``.

    The weights of a contextual vector's components (``vo0``, ``vo1`` … for the prefix ``vo``:
    :data:`~kgbuild.extract.learned.VECTOR_PREFIXES`) are also kept as one array per prefix, so a
    candidate's vector is weighed with one dot product.
    """

    bias: float
    weights: dict[str, float]
    vectors: dict[str, np.ndarray[Any, np.dtype[np.float64]]] = field(init=False)

    def __post_init__(self) -> None:
        found: dict[str, dict[int, float]] = {}
        for name, w in self.weights.items():
            m = _COMPONENT.fullmatch(name)
            if m:
                found.setdefault(m.group(1), {})[int(m.group(2))] = w
        vectors = {}
        for prefix, comps in found.items():
            arr = np.zeros(max(comps) + 1)
            for k, w in comps.items():
                arr[k] = w
            vectors[prefix] = arr
        object.__setattr__(self, "vectors", vectors)

    def probability(self, features: Features) -> float:
        z = self.bias
        weights = self.weights
        for k, v in features.items():
            if isinstance(v, np.ndarray):
                w = self.vectors.get(k)
                if w is not None:
                    n = min(len(w), len(v))
                    z += float(w[:n] @ v[:n])
            else:
                z += weights.get(k, 0.0) * v
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def probabilities(self, rows: list[Features]) -> np.ndarray[Any, np.dtype[np.float64]]:
        return np.array([self.probability(f) for f in rows], dtype=np.float64)


class TreeModel:
    """Boosted regression trees on the log-odds: ``p = logistic(baseline + the sum of the leaf
    each tree sends the candidate to)``.

    A tree is five arrays over its nodes: the column tested (``-1`` at a leaf), the threshold
    (``value <= threshold`` goes left), the left and right child, and the leaf value. A column is
    a named feature or a component of a contextual vector (``vo12``); an absent feature is 0, as
    in training. All trees walk down together, one numpy step per level, for all the candidates
    of a decision at once.

    :param baseline: the log-odds before any tree.
    :param features: the column names the trees test.
    :param trees: ``[columns, thresholds, lefts, rights, values]`` per tree.
    """

    def __init__(self, baseline: float, features: list[str], trees: list[list[list[float]]]) -> None:
        if not trees:
            raise ValueError("a tree model needs at least one tree")
        self.baseline = float(baseline)
        self.features = [str(f) for f in features]
        self.index = {f: k for k, f in enumerate(self.features)}
        comps: dict[str, tuple[list[int], list[int]]] = {}
        for k, name in enumerate(self.features):
            m = _COMPONENT.fullmatch(name)
            if m:
                where, component = comps.setdefault(m.group(1), ([], []))
                where.append(k)
                component.append(int(m.group(2)))
        self.vector_columns = {p: (np.array(c), np.array(a)) for p, (c, a) in comps.items()}
        width = max(len(t[0]) for t in trees)
        shape = (len(trees), width)
        self.column = np.full(shape, -1, dtype=np.int64)
        self.threshold = np.zeros(shape)
        self.left = np.zeros(shape, dtype=np.int64)
        self.right = np.zeros(shape, dtype=np.int64)
        self.value = np.zeros(shape)
        for i, tree in enumerate(trees):
            cols, thr, left, right, value = tree
            n = len(cols)
            if not n or any(len(a) != n for a in (thr, left, right, value)):
                raise ValueError(f"tree {i}: its five node arrays differ in length")
            self.column[i, :n], self.threshold[i, :n] = cols, thr
            self.left[i, :n], self.right[i, :n], self.value[i, :n] = left, right, value
        inner = self.column >= 0
        own = np.arange(width)[None, :]
        if self.column.max() >= len(self.features) or max(self.left.max(), self.right.max()) >= width \
                or (inner & ((self.left <= own) | (self.right <= own))).any():
            raise ValueError("a tree names a column that does not exist, or a child that is not after its node")
        # The walk's form: every node of every tree numbered in one flat array, a leaf (and the
        # padding after a tree's last node) its own child on both sides, so that each step down is
        # four flat gathers for all candidates and trees at once, and the walk takes as many steps
        # as the deepest tree has levels.
        base = (np.arange(len(trees)) * width)[:, None]
        self._col = np.where(inner, self.column, 0).ravel()
        self._thr = np.where(inner, self.threshold, np.inf).ravel()
        self._left = np.where(inner, self.left + base, own + base).ravel()
        self._right = np.where(inner, self.right + base, own + base).ravel()
        self._value = self.value.ravel()
        self._roots = base.ravel()
        depth = np.zeros(shape, dtype=np.int64)
        for k in range(width):  # children come after their node: one pass in node order
            d = depth[:, k] + 1
            rows = np.flatnonzero(inner[:, k])
            depth[rows, self.left[rows, k]] = d[rows]
            depth[rows, self.right[rows, k]] = d[rows]
        self._depth = int(depth.max())

    def matrix(self, rows: list[Features]) -> np.ndarray[Any, np.dtype[np.float64]]:
        """The candidates' values of the trees' columns (0 where a feature is absent)."""
        x = np.zeros((len(rows), len(self.features)))
        for i, f in enumerate(rows):
            for k, v in f.items():
                if isinstance(v, np.ndarray):
                    cols = self.vector_columns.get(k)
                    if cols is not None:
                        ok = cols[1] < len(v)
                        x[i, cols[0][ok]] = v[cols[1][ok]]
                else:
                    col = self.index.get(k)
                    if col is not None:
                        x[i, col] = v
        return x

    def probabilities(self, rows: list[Features]) -> np.ndarray[Any, np.dtype[np.float64]]:
        if not rows:
            return np.zeros(0)
        x = self.matrix(rows)
        flat = x.ravel()
        row_start = (np.arange(len(rows)) * x.shape[1])[:, None]
        node = np.broadcast_to(self._roots, (len(rows), len(self._roots)))
        for _ in range(self._depth):
            node = np.where(flat[row_start + self._col[node]] <= self._thr[node], self._left[node], self._right[node])
        z = np.clip(self.baseline + self._value[node].sum(axis=1), -30.0, 30.0)
        p: np.ndarray[Any, np.dtype[np.float64]] = 1.0 / (1.0 + np.exp(-z))
        return p

    def probability(self, features: Features) -> float:
        return float(self.probabilities([features])[0])


class Forest:
    """Several :class:`TreeModel` s as one flat array of nodes, so that the candidates of many
    decisions (every slot of every kept mission of an article) walk down their own model's trees
    in one walk: as many numpy steps as the deepest tree has levels, instead of that many for
    each decision. Each candidate's probability is the same as its model's
    :meth:`~TreeModel.probabilities` gives (the same leaves, summed in the same order).
    """

    def __init__(self, models: list[TreeModel]) -> None:
        self.offset: dict[int, int] = {}
        cols, thrs, lefts, rights, values = [], [], [], [], []
        n = 0
        for m in models:
            if id(m) in self.offset:
                continue
            self.offset[id(m)] = n
            cols.append(m._col)
            thrs.append(m._thr)
            lefts.append(m._left + n)
            rights.append(m._right + n)
            values.append(m._value)
            n += len(m._col)
        self.models = models  # keeps the ids above alive
        self._col = np.concatenate(cols) if cols else np.zeros(0, dtype=np.int64)
        self._thr = np.concatenate(thrs) if thrs else np.zeros(0)
        self._left = np.concatenate(lefts) if lefts else np.zeros(0, dtype=np.int64)
        self._right = np.concatenate(rights) if rights else np.zeros(0, dtype=np.int64)
        self._value = np.concatenate(values) if values else np.zeros(0)
        # node k's children at 2k (value <= threshold) and 2k + 1; a leaf is its own child
        self._children = np.stack([self._left, self._right], axis=1).ravel()
        self._leaf = self._left == np.arange(len(self._left))

    def probabilities(self, jobs: list[tuple[TreeModel, list[Features]]]) -> list[np.ndarray[Any, np.dtype[np.float64]]]:
        """Each job's probabilities (its rows, scored by its model, which must be in the forest)."""
        if not jobs:
            return []
        xs, nodes, starts, sizes = [], [], [], []
        at = 0
        for m, rows in jobs:
            x = m.matrix(rows)
            xs.append(x.ravel())
            roots = m._roots + self.offset[id(m)]
            nodes.append(np.broadcast_to(roots, (len(rows), len(roots))).ravel())
            starts.append(np.repeat(at + np.arange(len(rows)) * x.shape[1], len(roots)))
            sizes.append((len(rows), len(roots)))
            at += x.size
        # one padding value at the end: a leaf reads column 0 of its row (and ignores it), and a
        # model without columns has 0-wide rows, so its leaves read the next job's first value,
        # or past the end when it comes last
        flat = np.concatenate([*xs, np.zeros(1)])
        node = np.concatenate(nodes)
        row_start = np.concatenate(starts)
        col, thr, children, leaf = self._col, self._thr, self._children, self._leaf
        depth = max(m._depth for m, _ in jobs)
        # Most paths end long before the deepest tree's: every few steps the walkers that have
        # reached a leaf leave the walk (about a third of the steps of a full walk are needed).
        reached = node.copy()
        where: np.ndarray[Any, np.dtype[np.int64]] | None = None  # the walkers still walking
        for step in range(1, depth + 1):
            node = children.take(2 * node + 1 - (flat.take(row_start + col.take(node)) <= thr.take(node)))
            if step % 4 == 0 and step < depth:
                done = leaf.take(node)
                if where is None:
                    reached, where = node.copy(), np.flatnonzero(~done)
                else:
                    reached[where[done]] = node[done]
                    where = where[~done]
                node, row_start = node[~done], row_start[~done]
                if not len(node):
                    break
        if where is None:
            reached = node
        else:
            reached[where] = node
        leaves = self._value[reached]
        out = []
        k = 0
        for (m, _), (r, t) in zip(jobs, sizes, strict=True):
            z = np.clip(m.baseline + leaves[k : k + r * t].reshape(r, t).sum(axis=1), -30.0, 30.0)
            out.append(1.0 / (1.0 + np.exp(-z)))
            k += r * t
        return out


def _tree_members(m: Model) -> list[TreeModel]:
    if isinstance(m, TreeModel):
        return [m]
    if isinstance(m, MeanModel):
        return [t for x in m.members for t in _tree_members(x)]
    return []


def _collect(m: Model, rows: list[Features], into: list[tuple[TreeModel, list[Features]]]) -> None:
    if isinstance(m, TreeModel):
        into.append((m, rows))
    elif isinstance(m, MeanModel):
        for x in m.members:
            _collect(x, rows, into)


def _combine(m: Model, rows: list[Features], walked: Any) -> np.ndarray[Any, np.dtype[np.float64]]:
    """``m.probabilities(rows)``, taking its trees' results from ``walked`` (in :func:`_collect` order)."""
    if isinstance(m, TreeModel):
        p: np.ndarray[Any, np.dtype[np.float64]] = next(walked)
        return p
    if isinstance(m, MeanModel):
        total = np.zeros(len(rows))
        for x in m.members:
            total += _combine(x, rows, walked)
        return total / len(m.members)
    return m.probabilities(rows)


@dataclass(frozen=True)
class MeanModel:
    """The mean of its members' probabilities (e.g. a logistic model and boosted trees)."""

    members: tuple[Model, ...]

    def probability(self, features: Features) -> float:
        return sum(m.probability(features) for m in self.members) / len(self.members)

    def probabilities(self, rows: list[Features]) -> np.ndarray[Any, np.dtype[np.float64]]:
        if not rows:
            return np.zeros(0)
        total = np.zeros(len(rows))
        for m in self.members:
            total += m.probabilities(rows)
        return total / len(self.members)


def read_model(data: dict[str, Any]) -> Model:
    """A model from its artifact form: ``{"bias", "weights"}`` (logistic), ``{"kind": "trees",
    "baseline", "features", "trees"}`` or ``{"kind": "mean", "members": [...]}``.

    :raises KeyError, TypeError, ValueError: the form is malformed.
    """
    kind = data.get("kind", "logistic")
    if kind == "logistic":
        return LinearModel(float(data["bias"]), {str(f): float(w) for f, w in data["weights"].items()})
    if kind == "trees":
        return TreeModel(float(data["baseline"]), list(data["features"]), list(data["trees"]))
    if kind == "mean":
        members = tuple(read_model(m) for m in data["members"])
        if not members:
            raise ValueError("a mean model needs members")
        return MeanModel(members)
    raise ValueError(f"unknown model kind {kind!r}")


#: A vector component's weight name: ``vo12`` is component 12 of the prefix ``vo``.
_COMPONENT = re.compile("({})".format("|".join(VECTOR_PREFIXES)) + r"(\d+)")


class Scorer:
    """Decides which mission candidates and slot values an article states.

    :param data: the parsed artifact (see :mod:`kgbuild.extract.train`).
    :raises ScorerError: when ``data`` is not a scorer of :data:`FORMAT`.
    """

    def __init__(self, data: dict[str, Any], *, source: str = "<memory>") -> None:
        if not isinstance(data, dict) or data.get("format") not in READS:
            found = data.get("format") if isinstance(data, dict) else None
            raise ScorerError(f"scorer {source}: not a kgbuild-scorer artifact this version reads "
                              f"({' or '.join(READS)}; format {found!r})")
        try:
            self.models: dict[str, Model] = {str(k): read_model(m) for k, m in data["models"].items()}
            self.thresholds = {str(k): float(v) for k, v in data["thresholds"].items()}
            self.exclusive = tuple(str(s) for s in data.get("exclusive") or ())
        except (KeyError, TypeError, ValueError, AttributeError) as exc:
            raise ScorerError(f"scorer {source}: malformed ({type(exc).__name__}: {exc})") from exc
        if "mission" not in self.models:
            raise ScorerError(f"scorer {source}: has no 'mission' model")
        self.forest = Forest([t for m in self.models.values() for t in _tree_members(m)])
        self.data_sha256: str = str((data.get("trained_on") or {}).get("sha256", ""))
        self.source = source
        self.meta = {k: v for k, v in data.items() if k != "models"}

    @classmethod
    def load(cls, path: str | Path) -> Scorer:
        """Read an artifact file written by ``kgbuild train`` (``.json``, or gzipped ``.json.gz``)."""
        p = Path(path)
        try:
            raw = p.read_bytes()
            data = json.loads(gzip.decompress(raw) if raw[:2] == b"\x1f\x8b" else raw)
        except FileNotFoundError as exc:
            raise ScorerError(f"scorer {p}: no such file") from exc
        except (OSError, EOFError, UnicodeDecodeError, json.JSONDecodeError) as exc:
            raise ScorerError(f"scorer {p}: cannot be read ({exc})") from exc
        return cls(data, source=str(p))

    @property
    def version(self) -> str:
        """A short id of the trained model: the first 8 hex digits of its training data's hash."""
        return self.data_sha256[:8] or "untrained"

    def probability(self, model: str, features: Features) -> float:
        m = self.models.get(model)
        return m.probability(features) if m is not None else 0.0

    def probabilities(self, jobs: list[tuple[str, list[Features]]]) -> list[np.ndarray[Any, np.dtype[np.float64]]]:
        """Each ``(model name, rows)`` job's probabilities, as ``self.models[name].probabilities(rows)``
        gives them, with every job's trees walked together (:class:`Forest`): one walk for all."""
        walk: list[tuple[TreeModel, list[Features]]] = []
        for name, rows in jobs:
            _collect(self.models[name], rows, walk)
        if any(id(m) not in self.forest.offset for m, _ in walk):  # a model set after __init__
            self.forest = Forest([t for m in self.models.values() for t in _tree_members(m)])
        walked = iter(self.forest.probabilities(walk))
        return [_combine(self.models[name], rows, walked) for name, rows in jobs]

    def decide(self, art: ArticleView, candidates: list[MissionCandidate]) -> list[Mission]:
        """The missions the article states, each with its values and their evidence."""
        if not candidates:
            return []
        probs = self.probabilities([("mission", [c.features for c in candidates])])[0]
        best: dict[str, int] = {}
        for k, c in enumerate(candidates):
            if c.org.key not in best or probs[k] > probs[best[c.org.key]]:
                best[c.org.key] = k
        keep, keep_best = self.thresholds.get("mission", 0.5), self.thresholds.get("mission_best", 0.3)
        kept = [c for k, c in enumerate(candidates) if probs[k] >= (keep_best if best[c.org.key] == k else keep)]
        # every slot of every kept mission in one walk of the trees
        jobs = [(c, slot, rows) for c in kept for slot in SLOTS
                for rows in [fill_slots(art, c).slots.get(slot) or []] if rows and slot in self.models]
        scored = self.probabilities([(slot, [r.features for r in rows]) for _, slot, rows in jobs])
        slot_probs: dict[tuple[int, str], list[float]] = {
            (id(c), slot): p.tolist() for (c, slot, _), p in zip(jobs, scored, strict=True)}
        if len(kept) > 1 and self.exclusive:
            _exclusive(kept, slot_probs, self.exclusive)
        out = [self._mission(art, c, slot_probs) for c in kept]
        _one_date_per_election(out)
        return out

    def _mission(self, art: ArticleView, c: MissionCandidate, slot_probs: dict[tuple[int, str], list[float]]) -> Mission:
        m = Mission(organizer=c.org.name, country=c.country, organizer_wikidata=c.org.wikidata)
        first = min(c.org_mentions, key=lambda o: o.start)
        m.cite("mission", None, art.ctx.ev(first.start, first.end))
        for slot in SLOTS:
            rows = c.slots.get(slot) or []
            if not rows or slot not in self.models:
                continue
            scored = list(zip(slot_probs[(id(c), slot)], rows, strict=True))
            threshold = self.thresholds.get(f"slot:{slot}", self.thresholds.get("slot", 0.5))
            if slot in LIST_SLOTS:
                seen: set[str] = set()
                for p, r in scored:
                    if p >= threshold and str(r.value) not in seen:
                        seen.add(str(r.value))
                        self._set(art, m, c, slot, r)
                continue
            p, r = max(scored, key=lambda pr: pr[0])
            if p >= threshold:
                self._set(art, m, c, slot, r)
        if m.election_type is not None or m.election_date is not None:
            early = next((e for e in art.elections if e.early and (m.election_type is None or e.type == m.election_type)), None)
            if early is not None:
                m.early = True
                m.cite("election.early", True, art.ctx.ev(early.start, early.end))
        return m

    def _set(self, art: ArticleView, m: Mission, c: MissionCandidate, slot: str, r: SlotCandidate) -> None:
        ev: Evidence = art.ctx.ev(r.start, r.end)
        value: Any = r.value
        if slot == "observers.total":
            m.observers_total = value
        elif slot == "observers.long_term":
            m.observers_long_term = value
        elif slot == "observers.short_term":
            m.observers_short_term = value
        elif slot == "election.date":
            m.election_date = value = date.fromisoformat(value)
        elif slot == "start_date":
            m.start_date = value = date.fromisoformat(value)
        elif slot == "election.type":
            m.election_type = value
        elif slot == "head":
            m.head = value
            # the nationality said anywhere the article names this person ("Kenya's Amina Mohamed")
            m.head_country = next((cc for s, e, v in slot_values(art, "head") if v == value
                                   for cc in [head_country(art, s, e)] if cc), None)
        elif slot == "accredited_by":
            # a commission named without its country ("the CEC") is the host's, and is named so
            name, country, own = r.value
            m.accredited_by_country = country or (c.country if not own else None)
            m.accredited_by = value = accreditor_name((name, m.accredited_by_country, own))
        elif slot == "member_countries":
            m.member_countries.append(value)
            m.cite("member_country", value, ev)
            return
        elif slot == "member_organizations":
            m.member_organizations.append(value)
            m.cite("member_organization", value, ev)
            return
        m.cite(slot, value, ev)


def _exclusive(kept: list[MissionCandidate], slot_probs: dict[tuple[int, str], list[float]],
               slots: tuple[str, ...]) -> None:
    """Leave each mention of one of ``slots`` (:data:`EXCLUSIVE`) to the one mission most likely to
    have it: the other missions' probability for that mention becomes 0 (a tie keeps the first)."""
    for slot in slots:
        claims: dict[tuple[int, int], list[tuple[float, int, int]]] = {}
        for m, c in enumerate(kept):
            probs = slot_probs.get((id(c), slot))
            if probs is None:
                continue
            for k, (r, p) in enumerate(zip(c.slots[slot], probs, strict=True)):
                claims.setdefault((r.start, r.end), []).append((p, -m, k))
        for claim in claims.values():
            if len(claim) > 1:
                _, first, _ = max(claim)
                for _, m, k in claim:
                    if m != first:
                        slot_probs[(id(kept[-m]), slot)][k] = 0.0


def _one_date_per_election(missions: list[Mission]) -> None:
    """Missions of one article that observe the same election (country, type, year) share its day
    and its "early": an election is one node in the graph, with one date."""
    from collections import Counter

    groups: dict[tuple[str, str | None, int], list[Mission]] = {}
    for m in missions:
        if m.election_date is not None:
            groups.setdefault((m.country, m.election_type, m.election_date.year), []).append(m)
    for group in groups.values():
        dates = Counter(m.election_date for m in group)
        if len(dates) > 1:
            day = max(dates, key=lambda d: (dates[d], -[m.election_date for m in group].index(d)))
            source = next(m for m in group if m.election_date == day)
            for m in group:
                if m.election_date != day:
                    m.evidence.pop(("election.date", str(m.election_date)), None)
                    m.election_date = day
                    m.cite("election.date", day, source.evidence_for("election.date", day))
        if any(m.early for m in group):
            source = next(m for m in group if m.early)
            for m in group:
                if not m.early:
                    m.early = True
                    m.cite("election.early", True, source.evidence_for("election.early", True))


#: Where the packaged scorer lives inside the package (gzipped JSON).
PACKAGED = "data/scorer.json.gz"


def packaged_scorer(path: str, *, retrain: str = "kgbuild train") -> Scorer:
    """A scorer shipped inside the package at ``path`` (gzipped JSON, e.g. ``data/scorer.json.gz``).

    :raises ScorerError: the file is missing (the message names ``retrain``, the command that makes it).
    """
    resource = files("kgbuild").joinpath(*path.split("/"))
    try:
        data = json.loads(gzip.decompress(resource.read_bytes()))
    except FileNotFoundError as exc:
        raise ScorerError(f"the packaged scorer kgbuild/{path} is missing; run `{retrain}`") from exc
    return Scorer(data, source=f"kgbuild/{path}")


@cache
def default_scorer() -> Scorer:
    """The scorer packaged with kgbuild (``kgbuild/data/scorer.json.gz``)."""
    return packaged_scorer(PACKAGED)
