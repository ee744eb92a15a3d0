"""Extractor v2's middle: candidates from every mention, features from the parse, a learned scorer.

For one parsed article (:class:`ArticleView`):

1. **Mission candidates** are every catalogue organization that can observe × every country the
   article names (directly, through its election commission or its legislature).
2. **Slot candidates**, for each mission candidate, are every mention of the slot's kind: numbers
   for observer counts, dates for the election and start dates, PERSON entities and runs of
   proper nouns for the head, countries and organizations for members, commissions for the
   accrediting body, election mentions and what voters elect ("elects a president") for the type.
3. **Features** describe a candidate's relation to the mission: the Tier-1 dependency patterns
   that match it (``patterns.jsonl``, data with an id each), its dependency path and distance to
   the organizer's mentions, the lemmas around it and the verb that governs it (tense, aspect,
   negation), its contextual vector (the pipeline's ``tok2vec`` output), how it compares with the
   other candidates of its slot, and whether the v1 rules chose it (``rule`` features: the rules
   are one more source of evidence for the scorer, until v2 no longer needs them).
4. The :class:`~kgbuild.extract.scorer.Scorer` weighs the features (one logistic model per slot,
   trained by :mod:`kgbuild.extract.train`) and keeps what the article states.

Everything here is plain Python over a spaCy ``Doc``; nothing outside ``extract/`` sees it.
"""

from __future__ import annotations

import json
import re
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from functools import cache
from importlib.resources import files
from typing import TYPE_CHECKING, Any, Union

import numpy as np

from ..catalog import Organization, country_name
from .context import Context
from .dates import resolve_weekday
from .election import Election, _city_countries, _dateline_country, find_elections, host_country
from .gazetteer import ORGAN_PHRASE, CountryMention, OrgMention

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token
    from spacy.vocab import Vocab

__all__ = [
    "LIST_SLOTS",
    "SLOTS",
    "ArticleView",
    "ChainMatcher",
    "MissionCandidate",
    "SlotCandidate",
    "fill_slots",
    "head_country",
    "load_patterns",
    "mission_candidates",
    "named_features",
]

#: The slots the scorer fills, each with its own model; the lists take every value above threshold.
SLOTS = (
    "observers.total", "observers.long_term", "observers.short_term", "election.date", "start_date",
    "head", "member_countries", "member_organizations", "accredited_by", "election.type",
)  # fmt: skip
LIST_SLOTS = frozenset({"member_countries", "member_organizations"})

#: A candidate's features. A named feature holds its value (1 for one that is present); a
#: contextual vector is one array under its prefix (:data:`VECTOR_PREFIXES`), whose component
#: ``k`` is the feature ``f"{prefix}{k}"`` of a trained artifact (:func:`named_features`).
#: Keeping the vectors whole lets the scorer weigh them with one dot product each instead of
#: 96 dictionary entries (measured: about 4% of an extraction's CPU time, docs/extractor.md).
Features = dict[str, Union[float, "np.ndarray[Any, np.dtype[np.float64]]"]]

#: The prefixes of the contextual vectors: the organizer's and the host's mentions (``vo``,
#: ``vc``), a slot candidate's mention and its syntactic head (``vm``, ``vh``).
VECTOR_PREFIXES = ("vo", "vc", "vm", "vh")


def named_features(f: Features) -> dict[str, float]:
    """``f`` with each vector spread into its named components (``vo0``, ``vo1`` …): what a
    learner sees, and what an artifact's weights are named by."""
    out: dict[str, float] = {}
    for k, v in f.items():
        if isinstance(v, np.ndarray):
            out.update((f"{k}{i}", float(x)) for i, x in enumerate(v) if x)
        else:
            out[k] = v
    return out


@cache
def load_patterns(path: str = "extract/patterns.jsonl") -> tuple[dict[str, Any], ...]:
    """The Tier-1 dependency patterns in the package file ``path`` (default: the English ones,
    ``patterns.jsonl``): ``{"id", "slot", "pattern"}`` each."""
    text = files("kgbuild").joinpath(*path.split("/")).read_text(encoding="utf-8")
    return tuple(json.loads(line) for line in text.splitlines() if line.strip())


def pattern_matcher(vocab: Vocab) -> Any:
    """A ``DependencyMatcher`` holding every Tier-1 pattern under its id (the reference that
    :class:`ChainMatcher` is tested against)."""
    from spacy.matcher import DependencyMatcher

    matcher = DependencyMatcher(vocab)
    for pat in load_patterns():
        matcher.add(pat["id"], [pat["pattern"]])
    return matcher


_ATTRS = {"LEMMA": "lemma_", "LOWER": "lower_", "DEP": "dep_", "ORTH": "text", "POS": "pos_", "TAG": "tag_"}


def _tests(attrs: dict[str, Any]) -> list[tuple[str, frozenset[str]]]:
    """A pattern node's attribute tests: ``(attribute name, the strings it may hold)`` each."""
    tests: list[tuple[str, frozenset[str]]] = []
    for key, want in attrs.items():
        if key not in _ATTRS:
            raise ValueError(f"pattern attribute {key!r} is not supported (use one of {sorted(_ATTRS)})")
        if isinstance(want, dict):
            if set(want) != {"IN"}:
                raise ValueError(f"pattern attribute {key!r}: only a string or {{'IN': [...]}} is supported")
            values = frozenset(want["IN"])
        else:
            values = frozenset([want])
        tests.append((key, values))
    return tests


def _predicate(attrs: dict[str, Any]) -> Any:
    """A test of a ``Token`` against a pattern node's attributes (what :class:`ChainMatcher` does on ids)."""
    tests = [(_ATTRS[key], values) for key, values in _tests(attrs)]
    return lambda t: all(getattr(t, a) in v for a, v in tests)


