"""Tests for kgbuild.ingest: reading files, directories, JSON Lines and stdin into Articles."""

from __future__ import annotations

import builtins
import hashlib
import io
import json
import os
import random
import shutil
import tempfile
from datetime import date
from pathlib import Path

import pytest

from kgbuild.errors import InputError, ParameterError
from kgbuild.ingest import DEFAULT_MAX_BYTES, InputProblem, read_article, read_inputs
from kgbuild.model import Article

INPUTS = Path(__file__).parent / "data" / "inputs"
EXAMPLES = Path(__file__).parent.parent / "examples"


def _split(items):
    articles = [x for x in items if isinstance(x, Article)]
    problems = [x for x in items if isinstance(x, InputProblem)]
    assert len(articles) + len(problems) == len(items)
    return articles, problems


def _problems_by_name(problems):
    return {Path(p.item).name: p.problem for p in problems}


# -- encodings ---------------------------------------------------------------------------------


def test_ingest_cp1251_russian_news_is_decoded():
    """A cp1251 Russian article with CRLF line ends decodes exactly, with its date header."""
    a = read_article(INPUTS / "cp1251-news.txt")
    assert a.encoding == "cp1251"
    assert a.published == date(2023, 9, 4)
    assert a.text.startswith(
        "МОСКВА, 4 сентября\n\nМиссия наблюдателей от Содружества Независимых Государств"
    )
    assert "агентство «Северные новости»" in a.text
    assert "восьми государств — участников СНГ" in a.text
    assert "\r" not in a.text


def test_ingest_latin1_french_news_is_decoded():
    """A latin-1 French article keeps its accented letters (not misread as cp1250)."""
    a = read_article(INPUTS / "latin1-news.txt")
    assert a.encoding in ("cp1252", "latin_1")
    assert a.published == date(2022, 4, 11)
    assert a.text.startswith("GENÈVE, 11 avril")
    assert "arrivée à Genève lundi" in a.text
    assert "Conduite par Mme Hélène Dupré" in a.text
    assert "« Nous suivrons le scrutin" in a.text


def test_ingest_koi8r_and_utf8_bom_are_decoded():
    """A koi8-r article and a UTF-8 article with BOM and CRLF are both read as clean text."""
    koi = read_article(INPUTS / "nested" / "koi8r-news.txt")
    assert koi.encoding == "koi8_r"
    assert koi.text.startswith("Наблюдатели от ШОС прибыли в столицу")
    bom = read_article(INPUTS / "nested" / "utf8-bom.txt")
    assert bom.encoding == "utf-8-sig"
    assert bom.published == date(2019, 11, 28)
    assert (
        bom.text
        == "ALMATY, Nov. 28\n\nObservers from the mission met the chair of the election commission.\n"
    )


@pytest.mark.parametrize(
    ("text", "encoding"),
    [
        (
            "Obserwatorzy przybyli. Delegacja, którą kieruje Łukasz Żółć, liczy 40 członków z państw UE.",
            "cp1250",
        ),
        ("Центральна виборча комісія зареєструвала спостерігачів від ОБСЄ; місія почала роботу.", "cp1251"),
        ("Избирательная комиссия зарегистрировала наблюдателей; миссия начала работу в среду.", "iso8859_5"),
    ],
)
def test_ingest_legacy_encodings_round_trip(tmp_path, text, encoding):
    """Short news sentences in other legacy encodings of the region decode to the same text."""
    p = tmp_path / "a.txt"
    p.write_bytes(text.encode(encoding))
    assert read_article(p).text == text


def test_ingest_utf16_and_nearly_utf8(tmp_path):
    """UTF-16 with a BOM is text, and UTF-8 cut inside its last character stays UTF-8."""
    (tmp_path / "u16.txt").write_bytes("Observers arrived in Baku.".encode("utf-16"))
    assert read_article(tmp_path / "u16.txt").text == "Observers arrived in Baku."
    body = "Наблюдатели СНГ прибыли в Баку и начали работу. " * 3
    (tmp_path / "cut.txt").write_bytes(body.encode() + "Б".encode()[:1])
    a = read_article(tmp_path / "cut.txt")
    assert a.encoding == "utf-8"
    assert a.text == body + "\ufffd"


# -- HTML ----------------------------------------------------------------------------------------


