"""The library's facts, kept in `facts.json` beside the library: the one module of `warreader.facts` that
reads a `Library`.

`facts.json` is a derived cache like summary.json, never a user data file: it holds the `_rev` of the
bulletins.json it was derived from and a fingerprint of the tables it was extracted with (extractor
version, gazetteer, the bundled and the user's places.toml and people.toml). `load_index` answers from it
when both still match — `warreader facts --by week` over 1,500 days then never parses bulletins.json —
and otherwise re-reads the library, reuses each unchanged event's facts by event id (and a checksum of
its exact text, since offsets point into it), extracts the rest, and rewrites the file atomically, best
effort: a cache that cannot be written only costs the next run the same work.

```
{"_rev": "<bulletins.json's _rev>", "format": 1, "tables": "<fingerprint>",
 "places": [[name, admin1, country, lat, lon, level], …],      every place named, once
 "people": [[name, kind], …],
 "days": [[day, "2024-11-08" or null, [[event_id, crc32, figures, places, people], …]], …]}
   newest day first, events in reading order; an event without facts is [event_id, crc32];
   figures: [[kind, value, low, high, approx, cumulative, unit, quote, start, end], …]
   places / people: [[index into "places" / "people", quote, start, end], …]
```

`iter_events(library)` is the only place that walks the library's events: when a day gains several
bulletins (one per outlet), it is the function to adapt.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import orjson

from warreader.facts.gazetteer import tables_fingerprint, user_places_path
from warreader.facts.model import EventFacts, Place
from warreader.facts.people import PEOPLE_FILE, user_people_path
from warreader.facts.queries import FactsIndex
from warreader.resources import data_dir

if TYPE_CHECKING:
    from warreader.facts.extractor import Extractor

FACTS_FILE = "facts.json"
FORMAT = 1
#: Raise when a rule changes what is extracted: every cached event is then extracted again.
EXTRACTOR_VERSION = 1

Progress = Callable[[int, int], None]


@dataclass(frozen=True, slots=True)
class LibraryEvent:
    """One stored event with what facts need to know of where it lives."""

    day: int
    date: dt.date | None
    source: str
    event_id: str
    text: str


def iter_events(library) -> Iterator[LibraryEvent]:
    """Every stored event — of every bulletin of a day — newest day first, in reading order within a day."""
    for summary in library.days():
        for day_bulletin in library.bulletins(summary.day):
            bulletin = day_bulletin.bulletin
            date = bulletin.date or summary.date
            for _section, event in bulletin.iter_events():
                yield LibraryEvent(summary.day, date, day_bulletin.reading.link, event.id, event.text)


def default_extractor() -> Extractor:
    """`warreader.facts.extractor.default_extractor`, imported only when facts must be extracted: a
    current cache is answered without compiling the extractor's rules."""
    from warreader.facts.extractor import default_extractor as default

    return default()


def facts_path(library) -> Path:
    return Path(library.path) / FACTS_FILE


def fingerprint() -> str:
    """What the cached facts depend on besides the bulletins: the extractor and every table."""
    digest = hashlib.sha256(f"{FORMAT}:{EXTRACTOR_VERSION}".encode())
    digest.update(tables_fingerprint(data_dir() / "places.toml", user_places_path()).encode())
    for path in (data_dir() / PEOPLE_FILE, user_people_path()):
        try:
            digest.update(path.read_bytes())
        except OSError:
            digest.update(b"-")
    return digest.hexdigest()[:20]


def bulletins_rev(library) -> str | None:
    """The `_rev` of the library's bulletins.json (None when it has none): the facts of `library` change
    only when it does (or a table does), so a caller holding an index read at this `_rev` can keep it."""
    # Imported here: a cached answer must not pay for importing the store's internals it does not use.
    from warreader.store.layout import BULLETINS
    from warreader.store.storage import head_rev

    return head_rev(Path(library.path) / BULLETINS)


