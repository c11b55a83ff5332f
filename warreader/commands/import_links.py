"""The links part of `warreader import`: fetch each link, expand feeds and index pages, report each.

Failures go to stderr as one line naming the link (the others go on); what a feed or index page listed
goes to stdout. The bulletins are returned to `import_`, which stores them with the files in one write.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable

from warreader.commands.import_ import _progress
from warreader.commands.library import one_line
from warreader.errors import InputError
from warreader.fetch.client import DEFAULT_TIMEOUT, Fetcher
from warreader.fetch.collect import Collector
from warreader.fetch.links import Link, Listing
from warreader.fetch.urls import FetchError
from warreader.model import Bulletin

#: From this many linked pages on, fetching shows a progress bar (when stderr is a terminal).
PROGRESS_MIN_LINKS = 2


def _describe(listing: Listing, fresh: list[Link], stored: int) -> str:
    listed = len(listing.bulletins)
    parts = [f"{listed} bulletin{'s' if listed != 1 else ''} listed"]
    if stored:
        parts.append(f"{stored} already in the library")
    if earlier := listed - stored - len(fresh):
        parts.append(f"{earlier} already read in this run")
    parts.append(f"fetching {len(fresh)}")
    if listing.others:
        parts.append(f"{listing.others} other link{'s' if listing.others != 1 else ''} ignored")
    return f"{listing.kind} {one_line(listing.url)}: " + ", ".join(parts)


def fetch_links(
    urls: Iterable[str], known_sources: Iterable[str], *, timeout: float | None = None
) -> tuple[list[Bulletin], int]:
    """The bulletins the links give, and how many links failed (each reported on stderr)."""
    if timeout is not None and not timeout > 0:
        raise InputError(f"--timeout must be a number of seconds above 0, not {timeout:g}.")
    bulletins: list[Bulletin] = []
    failed = 0

    def fail(error: FetchError) -> None:
        nonlocal failed
        print(f"warreader: {one_line(error)}", file=sys.stderr)
        failed += 1

    with Fetcher(timeout=timeout or DEFAULT_TIMEOUT) as fetcher:
        collector = Collector(fetcher, known_sources)
        pending: list[Link] = []
        for url in urls:
            try:
                found = collector.read(url)
            except FetchError as error:
                fail(error)
                continue
            if isinstance(found, Listing):
                fresh, stored = collector.new_links(found)
                print(_describe(found, fresh, stored))
                pending.extend(fresh)
            elif found is not None:  # None: the same link given twice
                bulletins.extend(found)
        # Only stderr is written while the bar shows: stdout may be a file, and Rich would divert it.
        with _progress(len(pending), "fetching", PROGRESS_MIN_LINKS) as advance:
            for link in pending:
                try:
                    bulletins.extend(collector.bulletins(link.url))
                except FetchError as error:
                    fail(error)
                advance()
    return bulletins, failed
