"""The part of `Library` that reads and changes annotations and day notes, with their history and undo.

Every change goes through `_transaction(origin, label)`: the writer lock, the tables re-read fresh, the
change made on them, then one durable write of the tables and the change's history record (see
`warreader.store.transaction` and `warreader.store.history`). `Library` inherits these methods and
supplies `_writing`, `_view`, `_raw_annotations`, `_public`, `_astore` and the by-event/by-id indexes.
"""

from __future__ import annotations

import contextlib
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from typing import TYPE_CHECKING

from warreader.errors import InputError, NotFoundError, WarreaderError
from warreader.store import annotations as notes
from warreader.store.records import (
    Annotation,
    DayNote,
    EventRef,
    SavedView,
    TagStat,
    label_key,
    normalise_tag,
    now_iso,
)

if TYPE_CHECKING:
    from warreader.store.bulk_merge import IncomingDayNote, IncomingNote, MergeResult
    from warreader.store.history import Change
    from warreader.store.transaction import Transaction

# history, transaction and bulk_merge are imported where used: a command that only reads (search, show)
# should not pay for defining what only writes need.


class UndoError(WarreaderError):
    """An undo that would overwrite a newer change, or names no change: nothing was written."""

    exit_code = 5


class AnnotationMethods:
    """Mixin for `Library`: annotations, day notes, tags, history and undo (see the module doc)."""

    # -- the one way to change notes -----------------------------------------------------------------

    @contextlib.contextmanager
    def _transaction(self, origin: str, label: str, undoes: str | None = None) -> Iterator[Transaction]:
        """A change on fresh tables under the writer lock, written with its history record at the end."""
        from warreader.store import history
        from warreader.store.transaction import Transaction

        if origin not in history.ORIGINS:
            raise ValueError(f"origin must be one of {history.ORIGINS}, not {origin!r}")
        with self._writing():
            self._raw_annotations()  # the by-event and by-id indexes follow the fresh table
            tables = self._astore.read()
            tx = Transaction(tables, self._by_event, self._by_id)
            yield tx
            items = tx.items()
            if not items:
                tx.change_id = None
                return
            record = history.record(origin, label, items, undoes)
            new = tx.new_tables(record)
            if undoes is not None:
                _mark_undone(new["history"], undoes, record["id"])
            self._astore.write(new)  # on failure the storage drops its cache: nothing half-applied stays
            tx.patch_indexes()
            self._agen = self._astore.generation
            tx.change_id = record["id"]

    # -- reading -------------------------------------------------------------------------------------

    def annotation(self, event_id: str) -> Annotation | None:
        """The annotation on this event, or None."""
        with self._lock:
            table = self._raw_annotations()
            key = self._by_event.get(event_id)
            return None if key is None else self._public(table[key])

    def annotations(self) -> list[Annotation]:
        """Every annotation (orphans included), newest day first, then in creation order."""
        with self._lock:
            docs = self._raw_annotations().values()
            found = [self._public(doc) for doc in docs]
            return sorted(found, key=lambda a: (-(a.day or 0), a.created_at, a.id))

    def day_note(self, day: int) -> DayNote | None:
        with self._lock:
            doc = self._astore.read().get("day_notes", {}).get(str(day))
            return None if doc is None else notes.to_day_note(day, doc)

    def day_notes(self) -> list[DayNote]:
        """Every day note, newest day first."""
        with self._lock:
            table = self._astore.read().get("day_notes", {})
            return [notes.to_day_note(int(day), doc) for day, doc in sorted(table.items(), key=_newest)]

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first (then alphabetically), in the case first typed."""
        return [stat.tag for stat in self.tag_stats()]

    def tag_stats(self) -> list[TagStat]:
        """Every tag in use with how many events carry it and when it was last used, most used first."""
        with self._lock:
            counts: Counter[str] = Counter()
            shown: dict[str, str] = {}
            last: dict[str, str] = {}
            for doc in self._raw_annotations().values():
                for tag in doc.get("tags", []):
                    key = label_key(tag)
                    shown.setdefault(key, tag)
                    counts[key] += 1
                    last[key] = max(last.get(key, ""), doc.get("updated_at", ""))
            order = sorted(counts, key=lambda k: (-counts[k], k))
            return [TagStat(shown[k], counts[k], last[k]) for k in order]

    # -- changing one event or day -------------------------------------------------------------------

    def annotate(
        self,
        event_id: str,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        note: str | None = None,
        add_flags: Iterable[str] = (),
        remove_flags: Iterable[str] = (),
        note_base: str | None = None,
        append_note: str | None = None,
        origin: str = "command",
    ) -> Annotation | None:
        """Change the tags, flags or note of one event; returns once durable (None: nothing is left).

        `note=None` leaves the note alone, `""` clears it; `append_note` adds a paragraph below it. Tags
        follow one rule (`normalise_tag`), and a tag the library already has keeps its first spelling.
        NotFoundError for an unknown event id (an orphan's event id is accepted: its annotation can still
        be edited). `origin` is who asks: "reader", "command" or "import" (recorded in the history).

        `note_base` is the note as the caller read it before the user edited it (an editor passes it; a
        plain replacement does not). When the stored note differs from it, another process changed the
        note meanwhile: both texts are kept (the stored one, then this one under a marker line), and the
        returned annotation's note then differs from `note`, which is how the caller can tell the user.
        """
        label = _edit_label(add_tags, remove_tags, add_flags, remove_flags, note, append_note)
        with self._transaction(origin, label) as tx:
            found = self._edit(
                tx,
                event_id,
                add_tags=add_tags,
                remove_tags=remove_tags,
                note=note,
                add_flags=add_flags,
                remove_flags=remove_flags,
                note_base=note_base,
                append_note=append_note,
                origin=origin,
            )
        return found

    def annotate_many(
        self,
        event_ids: Sequence[str],
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        add_flags: Iterable[str] = (),
        remove_flags: Iterable[str] = (),
        origin: str = "command",
    ) -> tuple[int, str | None]:
        """The same tag/flag change on many events at once: one lock, one write, one history record
        (undone in one step). Returns (events changed, the change's id or None)."""
        add_tags, remove_tags = list(add_tags), list(remove_tags)
        add_flags, remove_flags = list(add_flags), list(remove_flags)
        label = _edit_label(add_tags, remove_tags, add_flags, remove_flags, None, None)
        label = f"{label} on {len(event_ids)} events"
        changed = 0
        with self._transaction(origin, label) as tx:
            for event_id in dict.fromkeys(event_ids):
                before = tx.doc(tx.key_of_event(event_id))
                self._edit(
                    tx,
                    event_id,
                    add_tags=add_tags,
                    remove_tags=remove_tags,
                    add_flags=add_flags,
                    remove_flags=remove_flags,
                    origin=origin,
                )
                changed += tx.doc(tx.key_of_event(event_id)) is not before
        return changed, tx.change_id

    def _edit(self, tx: Transaction, event_id: str, **changes) -> Annotation | None:
        """One event's edit inside a transaction (see `annotate`)."""
        ref = self.locate(event_id)
        where = None if ref is None else ref
        key = tx.key_of_event(event_id)
        if key is None and where is None:
            raise NotFoundError(f"No event with id {event_id} in the library {self.path}.")
        if key is None:
            doc = notes.new_doc(event_id, ref.day, ref.theme, ref.heading, ref.text)  # type: ignore[union-attr]
        else:
            doc = dict(tx.doc(key))  # type: ignore[arg-type]
        spellings = self._tag_spellings(tx)
        tags = [normalise_tag(t) for t in changes.get("add_tags", ())]
        changes["add_tags"] = [spellings.setdefault(label_key(t), t) for t in tags if t]
        if len(changes["add_tags"]) < len(tags):
            raise InputError("A tag cannot be empty.")
        if not notes.apply_edit(doc, **changes):
            return None if key is None else self._public(doc)
        if notes.is_empty(doc):
            tx.put(key, None)
            return None
        tx.put(key, doc)
        return notes.to_annotation(doc, orphan=where is None)

    def _tag_spellings(self, tx: Transaction) -> dict[str, str]:
        """Folded tag → the spelling the library first used (once per transaction)."""
        if tx.spellings is None:
            tx.spellings = {}
            for doc in sorted(tx.annotation_docs().values(), key=lambda d: d.get("created_at", "")):
                for tag in doc.get("tags", []):
                    tx.spellings.setdefault(label_key(tag), tag)
        return tx.spellings

    def set_day_note(
        self,
        day: int,
        text: str,
        *,
        allow_missing_day: bool = False,
        base: str | None = None,
        origin: str = "command",
    ) -> DayNote | None:
        """Set (or with blank text, delete) the note on a whole day; returns once durable.

        `allow_missing_day` keeps a note for a day the library does not hold yet (merged from an export):
        day notes are keyed by day number, so it shows as soon as that day's bulletin is imported.
        `base` and `origin`: as `note_base` and `origin` of `annotate` (a note changed elsewhere since the
        caller read it is kept beside the new text)."""
        with self._transaction(origin, f"day note of day {day}") as tx:
            existing = tx.day_note(day)
            if existing is None and not allow_missing_day and not self._has_day(day):
                raise NotFoundError(f"Day {day} is not in the library {self.path}.")
            stored = "" if existing is None else str(existing.get("note", ""))
            text = notes.resolve_note(stored, text, base, notes.marker_origin(origin))
            if not text.strip():
                tx.put_day_note(day, None)
                return None
            if existing is not None and existing.get("note") == text:
                return notes.to_day_note(day, existing)
            doc = {"day": day, "note": text, "updated_at": now_iso()}
            tx.put_day_note(day, doc)
            return notes.to_day_note(day, doc)

    # -- tags as a whole -----------------------------------------------------------------------------

    def rename_tag(self, old: str, new: str, *, origin: str = "command") -> int:
        """Rename a tag on every event (merging into `new` where an event has both); the number of events
        changed. One write, one history record. NotFoundError when no event has `old`."""
        old_key, new_tag = label_key(normalise_tag(old)), normalise_tag(new)
        if not new_tag:
            raise InputError("A tag cannot be empty.")
        changed = 0
        with self._transaction(origin, f"rename tag #{normalise_tag(old)} to #{new_tag}") as tx:
            spelling = self._tag_spellings(tx).get(label_key(new_tag))
            if spelling is not None and label_key(new_tag) != old_key:
                new_tag = spelling  # merging into an existing tag keeps its spelling
            for key, doc in list(tx.annotation_docs().items()):
                tags = doc.get("tags", [])
                if not any(label_key(t) == old_key for t in tags):
                    continue
                renamed = notes.add_labels([t for t in tags if label_key(t) != old_key], [new_tag])
                if label_key(new_tag) == old_key:  # a change of case or form only
                    renamed = [new_tag if label_key(t) == old_key else t for t in tags]
                tx.put(key, dict(doc, tags=renamed, updated_at=now_iso()))
                changed += 1
            if not changed:
                raise NotFoundError(f"No event carries the tag {normalise_tag(old)!r}.")
        return changed

    def remove_tag(self, tag: str, *, origin: str = "command") -> int:
        """Remove a tag from every event (an annotation left empty is deleted); the number of events."""
        key_of = label_key(normalise_tag(tag))
        changed = 0
        with self._transaction(origin, f"remove tag #{normalise_tag(tag)}") as tx:
            for key, doc in list(tx.annotation_docs().items()):
                tags = doc.get("tags", [])
                if any(label_key(t) == key_of for t in tags):
                    kept = dict(doc, tags=[t for t in tags if label_key(t) != key_of], updated_at=now_iso())
                    tx.put(key, None if notes.is_empty(kept) else kept)
                    changed += 1
            if not changed:
                raise NotFoundError(f"No event carries the tag {normalise_tag(tag)!r}.")
        return changed

    # -- a colleague's file --------------------------------------------------------------------------

    def merge_notes(
        self, events: Sequence[IncomingNote], days: Sequence[IncomingDayNote], marker: str
    ) -> MergeResult:
        """Merge many annotations and day notes (a colleague's export) in one read-modify-write under the
        lock, on the library as it is on disk at that moment, and one durable write (none when nothing
        changes), recorded as one change of origin "import". Rules: `warreader.store.bulk_merge`; linear
        in the sizes of the library and the input."""
        from warreader.store.bulk_merge import merge_tables

        with self._transaction("import", f"import notes ({marker.strip('- ')})") as tx:
            view = self._view()

            def locate(event_id: str) -> EventRef | None:
                where = view.where(event_id)
                return None if where is None else view.ref(*where)

            merged = merge_tables(
                tx.annotation_docs(),
                {k: v for k, v in self._astore.read().get("day_notes", {}).items()},
                locate,
                {int(day) for day in view.raw},
                events,
                days,
                marker,
            )
            for key in merged.changed_keys:
                tx.put(key, merged.annotations[key])
            for day in merged.changed_days:
                tx.put_day_note(day, merged.day_notes[str(day)])
        return merged.result

    # -- saved views ---------------------------------------------------------------------------------

    def views(self) -> list[SavedView]:
        """The saved views, in the order they were saved."""
        with self._lock:
            table = self._astore.read().get("views", {})
            return [_view(doc) for _key, doc in sorted(table.items(), key=lambda kv: int(kv[0]))]

    def save_view(self, name: str, query: str) -> SavedView:
        """Save `query` under `name` (replacing a view of that name, whatever its case). The query is
        checked first: a query that cannot be read is a QueryError and nothing is saved."""
        from warreader.query import parse

        name = " ".join(name.split())
        if not name:
            raise InputError("A view needs a name.")
        if parse(query).empty:
            raise InputError("A view needs a query (see `warreader search --help`).")
        doc = {"name": name, "query": query.strip(), "created_at": now_iso()}
        with self._writing():
            tables = self._astore.read()
            table = dict(tables.get("views", {}))
            key = next((k for k, d in table.items() if d.get("name", "").casefold() == name.casefold()), None)
            table[key or str(max(map(int, table), default=0) + 1)] = doc
            self._astore.write({**tables, "views": table})
        return _view(doc)

    def remove_view(self, name: str) -> None:
        """Remove the view `name`; NotFoundError when there is none."""
        with self._writing():
            tables = self._astore.read()
            table = dict(tables.get("views", {}))
            key = next((k for k, d in table.items() if d.get("name", "").casefold() == name.casefold()), None)
            if key is None:
                raise NotFoundError(f"No saved view named {name!r} (`warreader views list` shows them).")
            del table[key]
            self._astore.write({**tables, "views": table})

    # -- history and undo ----------------------------------------------------------------------------

    def history(self, event_id: str | None = None, limit: int | None = None) -> list[Change]:
        """Recorded changes, newest first; with `event_id`, those that touched that event."""
        from warreader.store import history

        with self._lock:
            table = self._astore.read().get("history", {})
            found = []
            for key in sorted(table, key=int, reverse=True):
                doc = table[key]
                if event_id is not None and not any(
                    item.get("event_id") == event_id for item in doc.get("items", [])
                ):
                    continue
                found.append(history.to_change(doc))
                if limit is not None and len(found) >= limit:
                    break
            return found

    def undo(self, change_id: str | None = None, *, origin: str = "command") -> Change:
        """Undo the change `change_id`, or the last change made from `origin` that is not undone yet (an
        undo is itself a change, so undoing it redoes). Refused (UndoError, nothing written) when a newer
        change altered what this one changed."""
        from warreader.store.history import UndoRefused

        with self._writing():
            table = self._astore.read().get("history", {})
            target = self._undo_target(table, change_id, origin)
            label = target["label"]
            label = f"redo: {label.removeprefix('undo: ')}" if target.get("undoes") else f"undo: {label}"
            with self._transaction(origin, label, undoes=target["id"]) as tx:
                try:
                    self._revert(tx, target, table)
                except UndoRefused as refused:
                    raise UndoError(str(refused)) from None
            return next(c for c in self.history(limit=1))

    def redo(self, *, origin: str = "command") -> Change:
        """Undo the last undo made from `origin` (that is not itself undone)."""
        with self._writing():
            table = self._astore.read().get("history", {})
            by_id = {doc.get("id"): doc for doc in table.values()}
            for key in sorted(table, key=int, reverse=True):
                doc = table[key]
                if doc.get("origin") != origin or doc.get("undone_by"):
                    continue
                if _chain_depth(doc, by_id) % 2 == 1:
                    return self.undo(doc["id"], origin=origin)
            raise UndoError("Nothing to redo: no undo made here is still in effect.")

    def _undo_target(self, table: dict[str, dict], change_id: str | None, origin: str) -> dict:
        if change_id is not None:
            for doc in table.values():
                if doc.get("id") == change_id:
                    if doc.get("undone_by"):
                        raise UndoError(f"The change {change_id} was already undone by {doc['undone_by']}.")
                    return doc
            from warreader.store import history

            raise UndoError(
                f"No change {change_id} in the history of {self.path} (it keeps the last "
                f"{history.KEEP_CHANGES:,} changes; `warreader history` lists them)."
            )
        by_id = {doc.get("id"): doc for doc in table.values()}
        for key in sorted(table, key=int, reverse=True):
            doc = table[key]
            if doc.get("origin") != origin or doc.get("undone_by"):
                continue
            # An undo is skipped (undo again goes further back); a redo — an undo of an undo, two steps
            # down the chain — is a change like any other.
            if _chain_depth(doc, by_id) % 2 == 0:
                return doc
        where = {"reader": "in the reader", "command": "from the command line", "import": "by an import"}
        raise UndoError(f"Nothing to undo: no change made {where[origin]} is left in the history.")

    def _revert(self, tx: Transaction, change: dict, table: dict[str, dict]) -> None:
        from warreader.store import history
        from warreader.store.history import UndoRefused

        for item in change["items"]:
            if item["kind"] == "annotation":
                key = tx.key_of_id(item["id"])
                current = tx.doc(key)
                if not history.holds(current, item["after"], whole=history.is_whole(item)):
                    raise UndoRefused(_refusal(change, item, table))
                if item["before"] is None:
                    tx.put(key, None)
                    continue
                if key is None and tx.key_of_event(item["before"].get("event_id", "")) is not None:
                    raise UndoRefused(_refusal(change, item, table))
                tx.put(key, history.reverted(current, item))
            else:
                current = tx.day_note(item["day"])
                if not history.holds(current, item["after"], whole=history.is_whole(item)):
                    raise UndoRefused(_refusal(change, item, table))
                tx.put_day_note(item["day"], history.reverted(current, item))


def _chain_depth(doc: dict, by_id: dict) -> int:
    """0 for a change, 1 for its undo, 2 for the redo (the undo of that undo)…"""
    depth = 0
    while doc.get("undoes") and depth < 10_000:
        depth += 1
        doc = by_id.get(doc["undoes"], {})
    return depth


def _view(doc: dict) -> SavedView:
    return SavedView(str(doc.get("name", "")), str(doc.get("query", "")), str(doc.get("created_at", "")))


def _mark_undone(table: dict[str, dict], undone: str, by: str) -> None:
    for key, doc in table.items():
        if doc.get("id") == undone:
            table[key] = dict(doc, undone_by=by)
            return


def _refusal(change: dict, item: dict, table: dict[str, dict]) -> str:
    """Why an item cannot be undone: the newer change that touched the same event or day."""
    target = item.get("event_id") if item["kind"] == "annotation" else item.get("day")
    newer = None
    for key in sorted(table, key=int, reverse=True):
        doc = table[key]
        if doc["id"] == change["id"]:
            break
        if any(
            (i.get("event_id") if i["kind"] == "annotation" else i.get("day")) == target
            for i in doc.get("items", [])
        ):
            newer = doc
            break
    what = f"event {target}" if item["kind"] == "annotation" else f"the note of day {target}"
    if newer is None:
        return (
            f"Cannot undo {change['id']} ({change['label']}): {what} was changed since, by a change no "
            "longer in the history. Nothing was changed."
        )
    return (
        f"Cannot undo {change['id']} ({change['label']}): {what} was changed since by {newer['id']} "
        f"({newer['label']}, {newer['origin']}, {newer['at']}). Undo that one first, or edit by hand. "
        "Nothing was changed."
    )


def _newest(item: tuple[str, dict]) -> int:
    return -int(item[0])


def _edit_label(add_tags, remove_tags, add_flags, remove_flags, note, append_note) -> str:
    """A short description of an edit for the history: `tag +drones −kyiv, flag +verify, note`."""
    parts = []
    add_tags, remove_tags = [normalise_tag(t) for t in add_tags], [normalise_tag(t) for t in remove_tags]
    for name, plus, minus in (("tag", add_tags, remove_tags), ("flag", add_flags, remove_flags)):
        signs = [f"+{x}" for x in plus] + [f"−{x}" for x in minus]
        if signs:
            parts.append(f"{name} {' '.join(signs)}")
    if note is not None:
        parts.append("note" if note else "note cleared")
    if append_note:
        parts.append("note appended")
    return ", ".join(parts) or "no change"
