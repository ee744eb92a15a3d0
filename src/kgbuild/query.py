"""The catalogue of prepared SPARQL queries (``queries/*.rq``) and safe parameter binding.

Each ``.rq`` file starts with a comment header::

    # title: Missions observing a country's elections
    # description: Every mission whose observed election is held in COUNTRY, ...
    # param: country (country): the host country: ISO alpha-2/alpha-3, Wikidata id or name
    # param: year (year, optional): only elections of this year

A parameter is bound with pyoxigraph's ``substitutions=`` as an RDF term (never spliced into
the query text), after validation by its type. A bound variable must appear in the query's
SELECT projection (pyoxigraph's rule), which the catalogue test checks for every query.

Every SELECT query can be paged (``limit``, ``offset``; :meth:`PreparedQuery.paged`), so a page
is exactly that slice of the whole result. A query may mark, with a trailing ``# page`` comment,
the one line whose pattern (with its filter) chooses the rows: it is then run as a subquery
with the query's own ``ORDER BY``, the page clauses and the parameters, before anything else is
joined (the listing queries: 100 of 8,272 missions in a few ms instead of joining all of them).
The marked line must bind the ``ORDER BY`` variables, and the rest of the query must keep each
of its rows exactly once (a test checks every marked query against the unmarked text and
against slices of the whole result).

>>> cat = Catalog.load()
>>> "missions" in cat
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import pyoxigraph as ox

from .catalog import resolve_country
from .errors import ParameterError, QueryError, QueryRefused
from .iris import Iris
from .querycheck import MAX_DEPTH, QueryInfo, QuerySyntaxError, analyze, tokens
from .resources import resource_names, resource_text
from .vocab import QUERY_PREFIXES, XSD

__all__ = [
    "MAX_DEPTH",
    "PAGE_PARAMS",
    "PARAM_TYPES",
    "Catalog",
    "Param",
    "PreparedQuery",
    "QueryInfo",
    "QueryResult",
    "Row",
    "Term",
    "analyze_query",
    "bind_params",
    "check_read_only",
    "page_params",
    "result_rows",
    "result_table",
    "term_to_json",
    "term_to_python",
    "with_values",
]

#: A term a SELECT row can bind.
Term = ox.NamedNode | ox.Literal | ox.BlankNode
#: One SELECT row: variable name -> bound term (unbound variables are absent).
Row = dict[str, Term]
#: What a query returns: solutions (SELECT), a boolean (ASK) or triples (CONSTRUCT, DESCRIBE).
QueryResult = ox.QuerySolutions | ox.QueryBoolean | ox.QueryTriples

#: Parameter types a query header may declare, with what each accepts.
PARAM_TYPES = {
    "country": "ISO 3166-1 alpha-2 or alpha-3 code, Wikidata id (Q…) or country name",
    "date": "ISO date YYYY-MM-DD",
    "year": "four-digit year",
    "integer": "whole number",
    "string": "any text (bound as a plain literal)",
    "iri": "absolute IRI, e.g. https://…",
    "mission": "mission IRI, or its key under the base IRI (e.g. cis-az-parliamentary-2020-02-09)",
    "node": "IRI of any node, or its path under the base IRI (e.g. country/AZ)",
}

#: names a query cannot use for parameters: they page the result
PAGE_PARAMS = ("limit", "offset")

_PAGE_MARK = re.compile(r"^(?P<indent>[ \t]*)(?P<pattern>\S.*?)\s*#\s*page\s*$", re.M)
_ORDER_BY = re.compile(r"\bORDER\s+BY\b(?P<keys>[^{}]*)$", re.I)
_HEADER = re.compile(r"^#\s*(\w+)\s*:\s*(.*)$")
_PARAM = re.compile(r"^(?P<name>[A-Za-z_]\w*)\s*\((?P<type>\w+)(?P<opt>\s*,\s*optional)?\)\s*:?\s*(?P<desc>.*)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    description: str = ""
    optional: bool = False


@dataclass(frozen=True)
class PreparedQuery:
    """One ``.rq`` file: its name, text, title, description, parameters and query form."""

    name: str
    text: str
    title: str = ""
    description: str = ""
    params: tuple[Param, ...] = field(default_factory=tuple)

    @property
    def form(self) -> str:
        body = "\n".join(line for line in self.text.splitlines() if not line.lstrip().startswith("#"))
        m = re.search(r"\b(SELECT|ASK|CONSTRUCT|DESCRIBE)\b", body, re.I)
        return m.group(1).upper() if m else "SELECT"

    @classmethod
    def parse(cls, name: str, text: str) -> PreparedQuery:
        meta: dict[str, str] = {}
        params: list[Param] = []
        for line in text.splitlines():
            if not line.startswith("#"):
                if line.strip():
                    break
                continue
            m = _HEADER.match(line)
            if not m:
                continue
            key, value = m.group(1).lower(), m.group(2).strip()
            if key == "param":
                pm = _PARAM.match(value)
                if not pm or pm.group("type") not in PARAM_TYPES:
                    raise QueryError(f"bad parameter declaration {value!r}", query=name)
                if pm.group("name") in PAGE_PARAMS:
                    raise QueryError(f"parameter name {pm.group('name')!r} is reserved for paging", query=name)
                params.append(Param(pm.group("name"), pm.group("type"), pm.group("desc").strip(), bool(pm.group("opt"))))
            else:
                meta[key] = value
        return cls(name, text, meta.get("title", name), meta.get("description", ""), tuple(params))

    def paged(self, limit: Any = None, offset: Any = None, substitutions: Mapping[ox.Variable, Any] | None = None) -> str:
        """The query text to run: at most ``limit`` rows after skipping ``offset``.

        Without a ``# page`` line, ``LIMIT``/``OFFSET`` close the query. With one, that line's
        pattern becomes a subquery with the query's ``ORDER BY`` and the page clauses, and the
        bound parameters as a ``VALUES`` block (pyoxigraph's ``substitutions=`` do not reach into
        subqueries; the terms are validated and written by pyoxigraph, never raw text), so the
        rows are chosen, filtered, sorted and cut before anything else is joined.

        >>> q = PreparedQuery.parse("q", "SELECT ?s WHERE {\\n  ?s ?p ?o  # page\\n}\\nORDER BY ?s\\n")
        >>> q.paged(10, 20).splitlines()[1].strip()
        '{ SELECT * WHERE { ?s ?p ?o } ORDER BY ?s LIMIT 10 OFFSET 20 }'
        >>> q.paged(substitutions={ox.Variable("o"): ox.Literal("AZ")}).splitlines()[1].strip()
        '{ SELECT * WHERE { VALUES (?o) { ("AZ") } ?s ?p ?o } ORDER BY ?s }'
        >>> PreparedQuery.parse("r", "SELECT ?s WHERE { ?s ?p ?o } ORDER BY ?s").paged(5).splitlines()[-1]
        'LIMIT 5'

        :raises ParameterError: ``limit`` or ``offset`` is not a whole number >= 0.
        :raises QueryError: a page of a query that is not a SELECT.
        """
        limit, offset = page_params(limit, offset)
        clause = " ".join(([f"LIMIT {limit}"] if limit is not None else []) + ([f"OFFSET {offset}"] if offset else []))
        if clause and self.form != "SELECT":
            raise QueryError(f"only SELECT queries can be paged (this one is {self.form})", query=self.name)
        mark = _PAGE_MARK.search(self.text)
        # comments and strings blanked, same length: the last ORDER BY of the code is the query's
        masked = _LITERALS_RE.sub(lambda m: " " * len(m.group(0)), self.text).rstrip()
        order = _ORDER_BY.search(masked)
        if mark and order:
            keys = self.text[order.start("keys") : order.end("keys")].strip()
            values = _values_block(substitutions) + " " if substitutions else ""
            modifiers = f"ORDER BY {keys}" + (f" {clause}" if clause else "")
            sub = f"{mark.group('indent')}{{ SELECT * WHERE {{ {values}{mark.group('pattern')} }} {modifiers} }}"
            return self.text[: mark.start()] + sub + self.text[mark.end() :]
        if not clause:
            return self.text
        return self.text.rstrip() + "\n" + clause + "\n"

    def describe(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "title": self.title,
            "description": self.description,
            "form": self.form,
            "params": [
                {"name": p.name, "type": p.type, "optional": p.optional, "description": p.description,
                 "accepts": PARAM_TYPES[p.type]}
                for p in self.params
            ],
        }


class Catalog(Mapping[str, PreparedQuery]):
    """The prepared queries shipped in ``queries/`` (or given explicitly)."""

    def __init__(self, queries: Mapping[str, PreparedQuery]) -> None:
        self._queries = dict(sorted(queries.items()))

    @classmethod
    def load(cls) -> Catalog:
        out = {}
        for fname in resource_names("queries"):
            if fname.endswith(".rq"):
                name = fname[:-3]
                out[name] = PreparedQuery.parse(name, resource_text("queries", fname))
        return cls(out)

    def __getitem__(self, name: str) -> PreparedQuery:
        try:
            return self._queries[name]
        except KeyError:
            known = ", ".join(self._queries)
            raise QueryError(f"no such prepared query; known: {known}", query=name) from None

    def __contains__(self, name: object) -> bool:
        return name in self._queries

    def __iter__(self) -> Iterator[str]:
        return iter(self._queries)

    def __len__(self) -> int:
        return len(self._queries)


def page_params(limit: Any = None, offset: Any = None) -> tuple[int | None, int]:
    """Validated ``(limit, offset)``: whole numbers >= 0 (strings of digits accepted), or None / 0.

    :raises ParameterError: a value is negative, fractional, a bool or not a number.
    """
    out: list[int | None] = []
    for name, value in (("limit", limit), ("offset", offset)):
        if value is None or (isinstance(value, str) and not value.strip()):
            out.append(None)
            continue
        if isinstance(value, bool) or not isinstance(value, (int, str)) or (
            isinstance(value, str) and not value.strip().isdigit()
        ):
            raise ParameterError(name, value, "is not a whole number >= 0")
        number = int(value)
        if number < 0:
            raise ParameterError(name, value, "is not a whole number >= 0")
        out.append(number)
    return out[0], out[1] or 0


def _parse_date(name: str, value: str) -> date:
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise ParameterError(name, value, "is not a date; expected YYYY-MM-DD") from None


def _bind_one(p: Param, raw: Any, iris: Iris) -> ox.NamedNode | ox.Literal:
    value = str(raw).strip() if not isinstance(raw, (int, date)) else raw
    if p.type == "country":
        code = resolve_country(str(value))
        if code is None:
            raise ParameterError(p.name, raw, f"is not a known country ({PARAM_TYPES['country']})")
        return ox.Literal(code)
    if p.type == "date":
        d = value if isinstance(value, date) else _parse_date(p.name, str(value))
        return ox.Literal(d.isoformat(), datatype=XSD.date)
    if p.type in ("year", "integer"):
        s = str(value)
        ok = re.fullmatch(r"\d{4}", s) if p.type == "year" else re.fullmatch(r"-?\d{1,18}", s)
        if not ok:
            raise ParameterError(p.name, raw, f"is not a {'four-digit year' if p.type == 'year' else 'whole number'}")
        return ox.Literal(str(int(s)), datatype=XSD.integer)
    if p.type == "string":
        return ox.Literal(str(value))
    if p.type in ("iri", "mission", "node"):
        s = str(value)
        if p.type != "iri" and not re.match(r"^[a-z][a-z0-9+.-]*:", s, re.I):
            s = iris.base + (f"mission/{s}" if p.type == "mission" and not s.startswith("mission/") else s)
        if not re.match(r"^[a-z][a-z0-9+.-]*:[^\s<>\"{}|\\^`]*$", s, re.I):
            raise ParameterError(p.name, raw, "is not an absolute IRI")
        try:
            return ox.NamedNode(s)
        except ValueError as e:
            raise ParameterError(p.name, raw, f"is not a valid IRI ({e})") from None
    raise ParameterError(p.name, raw, f"has unknown type {p.type!r}")  # pragma: no cover


def bind_params(query: PreparedQuery, values: Mapping[str, Any], *, iris: Iris) -> dict[ox.Variable, Any]:
    """Validate ``values`` against the query's declared parameters; return pyoxigraph substitutions.

    :raises ParameterError: a parameter is unknown, missing or malformed.
    """
    declared = {p.name: p for p in query.params}
    for name in values:
        if name not in declared:
            known = ", ".join(declared) or "none"
            raise ParameterError(name, values[name], f"is not a parameter of query {query.name!r} (it takes: {known})")
    subs: dict[ox.Variable, Any] = {}
    for p in query.params:
        raw = values.get(p.name)
        if raw is None or (isinstance(raw, str) and raw.strip() == ""):
            if p.optional:
                continue
            raise ParameterError(p.name, None, f"is required by query {query.name!r} ({PARAM_TYPES[p.type]})")
        subs[ox.Variable(p.name)] = _bind_one(p, raw, iris)
    return subs


def result_rows(result: ox.QuerySolutions) -> Iterator[Row]:
    """The rows of SELECT solutions as dicts of bound terms, read lazily."""
    names = [v.value for v in result.variables]
    for solution in result:
        yield {n: solution[n] for n in names if solution[n] is not None}


def result_table(result: ox.QuerySolutions) -> tuple[list[Row], list[str]]:
    """All rows of SELECT solutions, and the column names in the query's order."""
    return list(result_rows(result)), [v.value for v in result.variables]


