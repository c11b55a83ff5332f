"""Sections over the headless core: import, open, annotate and search."""

from __future__ import annotations

import importlib
import shutil
import time

from bench.measure import Figure, Goal, NotAvailable, latency_figures, median, missing, ms, time_calls
from bench.workspace import Workspace
from warreader.generator import write_corpus

#: A word in about a third of all events, and one in about one event per hundred days.
COMMON_WORD = "Kyiv"
RARE_WORD = "Ocheretyne"
#: What the reader's search asks the library for (500 results shown, one more to know there are more).
READER_LIMIT = 501

IMPORT_GOAL = Goal(">=", 1000)
MEMORY_GOAL = Goal("<=", 200)


def require(module: str, what: str) -> object:
    """Import a warreader part or raise NotAvailable naming it."""
    try:
        return importlib.import_module(module)
    except ImportError as error:
        raise NotAvailable(f"{what} ({module}) is not importable: {error}") from None


def import_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    """Write the corpus, then parse + store it `runs` times into fresh libraries, each in a fresh process.

    The last library is kept for the other sections. Without a parser, the library is built from the
    generator's own models so the store figures can still be measured.
    """
    start = time.perf_counter()
    ws.generated = write_corpus(ws.corpus, ws.days, ws.seed)
    figures = [Figure("generate corpus", time.perf_counter() - start, "s", f"{ws.days} files, once")]
    require("warreader.store", "the store")
    try:
        require("warreader.parsing", "the parser")
    except NotAvailable as why:
        _build_without_parser(ws)
        return figures + [
            missing("import rate", "bulletins/s", str(why), IMPORT_GOAL),
            missing("import peak memory (RSS)", "MB", str(why), MEMORY_GOAL),
        ]

    results = []
    for run in range(ws.runs):
        db = ws.root / f"import-{run}"
        results.append(ws.child("import", str(ws.corpus), str(db)))
        if ws.library is not None:
            shutil.rmtree(ws.library, ignore_errors=True)
        ws.library = db
    rates = [r["bulletins"] / (r["seconds"] - r["modules_seconds"]) for r in results]
    n = len(results)
    events = sum(b.event_count for b in ws.generated)
    figures += [
        Figure(
            "import rate",
            median(rates),
            "bulletins/s",
            f"median of {n}",
            IMPORT_GOAL,
            f"{ws.days} days, {events:,} events; parse + store, fresh process each",
        ),
        Figure(
            "  parse share",
            ms(median([r["parse_seconds"] for r in results])) / ws.days,
            "ms/bulletin",
            f"median of {n}",
        ),
        Figure(
            "  store share",
            median([r["store_seconds"] for r in results]),
            "s",
            f"median of {n}",
            note="Library.open + import_bulletins, one durable write",
        ),
        Figure(
            "import peak memory (RSS)",
            max(r["maxrss_mb"] for r in results),
            "MB",
            f"max of {n}",
            MEMORY_GOAL,
            "ru_maxrss of the importing process, interpreter included",
        ),
    ]
    traced = ws.child("import", str(ws.corpus), str(ws.root / "import-traced"), "--tracemalloc")
    shutil.rmtree(ws.root / "import-traced", ignore_errors=True)
    peak = traced["tracemalloc_peak_mb"]
    figures.append(Figure("import peak Python heap", peak, "MB", "tracemalloc, 1 run"))
    figures.append(_read_back(ws, results[-1]["read_back"]))
    return figures


def _read_back(ws: Workspace, read_back: list[list]) -> Figure:
    """How many generated days the parser read back with the generator's day, date and event count."""
    expected = {b.day: [b.day, b.date.isoformat(), b.event_count] for b in ws.generated}
    same = sum(1 for got in read_back if got[0] in expected and expected[got[0]] == got)
    wrong = sorted(got[0] or 0 for got in read_back if got[0] not in expected or expected[got[0]] != got)
    note = "all match" if not wrong else f"differ: days {', '.join(map(str, wrong[:8]))}"
    return Figure(
        "parser read-back (day, date, events)",
        100.0 * same / max(1, len(expected)),
        "%",
        f"{same}/{len(expected)} days",
        Goal(">=", 100),
        note,
    )


