"""The invariance suite: families of rewordings that must keep (or must never yield) a fact.

The suite is one JSON Lines table (``corpus/invariance/suite.jsonl``), CheckList style: each row
is one wording, and the rows of a family share one expectation. A row holds::

    id, family, expect ("must" or "must-not"), published (ISO date), text,
    missions  -- each {organizer, country, <slot>: value, ...}: a mission the extractor must
                 find (same country, same organizer by the scorer's rules), with each given
                 slot equal to the value (slots: election.type, election.date, election.early,
                 start_date, head, accredited_by, member_countries (as a set),
                 member_organizations (each present), observers.total/long_term/short_term)
    forbid    -- each one of: {"any_mission": true} (no mission at all);
                 {"mission": {organizer, country[, election.date]}} (no such mission);
                 {organizer, country, slot, value} (that mission must not hold that value)

A row holds when every expected mission and value is found and nothing forbidden is.

>>> row = {"id": "x-001", "family": "x", "expect": "must-not", "published": "2020-01-01",
...        "text": "t", "missions": [], "forbid": [{"any_mission": True}]}
>>> check_row(row, [])
[]
>>> check_row(row, [{"organizer": "African Union", "country": "UG"}])
['forbidden: a mission African Union -> UG']
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .matching import same_commission, same_name, same_org, same_person

__all__ = ["FamilyResult", "InvarianceReport", "check_row", "extractor_predict", "load_suite", "run_suite"]

_SCALARS = {
    "election.type", "election.date", "election.early", "start_date", "head", "accredited_by",
    "observers.total", "observers.long_term", "observers.short_term",
}  # fmt: skip
_LISTS = {"member_countries", "member_organizations"}


def load_suite(path: str | Path) -> list[dict[str, Any]]:
    """The rows of a suite file, checked for the fields every row needs.

    :raises ValueError: naming the file and line of a malformed row.
    """
    rows: list[dict[str, Any]] = []
    seen: set[str] = set()
    with Path(path).open(encoding="utf-8") as fh:
        for n, line in enumerate(fh, 1):
            if not line.strip():
                continue
            try:
                r = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{n}: not JSON: {exc.msg}") from exc
            missing = {"id", "family", "expect", "text", "missions", "forbid"} - set(r)
            if missing:
                raise ValueError(f"{path}:{n}: row lacks {sorted(missing)}")
            if r["expect"] not in ("must", "must-not"):
                raise ValueError(f"{path}:{n}: expect is {r['expect']!r}, not 'must' or 'must-not'")
            if r["id"] in seen:
                raise ValueError(f"{path}:{n}: id {r['id']!r} used twice")
            for m in r["missions"]:
                unknown = set(m) - {"organizer", "country"} - _SCALARS - _LISTS
                if unknown:
                    raise ValueError(f"{path}:{n}: unknown slots {sorted(unknown)}")
            seen.add(r["id"])
            rows.append(r)
    return rows


def _get(m: Mapping[str, Any], slot: str) -> Any:
    head, _, tail = slot.partition(".")
    value = m.get(head)
    return (value or {}).get(tail) if tail else value


def _equal(slot: str, want: Any, got: Any) -> bool:
    if slot == "head":
        return same_person(want, got)
    if slot == "accredited_by":
        return same_commission(want, got)
    if slot == "member_countries":
        return {str(c).upper() for c in want} == {str(c).upper() for c in got or []}
    if slot == "member_organizations":
        return all(any(same_name(w, g) for g in got or []) for w in want)
    return bool(want == got)


def _find(missions: Sequence[Mapping[str, Any]], spec: Mapping[str, Any]) -> list[Mapping[str, Any]]:
    country = str(spec.get("country", "")).upper()
    return [p for p in missions if str(p.get("country") or "").upper() == country and same_org(spec, p)]


def check_row(row: Mapping[str, Any], predicted: Sequence[Mapping[str, Any]]) -> list[str]:
    """Why ``predicted`` (missions in the gold shape) fails ``row``; empty when the row holds."""
    why: list[str] = []
    for spec in row.get("missions") or []:
        hits = _find(predicted, spec)
        label = f"{spec['organizer']} -> {spec['country']}"
        if not hits:
            why.append(f"missing mission {label}")
            continue
        for slot, want in spec.items():
            if slot in ("organizer", "country"):
                continue
            got = _get(hits[0], slot)
            if not _equal(slot, want, got):
                why.append(f"{label}: {slot} is {got!r}, expected {want!r}")
    for rule in row.get("forbid") or []:
        if rule.get("any_mission"):
            why.extend(f"forbidden: a mission {p.get('organizer')} -> {p.get('country')}" for p in predicted)
        elif "mission" in rule:
            spec = rule["mission"]
            for p in _find(predicted, spec):
                if "election.date" not in spec or _get(p, "election.date") == spec["election.date"]:
                    why.append(f"forbidden: a mission {spec['organizer']} -> {spec['country']}")
        else:
            for p in _find(predicted, rule):
                got = _get(p, rule["slot"])
                hit = rule["value"] in (got or []) if rule["slot"] in _LISTS else got == rule["value"]
                if hit:
                    why.append(f"forbidden: {rule['organizer']} -> {rule['country']}: {rule['slot']} = {rule['value']!r}")
    return why


@dataclass
class FamilyResult:
    """How many rows of one family held, and why the others failed."""

    family: str
    expect: str
    passed: int = 0
    failed: dict[str, list[str]] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return self.passed + len(self.failed)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0


@dataclass
class InvarianceReport:
    """Per-family results of one run of the suite."""

    families: dict[str, FamilyResult]

    @property
    def passed(self) -> int:
        return sum(f.passed for f in self.families.values())

    @property
    def total(self) -> int:
        return sum(f.total for f in self.families.values())

    @property
    def failures(self) -> dict[str, list[str]]:
        """Every failing row id with its reasons."""
        return {rid: why for f in self.families.values() for rid, why in f.failed.items()}

    def table(self) -> str:
        lines = [f"{'family':22} {'expect':9} {'held':>5} {'rows':>5} {'rate':>6}"]
        for f in self.families.values():
            lines.append(f"{f.family:22} {f.expect:9} {f.passed:5} {f.total:5} {f.rate:6.1%}")
        rate = self.passed / self.total if self.total else 0.0
        lines.append(f"{'all':22} {'':9} {self.passed:5} {self.total:5} {rate:6.1%}")
        return "\n".join(lines)


def run_suite(rows: Iterable[Mapping[str, Any]], predict: Any) -> InvarianceReport:
    """Run every row through ``predict`` and check it.

    :param rows: suite rows (see :func:`load_suite`).
    :param predict: a callable from a list of rows to, per row in order, its predicted missions
        in the gold shape; e.g. :func:`extractor_predict` around an :class:`~kgbuild.extract.Extractor`.
    """
    rows = list(rows)
    families: dict[str, FamilyResult] = {}
    for row, missions in zip(rows, predict(rows), strict=True):
        fam = families.setdefault(row["family"], FamilyResult(row["family"], row["expect"]))
        why = check_row(row, missions)
        if why:
            fam.failed[row["id"]] = why
        else:
            fam.passed += 1
    return InvarianceReport(families)


def extractor_predict(extractor: Any) -> Any:
    """A ``predict`` for :func:`run_suite` that runs an :class:`~kgbuild.extract.Extractor`.

    A row whose extraction fails yields no missions (so a ``must`` row fails).
    """
    from .model import Article

    def predict(rows: list[Mapping[str, Any]]) -> list[list[dict[str, Any]]]:
        articles = [Article.from_text(f"{r['id']}.txt", r["text"]) for r in rows]
        out = []
        for _, result in extractor.pipe(articles):
            out.append([] if isinstance(result, Exception) else [m.to_gold() for m in result])
        return out

    return predict
