"""The day note (`D`), the full storyline, search paging and folding, click selection, export pre-fill."""

from __future__ import annotations

import datetime as dt

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.text import Text

from tests.tui.conftest import first_id, section, settle
from warreader.model import Bulletin
from warreader.search import fold, query_terms
from warreader.store import Library
from warreader.tui import make_app
from warreader.tui.highlight import highlight
from warreader.tui.views.search import SEARCH_PAGE


def big_library(path, days: int = 30, per_day: int = 25) -> Library:
    """`days` days of `per_day` "Fighting" events, each mentioning drones (more than a page of hits)."""
    library = Library.open(path, seed_samples=False)
    bulletins = [
        Bulletin(
            day=day,
            date=dt.date(2024, 1, 1) + dt.timedelta(days=day),
            title=f"Day {day}",
            source=f"big-{day}.txt",
            sections=[
                section(
                    day, "Fighting", [f"Day {day} event {n}: drones over the line." for n in range(per_day)]
                )
            ],
        )
        for day in range(1, days + 1)
    ]
    library.import_bulletins(bulletins)
    return library


async def test_day_note_saves_as_you_type_and_survives_a_restart(library_path, settings):
    library = Library.open(library_path, seed_samples=False)
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("D")
        assert app.focused.id == "panel-note"
        await pilot.press(*"Quiet day on the front.")
        await pilot.press("escape")
        await pilot.pause()
        assert app.focused.id == "events"
        assert "Day note: Quiet day on the front." in str(app.screen.query_one("#day-header").render())
        # The event's own note is back in the editor, untouched.
        assert app.screen.query_one("#panel-note").text == ""
        assert library.annotation(first_id(library, 987)) is None
        await pilot.press("q")
    library.close()
    library = Library.open(library_path, seed_samples=False)
    try:
        assert library.day_note(987).note == "Quiet day on the front."
        app = make_app(library, settings)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            assert "Quiet day on the front." in str(app.screen.query_one("#day-header").render())
    finally:
        library.close()


async def test_day_note_is_written_on_quit_while_typing(library_path, settings):
    library = Library.open(library_path, seed_samples=False)
    app = make_app(library, settings)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("left_square_bracket", "D", *"typed then quit")
        await app.action_quit()
    assert library.day_note(986).note == "typed then quit"
    library.close()


async def test_storyline_lists_every_event_of_the_theme_newest_selected(tmp_path, settings):
    library = big_library(tmp_path / "big")
    app = make_app(library, settings)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("T")
            await pilot.pause()
            await pilot.press("enter")
            await settle(pilot, app)
            story = app.screen.query_one("#story")
            events = [row for row in story.rows if not row.disabled]
            assert len(events) == 30 * 25  # all of them, no cut at 600
            assert story.rows[0].prompt.plain.startswith("Day 1 ·")
            assert app.screen.selected_event_id == first_id(library, 30, 24)  # the newest
            assert "750 events over 30 days" in str(app.screen.query_one("#story-header").render())
            assert "Day 30 event 24" in str(app.screen.query_one("#story-preview").render())
            await pilot.press("g")
            assert app.screen.selected_event_id == first_id(library, 1, 0)
    finally:
        library.close()


async def test_search_shows_a_first_page_and_fetches_more_near_the_end(tmp_path, settings):
    library = big_library(tmp_path / "big")
    app = make_app(library, settings)
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await settle(pilot, app)
            await pilot.press("slash", *"drones", "enter")
            await settle(pilot, app)
            results = app.screen.query_one("#results")
            status = str(app.screen.query_one("#search-status").render())
            assert len(results.items) >= SEARCH_PAGE
            if len(results.items) == SEARCH_PAGE:
                assert f"{SEARCH_PAGE}+ results" in status
                await pilot.press("end")  # near the end of the page: the next one is fetched
                await settle(pilot, app)
            assert len(results.items) == 750
            assert "750 results" in str(app.screen.query_one("#search-status").render())
            # Newest first, in reading order, each event once.
            ids = [info.event.id for info in results.items]
            assert len(set(ids)) == 750 and ids[0] == first_id(library, 30, 0)
    finally:
        library.close()


def test_highlight_folds_like_the_search():
    def marked(text: str, query: str) -> list[str]:
        shown = highlight(Text(text), query)
        return [text[span.start : span.end] for span in shown.spans]

    assert marked("Strikes on Kyiv, then KIEV’s suburbs", "kyiv") == ["Kyiv", "KIEV"]
    assert marked("Café near Zaporizhzhia’s plant", "cafe zaporizhzhia's") == ["Café", "Zaporizhzhia’s"]
    assert marked("Nothing here", "kyiv") == []
    # Characters that fold to several ("…" → "...", "ß" → "ss") or to none (a combining accent) before
    # the match must not shift it.
    assert marked("Wait… Straße, Kyiv", "kyiv") == ["Kyiv"]
    assert marked("Cafe\u0301 Straße…strasse", "strasse") == ["Straße", "strasse"]
    assert marked("…a…kyiv…", "a...kyiv") == ["a…kyiv"]


def _marked_by_reference(text: str, query: str) -> list[tuple[int, int]]:
    """Spans found the slow, obvious way: every character folded alone, remembering where it came from."""
    folded, origin = "", []
    for index, char in enumerate(text):
        piece = fold(char)
        folded += piece
        origin += [index] * len(piece)
    spans = []
    for term in query_terms(query):
        for spelling in term:
            start = folded.find(spelling)
            while spelling and start != -1:
                end = start + len(spelling)
                spans.append((origin[start], origin[end - 1] + 1))
                start = folded.find(spelling, end)
    return spans


@settings(max_examples=300, deadline=None)
@given(
    st.text(st.sampled_from([*"kyivKIEV s.-", "…", "ß", "é", "\u0301", "’", "Є", "🙂"]), max_size=40),
    st.sampled_from(["kyiv", "s", "ss", "...", "kyiv's", "e", "ie", "🙂", "v s", "є"]),
)
def test_highlight_marks_what_the_character_by_character_fold_marks(text, query):
    shown = highlight(Text(text), query)
    assert [(span.start, span.end) for span in shown.spans] == _marked_by_reference(text, query)


async def test_click_selects_an_event(app, library):
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        events = app.screen.query_one("#events")
        start, _ = events.row_span(events.rows.index(events.row_of(first_id(library, 987, 1))))
        await pilot.click("#events", offset=(5, start))
        await pilot.pause()
        assert app.screen.selected_event_id == first_id(library, 987, 1)
        assert app.screen.panel.event_id == first_id(library, 987, 1)


async def test_flagged_view_export_prefill_names_user_flags(app, library):
    library.annotate(first_id(library, 986), add_flags=["geolocate"])
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("v", *"flagged", "enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
        flags = app.screen.query_one("#export-flags").value
        assert flags == "important, verify, follow-up, geolocate"
        await pilot.press("escape")
