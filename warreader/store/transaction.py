"""One change to the annotations and day notes, made on the fresh tables under the writer lock.

`Library._transaction(origin, label)` yields a `Transaction` over the tables it has just re-read; the
library's methods read and change documents through it; at the end the library writes the new tables and
the change's history record (`warreader.store.history`) in one durable write, or nothing when nothing
changed. Tables are copied on the first change only, and the library's by-event and by-id indexes are
read through an overlay of what this transaction changed, then patched once the write has landed: a
change costs one copy of the table, not one per document.
"""

from __future__ import annotations

from warreader.store import history


class Transaction:
    """The working state of one change; see the module doc."""

    def __init__(self, tables: dict, by_event: dict[str, str], by_id: dict[str, str]) -> None:
        self._tables = tables
        self._annotations: dict[str, dict] = tables.get("annotations", {})
        self._day_notes: dict[str, dict] = tables.get("day_notes", {})
        self._annotations_copied = False
        self._day_notes_copied = False
        self._by_event = by_event
        self._by_id = by_id
        self._event_overlay: dict[str, str | None] = {}
        self._id_overlay: dict[str, str | None] = {}
        self._next_key: int | None = None
        #: annotation key → its document before this transaction (None: it did not exist)
        self._before: dict[str, dict | None] = {}
        self._days_before: dict[str, dict | None] = {}
        #: The history record's id once written (None: nothing changed, or not finished yet).
        self.change_id: str | None = None
        #: Folded tag → the library's spelling, for the edits of this transaction (filled on first use).
        self.spellings: dict[str, str] | None = None

    # -- reading ---------------------------------------------------------------------------------------

    def key_of_event(self, event_id: str) -> str | None:
        if event_id in self._event_overlay:
            return self._event_overlay[event_id]
        return self._by_event.get(event_id)

    def key_of_id(self, annotation_id: str) -> str | None:
        if annotation_id in self._id_overlay:
            return self._id_overlay[annotation_id]
        return self._by_id.get(annotation_id)

    def doc(self, key: str | None) -> dict | None:
        """The annotation under `key` as this transaction sees it (treat as read-only: `put` a copy)."""
        return None if key is None else self._annotations.get(key)

    def annotation_docs(self) -> dict[str, dict]:
        """Every annotation as this transaction sees it (read-only)."""
        return self._annotations

    def day_note(self, day: int) -> dict | None:
        return self._day_notes.get(str(day))

    # -- changing -------------------------------------------------------------------------------------

    def new_key(self) -> str:
        if self._next_key is None:
            self._next_key = max(map(int, self._annotations), default=0) + 1
        key = self._next_key
        self._next_key += 1
        return str(key)

    def put(self, key: str | None, doc: dict | None) -> str | None:
        """Store `doc` under `key` (None: a new key), or with `doc=None` delete `key`; returns the key."""
        if key is None:
            if doc is None:
                return None
            key = self.new_key()
        if not self._annotations_copied:
            self._annotations = dict(self._annotations)
            self._annotations_copied = True
        old = self._annotations.get(key)
        self._before.setdefault(key, old)
        if old is not None:
            for overlay, index, name in (
                (self._event_overlay, self._by_event, "event_id"),
                (self._id_overlay, self._by_id, "id"),
            ):
                value = old.get(name)
                if (overlay[value] if value in overlay else index.get(value)) == key:
                    overlay[value] = None
        if doc is None:
            self._annotations.pop(key, None)
        else:
            self._annotations[key] = doc  # an update keeps its place in the file, as with TinyDB
            self._event_overlay[doc.get("event_id")] = key
            self._id_overlay[doc.get("id")] = key
        return key

    def put_day_note(self, day: int, doc: dict | None) -> None:
        key = str(day)
        if not self._day_notes_copied:
            self._day_notes = dict(self._day_notes)
            self._day_notes_copied = True
        self._days_before.setdefault(key, self._day_notes.get(key))
        if doc is None:
            self._day_notes.pop(key, None)
        else:
            self._day_notes[key] = doc

    # -- finishing ------------------------------------------------------------------------------------

    def items(self) -> list[dict]:
        """The history items of what changed, annotations first, each once."""
        found = []
        for key, before in self._before.items():
            item = history.annotation_item(before, self._annotations.get(key))
            if item is not None:
                found.append(item)
        for key, before in self._days_before.items():
            item = history.day_note_item(int(key), before, self._day_notes.get(key))
            if item is not None:
                found.append(item)
        return found

    def new_tables(self, record: dict) -> dict:
        """The tables to write: this transaction's annotations and day notes, `record` added to the
        history (pruned)."""
        old_history = self._tables.get("history", {})
        key = str(max(map(int, old_history), default=0) + 1)
        new_history = history.prune({**old_history, key: record})
        return {
            **self._tables,
            "annotations": self._annotations,
            "day_notes": self._day_notes,
            "history": new_history,
        }

    def patch_indexes(self) -> None:
        """Bring the library's indexes in step with the written tables."""
        for overlay, index in ((self._event_overlay, self._by_event), (self._id_overlay, self._by_id)):
            for value, key in overlay.items():
                if key is None:
                    index.pop(value, None)  # its document is gone, or no longer has this value
                else:
                    index[value] = key
