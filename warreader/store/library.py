"""`Library`: the one object the CLI, the TUI and export use to read and write a user's library.

Reads come from caches (see `CachedJSONStorage`); Bulletin objects are built per day on demand so opening
a 1,500-day library only parses the JSON. With `open(…, defer_bulletins=True)` not even that: the day list
and the newest day come from summary.json (see `warreader.store.summary`) until `load_bulletins()` or the
first read that needs more parses bulletins.json. Every write takes, in order, the in-process RLock (Textual
workers are threads), then the cross-process file lock, re-reads whatever another process changed, applies
the change to that fresh state, and returns once it is durable on disk.
"""

from __future__ import annotations

import contextlib
import time
from collections import Counter
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from threading import RLock

from tinydb import TinyDB
from tinydb.table import Document

from warreader.errors import InputError, LibraryError, NotFoundError
from warreader.model import Bulletin, bulletin_from_doc
from warreader.store import annotations as notes
from warreader.store import layout
from warreader.store import summary as day_summary
from warreader.store.orphans import OrphanMethods, next_key
from warreader.store.records import (
    Annotation,
    DayNote,
    DaySummary,
    EventRef,
    ImportReport,
    label_key,
    now_iso,
)
from warreader.store.storage import CachedJSONStorage, gc_paused, head_rev
from warreader.store.views import BulletinView

Progress = Callable[[int, int | None], None]

#: How long a writer waits for another warreader process to finish its write.
LOCK_TIMEOUT = 30.0


