"""Snapshot tests of the reader's screens (pytest-textual-snapshot): the main screen, search, storyline,
help, the export dialog, the note editor taking typing, and small terminals (80×24, 40×12).

A snapshot is an SVG under `__snapshots__/`; after a deliberate change of looks, regenerate them with
`python -m pytest tests/tui/test_snapshots.py --snapshot-update` and look at every one before committing.
Textual and Rich are pinned exactly because their releases change these pictures.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from textual.widgets import Input, TextArea

from tests.tui.conftest import first_id, settle
from warreader.tui.screens import export


@pytest.fixture
def annotated(library):
    """The fixture library with a few tags, flags and notes, as a reader's library looks."""
    library.annotate(first_id(library, 987), add_tags=["kharkiv", "drones"], add_flags=["important"])
    library.annotate(first_id(library, 987, 1), add_flags=["verify"], note="Casualty figures differ.")
    library.annotate(first_id(library, 986, 3), add_tags=["diplomacy"], note="Who else attended?")
    library.set_day_note(987, "Heavy drone night; check the Kharkiv figures tomorrow.")
    return library


def keys(*pressed: str, save_note: bool = False):
    """A `run_before` that presses `pressed`, lets every worker finish, and stops cursors blinking (a
    blinking cursor would make the picture depend on the moment it is taken). `save_note`: then save the
    note being typed, as the pause after typing does (waiting for it would make the picture depend on
    the moment too)."""

    async def run(pilot) -> None:
        app = pilot.app
        await settle(pilot, app)
        await pilot.press(*pressed)
        await settle(pilot, app)
        if save_note:
            app.screen.save_note()
            await settle(pilot, app)
        for field in app.screen.query(Input):
            field.cursor_blink = False
        for area in app.screen.query(TextArea):
            area.cursor_blink = False
        await pilot.pause()

    return run


def test_main_screen(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(130, 40), run_before=keys("j"))


def test_search_results(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(130, 40), run_before=keys("slash", *"kyiv", "enter", "j"))


def test_storyline(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(130, 40), run_before=keys("T", *"fighting", "enter"))


def test_help(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(130, 40), run_before=keys("question_mark"))


def test_export_dialog(snap_compare, app, annotated, monkeypatch):
    monkeypatch.setattr(export, "default_export_path", lambda fmt="md": Path("/home/reader/notes.md"))
    assert snap_compare(app, terminal_size=(100, 32), run_before=keys("V", "e"))


def test_note_editor_taking_typing_after_three_tabs(snap_compare, app, annotated):
    # After the save (it waits for a pause in the typing): the event's line shows the note too.
    typed = keys("tab", "tab", "tab", "j", "j", "k", save_note=True)
    assert snap_compare(app, terminal_size=(130, 40), run_before=typed)


def test_small_terminal_80x24(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("j"))


def test_small_terminal_80x24_panel_open(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("tab"))


def test_small_terminal_80x24_search(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(80, 24), run_before=keys("slash", *"day", "enter"))


def test_tiny_terminal_40x12(snap_compare, app, annotated):
    assert snap_compare(app, terminal_size=(40, 12), run_before=keys("j"))


def test_day_of_two_bulletins_with_a_warning_80x24(snap_compare, sources_library, settings):
    """Day 987's second bulletin (the Guardian's): its outlet, "2 of 2" and its warning in the header, its
    untitled group's inferred theme, and `2×` in the day list."""
    from warreader.tui import make_app

    assert snap_compare(make_app(sources_library, settings), terminal_size=(80, 24), run_before=keys("b"))


def test_small_terminal_80x24_search_marked(snap_compare, app, annotated):
    # Three of six results marked: the mark column, the count in the status line.
    marked = keys("slash", *"drones", "enter", "space", "space", "j", "space", "k")
    assert snap_compare(app, terminal_size=(80, 24), run_before=marked)
