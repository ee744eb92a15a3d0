"""Builds the spaCy pipeline the extractor runs: parser, lemmatizer, NER, and our components."""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..catalog import VARIANTS, iso_country_names, organizations
from ..errors import KgbuildError

if TYPE_CHECKING:
    from spacy.language import Language

__all__ = ["ModelNotFound", "load_pipeline"]

#: Statistical components we never use: NER has its own tok2vec in the small English models,
#: and sentence boundaries come from ``senter`` (about twice as fast as the full pipeline).
_UNUSED = ("tagger", "parser", "attribute_ruler", "lemmatizer")


class ModelNotFound(KgbuildError):
    """The spaCy model (package name or path) is not installed."""

    def __init__(self, model: str, problem: str) -> None:
        self.model = model
        super().__init__(
            f"spaCy model {model!r} cannot be loaded ({problem}); install it with "
            f"`python -m pip install {model}` (or `python -m spacy download {model}`), "
            f"or pass the name or path of an installed model"
        )


def load_pipeline(model: str, *, mode: str = "learned", scorer_path: str = "") -> Language:
    """Load ``model`` with the components the extractor needs, plus ours.

    :param mode: ``"learned"`` (extractor v2): the full pipeline (parser, lemmatizer and NER), the
        v1 rules (``kgbuild_missions_v1``, whose choices are features) and the trained scorer
        (``kgbuild_missions_v2``); ``"parse"``: the same without the scorer (for training);
        ``"rules"``: v1 alone over sentences and NER (faster; no parse).
    :param scorer_path: a scorer artifact for ``"learned"`` (default: the packaged one).
    :raises ModelNotFound: the model is not installed or lacks a component the mode needs.
    """
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    if mode not in ("learned", "parse", "rules"):
        raise ValueError(f"unknown extractor mode {mode!r}: use 'learned', 'parse' or 'rules'")
    try:
        nlp = spacy.load(model, exclude=list(_UNUSED) if mode == "rules" else [])
    except OSError as exc:
        raise ModelNotFound(model, str(exc).splitlines()[0][:200]) from exc
    names = set(nlp.component_names)
    if mode != "rules":
        if "parser" not in names:
            raise ModelNotFound(model, "it has no 'parser' component, which extractor v2 needs")
        if "senter" in names and "senter" not in nlp.disabled:
            nlp.disable_pipe("senter")  # the parser sets sentence boundaries
    elif "senter" in names:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    elif "parser" not in names and "sentencizer" not in names:
        nlp.add_pipe("sentencizer", first=True)
    if "ner" not in names:
        raise ModelNotFound(model, "it has no 'ner' component")
    ruler = nlp.add_pipe("entity_ruler", name="kgbuild_names_v1", before="ner")
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("kgbuild_missions_v1", last=True, config={"keep_context": mode != "rules"})
    if mode == "learned":
        nlp.add_pipe("kgbuild_missions_v2", last=True, config={"scorer_path": scorer_path})
    return nlp


def gazetteer_patterns() -> list[dict[str, str]]:
    """EntityRuler patterns that fix the NER on names it gets wrong in this domain ("Azerbaijan"
    as PERSON, "252 CIS" as QUANTITY): catalogue organizations as ORG, country names as GPE."""
    out: dict[str, str] = {}
    for o in organizations():
        for name in (o.name, *o.aliases, *o.acronyms):
            out.setdefault(name, "ORG")
    for name in iso_country_names():
        out.setdefault(name, "GPE")
    for k, v in VARIANTS.items():
        if v and len(k) > 3:
            out.setdefault(k.title(), "GPE")
    return [{"label": label, "pattern": name} for name, label in sorted(out.items())]
