"""Dates and numbers as news text writes them, resolved to values (pure Python).

Dates: "Jan. 19, 2020", "19 March", "1 August 2024", "February 26-27", "13 and 18 March",
"09.02.2020", "2020-02-09", weekdays ("on Thursday", "Sunday's") and "today", resolved against
the article's publication date when the year or the day is implicit.

>>> from datetime import date
>>> [(m.text, m.value.isoformat()) for m in find_dates("on Jan. 19 and on Sunday", published=date(2020, 2, 3))]
[('Jan. 19', '2020-01-19'), ('Sunday', '2020-02-02')]
>>> [n.value for n in find_numbers("some two hundred observers, 1,250 voters and twenty-three MPs")]
[200, 1250, 23]
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

__all__ = ["DateMention", "NumberMention", "find_dates", "find_numbers", "parse_number", "resolve_weekday"]

_MONTHS = {
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6,
    "jul": 7, "aug": 8, "sep": 9, "oct": 10, "nov": 11, "dec": 12,
}
_MONTH = (r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June|Jun\.?|July|Jul\.?|"
          r"Aug(?:ust|\.)?|Sept(?:ember|\.)?|Sep\.?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?)(?![a-z])")
_DAY = r"(?:[0-3]?\d)(?!\d)(?:st|nd|rd|th)?"  # not the "20" of "October 2020"
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")

_DATE_RE = re.compile(
    rf"(?P<md>(?P<m1>{_MONTH})\s+(?P<d1>{_DAY})(?:\s*(?:-|–|to|and)\s*(?P<d1b>{_DAY})(?!\d|\.\d))?(?:,?\s+(?P<y1>{_YEAR}))?)"
    rf"|(?P<dm>(?P<d2>{_DAY})(?:\s*(?:-|–|and|to)\s*(?P<d2b>{_DAY}))?\s+(?:of\s+)?(?P<m2>{_MONTH})(?:,?\s+(?P<y2>{_YEAR}))?)"
    rf"|(?P<num>(?P<d3>[0-3]?\d)\.(?P<m3>[01]?\d)\.(?P<y3>{_YEAR}))"
    rf"|(?P<iso>(?P<y4>{_YEAR})-(?P<m4>[01]\d)-(?P<d4>[0-3]\d))"
    rf"|(?P<wd>(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)(?P<poss>['’]s)?"
    rf"|(?P<rel>\b(?:today|yesterday|tomorrow)\b)"
)


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date in a text. ``kind``: "date" (explicit day), "weekday", "relative" (today...).
    ``value`` is the first day of a range; ``ranged`` says the text gave a range."""

    start: int
    end: int
    text: str
    value: date
    kind: str
    ranged: bool = False
    explicit_year: bool = False
    weekday: int | None = None

    def resolved(self, published: date | None, *, future: bool | None) -> date:
        """The value, with a weekday or a year-less date re-resolved for the tense of its verb
        ("will observe the elections on 26 October", written in February, is next October)."""
        if published is None or future is None:
            return self.value
        if self.weekday is not None:
            return resolve_weekday(published, self.weekday, future=future)
        if self.kind != "date" or self.explicit_year:
            return self.value
        v = self.value
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                c = date(y, v.month, v.day)
            except ValueError:
                continue
            if future and c >= published - timedelta(days=7):
                return c
            if not future and c <= published + timedelta(days=7):
                v = c
        return v

    def election_day(self, published: date | None, *, past: bool) -> date:
        """The value as the date of an election: a weekday in the coming week unless ``past``
        ("Sunday's elections" under a Wednesday dateline is the next Sunday); a year-less date at
        its nearest occurrence, with a three-fold penalty against the past (or, when ``past``,
        the future) beyond a week ("23 August" written on 10 August is this year's).

        >>> d = find_dates("the 5 September vote", published=date(2021, 8, 30))[0]
        >>> d.election_day(date(2021, 8, 30), past=False).isoformat()
        '2021-09-05'
        """
        if published is None:
            return self.value
        if self.weekday is not None:
            return resolve_weekday(published, self.weekday, future=not past)
        if self.kind != "date" or self.explicit_year:
            return self.value
        best, cost = self.value, None
        for y in (published.year - 1, published.year, published.year + 1):
            try:
                c = date(y, self.value.month, self.value.day)
            except ValueError:
                continue
            diff = (c - published).days * (-1 if past else 1)
            k = diff if diff >= -7 else -3 * diff
            if cost is None or abs(k) < cost:
                best, cost = c, abs(k)
        return best


