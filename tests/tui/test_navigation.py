"""Moving around: events, sections, days, go-to-day, panes and the day list."""

from __future__ import annotations

from tests.tui.conftest import first_id
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.row_list import RowList


def order(library, day):
    return [e.id for _, e in library.bulletin(day).iter_events()]


async def test_starts_on_newest_day_with_first_event_selected(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert screen.current_day == 987
        assert screen.selected_event_id == first_id(library, 987)
        assert screen.panel.event_id == first_id(library, 987)
        assert app.ready
        # The day list is newest first, its cursor on the open day.
        rows = screen.query_one("#days", RowList)
        assert [d.day for d in rows.items] == [987, 986, 985]
        assert rows.cursor == 0


async def test_j_k_and_arrows_cross_sections_and_stop_at_the_ends(app, library):
    ids = order(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("j", "j", "j")  # past the caption, into "Politics and diplomacy"
        assert screen.selected_event_id == ids[3]
        await pilot.press("down")
        assert screen.selected_event_id == ids[4]
        await pilot.press("k", "up")
        assert screen.selected_event_id == ids[2]
        await pilot.press("G", "j")  # at the last event, j stays put
        assert screen.selected_event_id == ids[-1]
        await pilot.press("g", "k")  # at the first, k stays put
        assert screen.selected_event_id == ids[0]


async def test_section_keys_jump_to_section_starts(app, library):
    ids = order(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("right_curly_bracket")
        assert screen.selected_event_id == ids[3]  # first event of Politics
        await pilot.press("right_curly_bracket")
        assert screen.selected_event_id == ids[5]  # Weapons
        await pilot.press("j")  # no further section: stays
        await pilot.press("left_curly_bracket")
        assert screen.selected_event_id == ids[3]
        await pilot.press("j", "left_curly_bracket")  # inside a section: to its first event
        assert screen.selected_event_id == ids[3]
        await pilot.press("left_curly_bracket")
        assert screen.selected_event_id == ids[0]


async def test_g_and_G_first_and_last_event(app, library):
    ids = order(library, 987)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("G")
        assert app.screen.selected_event_id == ids[-1]
        await pilot.press("g")
        assert app.screen.selected_event_id == ids[0]


async def test_brackets_change_day_and_select_its_first_event(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("j", "j", "left_square_bracket")
        assert screen.current_day == 986
        assert screen.selected_event_id == first_id(library, 986)
        assert screen.query_one("#days", RowList).cursor == 1
        await pilot.press("left_square_bracket", "left_square_bracket")  # no day before 985
        assert screen.current_day == 985
        await pilot.press("right_square_bracket")
        assert screen.current_day == 986
        # From the note editor's neighbours too: brackets work from the day list pane.
        screen.query_one("#days", RowList).focus()
        await pilot.press("right_square_bracket")
        assert screen.current_day == 987


async def test_brackets_type_into_text_fields_instead_of_changing_day(app):
    # The day keys are matched before the focused widget sees them; in a text field they must still type.
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        await pilot.press("slash", "left_square_bracket", "x", "right_square_bracket")
        assert screen.query_one("#search-input").value == "[x]"
        await pilot.press("escape", "a", "right_square_bracket", "left_square_bracket")
        assert screen.query_one("#panel-note").text == "]["
        assert screen.current_day == 987
        await pilot.press("escape", "left_square_bracket")  # out of the editor: a day key again
        assert screen.current_day == 986


async def test_goto_day_by_number_and_dates(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        for text, day in (("985", 985), ("2024-11-07", 986), ("Nov 8 2024", 987), ("day 985", 985)):
            await pilot.press("ctrl+g")
            await pilot.press(*text, "enter")
            await pilot.pause()
            assert screen.current_day == day, text
            assert screen.selected_event_id == first_id(library, day)


async def test_goto_unknown_day_explains_and_stays_open(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+g", *"5000", "enter")
        await pilot.pause()
        dialog = app.screen
        assert dialog.id == "goto-dialog"
        hint = str(dialog.query_one("#prompt-hint").render())
        assert "Day 5000 is not in the library" in hint
        await pilot.press("escape")
        assert app.screen.id == "reader"
        assert app.screen.current_day == 987


async def test_tab_moves_between_panes(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert app.focused.id == "events"
        await pilot.press("tab")
        assert app.focused.id == "panel-tags"
        await pilot.press("shift+tab", "shift+tab")
        assert app.focused.id == "days"
        await pilot.press("tab")
        assert app.focused.id == "events"


async def test_day_list_cursor_opens_days(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        screen.query_one("#days", RowList).focus()
        await pilot.press("down")
        await pilot.pause()
        assert screen.current_day == 986
        await pilot.press("end")
        await pilot.pause()
        assert screen.current_day == 985
        assert screen.selected_event_id == first_id(library, 985)
        await pilot.press("enter")
        assert app.focused is screen.query_one("#events", EventList)


async def test_mouse_click_on_a_day_opens_it(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.click("#days", offset=(3, 2))  # third row: day 985
        await pilot.pause()
        assert app.screen.current_day == 985
