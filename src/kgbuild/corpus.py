"""Annotated corpora: load gold files with their evidence spans, and check them.

A corpus is a folder of articles ``NAME.txt`` and gold files ``NAME.gold.json`` in the
format of ``FORMAT.md`` (the shared corpus's), extended with two things:

- per mission, an ``evidence`` object that gives, for every non-null value, the exact
  substring of the article that states it. It must occur exactly once in the article's
  text, so its character offsets are unambiguous (see :func:`evidence_spans`);
- per article, optional ``writer`` and ``style`` labels, used by ``evaluate --by-writer``
  and ``--by-style``, and for an article without a mission an optional ``kind``
  (``invitation``, ``refusal``, ``cancellation``, ``needs-assessment``, ``domestic-only``,
  ``passing-mention``, ``other``).

The ``evidence`` object's keys::

    mission                      the span that says the organizer observes this election
    election.type / election.date / election.early (when true) / start_date / head /
    accredited_by / observers.total / observers.long_term / observers.short_term
                                 one string each, present exactly when the value is non-null
    member_countries             {"BY": "...", ...}: one string per listed code
    member_organizations         {"CIS Executive Committee": "...", ...}: one per listed name

>>> problems = check_text_and_gold("x.txt", " date 2020-01-02\\nThe CIS sent 5 observers.", {
...     "article": "x.txt", "published": "2020-01-02", "missions": []})
>>> problems
[]
"""

from __future__ import annotations

import datetime as _dt
import json
import re
import sys
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = [
    "ELECTION_TYPES",
    "NO_MISSION_KINDS",
    "CorpusStats",
    "EvidenceSpan",
    "GoldArticle",
    "Problem",
    "check_corpus",
    "check_text_and_gold",
    "corpus_stats",
    "evidence_spans",
    "iter_corpus",
    "load_article",
]

ELECTION_TYPES = frozenset({"parliamentary", "presidential", "local", "referendum", "regional", "general"})
NO_MISSION_KINDS = frozenset(
    {"invitation", "refusal", "cancellation", "needs-assessment", "domestic-only", "passing-mention", "other"}
)
_MISSION_KEYS = {
    "organizer",
    "organizer_wikidata",
    "country",
    "election",
    "start_date",
    "head",
    "member_countries",
    "member_organizations",
    "accredited_by",
    "observers",
}
_ARTICLE_KEYS = {"article", "published", "missions"}
_OPTIONAL_ARTICLE_KEYS = {"writer", "style", "kind"}
_SCALAR_EVIDENCE = (
    "mission",
    "election.type",
    "election.date",
    "election.early",
    "start_date",
    "head",
    "accredited_by",
    "observers.total",
    "observers.long_term",
    "observers.short_term",
)
_DATE_LINE = re.compile(r"^\ufeff?\s?date (\d{4}-\d{2}-\d{2})\s*$")
_QID = re.compile(r"^Q[1-9][0-9]*$")
#: the longest evidence span accepted: a sentence or two, never a paragraph
MAX_EVIDENCE = 400


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with a corpus file: which file, where in it, and what."""

    path: str
    where: str
    message: str

    def __str__(self) -> str:
        return f"{self.path}: {self.where}: {self.message}" if self.where else f"{self.path}: {self.message}"


@dataclass(frozen=True, slots=True)
class EvidenceSpan:
    """Where a gold value is stated: character offsets into the article's text."""

    mission: int
    slot: str
    value: Any
    start: int
    end: int
    text: str


@dataclass(slots=True)
class GoldArticle:
    """An article's text and its gold file, as loaded from disk."""

    name: str
    text: str
    gold: dict[str, Any]
    path: Path
    problems: list[Problem] = field(default_factory=list)

    @property
    def writer(self) -> str:
        return str(self.gold.get("writer") or "")

    @property
    def style(self) -> str:
        return str(self.gold.get("style") or "")


def _iso_codes() -> frozenset[str] | None:
    try:
        import pycountry
    except ImportError:  # the checker also runs with a bare interpreter
        return None
    # XK (Kosovo) is a user-assigned code, not ISO's, but observers, the EU and Wikidata use it
    return frozenset(c.alpha_2 for c in pycountry.countries) | {"XK"}


_CODES = _iso_codes()


def _is_date(value: Any) -> bool:
    if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
        return False
    try:
        _dt.date.fromisoformat(value)
    except ValueError:
        return False
    return True