class ChainMatcher:
    """Runs the Tier-1 patterns (``patterns.jsonl``, spaCy ``DependencyMatcher`` syntax) that are
    chains from a trigger: each node hangs off the one before it by ``>`` (a child) or ``<`` (the
    head). It gives the same matches as ``DependencyMatcher`` on those patterns (a test checks
    this on the examples), at about a fifth of its cost, which is why it exists.

    It works on the ``Doc``'s arrays (``Doc.to_array``): an attribute test compares the token's
    string id with the ids of the pattern's strings (the ``StringStore`` id of a string, which is
    what the token holds), and a token's children are its dependents in index order (as
    ``Token.children`` gives them), so no ``Token`` object is made (measured: a matcher on
    ``Token`` objects took about 6% of the extractor's own CPU time).

    Calling it on a ``Doc`` returns ``(pattern id, token indices in pattern order)`` per match.
    """

    def __init__(self, patterns: Iterable[dict[str, Any]] | None = None) -> None:
        self.chains: list[tuple[str, frozenset[str] | None, list[tuple[str, frozenset[str]]],
                                list[tuple[str, list[tuple[str, frozenset[str]]]]]]] = []
        for pat in load_patterns() if patterns is None else patterns:
            nodes = pat["pattern"]
            first, rest = nodes[0], nodes[1:]
            steps = []
            prev = first["RIGHT_ID"]
            for n in rest:
                if n.get("LEFT_ID") != prev or n.get("REL_OP") not in (">", "<"):
                    raise ValueError(f"pattern {pat['id']!r} is not a chain of '>'/'<' steps")
                steps.append((n["REL_OP"], _tests(n.get("RIGHT_ATTRS") or {})))
                prev = n["RIGHT_ID"]
            attrs = first.get("RIGHT_ATTRS") or {}
            lemma = attrs.get("LEMMA")
            keys = None if lemma is None else frozenset(lemma["IN"] if isinstance(lemma, dict) else [lemma])
            self.chains.append((pat["id"], keys, _tests(attrs), steps))
        #: the attributes the patterns test (LEMMA first: the triggers are found by lemma)
        self.attrs = ["LEMMA", *sorted({a for _, _, t, steps in self.chains
                                        for a, _ in [*t, *(x for _, ts in steps for x in ts)]} - {"LEMMA"})]
        self._compiled: Any = None

    def __len__(self) -> int:
        return len(self.chains)

    def _compile(self, strings: Any) -> Any:
        """The chains with each test as ``(column, the ids of its strings)`` (an id does not
        depend on the vocabulary: a string's hash, or its symbol's id, as ``StringStore`` gives)."""
        col = {a: k for k, a in enumerate(self.attrs)}

        def ids(tests: list[tuple[str, frozenset[str]]]) -> tuple[tuple[int, frozenset[int]], ...]:
            return tuple((col[a], frozenset(strings[v] for v in values)) for a, values in tests)

        chains = [(pid, None if keys is None else tuple(strings[k] for k in keys), ids(first), [(op, ids(t)) for op, t in steps])
                  for pid, keys, first, steps in self.chains]
        triggers = np.array(sorted({k for _, keys, _, _ in chains for k in keys or ()}), dtype=np.uint64)
        return chains, triggers

    def __call__(self, doc: Doc) -> list[tuple[str, list[int]]]:
        out: list[tuple[str, list[int]]] = []
        n = len(doc)
        if not n:
            return out
        from spacy.attrs import IDS

        strings = doc.vocab.strings
        if self._compiled is None:
            self._compiled = self._compile(strings)
        chains, triggers = self._compiled
        arr = doc.to_array([IDS[a] for a in self.attrs]).reshape(n, len(self.attrs))
        cols = [arr[:, k].tolist() for k in range(len(self.attrs))]
        head_arr = doc.to_array("HEAD").astype(np.int64) + np.arange(n)
        heads = head_arr.tolist()
        # a token's children: the tokens whose head it is, in index order (a stable sort by head)
        order = np.argsort(head_arr, kind="stable")
        bounds = np.searchsorted(head_arr[order], np.arange(n + 1)).tolist()
        order_list = order.tolist()
        kids: dict[int, list[int]] = {}

        def children(h: int) -> list[int]:
            found = kids.get(h)
            if found is None:
                found = kids[h] = [i for i in order_list[bounds[h] : bounds[h + 1]] if i != h]
            return found

        # the tokens of each lemma that starts a pattern, in order
        at: dict[int, list[int]] = {}
        lemmas = cols[0]
        for i in np.flatnonzero(np.isin(arr[:, 0], triggers)).tolist():
            at.setdefault(lemmas[i], []).append(i)
        for pid, keys, first, steps in chains:
            if keys is None:
                tokens: list[int] = list(range(n))
            else:
                tokens = []
                for k in keys:
                    tokens += at.get(k, ())
            for t in tokens:
                for c, v in first:
                    if cols[c][t] not in v:
                        break
                else:
                    paths = [[t]]
                    for op, tests in steps:
                        nxt = []
                        for p in paths:
                            last = p[-1]
                            if op == ">":
                                cand = children(last)
                            else:
                                cand = [heads[last]] if heads[last] != last else []
                            for x in cand:
                                for c, v in tests:
                                    if cols[c][x] not in v:
                                        break
                                else:
                                    nxt.append([*p, x])
                        paths = nxt
                        if not paths:
                            break
                    out.extend((pid, p) for p in paths)
        return out


def _bucket(n: int, cuts: Sequence[int] = (0, 1, 2, 3, 5, 8)) -> str:
    for c in cuts:
        if n <= c:
            return str(c)
    return f">{cuts[-1]}"


@dataclass
class ArticleView:
    """One parsed article with its mentions, pattern hits and the v1 rules' missions."""

    doc: Doc
    published: date | None
    rules: list[dict[str, Any]]
    matcher: Any
    context: Context | None = None  # the mentions, when the v1 component already found them
    ctx: Context = field(init=False)
    elections: list[Election] = field(init=False)
    tok_at: list[int] = field(init=False)
    pat: dict[int, set[str]] = field(init=False)
    rule_host: str | None = field(init=False)
    dateline: str | None = field(init=False)
    first_country: str | None = field(init=False)
    open_orgs: list[OrgMention] = field(init=False)
    cities: list[CountryMention] = field(init=False)

    def __post_init__(self) -> None:
        doc = self.doc
        if self.context is not None:
            self.ctx, self.context = self.context, None
        else:
            sents = [(s.start_char, s.end_char) for s in doc.sents]
            persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
            self.ctx = Context.build(doc.text, self.published, sents, persons)
        text = self.ctx.text
        self.elections = find_elections(self.ctx)
        host = host_country(self.ctx, self.elections, [])
        self.rule_host = host.code if host else None
        dateline = _dateline_country(self.ctx)
        self.dateline = dateline.code if dateline else None
        self.first_country = self.ctx.countries[0].code if self.ctx.countries else None
        self._tokens: dict[tuple[int, int], list[int]] = {}
        self._roots: dict[tuple[int, int], Token | None] = {}
        self.tok_at = [-1] * (len(text) + 1)
        for t in doc:
            n = len(t)
            self.tok_at[t.idx : t.idx + n] = [t.i] * n
        self.pat = defaultdict(set)
        for pid, toks in self.matcher(doc):
            arg = doc[toks[-1]]
            self.pat[arg.i].add(pid)
            for c in arg.subtree:  # list members share the hit: "from Angola, Botswana and Malawi"
                if c.dep_ == "conj" or (c.dep_ == "appos" and c.head.i == arg.i):
                    self.pat[c.i].add(pid + "+conj")
            for c in arg.children:  # a name's other tokens: "Nevers" in "Nevers Mumba"
                if c.dep_ == "compound" and c.ent_type_ == arg.ent_type_:
                    self.pat[c.i].add(pid)
        self.open_orgs = _open_organizations(self)
        self.cities = _city_mentions(self)
        self._sent_starts = [s for s, _ in self.ctx.sents]
        self._mention: dict[tuple[int, int], Features] = {}
        self._org_part: dict[str, Features] = {}
        self._country_part: dict[str, Features] = {}
        self._values: dict[str, list[tuple[int, int, Any]]] = {}
        self._bare: list[tuple[int, int, str]] | None = None
        self._name_runs: set[tuple[int, int]] = set()  # head candidates the NER did not find
        self._described: dict[tuple[int, int], int] = {}  # type candidates from "to elect a president"

    @property
    def text(self) -> str:
        return self.ctx.text  # the Doc joins its tokens on every .text: read it once

    def sent_idx(self, pos: int) -> int:
        return max(0, bisect_right(self._sent_starts, pos) - 1)

    def tokens(self, start: int, end: int) -> list[int]:
        """The indices of the tokens a character span touches, in order (do not change the list:
        it is remembered, as the features ask for the same spans many times)."""
        key = (start, end)
        found = self._tokens.get(key)
        if found is None:
            found = self._tokens[key] = sorted({self.tok_at[i] for i in range(start, min(end, len(self.text)))
                                                if self.tok_at[i] >= 0})
        return found

    def root(self, start: int, end: int) -> Token | None:
        """The syntactic root of a character span (the token whose head lies outside it)."""
        key = (start, end)
        if key not in self._roots:
            self._roots[key] = self._root(start, end)
        return self._roots[key]

    def _root(self, start: int, end: int) -> Token | None:
        idxs = self.tokens(start, end)
        if not idxs:
            return None
        inside = set(idxs)
        for i in idxs:
            t = self.doc[i]
            if t.head.i not in inside or t.head.i == t.i:
                return t
        return self.doc[idxs[0]]


