"""Extractor v2 on Russian text: natasha's analysis (:mod:`.nlp`), Russian mentions
(:mod:`.gazetteer`, :mod:`.dates`), the Tier-1 patterns of ``kgbuild/data/patterns-ru.jsonl`` and a
scorer trained on Russian gold (``kgbuild/data/scorer-ru.json.gz``). Candidates, features and
decisions are extractor v2's own (:mod:`kgbuild.extract.learned`, :mod:`kgbuild.extract.scorer`):
only the analysis and the mentions are Russian.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from functools import cache
from typing import TYPE_CHECKING, Any

from ...catalog import Organization, country_name
from ...errors import ExtractionError
from ...matching import same_name
from ...model import Article, Mission
from ..context import Context, _split_paragraphs, inside
from ..gazetteer import OrgMention
from ..learned import ArticleView, ChainMatcher, load_patterns, mission_candidates
from ..scorer import Scorer, packaged_scorer
from .dates import find_dates, find_elections, find_numbers
from .gazetteer import (
    doc_words,
    find_commissions,
    find_countries,
    find_organizations,
    find_organs,
    official_commission,
)
from .nlp import RussianNLP

if TYPE_CHECKING:
    from spacy.tokens import Doc

__all__ = ["RU_MODEL", "RU_VERSION", "RussianExtractor", "RussianView", "default_ru_scorer", "is_russian_scorer",
           "members_of_the_nearest_mission", "mention_owner", "partners_are_not_members", "ru_patterns",
           "starts_before_the_vote"]

#: What a Russian scorer artifact records as its pipeline (``pipeline.model``).
RU_MODEL = "natasha"
#: Bump whenever the Russian output for the same input can change.
RU_VERSION = "kgbuild-extract-ru/0.9.0"
#: Where the packaged Russian scorer lives inside the package (gzipped JSON).
RU_PACKAGED = "data/scorer-ru.json.gz"


@cache
def ru_patterns() -> tuple[dict[str, Any], ...]:
    """The Russian Tier-1 dependency patterns (``kgbuild/data/patterns-ru.jsonl``)."""
    return load_patterns("data/patterns-ru.jsonl")


@cache
def default_ru_scorer() -> Scorer:
    """The Russian scorer packaged with kgbuild (``kgbuild/data/scorer-ru.json.gz``)."""
    return packaged_scorer(RU_PACKAGED, retrain="kgbuild train --lang ru")


def is_russian_scorer(scorer: Scorer) -> bool:
    """Whether an artifact was trained on the Russian pipeline."""
    return str((scorer.meta.get("pipeline") or {}).get("model")) == RU_MODEL


def ru_context(doc: Doc, published: date | None) -> Context:
    """The article's mentions, found in Russian: the same :class:`Context` the English rules build."""
    text = doc.text
    sents = [(s.start_char, s.end_char) for s in doc.sents]
    persons = [(e.start_char, e.end_char) for e in doc.ents if e.label_ == "PERSON"]
    ctx = Context(text, published, _split_paragraphs(text, sents), persons)
    ctx.orgs = find_organs(text, find_organizations(text, doc_words(doc)))
    countries = find_countries(text)
    ctx.comms = find_commissions(text, countries)
    blocked = [(o.start, o.end) for o in ctx.orgs]
    ctx.countries = [c for c in countries if not inside(c.start, blocked)]
    ctx.dates = find_dates(text, published=published)
    dspans = [(d.start, d.end) for d in ctx.dates]
    ctx.numbers = [n for n in find_numbers(text) if not inside(n.start, dspans) and not inside(n.start, blocked)]
    return ctx


_INITIALS = r"[А-ЯЁ]\.\s?[А-ЯЁ]\.?"


def _surname(name: str) -> str:
    words = [w for w in re.findall(r"[\w-]+", name) if len(w) > 1]
    return max(words, key=len).lower() if words else name.lower()


