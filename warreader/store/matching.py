"""Fuzzy re-anchoring of annotations to the events of a re-imported bulletin.

The score is `rapidfuzz.fuzz.ratio` over `normalise_for_id` text (case, quotes, punctuation ignored).
Measured on four events of the bundled spun day-981 bulletin against hand-restored clean wording: the
same event scores 70–82 even after a synonym spinner rewrote it; different events of that day score at
most 43. Token-set and
WRatio scorers were rejected: they give 86+ to unrelated events that share a few words.
"""

from __future__ import annotations

from warreader.model import normalise_for_id

#: Minimum score (0–100) for a quote to be re-attached to an event automatically.
FUZZY_THRESHOLD = 60.0


def match_quotes(
    quotes: list[str], candidates: list[str], threshold: float = FUZZY_THRESHOLD
) -> dict[int, int]:
    """Map quote index → candidate index, best pairs first, each candidate used at most once."""
    if not quotes or not candidates:
        return {}
    from rapidfuzz import fuzz  # imported when needed: it is not used to read a library

    # A plain double loop: a day has tens of events and few notes, and `process.cdist` needs numpy.
    norm_quotes = [normalise_for_id(q) for q in quotes]
    norm_candidates = [normalise_for_id(c) for c in candidates]
    pairs = []
    for i, quote in enumerate(norm_quotes):
        for j, candidate in enumerate(norm_candidates):
            score = fuzz.ratio(quote, candidate, score_cutoff=threshold)
            if score:
                pairs.append((score, i, j))
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    chosen: dict[int, int] = {}
    used: set[int] = set()
    for _score, i, j in pairs:
        if i not in chosen and j not in used:
            chosen[i] = j
            used.add(j)
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
