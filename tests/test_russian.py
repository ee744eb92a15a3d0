"""Russian articles: language identification, natasha's analysis as a spaCy Doc, the Russian
gazetteer, dates and numbers, the build's language dispatch, training and evaluation on Russian
gold, and one graph for a mission reported in English and in Russian.

CI retrains a Russian scorer on a small sample of corpus/ru/train, as it does for English on
examples/; the packaged one (kgbuild/data/scorer-ru.json.gz) is trained on all of corpus/ru/train.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from datetime import date
from pathlib import Path

import pyoxigraph as ox
import pytest

from kgbuild import KnowledgeGraph
from kgbuild.catalog import organizations
from kgbuild.catalog.orgs_ru import russian_names, russian_only_organizations
from kgbuild.extract import Extractor
from kgbuild.extract.language import corpus_language, detect_language
from kgbuild.extract.ru.dates import find_dates, find_elections, find_numbers, parse_number
from kgbuild.extract.ru.extractor import RU_MODEL, default_ru_scorer, ru_patterns
from kgbuild.extract.ru.gazetteer import country_forms, find_commissions, find_countries, find_organizations
from kgbuild.extract.ru.nlp import RussianNLP
from kgbuild.model import Article
from kgbuild.vocab import EO

from .conftest import DATA, EXAMPLES, ROOT

RU = DATA / "ru"
RU_TRAIN = ROOT / "corpus" / "ru" / "train"
MERGE = RU / "merge"
RDF_TYPE = ox.NamedNode("http://www.w3.org/1999/02/22-rdf-syntax-ns#type")
RDFS_LABEL = ox.NamedNode("http://www.w3.org/2000/01/rdf-schema#label")


def test_russian_corpus_sizes_and_writers() -> None:
    """The Russian training set: at least 120 articles by 4 writers, a fifth or so without a mission."""
    from kgbuild.corpus import iter_corpus

    train = list(iter_corpus(RU_TRAIN))
    assert len(train) >= 120 and len({a.writer for a in train}) >= 4
    empty = sum(1 for a in train if not a.gold["missions"])
    assert 0.12 <= empty / len(train) <= 0.3


def test_russian_language_detection_routes_each_article() -> None:
    """English, Russian and German items are told apart; a corpus's language is its articles' majority."""
    assert detect_language((EXAMPLES / "azerbaijan-2020-cis-interim.txt").read_text(encoding="utf-8")) == "en"
    assert detect_language((MERGE / "sco-uzbekistan-ru.txt").read_text(encoding="utf-8")) == "ru"
    assert detect_language((RU / "mixed" / "beobachter.txt").read_text(encoding="utf-8")) == "de"
    assert detect_language("12 345 -- 67") == "und"
    assert corpus_language([RU_TRAIN / "r1"]) == "ru" and corpus_language([EXAMPLES]) == "en"


def test_russian_language_detection_keeps_the_english_corpus_english() -> None:
    """Not one article of corpus/train, corpus/dev or examples/ (1,520) is routed away from English."""
    texts = sorted(p for d in ("corpus/train", "corpus/dev", "examples") for p in (ROOT / d).rglob("*.txt"))
    assert len(texts) >= 1500
    other = [p.name for p in texts if detect_language(Article.from_text(p.name, p.read_text(encoding="utf-8-sig")).text) != "en"]
    assert other == []


def test_russian_doc_keeps_the_text_and_offsets() -> None:
    """The Doc's text is the article's, tokens keep natasha's offsets, entities are PERSON/ORG/GPE
    with the nominative form, and initials join the surname ("Лебедев С.Н.")."""
    text = ("БАКУ, 9 февраля – Тренд\n\nМиссию наблюдателей от СНГ возглавил Сергей Лебедев.  Встречу провел "
            "Лебедевым С.Н. в Баку.\n")
    doc = RussianNLP()(text)
    assert doc.text == text
    assert all(text[t.idx : t.idx + len(t.text)] == t.text for t in doc)
    normal = doc.user_data[RussianNLP.NORMAL_KEY]
    people = {e.text: normal[(e.start_char, e.end_char)] for e in doc.ents if e.label_ == "PERSON"}
    assert people["Сергей Лебедев"] == "Сергей Лебедев"
    assert any(v.endswith("С.Н.") for k, v in people.items() if k.startswith("Лебедевым"))
    verb = next(t for t in doc if t.text == "возглавил")
    assert verb.lemma_ == "возглавить" and "nsubj" in {c.dep_ for c in verb.children}
    assert len(list(doc.sents)) >= 3


def test_russian_gazetteer_generates_every_case_form() -> None:
    """Country names come in every case from pycountry's Russian names and pymorphy2; adjectives too."""
    forms = country_forms()
    for form in ("Киргизия", "Киргизии", "Киргизией", "Кыргызстаном", "Республики Казахстан", "Азербайджане",
                 "Российской Федерации", "Нидерландах"):
        assert form in forms, form
    assert len(forms) > 3000 and "того" not in {f.lower() for f in forms}
    found = find_countries("наблюдатели из Белоруссии, Республике Молдова и казахстанские эксперты, КАЗАХСТАН")
    assert [(m.code, m.demonym) for m in found] == [("BY", False), ("MD", False), ("KZ", True), ("KZ", False)]
    # the lookup by first word reaches every form, the longest first ("Республики Казахстан", not "Казахстан")
    assert all(re.match(r"[\w-]", f) for f in forms)
    assert [(m.code, m.end - m.start) for m in find_countries("в Республике Казахстан")] == [("KZ", 20)]
    # nationality nouns in any case name a country, as the adjectives do ("во главе с австрийцем")
    found = find_countries("во главе с австрийцем Лопаткой, шведка Седерфельт и исландский посол")
    assert [(m.code, m.demonym) for m in found] == [("AT", True), ("SE", True), ("IS", True)]