@dataclass
class RussianView(ArticleView):
    """An :class:`ArticleView` of a Russian article: its elections, host guess and head names
    come from the Russian readers; organizations the catalogue does not know and cities are not
    candidates (the gold names organizations in English)."""

    def __post_init__(self) -> None:
        super().__post_init__()
        ctx = self.ctx
        self.elections = find_elections(ctx.text, ctx.dates, ctx.sents)
        self.rule_host = _host_guess(ctx, self.elections)
        ctx.comms = [official_commission(cm, self.rule_host) for cm in ctx.comms]
        self.dateline = None
        self.open_orgs = _commission_organizers(ctx)
        self.cities = []
        self._values = {"head": _heads(self), "member_countries": _member_countries(ctx)}
        for om in _parents_of_named(ctx):
            for i in self.tokens(om.start, om.end):
                self.pat[i].add("org.parent-named")
        #: the indexes of the sentences that speak of accreditation or registration
        self.acc_sents = _accreditation_sents(self)
        countries = [(c.start, c.end) for c in ctx.countries]
        for cm in _commissions_in_accreditation(self):
            for i in self.tokens(cm.start, cm.end):
                if not inside(self.doc[i].idx, countries):  # the commission's words, not its country's
                    self.pat[i].add("acc.sent")

    def slot_features(self, slot: str, start: int, end: int, value: Any, cand: Any,
                      groups: dict[str, list[Any]]) -> dict[str, float]:
        """Russian features of one slot candidate, beside extractor v2's own (``fill_slots`` adds
        them): for an accrediting body, :func:`accreditation_scope`."""
        if slot == "accredited_by":
            return accreditation_scope(self, start, cand.org.key, groups)
        return {}


#: Lemmas that say a sentence is about accrediting or registering observers.
_ACCREDITATION_LEMMAS = frozenset({
    "аккредитовать", "аккредитовывать", "аккредитация", "аккредитованный", "аккредитационный",
    "зарегистрировать", "регистрировать", "регистрация", "зарегистрированный",
})


#: Nouns a number counts when a sentence sums up observers of many bodies ("1544 наблюдателя от 76
#: международных организаций", "из 43 стран"): not one mission's accreditation.
_MANY_BODIES = frozenset({"организация", "страна", "государство", "миссия"})


def _accreditation_sents(art: ArticleView) -> frozenset[int]:
    """The indexes of the sentences that speak of accreditation or registration (any form of
    :data:`_ACCREDITATION_LEMMAS`)."""
    out = set()
    for k, (s, e) in enumerate(art.ctx.sents):
        span = art.doc.char_span(s, e, alignment_mode="expand") or ()
        if any(t.lemma_.lower() in _ACCREDITATION_LEMMAS for t in span):
            out.add(k)
    return frozenset(out)


def accreditation_scope(art: RussianView, start: int, key: str, groups: dict[str, list[Any]]) -> dict[str, float]:
    """What an accrediting-body candidate's commission mention at ``start`` is said about: how far
    the nearest sentence on accreditation lies (``acc_near=``: its own sentence, the next or previous
    one, elsewhere in the article, nowhere); which observers its sentence names (``acc_names=``:
    this mission's organizer, only others, none); and whether that sentence counts bodies
    (``acc_many``: a number of organizations, countries or missions, as a sum of every foreign
    observer accredited gives: "аккредитовал 1544 наблюдателя от 76 международных организаций")."""
    f: dict[str, float] = {}
    i = art.sent_idx(start)
    near = min((abs(k - i) for k in art.acc_sents), default=None)
    f["acc_near=" + ("none" if near is None else "sent" if near == 0 else "next" if near == 1 else "far")] = 1
    named = {k for k, oms in groups.items() for o in oms
             if art.sent_idx(o.start) == i and not o.start <= start < o.end}  # not the commission itself
    f["acc_names=" + ("self" if key in named else "other" if named else "none")] = 1
    s, e = art.ctx.sents[i]
    for t in art.doc.char_span(s, e, alignment_mode="expand") or ():
        if t.like_num and t.head.lemma_.lower() in _MANY_BODIES and t.head.i != t.i:
            f["acc_many"] = 1
            break
    return f


