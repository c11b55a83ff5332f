"""Dialogs take Enter where a person expects it, show their own keys at the bottom, and Escape backs out."""

from __future__ import annotations

from tests.tui.conftest import first_id, settle
from warreader.tui.screens.dialogs import ChoiceDialog, PromptDialog
from warreader.tui.screens.export import ExportDialog
from warreader.tui.widgets.key_bar import KeyBar


def dialog_keys(app) -> str:
    return app.screen.query_one(KeyBar).text.plain


async def test_enter_on_the_export_format_exports_in_that_format(app, library, tmp_path):
    library.annotate(first_id(library, 987), note="exported note")
    target = tmp_path / "notes.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert app.focused.id == "export-format"  # the first field
        assert "Export" in dialog_keys(app) and "esc" in dialog_keys(app)
        dialog.query_one("#export-path").value = str(target)
        await pilot.press("right")  # the arrows choose the format...
        assert dialog.format == "json"
        await pilot.press("enter")  # ...and Enter exports, here as everywhere in the dialog
        await settle(pilot, app)
        assert not isinstance(app.screen, ExportDialog)
        written = target.with_suffix(".json")
        assert written.exists() and '"exported note"' in written.read_text(encoding="utf-8")


async def test_enter_on_the_every_event_box_exports_and_space_toggles_it(app, library, tmp_path):
    library.annotate(first_id(library, 987), note="exported note")
    target = tmp_path / "all.md"
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("e")
        await settle(pilot, app)
        app.screen.query_one("#export-path").value = str(target)
        app.screen.query_one("#export-all").focus()
        await pilot.press("space")
        assert app.screen.query_one("#export-all").value
        await pilot.press("enter")
        await settle(pilot, app)
        assert "Day 985" in target.read_text(encoding="utf-8")  # every event, not only the annotated one


async def test_escape_backs_out_of_every_dialog_wherever_the_focus_is(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        for key, kind in (
            ("t", PromptDialog),
            ("ctrl+g", PromptDialog),
            ("T", ChoiceDialog),
            ("v", ChoiceDialog),
        ):
            await pilot.press(key)
            await settle(pilot, app)
            assert isinstance(app.screen, kind), key
            assert "esc" in dialog_keys(app) and "Cancel" in dialog_keys(app), key
            if kind is ChoiceDialog:
                app.screen.query_one("#choice-list").focus()  # from the list too
                await pilot.pause()
            await pilot.press("escape")
            await settle(pilot, app)
            assert app.screen.id == "reader", key
        await pilot.press("e")
        await settle(pilot, app)
        app.screen.query_one("#export-tags").focus()
        await pilot.press("escape")
        await settle(pilot, app)
        assert app.screen.id == "reader"


async def test_help_shows_each_key_with_the_id_that_remaps_it(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("question_mark")
        table = app.screen.table
        lines = [
            "".join(seg.text for seg in line)
            for line in app.console.render_lines(table, app.console.options.update_width(118))
        ]
        row = next(line for line in lines if "Go to day" in line)
        assert "^g" in row and "goto-day" in row
        assert any("Leave the note" in line and "back" in line for line in lines)
        assert any("Remove tag" in line and "panel-remove-tag" in line for line in lines)
