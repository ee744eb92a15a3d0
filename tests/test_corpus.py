"""The annotated corpora in corpus/: every gold file valid, evidence in its text, sets of the promised size."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from kgbuild.corpus import check_corpus, check_text_and_gold, evidence_spans, iter_corpus, load_article
from kgbuild.model import Article

from .conftest import DATA, ROOT, known_failures

CORPUS = ROOT / "corpus"
TRAIN = CORPUS / "train"
LOCKED = CORPUS / "locked"
SAMPLE = CORPUS / "EXAMPLE.gold.json.sample"
TEXT = ROOT / "examples" / "azerbaijan-2020-cis-interim.txt"


def test_corpus_every_gold_file_is_valid() -> None:
    """Every gold file below corpus/ follows FORMAT.md and quotes its article exactly."""
    problems = check_corpus(CORPUS)
    assert [str(p) for p in problems] == []


def test_corpus_sizes_and_independent_writers() -> None:
    """At least 400 training articles from 8+ writers, 100+ locked ones from writers of their own."""
    train = list(iter_corpus(TRAIN))
    locked = list(iter_corpus(LOCKED))
    train_writers = Counter(a.writer for a in train if a.writer.startswith("w"))
    locked_writers = Counter(a.writer for a in locked)
    assert sum(train_writers.values()) >= 400 and len(train_writers) >= 8
    assert len(locked) >= 100 and len(locked_writers) >= 2
    assert not set(train_writers) & set(locked_writers)
    for articles in (train, locked):
        empty = sum(1 for a in articles if not a.gold["missions"])
        assert 0.12 <= empty / len(articles) <= 0.3, empty / len(articles)
        assert all(a.gold.get("kind") for a in articles if not a.gold["missions"])


def test_corpus_evidence_offsets_point_into_the_extractors_text() -> None:
    """Evidence offsets index the text the extractor sees (after the date line)."""
    article = load_article(CORPUS / "train" / "w1" / sorted(p.name for p in (TRAIN / "w1").glob("*.gold.json"))[0])
    body = Article.from_text(article.name, article.text).text
    spans = evidence_spans(article)
    assert spans
    for span in spans:
        assert body[span.start:span.end] == span.text


def _sample() -> tuple[str, dict]:
    return TEXT.read_text(encoding="utf-8"), json.loads(SAMPLE.read_text(encoding="utf-8"))


def test_corpus_check_accepts_the_sample() -> None:
    """The brief's example gold, with evidence for every value, passes."""
    text, gold = _sample()
    assert check_text_and_gold("azerbaijan-2020-cis-interim.txt", text, gold) == []


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (lambda m: m["evidence"].pop("start_date"), "no 'start_date' span"),
        (lambda m: m["evidence"].update({"head": "Jan. 19"}), "'head' given, but the value is null"),
        (lambda m: m["evidence"].update({"observers.total": "accredited 253 CIS"}), "does not occur"),
        (lambda m: m["evidence"].update({"observers.total": "CIS"}), "occurs"),
        (lambda m: m.update({"country": "XX"}), "not an ISO 3166-1 alpha-2 code"),
        (lambda m: m["election"].update({"date": "2020-02-30"}), "not an ISO date"),
        (lambda m: m["election"].update({"type": "mayoral"}), "not one of"),
        (lambda m: m["evidence"]["member_countries"].pop("BY"), "spans for"),
        (lambda m: m.update({"head": "Sergei Lebedev"}) or m["evidence"].update({"head": "The mission, which"}),
         "does not contain the surname"),
        (lambda m: m["observers"].update({"total": "252"}), "is not a count"),
        (lambda m: m.pop("accredited_by"), "keys differ"),
    ],
)
def test_corpus_check_names_each_problem(change, message: str) -> None:  # type: ignore[no-untyped-def]
    """Each kind of mistake in a gold file is reported with the field and what is wrong."""
    text, gold = _sample()
    change(gold["missions"][0])
    problems = check_text_and_gold("azerbaijan-2020-cis-interim.txt", text, gold)
    assert problems and any(message in p.message for p in problems), [str(p) for p in problems]


