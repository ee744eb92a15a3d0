"""The library API: everything the CLI and the server do, as calls a notebook can make.

>>> import kgbuild
>>> kg = kgbuild.KnowledgeGraph(None)            # in memory; pass a path for the on-disk store
>>> report = kg.build(["examples/azerbaijan-2020-cis-interim.txt"])  # doctest: +SKIP
>>> kg.query("missions-in-country", country="Azerbaijan")[0]["organizer"]  # doctest: +SKIP
'Commonwealth of Independent States'
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from datetime import UTC, datetime
from itertools import islice
from pathlib import Path
from typing import IO, Any, BinaryIO, Literal, TextIO, overload

import pyoxigraph as ox

from .errors import KgbuildError, ParameterError, QueryError
from .graphstore import ArticleState, GraphStore
from .iris import DEFAULT_BASE_IRI
from .model import Article
from .query import Catalog, QueryResult, Row, bind_params, result_table, term_to_python
from .remote import RemoteStore, open_store
from .store import default_store_path
from .table import Table
from .triples import article_quads
from .vocab import EO, KGL, PREFIXES, RDF

#: the countries and the organizations of the article graphs, for the links graph (joins inside
#: each graph: the union default graph is a bag, and a country or organizer repeated in N article
#: graphs would otherwise be joined N x N times)
_COUNTRIES = "GRAPH ?g { ?c a eo:Country ; eo:alpha2 ?cc }"
#: an organization node still stated with its Wikidata id (``?o`` and ``?wd`` bound)
_ORGANIZATION_WITH_ID = ("GRAPH ?g { ?o eo:wikidataId ?wd ; rdfs:label ?label . "
                         "{ ?o eo:organizes ?m } UNION { ?o eo:participatesIn ?m . FILTER NOT EXISTS { ?o a eo:Country } } }")
_ORGANIZATIONS = ("GRAPH ?g { ?o rdfs:label ?label . "
                  "{ ?o eo:organizes ?m } UNION { ?o eo:participatesIn ?m . FILTER NOT EXISTS { ?o a eo:Country } } "
                  "OPTIONAL { ?o eo:wikidataId ?wd } }")

__all__ = ["BuildReport", "KnowledgeGraph", "Problem"]


@dataclass(frozen=True)
class Problem:
    """One input item that could not be built, and why (one line)."""

    item: str
    problem: str

    def __str__(self) -> str:
        return f"{self.item}: {self.problem}"


@dataclass
class BuildReport:
    """What a build did: counts per outcome, the failed and skipped items, warnings, and timing.

    ``skipped`` are files in the folders read that are no article type (``.pdf``, ``.md``, ...)
    and articles in a language kgbuild does not extract (the problem names the language);
    ``warnings`` are items read with a caveat (e.g. bytes that are not UTF-8, replaced).
    """

    added: list[str] = field(default_factory=list)
    replaced: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    failed: list[Problem] = field(default_factory=list)
    skipped: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    missions: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.failed

    @property
    def found(self) -> int:
        """How many articles (and unreadable items) the inputs held, those not extracted for their
        language included; 0 means none at all."""
        from .extract.language import NOT_EXTRACTED

        return (len(self.added) + len(self.replaced) + len(self.unchanged) + len(self.failed)
                + sum(p.problem.startswith(NOT_EXTRACTED) for p in self.skipped))

    def summary(self) -> str:
        extra = "".join(f", {len(items)} {name}" for name, items in (("skipped", self.skipped),
                                                                      ("warnings", self.warnings)) if items)
        return (
            f"{len(self.added)} added, {len(self.replaced)} replaced, {len(self.unchanged)} unchanged, "
            f"{len(self.failed)} failed{extra}; {self.missions} missions extracted in {self.seconds:.1f} s"
        )


ProgressHook = Callable[[str, str], None]

#: A build that adds at least this many articles compacts the on-disk store at its end.
OPTIMIZE_AFTER = 1000
#: articles extracted inside one spaCy memory zone: the strings and lexemes their texts add to the
#: pipeline's vocabulary are dropped after each chunk, so a long build does not grow with its input
ZONE_ARTICLES = 256


def foreign_script(text: str, *, sample: int = 4000) -> str | None:
    """The script most of ``text``'s letters are in, when it is not Latin (the extractor reads
    English only), else None.

    >>> foreign_script("Наблюдатели СНГ прибыли в Бишкек"), foreign_script("Observers arrived in Bishkek")
    ('Cyrillic', None)
    """
    import unicodedata

    scripts: dict[str, int] = {}
    for ch in text[:sample]:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            script = name.split(" ", 1)[0] if name else "UNKNOWN"
            scripts[script] = scripts.get(script, 0) + 1
    letters = sum(scripts.values())
    if not letters:
        return None
    top, n = max(scripts.items(), key=lambda kv: kv[1])
    if top == "LATIN" or n < letters / 2:
        return None
    return {"CJK": "Chinese/Japanese (CJK)"}.get(top, top.title())


def _check_lang(lang: str) -> str:
    from .extract.language import LANGUAGES

    if lang not in LANGUAGES:
        raise ParameterError("lang", lang, f"is not one of {', '.join(LANGUAGES)}")
    return lang


def build_version(extractor: Any = None, article: Article | None = None) -> str:
    """What an article graph was made with: the extractor's version (with its scorer's) and the RDF
    layer's; given the ``article``, the version of the pipeline that reads it (Russian or English)."""
    from .extract import Extractor
    from .triples import RDF_VERSION

    ex = extractor or Extractor()
    return f"{ex.version_of(article) if article is not None else ex.version} {RDF_VERSION}"


