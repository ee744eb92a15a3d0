"""The CSV/Parquet tables of a release (kgbuild.release, issue 19): what an R or Stata user opens."""

from __future__ import annotations

import csv
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner

from kgbuild.api import KnowledgeGraph
from kgbuild.cli import main
from kgbuild.errors import MissingDependency
from kgbuild.release import MISSION_COLUMNS, PROVENANCE_COLUMNS, write_tables

from .conftest import EXAMPLES, ROOT


@pytest.fixture(scope="module")
def published(examples_store: Path, tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str]:
    """`kgbuild publish` of the examples store (a copy: publish stores the VoID graph)."""
    import shutil

    store = tmp_path_factory.mktemp("release") / "store"
    shutil.copytree(examples_store, store)
    out = store.parent / "out"
    result = CliRunner().invoke(main, ["publish", str(out), "--store", str(store)])
    assert result.exit_code == 0, result.output
    return out, str(store)


def _read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _cell(value: Any) -> str:
    return "" if value is None else ("true" if value is True else "false" if value is False else str(value))


def test_release_publish_writes_the_tables_and_names_them(published: tuple[Path, str]) -> None:
    """`kgbuild publish` writes missions and provenance as CSV and Parquet, and lists them with their rows."""
    out, store = published
    for name in ("missions.csv", "provenance.csv", "missions.parquet", "provenance.parquet"):
        assert (out / name).stat().st_size > 0, name
    assert not list(out.glob(".*.tmp"))


def test_release_missions_csv_is_the_missions_query(published: tuple[Path, str]) -> None:
    """missions.csv has the documented columns and one row per mission: the `missions` query's rows."""
    out, store = published
    rows = _read_csv(out / "missions.csv")
    with KnowledgeGraph(store, read_only=True) as kg:
        expected = kg.query("missions")
    assert list(rows[0]) == list(MISSION_COLUMNS) == expected.columns
    assert rows == [{c: _cell(r.get(c)) for c in MISSION_COLUMNS} for r in expected]
    assert len(rows) == len({r["mission"] for r in rows}) == 22
    cis = next(r for r in rows if r["mission"].endswith("/mission/cis-az-parliamentary-2020-02-09"))
    assert (cis["country"], cis["type"], cis["election_date"], cis["early"], cis["total"]) == (
        "AZ", "parliamentary", "2020-02-09", "true", "252")


def test_release_provenance_rows_point_at_their_words(published: tuple[Path, str]) -> None:
    """Every provenance row's begin:end in its article's text (as read) is its evidence, inside its sentence."""
    out, _ = published
    rows = _read_csv(out / "provenance.csv")
    assert list(rows[0]) == list(PROVENANCE_COLUMNS)
    from kgbuild.ingest import read_inputs

    texts = {a.name: a.text for a in read_inputs([EXAMPLES]) if hasattr(a, "text")}
    assert len(texts) == 13
    missions = {r["mission"] for r in _read_csv(out / "missions.csv")}
    assert len({tuple(r.values()) for r in rows}) == len(rows)  # no statement twice
    for r in rows:
        assert texts[r["article"]][int(r["begin"]):int(r["end"])] == r["evidence"], r
        assert r["evidence"] in r["sentence"] and r["mission"] in missions and r["value"]
    # every mission's identity is stated, once per article that reports it
    identity = {(r["mission"], r["article"]) for r in rows if r["property"] == "organizer"}
    assert {m for m, _ in identity} == missions
    for prop in ("observes", "electionCountry"):
        assert sorted((r["mission"], r["article"]) for r in rows if r["property"] == prop) == sorted(identity)
    figure = [r for r in rows if r["mission"].endswith("cis-az-parliamentary-2020-02-09") and r["slot"] == "observers.total"]
    assert [(f["value"], f["article"], f["published"]) for f in figure] == [
        ("252", "azerbaijan-2020-cis-interim.txt", "2020-02-03")]
    assert {r["slot"] for r in rows} == {"mission", "start_date", "head", "member_country", "member_organization",
                                         "accredited_by", "election.type", "election.date", "election.early",
                                         "observers.total", "observers.long_term", "observers.short_term"}
    types = {r["value"] for r in rows if r["slot"] == "election.type"}
    assert types <= {"parliamentary", "presidential", "local", "regional", "referendum", "general"} and types
    members = [r for r in rows if r["slot"] == "member_country"]
    assert members and all(r["value_iri"].rsplit("/", 2)[-2] == "country" for r in members)


