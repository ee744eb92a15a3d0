"""Bytes to text: binary sniffing, UTF-8 first, then legacy-encoding detection.

Every function here raises :class:`Problem` (a one-line message, without the item's name) for
input that is not usable text; the caller adds the item's name.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

__all__ = ["Problem", "decode_text", "looks_like_html", "sniff_binary", "normalize_newlines", "format_limit"]


class Problem(Exception):
    """One input item is unusable; ``str(problem)`` is the one-line reason."""


# Byte-order marks of UTF-16/32, checked before the NUL-byte test (UTF-16 text is full of NULs).
# UTF-32-LE starts with the UTF-16-LE mark, so the 4-byte marks come first.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# File signatures worth naming in a message, so the user knows what they fed us.
_MAGIC = (
    (b"%PDF-", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (or a .docx/.odt/.xlsx document)"),
    (b"\x1f\x8b", "gzip-compressed; decompress it first"),
    (b"BZh", "bzip2-compressed; decompress it first"),
    (b"\xfd7zXZ\x00", "xz-compressed; decompress it first"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office document (.doc/.xls)"),
    (b"\x89PNG\r\n\x1a\n", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"\x7fELF", "an executable (ELF)"),
    (b"SQLite format 3\x00", "an SQLite database"),
)

# C0 control bytes that never occur in text (tab, LF, VT, FF, CR and ESC do).
_CONTROL = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")

_SAMPLE = 64 * 1024

# Legacy encodings of the region's news, most likely first; used to break ties between
# candidates charset-normalizer finds equally plausible (short Latin texts are ambiguous).
_PREFERRED = (
    "cp1251",
    "koi8_r",
    "koi8_u",
    "cp1252",
    "iso8859_5",
    "cp1250",
    "iso8859_2",
    "latin_1",
    "iso8859_15",
    "mac_cyrillic",
    "cp866",
)

# Non-letter characters above ASCII that ordinary news text does contain.
_USUAL_SYMBOLS = frozenset("“”‘’‚„«»‹›–—…№°€£$¢¥\u00a0\u202f§©®™·•×±½¼¾¹²³")

_HTML_START = re.compile(
    rb"\A(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b",
    re.IGNORECASE | re.DOTALL,
)
_META_CHARSET = re.compile(rb"<meta[^>]+charset\s*=\s*[\"']?\s*([A-Za-z0-9_.:-]+)", re.IGNORECASE)


def format_limit(n: int) -> str:
    """A byte count as people write limits.

    >>> format_limit(20 * 1024 * 1024), format_limit(1000)
    ('20 MiB', '1,000 bytes')
    """
    for unit, size in (("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10)):
        if n >= size and n % size == 0:
            return f"{n // size} {unit}"
    return f"{n:,} bytes"


def sniff_binary(data: bytes) -> str | None:
    """The text encoding a byte-order mark announces (``utf-16``/``utf-32``), else None.

    Raises :class:`Problem` for content that is not text: a known binary signature, NUL bytes,
    or control bytes no text contains.

    >>> sniff_binary(b"plain words") is None
    True
    >>> sniff_binary(b"%PDF-1.7 ...")
    Traceback (most recent call last):
    ...
    kgbuild.ingest._decode.Problem: binary file (a PDF document), not text
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            return enc
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise Problem(f"binary file ({what}), not text")
    sample = data[:_SAMPLE]
    if b"\x00" in sample:
        raise Problem("binary file (contains NUL bytes), not text")
    controls = len(_CONTROL.findall(sample))
    if controls and controls * 100 > len(sample):
        raise Problem(f"binary file ({controls:,} control bytes in the first {len(sample):,}), not text")
    return None