def _open_name(text: str) -> str:
    text = text.strip()
    for prefix in ("the ", "The "):
        text = text.removeprefix(prefix)
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text.strip()


#: An acronym in brackets right after a name: "the Multinational Observer Group (MOG)".
_BRACKETED = re.compile(r"\s*\(([A-Z][A-Za-z&]{1,11})\)")


def _gazetteer_spans(ctx: Context) -> list[tuple[int, int]]:
    """Where the catalogue found an organization, a commission or a country: text that the NER's
    entities (open organizations, cities) and bare organ names must not overlap."""
    return [(m.start, m.end) for kind in (ctx.orgs, ctx.comms, ctx.countries) for m in kind]


def _open_organizations(art: ArticleView) -> list[OrgMention]:
    """Organizations the catalogue does not know: the NER's ORG entities that overlap no catalogue
    organization, commission or country mention, one group per name. An acronym given in brackets
    after a name joins that name's group. Their Wikidata id is unknown (None)."""
    ctx = art.ctx
    taken = _gazetteer_spans(ctx)
    found: list[tuple[int, int, str]] = []
    for e in art.doc.ents:
        if e.label_ != "ORG" or any(a < e.end_char and e.start_char < b for a, b in taken):
            continue
        name = _open_name(e.text)
        if len(name) > 1 and any(ch.isupper() for ch in name) and "\n" not in name:
            found.append((e.start_char, e.end_char, name))
    text = art.text
    expands: dict[str, str] = {}
    for _, end, name in found:
        m = _BRACKETED.match(text, end)
        if m and m.group(1) != name:
            expands[m.group(1)] = name
    orgs: dict[str, Organization] = {}
    out = []
    for start, end, name in found:
        full = expands.get(name, name)
        key = "open:" + full.lower()
        if key not in orgs:
            acronyms = tuple(a for a, n in expands.items() if n == full)
            orgs[key] = Organization(key, full, acronyms, (), None, "open")
        out.append(OrgMention(start, end, orgs[key], name))
    return out


def _city_mentions(art: ArticleView) -> list[CountryMention]:
    """Places the NER finds (GPE, LOC) that are no country but a city of one (GeoNames, the most
    populous city of that name): "in Harare" points at Zimbabwe when the article never names it."""
    ctx = art.ctx
    taken = _gazetteer_spans(ctx)
    cities = _city_countries()
    out = []
    for e in art.doc.ents:
        if e.label_ not in ("GPE", "LOC") or any(a < e.end_char and e.start_char < b for a, b in taken):
            continue
        code = cities.get(_open_name(e.text))
        if code:
            out.append(CountryMention(e.start_char, e.end_char, code, False))
    return out


# ------------------------------------------------------------------------------------------
# feature helpers


def _first_verb(t: Token) -> Token | None:
    cur = t
    for _ in range(6):
        if cur.pos_ in ("VERB", "AUX") and cur.dep_ != "amod":
            return cur
        if cur.head.i == cur.i:
            return None
        cur = cur.head
    return None


def _dep_path(a: Token | None, b: Token | None) -> tuple[str, int] | None:
    """Dependency labels from ``a`` up to the lowest common ancestor and down to ``b``."""
    if a is None or b is None or a.sent.start != b.sent.start:
        return None
    up_a = [a, *a.ancestors]
    up_b = [b, *b.ancestors]
    pos_b = {t.i: k for k, t in enumerate(up_b)}
    for k, t in enumerate(up_a):
        if t.i in pos_b:
            up = [x.dep_ for x in up_a[:k]]
            down = [x.dep_ for x in up_b[: pos_b[t.i]]]
            path = "/".join(up[:3]) + "^" + t.lemma_.lower() + "v" + "/".join(reversed(down[:3]))
            return path, len(up) + len(down)
    return None


def _context(prefix: str, art: ArticleView, start: int, end: int, f: Features, k: int = 3) -> None:
    idxs = art.tokens(start, end)
    if not idxs:
        return
    doc = art.doc
    t0, t1 = idxs[0], idxs[-1]
    for j in range(1, k + 1):
        if t0 - j >= 0:
            f[f"{prefix}L{j}={doc[t0 - j].lemma_.lower()}"] = 1
        if t1 + j < len(doc):
            f[f"{prefix}R{j}={doc[t1 + j].lemma_.lower()}"] = 1
    tok = art.root(start, end)
    if tok is None:
        return
    f[f"{prefix}dep={tok.dep_}"] = 1
    f[f"{prefix}head={tok.head.lemma_.lower()}"] = 1
    f[f"{prefix}dep_head={tok.dep_}_{tok.head.lemma_.lower()}"] = 1
    cur = tok
    for _ in range(3):
        if cur.head.i == cur.i:
            break
        f[f"{prefix}gov={cur.dep_}_{cur.head.lemma_.lower()}"] = 1
        cur = cur.head
    verb = _first_verb(tok)
    if verb is not None:
        f[f"{prefix}verb={verb.lemma_.lower()}"] = 1
        f[f"{prefix}verb_tag={verb.tag_}"] = 1
        for c in verb.children:
            if c.dep_ == "neg":
                f[f"{prefix}verb_neg"] = 1
            elif c.dep_ in ("aux", "auxpass"):
                f[f"{prefix}aux={c.lemma_.lower()}"] = 1


