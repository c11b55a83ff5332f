"""`warreader list`, `show DAY` and `search QUERY`: read the library and print it.

Also the small helpers every store command shares: opening the library from `--db`, parsing a day number,
and printing bulletin or user text so that it can never drive the terminal (escape sequences) — `print`
of plain strings, never Rich markup.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterable

from warreader.commands.terminal_text import dump_json, one_line, safe
from warreader.errors import InputError, NotFoundError
from warreader.model import bulletin_to_doc
from warreader.store import Annotation, Library
from warreader.store.records import DayBulletin, Source

__all__ = ["dump_json", "one_line", "safe", "open_library", "parse_day", "describe_annotation", "run"]


def open_library(args: argparse.Namespace, *, seed: bool = True) -> Library:
    """The library at `--db`. Deferred: a command about a few days reads only those days (see
    `warreader.store.slices`); anything needing the whole library loads it when it asks."""
    return Library.open(args.db, seed_samples=seed, defer_bulletins=True, keep_caches=True)


def parse_day(value: str) -> int:
    """`981`, `day 981` or `1,000` → the day number; InputError otherwise."""
    from warreader.days import day_number

    number = day_number(value)
    if number is None:
        raise InputError(f"{value!r} is not a day number (e.g. 981).")
    return number


def describe_annotation(annotation: Annotation | None, indent: str = "") -> list[str]:
    """Readable lines for an annotation's tags, flags and note."""
    if annotation is None:
        return []
    lines = []
    if annotation.tags:
        lines.append(indent + "tags: " + ", ".join(one_line(t) for t in annotation.tags))
    if annotation.flags:
        lines.append(indent + "flags: " + ", ".join(one_line(f) for f in annotation.flags))
    if annotation.note:
        note_lines = safe(annotation.note).splitlines() or [""]
        lines.append(indent + "note: " + note_lines[0])
        lines.extend(indent + "      " + line for line in note_lines[1:])
    return lines


def _list(library: Library, args: argparse.Namespace) -> int:
    days = library.days()
    if args.json:
        print(
            dump_json(
                [
                    {
                        "day": d.day,
                        "date": d.date.isoformat() if d.date else None,
                        "title": d.title,
                        "sections": d.sections,
                        "events": d.events,
                        "annotated": d.annotated,
                        "flagged": d.flagged,
                        "bulletins": d.bulletins,
                        "outlets": list(d.outlets),
                    }
                    for d in days
                ]
            )
        )
        return 0
    if not days:
        print("The library is empty; add bulletins with `warreader import PATH`.", file=sys.stderr)
        return 0
    print(f"{'day':>5}  {'date':<10}  {'sections':>8}  {'events':>6}  {'annotated':>9}  title")
    for d in days:
        date = d.date.isoformat() if d.date else "?"
        outlets = f"  [{d.bulletins} bulletins: {outlet_list(d.outlets)}]" if d.bulletins > 1 else ""
        print(
            f"{d.day:>5}  {date:<10}  {d.sections:>8}  {d.events:>6}  {d.annotated:>9}  "
            f"{one_line(d.title or '')}{outlets}"
        )
    return 0


def outlet_list(outlets: Iterable[str | None]) -> str:
    return ", ".join(one_line(o) if o else "unnamed" for o in outlets)


def source_record(source: Source) -> dict:
    """A source as `show --json` gives it: `path` or `url`, then where else it can be found."""
    where = {"url": source.source} if source.is_url else {"path": source.source}
    return {
        **where,
        "canonical_url": source.canonical_url,
        "imported_at": source.imported_at,
        "reading_copy": source.reading_copy,
    }


def bulletin_record(day_bulletin: DayBulletin) -> dict:
    """One bulletin of a day as `show --json` lists it under "bulletins"."""
    doc = bulletin_to_doc(day_bulletin.bulletin)
    return {
        "id": day_bulletin.id,
        "outlet": day_bulletin.outlet,
        "title": doc["title"],
        "date": doc["date"],
        "sources": [source_record(s) for s in day_bulletin.sources],
        "sections": doc["sections"],
    }


