"""Extractor v2: Tier-1 patterns as data, the trained scorer, its artifact and the training path.

CI retrains a scorer on the bundled examples (13 articles), so the training code stays tested; the
packaged scorer is trained on corpus/ (see corpus/SCORES.md).
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest

from kgbuild.errors import ParameterError
from kgbuild.extract import EXTRACTOR_VERSION, Extractor
from kgbuild.extract.learned import SLOTS, ChainMatcher, load_patterns, pattern_matcher
from kgbuild.extract.scorer import (
    FORMAT,
    LinearModel,
    Scorer,
    ScorerError,
    TreeModel,
    default_scorer,
    read_model,
)
from kgbuild.extract.train import (
    BOOSTED,
    TREES,
    boosted_of,
    data_hash,
    featurize,
    fit,
    fit_trees,
    gold_articles,
    train,
)
from kgbuild.model import Article

from .conftest import EXAMPLES

SEED = "azerbaijan-2020-cis-interim"


@pytest.fixture(scope="module")
def small_scorer(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A scorer trained on examples/ alone (13 articles)."""
    out = tmp_path_factory.mktemp("scorer")
    report = train([EXAMPLES], out, seed=0)
    assert report.path == out / "scorer.json"
    return report.path


def test_extract_learned_patterns_are_data_with_unique_ids() -> None:
    """Every Tier-1 pattern has an id, a slot and compiles into spaCy's DependencyMatcher."""
    import spacy

    pats = load_patterns()
    ids = [p["id"] for p in pats]
    assert len(ids) == len(set(ids)) >= 20
    assert {p["slot"] for p in pats} >= {"head", "count", "start", "eldate", "member", "acc", "org", "host"}
    matcher = pattern_matcher(spacy.blank("en").vocab)
    assert len(matcher) == len(pats)


def test_extract_learned_chain_matcher_agrees_with_spacys_dependency_matcher() -> None:
    """The fast interpreter of the patterns finds exactly what ``DependencyMatcher`` finds, on every
    example article (it replaced it for speed: see docs/extractor.md)."""
    ex = Extractor(scorer="none")
    reference, fast = pattern_matcher(ex.nlp.vocab), ChainMatcher()
    assert len(fast) == len(load_patterns())
    total = 0
    for path in sorted(EXAMPLES.glob("*.txt")):
        doc = ex.nlp(ex._doc(Article.from_text(path.name, path.read_text(encoding="utf-8"))))
        want = sorted((ex.nlp.vocab.strings[m], tuple(t)) for m, t in reference(doc))
        got = sorted((p, tuple(t)) for p, t in fast(doc))
        assert got == want, path.name
        total += len(want)
    assert total > 50


def test_extract_learned_chain_matcher_refuses_what_it_cannot_run() -> None:
    """A pattern outside the subset (a sibling operator, an unknown attribute) is an error, not a silent miss."""
    trig = {"RIGHT_ID": "trig", "RIGHT_ATTRS": {"LEMMA": "lead"}}
    with pytest.raises(ValueError, match="chain"):
        ChainMatcher([{"id": "x", "pattern": [trig, {"LEFT_ID": "trig", "REL_OP": ".", "RIGHT_ID": "a", "RIGHT_ATTRS": {}}]}])
    with pytest.raises(ValueError, match="not supported"):
        ChainMatcher([{"id": "x", "pattern": [{"RIGHT_ID": "trig", "RIGHT_ATTRS": {"SHAPE": "Xxx"}}]}])


def test_extract_learned_pattern_hits_on_a_parse() -> None:
    """On a real parse, "led by X" marks X as a head and "from A and B" marks both as members."""
    from kgbuild.extract.components import article_view

    ex = Extractor(scorer="none")
    doc = ex.nlp(ex._doc(Article.from_text("t.txt", " date 2023-08-10\nHARARE\n\nThe SADC mission, led by Nevers "
                                                    "Mumba, includes observers from Angola and Botswana.")))
    view = article_view(doc, ChainMatcher())
    hits = {doc[i].text: ids for i, ids in view.pat.items()}
    assert any(p.startswith("head.lead") for p in hits["Mumba"])
    assert "member.from" in hits["Angola"] and "member.from+conj" in hits["Botswana"]


