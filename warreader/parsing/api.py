"""The parser's entry points: read a file safely, sniff the format, decode, hand the lines to the core.

A file may hold several bulletins (two pasted one after the other): `parse_path`, `parse_bytes_all`
and `parse_text_all` return them all, in order. `parse_file`, `parse_bytes` and `parse_text` return
the first one (for callers that know they have one bulletin). Anything that is not a bulletin, cannot
be read safely, or is too large raises `InputError` naming the file.
"""

from __future__ import annotations

import os
import re
import stat
from collections.abc import Iterable
from itertools import islice
from pathlib import Path

from warreader.controls import strip_controls
from warreader.errors import InputError
from warreader.model import Bulletin
from warreader.parsing.bulletins import W_CONTROLS, build_bulletins
from warreader.parsing.decode import decode_bytes
from warreader.parsing.lines import Line, clean
from warreader.parsing.plaintext import plain_lines

#: Extensions a folder is searched for (a file given explicitly is read whatever its name).
BULLETIN_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
#: A real bulletin (even a saved page with its scripts) is under 200 KB; anything this large is not one,
#: and reading it would only cost memory.
MAX_FILE_BYTES = 20 * 1024 * 1024
# Documentation files that sit next to bulletins in a folder are not bulletins.
_NOT_BULLETINS = re.compile(
    r"^(?:readme|license|licence|changelog|changes|contributing|notes?|index)\b", re.I
)

# " date 2024-02-05 " crawl prefix some saved copies start with: not part of the article.
_CRAWL_PREFIX = re.compile(r"^\s*date\s+\d{4}-\d{2}-\d{2}\s+")
_HTML_SNIFF = re.compile(r"<(?:!doctype\s+html|html|head|body|article|div|p|h[1-6])\b", re.IGNORECASE)
_HTML_TAGS = re.compile(r"</?(?:p|li|ul|ol|h[1-6]|div|br|strong|figure|figcaption|article|section)\b", re.I)
_MARKDOWN_SNIFF = re.compile(r"^(?:#{1,6}\s+\S|\*\*[^*\n]+\*\*:?\s*$|!\[[^\]]*\]\()", re.MULTILINE)


def sniff_format(text: str) -> str:
    """'html', 'markdown' or 'text', from the content (not the file name: copies are often misnamed)."""
    head = text[:5000]
    # `in` tests first: a regex scan over a whole plain-text bulletin costs more than parsing a line.
    if "<" in head and _HTML_SNIFF.search(head) and len(list(islice(_HTML_TAGS.finditer(text), 3))) == 3:
        return "html"
    if ("#" in text or "**" in text or "![" in text) and _MARKDOWN_SNIFF.search(text):
        return "markdown"
    return "text"


def parse_text_all(text: str, source: str) -> list[Bulletin]:
    """Every bulletin in already-decoded text (any format), in order."""
    return _guarded(_Text(text), source)


class _Text:
    """The text being parsed, held in one place that can let go of it: once its lines are built, a
    large file's text is dropped instead of staying alive in the callers' frames (memory stays within
    a few times the file's size)."""

    __slots__ = ("text",)

    def __init__(self, text: str) -> None:
        self.text = text

    def take(self) -> str:
        text, self.text = self.text, ""
        return text


def _guarded(box: _Text, source: str) -> list[Bulletin]:
    try:
        return _parse(box, source)
    except (RecursionError, MemoryError) as error:
        # Limits of this machine, not of the file's contents: still a message, never a traceback, and
        # the other files of an import go on.
        reason = "too deeply nested" if isinstance(error, RecursionError) else "too large for the memory"
        raise InputError(f"{source}: cannot be read as a bulletin ({reason})") from None


def _parse(box: _Text, source: str) -> list[Bulletin]:
    text = _CRAWL_PREFIX.sub("", box.take(), count=1)
    outlet = url = None
    fmt = sniff_format(text)
    if fmt == "text":
        from warreader.parsing.codefragments import looks_like_code, unescape_code

        if looks_like_code(text):
            from warreader.parsing.outlet import record_meta

            # A bulletin inside seed data or an API fixture: its string literals, unescaped.
            outlet, url = record_meta(text)
            text = unescape_code(text)  # (escapes such as `\u001b` become characters: removed below)
            fmt = sniff_format(text)
    if fmt == "html":
        from warreader.parsing.html import html_page

        lines, (page_outlet, page_url) = html_page(text, source)
        outlet, url = page_outlet or outlet, page_url or url
    elif fmt == "markdown":
        from warreader.parsing.markdown import markdown_lines

        lines = markdown_lines(text)
    else:
        lines, removed = plain_lines(text)  # (control characters removed line by line)
    del text  # the lines hold what is needed
    if fmt != "text":
        # Control characters as written, or spelled by entities (`&#27;`) the markup hid.
        removed = _strip_line_controls(lines)
    bulletins = build_bulletins(lines, source)
    for bulletin in bulletins:
        if removed:
            bulletin.warnings.append(W_CONTROLS)
        if fmt == "html" or len(bulletins) == 1:  # a record's keys describe the one bulletin it holds
            bulletin.outlet = outlet or bulletin.outlet
            bulletin.canonical_url = url
    return bulletins


