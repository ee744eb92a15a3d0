"""Custom spaCy components of the extractor, registered under versioned names.

``kgbuild_missions_v1`` (spaCy forbids dots in factory names) reads the sentences and PERSON entities that the statistical components
produced, applies :mod:`kgbuild.extract.rules` and stores the missions on the ``Doc`` as plain
data (``doc.user_data["kgbuild.missions"]``), so that documents survive ``nlp.pipe(n_process=N)``.
The article's publication date travels in ``doc.user_data["kgbuild.published"]`` (ISO string).
"""

from __future__ import annotations

import functools
from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Evidence, Mission
from .context import Context
from .rules import extract_missions

__all__ = [
    "CONTEXT_KEY", "ERROR_KEY", "MISSIONS_KEY", "PUBLISHED_KEY", "LearnedMissions", "article_view", "make_learned_missions",
    "mission_from_data", "mission_to_data", "missions_component",
]

MISSIONS_KEY = "kgbuild.missions"
PUBLISHED_KEY = "kgbuild.published"
ERROR_KEY = "kgbuild.error"
#: Where the v1 component leaves the article's mentions for v2, in the same process only.
CONTEXT_KEY = "kgbuild._context"

_DATE_FIELDS = ("election_date", "start_date")
_FIELDS = ("organizer", "country", "organizer_wikidata", "election_type", "election_date", "early",
           "start_date", "head", "head_country", "member_countries", "member_organizations",
           "accredited_by", "accredited_by_country", "observers_total", "observers_long_term",
           "observers_short_term")


def mission_to_data(m: Mission) -> dict[str, Any]:
    """A mission as msgpack/JSON-safe data (dates as ISO strings, evidence as lists)."""
    d: dict[str, Any] = {}
    for f in _FIELDS:
        v = getattr(m, f)
        d[f] = v.isoformat() if isinstance(v, date) else (list(v) if isinstance(v, list) else v)
    d["evidence"] = [[slot, key, ev.start, ev.end, ev.sentence_start, ev.sentence_end]
                     for (slot, key), ev in m.evidence.items()]
    return d


def mission_from_data(d: dict[str, Any]) -> Mission:
    """Inverse of :func:`mission_to_data`."""
    kw = {f: d[f] for f in _FIELDS}
    for f in _DATE_FIELDS:
        if kw[f]:
            kw[f] = date.fromisoformat(kw[f])
    m = Mission(**kw)
    for slot, key, s, e, ss, se in d["evidence"]:
        m.evidence[(slot, key)] = Evidence(s, e, ss, se)
    return m