def test_russian_gazetteer_organizations_are_the_catalogue_entries() -> None:
    """Russian names resolve to the English catalogue's entries (same key, same Wikidata id), in any case."""
    keys = {o.key for o in organizations()}
    own = russian_only_organizations()
    assert set(russian_names()) <= keys | set(own) and not keys & set(own)
    # a body the English catalogue lacks has the key an English article's named entity gives it
    assert all(k == "open:" + o.name.lower() and o.wikidata is None for k, o in own.items())
    found = find_organizations("в составе делегации ПА НАТО и Общественной палаты России")
    assert [(m.org.name, m.org.country) for m in found] == [("NATO Parliamentary Assembly", None),
                                                             ("Civic Chamber of the Russian Federation", "RU")]
    text = ("Делегация Межпарламентской ассамблеи государств – участников СНГ, наблюдатели БДИПЧ ОБСЕ и ПА ОБСЕ, "
            "представители Шанхайской организацией сотрудничества и Госдумы")
    got = [(m.org.key, text[m.start : m.end]) for m in find_organizations(text)]
    assert got == [("ipa-cis", "Межпарламентской ассамблеи государств – участников СНГ"), ("odihr", "БДИПЧ ОБСЕ"),
                   ("osce-pa", "ПА ОБСЕ"), ("sco", "Шанхайской организацией сотрудничества"), ("state-duma", "Госдумы")]
    assert next(m for m in find_organizations("миссия СНГ")).org.wikidata == "Q7779"
    comms = find_commissions("ЦИК Киргизии, казахстанский Центризбирком, Центральная избирательная комиссия "
                             "Республики Узбекистан и ЦИК")
    assert [c.country for c in comms] == ["KG", "KZ", "UZ", None]
    # the other official names, in any case, with the country after "в"
    comms = find_commissions("Центральной комиссии по проведению выборов и референдумов в Туркменистане, "
                             "Центральная комиссия референдума Республики Казахстан")
    assert [(c.name, c.country) for c in comms] == [("Central Commission for Elections and Referendums", "TM"),
                                                    ("Central Referendum Commission", "KZ")]


