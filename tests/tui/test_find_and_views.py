"""Search, storyline, day-list views, export, help, palette, themes and key remaps."""

from __future__ import annotations

from textual.geometry import Region

from tests.tui.conftest import first_id, orphan_a_note, settle
from tests.tui.svgtext import svg_to_text
from warreader.settings import Settings, load_settings
from warreader.tui import make_app
from warreader.tui.screens.help import HelpScreen
from warreader.tui.widgets.row_list import RowList


async def search(pilot, app, query: str) -> None:
    await pilot.press("slash", *query, "enter")
    await settle(pilot, app)


async def test_search_lists_results_with_day_and_section_and_enter_opens(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "brussels")
        screen = app.screen
        assert screen.mode == "search"
        results = screen.query_one("#results")
        rows = [results.row_text(n, results.size.width).plain for n in range(len(results.items))]
        assert len(rows) == 3  # one per day, newest first
        assert rows[0].startswith(" 987 Politics an… ")
        # A row holds what fits on its line (cut with an ellipsis); the preview holds the whole event.
        assert "Day 987: sanctions pack" in rows[0]
        assert rows[0].endswith("…") and len(rows[0]) <= results.size.width
        assert "Day 987: sanctions package discussed in Brussels." in str(
            screen.query_one("#result-preview").render()
        )
        assert rows[2].startswith(" 985 ")
        assert "day 987 · Fri 08 Nov 2024" in str(screen.query_one("#result-preview").render())
        assert "3 results" in str(screen.query_one("#search-status").render())
        # The highlighted result in full, under the list; the panel shows it too.
        assert "Brussels" in str(screen.query_one("#result-preview").render())
        assert screen.panel.event_id == first_id(library, 987, 4)
        await pilot.press("j")
        assert screen.panel.event_id == first_id(library, 986, 4)
        await pilot.press("enter")  # the second result, day 986
        await pilot.pause()
        assert screen.mode == "day"
        assert screen.current_day == 986
        assert screen.selected_event_id == first_id(library, 986, 4)


async def test_search_result_rows_show_annotations_and_can_be_annotated(app, library):
    target = first_id(library, 986, 4)
    library.annotate(target, note="seen")
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "brussels")
        results = app.screen.query_one("#results")
        assert "✎" in results.row_text(1, results.size.width).plain
        await pilot.press("j", "f")
        assert library.annotation(target).flags == ["important"]
        assert "⚑✎" in results.row_text(1, results.size.width).plain


async def test_n_and_N_walk_the_results_through_their_days(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "sanctions")
        await pilot.press("enter")  # opens result 1 (day 987)
        screen = app.screen
        assert screen.current_day == 987
        await pilot.press("n")
        assert (screen.current_day, screen.selected_event_id) == (986, first_id(library, 986, 4))
        await pilot.press("n")
        assert screen.current_day == 985
        await pilot.press("n")  # no more: stays
        assert screen.current_day == 985
        await pilot.press("N")
        assert screen.current_day == 986


