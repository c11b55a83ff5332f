"""The patterns and word lists `names.NameFinder` reads names with (see its docstring and docs/FACTS.md).

Kept apart from the finder so that the rules read as a list: a word or a pattern to add has an obvious
place. Every set of words named `_…_GATE` holds words without which a rule cannot apply; the finder tests
them against the event's set of words (`EventText.words`) before running the rule's pattern.
"""

from __future__ import annotations

import re

from warreader.facts.gazetteer import NameEntry
from warreader.facts.patterns import word_start

# A capitalised word ("Kharkiv", "Rostov-on-Don", "Ukraine's"), and the next word of a name after one:
# joined by a space or a hyphen, with "of"/"the"/"on"… allowed before it ("Ministry of Defence").
CAPITALISED = re.compile(r"[A-Z][\w'-]*")
NEXT_WORD = re.compile(
    r"(?:[ \t]+|[ \t]*-[ \t]*)((?:(?:of|the|on|for|and|de|von|der|na|upon)[ \t]+)*[A-Z0-9][\w'-]*)"
)
# As many next words as follow one another (`NEXT_WORD` repeated): where reading a name may go.
RUN = re.compile(rf"(?:{NEXT_WORD.pattern.replace('((?:', '(?:(?:', 1)})*")
UNKNOWN = object()
REGION_AFTER = re.compile(
    r"(?:'s)?\s+(?:(?P<plural>regions|oblasts|provinces)|region|oblast|province|krai|kray|governorate"
    r"|regional|governor|governor's|military\s+administration)\b"
)
REGION_BEFORE = re.compile(
    r"\b(?:region|regions|oblast|oblasts|province|provinces|areas)\s+of\s+(?:the\s+)?$"
)
# A place name inside a longer capitalised name is not that place ("Kreminna Balka" is not Kreminna,
# "Kyiv Independent" is a newspaper, "Maia Sandu" a person): unless the word next to it is one of these.
NEIGHBOUR_AFTER = frozenset(
    "governor governor's mayor mayor's oblast oblast's region region's regional province krai city military"
    " administration police prosecutor prosecutors council district raion".split()
)
NEIGHBOUR_BEFORE = frozenset(
    "president prime minister governor mayor eastern western northern southern central russian ukrainian"
    " occupied greater upper lower the in on at near from to and of for by with across outside inside"
    " around despite after before since while when as if but".split()
)
# "the Sea of Azov", "the Gulf of Finland": a body of water, not the town named after it.
WATER_BEFORE = re.compile(r"\b(?:sea|gulf|bay|lake|strait|straits)\s+of\s+$")
WATER_WORDS = ("sea of", "gulf of", "bay of", "lake of", "strait")
NEXT_CAPITAL = re.compile(r"[ \t]+([A-Z][\w'-]*)")
SENTENCE_BEFORE = re.compile(r"(?:^|[.!?:;\"(\[]\s*|\n\s*)$")
# "the village of Kreminna Balka in Ukraine's eastern Donetsk region": a settlement placed by the text
# itself, found whether the gazetteer knows it or not (see `_localities`).
LOCALITY = re.compile(
    rf"{word_start('village', 'town', 'city', 'settlement', 'hamlet', 'township')}\s+of\s+"
    r"(?P<name>[A-Z][\w'-]*(?:[ -][A-Z][\w'-]*){0,2})"
    r",?\s+(?:in|near)\s+(?:the\s+)?(?:(?:[a-z-]+|[A-Z][\w'-]*'s)\s+){0,4}?(?P<region>[A-Z][\w'-]*)"
    r"\s+(?:region|oblast|province)\b"
)
LOCALITY_WORDS = ("village of", "town of", "city of", "settlement of", "hamlet of", "township of")
# "Kyiv said", "Moscow accused", "Kyiv's allies": the capital standing for its government, not a place
# where anything happened.
CAPITALS = frozenset(("Kyiv", "Moscow"))
GOVERNMENT_AFTER = re.compile(
    r"(?:\s+(?:has\s+|had\s+|have\s+)?(?:said|says|say|accused|accuses|denied|denies|warned|warns|claimed|claims"
    r"|insisted|insists|urged|urges|demanded|demands|rejected|rejects|announced|announces|agreed|agrees|signed"
    r"|responded|responds|wants|hopes|believes|vowed|vows|asked|asks|called\s+on|calls\s+on|blamed|blames"
    r"|condemned|condemns|refused|refuses|confirmed|confirms|pressed|presses|sought|seeks|expects|expected)\b"
    r"|'s\s+(?:\w+\s+)?(?:forces|troops|allies|partners|government|officials|position|offensive"
    r"|counteroffensive|decision|plans?|request|demands|claims|refusal|response|move|war|invasion|backers"
    r"|delegation|envoy|ambassador|negotiators|soldiers|strikes|attacks|drones|missiles|accusations|stance)\b)"
)
# Words without which a rule cannot apply, tested against the event's set of words before any regex.
LOCALITY_GATE = frozenset(w.encode() for w in "village town city settlement hamlet township".split())
WATER_GATE = frozenset(w.encode() for w in "sea gulf bay lake strait straits".split())
REGION_AFTER_GATE = frozenset(
    w.encode()
    for w in (
        "regions oblasts provinces region oblast province krai kray governorate regional governor military"
    ).split()
)
REGION_BEFORE_GATE = frozenset(
    w.encode() for w in "region regions oblast oblasts province provinces areas".split()
)
#: Words remembered per finder before the memo starts afresh (a bound on memory, never reached by news).
MEMO_LIMIT = 200_000
_LIST_GAP = re.compile(r"(?:'s)?\s*(?:,\s*(?:and\s+)?|\s+and\s+|\s+or\s+)$")


def fold_word(word: str) -> str:
    """`gazetteer.fold` for words of normalised text (the hot path: mostly ASCII)."""
    if word.isascii():
        word = word.lower()
        if "'" in word or "-" in word or "." in word:
            word = " ".join(word.replace("'", "").replace("-", " ").replace(".", "").split())
        return word
    from warreader.facts.gazetteer import fold

    return fold(word)


_JOINERS = frozenset(("of", "the", "on", "for", "and", "de", "von", "der", "na", "upon"))
JOINERS_AFTER_SPACE = tuple(f" {j} " for j in _JOINERS)


def chunks(key: str) -> list[str]:
    """A folded spelling in the scanner's words: joiners go with the word after them."""
    chunks: list[str] = []
    pending = ""
    for word in key.split():
        if word in _JOINERS and chunks:
            pending += word + " "
        else:
            chunks.append(pending + word)
            pending = ""
    if pending:
        chunks[-1] += " " + pending.strip()
    return chunks


def joined(norm: str, left: tuple[int, int, NameEntry], right: tuple[int, int, NameEntry]) -> bool:
    """True when two names are neighbours in a list ("Kharkiv and Dnipro", "Lviv, Zhytomyr")."""
    gap = norm[left[1] : right[0]]
    return len(gap) <= 10 and _LIST_GAP.fullmatch(gap) is not None
