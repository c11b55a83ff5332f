"""Work the benchmark times in a fresh interpreter: `python -m bench.child import|open ...`.

A fresh process per run keeps runs independent (no warm caches, no memory left over from the previous
run) and lets the parent read this process's own peak RSS. Prints one JSON object on stdout.
"""

from __future__ import annotations

import argparse
import json
import resource
import sys
import time
import tracemalloc
from pathlib import Path


def _maxrss_mb() -> float:
    # ru_maxrss is in kilobytes on Linux (bytes on macOS).
    scale = 1 / (1024 * 1024) if sys.platform == "darwin" else 1 / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * scale


def do_import(corpus: Path, db: Path, trace: bool) -> dict:
    """Parse every file of `corpus` and store them in a new library at `db`, as `warreader import` does."""
    if trace:
        tracemalloc.start()
    start = time.perf_counter()
    from warreader.parsing import iter_bulletin_files, parse_path
    from warreader.store import Library

    modules = time.perf_counter() - start
    parse_seconds = 0.0
    read_back: list[list] = []

    def parsed():
        # A generator, so the store sees an iterator (as with a real import) and parse time is
        # counted apart from store time.
        nonlocal parse_seconds
        for path in iter_bulletin_files([corpus]):
            t = time.perf_counter()
            bulletins = parse_path(path)
            parse_seconds += time.perf_counter() - t
            for bulletin in bulletins:
                read_back.append(
                    [bulletin.day, bulletin.date.isoformat() if bulletin.date else None, bulletin.event_count]
                )
                yield bulletin

    library = Library.open(db, seed_samples=False)
    try:
        report = library.import_bulletins(parsed())
    finally:
        library.close()
    seconds = time.perf_counter() - start
    result = {
        "seconds": seconds,
        "modules_seconds": modules,
        "parse_seconds": parse_seconds,
        "store_seconds": seconds - modules - parse_seconds,
        "imported": report.imported,
        "bulletins": len(read_back),
        "read_back": read_back,
        "maxrss_mb": _maxrss_mb(),
    }
    if trace:
        result["tracemalloc_peak_mb"] = tracemalloc.get_traced_memory()[1] / 1e6
    return result


def do_open(db: Path) -> dict:
    """Open the library and read what the reader's first screen needs: the day list and the newest day."""
    start = time.perf_counter()
    from warreader.store import Library

    modules = time.perf_counter() - start
    t = time.perf_counter()
    library = Library.open(db, seed_samples=False)
    days = library.days()
    newest = library.bulletin(days[0].day) if days else None
    opened = time.perf_counter() - t
    library.close()
    return {
        "seconds": opened,
        "modules_seconds": modules,
        "days": len(days),
        "newest_events": newest.event_count if newest else 0,
        "maxrss_mb": _maxrss_mb(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    sub = parser.add_subparsers(dest="task", required=True)
    p = sub.add_parser("import")
    p.add_argument("corpus", type=Path)
    p.add_argument("db", type=Path)
    p.add_argument("--tracemalloc", action="store_true")
    p = sub.add_parser("open")
    p.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    result = do_import(args.corpus, args.db, args.tracemalloc) if args.task == "import" else do_open(args.db)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
