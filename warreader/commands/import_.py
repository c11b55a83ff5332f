"""`warreader import PATH_OR_URL…`: parse bulletin files or folders, fetch links, store them, keeping
every note.

Files or links that fail (not a bulletin, unreadable, too large, an HTTP error…) are reported by name and
the others are still stored; the exit status is then 2. A file holding several bulletins stores each.
The library is written once for the whole run. A progress bar goes to stderr when it is a terminal.
Links (`https://…`) are read by `warreader.commands.import_links`, loaded only when one is given.
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
from warreader.store.records import SourceOutcome

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
def _progress(total: int, label: str = "parsing", minimum: int = PROGRESS_MIN_FILES) -> Iterator:
    """A transient Rich progress bar on stderr (no markup from file names ever reaches it), or nothing."""
    if total < minimum or not sys.stderr.isatty():
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TimeRemainingColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as progress:
        task = progress.add_task(label, total=total)
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


def describe_outcome(outcome: SourceOutcome) -> str:
    """One line per bulletin given: `day 981: new bulletin (Al Jazeera) from day0981.txt`."""
    source = one_line(outcome.source)
    if outcome.outcome == "skipped":
        return f"{source}: skipped: {one_line(outcome.detail)}"
    named = outcome.outlet and outcome.outlet != Path(outcome.source).name  # not just the file's name
    outlet = f" ({one_line(outcome.outlet)})" if named else ""
    what = {
        "new bulletin": f"new bulletin{outlet}",
        "new copy": f"new copy of the bulletin{outlet}",
        "updated": f"updated its copy of the bulletin{outlet}",
        "unchanged": f"unchanged{outlet}",
    }[outcome.outcome]
    return f"day {outcome.day}: {what} from {source}"


def _update_facts(library) -> None:
    """Find the figures, places and people of the new days now (facts.json), so `warreader facts` answers at
    once. Only a derived cache: should it fail, the import stands and `warreader facts` tries again."""
    from warreader.commands.facts import _progress
    from warreader.facts.index import load_index

    try:
        with _progress(len(library.days())) as progress:
            load_index(library, progress=progress)
    except Exception as error:  # noqa: BLE001 - a cache must never fail an import that succeeded
        print(f"warreader: the facts of the new days were not updated ({one_line(error)}); "
              "`warreader facts` will try again.", file=sys.stderr)  # fmt: skip


def run(args: argparse.Namespace) -> int:
    """Parse and fetch, store once, then print what happened to each day and to the notes."""
    from warreader.fetch import is_url  # no httpx: that loads only when a link is fetched

    urls = [arg for arg in args.paths if is_url(arg)]
    files, failed = _expand([Path(arg) for arg in args.paths if not is_url(arg)])
    bulletins, parse_failures = _parse_all(files)
    failed += parse_failures
    # A user importing their own bulletins does not want the bundled samples mixed in.
    with open_library(args, seed=False) as library:
        if urls:
            from warreader.commands.import_links import fetch_links

            fetched, fetch_failures = fetch_links(urls, library.known_sources(), timeout=args.timeout)
            bulletins.extend(fetched)
            failed += fetch_failures
        report = library.import_bulletins(bulletins)
        if report.days:
            _update_facts(library)
    for outcome in report.sources:
        print(describe_outcome(outcome))
    for message in report.messages:
        if not message.startswith(tuple(o.source for o in report.sources if o.outcome == "skipped")):
            print(one_line(message))
    print(f"{report.summary()}, failed {failed} → {one_line(library.path)}")
    if not files and not urls and not failed:
        print("warreader: no bulletin files found", file=sys.stderr)
        return 2
    return 2 if failed else 0