def term_to_json(term: Any) -> dict[str, Any]:
    """A term in the SPARQL 1.1 JSON results form (``{"type": "uri", "value": ...}``).

    >>> term_to_json(ox.Literal("7", datatype=ox.NamedNode("http://www.w3.org/2001/XMLSchema#integer")))
    {'type': 'literal', 'value': '7', 'datatype': 'http://www.w3.org/2001/XMLSchema#integer'}
    """
    if isinstance(term, ox.NamedNode):
        return {"type": "uri", "value": term.value}
    if isinstance(term, ox.BlankNode):
        return {"type": "bnode", "value": term.value}
    if isinstance(term, ox.Literal):
        out: dict[str, Any] = {"type": "literal", "value": term.value}
        if term.language:
            out["xml:lang"] = term.language
        elif term.datatype and term.datatype.value != "http://www.w3.org/2001/XMLSchema#string":
            out["datatype"] = term.datatype.value
        return out
    if isinstance(term, ox.Triple):
        return {"type": "triple",
                "value": {k: term_to_json(getattr(term, k)) for k in ("subject", "predicate", "object")}}
    return {"type": "literal", "value": str(term)}


def term_to_python(term: Any) -> Any:
    """A SPARQL result term as a plain Python value (IRIs as strings, typed literals converted)."""
    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return term.value
    if isinstance(term, ox.BlankNode):
        return "_:" + term.value
    if isinstance(term, ox.Literal):
        dt = term.datatype.value if term.datatype else ""
        v = term.value
        try:
            if dt.endswith(("#integer", "#int", "#long", "#nonNegativeInteger", "#decimal")) and re.fullmatch(r"-?\d+", v):
                return int(v)
            if dt.endswith("#double") or dt.endswith("#float"):
                return float(v)
            if dt.endswith("#boolean"):
                return v in ("true", "1")
        except ValueError:
            return v
        return v
    return str(term)