def resolve_weekday(published: date, weekday: int, *, future: bool | None = None) -> date:
    """The date of a weekday named relative to ``published`` (nearest one when tense is unknown).

    >>> resolve_weekday(date(2012, 3, 1), 6).isoformat()   # "Sunday's election" on a Thursday
    '2012-03-04'
    """
    ahead = (weekday - published.weekday()) % 7
    back = (published.weekday() - weekday) % 7
    if future is True or (future is None and ahead < back):
        return published + timedelta(days=ahead)
    return published - timedelta(days=back)


def _nearest_year(month: int, day: int, published: date | None) -> date | None:
    if published is None:
        return None
    best = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - published).days) < abs((best - published).days):
            best = d
    return best


def _mk(y: str | None, m: int, d: str, published: date | None) -> date | None:
    try:
        day = int(re.sub(r"(?:st|nd|rd|th)$", "", d))  # d matched _DAY: digits and an ordinal ending
        if y:
            return date(int(y), m, day)
        return _nearest_year(m, day, published)
    except ValueError:
        return None


def dateline_date(text: str) -> date | None:
    """The full date of an article's dateline ("PODGORICA, June 8, 2023 (Adriatic News)"), if its
    first paragraph opens with one: the publication date of an article that has no ` date` line.

    >>> dateline_date("DILI, 16 March 2022 (Lusophone Service)\\n\\nObservers ...").isoformat()
    '2022-03-16'
    >>> dateline_date("BAKU, March 27\\n\\nThe mission ...") is None  # no year: nothing to anchor
    True
    """
    head = text.lstrip()[:160].split("\n\n", 1)[0].split("\n", 1)[0]
    for d in find_dates(head):
        if d.kind == "date" and d.explicit_year and d.start < 80:
            return d.value
    return None


def find_dates(text: str, *, published: date | None = None, offset: int = 0) -> list[DateMention]:
    """Every resolvable date in ``text`` (offsets shifted by ``offset``)."""
    out: list[DateMention] = []
    for m in _DATE_RE.finditer(text):
        s, e = m.start() + offset, m.end() + offset
        if m.group("md") or m.group("dm"):
            mon = m.group("m1") or m.group("m2")
            if mon[0].islower() or (mon == "May" and m.group("md") and False):
                continue
            month = _MONTHS[mon[:3].lower()]
            d = m.group("d1") or m.group("d2")
            y = m.group("y1") or m.group("y2")
            v = _mk(y, month, d, published)
            ranged = bool(m.group("d1b") or m.group("d2b"))
            if v:
                out.append(DateMention(s, e, m.group(0), v, "date", ranged, bool(y)))
        elif m.group("num"):
            v = _mk(m.group("y3"), int(m.group("m3")), m.group("d3"), published) if 1 <= int(m.group("m3")) <= 12 else None
            if v:
                out.append(DateMention(s, e, m.group(0), v, "date", False, True))
        elif m.group("iso"):
            v = _mk(m.group("y4"), int(m.group("m4")), m.group("d4"), published) if 1 <= int(m.group("m4")) <= 12 else None
            if v:
                out.append(DateMention(s, e, m.group(0), v, "date", False, True))
        elif m.group("wd") and published is not None:
            wd = _WEEKDAYS.index(m.group("wd").lower())
            v = resolve_weekday(published, wd)
            if v == published and re.search(r"\blast\s+$", text[max(0, m.start() - 6) : m.start()], re.I):
                v -= timedelta(days=7)  # "last Monday", written on a Monday
            out.append(DateMention(s, e, m.group(0), v, "weekday", weekday=wd))
        elif m.group("rel") and published is not None:
            delta = {"today": 0, "yesterday": -1, "tomorrow": 1}[m.group("rel").lower()]
            out.append(DateMention(s, e, m.group(0), published + timedelta(days=delta), "relative"))
    # "on Monday, June 3": one explicit date, spanning the weekday before it
    merged: list[DateMention] = []
    for d in out:
        w = merged[-1] if merged else None
        if w is not None and w.kind == "weekday" and d.kind == "date" and \
                re.fullmatch(r",?\s*(?:the\s+)?", text[w.end - offset : d.start - offset]):
            merged[-1] = DateMention(w.start, d.end, text[w.start - offset : d.end - offset], d.value, "date",
                                     d.ranged, d.explicit_year)
        else:
            merged.append(d)
    return merged