def test_ingest_html_page_main_text_and_metadata():
    """An HTML page gives its article text without navigation or footer, plus its metadata."""
    a = read_article(INPUTS / "page.html")
    assert a.id == "page.html"
    assert a.title == "Observers begin work ahead of vote in Montenegro"
    assert a.source == "Adriatic Wire"
    assert a.url == "https://adriatic-wire.example.net/politics/2023/03/observers-begin-work"
    assert a.published == date(2023, 3, 6)
    assert a.encoding == "utf-8"
    assert "PODGORICA, March 6. An election observation mission" in a.text
    assert "24 long-term observers" in a.text and "200 short-term observers" in a.text
    for boilerplate in (
        "Subscribe",
        "Business",
        "Trending",
        "Ferry",
        "Privacy",
        "Cookie",
        "All rights reserved",
    ):
        assert boilerplate not in a.text
    assert "\n\nThe mission is headed by" in a.text


def test_ingest_html_sniffed_in_txt_and_empty_page(tmp_path):
    """A .txt file holding an HTML page is extracted as HTML; a page without text is a problem."""
    html = (INPUTS / "page.html").read_bytes()
    (tmp_path / "saved.txt").write_bytes(html)
    assert "<p>" not in read_article(tmp_path / "saved.txt").text
    (tmp_path / "empty.html").write_text(
        '<!DOCTYPE html><html><head><title>App</title></head><body><div id="app"></div>'
        "<script>window.x = 1</script></body></html>"
    )
    with pytest.raises(InputError, match="no article text found in the HTML page"):
        read_article(tmp_path / "empty.html")


_BODY = (
    "<article><h1>Observers arrive</h1><p>PODGORICA. An election observation mission opened on Monday, "
    "ahead of the presidential election scheduled for 19 March 2023, with 24 long-term observers.</p>"
    "<p>Voting will take place on 19.03.2023 in all districts, the commission said on Monday.</p></article>"
)


@pytest.mark.parametrize(
    ("head", "url", "published"),
    [
        ("", None, None),
        (
            '<script type="application/ld+json">{"@type": "NewsArticle", "datePublished": "2023-03-06T08:00Z"}</script>',
            None,
            date(2023, 3, 6),
        ),
        ('<meta name="dc.date" content="2023-03-05">', None, date(2023, 3, 5)),
        ("", "https://wire.example/2023/03/04/observers-arrive", date(2023, 3, 4)),
    ],
)
def test_ingest_html_date_only_from_markup(tmp_path, head, url, published):
    """A page's publication date comes from its markup or URL, never from dates in its text."""
    link = f'<link rel="canonical" href="{url}">' if url else ""
    p = tmp_path / "p.html"
    p.write_text(
        f"<!DOCTYPE html><html><head><title>Observers</title>{head}{link}</head><body>{_BODY}</body></html>"
    )
    a = read_article(p)
    assert "19 March 2023" in a.text
    assert a.published == published


# -- JSON ----------------------------------------------------------------------------------------


def test_ingest_jsonl_dump_three_good_two_bad():
    """A JSON Lines dump gives its 3 good articles and one problem per bad line, naming FILE:LINE."""
    items = list(read_inputs([INPUTS / "dump.jsonl"]))
    articles, problems = _split(items)
    assert [a.id for a in articles] == [
        "wire-2021-0412",
        "https://news.example.org/2021/10/observers",
        "dump.jsonl#5",
    ]
    first, second, third = articles
    assert (first.title, first.source, first.published) == (
        "CIS observers arrive",
        "Example Wire",
        date(2021, 4, 12),
    )
    assert (
        second.published == date(2021, 10, 20) and second.url == "https://news.example.org/2021/10/observers"
    )
    assert third.published == date(2021, 6, 1) and third.text.startswith("MINSK, June 1\n\nThe mission")
    path = str(INPUTS / "dump.jsonl")
    assert [p.item for p in problems] == [f"{path}:2", f"{path}:4"]
    assert problems[0].problem.startswith("malformed JSON: ")
    assert (
        problems[1].problem
        == "\"date\" is not an ISO date (YYYY-MM-DD): '2021-02-30' (day is out of range for month)"
    )
    assert [type(x).__name__ for x in items] == [
        "Article",
        "InputProblem",
        "Article",
        "InputProblem",
        "Article",
    ]