def _expected_evidence(mission: Mapping[str, Any]) -> tuple[set[str], set[str], set[str]]:
    """The scalar evidence keys, member codes and member names a mission's values call for."""
    scalars = {"mission"}
    election = mission.get("election") or {}
    for key in ("type", "date"):
        if election.get(key):
            scalars.add(f"election.{key}")
    if election.get("early") is True:
        scalars.add("election.early")
    for key in ("start_date", "head", "accredited_by"):
        if mission.get(key):
            scalars.add(key)
    observers = mission.get("observers") or {}
    for key in ("total", "long_term", "short_term"):
        if observers.get(key) is not None:
            scalars.add(f"observers.{key}")
    countries = {str(c) for c in mission.get("member_countries") or []}
    organizations = {str(o) for o in mission.get("member_organizations") or []}
    return scalars, countries, organizations


def _check_evidence_string(text: str, value: Any, where: str, problems: list[str]) -> None:
    if not isinstance(value, str) or not value.strip():
        problems.append(f"{where}: evidence must be a non-empty string")
        return
    if len(value) > MAX_EVIDENCE:
        problems.append(f"{where}: evidence is {len(value)} characters, over {MAX_EVIDENCE}; quote less")
    count = text.count(value)
    if count == 0:
        problems.append(f"{where}: evidence {value[:80]!r} does not occur in the article")
    elif count > 1:
        problems.append(f"{where}: evidence {value[:80]!r} occurs {count} times; lengthen it until it is unique")


def _check_mission(text: str, m: Any, i: int, problems: list[str]) -> None:
    at = f"missions[{i}]"
    if not isinstance(m, dict):
        problems.append(f"{at}: must be an object")
        return
    keys = set(m) - {"evidence"}
    if keys != _MISSION_KEYS:
        missing, extra = sorted(_MISSION_KEYS - keys), sorted(keys - _MISSION_KEYS)
        problems.append(f"{at}: keys differ from FORMAT.md (missing {missing}, unexpected {extra})")
    if not isinstance(m.get("organizer"), str) or not m.get("organizer", "").strip():
        problems.append(f"{at}.organizer: must be a non-empty name")
    qid = m.get("organizer_wikidata")
    if qid is not None and not (isinstance(qid, str) and _QID.match(qid)):
        problems.append(f"{at}.organizer_wikidata: {qid!r} is not a Wikidata id (Q123) or null")
    country = m.get("country")
    if not isinstance(country, str) or not re.fullmatch(r"[A-Z]{2}", country):
        problems.append(f"{at}.country: {country!r} is not an ISO 3166-1 alpha-2 code")
    elif _CODES is not None and country not in _CODES:
        problems.append(f"{at}.country: {country!r} is not an ISO 3166-1 alpha-2 code")
    election = m.get("election")
    if not isinstance(election, dict) or set(election) != {"type", "date", "early"}:
        problems.append(f"{at}.election: must be {{type, date, early}}")
    else:
        if election["type"] is not None and election["type"] not in ELECTION_TYPES:
            problems.append(f"{at}.election.type: {election['type']!r} is not one of {sorted(ELECTION_TYPES)}")
        if election["date"] is not None and not _is_date(election["date"]):
            problems.append(f"{at}.election.date: {election['date']!r} is not an ISO date")
        if not isinstance(election["early"], bool):
            problems.append(f"{at}.election.early: must be true or false")
    if m.get("start_date") is not None and not _is_date(m.get("start_date")):
        problems.append(f"{at}.start_date: {m.get('start_date')!r} is not an ISO date")
    for key in ("head", "accredited_by"):
        if m.get(key) is not None and not (isinstance(m[key], str) and m[key].strip()):
            problems.append(f"{at}.{key}: must be a non-empty string or null")
    members = m.get("member_countries")
    if not isinstance(members, list) or len(set(map(str, members or []))) != len(members or []):
        problems.append(f"{at}.member_countries: must be a list of distinct codes")
    else:
        for code in members:
            if not isinstance(code, str) or not re.fullmatch(r"[A-Z]{2}", code) or (_CODES and code not in _CODES):
                problems.append(f"{at}.member_countries: {code!r} is not an ISO 3166-1 alpha-2 code")
    orgs = m.get("member_organizations")
    if not isinstance(orgs, list) or len(set(map(str, orgs or []))) != len(orgs or []):
        problems.append(f"{at}.member_organizations: must be a list of distinct names")
    observers = m.get("observers")
    if not isinstance(observers, dict) or set(observers) != {"total", "long_term", "short_term"}:
        problems.append(f"{at}.observers: must be {{total, long_term, short_term}}")
    else:
        for key, count in observers.items():
            if count is not None and (isinstance(count, bool) or not isinstance(count, int) or count < 0):
                problems.append(f"{at}.observers.{key}: {count!r} is not a count or null")

    evidence = m.get("evidence")
    if not isinstance(evidence, dict):
        problems.append(f"{at}.evidence: missing; give the span that states each non-null value")
        return
    scalars, countries, organizations = _expected_evidence(m)
    for key in _SCALAR_EVIDENCE:
        if key in scalars and key not in evidence:
            problems.append(f"{at}.evidence: no {key!r} span for a non-null value")
        elif key not in scalars and key in evidence:
            problems.append(f"{at}.evidence: {key!r} given, but the value is null")
        elif key in evidence:
            _check_evidence_string(text, evidence[key], f"{at}.evidence[{key!r}]", problems)
    unknown = set(evidence) - set(_SCALAR_EVIDENCE) - {"member_countries", "member_organizations"}
    if unknown:
        problems.append(f"{at}.evidence: unknown keys {sorted(unknown)}")
    for key, wanted in (("member_countries", countries), ("member_organizations", organizations)):
        given = evidence.get(key, {})
        if not isinstance(given, dict):
            problems.append(f"{at}.evidence[{key!r}]: must map each listed value to its span")
            continue
        if set(given) != wanted:
            problems.append(
                f"{at}.evidence[{key!r}]: spans for {sorted(given)} but the list has {sorted(wanted)}"
            )
        for value, span in given.items():
            _check_evidence_string(text, span, f"{at}.evidence[{key!r}][{value!r}]", problems)
    head, span = m.get("head"), evidence.get("head")
    if isinstance(head, str) and isinstance(span, str) and not _names_surname(span, head):
        problems.append(f"{at}.evidence['head']: span {span[:60]!r} does not contain the surname of {head!r}")


