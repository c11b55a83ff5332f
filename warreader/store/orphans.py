"""Orphans and merged annotations: the part of `Library` that deals with notes whose event is missing.

Kept apart from library.py to keep files small; `Library` inherits these methods and supplies the
helpers they use (`_writing`, `_view`, `_raw_annotations`, `_public`, the TinyDB tables and indexes).
"""

from __future__ import annotations

from collections.abc import Iterable

from tinydb.table import Document

from warreader.errors import NotFoundError
from warreader.store import annotations as notes
from warreader.store.matching import best_matches
from warreader.store.records import Annotation, EventRef, now_iso


class OrphanMethods:
    """Mixin for `Library`: list, match, re-attach and merge annotations (see `Library`)."""

    def orphans(self) -> list[Annotation]:
        """Annotations whose event is in no stored bulletin (kept until re-attached)."""
        return [a for a in self.annotations() if a.orphan]

    def moved(self) -> list[Annotation]:
        """Annotations an import moved to another event by their closest quote, awaiting review: each
        keeps the event and quote it came from (`Annotation.moved`) until `accept_move` or `undo_move`."""
        return [a for a in self.annotations() if a.moved is not None]

    def accept_move(self, annotation_id: str) -> Annotation:
        """Keep a moved annotation where it is and forget where it came from."""
        with self._writing():
            key, doc = self._moved_doc(annotation_id)
            doc = {k: v for k, v in doc.items() if k != "moved"}
            doc["updated_at"] = now_iso()
            self._put_annotation(key, doc)  # a replacement: TinyDB's `update` cannot drop a field
            return self._public(doc)

    def undo_move(self, annotation_id: str) -> Annotation:
        """Put a moved annotation back on the event and quote it came from. That event is usually gone,
        so it becomes an orphan with its original quote; were the event there (or annotated) again, it
        attaches (or merges) there."""
        with self._writing():
            key, doc = self._moved_doc(annotation_id)
            origin = doc["moved"]
            back = {k: v for k, v in doc.items() if k != "moved"}
            back.update(
                event_id=origin["event_id"],
                quote=origin["quote"],
                heading=origin.get("heading"),
                theme=origin.get("theme"),
                updated_at=now_iso(),
            )
            other = self._by_event.get(origin["event_id"])
            if other is None or other == key:
                self._put_annotation(key, back)
                return self._public(back)
            merged = dict(self._raw_annotations()[other])
            notes.merge_into(merged, back)
            with self._astore.batch():
                self._put_annotation(other, merged)
                self._put_annotation(key, None)
            return self._public(merged)

    def _moved_doc(self, annotation_id: str) -> tuple[str, dict]:
        table = self._raw_annotations()
        key = self._by_id.get(annotation_id)
        if key is None:
            raise NotFoundError(f"No annotation with id {annotation_id} in the library {self.path}.")
        if not isinstance(table[key].get("moved"), dict):
            raise NotFoundError(
                f"The annotation {annotation_id} was not moved by an import; nothing to accept or undo."
            )
        return key, dict(table[key])

    def candidates(self, orphan_id: str, limit: int = 3) -> list[tuple[EventRef, float]]:
        """The events of the orphan's day closest to its quote, best first. None when the library lacks
        that day: the fix is then to import its bulletin (scoring all 45,000 events would take seconds
        per orphan and propose unrelated days)."""
        with self._lock:
            table = self._raw_annotations()
            key = self._by_id.get(orphan_id)
            if key is None:
                raise NotFoundError(f"No annotation with id {orphan_id} in the library {self.path}.")
            doc = table[key]
            day = doc.get("day")
            view = self._view()
            pool = view.day_refs(day) if day is not None else []
            found = best_matches(doc.get("quote", ""), [ref.text for ref in pool], limit)
            return [(pool[i], score) for i, score in found]

    def reattach(self, orphan_id: str, event_id: str) -> Annotation:
        """Anchor annotation `orphan_id` to `event_id`; merged into that event's annotation if it has one."""
        with self._writing():
            table = self._raw_annotations()
            key = self._by_id.get(orphan_id)
            if key is None:
                raise NotFoundError(f"No annotation with id {orphan_id} in the library {self.path}.")
            where = self._view().where(event_id)
            if where is None:
                raise NotFoundError(f"No event with id {event_id} in the library {self.path}.")
            ref = self._view().ref(*where)
            anchor = {
                "event_id": ref.id,
                "day": ref.day,
                "theme": ref.theme,
                "heading": ref.heading,
                "quote": ref.text,
                "updated_at": now_iso(),
            }
            other = self._by_event.get(event_id)
            if other is None or other == key:
                doc = {k: v for k, v in table[key].items() if k != "moved"}  # the user's own choice now
                doc.update(anchor)
                self._put_annotation(key, doc)
            else:
                doc = dict(table[other], **anchor)
                notes.merge_into(doc, table[key])
                with self._astore.batch():
                    self._atable.update(doc, doc_ids=[int(other)])
                    self._atable.remove(doc_ids=[int(key)])
            return notes.to_annotation(doc, orphan=False)

    def merge_annotation(
        self,
        event_id: str,
        *,
        day: int | None,
        quote: str,
        theme: str | None = None,
        heading: str | None = None,
        tags: Iterable[str] = (),
        flags: Iterable[str] = (),
        note: str = "",
    ) -> Annotation | None:
        """Merge an annotation that comes with its own anchor (e.g. from a colleague's export).

        Tags and flags are united and a different note is appended, into the event's annotation if it
        has one. An event this library does not hold is no error: the annotation is kept as an orphan
        and attaches by itself when a bulletin holding `event_id` is imported. None if nothing to keep.
        """
        incoming = notes.new_doc(event_id, day, theme, heading, quote)
        notes.apply_edit(incoming, add_tags=tags, add_flags=flags, note=note)
        with self._writing():
            view, table = self._view(), self._raw_annotations()
            where = view.where(event_id)
            if where is not None:  # the stored bulletin's text and place win over the incoming anchor
                ref = view.ref(*where)
                incoming.update(day=ref.day, theme=ref.theme, heading=ref.heading, quote=ref.text)
            key = self._by_event.get(event_id)
            if key is None:
                if notes.is_empty(incoming):
                    return None
                self._atable.insert(Document(incoming, doc_id=next_key(table)))
                return notes.to_annotation(incoming, orphan=where is None)
            doc = dict(table[key])
            notes.merge_into(doc, incoming)
            if all(doc.get(k) == table[key].get(k) for k in ("tags", "flags", "note")):
                return self._public(table[key])  # already there: write nothing
            self._atable.update(doc, doc_ids=[int(key)])
            return notes.to_annotation(doc, orphan=where is None)


def next_key(table: dict[str, dict]) -> int:
    """A fresh TinyDB key computed from the re-read table (TinyDB's own counter is per process)."""
    return max(map(int, table), default=0) + 1
