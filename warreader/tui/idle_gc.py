"""Full garbage collections moved from keypresses to pauses.

Why: Textual's drawing leaves reference cycles behind (a `Strip` caches itself when cropped to its own
width; styling builds throwaway nodes), so Python's collector runs often, and every tenth young
collection it may walk every tracked object: 20–60 ms on a 1,500-day library, which lands on whatever key
is being handled (a day switch or a search then takes four frames instead of one). Here that full
collection never starts on its own: it runs once the user has paused for a moment, or, should input never
pause, after a fixed amount of work, so memory stays bounded either way. Young collections (well under a
millisecond) still run as usual.

Middle collections (1–4 ms, every tenth young one) land on keys too: a day switch nets about 5,000 new
objects, so one falls on every other key or so when keys come fast. When the user pauses briefly (as
between reading one day and the next) and one is coming due, it runs then instead.

Objects that live as long as the reader (the loaded library and its indexes) are frozen out of every
collection (`gc.freeze`). Frozen objects are never collected, so a freeze must not keep garbage: it runs
right after a full collection of everything, the objects frozen last time included (`gc.unfreeze`
first). Otherwise the garbage of the moment, and lines drawn then and dropped later (a `Strip` refers to
itself), stayed for good: about 2,700 objects after each reload. `freeze_after_next_collection` asks for
this at the next pause, where the collection (20–60 ms on a large library) goes unnoticed.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable

#: Seconds without input before a full collection may run.
IDLE_SECONDS = 1.0
#: Young-generation collections after which a full one is due (CPython's own default is 10).
DUE_AFTER = 10
#: ... and after which it runs even while keys keep coming (a young collection runs every ~700 allocations,
#: a middle one every ten of those: about a million allocations, or a key held down for seconds).
FORCE_AFTER = 150
#: Seconds without input after which a middle collection that is coming due runs ahead of time...
EARLY_IDLE_SECONDS = 0.3
#: ... once this many of the ten young collections that start one have run (about a key's worth left).
EARLY_AFTER = 3
#: Stands for "never" in CPython's threshold for full collections.
_NEVER = 1 << 30


class IdleCollector:
    """Call `started` once, `input_seen` on every key or mouse event, `tick` a few times a second, and
    `stopped` at the end (it restores the collector's thresholds)."""

    def __init__(self, clock: Callable[[], float] = time.monotonic) -> None:
        self._clock = clock
        self._last_input = clock()
        self._saved: tuple[int, ...] | None = None
        self._freeze_due = False
        self.collections = 0
        self.early_collections = 0

    def started(self) -> None:
        if self._saved is None:
            self._saved = gc.get_threshold()
            young, middle, _ = self._saved
            gc.set_threshold(young, middle, _NEVER)

    def stopped(self) -> None:
        if self._saved is not None:
            gc.set_threshold(*self._saved)
            self._saved = None

    @property
    def last_input(self) -> float:
        """When input was last seen (by the clock given)."""
        return self._last_input

    def input_seen(self) -> None:
        self._last_input = self._clock()

    def freeze_after_next_collection(self) -> None:
        """Freeze what is alive (e.g. a library just loaded) after the next full collection, which then
        runs at the next pause even if it is not due yet."""
        self._freeze_due = True

    def tick(self) -> bool:
        """Run a full collection if one is due and the user paused (or one is long overdue); else, in a
        shorter pause, a middle collection that the next keys would otherwise pay (1–4 ms on a key)."""
        if self._saved is None or not gc.isenabled():
            return False
        # The second count is how many young collections ran since the last middle one, the third how
        # many middle ones since the last full one.
        _, young, pending = gc.get_count()
        idle_for = self._clock() - self._last_input
        due = pending >= DUE_AFTER or self._freeze_due
        if (idle_for >= IDLE_SECONDS and due) or pending >= FORCE_AFTER:
            if self._freeze_due:
                self._freeze_due = False
                gc.unfreeze()  # what the last freeze kept and has died since is collected too
                gc.collect()
                gc.freeze()
            else:
                gc.collect()
            self.collections += 1
            return True
        if idle_for >= EARLY_IDLE_SECONDS and young >= EARLY_AFTER:
            gc.collect(1)
            self.early_collections += 1
            return True
        return False