def test_russian_numbers_dates_and_elections() -> None:
    """Numbers in digits and in words, dates in words and digits, election types and early elections."""
    assert parse_number("триста") == 300 and parse_number("двухсот пятидесяти") == 250
    assert parse_number("полторы тысячи") == 1500 and parse_number("наблюдатели") is None
    text = "около двухсот наблюдателей, 1 200 краткосрочных, трое экспертов и 2,5 процента"
    assert [n.value for n in find_numbers(text)] == [200, 1200, 3]
    pub = date(2020, 1, 10)
    dates = find_dates("выборы 9 февраля 2020 года, миссия работает с 19 января, отчет 09.02.2020, в воскресенье",
                       published=pub)
    assert [d.value.isoformat() for d in dates] == ["2020-02-09", "2020-01-19", "2020-02-09", "2020-01-12"]
    els = find_elections("внеочередных президентских выборах, выборы в Мажилис и президентские и парламентские "
                         "выборы, референдуме", [], [])
    assert [(e.type, e.early) for e in els] == [("presidential", True), ("parliamentary", False),
                                                ("general", False), ("referendum", False)]
    # a weekday takes its verb's tense; days spelled as ordinals (broadcast copy) are dates
    monday = date(2021, 6, 21)
    said = find_dates("выборов, состоявшихся в воскресенье; выборы пройдут в воскресенье; наблюдатели в "
                      "воскресенье; голосование назначено на двадцать пятое июня", published=monday)
    assert [(d.value.isoformat(), d.weekday) for d in said] == [("2021-06-20", None), ("2021-06-27", None),
                                                                ("2021-06-20", 6), ("2021-06-25", None)]
    els = find_elections("выборы в Великий Государственный Хурал, выборы в Народную Скупщину, региональные и "
                         "муниципальные выборы", [], [])
    assert [e.type for e in els] == ["parliamentary", "parliamentary", "regional"]


def test_russian_commissions_and_national_bodies_as_candidates() -> None:
    """A commission tied to a country is an organizer for other countries' elections (not its own); a
    national body names its country as a member; Kyrgyzstan's ЦИК goes by its official name."""
    from kgbuild.extract.learned import mission_candidates, slot_values
    from kgbuild.extract.ru.extractor import RussianExtractor

    text = ("КАРАКАС, 20 ноября. Делегация ЦИК России прибыла в Венесуэлу для наблюдения за региональными "
            "выборами 21 ноября. В ее составе депутат Государственной Думы Александр Ющенко.")
    view = RussianExtractor().view(Article.from_text("ve.txt", text))
    pairs = {(c.org.name, c.country) for c in mission_candidates(view)}
    assert ("Central Election Commission of Russia", "VE") in pairs
    assert ("Central Election Commission of Russia", "RU") not in pairs
    duma = text.index("Государственной Думы")
    assert any(s == duma and v == "RU" for s, _, v in slot_values(view, "member_countries"))
    kg = RussianExtractor().view(Article.from_text("kg.txt", "ЦИК Киргизии аккредитовала наблюдателей СНГ на "
                                                   "выборах президента Киргизии 10 января."))
    assert [c.name for c in kg.ctx.comms] == ["Central Commission for Elections and Referendums"]
    # Belarus's commission under its long Russian name is its Central Election Commission (0.9.0)
    by = RussianExtractor().view(Article.from_text("by.txt", "Центральная комиссия Республики Беларусь по "
                                                   "выборам и проведению республиканских референдумов "
                                                   "аккредитовала наблюдателей СНГ."))
    assert [(c.name, c.country) for c in by.ctx.comms] == [("Central Election Commission", "BY")]
    # "наблюдатели ОБСЕ" beside "ПА ОБСЕ": the parent of a named body is marked (a feature of its missions)
    am = RussianExtractor().view(Article.from_text("am.txt", "Наблюдатели ОБСЕ и ПА ОБСЕ прибыли в Армению. "
                                                   "Наблюдатели СНГ тоже."))
    marked = {am.doc[i].text for i, pids in am.pat.items() if "org.parent-named" in pids}
    assert marked == {"ОБСЕ"}


