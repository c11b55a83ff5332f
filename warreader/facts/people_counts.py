"""People counted without a numeral, as ACLED's coders count them: "a woman and her child were killed"
(2), "a civilian died" (1), "a driver and paramedic were killed" (2), "a woman and her two children" (3).

Patterns and counting only; `figures.py` decides, from the words around a list, what happened to it.
"""

from __future__ import annotations

import re

from warreader.facts import vocabulary as v
from warreader.facts.numbers import amount
from warreader.facts.patterns import word_start

SINGULAR_PEOPLE = frozenset(
    w.encode() for w in re.sub(r"\\s\+", " ", v.PERSON_NOUN_SINGULAR).replace("|", " ").split()
) | frozenset((b"second", b"third", b"fourth", b"fifth", b"sixth"))

# People counted without a numeral: "a woman and her child", "a 54-year-old woman and a 57-year-old man".
_DET = r"(?:a|an|one|another|the|his|her|their)"
_AGE = r"(?:\d{1,3}|[a-z]+(?:-[a-z]+)?)[\s-]+(?:year|month|week|day)s?[\s-]+old"
_ITEM = rf"(?:{_AGE}\s+)?(?:(?:{v.PERSON_ADJECTIVES})\s+){{0,2}}(?:{v.PERSON_NOUN_SINGULAR})\b"
_SMALL = r"(?:two|three|four|five|six|seven|eight|nine|ten|\d{1,2})"
# The determiner written so that the regex engine can skip to it (`word_start`): `\b{_DET}`.
_DET_AT = word_start("a", "an", "one", "another", "the", "his", "her", "their")
PERSON_LIST = re.compile(
    rf"{_DET_AT}\s+(?:{_ITEM}|(?:second|third|fourth|fifth|sixth)\b(?!\s+of))"
    rf"(?:(?:\s*,\s*(?:and\s+)?|\s+and\s+)(?:{_DET}\s+)?(?:{_ITEM}|{_SMALL}\s+(?:{v.PEOPLE_NOUN})\b))*"
)
_LIST_SEPARATOR = re.compile(r"\s*,\s*(?:and\s+)?|\s+and\s+")
_LEADING_COUNT = re.compile(rf"^(?:{_DET}\s+)?({_SMALL})\s")
LIST_VERBS = ("killed", "wounded", "evacuated")


def list_unit(words: str) -> str:
    nouns = [w for w in words.replace(",", " ").split() if w in _PERSON_WORDS]
    if nouns and all(n in _SOLDIER_WORDS for n in nouns):
        return "soldiers"
    if nouns and all(n in _CIVILIAN_WORDS for n in nouns):
        return "civilians"
    return "people"


def _word_set(*alternations: str) -> frozenset[str]:
    """The one-word nouns of regex alternations of the vocabulary."""
    return frozenset(w for a in alternations for w in a.split("|") if w.isalpha())


_SOLDIER_WORDS = _word_set(v.SOLDIERS_PLURAL, v.SOLDIERS_SINGULAR)
_CIVILIAN_WORDS = _word_set(v.CIVILIANS_PLURAL, v.CIVILIANS_SINGULAR)
_PERSON_WORDS = _word_set(v.PEOPLE_NOUN, v.PERSON_NOUN_SINGULAR)


def count_list(words: str) -> int:
    """People in "a woman and her two children" (3): one per item, or the item's own number."""
    total = 0
    for item in _LIST_SEPARATOR.split(words):
        item = item.strip()
        if not item:
            continue
        match = _LEADING_COUNT.match(item + " ")
        total += (amount(match.group(1)) or 1) if match else 1
    return total
