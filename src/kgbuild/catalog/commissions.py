"""Election commissions: the acronyms news text uses for them and the names they stand for.

An acronym alone names no country ("CEC" is the Central Election Commission of many states); the
extractor ties a commission to a country from its context.

>>> COMMISSION_ACRONYMS["IEBC"]
'Independent Electoral and Boundaries Commission'
"""

from __future__ import annotations

from collections.abc import Mapping
from types import MappingProxyType

__all__ = ["COMMISSION_ACRONYMS"]

#: Acronym -> the commission's English name.
COMMISSION_ACRONYMS: Mapping[str, str] = MappingProxyType({
    "CEC": "Central Election Commission", "NEC": "National Election Commission",
    "INEC": "Independent National Electoral Commission", "IEBC": "Independent Electoral and Boundaries Commission",
    "IEC": "Independent Electoral Commission", "ZEC": "Zimbabwe Electoral Commission",
    "NEBE": "National Election Board of Ethiopia", "CENI": "Independent National Electoral Commission",
    "CENA": "Autonomous National Electoral Commission", "TSE": "Supreme Electoral Tribunal",
    "CNE": "National Electoral Council", "JCE": "Central Electoral Board", "INE": "National Electoral Institute",
    "CSE": "Supreme Electoral Council", "ECZ": "Electoral Commission of Zambia",
})