def test_russian_organs_of_named_organizations_are_member_candidates() -> None:
    """An organ named before its parent ("Секретариата ШОС"), before "организации" or before another
    organ is the organ of that organization: a member candidate under its English name, never an
    organizer; an organ the catalogue names with its parent stays the catalogue's."""
    from kgbuild.extract.ru.gazetteer import find_organs

    def organs(text: str) -> list[tuple[str, bool, str]]:
        return [(o.name, o.organ, text[o.start : o.end]) for o in find_organs(text, find_organizations(text))]

    text = "В миссии государства – члены ШОС, а также сотрудники Секретариата организации и Исполкома РАТС."
    assert organs(text) == [("Shanghai Cooperation Organisation", False, "ШОС"),
                            ("SCO Secretariat", True, "Секретариата"),
                            ("SCO Regional Anti-Terrorist Structure", False, "РАТС")]
    assert organs("представители Генерального секретариата ОИС")[0][:2] == ("OIC General Secretariat", True)
    # the bare "Исполнительный комитет" the catalogue reads as the CIS's is here the body's own organ
    assert [n for n, _, _ in organs("члены ШОС, а также Секретариата и Исполнительного комитета РАТС ШОС")] == [
        "Shanghai Cooperation Organisation", "SCO Secretariat", "SCO Regional Anti-Terrorist Structure"]
    assert organs("Исполнительный комитет СНГ") == [("CIS Executive Committee", False, "Исполнительный комитет СНГ")]


def test_russian_partners_of_a_joint_mission_are_not_its_members() -> None:
    """A member organization that is itself the organizer of another mission to the same country
    (a joint mission's partner) is dropped, with its evidence; members and other countries stay."""
    from kgbuild.extract.ru.extractor import partners_are_not_members
    from kgbuild.model import Evidence, Mission

    odihr = Mission("OSCE Office for Democratic Institutions and Human Rights", "GE",
                    member_organizations=["European Parliament", "Venice Commission"])
    odihr.cite("member_organization", "European Parliament", Evidence(0, 5, 0, 10))
    ep = Mission("European Parliament", "GE")
    cis = Mission("Commonwealth of Independent States", "AM", member_organizations=["European Parliament"])
    partners_are_not_members([odihr, ep, cis])
    assert odihr.member_organizations == ["Venice Commission"]
    assert odihr.evidence_for("member_organization", "European Parliament") is None
    assert cis.member_organizations == ["European Parliament"]


def test_russian_mission_starts_before_the_vote() -> None:
    """A start date on the election day (the scorer's choice here: "2 июня наблюдатели БДИПЧ будут
    работать") is dropped with its evidence; one before it stays."""
    from kgbuild.extract.learned import mission_candidates
    from kgbuild.extract.ru.extractor import RussianExtractor
    from kgbuild.extract.scorer import FORMAT, Scorer

    accept = {"bias": 5.0, "weights": {}}
    election_day = {"bias": -5.0, "weights": {"is_el_date": 10.0}}
    text = ("Миссия БДИПЧ начала работу в Сербии 10 мая 2024 года. Выборы в Сербии пройдут 2 июня 2024 года. "
            "2 июня 2024 года наблюдатели БДИПЧ будут работать на избирательных участках.")
    view = RussianExtractor().view(Article.from_text("t.txt", text))
    for start_model, start in ((election_day, None), ({"bias": 5.0, "weights": {"is_el_date": -10.0}}, date(2024, 5, 10))):
        scorer = Scorer({"format": FORMAT, "thresholds": {"mission": 0.5, "slot": 0.5},
                         "models": {"mission": accept, "election.date": election_day, "start_date": start_model}})
        (plain,) = scorer.decide(view, mission_candidates(view))
        assert plain.election_date == date(2024, 6, 2) and plain.start_date == (start or date(2024, 6, 2))
        (m,) = RussianExtractor(scorer).decide(view, mission_candidates(view))
        assert (m.election_date, m.start_date) == (date(2024, 6, 2), start)
        assert m.evidence_for("start_date", date(2024, 6, 2)) is None
        assert (m.evidence_for("start_date", start) is not None) == (start is not None)


