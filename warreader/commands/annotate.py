"""`warreader annotate`, `day-note`, `orphans` and `reattach`: write notes from the command line.

Each writing command returns (exit status 0) only after `Library` has made the change durable on disk.
"""

from __future__ import annotations

import argparse
import sys

from warreader.commands.library import (
    describe_annotation,
    dump_json,
    one_line,
    open_library,
    parse_day,
    safe,
)
from warreader.errors import InputError, NotFoundError
from warreader.store import Annotation, Library


def _note_text(value: str | None) -> str | None:
    """`--note -` reads the note from stdin (one trailing newline dropped); None leaves it alone."""
    if value != "-":
        return value
    text = sys.stdin.read()
    return text[:-1] if text.endswith("\n") else text


def _annotate(library: Library, args: argparse.Namespace) -> int:
    if (args.event_id is None) == (args.query is None):
        raise InputError("Name one event (EVENT_ID) or give --query QUERY, not both.")
    if args.query is not None:
        return _annotate_query(library, args)
    note = _note_text(args.note)
    append = _note_text(args.append_note)
    if not (args.tag or args.untag or args.flag or args.unflag or note is not None or append):
        annotation = library.annotation(args.event_id)  # nothing to change: show what is there
        if annotation is None and library.locate(args.event_id) is None:
            raise NotFoundError(f"No event with id {args.event_id} in the library {library.path}.")
        lines = describe_annotation(annotation)
        print("\n".join(lines) if lines else f"{args.event_id} has no annotation.")
        return 0
    annotation = library.annotate(
        args.event_id,
        add_tags=args.tag,
        remove_tags=args.untag,
        note=note,
        add_flags=args.flag,
        remove_flags=args.unflag,
        append_note=append,
    )
    if annotation is None:
        print(f"{args.event_id}: no tag, flag or note left; the annotation is removed.")
    else:
        orphan = " (orphan: its event is not in the library)" if annotation.orphan else ""
        print(f"saved {annotation.event_id}{orphan}")
        print("\n".join(describe_annotation(annotation, indent="  ")))
    return 0


def _annotate_query(library: Library, args: argparse.Namespace) -> int:
    """The same tag/flag change on every event the query finds: counted first, one step to undo."""
    from warreader.cli import BULK_CONFIRM

    if args.note is not None or args.append_note is not None:
        raise InputError("--query tags and flags many events at once; notes are written one event at a time.")
    if not (args.tag or args.untag or args.flag or args.unflag):
        raise InputError("--query needs a change: --tag, --untag, --flag or --unflag.")
    found = [ref for ref in library.find(args.query) if ref.section_index >= 0 or library.annotation(ref.id)]
    if not found:
        print(f"No event matches {one_line(args.query)!r}; nothing was changed.")
        return 0
    print(f"{len(found)} event(s) match {one_line(args.query)!r}.")
    if len(found) > BULK_CONFIRM and not args.yes:
        print(f"That is more than {BULK_CONFIRM}: run it again with --yes to change them all.")
        print("Nothing was changed.")
        return 3
    changed, change_id = library.annotate_many(
        [ref.id for ref in found],
        add_tags=args.tag,
        remove_tags=args.untag,
        add_flags=args.flag,
        remove_flags=args.unflag,
    )
    if change_id is None:
        print("They all had that already; nothing was changed.")
    else:
        print(f"changed {changed} event(s) in one step ({change_id}; `warreader undo` takes it back).")
    return 0


def _day_note(library: Library, args: argparse.Namespace) -> int:
    day = parse_day(args.day)
    text = _note_text(args.note)
    if text is None:
        note = library.day_note(day)
        if note is None:
            print(f"Day {day} has no note.", file=sys.stderr)
        else:
            print(safe(note.note))
        return 0
    note = library.set_day_note(day, text)
    print(f"saved the note on day {day}" if note else f"removed the note on day {day}")
    return 0


