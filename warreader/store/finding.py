"""`Library.find`: the query language (`warreader.query`) over the library.

A query is answered in two steps. First the candidates, from the cheapest place that holds every event
the query can match: the search index for a word or phrase (plus the annotated events and the days whose
notes hold it, since a word also matches notes and tags), the annotations for a query about tags, flags,
notes or orphans, the days in range for a day or date query, else every event. Then every candidate is
checked against every term (`query.matcher`), so the answer never depends on which step found it; a
property test holds it equal to a brute-force filter over every event.

While the library is deferred (a command-line process), the candidates come without loading every day:
a word from `words.idx` (`warreader.store.word_file`; rebuilt by a search that had to load everything,
when it was missing or stale), annotations and day ranges from the days they name. A query that needs
every event (`theme:` alone, a word without a fresh index) loads the library.

Results come newest day first, then in reading order, as the search gives them. An orphan (its event is
no longer in the library) is given as an `EventRef` built from its annotation's anchor, with section
index -1 and no date or source.
"""

from __future__ import annotations

import contextlib
from collections import deque
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING

from warreader.model import Event
from warreader.store.records import EventRef
from warreader.store.slices import SlicedDays

if TYPE_CHECKING:
    from warreader.query import Query, Term

# The query language, the folding, the theme table and the word file are imported where they are used: a
# library opened to annotate or show one day never needs them.

#: Fields whose positive terms only annotated events can satisfy.
_ANNOTATION_FIELDS = ("tag", "flag", "note", "has", "is")
#: Fields whose terms look at the annotation's own document only.
_OWN_FIELDS = ("tag", "flag", "note", "has")


