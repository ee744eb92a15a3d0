"""The kgbuild ontology and SHACL shapes: loading, validation, OWL reasoning and documentation.

``ontology/kgbuild.ttl`` (OWL 2, Turtle) defines every ``eo:`` term; ``ontology/shapes.ttl``
(SHACL) says what a well-formed mission, election, observer count, evidence node and article
look like. Both are packaged (see :mod:`kgbuild.resources`).

>>> "eo:ObservationMission" in document()
True
"""

from __future__ import annotations

import html
import io
import os
import shutil
import subprocess
import tempfile
import threading
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import pyoxigraph
import rdflib
from pyoxigraph import DefaultGraph, NamedNode, Quad, RdfFormat
from rdflib.collection import Collection
from rdflib.namespace import OWL as _OWL
from rdflib.namespace import RDF as _RDF
from rdflib.namespace import RDFS as _RDFS
from rdflib.namespace import SKOS as _SKOS

from .errors import InputError, KgbuildError, ParameterError, ReasonerUnavailable
from .resources import resource_text
from .vocab import EO_NS, ONTOLOGY_IRI, ONTOLOGY_VERSION, PREFIXES

__all__ = [
    "ONTOLOGY_FILE",
    "SHAPES_FILE",
    "ValidationReport",
    "ValidationResult",
    "check_consistency",
    "data_graph",
    "document",
    "ontology_quads",
    "ontology_text",
    "shapes_text",
    "validate",
    "write_versioned",
]

ONTOLOGY_FILE = "kgbuild.ttl"
SHAPES_FILE = "shapes.ttl"

_SH = rdflib.Namespace("http://www.w3.org/ns/shacl#")
_DCTERMS = rdflib.Namespace("http://purl.org/dc/terms/")
_JAVA_HINT = "install Java (apt-get install default-jre-headless) to run the HermiT reasoner"
_TMPDIR_LOCK = threading.Lock()


# --- the texts --------------------------------------------------------------------------------
def ontology_text() -> str:
    """The ontology as Turtle.

    >>> "owl:versionIRI <https://w3id.org/kgbuild/ontology/0.4.0>" in ontology_text()
    True
    """
    return resource_text("ontology", ONTOLOGY_FILE)


def shapes_text() -> str:
    """The SHACL shapes as Turtle."""
    return resource_text("ontology", SHAPES_FILE)


def ontology_quads(graph: NamedNode | DefaultGraph | None = None) -> list[Quad]:
    """The ontology's triples as quads in ``graph`` (default: the graph named by the ontology IRI).

    >>> quads = ontology_quads()
    >>> {q.graph_name.value for q in quads} == {"https://w3id.org/kgbuild/ontology"}
    True
    """
    target = NamedNode(ONTOLOGY_IRI) if graph is None else graph
    return [
        Quad(t.subject, t.predicate, t.object, target)
        for t in pyoxigraph.parse(ontology_text(), format=RdfFormat.TURTLE, base_iri=ONTOLOGY_IRI)
    ]


def _ntriples(turtle: str) -> bytes:
    return pyoxigraph.serialize(pyoxigraph.parse(turtle, format=RdfFormat.TURTLE), format=RdfFormat.N_TRIPLES) or b""


# --- SHACL validation -------------------------------------------------------------------------
@dataclass(frozen=True, slots=True)
class ValidationResult:
    """One SHACL result: which node broke which constraint of which shape, on which path."""

    focus_node: str
    severity: str
    constraint: str
    message: str
    path: str | None = None
    value: str | None = None
    shape: str | None = None