def _patterns(prefix: str, art: ArticleView, spans: Iterable[tuple[int, int]], f: Features) -> None:
    for s, e in spans:
        for i in art.tokens(s, e):
            for pid in art.pat.get(i, ()):
                f[f"{prefix}pat={pid}"] = 1


def _vector(prefix: str, art: ArticleView, spans: Iterable[tuple[int, int]], f: Features, scale: float = 0.3) -> None:
    """The mean contextual vector (``doc.tensor``) of the spans' tokens, scaled, as ``f[prefix]``."""
    tensor = getattr(art.doc, "tensor", None)
    if tensor is None or not len(tensor):
        return
    idxs = sorted({i for s, e in spans for i in art.tokens(s, e)})
    if not idxs:
        return
    mean = tensor[idxs[0]] if len(idxs) == 1 else tensor[idxs].mean(axis=0)  # one token: its own vector
    f[prefix] = (mean.astype(np.float64) * scale).round(4)


def _rule_mission(art: ArticleView, org: Organization, cc: str) -> dict[str, Any] | None:
    from ..matching import same_org

    probe = {"organizer": org.name, "organizer_wikidata": org.wikidata}
    return next((m for m in art.rules if m["country"] == cc and same_org(m, probe)), None)


# ------------------------------------------------------------------------------------------
# candidates


@dataclass
class SlotCandidate:
    """One mention that may fill one slot of one mission."""

    slot: str
    start: int
    end: int
    value: Any
    features: Features


@dataclass
class MissionCandidate:
    """An organizer × host country pair, its features and its slots' candidates."""

    org: Organization
    country: str
    org_mentions: list[Any]
    country_mentions: list[Any]
    features: Features
    slots: dict[str, list[SlotCandidate]] = field(default_factory=dict)
    rule: dict[str, Any] | None = None


def _org_groups(art: ArticleView) -> dict[str, list[Any]]:
    groups: dict[str, list[Any]] = defaultdict(list)
    for o in art.ctx.orgs:
        if not o.organ and o.org.can_observe:
            groups[o.org.key].append(o)
    for o in art.open_orgs:
        groups[o.org.key].append(o)
    return groups


def _hosts(art: ArticleView) -> dict[str, list[Any]]:
    codes: dict[str, list[Any]] = defaultdict(list)
    for c in art.ctx.countries:
        codes[c.code].append(c)
    for cm in art.ctx.comms:
        if cm.country:
            codes.setdefault(cm.country, [])
    for o in art.ctx.orgs:
        if o.org.kind == "legislature" and o.org.country:
            codes.setdefault(o.org.country, [])
    for c in art.cities:
        codes[c.code].append(c)
    if art.dateline:
        codes.setdefault(art.dateline, [])
    return codes


def _org_part(art: ArticleView, key: str, oms: list[Any], groups: dict[str, list[Any]]) -> Features:
    """The organizer's half of a mission candidate's features (the same for every host)."""
    if key in art._org_part:
        return art._org_part[key]
    f: Features = {}
    _vector("vo", art, [(o.start, o.end) for o in oms], f)
    _patterns("o_", art, [(o.start, o.end) for o in oms], f)
    o_sents = {art.sent_idx(o.start) for o in oms}
    f["o_count=" + _bucket(len(oms))] = 1
    f["o_kind=" + oms[0].org.kind] = 1  # the catalogue's kind: a legislature's delegation often joins another mission
    if oms[0].org.kind == "open":
        f["o_open"] = 1
        for o in oms[:3]:
            root = art.root(o.start, o.end)
            if root is not None:
                f["o_open_root=" + root.lemma_.lower()] = 1
    f["o_first_sent=" + _bucket(min(o_sents))] = 1
    oranked = sorted(groups, key=lambda k: (-len(groups[k]), groups[k][0].start))
    f["o_rank=" + _bucket(oranked.index(key))] = 1
    el_sents = {art.sent_idx(e.start) for e in art.elections}
    f["o_in_el_sent=" + _bucket(len(o_sents & el_sents))] = 1
    for o in oms[:6]:
        _context("o_", art, o.start, o.end, f, k=2)
    for si in sorted(o_sents):
        s, e = art.ctx.sents[si]
        for t in art.doc.char_span(s, e, alignment_mode="expand") or ():
            if (t.pos_ in ("VERB", "NOUN", "ADJ", "ADV", "PART") and not t.is_stop) or t.dep_ == "neg":
                f["os=" + t.lemma_.lower()] = 1
    art._org_part[key] = f
    return f


def _country_part(art: ArticleView, cc: str, cms: list[Any], hosts: dict[str, list[Any]]) -> Features:
    """The host's half of a mission candidate's features (the same for every organizer)."""
    if cc in art._country_part:
        return art._country_part[cc]
    f: Features = {}
    _vector("vc", art, [(c.start, c.end) for c in cms], f)
    _patterns("c_", art, [(c.start, c.end) for c in cms], f)
    c_sents = {art.sent_idx(c.start) for c in cms}
    f["c_count=" + _bucket(len(cms))] = 1
    ranked = sorted(hosts, key=lambda k: (-len(hosts[k]), min([c.start for c in hosts[k]] or [10**9])))
    f["c_rank=" + _bucket(ranked.index(cc))] = 1
    if cms and all(c.demonym for c in cms):
        f["c_only_demonym"] = 1
    n_city = sum(1 for c in cms if c in art.cities)
    if n_city:
        f["c_city=" + _bucket(n_city)] = 1
        if n_city == len(cms):
            f["c_only_city"] = 1
    el_sents = {art.sent_idx(e.start) for e in art.elections}
    f["c_in_el_sent=" + _bucket(len(c_sents & el_sents))] = 1
    for c in cms[:6]:
        _context("c_", art, c.start, c.end, f, k=2)
    f["c_rule_host"] = int(cc == art.rule_host)
    f["c_dateline"] = int(cc == art.dateline)
    f["c_first"] = int(cc == art.first_country)
    if any(cm.country == cc for cm in art.ctx.comms):
        f["c_commission"] = 1
    if any(o.org.kind == "legislature" and o.org.country == cc for o in art.ctx.orgs):
        f["c_legislature"] = 1
    art._country_part[cc] = f
    return f


