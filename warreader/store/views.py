"""Derived, read-only views of one version of the stored bulletins.

`BulletinView` wraps the raw TinyDB table (str(day) → schema-2 day document, see `day_docs`) as it was
loaded and lazily builds what the readers need: each day flattened (every bulletin's reading copy, one
after the other), day summaries, Bulletin objects, id lookups, the search index. `Library` throws the view
away and makes a new one whenever the bulletins file changes, so no cache here is ever invalidated by hand.

The raw table is never mutated (TinyDB writes build a new table dict and bulletins are replaced, not
edited), so a view is an immutable snapshot: its search index can be built in a worker thread without the
library's lock.
"""

from __future__ import annotations

import datetime as dt
import threading
from bisect import bisect_right
from operator import itemgetter
from typing import TYPE_CHECKING

from warreader.model import Bulletin, Event, bulletin_from_doc
from warreader.store import day_docs
from warreader.store.records import DayBulletin, EventRef, Source
from warreader.store.storage import gc_paused

if TYPE_CHECKING:
    from warreader.search import SearchIndex

#: (day, section index, event index): where an event lives.
Where = tuple[int, int, int]


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class BulletinView:
    """Lookups over one snapshot of the stored bulletins. Not thread-safe: `Library` locks around it."""

    def __init__(self, raw: dict[str, dict]) -> None:
        self.raw = raw
        self._flat: dict[str, dict] = {}
        self._all_flat = False
        self._summaries: list[tuple] | None = None
        self._bulletins: dict[int, Bulletin] = {}
        self._day_bulletins: dict[int, list[DayBulletin]] = {}
        self._day_ids: dict[int, dict[str, tuple[int, int]]] = {}
        self._all_ids: dict[str, Where] | None = None
        self._search: SearchIndex | None = None
        self._search_lock = threading.Lock()
        # For the search: the first event index of each section and its (day, section index, section,
        # day document); then the EventRef of each index once built, so a warm hit is a list lookup.
        self._section_firsts: list[int] = []
        self._section_places: list[tuple[int, int, dict, dict]] = []
        self._hit_refs: list[EventRef | None] = []
        # EventRefs handed out, by location: a search or storyline built once is cheap the next time
        # (building a frozen dataclass costs a few µs, which adds up over 10,000 hits).
        self._refs: dict[Where, EventRef] = {}
        self._dates: dict[int, dt.date | None] = {}

    def flat(self, day: int) -> dict | None:
        """The day flattened (see `day_docs.flatten`), or None when the library lacks it (cached)."""
        key = str(day)
        found = self._flat.get(key)
        if found is None:
            doc = self.raw.get(key)
            if doc is None:
                return None
            found = self._flat[key] = day_docs.flatten(doc)
        return found

    def flat_docs(self) -> list[dict]:
        """Every day flattened, in the table's order."""
        if not self._all_flat:
            for key, doc in self.raw.items():
                if key not in self._flat:
                    self._flat[key] = day_docs.flatten(doc)
            self._all_flat = True
        return [self._flat[key] for key in self.raw]

    def summaries(self) -> list[tuple]:
        """(day, date, title, sections, events, bulletins, outlets) for every day, newest first (computed
        once). Sections and events count every bulletin of the day."""
        if self._summaries is None:
            rows = []
            for doc in self.flat_docs():
                sections = doc["sections"]
                rows.append(
                    (
                        doc["day"],
                        parse_date(doc.get("date")),
                        doc.get("title"),
                        len(sections),
                        sum(len(s.get("events", [])) for s in sections),
                        len(doc["outlets"]),
                        tuple(doc["outlets"]),
                    )
                )
            rows.sort(key=lambda row: -row[0])
            self._summaries = rows
        return self._summaries

    def bulletin(self, day: int) -> Bulletin | None:
        """The day's first bulletin (its reading copy), the one the reader opens on."""
        if day not in self._bulletins:
            found = self.bulletins(day)
            if not found:
                return None
            self._bulletins[day] = found[0].bulletin
        return self._bulletins[day]

    def bulletins(self, day: int) -> list[DayBulletin]:
        """Every bulletin of the day, in the day's order, each with its copies (cached)."""
        found = self._day_bulletins.get(day)
        if found is None:
            doc = self.raw.get(str(day))
            found = [] if doc is None else [_day_bulletin(day, i, b) for i, b in enumerate(doc["bulletins"])]
            self._day_bulletins[day] = found
        return found

    def adopt_bulletin(self, day: int, bulletin: Bulletin) -> None:
        """Serve `bulletin`, already built from this view's very document of `day`, instead of a copy."""
        self._bulletins.setdefault(day, bulletin)

    def ids_of_day(self, day: int) -> dict[str, tuple[int, int]]:
        """event id → (section index, event index) for one day (cached)."""
        ids = self._day_ids.get(day)
        if ids is None:
            doc = self.flat(day)
            ids = (
                {}
                if doc is None
                else {
                    event["id"]: (si, ei)
                    for si, section in enumerate(doc.get("sections", []))
                    for ei, event in enumerate(section.get("events", []))
                }
            )
            self._day_ids[day] = ids
        return ids

    def where(self, event_id: str) -> Where | None:
        """Where the event with this id lives, or None."""
        # Ids start with their day ("981-3fa9c01b2e"), so that day is looked at first; the index of every
        # id is only built for ids that do not follow the rule (e.g. merged from another tool).
        head = event_id.split("-", 1)[0]
        if head.isdigit() and (pos := self.ids_of_day(int(head)).get(event_id)) is not None:
            return (int(head), *pos)
        if self._all_ids is None:
            self._all_ids = {
                event["id"]: (doc["day"], si, ei)
                for doc in self.flat_docs()
                for si, section in enumerate(doc.get("sections", []))
                for ei, event in enumerate(section.get("events", []))
            }
        return self._all_ids.get(event_id)

    def ref(self, day: int, si: int, ei: int) -> EventRef:
        """The EventRef of one location (cached)."""
        ref = self._refs.get((day, si, ei))
        if ref is None:
            doc = self.flat(day)
            assert doc is not None
            section = doc["sections"][si]
            ref = self._refs[(day, si, ei)] = self._make_ref(day, si, section, doc, ei)
        return ref

    def _make_ref(self, day: int, si: int, section: dict, doc: dict, ei: int) -> EventRef:
        if day not in self._dates:
            self._dates[day] = parse_date(doc.get("date"))
        event = section["events"][ei]
        bi = section.get("bulletin", 0)
        bulletin = self.raw[str(day)]["bulletins"][bi]
        reading = day_docs.reading_copy(bulletin)
        return EventRef(
            day,
            self._dates[day],
            si,
            section.get("heading"),
            section.get("theme", "general"),
            Event(event["id"], event["text"]),
            reading.get("source", ""),
            bulletin.get("outlet"),
            bi,
            day_docs.link_of(reading),
        )

    def day_refs(self, day: int) -> list[EventRef]:
        return [self.ref(day, si, ei) for si, ei in self.ids_of_day(day).values()]

    def theme_refs(self, theme: str) -> list[EventRef]:
        """Every event of one theme, oldest day first, in reading order."""
        return [
            self.ref(doc["day"], si, ei)
            for doc in sorted(self.flat_docs(), key=lambda d: d["day"])
            for si, section in enumerate(doc.get("sections", []))
            if section.get("theme") == theme
            for ei in range(len(section.get("events", [])))
        ]

    def search_index(self) -> SearchIndex:
        """The search index over every event, newest day first, reading order within a day (built on first
        use). Thread-safe: concurrent callers wait for one build instead of each building."""
        index = self._search
        if index is None:
            with self._search_lock:
                if self._search is None:
                    self._build_search()
                index = self._search
        return index  # type: ignore[return-value]

    def _build_search(self) -> None:
        from warreader.search import SearchIndex  # a library opened to read one day never searches

        texts: list[str] = []
        firsts: list[int] = []
        places: list[tuple[int, int, dict, dict]] = []
        text_of = itemgetter("text")
        with gc_paused():
            # Per section, not per event: the events' texts are gathered at C speed (`map`), and a hit's
            # (day, section, event) is recovered from the section table only when its EventRef is first built.
            for doc in sorted(self.flat_docs(), key=_newest_first):
                day = doc["day"]
                for si, section in enumerate(doc.get("sections", ())):
                    events = section.get("events")
                    if events:
                        firsts.append(len(texts))
                        places.append((day, si, section, doc))
                        texts.extend(map(text_of, events))
            index = SearchIndex(texts)
        self._section_firsts, self._section_places = firsts, places
        self._hit_refs = [None] * len(texts)
        self._search = index  # last: other threads only see a complete index

    def _hit_ref(self, i: int) -> EventRef:
        """The EventRef of search index `i`, built once (shared with `ref`) and remembered by index."""
        firsts = self._section_firsts
        s = bisect_right(firsts, i) - 1
        day, si, section, doc = self._section_places[s]
        where = (day, si, i - firsts[s])
        ref = self._refs.get(where)
        if ref is None:
            # The section already at hand: the first search for a common word builds ~10,000 of these.
            ref = self._refs[where] = self._make_ref(day, si, section, doc, where[2])
        self._hit_refs[i] = ref
        return ref

    def search(self, query: str, limit: int | None = None) -> list[EventRef]:
        """Events matching `query`, newest day first: the index yields them in order, nothing is sorted."""
        index = self.search_index()
        refs = self._hit_refs
        return [refs[i] or self._hit_ref(i) for i in index.find(query, limit)]


def _newest_first(doc: dict) -> int:
    return -doc["day"]


def _day_bulletin(day: int, index: int, stored: dict) -> DayBulletin:
    reading = day_docs.reading_copy(stored)
    sources = tuple(
        Source(
            source=copy.get("source", ""),
            canonical_url=copy.get("canonical_url"),
            imported_at=copy.get("imported_at", ""),
            outlet=day_docs.outlet_name(copy),
            title=copy.get("title"),
            events=day_docs.event_count(copy),
            warnings=tuple(copy.get("warnings", [])),
            reading_copy=copy is reading,
        )
        for copy in stored["copies"]
    )
    bulletin = bulletin_from_doc({**reading, "day": day})
    picked = bool(stored.get("picked"))
    return DayBulletin(stored["id"], index, stored.get("outlet"), bulletin, sources, picked)
