"""An HTML page to an :class:`~kgbuild.model.Article`: main text by trafilatura, metadata from markup.

The publication date is taken only from the page's markup (``<meta>`` tags, ``itemprop``,
JSON-LD ``datePublished``, ``<time pubdate>``) or a ``/YYYY/MM/DD/`` URL, never guessed from the
body text: date guessers (trafilatura's htmldate, even with ``extensive_search=False``) pick
dates the article mentions, and in election news that is typically the voting day.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import date
from typing import Any

from kgbuild.ingest._decode import Problem, declared_charset, decode_text, normalize_newlines
from kgbuild.model import Article

__all__ = ["article_from_html", "published_from_markup"]

# <meta name|property|itemprop=KEY content=...> that state when an article was published.
_META_DATE_KEYS = frozenset(
    {
        "article:published_time",
        "og:article:published_time",
        "og:published_time",
        "datepublished",
        "pubdate",
        "publishdate",
        "publish-date",
        "publish_date",
        "published_time",
        "article.published",
        "original-publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.date",
        "dcterms.issued",
        "dcterms.created",
        "sailthru.date",
        "parsely-pub-date",
        "citation_publication_date",
        "date",
    }
)
_ISO_START = re.compile(r"\s*(\d{4})-(\d{2})-(\d{2})")
_URL_DATE = re.compile(r"/((?:19|20)\d{2})/(\d{1,2})/(\d{1,2})(?:/|$|[-_])")


def article_from_html(article_id: str, data: bytes, *, warnings: list[str] | None = None, **meta: Any) -> Article:
    """An article from an HTML page: its main text and metadata.

    The title, site name (as ``source``) and canonical URL come from trafilatura's metadata, the
    publication date from :func:`published_from_markup`. Offsets refer to the extracted text,
    whose paragraphs are separated by a blank line.
    """
    html, encoding = decode_text(data, declared=declared_charset(data), warnings=warnings)
    import trafilatura  # imported here: slow to import, and only HTML needs it

    doc = trafilatura.bare_extraction(
        html, with_metadata=True, include_comments=False, include_tables=True, deduplicate=False
    )
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or not text.strip():
        raise Problem("no article text found in the HTML page")
    fields = {
        "title": getattr(doc, "title", None),
        "url": getattr(doc, "url", None),
        "source": getattr(doc, "sitename", None),
    }
    for key, value in fields.items():
        if value and not meta.get(key):
            meta[key] = value.strip()
    if meta.get("published") is None:
        meta["published"] = published_from_markup(html, url=meta.get("url"))
    meta["encoding"] = encoding
    # trafilatura puts one paragraph (or heading, or list item) per line; a blank line between
    # them, as in the plain-text corpus, keeps a headline out of the next sentence.
    paragraphs = (line.strip() for line in normalize_newlines(text).split("\n"))
    return Article(id=article_id, text="\n\n".join(p for p in paragraphs if p), **meta)


def published_from_markup(html: str, *, url: str | None = None) -> date | None:
    """The publication date a page states in its markup or URL, else None.

    >>> published_from_markup('<html><head><meta property="article:published_time" '
    ...                       'content="2023-03-06T08:15:00+01:00"></head><body>19 March 2023</body></html>')
    datetime.date(2023, 3, 6)
    >>> published_from_markup("<html><body><p>Voting on 19.03.2023.</p></body></html>") is None
    True
    """
    import lxml.html  # a trafilatura dependency

    try:
        tree = lxml.html.fromstring(html)
    except (ValueError, lxml.etree.ParserError):
        return None
    for value in _markup_dates(tree):
        found = _iso_date(value)
        if found:
            return found
    if url:
        m = _URL_DATE.search(url)
        if m:
            try:
                return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
            except ValueError:
                return None
    return None


def _markup_dates(tree: Any) -> Iterator[str]:
    """Candidate date strings, most explicit first."""
    for el in tree.iter("meta"):
        key = (el.get("property") or el.get("name") or el.get("itemprop") or "").strip().lower()
        if key in _META_DATE_KEYS and el.get("content"):
            yield el.get("content")
    for el in tree.xpath('//*[@itemprop="datePublished"]'):
        yield el.get("content") or el.get("datetime") or el.text_content()
    for el in tree.xpath('//script[@type="application/ld+json"]'):
        try:
            yield from _jsonld_dates(json.loads(el.text_content() or "null"))
        except (ValueError, RecursionError):
            continue
    for el in tree.xpath("//time[@datetime]"):
        marks = " ".join(filter(None, (el.get("class"), el.get("itemprop"), el.get("name")))).lower()
        if el.get("pubdate") is not None or "publish" in marks or "posted" in marks:
            yield el.get("datetime")


def _jsonld_dates(node: Any, depth: int = 0) -> Iterator[str]:
    if depth > 6:
        return
    if isinstance(node, dict):
        value = node.get("datePublished")
        if isinstance(value, str):
            yield value
        for child in node.values():
            if isinstance(child, (dict, list)):
                yield from _jsonld_dates(child, depth + 1)
    elif isinstance(node, list):
        for child in node:
            yield from _jsonld_dates(child, depth + 1)


def _iso_date(value: str | None) -> date | None:
    m = _ISO_START.match(value or "")
    if not m:
        return None
    try:
        return date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
    except ValueError:
        return None