@pytest.mark.parametrize(
    ("line", "problem"),
    [
        ('{"title": "t"}', 'no "text" field (keys: title)'),
        ('{"text": 5}', '"text" is a JSON number, not a string'),
        ('{"text": "   "}', "is empty (whitespace only)"),
        ('["text"]', 'is a JSON array, expected an object with a "text" field'),
        ('{"text": "x", "date": "13/05/2020"}', "\"date\" is not an ISO date (YYYY-MM-DD): '13/05/2020'"),
        ('{"text": "x", "url": 7}', '"url" is a JSON number, not a string'),
        ('{"text": " date 2020-13-45\\nx"}', "bad ' date' header line: '2020-13-45' is not a valid date"),
    ],
)
def test_ingest_jsonl_bad_lines(tmp_path, line, problem):
    """Each kind of bad JSON line gives one clear problem and does not stop the next line."""
    p = tmp_path / "d.ndjson"
    p.write_text(line + "\n\n" + '{"text": "Good line."}\n')
    items = list(read_inputs([p]))
    assert isinstance(items[0], InputProblem) and items[0].item == f"{p}:1"
    assert items[0].problem.startswith(problem)
    assert isinstance(items[1], Article) and items[1].id == "d.ndjson#3"


def test_ingest_json_array_and_single_object(tmp_path):
    """A .json array gives one article per element; a .json object gives one article."""
    articles, problems = _split(list(read_inputs([INPUTS / "records.json"])))
    assert not problems
    assert [a.id for a in articles] == ["bulletin-1", "records.json#2"]
    assert articles[0].published == date(2024, 1, 15) and articles[1].title == "Second bulletin"
    (tmp_path / "one.json").write_text(json.dumps({"text": "Observers arrived.", "source": "Wire"}))
    a = read_article(tmp_path / "one.json")
    assert (a.id, a.source) == ("one.json", "Wire")
    assert read_article(tmp_path / "one.json", article_id="custom").id == "custom"


def test_ingest_jsonl_line_over_limit_is_skipped(tmp_path):
    """A JSON Lines line over max_bytes is one problem; the lines after it are still read."""
    p = tmp_path / "big.jsonl"
    p.write_text('{"text": "short"}\n' + json.dumps({"text": "x" * 5000}) + '\n{"text": "after"}\n')
    items = list(read_inputs([p], max_bytes=1024))
    assert [str(x) if isinstance(x, InputProblem) else x.text for x in items] == [
        "short",
        f"{p}:2: line is over the 1 KiB limit (--max-bytes)",
        "after",
    ]


# -- directories, ids ----------------------------------------------------------------------------


def test_ingest_directory_walk_order_ids_and_skips():
    """A directory is walked recursively in sorted order, skipping hidden, gold, .md and .rq files."""
    items = list(read_inputs([INPUTS]))
    articles, problems = _split(items)
    assert [a.id for a in articles] == [
        "cp1251-news.txt",
        "wire-2021-0412",
        "https://news.example.org/2021/10/observers",
        "dump.jsonl#5",
        "latin1-news.txt",
        "nested/koi8r-news.txt",
        "nested/utf8-bom.txt",
        "page.html",
        "bulletin-1",
        "records.json#2",
    ]
    assert len(problems) == 2
    assert all(a.path and Path(a.path).is_file() for a in articles)
    assert not any("hidden" in a.text for a in articles)


def test_ingest_ids_with_root_and_direct_files(tmp_path):
    """A file given directly is named by its file name, or by its path under root when given."""
    a = INPUTS / "nested" / "koi8r-news.txt"
    assert next(read_inputs([a])).id == "koi8r-news.txt"
    assert next(read_inputs([a], root=INPUTS)).id == "nested/koi8r-news.txt"
    assert next(read_inputs([INPUTS / "nested"], root=INPUTS)).id == "nested/koi8r-news.txt"
    assert next(read_inputs([str(a)], root=tmp_path)).id == "koi8r-news.txt"