def _strip_line_controls(lines: list[Line]) -> bool:
    """Remove control characters from the lines (a printable line has none); True if any were."""
    removed = False
    for line in lines:
        if not line.text.isprintable():
            fixed = strip_controls(line.text)
            if fixed is not line.text:  # (the same object when there was nothing to remove)
                line.text, removed = clean(fixed), True
    return removed


def parse_bytes_all(data: bytes, source: str) -> list[Bulletin]:
    """Every bulletin in raw bytes; `source` names them in the result and any error."""
    _check_size(len(data), source)
    box = _Text(decode_bytes(data, source))
    del data  # only a local reference is dropped here, but callers pass the bytes as a temporary
    return _guarded(box, source)


def parse_path(path: Path) -> list[Bulletin]:
    """Every bulletin in one file, in order; `InputError` naming the file if it holds none or cannot be
    read (missing, a folder, not a regular file, over `MAX_FILE_BYTES`, binary)."""
    path = Path(path)
    return parse_bytes_all(read_bulletin_file(path), str(path))


def parse_text(text: str, source: str) -> Bulletin:
    """The first bulletin in already-decoded text."""
    return parse_text_all(text, source)[0]


def parse_bytes(data: bytes, source: str) -> Bulletin:
    """The first bulletin in raw bytes."""
    return parse_bytes_all(data, source)[0]


def parse_file(path: Path) -> Bulletin:
    """The first bulletin in one file (see `parse_path` for all of them)."""
    return parse_path(path)[0]


def _check_size(size: int, source: str) -> None:
    if size > MAX_FILE_BYTES:
        raise InputError(
            f"{source}: {size / 1024 / 1024:.0f} MB is too large for a bulletin (a bulletin is under "
            f"200 KB; files over {MAX_FILE_BYTES // 1024 // 1024} MB are not read)"
        )


def read_bulletin_file(path: Path) -> bytes:
    """The bytes of a regular file of at most `MAX_FILE_BYTES`, or `InputError` naming it.

    The file is opened without blocking and checked once open, so a FIFO, a device or a socket is
    refused at once (never waited on), even if the path changed since it was listed.
    """
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not a bulletin file") from None
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    try:
        info = os.fstat(fd)
        if stat.S_ISDIR(info.st_mode):
            raise InputError(f"{path}: is a folder, not a bulletin file")
        if not stat.S_ISREG(info.st_mode):
            raise InputError(
                f"{path}: is not a regular file ({_kind(info.st_mode)}); save the bulletin first"
            )
        _check_size(info.st_size, str(path))
        data = _read_capped(fd, info.st_size)
    except OSError as error:
        raise InputError(f"{path}: cannot be read ({error.strerror or error})") from None
    finally:
        os.close(fd)
    _check_size(len(data), str(path))
    return data


def _read_capped(fd: int, size: int) -> bytes:
    """The file's bytes, read up to one byte past `MAX_FILE_BYTES` (a file that grows while read, or
    reports no size, like those in /proc, is still capped). Sized reads: a buffered `read(20 MB)`
    would allocate 20 MB for every small bulletin."""
    chunks: list[bytes] = []
    total = 0
    while total <= MAX_FILE_BYTES:
        chunk = os.read(fd, min(max(size + 1 - total, 1 << 16), MAX_FILE_BYTES + 1 - total))
        if not chunk:
            break
        chunks.append(chunk)
        total += len(chunk)
    return chunks[0] if len(chunks) == 1 else b"".join(chunks)


def _kind(mode: int) -> str:
    if stat.S_ISFIFO(mode):
        return "a pipe"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a file"


def iter_bulletin_files(paths: Iterable[Path]) -> list[Path]:
    """Files given explicitly, plus every bulletin-looking file in folders given (recursively), sorted
    and without duplicates. A path that does not exist → `InputError`."""
    found: set[Path] = set()
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found.update(
                p
                for p in path.rglob("*")
                if p.is_file()
                and p.suffix.lower() in BULLETIN_SUFFIXES
                and not p.name.startswith(".")
                and not _NOT_BULLETINS.match(p.name)
            )
        elif path.exists():
            found.add(path)
        else:
            raise InputError(f"{path}: no such file or folder")
    return sorted(found)