def _build_without_parser(ws: Workspace) -> None:
    from warreader.store import Library

    ws.library = ws.root / "library-from-models"
    library = Library.open(ws.library, seed_samples=False)
    try:
        library.import_bulletins(b.to_bulletin() for b in ws.generated)
    finally:
        library.close()
    ws.library_note = "library built from generator models (no parser)"


def need_library(ws: Workspace) -> None:
    if ws.library is None:
        raise NotAvailable("no library was built (see the import section)")


def open_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    """Library.open + days() + the newest bulletin, in a fresh process each run (page cache warm)."""
    require("warreader.store", "the store")
    need_library(ws)
    runs = [ws.child("open", str(ws.library)) for _ in range(max(ws.runs, 3))]
    n = len(runs)
    return [
        Figure(
            "open library",
            ms(median([r["seconds"] for r in runs])),
            "ms",
            f"median of {n}",
            Goal("<=", 150),
            f"{runs[0]['days']} days: open, day list, newest day; fresh process",
        ),
        Figure("  open (worst)", ms(max(r["seconds"] for r in runs)), "ms", f"worst of {n}", Goal("<=", 150)),
        Figure(
            "  import of warreader.store",
            ms(median([r["modules_seconds"] for r in runs])),
            "ms",
            f"median of {n}",
        ),
        Figure("  RSS after open", median([r["maxrss_mb"] for r in runs]), "MB", f"median of {n}"),
    ]


def sample_event_ids(library, count: int) -> list[str]:
    """`count` event ids spread evenly over the library's days (first event of each picked day, then
    the second…), so writes touch old and new days alike."""
    days = [d.day for d in library.days()]
    if not days:
        raise NotAvailable("the library has no days")
    ids: list[str] = []
    step = max(1, len(days) // count)
    depth = 0
    while len(ids) < count and depth < 40:
        for day in days[::step]:
            events = [e.id for _, e in library.bulletin(day).iter_events()]
            if depth < len(events):
                ids.append(events[depth])
                if len(ids) == count:
                    break
        depth += 1
    return ids


def annotate_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    """One durable annotation write (a tag and a note), timed one by one on an open library."""
    store = require("warreader.store", "the store")
    need_library(ws)
    library = store.Library.open(ws.library, seed_samples=False)
    try:
        count = 10 if ws.quick else 50
        ids = iter(sample_event_ids(library, count))
        samples = time_calls(
            lambda: library.annotate(next(ids), add_tags=("bench",), note="Benchmark note: check this."),
            count,
        )
    finally:
        library.close()
    return latency_figures("annotate (tag + note)", samples, 10, "durable: returns once fsynced")


def search_section(ws: Workspace, out: list[Figure]) -> list[Figure]:
    """`Library.search` over all days: the first call (index build included), then warm repeats."""
    store = require("warreader.store", "the store")
    need_library(ws)
    library = store.Library.open(ws.library, seed_samples=False)
    figures = []
    try:
        start = time.perf_counter()
        first = library.search(COMMON_WORD)
        figures.append(
            Figure(
                "search: first query (index build)",
                ms(time.perf_counter() - start),
                "ms",
                "1 run",
                note=f"{COMMON_WORD!r}; includes building the index",
            )
        )
        repeats = 10 if ws.quick else 40
        for word, label in ((COMMON_WORD, "common"), (RARE_WORD, "rare")):
            hits = len(library.search(word))
            samples = time_calls(lambda w=word: library.search(w), repeats)
            figures += latency_figures(
                f"search {label} word {word!r}",
                samples,
                16,
                f"{hits:,} hits, all returned (as `warreader search`)",
            )
        # The reader asks for at most 501 results (500 shown, "+" if more): the cost it actually pays.
        samples = time_calls(lambda: library.search(COMMON_WORD, limit=READER_LIMIT), repeats)
        figures += latency_figures(
            f"search common word, limit {READER_LIMIT}", samples, 16, "as the reader asks"
        )
        assert first is not None
    finally:
        library.close()
    return figures
