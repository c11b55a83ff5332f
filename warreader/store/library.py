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
from typing import TYPE_CHECKING, TypeVar

from warreader.errors import InputError, LibraryError
from warreader.model import Bulletin, bulletin_from_doc
from warreader.store import annotations as notes
from warreader.store import day_docs, layout
from warreader.store import summary as day_summary
from warreader.store.annotating import AnnotationMethods
from warreader.store.finding import FindMethods
from warreader.store.lock import LibraryLock, LockTimeout
from warreader.store.orphans import OrphanMethods
from warreader.store.records import (
    Annotation,
    DayBulletin,
    DaySummary,
    EventRef,
    ImportReport,
)
from warreader.store.slices import SlicedDays, StaleSlices
from warreader.store.storage import CachedJSONStorage, gc_paused, head_rev
from warreader.store.validate import check_annotations, check_bulletins
from warreader.store.views import BulletinView

if TYPE_CHECKING:
    from warreader.store.importer import ImportPlan

Progress = Callable[[int, int | None], None]
T = TypeVar("T")

#: How long a writer waits for another warreader process to finish its write.
LOCK_TIMEOUT = 30.0


class Library(AnnotationMethods, OrphanMethods, FindMethods):
    """A library folder (see `warreader.store.layout`). Thread-safe; safe with other processes."""

    def __init__(self, path: Path, *, lock_timeout: float = LOCK_TIMEOUT) -> None:
        """Use `Library.open`; this only wires the parts together and reads nothing."""
        self.path = Path(path)
        self._lock = RLock()
        self._lock_timeout = lock_timeout
        self._file_lock: LibraryLock | None = None  # created on the first write
        self._swept = False
        self._bstore = CachedJSONStorage(
            self.path / layout.BULLETINS, check=check_bulletins, sliced_table="bulletins"
        )
        self._astore = CachedJSONStorage(self.path / layout.ANNOTATIONS, check=check_annotations)
        self._btable_cache = None  # TinyDB's table over `_bstore`, made when an import first needs it
        self._bgen = -1  # bulletin-storage generation the derived caches below belong to
        self._agen = -1
        # Deferred mode: the summary answering for bulletins.json until it is parsed (None: parsed).
        self._summary: day_summary.Summary | None = None
        self._newest: Bulletin | None = None  # built from the summary's document
        self._summary_due = False  # summary.json missing or stale: `load_bulletins` rewrites it
        self._keep_caches = False  # see `open`
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
        keep_caches: bool = False,
    ) -> Library:
        """Open (creating or migrating if needed) the library folder at `path`.

        `keep_caches` (for short command-line processes): whenever this process has to load the whole
        bulletins file, it also brings the derived caches up to date (summary.json, words.idx), so the
        next short command can read only what it needs.

        A library this call creates is filled with the bundled sample bulletins when `seed_samples` is
        True (never an existing one: a lost bulletins.json is an error, not a reason to refill it).
        Raises LibraryError (nothing changed on disk) for a damaged or missing file or a newer schema.

        `defer_bulletins`: when summary.json matches bulletins.json, answer `days()` and the newest day's
        `bulletin()` from it and parse bulletins.json only in `load_bulletins()` or the first call that
        needs more (see `loaded`); otherwise this silently loads in full as without it. A bulletins.json
        whose head is intact but whose body is damaged then raises LibraryError only at that load.
        """
        path = Path(path).expanduser()
        if path.exists() and not path.is_dir():
            raise LibraryError(f"The library path {path} is a file, not a library folder.")
        library = cls(path, lock_timeout=lock_timeout)
        created = False
        if layout.needs_setup(path):
            try:
                path.mkdir(parents=True, exist_ok=True)
            except OSError as error:
                raise LibraryError(f"Cannot create the library folder {path} ({error.strerror}).") from None
            with library._locked():
                created = layout.prepare(path)
                if created:
                    library._bstore.write({})  # both files from the start: a missing one is then a loss
                    library._astore.write({})
        problem = layout.missing_file_problem(path)
        if problem is not None:
            raise LibraryError(problem)
        with library._lock, gc_paused():
            library._astore.read()
            if defer_bulletins:
                if not library._bstore.loaded:  # setting up or migrating above has read it already
                    library._summary = library._matching_summary()
                library._summary_due = library._summary is None
            if library._summary is None:
                library._bstore.read()
        library._keep_caches = keep_caches
        if keep_caches and defer_bulletins and library._summary_due:
            library.load_bulletins()  # loaded already: this only writes the missing or stale summary
        if seed_samples and created:
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
        offsets = self._bstore.offsets() if self._bstore.rev == rev else None
        try:
            day_summary.write(self.path / layout.SUMMARY, rev, rows, newest, offsets)
        except OSError:
            return False  # only a derived cache: the next deferred open sees the stale `_rev`, loads in full
        return True

    def close(self) -> None:
        """Release the caches. Every write is already on disk, so there is nothing to flush."""
        with self._lock:
            self._bstore.close()
            self._astore.close()
            self._clear_caches()

    def __enter__(self) -> Library:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @contextlib.contextmanager
    def _writing(self) -> Iterator[None]:
        """Thread lock, then process lock, then re-read what others changed: the only way to write."""
        with self._locked():
            self._refresh()
            yield

    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        """Thread lock, then process lock, without reading anything (setting up or migrating the folder
        must not load files in a shape this version no longer reads)."""
        with self._lock:
            if self._file_lock is None:
                self._file_lock = LibraryLock(self.path / layout.LOCK, self._lock_timeout)
            try:
                self._file_lock.acquire()
            except LockTimeout:
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
        self._sliced: tuple[day_summary.Summary, BulletinView] | None = None
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

    def _day_view(self) -> BulletinView:
        """The view for reads about single days. While deferred with the days' byte ranges known, one that
        reads only the days asked for (see `warreader.store.slices`); otherwise the full view. Use it
        through `_day_local`, which falls back to the full load should the ranges be stale."""
        summary = self._summary
        if summary is None or summary.offsets is None:
            return self._view()
        if self._sliced is None or self._sliced[0] is not summary:
            days = SlicedDays(self.path / layout.BULLETINS, summary.rev, summary.offsets)
            self._sliced = (summary, BulletinView(days))
        return self._sliced[1]

    def _day_local(self, read: Callable[[BulletinView], T]) -> T:
        """`read` on the day view; on stale byte ranges, load in full and read again."""
        with self._lock:
            try:
                return read(self._day_view())
            except StaleSlices:
                self._load_deferred()
                return read(self._view())

    def _has_day(self, day: int) -> bool:
        """True when the library holds `day` (from the summary while deferred)."""
        if self._summary is not None:
            return any(row[0] == day for row in self._summary.rows)
        return str(day) in self._raw_bulletins()

    @property
    def _btable(self):
        """TinyDB's table of bulletins over our storage (imported here: only an import writes through it,
        and a short command that only reads or annotates should not pay for importing TinyDB)."""
        if self._btable_cache is None:
            from tinydb import TinyDB

            store = self._bstore
            # cache_size=0: TinyDB's query cache would not notice another process's writes.
            self._btable_cache = TinyDB(storage=lambda: store).table("bulletins", cache_size=0)
        return self._btable_cache

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
            return [
                DaySummary(
                    day=row[0],
                    date=row[1],
                    title=row[2],
                    sections=row[3],
                    events=row[4],
                    annotated=annotated[row[0]],
                    flagged=flagged[row[0]],
                    bulletins=row[5],
                    outlets=row[6],
                )
                for row in rows
            ]

    def bulletin(self, day: int) -> Bulletin | None:
        """The stored bulletin of `day` (shared and cached: treat it as read-only), or None."""
        with self._lock:
            summary = self._summary
            if summary is not None and summary.newest is not None and day == summary.newest_day:
                if self._newest is None:
                    first = day_docs.reading_copy(summary.newest["bulletins"][0])
                    self._newest = bulletin_from_doc({**first, "day": day})
                return self._newest
        return self._day_local(lambda view: view.bulletin(day))

    def bulletins(self, day: int) -> list[DayBulletin]:
        """Every bulletin of `day` (one per outlet), each with its reading copy and all its sources."""
        return self._day_local(lambda view: view.bulletins(day))

    def known_sources(self) -> set[str]:
        """Every stored copy's source (path or URL) and canonical URL: what an import from a feed skips."""
        with self._lock:
            raw = self._raw_bulletins()
            return {
                key
                for doc in raw.values()
                for bulletin in doc["bulletins"]
                for copy in bulletin["copies"]
                for key in day_docs.source_keys(copy)
            }

    def pick_copy(self, day: int, bulletin_id: str, copy: int | None) -> ImportReport:
        """Read copy number `copy` (0-based) of one bulletin from now on, whatever later imports bring;
        `None` returns to the automatic choice (the best copy). Notes on events the other copy lacks are
        re-anchored as on a re-import (by id, else the clearly same event, else kept as orphans); the
        report says what became of them."""
        from warreader.store.importer import plan_pick

        with self._writing():
            plan = plan_pick(self._raw_bulletins(), day, bulletin_id, copy, self.path)
            self._store_plan(plan)
            return plan.report

    def locate(self, event_id: str) -> EventRef | None:
        """Where the event with this id is stored, or None."""

        def read(view: BulletinView) -> EventRef | None:
            where = view.where(event_id)
            return None if where is None else view.ref(*where)

        return self._day_local(read)

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
        """Store bulletins: each joins its day as a new bulletin, a new copy of one, or an update of its
        own earlier copy (see `warreader.store.importer`); notes of changed days are re-anchored. One
        write of each file. `progress(done, total)` is called after each bulletin (total is None for an
        iterator).
        """
        # Imported here: reading a library never needs the import planner.
        from warreader.store.importer import plan_import

        with self._writing():
            plan = plan_import(self._raw_bulletins(), bulletins, progress)
            self._store_plan(plan)
            return plan.report

    def _store_plan(self, plan: ImportPlan) -> None:
        """Write the planned day documents, then re-anchor the notes of those days (writer lock held)."""
        from warreader.store.importer import reanchor_day

        if plan.docs:
            replaced = [day for day in plan.docs if str(day) in self._raw_bulletins()]
            with self._bstore.batch():
                if replaced:
                    self._btable.remove(doc_ids=replaced)
                from tinydb.table import Document

                self._btable.insert_multiple(Document(d, doc_id=day) for day, d in plan.docs.items())
        # The bulletins are durable now. Re-anchoring follows; should it fail, the notes of those days
        # are still on disk and show up as orphans until re-attached.
        with self._transaction("import", "notes re-anchored by an import") as tx:
            table = tx.annotation_docs()
            by_day: dict[int, list[str]] = {}
            for key, doc in table.items():
                by_day.setdefault(doc.get("day"), []).append(key)
            updates: dict[str, dict] = {}
            for day, doc in sorted(plan.docs.items()):
                flat = day_docs.flatten(doc)
                keys = set(by_day.get(day, []))
                keys.update(k for e in _event_ids(flat) if (k := tx.key_of_event(e)) is not None)
                updates.update(reanchor_day(day, flat, {k: table[k] for k in keys}, plan.report))
            for day, doc in sorted(plan.unchanged.items()):
                flat = day_docs.flatten(doc)
                ids = set(_event_ids(flat))
                lost = {k: table[k] for k in by_day.get(day, []) if table[k].get("event_id") not in ids}
                if lost:
                    updates.update(reanchor_day(day, flat, lost, plan.report))
            for key, doc in updates.items():
                tx.put(key, doc)

    def _public(self, doc: dict) -> Annotation:
        event_id = doc.get("event_id", "")
        return notes.to_annotation(doc, orphan=self._day_local(lambda view: view.where(event_id)) is None)


def _yield_to_other_threads() -> None:
    time.sleep(0)  # releases the GIL: a waiting thread runs before this one goes on


def _id_has_day_prefix(day: int, event_id: object) -> bool:
    """Deferred `days()`'s stand-in for "day holds this event" (see there)."""
    return isinstance(event_id, str) and event_id.startswith(f"{day}-")


def _event_ids(doc: dict) -> Iterator[str]:
    for section in doc.get("sections", []):
        for event in section.get("events", []):
            yield event["id"]
