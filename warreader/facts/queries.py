"""Questions asked of every event's facts at once: which events name a place or a person (newest first),
what places and people the library names, and the weekly or monthly totals of one kind of figure.

Pure: a `FactsIndex` is built from records (by `warreader.facts.index`, which reads the library and the
cache) and never touches the store. Facts are kept in their compact cached form and decoded on demand, so
totals over 1,500 days read only the figures they need.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from warreader.facts.gazetteer import fold
from warreader.facts.model import EventFacts, Figure, PersonMention, Place, PlaceMention

PERIODS = ("week", "month")


@dataclass(slots=True)
class EventRecord:
    """One event's facts as the index keeps them: raw lists (see `index.py` for their shape)."""

    day: int
    date: dt.date | None
    event_id: str
    figures: list
    places: list  # [[place index, quote, start, end], …]
    people: list  # [[person index, quote, start, end], …]


@dataclass(frozen=True, slots=True)
class Period:
    """One bar of a weekly or monthly plot: its label, first and last day, total and the events behind it.

    `approx` is true when any figure in the total is approximate ("at least", "dozens")."""

    label: str
    start: dt.date
    end: dt.date
    total: int
    events: tuple[str, ...]
    approx: bool


@dataclass(frozen=True, slots=True)
class NamedSummary:
    """A place or person with how many events name it and the first and last day they do."""

    name: str
    events: int
    first_day: int
    last_day: int
    place: Place | None = None
    kind: str | None = None  # "person" / "organisation" for people


#: One day as the index keeps it: (day, date, [raw event, …]); a raw event is [event_id, crc32] or
#: [event_id, crc32, figures, places, people] (the shapes of facts.json, see index.py).
Day = tuple[int, "dt.date | None", list]


