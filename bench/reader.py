"""The reader section: start-up beside a bare Textual app, then day switch and search inside the app.

Start-up runs `python -m warreader --db LIB` with `WARREADER_EXIT_WHEN_READY=1` (the app exits once its
first screen shows the newest day) and `python -m bench.bare_app`, alternately, each in its own pty.

Keypresses are timed in-process with `App.run_test()`. Pilot's own `press()` sleeps for idle detection
(two 20 ms sleeps per key), so it cannot time a 16 ms budget; instead the key event is posted to the
driver as Pilot does, and the clock stops once every widget has processed its messages, no worker is
running and the screen has rendered the resulting update (what `Pilot.pause` forces at its end).
"""

from __future__ import annotations

import asyncio
import gc
import os
import sys
import time
from pathlib import Path

from bench.core import COMMON_WORD, RARE_WORD, need_library, require
from bench.measure import Figure, Goal, latency_figures, median, ms
from bench.pty_run import run_in_pty
from bench.workspace import REPO, Workspace

FIRST_SCREEN_RATIO = Goal("<=", 1.3)
FRAME_MS = 16


def reader_section(ws: Workspace, out: list[Figure]) -> None:
    require("warreader.tui", "the reader")
    require("textual", "Textual")
    need_library(ws)
    out.extend(first_screen(ws))
    out.extend(asyncio.run(_in_app(ws)))


def first_screen(ws: Workspace) -> list[Figure]:
    env = {**ws.env, "WARREADER_EXIT_WHEN_READY": "1"}
    # Both programs start with their modules' bytecode cached, as an installed package has it (pip compiles
    # at install; Textual's is in site-packages). With PYTHONDONTWRITEBYTECODE set (some shells and CI set
    # it) a source checkout's modules would be compiled on every start: ~0.1 s that only warreader paid.
    # The unmeasured warm-up start below writes the cache (git-ignored __pycache__ folders).
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    reader_cmd = [sys.executable, "-m", "warreader", "--db", str(ws.library)]
    bare_cmd = [sys.executable, "-m", "bench.bare_app"]
    # One unmeasured start of each first, so both find their modules' bytecode and files in the cache.
    runs = 1 if ws.quick else max(ws.runs, 7)
    reader, bare = [], []
    for index in range(runs + 1):
        for cmd, out in ((bare_cmd, bare), (reader_cmd, reader)):
            result = run_in_pty(*ws.launched(cmd), env, REPO)
            if result.returncode != 0:
                tail = result.output_tail.decode("utf-8", "replace")[-600:]
                raise RuntimeError(f"{' '.join(cmd[1:3])} exited {result.returncode}: {tail}")
            if index:
                out.append(result)
    reader_s = median([r.seconds for r in reader])
    bare_s = median([r.seconds for r in bare])
    n = len(reader)
    return [
        Figure(
            "first screen: warreader",
            ms(reader_s),
            "ms",
            f"median of {n}",
            note=f"process start → newest day painted; worst {ms(max(r.seconds for r in reader)):.0f} ms; "
            "bytecode cached",
        ),
        Figure(
            "first screen: bare Textual app",
            ms(bare_s),
            "ms",
            f"median of {n}",
            note="same interpreter, pty and size (120×40)",
        ),
        Figure("first screen ratio", reader_s / bare_s, "×", "ratio of medians", FIRST_SCREEN_RATIO),
        Figure(
            "reader peak memory (RSS)",
            max(r.maxrss_mb for r in reader),
            "MB",
            f"max of {n}",
            Goal("<=", 200),
            f"bare app: {max(r.maxrss_mb for r in bare):.0f} MB",
        ),
    ]


async def _settle(app, pilot) -> None:
    """Until every message is handled and no worker runs, then render the pending update (untimed use)."""
    from textual.worker import WorkerState

    busy = (WorkerState.PENDING, WorkerState.RUNNING)
    for _ in range(20_000):
        await pilot._wait_for_screen()
        nodes = [app, *app.screen.walk_children(with_self=True)]
        queued = any(node._message_queue.qsize() for node in nodes)
        working = any(worker.state in busy for worker in app.workers)
        if not queued and not working:
            break
        # A thread worker needs wall time, not just a turn of the event loop.
        await asyncio.sleep(0.0002 if working else 0)
    app.screen._on_timer_update()


