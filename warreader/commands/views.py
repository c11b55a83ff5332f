"""`warreader views`: saved queries, like newsboat's query feeds, with their current counts."""

from __future__ import annotations

import argparse
import sys

from warreader.commands.library import dump_json, one_line, open_library


def run(args: argparse.Namespace) -> int:
    with open_library(args) as library:
        if args.action == "add":
            view = library.save_view(args.name, " ".join(args.query))
            count = len(library.find(view.query))
            print(f"saved the view {one_line(view.name)!r}: {one_line(view.query)} ({count} events now)")
            return 0
        if args.action == "rm":
            library.remove_view(args.name)
            print(f"removed the view {one_line(args.name)!r}")
            return 0
        views = library.views()
        rows = [(view, len(library.find(view.query))) for view in views]
        if args.json:
            print(dump_json([{"name": v.name, "query": v.query, "count": n} for v, n in rows]))
            return 0
        if not rows:
            print("No saved views yet: `warreader views add NAME QUERY` saves one.", file=sys.stderr)
            return 0
        width = max(len(v.name) for v, _ in rows)
        for view, count in rows:
            print(f"{one_line(view.name):<{width}}  {count:>6}  {one_line(view.query)}")
    return 0