def _commissions_in_accreditation(art: RussianView) -> list[Any]:
    """Commission mentions in a sentence that speaks of accreditation or registration, whatever its
    syntax ("получили аккредитацию ЦИК", "аккредитованы Центризбиркомом", "ЦИК ... выдал
    аккредитацию"): a commission named in a briefing on the vote that accredits nobody is not the
    accrediting body. Marked with a pattern hit (``acc.sent``), a feature of the accredited_by
    candidate; the dependency patterns ``acc.subj`` and ``acc.noun`` mark only the direct arguments."""
    return [cm for cm in art.ctx.comms if art.sent_idx(cm.start) in art.acc_sents]


def _parents_of_named(ctx: Context) -> list[OrgMention]:
    """Mentions of an organization whose name the article also uses inside another organization's
    name ("наблюдатели ОБСЕ" beside "БДИПЧ ОБСЕ", "ПА ОБСЕ"): the parent of a body that is named,
    which Russian copy cites loosely for that body's observers. Marked with a pattern hit
    (``org.parent-named``), a feature of the organizer's mentions."""
    out = []
    for om in ctx.orgs:
        own = ctx.text[om.start : om.end]
        if any(o.org.key != om.org.key and own in ctx.text[o.start : o.end] for o in ctx.orgs):
            out.append(om)
    return out


def _member_countries(ctx: Context) -> list[tuple[int, int, Any]]:
    """Member country candidates: the countries named, and the country of each national body named
    ("депутат Государственной Думы Федерального Собрания Российской Федерации" puts Russia in the
    delegation, though the country's name lies inside the body's and is no country mention)."""
    found = [(m.start, m.end, m.code) for m in ctx.countries]
    found += [(o.start, o.end, o.org.country) for o in ctx.orgs if o.org.country]
    return sorted(found)


def _commission_organizers(ctx: Context) -> list[OrgMention]:
    """National election commissions the article ties to a country ("ЦИК России", "российский
    Центризбирком"), as organizers: a commission sends observers abroad as a parliament does,
    named as the gold names it ("Central Election Commission of Russia"), never observing its own
    country's election (``kind`` legislature with its ``country``: the candidates skip that pair).
    Other organizations the catalogue does not know are not candidates: the gold names them in
    English, which a Russian name never matches."""
    orgs: dict[str, Organization] = {}
    out = []
    for cm in ctx.comms:
        if cm.country is None:
            continue
        name = f"{cm.name} of {country_name(cm.country)}"
        key = "open:" + name.lower()
        org = orgs.setdefault(key, Organization(key, name, (), (), None, "legislature", cm.country))
        out.append(OrgMention(cm.start, cm.end, org, name))
    return out


def mention_owner(view: ArticleView, start: int, organizers: list[Any]) -> str | None:
    """The organizer a mention at ``start`` speaks of: the one of ``organizers`` (organization
    mentions) whose name holds it ("ЦИК Грузии"), else the one named nearest before it in its
    sentence ("миссия СНГ, в которую вошли ..."), else the one named last before its sentence ("В
    группу вошли ..." after the sentence that names the group), else the first named after it in its
    sentence; ``None`` when none is named before the end of its sentence."""
    holding = [o for o in organizers if o.start <= start < o.end]
    if holding:
        return str(holding[0].org.key)
    s, e = view.ctx.sent_of(start)
    before = [o for o in organizers if o.end <= start]
    if before:
        return str(max(before, key=lambda o: o.start).org.key)
    after = [o for o in organizers if start < o.start < e]
    return str(min(after, key=lambda o: o.start).org.key) if after else None


