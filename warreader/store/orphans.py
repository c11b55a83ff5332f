"""Orphans and merged annotations: the part of `Library` that deals with notes whose event is missing.

Kept apart from library.py to keep files small; `Library` inherits these methods and supplies the
helpers they use (`_writing`, `_view`, `_raw_annotations`, `_public`, the TinyDB tables and indexes).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from warreader.errors import NotFoundError
from warreader.store import annotations as notes
from warreader.store.records import Annotation, EventRef, normalise_tag, now_iso

if TYPE_CHECKING:
    from warreader.store.transaction import Transaction


class OrphanMethods:
    """Mixin for `Library`: list, match, re-attach and merge annotations (see `Library`)."""

    def orphans(self) -> list[Annotation]:
        """Annotations whose event is in no stored bulletin (kept until re-attached)."""
        return [a for a in self.annotations() if a.orphan]

    def moved(self) -> list[Annotation]:
        """Annotations an import moved to another event by their closest quote, awaiting review: each
        keeps the event and quote it came from (`Annotation.moved`) until `accept_move` or `undo_move`."""
        return [a for a in self.annotations() if a.moved is not None]

    def accept_move(self, annotation_id: str, *, origin: str = "command") -> Annotation:
        """Keep a moved annotation where it is and forget where it came from."""
        with self._transaction(origin, f"accept the move of {annotation_id}") as tx:
            key, doc = self._moved_doc(tx, annotation_id)
            doc = {k: v for k, v in doc.items() if k != "moved"}
            doc["updated_at"] = now_iso()
            tx.put(key, doc)
        return self._public(doc)

    def undo_move(self, annotation_id: str, *, origin: str = "command") -> Annotation:
        """Put a moved annotation back on the event and quote it came from. That event is usually gone,
        so it becomes an orphan with its original quote; were the event there (or annotated) again, it
        attaches (or merges) there."""
        with self._transaction(origin, f"undo the move of {annotation_id}") as tx:
            key, doc = self._moved_doc(tx, annotation_id)
            origin_of = doc["moved"]
            back = {k: v for k, v in doc.items() if k != "moved"}
            back.update(
                event_id=origin_of["event_id"],
                quote=origin_of["quote"],
                heading=origin_of.get("heading"),
                theme=origin_of.get("theme"),
                updated_at=now_iso(),
            )
            other = tx.key_of_event(origin_of["event_id"])
            if other is None or other == key:
                tx.put(key, back)
                result = back
            else:
                result = dict(tx.doc(other))  # type: ignore[arg-type]
                notes.merge_into(result, back)
                tx.put(key, None)
                tx.put(other, result)
        return self._public(result)

    def _moved_doc(self, tx: Transaction, annotation_id: str) -> tuple[str, dict]:
        key = tx.key_of_id(annotation_id)
        if key is None:
            raise NotFoundError(f"No annotation with id {annotation_id} in the library {self.path}.")
        doc = tx.doc(key)
        if not isinstance(doc.get("moved"), dict):  # type: ignore[union-attr]
            raise NotFoundError(
                f"The annotation {annotation_id} was not moved by an import; nothing to accept or undo."
            )
        return key, dict(doc)  # type: ignore[arg-type]

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
            pool = self._day_local(lambda view: view.day_refs(day)) if day is not None else []
            from warreader.store.matching import best_matches  # rapidfuzz: only when asked

            found = best_matches(doc.get("quote", ""), [ref.text for ref in pool], limit)
            return [(pool[i], score) for i, score in found]

    def reattach(self, orphan_id: str, event_id: str, *, origin: str = "command") -> Annotation:
        """Anchor annotation `orphan_id` to `event_id`; merged into that event's annotation if it has one."""
        with self._transaction(origin, f"re-attach {orphan_id} to {event_id}") as tx:
            key = tx.key_of_id(orphan_id)
            if key is None:
                raise NotFoundError(f"No annotation with id {orphan_id} in the library {self.path}.")
            ref = self.locate(event_id)
            if ref is None:
                raise NotFoundError(f"No event with id {event_id} in the library {self.path}.")
            anchor = {
                "event_id": ref.id,
                "day": ref.day,
                "theme": ref.theme,
                "heading": ref.heading,
                "quote": ref.text,
                "updated_at": now_iso(),
            }
            other = tx.key_of_event(event_id)
            if other is None or other == key:
                doc = {k: v for k, v in tx.doc(key).items() if k != "moved"}  # type: ignore[union-attr]
                doc.update(anchor)  # the user's own choice now: no move left to review
                tx.put(key, doc)
            else:
                doc = dict(tx.doc(other), **anchor)  # type: ignore[arg-type]
                notes.merge_into(doc, tx.doc(key))  # type: ignore[arg-type]
                tx.put(key, None)
                tx.put(other, doc)
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
        origin: str = "import",
    ) -> Annotation | None:
        """Merge an annotation that comes with its own anchor (e.g. from a colleague's export).

        Tags and flags are united and a different note is appended, into the event's annotation if it
        has one. An event this library does not hold is no error: the annotation is kept as an orphan
        and attaches by itself when a bulletin holding `event_id` is imported. None if nothing to keep.
        """
        incoming = notes.new_doc(event_id, day, theme, heading, quote)
        notes.apply_edit(incoming, add_tags=[normalise_tag(t) for t in tags], add_flags=flags, note=note)
        with self._transaction(origin, f"merge a note on {event_id}") as tx:
            view = self._view()
            where = view.where(event_id)
            if where is not None:  # the stored bulletin's text and place win over the incoming anchor
                ref = view.ref(*where)
                incoming.update(day=ref.day, theme=ref.theme, heading=ref.heading, quote=ref.text)
            key = tx.key_of_event(event_id)
            if key is None:
                if notes.is_empty(incoming):
                    return None
                tx.put(None, incoming)
                return notes.to_annotation(incoming, orphan=where is None)
            current = tx.doc(key)
            doc = dict(current)  # type: ignore[arg-type]
            notes.merge_into(doc, incoming)
            if all(doc.get(k) == current.get(k) for k in ("tags", "flags", "note")):  # type: ignore[union-attr]
                return self._public(current)  # type: ignore[arg-type]
            tx.put(key, doc)
        return notes.to_annotation(doc, orphan=where is None)