def _mission_features(art: ArticleView, key: str, oms: list[Any], cc: str, cms: list[Any],
                      groups: dict[str, list[Any]], hosts: dict[str, list[Any]]) -> Features:
    f: Features = {"bias": 1}
    f.update(_org_part(art, key, oms, groups))
    f.update(_country_part(art, cc, cms, hosts))
    o_sents = {art.sent_idx(o.start) for o in oms}
    c_sents = {art.sent_idx(c.start) for c in cms}
    same = o_sents & c_sents
    f["same_sent=" + _bucket(len(same))] = 1
    if c_sents:
        f["min_dist=" + _bucket(min(abs(a - b) for a in o_sents for b in c_sents))] = 1
    else:
        f["c_no_mention"] = 1
    f["n_orgs=" + _bucket(len(groups))] = 1
    f["n_hosts=" + _bucket(len(hosts))] = 1
    for si in sorted(same):
        s, e = art.ctx.sents[si]
        for t in art.doc.char_span(s, e, alignment_mode="expand") or ():
            if t.pos_ in ("VERB", "NOUN") and not t.is_stop:
                f["ocs=" + t.lemma_.lower()] = 1
    for o in oms[:4]:
        for c in cms[:6]:
            if art.sent_idx(o.start) == art.sent_idx(c.start):
                p = _dep_path(art.root(o.start, o.end), art.root(c.start, c.end))
                if p:
                    f["oc_path=" + p[0]] = 1
                    f["oc_pathlen=" + _bucket(p[1])] = 1
    return f


def slot_values(art: ArticleView, slot: str) -> list[tuple[int, int, Any]]:
    """Every mention of a slot's kind: ``(start, end, normalized value)``."""
    if slot not in art._values:
        art._values[slot] = _slot_values(art, slot)
    return art._values[slot]


def _slot_values(art: ArticleView, slot: str) -> list[tuple[int, int, Any]]:
    c = art.ctx
    if slot.startswith("observers."):
        return [(n.start, n.end, n.value) for n in c.numbers]
    if slot == "election.date":
        out: list[tuple[int, int, Any]] = []
        for d in c.dates:
            day = d.value if d.explicit_year else d.election_day(art.published, past=False)
            out.extend((d.start, d.end, v.isoformat()) for v in (day, *_other_weekday(d, art.published, day)))
        return out
    if slot == "start_date":
        return [(d.start, d.end, v.isoformat()) for d in c.dates
                for v in (d.value, *_other_weekday(d, art.published, d.value))]
    if slot == "head":
        people = [(e.start_char, e.end_char, _person(e.text)) for e in art.doc.ents if e.label_ == "PERSON"]
        runs = _name_runs(art, people)
        art._name_runs = {(s, e) for s, e, _ in runs}
        people = sorted(people + runs)
        # a later "Mumba" is the "Nevers Mumba" named before: give the head's fullest form
        fullest: dict[str, str] = {}
        for _, _, name in people:
            last = name.split()[-1].lower() if name.split() else ""
            if len(name.split()) > len(fullest.get(last, "").split()):
                fullest[last] = name
        return [(s, e, fullest.get(n.split()[-1].lower(), n) if n.split() else n) for s, e, n in people]
    if slot == "member_countries":
        return [(m.start, m.end, m.code) for m in c.countries]
    if slot == "member_organizations":
        return sorted([(o.start, o.end, o.name) for o in c.orgs] + [(o.start, o.end, o.org.name) for o in art.open_orgs])
    if slot == "accredited_by":
        return [(m.start, m.end, (m.name, m.country, m.own_country)) for m in c.comms]
    if slot == "election.type":
        described = _described_types(art)
        art._described = {(s, e): n for s, e, _, n in described}
        return sorted([(e.start, e.end, e.type) for e in art.elections if e.type]
                      + [(s, e, typ) for s, e, typ, _ in described])
    raise KeyError(slot)


#: Words that stand before a name as a title or an office, not as part of it ("Ambassador Jennifer
#: Brush", "Chief Observer Miroslav Poche", "H.E. Bernard Makuza", "retired Lieutenant General X").
_TITLES = frozenset("""
    mr mrs ms miss mister madam dr prof professor sir dame lord lady baroness baron hon honourable
    honorable rt right excellency h.e. amb ambassador senator sen general gen lieutenant lt colonel col
    major maj brigadier retired rtd judge justice chief head observer mission president vice-president
    vice former minister prime deputy speaker mp mep chair chairman chairwoman chairperson barrister
    advocate bishop archbishop rev reverend sheikh dato datuk tan sri commissioner secretary governor
    mayor king queen prince princess emeritus
""".split())
#: Head nouns of bodies and places, which a person's name does not contain.
_INSTITUTIONS = frozenset("""
    commission committee court party union ministry office forum secretariat mission group team
    government agency bank university institute centre center foundation network coalition
    organisation organization association federation alliance movement front council board tribunal
    department service unit embassy republic kingdom state states province region district city
    island islands airport hotel hall square street road day week news times post
""".split())
#: Labels of mentions that are no person's name.
_NOT_NAMES = ("countries", "orgs", "comms", "dates", "numbers")


def _name_runs(art: ArticleView, people: list[tuple[int, int, Any]]) -> list[tuple[int, int, str]]:
    """Head candidates the NER missed: runs of two or more capitalized proper nouns (joined by
    in-word hyphens: "Masire-Mwamba"), without the titles before them, that no country, catalogue
    organization, commission, date or number covers and that are not (part of) an NER person: the
    run may extend one ("Geert-Hinrich Ahrens" where the NER saw "Geert-Hinrich"). "Chief Observer
    Miroslav Poche" gives "Miroslav Poche". The small model's NER misses many names from outside its training news; the
    scorer weighs these by their source (``head_src=``) and their entity label (``head_ent=``)."""
    doc, text = art.doc, art.text
    taken = sorted((m.start, m.end) for kind in _NOT_NAMES for m in getattr(art.ctx, kind))
    runs: list[list[int]] = []
    cur: list[int] = []
    for t in doc:
        word = t.pos_ == "PROPN" and t.text[:1].isupper()
        hyphen = (t.text == "-" and cur and not doc[t.i - 1].whitespace_ and not t.whitespace_
                  and t.i + 1 < len(doc) and doc[t.i + 1].pos_ == "PROPN")
        if word or hyphen:
            cur.append(t.i)
        else:
            if cur:
                runs.append(cur)
            cur = []
    if cur:
        runs.append(cur)
    out: list[tuple[int, int, str]] = []
    for run in runs:
        while run and (doc[run[0]].text.lower().rstrip(".") in _TITLES or doc[run[0]].text.lower() in _TITLES
                       or doc[run[0]].text == "-"):
            run = run[1:]
        while len(run) > 2 and doc[run[-1]].text.isupper() and len(doc[run[-1]].text) > 1:
            run = run[:-1]  # "Margaret Wilson DNZM": honours after the name
        words = [i for i in run if doc[i].text != "-"]
        if len(words) < 2 or all(doc[i].text.isupper() for i in words):
            continue  # one word is too little to tell; all capitals is a heading
        if any(doc[i].lower_ in _INSTITUTIONS or doc[i].lemma_.lower() in _OFFICES for i in words):
            continue  # "National Parliament", "Law Reform Commission": a body, not a person
        s, e = doc[run[0]].idx, doc[run[-1]].idx + len(doc[run[-1]])
        if any(a < e and s < b for a, b in taken):
            continue
        if any(a < e and s < b and not (s <= a and b <= e and (s, e) != (a, b)) for a, b, _ in people):
            continue  # the NER's person already, or part of one; a run that extends it is kept
        out.append((s, e, text[s:e]))
    return out


