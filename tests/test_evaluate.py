"""`kgbuild evaluate` scores exactly as the corpus's reference scorer score.py does."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kgbuild.evaluate import ERROR_KINDS, load_gold, score

from .conftest import DATA, EXAMPLES

SCORE_PY = DATA / "score.py"


def _reference(gold_dir: Path, pred: dict, tmp_path: Path) -> str:
    p = tmp_path / "pred.json"
    p.write_text(json.dumps(pred), encoding="utf-8")
    out = subprocess.run([sys.executable, str(SCORE_PY), str(gold_dir), str(p)], capture_output=True, text=True)
    return out.stdout


def _perturb(gold: list[dict], seed: int) -> dict:
    """Gold turned into a prediction with realistic mistakes: dropped, changed and invented facts."""
    rng = random.Random(seed)
    arts = []
    for doc in gold:
        missions = copy.deepcopy(doc["missions"])
        for m in missions:
            if rng.random() < 0.3 and m["member_countries"]:
                m["member_countries"].pop(rng.randrange(len(m["member_countries"])))
            if rng.random() < 0.2:
                m["member_countries"].append("FR")
            if rng.random() < 0.3:
                m["election"]["date"] = None
            if rng.random() < 0.2 and m["observers"]["total"]:
                m["observers"]["total"] += 1
            if rng.random() < 0.2:
                m["head"] = "Somebody Else"
            if rng.random() < 0.2:
                m["organizer"] = {"Commonwealth of Independent States": "CIS"}.get(m["organizer"], m["organizer"])
        if rng.random() < 0.2 and missions:
            missions.pop()
        if rng.random() < 0.2:
            missions.append({"organizer": "African Union", "country": "ZZ", "election": {"type": "local"}})
        arts.append({"article": doc["article"], "missions": missions})
    return {"articles": arts}


@pytest.mark.parametrize("seed", range(6))
def test_evaluate_agrees_with_score_py(seed: int, tmp_path: Path) -> None:
    """Per-slot tp/fp/fn and the micro line are identical to score.py's on perturbed predictions."""
    gold = load_gold(EXAMPLES)
    pred = _perturb(gold, seed)
    ours = score(gold, pred).table()
    ref = _reference(EXAMPLES, pred, tmp_path)
    assert ours.strip() == ref.strip()


def test_evaluate_cli_min_f1_sets_the_exit_status(tmp_path: Path) -> None:
    """`kgbuild evaluate` exits 1 under --min-f1 above its score and 0 at or below it."""
    d = tmp_path / "corpus"
    d.mkdir()
    for name in ("azerbaijan-2020-cis-interim", "belarus-2020-odihr-no-invitation"):
        for suffix in (".txt", ".gold.json"):
            (d / (name + suffix)).write_bytes((EXAMPLES / (name + suffix)).read_bytes())
    ok = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(d), "--min-f1", "0.9"],
                        capture_output=True, text=True)
    assert ok.returncode == 0, ok.stderr
    assert "micro P=1.000 R=1.000 F1=1.000" in ok.stdout
    empty = tmp_path / "empty"
    empty.mkdir()
    bad = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(empty), "--min-f1", "0.9"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "no *.gold.json" in bad.stderr


def _doc(name: str, missions: list[dict], writer: str = "", style: str = "") -> dict:
    return {"article": name, "missions": missions, "writer": writer, "style": style}


def _m(org: str, country: str, **kw: object) -> dict:
    m: dict = {"organizer": org, "country": country, "election": {"type": None, "date": None, "early": False},
               "member_countries": [], "member_organizations": [], "observers": {"total": None}}
    m.update(kw)
    return m


def test_evaluate_error_kinds() -> None:
    """Missed and spurious missions, wrong, missing and extra values are each counted once."""
    gold = [_doc("a.txt", [_m("African Union", "UG", head="Ann Smith", observers={"total": 38}),
                           _m("Carter Center", "KE")])]
    pred = {"articles": [{"article": "a.txt", "missions": [
        _m("African Union", "UG", head="Bob Jones", member_countries=["KE"]),
        _m("European Union", "GH")]}]}
    s = score(gold, pred)
    assert dict(s.errors) == {"missed mission": 1, "spurious mission": 1, "wrong value": 1,
                              "missing value": 1, "extra value": 1}
    assert tuple(s.errors) == ERROR_KINDS


