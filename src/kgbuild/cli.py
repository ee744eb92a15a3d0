"""The ``kgbuild`` command line: thin click wrappers around :mod:`kgbuild.api`.

Exit codes: 0 success; 1 some inputs failed (build) or a floor was missed (evaluate);
2 usage or parameter error; 3 query error; 4 store error (in use, cannot open).
"""

from __future__ import annotations

import json
import re
import sys
import warnings
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TypeVar

import click
import pyoxigraph as ox

from . import DEFAULT_BASE_IRI, DEFAULT_STORE, STORE_ENV, KnowledgeGraph, examples_path
from .errors import KgbuildError, ParameterError, QueryError, StoreError
from .query import Catalog, Row, term_to_json, term_to_python
from .vocab import EO_NS

F = TypeVar("F", bound=Callable[..., Any])

EXIT_FAILED, EXIT_USAGE, EXIT_QUERY, EXIT_STORE = 1, 2, 3, 4
#: the exit status of each class of error (the first that matches); other kgbuild errors: EXIT_FAILED
_EXIT_CODES: tuple[tuple[type[KgbuildError], int], ...] = (
    (ParameterError, EXIT_USAGE), (QueryError, EXIT_QUERY), (StoreError, EXIT_STORE),
)


def store_options(fn: F) -> F:
    """``--store`` and ``--base-iri``, shared by every command that opens the graph."""
    fn = click.option(
        "--base-iri",
        default=DEFAULT_BASE_IRI,
        show_default=True,
        envvar="KGBUILD_BASE_IRI",
        help="Base of every minted data IRI.",
    )(fn)
    fn = click.option(
        "--store",
        "store_path",
        default=DEFAULT_STORE,
        show_default=True,
        envvar=STORE_ENV,
        help=f"Directory of the on-disk store, or http(s):// URL of a SPARQL server (env {STORE_ENV}).",
    )(fn)
    return fn


FORMATS = ("table", "json", "csv", "tsv")


def output_format_option(fn: F) -> F:
    """``--format table|json|csv|tsv`` and ``--columns``, shared by every command that prints rows."""
    fn = click.option(
        "--columns", metavar="NAME,NAME,...", default=None,
        help="Only these columns, in this order (any format); a table otherwise shows what fits the terminal.",
    )(fn)
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(FORMATS),
        default="table",
        show_default=True,
        help="Table for people; SPARQL JSON results, CSV or TSV for programs.",
    )(fn)


def _choose_columns(names: list[str], columns: str | None) -> list[str]:
    """The columns ``--columns`` names, in its order; every name must be one of ``names``."""
    if not columns:
        return names
    chosen = [c.strip() for c in columns.split(",") if c.strip()]
    unknown = [c for c in chosen if c not in names]
    if unknown or not chosen:
        raise ParameterError("--columns", columns, f"names {', '.join(unknown) or 'no column'}, not a column of "
                             f"the result; its columns are: {', '.join(names)}")
    return chosen


@contextmanager
def errors_to_exit() -> Iterator[None]:
    """Turn kgbuild errors into one clear line on stderr and a distinct exit code."""
    try:
        yield
    except KgbuildError as e:
        click.echo(f"error: {e}", err=True)
        sys.exit(next((code for cls, code in _EXIT_CODES if isinstance(e, cls)), EXIT_FAILED))