def missions_component(doc: Doc, *, keep_context: bool = False) -> Doc:
    """Find the observation missions an article reports (see :mod:`kgbuild.extract.rules`).

    With ``keep_context`` the article's mentions (the :class:`~.context.Context`) stay on the
    ``Doc`` under :data:`CONTEXT_KEY` for extractor v2, which takes them off again (a ``Doc``
    leaving a worker process must hold plain data only): they are found once per article.
    """
    pub = doc.user_data.get(PUBLISHED_KEY)
    published = date.fromisoformat(pub) if pub else None
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    try:
        ctx = Context.build(doc.text, published, sents, persons)
        if keep_context:
            doc.user_data[CONTEXT_KEY] = ctx
        doc.user_data[MISSIONS_KEY] = [mission_to_data(m) for m in extract_missions(ctx)]
    except Exception as exc:  # reported for this article; the pipe (and its workers) go on
        doc.user_data[MISSIONS_KEY] = []
        doc.user_data[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
    return doc


@Language.factory(
    "kgbuild_missions_v1",
    default_config={"keep_context": False},
    requires=["doc.sents", "doc.ents"],
    assigns=["doc.user_data"],
)
def make_missions_v1(nlp: Language, name: str, keep_context: bool) -> Any:
    """The v1 rules as a pipeline component (``keep_context``: see :func:`missions_component`)."""
    return functools.partial(missions_component, keep_context=keep_context)


def _rule_gold(d: dict[str, Any]) -> dict[str, Any]:
    """A v1 mission (stored data) in the gold shape the scorer's features compare with."""
    m = mission_from_data(d)
    g = m.to_gold()
    g["head_country"] = m.head_country
    return g


def article_view(doc: Doc, matcher: Any) -> Any:
    """The :class:`~kgbuild.extract.learned.ArticleView` of a parsed ``Doc`` (rules already run)."""
    from .learned import ArticleView

    pub = doc.user_data.get(PUBLISHED_KEY)
    rules = [_rule_gold(d) for d in doc.user_data.get(MISSIONS_KEY) or []]
    ctx = doc.user_data.pop(CONTEXT_KEY, None)
    return ArticleView(doc, date.fromisoformat(pub) if pub else None, rules, matcher, context=ctx)


class LearnedMissions:
    """``kgbuild_missions_v2``: candidates, Tier-1 patterns and the trained scorer (extractor v2).

    It runs after ``kgbuild_missions_v1`` (whose choices are features of the scorer) and replaces
    the missions stored on the ``Doc`` with the scorer's. Read them with ``doc._.kgbuild_missions``.
    """

    def __init__(self, vocab: Any, scorer_path: str = "") -> None:
        from .learned import ChainMatcher
        from .scorer import Scorer, default_scorer

        self.scorer = Scorer.load(scorer_path) if scorer_path else default_scorer()
        self.matcher = ChainMatcher()

    def __call__(self, doc: Doc) -> Doc:
        from .learned import mission_candidates

        if doc.user_data.get(ERROR_KEY):
            doc.user_data.pop(CONTEXT_KEY, None)
            return doc
        try:
            view = article_view(doc, self.matcher)
            missions = self.scorer.decide(view, mission_candidates(view))
            doc.user_data[MISSIONS_KEY] = [mission_to_data(m) for m in missions]
        except Exception as exc:  # reported for this article; the pipe (and its workers) go on
            doc.user_data[MISSIONS_KEY] = []
            doc.user_data[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
        return doc

    def score(self, examples: Any, **kwargs: Any) -> dict[str, float]:
        """Micro precision, recall and F1 of the stored missions against ``reference.user_data["kgbuild.gold"]``.

        Each example's reference ``Doc`` carries its gold missions (the gold file's ``missions``) under
        that key; units and matching follow ``FORMAT.md`` (:mod:`kgbuild.matching`), as
        ``kgbuild evaluate`` does.
        """
        from ..matching import match_units, same_org, units

        tp = fp = fn = 0
        for eg in examples:
            gold = list(eg.reference.user_data.get("kgbuild.gold") or [])
            found = [mission_from_data(d).to_gold() for d in eg.predicted.user_data.get(MISSIONS_KEY) or []]
            for g in gold:
                hit = next((p for p in found if p["country"] == str(g.get("country") or "").upper() and same_org(g, p)), None)
                gu = units(g)
                if hit is None:
                    fn += len(gu)
                    continue
                found.remove(hit)
                pu = units(hit)
                matched = sum(match_units(gu, pu)[0].values())
                tp, fp, fn = tp + matched, fp + len(pu) - matched, fn + len(gu) - matched
            fp += sum(len(units(p)) for p in found)
        p = tp / (tp + fp) if tp + fp else 0.0
        r = tp / (tp + fn) if tp + fn else 0.0
        return {"missions_p": p, "missions_r": r, "missions_f": 2 * p * r / (p + r) if p + r else 0.0}


@Language.factory(
    "kgbuild_missions_v2",
    default_config={"scorer_path": ""},
    requires=["doc.sents", "doc.ents", "token.dep", "token.lemma"],
    assigns=["doc.user_data"],
)
def make_learned_missions(nlp: Language, name: str, scorer_path: str) -> LearnedMissions:
    """Build the v2 mission component; ``scorer_path`` names a scorer artifact (default: the packaged one)."""
    return LearnedMissions(nlp.vocab, scorer_path)


if not Doc.has_extension("kgbuild_missions"):
    Doc.set_extension("kgbuild_missions",
                      getter=lambda doc: [mission_from_data(d) for d in doc.user_data.get(MISSIONS_KEY) or []])