def test_russian_member_countries_go_to_the_mission_named_before_them() -> None:
    """A list of countries belongs to the organizer the article named last before it ("В группу
    вошли ..." after the sentence that names the IPA CIS's group), or whose name holds it ("ЦИК
    Грузии"): with a scorer that accepts every candidate, the CIS keeps none of the IPA CIS's
    countries, which the scorer alone gives every mission; evidence is the kept mention."""
    from kgbuild.extract.learned import mission_candidates
    from kgbuild.extract.ru.extractor import RussianExtractor, mention_owner
    from kgbuild.extract.scorer import FORMAT, Scorer

    text = ("Наблюдатели СНГ и ЦИК Грузии следили за выборами в Азербайджане. Миссию наблюдателей СНГ "
            "возглавил Сергей Лебедев. Параллельно за выборами наблюдала группа Межпарламентской ассамблеи "
            "СНГ. В группу вошли депутаты парламентов Армении, Беларуси, Казахстана и России.")
    view = RussianExtractor().view(Article.from_text("t.txt", text))
    organizers = sorted([*view.ctx.orgs, *view.open_orgs], key=lambda o: o.start)
    owners = {text[c.start : c.end]: mention_owner(view, c.start, organizers) for c in view.ctx.countries}
    assert owners["Армении"] == owners["России"] == "ipa-cis"
    assert owners["Грузии"] == "open:central election commission of georgia"
    assert mention_owner(view, 0, organizers) == "cis"  # none named before it: the first named after it in its sentence

    accept = {"bias": 5.0, "weights": {}}
    scorer = Scorer({"format": FORMAT, "thresholds": {"mission": 0.5, "slot": 0.5},
                     "models": {"mission": accept, "member_countries": accept}})
    listed = {"AM", "BY", "KZ", "RU"}
    plain = [m for m in scorer.decide(view, mission_candidates(view)) if m.organizer == "Commonwealth of Independent States"]
    assert plain and all(listed <= set(m.member_countries) for m in plain)
    missions = RussianExtractor(scorer).decide(view, mission_candidates(view))
    cis = [m for m in missions if m.organizer == "Commonwealth of Independent States"]
    ipa = [m for m in missions if m.organizer == "CIS Interparliamentary Assembly"]
    assert cis and ipa
    assert all(not listed & set(m.member_countries) for m in cis)
    assert all(listed <= set(m.member_countries) for m in ipa)
    for m in ipa:
        ev = m.evidence_for("member_country", "RU")
        assert ev is not None and text[ev.start : ev.end] == "России"
        assert {k[1] for k in m.evidence if k[0] == "member_country"} == set(m.member_countries)


def test_russian_commission_in_an_accreditation_sentence_is_marked() -> None:
    """A commission named in a sentence about accreditation carries the ``acc.sent`` pattern hit;
    one named in a briefing on the vote does not. Venezuela's National Electoral Council is a commission."""
    from kgbuild.extract.ru.extractor import RussianExtractor

    text = ("Председатель ЦИК Туркменистана сообщил о явке. Наблюдатели получили аккредитацию "
            "Национального избирательного совета Венесуэлы.")
    view = RussianExtractor().view(Article.from_text("t.txt", text))
    names = {(c.name, c.country) for c in view.ctx.comms}
    assert ("National Electoral Council", "VE") in names
    marked = {view.doc[i].text for i, pids in view.pat.items() if "acc.sent" in pids}
    assert "совета" in marked and "ЦИК" not in marked


def test_russian_member_name_is_the_bodys_full_name() -> None:
    """The IPA CIS's monitoring institute, named in Russian by its full name or its abbreviation, is a
    member under its full English name (the Russian gold's), which resolves to the same catalogue node."""
    from kgbuild.catalog import resolve_organization
    from kgbuild.catalog.orgs_ru import member_names
    from kgbuild.matching import same_name

    text = ("В состав миссии вошли эксперты Международного института мониторинга развития демократии, "
            "парламентаризма и соблюдения избирательных прав граждан государств – участников МПА СНГ. Эксперты МИМРД работают в Бишкеке.")
    found = [(m.org.key, m.name) for m in find_organizations(text)]
    assert [k for k, _ in found] == ["iimdd", "iimdd"]
    name = found[0][1]
    assert name == found[1][1] == member_names()["iimdd"]
    org = resolve_organization(name)
    assert org is not None and org.key == "iimdd"
    gold = ("International Institute for Monitoring Democracy Development, Parliamentarism and Suffrage Protection "
            "of Citizens of IPA CIS Member Nations")
    assert same_name(name, gold) and not same_name(org.name, gold)
    assert find_organizations("Делегацию МПА СНГ")[0].name == "CIS Interparliamentary Assembly"  # no member_name: the catalogue's