#: What an election fills, by the lemma of what voters elect ("elect a president", "choose the
#: members of the National Parliament", "vote for a new parliament").
_OFFICES = {
    **dict.fromkeys(("president", "presidency", "vice-president", "head"), "presidential"),
    **dict.fromkeys(("parliament", "legislature", "congress", "senate", "assembly", "house", "chamber", "deputy",
                     "mp", "lawmaker", "legislator", "senator", "representative", "parliamentarian", "congressman",
                     "congresswoman", "duma", "majlis", "khural", "sejm", "rada", "kenesh"), "parliamentary"),
    **dict.fromkeys(("mayor", "councillor", "councilor", "council", "municipality", "alderman"), "local"),
    **dict.fromkeys(("governor", "governorship"), "regional"),
}
_LOCAL_MODS = frozenset({"local", "municipal", "city", "district", "town", "village", "communal"})
_REGIONAL_MODS = frozenset({"provincial", "regional", "state", "county", "gubernatorial"})
_PART_OF = frozenset({"member", "seat", "chamber", "half", "third", "all", "both"})
_ELECT_VERBS = frozenset({"elect", "choose", "pick", "select", "fill", "renew", "vote"})


def _office_type(t: Token, depth: int = 0) -> str | None:
    """The election type a noun names as the thing elected, or None."""
    lemma = t.lemma_.lower()
    if lemma in _PART_OF and depth < 2:  # "128 members of Congress", "both chambers of parliament"
        for p in t.children:
            if p.dep_ == "prep" and p.lower_ == "of":
                for o in p.children:
                    if o.dep_ == "pobj":
                        return _office_type(o, depth + 1)
    mods = {c.lemma_.lower() for c in t.children if c.dep_ in ("amod", "compound") and c.text.islower()}
    typ = _OFFICES.get(lemma)
    if typ is None and t.pos_ == "PROPN":  # "the State Great Khural", "the National Assembly"
        typ = next((_OFFICES[w.lemma_.lower()] for w in t.subtree if w.lemma_.lower() in _OFFICES
                    and _OFFICES[w.lemma_.lower()] == "parliamentary"), None)
    if typ in ("parliamentary", "local") and mods & _REGIONAL_MODS:
        return "regional"  # "provincial assemblies"
    if typ in ("parliamentary", None) and lemma in ("government", "council", "assembly") and mods & _LOCAL_MODS:
        return "local"  # "local governments", "municipal councils"
    return typ


def _described_types(art: ArticleView) -> list[tuple[int, int, str, int]]:
    """Election types an article gives by what voters elect, not by name: "Uzbekistan elects a
    president on Sunday" (presidential), "to choose a president, a vice-president and all 166
    members of the Legislative Assembly" (presidential and parliamentary, so general as well),
    "Mongolians voted for a new parliament". ``(start, end, type, number of types named)`` for the
    verb's span; a description that names several offices gives each one's type and "general"."""
    out: list[tuple[int, int, str, int]] = []
    for v in art.doc:
        if v.pos_ not in ("VERB", "AUX") or v.lemma_.lower() not in _ELECT_VERBS:
            continue
        objs: list[Token] = []
        for c in v.children:
            if v.lemma_.lower() == "vote":
                if c.dep_ == "prep" and c.lower_ == "for":
                    objs += [o for o in c.children if o.dep_ == "pobj"]
            elif c.dep_ in ("dobj", "nsubjpass"):
                objs.append(c)
        types: set[str] = set()
        for o in objs:
            for t in (o, *o.conjuncts, *(a for x in (o, *o.conjuncts) for c in x.children if c.dep_ == "appos"
                                         for a in (c, *c.conjuncts))):
                typ = _office_type(t)
                if typ is not None:
                    types.add(typ)
        if not types:
            continue
        named = (*sorted(types), "general") if len(types) > 1 else tuple(types)
        out.extend((v.idx, v.idx + len(v), typ, len(types)) for typ in named)
    return out


def _other_weekday(d: Any, published: date | None, chosen: date) -> list[date]:
    """A bare weekday ("Saturday's vote", "on Sunday") names the last such day or the next one: the
    one of the two that ``chosen`` is not. Which is meant is for the scorer to weigh (the tense of the
    clause against the direction: :func:`_date_direction`)."""
    if d.weekday is None or published is None:
        return []
    other = {resolve_weekday(published, d.weekday, future=True), resolve_weekday(published, d.weekday, future=False)}
    other.discard(chosen)
    return sorted(other)


def _clause_tense(tok: Token | None) -> str:
    """The tense of the clause a mention belongs to: "fut" ("will observe", "is to open", "plans to
    send"), "past" ("observed", "had arrived"), "pres" or "none" (no verb governs it)."""
    verb = _first_verb(tok) if tok is not None else None
    if verb is None:
        return "none"
    chain = [verb, *[c for c in verb.children if c.dep_ in ("aux", "auxpass")]]
    if verb.dep_ == "xcomp" and verb.head.pos_ in ("VERB", "AUX"):
        chain += [verb.head, *[c for c in verb.head.children if c.dep_ in ("aux", "auxpass")]]
        if verb.head.lemma_.lower() in ("be", "plan", "expect", "intend", "schedule", "set", "due"):
            return "fut"
    if any(t.lemma_.lower() in ("will", "shall", "'ll") for t in chain):
        return "fut"
    if any(t.tag_ == "VBD" for t in chain):
        return "past"
    if any(t.lemma_.lower() == "have" and t.dep_ == "aux" for t in chain):
        return "past"  # "have observed": done by now
    return "pres"


def _date_direction(value: str, published: date | None) -> str:
    if published is None:
        return "unknown"
    d = date.fromisoformat(value)
    return "same" if d == published else ("past" if d < published else "future")


#: Dependencies that leave a name's own noun phrase (a clause about it, another list member).
_CLAUSES = frozenset({"relcl", "acl", "advcl", "conj", "cc", "ccomp", "xcomp", "parataxis", "punct"})


