"""A day's several bulletins (outlets) in the reader: the header names the one shown, `b`/`B` move between
them, the day list marks such days, `o` opens the source, `O` picks the copy read, and the parser's
warnings and inferred themes show."""

from __future__ import annotations

import datetime as dt

import pytest

from tests.tui.conftest import AL_JAZEERA_LINK, GUARDIAN_LINK, HOSTILE, SAVED_COPY, section, settle
from tests.tui.svgtext import svg_to_text
from warreader.model import Bulletin
from warreader.store import Library
from warreader.tui import make_app
from warreader.tui.day_rows import day_row
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.row_list import RowList
from warreader.tui.widgets.text_lines import TextLines


@pytest.fixture
def sources_app(sources_library, settings):
    return make_app(sources_library, settings)


def ids_of(library, day: int, bulletin: int) -> list[str]:
    return [e.id for _, e in library.bulletins(day)[bulletin].bulletin.iter_events()]


def header_text(app) -> str:
    return app.screen.query_one("#day-header", TextLines).text.plain


def messages(app) -> list[str]:
    return [str(n.message) for n in app._notifications]


async def test_header_names_the_outlet_and_b_moves_between_the_days_bulletins(sources_app, sources_library):
    al_jazeera, guardian = ids_of(sources_library, 987, 0), ids_of(sources_library, 987, 1)
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        screen = sources_app.screen
        assert screen.current_day == 987
        assert "Al Jazeera · 1 of 2 — b for the next" in header_text(sources_app)
        assert screen.selected_event_id == al_jazeera[0]
        assert list(screen.day_view.event_list.refs) == al_jazeera

        await pilot.press("b")
        assert "The Guardian · 2 of 2" in header_text(sources_app)
        assert list(screen.day_view.event_list.refs) == guardian
        assert screen.selected_event_id == guardian[0]
        assert screen.panel.event_id == guardian[0]  # the panel follows
        await pilot.press("j")
        assert screen.selected_event_id == guardian[1]

        await pilot.press("b")  # round the day's bulletins
        assert "Al Jazeera · 1 of 2" in header_text(sources_app)
        await pilot.press("B")
        assert "The Guardian · 2 of 2" in header_text(sources_app)


async def test_tags_flags_and_notes_act_on_the_shown_bulletins_events(sources_app, sources_library):
    guardian = ids_of(sources_library, 987, 1)
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        await pilot.press("b", "j", "f", "a", *"cut off here", "escape")
        await settle(pilot, sources_app)
        annotation = sources_library.annotation(guardian[1])
        assert annotation is not None
        assert annotation.flags == ["important"]
        assert annotation.note == "cut off here"
        # Going to another day and back opens the first bulletin; a note's event opens its own bulletin.
        screen = sources_app.screen
        await pilot.press("left_square_bracket", "right_square_bracket")
        assert "Al Jazeera · 1 of 2" in header_text(sources_app)
        screen.open_day(987, guardian[1])
        await pilot.pause()
        assert "The Guardian · 2 of 2" in header_text(sources_app)
        assert screen.selected_event_id == guardian[1]


async def test_a_search_result_opens_in_its_own_bulletin(sources_app, sources_library):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        opened: list[str] = []
        sources_app.screen.sources.open_link = lambda url: opened.append(url) or True
        await pilot.press("slash", *"grain exports", "enter")
        await settle(pilot, sources_app)
        await pilot.press("o")  # the result's own bulletin's page
        await settle(pilot, sources_app)
        assert opened == [GUARDIAN_LINK]
        await pilot.press("enter")
        await settle(pilot, sources_app)
        screen = sources_app.screen
        assert screen.mode == "day"
        assert "The Guardian · 2 of 2" in header_text(sources_app)
        assert screen.selected_event_id == ids_of(sources_library, 987, 1)[1]


async def test_a_day_of_one_bulletin_says_so_on_b(sources_app):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        await pilot.press("left_square_bracket", "b")
        assert sources_app.screen.current_day == 986
        assert "1 of" not in header_text(sources_app)
        # A day's only bulletin names its outlet (here from its file's name) at the end of the first line.
        assert header_text(sources_app).splitlines()[0].endswith("· fixture")
        assert any("one bulletin" in m for m in messages(sources_app))