def _rss_mb() -> float | None:
    """This process's resident memory now (Linux), or None where /proc is missing."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
    except (OSError, IndexError, ValueError):
        return None
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


class _Dispatching:
    """How many messages are being handled right now, across every widget (the benchmark's own count).

    Textual's message queues only tell what is waiting, not what a handler is still busy with (e.g. one
    awaiting a mount), so `MessagePump._dispatch_message` is wrapped to count handlers in flight."""

    count = 0
    installed = False

    @classmethod
    def install(cls) -> None:
        from textual.message_pump import MessagePump

        if cls.installed:
            return
        original = MessagePump._dispatch_message

        async def counted(pump, message):
            cls.count += 1
            try:
                return await original(pump, message)
            finally:
                cls.count -= 1

        MessagePump._dispatch_message = counted
        cls.installed = True


def _busy(app) -> bool:
    """Whether a message is queued or being handled, a `call_next` callback is due, or a worker runs."""
    from textual.worker import WorkerState

    if _Dispatching.count:
        return True
    for node in (app, *app.screen.walk_children(with_self=True)):
        if node._message_queue.qsize() or node._next_callbacks:
            return True
    return any(worker.state in (WorkerState.PENDING, WorkerState.RUNNING) for worker in app.workers)


async def _quiesce(app) -> None:
    """Until the app is idle (seen on three turns of the event loop in a row), then render the update.

    Timed keys wait this way rather than with `_settle`: Pilot's `_wait_for_screen` posts a callback to
    every widget and waits for each, adding ~3 ms of the benchmark's own messages to every key.
    """
    calm = 0
    for _ in range(200_000):
        if _busy(app):
            calm = 0
            await asyncio.sleep(0.0002 if app.workers else 0)
            continue
        calm += 1
        if calm >= 3:
            break
        await asyncio.sleep(0)
    app.screen._on_timer_update()


# Textual's key names and characters for the keys pressed here (what Pilot derives for "[" and "/").
_KEYS = {
    "[": ("left_square_bracket", "["),
    "]": ("right_square_bracket", "]"),
    "/": ("slash", "/"),
    "enter": ("enter", "\r"),
    "escape": ("escape", "\x1b"),
}


async def _key(app, pilot, key: str) -> float:
    """Post one key as Pilot does and time it until handled and rendered."""
    from textual import events

    name, char = _KEYS[key]
    start = time.perf_counter()
    app._driver.send_message(events.Key(name, char))
    await _quiesce(app)
    seconds = time.perf_counter() - start
    # Then, untimed, Pilot's thorough wait: the next key starts from an idle app.
    await _settle(app, pilot)
    return seconds


async def _in_app(ws: Workspace) -> list[Figure]:
    from warreader.settings import Settings
    from warreader.store import Library
    from warreader.tui import make_app
    from warreader.tui.views.search import SearchView

    rss_before = _rss_mb()
    library = Library.open(ws.library, seed_samples=False)
    _Dispatching.install()
    try:
        # Settings kept in memory only: the benchmark never writes the user's settings file.
        app = make_app(library, Settings(path=None))
        # As `warreader read` starts it: the garbage collector paused until the first screen, which then
        # freezes what start-up built (see `warreader.commands.read`).
        gc.disable()
        app.gc_paused_for_start = True
        async with app.run_test(size=(120, 40)) as pilot:
            # The app flags its first screen after the frame showing the newest day is painted.
            deadline = time.perf_counter() + 30
            while not app.ready:
                if time.perf_counter() > deadline:
                    raise RuntimeError("the reader did not report its first screen within 30 s")
                await pilot.pause(0.01)
            await _settle(app, pilot)  # the background load and the search indexes are done too
            rss_loaded = _rss_mb()
            screen = app.screen
            days = screen.day_list.days
            steps = min(len(days) - 1, 5 if ws.quick else 60)
            switch = []
            # Older with `[`, then back to the newest with `]`: every press opens another day.
            for key in ["["] * steps + ["]"] * steps:
                before = screen.current_day
                switch.append(await _key(app, pilot, key))
                if screen.current_day == before:
                    raise RuntimeError(f"pressing {key!r} did not change the day ({before})")
            searches: dict[str, list[float]] = {COMMON_WORD: [], RARE_WORD: []}
            first_search = None
            repeats = 2 if ws.quick else 15
            for _ in range(repeats):
                for word, samples in searches.items():
                    await _key(app, pilot, "/")
                    search_input = screen.query_one("#search-input")
                    search_input.value = word
                    # Typing renders the input (and relayouts it) keystroke by keystroke, before Enter.
                    await _settle(app, pilot)
                    seconds = await _key(app, pilot, "enter")
                    shown = screen.views.get(SearchView)
                    if shown is None or shown.query_shown != word:
                        raise RuntimeError(f"search for {word!r} showed no results")
                    if first_search is None:
                        first_search = seconds  # includes building the search index
                    else:
                        samples.append(seconds)
                    await _key(app, pilot, "escape")
            # How many results the reader lists after Enter: its first page (more load as the cursor nears
            # the end of the list, which is not part of this figure).
            from warreader.tui.views.search import SEARCH_PAGE as page

            hits = {word: len(library.search(word, limit=page + 1)) for word in searches}
    finally:
        gc.enable()
        library.close()
    note = f"{len(switch)} presses over {steps} days"
    figures = latency_figures("day switch ([ / ])", switch, FRAME_MS, note)
    if rss_before is not None and rss_loaded is not None:
        figures.append(
            Figure(
                "reader memory once loaded and indexed",
                rss_loaded - rss_before,
                "MB",
                "1 run",
                note="RSS growth: every day, the search and word indexes, the screen",
            )
        )
    figures.append(
        Figure(
            "reader search: first (index build)",
            ms(first_search),
            "ms",
            "1 run",
            note="Enter → results; the index build included unless done at start",
        )
    )
    for word, label in ((COMMON_WORD, "common"), (RARE_WORD, "rare")):
        more = "+ (first page)" if hits[word] > page else ""
        shown = f"{min(hits[word], page)}{more} results shown"
        figures += latency_figures(
            f"reader search {label} {word!r}", searches[word], FRAME_MS, f"Enter → results shown; {shown}"
        )
    return figures
