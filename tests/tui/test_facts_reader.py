"""Figures, places and people in the reader: the panel's section, the thread of a place or person (`p`) and
the figures view (`P`, or the palette), driven by keys on a library whose events have known facts
(`facts_bulletins` in conftest.py)."""

from __future__ import annotations

import threading

import pytest

from tests.tui.conftest import HOSTILE, facts_bulletins, section, settle
from warreader.facts import index as facts_index
from warreader.model import Bulletin
from warreader.store import Library
from warreader.tui import make_app
from warreader.tui.screens.dialogs import ChoiceDialog
from warreader.tui.views.figures import FiguresView
from warreader.tui.views.thread import ThreadView


@pytest.fixture
def facts_app(facts_library, settings):
    return make_app(facts_library, settings)


def panel_figures(app) -> str:
    return app.screen.query_one("#panel-figures").text.plain


def event_ids(library: Library, day: int) -> list[str]:
    return [e.id for _, e in library.bulletin(day).iter_events()]


async def test_the_panel_shows_the_selected_events_figures_places_and_people(facts_app):
    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        # Day 987's first event: a figure with the words it came from, a settlement and its oblast.
        shown = panel_figures(facts_app)
        assert "captured 48 soldiers" in shown
        assert "“captured 48 Ukrainian soldiers”" in shown
        assert "⌖ Kupiansk · Kharkiv Oblast, UA" in shown
        assert "⌖ Kharkiv Oblast · UA" in shown
        await pilot.press("j", "j")
        shown = panel_figures(facts_app)
        assert "killed 1 person" in shown and "“killed one man”" in shown
        assert "People Oleh Syniehubov" in shown
        await pilot.press("j")  # the $425m: money in its currency
        assert "money 425,000,000 USD" in panel_figures(facts_app)
        await pilot.press("G")  # Istanbul is no place of the war: nothing found
        assert panel_figures(facts_app) == "no figures, places or people found"
        await pilot.press("left_square_bracket")  # day 980: a range, an approximate and a cumulative figure
        await settle(pilot, facts_app)
        shown = panel_figures(facts_app)
        assert "wounded ~12 people" in shown and "“At least 12 people were wounded”" in shown
        await pilot.press("j")
        assert "killed 3–5 people" in panel_figures(facts_app)
        await pilot.press("j")
        assert "killed ~10,000 civilians cumulative" in panel_figures(facts_app)
        assert "⌖ Ukraine · UA" in panel_figures(facts_app)


async def test_the_panel_says_figures_are_being_read_until_they_are(facts_app, monkeypatch):
    release = threading.Event()
    load = facts_index.load_index

    def slow_load(library, **kwargs):
        release.wait(10)
        return load(library, **kwargs)

    monkeypatch.setattr(facts_index, "load_index", slow_load)
    async with facts_app.run_test(size=(130, 40)) as pilot:
        for _ in range(50):
            await pilot.pause(0.02)
            if panel_figures(facts_app) == "reading figures…":
                break
        assert panel_figures(facts_app) == "reading figures…"
        await pilot.press("j")  # the reader answers keys meanwhile
        assert panel_figures(facts_app) == "reading figures…"
        release.set()
        await settle(pilot, facts_app)
        assert "Kupiansk" not in panel_figures(facts_app)
        assert "⌖ Vovchansk · Kharkiv Oblast, UA" in panel_figures(facts_app)


async def test_figures_follow_bulletins_another_process_imports(facts_library, settings):
    app = make_app(facts_library, settings)
    async with app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, app)
        other = Library.open(facts_library.path, seed_samples=False)
        text = "Russian shelling killed seven people in Sloviansk."
        day = Bulletin(
            day=988,
            date=None,
            title="day 988",
            source="other.txt",
            sections=[section(988, "Fighting", [text])],
        )
        other.import_bulletins([day])
        other.close()
        app.screen.reload_if_changed()
        await settle(pilot, app)
        await pilot.press("right_square_bracket")
        assert app.screen.current_day == 988
        shown = panel_figures(app)
        assert "killed 7 people" in shown and "⌖ Sloviansk · Donetsk Oblast, UA" in shown