def test_day_list_marks_days_of_several_bulletins(sources_library):
    summaries = {s.day: s for s in sources_library.days()}
    for width in (28, 20):  # the day list's width at 120 and at 80 columns
        row = day_row(summaries[987], width).plain
        assert row.endswith("2×") and len(row) <= width
        assert "×" not in day_row(summaries[986], width).plain


async def test_day_list_shows_the_marker_at_80_columns(sources_app):
    async with sources_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, sources_app)
        days = sources_app.screen.query_one("#days", RowList)
        assert "2×" in days.render_line(0).text
        assert "×" not in days.render_line(1).text


async def test_o_opens_the_web_page_in_a_worker_or_shows_the_file(sources_app, sources_library):
    opened: list[str] = []

    def browser(url: str) -> bool:
        opened.append(url)
        return True

    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        sources_app.screen.sources.open_link = browser
        await pilot.press("o")
        await settle(pilot, sources_app)
        assert opened == [AL_JAZEERA_LINK]
        await pilot.press("b", "o")
        await settle(pilot, sources_app)
        assert opened == [AL_JAZEERA_LINK, GUARDIAN_LINK]
        # A copy saved as a file, with no web address: its path is shown, no browser is asked.
        sources_library.pick_copy(987, sources_library.bulletins(987)[0].id, 1)
        sources_app.screen.library_changed()
        await pilot.press("B", "o")
        await settle(pilot, sources_app)
        assert opened == [AL_JAZEERA_LINK, GUARDIAN_LINK]
        assert any(SAVED_COPY in m for m in messages(sources_app))


async def test_o_says_so_when_no_browser_opens(sources_app):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        sources_app.screen.sources.open_link = lambda url: False
        await pilot.press("o")
        await settle(pilot, sources_app)
        assert any("No browser could open" in m for m in messages(sources_app))


async def test_O_picks_the_copy_read_and_automatic_restores_the_choice(sources_app, sources_library):
    al_jazeera = ids_of(sources_library, 987, 0)
    sources_library.annotate(al_jazeera[0], note="nine wounded")
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        screen = sources_app.screen
        await pilot.press("O")
        await pilot.pause()
        dialog = sources_app.screen
        assert dialog.id == "copies-dialog"
        options = dialog.query_one("#choice-list")
        labels = [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]
        assert labels[0].startswith("Automatic")
        assert "✓ reading (chosen automatically)" in labels[1] and "4 events" in labels[1]
        assert "3 events" in labels[2] and SAVED_COPY in labels[2] and "text looks machine-spun" in labels[2]
        assert options.highlighted == 0  # automatic is the choice now

        await pilot.press("down", "down", "enter")  # the saved copy
        await settle(pilot, sources_app)
        assert sources_app.screen is screen
        shown = sources_library.bulletins(987)[0]
        assert shown.picked and shown.reading.source == SAVED_COPY
        assert list(screen.day_view.event_list.refs) == al_jazeera[:2] + al_jazeera[3:]
        assert "text looks machine-spun" in header_text(sources_app)
        assert "Al Jazeera · 1 of 2" in header_text(sources_app)
        # The note stayed on its event, which the copy holds too.
        assert sources_library.annotation(al_jazeera[0]).note == "nine wounded"
        assert "nine wounded" in screen.day_view.event_list.row_of(al_jazeera[0]).plain

        await pilot.press("O")
        await pilot.pause()
        assert sources_app.screen.query_one("#choice-list").highlighted == 2  # the picked copy
        await pilot.press("up", "up", "enter")  # automatic
        await settle(pilot, sources_app)
        shown = sources_library.bulletins(987)[0]
        assert not shown.picked and shown.reading.source == AL_JAZEERA_LINK
        assert list(screen.day_view.event_list.refs) == al_jazeera


async def test_O_escape_changes_nothing(sources_app, sources_library):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        await pilot.press("O", "escape")
        await settle(pilot, sources_app)
        assert not sources_library.bulletins(987)[0].picked


