"""Derived, read-only views of one version of the stored bulletins.

`BulletinView` wraps the raw TinyDB table (str(day) → document) as it was loaded and lazily builds what
the readers need: day summaries, Bulletin objects, id lookups, the search index. `Library` throws the view
away and makes a new one whenever the bulletins file changes, so no cache here is ever invalidated by hand.
"""

from __future__ import annotations

import datetime as dt

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
        self._search: tuple[SearchIndex, list[Where]] | None = None
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
                rows.append((doc["day"], parse_date(doc.get("date")), doc.get("title"), len(sections),
                             sum(len(s.get("events", [])) for s in sections)))
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

    def ids_of_day(self, day: int) -> dict[str, tuple[int, int]]:
        """event id → (section index, event index) for one day (cached)."""
        ids = self._day_ids.get(day)
        if ids is None:
            doc = self.raw.get(str(day))
            ids = {} if doc is None else {
                event["id"]: (si, ei)
                for si, section in enumerate(doc.get("sections", []))
                for ei, event in enumerate(section.get("events", []))
            }
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

    def search_index(self) -> tuple[SearchIndex, list[Where]]:
        """The search index over every event, newest day first (built on first use)."""
        if self._search is None:
            texts: list[str] = []
            where: list[Where] = []
            with gc_paused():
                for doc in sorted(self.raw.values(), key=lambda d: -d["day"]):
                    for si, section in enumerate(doc.get("sections", [])):
                        for ei, event in enumerate(section.get("events", [])):
                            texts.append(event["text"])
                            where.append((doc["day"], si, ei))
                self._search = (SearchIndex(texts), where)
        return self._search

    def search(self, query: str, limit: int | None = None) -> list[EventRef]:
        index, where = self.search_index()
        return [self.ref(*where[i]) for i in index.find(query, limit)]
