"""Score extracted facts against ``*.gold.json`` files, by the Scoring rules of FORMAT.md.

This is the library form of the corpus's reference scorer ``score.py`` (a test checks that both
give the same counts on the same predictions): every fact is one unit (a mission's existence, each
stated election field, start date, head, each member, the accrediting body, each observer count);
precision, recall and F1 are micro-averaged over all units and reported per slot.

Beyond ``score.py`` it gives what a researcher reports: bootstrap confidence intervals over
articles (:meth:`Score.intervals`), a confusion summary of error kinds (:data:`ERROR_KINDS`),
and breakdowns by the gold files' ``writer`` and ``style`` labels (:meth:`Score.by`).
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .matching import match_units, same_name, same_org, units

__all__ = ["ERROR_KINDS", "ArticleResult", "Interval", "PatternScore", "Score", "SlotScore", "cross_validate", "evaluate", "load_gold",
           "pattern_scores", "pattern_table", "same_name", "score"]

#: The kinds of error a confusion summary counts (see :attr:`Score.errors`).
ERROR_KINDS = ("missed mission", "spurious mission", "wrong value", "missing value", "extra value")


@dataclass(frozen=True)
class SlotScore:
    """True positives, false positives and false negatives of one slot (or of all: ``micro``)."""

    slot: str
    tp: int
    fp: int
    fn: int

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class ArticleResult:
    """One article's counts: the unit of resampling for confidence intervals."""

    article: str
    tp: Counter[str] = field(default_factory=Counter)
    fp: Counter[str] = field(default_factory=Counter)
    fn: Counter[str] = field(default_factory=Counter)
    errors: Counter[str] = field(default_factory=Counter)
    writer: str = ""
    style: str = ""


@dataclass(frozen=True)
class Interval:
    """A bootstrap percentile interval around a point estimate."""

    value: float
    low: float
    high: float

    def __str__(self) -> str:
        return f"{self.value:.3f} [{self.low:.3f}, {self.high:.3f}]"


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    s = SlotScore("", tp, fp, fn)
    return s.precision, s.recall, s.f1


def _percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return 0.0
    k = (len(ordered) - 1) * q
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


