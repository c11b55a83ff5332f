"""Re-anchoring an annotation by its quote when its event id is gone from a re-imported day.

A note may only follow its quote to another event when that event is clearly the same one. Three tests,
all required:

1. **Close enough**: `rapidfuzz.fuzz.ratio` over `normalise_for_id` text (case, quotes, punctuation
   ignored) of at least `FUZZY_THRESHOLD`. Measured on the bundled spun day-981 bulletin against
   hand-restored clean wording: the same event scores 70–82 even after a synonym spinner rewrote it;
   different events of that day score at most 43. (Token-set and WRatio scorers were rejected: they give
   86+ to unrelated events that share a few words.)
2. **Clearly ahead** of the runner-up among that day's events, by `MARGIN` points: two similar events
   ("drones hit Kyiv…", "drones hit Odesa…") make the choice a guess.
3. **Same facts**: the same numbers (digits and number words) and no name swapped for another. Two
   reports of one template ("Russian drones hit Kyiv overnight, killing two") score 90+ while being
   different events; what tells them apart is exactly a place name or a number. A name is a capitalised
   word that does not start a sentence; a swap is a name on each side that the other lacks (a copy that
   merely drops or adds a name, "(AFP)" say, is not a swap). Place-name spellings are folded first
   (Kiev = Kyiv).

Anything less leaves the annotation an orphan with its original quote: a wrong move is worse than a
visible orphan, which `warreader orphans` lists with its closest events.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from warreader.model import normalise_for_id

#: Minimum score (0–100) for a quote to be re-attached to an event automatically.
FUZZY_THRESHOLD = 60.0
#: How far (in score points) the best event must lead the second best.
MARGIN = 10.0

_NUMBER_WORDS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty thirty forty fifty sixty seventy eighty ninety hundred "
    "thousand million billion dozen dozens hundreds thousands millions"
).split()
_NUMBER = re.compile(
    r"\d[\d,.]*\d|\d|\b(?:" + "|".join(_NUMBER_WORDS) + r")\b",
    re.IGNORECASE,
)
# A capitalised word, and what may stand before a sentence's first word.
_WORD = re.compile(r"[^\W\d_][\w’'-]*")
_POSSESSIVE = re.compile(r"[’']s?$")
_SENTENCE_GAP = re.compile(r"(?:^|[.!?:;]\s*[\"“”‘’'(\[]*|[\"“(\[]\s*)$")


@dataclass(frozen=True, slots=True)
class QuoteMatch:
    """Where a quote may go: the event index, its score, and the runner-up's score."""

    index: int
    score: float
    runner_up: float


def numbers(text: str) -> Counter[str]:
    """The numbers a text states, as written without separators ("1,000" = "1000"), words lower-cased."""
    return Counter(m.group().lower().replace(",", "").rstrip(".") for m in _NUMBER.finditer(text))


def names(text: str) -> set[str]:
    """Capitalised words that do not start a sentence, place spellings folded (see the module doc)."""
    from warreader.search import canonical_place  # imported when needed: search is not needed to read

    found = set()
    for match in _WORD.finditer(text):
        word = match.group()
        if word[0].isupper() and not _SENTENCE_GAP.search(text, 0, match.start()):
            found.add(canonical_place(_POSSESSIVE.sub("", word)))
    return found


def same_facts(quote: str, candidate: str) -> bool:
    """False when the two texts differ in a number or swap a name for another (see the module doc)."""
    if numbers(quote) != numbers(candidate):
        return False
    mine, theirs = names(quote), names(candidate)
    return not (mine - theirs and theirs - mine)


def closest(quote: str, candidates: list[str]) -> QuoteMatch | None:
    """The candidate `quote` clearly is (all three tests of the module doc), or None."""
    if not candidates:
        return None
    from rapidfuzz import fuzz  # imported when needed: it is not used to read a library

    norm = normalise_for_id(quote)
    scores = sorted(
        ((fuzz.ratio(norm, normalise_for_id(c)), j) for j, c in enumerate(candidates)), reverse=True
    )
    best, index = scores[0]
    runner_up = scores[1][0] if len(scores) > 1 else 0.0
    if best < FUZZY_THRESHOLD or best - runner_up < MARGIN:
        return None
    if not same_facts(quote, candidates[index]):
        return None
    return QuoteMatch(index, float(best), float(runner_up))


def match_quotes(quotes: list[str], candidates: list[str]) -> dict[int, QuoteMatch]:
    """Quote index → its clear match; best pairs first, each candidate used at most once. A quote whose
    clear match another quote took with a higher score stays unmatched (its second best is no clear
    match)."""
    found = [(m, i) for i, q in enumerate(quotes) if (m := closest(q, candidates)) is not None]
    found.sort(key=lambda pair: (-pair[0].score, pair[1]))
    chosen: dict[int, QuoteMatch] = {}
    used: set[int] = set()
    for match, i in found:
        if match.index not in used:
            chosen[i] = match
            used.add(match.index)
    return chosen


def best_matches(
    quote: str, candidates: list[str], limit: int = 3, cutoff: float = 30.0
) -> list[tuple[int, float]]:
    """The `limit` closest candidates to `quote` as (index, score), best first (for `warreader orphans`)."""
    from rapidfuzz import fuzz, process

    found = process.extract(
        normalise_for_id(quote),
        [normalise_for_id(c) for c in candidates],
        scorer=fuzz.ratio,
        limit=limit,
        score_cutoff=cutoff,
    )
    return [(index, float(score)) for _text, score, index in found]
