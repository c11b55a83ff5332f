"""Headless full-text search: accent/case folding, place-name aliases, and a fast in-memory index.

The index is one folded "haystack" string holding every event's text, separated by NUL, plus the start
offset of each event. A query term is found with `str.find` (a C-speed scan of ~10 MB takes a few ms),
and a hit's offset is mapped back to its event with `bisect`. Events are given to the index in the order
results should come out (newest day first), so scanning the haystack left to right yields results in
order and a `limit` can stop the scan early.
"""

from __future__ import annotations

import heapq
import re
import unicodedata
from bisect import bisect_right
from collections.abc import Iterator, Sequence
from itertools import accumulate

_QUOTES = str.maketrans({"‘": "'", "’": "'", "‚": "'", "‛": "'", "′": "'", "“": '"', "”": '"', "„": '"',
                         "‟": '"', "«": '"', "»": '"', "″": '"'})
_COMBINING = re.compile(r"[\u0300-\u036f\u1ab0-\u1aff\u1dc0-\u1dff\u20d0-\u20ff\ufe20-\ufe2f]+")
_SEP = "\x00"

#: Spellings of one place that should find each other (Ukrainian and Russian transliterations).
PLACE_ALIASES: tuple[tuple[str, ...], ...] = (
    ("kyiv", "kiev"),
    ("kharkiv", "kharkov"),
    ("odesa", "odessa"),
    ("mykolaiv", "nikolaev", "nikolayev", "mykolayiv"),
    ("zaporizhzhia", "zaporizhia", "zaporozhye", "zaporizhzhya", "zaporozhzhia"),
    ("luhansk", "lugansk"),
    ("dnipro", "dnepr", "dnieper"),
    ("chernihiv", "chernigov"),
    ("lviv", "lvov"),
    ("donbas", "donbass"),
    ("vinnytsia", "vinnitsa"),
    ("zhytomyr", "zhitomir"),
    ("rivne", "rovno"),
    ("bakhmut", "artemivsk", "artyomovsk"),
    ("avdiivka", "avdeyevka", "avdeevka"),
    ("horlivka", "gorlovka"),
    ("sievierodonetsk", "severodonetsk", "syeverodonetsk"),
    ("lysychansk", "lisichansk"),
    ("kropyvnytskyi", "kirovohrad", "kirovograd"),
    ("chornobyl", "chernobyl"),
    ("kherson", "herson"),
)


def fold(text: str) -> str:
    """Case-, accent- and quote-insensitive form: NFKD, combining marks removed, casefolded, curly quotes
    made straight. `Zaporizhzhia’s` and `ZAPORIZHZHIA's` fold alike."""
    text = text.translate(_QUOTES)
    if text.isascii():
        return text.lower()  # the common case: 10x faster than the full path and identical for ASCII
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


_ALIASES: dict[str, tuple[str, ...]] = {
    fold(name): tuple(fold(n) for n in group) for group in PLACE_ALIASES for name in group
}
_TERM = re.compile(r'"([^"]+)"|(\S+)')
_EDGE_PUNCT = "!#$%&()*+,./:;<=>?@[\\]^_`{|}~\"'-"


def query_terms(query: str) -> list[tuple[str, ...]]:
    """The query as terms, each a tuple of alternative spellings; every term must match.

    Words are separated by spaces; a "double-quoted phrase" is one term. A place name (also with a
    possessive, `Kyiv's`) expands to its aliases.
    """
    terms: list[tuple[str, ...]] = []
    for phrase, word in _TERM.findall(fold(query)):
        term = " ".join((phrase or word).strip(_EDGE_PUNCT).split())
        if not term:
            continue  # a lone punctuation mark would match nearly everything
        terms.append(_expand(term))
    return terms


def _expand(term: str) -> tuple[str, ...]:
    if term in _ALIASES:
        return _ALIASES[term]
    for name, group in _ALIASES.items():
        if term.startswith(name) and term[len(name):] in ("'s", "s'", "s"):
            rest = term[len(name):]
            return tuple(alias + rest for alias in group)
    return (term,)


class SearchIndex:
    """Searches a fixed list of texts; `find` returns their indices in list order."""

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        self._haystack = fold(_SEP.join(t.replace(_SEP, " ") for t in texts))
        parts = self._haystack.split(_SEP)
        if len(parts) != len(texts):  # folding never creates or removes NUL; this guards the mapping
            raise AssertionError("search index out of step with its texts")
        # starts[i] = offset of text i; a sentinel past the end makes `starts[i + 1]` always valid.
        self._starts = [0, *accumulate(len(p) + 1 for p in parts)]

    def _scan(self, needle: str) -> Iterator[int]:
        """Indices of texts containing `needle`, ascending, each once."""
        starts, find = self._starts, self._haystack.find
        pos = find(needle)
        while pos != -1:
            i = bisect_right(starts, pos) - 1
            yield i
            pos = find(needle, starts[i + 1])  # skip the rest of this text: one hit per text is enough

    def _contains(self, i: int, alternatives: tuple[str, ...]) -> bool:
        start, end = self._starts[i], self._starts[i + 1] - 1
        return any(self._haystack.find(alt, start, end) != -1 for alt in alternatives)

    def find(self, query: str, limit: int | None = None) -> list[int]:
        """Indices of the texts matching every term of `query`, in list order, at most `limit`."""
        terms = query_terms(query)
        if not terms or (limit is not None and limit <= 0):
            return []
        # Drive the scan with the term most likely to be rare (its shortest spelling is the longest);
        # the others are checked only inside the candidate texts.
        terms.sort(key=lambda alts: -min(len(a) for a in alts))
        driver, others = terms[0], terms[1:]
        merged = heapq.merge(*(self._scan(alt) for alt in driver))
        found: list[int] = []
        last = -1
        for i in merged:
            if i == last:
                continue  # matched by two spellings
            last = i
            if all(self._contains(i, alts) for alts in others):
                found.append(i)
                if limit is not None and len(found) >= limit:
                    break
        return found