class FactsIndex:
    """Every event's facts, newest day first and in reading order within a day.

    Kept as the cache's raw lists: `records` (one object per event) are made on first use, and totals
    over the whole library read the raw lists directly — 41,000 objects cost more than the sums."""

    def __init__(self, days: list[Day], places: list[Place], people: list[tuple[str, str]]) -> None:
        self.days = days
        self.place_table = places
        self.people_table = people
        self._records: list[EventRecord] | None = None
        self._by_id: dict[str, EventRecord] | None = None

    @property
    def records(self) -> list[EventRecord]:
        if self._records is None:
            self._records = [
                EventRecord(day, date, e[0], e[2], e[3], e[4])
                if len(e) > 2
                else EventRecord(day, date, e[0], [], [], [])
                for day, date, events in self.days
                for e in events
            ]
        return self._records

    def __len__(self) -> int:
        return sum(len(events) for _day, _date, events in self.days)

    # -- one event ------------------------------------------------------------------------------

    def facts(self, event_id: str) -> EventFacts | None:
        """The facts of one event (None when the index does not hold it)."""
        if self._by_id is None:
            self._by_id = {r.event_id: r for r in self.records}
        record = self._by_id.get(event_id)
        return None if record is None else self.decode(record)

    def decode(self, record: EventRecord) -> EventFacts:
        places, people = self.place_table, self.people_table
        return EventFacts(
            tuple(Figure(*f) for f in record.figures),
            tuple(PlaceMention(places[p[0]], p[1], p[2], p[3]) for p in record.places),
            tuple(PersonMention(*people[p[0]], p[1], p[2], p[3]) for p in record.people),
        )

    # -- events naming something ------------------------------------------------------------------

    def find_place(self, name: str) -> list[Place]:
        """The places of the index called `name` (folded: "kiev" finds nothing, "Kyiv" finds Kyiv)."""
        key = fold(name)
        return [p for p in self.place_table if fold(p.name) == key]

    def events_naming_place(self, place: Place) -> list[EventRecord]:
        """Events naming `place`, newest first. A region also gathers the events naming a place in it,
        a country those naming a place in it."""
        wanted = self.place_indexes(place)
        return [r for r in self.records if any(p[0] in wanted for p in r.places)]

    def place_indexes(self, place: Place) -> set[int]:
        """Indexes into the place table of `place` and, for a region or country, of the places in it."""
        if place.level == "country":
            return {i for i, p in enumerate(self.place_table) if p.country == place.country}
        if place.level == "region" and place.admin1:
            return {
                i
                for i, p in enumerate(self.place_table)
                if (p.admin1 == place.admin1 and p.country == place.country) or p == place
            }
        return {i for i, p in enumerate(self.place_table) if p == place}

    def events_naming_person(self, name: str) -> list[EventRecord]:
        """Events naming the person or organisation called `name` (as the table shows it), newest first."""
        key = fold(name)
        wanted = {i for i, (shown, _kind) in enumerate(self.people_table) if fold(shown) == key}
        return [r for r in self.records if any(p[0] in wanted for p in r.people)]

    # -- what the library names -------------------------------------------------------------------

    def places(self) -> list[NamedSummary]:
        """Every place named, most named first (then by name)."""
        seen: dict[int, list[int]] = {}
        for record in self.records:
            for index in {p[0] for p in record.places}:
                _note(seen, index, record.day)
        summaries = [
            NamedSummary(self.place_table[i].name, n, first, last, place=self.place_table[i])
            for i, (n, first, last) in seen.items()
        ]
        return sorted(summaries, key=lambda s: (-s.events, s.name, s.place.admin1 or ""))  # type: ignore[union-attr]

    def people(self) -> list[NamedSummary]:
        """Every person and organisation named, most named first (then by name)."""
        seen: dict[int, list[int]] = {}
        for record in self.records:
            for index in {p[0] for p in record.people}:
                _note(seen, index, record.day)
        return sorted(
            (
                NamedSummary(self.people_table[i][0], n, first, last, kind=self.people_table[i][1])
                for i, (n, first, last) in seen.items()
            ),
            key=lambda s: (-s.events, s.name),
        )

    # -- totals -----------------------------------------------------------------------------------

    def totals(
        self,
        kind: str,
        by: str = "week",
        *,
        place: Place | None = None,
        since: dt.date | None = None,
        until: dt.date | None = None,
        records: Iterable[EventRecord] | None = None,
    ) -> list[Period]:
        """The total of one figure kind per ISO week (Monday first) or calendar month, oldest first, every
        period from the first to the last one with a dated event (zeros included), optionally only for
        events naming `place` (a region gathers its settlements). Cumulative figures ("since 2022") are
        left out: they are not events of that week. Events without a date cannot be placed and are left
        out too."""
        if by not in PERIODS:
            raise ValueError(f"by must be one of {PERIODS}, not {by!r}")
        wanted = self.place_indexes(place) if place is not None else None
        sums: dict[dt.date, list] = {}
        first: dt.date | None = None
        last: dt.date | None = None
        # (date, raw events) per day: from the raw lists, or from the records asked about.
        if records is None:
            groups = ((date, events) for _day, date, events in self.days)
        else:
            groups = ((r.date, [[r.event_id, 0, r.figures, r.places, r.people]]) for r in records)
        for date, events in groups:
            if date is None or (since and date < since) or (until and date > until):
                continue
            start = period_start(date, by)
            counted = wanted is None
            for event in events:
                if len(event) < 3:
                    continue
                if wanted is not None:
                    if not any(p[0] in wanted for p in event[3]):
                        continue
                    counted = True
                for figure in event[2]:
                    if figure[0] == kind and not figure[5]:
                        bucket = sums.setdefault(start, [0, [], False])
                        bucket[0] += figure[1]
                        if not bucket[1] or bucket[1][-1] != event[0]:
                            bucket[1].append(event[0])
                        bucket[2] = bucket[2] or figure[4]
            if counted:
                first = start if first is None or start < first else first
                last = start if last is None or start > last else last
        if first is None or last is None:
            return []
        periods = []
        start = first
        while start <= last:
            total, events, approx = sums.get(start, (0, [], False))
            end = next_period(start, by) - dt.timedelta(days=1)
            periods.append(Period(period_label(start, by), start, end, total, tuple(events), approx))
            start = next_period(start, by)
        return periods


def _note(seen: dict[int, list[int]], index: int, day: int) -> None:
    entry = seen.get(index)
    if entry is None:
        seen[index] = [1, day, day]
    else:
        entry[0] += 1
        entry[1] = min(entry[1], day)
        entry[2] = max(entry[2], day)


def period_start(date: dt.date, by: str) -> dt.date:
    """The Monday of the ISO week, or the first of the month, holding `date`."""
    if by == "week":
        return date - dt.timedelta(days=date.weekday())
    return date.replace(day=1)


def next_period(start: dt.date, by: str) -> dt.date:
    if by == "week":
        return start + dt.timedelta(days=7)
    return (start.replace(day=28) + dt.timedelta(days=4)).replace(day=1)


def period_label(start: dt.date, by: str) -> str:
    """ "2024-W45" for a week, "2024-11" for a month."""
    if by == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.strftime("%Y-%m")
