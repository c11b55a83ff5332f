"""Bulletin and note text is shown literally: markup and escape sequences are data, never instructions."""

from __future__ import annotations

import datetime as dt

from tests.tui.conftest import HOSTILE, section
from warreader.model import Bulletin
from warreader.store import Library
from warreader.tui import make_app
from warreader.tui.text import clean, literal, theme_colour


def screen_text(app) -> str:
    """Every character on screen, as the terminal would show it."""
    from tests.tui.svgtext import svg_to_text

    return svg_to_text(app.export_screenshot())


def test_literal_never_parses_markup_and_strips_control_characters():
    text = literal(HOSTILE)
    assert text.plain == "Strike [bold]x[/] and [/] then [link=http://x]y[/link] [31mred"
    assert not text.spans  # no style came from the content
    assert clean("a\x00b\x9bc\x7fd\te\nf") == "abcd e f"
    assert clean("line one\nline two", single_line=False) == "line one\nline two"


def test_theme_colours_are_stable_and_distinct_for_known_themes():
    from warreader.themes import known_themes

    known = list(known_themes())[:10]
    assert len({theme_colour(t) for t in known}) == len(known)
    assert theme_colour("some-unknown-heading") == theme_colour("some-unknown-heading")


async def test_hostile_event_text_and_note_render_literally(tmp_path, settings):
    library = Library.open(tmp_path / "lib", seed_samples=False)
    bulletin = Bulletin(
        day=990,
        date=dt.date(2024, 11, 11),
        title="Title with [bold]markup[/]",
        source="hostile.txt",
        sections=[
            section(990, "Fighting [red]", [HOSTILE, "A plain second event."], captions=["[/] caption"])
        ],
    )
    library.import_bulletins([bulletin])
    event_id = next(bulletin.iter_events())[1].id
    library.annotate(event_id, note=HOSTILE, add_tags=["[b]tag[/b]"])
    app = make_app(library, settings)
    try:
        async with app.run_test(size=(160, 50)) as pilot:
            await pilot.pause()
            shown = screen_text(app)
            visible = "Strike [bold]x[/] and [/] then [link=http://x]y[/link] [31mred"
            assert visible in shown.replace("\n", "")  # the event, as typed (it may wrap)
            assert "Title with [bold]markup[/]" in shown
            assert "Fighting [red]" in shown
            assert "[/] caption" in shown
            assert "#[b]tag[/b]" in shown
            # The note editor shows the note as typed minus control characters (the stored note is kept
            # until the user edits it), and the event line shows a cleaned snippet of it.
            assert app.screen.query_one("#panel-note").text == clean(HOSTILE, single_line=False)
            assert library.annotation(event_id).note == HOSTILE
            assert "✎ Strike [bold]x[/]" in shown
            assert "\x1b" not in shown
            # Typing markup into the note saves it as typed.
            await pilot.press("a", "end", *" [i]more[/i]", "escape")
            assert library.annotation(event_id).note == clean(HOSTILE, single_line=False) + " [i]more[/i]"
            # Searching for markup-looking text is safe too.
            await pilot.press("slash", *"[link", "enter")
            await app.workers.wait_for_complete()
            await pilot.pause()
            assert "[link=http://x]y[/link]" in screen_text(app).replace("\n", "")
    finally:
        library.close()
