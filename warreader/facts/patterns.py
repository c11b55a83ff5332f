"""Regex helpers that keep a pattern's meaning and make it cheaper to scan a text with.

Python's regex engine jumps straight to the next possible start of a match only when a pattern begins
with a literal or a character set; a pattern beginning with `\\b` (or an optional group) is tried at every
position of the text. `word_start` writes `\\b(?:village|town|…)` so that it begins with the set of its
first letters: the same matches, a fraction of the tries (tests/facts/test_speed_rules.py holds both
forms to the same matches).
"""

from __future__ import annotations


def word_start(*alternatives: str) -> str:
    """`\\b(?:ALT1|ALT2|…)` as a pattern beginning with a character set: each alternative is a regex
    fragment whose first character is a lower-case ASCII letter, written as is (`"aged?"`, `"town"`).

    The first letter is matched by the set, then checked against the word boundary and the alternative
    by lookbehinds; the alternatives keep their order, so the engine prefers the same one."""
    firsts = "".join(sorted({a[0] for a in alternatives}))
    if not all(a[:1].isascii() and a[:1].islower() for a in alternatives):
        raise ValueError(f"every alternative must begin with a lower-case letter: {alternatives!r}")
    branches = "|".join(f"(?<={a[0]})(?:{a[1:]})" for a in alternatives)
    return rf"[{firsts}](?<=\b[{firsts}])(?:{branches})"
