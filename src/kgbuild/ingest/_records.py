"""One document's content to an :class:`~kgbuild.model.Article`: plain text and JSON records.

Functions here raise :class:`~kgbuild.ingest._decode.Problem` with a one-line reason; the
caller names the item.
"""

from __future__ import annotations

import json
import re
from datetime import date, datetime
from typing import Any

from kgbuild.ingest._decode import Problem, normalize_newlines
from kgbuild.model import Article

__all__ = ["article_from_record", "article_from_text", "parse_json_line"]

# A first line that tries to be the corpus header `` date YYYY-MM-DD`` (see Article.from_text).
_HEADER_ATTEMPT = re.compile(r"\A[ \t]*date[ \t]+(\d{1,4}[-./]\d{1,2}[-./]\d{1,4})")
_ISO_SHAPE = re.compile(r"\A\d{4}-\d{2}-\d{2}")
_OPTIONAL_STR_FIELDS = ("title", "url", "source")


def article_from_text(article_id: str, text: str, **meta: Any) -> Article:
    """An article from decoded plain text, honouring (and checking) the `` date`` header line.

    >>> article_from_text("a.txt", " date 2020-02-03 BAKU\\nText.").published
    datetime.date(2020, 2, 3)
    >>> article_from_text("a.txt", " date 2020-13-45\\nText.")
    Traceback (most recent call last):
    ...
    kgbuild.ingest._decode.Problem: bad ' date' header line: '2020-13-45' is not a valid date (month must be in 1..12)
    """
    text = normalize_newlines(text)
    if not text.strip():
        raise Problem("is empty (no text)" if not text else "is empty (whitespace only)")
    try:
        article = Article.from_text(article_id, text, **meta)
    except ValueError as exc:
        m = _HEADER_ATTEMPT.match(text)
        shown = m.group(1) if m else text.split("\n", 1)[0][:40]
        raise Problem(f"bad ' date' header line: {shown!r} is not a valid date ({exc})") from exc
    m = _HEADER_ATTEMPT.match(article.text)
    if m:
        raise Problem(f"bad ' date' header line: {m.group(1)!r} is not written YYYY-MM-DD")
    if not article.text.strip():
        raise Problem("has a ' date' header line but no text")
    return article


def parse_json_line(line: bytes) -> Any:
    """One JSON Lines line, parsed; :class:`Problem` names a bad encoding or the JSON error."""
    try:
        text = line.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise Problem(f"not UTF-8 at byte {exc.start + 1} (JSON must be UTF-8)") from exc
    return parse_json(text)


def parse_json(text: str) -> Any:
    """Parse JSON text; :class:`Problem` says where it is malformed."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as exc:
        where = f"line {exc.lineno}, column {exc.colno}" if "\n" in text.strip() else f"column {exc.colno}"
        msg = exc.msg.removesuffix(" at")
        raise Problem(f"malformed JSON: {msg} ({where})") from exc
    except RecursionError as exc:
        raise Problem("malformed JSON: nested too deeply") from exc


def article_from_record(record: Any, *, default_id: str, default_origin: str | None = None, **meta: Any) -> Article:
    """An article from one JSON object ``{"text": ..., "title", "url", "date"/"published", "source", "id"}``.

    The id is the record's ``id``, else its ``url``, else ``default_id``. Unknown keys are ignored.
    A record that names itself (``id`` or ``url``) has the origin ``record:ID`` wherever it is read
    from (a feed's new dump updates it); one that does not has ``default_origin`` (its file and line).

    >>> a = article_from_record({"text": "Words.", "url": "https://x.example/1", "date": "2024-05-01"}, default_id="d#1")
    >>> a.id, a.published
    ('https://x.example/1', datetime.date(2024, 5, 1))
    >>> article_from_record({"title": "T"}, default_id="d#2")
    Traceback (most recent call last):
    ...
    kgbuild.ingest._decode.Problem: no "text" field (keys: title)
    """
    if not isinstance(record, dict):
        raise Problem(f'is a JSON {_json_type(record)}, expected an object with a "text" field')
    if "text" not in record:
        keys = ", ".join(sorted(str(k) for k in record)[:8]) or "none"
        raise Problem(f'no "text" field (keys: {keys})')
    text = record["text"]
    if not isinstance(text, str):
        raise Problem(f'"text" is a JSON {_json_type(text)}, not a string')
    text = _valid_unicode(text)
    for key in _OPTIONAL_STR_FIELDS:
        value = record.get(key)
        if value is not None and not isinstance(value, str):
            raise Problem(f'"{key}" is a JSON {_json_type(value)}, not a string')
        if value and value.strip():
            meta[key] = _valid_unicode(value.strip())
    published = None
    for key in ("published", "date"):
        if record.get(key) is not None:
            published = _parse_date(record[key], field=f'"{key}"')
            break
    rid = record.get("id")
    if rid is not None and not isinstance(rid, (str, int)) or isinstance(rid, bool):
        raise Problem(f'"id" is a JSON {_json_type(rid)}, not a string or number')
    article_id = _valid_unicode(str(rid).strip()) if rid is not None and str(rid).strip() else None
    article_id = article_id or meta.get("url")
    origin = f"record:{article_id}" if article_id else default_origin
    return article_from_text(article_id or default_id, text, published=published, origin=origin, **meta)


def _parse_date(value: Any, *, field: str) -> date | None:
    """An ISO date or date-time string (``2024-05-01``, ``2024-05-01T09:30:00Z``) as a date."""
    if value is None or value == "":
        return None
    try:
        if not isinstance(value, str):
            raise ValueError(f"a JSON {_json_type(value)}")
        s = value.strip()
        return date.fromisoformat(s) if len(s) == 10 else datetime.fromisoformat(s).date()
    except ValueError as exc:
        why = f" ({exc})" if isinstance(value, str) and _ISO_SHAPE.match(value.strip()) else ""
        raise Problem(f"{field} is not an ISO date (YYYY-MM-DD): {value!r}{why}") from exc


def _valid_unicode(s: str) -> str:
    """``s`` with lone surrogates (JSON ``"\\ud83d"`` from a cut emoji) replaced by U+FFFD."""
    try:
        s.encode("utf-8")
        return s
    except UnicodeEncodeError:
        return s.encode("utf-8", "surrogatepass").decode("utf-8", "replace")


def _json_type(value: Any) -> str:
    return {
        dict: "object",
        list: "array",
        str: "string",
        bool: "boolean",
        int: "number",
        float: "number",
        type(None): "null",
    }.get(type(value), type(value).__name__)