#: Deprecated property names (ontology 0.2) and the terms the data uses instead (issue 15).
_DEPRECATED_PROPERTIES = {"memberOf": "participatesIn", "hasMember": "participant"}


class KnowledgeGraph:
    """A kgbuild knowledge graph in a pyoxigraph store.

    :param store: path of the on-disk store (default: ``$KGBUILD_STORE`` or ``./kgbuild-store``),
        an ``http(s)://`` URL of a SPARQL 1.1 server (Oxigraph server; see ``docs/scale-out.md``),
        or ``None`` for an in-memory graph.
    :param read_only: open a read-only snapshot (readers while a build runs).
    :param base_iri: base of the minted data IRIs.
    :param model: the spaCy pipeline the extractor loads (an installed package name or a path).
    :param scorer: a scorer artifact written by ``kgbuild train`` (default: the packaged one).
    :param rules: extract with the v1 rules alone (no parse, no scorer), as releases before 0.7 did.
    """

    def __init__(
        self,
        store: str | Path | None = "",
        *,
        read_only: bool = False,
        base_iri: str = DEFAULT_BASE_IRI,
        model: str | None = None,
        scorer: str | None = None,
        rules: bool = False,
        lang: str = "auto",
    ) -> None:
        path = default_store_path() if store == "" else store
        #: The graph's backend: an embedded :class:`~kgbuild.store.Store` or a :class:`~kgbuild.remote.RemoteStore`.
        self.store: GraphStore = open_store(path, read_only=read_only, base_iri=base_iri)
        self.iris = self.store.iris
        self.model = model
        self.scorer = scorer
        self.rules = rules
        self.lang = _check_lang(lang)
        self._extractor: Any = None
        self._catalog: Catalog | None = None
        self._update_limit = 0  # changed articles an incremental relink takes (set by _begin_changes)

    def close(self) -> None:
        """Flush and release the store (its write lock, for an on-disk store)."""
        self.store.close()

    def __enter__(self) -> KnowledgeGraph:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # --- building ---------------------------------------------------------------------------
    @property
    def extractor(self) -> Any:
        """The :class:`kgbuild.extract.Extractor` (its spaCy model loads on first use)."""
        if self._extractor is None:
            from .extract import DEFAULT_MODEL, Extractor

            self._extractor = Extractor(self.model or DEFAULT_MODEL, scorer=self.scorer, learned=not self.rules,
                                        lang=self.lang)
        return self._extractor

    def build(
        self,
        inputs: Iterable[str | Path],
        *,
        stdin: BinaryIO | TextIO | None = None,
        max_bytes: int | None = None,
        root: str | Path | None = None,
        force: bool = False,
        n_process: int = 1,
        batch_size: int = 16,
        on_item: ProgressHook | None = None,
        follow_symlinks: bool = False,
        cluster: Any = None,
        lang: str | None = None,
    ) -> BuildReport:
        """Read, extract and store articles from files, directories or ``-`` (stdin).

        Every article is written in one atomic step into its own named graph; an article whose
        content hash and extractor version are already stored is skipped (unless ``force``). A bad
        item is reported in ``BuildReport.failed`` and the batch goes on.

        An article replaces the stored one of the same id only when it comes from the same
        source (:attr:`Article.origin`: the same file, the record of the same id, the same
        stdin content); an id already stored from another source is reported as failed and the
        stored article kept, unless ``force``.

        :param root: article ids are paths relative to this folder (default: each directory given;
            a file given directly is known by its file name).
        :param on_item: called as ``on_item(item, outcome)`` after every item (for progress bars).
        :param follow_symlinks: read symlinks that lead out of the folders given (refused by default).
        :param n_process: worker processes; each extracts its articles and builds their quads
            (:func:`kgbuild.cluster.local_outcomes`), this process writes them.
        :param cluster: run extraction on a Dask cluster (``pip install 'kgbuild[dask]'``):
            ``"local:N"`` (N local worker processes), ``"tcp://HOST:PORT"`` (a running scheduler)
            or a ``distributed.Client``. The workers write to the store themselves, so it must be
            a SPARQL server (``KnowledgeGraph("http://HOST:PORT")``); see ``docs/scale-out.md``.
        :param lang: the articles' language: ``"auto"`` (detected per article: English and Russian
            are extracted, an article in another language is reported in ``BuildReport.skipped`` with
            its language), ``"en"`` or ``"ru"`` for every article (default: the graph's ``lang``).
        :raises ParameterError: ``cluster`` or ``lang`` is malformed, Dask is missing, or the store is local.
        """
        from .extract.language import UnsupportedLanguage
        from .ingest import DEFAULT_MAX_BYTES, InputNote, InputProblem, read_inputs

        if lang is not None and _check_lang(lang) != self.lang:
            self.lang, self._extractor = lang, None

        if isinstance(cluster, str):
            from .cluster import parse_cluster

            parse_cluster(cluster)  # a malformed value fails now, even when nothing needs building
        if cluster is not None and not isinstance(self.store, RemoteStore):
            raise ParameterError("cluster", cluster, "needs the store on a SPARQL server (--store http://HOST:PORT): "
                                 "workers cannot write a local store")
        version = build_version(self.extractor)

        report = BuildReport()
        t0 = time.perf_counter()
        notify = on_item or (lambda item, outcome: None)
        states: dict[str, str] = {}
        notes: list[InputNote] = []
        legacy: dict[str, ox.NamedNode] = {}  # article id -> its graph in a store built before issue 14
        stale: list[ox.NamedNode] = []

        def conflict(item: Article, state: ArticleState) -> str | None:
            if state.article_id is not None and state.article_id != item.id:
                return (f"its graph {self.iris.article_graph(item.id).value} holds article {state.article_id!r}; "
                        "give this one another id")
            if force or state.source_key is None or item.source_key is None or state.source_key == item.source_key:
                return None
            return (f"article id {item.id!r} is already in the graph from another source; kept, not replaced "
                    "(give this one another id with --root, `kgbuild remove` the stored one, or --force)")

        def todo() -> Iterator[Article]:
            for item in read_inputs(
                list(inputs), root=Path(root) if root else None, max_bytes=max_bytes or DEFAULT_MAX_BYTES, stdin=stdin,
                follow_symlinks=follow_symlinks, notes=notes,
            ):
                if isinstance(item, InputProblem):
                    report.failed.append(Problem(item.item, item.problem))
                    notify(item.item, "failed")
                    continue
                state = self.store.article_state(item.id)
                old = self._legacy_graph(item.id)
                if old is not None:
                    legacy[item.id] = old
                if not force and state is not None and (state.content_hash, state.extractor_version) == (
                        item.sha256, build_version(self.extractor, item)) and state.article_id in (None, item.id):
                    report.unchanged.append(item.id)
                    if old is not None:
                        stale.append(legacy.pop(item.id))
                    notify(item.id, "unchanged")
                    continue
                problem = conflict(item, state) if state is not None else None
                if problem is not None:
                    report.failed.append(Problem(item.path or item.id, problem))
                    notify(item.id, "failed")
                    continue
                states[item.id] = "replaced" if state is not None or item.id in legacy else "added"
                self._note_change(before, self.iris.article_graph(item.id), new=state is None)
                yield item

        ingested = datetime.now(UTC).replace(microsecond=0)
        pending: dict[ox.NamedNode, tuple[str, int]] = {}  # graph -> (article id, missions)
        # what the changed graphs held, for the incremental relink; a build that stops before
        # its relink leaves the mark, and the next one relinks in full
        before = self._begin_changes()

        def written(graph: ox.NamedNode) -> None:
            article_id, n = pending.pop(graph)
            outcome = states.pop(article_id, "added")
            (report.replaced if outcome == "replaced" else report.added).append(article_id)
            report.missions += n
            if article_id in legacy:
                stale.append(legacy.pop(article_id))
            notify(article_id, outcome)

        def failed(graph: ox.NamedNode, error: Exception) -> None:
            article_id, _ = pending.pop(graph)
            report.failed.append(Problem(article_id, f"not stored: {error}"))
            notify(article_id, "failed")

        if cluster is not None or n_process > 1:
            self._build_in_workers(todo(), report=report, notify=notify, written=written, failed=failed,
                                   pending=pending, cluster=cluster, n_process=n_process, version=version,
                                   ingested=ingested, batch_size=batch_size)
            stream: Iterator[tuple[Article, Any]] = iter(())
        else:
            stream = self._extracted(todo(), batch_size=batch_size, n_process=1)
        # New article graphs are written in all-or-nothing batches (one bulk step per ~50k quads),
        # so after a crash every article is complete or absent; changed ones are replaced singly.
        with self.store.batch_writer(on_written=written, on_failed=failed) as writer:
            for article, result in stream:
                if isinstance(result, UnsupportedLanguage):
                    states.pop(article.id, None)
                    report.skipped.append(Problem(article.id, result.note))
                    notify(article.id, "skipped")
                    continue
                if isinstance(result, BaseException):
                    report.failed.append(Problem(article.id, f"extraction failed: {type(result).__name__}: {result}"))
                    notify(article.id, "failed")
                    continue
                try:
                    quads = article_quads(
                        article, result, iris=self.iris, extractor_version=build_version(self.extractor, article),
                        ingested_at=ingested,
                    )
                except (KgbuildError, ValueError) as e:
                    report.failed.append(Problem(article.id, f"not stored: {e}"))
                    notify(article.id, "failed")
                    continue
                graph = self.iris.article_graph(article.id)
                if graph in pending:  # two ids of one batch, one graph: only a hash collision does this
                    report.failed.append(Problem(article.id, f"its graph {graph.value} is taken by article "
                                                 f"{pending[graph][0]!r} in this batch; give it another id"))
                    notify(article.id, "failed")
                    continue
                pending[graph] = (article.id, len(result))
                writer.put(graph, quads)
                if not result and self.lang == "en" and (script := foreign_script(article.text)):
                    report.warnings.append(Problem(article.id, f"no facts extracted: the text is mostly in {script} "
                                                   "script, and --lang en reads every article as English"))
        # the graphs these articles had under the names used before issue 14 (extension and case dropped)
        for graph in stale:
            before.clear()  # rare: relinked in full
            before[None] = []
            self.store.remove_graph(graph)
        for note in notes:
            (report.skipped if note.kind == "skipped" else report.warnings).append(Problem(note.item, note.note))
        self._relink_changes(before)
        if len(report.added) >= OPTIMIZE_AFTER:
            # bulk-written batches leave many small files; reads were 1.6x slower until compacted
            self.store.optimize()
        report.seconds = time.perf_counter() - t0
        return report

    def _build_in_workers(self, articles: Iterator[Article], *, report: BuildReport, notify: ProgressHook,
                          written: Callable[[ox.NamedNode], None],
                          failed: Callable[[ox.NamedNode, Exception], None],
                          pending: dict[ox.NamedNode, tuple[str, int]], cluster: Any, n_process: int,
                          version: str, ingested: datetime, batch_size: int) -> None:
        """The build's extraction and quads in worker processes (``n_process > 1``) or on a cluster."""
        from .cluster import ExtractorSpec, adopt_extractor, cluster_outcomes, local_outcomes
        from .extract import DEFAULT_MODEL

        spec = ExtractorSpec(self.model or DEFAULT_MODEL, self.scorer, self.rules, self.lang)
        if cluster is None and getattr(self._extractor, "_nlp", None) is not None:
            adopt_extractor(spec, self._extractor)  # loaded here already: forked workers share it
        taken: set[ox.NamedNode] = set()
        order: dict[str, int] = {}

        def distinct(items: Iterator[Article]) -> Iterator[Article]:
            for article in items:  # two ids, one graph: only a hash collision does this
                graph = self.iris.article_graph(article.id)
                if graph in taken:
                    report.failed.append(Problem(article.id, f"its graph {graph.value} is taken by another "
                                                 "article of this build; give it another id"))
                    notify(article.id, "failed")
                    continue
                taken.add(graph)
                order[article.id] = len(order)
                yield article

        if cluster is not None:
            assert isinstance(self.store, RemoteStore)
            for article, outcome in cluster_outcomes(distinct(articles), cluster=cluster, store_url=self.store.url,
                                                     spec=spec, base_iri=self.iris.base, version=version,
                                                     ingested_at=ingested, batch_size=batch_size,
                                                     task_articles=batch_size):
                graph = self.iris.article_graph(article.id)
                if outcome.skipped is not None:
                    report.skipped.append(Problem(article.id, outcome.skipped))
                    notify(article.id, "skipped")
                    continue
                pending[graph] = (article.id, outcome.missions)
                if outcome.error is None:
                    written(graph)
                else:
                    pending.pop(graph)
                    report.failed.append(Problem(article.id, outcome.error))
                    notify(article.id, "failed")
            # tasks finish in any order; the report lists articles in the order they were read
            for items in (report.added, report.replaced):
                items.sort(key=lambda a: order.get(a, -1))
            report.failed.sort(key=lambda p: order.get(p.item, -1))
            return
        with self.store.batch_writer(on_written=written, on_failed=failed) as writer:
            for article, outcome in local_outcomes(distinct(articles), n_process=n_process, spec=spec,
                                                   base_iri=self.iris.base, version=version, ingested_at=ingested,
                                                   batch_size=batch_size, task_articles=batch_size):
                if outcome.skipped is not None:
                    report.skipped.append(Problem(article.id, outcome.skipped))
                    notify(article.id, "skipped")
                    continue
                if outcome.error is not None or outcome.nquads is None:
                    report.failed.append(Problem(article.id, outcome.error or "not stored: no graph"))
                    notify(article.id, "failed")
                    continue
                graph = self.iris.article_graph(article.id)
                pending[graph] = (article.id, outcome.missions)
                writer.put(graph, ox.parse(outcome.nquads, format=ox.RdfFormat.N_QUADS))

    def _extracted(self, articles: Iterable[Article], *, batch_size: int, n_process: int
                   ) -> Iterator[tuple[Article, Any]]:
        """The extractor's ``(article, missions or error)`` stream, :data:`ZONE_ARTICLES` articles per
        spaCy memory zone (one process; spaCy's own workers keep their vocabularies)."""
        extractor = self.extractor
        if n_process > 1:
            yield from extractor.pipe(articles, batch_size=batch_size, n_process=n_process)
            return
        nlp = extractor.nlp  # loaded outside any zone: what loading adds is kept
        it = iter(articles)
        while chunk := list(islice(it, ZONE_ARTICLES)):
            with nlp.memory_zone():
                yield from extractor.pipe(chunk, batch_size=batch_size)

    def _legacy_graph(self, article_id: str) -> ox.NamedNode | None:
        """The graph ``article_id`` had in a store built before issue 14, if it is still there.

        Those graph names dropped the extension and the case (``x.txt`` and ``X.html`` shared
        ``graph/article/x``); a graph written since carries ``eo:articleId`` and is never one.
        """
        old = self.iris.legacy_article_graph(article_id)
        if old == self.iris.article_graph(article_id) or not self.store.contains_graph(old):
            return None
        if next(self.store.quads_for_pattern(None, EO.articleId, None, old), None) is not None:
            return None
        return old

    def add_article(self, article: Article) -> int:
        """Extract and store one in-memory article (replacing its graph); returns its mission count."""
        missions = self.extractor.extract(article)
        quads = article_quads(
            article, missions, iris=self.iris, extractor_version=build_version(self.extractor, article),
            ingested_at=datetime.now(UTC).replace(microsecond=0),
        )
        before = self._begin_changes()
        self._note_change(before, self.iris.article_graph(article.id))
        self.store.replace_graph(self.iris.article_graph(article.id), quads)
        self._relink_changes(before)
        return len(missions)

    def write_graphs(self, graphs: Iterable[tuple[ox.NamedNode, Iterable[ox.Quad]]]) -> int:
        """Write article graphs made elsewhere (e.g. by :func:`kgbuild.triples.article_quads`), each
        replacing the graph of its name, and relink what they touch; returns how many were written.

        Election identity is settled only for the countries and election types these graphs
        name, before or after (:func:`kgbuild.elections.settle_groups`). The links graph, the
        data default graph and the listings are updated only where these graphs (and those that
        settling rewrote) name countries, organizations, missions and articles, before or after
        (:func:`kgbuild.listing.update`); past :func:`kgbuild.listing.update_limit` graphs (a
        fiftieth of the graph, at least 20, at most 1000) the relink is full.
        """
        before = self._begin_changes()

        def noted() -> Iterator[tuple[ox.NamedNode, Iterable[ox.Quad]]]:
            for graph, quads in graphs:
                self._note_change(before, graph)
                yield graph, quads

        n = self.store.replace_graphs(noted())
        self._relink_changes(before)
        return n

    def remove(self, article: str) -> bool:
        """Remove an article (by id or file name) and every fact only it supported.

        Facts about merged nodes (a mission several articles report) that other articles state
        stay, since each article's statements live in its own named graph.
        """
        graph = self._find_article_graph(article)
        if graph is None:
            return False
        before = self._begin_changes()
        self._note_change(before, graph)
        self.store.remove_graph(graph)
        self._relink_changes(before)
        return True

    def _find_article_graph(self, article: str) -> ox.NamedNode | None:
        g = self.iris.article_graph(article)
        if self.store.contains_graph(g):
            return g
        rows = list(
            self.store.select(
                "SELECT DISTINCT ?g ?name WHERE { GRAPH ?g { ?a a eo:Article ; eo:fileName ?name } }",
                substitutions={ox.Variable("name"): ox.Literal(Path(article).name)},
                union=False,
            )
        )
        if len(rows) > 1:
            raise ParameterError("article", article, f"matches {len(rows)} articles; give the article id (path)")
        graph = rows[0]["g"] if rows else None
        return graph if isinstance(graph, ox.NamedNode) else None

    def relink(self) -> int:
        """Settle election identity, rebuild the derived graphs; returns the links graph's size.

        Each mention of an election is put on the election it belongs to over the whole store
        (:func:`kgbuild.elections.settle`: rounds, undated mentions), rewriting the article graphs
        that change. The links graph holds the external identifiers (ISO codes, Wikidata, GeoNames) of every
        country and organization; the mission listing (:mod:`kgbuild.listing`) holds one row per
        mission for the listing queries. ``build``, ``remove`` and ``add_article`` call this; call
        it yourself after writing article graphs through :attr:`store` directly.
        """
        from .elections import settle
        from .export import refresh_default_graph
        from .link.graph import link_quads
        from .listing import clear_changes_pending, refresh

        settle(self.store)  # first: every later step reads the missions and elections it settles

        # joins inside each article graph: the union default graph is a bag, and a country or
        # organizer repeated in N article graphs would otherwise be joined N x N times
        countries = {r["cc"].value for r in self.store.select("SELECT DISTINCT ?cc WHERE { " + _COUNTRIES + " }")}
        orgs = {
            (r["label"].value, r["wd"].value if "wd" in r else None)
            for r in self.store.select("SELECT DISTINCT ?label ?wd WHERE { " + _ORGANIZATIONS + " }")
        }
        quads = link_quads(self.iris, sorted(countries), sorted(orgs, key=lambda t: (t[0], t[1] or "")))
        self.store.replace_graph(self.iris.links_graph(), quads)
        refresh_default_graph(self.store)  # before the listing, whose queries read the data
        refresh(self.store, self.iris)
        clear_changes_pending(self.store, self.iris)
        return len(quads)

    # --- the incremental relink ---------------------------------------------------------------
    def _begin_changes(self) -> dict[ox.NamedNode | None, list[ox.Triple]]:
        """Mark the derived graphs as behind (:func:`kgbuild.listing.mark_changes_pending`) and
        return the record of changed graphs; it holds ``None`` when only a full relink will do
        (changes were pending already: an earlier run stopped before its relink)."""
        from .listing import UPDATE_MIN_ARTICLES, changes_pending, mark_changes_pending

        self._update_limit = UPDATE_MIN_ARTICLES  # raised to the graph's share when needed (_note_change)

        before: dict[ox.NamedNode | None, list[ox.Triple]] = {}
        if changes_pending(self.store, self.iris):
            before[None] = []
        else:
            mark_changes_pending(self.store, self.iris)
        return before

    def _note_change(self, before: dict[ox.NamedNode | None, list[ox.Triple]], graph: ox.NamedNode, *,
                     new: bool = False) -> None:
        """Record what ``graph`` holds before it is written or removed (nothing when ``new``: no
        article is stored under it), up to :func:`kgbuild.listing.update_limit` graphs; past
        that, the relink is full."""
        from .listing import UPDATE_MIN_ARTICLES, update_limit

        if None in before or graph in before:
            return
        if len(before) == UPDATE_MIN_ARTICLES:  # counting the graphs costs ~0.1 s at 10k: only for big changes
            self._update_limit = update_limit(self.store.graph_count())
        if len(before) >= self._update_limit:
            before.clear()
            before[None] = []
            return
        before[graph] = [] if new else [q.triple for q in self.store.quads_for_pattern(None, None, None, graph)]

    def _relink_changes(self, before: dict[ox.NamedNode | None, list[ox.Triple]]) -> None:
        """After article graphs changed: recompute only what they touch, else :meth:`relink`."""
        from .export import refresh_default_graph, update_default_graph
        from .listing import LISTING_FORMAT, clear_changes_pending, refresh, update

        changed = {g: t for g, t in before.items() if g is not None}
        index = self.iris.listing_graph()
        current = next(self.store.quads_for_pattern(index, KGL.currentListing, None, index), None)
        if None in before or current is None or not isinstance(current.object, ox.NamedNode) or next(
                self.store.quads_for_pattern(current.object, KGL.listingFormat, ox.Literal(LISTING_FORMAT), index),
                None) is None:
            self.relink()
            return
        if not self._settle_changes(changed):
            self.relink()
            return
        links = self.iris.links_graph()
        links_before = [q.triple for q in self.store.quads_for_pattern(None, None, None, links)]
        if self._update_links(changed):
            changed[links] = links_before
        if not update_default_graph(self.store, changed):
            refresh_default_graph(self.store)
        missions = {q.subject for g in changed if g != links
                    for q in self.store.quads_for_pattern(None, RDF.type, EO.ObservationMission, g)}
        missions |= {t.subject for g, triples in changed.items() if g != links for t in triples
                     if t.predicate == RDF.type and t.object == EO.ObservationMission}
        articles = {q.subject for g in changed if g != links for q in self.store.quads_for_pattern(None, RDF.type, EO.Article, g)}
        articles |= {t.subject for g, triples in changed.items() if g != links for t in triples
                     if t.predicate == RDF.type and t.object == EO.Article}
        named = [n for n in missions if isinstance(n, ox.NamedNode)]
        if update(self.store, self.iris, missions=named,
                  articles=[a for a in articles if isinstance(a, ox.NamedNode)]) is None:
            refresh(self.store, self.iris)
        clear_changes_pending(self.store, self.iris)

    def _settle_changes(self, changed: dict[ox.NamedNode, list[ox.Triple]]) -> bool:
        """Settle the elections of the groups (country, type) that the ``changed`` graphs name,
        before or after (:func:`kgbuild.elections.settle_groups`), and record each graph that
        settling rewrote in ``changed``; False when they pass the update limit (relink in full)."""
        from .elections import election_groups, settle_groups
        from .listing import UPDATE_MIN_ARTICLES, update_limit

        groups = election_groups(self.iris, (t for triples in changed.values() for t in triples))
        for g in changed:
            groups |= election_groups(self.iris, [*self.store.quads_for_pattern(None, EO.observes, None, g),
                                                  *self.store.quads_for_pattern(None, RDF.type, EO.Election, g)])
        rewritten = {g: quads for g, quads in settle_groups(self.store, groups).items() if g not in changed}
        if len(changed) + len(rewritten) > UPDATE_MIN_ARTICLES:
            self._update_limit = max(self._update_limit, update_limit(self.store.graph_count()))
        if len(changed) + len(rewritten) > self._update_limit:
            return False
        changed.update((g, [q.triple for q in quads]) for g, quads in rewritten.items())
        return True

    def _update_links(self, changed: dict[ox.NamedNode, list[ox.Triple]]) -> bool:
        """The links graph after ``changed`` graphs changed: their countries added (a linked country
        stays, as in :meth:`relink`); each organization with a Wikidata id they state, before or
        after, linked while some graph still states it; True when the links graph changed."""
        from .link.graph import link_quads

        countries: set[str] = set()
        pairs: set[tuple[Any, str, str]] = set()  # (organization node, label, Wikidata id)
        for g in changed:  # each graph named in the query: pyoxigraph then starts from it
            countries |= {r["cc"].value for r in self.store.select(
                "SELECT DISTINCT ?cc WHERE { " + _COUNTRIES.replace("?g", str(g)) + " }")}
            pairs |= {(r["o"], r["label"].value, r["wd"].value) for r in self.store.select(
                "SELECT DISTINCT ?o ?label ?wd WHERE { " + _ORGANIZATIONS.replace("?g", str(g)) + " }") if "wd" in r}
        old = ox.Store()
        old.extend(ox.Quad(t.subject, t.predicate, t.object, g) for g, triples in changed.items() for t in triples)
        prologue = "".join(f"PREFIX {p}: <{ns}>\n" for p, ns in PREFIXES.items())
        result = old.query(prologue + "SELECT DISTINCT ?o ?label ?wd WHERE { " + _ORGANIZATIONS + " }")
        assert isinstance(result, ox.QuerySolutions)
        pairs |= {(r["o"], r["label"].value, r["wd"].value) for r in result if r["wd"] is not None}
        links = self.iris.links_graph()
        linked = {q.object.value for q in self.store.quads_for_pattern(None, EO.alpha2, None, links)
                  if isinstance(q.object, ox.Literal)}
        add: set[ox.Quad] = set(link_quads(self.iris, sorted(countries - linked), []))
        keep: set[ox.Quad] = set()
        gone: set[ox.Quad] = set()
        for node, label, wd in pairs:
            quads = set(link_quads(self.iris, [], [(label, wd)]))
            # still stated by some graph (the organization's node, with this id)? one lookup
            stated = next(self.store.select(
                "SELECT ?o ?wd WHERE { " + _ORGANIZATION_WITH_ID + " } LIMIT 1",
                substitutions={ox.Variable("o"): node, ox.Variable("wd"): ox.Literal(wd)}), None) is not None
            (keep if stated else gone).update(quads)
        have = set(self.store.quads_for_pattern(None, None, None, links))  # a few hundred quads
        add = (add | keep) - have
        remove = (gone - keep) & have
        if not add and not remove:
            return False
        self.store.change(remove, add)
        return True

    @property
    def data_default_graph(self) -> bool:
        """Whether ad-hoc SPARQL reads the derived data default graph (True) or the union of all graphs.

        An embedded store holds the merged, de-duplicated data in its default graph
        (:func:`kgbuild.export.refresh_default_graph`, rewritten by :meth:`relink`), exactly
        the triples the VoID description counts; so does a SPARQL server's (``RemoteStore``) once
        relinked. A store built before kgbuild 0.8 and not relinked since (``kgbuild link``)
        queries the union instead.
        """
        return self.store.has_default_data()

    # --- reading ----------------------------------------------------------------------------
    @property
    def catalog(self) -> Catalog:
        """The prepared queries (``queries/*.rq``) by name."""
        if self._catalog is None:
            self._catalog = Catalog.load()
        return self._catalog

    def query(self, name: str, /, *, limit: int | None = None, offset: int = 0, **params: Any) -> Table:
        """Run a prepared query from ``queries/``; rows as dicts of plain Python values.

        The result is a :class:`~kgbuild.table.Table`: a list of row dicts (iterate, index and
        compare it as one) that also has ``.columns``, ``.to_pandas()``, ``.to_polars()`` and an
        HTML view in Jupyter.

        ``limit`` and ``offset`` page the result: ``kg.query("missions", limit=100, offset=200)``
        is rows 200–299 of ``kg.query("missions")``, in the same order.

        :raises QueryError: no such query.
        :raises ParameterError: a parameter is unknown, missing or malformed.
        """
        rows, names = self.query_terms(name, limit=limit, offset=offset, **params)
        return _python_table(rows, names)

    def select(self, text: str) -> Table:
        """Run an ad-hoc read-only SELECT query; rows of plain Python values, like :meth:`query`.

        :raises QueryRefused: the query is an update or uses SERVICE.
        :raises QueryError: the query is malformed, fails, or is not a SELECT query.
        """
        result = self.sparql(text)
        if not isinstance(result, tuple):
            raise QueryError("select() runs SELECT queries; use sparql() for ASK, CONSTRUCT and DESCRIBE")
        return _python_table(*result)

    def query_terms(
        self, name: str, /, *, limit: int | None = None, offset: int = 0, **params: Any
    ) -> tuple[list[Row], list[str]]:
        """Like :meth:`query`, but rows keep their RDF terms; also returns the column names.

        :raises QueryError: the query is not a SELECT query.
        """
        result = self.query_result(name, limit=limit, offset=offset, **params)
        if not isinstance(result, ox.QuerySolutions):
            raise QueryError(f"is a {self.catalog[name].form} query, which has no rows", query=name)
        return result_table(result)

    def query_result(self, name: str, /, *, limit: Any = None, offset: Any = None, **params: Any) -> QueryResult:
        """Run a prepared query; pyoxigraph's result (solutions, boolean or triples), for serializers."""
        pq = self.catalog[name]
        subs = bind_params(pq, params, iris=self.iris)
        return self.store.query(pq.paged(limit, offset, subs), substitutions=subs)

    def sparql(self, text: str) -> tuple[list[Row], list[str]] | bool | list[ox.Triple]:
        """Run an ad-hoc read-only query (updates and SERVICE are refused).

        The default graph is the data, each triple once (:attr:`data_default_graph`; the article
        graphs, the links, the listing index, the ontology and the VoID description stay named
        graphs, for ``GRAPH``), unless the query names its own dataset with ``FROM`` / ``FROM NAMED``.

        :raises QueryRefused: the query is an update or uses SERVICE.
        :raises QueryError: the query is malformed, nests too deeply or fails.
        """
        from .query import check_read_only

        info = check_read_only(text)
        result = self.store.query(text, union=not info.dataset and not self.data_default_graph)
        if isinstance(result, ox.QueryBoolean):
            return bool(result)
        if isinstance(result, ox.QueryTriples):
            return list(result)
        return result_table(result)

    @overload
    def facts(self, *, flat: Literal[False] = False) -> dict[str, Any]: ...

    @overload
    def facts(self, *, flat: Literal[True]) -> Table: ...

    def facts(self, *, flat: bool = False) -> dict[str, Any] | Table:
        """The facts view: per article, the missions it states, in the gold files' shape.

        With ``flat=True``, the same facts as a :class:`~kgbuild.table.Table` with one row per
        (article, mission, slot, value) (:func:`kgbuild.facts.fact_table`), ready for
        ``.to_pandas()``.
        """
        from .facts import fact_table, facts

        return fact_table(self.store) if flat else facts(self.store)

    def to_rdflib(self) -> Any:
        """A copy of the whole graph as an ``rdflib.Dataset``, for the rdflib ecosystem.

        Every named graph (one per article, the links, the ontology, the VoID description; not
        the listings, a derived index) is kept; the Dataset's default graph is the union of them
        (``default_union``), as in kgbuild's own queries. It is a copy: changing it changes nothing in the store. rdflib holds every
        triple as Python objects, so this suits graphs of up to some 100k quads (the bundled
        examples: about 4k).
        """
        from .export import to_rdflib

        return to_rdflib(self.store)

    def summary(self) -> dict[str, int]:
        """Counts of articles, missions, elections, countries, organizations, quads and graphs."""
        row = next(
            self.store.select(
                """SELECT (COUNT(DISTINCT ?a) AS ?articles) (COUNT(DISTINCT ?m) AS ?missions)
                          (COUNT(DISTINCT ?e) AS ?elections) (COUNT(DISTINCT ?c) AS ?countries)
                          (COUNT(DISTINCT ?o) AS ?organizations)
                   WHERE { { ?a a eo:Article } UNION { ?m a eo:ObservationMission }
                           UNION { ?e a eo:Election } UNION { ?c a eo:Country }
                           UNION { ?m2 eo:organizer ?o } }"""
            )
        )
        out = {k: int(v.value) for k, v in row.items()}
        out["quads"] = self.store.count_quads()
        out["graphs"] = self.store.graph_count()
        return out

    def explain(self, node: str, prop: str | None = None) -> list[dict[str, Any]]:
        """Each fact about ``node`` (an IRI, a path such as ``country/MD``, or a label) with its evidence."""
        iri = self.resolve_node(node)
        params: dict[str, Any] = {"subject": iri}
        if prop:
            params["property"] = self._resolve_property(prop)
        return self.query("fact-provenance", **params)

    def resolve_node(self, node: str) -> str:
        """An IRI for ``node``: an absolute IRI, a path under the base IRI, or an exact label."""
        if "://" in node:
            return node
        for candidate in (self.iris.base + node.lstrip("/"), self.iris.base + "mission/" + node):
            try:
                if self.store.has_subject(ox.NamedNode(candidate)):
                    return candidate
            except ValueError:  # not IRI material (spaces, quotes): try it as a label
                break
        hits = sorted(
            {
                r["s"].value
                for r in self.store.select(
                    "SELECT DISTINCT ?s ?label WHERE { ?s rdfs:label ?l . FILTER(LCASE(STR(?l)) = LCASE(STR(?label))) } ",
                    substitutions={ox.Variable("label"): ox.Literal(node)},
                )
                if isinstance(r["s"], ox.NamedNode)
            }
        )
        if not hits:
            raise ParameterError("node", node, "matches no IRI, path or label in the graph")
        if len(hits) > 1:
            raise ParameterError("node", node, f"is ambiguous: {', '.join(hits[:5])}")
        return hits[0]

    def _resolve_property(self, prop: str) -> str:
        if "://" in prop:
            return prop
        local = prop.split(":", 1)[-1]
        local = _DEPRECATED_PROPERTIES.get(local, local)
        try:
            return EO[local].value
        except AttributeError:
            raise ParameterError("property", prop, "is not an eo: property (e.g. participatesIn, startDate)") from None

    def labels(self) -> dict[str, str]:
        """Every labelled node's IRI mapped to its ``rdfs:label``."""
        return {r["s"].value: r["l"].value for r in self.store.select("SELECT ?s ?l WHERE { ?s rdfs:label ?l }")}

    def export(self, output: str | Path | IO[bytes], *, format: str = "turtle") -> int:
        """Write the graph as Turtle (data graphs merged), TriG, N-Quads, N-Triples or JSON-LD."""
        from .export import export

        return export(self.store, output, format=format)


def _python_table(rows: list[Row], names: list[str]) -> Table:
    return Table(({k: term_to_python(v) for k, v in row.items()} for row in rows), columns=names)