async def test_p_asks_which_place_and_lists_every_event_naming_it_newest_first(facts_app, facts_library):
    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("p")
        await settle(pilot, facts_app)
        dialog = facts_app.screen
        assert isinstance(dialog, ChoiceDialog)
        choices = [str(o.prompt) for o in dialog.query_one("#choice-list").options]
        assert choices == ["⌖ Kupiansk · Kharkiv Oblast, UA", "⌖ Kharkiv Oblast · UA"]  # most specific first
        await pilot.press("down", "enter")
        await settle(pilot, facts_app)
        screen = facts_app.screen
        assert screen.mode == "thread"
        view = screen.views.get(ThreadView)
        # The oblast gathers its settlements: Kupiansk, Vovchansk and Kharkiv on day 987, Kharkiv on 970.
        day987, day970 = event_ids(facts_library, 987), event_ids(facts_library, 970)
        assert [r.id for r in view.event_list.items] == [day987[0], day987[1], day987[2], day970[0]]
        header = screen.query_one("#thread-header").text.plain
        assert "Kharkiv Oblast · UA" in header and "4 events over 2 days, newest first" in header
        preview = screen.query_one("#thread-preview").render()
        assert "Kupiansk" in preview.plain
        marked = {preview.plain[s.start : s.end] for s in preview.spans if str(s.style) == "reverse"}
        assert marked == {"Kupiansk", "Kharkiv"}  # the words naming a place of the oblast
        await pilot.press("G", "enter")  # the oldest: day 970, opened in its day
        await settle(pilot, facts_app)
        assert screen.mode == "day" and screen.current_day == 970
        assert screen.selected_event_id == day970[0]


async def test_a_persons_thread_and_escape_back_to_the_day(facts_app, facts_library):
    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("G", "k", "p")  # "Zelenskyy thanked allies in Kyiv…"
        await settle(pilot, facts_app)
        options = facts_app.screen.query_one("#choice-list").options
        assert [str(o.prompt) for o in options] == ["⌖ Kyiv · Kyiv City, UA", "☺ Volodymyr Zelenskyy  person"]
        await pilot.press(*"zel", "enter")  # typing filters the choices
        await settle(pilot, facts_app)
        screen = facts_app.screen
        view = screen.views.get(ThreadView)
        assert [r.day for r in view.event_list.items] == [987, 975]
        assert screen.panel.event_id == view.event_list.items[0].id  # the panel follows the thread
        await pilot.press("j")
        assert "Mark Rutte" in panel_figures(facts_app)
        await pilot.press("escape")
        assert screen.mode == "day" and screen.current_day == 987


async def test_p_on_an_event_naming_one_place_opens_its_thread_and_on_none_says_so(facts_app, facts_library):
    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("G", "p")  # Istanbul: nothing the reader knows
        await settle(pilot, facts_app)
        assert facts_app.screen.id == "reader" and facts_app.screen.mode == "day"
        assert any("names no place or person" in str(n.message) for n in facts_app._notifications)
        await pilot.press("g", "j", "p")  # Vovchansk only
        await settle(pilot, facts_app)
        view = facts_app.screen.views.get(ThreadView)
        assert facts_app.screen.mode == "thread"
        assert [r.id for r in view.event_list.items] == [event_ids(facts_library, 987)[1]]


