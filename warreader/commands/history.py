"""`warreader history`, `undo` and `tags`: what changed, taking a change back, and tags as a whole."""

from __future__ import annotations

import argparse
import sys

from warreader.commands.library import dump_json, one_line, open_library
from warreader.store import Library
from warreader.store.history import Change
from warreader.store.records import normalise_tag

_UNDO_HINT = "`warreader undo` takes it back"


def _change_record(change: Change) -> dict:
    return {
        "id": change.id,
        "at": change.at,
        "origin": change.origin,
        "label": change.label,
        "undoes": change.undoes,
        "undone_by": change.undone_by,
        "items": [
            {
                "kind": item.kind,
                ("event_id" if item.kind == "annotation" else "day"): (
                    item.target if item.kind == "annotation" else int(item.target)
                ),
                "before": item.before,
                "after": item.after,
            }
            for item in change.items
        ],
    }


def _describe_value(side: dict | None) -> str:
    if side is None:
        return "(none)"
    shown = {k: v for k, v in side.items() if k in ("tags", "flags", "note", "event_id")} or side
    return "; ".join(
        f"{k}: {one_line(v if not isinstance(v, list) else ', '.join(v))}" for k, v in shown.items()
    )


def _history(library: Library, args: argparse.Namespace) -> int:
    changes = library.history(args.event_id, limit=args.limit)
    if args.json:
        print(dump_json([_change_record(c) for c in changes]))
        return 0
    if not changes:
        print("No recorded change" + (f" of {args.event_id}." if args.event_id else "."), file=sys.stderr)
        return 0
    for change in changes:
        state = f"  (undone by {change.undone_by})" if change.undone_by else ""
        undoes = f"  (undoes {change.undoes})" if change.undoes else ""
        count = f", {len(change.items)} items" if len(change.items) > 1 else ""
        print(f"{change.id}  {change.at}  {change.origin:<7}  {one_line(change.label)}{count}{undoes}{state}")
        for item in change.items[: None if args.event_id or len(change.items) <= 3 else 3]:
            where = item.target if item.kind == "annotation" else f"day {item.target}"
            print(f"    {where}: {_describe_value(item.before)}  →  {_describe_value(item.after)}")
        if not args.event_id and len(change.items) > 3:
            print(f"    … and {len(change.items) - 3} more")
    return 0


def _undo(library: Library, args: argparse.Namespace) -> int:
    change = library.redo() if args.redo else library.undo(args.change_id)
    what, _, label = change.label.partition(": ")
    print(f"{what}ne: {one_line(label)} (recorded as {change.id}; `warreader undo` again goes further back)")
    return 0


def _tags(library: Library, args: argparse.Namespace) -> int:
    if args.action == "rename":
        count = library.rename_tag(args.old, args.new)
        old, new = normalise_tag(args.old), normalise_tag(args.new)
        print(f"renamed #{one_line(old)} to #{one_line(new)} on {count} event(s) ({_UNDO_HINT})")
        return 0
    if args.action == "rm":
        count = library.remove_tag(args.tag)
        print(f"removed #{one_line(normalise_tag(args.tag))} from {count} event(s) ({_UNDO_HINT})")
        return 0
    stats = library.tag_stats()
    if args.json:
        print(dump_json([{"tag": s.tag, "count": s.count, "last_used": s.last_used} for s in stats]))
        return 0
    if not stats:
        print("No tags yet: `warreader annotate EVENT_ID --tag TAG` adds one.", file=sys.stderr)
        return 0
    width = max(len(s.tag) for s in stats)
    print(f"{'tag':<{width}}  {'events':>6}  last used")
    for stat in stats:
        print(f"{one_line(stat.tag):<{width}}  {stat.count:>6}  {stat.last_used}")
    return 0


def run(args: argparse.Namespace) -> int:
    command = {"history": _history, "undo": _undo, "tags": _tags}[args.command]
    with open_library(args) as library:
        return command(library, args)
