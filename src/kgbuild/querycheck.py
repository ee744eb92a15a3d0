"""What a SPARQL query text is, read from its tokens: the checks behind :func:`kgbuild.query.check_read_only`.

pyoxigraph exposes no query parser (TOOLING-NOTES), and keyword searches over the raw text are
fooled by the grammar's own escapes (``ex:a\\#`` is a local name, not the start of a comment).
So this module implements the terminals of the SPARQL 1.1 grammar (§19.8: ``IRIREF``,
``PNAME_NS``/``PNAME_LN`` with ``PLX`` and ``PN_LOCAL_ESC``, ``BLANK_NODE_LABEL``, ``VAR1``/``VAR2``,
``LANGTAG``, the numbers, the four string forms with ``ECHAR``/``UCHAR``, comments) plus the
SPARQL 1.2 punctuation Oxigraph accepts, and reads the query as tokens: its form, its dataset
clause, its nesting depth, and whether it names ``SERVICE`` or an update operation.

It fails closed. Text that is no token, a ``\\u`` escape of ASCII punctuation, an escape that is
no Unicode scalar value, and an unterminated string or long string are syntax errors here, even
where Oxigraph might read them some other way. Oxigraph's parser is scannerless: it matches a
keyword by its letters wherever its grammar expects one, so ``SERVICEex:a { … }`` and
``ex:a.b.SERVICE <…> { … }`` are SERVICE patterns to it (measured on pyoxigraph 0.5.13), and a
prefixed name that expands to an invalid IRI is re-read as its bare prefix followed by more
code. The letters ``service`` are therefore suspect in any bare word, in any prefix, and in any
local name that is not plain ``[A-Za-z0-9_-]`` under a prefix whose IRI ends with ``/`` or
``#``; a suspect query counts as using SERVICE.

Every step is linear in the length of the text: each token is matched once from its first
character by a pattern without nested ambiguity (possessive quantifiers), and a name that is
not followed by ``:`` is not scanned again from a later start.

>>> info = analyze('PREFIX ex: <http://e/> SELECT * FROM <http://g/> WHERE { ?x ex:a\\\\# ?y }')
>>> info.form, info.dataset, info.service
('SELECT', True, False)
>>> analyze('SELECT * WHERE { ?x ex:a\\\\# ?y SERVICE <http://h/> { ?s ?p ?o } }').service
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

__all__ = ["MAX_DEPTH", "QueryInfo", "QuerySyntaxError", "Token", "analyze", "tokens"]

#: Deepest nesting of ``{ ( [ << {|`` (plus runs of unary ``! + - ^``) a query may have. Oxigraph's
#: recursive parser overflows its stack near 3,000 nested groups on an 8 MiB stack (1,000 nested
#: ``FILTER EXISTS``); real queries stay under 20.
MAX_DEPTH = 100

_BASE = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02ff\u0370-\u037d\u037f-\u1fff\u200c-\u200d"
    "\u2070-\u218f\u2c00-\u2fef\u3001-\ud7ff\uf900-\ufdcf\ufdf0-\ufffd"
)  # PN_CHARS_BASE without the astral planes (Oxigraph 0.5 has none there: fail closed)
_U = _BASE + "_"  # PN_CHARS_U
_CHARS = _U + r"\-0-9\u00b7\u0300-\u036f\u203f-\u2040"  # PN_CHARS
_VARCHARS = _U + r"0-9\u00b7\u0300-\u036f\u203f-\u2040"
_HEX = "0-9A-Fa-f"
_PLX = rf"%[{_HEX}]{{2}}|\\[_~.\-!$&'()*+,;=/?#@%]"
_UCHAR = rf"\\u[{_HEX}]{{4}}|\\U[{_HEX}]{{8}}"
_ECHAR = r"""\\[tbnrf"'\\]"""

_RUN = re.compile(rf"[{_CHARS}.]*+")  # the longest stretch a PN_PREFIX can come from
_PREFIX = re.compile(rf"[{_BASE}][{_CHARS}]*+(?:\.++[{_CHARS}]++)*+")
# PN_LOCAL as the grammar has it (any number of dot groups; Oxigraph 0.5 stops after the first,
# reading ``ex:a.b.c`` as ``ex:a.b`` then ``.c``: a local name with dots is never plain, see _suspect)
_LOCAL = re.compile(rf"(?:[{_U}:0-9]|{_PLX})(?:[{_CHARS}:]|{_PLX}|\.++(?=[{_CHARS}:%\\]))*+")

_TOKEN = re.compile(
    rf"""
    (?P<ws>[ \t\r\n]++|\#[^\r\n]*+)
    |(?P<iri><(?:[^<>"{{}}|^`\\\x00-\x20]|{_UCHAR})*+>)
    |(?P<long>'''|\"\"\")
    |(?P<string>'(?:[^'\\\r\n]|{_ECHAR}|{_UCHAR})*+'|"(?:[^"\\\r\n]|{_ECHAR}|{_UCHAR})*+")
    |(?P<var>[?$][{_VARCHARS}]++)
    |(?P<bnode>_:[{_U}0-9][{_CHARS}]*+(?:\.++[{_CHARS}]++)*+)
    |(?P<lang>@[a-zA-Z]++(?:-[a-zA-Z0-9]++)*+(?:--[a-zA-Z]++)?+)
    |(?P<number>(?:[0-9]++(?:\.[0-9]++)?+|\.[0-9]++)(?:[eE][+\-]?+[0-9]++)?+)
    |(?P<punct><<\(|\)>>|<<|>>|\{{\||\|\}}|\|\||&&|\^\^|<=|>=|!=|[{{}}()\[\];,.+\-*/<>=!^|?~])
    """,
    re.VERBOSE,
)
_LONG = {
    "'''": re.compile(rf"'''(?:(?:''|')?+(?:[^'\\]|{_ECHAR}|{_UCHAR}))*+'''"),
    '"""': re.compile(rf'"""(?:(?:""|")?+(?:[^"\\]|{_ECHAR}|{_UCHAR}))*+"""'),
}
_WORD = re.compile(r"[A-Za-z][A-Za-z0-9_]*+")
_ESCAPE = re.compile(rf"{_UCHAR}")
_SIMPLE_LOCAL = re.compile(r"[A-Za-z0-9_-]*")
_SERVICE = re.compile("service", re.I)

_OPEN = frozenset({"{", "(", "[", "<<", "<<(", "{|"})
_CLOSE = frozenset({"}", ")", "]", ">>", ")>>", "|}"})
_UNARY = frozenset({"!", "+", "-", "^"})
_FORMS = frozenset({"SELECT", "CONSTRUCT", "DESCRIBE", "ASK"})
#: the first keyword of every SPARQL 1.1 Update operation (and WITH, which opens a Modify)
UPDATE_WORDS = frozenset({"INSERT", "DELETE", "LOAD", "CLEAR", "CREATE", "DROP", "COPY", "MOVE", "ADD", "WITH"})


class QuerySyntaxError(ValueError):
    """The text is not a sequence of SPARQL tokens (or uses a form this reader refuses)."""

    def __init__(self, message: str, text: str, offset: int) -> None:
        line = text.count("\n", 0, offset) + 1
        column = offset - (text.rfind("\n", 0, offset) + 1) + 1
        self.offset, self.line, self.column = offset, line, column
        super().__init__(f"{message} at line {line}, column {column}")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: its kind (``iri``, ``pname``, ``var``, ``bnode``, ``string``, ``lang``, ``number``,
    ``word``, ``punct``), its text and where it starts."""

    kind: str
    text: str
    start: int


def tokens(text: str) -> Iterator[Token]:
    """The tokens of ``text`` (whitespace and comments left out), in order.

    :raises QuerySyntaxError: some text is no token.

    >>> [(t.kind, t.text) for t in tokens('?s ex:a\\\\# "x"@en . # c')]
    [('var', '?s'), ('pname', 'ex:a\\\\#'), ('string', '"x"'), ('lang', '@en'), ('punct', '.')]
    """
    pos, n = 0, len(text)
    no_colon_before = -1  # names starting below this offset are known not to be prefixed names
    while pos < n:
        c = text[pos]
        if c == ":" or (pos >= no_colon_before and _PREFIX.match(text, pos)):
            name = _prefixed(text, pos)
            if name is not None:
                yield Token("pname", text[pos:name], pos)
                pos = name
                continue
            run = _RUN.match(text, pos)
            no_colon_before = run.end() if run else pos + 1
        if c.isascii() and c.isalpha():
            m = _WORD.match(text, pos)
            assert m is not None
            yield Token("word", m.group(), pos)
            pos = m.end()
            continue
        m = _TOKEN.match(text, pos)
        if m is None:
            raise QuerySyntaxError(f"unexpected {text[pos]!r}", text, pos)
        kind = m.lastgroup
        assert kind is not None
        if kind == "long":
            long = _LONG[m.group()].match(text, pos)
            if long is None:
                raise QuerySyntaxError("unterminated or malformed long string", text, pos)
            m = long
            kind = "string"
        if kind != "ws":
            value = m.group()
            if kind in ("iri", "string"):
                _check_escapes(value, text, pos)
            yield Token(kind, value, pos)
        pos = m.end()


def _prefixed(text: str, pos: int) -> int | None:
    """The end of the prefixed name at ``pos``, or None if there is none."""
    end = pos
    if text[pos] != ":":
        m = _PREFIX.match(text, pos)
        if m is None:
            return None
        end = m.end()
        if end >= len(text) or text[end] != ":":
            return None
    local = _LOCAL.match(text, end + 1)
    return local.end() if local else end + 1


def _check_escapes(value: str, text: str, pos: int) -> None:
    if "\\" not in value:
        return
    for m in _ESCAPE.finditer(value):
        code = int(m.group()[2:], 16)
        if 0xD800 <= code <= 0xDFFF or code > 0x10FFFF:
            raise QuerySyntaxError(f"escape {m.group()} is not a Unicode character", text, pos + m.start())
        if code < 0x80 and not chr(code).isalnum():
            raise QuerySyntaxError(
                f"escape {m.group()} of ASCII punctuation is refused; write the character itself", text, pos + m.start()
            )


@dataclass(frozen=True, slots=True)
class QueryInfo:
    """What :func:`analyze` found in a query text.

    ``form`` is SELECT, CONSTRUCT, DESCRIBE or ASK (None when the text has none); ``dataset`` is
    whether it has a ``FROM`` / ``FROM NAMED`` clause; ``update`` the first update keyword it
    uses (None if none); ``service`` whether it uses SERVICE or may (see the module's notes);
    ``depth`` its deepest nesting; ``tokens`` how many tokens it has.
    """

    form: str | None
    dataset: bool
    update: str | None
    service: bool
    depth: int
    tokens: int


def analyze(text: str, *, prefixes: Mapping[str, str] | None = None) -> QueryInfo:
    """Read ``text`` as SPARQL tokens and say what it is (one pass, linear in its length).

    :param prefixes: prefixes predeclared for the query (as the store's ``prefixes=``).
    :raises QuerySyntaxError: some text is no token, or the brackets do not balance.
    """
    form: str | None = None
    dataset = service = False
    update: str | None = None
    depth = max_depth = unary = count = 0
    declared: dict[str, list[str]] = {k: [v] for k, v in (prefixes or {}).items()}
    names: list[Token] = []
    previous: list[Token] = []
    for tok in tokens(text):
        count += 1
        if tok.kind == "punct":
            if tok.text in _OPEN:
                depth += 1
            elif tok.text in _CLOSE:
                depth -= 1
                if depth < 0:
                    raise QuerySyntaxError(f"{tok.text!r} closes nothing", text, tok.start)
            unary = unary + 1 if tok.text in _UNARY else 0
            max_depth = max(max_depth, depth + unary)
        else:
            unary = 0
        if tok.kind == "word":
            word = tok.text.upper()
            if _SERVICE.search(tok.text):
                service = True
            if word in UPDATE_WORDS and update is None:
                update = word
            elif word in _FORMS and form is None:
                form = word
            elif word == "FROM":
                dataset = True
        elif tok.kind == "pname":
            names.append(tok)
        elif tok.kind == "iri" and len(previous) == 2 and previous[0].kind == "word" \
                and previous[0].text.upper() == "PREFIX" and previous[1].kind == "pname":
            declared.setdefault(previous[1].text.split(":", 1)[0], []).append(tok.text[1:-1])
        previous = (previous + [tok])[-2:]
    if depth:
        raise QuerySyntaxError(f"{depth} bracket(s) left open", text, len(text))
    if not service:
        service = any(_suspect(name.text, declared) for name in names)
    return QueryInfo(form, dataset, update, service, max_depth, count)


def _suspect(name: str, declared: Mapping[str, list[str]]) -> bool:
    """Whether a prefixed name could hide the keyword SERVICE from a reader of its tokens."""
    if not _SERVICE.search(name):
        return False
    prefix, local = name.split(":", 1)
    if _SERVICE.search(prefix) or not _SIMPLE_LOCAL.fullmatch(local):
        return True
    iris = declared.get(prefix)
    return not iris or any(not iri.endswith(("/", "#")) for iri in iris)
