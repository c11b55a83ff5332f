"""The parser's one entry point: sniff the format, decode, hand the lines to the shared core."""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

from warreader.errors import InputError, read_input_file
from warreader.model import Bulletin
from warreader.parsing.core import build_bulletin
from warreader.parsing.decode import decode_bytes
from warreader.parsing.patterns import TITLE_WORDS
from warreader.parsing.plaintext import plain_lines

#: Extensions a folder is searched for (a file given explicitly is read whatever its name).
BULLETIN_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
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
    if "<" in head and _HTML_SNIFF.search(head) and len(_HTML_TAGS.findall(text)) >= 3:
        return "html"
    if ("#" in text or "**" in text or "![" in text) and _MARKDOWN_SNIFF.search(text):
        return "markdown"
    return "text"


def parse_text(text: str, source: str) -> Bulletin:
    """Parse already-decoded text (any format) into a Bulletin."""
    text = _CRAWL_PREFIX.sub("", text, count=1)
    fmt = sniff_format(text)
    if fmt == "text":
        from warreader.parsing.codefragments import looks_like_code, unescape_code

        if looks_like_code(text):
            # A bulletin inside seed data or an API fixture: its string literals, unescaped.
            text = unescape_code(text)
            fmt = sniff_format(text)
    if fmt == "html":
        from warreader.parsing.html import html_lines

        lines = html_lines(text)
    elif fmt == "markdown":
        from warreader.parsing.markdown import markdown_lines

        lines = markdown_lines(text)
    else:
        lines = plain_lines(text)
    bulletin = build_bulletin(lines, source)
    # Without a day, a date or a bulletin-like title there is nothing to file the text under.
    if (
        bulletin.day is None
        and bulletin.date is None
        and not (bulletin.title and TITLE_WORDS.search(bulletin.title))
    ):
        raise InputError(f"{source}: not a bulletin (no day number, date or bulletin title found)")
    return bulletin


def parse_bytes(data: bytes, source: str) -> Bulletin:
    """Parse a bulletin from raw bytes; `source` names it in the result and in any error."""
    return parse_text(decode_bytes(data, source), source)


def parse_file(path: Path) -> Bulletin:
    """Parse one bulletin file; `InputError` naming the file if it cannot be read as a bulletin."""
    path = Path(path)
    data = read_input_file(path, expected="a bulletin file")
    return parse_bytes(data, str(path))


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