def test_corpus_check_corpus_pairs_files_and_names(tmp_path: Path) -> None:
    """An article without gold, unreadable JSON and a wrong date line are reported by file name."""
    text, gold = _sample()
    (tmp_path / "azerbaijan-2020-cis-interim.txt").write_text(text, encoding="utf-8")
    (tmp_path / "azerbaijan-2020-cis-interim.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    (tmp_path / "lonely.txt").write_text("x", encoding="utf-8")
    (tmp_path / "broken.txt").write_text(" date 2020-01-01\nx", encoding="utf-8")
    (tmp_path / "broken.gold.json").write_text("{", encoding="utf-8")
    (tmp_path / "dated.txt").write_text(" date 2020-01-01\nx", encoding="utf-8")
    (tmp_path / "dated.gold.json").write_text(json.dumps({"article": "dated.txt", "published": "2020-01-02",
                                                          "missions": []}), encoding="utf-8")
    got = sorted(str(p).replace(str(tmp_path) + "/", "") for p in check_corpus(tmp_path))
    assert len(got) == 3
    assert got[0].startswith("broken.gold.json: cannot read gold JSON")
    assert got[1] == "dated.gold.json: 'published' is '2020-01-02' but the date line says 2020-01-01"
    assert got[2] == "lonely.txt: article without a gold file"


def test_corpus_check_gold_cli(tmp_path: Path) -> None:
    """`kgbuild check-gold` prints each problem and the corpus size, and exits 1 on a problem."""
    import subprocess
    import sys

    text, gold = _sample()
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    gold["article"] = "a.txt"
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    ok = subprocess.run([sys.executable, "-m", "kgbuild", "check-gold", str(tmp_path)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert "1 articles (0 without a mission), 1 missions, 20 units, writers: example; 0 problems" in ok.stdout
    del gold["missions"][0]["evidence"]["start_date"]
    (tmp_path / "a.gold.json").write_text(json.dumps(gold), encoding="utf-8")
    bad = subprocess.run([sys.executable, "-m", "kgbuild", "check-gold", str(tmp_path)], capture_output=True, text=True)
    assert bad.returncode == 1
    assert "a.gold.json: missions[0].evidence: no 'start_date' span for a non-null value" in bad.stdout


def test_corpus_annotator_agreement() -> None:
    """A second annotator's blind reading of 36 training articles agrees with the gold at micro-F1 >= 0.95."""
    from kgbuild.evaluate import score

    second = json.loads((CORPUS / "agreement" / "second-annotator.json").read_text(encoding="utf-8"))
    names = [a["article"] for a in second["articles"]]
    assert len(names) == 36
    gold = [load_article(TRAIN / n.split("-")[0] / n.replace(".txt", ".gold.json")).gold for n in names]
    s = score(gold, second)
    assert s.micro.f1 >= 0.95, s.table()  # 0.991 (tp 216, fp 3, fn 1) when it was made


def test_corpus_readme_commands() -> None:
    """The README's corpus commands run as shown: check-gold, evaluate with intervals by style, invariance."""
    import subprocess
    import sys

    def run(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run([sys.executable, "-m", "kgbuild", *args], capture_output=True, text=True, cwd=ROOT)

    checked = run("check-gold", "corpus/train", "corpus/locked")
    assert checked.returncode == 0, checked.stdout
    assert "corpus/locked: 107 articles" in checked.stdout
    scored = run("evaluate", "corpus/dev", "--ci", "1000", "--by-style")
    assert scored.returncode == 0, scored.stderr
    assert "56 articles; intervals from 1000 article resamples (seed 0)" in scored.stdout
    assert "style wire: 56 articles" in scored.stdout
    inv = run("invariance")
    assert inv.returncode == 0, inv.stderr
    rows = (CORPUS / "invariance" / "suite.jsonl").read_text(encoding="utf-8").count("\n")
    known = known_failures(DATA / "invariance-known-failures.txt")
    assert inv.stdout.splitlines()[-1].split()[:3] == ["all", str(rows - len(known)), str(rows)]