def _orphan_record(library: Library, orphan: Annotation) -> dict:
    candidates = library.candidates(orphan.id)
    return {
        "kind": "orphan",
        "id": orphan.id,
        "event_id": orphan.event_id,
        "day": orphan.day,
        "heading": orphan.heading,
        "quote": orphan.quote,
        "tags": orphan.tags,
        "flags": orphan.flags,
        "note": orphan.note,
        "reattach": f"warreader reattach {orphan.id} EVENT_ID",
        "candidates": [
            {
                "id": ref.id,
                "day": ref.day,
                "score": round(score, 1),
                "text": ref.text,
                "command": f"warreader reattach {orphan.id} {ref.id}",
            }
            for ref, score in candidates
        ],
    }


def _moved_record(annotation: Annotation) -> dict:
    moved = annotation.moved
    assert moved is not None
    return {
        "kind": "moved",
        "id": annotation.id,
        "event_id": annotation.event_id,
        "day": annotation.day,
        "heading": annotation.heading,
        "quote": annotation.quote,
        "tags": annotation.tags,
        "flags": annotation.flags,
        "note": annotation.note,
        "moved_from": {
            "event_id": moved.event_id,
            "quote": moved.quote,
            "at": moved.at,
            "score": moved.score,
        },
        "accept": f"warreader orphans --accept {annotation.id}",
        "undo": f"warreader orphans --undo {annotation.id}",
    }


def _orphans(library: Library, args: argparse.Namespace) -> int:
    if args.accept or args.undo:
        for annotation_id in args.accept:
            kept = library.accept_move(annotation_id)
            print(f"accepted: {annotation_id} stays on {kept.event_id} (day {kept.day})")
        for annotation_id in args.undo:
            back = library.undo_move(annotation_id)
            where = "an orphan with its original quote" if back.orphan else f"on {back.event_id} again"
            print(f"undone: {annotation_id} is back on its original event: {where}")
        return 0
    orphans = library.orphans()
    moved = library.moved()
    records = [_orphan_record(library, orphan) for orphan in orphans]
    moved_records = [_moved_record(annotation) for annotation in moved]
    if args.json:
        print(dump_json(records + moved_records))
        return 0
    if not records and not moved_records:
        print("No orphaned or moved annotations: every note is attached to its event.")
        return 0
    if records:
        print(
            f"{len(records)} annotation(s) lost their event. Re-attach each with "
            "`warreader reattach ORPHAN_ID EVENT_ID`."
        )
    for orphan, record in zip(orphans, records, strict=True):
        print()
        day = record["day"] if record["day"] is not None else "?"
        print(f"orphan {record['id']}  (day {day}, was {record['event_id']})")
        print(f"  quote: {one_line(record['quote'])}")
        for line in describe_annotation(orphan, indent="  "):
            print(line)
        if record["candidates"]:
            print("  closest events:")
            for c in record["candidates"]:
                print(f"    {c['score']:5.1f}  {c['id']}  {one_line(c['text'])[:100]}")
                print(f"           {c['command']}")
        else:
            print(f"  no close event found (is day {day} imported?); fix with: {record['reattach']}")
    if moved_records:
        if records:
            print()
        print(
            f"{len(moved_records)} annotation(s) were moved to the closest event by an import. Check "
            "each: keep it with `--accept ID`, put it back with `--undo ID`."
        )
    for annotation, record in zip(moved, moved_records, strict=True):
        print()
        source = record["moved_from"]
        print(f"moved {record['id']}  (day {record['day']}, score {source['score']:.0f}, {source['at']})")
        print(f"  was:  {one_line(source['quote'])}")
        print(f"  now:  {one_line(record['quote'])}")
        for line in describe_annotation(annotation, indent="  "):
            print(line)
        print(f"  {record['accept']}   ·   {record['undo']}")
    return 0


def _reattach(library: Library, args: argparse.Namespace) -> int:
    annotation = library.reattach(args.orphan_id, args.event_id)
    print(
        f"re-attached {args.orphan_id} to {annotation.event_id} "
        f"(day {annotation.day}, {one_line(annotation.heading or annotation.theme or '')})"
    )
    return 0


def run(args: argparse.Namespace) -> int:
    """Dispatch `annotate`, `day-note`, `orphans` and `reattach`."""
    command = {"annotate": _annotate, "day-note": _day_note, "orphans": _orphans, "reattach": _reattach}[
        args.command
    ]
    with open_library(args) as library:
        return command(library, args)