def members_of_the_nearest_mission(view: ArticleView, candidates: list[Any], missions: list[Mission],
                                   scorer: Scorer) -> list[Mission]:
    """Give each mention of a member country to one organizer: the one the article named last before
    it (:func:`mention_owner`). A list of countries ("В группу вошли депутаты парламентов
    Азербайджана, Беларуси ...") describes the delegation just named, not every mission of the
    article, whose member-country decisions read each mention alone. A mission keeps a member
    country only from a mention the scorer accepts for it and that belongs to its organizer (or to
    no organizer), with that mention's evidence. Nothing changes when one organizer is kept.
    (The same rule for the total count lowered its grouped cross-validation, 0.737 to 0.698: a
    count is said before the organizer it belongs to, "17 - от Межпарламентской ассамблеи СНГ".)"""
    by_key = {(c.org.name, c.country): c for c in candidates}
    kept = [by_key[(m.organizer, m.country)] for m in missions if (m.organizer, m.country) in by_key]
    if len({c.org.key for c in kept}) < 2 or "member_countries" not in scorer.models:
        return missions
    organizers = sorted({(o.start, o.end): o for c in kept for o in c.org_mentions}.values(), key=lambda o: o.start)
    threshold = scorer.thresholds.get("slot:member_countries", scorer.thresholds.get("slot", 0.5))
    for m in missions:
        c = by_key.get((m.organizer, m.country))
        rows = (c.slots.get("member_countries") or []) if c is not None else []
        if c is None or not rows:
            continue
        probs = scorer.models["member_countries"].probabilities([r.features for r in rows]).tolist()
        for key in [k for k in m.evidence if k[0] == "member_country"]:
            del m.evidence[key]
        m.member_countries = []
        for p, r in zip(probs, rows, strict=True):
            if p >= threshold and r.value not in m.member_countries and \
                    mention_owner(view, r.start, organizers) in (None, c.org.key):
                m.member_countries.append(r.value)
                m.cite("member_country", r.value, view.ctx.ev(r.start, r.end))
    return missions


def starts_before_the_vote(missions: list[Mission]) -> list[Mission]:
    """A mission starts work before the election it observes: a start date on or after the
    mission's election day (the day of the vote named as a day of the mission's work: "2 июня
    наблюдатели БДИПЧ будут работать ...", "выборы 20 марта" read as the start) is dropped, with
    its evidence. In the Russian gold, 4 of 298 missions with both dates start on election day and
    none after it; in the grouped cross-validation the rule took start dates from 0.753 to 0.769."""
    for m in missions:
        if m.start_date is not None and m.election_date is not None and m.start_date >= m.election_date:
            m.evidence.pop(("start_date", m.start_date.isoformat()), None)
            m.start_date = None
    return missions


def partners_are_not_members(missions: list[Mission]) -> list[Mission]:
    """Drop a member organization that is itself the organizer of another mission the article
    reports to the same country: in a joint mission ("Бюро ОБСЕ, ПА ОБСЕ и Европейский парламент")
    each partner observes as a mission of its own, and is no member of the others' (the Russian
    gold has 1 such member in 245). Its evidence goes with it."""
    by_country: dict[str, list[str]] = {}
    for m in missions:
        by_country.setdefault(m.country, []).append(m.organizer)
    for m in missions:
        partners = [o for o in by_country[m.country] if o != m.organizer]
        drop = [x for x in m.member_organizations if any(same_name(x, p) for p in partners)]
        if not drop:
            continue
        m.member_organizations = [x for x in m.member_organizations if x not in drop]
        for key in [k for k in m.evidence if k[0] == "member_organization" and any(
                same_name(str(k[1]), d) for d in drop)]:
            del m.evidence[key]
    return missions


def _host_guess(ctx: Context, elections: list[Any]) -> str | None:
    """The country named nearest after an election word in its sentence, else the most named one."""
    for el in elections:
        s, e = ctx.sent_of(el.start)
        here = [c for c in ctx.countries if s <= c.start < e and not c.demonym]
        if here:
            return min(here, key=lambda c: abs(c.start - el.end)).code
    counts: dict[str, int] = {}
    for c in ctx.countries:
        counts[c.code] = counts.get(c.code, 0) + 1
    return max(counts, key=lambda k: counts[k]) if counts else None