async def test_the_figures_view_plots_weekly_totals_and_lists_the_events_behind_a_bar(
    facts_app, facts_library
):
    async with facts_app.run_test(size=(130, 40)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("P")
        await settle(pilot, facts_app)
        screen = facts_app.screen
        view = screen.views.get(FiguresView)
        assert screen.mode == "figures"
        assert [(p.label, p.total, p.approx) for p in view.periods] == [
            ("2024-W43", 6, False),
            ("2024-W44", 3, True),  # a range counts its low end; "since 2022" is left out
            ("2024-W45", 1, False),
        ]
        assert view.current_bar == 2  # the newest bar with events
        assert "2024-W45" in screen.query_one("#figures-bar").text.plain
        rows = view.event_list
        assert [r.id for r in rows.items] == [event_ids(facts_library, 987)[2]]
        await pilot.press("left")
        line = screen.query_one("#figures-bar").text.plain
        assert "2024-W44" in line and "~3 killed in 1 event" in line
        assert rows.row_text(0, 80).plain.strip().startswith("~3  980")
        await pilot.press("h")
        assert [r.day for r in rows.items] == [975, 970]  # newest first
        assert screen.panel.event_id == rows.items[0].id
        await pilot.press("j", "enter")  # Enter opens the event in its day
        await settle(pilot, facts_app)
        assert screen.mode == "day" and screen.current_day == 970


async def test_the_figures_view_changes_kind_period_and_oblast(facts_app):
    async with facts_app.run_test(size=(80, 24)) as pilot:
        await settle(pilot, facts_app)
        await pilot.press("P", "c")  # killed → wounded
        await settle(pilot, facts_app)
        view = facts_app.screen.views.get(FiguresView)
        assert view.kind == "wounded"
        assert [p.total for p in view.periods] == [33, 12, 0]
        assert view.current_bar == 2  # the same week as before (none wounded that week)
        await pilot.press("w")  # per month: the month holding that week
        await settle(pilot, facts_app)
        assert [(p.label, p.total) for p in view.periods] == [("2024-10", 33), ("2024-11", 12)]
        assert view.current_bar == 1
        await pilot.press("C", "r")  # back to killed; then the oblast
        await settle(pilot, facts_app)
        dialog = facts_app.screen
        assert isinstance(dialog, ChoiceDialog)
        labels = [str(o.prompt) for o in dialog.query_one("#choice-list").options]
        assert labels[:2] == ["All places", "Kharkiv Oblast · UA  4 events"]
        await pilot.press(*"donetsk", "enter")
        await settle(pilot, facts_app)
        assert view.oblast is not None and view.oblast.admin1 == "Donetsk Oblast"
        assert [(p.label, p.total) for p in view.periods] == [("2024-10", 2)]  # Pokrovsk, day 975
        assert (
            "Killed per month · Donetsk Oblast · UA"
            in facts_app.screen.query_one("#figures-header").text.plain
        )


async def test_the_figures_view_is_in_the_palette_and_waits_for_the_facts(facts_app, monkeypatch):
    release = threading.Event()
    load = facts_index.load_index
    monkeypatch.setattr(
        facts_index, "load_index", lambda library, **kw: release.wait(10) and load(library, **kw)
    )
    async with facts_app.run_test(size=(130, 40)) as pilot:
        commands = [c.title for c in facts_app.get_system_commands(facts_app.screen)]
        assert "Figures…" in commands
        await pilot.pause()
        await facts_app.screen.action_figures()
        await pilot.pause()
        assert "reading figures" in facts_app.screen.query_one("#figures-header").text.plain
        release.set()
        await settle(pilot, facts_app)
        view = facts_app.screen.views.get(FiguresView)
        assert [p.total for p in view.periods] == [6, 3, 1]


async def test_quotes_and_names_are_shown_as_data_never_as_markup(tmp_path, settings):
    library = Library.open(tmp_path / "lib", seed_samples=False)
    hostile = f"Russian drones killed four people in Kharkiv. {HOSTILE}"
    day = Bulletin(
        day=990, date=None, title="t", source="h.txt", sections=[section(990, "Fighting", [hostile])]
    )
    library.import_bulletins([day, *facts_bulletins()])
    app = make_app(library, settings)
    try:
        async with app.run_test(size=(130, 40)) as pilot:
            await settle(pilot, app)
            await pilot.press("p")  # one place: the thread opens at once
            await settle(pilot, app)
            preview = app.screen.query_one("#thread-preview").render().plain
            assert "[bold]x[/] and [/] then [link=http://x]y[/link] [31mred" in preview
            assert "\x1b" not in preview
    finally:
        library.close()
