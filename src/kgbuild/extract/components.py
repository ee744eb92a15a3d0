"""Custom spaCy components of the extractor, registered under versioned names.

``kgbuild_missions_v1`` (spaCy forbids dots in factory names) reads the sentences and PERSON entities that the statistical components
produced, applies :mod:`kgbuild.extract.rules` and stores the missions on the ``Doc`` as plain
data (``doc.user_data["kgbuild.missions"]``), so that documents survive ``nlp.pipe(n_process=N)``.
The article's publication date travels in ``doc.user_data["kgbuild.published"]`` (ISO string).
"""

from __future__ import annotations

from datetime import date
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Evidence, Mission
from .context import Context
from .rules import extract_missions

__all__ = ["ERROR_KEY", "MISSIONS_KEY", "PUBLISHED_KEY", "mission_from_data", "mission_to_data", "missions_component"]

MISSIONS_KEY = "kgbuild.missions"
PUBLISHED_KEY = "kgbuild.published"
ERROR_KEY = "kgbuild.error"

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


@Language.component(
    "kgbuild_missions_v1",
    requires=["doc.sents", "doc.ents"],
    assigns=["doc.user_data"],
)
def missions_component(doc: Doc) -> Doc:
    """Find the observation missions an article reports (see :mod:`kgbuild.extract.rules`)."""
    pub = doc.user_data.get(PUBLISHED_KEY)
    published = date.fromisoformat(pub) if pub else None
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    try:
        ctx = Context.build(doc.text, published, sents, persons)
        doc.user_data[MISSIONS_KEY] = [mission_to_data(m) for m in extract_missions(ctx)]
    except Exception as exc:  # reported for this article; the pipe (and its workers) go on
        doc.user_data[MISSIONS_KEY] = []
        doc.user_data[ERROR_KEY] = f"{type(exc).__name__}: {exc}"
    return doc