@dataclass
class Score:
    """Per-slot and micro-averaged scores, per-article counts, and one line per wrong fact.

    ``articles`` keeps each article's counts, so :meth:`intervals` can resample articles
    (a cluster bootstrap: units of one article are not independent) and :meth:`by` can
    break the score down by writer or style.
    """

    slots: list[SlotScore]
    details: list[str] = field(default_factory=list)
    articles: list[ArticleResult] = field(default_factory=list)

    @property
    def micro(self) -> SlotScore:
        return SlotScore("micro", sum(s.tp for s in self.slots), sum(s.fp for s in self.slots), sum(s.fn for s in self.slots))

    @property
    def errors(self) -> Counter[str]:
        """How many errors of each kind in :data:`ERROR_KINDS`, over all articles."""
        total: Counter[str] = Counter({k: 0 for k in ERROR_KINDS})
        for a in self.articles:
            total.update(a.errors)
        return total

    def table(self) -> str:
        """The table ``score.py`` prints, line for line."""
        lines = [f"{'slot':22} {'tp':>4} {'fp':>4} {'fn':>4} {'P':>6} {'R':>6} {'F1':>6}"]
        for s in self.slots:
            lines.append(f"{s.slot:22} {s.tp:4} {s.fp:4} {s.fn:4} {s.precision:6.3f} {s.recall:6.3f} {s.f1:6.3f}")
        m = self.micro
        lines.append(f"micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f} (tp {m.tp}, fp {m.fp}, fn {m.fn})")
        return "\n".join(lines)

    def intervals(self, *, resamples: int = 1000, seed: int = 0, level: float = 0.95) -> dict[str, dict[str, Interval]]:
        """Bootstrap percentile intervals for P, R and F1, micro (key ``micro``) and per slot.

        Articles are drawn with replacement ``resamples`` times with a seeded generator, so the
        same score gives the same intervals.

        >>> s = score([{"article": "a.txt", "missions": [{"organizer": "CIS", "country": "AZ"}]}],
        ...           {"articles": [{"article": "a.txt", "missions": []}]})
        >>> str(s.intervals(resamples=50)["micro"]["f1"])
        '0.000 [0.000, 0.000]'
        """
        import random

        rng = random.Random(seed)
        names = ["micro"] + [s.slot for s in self.slots]
        draws: dict[str, dict[str, list[float]]] = {n: {"precision": [], "recall": [], "f1": []} for n in names}
        n = len(self.articles)
        for _ in range(resamples if n else 0):
            tp: Counter[str] = Counter()
            fp: Counter[str] = Counter()
            fn: Counter[str] = Counter()
            for _ in range(n):
                a = self.articles[rng.randrange(n)]
                tp.update(a.tp)
                fp.update(a.fp)
                fn.update(a.fn)
            for name in names:
                if name == "micro":
                    t, f_p, f_n = sum(tp.values()), sum(fp.values()), sum(fn.values())
                else:
                    t, f_p, f_n = tp[name], fp[name], fn[name]
                p, r, f = _prf(t, f_p, f_n)
                # a resample without any unit of a slot leaves its measure undefined, not zero
                if t + f_p:
                    draws[name]["precision"].append(p)
                if t + f_n:
                    draws[name]["recall"].append(r)
                if t + f_p + f_n:
                    draws[name]["f1"].append(f)
        lo, hi = (1 - level) / 2, 1 - (1 - level) / 2
        out: dict[str, dict[str, Interval]] = {}
        for name in names:
            point = self.micro if name == "micro" else next(s for s in self.slots if s.slot == name)
            values = {"precision": point.precision, "recall": point.recall, "f1": point.f1}
            out[name] = {
                k: Interval(values[k], _percentile(v, lo), _percentile(v, hi)) if v else Interval(values[k], values[k], values[k])
                for k, v in draws[name].items()
            }
        return out

    def by(self, label: str) -> dict[str, Score]:
        """The score of each group of articles that share a ``writer`` or ``style`` label."""
        if label not in ("writer", "style"):
            raise ValueError(f"cannot group by {label!r}: use 'writer' or 'style'")
        groups: dict[str, list[ArticleResult]] = {}
        for a in self.articles:
            groups.setdefault(getattr(a, label) or "(none)", []).append(a)
        return {k: _from_articles(v) for k, v in sorted(groups.items())}

    def report(self, *, resamples: int = 1000, seed: int = 0) -> str:
        """A researcher's table: P, R and F1 with 95% intervals, micro and per slot, and the error kinds."""
        ci = self.intervals(resamples=resamples, seed=seed)
        head = f"{'slot':22} {'tp':>5} {'fp':>5} {'fn':>5}  {'P [95% CI]':>21}  {'R [95% CI]':>21}  {'F1 [95% CI]':>21}"
        lines = [head]
        for s in [*self.slots, self.micro]:
            c = ci[s.slot]
            lines.append(f"{s.slot:22} {s.tp:5} {s.fp:5} {s.fn:5}  {c['precision']!s:>21}  {c['recall']!s:>21}  {c['f1']!s:>21}")
        lines.append(f"{len(self.articles)} articles; intervals from {resamples} article resamples (seed {seed})")
        lines.append("errors: " + ", ".join(f"{k} {v}" for k, v in self.errors.items()))
        return "\n".join(lines)

    def as_dict(self, *, resamples: int = 0, seed: int = 0) -> dict[str, Any]:
        """Scores as plain data; with ``resamples`` > 0 each P/R/F1 also gets its interval."""
        m = self.micro
        out: dict[str, Any] = {
            "micro": {"precision": m.precision, "recall": m.recall, "f1": m.f1, "tp": m.tp, "fp": m.fp, "fn": m.fn},
            "slots": {s.slot: {"precision": s.precision, "recall": s.recall, "f1": s.f1, "tp": s.tp, "fp": s.fp, "fn": s.fn} for s in self.slots},
            "articles": len(self.articles),
            "errors": dict(self.errors),
            "details": self.details,
        }
        if resamples > 0:
            ci = self.intervals(resamples=resamples, seed=seed)
            for name, values in ci.items():
                target = out["micro"] if name == "micro" else out["slots"][name]
                target["ci95"] = {k: [v.low, v.high] for k, v in values.items()}
        return out


def _from_articles(articles: list[ArticleResult], details: list[str] | None = None) -> Score:
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    for a in articles:
        tp.update(a.tp)
        fp.update(a.fp)
        fn.update(a.fn)
    slots = sorted(set(tp) | set(fp) | set(fn))
    return Score([SlotScore(s, tp[s], fp[s], fn[s]) for s in slots], details or [], articles)


