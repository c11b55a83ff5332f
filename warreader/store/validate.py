"""Structural checks of a library file as read, before anything is built from it or written over it.

A library file damaged in any way — bad JSON, a table entry that is not an object, a document key that is
not a number, a field of the wrong type — must give one clear error naming the file, from every command,
and never be rewritten: code further on assumes these shapes, and a write would carry the damage (or a
repair the user did not ask for) into the next version. Each check returns None when the tables are
sound, else a short description of the first problem found ("annotations → 12: `tags` is not a list of
strings"); `CachedJSONStorage` turns it into the corrupt-file message.

The checks walk every document once with plain type tests: about 10 ms on a 1,500-day library.
"""

from __future__ import annotations

from collections.abc import Callable

Problem = str | None
Checker = Callable[[dict], Problem]

#: The largest day number stored: ~270 years of days. Larger numbers are typos or hostile input, and
#: numbers past 64 bits cannot even be written by orjson.
MAX_DAY = 100_000


def valid_day(value: object) -> bool:
    return type(value) is int and 0 < value <= MAX_DAY


def _is_str_list(value: object) -> bool:
    return type(value) is list and all(type(item) is str for item in value)


def _optional_str(value: object) -> bool:
    return value is None or type(value) is str


def _keys_are_numbers(table: dict) -> Problem:
    for key in table:
        if not key.isdigit() or not key.isascii():
            return f"the document key {key!r} is not a number"
    return None


def check_day(doc: dict) -> Problem:
    """One stored day document (what `SlicedDays` checks of each day it reads)."""
    return _day(doc)


def _day(doc: dict) -> Problem:
    """A schema-2 day document (see `warreader.store.day_docs`)."""
    if not valid_day(doc.get("day")):
        return "`day` is not a day number"
    bulletins = doc.get("bulletins")
    if type(bulletins) is not list or not bulletins:
        return "`bulletins` is not a list of bulletins"
    for b, bulletin in enumerate(bulletins, 1):
        if type(bulletin) is not dict:
            return f"bulletin {b} is not an object"
        if type(bulletin.get("id")) is not str or not _optional_str(bulletin.get("outlet")):
            return f"bulletin {b} has no text id or an outlet that is not text"
        if type(bulletin.get("reading")) is not int or type(bulletin.get("picked", False)) is not bool:
            return f"bulletin {b}'s reading copy is not a copy number"
        copies = bulletin.get("copies")
        if type(copies) is not list or not copies or not 0 <= bulletin["reading"] < len(copies):
            return f"bulletin {b} has no list of copies holding its reading copy"
        for c, copy in enumerate(copies, 1):
            if type(copy) is not dict:
                return f"bulletin {b}, copy {c} is not an object"
            if (problem := _copy(copy)) is not None:
                return f"bulletin {b}, copy {c}: {problem}"
    return None


def _copy(doc: dict) -> Problem:
    for name in ("date", "title", "canonical_url", "outlet"):
        if not _optional_str(doc.get(name)):
            return f"`{name}` is not text"
    for name in ("source", "imported_at"):
        if type(doc.get(name, "")) is not str:
            return f"`{name}` is not text"
    sections = doc.get("sections")
    if type(sections) is not list:
        return "`sections` is not a list"
    for n, section in enumerate(sections, 1):
        if type(section) is not dict:
            return f"section {n} is not an object"
        if type(section.get("theme")) is not str or not _optional_str(section.get("heading")):
            return f"section {n} has no theme or a heading that is not text"
        events = section.get("events")
        if type(events) is not list:
            return f"section {n} has no list of events"
        for event in events:
            if type(event) is not dict or not (type(event.get("id")) is type(event.get("text")) is str):
                return f"section {n} holds an event without a text id and text"
        if not _is_str_list(section.get("captions", [])):
            return f"section {n}'s captions are not a list of text"
    if not _is_str_list(doc.get("warnings", [])):
        return "`warnings` is not a list of text"
    return None


def _annotation(doc: dict) -> Problem:
    for name in ("id", "event_id"):
        if type(doc.get(name)) is not str or not doc.get(name):
            return f"`{name}` is missing or not text"
    day = doc.get("day")
    if day is not None and not valid_day(day):
        return "`day` is not a day number"
    for name in ("tags", "flags"):
        if not _is_str_list(doc.get(name, [])):
            return f"`{name}` is not a list of text"
    for name in ("note", "quote", "created_at", "updated_at"):
        if type(doc.get(name, "")) is not str:
            return f"`{name}` is not text"
    moved = doc.get("moved")
    if moved is not None and (
        type(moved) is not dict or not (type(moved.get("event_id")) is type(moved.get("quote")) is str)
    ):
        return "`moved` does not name the event and quote it came from"
    for name in ("theme", "heading"):
        if not _optional_str(doc.get(name)):
            return f"`{name}` is not text"
    return None


def _day_note(doc: dict) -> Problem:
    if not valid_day(doc.get("day")):
        return "`day` is not a day number"
    if type(doc.get("note")) is not str or type(doc.get("updated_at", "")) is not str:
        return "`note` is not text"
    return None


def _change(doc: dict) -> Problem:
    """A history record (see `warreader.store.history`)."""
    if type(doc.get("id")) is not str or type(doc.get("origin")) is not str:
        return "it has no text id and origin"
    items = doc.get("items")
    if type(items) is not list:
        return "`items` is not a list"
    for n, item in enumerate(items, 1):
        if type(item) is not dict or item.get("kind") not in ("annotation", "day_note"):
            return f"item {n} is not an annotation or day-note change"
        for side in ("before", "after"):
            if item.get(side) is not None and type(item.get(side)) is not dict:
                return f"item {n}: `{side}` is not an object"
    return None


def _saved_view(doc: dict) -> Problem:
    if type(doc.get("name")) is not str or type(doc.get("query")) is not str:
        return "a saved view without a text name and query"
    return None


def _check_tables(tables: dict, documents: dict[str, Callable[[dict], Problem]]) -> Problem:
    for name, table in tables.items():
        problem = _keys_are_numbers(table)
        if problem is not None:
            return f"table {name!r}: {problem}"
        check = documents.get(name)
        for key, doc in table.items():
            if type(doc) is not dict:
                return f"table {name!r}, document {key}: not an object"
            if check is not None and (problem := check(doc)) is not None:
                return f"table {name!r}, document {key}: {problem}"
    return None


def check_bulletins(tables: dict) -> Problem:
    """bulletins.json: table `bulletins`, one document per day keyed by its day number."""
    problem = _check_tables(tables, {"bulletins": _day})
    if problem is not None:
        return problem
    for key, doc in tables.get("bulletins", {}).items():
        if doc["day"] != int(key):
            return f"table 'bulletins', document {key}: it holds day {doc['day']}"
    return None


def check_annotations(tables: dict) -> Problem:
    """annotations.json: tables `annotations`, `day_notes` (keyed by day number) and `history`."""
    return _check_tables(
        tables, {"annotations": _annotation, "day_notes": _day_note, "history": _change, "views": _saved_view}
    )
