"""Sentences of an event, for the two rules that look beyond an amount's own words: parts of a figure
already counted in the same sentence, and cumulative totals ("since 2022", "to date", "brings the total
to") that mark every figure of their sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right

CUMULATIVE_WORDS = frozenset(
    w.encode() for w in "since date far during throughout course total bring brings bringing brought".split()
)

# A word before the counted noun ("Iran-made", "U.S.-made", "long-range"); never across a full stop.
CUMULATIVE = re.compile(
    r"\bsince\s+(?:the\s+(?:start|beginning|outbreak|launch|onset)\b|the\s+(?:full[- ]scale\s+)?"
    r"(?:invasion|war|conflict)\b|(?:russia|moscow)'s\s+(?:full[- ]scale\s+)?invasion"
    r"|(?:early\s+|late\s+|mid-?)?"
    r"(?:january|february|march|april|may|june|july|august|september|october|november|december|(?:19|20)\d\d)\b"
    r"|(?:russia|moscow|the\s+kremlin|it|the\s+war|the\s+invasion|the\s+offensive|the\s+incursion|kyiv|ukraine)"
    r"\s+(?:began|launched|invaded|started)|(?:russia|moscow)\s+\w+\s+(?:began|launched|invaded|started)"
    r"|last\s+(?:year|month|summer|winter|spring|autumn|fall)|then\b)"
    r"|\bso\s+far\s+(?:this\s+(?:year|month)|in\s+the\s+war)|\bto\s+date\b"
    r"|\b(?:during|throughout|over\s+the\s+course\s+of)\s+(?:the|russia's|moscow's)\s+(?:full[- ]scale\s+)?"
    r"(?:war|invasion|conflict)\b"
    r"|\b(?:bring|brings|bringing|brought)\s+(?:the|its|their)\s+(?:[\w-]+\s+){0,4}?total\b"
    r"|\btotal\s+(?:[\w-]+\s+){0,3}?(?:since|to\s+date|so\s+far)\b"
)
_SENTENCE_END = re.compile(r"[.!?][\"')\]]*\s+(?=[A-Z\"'(\d])")


def sentence_bounds(norm: str) -> list[int]:
    """Where each sentence but the last ends (a full stop, ! or ? and a capital or digit after)."""
    return [m.end() for m in _SENTENCE_END.finditer(norm)]


def sentence_of(bounds: list[int], offset: int) -> int:
    return bisect_right(bounds, offset)


def is_cumulative(norm: str, bounds: list[int], sentence: int) -> bool:
    """True when the sentence says its figures are totals over a period ("since 2022")."""
    start = bounds[sentence - 1] if sentence > 0 else 0
    end = bounds[sentence] if sentence < len(bounds) else len(norm)
    return CUMULATIVE.search(norm, start, end) is not None