def _heads(art: ArticleView) -> list[tuple[int, int, Any]]:
    """Every person the article names, as ``(start, end, name in the nominative)``, each in the
    fullest form the article gives for that surname ("Сергеем Лебедевым" -> "Сергей Лебедев")."""
    normal = art.doc.user_data.get(RussianNLP.NORMAL_KEY) or {}
    people = []
    for e in art.doc.ents:
        if e.label_ != "PERSON":
            continue
        name = normal.get((e.start_char, e.end_char), e.text)
        people.append((e.start_char, e.end_char, re.sub(r"\s+", " ", name).strip()))
    fullest: dict[str, str] = {}
    for _, _, name in people:
        key = _surname(name)
        if len(name.split()) > len(fullest.get(key, "").split()) or (
                len(name.split()) == len(fullest.get(key, "").split()) and len(name) > len(fullest.get(key, ""))):
            fullest[key] = name
    return [(s, e, fullest.get(_surname(n), n)) for s, e, n in people]


class RussianExtractor:
    """Finds observation missions in Russian articles (natasha loads on first use, ~3 s).

    :param scorer: a Russian scorer artifact (default: the packaged one).
    """

    def __init__(self, scorer: str | Scorer | None = None) -> None:
        self._scorer_arg = scorer
        self._scorer: Scorer | None = scorer if isinstance(scorer, Scorer) else None
        self._nlp: RussianNLP | None = None
        self._matcher: ChainMatcher | None = None

    @property
    def scorer(self) -> Scorer:
        if self._scorer is None:
            self._scorer = Scorer.load(self._scorer_arg) if isinstance(self._scorer_arg, str) else default_ru_scorer()
        return self._scorer

    @property
    def version(self) -> str:
        return f"{RU_VERSION}+{self.scorer.version}"

    @property
    def nlp(self) -> RussianNLP:
        if self._nlp is None:
            self._nlp = RussianNLP()
        return self._nlp

    @property
    def matcher(self) -> ChainMatcher:
        if self._matcher is None:
            self._matcher = ChainMatcher(ru_patterns())
        return self._matcher

    def view(self, article: Article) -> RussianView:
        """The parsed article with its mentions and pattern hits (what the scorer reads)."""
        from ..dates import dateline_date

        doc = self.nlp(article.text)
        published = article.published or dateline_date(article.text)
        ctx = ru_context(doc, published)
        return RussianView(doc, published, [], self.matcher, context=ctx)

    def decide(self, view: RussianView, candidates: list[Any], scorer: Scorer | None = None) -> list[Mission]:
        """The scorer's missions (``scorer``, default this extractor's), each member country taken
        from the mentions that are its own (:func:`members_of_the_nearest_mission`), a start date
        before the election day (:func:`starts_before_the_vote`), less the member organizations
        that are partners (:func:`partners_are_not_members`)."""
        scorer = scorer or self.scorer
        missions = scorer.decide(view, candidates)
        missions = members_of_the_nearest_mission(view, candidates, missions, scorer)
        return partners_are_not_members(starts_before_the_vote(missions))

    def views(self, articles: Iterable[Article]) -> Iterator[RussianView | ExtractionError]:
        """Each article's :class:`RussianView` (for training), or the error it raised."""
        for article in articles:
            try:
                yield self.view(article)
            except Exception as exc:
                yield ExtractionError(article.id, f"{type(exc).__name__}: {exc}")

    def extract(self, article: Article) -> list[Mission]:
        """The missions one Russian article reports (raises :class:`ExtractionError` on failure)."""
        result = self.run(article)
        if isinstance(result, Exception):
            raise result
        return result

    def run(self, article: Article) -> list[Mission] | ExtractionError:
        """The missions, or the error this article raised (a batch goes on)."""
        try:
            view = self.view(article)
            return self.decide(view, mission_candidates(view))
        except Exception as exc:
            return ExtractionError(article.id, f"{type(exc).__name__}: {exc}")