def test_evaluate_bootstrap_intervals_are_seeded_and_bracket_the_estimate() -> None:
    """Intervals come from article resamples: the same seed gives the same bounds, which hold the point."""
    gold = load_gold(EXAMPLES)
    pred = _perturb(gold, 3)
    s = score(gold, pred)
    a = s.intervals(resamples=300, seed=7)
    assert a == s.intervals(resamples=300, seed=7)
    for name, values in a.items():
        for k, iv in values.items():
            assert iv.low <= iv.value + 1e-9 and iv.value - 1e-9 <= iv.high, (name, k, iv)
    micro = a["micro"]["f1"]
    assert micro.low < micro.value < micro.high  # perturbed predictions: a real spread
    assert "micro" in s.report(resamples=100) and "errors: missed mission" in s.report(resamples=100)


def test_evaluate_by_writer_and_style_partition_the_units() -> None:
    """Scores by writer (and by style) add up to the whole."""
    gold = [_doc("a.txt", [_m("African Union", "UG")], "w1", "wire"),
            _doc("b.txt", [_m("Carter Center", "KE")], "w2", "wire"),
            _doc("c.txt", [], "w2", "live")]
    pred = {"articles": [{"article": "a.txt", "missions": [_m("African Union", "UG")]},
                         {"article": "c.txt", "missions": [_m("Carter Center", "KE")]}]}
    s = score(gold, pred)
    by_writer = s.by("writer")
    assert set(by_writer) == {"w1", "w2"}
    assert (by_writer["w1"].micro.tp, by_writer["w2"].micro.fn, by_writer["w2"].micro.fp) == (1, 1, 1)
    by_style = s.by("style")
    assert sum(x.micro.tp + x.micro.fp + x.micro.fn for x in by_style.values()) == \
        s.micro.tp + s.micro.fp + s.micro.fn
    with pytest.raises(ValueError, match="cannot group by 'head'"):
        s.by("head")


def test_evaluate_load_gold_recurses_and_refuses_duplicates(tmp_path: Path) -> None:
    """Gold files are found in sub-folders; two gold files for one article are an error naming both."""
    for sub in ("a", "b"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "x.gold.json").write_text(json.dumps(_doc("x.txt", [])), encoding="utf-8")
    with pytest.raises(ValueError, match="x.txt"):
        load_gold(tmp_path)
    assert [g["article"] for g in load_gold(tmp_path / "a")] == ["x.txt"]


def test_evaluate_cli_ci_and_by_writer(tmp_path: Path) -> None:
    """`kgbuild evaluate --ci N --by-writer` prints intervals, error kinds and one line per writer."""
    d = tmp_path / "corpus"
    d.mkdir()
    name = "azerbaijan-2020-cis-interim"
    (d / (name + ".txt")).write_bytes((EXAMPLES / (name + ".txt")).read_bytes())
    gold = json.loads((EXAMPLES / (name + ".gold.json")).read_text(encoding="utf-8"))
    gold["writer"] = "w9"
    (d / (name + ".gold.json")).write_text(json.dumps(gold), encoding="utf-8")
    out = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(d), "--ci", "50", "--by-writer"],
                         capture_output=True, text=True)
    assert out.returncode == 0, out.stderr
    assert "1.000 [1.000, 1.000]" in out.stdout and "errors: missed mission 0" in out.stdout
    assert "writer w9: 1 articles, micro P=1.000 R=1.000 F1=1.000" in out.stdout


def test_evaluate_by_pattern_scores_each_tier1_pattern_alone() -> None:
    """Every pattern of patterns.jsonl gets a row; what it marks is counted against the gold, so a
    pattern's correct hits never exceed its hits, and the election-possessive host pattern ("Kenya's
    election") is right more often than not on the examples."""
    from kgbuild.evaluate import pattern_scores, pattern_table
    from kgbuild.extract.learned import load_patterns

    scores = {p.pattern: p for p in pattern_scores(EXAMPLES)}
    assert {p["id"] for p in load_patterns()} <= set(scores)
    assert all(0 <= p.correct <= p.hits and p.covered <= p.gold for p in scores.values())
    host = scores["host.election-poss"]
    assert host.hits > 0 and host.precision > 0.5 and 0 < host.recall <= 1
    assert sum(p.correct for p in scores.values() if p.pattern.startswith("member.")) > 0
    assert pattern_table(scores.values()).splitlines()[0].split()[:3] == ["pattern", "hits", "correct"]