@contextmanager
def warnings_to_stderr() -> Iterator[None]:
    """Show the library's warnings (e.g. an optional package missing) as one ``warning:`` line each."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            yield
        finally:
            for w in caught:
                click.echo(f"warning: {w.message}", err=True)


def _open(store_path: str, base_iri: str, *, read_only: bool = False, model: str | None = None,
          scorer: str | None = None, rules: bool = False, lang: str = "auto") -> KnowledgeGraph:
    return KnowledgeGraph(store_path, read_only=read_only, base_iri=base_iri, model=model, scorer=scorer, rules=rules,
                          lang=lang)


def extractor_options(fn: F) -> F:
    """``--scorer PATH``, ``--rules`` and ``--lang``: which extractor a build or an evaluation runs."""
    fn = click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True,
                      help="The articles' language: detected per article (auto), or English or Russian for all. "
                           "An article in another language is skipped and reported with its language.")(fn)
    fn = click.option("--rules", is_flag=True,
                      help="Extract with the v1 rules alone (no parse, no trained scorer).")(fn)
    fn = click.option("--scorer", type=click.Path(exists=True, dir_okay=False), default=None,
                      help="A scorer artifact written by `kgbuild train` (default: the packaged one).")(fn)
    return fn


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="kgbuild")
def main() -> None:
    """kgbuild: build a knowledge graph of international election observation from news text."""


# --- build -----------------------------------------------------------------------------------
@main.command()
@click.argument("inputs", nargs=-1, required=True)
@store_options
@click.option("--model", default=None, help="spaCy pipeline to load (installed package name or path).")
@click.option("--max-bytes", type=int, default=None, help="Largest input file or JSON line accepted (default 20 MiB).")
@click.option("--root", type=click.Path(file_okay=False), default=None,
              help="Article ids are paths relative to this folder (default: each directory given).")
@click.option("--force", is_flag=True,
              help="Re-extract articles even when unchanged, and replace an id stored from another source.")
@click.option("--follow-symlinks", is_flag=True, help="Read symlinks that lead out of the folders given (refused by default).")
@click.option("--processes", "-j", type=click.IntRange(1, 64), default=1, show_default=True,
              help="Worker processes (each extracts its articles and builds their quads).")
@click.option("--cluster", default=None, metavar="local:N|tcp://HOST:PORT",
              help="Extract on a Dask cluster (pip install 'kgbuild[dask]'): N local workers or a running "
                   "scheduler; needs --store http://HOST:PORT (docs/scale-out.md).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: when stderr is a terminal).")
@extractor_options
def build(inputs: tuple[str, ...], store_path: str, base_iri: str, model: str | None, max_bytes: int | None,
          root: str | None, force: bool, follow_symlinks: bool, processes: int, cluster: str | None,
          progress: bool | None, scorer: str | None, rules: bool, lang: str) -> None:
    """Read articles (files, directories, JSON Lines, - for stdin) and add them to the graph.

    Each article becomes one named graph, written atomically; unchanged articles are skipped.
    A bad input gets one line on stderr and the batch goes on, as does a file that is no article
    type (skipped) or one read with a caveat (warning); the exit status is 1 if any failed or
    the inputs held no article at all.
    """
    with errors_to_exit():
        kg = _open(store_path, base_iri, model=model, scorer=scorer, rules=rules, lang=lang)
        try:
            report = _run_build(kg, inputs, max_bytes=max_bytes, root=root, force=force, processes=processes,
                                progress=progress, follow_symlinks=follow_symlinks, cluster=cluster)
        finally:
            kg.close()
        for p in report.failed:
            click.echo(f"error: {p}", err=True)
        for p in report.skipped:
            click.echo(f"skipped: {p}", err=True)
        for p in report.warnings:
            click.echo(f"warning: {p}", err=True)
        click.echo(report.summary())
        if not report.found:
            click.echo("error: the inputs hold no article (.txt, .text, .html, .htm, .json, .jsonl, .ndjson)", err=True)
        if report.failed or not report.found:
            sys.exit(EXIT_FAILED)


def _run_build(kg: Any, inputs: tuple[str, ...], *, max_bytes: int | None, force: bool, processes: int,
               progress: bool | None, root: str | None = None, follow_symlinks: bool = False,
               cluster: str | None = None) -> Any:
    show = sys.stderr.isatty() if progress is None else progress
    stdin = sys.stdin.buffer if "-" in inputs else None
    if not show:
        return kg.build(inputs, stdin=stdin, max_bytes=max_bytes, root=root, force=force, n_process=processes,
                        follow_symlinks=follow_symlinks, cluster=cluster)
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    with Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TextColumn("{task.fields[rate]}"), TimeRemainingColumn(),
        transient=True,
    ) as bar:
        task = bar.add_task("building", total=_estimate_items(inputs), rate="")

        def on_item(item: str, outcome: str) -> None:
            bar.advance(task)
            t = bar.tasks[0]
            if t.elapsed:
                bar.update(task, rate=f"{t.completed / t.elapsed:.1f} articles/s")

        return kg.build(inputs, stdin=stdin, max_bytes=max_bytes, root=root, force=force, n_process=processes,
                        on_item=on_item, follow_symlinks=follow_symlinks, cluster=cluster)


def _estimate_items(inputs: tuple[str, ...]) -> int | None:
    """How many articles a build will see (files, JSON lines), for the progress bar's ETA; None if unknown."""
    import os

    from .ingest import ARTICLE_SUFFIXES, GOLD_SUFFIX

    total = 0

    def count(path: Path) -> int:
        name = path.name.lower()
        if name.endswith(GOLD_SUFFIX) or path.suffix.lower() not in ARTICLE_SUFFIXES:
            return 0
        if path.suffix.lower() in (".jsonl", ".ndjson"):
            with open(path, "rb") as fh:
                return sum(1 for line in fh if line.strip())
        return 1

    for item in inputs:
        if item == "-":
            return None
        p = Path(item)
        try:
            if p.is_dir():
                for dirpath, dirnames, filenames in os.walk(p):
                    dirnames[:] = [d for d in dirnames if not d.startswith(".")]
                    total += sum(count(Path(dirpath) / f) for f in filenames if not f.startswith("."))
            elif p.is_file():
                total += count(p)
        except OSError:
            continue
    return total or None


@main.command()
@click.argument("article")
@store_options
def remove(article: str, store_path: str, base_iri: str) -> None:
    """Remove an ARTICLE (its id or file name) and every fact only it supported."""
    with errors_to_exit():
        with _open(store_path, base_iri) as kg:
            if not kg.remove(article):
                raise ParameterError("article", article, "is not in the store")
        click.echo(f"removed {article}")


