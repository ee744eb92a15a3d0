"""Read news input (files, directories, JSON Lines dumps, stdin) into :class:`~kgbuild.model.Article`.

:func:`read_inputs` streams one :class:`~kgbuild.model.Article` per article, or one
:class:`InputProblem` per item that cannot be read, and never stops the batch because of one bad
item. :func:`read_article` reads one file and raises :class:`~kgbuild.errors.InputError`.

What counts as an article (in a directory; a file named directly is always read):

============================  ====================================================================
``.txt``, ``.text``            plain text; UTF-8 (BOM or not), UTF-16/32 with a BOM, or a legacy
                               encoding (cp1251, koi8-r, cp1252, iso-8859-5, ...) detected by
                               charset-normalizer; an optional first line `` date YYYY-MM-DD``
``.html``, ``.htm``            an HTML page: main text and metadata extracted by trafilatura
                               (also any file whose content starts like an HTML page)
``.jsonl``, ``.ndjson``        JSON Lines: one object per line, ``{"text": ..., "title", "url",
                               "date"/"published", "source", "id"}``, streamed line by line
``.json``                      one such object, or a JSON array of them
============================  ====================================================================

Skipped in directories: hidden files and directories (name starting with ``.``) and the corpus's
gold files ``*.gold.json``, silently; every other suffix (``.md``, ``.pdf``, ...) is listed as
skipped (an :class:`InputNote`). Directories are walked recursively in sorted order. A symlink
whose target lies outside the directory given is refused (an :class:`InputProblem`) unless
``follow_symlinks``; one that leads back to one of its own ancestor directories is a loop.

Ids: a file under a directory given has the path relative to that directory (``sub/a.txt``); a
file given directly has its file name; with ``root``, any file under ``root`` has its path
relative to ``root``. Extension and case are kept. A JSON record's id is its ``"id"``, else its
``"url"``, else ``FILE#LINE`` (JSON Lines) or ``FILE#N`` (the N-th element of a JSON array).
Stdin (``-``) is ``<stdin>@`` and 12 hex digits of the content's SHA-256 (of each line's, when it
carries JSON Lines), so two different documents piped in are two articles. Each article also
records its origin (:attr:`~kgbuild.model.Article.origin`: the resolved path, the record's id, or
stdin's hash), which tells sources that give the same id apart. Line endings become ``\\n``.

Text that is not UTF-8 is never re-encoded silently: a note names the offset of the first bad
byte and what was done (replaced by U+FFFD, or read in the legacy encoding detected).

Limits: a file (or stdin document) over ``max_bytes`` is refused; JSON Lines files may be any
size, but each line is held to ``max_bytes``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import io
import os
import stat
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, BinaryIO, TextIO

from kgbuild.errors import InputError, ParameterError
from kgbuild.ingest._decode import Problem, decode_text, format_limit, looks_like_html, sniff_binary
from kgbuild.ingest._fs import binary_stream, file_kind, loop_problem, os_problem, printable_name
from kgbuild.ingest._html import article_from_html
from kgbuild.ingest._records import (
    article_from_record,
    article_from_text,
    parse_json,
    parse_json_line,
)
from kgbuild.model import Article

__all__ = [
    "ARTICLE_SUFFIXES",
    "DEFAULT_MAX_BYTES",
    "InputNote",
    "InputProblem",
    "read_article",
    "read_inputs",
]

#: Size limit per file (and per JSON Lines line, and for stdin); the CLI's ``--max-bytes``.
DEFAULT_MAX_BYTES = 20 * 1024 * 1024

TEXT_SUFFIXES = frozenset({".txt", ".text"})
HTML_SUFFIXES = frozenset({".html", ".htm"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson"})
JSON_SUFFIXES = frozenset({".json"})
#: Suffixes read as articles when walking a directory (``*.gold.json`` excluded).
ARTICLE_SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES | JSON_SUFFIXES
GOLD_SUFFIX = ".gold.json"

STDIN_ID = "<stdin>"
_CHUNK = 1 << 20


@dataclass(frozen=True, slots=True)
class InputProblem:
    """One input item that could not be read: ``item`` names it, ``problem`` says what is wrong.

    >>> str(InputProblem("news/a.txt", "is empty (whitespace only)"))
    'news/a.txt: is empty (whitespace only)'
    """

    item: str
    problem: str

    def __str__(self) -> str:
        return f"{self.item}: {self.problem}"


@dataclass(frozen=True, slots=True)
class InputNote:
    """Something a build should say about an input item that is no failure: ``kind`` is
    ``"skipped"`` (not an article type) or ``"warning"`` (read, with a caveat).

    >>> str(InputNote("news/a.pdf", "not an article type (.pdf)", "skipped"))
    'news/a.pdf: not an article type (.pdf)'
    """

    item: str
    note: str
    kind: str = "warning"

    def __str__(self) -> str:
        return f"{self.item}: {self.note}"


def read_inputs(
    paths: Iterable[str | Path],
    *,
    root: Path | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    stdin: TextIO | BinaryIO | None = None,
    follow_symlinks: bool = False,
    notes: list[InputNote] | None = None,
) -> Iterator[Article | InputProblem]:
    """Stream the articles in ``paths`` (files, directories, ``-`` for stdin), in a stable order.

    Each unreadable item (missing path, permission denied, empty, binary, too big, undecodable,
    malformed JSON line, bad date, symlink loop, duplicate id) gives one :class:`InputProblem`
    and reading goes on. A file reached twice (a directory and a file in it, or two symlinks) is
    read once; two different items with the same article id give a problem for the second.

    :param paths: files, directories, or ``"-"`` for stdin.
    :param root: when given, files under it get their path relative to it as id.
    :param max_bytes: size limit per file, per JSON Lines line and for stdin.
    :param stdin: the stream ``-`` reads (default :data:`sys.stdin`), text or binary.
    :param follow_symlinks: read symlinks whose targets lie outside the directory walked.
    :param notes: gets an :class:`InputNote` for every file skipped and every warning.
    :raises ParameterError: ``max_bytes`` is not a positive integer.

    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp())
    >>> _ = (d / "a.txt").write_text(" date 2024-05-01 Observers arrived.")
    >>> _ = (d / "b.txt").write_text("   ")
    >>> [(x.id, x.published) if isinstance(x, Article) else x.problem for x in read_inputs([d])]
    [('a.txt', datetime.date(2024, 5, 1)), 'is empty (whitespace only)']
    """
    _check_max_bytes(max_bytes)
    reader = _Reader(root=root, max_bytes=max_bytes, stdin=stdin, follow_symlinks=follow_symlinks, notes=notes)
    return (x for p in paths for x in reader.read_path(p))


def read_article(path: Path, *, article_id: str | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> Article:
    """Read one article file (text, HTML, or JSON holding one object).

    :param article_id: the id to give it (default: the file name, or the JSON record's id).
    :raises InputError: the file cannot be read, or holds no article or several.
    :raises ParameterError: ``max_bytes`` is not a positive integer.

    >>> import tempfile
    >>> p = Path(tempfile.mkdtemp()) / "x.txt"
    >>> _ = p.write_bytes("Наблюдатели СНГ прибыли в Баку.".encode("cp1251"))
    >>> read_article(p).encoding
    'cp1251'
    """
    _check_max_bytes(max_bytes)
    path = Path(path)
    if path.suffix.lower() in JSONL_SUFFIXES:
        raise InputError(
            printable_name(str(path)), "is JSON Lines (many articles); read it with read_inputs()"
        )
    reader = _Reader(root=None, max_bytes=max_bytes, stdin=None, follow_symlinks=True, notes=None)
    items = list(
        reader.read_file(
            path,
            article_id or printable_name(path.name),
            item=printable_name(str(path)),
            explicit_id=article_id,
        )
    )
    for x in items:
        if isinstance(x, InputProblem):
            raise InputError(x.item, x.problem)
    if len(items) != 1:
        raise InputError(
            printable_name(str(path)),
            f"holds {len(items)} articles, expected one; read it with read_inputs()",
        )
    article = items[0]
    assert isinstance(article, Article)
    return article


def _check_max_bytes(max_bytes: object) -> None:
    if isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes <= 0:
        raise ParameterError("max_bytes", max_bytes, "must be a positive number of bytes")


class _Reader:
    """The state of one :func:`read_inputs` call: files already read and ids already given."""

    def __init__(self, *, root: Path | None, max_bytes: int, stdin: Any, follow_symlinks: bool,
                 notes: list[InputNote] | None) -> None:
        self.root = Path(os.path.abspath(root)) if root is not None else None
        self.max_bytes = max_bytes
        self.stdin = stdin
        self.follow_symlinks = follow_symlinks
        self.notes = notes
        self.stdin_read = False
        self.seen_files: set[tuple[int, int]] = set()
        self.seen_ids: dict[str, str] = {}

    # -- paths -------------------------------------------------------------------------------

    def read_path(self, given: str | Path) -> Iterator[Article | InputProblem]:
        if str(given) == "-":
            yield from self._unique(self.read_stdin())
            return
        path = Path(given)
        item = printable_name(str(given))
        try:
            st = path.stat()
        except OSError as exc:
            yield InputProblem(item, os_problem(exc, path))
            return
        if stat.S_ISDIR(st.st_mode):
            yield from self._walk(path, base=path, ancestors=frozenset({(st.st_dev, st.st_ino)}),
                                  boundary=os.path.realpath(path))
        elif path.name.endswith(GOLD_SUFFIX):
            yield InputProblem(item, "is a gold annotation file (*.gold.json), not an article")
        else:
            yield from self._file(path, st, self._id_for(path, base=None), item, direct=True)

    def _note(self, item: str, note: str, kind: str = "warning") -> None:
        if self.notes is not None:
            self.notes.append(InputNote(item, note, kind))

    def _walk(
        self, directory: Path, *, base: Path, ancestors: frozenset[tuple[int, int]], boundary: str
    ) -> Iterator[Article | InputProblem]:
        try:
            with os.scandir(directory) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            yield InputProblem(printable_name(str(directory)), os_problem(exc, directory, listing=True))
            return
        for entry in entries:
            name = entry.name
            if name.startswith("."):
                continue
            path = Path(entry.path)
            wanted = _is_article_name(name)
            try:
                st = path.stat()
            except OSError as exc:
                if wanted or entry.is_symlink():
                    yield InputProblem(printable_name(str(path)), os_problem(exc, path))
                continue
            if entry.is_symlink() and not self.follow_symlinks and (stat.S_ISDIR(st.st_mode) or wanted):
                target = os.path.realpath(path)
                if target != boundary and not target.startswith(boundary.rstrip(os.sep) + os.sep):
                    yield InputProblem(
                        printable_name(str(path)),
                        f"symlink to {printable_name(target)!r}, outside the folder read; "
                        "not followed (--follow-symlinks reads it)",
                    )
                    continue
            if stat.S_ISDIR(st.st_mode):
                key = (st.st_dev, st.st_ino)
                if key in ancestors:
                    yield InputProblem(printable_name(str(path)), loop_problem(path))
                    continue
                yield from self._walk(path, base=base, ancestors=ancestors | {key}, boundary=boundary)
            elif wanted:
                yield from self._file(
                    path, st, self._id_for(path, base=base), printable_name(str(path)), direct=False
                )
            elif stat.S_ISREG(st.st_mode) and not name.lower().endswith(GOLD_SUFFIX):
                suffix = os.path.splitext(name)[1].lower() or "no suffix"
                self._note(printable_name(str(path)), f"not an article type ({suffix}); skipped", "skipped")

    def _id_for(self, path: Path, *, base: Path | None) -> str:
        if self.root is not None:
            absolute = Path(os.path.abspath(path))
            if absolute.is_relative_to(self.root):
                return printable_name(absolute.relative_to(self.root).as_posix())
        if base is not None:
            return printable_name(path.relative_to(base).as_posix())
        return printable_name(path.name)

    def _file(
        self, path: Path, st: os.stat_result, article_id: str, item: str, *, direct: bool
    ) -> Iterator[Article | InputProblem]:
        if stat.S_ISREG(st.st_mode):
            key = (st.st_dev, st.st_ino)
            if key in self.seen_files:
                return
            self.seen_files.add(key)
        elif not (direct and (stat.S_ISFIFO(st.st_mode) or stat.S_ISCHR(st.st_mode))):
            # A pipe given by name (``<(zcat dump.jsonl.gz)``) is read; one met in a walk is not.
            yield InputProblem(item, f"is {file_kind(st.st_mode)}, not a regular file; skipped")
            return
        yield from self._unique(self.read_file(path, article_id, item=item, st=st))

    def _unique(self, items: Iterator[Article | InputProblem]) -> Iterator[Article | InputProblem]:
        for x in items:
            if isinstance(x, Article):
                first = self.seen_ids.get(x.id)
                if first is not None:
                    yield InputProblem(
                        x.path or x.id,
                        f"duplicate article id {x.id!r} (already given by {first}); skipped, "
                        "give a distinct id or --root",
                    )
                    continue
                self.seen_ids[x.id] = x.path or x.id
            yield x

    # -- one file ----------------------------------------------------------------------------

    def read_file(
        self,
        path: Path,
        article_id: str,
        *,
        item: str,
        st: os.stat_result | None = None,
        explicit_id: str | None = None,
    ) -> Iterator[Article | InputProblem]:
        suffix = path.suffix.lower()
        if suffix in JSONL_SUFFIXES:
            yield from self._jsonl_file(path, article_id, item)
            return
        try:
            if st is not None and stat.S_ISREG(st.st_mode) and st.st_size > self.max_bytes:
                raise Problem(self._too_big(st.st_size))
            try:
                with open(path, "rb") as f:
                    data = f.read(self.max_bytes + 1)
            except OSError as exc:
                raise Problem(os_problem(exc, path)) from exc
            if len(data) > self.max_bytes:
                raise Problem(self._too_big(None))
            kind = "json" if suffix in JSON_SUFFIXES else "html" if suffix in HTML_SUFFIXES else "text"
            warnings: list[str] = []
            yield from _document(
                data,
                kind=kind,
                article_id=article_id,
                item=item,
                path=printable_name(str(path)),
                explicit_id=explicit_id,
                origin=_file_origin(path),
                warnings=warnings,
            )
            for w in warnings:
                self._note(item, w)
        except Problem as exc:
            yield InputProblem(item, str(exc))

    def _jsonl_file(self, path: Path, file_id: str, item: str) -> Iterator[Article | InputProblem]:
        try:
            f = open(path, "rb")
        except OSError as exc:
            yield InputProblem(item, os_problem(exc, path))
            return
        with f:
            try:
                sniff_binary(f.peek(64 * 1024)[: 64 * 1024] if isinstance(f, io.BufferedReader) else b"")
            except Problem as exc:
                yield InputProblem(item, str(exc))
                return
            yield from self._jsonl_lines(
                f, file_id=file_id, item=item, path=printable_name(str(path)), origin=_file_origin(path)
            )

    def _jsonl_lines(
        self,
        f: IO[bytes],
        *,
        file_id: str,
        item: str,
        path: str | None,
        origin: str | None,
        first: tuple[int, bytes] | None = None,
    ) -> Iterator[Article | InputProblem]:
        """Each non-blank line of ``f`` (after ``first``, a line already read) as an article.

        Without an ``origin`` (stdin), a record without an id of its own is known by its content:
        ``<stdin>@`` and the line's hash.
        """
        lineno = 0
        any_line = False
        while True:
            if first is not None:
                lineno, line = first
                first = None
            else:
                line = f.readline(self.max_bytes + 1)
                lineno += 1
            if not line:
                break
            where = f"{item}:{lineno}"
            if len(line) > self.max_bytes and not line.endswith(b"\n"):
                while (rest := f.readline(_CHUNK)) and not rest.endswith(b"\n"):
                    pass
                yield InputProblem(
                    where, f"line is over the {format_limit(self.max_bytes)} limit (--max-bytes)"
                )
                continue
            if not line.strip():
                continue
            any_line = True
            try:
                record = parse_json_line(line)
                if origin is None:
                    digest = hashlib.sha256(line.strip()).hexdigest()
                    default_id, default_origin = f"{STDIN_ID}@{digest[:12]}", f"stdin:{digest}"
                else:
                    default_id, default_origin = f"{file_id}#{lineno}", f"{origin}#{lineno}"
                yield article_from_record(
                    record, default_id=default_id, default_origin=default_origin, path=path, encoding="utf-8"
                )
            except Problem as exc:
                yield InputProblem(where, str(exc))
        if not any_line:
            yield InputProblem(item, "is empty (no JSON lines)")

    # -- stdin -------------------------------------------------------------------------------

    def read_stdin(self) -> Iterator[Article | InputProblem]:
        if self.stdin_read:
            yield InputProblem(STDIN_ID, "stdin ('-') given twice; read once")
            return
        self.stdin_read = True
        stream = binary_stream(self.stdin if self.stdin is not None else sys.stdin)
        try:
            line = stream.readline(self.max_bytes + 1)
            head = line.lstrip(b"\xef\xbb\xbf \t\r\n")
            if head.startswith(b"{") and len(line) <= self.max_bytes:
                try:
                    parse_json_line(line)
                except Problem:
                    pass
                else:
                    yield from self._jsonl_lines(
                        stream, file_id=STDIN_ID, item=STDIN_ID, path=None, origin=None, first=(1, line)
                    )
                    return
            data = line + stream.read(self.max_bytes + 1 - len(line))
        except OSError as exc:
            yield InputProblem(STDIN_ID, f"cannot be read: {exc.strerror or exc}")
            return
        try:
            if len(data) > self.max_bytes:
                raise Problem(self._too_big(None))
            stripped = data.lstrip(b"\xef\xbb\xbf \t\r\n")
            kind = "json" if stripped[:1] in (b"{", b"[") else "text"
            digest = hashlib.sha256(data).hexdigest()
            warnings: list[str] = []
            yield from _document(data, kind=kind, article_id=f"{STDIN_ID}@{digest[:12]}", item=STDIN_ID, path=None,
                                 origin=f"stdin:{digest}", warnings=warnings)
            for w in warnings:
                self._note(STDIN_ID, w)
        except Problem as exc:
            yield InputProblem(STDIN_ID, str(exc))

    def _too_big(self, size: int | None) -> str:
        limit = format_limit(self.max_bytes)
        if size is None:
            return f"is over the {limit} limit (--max-bytes)"
        return f"is {size:,} bytes, over the {limit} limit (--max-bytes)"


def _file_origin(path: Path) -> str:
    """The origin of what a file holds: ``file:`` and its resolved path."""
    return "file:" + printable_name(os.path.realpath(path))


def _document(
    data: bytes, *, kind: str, article_id: str, item: str, path: str | None, explicit_id: str | None = None,
    origin: str | None = None, warnings: list[str] | None = None,
) -> Iterator[Article | InputProblem]:
    """The article(s) in one whole document; :class:`Problem` when there is none."""
    if not data.strip():
        raise Problem("is empty (no text)" if not data else "is empty (whitespace only)")
    if kind == "json":
        yield from _json_document(data, article_id=article_id, item=item, path=path, explicit_id=explicit_id,
                                  origin=origin)
        return
    if kind == "html" or looks_like_html(data):
        sniff_binary(data)
        yield article_from_html(article_id, data, path=path, origin=origin, warnings=warnings)
        return
    text, encoding = decode_text(data, warnings=warnings)
    yield article_from_text(article_id, text, path=path, encoding=encoding, origin=origin)


def _json_document(
    data: bytes, *, article_id: str, item: str, path: str | None, explicit_id: str | None, origin: str | None
) -> Iterator[Article | InputProblem]:
    sniff_binary(data)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(f"not UTF-8 at byte {exc.start + 1} (JSON must be UTF-8)") from exc
    doc = parse_json(text)
    if isinstance(doc, list):
        if not doc:
            raise Problem("is an empty JSON array (no articles)")
        for n, record in enumerate(doc, start=1):
            try:
                yield article_from_record(record, default_id=f"{article_id}#{n}", path=path, encoding="utf-8",
                                          default_origin=f"{origin}#{n}" if origin else None)
            except Problem as exc:
                yield InputProblem(f"{item}#{n}", str(exc))
        return
    article = article_from_record(doc, default_id=article_id, path=path, encoding="utf-8", default_origin=origin)
    if explicit_id is not None and article.id != explicit_id:
        article = dataclasses.replace(article, id=explicit_id, origin=origin)
    yield article


def _is_article_name(name: str) -> bool:
    lower = name.lower()
    return not lower.endswith(GOLD_SUFFIX) and os.path.splitext(lower)[1] in ARTICLE_SUFFIXES