class Library(OrphanMethods):
    """A library folder (see `warreader.store.layout`). Thread-safe; safe with other processes."""

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        """Use `Library.open`; this only wires the parts together and reads nothing."""
        self.path = Path(path)
        self._lock = RLock()
        self._lock_timeout = lock_timeout
        self._file_lock = None  # created on the first write: importing filelock costs ~30 ms at start-up
        self._swept = False
        self._bdb = TinyDB(self.path / layout.BULLETINS, storage=CachedJSONStorage)
        self._adb = TinyDB(self.path / layout.ANNOTATIONS, storage=CachedJSONStorage)
        self._bstore: CachedJSONStorage = self._bdb.storage  # type: ignore[assignment]
        self._astore: CachedJSONStorage = self._adb.storage  # type: ignore[assignment]
        # cache_size=0: TinyDB's query cache would not notice another process's writes.
        self._btable = self._bdb.table("bulletins", cache_size=0)
        self._atable = self._adb.table("annotations", cache_size=0)
        self._ntable = self._adb.table("day_notes", cache_size=0)
        self._bgen = -1  # bulletin-storage generation the derived caches below belong to
        self._agen = -1
        # Deferred mode: the summary answering for bulletins.json until it is parsed (None: parsed).
        self._summary: day_summary.Summary | None = None
        self._newest: Bulletin | None = None  # built from the summary's document
        self._summary_due = False  # summary.json missing or stale: `load_bulletins` rewrites it
        self._bstore.on_flush = self._write_summary
        self._clear_caches()

    # -- opening, locking, refreshing -----------------------------------------------------------------

    @classmethod
    def open(
        cls,
        path: Path,
        *,
        seed_samples: bool = True,
        lock_timeout: float = LOCK_TIMEOUT,
        defer_bulletins: bool = False,
    ) -> Library:
        """Open (creating or migrating if needed) the library folder at `path`.

        A new or empty library is filled with the bundled sample bulletins when `seed_samples` is True.
        Raises LibraryError (nothing changed on disk) for a corrupt file or a newer schema.

        `defer_bulletins`: when summary.json matches bulletins.json, answer `days()` and the newest day's
        `bulletin()` from it and parse bulletins.json only in `load_bulletins()` or the first call that
        needs more (see `loaded`); otherwise this silently loads in full as without it. A bulletins.json
        whose head is intact but whose body is damaged then raises LibraryError only at that load.
        """
        path = Path(path).expanduser()
        if path.exists() and not path.is_dir():
            raise LibraryError(f"The library path {path} is a file, not a library folder.")
        library = cls(path, lock_timeout=lock_timeout)
        if layout.needs_setup(path):
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(f"Cannot create the library folder {path} ({error.strerror}).") from None
            with library._writing():
                layout.prepare(path)
        with library._lock, gc_paused():
            library._astore.read()
            if defer_bulletins:
                if not library._bstore.loaded:  # setting up or migrating above has read it already
                    library._summary = library._matching_summary()
                library._summary_due = library._summary is None
            if library._summary is None:
                library._bstore.read()
        if seed_samples and not library._has_bulletins():
            library._seed()
        return library

    def _matching_summary(self) -> day_summary.Summary | None:
        """summary.json if it was derived from bulletins.json as it is on disk now, else None."""
        rev = head_rev(self.path / layout.BULLETINS)
        found = day_summary.read(self.path / layout.SUMMARY) if rev else None
        return found if found is not None and found.rev == rev else None

    @property
    def loaded(self) -> bool:
        """True once bulletins.json is parsed (always, unless opened with `defer_bulletins`)."""
        return self._summary is None

    def load_bulletins(self) -> bool:
        """Parse bulletins.json now if opening deferred it; True when this call did. Thread-safe: meant for a
        worker thread after the first frame. Rewrites summary.json afterwards if it was missing or stale."""
        with self._lock:
            loaded = self._load_deferred()
            due, self._summary_due = self._summary_due, False
            rev = self._bstore.rev
            if not (due and rev):
                return loaded
            view = self._view()
            rows = view.summaries()
        # Outside the lock: the fsyncs need not hold up the UI thread. No file lock either: should another
        # writer win the race, the `_rev`s differ and the next deferred open merely loads in full.
        self._try_write_summary(rev, rows, view)
        return loaded

    def _load_deferred(self) -> bool:
        """The full load replacing the summary (under the lock); True when it was still to do."""
        with self._lock:
            summary = self._summary
            if summary is None:
                return False
            with gc_paused():
                self._bstore.read()  # on LibraryError stay deferred: the next call tries again
            self._summary, newest, self._newest = None, self._newest, None
            if self._bstore.rev != summary.rev:
                self._summary_due = True  # changed since open, and its writer's summary was not current
            elif newest is not None:
                self._view().adopt_bulletin(newest.day, newest)  # the very document it was built from
            return True

    def _has_bulletins(self) -> bool:
        return bool(self._summary.rows) if self._summary is not None else bool(self._raw_bulletins())

    def _write_summary(self) -> None:
        """`on_flush` of bulletins.json: derive summary.json from what was just written (writer lock held)."""
        rev = self._bstore.rev
        if rev is not None:
            view = self._view()
            if self._try_write_summary(rev, view.summaries(), view):
                self._summary_due = False

    def _try_write_summary(self, rev: str, rows: list[tuple], view: BulletinView) -> bool:
        newest = view.raw.get(str(rows[0][0])) if rows else None
        try:
            day_summary.write(self.path / layout.SUMMARY, rev, rows, newest)
        except OSError:
            return False  # only a derived cache: the next deferred open sees the stale `_rev`, loads in full
        return True

    def close(self) -> None:
        """Release the caches. Every write is already on disk, so there is nothing to flush."""
        with self._lock:
            self._bdb.close()
            self._adb.close()
            self._clear_caches()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Thread lock, then process lock, then re-read what others changed: the only way to write."""
        import filelock

        with self._lock:
            if self._file_lock is None:
                # thread_local=False: the RLock above already serialises threads; the file lock only has
                # to keep other processes out, and must stay re-entrant across nested writes.
                self._file_lock = filelock.FileLock(
                    self.path / layout.LOCK, timeout=self._lock_timeout, thread_local=False
                )
            try:
                self._file_lock.acquire()
            except filelock.Timeout:
                raise LibraryError(
                    f"The library {self.path} is busy: another warreader process has held its lock "
                    f"({self.path / layout.LOCK}) for over {self._lock_timeout:.0f} s. Try again."
                ) from None
            except OSError as error:
                raise LibraryError(f"Cannot lock the library {self.path} ({error.strerror}).") from None
            try:
                if not self._swept:
                    # Temp files of a writer killed mid-write; safe now: nobody else writes while we hold
                    # the lock, and once per Library is enough.
                    layout.remove_stale_temp_files(self.path)
                    self._swept = True
                self._refresh()
                yield
            finally:
                self._file_lock.release()

    def reload_if_changed(self) -> bool:
        """Pick up another process's writes (a stat and a 96-byte read per file); True when anything did."""
        with self._lock:
            return self._refresh()

    def _refresh(self) -> bool:
        if self._summary is not None:
            # Deferred: compare `_rev`s only; `refresh` would parse the file it has not read yet.
            changed = head_rev(self.path / layout.BULLETINS) != self._summary.rev
            bulletins = changed and self._load_deferred()
        else:
            bulletins = self._bstore.refresh()
        notes_changed = self._astore.refresh()
        return bulletins or notes_changed

    def _clear_caches(self) -> None:
        self._view_cache: BulletinView | None = None
        self._by_event: dict[str, str] = {}
        self._by_id: dict[str, str] = {}

    def _view(self) -> BulletinView:
        """The lookups for the bulletins as currently loaded (a new view whenever the file changed).

        The choke point of deferred mode: anything that needs more than the summary loads here."""
        if self._summary is not None:
            self._load_deferred()
        if self._view_cache is None or self._bstore.generation != self._bgen:
            self._view_cache = BulletinView(self._bstore.read().get("bulletins", {}))
            self._bgen = self._bstore.generation
        return self._view_cache

    def _raw_bulletins(self) -> dict[str, dict]:
        """str(day) → stored document."""
        return self._view().raw

    def _raw_annotations(self) -> dict[str, dict]:
        """TinyDB key → stored annotation, with the by-event and by-id indexes kept in step."""
        table = self._astore.read().get("annotations", {})
        if self._astore.generation != self._agen:
            self._by_event = {doc.get("event_id"): key for key, doc in table.items()}
            self._by_id = {doc.get("id"): key for key, doc in table.items()}
            self._agen = self._astore.generation
        return table

    def _seed(self) -> None:
        """Fill an empty library with the bundled samples (the parser is imported only when needed)."""
        from warreader.parsing import parse_path
        from warreader.resources import sample_bulletins

        parsed = []
        for sample in sample_bulletins():
            with contextlib.suppress(InputError):  # a broken sample must not stop warreader from starting
                parsed.extend(parse_path(sample))
        with self._writing():
            if not self._raw_bulletins():
                self.import_bulletins(parsed)

    # -- bulletins -----------------------------------------------------------------------------------

    def days(self) -> list[DaySummary]:
        """Every stored day, newest first, with its annotation counts (orphaned annotations not counted).

        Deferred (see `loaded`), a day's events are not known yet, so an annotation counts for its day when
        its event id has that day's prefix: ids are made so (`981-3fa9c01b2e`). This is exact except for an
        orphan that kept such an id, counted until the full load."""
        with self._lock:
            if self._summary is not None:
                rows, holds = self._summary.rows, _id_has_day_prefix
            else:
                view = self._view()
                rows = view.summaries()

                def holds(day: int, event_id: object) -> bool:
                    return event_id in view.ids_of_day(day)

            annotated: Counter[int] = Counter()
            flagged: Counter[int] = Counter()
            for doc in self._raw_annotations().values():
                day = doc.get("day")
                if day is not None and holds(day, doc.get("event_id")):
                    annotated[day] += 1
                    if doc.get("flags"):
                        flagged[day] += 1
            return [DaySummary(*row, annotated[row[0]], flagged[row[0]]) for row in rows]

    def bulletin(self, day: int) -> Bulletin | None:
        """The stored bulletin of `day` (shared and cached: treat it as read-only), or None."""
        with self._lock:
            summary = self._summary
            if summary is not None and summary.newest is not None and day == summary.newest_day:
                if self._newest is None:
                    self._newest = bulletin_from_doc(summary.newest)
                return self._newest
            return self._view().bulletin(day)

    def locate(self, event_id: str) -> EventRef | None:
        """Where the event with this id is stored, or None."""
        with self._lock:
            view = self._view()
            where = view.where(event_id)
            return None if where is None else view.ref(*where)

    def theme_events(self, theme: str) -> list[EventRef]:
        """A storyline: every event of one theme key, oldest day first, in reading order."""
        with self._lock:
            return self._view().theme_refs(theme)

    def prepare_search(self, words: bool = False) -> None:
        """Build the search index now (e.g. in a worker thread after start-up) instead of on first use;
        `words` adds its word index, which finds rare words without a scan (see `warreader.word_index`).

        It runs on the current (immutable) snapshot *outside* the library lock, so other threads' reads and
        writes are not held up; a `search` meanwhile waits for this build rather than starting its own
        (but not for the word index: until that is complete, searches scan)."""
        with self._lock:
            view = self._view()
        index = view.search_index()
        if words:
            # Short pauses let another thread (the UI's) take the interpreter while this builds.
            index.index_words(pause=_yield_to_other_threads)

    def search(self, query: str, limit: int | None = None) -> list[EventRef]:
        """Events matching every word of `query` (case/accent-insensitive, place aliases), newest first."""
        with self._lock:
            view = self._view()
        # Outside the lock, like `prepare_search`: the view is an immutable snapshot.
        return view.search(query, limit)

    def import_bulletins(
        self, bulletins: Iterable[Bulletin], progress: Progress | None = None
    ) -> ImportReport:
        """Store bulletins (replacing changed days, re-attaching their annotations); one write per file.

        `progress(done, total)` is called after each bulletin (total is None for an iterator).
        """
        # Imported here: reading a library never needs the import planner.
        from warreader.store.importer import plan_import, reanchor_day

        with self._writing():
            plan = plan_import(self._raw_bulletins(), bulletins, progress)
            if plan.docs:
                replaced = [day for day in plan.docs if str(day) in self._raw_bulletins()]
                with self._bstore.batch():
                    if replaced:
                        self._btable.remove(doc_ids=replaced)
                    self._btable.insert_multiple(Document(d, doc_id=day) for day, d in plan.docs.items())
            # The bulletins are durable now. Re-anchoring follows; should it fail, the notes of those days
            # are still on disk and show up as orphans until re-attached.
            table = self._raw_annotations()
            by_day: dict[int, list[str]] = {}
            for key, doc in table.items():
                by_day.setdefault(doc.get("day"), []).append(key)
            updates: dict[str, dict] = {}
            for day, doc in sorted(plan.docs.items()):
                keys = set(by_day.get(day, []))
                keys.update(k for e in _event_ids(doc) if (k := self._by_event.get(e)) is not None)
                updates.update(reanchor_day(day, doc, {k: table[k] for k in keys}, plan.report))
            for day, doc in sorted(plan.unchanged.items()):
                ids = set(_event_ids(doc))
                lost = {k: table[k] for k in by_day.get(day, []) if table[k].get("event_id") not in ids}
                if lost:
                    updates.update(reanchor_day(day, doc, lost, plan.report))
            if updates:
                # remove + insert_multiple: two passes over the table in all, where one `update` per
                # annotation would rebuild the whole table each time.
                with self._astore.batch():
                    self._atable.remove(doc_ids=[int(key) for key in updates])
                    self._atable.insert_multiple(Document(d, doc_id=int(k)) for k, d in updates.items())
            return plan.report

    # -- annotations ---------------------------------------------------------------------------------

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

    def _public(self, doc: dict) -> Annotation:
        return notes.to_annotation(doc, orphan=self._view().where(doc.get("event_id", "")) is None)

    def annotate(
        self,
        event_id: str,
        *,
        add_tags: Iterable[str] = (),
        remove_tags: Iterable[str] = (),
        note: str | None = None,
        add_flags: Iterable[str] = (),
        remove_flags: Iterable[str] = (),
    ) -> Annotation | None:
        """Change the tags, flags or note of one event; returns once durable (None: nothing is left).

        `note=None` leaves the note alone, `""` clears it. NotFoundError for an unknown event id (an
        orphan's event id is accepted: its annotation can still be edited).
        """
        with self._writing():
            where = self._view().where(event_id)
            table = self._raw_annotations()
            key = self._by_event.get(event_id)
            if key is None and where is None:
                raise NotFoundError(f"No event with id {event_id} in the library {self.path}.")
            if key is None:
                ref = self._view().ref(*where)  # type: ignore[misc]
                doc = notes.new_doc(event_id, ref.day, ref.theme, ref.heading, ref.text)
            else:
                doc = dict(table[key])
            if not notes.apply_edit(
                doc,
                add_tags=add_tags,
                remove_tags=remove_tags,
                note=note,
                add_flags=add_flags,
                remove_flags=remove_flags,
            ):
                return None if key is None else self._public(doc)
            if notes.is_empty(doc):
                if key is not None:
                    self._put_annotation(key, None)
                return None
            self._put_annotation(str(next_key(table)) if key is None else key, doc)
            return notes.to_annotation(doc, orphan=where is None)

    def _put_annotation(self, key: str, doc: dict | None) -> None:
        """Store (or with None delete) one annotation under its TinyDB key: the same bytes and durable write
        as TinyDB's `insert`/`update`/`remove`, without rebuilding the whole table twice (int keys and back)
        and then the by-event/by-id indexes: one copy-on-write of the table, the indexes patched."""
        tables = self._astore.read()
        table = dict(tables.get("annotations", {}))
        old = table.get(key)
        if doc is None:
            table.pop(key, None)
        else:
            table[key] = doc  # an update keeps its place in the file, as with TinyDB
        indexes_current = self._agen == self._astore.generation
        tables["annotations"] = table
        self._astore.write(tables)  # on failure the storage drops its cache: nothing half-applied stays
        if not indexes_current:
            return  # rebuilt from the table on the next read
        if old is not None:
            for index, field in ((self._by_event, "event_id"), (self._by_id, "id")):
                if index.get(old.get(field)) == key:
                    del index[old.get(field)]
        if doc is not None:
            self._by_event[doc.get("event_id")] = key
            self._by_id[doc.get("id")] = key
        self._agen = self._astore.generation

    def all_tags(self) -> list[str]:
        """Every tag in use, most used first (then alphabetically), in the case first typed."""
        with self._lock:
            counts: Counter[str] = Counter()
            shown: dict[str, str] = {}
            for doc in self._raw_annotations().values():
                for tag in doc.get("tags", []):
                    shown.setdefault(label_key(tag), tag)
                    counts[label_key(tag)] += 1
            return [shown[k] for k in sorted(counts, key=lambda k: (-counts[k], k))]

    def day_note(self, day: int) -> DayNote | None:
        with self._lock:
            doc = self._astore.read().get("day_notes", {}).get(str(day))
            return None if doc is None else notes.to_day_note(day, doc)

    @contextlib.contextmanager
    def batch(self) -> Iterator[None]:
        """Group many annotation writes (e.g. merging a colleague's 2,000 notes) into one durable write,
        under one lock: all of them land or, on an exception, none."""
        with self._writing(), self._astore.batch():
            yield

    def set_day_note(self, day: int, text: str, *, allow_missing_day: bool = False) -> DayNote | None:
        """Set (or with blank text, delete) the note on a whole day; returns once durable.

        `allow_missing_day` keeps a note for a day the library does not hold yet (merged from an export):
        day notes are keyed by day number, so it shows as soon as that day's bulletin is imported."""
        with self._writing():
            existing = self._astore.read().get("day_notes", {}).get(str(day))
            if existing is None and not allow_missing_day and str(day) not in self._raw_bulletins():
                raise NotFoundError(f"Day {day} is not in the library {self.path}.")
            text = text.replace("\r\n", "\n")
            if not text.strip():
                if existing is not None:
                    self._ntable.remove(doc_ids=[day])
                return None
            doc = {"day": day, "note": text, "updated_at": now_iso()}
            if existing is None:
                self._ntable.insert(Document(doc, doc_id=day))
            elif existing.get("note") != text:
                self._ntable.update(doc, doc_ids=[day])
            else:
                doc = existing
            return notes.to_day_note(day, doc)


def _yield_to_other_threads() -> None:
    time.sleep(0)  # releases the GIL: a waiting thread runs before this one goes on


def _id_has_day_prefix(day: int, event_id: object) -> bool:
    """Deferred `days()`'s stand-in for "day holds this event" (see there)."""
    return isinstance(event_id, str) and event_id.startswith(f"{day}-")


def _event_ids(doc: dict) -> Iterator[str]:
    for section in doc.get("sections", []):
        for event in section.get("events", []):
            yield event["id"]