# --- queries ---------------------------------------------------------------------------------
@main.command("queries")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="table", show_default=True,
              help="A listing for people; JSON, CSV or TSV (name, title, parameters, description) for programs.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json (kept for old scripts).")
def list_queries(fmt: str, as_json: bool) -> None:
    """List the prepared queries with their parameters (they need no store)."""
    with errors_to_exit():
        cat = Catalog.load()
        if as_json or fmt == "json":
            click.echo(json.dumps([q.describe() for q in cat.values()], indent=2))
            return
        if fmt in ("csv", "tsv"):
            import csv

            w = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow(["name", "title", "params", "description"])
            for q in cat.values():
                w.writerow([q.name, q.title, " ".join(p.name + ("?" if p.optional else "") for p in q.params),
                            q.description])
            return
        for q in cat.values():
            params = " ".join(
                (f"[--param {p.name}=<{p.type}>]" if p.optional else f"--param {p.name}=<{p.type}>") for p in q.params
            )
            click.echo(f"{q.name} {params}".rstrip())
            click.echo(f"    {q.title}. {q.description}")


@main.command("query")
@click.argument("name")
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE", help="A query parameter (repeatable).")
@click.option("--limit", type=click.IntRange(min=0), default=None, help="At most this many rows (a page).")
@click.option("--offset", type=click.IntRange(min=0), default=0, show_default=True, help="Skip this many rows first.")
@store_options
@output_format_option
def run_query(name: str, params: tuple[str, ...], limit: int | None, offset: int, store_path: str, base_iri: str,
              fmt: str, columns: str | None) -> None:
    """Run the prepared query NAME (see `kgbuild queries`); --limit/--offset give one page of it."""
    values: dict[str, str] = {}
    with errors_to_exit():
        for p in params:
            if "=" not in p:
                raise ParameterError("--param", p, "must look like KEY=VALUE")
            k, v = p.split("=", 1)
            values[k.strip()] = v
        with _open(store_path, base_iri, read_only=True) as kg:
            rows, names = kg.query_terms(name, limit=limit, offset=offset, **values)
            _print_rows(rows, names, fmt, base_iri=kg.iris.base, title=kg.catalog[name].title, columns=columns)


@main.command()
@click.argument("query")
@store_options
@output_format_option
@click.option("--timeout", type=click.FloatRange(0.1), default=None, help="Stop the query after this many seconds.")
@click.option("--memory", "memory_mb", type=click.IntRange(0), default=2048, show_default=True, metavar="MIB",
              help="Memory the query may use (0: no cap).")
def sparql(query: str, store_path: str, base_iri: str, fmt: str, columns: str | None, timeout: float | None,
           memory_mb: int) -> None:
    """Run an ad-hoc read-only SPARQL QUERY (text, a .rq file, or - for stdin).

    Updates and SERVICE are refused. The standard prefixes (eo:, rdfs:, skos:, ...) are predeclared.
    The query runs in a confined child process, as the server's do (no network, a memory cap, a
    large stack): a query that crashes the engine or runs past a limit is an error (exit 3).
    """
    from .sandbox import WorkerLimits, run_sparql

    with errors_to_exit():
        text = _query_text(query)
        result = run_sparql(store_path, text, base_iri=base_iri, timeout=timeout,
                            limits=WorkerLimits(memory_mb=memory_mb or None))
        if isinstance(result, bool):
            click.echo(json.dumps({"head": {}, "boolean": result}) if fmt == "json" else str(result).lower())
        elif isinstance(result, list):
            sys.stdout.buffer.write(ox.serialize(result, format=ox.RdfFormat.N_TRIPLES) or b"")
        else:
            _print_rows(*result, fmt, base_iri=base_iri, columns=columns)


def _query_text(query: str) -> str:
    if query == "-":
        return sys.stdin.read()
    p = Path(query)
    if query.endswith(".rq") or (len(query) < 4096 and "\n" not in query and p.is_file()):
        try:
            return p.read_text(encoding="utf-8")
        except OSError as e:
            raise ParameterError("QUERY", query, f"cannot be read: {e.strerror or e}") from None
    return query


def _print_rows(rows: list[Row], names: list[str], fmt: str, *, base_iri: str, title: str | None = None,
                columns: str | None = None) -> None:
    names = _choose_columns(names, columns)
    if fmt == "json":
        out = {
            "head": {"vars": names},
            "results": {"bindings": [{k: term_to_json(v) for k, v in r.items() if k in names} for r in rows]},
        }
        click.echo(json.dumps(out, ensure_ascii=False, indent=1))
        return
    if fmt in ("csv", "tsv"):
        import csv

        w = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        w.writerow(names)
        for r in rows:
            w.writerow(["" if r.get(n) is None else term_to_python(r[n]) for n in names])
        return
    cells = [[_cell(r.get(n), n, base_iri) for n in names] for r in rows]
    _print_table(names, cells, title=title, chosen=bool(columns))
    click.echo(f"{len(rows)} row{'s' if len(rows) != 1 else ''}")