def test_extract_learned_a_bare_weekday_is_a_candidate_for_both_days() -> None:
    """"Saturday's vote" in a story of the count is last Saturday, in a preview next Saturday: both
    days are candidates, each marked with its direction from the article's date and the tense of
    its clause, so the scorer can weigh one against the other."""
    from datetime import date

    from kgbuild.extract.learned import _clause_tense, fill_slots, mission_candidates, slot_values

    ex = Extractor(scorer="none")
    after = Article.from_text("after.txt", "Results from Saturday's vote came in on Sunday.", published=date(2021, 12, 5))
    before = Article.from_text("before.txt", "Observers will watch Saturday's vote.", published=date(2021, 12, 1))
    va, vb = ex.views([after, before])
    assert sorted(v for _, _, v in slot_values(va, "election.date")) == ["2021-12-04", "2021-12-05", "2021-12-11"]
    assert sorted(v for _, _, v in slot_values(vb, "election.date")) == ["2021-11-27", "2021-12-04"]
    assert sorted(v for _, _, v in slot_values(vb, "start_date")) == ["2021-11-27", "2021-12-04"]
    assert _clause_tense(va.root(va.ctx.dates[0].start, va.ctx.dates[0].end)) == "past"
    assert _clause_tense(vb.root(vb.ctx.dates[0].start, vb.ctx.dates[0].end)) == "fut"
    # "Sunday" written on a Sunday is that day: one candidate, not two
    assert [v for s, _, v in slot_values(va, "election.date") if va.text[s:].startswith("Sunday")] == ["2021-12-05"]
    # each reading carries its direction crossed with the clause's tense
    (view,) = ex.views([Article.from_text("au.txt", "Results from Saturday's vote in Gambia came in, the African "
                                          "Union mission said.", published=date(2021, 12, 5))])
    (mission,) = mission_candidates(view)
    assert (mission.org.name, mission.country) == ("African Union", "GM") and "o_kind=igo" in mission.features
    rows = {r.value: r.features for r in fill_slots(view, mission).slots["election.date"]}
    assert set(rows) == {"2021-12-04", "2021-12-11"}
    assert {"dir=past", "dir_tense=past_past", "el_dep=poss", "next_org=self_same_sent"} <= set(rows["2021-12-04"])
    assert {"dir=future", "dir_tense=future_past"} <= set(rows["2021-12-11"])


def test_extract_learned_election_types_given_by_what_voters_elect() -> None:
    """An article that never says "presidential election" still says what is elected: the office
    objects of elect/choose/vote-for give type candidates, several offices also "general"; a
    sentence about something else gives none."""
    from kgbuild.extract.learned import fill_slots, mission_candidates, slot_values

    ex = Extractor(scorer="none")
    text = ("Uzbekistan elects a president on Sunday. Bolivians returned to the polls to choose a president, a "
            "vice-president and all 166 members of the Legislative Assembly. Mongolians voted for a new parliament. "
            "Voters will pick 298 mayors and the members of the provincial assemblies. The party chose a new logo.")
    (view,) = ex.views([Article.from_text("t.txt", text)])
    found = {}
    for s, e, typ in slot_values(view, "election.type"):
        found.setdefault(text[s:e], set()).add(typ)
    assert found == {"elects": {"presidential"}, "choose": {"presidential", "parliamentary", "general"},
                     "voted": {"parliamentary"}, "pick": {"local", "regional", "general"}}
    (view,) = ex.views([Article.from_text("au.txt", "The African Union sent observers to Gambia, where voters "
                                          "elect a president on Saturday.")])
    (mission,) = mission_candidates(view)
    (row,) = fill_slots(view, mission).slots["election.type"]
    assert row.value == "presidential" and {"type_src=desc", "desc_types=1", "type=presidential"} <= set(row.features)


