"""Operating-system details: one-line messages for OS errors, and stdin as bytes."""

from __future__ import annotations

import errno
import io
import os
import stat
from pathlib import Path
from typing import Any, TextIO

__all__ = ["EncodedText", "binary_stream", "file_kind", "loop_problem", "os_problem", "printable_name"]


def binary_stream(stream: Any) -> Any:
    """A byte-level view of ``stream``: its ``buffer``, itself, or an encoding wrapper."""
    if isinstance(stream, io.TextIOBase) or hasattr(stream, "encoding"):
        buffer = getattr(stream, "buffer", None)
        if buffer is not None:
            return buffer
        return EncodedText(stream)
    return stream


class EncodedText:
    """Reads a text stream without a byte buffer (e.g. :class:`io.StringIO`) as UTF-8 bytes."""

    def __init__(self, stream: TextIO) -> None:
        self.stream = stream

    def readline(self, limit: int = -1) -> bytes:
        return self.stream.readline(limit).encode("utf-8")

    def read(self, limit: int = -1) -> bytes:
        return self.stream.read(limit).encode("utf-8")


def file_kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a named pipe (FIFO)"
    if stat.S_ISSOCK(mode):
        return "a socket"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    return "not a regular file"


def os_problem(exc: OSError, path: Path, *, listing: bool = False) -> str:
    """One line for an OS error on ``path`` (missing, permission, symlink loop, broken symlink)."""
    code = exc.errno
    if code == errno.ELOOP:
        return "symlink loop (too many levels of symbolic links)"
    if code == errno.ENOENT:
        target = _link_target(path)
        if target is not None:
            return f"broken symlink (points to {target!r}, which does not exist)"
        return "no such file or directory"
    if code in (errno.EACCES, errno.EPERM):
        return "permission denied (cannot list the directory)" if listing else "permission denied"
    if code == errno.EISDIR:
        return "is a directory"
    return f"cannot be read: {exc.strerror or exc}"


def loop_problem(path: Path) -> str:
    """The message for a directory reached again below itself (a symlink or bind-mount loop)."""
    target = _link_target(path)
    if target is None:
        return "directory loop: the same directory as one of its ancestors"
    return f"symlink loop: leads back to its ancestor directory {target!r}"


def _link_target(path: Path) -> str | None:
    try:
        return os.readlink(path)
    except OSError:
        return None


def printable_name(name: str) -> str:
    r"""A file name that is valid Unicode: bytes that are not UTF-8 become ``\xNN`` escapes.

    Linux file names are bytes; Python keeps undecodable ones as lone surrogates, which cannot
    be printed or encoded (ids are hashed and become IRIs).

    >>> printable_name("caf\udce9.txt"), printable_name("кафе.txt")
    ('caf\\xe9.txt', 'кафе.txt')
    """
    try:
        name.encode("utf-8")
        return name
    except UnicodeEncodeError:
        return name.encode("utf-8", "surrogateescape").decode("utf-8", "backslashreplace")
