"""`warreader sources DAY`: a day's bulletins and every copy of each; pick which copy is read.

Each bulletin is numbered in the day's order and each copy within it, so `--read 1.2` reads the second
copy of the first bulletin from now on (imports leave that choice alone) and `--auto 1` gives the choice
back to warreader (the best copy: not spun, not cut off, most events).
"""

from __future__ import annotations

import argparse
import re

from warreader.commands.library import dump_json, one_line, open_library, parse_day, source_record
from warreader.errors import InputError, NotFoundError
from warreader.store import Library
from warreader.store.records import DayBulletin

_COPY = re.compile(r"^\s*(\d+)\s*\.\s*(\d+)\s*$")


def _bulletin_number(value: str, bulletins: list[DayBulletin], day: int) -> DayBulletin:
    if not value.strip().isdigit() or not 1 <= int(value) <= len(bulletins):
        raise NotFoundError(f"Day {day} has {len(bulletins)} bulletin(s); there is no bulletin {value!r}.")
    return bulletins[int(value) - 1]


def _records(bulletins: list[DayBulletin]) -> list[dict]:
    return [
        {
            "number": n,
            "id": b.id,
            "outlet": b.outlet,
            "picked": b.picked,
            "copies": [
                dict(source_record(s), number=f"{n}.{c}", title=s.title, events=s.events, warnings=s.warnings)
                for c, s in enumerate(b.sources, 1)
            ],
        }
        for n, b in enumerate(bulletins, 1)
    ]


def _print(day: int, bulletins: list[DayBulletin]) -> None:
    for n, bulletin in enumerate(bulletins, 1):
        how = "your pick" if bulletin.picked else "the best copy"
        print(f"bulletin {n}: {one_line(bulletin.outlet or 'unnamed outlet')}  ({how} is read)")
        for c, source in enumerate(bulletin.sources, 1):
            mark = "▶" if source.reading_copy else " "
            warnings = f"; {', '.join(one_line(w) for w in source.warnings)}" if source.warnings else ""
            print(f"  {mark} {n}.{c}  {source.events} events{warnings}")
            print(f"         {one_line(source.link)}  (imported {source.imported_at})")
            if source.canonical_url and source.canonical_url != source.source:
                print(f"         from {one_line(source.source)}")
    print()
    print(f"Read another copy: `warreader sources {day} --read N.C`; back to the best: `--auto N`.")


def run(args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    with open_library(args) as library:
        bulletins = library.bulletins(day)
        if not bulletins:
            raise NotFoundError(f"Day {day} is not in the library {library.path}.")
        if args.read is not None or args.auto is not None:
            return _pick(library, day, bulletins, args)
        if args.json:
            print(dump_json(_records(bulletins)))
        else:
            _print(day, bulletins)
    return 0


def _pick(library: Library, day: int, bulletins: list[DayBulletin], args: argparse.Namespace) -> int:
    if args.read is not None:
        match = _COPY.match(args.read)
        if match is None:
            raise InputError(
                f"--read takes BULLETIN.COPY as `warreader sources {day}` numbers them, e.g. 1.2"
            )
        bulletin = _bulletin_number(match.group(1), bulletins, day)
        copy = int(match.group(2)) - 1
    else:
        bulletin, copy = _bulletin_number(args.auto, bulletins, day), None
    report = library.pick_copy(day, bulletin.id, copy)
    (now,) = [b for b in library.bulletins(day) if b.id == bulletin.id]
    how = "from now on, whatever later imports bring" if now.picked else "the best copy, chosen by warreader"
    print(f"day {day}, {one_line(now.outlet or 'bulletin')}: reading {one_line(now.reading.link)} ({how})")
    for message in report.messages:
        print(one_line(message))
    if report.moved or report.orphaned:
        print(f"notes: moved by closest quote: {report.moved}, orphaned {report.orphaned}")
    return 0
