"""Derived, read-only views of one version of the stored bulletins.

`BulletinView` wraps the raw TinyDB table (str(day) → document) as it was loaded and lazily builds what
the readers need: day summaries, Bulletin objects, id lookups, the search index. `Library` throws the view
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

from warreader.model import Bulletin, Event, bulletin_from_doc
from warreader.search import SearchIndex
from warreader.store.records import EventRef
from warreader.store.storage import gc_paused

#: (day, section index, event index): where an event lives.
Where = tuple[int, int, int]


def parse_date(value: str | None) -> dt.date | None:
    return dt.date.fromisoformat(value) if value else None


class BulletinView:
    """Lookups over one snapshot of the stored bulletins. Not thread-safe: `Library` locks around it."""

    def __init__(self, raw: dict[str, dict]) -> None:
        self.raw = raw
        self._summaries: list[tuple] | None = None
        self._bulletins: dict[int, Bulletin] = {}
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

    def summaries(self) -> list[tuple]:
        """(day, date, title, sections, events) for every day, newest first (computed once)."""
        if self._summaries is None:
            rows = []
            for doc in self.raw.values():
                sections = doc.get("sections", [])
                rows.append(
                    (
                        doc["day"],
                        parse_date(doc.get("date")),
                        doc.get("title"),
                        len(sections),
                        sum(len(s.get("events", [])) for s in sections),
                    )
                )
            rows.sort(key=lambda row: -row[0])
            self._summaries = rows
        return self._summaries

    def bulletin(self, day: int) -> Bulletin | None:
        if day not in self._bulletins:
            doc = self.raw.get(str(day))
            if doc is None:
                return None
            self._bulletins[day] = bulletin_from_doc(doc)
        return self._bulletins[day]

    def adopt_bulletin(self, day: int, bulletin: Bulletin) -> None:
        """Serve `bulletin`, already built from this view's very document of `day`, instead of a copy."""
        self._bulletins.setdefault(day, bulletin)

    def ids_of_day(self, day: int) -> dict[str, tuple[int, int]]:
        """event id → (section index, event index) for one day (cached)."""
        ids = self._day_ids.get(day)
        if ids is None:
            doc = self.raw.get(str(day))
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
                for doc in self.raw.values()
                for si, section in enumerate(doc.get("sections", []))
                for ei, event in enumerate(section.get("events", []))
            }
        return self._all_ids.get(event_id)

    def ref(self, day: int, si: int, ei: int) -> EventRef:
        """The EventRef of one location (cached)."""
        ref = self._refs.get((day, si, ei))
        if ref is None:
            doc = self.raw[str(day)]
            if day not in self._dates:
                self._dates[day] = parse_date(doc.get("date"))
            section = doc["sections"][si]
            event = section["events"][ei]
            ref = self._refs[(day, si, ei)] = EventRef(
                day=day,
                date=self._dates[day],
                section_index=si,
                heading=section.get("heading"),
                theme=section.get("theme", "general"),
                event=Event(event["id"], event["text"]),
                source=doc.get("source", ""),
            )
        return ref

    def day_refs(self, day: int) -> list[EventRef]:
        return [self.ref(day, si, ei) for si, ei in self.ids_of_day(day).values()]

    def theme_refs(self, theme: str) -> list[EventRef]:
        """Every event of one theme, oldest day first, in reading order."""
        return [
            self.ref(doc["day"], si, ei)
            for doc in sorted(self.raw.values(), key=lambda d: d["day"])
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
        texts: list[str] = []
        firsts: list[int] = []
        places: list[tuple[int, int, dict, dict]] = []
        text_of = itemgetter("text")
        with gc_paused():
            # Per section, not per event: the events' texts are gathered at C speed (`map`), and a hit's
            # (day, section, event) is recovered from the section table only when its EventRef is first built.
            for doc in sorted(self.raw.values(), key=_newest_first):
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
            # `ref` inlined, positional arguments, the section already at hand: the first search for a
            # common word builds ~10,000 of these.
            if day not in self._dates:
                self._dates[day] = parse_date(doc.get("date"))
            event = section["events"][where[2]]
            ref = self._refs[where] = EventRef(
                day,
                self._dates[day],
                si,
                section.get("heading"),
                section.get("theme", "general"),
                Event(event["id"], event["text"]),
                doc.get("source", ""),
            )
        self._hit_refs[i] = ref
        return ref

    def search(self, query: str, limit: int | None = None) -> list[EventRef]:
        """Events matching `query`, newest day first: the index yields them in order, nothing is sorted."""
        index = self.search_index()
        refs = self._hit_refs
        return [refs[i] or self._hit_ref(i) for i in index.find(query, limit)]


def _newest_first(doc: dict) -> int:
    return -doc["day"]