def head_country(art: ArticleView, start: int, end: int) -> str | None:
    """The country a head of mission comes from, when the noun phrase of their name says it:
    "Kenya's Amina Mohamed", "former Zambian Vice-President Nevers Mumba", "Nevers Mumba, a former
    vice-president of Zambia", "Tiny Kox (Netherlands)". Countries in clauses about the person
    ("who observed the vote in Kenya") are not theirs. The nearest such mention wins."""
    root = art.root(start, end)
    if root is None:
        return None
    inside_np: set[int] = set()
    stack = [root]
    while stack:
        t = stack.pop()
        inside_np.add(t.i)
        stack.extend(c for c in t.children if c.dep_ not in _CLAUSES)
    best: tuple[int, str] | None = None
    for c in art.ctx.countries:
        idxs = art.tokens(c.start, c.end)
        if idxs and all(i in inside_np for i in idxs) and not (start <= c.start < end):
            dist = min(abs(c.start - start), abs(c.start - end))
            if best is None or dist < best[0]:
                best = (dist, c.code)
    return best[1] if best else None


def _person(text: str) -> str:
    text = text.strip()
    for suffix in ("'s", "’s"):
        text = text.removesuffix(suffix)
    return text


def _mention_part(art: ArticleView, s: int, e: int) -> Features:
    """A mention's own features (patterns, vectors, context), the same for every mission and slot."""
    key = (s, e)
    if key not in art._mention:
        f: Features = {}
        _patterns("", art, [(s, e)], f)
        _vector("vm", art, [(s, e)], f)
        tok = art.root(s, e)
        if tok is not None:
            _vector("vh", art, [(tok.head.idx, tok.head.idx + len(tok.head))], f)
        _context("", art, s, e, f, k=3)
        art._mention[key] = f
    return art._mention[key]


def _slot_features(art: ArticleView, slot: str, s: int, e: int, value: Any, key: str, oms: list[Any],
                   cc: str, groups: dict[str, list[Any]]) -> Features:
    f: Features = {"bias": 1}
    f.update(_mention_part(art, s, e))
    tok = art.root(s, e)
    i = art.sent_idx(s)
    o_sents = [art.sent_idx(o.start) for o in oms]
    dist = min(abs(i - j) for j in o_sents)
    f["odist=" + _bucket(dist)] = 1
    before = [j for j in o_sents if j <= i]
    f["o_before=" + _bucket(i - max(before) if before else 99)] = 1
    other = [art.sent_idx(o.start) for k, os_ in groups.items() if k != key for o in os_]
    if other:
        od = min(abs(i - j) for j in other)
        f["other_closer" if od < dist else ("other_tie" if od == dist else "other_farther")] = 1
    else:
        f["no_other"] = 1
    # whose mention comes just before and just after it: a list after "the EU mission" is the EU's
    before_o = max(((o.start, k) for k, os_ in groups.items() for o in os_ if o.end <= s), default=None)
    after_o = min(((o.start, k) for k, os_ in groups.items() for o in os_ if o.start >= e), default=None)
    f["prev_org=" + ("none" if before_o is None else "self" if before_o[1] == key else "other")
      + ("_same_sent" if before_o is not None and art.sent_idx(before_o[0]) == i else "")] = 1
    f["next_org=" + ("none" if after_o is None else "self" if after_o[1] == key else "other")
      + ("_same_sent" if after_o is not None and art.sent_idx(after_o[0]) == i else "")] = 1
    same = [o for o in oms if art.sent_idx(o.start) == i]
    if same:
        p = _dep_path(tok, art.root(same[0].start, same[0].end))
        if p:
            f["path=" + p[0]] = 1
            f["pathlen=" + _bucket(p[1])] = 1
        near = [x for x in art.tokens(same[0].start, same[0].end)]
        here = art.tokens(s, e)
        if near and here:
            f["tokdist=" + _bucket(abs(here[0] - near[0]), (1, 2, 4, 8, 16, 32))] = 1
    text = art.text
    if slot.startswith("observers."):
        v = int(value)
        f["num_year"] = int(1900 <= v <= 2100)
        f["num_mag=" + _bucket(v, (1, 5, 10, 50, 100, 500, 1000, 5000))] = 1
        here = art.tokens(s, e)
        doc = art.doc
        if here:
            nxt = here[-1] + 1
            if nxt < len(doc) and doc[nxt].text in (":", ".") and nxt + 1 < len(doc) and doc[nxt + 1].like_num \
                    and not doc[nxt].whitespace_:
                f["num_clock"] = 1  # "10:30", "9.45"
            if here[0] > 0 and doc[here[0] - 1].text == "(":
                f["num_paren"] = 1
            for j in range(1, 5):
                k = here[-1] + j
                if k < len(doc) and doc[k].pos_ == "NOUN":
                    f["num_noun=" + doc[k].lemma_.lower()] = 1
                    break
            if tok is not None:  # what the counted noun is: "40 long-term observers", "a 12-member team"
                for c in tok.head.children:
                    if c.dep_ in ("amod", "compound") and c.i not in here:
                        f["num_head_mod=" + c.lemma_.lower()] = 1
    if slot in ("election.date", "start_date"):
        dm = next((d for d in art.ctx.dates if d.start == s), None)
        if dm is not None:
            f["date_kind=" + dm.kind] = 1
            f["date_ranged"] = int(dm.ranged)
            f["date_year"] = int(dm.explicit_year)
        f["el_same_sent"] = int(any(art.sent_idx(el.start) == i for el in art.elections))
        if any(el.date is not None and el.date.start == s for el in art.elections):
            f["is_el_date"] = 1
        # which way the date lies from the publication day, against the tense of its clause
        # ("results from Saturday's vote came in": last Saturday; "ahead of Saturday's vote": next)
        direction, tense = _date_direction(str(value), art.published), _clause_tense(tok)
        f["dir=" + direction] = 1
        f["dir_tense=" + direction + "_" + tense] = 1
        if dm is not None and dm.weekday is not None:
            f["wd_dir_tense=" + direction + "_" + tense] = 1
        in_sent = [el for el in art.elections if art.sent_idx(el.start) == i]
        if in_sent and tok is not None:
            nearest = min(in_sent, key=lambda el: abs(el.start - s))
            p = _dep_path(tok, art.root(nearest.start, nearest.end))
            if p:
                f["elpath=" + p[0]] = 1
                f["elpathlen=" + _bucket(p[1])] = 1
            if tok.head.i in art.tokens(nearest.start, nearest.end):
                f["el_dep=" + tok.dep_] = 1  # "Saturday's vote", "the vote on 5 June"
    if slot == "member_countries":
        f["is_host"] = int(value == cc)
        cm = next((m for m in art.ctx.countries if m.start == s), None)
        if cm is not None and cm.demonym:
            f["demonym"] = 1
        f["countries_in_sent=" + _bucket(sum(1 for m in art.ctx.countries if art.sent_idx(m.start) == i))] = 1
    if slot == "member_organizations":
        om = next((o for o in (*art.ctx.orgs, *art.open_orgs) if o.start == s), None)
        if om is not None:
            f["organ"] = int(om.organ)
            f["same_org_key"] = int(om.org.key == key)
            f["kind=" + om.org.kind] = 1
    if slot == "accredited_by":
        _, country, _own = value
        f["comm_country_is_host"] = int(country == cc)
        f["comm_country_none"] = int(country is None)
    if slot == "head":
        f["ntoks=" + _bucket(len(text[s:e].split()))] = 1
        if (s, e) in art._name_runs:
            f["head_src=propn"] = 1
            ent = art.doc[art.tok_at[e - 1]].ent_type_ if art.tok_at[e - 1] >= 0 else ""
            f["head_ent=" + (ent or "none")] = 1
        else:
            f["head_src=ner"] = 1
    if slot == "election.type":
        f["type=" + str(value)] = 1
        if (s, e) in art._described:
            f["type_src=desc"] = 1
            f["desc_types=" + _bucket(art._described[(s, e)], (1, 2, 3))] = 1
    return f