#: a column whose every value looks like this is printed whole (dates, numbers, codes)
_WHOLE = re.compile(r"-?\d[\d.,:T+-]*Z?|[A-Z]{2,3}|true|false|True|False")
MIN_TEXT = 14  # a text column narrower than this wraps into unreadable pieces: leave it out instead


def _table_width() -> int:
    """The terminal's width ($COLUMNS when set); piped output gets long lines rather than folded cells."""
    import os
    import shutil

    if os.environ.get("COLUMNS", "").isdigit():
        return int(os.environ["COLUMNS"])
    return shutil.get_terminal_size((400, 24)).columns if sys.stdout.isatty() else 400


def _print_table(names: list[str], cells: list[list[str]], *, title: str | None, chosen: bool = False) -> None:
    """A table that fits the terminal: dates, numbers and codes whole; text columns at least
    :data:`MIN_TEXT` wide, wrapping at word boundaries; the columns that do not fit are left
    out (from the right) and named below, unless ``--columns`` chose them."""
    from rich.console import Console
    from rich.table import Table

    width = _table_width()
    natural = [max([len(n)] + [len(row[i]) for row in cells]) for i, n in enumerate(names)]
    whole = [bool(cells) and all(not row[i] or _WHOLE.fullmatch(row[i]) for row in cells) for i in range(len(names))]
    least = [natural[i] if whole[i] else min(natural[i], max(MIN_TEXT, len(names[i]))) for i in range(len(names))]
    shown, used = [], 1
    for i in range(len(names)):
        need = least[i] + 3  # padding and a border
        if chosen or i == 0 or used + need <= width:
            shown.append(i)
            used += need
    table = Table(title=title, show_lines=False)
    for i in shown:
        table.add_column(names[i], overflow="fold", no_wrap=whole[i], min_width=least[i],
                         justify="right" if whole[i] and cells and cells[0][i][:1].isdigit() and "-" not in cells[0][i] else "left")
    for row in cells:
        table.add_row(*(row[i] for i in shown))
    Console(width=width, highlight=False).print(table)
    hidden = [names[i] for i in range(len(names)) if i not in shown]
    if hidden:
        import textwrap

        click.echo(textwrap.fill(f"({len(hidden)} more column{'s' if len(hidden) != 1 else ''} not shown at {width} "
                                 f"characters: {', '.join(hidden)}; choose with --columns, or use --format csv)",
                                 width=max(40, width)))


def _cell(term: Any, column: str, base_iri: str) -> str:
    """A table cell: the value without the base IRI, and without the column's own kind
    (``mission/cis-az-...`` in the column ``mission`` is ``cis-az-...``)."""
    if term is None:
        return ""
    s = _short(term_to_python(term), base_iri)
    return s[len(column) + 1:] if s.startswith(column + "/") and isinstance(term, ox.NamedNode) else s


def _short(value: Any, base_iri: str) -> str:
    """``value`` without the data's base IRI (the one the graph was opened with) or the ontology's namespace."""
    s = str(value)
    for prefix in (base_iri, EO_NS):
        if s.startswith(prefix):
            return s[len(prefix):]
    return s


# --- facts, evaluation, provenance ------------------------------------------------------------
FACT_COLUMNS = ["article", "organizer", "country", "type", "date", "start_date", "head", "members"]


@main.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="json", show_default=True,
              help="JSON: the gold files' shape, per article; table, CSV, TSV: one row per article and mission.")
@click.option("--columns", metavar="NAME,NAME,...", default=None,
              help=f"With table, csv or tsv: only these columns ({', '.join(FACT_COLUMNS)}).")
