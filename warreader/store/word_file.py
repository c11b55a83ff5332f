"""`words.idx`: which events hold a word, kept on disk so a `warreader search` process reads only its hits.

The reader builds its word index in memory (`warreader.word_index`); a command-line search lives for one
query, and parsing 10 MB of bulletins to answer it cost it 10–20× a bare interpreter's start. This file
answers the same question — the events whose folded text holds a string — by reading only the vocabulary
and the lists of the tokens that contain the string, through `mmap`, so a search costs about the same on
1,500 days as on 4,500. It is a derived cache, like summary.json: it names the `_rev` of the
bulletins.json it was built from, a search uses it only while that matches, and one that is missing or
stale is rebuilt by the next search that has loaded the library anyway (best effort, atomically).

Why it is exact (the argument of `word_index`): a string without whitespace that occurs in a folded text
lies inside one of its whitespace-separated tokens, so the events holding it are those of the tokens
containing it. A phrase is looked up by its longest piece; the caller checks every candidate.

```
b"WRWORDS1"  u32 header length  header JSON {"rev", "events", "tokens", "vocabulary"}
vocabulary   the distinct tokens, UTF-8, each ended by NUL
ends         u32 × tokens: the offset of each token's NUL in the vocabulary
starts       u32 × (tokens + 1): where each token's events begin in `postings`
postings     u32 × …: event numbers, ascending per token
days, places u32 × events: each event's day and its place in its (flattened) day's reading order
```
"""

from __future__ import annotations

import json
import mmap
import struct
from array import array
from bisect import bisect_left
from pathlib import Path

from warreader.store.atomic import atomic_write_bytes

NAME = "words.idx"
_MAGIC = b"WRWORDS1"
_U32 = struct.Struct("<I")


def build(path: Path, rev: str, events: list[tuple[int, int, str]]) -> None:
    """Write the index of `events` — (day, place in the day, folded text) — for the bulletins of `rev`.
    OSError on failure (the caller treats it as harmless: the file is only a cache)."""
    postings: dict[str, list[int]] = {}
    get = postings.get
    for number, (_day, _place, text) in enumerate(events):
        for token in set(text.split()):
            found = get(token)
            if found is None:
                postings[token] = [number]
            else:
                found.append(number)
    tokens = list(postings)
    encoded = [t.encode("utf-8", "surrogatepass") for t in tokens]
    vocabulary = b"\x00".join(encoded) + b"\x00"
    ends = array("I")
    offset = -1
    for token in encoded:
        offset += len(token) + 1
        ends.append(offset)
    starts = array("I", [0])
    flat = array("I")
    for token in tokens:
        flat.extend(postings[token])
        starts.append(len(flat))
    days = array("I", (day for day, _place, _text in events))
    places = array("I", (place for _day, place, _text in events))
    header = json.dumps(
        {"rev": rev, "events": len(events), "tokens": len(tokens), "vocabulary": len(vocabulary)}
    ).encode()
    parts = [_MAGIC, _U32.pack(len(header)), header, vocabulary]
    parts += [a.tobytes() for a in (ends, starts, flat, days, places)]
    atomic_write_bytes(path, b"".join(parts))


class WordFile:
    """An open `words.idx` (see the module doc). Use `open`, which checks it belongs to `rev`."""

    def __init__(self, handle, view: mmap.mmap, header: dict, base: int) -> None:
        self._handle = handle
        self._mm = view
        self.events = header["events"]
        tokens = header["tokens"]
        self._vocab_start = base
        self._vocab_end = base + header["vocabulary"]
        memory = memoryview(view)
        at = self._vocab_end
        self._ends = memory[at : at + 4 * tokens].cast("I")
        at += 4 * tokens
        self._starts = memory[at : at + 4 * (tokens + 1)].cast("I")
        at += 4 * (tokens + 1)
        total = self._starts[tokens] if tokens else 0
        self._postings = memory[at : at + 4 * total].cast("I")
        at += 4 * total
        self._days = memory[at : at + 4 * self.events].cast("I")
        at += 4 * self.events
        self._places = memory[at : at + 4 * self.events].cast("I")
        self._views = (memory, self._ends, self._starts, self._postings, self._days, self._places)

    @classmethod
    def open(cls, path: Path, rev: str) -> WordFile | None:
        """The index at `path` if it was built for `rev` and is whole; else None."""
        try:
            handle = open(path, "rb")
        except OSError:
            return None
        try:
            view = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):
            handle.close()
            return None
        try:
            if view[:8] != _MAGIC:
                raise ValueError("not an index")
            (length,) = _U32.unpack(view[8:12])
            header = json.loads(view[12 : 12 + length])
            if header.get("rev") != rev:
                raise ValueError("stale")
            found = cls(handle, view, header, 12 + length)
            if len(found._places) != found.events:
                raise ValueError("cut short")
            return found
        except (ValueError, KeyError, TypeError, struct.error):
            view.close()
            handle.close()
            return None

    @classmethod
    def missing_or_stale(cls, path: Path, rev: str | None) -> bool:
        """True when no whole index for `rev` is at `path` (a cheap look at its header)."""
        if rev is None:
            return False
        found = cls.open(path, rev)
        if found is None:
            return True
        found.close()
        return False

    def close(self) -> None:
        for item in self._views:
            item.release()
        self._mm.close()
        self._handle.close()

    def events_with(self, needle: str) -> list[tuple[int, int]]:
        """(day, place) of every event whose folded text may hold `needle` (exactly those holding its
        longest whitespace-free piece), in ascending event order."""
        pieces = needle.split()
        if not pieces:
            return []
        piece = max(pieces, key=len).encode("utf-8", "surrogatepass")
        mm, start, end = self._mm, self._vocab_start, self._vocab_end
        numbers: set[int] = set()
        pos = mm.find(piece, start, end)
        while pos != -1:
            nul = mm.find(b"\x00", pos, end)
            token = bisect_left(self._ends, nul - start)
            numbers.update(self._postings[self._starts[token] : self._starts[token + 1]])
            pos = mm.find(piece, nul, end)
        return [(self._days[n], self._places[n]) for n in sorted(numbers)]