def test_russian_patterns_are_data_for_the_chain_matcher() -> None:
    """The Russian Tier-1 patterns load as chains with unique ids per pattern and known slot families."""
    pats = ru_patterns()
    assert len(pats) >= 20
    assert {p["slot"] for p in pats} <= {"head", "count", "start", "eldate", "member", "acc", "org", "host"}
    from kgbuild.extract.learned import ChainMatcher

    doc = RussianNLP()("Миссию наблюдателей от СНГ возглавил Сергей Лебедев.")
    hits = {(pid, doc[toks[-1]].text) for pid, toks in ChainMatcher(pats)(doc)}
    assert ("head.lead-subj", "Сергей") in hits


def test_russian_packaged_scorer_is_trained_on_the_russian_corpus() -> None:
    """The packaged Russian scorer records its pipeline (natasha) and its training data, never the locked set."""
    s = default_ru_scorer()
    assert s.meta["pipeline"]["model"] == RU_MODEL
    trained = s.meta["trained_on"]
    assert trained["articles"] >= 120 and any("corpus/ru/train" in c for c in trained["corpora"])
    assert "locked" not in " ".join(trained["corpora"])


def test_russian_article_extracts_with_evidence_in_the_text() -> None:
    """A Russian article gives its mission with organizer, host, date, type and count; evidence lies in the text."""
    raw = (MERGE / "sco-uzbekistan-ru.txt").read_text(encoding="utf-8")
    article = Article.from_text("sco-uzbekistan-ru.txt", raw)
    (m,) = Extractor().extract(article)
    assert (m.organizer, m.country, m.election_type, m.election_date, m.observers_total) == (
        "Shanghai Cooperation Organisation", "UZ", "presidential", date(2021, 10, 24), 26)
    for ev in m.evidence.values():
        assert 0 <= ev.sentence_start <= ev.start < ev.end <= ev.sentence_end <= len(article.text)
    assert article.text[m.evidence[("observers.total", "26")].start :].startswith("26")


def test_scorer_threshold_per_slot_overrides_the_slot_threshold() -> None:
    """An artifact's ``slot:NAME`` threshold decides that slot alone; the others keep ``slot``."""
    import gzip

    from kgbuild.extract.ru.extractor import RussianExtractor
    from kgbuild.extract.scorer import Scorer

    data = json.loads(gzip.decompress((ROOT / "src" / "kgbuild" / "data" / "scorer-ru.json.gz").read_bytes()))
    article = Article.from_text("sco-uzbekistan-ru.txt", (MERGE / "sco-uzbekistan-ru.txt").read_text(encoding="utf-8"))
    (base,) = RussianExtractor(Scorer(data)).extract(article)
    data["thresholds"]["slot:observers.total"] = 1.01
    (strict,) = RussianExtractor(Scorer(data)).extract(article)
    assert base.observers_total == 26 and strict.observers_total is None
    assert (strict.election_date, strict.election_type) == (base.election_date, base.election_type)


def test_russian_build_skips_other_languages_with_their_language(tmp_path: Path) -> None:
    """`build` (auto) extracts English and Russian and reports a German article as skipped, naming German;
    --lang en reads everything as English and warns about the Cyrillic text."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(EXAMPLES / "azerbaijan-2020-cis-interim.txt", src)
    shutil.copy(MERGE / "sco-uzbekistan-ru.txt", src)
    shutil.copy(RU / "mixed" / "beobachter.txt", src)
    with KnowledgeGraph(tmp_path / "store") as kg:
        report = kg.build([src])
        assert sorted(report.added) == ["azerbaijan-2020-cis-interim.txt", "sco-uzbekistan-ru.txt"]
        assert [(p.item, p.problem) for p in report.skipped] == [
            ("beobachter.txt", "not extracted: the text is in German (de); kgbuild extracts English and Russian")]
        assert report.ok and "1 skipped" in report.summary()
        orgs = {m["organizer"] for a in kg.facts()["articles"] for m in a["missions"]}
        assert "Shanghai Cooperation Organisation" in orgs
    out = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(src), "--store", str(tmp_path / "s2"),
                          "--lang", "en"], capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "warning: sco-uzbekistan-ru.txt: no facts extracted: the text is mostly in Cyrillic script" in out.stderr
    out = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(src), "--store", str(tmp_path / "s3")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "skipped: beobachter.txt: not extracted: the text is in German (de)" in out.stderr
    with pytest.raises(Exception, match="lang"):
        KnowledgeGraph(None, lang="de")


def test_russian_build_in_worker_processes_reports_skips(tmp_path: Path) -> None:
    """With --processes 2 the same articles are added and the German one is skipped with its language."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(MERGE / "sco-uzbekistan-ru.txt", src)
    shutil.copy(RU / "mixed" / "beobachter.txt", src)
    with KnowledgeGraph(tmp_path / "store") as kg:
        report = kg.build([src], n_process=2)
        state = kg.store.article_state("sco-uzbekistan-ru.txt")
    assert report.added == ["sco-uzbekistan-ru.txt"]
    assert state is not None and state.extractor_version.startswith("kgbuild-extract-ru/")
    assert [p.item for p in report.skipped] == ["beobachter.txt"] and "German (de)" in report.skipped[0].problem