#: strings, IRIs and comments (an IRI's "#" starts no comment); for the trusted prepared queries only
_LITERALS = (r'"""[\s\S]*?"""|\'\'\'[\s\S]*?\'\'\'|"(?:[^"\\\n]|\\.)*"|\'(?:[^\'\\\n]|\\.)*\'|<[^<>\s]*>|#[^\n]*')
_LITERALS_RE = re.compile(_LITERALS)


def analyze_query(sparql: str) -> QueryInfo:
    """What ``sparql`` is (form, dataset clause, update, SERVICE, depth), read from its tokens.

    Linear in the text's length (:mod:`kgbuild.querycheck`); the predeclared prefixes count.

    :raises QueryError: the text is not SPARQL tokens, or nests deeper than :data:`MAX_DEPTH`.
    """
    try:
        info = analyze(sparql, prefixes=QUERY_PREFIXES)
    except QuerySyntaxError as e:
        raise QueryError(f"syntax error: {e}") from None
    if info.depth > MAX_DEPTH:
        raise QueryError(f"the query nests {info.depth} levels deep; at most {MAX_DEPTH} are allowed")
    return info


def check_read_only(sparql: str, *, allow_service: bool = False) -> QueryInfo:
    """Refuse SPARQL updates, and ``SERVICE`` (which would reach the network) unless allowed.

    The decision is made on the query's tokens (:mod:`kgbuild.querycheck`), never on keywords
    in the raw text, and fails closed: text it cannot read is refused.

    :returns: what the query is (:func:`analyze_query`).
    :raises QueryRefused: the text is an update, or uses SERVICE (or may).
    :raises QueryError: the text is not SPARQL tokens, or nests too deeply.

    >>> check_read_only("SELECT * WHERE { ?s ?p ?o }").form
    'SELECT'
    """
    info = analyze_query(sparql)
    if info.update:
        raise QueryRefused(f"updates are refused ({info.update}); this interface is read-only")
    if info.service and not allow_service:
        raise QueryRefused("SERVICE (federated query) is refused: it would reach other hosts")
    return info