def test_extract_learned_head_candidates_beyond_the_ner() -> None:
    """Runs of proper nouns give head candidates without their titles, whether or not the NER found
    the person; bodies, places and one-word runs do not; the source is a feature."""
    from kgbuild.extract.learned import _name_runs, fill_slots, mission_candidates, slot_values

    ex = Extractor(scorer="none")
    text = ("The mission is led by Chief Observer Miroslav Poche. Ambassador Geert-Hinrich Ahrens met the "
            "National Parliament of Iceland and the Law Reform Commission in Reykjavik on Monday.")
    (view,) = ex.views([Article.from_text("t.txt", text)])
    runs = {name for _, _, name in _name_runs(view, [])}
    assert {"Miroslav Poche", "Geert-Hinrich Ahrens"} <= runs
    assert not runs & {"National Parliament", "Law Reform Commission", "Reykjavik", "Iceland", "Monday"}
    heads = {v for _, _, v in slot_values(view, "head")}
    assert {"Miroslav Poche", "Geert-Hinrich Ahrens"} <= heads and "Chief Observer Miroslav Poche" not in heads
    (view,) = ex.views([Article.from_text("eu.txt", "The European Union mission to Malawi is led by Chief Observer "
                                          "Miroslav Poche.")])
    (mission,) = mission_candidates(view)
    rows = fill_slots(view, mission).slots["head"]
    assert [r.value for r in rows] == ["Miroslav Poche"]
    assert "head_src=propn" in rows[0].features or "head_src=ner" in rows[0].features


def test_extract_learned_an_organ_named_without_its_parent_is_named_with_the_organizer() -> None:
    """ "the Community Court of Justice" is a member-organization candidate of an ECOWAS mission as
    an ECOWAS organ (marked bare_organ), not under the NER's bare name; the organizer itself is not."""
    from kgbuild.extract.learned import fill_slots, mission_candidates

    ex = Extractor(scorer="none")
    text = ("The Economic Community of West African States deployed 90 observers to Liberia. They are "
            "drawn from the Community Court of Justice and the Council of the Wise.")
    (view,) = ex.views([Article.from_text("t.txt", text)])
    (mission,) = [c for c in mission_candidates(view) if c.org.key == "ecowas" and c.country == "LR"]
    rows = fill_slots(view, mission).slots["member_organizations"]
    bare = {r.value for r in rows if r.features.get("bare_organ")}
    assert bare == {"ECOWAS Community Court of Justice", "ECOWAS Council of the Wise"}
    assert all(r.features.get("organ") for r in rows if r.value in bare)
    assert not {r.value for r in rows} & {"Community Court of Justice", "Economic Community of West African States"}


def test_extract_learned_a_mention_fills_a_slot_of_one_mission_at_most(monkeypatch: pytest.MonkeyPatch) -> None:
    """A list of countries that two missions of an article could both take goes to one of them, in
    the packaged scorer's decisions (without the rule, both missions take every country)."""
    from kgbuild.extract import scorer as scorer_module

    text = ("TBILISI, Oct. 27 -- Observers of the OSCE Office for Democratic Institutions and Human Rights and "
            "of the Commonwealth of Independent States are monitoring Saturday's parliamentary elections in "
            "Georgia. The observers come from Germany, France, Poland, Kazakhstan and Belarus. The ODIHR "
            "mission, headed by Eoghan Murphy, has 300 observers, the CIS mission 60.")
    article = Article.from_text("ge.txt", text)

    def member_spans(missions: list) -> list[set[tuple[int, int]]]:
        return [{(ev.start, ev.end) for (slot, _), ev in m.evidence.items() if slot == "member_country"}
                for m in missions]

    missions = Extractor().extract(article)
    assert len(missions) == 2
    odihr, cis = member_spans(missions)
    assert odihr | cis and not odihr & cis
    assert sorted(missions[0].member_countries + missions[1].member_countries) == ["BY", "DE", "FR", "KZ", "PL"]
    assert default_scorer().exclusive == scorer_module.EXCLUSIVE  # the packaged artifact names its slots
    monkeypatch.setattr(default_scorer(), "exclusive", ())
    odihr, cis = member_spans(Extractor().extract(article))
    assert odihr & cis  # the rule is what keeps them apart