class FindMethods:
    """Mixin for `Library`: `find` (see the module doc)."""

    def find(self, query: str | Query, limit: int | None = None) -> list[EventRef]:
        """Events matching the query, newest day first (QueryError for a query that cannot be read)."""
        from warreader.query import parse

        parsed = parse(query) if isinstance(query, str) else query
        if parsed.empty:
            return []
        with self._lock:
            annotations = dict(self._raw_annotations())
            day_notes = dict(self._astore.read().get("day_notes", {}))
        by_event = {doc.get("event_id"): doc for doc in annotations.values()}
        notes_of_day = {int(day): doc.get("note", "") for day, doc in day_notes.items()}
        try:
            with self._lock:
                loaded = self._view() if self.loaded else None
            if loaded is not None:
                # Outside the lock, like `search`: the view is a snapshot, and a query that has to look
                # at every event (in a reader's worker) must not hold up the UI thread's reads meanwhile.
                return self._found(parsed, loaded, by_event, notes_of_day, limit)
            return self._day_local(lambda view: self._found(parsed, view, by_event, notes_of_day, limit))
        except _NeedsEveryDay:
            with self._lock:
                view = self._view()
            return self._found(parsed, view, by_event, notes_of_day, limit)
        finally:
            if parsed.text_terms() and self._keep_caches and self.loaded:
                self._keep_word_file()

    def _found(
        self, parsed: Query, view, by_event: dict, notes_of_day: dict[int, str], limit
    ) -> list[EventRef]:
        from warreader.query import Record, matcher
        from warreader.themes import theme_label

        accepts = matcher(parsed)
        labels: dict[str, str] = {}
        found = []
        # Candidates come in result order, so a `limit` stops the checking early (the reader asks for a
        # page of 201: its Enter must show them within a frame, whatever the query).
        for ref in self._candidates(parsed, view, by_event, notes_of_day, limit):
            doc = by_event.get(ref.id)
            label = labels.get(ref.theme)
            if label is None:
                label = labels[ref.theme] = theme_label(ref.theme)
            record = Record(
                text=ref.text,
                day=ref.day,
                date=ref.date,
                theme=ref.theme,
                theme_label=label,
                outlet=ref.outlet,
                tags=tuple(doc.get("tags", ())) if doc else (),
                flags=tuple(doc.get("flags", ())) if doc else (),
                note=doc.get("note", "") if doc else "",
                day_note=notes_of_day.get(ref.day, ""),
                orphan=ref.section_index < 0,
                moved=bool(doc and doc.get("moved")),
            )
            if accepts(record):
                found.append(ref)
                if limit is not None and len(found) >= limit:
                    break
        return found

    def _candidates(
        self, query: Query, view, by_event: dict, notes_of_day: dict[int, str], limit: int | None
    ) -> Iterator[EventRef]:
        """Every event the query can match (a superset), each once, in result order: newest day first,
        then reading order, then that day's orphans."""
        from warreader.query import Query, Record, matcher
        from warreader.search import fold

        words = query.text_terms()
        positive = [t for t in query.terms if not t.negate]
        if any(t.field in _OWN_FIELDS for t in positive) or (
            not words and any(t.field in _ANNOTATION_FIELDS for t in positive)
        ):
            # Only annotated events can match. What the annotation itself holds is checked here (the same
            # check as the final one, on the same document): thousands of notes cost no event lookups.
            own = matcher(Query("", tuple(t for t in query.terms if t.field in _OWN_FIELDS)))
            seen: dict[str, EventRef] = {}
            for event_id, doc in by_event.items():
                record = Record(
                    "",
                    0,
                    None,
                    "",
                    "",
                    None,
                    tags=tuple(doc.get("tags", ())),
                    flags=tuple(doc.get("flags", ())),
                    note=doc.get("note", ""),
                )
                if own(record):
                    self._add(seen, view, event_id, doc)
            yield from sorted(seen.values(), key=lambda r: _key(view, r))
            return
        days = None
        if any(t.field in ("day", "date") for t in positive):
            days = _days_in_range(positive, self._day_dates())
        if words:
            term = max(words, key=lambda t: len(t.values[0]))
            # The index folds as the query does and expands place aliases itself; a probe free of
            # double quotes (they delimit its phrases) finds a superset of the term's events.
            probe = max(term.values[0].split('"'), key=len).strip()
            if not probe:
                yield from self._every_event(view, by_event)
                return
            extras: dict[str, EventRef] = {}
            wanted = term.spellings[0]
            for event_id, doc in by_event.items():
                haystack = fold(doc.get("note", "") + " " + " ".join(doc.get("tags", ())))
                if any(s in haystack for s in wanted):
                    self._add(extras, view, event_id, doc)
            for day, note in notes_of_day.items():
                if any(s in fold(note) for s in wanted):
                    for ref in view.day_refs(day):
                        extras.setdefault(ref.id, ref)
            hits = self._text_hits(view, probe, term.spellings[0], limit)
            found = _merged(hits, sorted(extras.values(), key=lambda r: _key(view, r)), view)
            if days is not None:
                # The day: and date: terms checked on the reference, before a record is made.
                ranges = [t for t in positive if t.field in ("day", "date")]
                found = (ref for ref in found if _in_ranges(ref, ranges))
            yield from found
            return
        if days is not None:
            # The days in range, each with its orphans (an orphan keeps its day; it has no date).
            ranges = [t for t in positive if t.field in ("day", "date")]
            orphans: dict[int, list[EventRef]] = {}
            for event_id, doc in by_event.items():
                ref = self._orphan_ref(event_id, doc)
                if _in_ranges(ref, ranges) and view.where(event_id) is None:
                    orphans.setdefault(ref.day, []).append(ref)
            for day in sorted(set(days) | orphans.keys(), reverse=True):
                if day in days:
                    yield from view.day_refs(day)
                yield from orphans.get(day, ())
            return
        yield from self._every_event(view, by_event)

    def _day_dates(self) -> list[tuple[int, object]]:
        """(day, date) of every stored day, from the summary while deferred (no annotation counts)."""
        with self._lock:
            rows = self._summary.rows if self._summary is not None else self._view().summaries()
            return [(row[0], row[1]) for row in rows]

    def _text_hits(
        self, view, probe: str, spellings: tuple[str, ...], limit: int | None = None
    ) -> Iterable[EventRef]:
        """Events whose text may hold the term, in result order: from the loaded index (in pages growing
        fourfold when there is a `limit`: a common word has thousands), or while deferred from words.idx."""
        if not isinstance(view.raw, SlicedDays):
            return _pages(view, f'"{probe}"', limit)
        from warreader.store import word_file
        from warreader.store.word_file import WordFile

        index = WordFile.open(self.path / word_file.NAME, view.raw.rev)
        if index is None:
            raise _NeedsEveryDay
        try:
            places = {
                hit
                for spelling in spellings
                for hit in index.events_with(spelling if '"' not in spelling else probe)
            }
        finally:
            index.close()
        refs = []
        for day, place in sorted(places, key=lambda hit: (-hit[0], hit[1])):
            day_refs = view.day_refs(day)
            if place < len(day_refs):
                refs.append(day_refs[place])
        return refs

    def _keep_word_file(self) -> None:
        """Build words.idx from the loaded library when it is missing or stale (best effort: a cache)."""
        from warreader.search import fold
        from warreader.store import word_file
        from warreader.store.word_file import WordFile

        rev = self._bstore.rev
        if rev is None or not WordFile.missing_or_stale(self.path / word_file.NAME, rev):
            return
        with self._lock:
            view = self._view()
        events = [
            (doc["day"], place, fold(ref.text))
            for doc in view.flat_docs()
            for place, ref in enumerate(view.day_refs(doc["day"]))
        ]
        with contextlib.suppress(OSError):
            word_file.build(self.path / word_file.NAME, rev, events)

    def _every_event(self, view, by_event: dict) -> Iterator[EventRef]:
        """Every event, and every orphan, in result order (each day's orphans after its events)."""
        if isinstance(view.raw, SlicedDays):
            raise _NeedsEveryDay
        orphans: dict[int, list[EventRef]] = {}
        for event_id, doc in by_event.items():
            if view.where(event_id) is None:
                ref = self._orphan_ref(event_id, doc)
                orphans.setdefault(ref.day, []).append(ref)
        days = {doc["day"] for doc in view.flat_docs()}
        for day in sorted(days | orphans.keys(), reverse=True):
            if day in days:
                yield from view.day_refs(day)
            yield from orphans.get(day, ())

    @staticmethod
    def _add(seen: dict[str, EventRef], view, event_id: str, doc: dict) -> None:
        if event_id in seen:
            return
        where = view.where(event_id)
        seen[event_id] = view.ref(*where) if where is not None else FindMethods._orphan_ref(event_id, doc)

    @staticmethod
    def _orphan_ref(event_id: str, doc: dict) -> EventRef:
        return EventRef(
            day=doc.get("day") or 0,
            date=None,
            section_index=-1,
            heading=doc.get("heading"),
            theme=doc.get("theme") or "general",
            event=Event(event_id, doc.get("quote", "")),
            source="",
        )


