"""The painting shortcuts (`warreader.tui.paint`) draw exactly what Textual's and Rich's own paths draw:
the same screens, key for key, with the shortcuts on and with `WARREADER_PAINT=textual`."""

from __future__ import annotations

import re

import pytest
from textual.geometry import Region

from tests.tui.conftest import settle
from warreader.tui import make_app, paint
from warreader.tui.paint import set_fast, styles_add_nothing

#: (name, keys): screens that draw every list, text block and bar the reader has.
SCENES: list[tuple[str, list[str]]] = [
    ("day", []),
    ("moved", ["j", "j", "right_curly_bracket"]),
    ("annotated", ["f", "t", *"frontline", "enter", "a", *"a note", "escape"]),
    ("search", ["slash", *"kyiv", "enter", "j"]),
    ("storyline", ["escape", "T", "enter"]),
    ("dialog over the lists", ["escape", "e"]),
]


def normalised(svg: str) -> str:
    """The screenshot without the ids Textual makes unique per export."""
    return re.sub(r"terminal-\d+", "terminal", svg)


async def screens(library, settings, size: tuple[int, int], fast: bool) -> dict[str, str]:
    set_fast(fast)
    try:
        app = make_app(library, settings)
        shots: dict[str, str] = {}
        async with app.run_test(size=size) as pilot:
            await settle(pilot, app)
            for name, keys in SCENES:
                await pilot.press(*keys)
                await settle(pilot, app)
                shots[name] = normalised(app.export_screenshot())
        return shots
    finally:
        set_fast(True)


@pytest.mark.parametrize("size", [(120, 40), (80, 24)])
async def test_every_screen_is_painted_the_same_with_and_without_the_shortcuts(library, settings, size):
    fast = await screens(library, settings, size, True)
    library.reload_if_changed()
    # The second run starts from the same library: undo the first run's annotations.
    for annotation in library.annotations():
        library.annotate(
            annotation.event_id, remove_tags=annotation.tags, remove_flags=annotation.flags, note=""
        )
    plain = await screens(library, settings, size, False)
    for name, _ in SCENES:
        assert fast[name] == plain[name], name


def test_the_switch_is_read_from_the_environment():
    assert paint.FAST_ENV == "WARREADER_PAINT"
    assert paint.fast()  # the test run does not set it


def drawn(widget, crop: Region) -> list[list[tuple]]:
    return [[tuple(segment) for segment in strip] for strip in widget.render_lines(crop)]


async def test_a_list_with_padding_or_a_border_is_left_to_textual(app):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert not styles_add_nothing(screen.query_one("#days"))  # a pane: its border carries a title
        events = screen.query_one("#events")
        assert styles_add_nothing(events)  # the fast path is the one compared above
        events.styles.padding = (0, 2)
        await pilot.pause()
        assert not styles_add_nothing(events)
        lines = drawn(events, Region(0, 0, *events.region.size))
        assert all(strip[0][0].startswith("  ") for strip in lines)  # Textual drew the padding