def test_release_parquet_holds_the_csv_rows_typed(published: tuple[Path, str]) -> None:
    """The Parquet files hold the CSV's rows with integer, date and boolean columns typed."""
    pl = pytest.importorskip("polars")
    out, _ = published
    for name in ("missions", "provenance"):
        frame = pl.read_parquet(out / f"{name}.parquet")
        rows = _read_csv(out / f"{name}.csv")
        assert frame.columns == list(rows[0]) and frame.height == len(rows)
        assert [{k: _cell(v) for k, v in r.items()} for r in frame.to_dicts()] == rows
    missions = pl.read_parquet(out / "missions.parquet")
    assert missions.schema["total"] == pl.Int64 and missions.schema["election_date"] == pl.Date
    assert missions.schema["early"] == pl.Boolean
    assert pl.read_parquet(out / "provenance.parquet").schema["published"] == pl.Date


def test_release_columns_are_documented() -> None:
    """docs/release-tables.md has a row for every column of both tables, in order, and no other."""
    doc = (ROOT / "docs" / "release-tables.md").read_text(encoding="utf-8")
    sections = re.split(r"^## ", doc, flags=re.M)
    for columns, title in ((MISSION_COLUMNS, "`missions.csv`"), (PROVENANCE_COLUMNS, "`provenance.csv`")):
        (section,) = [s for s in sections if s.startswith(title)]
        documented = re.findall(r"^\| `(\w+)` \|", section, flags=re.M)
        assert documented == list(columns), title


def test_release_failed_write_keeps_the_previous_file(gold_kg, tmp_path: Path, monkeypatch) -> None:
    """A write that fails midway leaves the previous release's file whole and no temporary file."""
    import kgbuild.release as release

    write_tables(gold_kg, tmp_path, parquet=False)
    before = (tmp_path / "missions.csv").read_bytes()

    def broken(table: Any, fh: Any) -> None:
        fh.write(b"mission,half")
        raise OSError("disk full")

    monkeypatch.setattr(release, "_write_csv", broken)
    with pytest.raises(OSError, match="disk full"):
        write_tables(gold_kg, tmp_path, parquet=False)
    assert (tmp_path / "missions.csv").read_bytes() == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["missions.csv", "provenance.csv"]


def test_release_without_polars_writes_csv_and_says_how_to_get_parquet(gold_kg, tmp_path: Path) -> None:
    """Without polars: parquet=None warns and writes the CSV files, parquet=True raises MissingDependency."""
    blocker = tmp_path / "block"
    blocker.mkdir()
    (blocker / "polars.py").write_text("raise ImportError('blocked for the test')\n")
    code = (
        "import warnings, json\n"
        "from kgbuild.api import KnowledgeGraph\n"
        "from kgbuild.release import write_tables\n"
        "from tests.conftest import load_gold_into\n"
        "kg = KnowledgeGraph(None); load_gold_into(kg)\n"
        "with warnings.catch_warnings(record=True) as w:\n"
        "    warnings.simplefilter('always')\n"
        f"    counts = write_tables(kg, {str(tmp_path / 'out')!r})\n"
        "try:\n"
        f"    write_tables(kg, {str(tmp_path / 'out2')!r}, parquet=True)\n"
        "except Exception as e:\n"
        "    err = f'{type(e).__name__}: {e}'\n"
        "print(json.dumps([sorted(counts), [str(x.message) for x in w], err]))\n"
    )
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, cwd=ROOT,
                         env={"PYTHONPATH": f"{blocker}:{ROOT}", "PATH": ""})
    assert run.returncode == 0, run.stderr
    import json

    files, warned, err = json.loads(run.stdout)
    assert files == ["missions.csv", "provenance.csv"]
    assert warned == ["writing the Parquet files of a release needs polars, which is not installed: "
                      "pip install 'kgbuild[polars]'; wrote the CSV files only"]
    assert err.startswith("MissingDependency: ") and "kgbuild[polars]" in err
    assert MissingDependency.__mro__[1].__name__ == "KgbuildError"
