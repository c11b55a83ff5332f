"""Start-up as `warreader read` does it: the library opened from its summary, the rest loaded after the
first screen, the panel's controls shown once that screen is up, the garbage collector paused meanwhile."""

from __future__ import annotations

import argparse
import gc

import pytest

from tests.tui.conftest import first_id, section, settle
from warreader.commands import read
from warreader.errors import LibraryError
from warreader.model import Bulletin
from warreader.store import Library
from warreader.tui import idle_gc, make_app
from warreader.tui.views.search import SearchView


async def test_deferred_library_loads_after_the_first_screen_and_everything_works(library_path, settings):
    library = Library.open(library_path, seed_samples=False, defer_bulletins=True)
    assert not library.loaded  # the first screen comes from summary.json
    try:
        app = make_app(library, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            screen = app.screen
            assert app.ready
            assert screen.current_day == 987
            assert screen.selected_event_id == first_id(library, 987)
            # The worker started after the first frame parsed the bulletins and built the search index.
            assert library.loaded
            assert app.search_ready
            await pilot.press("left_square_bracket")
            assert screen.current_day == 986
            await pilot.press("slash", *"brussels", "enter")
            await settle(pilot, app)
            assert len(screen.views.get(SearchView).results) == 3
    finally:
        library.close()


async def test_day_markers_are_exact_once_the_whole_library_is_loaded(library_path, settings):
    """While deferred, a note counts for its day by its id's day prefix; an orphan with that prefix is
    only known to be one after the full load, and the day list is then read again."""
    library = Library.open(library_path, seed_samples=False)
    event_id = first_id(library, 986)
    library.annotate(event_id, note="checked")
    # The bulletin of day 986 is replaced: the note's event is gone, so the note is an orphan.
    replaced = library.bulletin(986)
    replaced.sections[0].events.pop(0)
    library.import_bulletins([replaced])
    library.close()

    library = Library.open(library_path, seed_samples=False, defer_bulletins=True)
    try:
        app = make_app(library, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert library.loaded
            day_986 = app.screen.day_list.summary(986)
            assert day_986.annotated == 0
    finally:
        library.close()


async def test_panel_controls_show_once_the_first_screen_is_up(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert screen.has_class("-ready")
        for selector in ("#panel-tags", "#panel-flags", "#panel-note"):
            widget = screen.query_one(selector)
            assert widget.display, selector
            assert widget.region.height > 0, selector


def test_read_command_resumes_the_garbage_collector_when_it_fails(tmp_path):
    not_a_folder = tmp_path / "library"
    not_a_folder.write_text("a file")
    assert gc.isenabled()
    with pytest.raises(LibraryError):
        read.run(argparse.Namespace(db=not_a_folder))
    assert gc.isenabled()


async def test_first_frame_resumes_and_freezes_the_collector(app):
    gc.disable()
    app.gc_paused_for_start = True
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert gc.isenabled()
            assert gc.get_freeze_count() > 0
    finally:
        gc.enable()
        gc.unfreeze()


async def test_an_empty_library_still_finishes_starting(tmp_path, settings):
    library = Library.open(tmp_path / "empty", seed_samples=False)
    gc.disable()
    try:
        app = make_app(library, settings)
        app.gc_paused_for_start = True
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert app.ready
            assert gc.isenabled()
            assert app.screen.has_class("-ready")
            assert "library is empty" in str(app.screen.query_one("#day-header").render())
    finally:
        gc.enable()
        gc.unfreeze()
        library.close()


class _RecordedWordIndexes:
    """Every word index built, by the texts it covers (a spy on `warreader.search.WordIndex`)."""

    def __init__(self, monkeypatch) -> None:
        from warreader import search

        self.built: list[int] = []
        real = search.WordIndex
        recorded = self.built

        class Recorded(real):  # type: ignore[misc, valid-type]
            def __init__(self, texts, pause=None):
                super().__init__(texts, pause)
                recorded.append(len(texts))

        monkeypatch.setattr(search, "WordIndex", Recorded)


async def test_the_reader_indexes_words_after_start_and_after_another_process_imports(
    library_path, settings, monkeypatch
):
    indexes = _RecordedWordIndexes(monkeypatch)
    library = Library.open(library_path, seed_samples=False, defer_bulletins=True)
    try:
        app = make_app(library, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert indexes.built == [18]  # every event of the three fixture days, once
            assert app.search_ready
            # Another process imports a day with a new word: the reader reloads, then indexes again.
            other = Library.open(library_path, seed_samples=False)
            other.import_bulletins(
                [
                    Bulletin(
                        day=988,
                        date=None,
                        title="day 988",
                        source="other.txt",
                        sections=[section(988, "Fighting", ["Zebrafish seen near Kharkiv."])],
                    )
                ]
            )
            other.close()
            app.screen.reload_if_changed()
            await settle(pilot, app)
            assert indexes.built == [18, 19]
            await pilot.press("slash", *"zebrafish", "enter")
            await settle(pilot, app)
            assert len(app.screen.views.get(SearchView).results) == 1
            assert app.screen.query_one("#results").current.day == 988
    finally:
        library.close()


async def test_the_background_load_is_frozen_at_the_next_pause(library_path, settings, monkeypatch):
    gc.unfreeze()
    monkeypatch.setattr(idle_gc, "IDLE_SECONDS", 0.0)  # a pause right away
    library = Library.open(library_path, seed_samples=False, defer_bulletins=True)
    try:
        app = make_app(library, settings)  # the collector was not paused: only the load freezes
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            assert library.loaded
            assert app.idle_collector.tick()  # the pause: a full collection, then the freeze
            assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        library.close()


def frozen_garbage() -> int:
    """How many frozen objects are garbage (frozen objects are never collected: these would stay for good).
    Unfreezes everything."""
    gc.unfreeze()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        gc.collect()
        return len(gc.garbage)
    finally:
        gc.set_debug(0)
        gc.garbage.clear()


async def test_reloads_leave_no_garbage_frozen(library_path, settings, monkeypatch):
    """Each reload re-indexes, and what is alive is frozen again. Frozen without collecting everything
    first, the garbage of the moment (and lines drawn then, dropped later) stayed for good: over 2,000
    objects after five reloads of this small library, 17,000 on a large one."""
    gc.unfreeze()
    gc.collect()
    monkeypatch.setattr(idle_gc, "IDLE_SECONDS", 0.0)  # every tick finds a pause
    library = Library.open(library_path, seed_samples=False)
    try:
        app = make_app(library, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await settle(pilot, app)
            for n in range(5):
                other = Library.open(library_path, seed_samples=False)
                other.annotate(first_id(other, 986), note=f"note {n}")
                other.close()
                app.screen.reload_if_changed()
                await settle(pilot, app)
                app.idle_collector.tick()
            assert gc.get_freeze_count() > 0
            assert frozen_garbage() < 100
    finally:
        gc.unfreeze()
        library.close()