def test_extract_learned_exclusive_mentions_go_to_the_likeliest_mission() -> None:
    """`_exclusive` zeroes every other mission's probability for a shared mention; a tie keeps the first."""
    from kgbuild.catalog.orgs import Organization
    from kgbuild.extract.learned import MissionCandidate, SlotCandidate
    from kgbuild.extract.scorer import EXCLUSIVE, _exclusive

    def cand(key: str, heads: list[tuple[int, int]]) -> MissionCandidate:
        org = Organization(key=key, name=key, acronyms=(), aliases=(), wikidata=None, kind="igo")
        c = MissionCandidate(org=org, country="GE", org_mentions=[], country_mentions=[], features={})
        c.slots["head"] = [SlotCandidate("head", s, e, f"p{s}", {}) for s, e in heads]
        c.slots["accredited_by"] = [SlotCandidate("accredited_by", 0, 5, ("CEC", "GE", False), {})]
        return c

    a, b = cand("a", [(10, 20), (30, 40)]), cand("b", [(10, 20), (50, 60)])
    probs = {(id(a), "head"): [0.6, 0.2], (id(b), "head"): [0.7, 0.9],
             (id(a), "accredited_by"): [0.8], (id(b), "accredited_by"): [0.8]}
    _exclusive([a, b], probs, ("head", "accredited_by"))
    assert probs[(id(a), "head")] == [0.0, 0.2] and probs[(id(b), "head")] == [0.7, 0.9]
    assert probs[(id(b), "accredited_by")] == [0.0]  # a tie keeps the first (when the slot is named)
    probs[(id(b), "accredited_by")] = [0.8]
    _exclusive([a, b], probs, EXCLUSIVE)
    assert probs[(id(a), "accredited_by")] == [0.8] == probs[(id(b), "accredited_by")]  # shared by design
    probs = {(id(a), "head"): [0.5, 0.2], (id(b), "head"): [0.5, 0.9]}
    _exclusive([a, b], probs, EXCLUSIVE)
    assert probs == {(id(a), "head"): [0.5, 0.2], (id(b), "head"): [0.0, 0.9]}


def test_extract_learned_linear_model_is_the_logistic_of_the_weighted_sum() -> None:
    """A feature's weight times its value, plus the bias, through the logistic function."""
    m = LinearModel(bias=-1.0, weights={"a": 2.0, "b": 0.5})
    assert m.probability({}) == pytest.approx(1 / (1 + 2.718281828459045))
    assert m.probability({"a": 1, "b": 2, "unknown": 5}) == pytest.approx(1 / (1 + 2.718281828459045 ** -2))


def test_extract_learned_train_writes_a_reproducible_artifact(small_scorer: Path, tmp_path: Path) -> None:
    """The artifact names its format, its training data's hash and seed; the same data and seed give the same bytes."""
    data = json.loads(small_scorer.read_text(encoding="utf-8"))
    assert data["format"] == FORMAT and data["seed"] == 0
    assert data["trained_on"]["articles"] == 13 and data["trained_on"]["missions"] == 22
    assert len(data["trained_on"]["sha256"]) == 64
    mission = data["models"]["mission"]
    assert BOOSTED == ("mission", *(f"{s}:trees" for s in SLOTS))
    assert data["boosted"] == boosted_of(data["models"]) and data["boosted"]["mission"] == TREES
    assert mission["kind"] == "mean" and mission["members"][0]["weights"] and mission["members"][1]["kind"] == "trees"
    # the slots get the trees alone, where the 13 articles give enough examples for trees
    assert data["models"]["head"]["kind"] == "trees" and "head:trees" in data["boosted"]
    again = train([EXAMPLES], tmp_path / "again.json", seed=0)
    assert again.path.read_bytes() == small_scorer.read_bytes()


def test_extract_learned_trees_give_scikit_learns_probabilities() -> None:
    """Boosted trees written as node arrays and walked in numpy give the probabilities of the
    scikit-learn model they were exported from, on every mission candidate of the examples."""
    import numpy as np
    from sklearn.ensemble import HistGradientBoostingClassifier
    from sklearn.feature_extraction import DictVectorizer

    from kgbuild.extract.learned import named_features

    rows = [(c.features, int(m is not None)) for _, cands in featurize(gold_articles([EXAMPLES])) for c, m in cands]
    x, y = [named_features(f) for f, _ in rows], [label for _, label in rows]
    assert 0 < sum(y) < len(y) and any(isinstance(v, np.ndarray) for f, _ in rows for v in f.values())
    model = read_model(fit_trees(x, y, seed=0))
    assert isinstance(model, TreeModel) and len(model.column) > 10
    settings = dict(TREES)
    min_count = settings.pop("min_count")
    sparse = DictVectorizer(sort=True).fit_transform(x).tocsc()
    dense = sparse[:, np.flatnonzero(np.asarray((sparse != 0).sum(axis=0)).ravel() >= min_count)].toarray()
    reference = HistGradientBoostingClassifier(random_state=0, **settings).fit(dense, y).predict_proba(dense)[:, 1]
    ours = model.probabilities([f for f, _ in rows])
    assert np.abs(ours - reference).max() < 1e-9
    assert model.probability(rows[0][0]) == pytest.approx(reference[0])
    assert len(set(np.round(ours, 6))) > 5  # the trees do separate the candidates