def normalize_newlines(text: str) -> str:
    """CRLF and CR become LF, and a leading BOM goes (as :meth:`pathlib.Path.read_text` does)."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\r" in text:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text


def looks_like_html(data: bytes) -> bool:
    """Whether the content starts like an HTML page (doctype, ``<html>``, ``<head>`` or ``<body>``).

    >>> looks_like_html(b"  <!DOCTYPE html><html>"), looks_like_html(b"BAKU, Feb. 3 <b>")
    (True, False)
    """
    return bool(_HTML_START.match(data[:4096]))


def declared_charset(data: bytes) -> str | None:
    """The codec an HTML page declares in ``<meta charset>`` / ``http-equiv``, if Python knows it."""
    m = _META_CHARSET.search(data[:8192])
    if not m:
        return None
    try:
        return codecs.lookup(m.group(1).decode("ascii")).name
    except (LookupError, UnicodeDecodeError):
        return None


def decode_text(data: bytes, *, declared: str | None = None, warnings: list[str] | None = None) -> tuple[str, str]:
    """Decode file content to ``(text, encoding)``; raise :class:`Problem` when it is not text.

    UTF-8 (with or without BOM) is tried first, then a UTF-16/32 byte-order mark, then
    ``declared`` (an HTML page's own charset), then charset-normalizer's detection, with ties
    broken towards the encodings common in the region's news.

    Bytes that are not UTF-8 never change the encoding silently: text that is UTF-8 elsewhere
    (at least as many valid multi-byte characters as broken sequences, e.g. a truncated scrape)
    stays UTF-8, the broken bytes replaced by U+FFFD, and ``warnings`` gets a line naming the
    offset of the first; a text read in a legacy encoding gets a line naming it and that offset.

    >>> notes = []
    >>> decode_text("Выборы".encode("cp1251") * 20, warnings=notes)[1], notes
    ('cp1251', ['not UTF-8 (byte 1 is invalid): read as cp1251'])
    >>> text, enc = decode_text("Café — naïve ".encode() + bytes([255]), warnings=notes)
    >>> enc, text.endswith(chr(0xFFFD)), notes[-1]
    ('utf-8', True, 'invalid UTF-8 at byte 18 (1 byte sequence replaced by U+FFFD)')
    """
    bom_enc = sniff_binary(data)
    if bom_enc:
        try:
            return data.decode(bom_enc), bom_enc
        except UnicodeDecodeError as exc:
            raise Problem(
                f"undecodable bytes: starts with a {bom_enc.upper()} mark but {exc.reason}"
            ) from exc
    try:
        if data.startswith(codecs.BOM_UTF8):
            return data[len(codecs.BOM_UTF8) :].decode("utf-8"), "utf-8-sig"
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start + 1
    note = warnings.append if warnings is not None else (lambda line: None)
    mostly = _mostly_utf8(data)
    if mostly is not None:
        text, bad = mostly
        note(f"invalid UTF-8 at byte {first_bad} ({bad:,} byte sequence{'s' if bad != 1 else ''} replaced by U+FFFD)")
        return text, "utf-8"
    if declared and declared not in ("utf-8", "utf-16", "utf-32"):
        try:
            text = data.decode(declared)
        except UnicodeDecodeError:
            pass
        else:
            note(f"not UTF-8 (byte {first_bad} is invalid): read as {declared}, the charset the page declares")
            return text, declared
    text, encoding = _detect(data)
    note(f"not UTF-8 (byte {first_bad} is invalid): read as {encoding}")
    return text, encoding


def _mostly_utf8(data: bytes) -> tuple[str, int] | None:
    """``(text, broken sequences)``: the UTF-8 reading of ``data`` when it is UTF-8 elsewhere.

    Text counts as UTF-8 when its valid multi-byte characters are at least as many as its broken
    sequences: a legacy encoding (cp1251, cp1252, ...) makes almost every non-ASCII byte a broken
    sequence and forms a valid pair only by chance, while UTF-8 text with a cut or corrupted
    character keeps its other accents, dashes and quotes. (Until issue 14 this asked for 20 valid
    characters per broken one, and a UTF-8 file with a few accents and one bad byte was read as
    cp1252: mojibake.)
    """
    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd") - data.count(b"\xef\xbf\xbd")
    multibyte = sum(1 for c in text if ord(c) > 127 and c != "\ufffd")
    if bad <= 0 or multibyte < bad:
        return None
    return (text[1:] if text.startswith("\ufeff") else text), bad


_UNDECODABLE = (
    "undecodable bytes: not UTF-8, and no legacy encoding (cp1251, koi8-r, cp1252, iso-8859-5, ...) "
    "gives plausible text"
)


def _odd_symbols(text: str) -> int:
    return sum(
        1
        for c in text[:_SAMPLE]
        if ord(c) > 127 and c not in _USUAL_SYMBOLS and not unicodedata.category(c).startswith("L")
    )


def _detect(data: bytes) -> tuple[str, str]:
    import charset_normalizer  # imported here: only non-UTF-8 input needs it

    matches = [m for m in charset_normalizer.from_bytes(data) if not m.encoding.startswith("utf_")]
    if not matches:
        raise Problem(_UNDECODABLE)
    least = min(m.chaos for m in matches)
    candidates = [m for m in matches[:12] if m.chaos <= least + 0.1]

    def rank(m: charset_normalizer.CharsetMatch) -> tuple[int, int]:
        pref = _PREFERRED.index(m.encoding) if m.encoding in _PREFERRED else len(_PREFERRED)
        return _odd_symbols(str(m)), pref

    best = min(candidates, key=rank)
    text, encoding = str(best), best.encoding
    if len(text) >= 200 and not any(c.isspace() for c in text[:_SAMPLE]):
        raise Problem(f"{_UNDECODABLE} (no spaces or line breaks in {len(text):,} characters)")
    # Report the most familiar name among encodings that read these bytes identically
    # (German in cp1250 and cp1252 is the same text).
    for pref in _PREFERRED[: _PREFERRED.index(encoding) if encoding in _PREFERRED else None]:
        try:
            if data.decode(pref) == text:
                return text, pref
        except UnicodeDecodeError:
            continue
    return text, encoding
