"""Which texts hold a given string, answered from their distinct words instead of a scan of every text.

Why: `SearchIndex` finds a string by scanning the whole folded text (~10 MB for 1,500 days). A common word
fills the reader's first page of results early and stops the scan, but a rare one ("Ocheretyne", 14 hits)
has to be looked for to the very end: ~5 ms, a third of a frame, on every search. This index makes that
proportional to the hits.

Why it is exact: a string without whitespace that occurs in a text lies inside one of the text's
whitespace-separated tokens (`str.split()`). So the texts holding it are exactly the texts of the
tokens that contain it. The distinct tokens (the vocabulary) are few next to the text, and are scanned
in a fraction of a millisecond. A phrase with spaces is looked up by its longest piece, and those
candidates are checked with `in`.

Tokens found in many texts ("the", "ukraine") keep no list of texts: a string inside one of them is
common, and the scan answers it better (its first page is found early), so `texts_with` says None.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from itertools import accumulate

#: A token in more than this share of the texts (and at least `COMMON_MIN`) keeps no list: strings
#: inside it go to the scan. Measured on 1,500 days: this keeps 15 % of the (token, text) pairs, and the
#: scan still finds the first page of a token this common in about a millisecond.
COMMON_SHARE = 0.02
COMMON_MIN = 16
#: A lookup whose tokens list more texts than this in all goes to the scan too (a short string inside
#: many rare tokens): merging that many lists costs more than scanning for the first page.
MAX_CANDIDATES = 4000
#: Texts tokenised between two calls of `pause` (lets a UI thread run while a worker builds the index).
CHUNK = 512

_SEP = 0  # NUL, as an int: `bytes.find(0)` needs no buffer protocol


def _encode(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def _vocabulary(tokens: Iterable[str]) -> tuple[bytes, list[int]]:
    """The tokens as one NUL-separated bytes string (ending in NUL), and the offset of each NUL."""
    encoded = [_encode(t) for t in tokens]
    ends = list(accumulate(len(t) + 1 for t in encoded))
    return b"\x00".join(encoded) + b"\x00", [e - 1 for e in ends]


class WordIndex:
    """The distinct tokens of a fixed list of texts, each with the (ascending) indices of its texts.

    `texts` must not contain NUL (`SearchIndex` has already made NUL a space). Immutable once built.
    """

    def __init__(self, texts: Sequence[str], pause: Callable[[], None] | None = None) -> None:
        self._texts = texts
        self.common_limit = max(COMMON_MIN, int(len(texts) * COMMON_SHARE))
        postings: dict[str, list[int]] = {}
        common: set[str] = set()
        get = postings.get
        next_sweep = CHUNK
        for start in range(0, len(texts), CHUNK):
            for i in range(start, min(start + CHUNK, len(texts))):
                # Tokens already known to be common are dropped at C speed, before the Python loop.
                for token in set(texts[i].split()).difference(common):
                    found = get(token)
                    if found is None:
                        postings[token] = [i]
                    else:
                        found.append(i)
            if start + CHUNK >= next_sweep:
                # Swept at doubling intervals: the common tokens show up early and then cost nothing, and
                # the sweeps (one pass over the vocabulary each) stay few.
                self._sweep(postings, common)
                next_sweep *= 2
            if pause is not None:
                pause()
        self._sweep(postings, common)
        self._common, _ = _vocabulary(common)
        self._vocabulary, ends = _vocabulary(postings)
        self._texts_at_end = dict(zip(ends, postings.values(), strict=True))
        self.tokens = len(postings)
        self.common_tokens = len(common)
        self.entries = sum(map(len, postings.values()))

    def _sweep(self, postings: dict[str, list[int]], common: set[str]) -> None:
        limit = self.common_limit
        for token in [t for t, found in postings.items() if len(found) > limit]:
            common.add(token)
            del postings[token]

    def texts_with(self, needle: str) -> list[int] | None:
        """Indices (ascending) of the texts containing `needle`; None when the scan should answer instead
        (the needle is common, or lies inside too many tokens, or is only whitespace)."""
        pieces = needle.split()
        if not pieces:
            return None
        piece = _encode(max(pieces, key=len))
        if piece in self._common:
            return None
        vocabulary, texts_at_end = self._vocabulary, self._texts_at_end
        find = vocabulary.find
        lists = []
        total = 0
        pos = find(piece)
        while pos != -1:
            end = find(_SEP, pos)
            found = texts_at_end[end]
            total += len(found)
            if total > MAX_CANDIDATES:
                return None
            lists.append(found)
            pos = find(piece, end)
        if not lists:
            return []
        candidates = list(lists[0]) if len(lists) == 1 else sorted(set().union(*lists))
        if len(pieces) > 1 or pieces[0] != needle:
            # A phrase (or a needle with edge spaces): its longest piece only found candidates.
            texts = self._texts
            candidates = [i for i in candidates if needle in texts[i]]
        return candidates

    def texts_with_any(self, needles: Iterable[str]) -> list[int] | None:
        """Texts containing any of `needles` (ascending, each once), or None if any needs the scan."""
        found = []
        for needle in needles:
            hits = self.texts_with(needle)
            if hits is None:
                return None
            found.append(hits)
        if len(found) == 1:
            return found[0]
        return sorted(set().union(*found))