def test_extract_learned_one_walk_for_many_decisions_gives_each_models_probabilities() -> None:
    """The scorer walks the trees of many decisions at once (the mission decision, and every slot
    of every kept mission: :class:`~kgbuild.extract.scorer.Forest`, a speed change); each
    decision's probabilities are exactly those of its own model, on the examples' candidates."""
    import numpy as np

    scorer = default_scorer()
    jobs = []
    for _, cands in featurize(gold_articles([EXAMPLES])):
        jobs.append(("mission", [c.features for c, _ in cands]))
        jobs += [(slot, [r.features for r in c.slots[slot]]) for c, m in cands if m is not None
                 for slot in SLOTS if c.slots.get(slot) and slot in scorer.models]
    assert len({name for name, _ in jobs}) >= 8 and sum(len(rows) for _, rows in jobs) > 500
    together = scorer.probabilities(jobs)
    for (name, rows), p in zip(jobs, together, strict=True):
        assert np.array_equal(p, scorer.models[name].probabilities(rows)), name


def test_extract_learned_one_walk_takes_a_tree_model_without_columns() -> None:
    """A slot whose trees are single leaves tests no column (its matrix is 0 wide: what a scorer
    trained on few articles can have, e.g. the examples' ``accredited_by``); walked together with
    others, and last, it still gets its own model's probabilities (it once read past the end)."""
    import numpy as np

    tested = {"kind": "trees", "baseline": 0.0, "features": ["a"],
              "trees": [[[0, -1, -1], [0.5, 0.0, 0.0], [1, 0, 0], [2, 0, 0], [0.0, -1.0, 2.0]]]}
    leaves = {"kind": "trees", "baseline": -0.5, "features": [], "trees": [[[-1], [0.0], [0], [0], [0.25]]] * 2}
    scorer = Scorer({"format": FORMAT, "thresholds": {}, "models": {"mission": tested, "accredited_by": leaves}},
                    source="x.json")
    rows = [{"a": 1.0}, {}, {"a": 0.2}]
    for jobs in ([("mission", rows), ("accredited_by", rows)], [("accredited_by", rows)],
                 [("accredited_by", rows[:1]), ("mission", rows)]):
        for (name, r), p in zip(jobs, scorer.probabilities(jobs), strict=True):
            assert np.array_equal(p, scorer.models[name].probabilities(r)), (name, jobs)
    assert scorer.models["accredited_by"].probability({}) == pytest.approx(1 / (1 + np.exp(-(-0.5 + 0.5))))


def test_extract_learned_malformed_trees_are_refused() -> None:
    """A tree whose child comes before its node (a cycle) or that tests a missing column is a
    ScorerError naming the artifact, not a hang or a wrong answer."""
    leaf = {"kind": "trees", "baseline": 0.0, "features": ["a"]}
    good = {**leaf, "trees": [[[0, -1, -1], [0.5, 0.0, 0.0], [1, 0, 0], [2, 0, 0], [0.0, -1.0, 2.0]]]}
    m = read_model(good)
    assert m.probability({"a": 1.0}) == pytest.approx(1 / (1 + 2.718281828459045 ** -2))
    assert m.probability({}) == pytest.approx(1 / (1 + 2.718281828459045))
    cycle = {**leaf, "trees": [[[0, 0, -1], [0.5, 0.5, 0.0], [1, 0, 0], [2, 1, 0], [0.0, 0.0, 2.0]]]}
    missing = {**leaf, "trees": [[[3, -1, -1], [0.5, 0.0, 0.0], [1, 0, 0], [2, 0, 0], [0.0, -1.0, 2.0]]]}
    for bad in (cycle, missing, {**leaf, "trees": []}, {"kind": "forest"}):
        with pytest.raises(ScorerError, match="x.json: malformed"):
            Scorer({"format": FORMAT, "thresholds": {}, "models": {"mission": bad}}, source="x.json")