def load_index(
    library,
    *,
    extractor: Extractor | None = None,
    progress: Progress | None = None,
    write: bool = True,
) -> FactsIndex:
    """The facts of every event of `library`: from facts.json when it is current, else refreshed (and
    rewritten when `write`). `progress(done, total)` counts the events being read while extracting."""
    tables = fingerprint() if extractor is None else _extractor_fingerprint(extractor)
    # The `_rev` is read before the library's contents: should another process write meanwhile, the
    # cache is labelled with the older `_rev` and merely refreshed again next time, never trusted wrongly.
    rev = bulletins_rev(library)
    from warreader.store.storage import gc_paused

    # The cache's rows (hundreds of thousands of small lists, read or built here) outlive this call: left
    # to the cyclic collector, its full collections would walk them, and the tables, again and again
    # while they are made (a third of reading facts.json, ~15 % of a first fill).
    with gc_paused():
        cached = _read(facts_path(library))
        if (
            cached is not None
            and rev is not None
            and cached.get("_rev") == rev
            and cached.get("tables") == tables
        ):
            index = _from_document(cached)
            if index is not None:
                return index
        reusable = cached if cached is not None and cached.get("tables") == tables else None
        library.reload_if_changed()
        document = _refresh(library, extractor, reusable, progress)
        document["tables"] = tables
        index = _from_document(document)
    if write and rev is not None:
        document["_rev"] = rev
        _write(facts_path(library), document)
    return index  # type: ignore[return-value]


def _extractor_fingerprint(extractor: Extractor) -> str:
    # A caller's own extractor (tests): its cache is only valid for the very same object's tables.
    return f"custom-{id(extractor.gazetteer)}-{id(extractor.people)}"


def _read(path: Path) -> dict | None:
    try:
        document = orjson.loads(path.read_bytes())
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        return None
    return document


def _write(path: Path, document: dict) -> None:
    from warreader.store.atomic import atomic_write_bytes

    try:
        atomic_write_bytes(path, orjson.dumps(document))
    except OSError:
        pass  # only a cache: the next run refreshes again


def _from_document(document: dict) -> FactsIndex | None:
    """The index held by a facts.json document, or None when it is not in the expected shape."""
    try:
        places = [Place(*row) for row in document["places"]]
        people = [(name, kind) for name, kind in document["people"]]
        days = []
        for day, date, events in document["days"]:
            if not isinstance(day, int) or not isinstance(events, list):
                return None
            days.append((day, dt.date.fromisoformat(date) if date else None, events))
    except (KeyError, TypeError, ValueError):
        return None
    return FactsIndex(days, places, people)


class _Tables:
    """The place and people tables of a document being built, each entry once."""

    def __init__(self) -> None:
        self.places: list[list] = []
        self.people: list[list] = []
        self._places: dict[tuple, int] = {}
        self._people: dict[tuple, int] = {}

    def place(self, key: tuple) -> int:
        index = self._places.get(key)
        if index is None:
            index = self._places[key] = len(self.places)
            self.places.append(list(key))
        return index

    def person(self, key: tuple) -> int:
        index = self._people.get(key)
        if index is None:
            index = self._people[key] = len(self.people)
            self.people.append(list(key))
        return index


