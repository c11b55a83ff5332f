"""`warreader list`, `show DAY` and `search QUERY`: read the library and print it.

Also the small helpers every store command shares: opening the library from `--db`, parsing a day number,
and printing bulletin or user text so that it can never drive the terminal (escape sequences) — `print`
of plain strings, never Rich markup.
"""

from __future__ import annotations

import argparse
import sys

from warreader.commands.terminal_text import dump_json, one_line, safe
from warreader.errors import InputError, NotFoundError
from warreader.model import bulletin_to_doc
from warreader.store import Annotation, Library

__all__ = ["dump_json", "one_line", "safe", "open_library", "parse_day", "describe_annotation", "run"]


def open_library(args: argparse.Namespace, *, seed: bool = True) -> Library:
    return Library.open(args.db, seed_samples=seed)


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
        print(
            f"{d.day:>5}  {date:<10}  {d.sections:>8}  {d.events:>6}  {d.annotated:>9}  "
            f"{one_line(d.title or '')}"
        )
    return 0


def _show(library: Library, args: argparse.Namespace) -> int:
    from warreader.days import find_day

    try:
        day = find_day(args.day, library.days())  # 987, 1,000, 2024-11-08, Nov 8 2024…
    except NotFoundError as error:
        raise NotFoundError(f"{error} (library {library.path})") from None
    bulletin = library.bulletin(day)
    if bulletin is None:
        raise NotFoundError(f"Day {day} is not in the library {library.path}.")
    if args.json:
        print(dump_json(bulletin_to_doc(bulletin)))
        return 0
    print(one_line(bulletin.title or f"Day {day}"))
    date = bulletin.date.strftime("%A %d %B %Y") if bulletin.date else "date unknown"
    print(f"day {day} · {date} · {one_line(bulletin.source)}")
    if bulletin.outlet or bulletin.canonical_url:
        print(" · ".join(one_line(x) for x in (bulletin.outlet, bulletin.canonical_url) if x))
    for warning in bulletin.warnings:
        print(f"warning: {one_line(warning)}")
    day_note = library.day_note(day)
    if day_note:
        print("day note:")
        print("\n".join("  " + line for line in safe(day_note.note).splitlines()))
    for section in bulletin.sections:
        print()
        theme = one_line(section.theme) + (", inferred from its events" if section.theme_inferred else "")
        print(f"{one_line(section.heading or '(no heading)')}  [{theme}]")
        for event in section.events:
            print(f"  • {one_line(event.text)}")
            print(f"    id {event.id}")
            for line in describe_annotation(library.annotation(event.id), indent="    "):
                print(line)
    return 0


def _search(library: Library, args: argparse.Namespace) -> int:
    if args.limit is not None and args.limit < 0:
        raise InputError("--limit must be 0 or more.")
    refs = library.search(args.query, limit=args.limit)
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
                    }
                    for r in refs
                ]
            )
        )
        return 0
    if not refs:
        print(f"No event matches {one_line(args.query)!r}.", file=sys.stderr)
        return 0
    for r in refs:
        date = r.date.isoformat() if r.date else "?"
        print(f"day {r.day} ({date}) · {one_line(r.heading or '(no heading)')} · {r.id}")
        print(f"  {one_line(r.text)}")
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch `list`, `show` and `search`."""
    command = {"list": _list, "show": _show, "search": _search}[args.command]
    with open_library(args) as library:
        return command(library, args)