async def test_n_without_a_search_says_so(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("n")
        await pilot.pause()
        assert any("press / to search" in str(n.message) for n in app._notifications)


async def test_escape_leaves_search_back_to_the_day(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "kyiv")
        await pilot.press("escape")
        assert app.screen.mode == "day"
        assert app.focused.id == "events"


async def test_storyline_shows_one_theme_across_days_oldest_first(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("right_curly_bracket", "right_curly_bracket")  # a Weapons event
        await pilot.press("T")
        await pilot.pause()
        await pilot.press("enter")  # the dialog starts on the selected event's theme
        await settle(pilot, app)
        screen = app.screen
        assert screen.mode == "story"
        story = screen.query_one("#story")
        plain = [o.prompt.plain for o in story.rows]
        assert plain == [
            "Day 985 · Wed 06 Nov 2024",
            "▍ Day 985: new air defence systems pledged.",
            "Day 986 · Thu 07 Nov 2024",
            "▍ Day 986: new air defence systems pledged.",
            "Day 987 · Fri 08 Nov 2024",
            "▍ Day 987: new air defence systems pledged.",
        ]
        story.move_to(3)
        await pilot.press("enter")
        await pilot.pause()
        assert (screen.current_day, screen.selected_event_id) == (986, first_id(library, 986, 5))


async def test_storyline_theme_can_be_typed(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("T", *"diplomacy", "enter")
        await settle(pilot, app)
        story = app.screen.query_one("#story")
        assert sum(1 for o in story.rows if not o.disabled) == 6
        assert "Storyline Politics and diplomacy" in str(app.screen.query_one("#story-header").render())


async def test_views_cycle_flagged_tagged_notes_orphans(library, settings):
    flagged = first_id(library, 986)
    tagged = first_id(library, 985, 1)
    noted = first_id(library, 987, 2)
    library.annotate(flagged, add_flags=["verify"])
    library.annotate(tagged, add_tags=["kharkiv"])
    library.annotate(noted, note="a note")
    # An orphan: an annotated event whose day is re-imported without it.
    orphan_a_note(library)
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = app.screen
        rows = screen.query_one("#days", RowList)
        await pilot.press("V")
        assert screen.day_list.view.kind == "flagged"
        assert [a.event_id for a in rows.items] == [flagged]
        await pilot.pause()
        assert (screen.current_day, screen.selected_event_id) == (986, flagged)  # opened in its day
        await pilot.press("V")
        assert (screen.day_list.view.kind, screen.day_list.view.tag) == ("tagged", "kharkiv")
        assert [a.event_id for a in rows.items] == [tagged]
        await pilot.press("V")
        assert screen.day_list.view.kind == "notes"
        assert [a.event_id for a in rows.items] == [noted]
        await pilot.press("V")
        assert screen.day_list.view.kind == "orphans"
        assert len(rows.items) == 1
        assert "orphan Day 985: Zelenskyy met allies in Kyiv." in rows.row_text(0, rows.size.width).plain
        rows.focus()
        await pilot.pause()
        assert "Orphaned note" in str(screen.query_one("#panel-info").render())
        await pilot.press("V")
        assert screen.day_list.view.kind == "all"
        assert [d.day for d in rows.items] == [987, 986, 985]


async def test_choose_view_tagged_with_any_tag(app, library):
    library.annotate(first_id(library, 986), add_tags=["alpha"])
    library.annotate(first_id(library, 985), add_tags=["beta"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v", *"beta", "enter")
        await pilot.pause()
        screen = app.screen
        assert (screen.day_list.view.kind, screen.day_list.view.tag) == ("tagged", "beta")
        assert [a.day for a in screen.query_one("#days", RowList).items] == [985]


async def test_export_dialog_writes_in_a_worker_and_never_overwrites_silently(app, library, tmp_path):
    library.annotate(first_id(library, 987), add_tags=["alpha"], note="exported note")
    target = tmp_path / "notes.md"  # an existing folder: a missing one is an error, not created
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        dialog = app.screen
        dialog.query_one("#export-path").value = str(target)
        await pilot.click("#fmt-json")
        assert dialog.query_one("#export-path").value.endswith("notes.json")
        target = target.with_suffix(".json")
        await pilot.click("#export-go")
        await settle(pilot, app)
        assert target.exists()
        assert "exported note" in target.read_text(encoding="utf-8")
        assert any(str(target) in str(n.message) for n in app._notifications)

        target.write_text("keep me", encoding="utf-8")
        await pilot.press("e")
        await pilot.pause()
        app.screen.query_one("#export-path").value = str(target)
        await pilot.click("#fmt-json")
        await pilot.click("#export-go")
        await settle(pilot, app)
        assert app.screen.query("ConfirmDialog") or type(app.screen).__name__ == "ConfirmDialog"
        await pilot.press("n")
        await settle(pilot, app)
        assert target.read_text(encoding="utf-8") == "keep me"


async def test_export_prefills_filters_from_the_view(app, library):
    library.annotate(first_id(library, 986), add_tags=["alpha"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v", *"alpha", "enter", "e")
        await pilot.pause()
        assert app.screen.query_one("#export-tags").value == "alpha"
        await pilot.press("escape")


async def test_help_lists_every_key_and_closes(app):
    from warreader.tui.bindings import APP_BINDINGS, READER_BINDINGS

    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.table
        table_text = "".join(
            seg.text for seg in app.console.render(table, app.console.options.update_width(110))
        )
        assert "ctrl+g" in table_text.replace("^g", "ctrl+g") and "Go to day" in table_text
        for binding in (*READER_BINDINGS, *APP_BINDINGS):
            if binding.id.startswith("pinned-tag-"):
                continue  # listed as one row, checked below
            assert binding.description in table_text, binding.description
        assert "1–9" in table_text and "Pinned tags 1–9" in table_text
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)
        await pilot.press("f1")
        assert isinstance(app.screen, HelpScreen)


async def test_every_binding_has_an_id_description_and_tooltip():
    from warreader.tui.bindings import APP_BINDINGS, READER_BINDINGS

    ids = [b.id for b in (*READER_BINDINGS, *APP_BINDINGS)]
    assert all(ids) and len(ids) == len(set(ids))
    assert all(b.description and b.tooltip for b in (*READER_BINDINGS, *APP_BINDINGS))


async def test_command_palette_reaches_reader_actions(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        titles = [c.title for c in app.get_system_commands(app.screen)]
        for title in ("Storyline", "Search", "Go to day", "Export", "Next view", "Important", "Tag"):
            assert title in titles
        await pilot.press("ctrl+p", *"go to day")
        await pilot.pause(0.3)
        await pilot.press("enter")  # the palette closes, then the go-to dialog opens
        await pilot.pause()
        assert app.screen.id == "goto-dialog"


async def test_theme_toggle_is_remembered(library, settings):
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("L")
        await pilot.pause()
        assert app.theme == "textual-light"
    assert load_settings(settings.path).theme == "textual-light"
    again = make_app(library, load_settings(settings.path))
    async with again.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        assert again.theme == "textual-light"


async def test_keys_are_remapped_from_settings(library, tmp_path):
    settings = Settings(path=tmp_path / "s.json", keymap={"next-event": "ctrl+n", "nonsense-id": "x"})
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("j")
        assert app.screen.selected_event_id == first_id(library, 987)  # j is no longer bound
        await pilot.press("ctrl+n")
        assert app.screen.selected_event_id == first_id(library, 987, 1)
        assert any("nonsense-id" in str(n.message) for n in app._notifications)


async def test_narrow_terminal_collapses_the_panel_to_a_strip_under_the_events(app, library):
    async with app.run_test(size=(80, 30)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert screen.has_class("-narrow")
        center, panel = screen.query_one("#day-view").region, screen.query_one("#panel").region
        assert panel.y >= center.bottom and panel.height == 3  # a strip under the events
        assert center.height >= 30 - 1 - 3 - 1  # the events get the rest (the key bar under all)
        assert screen.query_one("#days").region.width > 15
        assert not screen.query_one("#panel-tags").display  # the panel shows its strip only
        await pilot.press("tab")  # Tab opens the panel on its tags
        assert app.focused.id == "panel-tags" and screen.panel.is_open
        await pilot.press("escape")  # and Escape closes it, back to the events
        assert app.focused.id == "events" and not screen.panel.is_open
        await pilot.press("a")  # `a` opens it on the note
        assert app.focused.id == "panel-note" and screen.panel.is_open


async def test_wide_terminal_widens_the_panes(app):
    async with app.run_test(size=(200, 50)) as pilot:
        await pilot.pause()
        assert app.screen.has_class("-wide")
        assert app.screen.query_one("#panel").region.width >= 55


async def test_search_rows_fill_a_widened_terminal(app):
    """Rows are cut to the list's width; after the terminal widens they are cut to the new width."""
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await search(pilot, app, "brussels")
        results = app.screen.query_one("#results")
        narrow, drawn_narrow = results.row_text(0, results.size.width).plain, results.render_line(0).text
        await pilot.resize_terminal(200, 40)
        await settle(pilot, app)
        wide, drawn_wide = results.row_text(0, results.size.width).plain, results.render_line(0).text
        assert len(wide) > len(narrow)
        assert wide.startswith(narrow.rstrip("…"))
        assert len(wide) <= results.size.width
        # What is drawn is the same row, cut to each width.
        assert drawn_narrow.rstrip() == narrow and drawn_wide.rstrip() == wide


def look(widget):
    """A widget's computed styles, its parts' included (what a restyle would change)."""
    styles = widget.styles
    parts = [widget.get_component_rich_style(part) for part in sorted(widget.COMPONENT_CLASSES)]
    return (styles.border, styles.background, styles.background_tint, styles.color, parts)


async def test_focus_changes_need_no_restyle_of_the_search_field_and_the_lists(app):
    # The search field and the lists skip Textual's own restyle when they gain or lose focus
    # (`paint.PlainScrollView`, `paint.QuietFocusInput`): only safe while none of their styles depends on
    # focus. A full restyle in either state must change nothing. (Their panes do show focus, restyled by
    # their `:focus-within` rule: see test_focus.py.)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"kyiv")
        screen = app.screen
        field, results, days = (screen.query_one(s) for s in ("#search-input", "#results", "#days"))
        events = screen.query_one("#events")
        quiet = (field, results, events)
        assert field.has_focus
        app.stylesheet.update_nodes(quiet)
        before = [look(w) for w in quiet]
        await pilot.press("enter")  # the results take the focus
        await settle(pilot, app)
        assert results.has_focus and not field.has_focus
        days.focus()
        await pilot.pause()
        app.stylesheet.update_nodes(quiet)
        await pilot.press("escape", "escape")  # to the results, then back to the day: the events
        await pilot.pause()
        assert events.has_focus
        app.stylesheet.update_nodes(quiet)
        assert [look(w) for w in quiet] == before


async def test_the_results_cursor_shows_whether_the_list_has_focus(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"kyiv", "enter")
        await settle(pilot, app)
        results = app.screen.query_one("#results")

        def cursor_background():
            strip = results.render_lines(Region(0, results.cursor, results.size.width, 1))[0]
            return list(strip)[0].style.bgcolor

        focused = cursor_background()
        app.screen.query_one("#days").focus()
        await pilot.pause()
        blurred = cursor_background()
        assert focused != blurred
        assert focused == results.get_component_rich_style("cursor-list--cursor-focused").bgcolor
        assert blurred == results.get_component_rich_style("cursor-list--cursor").bgcolor


async def test_the_event_cursor_shows_whether_the_day_has_focus(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        events = app.screen.query_one("#events")
        assert events.has_focus

        def line_backgrounds():
            lines = events.render_lines(Region(0, 0, events.size.width, events.size.height))
            return [list(strip)[0].style.bgcolor for strip in lines]

        focused = line_backgrounds()
        app.screen.query_one("#days").focus()
        await pilot.pause()
        blurred = line_backgrounds()
        focused_colour = events.get_component_rich_style("cursor-list--cursor-focused").bgcolor
        blurred_colour = events.get_component_rich_style("cursor-list--cursor").bgcolor
        assert focused_colour != blurred_colour
        assert focused_colour in focused and focused_colour not in blurred
        assert blurred_colour in blurred


async def test_double_click_in_the_results_selects_their_text(app):
    """A double-click selects a widget's text with Textual's `query()`; the result list once had an
    attribute named `query` (a string) hiding it: the click raised TypeError."""
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        await pilot.press("slash", *"kyiv", "enter")
        await settle(pilot, app)
        results = app.screen.query_one("#results")
        assert callable(results.query)
        await pilot.double_click("#results", offset=(5, 20))  # below the rows: nothing opens
        await settle(pilot, app)
        assert app.screen.mode == "search"
        assert results in app.screen.selections  # what Textual's select-all does


async def test_80x24_gives_the_events_most_of_the_screen_and_search_ten_results(app):
    async with app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        events = screen.query_one("#events").region
        others = [screen.query_one(s).region for s in ("#days", "#panel", "#keybar", "#day-header")]
        assert events.height >= 15 and all(events.area > other.area for other in others)
        assert "?" in screen.key_bar.text.plain and "q" in screen.key_bar.text.plain
        await pilot.press("slash", *"day", "enter")
        await settle(pilot, app)
        assert screen.query_one("#results").region.height >= 10


async def test_40x12_still_shows_the_selected_event(app, library):
    async with app.run_test(size=(40, 12)) as pilot:
        await settle(pilot, app)
        await pilot.press("j")
        shown = " ".join(svg_to_text(app.export_screenshot()).split())
        assert "Day 987: shelling hit" in shown
        assert "Keys" in shown and "Quit" in shown