def _refresh(library, extractor: Extractor | None, reusable: dict | None, progress: Progress | None) -> dict:
    """A new document from the library's events, reusing `reusable`'s facts of unchanged events."""
    old: dict[str, list] = {}  # event id → its row in `reusable`
    old_places: list = []
    old_people: list = []
    if reusable is not None:
        try:
            old_places, old_people = reusable["places"], reusable["people"]
            for _day, _date, events in reusable["days"]:
                for event in events:
                    if len(event) not in (2, 5):
                        raise ValueError("not a row of facts.json")
                    old[event[0]] = event
        except (KeyError, TypeError, ValueError):
            old, old_places, old_people = {}, [], []
    events = list(iter_events(library))
    crcs = [zlib.crc32(e.text.encode("utf-8", "surrogatepass")) for e in events]
    todo = [
        e.text
        for e, crc in zip(events, crcs, strict=True)
        if (previous := old.get(e.event_id)) is None or previous[1] != crc
    ]
    # The tables are loaded only when there is something to read (importing a day already known is free).
    extracted = iter(_extract_all(todo, extractor or default_extractor(), progress) if todo else ())
    tables = _Tables()
    # The tables are made again in the order events name their entries (newest day first), so a reused
    # event's indexes are mapped from the old tables' to the new ones: each old entry is looked up once.
    place_map: list[int | None] = [None] * len(old_places)
    person_map: list[int | None] = [None] * len(old_people)

    def place(i: int) -> int:
        new = place_map[i]
        if new is None:
            new = place_map[i] = tables.place(tuple(old_places[i]))
        return new

    def person(i: int) -> int:
        new = person_map[i]
        if new is None:
            new = person_map[i] = tables.person(tuple(old_people[i]))
        return new

    days: list[list] = []
    current: list | None = None
    for event, crc in zip(events, crcs, strict=True):
        if current is None or current[0] != event.day:
            current = [event.day, event.date.isoformat() if event.date else None, []]
            days.append(current)
        previous = old.get(event.event_id)
        if previous is not None and previous[1] == crc:
            if len(previous) == 2:
                current[2].append(previous)
                continue
            figures = previous[2]
            places = [[place(p[0]), p[1], p[2], p[3]] for p in previous[3]]
            people = [[person(p[0]), p[1], p[2], p[3]] for p in previous[4]]
        else:
            raw = next(extracted)
            if raw is None:
                current[2].append([event.event_id, crc])
                continue
            figures = raw[0]
            places = [[tables.place(key), quote, start, end] for key, quote, start, end in raw[1]]
            people = [[tables.person(key), quote, start, end] for key, quote, start, end in raw[2]]
        current[2].append(
            [event.event_id, crc, figures, places, people]
            if figures or places or people
            else [event.event_id, crc]
        )
    return {"format": FORMAT, "places": tables.places, "people": tables.people, "days": days}


#: Below this many events to read, one process does it all (starting helpers costs ~0.5 s).
PARALLEL_MIN = 6_000
_CHUNK = 1_000


def _extract_all(texts: list[str], extractor: Extractor, progress: Progress | None) -> list[Raw | None]:
    """The facts of each text (`_raw`), in order: on several cores when there are many (the first fill of
    a big library) and the process may fork, else here. `progress(done, total)` counts texts."""
    total = len(texts)
    if total >= PARALLEL_MIN and extractor is default_extractor() and _may_fork():
        from concurrent.futures.process import BrokenProcessPool

        try:
            return _extract_forked(texts, progress)
        except (OSError, BrokenProcessPool):
            pass  # no helpers to be had: read them here
    found = []
    for i, text in enumerate(texts):
        found.append(_raw(extractor.extract(text)))
        if progress and (i % 500 == 499 or i == total - 1):
            progress(i + 1, total)
    return found


def _may_fork() -> bool:
    """Fork helpers only from a single-threaded process (the command line; never the reader, whose
    threads a fork would copy mid-work), where fork exists, with at least two cores."""
    import multiprocessing
    import threading

    return (
        _cores() >= 2 and threading.active_count() == 1 and "fork" in multiprocessing.get_all_start_methods()
    )


def _cores() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def _extract_forked(texts: list[str], progress: Progress | None) -> list[Raw | None]:
    # Forked helpers inherit the loaded tables: nothing is imported or read again.
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    chunks = [texts[i : i + _CHUNK] for i in range(0, len(texts), _CHUNK)]
    found: list[Raw | None] = []
    with ProcessPoolExecutor(min(_cores(), 8), mp_context=multiprocessing.get_context("fork")) as pool:
        for chunk in pool.map(_extract_chunk, chunks):
            found.extend(chunk)
            if progress:
                progress(len(found), len(texts))
    return found


def _extract_chunk(texts: list[str]) -> list[Raw | None]:
    extractor = default_extractor()
    return [_raw(extractor.extract(text)) for text in texts]


#: An event's facts in the cache's shapes, its places and people not yet numbered: (figures, [(place row,
#: quote, start, end)…], [((name, kind), quote, start, end)…]). Plain tuples and lists: a helper process
#: sends them back at C speed (named tuples are made again one by one in Python when unpickled).
Raw = tuple[list, list, list]


def _raw(facts: EventFacts) -> Raw | None:
    if not facts:
        return None
    return (
        [list(f) for f in facts.figures],  # a Figure's fields are in the cache's order
        [(tuple(m.place), m.quote, m.start, m.end) for m in facts.places],
        [((m.name, m.kind), m.quote, m.start, m.end) for m in facts.people],
    )
