"""Builds the spaCy pipeline the extractor runs: sentence splitter, NER, and our components."""

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


def load_pipeline(model: str) -> Language:
    """Load ``model`` with only the components the extractor needs, plus ``kgbuild_missions_v1``."""
    import spacy

    from . import components  # noqa: F401  (registers the factories)

    try:
        nlp = spacy.load(model, exclude=[p for p in _UNUSED])
    except OSError as exc:
        raise ModelNotFound(model, str(exc).splitlines()[0][:200]) from exc
    names = set(nlp.component_names)
    if "senter" in names:
        if "senter" in nlp.disabled:
            nlp.enable_pipe("senter")
    elif "parser" not in names and "sentencizer" not in names:
        nlp.add_pipe("sentencizer", first=True)
    if "ner" not in names:
        raise ModelNotFound(model, "it has no 'ner' component")
    ruler = nlp.add_pipe("entity_ruler", name="kgbuild_names_v1", before="ner")
    ruler.add_patterns(gazetteer_patterns())  # type: ignore[attr-defined]
    nlp.add_pipe("kgbuild_missions_v1", last=True)
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