def _names_surname(span: str, head: str) -> bool:
    """Whether ``span`` contains the surname of ``head`` (the gold gives it in the nominative).

    A Cyrillic surname may stand in another case in the text ("Памфилова" as "Памфиловой"),
    so its stem, without the last two letters, is enough there.
    """
    surname = head.split()[-1].lower()
    if surname in span.lower():
        return True
    if re.search("[\u0400-\u04ff]", surname) and len(surname) > 4:
        return surname[:-2] in span.lower()
    return False


def check_text_and_gold(name: str, text: str, gold: Any) -> list[Problem]:
    """Check one article's gold against FORMAT.md and its evidence against the text.

    :param name: the article's file name, e.g. ``x.txt``.
    :param text: the article's text as decoded (UTF-8).
    :param gold: the parsed gold JSON.
    :returns: the problems found; an empty list means the gold is valid.
    """
    out: list[str] = []
    if not isinstance(gold, dict):
        return [Problem(name, "", "gold must be a JSON object")]
    keys = set(gold)
    if not _ARTICLE_KEYS <= keys or keys - _ARTICLE_KEYS - _OPTIONAL_ARTICLE_KEYS:
        out.append(
            f"top-level keys must be {sorted(_ARTICLE_KEYS)} plus optional {sorted(_OPTIONAL_ARTICLE_KEYS)}, "
            f"got {sorted(keys)}"
        )
    if gold.get("article") != name:
        out.append(f"'article' is {gold.get('article')!r}, expected {name!r}")
    first = text.split("\n", 1)[0]
    date_line = _DATE_LINE.match(first)
    published = gold.get("published")
    if published is not None and not _is_date(published):
        out.append(f"'published' {published!r} is not an ISO date")
    if date_line and published != date_line.group(1):
        out.append(f"'published' is {published!r} but the date line says {date_line.group(1)}")
    kind = gold.get("kind")
    if kind is not None and kind not in NO_MISSION_KINDS:
        out.append(f"'kind' {kind!r} is not one of {sorted(NO_MISSION_KINDS)}")
    missions = gold.get("missions")
    if not isinstance(missions, list):
        out.append("'missions' must be a list")
    else:
        if kind is not None and missions:
            out.append("'kind' is only for articles that report no mission")
        seen: set[tuple[Any, ...]] = set()
        for i, m in enumerate(missions):
            _check_mission(text, m, i, out)
            if isinstance(m, dict):
                el = m.get("election") or {}
                key = (m.get("organizer"), m.get("country"), el.get("type"), el.get("date"))
                if key in seen:
                    out.append(f"missions[{i}]: a second mission with the same organizer, country and election")
                seen.add(key)
    return [Problem(name, "", message) for message in out]