def test_ingest_same_file_once_and_duplicate_ids(tmp_path):
    """A file reached twice is read once; another file with the same id is a problem."""
    for sub in ("x", "y"):
        (tmp_path / sub).mkdir()
        (tmp_path / sub / "a.txt").write_text(f"Article from {sub}.")
    items = list(read_inputs([tmp_path / "x", tmp_path / "x" / "a.txt", tmp_path / "y" / "a.txt"]))
    assert len(items) == 2
    assert isinstance(items[0], Article) and items[0].text == "Article from x."
    assert isinstance(items[1], InputProblem) and items[1].item == str(tmp_path / "y" / "a.txt")
    assert items[1].problem.startswith("duplicate article id 'a.txt' (already given by ")
    assert [a.id for a in read_inputs([tmp_path], root=tmp_path)] == ["x/a.txt", "y/a.txt"]


def test_ingest_undecodable_names_and_lone_surrogates(tmp_path):
    """A file name that is not UTF-8 and a JSON text with a cut emoji still give encodable ids and text."""
    (tmp_path / os.fsdecode(b"caf\xe9.txt")).write_text("Observers arrived.")
    (tmp_path / "d.jsonl").write_text('{"id": "a\\ud83d", "text": "Cut emoji \\ud83d here."}\n')
    items = list(read_inputs([tmp_path]))
    assert [a.id for a in items] == ["caf\\xe9.txt", "a\ufffd\ufffd\ufffd"]
    for a in items:
        (a.id + a.text + (a.path or "")).encode("utf-8")
        assert a.sha256


def test_ingest_examples_corpus_matches_gold_headers():
    """Every corpus article reads with the id and publication date its gold file names."""
    articles = list(read_inputs([EXAMPLES]))
    assert articles and all(isinstance(a, Article) for a in articles)
    by_id = {a.id: a for a in articles}
    golds = sorted(EXAMPLES.glob("*.gold.json"))
    assert len(golds) == len(articles)
    for g in golds:
        gold = json.loads(g.read_text())
        a = by_id[gold["article"]]
        assert (a.published.isoformat() if a.published else None) == gold.get("published")
        assert a.text == Article.from_text(a.id, (EXAMPLES / gold["article"]).read_text()).text


# -- bad inputs ----------------------------------------------------------------------------------


