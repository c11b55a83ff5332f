"""Where a search query matched in a text, found as the library's search matches (accents, case, curly
quotes and place-name spellings ignored), to highlight it in result rows and previews.

The query is read by the query language (`warreader.query`): only its words and phrases are looked for in
the text; fields (`tag:drones`), excluded words (`-odesa`) and a query that cannot be read mark nothing."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable
from functools import lru_cache

from rich.text import Text

from warreader.errors import WarreaderError
from warreader.query import parse
from warreader.search import fold

_fold_cache: dict[str, str] = {}
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=64)
def _terms(query: str) -> list[tuple[str, ...]]:
    """The spellings of each word and phrase the query looks for in an event's text."""
    try:
        parsed = parse(query)
    except WarreaderError:
        return []
    return [spellings for term in parsed.text_terms() for spellings in term.spellings]


def _fold_char(char: str) -> str:
    folded = _fold_cache.get(char)
    if folded is None:
        folded = _fold_cache[char] = fold(char)
    return folded


def _folded_with_origin(plain: str) -> tuple[str, Callable[[int], int] | None]:
    """`plain` folded as the search folds it, and (when folding moved characters) a function giving the
    index in `plain` of each folded character; None when positions are unchanged.

    Only the non-ASCII characters are folded one by one (an event has a few: quotes, dashes, the "…" a cut
    row ends with); the ASCII runs between them are lowercased whole. A per-character loop over every row
    cost a tenth of a millisecond a row."""
    if plain.isascii():
        return plain.lower(), None
    parts: list[str] = []
    #: (first folded index, first original index, whether it is one folded non-ASCII character)
    marks: list[tuple[int, int, bool]] = []
    folded_at = last = 0
    for match in _NON_ASCII.finditer(plain):
        index = match.start()
        if index > last:
            marks.append((folded_at, last, False))
            parts.append(plain[last:index].lower())
            folded_at += index - last
        piece = _fold_char(match.group())
        if piece:
            marks.append((folded_at, index, True))
            parts.append(piece)
            folded_at += len(piece)
        last = index + 1
    if last < len(plain):
        marks.append((folded_at, last, False))
        parts.append(plain[last:].lower())
    folded = "".join(parts)
    if len(folded) == len(plain) and all(len(p) == 1 for p, m in zip(parts, marks, strict=True) if m[2]):
        return folded, None
    starts = [m[0] for m in marks]

    def origin(position: int) -> int:
        folded_start, original, single = marks[bisect_right(starts, position) - 1]
        return original if single else original + position - folded_start

    return folded, origin


def match_spans(plain: str, query: str) -> list[tuple[int, int]]:
    """Where `query` matches in `plain`, as (start, end) indices, matched as the library's search matches:
    accents, case and curly quotes ignored, place names with their aliases ("kyiv" finds "Kyiv" and
    "Kiev"). One span per match, term by term (spans of different terms may overlap)."""
    if not query.strip():
        return []
    folded, origin = _folded_with_origin(plain)
    spans = []
    for term in _terms(query):
        for spelling in term:
            if not spelling:
                continue
            start = folded.find(spelling)
            while start != -1:
                end = start + len(spelling)
                spans.append((start, end) if origin is None else (origin(start), origin(end - 1) + 1))
                start = folded.find(spelling, end)
    return spans


def highlight(text: Text, query: str) -> Text:
    """`text` with what `query` matched (see `match_spans`) shown in reverse."""
    for start, end in match_spans(text.plain, query):
        text.stylize("reverse", start, end)
    return text


def merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping and touching ones joined."""
    joined: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if joined and start <= joined[-1][1]:
            joined[-1] = (joined[-1][0], max(joined[-1][1], end))
        else:
            joined.append((start, end))
    return joined