def load_gold(*roots: str | Path) -> list[dict[str, Any]]:
    """Every ``*.gold.json`` below the given folders (recursively), sorted by path.

    :raises ValueError: when two gold files name the same article.
    """
    out: list[dict[str, Any]] = []
    seen: dict[str, Path] = {}
    for root in roots:
        for p in sorted(Path(root).rglob("*.gold.json")):
            doc = json.loads(p.read_text(encoding="utf-8"))
            name = str(doc.get("article", ""))
            if name in seen:
                raise ValueError(f"{p}: article {name!r} is also the subject of {seen[name]}")
            seen[name] = p
            out.append(doc)
    return out


def score(gold: Iterable[Mapping[str, Any]], predicted: Mapping[str, Any] | list[Any]) -> Score:
    """Compare predicted facts (the facts view's shape) with gold files' contents.

    >>> g = [{"article": "a.txt", "missions": [{"organizer": "CIS", "country": "AZ"}]}]
    >>> score(g, {"articles": [{"article": "a.txt", "missions": [{"organizer": "Commonwealth of Independent States", "country": "AZ"}]}]}).micro.f1
    1.0
    """
    arts = predicted["articles"] if isinstance(predicted, Mapping) else predicted
    by_name = {Path(a["article"]).name: a.get("missions") or [] for a in arts}
    details: list[str] = []
    results: list[ArticleResult] = []
    for doc in gold:
        name = doc["article"]
        res = ArticleResult(name, writer=str(doc.get("writer") or ""), style=str(doc.get("style") or ""))
        results.append(res)
        gms = doc.get("missions") or []
        pms = list(by_name.get(name, []))
        if name not in by_name:
            details.append(f"{name}: no prediction for this article")
        free = list(range(len(pms)))
        for g in gms:
            gcountry = (g.get("country") or "").upper()
            hit = next((i for i in free if (pms[i].get("country") or "").upper() == gcountry and same_org(g, pms[i])), None)
            gu = units(g)
            if hit is None:
                for s, _ in gu:
                    res.fn[s] += 1
                res.errors["missed mission"] += 1
                details.append(f"{name}: missed mission {g.get('organizer')} -> {gcountry}")
                continue
            free.remove(hit)
            pu = units(pms[hit])
            t, missed, used = match_units(gu, pu)
            res.tp.update(t)
            for s, c in Counter(s for s, _ in gu).items():
                res.fn[s] += c - t[s]
            for s, c in Counter(s for s, _ in pu).items():
                res.fp[s] += c - t[s]
            missed_by = Counter(s for s, _ in missed)
            extra_by = Counter(s for i, (s, _) in enumerate(pu) if i not in used)
            for s in set(missed_by) | set(extra_by):
                wrong = min(missed_by[s], extra_by[s])
                res.errors["wrong value"] += wrong
                res.errors["missing value"] += missed_by[s] - wrong
                res.errors["extra value"] += extra_by[s] - wrong
            for s, v in missed:
                details.append(f"{name}: {g.get('organizer')} -> {gcountry}: missed {s} = {v!r}")
            for i, (s, v) in enumerate(pu):
                if i not in used:
                    details.append(f"{name}: {g.get('organizer')} -> {gcountry}: spurious {s} = {v!r}")
        for i in free:
            p = pms[i]
            for s, _ in units(p):
                res.fp[s] += 1
            res.errors["spurious mission"] += 1
            details.append(f"{name}: spurious mission {p.get('organizer')} -> {p.get('country')}")
    return _from_articles(results, details)