def _make_bad_dir(d: Path) -> None:
    (d / "00-good.txt").write_text(" date 2020-02-03 BAKU, Feb. 3\n\nObservers arrived.\n")
    (d / "binary.txt").write_bytes(b"abc\x00\x01\x02" * 100)
    (d / "blank.txt").write_text("  \n\t\n")
    (d / "bad-date.txt").write_text(" date 2020-13-45 BAKU\n\nText.\n")
    (d / "bad-header.txt").write_text(" date 2020-2-3 BAKU\n\nText.\n")
    (d / "empty.txt").write_bytes(b"")
    rng = random.Random(7)
    (d / "garbled.txt").write_bytes(bytes(rng.randrange(0x80, 0x100) for _ in range(3000)))
    (d / "repeated.txt").write_bytes(b"\xd2" * 3000)
    with open(d / "huge.txt", "wb") as f:
        f.truncate(200 * 1024 * 1024)  # sparse: costs no disk
    (d / "report.txt").write_bytes(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n")
    os.symlink("nowhere.txt", d / "gone.txt")
    os.symlink("self-loop.txt", d / "self-loop.txt")
    (d / "sub").mkdir()
    os.symlink("..", d / "sub" / "loop")
    (d / "sub" / "z.txt").write_text("Nested article.")
    os.mkfifo(d / "pipe.txt")


def test_ingest_bad_inputs_one_problem_each(tmp_path):
    """A directory of bad inputs gives one clear problem per bad item and still reads the good ones."""
    _make_bad_dir(tmp_path)
    items = list(read_inputs([tmp_path, tmp_path / "missing.txt"]))
    articles, problems = _split(items)
    assert [a.id for a in articles] == ["00-good.txt", "sub/z.txt"]
    assert (
        articles[0].published == date(2020, 2, 3)
        and articles[0].text == "BAKU, Feb. 3\n\nObservers arrived.\n"
    )
    got = _problems_by_name(problems)
    assert len(got) == len(problems) == 14
    assert got == {
        "bad-date.txt": "bad ' date' header line: '2020-13-45' is not a valid date (month must be in 1..12)",
        "bad-header.txt": "bad ' date' header line: '2020-2-3' is not written YYYY-MM-DD",
        "binary.txt": "binary file (contains NUL bytes), not text",
        "blank.txt": "is empty (whitespace only)",
        "empty.txt": "is empty (no text)",
        "garbled.txt": "undecodable bytes: not UTF-8, and no legacy encoding (cp1251, koi8-r, cp1252, "
        "iso-8859-5, ...) gives plausible text",
        "gone.txt": "broken symlink (points to 'nowhere.txt', which does not exist)",
        "huge.txt": "is 209,715,200 bytes, over the 20 MiB limit (--max-bytes)",
        "loop": "symlink loop: leads back to its ancestor directory '..'",
        "missing.txt": "no such file or directory",
        "pipe.txt": "is a named pipe (FIFO), not a regular file; skipped",
        "report.txt": "binary file (a PDF document), not text",
        "repeated.txt": "undecodable bytes: not UTF-8, and no legacy encoding (cp1251, koi8-r, cp1252, "
        "iso-8859-5, ...) gives plausible text (no spaces or line breaks in 3,000 characters)",
        "self-loop.txt": "symlink loop (too many levels of symbolic links)",
    }
    assert all(p.item.startswith(str(tmp_path)) for p in problems)
    assert all("\n" not in str(p) for p in problems)


def test_ingest_max_bytes_is_configurable(tmp_path):
    """max_bytes refuses smaller files when lowered, and must be a positive integer."""
    (tmp_path / "a.txt").write_text("x" * 2000)
    (problem,) = read_inputs([tmp_path / "a.txt"], max_bytes=1000)
    assert problem == InputProblem(
        str(tmp_path / "a.txt"), "is 2,000 bytes, over the 1,000 bytes limit (--max-bytes)"
    )
    assert isinstance(next(read_inputs([tmp_path / "a.txt"], max_bytes=2000)), Article)
    assert DEFAULT_MAX_BYTES == 20 * 1024 * 1024
    with pytest.raises(ParameterError, match="max_bytes"):
        read_inputs([tmp_path], max_bytes=0)
    with pytest.raises(ParameterError, match="max_bytes"):
        read_article(tmp_path / "a.txt", max_bytes=-5)


def test_ingest_permission_denied_simulated(tmp_path, monkeypatch):
    """An open() or directory listing refused by the OS gives a 'permission denied' problem."""
    (tmp_path / "a.txt").write_text("Readable.")
    (tmp_path / "b.txt").write_text("Locked.")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "c.txt").write_text("In a locked directory.")
    real_open, real_scandir = builtins.open, os.scandir

    def fake_open(file, *args, **kwargs):
        if str(file).endswith("b.txt"):
            raise PermissionError(13, "Permission denied", str(file))
        return real_open(file, *args, **kwargs)

    def fake_scandir(path="."):
        if str(path).endswith("sub"):
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(builtins, "open", fake_open)
    monkeypatch.setattr(os, "scandir", fake_scandir)
    items = list(read_inputs([tmp_path]))
    assert [str(x) if isinstance(x, InputProblem) else x.id for x in items] == [
        "a.txt",
        f"{tmp_path / 'b.txt'}: permission denied",
        f"{tmp_path / 'sub'}: permission denied (cannot list the directory)",
    ]


def test_ingest_permission_denied_real():
    """chmod 000 files and directories are refused by the OS (as root: in a child that drops to nobody)."""
    d = Path(tempfile.mkdtemp())
    try:
        os.chmod(d, 0o755)
        (d / "ok.txt").write_text("Readable.")
        (d / "locked.txt").write_text("Locked.")
        (d / "locked-dir").mkdir()
        (d / "locked-dir" / "x.txt").write_text("Hidden by permissions.")
        os.chmod(d / "locked.txt", 0)
        os.chmod(d / "locked-dir", 0)
        lines = _run_unprivileged(
            lambda: [str(x) if isinstance(x, InputProblem) else x.id for x in read_inputs([d])]
        )
        assert lines == [
            f"{d / 'locked-dir'}: permission denied (cannot list the directory)",
            f"{d / 'locked.txt'}: permission denied",
            "ok.txt",
        ]
    finally:
        os.chmod(d / "locked-dir", 0o755)
        shutil.rmtree(d)