def with_values(sparql: str, substitutions: Mapping[ox.Variable, Any]) -> str:
    """``sparql`` with the bound terms as a ``VALUES`` block opening its outermost ``WHERE`` group.

    For backends without ``substitutions=`` (a SPARQL server over HTTP, see
    :mod:`kgbuild.remote`). The terms are written by pyoxigraph's own N-Triples serialization of
    already validated RDF terms, never as raw text, so this stays injection-safe.

    >>> with_values("SELECT ?c WHERE { ?m eo:host ?c }", {ox.Variable("c"): ox.Literal('A"Z')})
    'SELECT ?c WHERE { VALUES (?c) { ("A\\\\"Z") } ?m eo:host ?c }'
    """
    if not substitutions:
        return sparql
    brace = _where_brace(sparql)
    if brace < 0:
        raise QueryError("cannot bind parameters: the query has no WHERE group")
    return f"{sparql[: brace + 1]} {_values_block(substitutions)}{sparql[brace + 1 :]}"


def _where_brace(sparql: str) -> int:
    """The offset of the ``{`` opening the first ``WHERE`` group (else the first ``{``), or -1."""
    try:
        toks = list(tokens(sparql))
    except QuerySyntaxError as e:
        raise QueryError(f"cannot bind parameters: syntax error: {e}") from None
    first = -1
    for i, tok in enumerate(toks):
        if tok.kind == "punct" and tok.text == "{":
            if i and toks[i - 1].kind == "word" and toks[i - 1].text.upper() == "WHERE":
                return tok.start
            first = tok.start if first < 0 else first
    return first


def _values_block(substitutions: Mapping[ox.Variable, Any]) -> str:
    """``VALUES (?a ?b) { (term term) }``, the terms in pyoxigraph's N-Triples form."""
    names = " ".join(f"?{v.value}" for v in substitutions)
    terms = " ".join(str(t) for t in substitutions.values())
    return f"VALUES ({names}) {{ ({terms}) }}"