def evaluate(*roots: str | Path, model: str | None = None, scorer: str | None = None, rules: bool = False,
             lang: str = "auto") -> Score:
    """Extract every article below ``roots`` into a temporary graph and score it against the gold.

    This is what ``kgbuild evaluate`` runs: the articles go through the whole build (extraction,
    RDF, the facts view read back by SPARQL), so the score measures what a user's graph holds.

    :param roots: folders holding ``NAME.txt`` and ``NAME.gold.json`` (searched recursively).
    :param model: the spaCy pipeline to load (default: the pinned English one).
    :param scorer: a scorer artifact (default: the packaged one); ``rules``: the v1 rules alone.
    :param lang: the articles' language (``auto``: detected per article; a Russian set is scored
        with the Russian pipeline, and a scorer trained on Russian scores its Russian articles).
    :raises ParameterError: when no folder holds a gold file.
    """
    from .api import KnowledgeGraph
    from .errors import ParameterError
    from .extract.language import NOT_EXTRACTED

    gold = load_gold(*roots)
    if not gold:
        raise ParameterError("DIRECTORY", ", ".join(map(str, roots)), "holds no *.gold.json files")
    with KnowledgeGraph(None, model=model, scorer=scorer, rules=rules, lang=lang) as kg:
        report = kg.build([str(r) for r in roots])
        result = score(gold, kg.facts())
    result.details[:0] = [f"error: {p}" for p in report.failed] + [
        f"error: {p}" for p in report.skipped if p.problem.startswith(NOT_EXTRACTED)]
    return result


def cross_validate(corpora: Sequence[str | Path], *, group: str = "writer", model: str | None = None,
                   seed: int = 0, c: float = 0.5, lang: str = "en",
                   boosted: Collection[str] | None = None) -> dict[str, Any]:
    """Leave-one-group-out scores of extractor v2: train a scorer on every other writer (or style)
    and score the one left out (needs scikit-learn).

    Articles are parsed once. Returns ``{"folds": {group: Score}, "all": Score}`` where ``all``
    pools every fold's predictions: an estimate of the score on text by an unseen writer.

    :param lang: the corpora's language, ``"en"`` or ``"ru"`` (the Russian pipeline; ``ru`` extra).
    :param boosted: the decisions that get boosted trees beside the logistic model (default: the
        language's, :data:`kgbuild.extract.train.BOOSTED` for English, :data:`kgbuild.extract.ru.train.RU_BOOSTED`
        for Russian).
    """
    from .extract.scorer import FORMAT, Scorer
    from .extract.train import BOOSTED, THRESHOLDS, featurize, fit, gold_articles

    pairs = gold_articles(corpora)
    thresholds = THRESHOLDS
    russian: Any = None  # the Russian extractor decides on the scorer's missions (its rules after the scorer)
    c_by: dict[str, float] = {}  # slots regularized on their own (Russian: RU_C_BY)
    if lang == "ru":
        from .extract.ru.extractor import RussianExtractor
        from .extract.ru.train import RU_BOOSTED, RU_C_BY, RU_THRESHOLDS
        from .extract.ru.train import featurize as featurize_ru

        labelled = featurize_ru(pairs)
        thresholds = RU_THRESHOLDS
        c_by = RU_C_BY
        russian = RussianExtractor()
    else:
        labelled = featurize(pairs, model=model)
    if boosted is None:
        boosted = RU_BOOSTED if russian is not None else BOOSTED
    groups = [str(g.get(group) or "(none)") for _, g in pairs]
    predicted: dict[str, list[dict[str, Any]]] = {}
    folds: dict[str, Any] = {}
    for fold in sorted(set(groups)):
        models, _, _ = fit((cands for (_, cands), g in zip(labelled, groups, strict=True) if g != fold), seed=seed, c=c,
                            boosted=boosted, c_by=c_by)
        scorer = Scorer({"format": FORMAT, "models": models, "thresholds": thresholds})
        gold_fold = []
        for (article, gold), (view, cands), g in zip(pairs, labelled, groups, strict=True):
            if g != fold:
                continue
            cands_only = [cand for cand, _ in cands]
            found = russian.decide(view, cands_only, scorer) if russian is not None else scorer.decide(view, cands_only)
            predicted[article.id] = [m.to_gold() for m in found]
            gold_fold.append({**gold, "article": article.id})
        folds[fold] = score(gold_fold, {"articles": [{"article": x["article"], "missions": predicted[x["article"]]}
                                                       for x in gold_fold]})
    every = [{**g, "article": a.id} for a, g in pairs]
    pooled = score(every, {"articles": [{"article": a.id, "missions": predicted[a.id]} for a, _ in pairs]})
    return {"folds": folds, "all": pooled}


#: Which slots a pattern family's hits fill (the family is the part of a pattern id before the dot).
PATTERN_SLOTS = {
    "head": ("head",), "count": ("observers.total", "observers.long_term", "observers.short_term"),
    "start": ("start_date",), "eldate": ("election.date",), "member": ("member_countries", "member_organizations"),
    "acc": ("accredited_by",),
}  # fmt: skip