async def test_warnings_and_inferred_themes_show(sources_app):
    async with sources_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, sources_app)
        await pilot.press("b")
        header = sources_app.screen.query_one("#day-header", TextLines)
        assert "⚠ last event looks cut off" in header.text.plain
        assert "last event looks cut off" in str(header.tooltip)
        # At 80×24 the header shows two lines: the day, and the outlet with its warnings.
        assert "The Guardian" in header.render_line(1).text
        events = sources_app.screen.query_one("#events", EventList)
        heading = events.rows[0]
        assert heading.plain.startswith("█ Fighting (theme inferred)")
        assert any("italic" in str(span.style) for span in heading.prompt.spans)
        assert "theme inferred" not in events.rows[events.section_starts[1]].plain


async def test_help_and_palette_list_the_bulletin_keys(sources_app):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        await pilot.press("question_mark")
        await pilot.pause()
        table = sources_app.screen.table
        rows = list(zip(*(column.cells for column in table.columns), strict=True))
        listed = {(str(keys), str(description), str(binding_id)) for keys, description, _, binding_id in rows}
        for row in [
            ("b", "Next bulletin", "next-bulletin"),
            ("B", "Previous bulletin", "previous-bulletin"),
            ("o", "Open source", "open-source"),
            ("O", "Copies…", "choose-copy"),
        ]:
            assert row in listed
        await pilot.press("escape")
        commands = [c.title for c in sources_app.get_system_commands(sources_app.screen)]
        assert {"Next bulletin", "Open source", "Copies…"} <= set(commands)


async def test_outlets_titles_sources_and_warnings_are_shown_as_data(tmp_path, settings):
    """Markup and escape sequences in what a page says of itself never style nor drive the screen."""
    library = Library.open(tmp_path / "hostile", seed_samples=False)
    date = dt.date(2024, 11, 11)

    def bulletin(outlet: str, source: str, text: str) -> Bulletin:
        sections = [section(990, "Fighting", [text])]
        return Bulletin(990, date, f"[bold]{outlet}[/]", source, sections, [HOSTILE], outlet=outlet)

    library.import_bulletins(
        [
            bulletin("[red]Outlet[/]", "https://a.example/day990", "Shelling hit Kherson overnight."),
            bulletin("[/]Other", "javascript:alert(1)", "Grain exports rose in October."),
        ]
    )
    app = make_app(library, settings)
    opened: list[str] = []
    async with app.run_test(size=(160, 40)) as pilot:
        await settle(pilot, app)
        app.screen.sources.open_link = lambda url: opened.append(url) or True
        header = header_text(app)
        assert "[red]Outlet[/] · 1 of 2" in header and "[bold]x[/]" in header and "\x1b" not in header
        await pilot.press("b", "o")  # a link that is not http(s) is shown, never opened
        await settle(pilot, app)
        assert opened == []
        await pilot.press("O")
        await pilot.pause()
        assert "[/]Other" in svg_to_text(app.export_screenshot())
        assert "\x1b" not in app.export_screenshot()
    library.close()


async def test_O_on_a_days_only_bulletin_reads_the_copy_picked(tmp_path, settings):
    from tests.tui.conftest import sources_bulletins

    library = Library.open(tmp_path / "copies", seed_samples=False)
    library.import_bulletins(sources_bulletins()[:4])  # day 987: Al Jazeera only, two copies
    library.close()
    library = Library.open(tmp_path / "copies", seed_samples=False)  # the newest day from the summary
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert len(screen.day_view.event_list.refs) == 4
        await pilot.press("O", "down", "down", "enter")
        await settle(pilot, app)
        assert len(screen.day_view.event_list.refs) == 3
        assert "text looks machine-spun" in header_text(app)
        days = screen.query_one("#days", RowList)
        assert days.items[0].events == 3  # the day list counts the copy read
    library.close()


async def test_the_panel_names_the_selected_events_outlet(sources_app):
    async with sources_app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, sources_app)
        assert "Source Al Jazeera · https://" in svg_to_text(sources_app.export_screenshot())
        await pilot.press("b")
        await pilot.pause()
        assert "Source The Guardian · https://" in svg_to_text(sources_app.export_screenshot())
