"""Headless full-text search: accent/case folding, place-name aliases, and a fast in-memory index.

The index is one folded "haystack" (UTF-8 bytes) holding every event's text, each followed by NUL, plus
the offset of each NUL. Events are given to the index in the order results should come out (newest day
first), so scanning the haystack left to right yields results already in order — no sort — and a
`limit` stops the scan early. Measured on 1,500 days (~10 MB, 41k events) the scan itself is the cost
(~6 ms per pass), so each query scans once: one spelling with `bytes.find` (fastest for a single
literal), several spellings (Kyiv/Kiev) with one compiled regex. Bytes rather than str: one byte per
ASCII character even when a few texts hold Cyrillic or emoji (a str haystack would then be 2–4 bytes a
character everywhere, and regexes run faster on bytes).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from itertools import accumulate, compress, islice, repeat
from operator import contains, or_

from warreader.word_index import WordIndex

# Typographic punctuation mapped to ASCII before anything else. Done with chained `str.replace` (each a
# C-speed scan) rather than `str.translate`, which costs ~1.2 s on a 10 MB haystack instead of ~30 ms;
# and once these are gone most bulletin text is pure ASCII, which folds with a plain `lower()`.
_PUNCTUATION = (
    ("‘", "'"),
    ("’", "'"),
    ("‚", "'"),
    ("‛", "'"),
    ("′", "'"),
    ("“", '"'),
    ("”", '"'),
    ("„", '"'),
    ("‟", '"'),
    ("«", '"'),
    ("»", '"'),
    ("″", '"'),
    ("–", "-"),
    ("—", "-"),
    ("‑", "-"),
    ("−", "-"),
    ("\u00a0", " "),
    ("\u202f", " "),
    ("…", "..."),
)
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


def _ascii_punctuation(text: str) -> str:
    for fancy, plain in _PUNCTUATION:
        if fancy in text:
            text = text.replace(fancy, plain)
    return text


def _fold_letters(text: str) -> str:
    """The slow path for text with non-ASCII letters: NFKD, combining marks removed, casefolded."""
    return _COMBINING.sub("", unicodedata.normalize("NFKD", text)).casefold()


def fold(text: str) -> str:
    """Case-, accent- and quote-insensitive form: NFKD, combining marks removed, casefolded, curly quotes
    and dashes made ASCII. `Zaporizhzhia’s` and `ZAPORIZHZHIA's` fold alike, `Café` finds `cafe`."""
    text = _ascii_punctuation(text)
    return text.lower() if text.isascii() else _fold_letters(text)


def fold_joined(texts: Sequence[str], sep: str) -> str:
    """`fold(sep.join(texts))` computed fast: one pass over everything, and the slow Unicode path only
    for the few texts that still hold non-ASCII letters."""
    joined = _ascii_punctuation(sep.join(texts))
    if joined.isascii():
        return joined.lower()
    return sep.join(p.lower() if p.isascii() else _fold_letters(p) for p in joined.split(sep))


_ALIASES: dict[str, tuple[str, ...]] = {
    fold(name): tuple(fold(n) for n in group) for group in PLACE_ALIASES for name in group
}
_TERM = re.compile(r'"([^"]+)"|(\S+)')


def canonical_place(word: str) -> str:
    """One spelling for a word that is a known place (`Kiev` → `kyiv`), else the word folded."""
    folded = fold(word)
    group = _ALIASES.get(folded)
    return group[0] if group else folded


_EDGE_PUNCT = EDGE_PUNCTUATION = "!#$%&()*+,./:;<=>?@[\\]^_`{|}~\"'-"


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


def expand_aliases(term: str) -> tuple[str, ...]:
    """A folded word's spellings: a place's aliases (with a possessive kept), else the word alone."""
    return _expand(term)


def _expand(term: str) -> tuple[str, ...]:
    if term in _ALIASES:
        return _ALIASES[term]
    for name, group in _ALIASES.items():
        if term.startswith(name) and term[len(name) :] in ("'s", "s'", "s"):
            rest = term[len(name) :]
            return tuple(alias + rest for alias in group)
    return (term,)


_SEP_B = _SEP.encode()


def _decode(needle: bytes) -> str:
    return needle.decode("utf-8", "surrogatepass")


def _encode(text: str) -> bytes:
    # surrogatepass: a lone surrogate in a badly decoded file must not make search fail; UTF-8 stays
    # self-synchronising, so a byte match is a character match.
    return text.encode("utf-8", "surrogatepass")


Needles = tuple[bytes, ...]

#: How much of the haystack is sampled to guess which word of a query is the rarest.
_SAMPLE = 1 << 18
#: A word whose first `_PROBE_HITS` hits project to over `_COMMON_HITS` in the whole haystack is scanned
#: on with the regex (measured on 1,500 days: the two cost the same at ~3,500 hits, "strike").
_PROBE_HITS = 32
_COMMON_HITS = 4000
_MATCH_END = re.Match.end


@lru_cache(maxsize=256)
def _terms(query: str) -> tuple[Needles, ...] | None:
    """The query's terms as UTF-8 spellings; None when nothing can match. (Caches parsing, not results.)"""
    terms: list[Needles] = []
    for alternatives in query_terms(query):
        # A NUL in the query can never match: NUL only separates events in the haystack.
        needles = tuple(dict.fromkeys(_encode(a) for a in alternatives if _SEP not in a))
        if not needles:
            return None
        terms.append(needles)
    return tuple(terms) or None


