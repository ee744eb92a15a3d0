"""Which language an article is written in, and whether kgbuild extracts it.

py3langid (a naive Bayes model of 97 languages in a 4.5 MB wheel; no network, no model
download) classifies the article's first :data:`SAMPLE` characters. kgbuild extracts English
(:data:`EXTRACTED`, the spaCy pipeline) and Russian (natasha; the ``ru`` extra); an article in
another language is skipped and reported with its language, never stored silently empty.

>>> detect_language("The CIS observer mission arrived in Bishkek on Monday."), detect_language("Наблюдатели СНГ прибыли в Бишкек")
('en', 'ru')
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

from ..errors import ExtractionError

__all__ = [
    "EXTRACTED", "LANGUAGES", "MIN_LETTERS", "SAMPLE", "UnsupportedLanguage", "corpus_language", "detect_language", "language_name",
]

#: The languages kgbuild extracts: ISO 639-1 code -> English name.
EXTRACTED = {"en": "English", "ru": "Russian"}
#: What ``lang`` may be in a build (``auto``: detect per article).
LANGUAGES = ("auto", "en", "ru")
#: How many characters of an article the classifier reads (the rest adds time, not accuracy).
SAMPLE = 1500

_NAMES = {
    "uk": "Ukrainian", "be": "Belarusian", "bg": "Bulgarian", "sr": "Serbian", "mk": "Macedonian", "kk": "Kazakh",
    "ky": "Kyrgyz", "tg": "Tajik", "mn": "Mongolian", "az": "Azerbaijani", "uz": "Uzbek", "tr": "Turkish",
    "ka": "Georgian", "hy": "Armenian", "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese",
    "it": "Italian", "nl": "Dutch", "pl": "Polish", "cs": "Czech", "ro": "Romanian", "ar": "Arabic", "fa": "Persian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "el": "Greek", "he": "Hebrew", "hu": "Hungarian",
}


_LEFT_OUT = frozenset({"la", "eo", "vo", "sa"})


#: How a build's report starts the note of an article it did not extract for its language.
NOT_EXTRACTED = "not extracted: "


class UnsupportedLanguage(ExtractionError):
    """The article is in a language kgbuild does not extract (or whose extra is not installed):
    a build reports it as skipped, with its language."""

    def __init__(self, article: str, language: str, problem: str | None = None) -> None:
        self.language = language
        super().__init__(article, problem or f"the text is in {language_name(language)} ({language}); "
                         f"kgbuild extracts {' and '.join(EXTRACTED.values())}")
        self.args = (str(self),)

    @property
    def note(self) -> str:
        """The line a build reports for the article (``BuildReport.skipped``)."""
        return NOT_EXTRACTED + self.problem

    def __str__(self) -> str:
        return f"{self.article}: {self.note}"


def language_name(code: str) -> str:
    """The English name of an ISO 639-1 code ("ru" -> "Russian"), or the code."""
    return EXTRACTED.get(code) or _NAMES.get(code) or code


@cache
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=False)
    # the languages with a two-letter code, less the classical and constructed ones: short English
    # items were read as Nigerian Pidgin ("pcm") by the full model
    ident.set_languages([c for c in ident.labels if len(c) == 2 and c not in _LEFT_OUT])
    return ident


#: Fewer letters than this say too little to tell a language by ("x", "OSCE, 2024"): "und".
MIN_LETTERS = 20


def detect_language(text: str) -> str:
    """The ISO 639-1 code of the language ``text`` is written in ("und", undetermined, for a text
    of fewer than :data:`MIN_LETTERS` letters, or no text)."""
    sample = text[:SAMPLE] if isinstance(text, str) else ""
    if sum(1 for ch in sample if ch.isalpha()) < MIN_LETTERS:
        return "und"
    return _classify(sample)


@lru_cache(maxsize=1024)
def _classify(sample: str) -> str:
    # cached: a build asks once for the stored version and once to route the article
    code, _ = _identifier().classify(sample)
    return str(code)


def corpus_language(roots: Iterable[str | Path], *, sample: int = 50) -> str:
    """The language most of a gold corpus's articles (``NAME.txt`` below ``roots``) are in, from
    the first ``sample`` of them in name order ("en" for a corpus without articles)."""
    from collections import Counter

    texts = sorted(p for r in roots for p in Path(r).rglob("*.txt"))[:sample]
    counts = Counter(detect_language(p.read_text(encoding="utf-8-sig", errors="replace")) for p in texts)
    return counts.most_common(1)[0][0] if counts else "en"
