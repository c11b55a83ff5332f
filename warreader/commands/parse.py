"""`warreader parse PATH… [--json]`: parse files or folders and print what was found; writes nothing."""

from __future__ import annotations

import argparse
import json
import sys

from warreader.errors import InputError
from warreader.model import Bulletin, bulletin_to_doc
from warreader.parsing import iter_bulletin_files, parse_file
from warreader.themes import theme_label


def summary(bulletin: Bulletin) -> str:
    """A readable multi-line summary of one parsed bulletin."""
    date = f"{bulletin.date.isoformat()} ({bulletin.date.strftime('%A')})" if bulletin.date else "unknown"
    lines = [
        bulletin.source,
        f"  day:      {bulletin.day if bulletin.day is not None else 'unknown'}",
        f"  date:     {date}",
        f"  title:    {bulletin.title or '(none)'}",
        f"  events:   {bulletin.event_count} in {len(bulletin.sections)} section(s)",
    ]
    for section in bulletin.sections:
        heading = section.heading if section.heading is not None else "(no heading)"
        captions = f", {len(section.captions)} caption(s)" if section.captions else ""
        lines.append(
            f"    {heading} → {section.theme} ({theme_label(section.theme)}): "
            f"{len(section.events)} event(s){captions}"
        )
    for warning in bulletin.warnings:
        lines.append(f"  warning:  {warning}")
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
                print(f"warreader: {error}", file=sys.stderr)
                failed += 1
    docs = []
    for path in paths:
        try:
            bulletin = parse_file(path)
        except InputError as error:
            print(f"warreader: {error}", file=sys.stderr)
            failed += 1
            continue
        if args.json:
            docs.append(bulletin_to_doc(bulletin))
        else:
            print(summary(bulletin))
            print()
    if args.json:
        print(json.dumps(docs, ensure_ascii=False, indent=2))
    if not paths and not failed:
        print("warreader: no bulletin files found", file=sys.stderr)
        return 2
    return 2 if failed else 0
