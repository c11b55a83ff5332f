"""Focus is visible at a glance: the pane holding it has a heavy accent border and a reversed title, and
the note editor says when it takes typing, so keys never silently become a note."""

from __future__ import annotations

from tests.tui.conftest import settle
from tests.tui.svgtext import svg_to_text


def border(widget) -> str:
    """The kind of the widget's top border (`round`, `heavy`…)."""
    return widget.styles.border_top[0]


def title_reversed(widget) -> bool:
    return bool(widget.styles.border_title_style.reverse)


async def test_tab_tab_tab_then_jjk_shows_the_note_editor_taking_the_typing(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        editor, panel, day = screen.panel.note_editor, screen.panel, screen.query_one("#day-view")
        selected = screen.selected_event_id
        await pilot.press("tab", "tab", "tab")
        assert app.focused is editor
        # What the screen shows: the editor's title and border, its pane's, and the key bar.
        assert "✎ TYPING" in editor.border_title
        assert border(editor) == "heavy" and title_reversed(editor)
        assert border(panel) == "heavy" and title_reversed(panel)
        assert border(day) == "round" and not title_reversed(day)
        assert "Leave the note" in screen.key_bar.text.plain
        assert "f1" in screen.key_bar.text.plain and "^q" in screen.key_bar.text.plain
        shown = svg_to_text(app.export_screenshot())
        assert "✎ TYPING · Note · Esc leaves" in shown
        await pilot.press("j", "j", "k")
        assert editor.text == "jjk"  # typed, as the screen says, not run as moves
        assert screen.selected_event_id == selected
        await pilot.press("escape")
        assert app.focused is screen.query_one("#events")
        assert "TYPING" not in editor.border_title and border(editor) != "heavy"
        assert border(day) == "heavy" and border(panel) == "round"


async def test_every_pane_shows_focus_by_its_border_and_title(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        days, panel = screen.query_one("#days"), screen.panel

        def focused_panes() -> list[str]:
            panes = [days, *screen.query(".center-view").results(), panel]
            return [p.id for p in panes if p.display and border(p) == "heavy" and title_reversed(p)]

        assert focused_panes() == ["day-view"]
        await pilot.press("shift+tab")
        assert app.focused is days and focused_panes() == ["days"]
        await pilot.press("tab", "tab")
        assert app.focused.id == "panel-tags" and focused_panes() == ["panel"]
        await pilot.press("escape", "slash")
        assert focused_panes() == ["search-view"]
        await pilot.press(*"kyiv", "enter")
        await settle(pilot, app)
        assert app.focused.id == "results" and focused_panes() == ["search-view"]
        await pilot.press("escape", "T", "enter")
        await settle(pilot, app)
        assert app.focused.id == "story" and focused_panes() == ["story-view"]


async def test_escape_backs_out_of_every_list(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        for start in ("#days", "#panel-tags", "#panel-flags"):
            screen.query_one(start).focus()
            await pilot.pause()
            await pilot.press("escape")
            assert app.focused.id == "events", start
        await pilot.press("slash", *"kyiv", "enter")
        await settle(pilot, app)
        await pilot.press("escape")  # from the results: back to the day
        assert screen.mode == "day" and app.focused.id == "events"