def test_russian_and_english_reports_merge_into_one_mission(tmp_path: Path) -> None:
    """One SCO mission reported in English and in Russian: one mission node, one organization node with its
    Wikidata id, one country; both article graphs state it."""
    with KnowledgeGraph(tmp_path / "store") as kg:
        report = kg.build([MERGE])
        assert sorted(report.added) == ["sco-uzbekistan-en.txt", "sco-uzbekistan-ru.txt"]
        missions = {m["organizer"] + "->" + m["country"] for a in kg.facts()["articles"] for m in a["missions"]}
        assert missions == {"Shanghai Cooperation Organisation->UZ"}
        node = kg.iris.mission("Shanghai Cooperation Organisation", "UZ", "2021-10-24", "presidential", None)
        graphs = {q.graph_name for q in kg.store.quads_for_pattern(node, None, None, None)}
        assert {kg.iris.article_graph("sco-uzbekistan-en.txt"), kg.iris.article_graph("sco-uzbekistan-ru.txt")} <= graphs
        typed = {q.subject for q in kg.store.quads_for_pattern(None, RDF_TYPE, EO.ObservationMission, None)}
        assert typed == {node}


def test_russian_articles_record_the_russian_extractor_version(tmp_path: Path) -> None:
    """A Russian article records the Russian extractor's version and its scorer's hash, an English one the
    English; a build with another Russian scorer re-extracts the Russian article and leaves the English one."""
    import gzip

    from kgbuild.api import build_version
    from kgbuild.extract.ru.extractor import RU_VERSION

    def versions(kg: KnowledgeGraph) -> dict[str, str]:
        return {name: kg.store.article_state(name).extractor_version  # type: ignore[union-attr]
                for name in ("sco-uzbekistan-en.txt", "sco-uzbekistan-ru.txt")}

    with KnowledgeGraph(tmp_path / "store") as kg:
        kg.build([MERGE])
        stored = versions(kg)
    ru_hash = default_ru_scorer().version
    assert stored["sco-uzbekistan-ru.txt"].startswith(f"{RU_VERSION}+{ru_hash} ")
    assert stored["sco-uzbekistan-en.txt"] == build_version(Extractor())
    assert not stored["sco-uzbekistan-en.txt"].startswith("kgbuild-extract-ru/")
    data = json.loads(gzip.decompress((ROOT / "src" / "kgbuild" / "data" / "scorer-ru.json.gz").read_bytes()))
    data["trained_on"]["sha256"] = "0" * 64  # another Russian scorer (another training set)
    other = tmp_path / "other-ru.json"
    other.write_text(json.dumps(data), encoding="utf-8")
    with KnowledgeGraph(tmp_path / "store") as kg:
        assert sorted(kg.build([MERGE]).unchanged) == ["sco-uzbekistan-en.txt", "sco-uzbekistan-ru.txt"]
    with KnowledgeGraph(tmp_path / "store", scorer=str(other)) as kg:
        report = kg.build([MERGE])
        assert (report.replaced, report.unchanged) == (["sco-uzbekistan-ru.txt"], ["sco-uzbekistan-en.txt"])
        again = versions(kg)
    assert again["sco-uzbekistan-ru.txt"].startswith(f"{RU_VERSION}+00000000 ")
    assert again["sco-uzbekistan-en.txt"] == stored["sco-uzbekistan-en.txt"]


