"""Where an imported copy goes in its day: an update of a source already stored, another copy of a
bulletin the day holds, or a new bulletin beside them. Pure functions over schema-2 day documents.

"Copy or other bulletin" is decided from the events themselves, never from file names: a copy shares at
least half of its events (or of the bulletin's, whichever has fewer) with one of the bulletin's copies.
Two events are shared when their ids are equal (the same normalised text) or their texts score at least
`SHARED_SCORE` (rapidfuzz `ratio` on normalised text): a spun copy's events score 70–82 against the
original's, a different outlet's summary of the same day mostly under 50, so a copy of the Guardian's
bulletin joins the Guardian's, and Al Jazeera's list stays a bulletin of its own.
"""

from __future__ import annotations

from dataclasses import dataclass

from warreader.model import normalise_for_id
from warreader.store import day_docs

#: The parts of a copy that make two versions of it "the same": the source, import time and parser
#: warnings are left out (the same text from another file, or imported again, is not a change).
CONTENT_KEYS = ("title", "date", "sections")
SHARED_SCORE = 60.0
SHARED_SHARE = 0.5


def same_content(a: dict, b: dict) -> bool:
    return all(a.get(k) == b.get(k) for k in CONTENT_KEYS)


@dataclass(frozen=True, slots=True)
class Placement:
    """What became of one imported copy."""

    outcome: str  # "new bulletin", "new copy", "updated", "unchanged"
    bulletin: int  # index of its bulletin in the day
    outlet: str | None
    shrunk_from: int | None = None  # an updated copy with fewer than half its former events: how many


def shared_events(a: dict, b: dict) -> int:
    """How many events of copy `a` have a counterpart in copy `b` (each counterpart used once)."""
    from rapidfuzz import fuzz  # only an import that meets an existing day needs it

    theirs = day_docs.events_of(b)
    their_ids = {e["id"] for e in theirs}
    left = [normalise_for_id(e["text"]) for e in theirs]
    shared = 0
    for event in day_docs.events_of(a):
        if event["id"] in their_ids:
            shared += 1
            continue
        mine = normalise_for_id(event["text"])
        best, best_j = 0.0, -1
        for j, text in enumerate(left):
            score = fuzz.ratio(mine, text, score_cutoff=SHARED_SCORE)
            if score > best:
                best, best_j = score, j
        if best_j >= 0:
            shared += 1
            del left[best_j]
    return shared


def is_copy_of(copy: dict, bulletin: dict) -> bool:
    """True when `copy` shares enough events with any copy of `bulletin` (see the module doc)."""
    mine = day_docs.event_count(copy)
    for other in bulletin["copies"]:
        fewest = min(mine, day_docs.event_count(other))
        if fewest and shared_events(copy, other) >= max(1.0, SHARED_SHARE * fewest):
            return True
    return False


def place(day_doc: dict, copy: dict) -> Placement:
    """Put `copy` into `day_doc` (changed in place: the caller passes its own working copy)."""
    bulletins: list[dict] = day_doc["bulletins"]
    keys = day_docs.source_keys(copy)
    for bi, bulletin in enumerate(bulletins):
        for ci, existing in enumerate(bulletin["copies"]):
            if not day_docs.source_keys(existing) & keys:
                continue
            if same_content(existing, copy):
                return Placement("unchanged", bi, bulletin.get("outlet"))
            before = day_docs.event_count(existing)
            copies = list(bulletin["copies"])
            copies[ci] = copy
            bulletins[bi] = day_docs.settle(dict(bulletin, copies=copies))
            shrunk = before if day_docs.event_count(copy) * 2 < before else None
            return Placement("updated", bi, bulletins[bi]["outlet"], shrunk)
    for bi, bulletin in enumerate(bulletins):
        if is_copy_of(copy, bulletin):
            bulletins[bi] = day_docs.settle(dict(bulletin, copies=[*bulletin["copies"], copy]))
            return Placement("new copy", bi, bulletins[bi]["outlet"])
    bulletins.append(day_docs.new_bulletin(copy))
    return Placement("new bulletin", len(bulletins) - 1, bulletins[-1]["outlet"])
