"""`kgbuild evaluate` scores exactly as the corpus's reference scorer score.py does."""

from __future__ import annotations

import copy
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest

from kgbuild.evaluate import load_gold, score

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
    bad = subprocess.run([sys.executable, "-m", "kgbuild", "evaluate", str(tmp_path), "--min-f1", "0.9"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "no *.gold.json" in bad.stderr