def facts(store_path: str, base_iri: str, fmt: str, columns: str | None) -> None:
    """Print, per article, the missions it states (the gold files' JSON shape)."""
    with errors_to_exit():
        with _open(store_path, base_iri, read_only=True) as kg:
            data = kg.facts()
        if fmt == "json":
            click.echo(json.dumps(data, indent=2, ensure_ascii=False))
            return
        names = _choose_columns(FACT_COLUMNS, columns)
        rows = []
        for art in data["articles"]:
            for m in art["missions"]:
                el = m.get("election") or {}
                full = {"article": art["article"], "organizer": m.get("organizer"), "country": m.get("country"),
                        "type": el.get("type"), "date": el.get("date"), "start_date": m.get("start_date"),
                        "head": m.get("head"),
                        "members": "; ".join(str(x) for x in (m.get("member_countries") or []) + (m.get("member_organizations") or []))}
                rows.append(["" if full[n] is None else str(full[n]) for n in names])
        if fmt in ("csv", "tsv"):
            import csv

            w = csv.writer(sys.stdout, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
            w.writerow(names)
            w.writerows(rows)
            return
        _print_table(names, rows, title="Missions per article", chosen=bool(columns))
        click.echo(f"{len(rows)} mission{'s' if len(rows) != 1 else ''} in {len(data['articles'])} articles")


@main.command()
@click.argument("directories", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("--model", default=None, help="spaCy pipeline to load.")
@click.option("--verbose", "-v", is_flag=True, help="List each missed, spurious and wrong fact.")
@click.option("--min-f1", type=click.FloatRange(0, 1), default=None, help="Exit 1 when micro-F1 is below this.")
@click.option("--json", "as_json", is_flag=True, help="Scores as JSON (with intervals when --ci is given).")
@click.option("--ci", "resamples", type=click.IntRange(0), default=0, show_default=True,
              help="Bootstrap 95% confidence intervals from this many article resamples (e.g. 1000).")
@click.option("--seed", type=int, default=0, show_default=True, help="Seed of the bootstrap.")
@click.option("--by-writer", is_flag=True, help="Also score each writer's articles on their own.")
@click.option("--by-style", is_flag=True, help="Also score each source style's articles on their own.")
@click.option("--by-pattern", is_flag=True,
              help="Also score each Tier-1 dependency pattern on its own (what it marks, how much of that is gold).")
@extractor_options
def evaluate(directories: tuple[str, ...], model: str | None, verbose: bool, min_f1: float | None, as_json: bool,
             resamples: int, seed: int, by_writer: bool, by_style: bool, by_pattern: bool, scorer: str | None,
             rules: bool, lang: str) -> None:
    """Build a temporary graph from DIRECTORIES' articles and score it against their *.gold.json files.

    Folders are searched recursively. --ci adds intervals and the error kinds (missed and spurious
    missions, wrong, missing and extra values); --by-writer/--by-style use the gold files' labels.
    """
    from .evaluate import evaluate as run_evaluation
    from .evaluate import pattern_scores, pattern_table

    with errors_to_exit():
        result = run_evaluation(*directories, model=model, scorer=scorer, rules=rules, lang=lang)
        patterns = pattern_scores(*directories, model=model) if by_pattern else None
    for line in result.details:
        if line.startswith("error: "):
            click.echo(line, err=True)
    groups = [g for g, on in (("writer", by_writer), ("style", by_style)) if on]
    if as_json:
        data = result.as_dict(resamples=resamples, seed=seed)
        for g in groups:
            data[f"by_{g}"] = {k: v.as_dict(resamples=resamples, seed=seed) for k, v in result.by(g).items()}
        if patterns is not None:
            data["by_pattern"] = {p.pattern: {"hits": p.hits, "correct": p.correct, "precision": p.precision,
                                              "recall": p.recall} for p in patterns}
        click.echo(json.dumps(data, indent=2))
    else:
        if verbose:
            click.echo("\n".join(line for line in result.details if not line.startswith("error: ")))
        click.echo(result.report(resamples=resamples, seed=seed) if resamples else result.table())
        for g in groups:
            for key, part in result.by(g).items():
                m = part.micro
                click.echo(f"{g} {key}: {len(part.articles)} articles, micro P={m.precision:.3f} "
                           f"R={m.recall:.3f} F1={m.f1:.3f} (tp {m.tp}, fp {m.fp}, fn {m.fn})")
        if patterns is not None:
            click.echo(pattern_table(patterns))
    if min_f1 is not None and result.micro.f1 < min_f1:
        click.echo(f"micro-F1 {result.micro.f1:.3f} is below --min-f1 {min_f1}", err=True)
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("corpora", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
@click.option("-o", "--output", type=click.Path(), required=True,
              help="Folder (gets scorer.json) or .json file to write the trained scorer to.")
@click.option("--model", default=None, help="spaCy pipeline to parse with (default: the pinned English one).")
@click.option("--seed", type=int, default=0, show_default=True, help="The learner's seed.")
@click.option("--c", "c", type=click.FloatRange(min=0, min_open=True), default=None,
              help="Inverse regularization strength of each logistic regression (default 0.5; Russian 1.0).")
@click.option("--cv", is_flag=True, help="Also print leave-one-writer-out scores (train on the others, score one).")
@click.option("--lang", type=click.Choice(["auto", "en", "ru"]), default="auto", show_default=True,
              help="The corpora's language: the pipeline that parses them (auto: the language of most articles).")
@click.option("--boost", "boost", default=None, metavar="DECISIONS",
              help="Comma-separated decisions (mission, or slots such as head) that get boosted trees: the mean "
                   "with the logistic model, or with ':trees' (head:trees) the trees alone; or 'none' "
                   "(default: English the mission's mean and every slot's trees, Russian the mission's mean).")
def train(corpora: tuple[str, ...], output: str, model: str | None, seed: int, c: float | None, cv: bool,
          lang: str, boost: str | None) -> None:
    """Train extractor v2's scorer on CORPORA (folders of NAME.txt + NAME.gold.json) and write it.

    The artifact records the hash of its training data, the seed and the library versions; use it
    with `kgbuild build --scorer PATH` or `kgbuild evaluate --scorer PATH`. Needs scikit-learn
    (pip install 'kgbuild[train]'); Russian corpora (--lang ru) need the ru extra too.
    """
    from .evaluate import cross_validate
    from .extract.language import corpus_language
    from .extract.train import BOOSTED
    from .extract.train import train as run_training

    with errors_to_exit():
        if lang == "auto":
            lang = corpus_language(corpora)
        boosted = None if boost is None else tuple(d.strip() for d in boost.split(",") if d.strip() not in ("", "none"))
        try:
            if lang == "ru":
                from .extract.ru.train import RU_BOOSTED, RU_C, train_russian

                c = RU_C if c is None else c
                report = train_russian(corpora, output, seed=seed, c=c, boosted=RU_BOOSTED if boosted is None else boosted)
            else:
                c = 0.5 if c is None else c
                report = run_training(corpora, output, model=model, seed=seed, c=c,
                                      boosted=BOOSTED if boosted is None else boosted)
        except ParameterError as exc:
            if exc.name != "boosted":
                raise
            raise ParameterError("--boost", exc.value, exc.problem) from exc  # the name the user typed
        click.echo(f"wrote {report.path}: {report.articles} articles, {report.missions} missions, "
                   f"data sha256 {report.sha256[:12]}, {sum(report.features.values()):,} features in its models")
        if cv:
            result = cross_validate(corpora, model=model, seed=seed, c=c, lang=lang, boosted=boosted)
            for fold, part in result["folds"].items():
                m = part.micro
                click.echo(f"held-out {fold}: micro P={m.precision:.3f} R={m.recall:.3f} F1={m.f1:.3f}")
            click.echo(result["all"].table())


@main.command("check-gold")
@click.argument("directories", nargs=-1, required=True, type=click.Path(exists=True, file_okay=False))
def check_gold(directories: tuple[str, ...]) -> None:
    """Check every *.gold.json below DIRECTORIES against FORMAT.md and its evidence against the text.

    Prints one line per problem (file, place, what is wrong) and exits 1 if there is any.
    """
    from .corpus import check_corpus, corpus_stats

    bad = 0
    for root in directories:
        problems = check_corpus(root)
        for problem in problems:
            click.echo(str(problem))
        click.echo(f"{root}: {corpus_stats(root)}; {len(problems)} problems")
        bad += len(problems)
    if bad:
        sys.exit(EXIT_FAILED)


@main.command()
@click.argument("suite", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option("--model", default=None, help="spaCy pipeline to load.")
@click.option("--verbose", "-v", is_flag=True, help="List each failing row and why.")
@click.option("--format", "fmt", type=click.Choice(["table", "json"]), default="table", show_default=True,
              help="A table per family, or per-family results and failures as JSON.")
@click.option("--json", "as_json", is_flag=True, hidden=True, help="Same as --format json (kept for old scripts).")
@extractor_options
def invariance(suite: str | None, model: str | None, verbose: bool, fmt: str, as_json: bool, scorer: str | None,
               rules: bool, lang: str) -> None:
    """Run the invariance suite (default corpus/invariance/suite.jsonl) and print the pass rate per family."""
    from .extract import DEFAULT_MODEL, Extractor
    from .invariance import extractor_predict, load_suite, run_suite

    path = Path(suite) if suite else Path("corpus/invariance/suite.jsonl")
    with errors_to_exit():
        if not path.is_file():
            raise ParameterError("SUITE", str(path), "does not exist; give the suite's path")
        try:
            rows = load_suite(path)
        except ValueError as exc:
            raise ParameterError("SUITE", str(path), str(exc)) from exc
        report = run_suite(rows, extractor_predict(Extractor(model or DEFAULT_MODEL, scorer=scorer, learned=not rules,
                                                             lang=lang)))
    if as_json or fmt == "json":
        click.echo(json.dumps({
            "passed": report.passed, "total": report.total,
            "families": {k: {"expect": f.expect, "passed": f.passed, "total": f.total, "failed": f.failed}
                         for k, f in report.families.items()},
        }, indent=2, ensure_ascii=False))
        return
    if verbose:
        for rid, why in report.failures.items():
            click.echo(f"{rid}: {'; '.join(why)}")
    click.echo(report.table())


@main.command()
@click.argument("node")
@click.argument("prop", required=False)
@store_options
def explain(node: str, prop: str | None, store_path: str, base_iri: str) -> None:
    """Show each fact about NODE (IRI, path like country/MD, or label) with its sentences.

    PROP limits the facts to one property (e.g. participatesIn, startDate).
    """
    from rich.console import Console
    from rich.text import Text

    with errors_to_exit():
        with _open(store_path, base_iri, read_only=True) as kg:
            iri = kg.resolve_node(node)
            rows = kg.explain(iri, prop)
            labels = kg.labels()
            base = kg.iris.base
    console = Console(width=max(100, Console().width), highlight=False)
    console.print(Text(f"{labels.get(iri, iri)}  <{iri}>", style="bold"))
    if not rows:
        console.print("no statements with evidence")
        return
    for r in rows:
        other = r["object"]
        shown = labels.get(other, _short(other, base)) if isinstance(other, str) else other
        pred = _short(r["property"], base)
        arrow = f"{pred} -> {shown}" if r["direction"] == "out" else f"{shown} {pred} this"
        console.print(Text(f"• {arrow}", style="cyan"))
        sentence, span = r["sentence"], r["evidence"]
        text = Text("    “")
        # fact-provenance gives the span's offsets in the article, not the sentence's: find it in the sentence
        i = sentence.find(span)
        if i >= 0:
            text.append(sentence[:i])
            text.append(span, style="bold reverse")
            text.append(sentence[i + len(span):])
        else:
            text.append(sentence)
        text.append("”")
        console.print(text)
        console.print(Text(f"    {r['article']} [{r['begin']}:{r['end']}]" + (f", {r['published']}" if r.get("published") else ""), style="dim"))


# --- export, summary, demo ------------------------------------------------------------------
@main.command()
@store_options
@click.option("--format", "fmt", type=click.Choice(["turtle", "trig", "nquads", "ntriples", "jsonld", "rdfxml"]),
              default="turtle", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="File to write (default stdout).")
def export(store_path: str, base_iri: str, fmt: str, output: str | None) -> None:
    """Write the graph: Turtle/N-Triples/JSON-LD/RDF-XML (data merged) or TriG/N-Quads (per-article graphs)."""
    with errors_to_exit():
        with _open(store_path, base_iri, read_only=True) as kg:
            n = kg.export(output if output else sys.stdout.buffer, format=fmt)
    if output:
        click.echo(f"wrote {n} {'quads' if fmt in ('trig', 'nquads') else 'triples'} to {output}", err=True)


@main.command()
@click.argument("directory", type=click.Path(file_okay=False))
@store_options
@click.option("--endpoint", default=None, help="Public SPARQL endpoint URL to name in the VoID description.")
@click.option("--download-base", default=None, help="URL where the dump files will be published (dcat:downloadURL).")
@click.option("--title", default=None, help="Dataset title (dcterms:title).")
@click.option("--license", "license_", default=None, help="Licence IRI (default CC BY 4.0, as the EU authority IRI).")
@click.option("--publisher", default=None, help="Name of the publishing organization (dcterms:publisher).")
@click.option("--creator", default=None, help="Name of the creator, when not the publisher (dcterms:creator).")
@click.option("--contact", default=None, help="Contact point, a mailto: address (dcat:contactPoint).")
@click.option("--landing-page", default=None, help="Web page of the dataset (dcat:landingPage).")
@click.option("--keyword", "keywords", multiple=True, help="A keyword (repeat; replaces the default keywords).")
@click.option("--theme", "themes", multiple=True, help="An EU data-theme code, e.g. GOVE (repeat; default GOVE).")
@click.option("--release-date", default=None, help="Release date YYYY-MM-DD (default: the latest article's date).")
def publish(directory: str, store_path: str, base_iri: str, endpoint: str | None, download_base: str | None,
            title: str | None, license_: str | None, publisher: str | None, creator: str | None,
            contact: str | None, landing_page: str | None, keywords: tuple[str, ...], themes: tuple[str, ...],
            release_date: str | None) -> None:
    """Write a portal release into DIRECTORY: Turtle, N-Triples, JSON-LD, TriG, N-Quads, VoID + DCAT-AP, ontology,
    docs, and the facts as CSV/Parquet tables (missions, provenance)."""
    from .publish import DatasetInfo
    from .publish import publish as do_publish

    info = DatasetInfo(endpoint=endpoint, download_base=download_base, contact=contact, landing_page=landing_page,
                       creator=creator, issued=release_date)
    for attr, value in (("title", title), ("license", license_), ("publisher", publisher),
                        ("keywords", list(keywords)), ("themes", list(themes))):
        if value:
            setattr(info, attr, value)
    with errors_to_exit(), warnings_to_stderr():
        with _open(store_path, base_iri) as kg:
            counts = do_publish(kg, directory, info)
    for name, n in counts.items():
        click.echo(f"{directory}/{name}" + (f": {n} statements" if n > 1 else ""))


@main.command()
@store_options
@click.option("--refresh", is_flag=True, help="ONLINE: regenerate the packaged snapshot from Wikidata's SPARQL endpoint.")
@click.option("--output", type=click.Path(dir_okay=False), default=None, help="With --refresh: where to write the snapshot.")
def link(store_path: str, base_iri: str, refresh: bool, output: str | None) -> None:
    """Rebuild the links graph (ISO codes, Wikidata, GeoNames) from the packaged snapshot.

    With --refresh, first query Wikidata (network) and rewrite the snapshot; nothing else in
    kgbuild touches the network.
    """
    with errors_to_exit():
        if refresh:
            from .link.wikidata import refresh as do_refresh

            click.echo(str(do_refresh(output=Path(output) if output else None)))
        with _open(store_path, base_iri) as kg:
            n = kg.relink()
        click.echo(f"links graph: {n} quads")


@main.command()
@store_options
def summary(store_path: str, base_iri: str) -> None:
    """Counts of articles, missions, elections, countries, organizations, quads and graphs."""
    with errors_to_exit():
        with _open(store_path, base_iri, read_only=True) as kg:
            s = kg.summary()
    click.echo(_summary_line(s))


def _summary_line(s: dict[str, int]) -> str:
    return (
        f"{s['articles']} articles, {s['missions']} missions, {s['elections']} elections, "
        f"{s['countries']} countries, {s['organizations']} organizers; {s['quads']:,} quads in {s['graphs']} named graphs"
    )


@main.command()
@click.option("--examples", type=click.Path(exists=True, file_okay=False), default=None,
              help="Folder of articles to build (default: the examples packaged with kgbuild).")
@store_options
@click.option("--out", "out_dir", type=click.Path(file_okay=False), default="out", show_default=True)
def demo(examples: str | None, store_path: str, base_iri: str, out_dir: str) -> None:
    """Build the bundled examples, print a summary and the missions table, export Turtle to out/.

    Works in any folder: without --examples it reads the sample articles inside the package.
    """
    with errors_to_exit(), warnings_to_stderr():
        if examples is None:
            examples = str(examples_path())
        with _open(store_path, base_iri) as kg:
            report = _run_build(kg, (examples,), max_bytes=None, force=False, processes=1, progress=None)
            for p in report.failed:
                click.echo(f"error: {p}", err=True)
            click.echo(f"build: {report.summary()}")
            from .publish import publish as do_publish

            counts = do_publish(kg, out_dir)  # also stores the VoID graph, so count after it
            click.echo(f"graph: {_summary_line(kg.summary())} (store: {store_path})")
            rows, names = kg.query_terms("missions")
            _print_rows(rows, names, "table", base_iri=kg.iris.base, title=kg.catalog["missions"].title)
            click.echo(f"wrote {counts['kgbuild.ttl']} triples to {Path(out_dir) / 'kgbuild.ttl'} "
                       f"(also TriG, N-Quads, JSON-LD, void.ttl, the ontology and missions.csv/provenance.csv "
                       f"under {out_dir}/)")


# --- serve ------------------------------------------------------------------------------------
@main.command()
@store_options
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to bind (another one only on request).")
@click.option("--port", type=click.IntRange(0, 65535), default=7878, show_default=True)
@click.option("--timeout", type=click.FloatRange(0.1), default=10.0, show_default=True, help="Seconds per query (then 504).")
@click.option("--max-rows", type=click.IntRange(1), default=10_000, show_default=True, help="Rows (or triples) per result; more are cut.")
@click.option("--workers", type=click.IntRange(1, 32), default=2, show_default=True, help="Query worker processes.")
@click.option("--allow-service", is_flag=True, help="Allow SERVICE (federated queries reach other hosts).")
@click.option("--cors", "cors", multiple=True, metavar="ORIGIN", help="Allow browser requests from ORIGIN (repeatable).")
@click.option("--worker-memory", type=click.IntRange(0), default=2048, show_default=True, metavar="MIB",
              help="Memory each query worker may use (0: no cap); a query past it gets 503.")
@click.option("--header-timeout", type=click.FloatRange(0.1), default=10.0, show_default=True,
              help="Seconds a client has to send a request's headers.")
@click.option("--body-timeout", type=click.FloatRange(0.1), default=30.0, show_default=True,
              help="Seconds a client has to send a request's body (then 408).")
@click.option("--max-connections", type=click.IntRange(1), default=256, show_default=True,
              help="Open connections at most; more are answered 503.")
@click.option("--max-connections-per-client", type=click.IntRange(0), default=32, show_default=True,
              help="Open connections from one address at most (0: no limit; behind a proxy, use 0).")
@click.option("--trusted-proxy", "trusted_proxies", multiple=True, metavar="ADDR",
              help="A reverse proxy's address or network whose X-Forwarded-For names the client, for the "
                   "fair share of workers (repeatable; default: none, headers are ignored).")
def serve(store_path: str, base_iri: str, host: str, port: int, timeout: float, max_rows: int, workers: int,
          allow_service: bool, cors: tuple[str, ...], worker_memory: int, header_timeout: float, body_timeout: float,
          max_connections: int, max_connections_per_client: int, trusted_proxies: tuple[str, ...]) -> None:
    """Serve the graph read-only: SPARQL at /query, prepared queries at /queries, pages at /."""
    from .server import ServerConfig, check_proxies
    from .server import serve as run_server

    with errors_to_exit():
        run_server(ServerConfig(store=store_path, base_iri=base_iri, timeout=timeout, max_rows=max_rows,
                                allow_service=allow_service, cors=cors, workers=workers, worker_memory=worker_memory,
                                header_timeout=header_timeout, body_timeout=body_timeout,
                                max_connections=max_connections,
                                max_connections_per_client=max_connections_per_client,
                                trusted_proxies=check_proxies(trusted_proxies)), host=host, port=port)


if __name__ == "__main__":  # pragma: no cover
    main()
