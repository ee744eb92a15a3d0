"""Russian text to a spaCy ``Doc``: natasha (razdel, slovnet morphology, syntax and NER, navec)
does the analysis, and its tokens, sentences, UD dependencies, morphology, lemmas and entities
become a ``Doc`` on a blank Russian vocabulary, so that the candidate, pattern and scorer code of
extractor v2 (:mod:`kgbuild.extract.learned`) runs on it unchanged.

Needs the ``ru`` extra (``pip install 'kgbuild[ru]'``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import TYPE_CHECKING, Any

from ...errors import MissingDependency

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc

__all__ = ["RussianNLP", "natasha_models", "ru_morph"]

_INITIALS_ONLY = re.compile(r"[А-ЯЁ]\.\s?(?:[А-ЯЁ]\.?)?")
_INITIALS_AFTER = re.compile(r"[ \u00a0]([А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.)")
_INITIALS_BEFORE = re.compile(r"([А-ЯЁ]\.[ \u00a0]?[А-ЯЁ]\.)[ \u00a0]$")

#: natasha's entity types as the extractor's (spaCy's) labels.
ENT_LABELS = {"PER": "PERSON", "ORG": "ORG", "LOC": "GPE"}


def _require() -> Any:
    try:
        import natasha
    except ImportError as exc:  # pragma: no cover - the ru extra is installed in CI
        raise MissingDependency("natasha", "ru", "Russian extraction") from exc
    return natasha


@dataclass(frozen=True)
class NatashaModels:
    segmenter: Any
    morph_tagger: Any
    syntax_parser: Any
    ner_tagger: Any
    morph_vocab: Any


@cache
def natasha_models() -> NatashaModels:
    """natasha's models, loaded once per process (about 3 s; the embeddings are 27 MB)."""
    natasha = _require()
    emb = natasha.NewsEmbedding()
    return NatashaModels(natasha.Segmenter(), natasha.NewsMorphTagger(emb), natasha.NewsSyntaxParser(emb),
                         natasha.NewsNERTagger(emb), natasha.MorphVocab())


class _Morph:
    """pymorphy2 with OpenCorpora grammemes on natasha's ``MorphVocab`` (a pymorphy2 analyzer whose
    forms take UD features in ``inflect``): one dictionary in memory."""

    def __init__(self, vocab: Any) -> None:
        from pymorphy2.analyzer import Parse

        self._vocab = vocab
        self._inflect = Parse.inflect

    def parse(self, word: str) -> list[Any]:
        return list(self._vocab.parse(word))

    def inflect(self, form: Any, grams: set[str]) -> Any:
        """``form`` in the OpenCorpora grammemes ``grams`` ("gent", "plur"), or None."""
        return self._inflect(form, grams)


@cache
def ru_morph() -> Any:
    """pymorphy2's analyzer (the dictionary natasha carries): parses and inflects words."""
    return _Morph(natasha_models().morph_vocab)


def natasha_doc(text: str) -> Any:
    """natasha's own analysis of ``text`` (the raw pipeline the benchmark compares against)."""
    natasha = _require()
    m = natasha_models()
    doc = natasha.Doc(text)
    doc.segment(m.segmenter)
    doc.tag_morph(m.morph_tagger)
    doc.parse_syntax(m.syntax_parser)
    doc.tag_ner(m.ner_tagger)
    return doc


@cache
def _blank() -> Language:
    import spacy

    return spacy.blank("ru")


def _feats(feats: dict[str, str] | None) -> str:
    return "|".join(f"{k}={v}" for k, v in sorted((feats or {}).items()))


