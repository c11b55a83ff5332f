"""`warreader parse PATH… [--json]`: parse files or folders and print what was found; writes nothing.

A file holding several bulletins gives one summary (or JSON object) per bulletin, in file order. Text
from the files is printed through the same guard as `show` (`commands.terminal_text`), and the JSON
through `dump_json`, so a hostile file cannot drive the terminal.
"""

from __future__ import annotations

import argparse
import sys

from warreader.commands.terminal_text import dump_json, one_line
from warreader.errors import InputError
from warreader.model import Bulletin, bulletin_to_doc
from warreader.parsing import iter_bulletin_files, parse_path
from warreader.themes import theme_label


def summary(bulletin: Bulletin) -> str:
    """A readable multi-line summary of one parsed bulletin (every piece of text on one safe line)."""
    date = f"{bulletin.date.isoformat()} ({bulletin.date.strftime('%A')})" if bulletin.date else "unknown"
    lines = [
        one_line(bulletin.source),
        f"  day:      {bulletin.day if bulletin.day is not None else 'unknown'}",
        f"  date:     {date}",
        f"  title:    {one_line(bulletin.title or '(none)')}",
    ]
    if bulletin.outlet or bulletin.canonical_url:
        where = " · ".join(one_line(x) for x in (bulletin.outlet, bulletin.canonical_url) if x)
        lines.append(f"  outlet:   {where}")
    lines.append(f"  events:   {bulletin.event_count} in {len(bulletin.sections)} section(s)")
    for section in bulletin.sections:
        heading = one_line(section.heading) if section.heading is not None else "(no heading)"
        captions = f", {len(section.captions)} caption(s)" if section.captions else ""
        guessed = ", inferred from its events" if section.theme_inferred else ""
        lines.append(
            f"    {heading} → {section.theme} ({one_line(theme_label(section.theme))}{guessed}): "
            f"{len(section.events)} event(s){captions}"
        )
    for warning in bulletin.warnings:
        lines.append(f"  warning:  {one_line(warning)}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    """Parse every file named (folders expanded); a file that fails is reported and the rest still run."""
    failed = 0
    try:
        paths = iter_bulletin_files(args.paths)
    except InputError:
        # Report each missing path on its own, then parse whatever does exist.
        paths = []
        for path in args.paths:
            try:
                paths.extend(iter_bulletin_files([path]))
            except InputError as error:
                print(f"warreader: {one_line(error)}", file=sys.stderr)
                failed += 1
    docs = []
    for path in paths:
        try:
            bulletins = parse_path(path)  # a file may hold several bulletins
        except InputError as error:
            print(f"warreader: {one_line(error)}", file=sys.stderr)
            failed += 1
            continue
        for bulletin in bulletins:
            if args.json:
                docs.append(bulletin_to_doc(bulletin))
            else:
                print(summary(bulletin))
                print()
    if args.json:
        print(dump_json(docs))
    if not paths and not failed:
        print("warreader: no bulletin files found", file=sys.stderr)
        return 2
    return 2 if failed else 0
