"""Full garbage collections wait for a pause in the input (or run when long overdue), and the
collector's settings are given back at the end."""

from __future__ import annotations

import gc

import pytest

from tests.tui.conftest import settle
from warreader.tui import idle_gc
from warreader.tui.idle_gc import IdleCollector


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def collections(monkeypatch):
    """The collections run (recorded, not run), with `counts` as `gc.get_count()` gives them."""
    runs: list[int] = []
    counts = [0, 0, 0]  # young allocations, young collections since a middle one, middle since a full one
    monkeypatch.setattr(gc, "collect", lambda generation=2: runs.append(generation) or 0)
    monkeypatch.setattr(gc, "get_count", lambda: tuple(counts))
    return runs, counts


@pytest.fixture
def started():
    """A collector on a clock of the test's, started (and stopped again after the test)."""
    clock = Clock()
    collector = IdleCollector(clock)
    collector.started()
    yield collector, clock
    collector.stopped()


def test_a_due_collection_waits_for_a_pause_in_the_input(collections, started):
    runs, counts = collections
    collector, clock = started
    assert gc.get_threshold()[2] > 1_000_000  # never on its own
    counts[2] = idle_gc.DUE_AFTER
    collector.input_seen()
    clock.now += idle_gc.IDLE_SECONDS / 2
    assert not collector.tick() and runs == []  # keys are still coming
    clock.now += idle_gc.IDLE_SECONDS
    assert collector.tick() and runs == [2]


def test_nothing_runs_in_a_pause_when_little_has_been_allocated(collections, started):
    runs, counts = collections
    collector, clock = started
    counts[2] = idle_gc.DUE_AFTER - 1
    clock.now += 10
    assert not collector.tick() and runs == []


def test_a_long_overdue_collection_runs_even_while_keys_keep_coming(collections, started):
    runs, counts = collections
    collector, _ = started
    counts[2] = idle_gc.FORCE_AFTER
    collector.input_seen()
    assert collector.tick() and runs == [2]


def test_the_thresholds_are_given_back_and_nothing_runs_after():
    before = gc.get_threshold()
    collector = IdleCollector(Clock())
    collector.started()
    collector.started()  # twice: still restores the original, not its own setting
    collector.stopped()
    assert gc.get_threshold() == before
    assert not collector.tick()


def test_a_middle_collection_coming_due_runs_in_a_short_pause(collections, started):
    runs, counts = collections
    collector, clock = started
    counts[1] = idle_gc.EARLY_AFTER
    collector.input_seen()
    assert not collector.tick() and runs == []  # a key was just pressed
    clock.now += idle_gc.EARLY_IDLE_SECONDS + 0.01
    assert collector.tick() and runs == [1]
    assert collector.early_collections == 1


def test_no_early_collection_when_little_is_pending(collections, started):
    runs, counts = collections
    collector, clock = started
    counts[1] = idle_gc.EARLY_AFTER - 1
    clock.now += 10
    assert not collector.tick() and runs == []


async def test_the_reader_hands_full_collections_to_its_idle_collector_while_it_runs(app):
    before = gc.get_threshold()
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        assert gc.get_threshold()[2] > 1_000_000
        seen = app.idle_collector.last_input
        await pilot.press("left_square_bracket")
        assert app.idle_collector.last_input > seen  # a key counts as input
    assert gc.get_threshold() == before