def _run_unprivileged(fn):
    """Run ``fn`` as this user, or (when root, who reads everything) in a forked child as nobody."""
    if os.geteuid() != 0:
        return fn()
    r, w = os.pipe()
    pid = os.fork()
    if pid == 0:  # pragma: no cover - child
        code = 1
        try:
            os.close(r)
            os.setgroups([])
            os.setgid(65534)
            os.setuid(65534)
            with os.fdopen(w, "w") as out:
                json.dump(fn(), out)
            code = 0
        finally:
            os._exit(code)
    os.close(w)
    with os.fdopen(r) as inp:
        data = inp.read()
    _, status = os.waitpid(pid, 0)
    assert os.waitstatus_to_exitcode(status) == 0, "child failed"
    return json.loads(data)


# -- stdin ---------------------------------------------------------------------------------------


def test_ingest_stdin_text_and_binary():
    """'-' reads stdin as one article, from a text stream or a cp1251 byte stream."""
    raw = " date 2024-05-01 RIGA\n\nObservers arrived."
    (a,) = read_inputs(["-"], stdin=io.StringIO(raw))
    assert (a.id, a.published, a.text, a.path) == (
        f"<stdin>@{hashlib.sha256(raw.encode()).hexdigest()[:12]}",
        date(2024, 5, 1),
        "RIGA\n\nObservers arrived.",
        None,
    )
    text = "Наблюдатели СНГ прибыли в Бишкек и начали работу в понедельник."
    (b,) = read_inputs(["-"], stdin=io.BytesIO(text.encode("cp1251")))
    assert (b.text, b.encoding) == (text, "cp1251")


def test_ingest_stdin_jsonl_streams():
    """JSON Lines on stdin give '<stdin>@HASH' ids (of the line), and the first article comes before the rest is read."""
    lines = [b'{"text": "First."}\n', b"not json\n", b'{"id": "x", "text": "Third."}\n']

    class Stream(io.RawIOBase):
        def __init__(self):
            self.served = 0

        def readline(self, limit=-1):
            if self.served == len(lines):
                return b""
            self.served += 1
            return lines[self.served - 1]

        def read(self, limit=-1):
            raise AssertionError("a JSON Lines stream is read line by line")

    stream = Stream()
    it = read_inputs(["-"], stdin=stream)
    first = next(it)
    line_hash = hashlib.sha256(b'{"text": "First."}').hexdigest()[:12]
    assert (first.id, first.text, stream.served) == (f"<stdin>@{line_hash}", "First.", 1)
    rest = list(it)
    assert str(rest[0]) == "<stdin>:2: malformed JSON: Expecting value (column 1)"
    assert rest[1].id == "x"


def test_ingest_stdin_empty_json_and_twice():
    """Empty stdin is a problem; a pretty-printed JSON object is one article; '-' twice reads once."""
    assert list(read_inputs(["-"], stdin=io.StringIO(""))) == [InputProblem("<stdin>", "is empty (no text)")]
    obj = json.dumps({"text": "Observers arrived.", "title": "T"}, indent=2)
    items = list(read_inputs(["-", "-"], stdin=io.StringIO(obj)))
    assert items[0].id == f"<stdin>@{hashlib.sha256(obj.encode()).hexdigest()[:12]}" and items[0].title == "T"
    assert items[1] == InputProblem("<stdin>", "stdin ('-') given twice; read once")


def test_ingest_read_article_errors(tmp_path):
    """read_article raises InputError naming the file for unreadable or multi-article input."""
    (tmp_path / "e.txt").write_text("")
    with pytest.raises(InputError, match=r"e\.txt: is empty \(no text\)"):
        read_article(tmp_path / "e.txt")
    with pytest.raises(InputError, match="is JSON Lines"):
        read_article(INPUTS / "dump.jsonl")
    with pytest.raises(InputError, match="holds 2 articles"):
        read_article(INPUTS / "records.json")
    with pytest.raises(InputError, match="no such file"):
        read_article(tmp_path / "nope.txt")


# -- issue 14: symlinks, encodings, skipped files ------------------------------------------------