def load_article(gold_path: Path) -> GoldArticle:
    """Read ``NAME.gold.json`` and its ``NAME.txt``, checking both.

    Problems are collected on the returned object (never raised), so a whole corpus can be
    reported at once.
    """
    name = gold_path.name.removesuffix(".gold.json") + ".txt"
    text_path = gold_path.with_name(name)
    problems: list[Problem] = []
    gold: dict[str, Any] = {}
    text = ""
    try:
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        problems.append(Problem(str(gold_path), "", f"cannot read gold JSON: {exc}"))
    try:
        text = text_path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        problems.append(Problem(str(gold_path), "", f"no article {name} beside it"))
    except (OSError, UnicodeDecodeError) as exc:
        problems.append(Problem(str(text_path), "", f"cannot read the article as UTF-8: {exc}"))
    if not problems:
        problems = [
            Problem(str(gold_path), "", p.message) for p in check_text_and_gold(name, text, gold)
        ]
    return GoldArticle(name=name, text=text, gold=gold, path=gold_path, problems=problems)


def iter_corpus(root: str | Path) -> Iterator[GoldArticle]:
    """Every gold article below ``root`` (recursively, in sorted path order)."""
    for gold_path in sorted(Path(root).rglob("*.gold.json")):
        yield load_article(gold_path)


def check_corpus(root: str | Path) -> list[Problem]:
    """Check every gold file below ``root``, every article's pairing, and name clashes.

    :returns: all problems found, in path order; empty when the corpus is valid.
    """
    root = Path(root)
    problems: list[Problem] = []
    names: dict[str, Path] = {}
    for article in iter_corpus(root):
        problems.extend(article.problems)
        if article.name in names:
            problems.append(
                Problem(str(article.path), "", f"article name {article.name} also used in {names[article.name]}")
            )
        names[article.name] = article.path
    for text_path in sorted(root.rglob("*.txt")):
        if not text_path.with_name(text_path.name.removesuffix(".txt") + ".gold.json").exists():
            problems.append(Problem(str(text_path), "", "article without a gold file"))
    return problems


@dataclass(frozen=True, slots=True)
class CorpusStats:
    """How big a corpus is: articles, articles without a mission, missions and scored units."""

    articles: int
    without_mission: int
    missions: int
    units: int
    writers: tuple[str, ...]

    def __str__(self) -> str:
        return (f"{self.articles} articles ({self.without_mission} without a mission), {self.missions} missions, "
                f"{self.units} units, writers: {', '.join(self.writers) or '-'}")


def corpus_stats(root: str | Path) -> CorpusStats:
    """Count a corpus's articles, missions and scored units (the units of ``FORMAT.md``'s scoring)."""
    from kgbuild.matching import units

    articles = [a for a in iter_corpus(root) if isinstance(a.gold.get("missions"), list)]
    missions = [m for a in articles for m in a.gold["missions"]]
    return CorpusStats(
        articles=len(articles),
        without_mission=sum(1 for a in articles if not a.gold["missions"]),
        missions=len(missions),
        units=sum(len(units(m)) for m in missions),
        writers=tuple(sorted({a.writer for a in articles if a.writer})),
    )


def evidence_spans(article: GoldArticle) -> list[EvidenceSpan]:
    """The character offsets of every evidence string of a valid gold article.

    Offsets index :attr:`kgbuild.model.Article.text`, the text the extractor sees (the file
    without its `` date`` line), so they line up with the extractor's own evidence.
    """
    from kgbuild.model import Article

    body = Article.from_text(article.name, article.text).text
    out: list[EvidenceSpan] = []
    for i, mission in enumerate(article.gold.get("missions") or []):
        evidence = mission.get("evidence") or {}
        for slot, span in evidence.items():
            pairs = span.items() if isinstance(span, dict) else [(_value_of(mission, slot), span)]
            for value, quote in pairs:
                start = body.find(quote)
                if start >= 0:
                    out.append(EvidenceSpan(i, slot, value, start, start + len(quote), quote))
    return out


def _value_of(mission: Mapping[str, Any], slot: str) -> Any:
    if slot == "mission":
        return (mission.get("organizer"), mission.get("country"))
    head, _, tail = slot.partition(".")
    value = mission.get(head)
    return value.get(tail) if tail and isinstance(value, dict) else value


def main(argv: list[str] | None = None) -> int:
    """``python -m kgbuild.corpus DIR...``: print every problem; exit 1 if there are any."""
    args = sys.argv[1:] if argv is None else argv
    if not args:
        print("usage: python -m kgbuild.corpus DIR [DIR ...]", file=sys.stderr)
        return 2
    total = 0
    for root in args:
        problems = check_corpus(root)
        articles = sum(1 for _ in Path(root).rglob("*.gold.json"))
        for problem in problems:
            print(problem)
        print(f"{root}: {articles} gold files, {len(problems)} problems")
        total += len(problems)
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