@lru_cache(maxsize=256)
def _run_on(needles: Needles) -> re.Pattern[bytes]:
    """One regex pass for any of `needles`; each match runs on to the NUL ending its event, so the match
    end names the event and the next match starts in a later one."""
    return re.compile(b"(?:" + b"|".join(map(re.escape, needles)) + b")[^\x00]*")


class SearchIndex:
    """Searches a fixed list of texts; `find` returns their indices in list order.

    Thread-safe once built: nothing changes after `__init__` but the word index, which is set whole, once
    built (a search reads it once, so it sees it either complete or not at all).
    """

    def __init__(self, texts: Sequence[str]) -> None:
        self.size = len(texts)
        folded = fold_joined(texts, _SEP)
        parts = folded.split(_SEP) if texts else []
        if len(parts) != self.size:
            # A text held a NUL itself: make it a space (folding never creates or removes NUL).
            folded = fold_joined([t.replace(_SEP, " ") for t in texts], _SEP)
            parts = folded.split(_SEP)
        # The folded texts one by one, as str: the other words of a query are checked with `in` on them
        # (twice as fast on a short str as on bytes, which go through the buffer protocol).
        self._texts = parts
        # Every text ends with NUL, the last one too; an ASCII haystack encodes as a plain copy.
        self._haystack = _encode(folded) + _SEP_B
        lengths = map(len, parts) if folded.isascii() else map(len, map(_encode, parts))
        # The offset of the NUL ending each text → its index: what a match is mapped back with.
        ends = map((-1).__add__, accumulate(map((1).__add__, lengths)))
        self._index_of_end = dict(zip(ends, range(self.size), strict=True))
        self._words: WordIndex | None = None

    def index_words(self, pause: Callable[[], None] | None = None) -> None:
        """Build the word index (see `warreader.word_index`), which answers rare words without a scan.

        Worth it for a session of many searches (the reader builds it in a worker after start-up, ~0.35 s
        for 1,500 days), not for one search from the command line. Searches use it once it is complete;
        until then they scan, with the same results."""
        if self._words is None:
            self._words = WordIndex(self._texts, pause)

    def _indexed(self, terms: tuple[Needles, ...]) -> tuple[list[int], list[Needles]] | None:
        """The hits of the rarest term the word index can answer, and the other terms; None if none can."""
        words = self._words
        if words is None:
            return None
        best: tuple[list[int], int] | None = None
        for position, term in enumerate(terms):
            hits = words.texts_with_any(map(_decode, term))
            if hits is not None and (best is None or len(hits) < len(best[0])):
                best = (hits, position)
                if not hits:
                    break
        if best is None:
            return None
        hits, position = best
        return hits, [term for i, term in enumerate(terms) if i != position]

    def _rarest_first(self, terms: tuple[Needles, ...]) -> list[Needles]:
        """The terms, the one that looks rarest first: the driver scans the haystack, the others are only
        checked inside its hits. Rarity is counted on the first 256 kB (~0.2 ms a spelling); ties go to
        the longer word, on which `bytes.find` also skips faster."""
        if len(terms) == 1:
            return list(terms)
        count = self._haystack.count
        return sorted(terms, key=lambda t: (sum(count(n, 0, _SAMPLE) for n in t), -min(map(len, t))))

    def _hits(self, needles: Needles, limit: int | None) -> Iterator[int]:
        """Indices of the texts holding any of `needles`, ascending, each once; lazily when limited."""
        if len(needles) > 1:
            # Several spellings (Kyiv/Kiev): one regex pass, the match ends mapped at C speed.
            ends = map(_MATCH_END, _run_on(needles).finditer(self._haystack))
            return map(self._index_of_end.__getitem__, ends)
        return self._find_all(needles[0]) if limit is None else self._find_lazily(needles[0])

    def _find_all(self, needle: bytes) -> Iterator[int]:
        # One spelling: `bytes.find` is the fastest scan (a rare word costs ~6 ms where the regex needs
        # ~12). After a hit, the NUL ending that text is found (memchr) and names the text, and the scan
        # goes on from the next text, so each text is listed once. That costs ~0.8 µs a hit, the regex
        # ~0.6 µs: once the first hits show a common word, the regex does the rest.
        haystack, index, hits = self._haystack, self._index_of_end, []
        find, append = haystack.find, hits.append
        pos = find(needle)
        while pos != -1:
            end = find(0, pos)  # an int, not a bytes NUL: no buffer protocol, half the cost
            append(index[end])
            if len(hits) == _PROBE_HITS and _PROBE_HITS * len(haystack) > _COMMON_HITS * end:
                hits += map(index.__getitem__, map(_MATCH_END, _run_on((needle,)).finditer(haystack, end)))
                break
            pos = find(needle, end)
        return iter(hits)

    def _find_lazily(self, needle: bytes) -> Iterator[int]:
        haystack, index = self._haystack, self._index_of_end
        find = haystack.find
        pos = find(needle)
        while pos != -1:
            end = find(0, pos)
            yield index[end]
            pos = find(needle, end)

    def find(self, query: str, limit: int | None = None) -> list[int]:
        """Indices of the texts matching every term of `query`, in list order, at most `limit`."""
        terms = _terms(query)
        if terms is None or (limit is not None and limit <= 0):
            return []
        indexed = self._indexed(terms)
        if indexed is not None:
            indexed_hits, others = indexed
            hits: Iterator[int] = iter(indexed_hits)
        else:
            driver, *others = self._rarest_first(terms)
            hits = self._hits(driver, limit)
        if limit is not None:
            return list(islice(self._matching(hits, others) if others else hits, limit))
        found = list(hits)
        texts = self._texts
        for term in others:
            # At C speed (no Python step per candidate): one `in` per candidate text and spelling, then
            # the candidates where any spelling was found.
            found_texts = list(map(texts.__getitem__, found))
            mask = None
            for needle in map(_decode, term):
                has = map(contains, found_texts, repeat(needle))
                mask = has if mask is None else map(or_, mask, has)
            found = list(compress(found, mask))  # type: ignore[arg-type]
        return found

    def _matching(self, hits: Iterator[int], others: list[Needles]) -> Iterator[int]:
        """The hits whose text also holds, for every other term, one of its spellings (lazily)."""
        texts = self._texts
        spellings = [tuple(map(_decode, term)) for term in others]
        for i in hits:
            text = texts[i]
            for term in spellings:
                if not any(needle in text for needle in term):
                    break
            else:
                yield i