def _show(library: Library, args: argparse.Namespace) -> int:
    from warreader.days import find_day

    try:
        day = find_day(args.day, library.days())  # 987, 1,000, 2024-11-08, Nov 8 2024…
    except NotFoundError as error:
        raise NotFoundError(f"{error} (library {library.path})") from None
    bulletins = library.bulletins(day)
    if not bulletins:
        raise NotFoundError(f"Day {day} is not in the library {library.path}.")
    if args.json:
        # The top level describes the day's first bulletin (the one the reader opens on), as before there
        # could be several; "bulletins" lists them all.
        doc = bulletin_to_doc(bulletins[0].bulletin)
        doc["bulletins"] = [bulletin_record(b) for b in bulletins]
        print(dump_json(doc))
        return 0
    first = bulletins[0].bulletin
    print(one_line(first.title or f"Day {day}"))
    date = first.date.strftime("%A %d %B %Y") if first.date else "date unknown"
    count = f" · {len(bulletins)} bulletins: {outlet_list(b.outlet for b in bulletins)}"
    print(f"day {day} · {date}" + (count if len(bulletins) > 1 else ""))
    day_note = library.day_note(day)
    if day_note:
        print("day note:")
        print("\n".join("  " + line for line in safe(day_note.note).splitlines()))
    for day_bulletin in bulletins:
        _show_bulletin(library, day_bulletin, several=len(bulletins) > 1)
    return 0


def _show_bulletin(library: Library, day_bulletin: DayBulletin, *, several: bool) -> None:
    bulletin = day_bulletin.bulletin
    reading = day_bulletin.reading
    copies = len(day_bulletin.sources)
    more = f" (1 of {copies} copies: `warreader sources {bulletin.day}`)" if copies > 1 else ""
    if several:
        print()
        print(f"━━ {one_line(day_bulletin.outlet or 'unnamed outlet')} ━━ {one_line(bulletin.title or '')}")
    print(f"source: {one_line(reading.link)}{more}")
    named = [x for x in (bulletin.outlet, bulletin.canonical_url) if x and x != reading.link]
    if named:
        print(" · ".join(one_line(x) for x in named))
    for warning in bulletin.warnings:
        print(f"warning: {one_line(warning)}")
    for section in bulletin.sections:
        print()
        theme = one_line(section.theme) + (", inferred from its events" if section.theme_inferred else "")
        print(f"{one_line(section.heading or '(no heading)')}  [{theme}]")
        for event in section.events:
            print(f"  • {one_line(event.text)}")
            print(f"    id {event.id}")
            for line in describe_annotation(library.annotation(event.id), indent="    "):
                print(line)


def _search(library: Library, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise InputError("--limit must be 0 or more.")
    query = " ".join(args.query)
    refs = library.find(query, limit=args.limit)
    if args.json:
        print(
            dump_json(
                [
                    {
                        "id": r.id,
                        "day": r.day,
                        "date": r.date.isoformat() if r.date else None,
                        "heading": r.heading,
                        "theme": r.theme,
                        "text": r.text,
                        "outlet": r.outlet,
                        "orphan": r.section_index < 0,
                    }
                    for r in refs
                ]
            )
        )
        return 0
    if not refs:
        print(f"No event matches {one_line(query)!r}.", file=sys.stderr)
        return 0
    for r in refs:
        date = r.date.isoformat() if r.date else "?"
        orphan = " · orphan" if r.section_index < 0 else ""
        print(f"day {r.day} ({date}) · {one_line(r.heading or '(no heading)')} · {r.id}{orphan}")
        print(f"  {one_line(r.text)}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch `list`, `show` and `search`."""
    command = {"list": _list, "show": _show, "search": _search}[args.command]
    with open_library(args) as library:
        return command(library, args)
