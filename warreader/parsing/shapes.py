"""Shape tests on one line or one page, without parser state: word counts, headings, credits, titles,
intros, spinner vocabulary.

Every line of every bulletin goes through several of these, so each is written for speed (C-level `in`
tests before regexes, bytes where that is faster) and keeps exactly the answer of the simpler code it
replaced; tests/parsing/test_fast_paths.py holds those references and compares them with hypothesis.
"""

from __future__ import annotations

import re

from warreader.parsing import patterns as P
from warreader.parsing.lines import Line

HEADING_MAX_WORDS = 7
_WORD = re.compile(r"[a-z]{4,}")


def word_count(text: str) -> int:
    """Whitespace-separated words."""
    return len(text.split())


def more_words_than(text: str, n: int) -> bool:
    """`word_count(text) > n`, without splitting a long line to the end (split stops after n)."""
    return len(text.split(None, n)) > n


def strip_colon(text: str) -> str:
    r"""`re.sub(r"\s*:\s*$", "", text)` ("Fighting :" → "Fighting") without a regex (hot path)."""
    body = text.rstrip()
    if body.endswith(":"):
        return body[:-1].rstrip()
    return text


def clean_title(text: str) -> str:
    """Drop site suffixes (" | Russia-Ukraine war News", " - Al Jazeera English") from a title."""
    previous = None
    while previous != text:
        previous, text = text, P.TITLE_SUFFIX.sub("", text).strip()
    return text


def _has_bare_credit_hint(tail: str) -> bool:
    """Every BARE_CREDIT match not ending in ")" contains one of these in its last 120 characters (an
    `or` chain: no generator)."""
    return (
        "REUTERS" in tail or "Photo" in tail or "PARTY" in tail or "©" in tail
        or ":" in tail and ("Picture" in tail or "Image" in tail or "Credit" in tail)
    )  # fmt: skip


def is_credit(text: str) -> bool:
    """Does this line end in a photo credit ("[Sergey Bobok/AFP]", "REUTERS/Stringer", "Photograph: …")?"""
    # Cheap tests first: every line goes through here, and an unanchored search of a long line tries
    # every alternative at every position (~40 µs). A bracketed or parenthesised credit can only start
    # at the last "[" or "(" (neither pattern allows another one inside), so only that is tried; the
    # other credits are short, so their words are looked for near the end only.
    last = text[-2:]
    if last.endswith("]") or last == "].":
        tail = text[-300:]
        start = tail.rfind("[")
        # "[drones]" inside a quote, or a bracket that a quote closes after, is an editorial insertion.
        if start >= 0 and P.BRACKET_CREDIT.match(tail, start) and not P.QUOTED_BRACKET.search(tail):
            return True
    elif last.endswith(")") or last == ").":
        tail = text[-300:]
        start = tail.rfind("(")
        if start >= 0 and P.BARE_CREDIT.match(tail, start):
            return True
    if _has_bare_credit_hint(text[-120:]):
        return bool(P.BARE_CREDIT.search(text[-300:]))
    return text.startswith("FILE PHOTO:")


INTRO_HINTS = ("enter", "these ", "take a look", "below are", "developments", "key events", "key moments")


def maybe_intro(text: str) -> bool:
    """Cheap pre-test before the intro regex: an intro always contains one of these words."""
    head = text[:200]
    # Lowered as UTF-8 bytes: several times faster than str.lower() on non-ASCII text, and the same
    # for ASCII hints, except for the two characters whose lower case is ASCII ("İ", Kelvin sign).
    if "\u0130" in head or "\u212a" in head:
        low = head.lower().encode()
    else:
        low = head.encode().lower()
    # An `or` chain, not any() over INTRO_HINTS: this runs on every line, and a generator costs more
    # than the seven C-level `in` tests it drives.
    return (
        b"enter" in low or b"these " in low or b"take a look" in low or b"below are" in low
        or b"developments" in low or b"key events" in low or b"key moments" in low
    )  # fmt: skip


def heading_shaped(text: str) -> bool:
    """Short, capitalised, no sentence-final punctuation: the shape of an unmarked section heading."""
    if len(text) > 60 and not text[-1].isspace() and text[-1] != ":":
        return False  # nothing for strip_colon to take off, so too long (most lines: events)
    body = strip_colon(text)
    if not body or len(body) > 60 or more_words_than(body, HEADING_MAX_WORDS):
        return False
    if body[-1] in ".!?,;…\"”’'" or not (body[0].isupper() or body[0].isdigit()):
        return False
    return True


def title_like(text: str) -> bool:
    """Short, with a bulletin title's words ("List of key events", "day 981")."""
    return not more_words_than(text, 30) and P.has_title_words(text)


def similar(a: str, b: str) -> bool:
    """Two captions of the same photo share most of their longer words."""
    wa, wb = set(_WORD.findall(a.lower())), set(_WORD.findall(b.lower()))
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.4


#: How much of a page the spinner test reads (whole lines, up to the one that crosses this): a spinner
#: rewrites the whole article, so its first ~400 words show it as well as the rest (on the 981 sample,
#: its first 1,200 characters hold seven of its spinner phrases). Scanning every
#: phrase over a whole bulletin was a fifth of the parse; over a huge file it would cost several times
#: the file's size in memory (the text joined, encoded, lowered).
SPUN_SAMPLE_CHARS = 2500


def _sample(lines: list[Line]) -> str:
    """The lines the spinner test reads, joined."""
    size = 0
    for count, line in enumerate(lines, 1):
        size += len(line.text) + 1
        if size > SPUN_SAMPLE_CHARS:
            return "\n".join(line.text for line in lines[:count])
    return "\n".join(line.text for line in lines)


def spun(lines: list[Line], headings: list[str | None]) -> bool:
    """Synonym-spinner vocabulary ("Record of key occasions", "Preventing", "metropolis", "stated"…)."""
    text = _sample(lines)
    # The phrases are ASCII, so they are looked for in the UTF-8 bytes lowered by bytes.lower(), which
    # is ~10x faster than str.lower() on non-ASCII text and finds the same phrases: UTF-8 never puts an
    # ASCII byte inside another character, and only "İ" and the Kelvin sign lower to ASCII letters.
    if "İ" in text or "\u212a" in text:
        low = f" {text.lower()} ".encode()
    else:
        low = b" " + text.encode().lower() + b" "
    # Plain substring tests: one regex alternation over the whole text was the parser's slowest step.
    hits = set()
    gates: dict[bytes, bool] = {}
    for phrase in SPINNER_BYTES:
        gate = SPINNER_GATES.get(phrase)
        if gate is not None:  # a shorter string the phrase contains: absent, so is the phrase
            if gate not in gates:
                gates[gate] = gate in low
            if not gates[gate]:
                continue
        if phrase in low:
            hits.add(phrase)
    if any(h and h.lower().startswith(("preventing", "combating")) for h in headings):
        hits.add(b"preventing")
    # Real copy says "said"; spinners swap it for "stated" almost everywhere.
    stated = low.count(b" stated ")
    if stated >= 3 and stated * 200 > max(1, word_count(text)):
        hits.add(b"stated")
    return len(hits) >= 2


SPINNER_BYTES = tuple(phrase.encode("ascii") for phrase in P.SPINNER_PHRASES)
# Phrases that share a part: one scan of the part stands for two (each scan walks the whole page).
SPINNER_GATES = {
    b"right here is": b"right here ", b"right here are": b"right here ",
    b"japanese ukraine": b"japanese ", b"japanese donetsk": b"japanese ",
    b"the struggle enters": b"struggle enters",
}  # fmt: skip
