"""Dates, numbers and elections in Russian text, as the extractor's mention types.

- Dates: "9 февраля", "9 февраля 2020 года", "9–10 февраля", "09.02.2020", "с 19 января", days in
  words ("десятого января", "двадцать пятое марта"), weekdays ("в воскресенье", resolved against the
  publication date: the last one after a past-tense verb or participle, "состоявшихся в воскресенье",
  the next one after a future one, "пройдут в воскресенье") and "сегодня/вчера/завтра".
- Numbers: digits ("300", "1 200", "1,5 тыс.") and numbers in words in any case ("триста",
  "около двухсот", "двухсот пятидесяти", "трое"), read through their lemmas (pymorphy2).
- Elections: "выборы", "референдум", "голосование" with their type from the words around them
  ("президентских выборах", "выборы в Мажилис", "досрочные парламентские выборы").
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import cache

from ..dates import DateMention, NumberMention, resolve_weekday
from ..election import Election
from .gazetteer import fold
from .nlp import ru_morph

__all__ = ["find_dates", "find_elections", "find_numbers", "parse_number"]

MONTHS = ("января", "февраля", "марта", "апреля", "мая", "июня", "июля", "августа", "сентября", "октября",
          "ноября", "декабря")
_MONTH = "|".join(MONTHS)
_DATE = re.compile(
    rf"(?<![\w.])(\d{{1,2}})(?:\s*[-–—]\s*(\d{{1,2}}))?\s+(?:(?:и|по)\s+\d{{1,2}}\s+)?({_MONTH})"
    r"(?:\s+(\d{4})(?:\s*(?:года|году|г\.|г)(?![\w]))?)?", re.I)
_NUMERIC = re.compile(r"(?<![\w.])(\d{1,2})\.(\d{1,2})\.(\d{4})(?![\w.]|\.\d)")
_WEEKDAYS = {"понедельник": 0, "вторник": 1, "среду": 2, "среда": 2, "четверг": 3, "пятницу": 4, "пятница": 4,
             "субботу": 5, "суббота": 5, "воскресенье": 6}
_WEEKDAY = re.compile(r"(?<![\w])(?:в|во)\s+(" + "|".join(_WEEKDAYS) + r")(?![\w])", re.I)
_RELATIVE = re.compile(r"(?<![\w])(сегодня|вчера|завтра)(?![\w])", re.I)


def _day(y: int | None, m: int, d: int, published: date | None) -> tuple[date, bool] | None:
    try:
        if y is not None:
            return date(y, m, d), True
        if published is None:
            return None
        best = None
        for yy in (published.year - 1, published.year, published.year + 1):
            try:
                c = date(yy, m, d)
            except ValueError:
                continue
            if best is None or abs((c - published).days) < abs((best - published).days):
                best = c
        return (best, False) if best else None
    except ValueError:
        return None


def find_dates(text: str, *, published: date | None = None) -> list[DateMention]:
    """Every resolvable date of a Russian text.

    >>> [(d.text, d.value.isoformat()) for d in find_dates("Выборы пройдут 9 февраля 2020 года, с 19 января",
    ...                                                    published=date(2020, 1, 10))]
    [('9 февраля 2020 года', '2020-02-09'), ('19 января', '2020-01-19')]
    """
    out: list[DateMention] = []
    year_after: dict[int, int] = {}
    for m in _DATE.finditer(text):
        month = MONTHS.index(m.group(3).lower()) + 1
        y = int(m.group(4)) if m.group(4) else None
        year_after[m.start()] = y or 0
        first = _day(y, month, int(m.group(1)), published)
        if first is None:
            continue
        out.append(DateMention(m.start(), m.end(), m.group(0), first[0], "date", ranged=bool(m.group(2)),
                               explicit_year=first[1]))
    # "с 19 января по 9 февраля 2020 года": a year-less date takes the year of the next one
    for k, d in enumerate(out):
        if not d.explicit_year:
            nxt = next((x for x in out[k + 1 :] if x.explicit_year and x.start - d.end < 40), None)
            if nxt is not None:
                try:
                    v = date(nxt.value.year, d.value.month, d.value.day)
                    out[k] = DateMention(d.start, d.end, d.text, v, "date", d.ranged, True)
                except ValueError:
                    pass
    for m in _NUMERIC.finditer(text):
        r = _day(int(m.group(3)), int(m.group(2)), int(m.group(1)), published)
        if r is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), r[0], "date", explicit_year=True))
    for m in _WORD_DATE.finditer(text):
        day = _ordinal_day(m.group(1))
        if day is None or any(d.start <= m.start() < d.end for d in out):
            continue
        month = MONTHS.index(m.group(2).lower()) + 1
        y = int(m.group(3)) if m.group(3) else None
        r = _day(y, month, day, published)
        if r is not None:
            out.append(DateMention(m.start(), m.end(), m.group(0), r[0], "date", explicit_year=r[1]))
    if published is not None:
        for m in _WEEKDAY.finditer(text):
            wd = _WEEKDAYS[m.group(1).lower()]
            tense = _tense(text, m.start(), m.end())
            if tense is None:  # no tense around it: the nearest such day, re-resolved for the verb's tense later
                out.append(DateMention(m.start(), m.end(), m.group(0), resolve_weekday(published, wd), "weekday",
                                       weekday=wd))
            else:  # "состоявшихся в воскресенье" is the last Sunday, "пройдут в воскресенье" the next one
                out.append(DateMention(m.start(), m.end(), m.group(0),
                                       resolve_weekday(published, wd, future=tense == "futr"), "weekday"))
        for m in _RELATIVE.finditer(text):
            shift = {"сегодня": 0, "вчера": -1, "завтра": 1}[m.group(1).lower()]
            out.append(DateMention(m.start(), m.end(), m.group(0), published + timedelta(days=shift), "relative"))
    out.sort(key=lambda d: d.start)
    return out


#: The ordinal numbers a day of the month is spelled with ("десятого января", "двадцать пятое марта").
_ORDINALS = {
    "первый": 1, "второй": 2, "третий": 3, "четвертый": 4, "пятый": 5, "шестой": 6, "седьмой": 7, "восьмой": 8,
    "девятый": 9, "десятый": 10, "одиннадцатый": 11, "двенадцатый": 12, "тринадцатый": 13, "четырнадцатый": 14,
    "пятнадцатый": 15, "шестнадцатый": 16, "семнадцатый": 17, "восемнадцатый": 18, "девятнадцатый": 19,
    "двадцатый": 20, "тридцатый": 30,
}
_WORD_DATE = re.compile(rf"(?<![\w-])((?:двадцать\s+|тридцать\s+)?[а-яё]+)\s+({_MONTH})"
                        r"(?:\s+(\d{4})(?:\s*(?:года|году|г\.|г)(?![\w]))?)?", re.I)


def _ordinal_day(words: str) -> int | None:
    """The day an ordinal in words names ("десятого" 10, "двадцать пятое" 25), or None."""
    parts = fold(words.lower()).split()
    tens = {"двадцать": 20, "тридцать": 30}.get(parts[0], 0) if len(parts) == 2 else 0
    last = parts[-1]
    value = next((_ORDINALS[fold(p.normal_form)] for p in ru_morph().parse(last)[:3]
                  if "ADJF" in p.tag and fold(p.normal_form) in _ORDINALS), None)
    if value is None or (len(parts) == 2 and (not tens or value > 9)):
        return None
    day = tens + value
    return day if 1 <= day <= 31 else None


_CLAUSE = re.compile(r"[.!?;:\n]")


def _tense(text: str, start: int, end: int) -> str | None:
    """The tense of the verbs or participles next to a weekday in its clause ("состоявшихся в
    воскресенье": ``"past"``, "пройдут в воскресенье": ``"futr"``), or None when they do not say."""
    left = _CLAUSE.split(text[max(0, start - 60) : start])[-1]
    right = _CLAUSE.split(text[end : end + 40])[0]
    words = _WORD.findall(left)[-3:] + _WORD.findall(right)[:3]
    found = set()
    for w in words:
        for p in ru_morph().parse(fold(w.lower()))[:1]:
            if ("VERB" in p.tag or "PRTF" in p.tag or "PRTS" in p.tag) and ("past" in p.tag or "futr" in p.tag):
                found.add("past" if "past" in p.tag else "futr")
    return found.pop() if len(found) == 1 else None


#: Numeral lemmas and their values (a number in words is read from its words' lemmas).
_UNITS = {
    "ноль": 0, "один": 1, "два": 2, "три": 3, "четыре": 4, "пять": 5, "шесть": 6, "семь": 7, "восемь": 8,
    "девять": 9, "десять": 10, "одиннадцать": 11, "двенадцать": 12, "тринадцать": 13, "четырнадцать": 14,
    "пятнадцать": 15, "шестнадцать": 16, "семнадцать": 17, "восемнадцать": 18, "девятнадцать": 19,
    "двадцать": 20, "тридцать": 30, "сорок": 40, "пятьдесят": 50, "шестьдесят": 60, "семьдесят": 70,
    "восемьдесят": 80, "девяносто": 90, "сто": 100, "двести": 200, "триста": 300, "четыреста": 400,
    "пятьсот": 500, "шестьсот": 600, "семьсот": 700, "восемьсот": 800, "девятьсот": 900,
    "двое": 2, "трое": 3, "четверо": 4, "пятеро": 5, "шестеро": 6, "семеро": 7, "восьмеро": 8, "девятеро": 9,
    "десятеро": 10, "полтора": 1.5, "полторы": 1.5,
}
_SCALES = {"тысяча": 1000, "тыс": 1000, "миллион": 1_000_000, "млн": 1_000_000}


@cache
def _numeral(word: str) -> float | None:
    w = fold(word.lower())
    if w in _UNITS:
        return _UNITS[w]
    for p in ru_morph().parse(w)[:3]:
        if ("NUMR" in p.tag or "Coll" in p.tag or p.normal_form in _UNITS) and p.normal_form in _UNITS:
            return _UNITS[p.normal_form]
    return None


@cache
def _scale(word: str) -> int | None:
    w = fold(word.lower()).rstrip(".")
    if w in _SCALES:
        return _SCALES[w]
    for p in ru_morph().parse(w)[:2]:
        if p.normal_form in _SCALES:
            return _SCALES[p.normal_form]
    return None


def parse_number(words: str) -> int | None:
    """The value of a number written in Russian words.

    >>> parse_number("двухсот пятидесяти"), parse_number("триста"), parse_number("полторы тысячи")
    (250, 300, 1500)
    """
    total = 0.0
    part = 0.0
    seen = False
    for w in words.split():
        v = _numeral(w)
        if v is not None:
            part += v
            seen = True
            continue
        s = _scale(w)
        if s is not None and seen:
            total += (part or 1) * s
            part = 0
            continue
        return None
    return int(total + part) if seen else None


_WORD = re.compile(r"[А-Яа-яЁё]+")
_DIGITS = re.compile(r"(?<![\w.,])(\d{1,3}(?:[ \u00a0]\d{3})+|\d+(?:,\d+)?)(?:\s*(тыс\.|тысяч\w*|млн))?(?![\w]|[.,]\d)")


def find_numbers(text: str) -> list[NumberMention]:
    """Every number of a Russian text, in digits or in words.

    >>> [(n.value) for n in find_numbers("около двухсот наблюдателей, из них 1 200 краткосрочных и 1,5 тыс. других")]
    [200, 1200, 1500]
    """
    out: list[NumberMention] = []
    for m in _DIGITS.finditer(text):
        raw = m.group(1).replace(" ", "").replace("\u00a0", "")
        try:
            v = float(raw.replace(",", "."))
        except ValueError:
            continue
        if m.group(2):
            v *= 1_000_000 if m.group(2).startswith("млн") else 1000
        elif "," in raw:
            continue  # a decimal without a scale ("2,5 процента") counts no people
        out.append(NumberMention(m.start(), m.end() if m.group(2) else m.end(1), int(v)))
    words = list(_WORD.finditer(text))
    k = 0
    while k < len(words):
        j = k
        while j < len(words) and (_numeral(words[j].group(0)) is not None or
                                  (j > k and _scale(words[j].group(0)) is not None)) \
                and (j == k or text[words[j - 1].end() : words[j].start()].strip() == ""):
            j += 1
        if j > k:
            span = text[words[k].start() : words[j - 1].end()]
            n = parse_number(span)
            # "один" alone is mostly "one of" (один из наблюдателей): keep only numbers above one
            if n is not None and n > 1:
                out.append(NumberMention(words[k].start(), words[j - 1].end(), n))
            k = j
        else:
            k += 1
    out.sort(key=lambda n: n.start)
    return out


# ------------------------------------------------------------------------------------------
# elections

_ELECTION = re.compile(r"(?<![\w])(выбор(?:ы|ов|ах|ам|ами)|референдум\w*|голосовани\w*|плебисцит\w*)(?![\w])",
                       re.I)
_TYPES = (
    (re.compile(r"президентск\w*", re.I), "presidential"),
    (re.compile(r"парламентск\w*|законодательн\w*", re.I), "parliamentary"),
    (re.compile(r"местн\w*|муниципальн\w*|органы\s+местного", re.I), "local"),
    (re.compile(r"региональн\w*|губернаторск\w*", re.I), "regional"),
    (re.compile(r"всеобщ\w*", re.I), "general"),
)
_AFTER = (
    (re.compile(r"\s+(?:президента|главы\s+государства)", re.I), "presidential"),
    (re.compile(r"\s+(?:(?:народных\s+)?депутатов\s+)?(?:в|во)\s+(?:(?:нижн\w+\s+палат\w+\s+)?парламент\w*|"
                r"Государственн\w+\s+[Дд]ум\w*|Госдум\w*|Мажилис\w*|Жогорку\s+Кенеш|Милли\s+Меджлис|"
                r"Законодательн\w+|Палат\w+|Сейм\w*|Верховн\w+|Национальн\w+\s+собрани\w+|Олий\s+Мажлис|"
                r"Маджлиси|Меджлис\w*|Сенат\w*|Велик\w+\s+[Гг]осударственн\w+\s+[Хх]урал\w*|Хурал\w*|Народн\w+\s+[Сс]купщин\w*|"
                r"Скупщин\w*|Национальн\w+\s+[Аа]ссамбле\w+|Сабор\w*|Кнессет\w*|Бундестаг\w*|Конгресс\w*|Рийгикогу|"
                r"Саэйм\w*|Милли\s+Меджлис\w*|Национальн\w+\s+[Сс]овет\w*|Собрани\w+\s+депутатов|Ассамбле\w+)", re.I),
     "parliamentary"),
    (re.compile(r"\s+(?:(?:народных\s+)?депутатов)", re.I), "parliamentary"),
    (re.compile(r"\s+(?:в|во)\s+(?:местные|органы\s+местного)", re.I), "local"),
)
_EARLY = re.compile(r"досрочн\w*|внеочередн\w*", re.I)
_PAST = re.compile(r"(?:предыдущ|прошл|прошедш|прежн)\w*\s+(?:\w+\s+){0,2}$", re.I)


def find_elections(text: str, dates: list[DateMention], sents: list[tuple[int, int]]) -> list[Election]:
    """The elections a Russian text speaks of, with their type and date where it says them.

    >>> [(e.type, e.early) for e in find_elections("досрочных президентских выборах и выборы в Мажилис", [], [])]
    [('presidential', True), ('parliamentary', False)]
    """
    out: list[Election] = []
    for m in _ELECTION.finditer(text):
        before = text[max(0, m.start() - 60) : m.start()]
        if _PAST.search(before):
            continue
        # the adjectives right before it: "досрочных президентских", "президентские и парламентские"
        words: list[str] = []
        for w in reversed(before.split()):
            w = w.strip(",")
            if w.lower() in ("и", "или") or _EARLY.fullmatch(w) or any(rx.fullmatch(w) for rx, _ in _TYPES):
                words.insert(0, w)
                continue
            break
        near = " ".join(words)
        typ: str | None = None
        found = [t for rx, t in _TYPES if rx.search(near)]
        if set(found) == {"regional", "local"}:
            typ = "regional"  # "региональных и муниципальных выборах": sub-national, not a general election
        elif len(set(found)) > 1:
            typ = "general"
        elif found:
            typ = found[0]
        if m.group(1).lower().startswith(("референдум", "плебисцит")):
            typ = "referendum"
        end = m.end()
        if typ is None:
            for rx, t in _AFTER:
                am = rx.match(text, m.end())
                if am:
                    typ, end = t, am.end()
                    break
        if typ is None and m.group(1).lower().startswith("голосовани"):
            continue  # a vote with no election word around it: a ballot in a parliament, a poll
        el = Election(m.start(), end, typ, bool(_EARLY.search(near)))
        sent = next(((s, e) for s, e in sents if s <= m.start() < e), (0, len(text)))
        after = [d for d in dates if end <= d.start <= end + 40 and d.start < sent[1] and d.kind != "relative"]
        prior = [d for d in dates if d.end <= m.start() and m.start() - d.end <= 30 and d.start >= sent[0]]
        el.date = after[0] if after else (prior[-1] if prior else None)
        out.append(el)
    return out
