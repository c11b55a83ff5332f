"""`warreader import PATH…`: parse bulletin files or folders and store them, keeping every note.

Files that fail to parse (not a bulletin, unreadable, too large…) are reported by name and the others
are still stored; the exit status is then 2. A file holding several bulletins stores each of them.
The library is written once for the whole run. A progress bar goes to stderr when it is a terminal.
"""

from __future__ import annotations

import argparse
import contextlib
import sys
from collections.abc import Iterator
from pathlib import Path

from warreader.commands.library import one_line, open_library
from warreader.errors import InputError
from warreader.model import Bulletin

#: Below this many files the run is quick enough that a progress bar would only flicker.
PROGRESS_MIN_FILES = 20


def _expand(paths: list[Path]) -> tuple[list[Path], int]:
    """Files to parse and how many paths were missing (each reported on stderr)."""
    from warreader.parsing import iter_bulletin_files

    try:
        return iter_bulletin_files(paths), 0
    except InputError:
        files: list[Path] = []
        missing = 0
        for path in paths:  # report each bad path on its own, keep the good ones
            try:
                files.extend(iter_bulletin_files([path]))
            except InputError as error:
                print(f"warreader: {error}", file=sys.stderr)
                missing += 1
        return files, missing


@contextlib.contextmanager
def _progress(total: int) -> Iterator:
    """A transient Rich progress bar on stderr (no markup from file names ever reaches it), or nothing."""
    if total < PROGRESS_MIN_FILES or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn("parsing"), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task("parsing", total=total)
        yield lambda: progress.advance(task)


def _parse_all(files: list[Path]) -> tuple[list[Bulletin], int]:
    from warreader.parsing import parse_path

    bulletins: list[Bulletin] = []
    failed = 0
    with _progress(len(files)) as advance:
        for path in files:
            try:
                bulletins.extend(parse_path(path))  # a file may hold several bulletins
            except InputError as error:
                print(f"warreader: {one_line(error)}", file=sys.stderr)
                failed += 1
            advance()
    return bulletins, failed


def run(args: argparse.Namespace) -> int:
    """Parse, store once, then print what happened to each day and to the notes."""
    files, failed = _expand(list(args.paths))
    bulletins, parse_failures = _parse_all(files)
    failed += parse_failures
    # A user importing their own bulletins does not want the bundled samples mixed in.
    with open_library(args, seed=False) as library:
        known = {summary.day for summary in library.days()}
        report = library.import_bulletins(bulletins)
    kept = {b.day: b for b in bulletins if b.day is not None}  # a day given twice: the last file wins
    for day, bulletin in sorted(kept.items()):
        source = one_line(bulletin.source)
        if day not in report.days:
            print(f"unchanged day {day} ({source})")
        else:
            print(f"{'updated' if day in known else 'imported'} day {day} from {source}")
    for message in report.messages:
        print(one_line(message))
    print(f"{report.summary()}, failed {failed} → {one_line(library.path)}")
    if not files and not failed:
        print("warreader: no bulletin files found", file=sys.stderr)
        return 2
    return 2 if failed else 0
