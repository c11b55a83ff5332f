"""Merging many incoming annotations at once (a colleague's export): pure, one pass, no I/O.

`Library.merge_notes` calls `merge_tables` under the writer lock on the tables it has just re-read, then
writes the result once. Everything is planned on that fresh state, so an `annotate` that landed a moment
before is merged with, never overwritten. The work is linear in the library's and the file's size: each
record costs a dict lookup, and the table is copied once, not once per record.

Records apply one after the other on the working state, so two records for the same event merge like two
colleagues' notes (the second's differing note kept under the marker, below the first's), whether or not
the library holds that event.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from warreader.store import annotations as notes
from warreader.store.merging import merged_note, new_labels
from warreader.store.records import EventRef, normalise_tag, now_iso


@dataclass(frozen=True, slots=True)
class IncomingNote:
    """One annotation to merge, with its own anchor (used when the library lacks the event)."""

    event_id: str
    day: int
    theme: str | None
    heading: str | None
    quote: str
    tags: tuple[str, ...] = ()
    flags: tuple[str, ...] = ()
    note: str | None = None


@dataclass(frozen=True, slots=True)
class IncomingDayNote:
    day: int
    note: str


@dataclass(slots=True)
class MergeResult:
    """What a merge did, counted per record: each is merged, kept as an orphan, or unchanged."""

    merged: int = 0  # records that added a tag, flag or note to an event the library holds
    orphaned: int = 0  # records that added to an annotation whose event the library lacks (kept)
    unchanged: int = 0  # records the library already held in full
    days_merged: int = 0
    days_pending: int = 0  # day notes for days the library lacks (kept; shown once the day arrives)
    days_unchanged: int = 0
    pending_days: list[int] = field(default_factory=list)  # the days of those orphans and notes, newest first

    @property
    def changed(self) -> bool:
        return bool(self.merged or self.orphaned or self.days_merged or self.days_pending)


@dataclass(slots=True)
class MergedTables:
    annotations: dict[str, dict]
    day_notes: dict[str, dict]
    result: MergeResult
    changed_keys: list[str] = field(default_factory=list)  # annotation keys added or changed
    changed_days: list[int] = field(default_factory=list)  # day notes added or changed


def merge_tables(
    annotations: dict[str, dict],
    day_notes: dict[str, dict],
    locate: Callable[[str], EventRef | None],
    stored_days: set[int],
    events: Sequence[IncomingNote],
    days: Sequence[IncomingDayNote],
    marker: str,
) -> MergedTables:
    """The tables after merging `events` and `days` into them (the inputs are left untouched)."""
    result = MergeResult()
    table = dict(annotations)  # one shallow copy; a document is copied when first changed
    copied: set[str] = set()
    by_event = {doc.get("event_id"): key for key, doc in table.items()}
    next_key = max(map(int, table), default=0) + 1
    pending: set[int] = set()
    for record in events:
        key = by_event.get(record.event_id)
        ref = locate(record.event_id)
        if key is None:
            doc = _new_doc(record, ref)
        else:
            doc = table[key] if key in copied else dict(table[key])
        tags = new_labels(doc.get("tags", []), [normalise_tag(t) for t in record.tags])
        flags = new_labels(doc.get("flags", []), record.flags)
        note = merged_note(doc.get("note", ""), record.note, marker)
        if not (tags or flags or note is not None):
            result.unchanged += 1
            continue
        doc["tags"] = [*doc.get("tags", []), *tags]
        doc["flags"] = [*doc.get("flags", []), *flags]
        if note is not None:
            doc["note"] = note
        doc["updated_at"] = now_iso()
        if key is None:
            key = str(next_key)
            next_key += 1
            by_event[record.event_id] = key
        table[key] = doc
        copied.add(key)
        if ref is None:
            result.orphaned += 1
            pending.add(record.day)
        else:
            result.merged += 1
    notes_table = dict(day_notes)
    changed_days: list[int] = []
    for day_record in days:
        key = str(day_record.day)
        existing = notes_table.get(key)
        note = merged_note(existing.get("note", "") if existing else None, day_record.note, marker)
        if note is None:
            result.days_unchanged += 1
            continue
        notes_table[key] = {"day": day_record.day, "note": note, "updated_at": now_iso()}
        changed_days.append(day_record.day)
        if existing is None and day_record.day not in stored_days:
            result.days_pending += 1
            pending.add(day_record.day)
        else:
            result.days_merged += 1
    result.pending_days = sorted(pending, reverse=True)
    return MergedTables(table, notes_table, result, list(copied), changed_days)


def _new_doc(record: IncomingNote, ref: EventRef | None) -> dict:
    """A fresh annotation: anchored on the stored event when there is one (its text and place win over
    the file's), else on the record's own anchor, as an orphan that attaches when its bulletin comes."""
    if ref is not None:
        return notes.new_doc(record.event_id, ref.day, ref.theme, ref.heading, ref.text)
    return notes.new_doc(record.event_id, record.day, record.theme, record.heading, record.quote)
