"""The lists painted without Textual's per-line styling pass draw exactly what that pass would draw."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from tests.tui.conftest import settle
from warreader.tui.widgets import plain_lines


def drawn(widget, crop: Region) -> list[list[tuple]]:
    return [[tuple(segment) for segment in strip] for strip in widget.render_lines(crop)]


def crops(widget) -> list[Region]:
    width, height = widget.region.size
    return [
        Region(0, 0, width, height),  # the whole list
        Region(0, 2, width, 3),  # a few lines (a cursor move repaints two)
        Region(3, 0, width - 5, height),  # cut at both sides (a dialog drawn over the list)
        Region(0, height - 1, width, 1),
    ]


def assert_same_as_textual(widget, monkeypatch) -> None:
    for crop in crops(widget):
        ours = drawn(widget, crop)
        with monkeypatch.context() as patch:
            patch.setattr(plain_lines, "_styles_add_nothing", lambda _widget: False)
            widget._styles_cache.clear()
            textuals = drawn(widget, crop)
        assert ours == textuals, crop


@pytest.mark.parametrize("theme", ["textual-dark", "textual-light"])
async def test_day_and_search_lists_match_textuals_own_painting(app, monkeypatch, theme):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        app.theme = theme
        await pilot.press("j", "j")  # the cursor on a later row, the list focused
        await pilot.pause()
        screen = app.screen
        events = screen.query_one("#events")
        assert plain_lines._styles_add_nothing(events)  # the fast path is the one compared
        assert_same_as_textual(events, monkeypatch)
        await pilot.press("slash", *"kyiv", "enter")
        await settle(pilot, app)
        assert_same_as_textual(screen.query_one("#results"), monkeypatch)


async def test_a_list_with_padding_or_a_border_is_left_to_textual(app, monkeypatch):
    async with app.run_test(size=(120, 40)) as pilot:
        await settle(pilot, app)
        screen = app.screen
        assert not plain_lines._styles_add_nothing(screen.query_one("#days"))  # its border carries a title
        events = screen.query_one("#events")
        events.styles.padding = (0, 2)
        await pilot.pause()
        assert not plain_lines._styles_add_nothing(events)
        lines = drawn(events, Region(0, 0, *events.region.size))
        assert all(strip[0][0].startswith("  ") for strip in lines)  # Textual drew the padding