# --------------------------------------------------------------------------------------------
# Numbers
# --------------------------------------------------------------------------------------------

_UNITS = {w: i for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen".split())}
_TENS = {w: 10 * i for i, w in enumerate("_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()) if w != "_"}
_SCALES = {"hundred": 100, "thousand": 1000}
_NUMWORD = r"(?:" + "|".join(sorted([*_UNITS, *_TENS, *_SCALES, "dozen", "a"], key=len, reverse=True)) + r")"
_NUM_RE = re.compile(
    rf"(?<![\w.,])(?P<dig>\d{{1,3}}(?:,\d{{3}})+|\d+)(?![\d,.]\d)"
    rf"|(?<![\w])(?P<words>{_NUMWORD}(?:(?:\s+|-|\s+and\s+){_NUMWORD})*)(?![\w])",
    re.I,
)


@dataclass(frozen=True, slots=True)
class NumberMention:
    """A cardinal number written in digits or words."""

    start: int
    end: int
    value: int


def parse_number(words: str) -> int | None:
    """The value of a number written in words ("twenty-three", "two hundred", "a thousand").

    >>> parse_number("Twenty-three"), parse_number("a thousand"), parse_number("two dozen")
    (23, 1000, 24)
    """
    toks = [t for t in re.split(r"[\s-]+", words.lower()) if t and t != "and"]
    if not toks or toks == ["a"]:
        return None
    while toks and toks[0] == "a" and len(toks) > 1 and toks[1] not in _SCALES and toks[1] != "dozen":
        toks = toks[1:]
    total, cur, seen = 0, 0, False
    for t in toks:
        if t == "a":
            cur = max(cur, 1)
        elif t in _UNITS:
            cur += _UNITS[t]
            seen = True
        elif t in _TENS:
            cur += _TENS[t]
            seen = True
        elif t == "dozen":
            cur = max(cur, 1) * 12
            seen = True
        elif t == "hundred":
            cur = max(cur, 1) * 100
            seen = True
        elif t == "thousand":
            total += max(cur, 1) * 1000
            cur = 0
            seen = True
    return total + cur if seen else None


def find_numbers(text: str, *, offset: int = 0) -> list[NumberMention]:
    """Every cardinal number in ``text`` ("a" alone, years and ordinals are not numbers here)."""
    out = []
    for m in _NUM_RE.finditer(text):
        if m.group("dig"):
            if re.match(r"(?:st|nd|rd|th)\b", text[m.end() : m.end() + 2]):
                continue
            out.append(NumberMention(m.start() + offset, m.end() + offset, int(m.group("dig").replace(",", ""))))
        else:
            w = m.group("words")
            s = m.start()
            if w.lower() == "a" or w.lower().startswith("a-"):
                continue
            lead = re.match(r"a\s+(?!hundred|thousand|dozen)", w, re.I)
            if lead:  # "a ten-member delegation": the number is "ten"
                s += lead.end()
                w = w[lead.end() :]
            v = parse_number(w)
            if v is not None:
                out.append(NumberMention(s + offset, m.end() + offset, v))
    return out