def test_ingest_symlink_out_of_the_folder_is_refused_unless_followed(tmp_path):
    """A symlink whose target lies outside the folder read is refused (named, not read); one inside
    is read; follow_symlinks reads both."""
    outside = tmp_path / "secret.txt"
    outside.write_text("Observers of the secret mission.", encoding="utf-8")
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    (folder / "sub" / "a.txt").write_text("Observers arrived.", encoding="utf-8")
    (folder / "leak.txt").symlink_to(outside)
    (folder / "inside.txt").symlink_to(folder / "sub" / "a.txt")
    (folder / "up").symlink_to(tmp_path, target_is_directory=True)
    items = list(read_inputs([folder]))
    articles = {x.id: x.text for x in items if isinstance(x, Article)}
    problems = {Path(x.item).name: x.problem for x in items if isinstance(x, InputProblem)}
    assert articles == {"inside.txt": "Observers arrived."}  # sub/a.txt is the same file, read once
    assert set(problems) == {"leak.txt", "up"}
    assert all("outside the folder read" in p and "--follow-symlinks" in p for p in problems.values())
    assert not any("secret" in x.text for x in items if isinstance(x, Article))
    followed = [x for x in read_inputs([folder], follow_symlinks=True) if isinstance(x, Article)]
    assert any("secret mission" in a.text for a in followed)


def test_ingest_invalid_utf8_in_a_utf8_file_is_replaced_with_a_warning(tmp_path):
    """Accented UTF-8 with one bad byte stays UTF-8 (no mojibake); the note names the byte offset."""
    from kgbuild.ingest import InputNote

    text = "Les observateurs de l'OSCE sont arrivés à Tbilissi — la mission débute lundi."
    data = text.encode("utf-8")
    cut = data.index(b"mission")
    (tmp_path / "a.txt").write_bytes(data[:cut] + b"\xff" + data[cut:])
    notes: list[InputNote] = []
    (a,) = read_inputs([tmp_path / "a.txt"], notes=notes)
    assert a.encoding == "utf-8" and "arrivés à Tbilissi —" in a.text and "\ufffd" in a.text
    assert "Ã" not in a.text  # what cp1252 would have made of "é"
    assert [n.kind for n in notes] == ["warning"]
    assert notes[0].note == f"invalid UTF-8 at byte {cut + 1} (1 byte sequence replaced by U+FFFD)"


def test_ingest_legacy_encoding_is_never_silent(tmp_path):
    """A cp1251 file is still read as cp1251, with a note naming the first byte that is not UTF-8."""
    from kgbuild.ingest import InputNote

    notes: list[InputNote] = []
    (a,) = read_inputs([INPUTS / "cp1251-news.txt"], notes=notes)
    assert a.encoding == "cp1251"
    assert len(notes) == 1 and notes[0].note.startswith("not UTF-8 (byte ") and notes[0].note.endswith("read as cp1251")


def test_ingest_unsupported_files_are_listed_as_skipped(tmp_path):
    """A PDF, a Markdown file and a file without suffix in a folder are skipped with a note; gold and
    hidden files are skipped silently."""
    from kgbuild.ingest import InputNote

    (tmp_path / "report.pdf").write_bytes(b"%PDF-1.7 ...")
    (tmp_path / "README.md").write_text("# notes")
    (tmp_path / "LICENSE").write_text("MIT")
    (tmp_path / "a.gold.json").write_text("{}")
    (tmp_path / ".hidden.txt").write_text("x")
    notes: list[InputNote] = []
    assert list(read_inputs([tmp_path], notes=notes)) == []
    assert sorted((Path(n.item).name, n.kind) for n in notes) == [
        ("LICENSE", "skipped"), ("README.md", "skipped"), ("report.pdf", "skipped")]
    assert "(.pdf)" in next(n.note for n in notes if n.item.endswith("report.pdf"))


def test_ingest_jsonl_is_streamed_with_flat_memory(tmp_path):
    """JSON Lines are streamed: reading 15,000 more records of ~470 bytes raises the peak of the
    reader's own allocations by far less than their text (only each id is kept, to find duplicates)."""
    import tracemalloc

    def peak(n: int) -> tuple[int, int]:
        path = tmp_path / f"feed{n}.jsonl"
        with path.open("w", encoding="utf-8") as f:
            for i in range(n):
                f.write(json.dumps({"id": f"rec-{i}", "text": f"Observers of mission {i} arrived " + "x" * 400}) + "\n")
        tracemalloc.start()
        count = sum(1 for x in read_inputs([path]) if isinstance(x, Article))
        _, top = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        assert count == n
        return top, path.stat().st_size

    (small, small_size), (large, large_size) = peak(5_000), peak(20_000)
    assert large - small < (large_size - small_size) / 4, f"5,000 records: {small:,} bytes at peak; 20,000: {large:,}"
