"""Marking results, tagging and flagging all the marked ones at once (after a question with the count),
and undo/redo of the reader's changes."""

from __future__ import annotations

import pytest

from tests.tui.conftest import first_id, settle
from warreader.tui import make_app
from warreader.tui.screens.dialogs import ConfirmDialog


@pytest.fixture
def facts_app(facts_library, settings):
    return make_app(facts_library, settings)


async def search(pilot, app, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await settle(pilot, app)


def question(app) -> str:
    assert isinstance(app.screen, ConfirmDialog)
    return app.screen._question


async def test_space_marks_rows_and_t_tags_every_marked_one_after_confirming(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "drones")
        screen = app.screen
        results = screen.query_one("#results")
        ids = [ref.id for ref in results.items]
        assert len(ids) == 6
        await pilot.press("space", "space")  # marks rows 1 and 2 (the cursor moves on)
        assert results.marked_ids() == ids[:2]
        assert results.row_text(0, 100).plain.startswith("✓  987 ")
        assert results.row_text(2, 100).plain.startswith("   986 ")
        assert "2 marked" in str(screen.query_one("#search-status").render())
        await pilot.press("t", *"strike", "enter")
        await pilot.pause()
        assert question(app) == "Tag 2 events with #strike?"
        await pilot.press("y")
        await pilot.pause()
        assert [e for e in ids if library.annotation(e) and "strike" in library.annotation(e).tags] == ids[:2]
        assert results.marked_ids() == []  # marks clear after the action
        assert not results.row_text(0, 100).plain.startswith("✓")
        assert "#" in results.row_text(0, 100).plain


async def test_star_marks_all_and_f_flags_them_once_no_cancels(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "brussels")
        results = app.screen.query_one("#results")
        await pilot.press("asterisk")
        assert len(results.marked_ids()) == 3
        await pilot.press("f")
        await pilot.pause()
        assert question(app) == "Flag 3 events as important?"
        await pilot.press("n")  # nothing happens; the marks stay
        await pilot.pause()
        assert all(library.annotation(i) is None for i in results.marked_ids())
        await pilot.press("f", "y")
        await pilot.pause()
        flagged = [library.annotation(ref.id).flags for ref in results.items]
        assert flagged == [["important"]] * 3
        # All carry it: f on all of them again offers to clear it.
        await pilot.press("asterisk", "f")
        await pilot.pause()
        assert question(app) == "Clear the flag important on 3 events?"
        await pilot.press("escape")
        await pilot.press("asterisk")  # all marked → none
        assert results.marked_ids() == []


async def test_pinned_tag_on_marked_rows_and_undo_redo_in_one_step(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "sanctions")
        results = app.screen.query_one("#results")
        ids = [ref.id for ref in results.items]
        await pilot.press("asterisk", "1")  # pinned tag 1: drones
        await pilot.pause()
        assert question(app) == "Tag 3 events with #drones?"
        await pilot.press("y")
        await pilot.pause()
        assert all(library.annotation(i).tags == ["drones"] for i in ids)
        await pilot.press("u")
        await pilot.pause()
        assert all(library.annotation(i) is None for i in ids)
        assert any("Undid: tag +drones on 3 events" in n.message for n in app._notifications)
        assert "#" not in results.row_text(0, 100).plain[5:22]
        await pilot.press("ctrl+r")
        await pilot.pause()
        assert all(library.annotation(i).tags == ["drones"] for i in ids)
        assert any(n.message.startswith("Redid: tag +drones") for n in app._notifications)


async def test_undo_refused_when_a_newer_change_elsewhere_touched_it(app, library):
    target = first_id(library, 987, 0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.screen.selected_event_id == target
        await pilot.press("f")
        library.annotate(target, add_flags=["verify"], remove_flags=["important"], origin="command")
        await pilot.press("u")
        await pilot.pause()
        warnings = [n for n in app._notifications if n.severity == "warning"]
        assert warnings, "the refusal is a warning"
        print("REFUSAL:", warnings[-1].message)
        assert "command" in warnings[-1].message
        assert library.annotation(target).flags == ["verify"]  # nothing overwritten


async def test_u_in_the_note_editor_is_text_and_undoes_outside_it(app, library):
    target = first_id(library, 987, 0)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("f")
        assert library.annotation(target).flags == ["important"]
        await pilot.press("a", *"run up", "escape")
        await pilot.pause()
        await settle(pilot, app)
        assert library.annotation(target).note == "run up"
        assert library.annotation(target).flags == ["important"]  # `u` typed, not undone
        await pilot.press("u")  # undoes the note
        await pilot.pause()
        assert library.annotation(target).note == ""
        assert app.screen.panel.note_editor.text == ""
        await pilot.press("u")  # and then the flag
        await pilot.pause()
        assert library.annotation(target) is None


async def test_the_search_field_types_u_space_and_star(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        library.annotate(first_id(library, 987), add_flags=["important"], origin="reader")
        await pilot.press("slash", *"u * u", "backspace")
        await pilot.pause()
        assert app.screen.query_one("#search-input").value == "u * "
        assert library.annotation(first_id(library, 987)).flags == ["important"]  # nothing undone


async def test_a_threads_rows_are_marked_and_tagged_together(facts_app, facts_library):
    from warreader.tui.views.thread import ThreadView

    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("p", "down", "enter")  # Kharkiv Oblast: four events over two days
        await settle(pilot, facts_app)
        screen = facts_app.screen
        view = screen.views.get(ThreadView)
        ids = [r.id for r in view.event_list.items]
        await pilot.press("asterisk")
        assert "4 marked" in screen.query_one("#thread-header").text.plain
        await pilot.press("t", *"front", "enter")
        await pilot.pause()
        assert question(facts_app) == "Tag 4 events with #front?"
        await pilot.press("y")
        await pilot.pause()
        assert all(facts_library.annotation(i).tags == ["front"] for i in ids)
        assert "marked" not in screen.query_one("#thread-header").text.plain