def _relative(art: ArticleView, rows: list[SlotCandidate], oms: list[Any]) -> None:
    """Features that compare a candidate with the other candidates of its slot."""
    if not rows:
        return
    o_tok = [art.tok_at[o.start] if art.tok_at[o.start] >= 0 else 0 for o in oms]
    dists = [min(abs(max(art.tok_at[r.start], 0) - x) for x in o_tok) for r in rows]
    rank = {k: r for r, k in enumerate(sorted(range(len(rows)), key=lambda k: dists[k]))}
    counts = Counter(str(r.value) for r in rows)
    last = {str(r.value): k for k, r in enumerate(rows)}
    for k, r in enumerate(rows):
        f = r.features
        f["rank_dist=" + _bucket(rank[k], (0, 1, 2, 4))] = 1
        f["n_same_value=" + _bucket(counts[str(r.value)], (1, 2, 3))] = 1
        f["n_cands=" + _bucket(len(rows), (1, 2, 4, 8))] = 1
        f["is_first"] = int(k == 0)
        f["is_last"] = int(k == len(rows) - 1)
        f["is_last_of_value"] = int(last[str(r.value)] == k)
        f["pos=" + _bucket(int(10 * r.start / max(1, len(art.text))), (0, 1, 3, 6, 9))] = 1


def rule_has(slot: str, rule: dict[str, Any] | None, value: Any) -> bool:
    """Whether the v1 rules' mission holds ``value`` in ``slot`` (compared as the scorer does)."""
    from ..matching import same_commission, same_name, same_person

    if rule is None:
        return False
    if slot.startswith("observers."):
        return bool((rule.get("observers") or {}).get(slot.split(".")[1]) == value)
    if slot == "election.date":
        return bool((rule.get("election") or {}).get("date") == value)
    if slot == "election.type":
        return bool((rule.get("election") or {}).get("type") == value)
    if slot == "start_date":
        return bool(rule.get("start_date") == value)
    if slot == "head":
        return bool(rule.get("head")) and same_person(rule["head"], value)
    if slot == "member_countries":
        return value in (rule.get("member_countries") or [])
    if slot == "member_organizations":
        return any(same_name(x, value) for x in rule.get("member_organizations") or [])
    if slot == "accredited_by":
        return bool(rule.get("accredited_by")) and same_commission(rule["accredited_by"], accreditor_name(value))
    raise KeyError(slot)


def accreditor_name(value: tuple[str, str | None, bool]) -> str:
    """The accrediting body's name as the facts view gives it ("Central Election Commission of X")."""
    name, country, own = value
    return name if own or country is None else f"{name} of {country_name(country)}"


def mission_candidates(art: ArticleView) -> list[MissionCandidate]:
    """Every organizer × host pair of the article, with its features (slots come later: :func:`fill_slots`)."""
    groups = _org_groups(art)
    hosts = _hosts(art)
    out: list[MissionCandidate] = []
    for key, oms in groups.items():
        org = oms[0].org
        for cc, cms in hosts.items():
            if org.kind == "legislature" and org.country == cc:
                continue  # a parliament does not observe its own country's election
            f = _mission_features(art, key, oms, cc, cms, groups, hosts)
            rule = _rule_mission(art, org, cc)
            if rule is not None:
                f["rule_mission"] = 1
            out.append(MissionCandidate(org, cc, oms, cms, f, rule=rule))
    return out


#: An organ named without its parent ("the Community Court of Justice", "the Council of the Wise",
#: "its Secretariat"): capitalized words ending in the head noun of a body, with an "of" phrase.
_BARE_ORGAN = re.compile(rf"\b({ORGAN_PHRASE})\b")


def _bare_organs(art: ArticleView) -> list[tuple[int, int, str]]:
    """Organ phrases that name no catalogue organization, commission or country: an organ of
    whichever organization's mission they are listed for (named with that parent)."""
    if art._bare is None:
        taken = _gazetteer_spans(art.ctx)
        art._bare = [(m.start(1), m.end(1), re.sub(r"\s+", " ", m.group(1)))
                     for m in _BARE_ORGAN.finditer(art.text)
                     if not any(a < m.end(1) and m.start(1) < b for a, b in taken)]
    return art._bare


def fill_slots(art: ArticleView, cand: MissionCandidate) -> MissionCandidate:
    """Generate a mission candidate's slot candidates with their features (done only for the
    candidates that matter: true missions when training, kept missions when extracting)."""
    if cand.slots:
        return cand
    groups = _org_groups(art)
    key = cand.org.key
    oms = cand.org_mentions
    for slot in SLOTS:
        rows: list[SlotCandidate] = []
        for s, e, v in slot_values(art, slot):
            if slot == "member_organizations" and any(
                    o.start == s and o.org.key == key and not o.organ for o in art.ctx.orgs):
                continue  # the organizer is not its own member
            sf = _slot_features(art, slot, s, e, v, key, oms, cand.country, groups)
            extra = getattr(art, "slot_features", None)  # a language's view may add its own (Russian)
            if extra is not None:
                sf.update(extra(slot, s, e, v, cand, groups))
            if rule_has(slot, cand.rule, v):
                sf["rule_value"] = 1
            rows.append(SlotCandidate(slot, s, e, v, sf))
        if slot == "member_organizations" and cand.org.kind != "open":  # an organ is named after a known parent
            parent = cand.org.short_name
            bare = _bare_organs(art)
            if bare:
                rows = [r for r in rows if not any(a < r.end and r.start < b for a, b, _ in bare)]
                for s, e, phrase in bare:
                    sf = _slot_features(art, slot, s, e, f"{parent} {phrase}", key, oms, cand.country, groups)
                    sf["organ"] = sf["bare_organ"] = 1
                    rows.append(SlotCandidate(slot, s, e, f"{parent} {phrase}", sf))
                rows.sort(key=lambda r: r.start)
        _relative(art, rows, oms)
        cand.slots[slot] = rows
    return cand