def test_extract_learned_a_slot_with_too_few_examples_for_trees_keeps_its_logistic_model() -> None:
    """Trees need features present in 30 examples: on three articles the head's slot cannot have
    them, so it keeps its logistic model, and the artifact's record of boosted decisions says so."""
    labelled = [cands for _, cands in featurize(gold_articles([EXAMPLES])[:3])]
    models, counts, _ = fit(labelled, boosted=("head:trees",))
    assert 0 < counts["head"] < 30 and "weights" in models["head"] and boosted_of(models) == {}
    models, _, _ = fit(labelled, boosted=("mission:trees",))
    assert models["mission"]["kind"] == "trees" and set(boosted_of(models)) == {"mission:trees"}


def test_extract_learned_boosting_an_unknown_decision_is_a_parameter_error(tmp_path: Path) -> None:
    with pytest.raises(ParameterError, match="boosted.*names no decision"):
        train([EXAMPLES], tmp_path / "x.json", boosted=("mission", "observers"))
    with pytest.raises(ParameterError, match="boosted.*names no decision"):  # cross-validation's fits too
        fit([], boosted=("observers",))
    with pytest.raises(ParameterError, match="'head:forest' has an unknown form after ':'"):
        fit([], boosted=("head:forest",))


def test_extract_learned_data_hash_changes_with_the_gold() -> None:
    """The recorded hash covers the texts and the gold: changing one gold value changes it."""
    a = Article.from_text("a.txt", "The CIS sent observers.")
    gold = {"missions": [{"organizer": "CIS", "country": "AZ"}]}
    other = {"missions": [{"organizer": "CIS", "country": "AM"}]}
    assert data_hash([(a, gold)]) != data_hash([(a, other)])
    assert data_hash([(a, gold)]) == data_hash([(a, json.loads(json.dumps(gold)))])


def test_extract_learned_custom_scorer_extracts_and_versions(small_scorer: Path) -> None:
    """An extractor with a trained artifact finds the seed article's mission; its version names the scorer."""
    ex = Extractor(scorer=str(small_scorer))
    raw = (EXAMPLES / f"{SEED}.txt").read_text(encoding="utf-8")
    (m,) = [m for m in ex.extract(Article.from_text(f"{SEED}.txt", raw)) if m.country == "AZ"]
    assert m.organizer == "Commonwealth of Independent States" and m.observers_total == 252
    digest = json.loads(small_scorer.read_text(encoding="utf-8"))["trained_on"]["sha256"]
    assert ex.version == f"{EXTRACTOR_VERSION}+{digest[:8]}"
    assert Extractor(learned=False).version == f"{EXTRACTOR_VERSION}-rules"


def test_extract_learned_evidence_lies_in_the_text(small_scorer: Path) -> None:
    """Every value the scorer keeps has evidence: a span inside its sentence, from token offsets."""
    ex = Extractor(scorer=str(small_scorer))
    raw = (EXAMPLES / f"{SEED}.txt").read_text(encoding="utf-8")
    article = Article.from_text(f"{SEED}.txt", raw)
    (m,) = [m for m in ex.extract(article) if m.country == "AZ"]
    for st in m.statements():
        assert st.evidence is not None, st
        assert st.evidence.sentence_start <= st.evidence.start < st.evidence.end <= st.evidence.sentence_end
    assert m.evidence_for("observers.total", 252).span(article.text) == "252"  # type: ignore[union-attr]


def test_extract_learned_doc_extension_and_component_score(small_scorer: Path) -> None:
    """The v2 component stores its missions on the Doc (``doc._.kgbuild_missions``) and scores them."""
    from spacy.training import Example

    ex = Extractor(scorer=str(small_scorer))
    raw = (EXAMPLES / f"{SEED}.txt").read_text(encoding="utf-8")
    doc = ex.nlp(ex._doc(Article.from_text(f"{SEED}.txt", raw)))
    assert "Commonwealth of Independent States" in [m.organizer for m in doc._.kgbuild_missions]
    gold = json.loads((EXAMPLES / f"{SEED}.gold.json").read_text(encoding="utf-8"))["missions"]
    reference = ex.nlp.make_doc(raw)
    reference.user_data["kgbuild.gold"] = gold
    scores = ex.nlp.get_pipe("kgbuild_missions_v2").score([Example(doc, reference)])  # type: ignore[attr-defined]
    assert 0.5 < scores["missions_f"] <= 1.0