class RussianNLP:
    """``RussianNLP()(text)`` is the spaCy ``Doc`` of a Russian text, analysed by natasha.

    Tokens keep their character offsets (``token.idx``), sentences come from razdel, ``dep_`` are
    UD labels (``nsubj``, ``obj``, ``obl``, ``nmod``, ``case``, ``acl``, ``amod``, ``conj``),
    ``lemma_`` is the lower-cased lemma (pymorphy2, chosen by the tagger's morphology), ``morph``
    the UD features, ``tag_`` the UD POS, and ``ents`` natasha's entities as ``PERSON``, ``ORG`` and
    ``GPE``, each with its nominative form (a person's; other names as written) in
    ``user_data["kgbuild.ru.normal"][(start, end)]``.
    """

    NORMAL_KEY = "kgbuild.ru.normal"

    def __init__(self) -> None:
        self.vocab = _blank().vocab

    def __call__(self, text: str) -> Doc:
        from spacy.tokens import Span

        nd = natasha_doc(text)
        mv = natasha_models().morph_vocab
        words: list[str] = []
        heads: list[int] = []
        deps: list[str] = []
        pos: list[str] = []
        morphs: list[str] = []
        lemmas: list[str] = []
        starts: list[bool] = []
        offsets: list[int] = []
        for sent in nd.sents:
            base = len(words)
            ids = {t.id: base + k for k, t in enumerate(sent.tokens)}
            for k, t in enumerate(sent.tokens):
                t.lemmatize(mv)
                words.append(t.text)
                offsets.append(t.start)
                heads.append(ids.get(t.head_id, base + k))
                deps.append(t.rel or "dep")
                pos.append(t.pos or "X")
                morphs.append(_feats(t.feats))
                lemmas.append((t.lemma or t.text).lower().replace("ё", "е"))
                starts.append(k == 0)
        _break_cycles(heads)  # the parser's heads can loop; spaCy needs a tree (a loop crashes it)
        # a root is its own head, labelled "ROOT" as in spaCy
        deps = [("ROOT" if h == i else d) for i, (h, d) in enumerate(zip(heads, deps, strict=True))]
        doc = _with_exact_whitespace(self.vocab, text, words, offsets, heads, deps, pos, morphs, lemmas, starts)
        ents: list[Span] = []
        normal: dict[tuple[int, int], str] = {}
        for span in nd.spans:
            label = ENT_LABELS.get(span.type)
            if label is None:
                continue
            name = span.text
            start, stop = span.start, span.stop
            if label == "PERSON":  # "Лебедев С.Н.", "С.Н. Лебедев": the initials belong to the name
                if _INITIALS_ONLY.fullmatch(span.text):
                    continue
                try:  # only names need the nominative (organizations and places come from the gazetteer)
                    span.normalize(mv)
                    name = span.normal or span.text
                except Exception:  # natasha's normalizer gives up on some spans: keep the text
                    name = span.text
                after = _INITIALS_AFTER.match(text, stop)
                before = _INITIALS_BEFORE.search(text, max(0, start - 8), start)
                if after:
                    name, stop = f"{name} {after.group(1).replace(' ', '')}", after.end()
                elif before:
                    name, start = f"{before.group(1).replace(' ', '')} {name}", before.start()
            s = doc.char_span(start, stop, label=label, alignment_mode="expand")
            if s is None or any(e.start < s.end and s.start < e.end for e in ents):
                continue
            ents.append(s)
            normal[(s.start_char, s.end_char)] = name
        doc.ents = [Span(doc, e.start, e.end, label=e.label_) for e in ents]
        doc.user_data[self.NORMAL_KEY] = normal
        return doc


def _break_cycles(heads: list[int]) -> None:
    """Make every token reach a root: a token whose chain of heads loops becomes a root itself."""
    for i in range(len(heads)):
        seen = {i}
        cur = i
        while heads[cur] != cur:
            cur = heads[cur]
            if cur in seen:
                heads[i] = i
                break
            seen.add(cur)


def _with_exact_whitespace(vocab: Any, text: str, words: list[str], offsets: list[int], heads: list[int],
                           deps: list[str], pos: list[str], morphs: list[str], lemmas: list[str],
                           starts: list[bool]) -> Doc:
    """The ``Doc`` of natasha's tokens whose ``text`` is exactly the article: one space after a word
    is its trailing space, other whitespace (newlines, blank lines) a ``SPACE`` token of its own."""
    from spacy.tokens import Doc

    W: list[str] = []
    S: list[bool] = []
    H: list[int] = []
    D: list[str] = []
    P: list[str] = []
    M: list[str] = []
    L: list[str] = []
    ST: list[bool] = []
    new_index: list[int] = []
    pos_in_text = 0

    def flush_ws(gap: str) -> None:
        # a gap of one space becomes the previous word's trailing space; anything else its own token
        if not gap:
            return
        if W and not S[-1] and gap[0] == " ":
            S[-1] = True
            gap = gap[1:]
        if gap:
            W.append(gap)
            S.append(False)
            H.append(len(W) - 1)
            D.append("dep")
            P.append("SPACE")
            M.append("")
            L.append(gap)
            ST.append(False)
            new_index.append(-1)

    for k, (w, off) in enumerate(zip(words, offsets, strict=True)):
        flush_ws(text[pos_in_text:off])
        new_index.append(len(W))
        W.append(w)
        S.append(False)
        H.append(heads[k])
        D.append(deps[k])
        P.append(pos[k])
        M.append(morphs[k])
        L.append(lemmas[k])
        ST.append(starts[k])
        pos_in_text = off + len(w)
    flush_ws(text[pos_in_text:])
    old_to_new = [i for i in new_index if i >= 0]
    for i in range(len(W)):
        if P[i] != "SPACE":
            H[i] = old_to_new[H[i]]
    # a whitespace token attaches to the token before it (spaCy's convention), inside its sentence
    for i in range(len(W)):
        if P[i] == "SPACE":
            H[i] = i - 1 if i > 0 else i
            D[i] = "dep" if i > 0 else "ROOT"
    sent_starts: list[bool | int | None] = [bool(x) if P[i] != "SPACE" else False for i, x in enumerate(ST)]
    if sent_starts:
        sent_starts[0] = True
    # the pattern code reads tag_ (the English verb tags): it gets the UD POS
    return Doc(vocab, words=W, spaces=S, heads=H, deps=D, pos=P, tags=P, morphs=M, lemmas=L, sent_starts=sent_starts)
