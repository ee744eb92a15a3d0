"""The lookup key of a name: how the catalogue compares names of countries and organizations."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = ["name_key"]

_APOS = str.maketrans({"\u2019": "'", "\u2018": "'", "`": "'"})


@lru_cache(maxsize=65536)  # a pure function of the name, asked for the same words over and over
def name_key(name: str) -> str:
    """Accents folded, case folded, a trailing possessive and a leading "the" dropped, spaces collapsed.

    >>> name_key("  the Türkiye’s"), name_key("Côte d'Ivoire")
    ('turkiye', "cote d'ivoire")
    """
    s = unicodedata.normalize("NFKD", name.translate(_APOS))
    s = "".join(c for c in s if not unicodedata.combining(c)).casefold().strip()
    s = re.sub(r"['’]s$", "", s)
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"^st\.?\s+", "saint ", s)  # "St Lucia", "St. Kitts and Nevis"
    return re.sub(r"\s+", " ", s)