@dataclass
class ValidationReport:
    """The outcome of :func:`validate`: ``conforms`` and the individual results.

    ``conforms`` ignores warnings unless ``validate(..., warnings_fail=True)`` was asked for.
    """

    conforms: bool
    results: list[ValidationResult] = field(default_factory=list)
    text: str = ""

    @property
    def focus_nodes(self) -> set[str]:
        """IRIs (or blank-node ids) of every node with a result of severity Violation."""
        return {r.focus_node for r in self.results if r.severity == "Violation"}

    def violations(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Violation"]

    def warnings(self) -> list[ValidationResult]:
        return [r for r in self.results if r.severity == "Warning"]


def _is_data_graph(name: NamedNode) -> bool:
    return name.value != ONTOLOGY_IRI and not name.value.endswith("graph/_void")


def data_graph(
    data: rdflib.Graph | pyoxigraph.Store | str | os.PathLike[str],
    *,
    graphs: Iterable[NamedNode | str] | None = None,
) -> rdflib.Graph:
    """The triples to validate, as one rdflib graph (the union of the selected graphs).

    ``data`` is an rdflib graph (used as is), a pyoxigraph store, a path to an RDF file (format
    from the extension: ``.ttl``, ``.nt``, ``.nq``, ``.trig`` ...) or Turtle/TriG text. For a
    store or a quad file the default is every named graph except the ontology graph and the
    VoID graph (the default graph when there is none: in a kgbuild store it only repeats them);
    ``graphs`` selects named graphs instead.

    :raises InputError: the file does not exist or does not parse.
    """
    if isinstance(data, rdflib.Graph):
        return data
    store = data if isinstance(data, pyoxigraph.Store) else _load_store(data)
    if graphs is None:
        names: list[NamedNode | DefaultGraph] = sorted(
            (g for g in store.named_graphs() if isinstance(g, NamedNode) and _is_data_graph(g)), key=str
        )
        if not names:  # a kgbuild store's default graph is derived from its named graphs (issue 15)
            names = [DefaultGraph()]
    else:
        names = [g if isinstance(g, NamedNode) else NamedNode(g) for g in graphs]
    union = rdflib.Graph()
    for name in names:
        # Each graph parsed on its own, so blank-node labels of different graphs never merge.
        union.parse(data=store.dump(format=RdfFormat.N_TRIPLES, from_graph=name), format="nt")
    return union


def _load_store(data: str | os.PathLike[str]) -> pyoxigraph.Store:
    store = pyoxigraph.Store()
    text = str(data)
    try:
        if isinstance(data, str) and _looks_like_rdf(data):
            store.load(data, format=RdfFormat.TRIG)
            return store
        path = Path(data)
        if not path.is_file():
            raise InputError(text, "no such file to validate")
        fmt = RdfFormat.from_extension(path.suffix.lstrip(".")) or RdfFormat.TURTLE
        store.load(path=path, format=fmt)
    except (SyntaxError, ValueError, OSError) as exc:
        raise InputError(
            text if len(text) < 200 else text[:200] + "…", f"cannot be read as RDF: {exc}"
        ) from exc
    return store


def _looks_like_rdf(text: str) -> bool:
    """Turtle/TriG text rather than a path: several lines, or a directive or term first."""
    return "\n" in text.strip() or text.lstrip().startswith(("@prefix", "PREFIX", "<", "_:", "@base", "BASE"))


def validate(
    data: rdflib.Graph | pyoxigraph.Store | str | os.PathLike[str],
    *,
    graphs: Iterable[NamedNode | str] | None = None,
    warnings_fail: bool = False,
) -> ValidationReport:
    """Validate data against the SHACL shapes (pyshacl, no RDFS inference, SHACL-AF targets on).

    The shapes need no ontology in the data graph: the data is what kgbuild writes (article
    graphs plus the links graph). Validation is per graph or per sample, not the whole store on
    every build: it costs ~0.4 s for the 3.4k triples of the examples (pyshacl is pure Python,
    ~5 s per 100k triples at best), so validate one article graph (``graphs=[...]``) or a sample.

    Shapes of severity ``sh:Warning`` flag disagreements between articles (two heads, two start
    dates of one mission); they are reported but make ``conforms`` false only with
    ``warnings_fail=True``.

    :param data: see :func:`data_graph`.
    :raises InputError: a file cannot be read.

    >>> validate("<https://example.org/a> <https://example.org/b> 1 .\\n").conforms
    True
    """
    from pyshacl import validate as shacl_validate  # slow import, only when validating

    graph = data_graph(data, graphs=graphs)
    shapes = rdflib.Graph().parse(data=shapes_text(), format="turtle")
    conforms, report_graph, text = shacl_validate(
        graph, shacl_graph=shapes, inference="none", allow_warnings=not warnings_fail, advanced=True
    )
    return ValidationReport(conforms=bool(conforms), results=_results(report_graph), text=str(text))


def _results(report: rdflib.Graph) -> list[ValidationResult]:
    def one(node: rdflib.term.Node, prop: rdflib.URIRef) -> str | None:
        value = report.value(node, prop)
        return None if value is None else str(value)

    out = []
    for r in report.subjects(_RDF.type, _SH.ValidationResult):
        severity = one(r, _SH.resultSeverity) or ""
        out.append(
            ValidationResult(
                focus_node=one(r, _SH.focusNode) or "",
                severity=severity.rsplit("#", 1)[-1],
                constraint=(one(r, _SH.sourceConstraintComponent) or "").rsplit("#", 1)[-1],
                message=one(r, _SH.resultMessage) or "",
                path=one(r, _SH.resultPath),
                value=one(r, _SH.value),
                shape=one(r, _SH.sourceShape),
            )
        )
    # pyshacl may report one result twice (a shape reached by target and by sh:node).
    return sorted(
        set(out), key=lambda r: (r.focus_node, r.path or "", r.constraint, r.message, r.value or "")
    )


# --- OWL reasoning ----------------------------------------------------------------------------
def check_consistency(data_ntriples: str | None = None) -> bool:
    """Whether the ontology, plus optional data (N-Triples text), is consistent under HermiT.

    Runs HermiT through owlready2 (which cannot read Turtle, so the ontology is converted to
    N-Triples first) with unsupported datatypes such as ``xsd:date`` ignored. Takes about a
    second; meant for the ontology and small samples, not a whole store.

    :raises ReasonerUnavailable: Java is not installed, or HermiT failed to run.
    :raises InputError: ``data_ntriples`` is not valid N-Triples.
    """
    import owlready2

    java = shutil.which(owlready2.JAVA_EXE)
    if java is None:
        raise ReasonerUnavailable(f"no {owlready2.JAVA_EXE!r} on PATH: {_JAVA_HINT}")
    if data_ntriples is not None:
        try:
            data_bytes = pyoxigraph.serialize(
                pyoxigraph.parse(data_ntriples, format=RdfFormat.N_TRIPLES), format=RdfFormat.N_TRIPLES
            ) or b""
        except (SyntaxError, ValueError) as exc:
            raise InputError("data_ntriples", f"is not valid N-Triples: {exc}") from exc
    world = owlready2.World()
    try:
        world.get_ontology(ONTOLOGY_IRI).load(
            fileobj=io.BytesIO(_ntriples(ontology_text())), format="ntriples"
        )
        if data_ntriples is not None:
            world.get_ontology("urn:kgbuild:consistency-data").load(
                fileobj=io.BytesIO(data_bytes), format="ntriples"
            )
        # owlready2 leaves its N-Triples dump behind when HermiT fails: give it a private TMPDIR.
        with _TMPDIR_LOCK, tempfile.TemporaryDirectory(prefix="kgbuild-hermit-") as tmp:
            saved, tempfile.tempdir = tempfile.tempdir, tmp
            try:
                owlready2.sync_reasoner_hermit(
                    world, infer_property_values=False, debug=0, ignore_unsupported_datatypes=True
                )
            finally:
                tempfile.tempdir = saved
    except owlready2.OwlReadyInconsistentOntologyError:
        return False
    except FileNotFoundError as exc:
        raise ReasonerUnavailable(f"cannot start Java ({exc}): {_JAVA_HINT}") from exc
    except (owlready2.OwlReadyJavaError, subprocess.SubprocessError) as exc:
        raise ReasonerUnavailable(f"HermiT failed: {str(exc).strip()[:2000]}") from exc
    finally:
        world.close()
    return True


# --- documentation ----------------------------------------------------------------------------
@dataclass
class _Term:
    curie: str
    iri: str
    label: str
    comment: str
    facts: list[tuple[str, str]]


def _curie(node: rdflib.term.Node) -> str:
    text = str(node)
    if isinstance(node, rdflib.BNode):
        return "(anonymous)"
    for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
        if text.startswith(ns):
            return f"{prefix}:{text[len(ns) :]}"
    return f"<{text}>"


def _describe(g: rdflib.Graph, node: rdflib.term.Node) -> str:
    if isinstance(node, rdflib.BNode):
        members = g.value(node, _OWL.unionOf)
        if members is not None:
            return " or ".join(_curie(m) for m in Collection(g, members))
    return _curie(node)


_FACTS = [
    ("subclass of", _RDFS.subClassOf),
    ("subproperty of", _RDFS.subPropertyOf),
    ("inverse of", _OWL.inverseOf),
    ("domain", _RDFS.domain),
    ("range", _RDFS.range),
    ("in scheme", _SKOS.inScheme),
    ("top concepts", _SKOS.hasTopConcept),
    ("close match", _SKOS.closeMatch),
    ("see also", _RDFS.seeAlso),
]


def _terms(g: rdflib.Graph, kind: rdflib.URIRef) -> list[_Term]:
    out = []
    for s in set(g.subjects(_RDF.type, kind)):
        if not isinstance(s, rdflib.URIRef) or not str(s).startswith(EO_NS):
            continue
        facts = []
        for name, prop in _FACTS:
            values = sorted(_describe(g, o) for o in g.objects(s, prop))
            if values:
                facts.append((name, ", ".join(values)))
        if (s, _RDF.type, _OWL.FunctionalProperty) in g:
            facts.append(("characteristics", "functional"))
        out.append(
            _Term(
                _curie(s),
                str(s),
                str(g.value(s, _RDFS.label) or ""),
                " ".join(str(g.value(s, _RDFS.comment) or g.value(s, _SKOS.definition) or "").split()),
                facts,
            )
        )
    return sorted(out, key=lambda t: t.curie.lower())


def _sections(g: rdflib.Graph) -> list[tuple[str, list[_Term]]]:
    return [
        ("Classes", _terms(g, _OWL.Class)),
        ("Object properties", _terms(g, _OWL.ObjectProperty)),
        ("Datatype properties", _terms(g, _OWL.DatatypeProperty)),
        ("Concept schemes", _terms(g, _SKOS.ConceptScheme)),
        ("Concepts", _terms(g, _SKOS.Concept)),
    ]


def document(format: str = "markdown") -> str:
    """Reference documentation of every class, property, scheme and concept of the ontology.

    Generated from the ``rdfs:label``/``rdfs:comment`` annotations, domains, ranges and
    alignments. ``format`` is ``"markdown"`` or ``"html"``.

    :raises ParameterError: ``format`` is neither.
    """
    if format not in ("markdown", "html"):
        raise ParameterError("format", format, "is not a documentation format; expected markdown or html")
    g = rdflib.Graph().parse(data=ontology_text(), format="turtle")
    onto = rdflib.URIRef(ONTOLOGY_IRI)
    title = str(g.value(onto, _DCTERMS.title) or "kgbuild ontology")
    description = " ".join(str(g.value(onto, _DCTERMS.description) or "").split())
    head = [
        ("Ontology IRI", ONTOLOGY_IRI),
        ("Version IRI", str(g.value(onto, _OWL.versionIRI) or "")),
        ("Version", ONTOLOGY_VERSION),
        ("Namespace", f"{EO_NS} (prefix eo:)"),
        ("License", str(g.value(onto, _DCTERMS.license) or "")),
        ("Created", str(g.value(onto, _DCTERMS.created) or "")),
    ]
    sections = _sections(g)
    return (
        _markdown(title, description, head, sections)
        if format == "markdown"
        else _html(title, description, head, sections)
    )


def _markdown(
    title: str, description: str, head: list[tuple[str, str]], sections: list[tuple[str, list[_Term]]]
) -> str:
    lines = [f"# {title}", "", description, ""]
    lines += [f"- **{k}:** {v}" for k, v in head]
    lines.append("")
    for name, terms in sections:
        lines += [f"## {name}", ""]
        for t in terms:
            lines += [f"### {t.curie}", "", f"*{t.label}* — <{t.iri}>", "", t.comment, ""]
            lines += [f"- {k}: {v}" for k, v in t.facts]
            lines.append("")
    return "\n".join(lines).rstrip() + "\n"


def _html(
    title: str, description: str, head: list[tuple[str, str]], sections: list[tuple[str, list[_Term]]]
) -> str:
    e = html.escape
    parts = [
        "<!DOCTYPE html>",
        f'<html lang="en"><head><meta charset="utf-8"><title>{e(title)}</title></head><body>',
        f"<h1>{e(title)}</h1>",
        f"<p>{e(description)}</p>",
        "<dl>" + "".join(f"<dt>{e(k)}</dt><dd>{e(v)}</dd>" for k, v in head) + "</dl>",
    ]
    for name, terms in sections:
        parts.append(f"<h2>{e(name)}</h2>")
        for t in terms:
            anchor = t.curie.split(":", 1)[-1]
            parts.append(f'<section id="{e(anchor)}"><h3>{e(t.curie)}</h3>')
            parts.append(f"<p><em>{e(t.label)}</em> — <code>{e(t.iri)}</code></p><p>{e(t.comment)}</p>")
            if t.facts:
                parts.append("<ul>" + "".join(f"<li>{e(k)}: {e(v)}</li>" for k, v in t.facts) + "</ul>")
            parts.append("</section>")
    parts.append("</body></html>")
    return "\n".join(parts) + "\n"


def write_versioned(dir: str | os.PathLike[str]) -> list[Path]:
    """Write the release files ``kgbuild-<version>.{ttl,owl,md,html}`` into ``dir`` (created if needed).

    ``.owl`` is RDF/XML (for Protégé and owlready2), ``.md``/``.html`` the generated docs.

    :raises KgbuildError: ``dir`` cannot be written.
    """
    out = Path(dir)
    stem = f"kgbuild-{ONTOLOGY_VERSION}"
    triples = list(pyoxigraph.parse(ontology_text(), format=RdfFormat.TURTLE))
    contents: list[tuple[str, bytes]] = [
        (".ttl", ontology_text().encode("utf-8")),
        (".owl", pyoxigraph.serialize(triples, format=RdfFormat.RDF_XML, prefixes=PREFIXES) or b""),
        (".md", document("markdown").encode("utf-8")),
        (".html", document("html").encode("utf-8")),
    ]
    written = []
    try:
        out.mkdir(parents=True, exist_ok=True)
        for suffix, data in contents:
            path = out / f"{stem}{suffix}"
            path.write_bytes(data)
            written.append(path)
    except OSError as exc:
        raise KgbuildError(f"{out}: cannot write the versioned ontology files: {exc}") from exc
    return written