def test_extract_learned_scorer_errors_name_the_file(tmp_path: Path) -> None:
    """A missing, malformed or foreign artifact raises ScorerError naming it."""
    with pytest.raises(ScorerError, match="nope.json: no such file"):
        Scorer.load(tmp_path / "nope.json")
    bad = tmp_path / "bad.json"
    bad.write_text("{", encoding="utf-8")
    with pytest.raises(ScorerError, match="bad.json: cannot be read"):
        Scorer.load(bad)
    other = tmp_path / "other.json"
    other.write_text(json.dumps({"format": "something/2"}), encoding="utf-8")
    with pytest.raises(ScorerError, match=r"other.json: not a kgbuild-scorer artifact this version reads \(kgbuild-scorer/1 or kgbuild-scorer/2; format 'something/2'\)"):
        Scorer.load(other)


def test_extract_learned_packaged_scorer_is_trained_on_the_corpus() -> None:
    """The packaged scorer covers every slot and was trained on the training corpus and more."""
    s = default_scorer()
    assert set(SLOTS) <= set(s.models)
    trained = s.meta["trained_on"]
    assert trained["articles"] >= 900 and "corpus/train" in trained["corpora"]
    assert "corpus/locked" not in " ".join(trained["corpora"])  # never trained on the locked test


def test_extract_learned_cross_validation_scores_each_writer_with_a_scorer_that_never_saw_it(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """``cross_validate`` (``kgbuild train --cv``) trains one scorer per left-out writer on the other
    writers' articles only, and pools every article's prediction exactly once."""
    import shutil

    import kgbuild.extract.train as train_module
    from kgbuild.evaluate import cross_validate, evaluate

    names = sorted(p.name.removesuffix(".gold.json") for p in EXAMPLES.glob("*.gold.json"))
    writer = {n: ("a" if k % 2 else "b") for k, n in enumerate(names)}
    for n in names:
        gold = json.loads((EXAMPLES / f"{n}.gold.json").read_text(encoding="utf-8"))
        (tmp_path / f"{n}.gold.json").write_text(json.dumps({**gold, "writer": writer[n]}), encoding="utf-8")
        shutil.copy(EXAMPLES / f"{n}.txt", tmp_path / f"{n}.txt")
    trained_on: list[int] = []
    real_fit = train_module.fit

    def fit(labelled, **kw):  # type: ignore[no-untyped-def]
        articles = list(labelled)
        trained_on.append(len(articles))
        return real_fit(iter(articles), **kw)

    monkeypatch.setattr(train_module, "fit", fit)
    result = cross_validate([tmp_path], boosted=())
    assert set(result["folds"]) == {"a", "b"}
    # one scorer per fold, each trained on the other writer's articles alone
    assert sorted(trained_on) == sorted(Counter(writer.values()).values())
    gold_units = evaluate(tmp_path).micro  # the packaged scorer: only the gold side matters here
    pooled = result["all"].micro
    assert pooled.tp + pooled.fn == gold_units.tp + gold_units.fn > 0
    folds = [s.micro for s in result["folds"].values()]
    assert sum(f.tp + f.fn for f in folds) == pooled.tp + pooled.fn and sum(f.fp for f in folds) == pooled.fp


def test_extract_learned_train_cli(tmp_path: Path) -> None:
    """`kgbuild train examples -o DIR` writes DIR/scorer.json and says what it used."""
    out = subprocess.run([sys.executable, "-m", "kgbuild", "train", str(EXAMPLES), "-o", str(tmp_path)],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.startswith(f"wrote {tmp_path / 'scorer.json'}: 13 articles, 22 missions, data sha256 ")
    missing = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(EXAMPLES), "--scorer",
                              str(tmp_path / "none.json")], capture_output=True, text=True)
    assert missing.returncode == 2 and "none.json" in missing.stderr
    bogus = subprocess.run([sys.executable, "-m", "kgbuild", "train", str(EXAMPLES), "-o", str(tmp_path / "b"),
                            "--boost", "mission,observers"], capture_output=True, text=True)
    assert bogus.returncode == 2 and "parameter '--boost': 'observers' names no decision" in bogus.stderr