def test_russian_head_label_is_russian(tmp_path: Path) -> None:
    """A head named in a Russian article keeps the nominative Cyrillic name, tagged @ru."""
    text = (" date 2024-01-30\nБАКУ, 30 января – Тренд\n\nМиссию наблюдателей от СНГ на внеочередных выборах "
            "президента Азербайджана 7 февраля возглавит первый заместитель председателя Исполкома СНГ "
            "Сергей Лебедев.\n")
    with KnowledgeGraph(None) as kg:
        kg.add_article(Article.from_text("head.txt", text))
        labels = {q.object for q in kg.store.quads_for_pattern(None, RDFS_LABEL, None, None)
                  if isinstance(q.object, ox.Literal) and q.object.language == "ru"}
    assert ox.Literal("Сергей Лебедев", language="ru") in labels


@pytest.fixture(scope="module")
def ru_sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Twenty articles of corpus/ru/train (five by each of four writers): CI's small Russian training
    set, enough candidates for the mission decision's boosted trees (twelve were not)."""
    out = tmp_path_factory.mktemp("ru-sample")
    for writer in ("r1", "r2", "r3", "r4"):
        for txt in sorted((RU_TRAIN / writer).glob("*.txt"))[:5]:
            shutil.copy(txt, out)
            shutil.copy(txt.with_name(txt.name.removesuffix(".txt") + ".gold.json"), out)
    return out


def test_russian_train_and_evaluate_cli(ru_sample: Path, tmp_path: Path) -> None:
    """`kgbuild train SAMPLE -o FILE` detects Russian and writes a natasha artifact (the same bytes twice);
    `kgbuild evaluate SAMPLE --scorer FILE` scores the Russian set with it."""
    artifact = tmp_path / "ru.json"
    out = subprocess.run([sys.executable, "-m", "kgbuild", "train", str(ru_sample), "-o", str(artifact)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"wrote {artifact}: 20 articles, ")
    data = json.loads(artifact.read_text(encoding="utf-8"))
    assert data["pipeline"]["model"] == RU_MODEL and "mission" in data["models"]
    assert list(data["boosted"]) == ["mission"]  # RU_BOOSTED: trees beside the mission decision's logistic model
    again = tmp_path / "again.json"
    subprocess.run([sys.executable, "-m", "kgbuild", "train", str(ru_sample), "--lang", "ru", "-o", str(again)],
                   capture_output=True, text=True, check=True)
    assert again.read_bytes() == artifact.read_bytes()
    ex = Extractor(scorer=str(artifact))
    assert ex.ru_scorer == str(artifact) and ex.scorer is None
    res = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(ru_sample), "--scorer", str(artifact),
                          "--json"], capture_output=True, text=True)
    assert res.returncode == 0, res.stderr
    micro = json.loads(res.stdout)["micro"]
    assert micro["f1"] >= 0.8, micro  # its own training data: the pipeline and the scorer fit it


def test_russian_bench_prints_both_rates_and_their_ratio(capsys: pytest.CaptureFixture[str]) -> None:
    """bench.russian times natasha alone and the whole extraction on the same articles, in turn."""
    from bench.russian import main

    assert main(["--articles", "2", "--repeats", "1"]) == 0
    out = capsys.readouterr().out
    assert "2 articles of corpus/ru/train" in out and "load average" in out
    assert re.search(r"^raw +[\d,]+  1\.00x raw$", out, re.M) and re.search(r"^build +[\d,]+  [\d.]+x raw$", out, re.M)
    assert "build/raw per repeat: " in out



def test_russian_build_of_only_a_skipped_language_is_no_empty_input(tmp_path: Path) -> None:
    """An input holding one article in a language kgbuild does not extract is reported as skipped,
    with its language, and is not called "no article" (exit 0: nothing failed)."""
    src = tmp_path / "in"
    src.mkdir()
    shutil.copy(RU / "mixed" / "beobachter.txt", src)
    out = subprocess.run([sys.executable, "-m", "kgbuild", "build", str(src), "--store", str(tmp_path / "s")],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "skipped: beobachter.txt: not extracted: the text is in German (de)" in out.stderr
    assert "no article" not in out.stderr
    assert "0 added" in out.stdout and "1 skipped" in out.stdout