class _NeedsEveryDay(Exception):
    """The query needs every event, and the library has not loaded them all yet."""


def _position(view, ref: EventRef) -> tuple[int, int]:
    where = view.where(ref.id) if ref.section_index >= 0 else None
    return (where[1], where[2]) if where is not None else (ref.section_index, 0)


def _key(view, ref: EventRef) -> tuple[int, bool, tuple[int, int]]:
    """Where `ref` comes in the results: newest day first, then reading order, the day's orphans last."""
    return (-ref.day, ref.section_index < 0, _position(view, ref))


def _merged(hits: Iterable[EventRef], extras: list[EventRef], view) -> Iterator[EventRef]:
    """`hits` (in result order) and `extras` (sorted by `_key`, usually few) in result order, each event
    once. A hit's place is looked up only when an extra falls on its day."""
    if not extras:
        yield from hits  # (the index lists each event once)
        return
    pending = deque(extras)
    seen: set[str] = set()
    for hit in hits:
        while pending and (
            pending[0].day > hit.day
            or (pending[0].day == hit.day and _key(view, pending[0]) < _key(view, hit))
        ):
            extra = pending.popleft()
            if extra.id not in seen:
                seen.add(extra.id)
                yield extra
        if hit.id not in seen:
            seen.add(hit.id)
            yield hit
    for extra in pending:
        if extra.id not in seen:
            seen.add(extra.id)
            yield extra


def _pages(view, query: str, limit: int | None) -> Iterator[EventRef]:
    """The search index's hits for `query` in order; with a `limit`, asked for in pages growing fourfold
    (each a prefix of the next), so a common word costs what its first results cost."""
    if limit is None:
        yield from view.search(query)
        return
    size, done = max(limit, 32), 0
    while True:
        hits = view.search(query, size)
        yield from hits[done:]
        if len(hits) < size:
            return
        done, size = len(hits), size * 4


def _days_in_range(terms: Iterable[Term], rows: list[tuple[int, object]]) -> list[int] | None:
    """The stored days that positive day: and date: terms allow (None when no such term narrows them);
    `rows` are (day, date) of every stored day."""
    days = None
    for term in terms:
        if term.field == "day":
            allowed = {day for day, _date in rows if any(_within(day, lo, hi) for lo, hi in term.bounds)}
        elif term.field == "date":
            allowed = {
                day
                for day, date in rows
                if date is not None and any(_within(date, lo, hi) for lo, hi in term.bounds)
            }
        else:
            continue
        days = allowed if days is None else days & allowed
    return None if days is None else sorted(days, reverse=True)


def _in_ranges(ref: EventRef, terms: Iterable[Term]) -> bool:
    """Whether `ref` is within every positive day: and date: term (as the query's matcher checks it)."""
    for term in terms:
        value = ref.day if term.field == "day" else ref.date
        if value is None or not any(_within(value, low, high) for low, high in term.bounds):
            return False
    return True


def _within(value, low, high) -> bool:
    return (low is None or value >= low) and (high is None or value <= high)