@dataclass(frozen=True)
class PatternScore:
    """How one Tier-1 pattern does on its own on gold corpora.

    For a slot pattern, ``hits`` counts the distinct values it marks in the slots of the articles'
    true missions, ``correct`` those the gold states, and ``gold`` the gold values of its slots
    (so ``recall`` is the share of them the pattern alone would find). For an organizer (``org.*``)
    or host (``host.*``) pattern the units are mission candidates and gold missions.
    """

    pattern: str
    hits: int
    correct: int
    covered: int
    gold: int

    @property
    def precision(self) -> float:
        return self.correct / self.hits if self.hits else 0.0

    @property
    def recall(self) -> float:
        return self.covered / self.gold if self.gold else 0.0


def pattern_scores(*roots: str | Path, model: str | None = None) -> list[PatternScore]:
    """Score each Tier-1 pattern (``extract/patterns.jsonl``) on its own against the gold of the
    corpora under ``roots`` (``kgbuild evaluate --by-pattern``): what it marks, how much of that
    the gold states, and how much of the gold it reaches. Articles are parsed once; no scorer runs.
    """
    from .extract.learned import load_patterns, rule_has
    from .extract.train import featurize, gold_articles

    pairs = gold_articles(roots)
    labelled = featurize(pairs, model=model)
    ids: list[str] = []
    for p in load_patterns():
        ids += [p["id"], p["id"] + "+conj"]
    hits: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    covered: dict[str, set[tuple[Any, ...]]] = {i: set() for i in ids}
    gold_values: dict[str, set[tuple[Any, ...]]] = {}
    n_missions = 0
    for (article, gold), (_, cands) in zip(pairs, labelled, strict=True):
        n_missions += len(gold.get("missions") or [])
        # an organizer pattern marks an organization of the article, a host pattern a country: each
        # is right when a gold mission has that organizer (or host)
        marked: dict[tuple[str, str], bool] = {}
        for cand, match in cands:
            for key in cand.features:
                unit = ("o", cand.org.key) if key.startswith("o_pat=org.") else (
                    ("c", cand.country) if key.startswith("c_pat=host.") else None)
                if unit is None:
                    continue
                pid = key[6:]
                marked[(pid, unit[1])] = marked.get((pid, unit[1]), False) or match is not None
                if match is not None:
                    covered[pid].add((article.id, id(match)))
        for (pid, _), ok in marked.items():
            hits[pid] += 1
            correct[pid] += int(ok)
        for k, (cand, match) in enumerate(cands):
            if match is None:
                continue
            # per pattern, each distinct value it marks once: right when one of its slots states it
            judged: dict[tuple[str, str], bool] = {}
            for slot, rows in cand.slots.items():
                for r in rows:
                    ok = rule_has(slot, match, r.value)
                    if ok:
                        gold_values.setdefault(slot, set()).add((article.id, k, str(r.value)))
                    for key in r.features:
                        if key.startswith("pat=") and slot in PATTERN_SLOTS.get(key[4:].split(".")[0], ()):
                            unit = (key[4:], str(r.value))
                            judged[unit] = judged.get(unit, False) or ok
            for (pid, value), ok in judged.items():
                hits[pid] += 1
                if ok:
                    correct[pid] += 1
                    covered[pid].add((article.id, k, value))
    out = []
    for pid in ids:
        family = pid.split(".")[0]
        if family in ("org", "host"):
            total = n_missions
        else:
            total = sum(len(gold_values.get(s, ())) for s in PATTERN_SLOTS.get(family, ()))
        out.append(PatternScore(pid, hits[pid], correct[pid], len(covered.get(pid, ())), total))
    return [p for p in out if p.hits or not p.pattern.endswith("+conj")]


def pattern_table(scores: Iterable[PatternScore]) -> str:
    """A plain-text table of :func:`pattern_scores`."""
    lines = [f"{'pattern':32} {'hits':>6} {'correct':>8} {'P':>6} {'R':>6}"]
    for p in scores:
        lines.append(f"{p.pattern:32} {p.hits:6d} {p.correct:8d} {p.precision:6.3f} {p.recall:6.3f}")
    return "\n".join(lines)
