"""`TextLines` (headers, panel facts, key bar): lines cut with an ellipsis, never wrapped, never markup."""

from __future__ import annotations

from rich.text import Text
from textual.app import App, ComposeResult

from warreader.tui.widgets.text_lines import TextLines


class OneBlock(App):
    CSS = "TextLines { width: 12; }"

    def compose(self) -> ComposeResult:
        yield TextLines(id="block")


def screen_lines(app: App) -> list[str]:
    block = app.query_one("#block")
    return [strip.text for strip in block.render_lines(block.region.reset_offset)]


async def test_lines_are_cut_to_the_width_with_an_ellipsis_and_kept_as_typed():
    app = OneBlock()
    async with app.run_test(size=(40, 10)) as pilot:
        block = app.query_one("#block", TextLines)
        text = Text("[bold]not markup[/]\nshort\n\x1b[31m red")
        text.stylize("red", len(text) - 7)  # spans keep their colours when a control character is dropped
        block.update(text)
        await pilot.pause()
        assert block.size.height == 3  # one screen line per line of text: nothing wraps
        assert screen_lines(app) == ["[bold]not m…", "short       ", "[31m red    "]
        last = block.render_lines(block.region.reset_offset)[2]
        colour = {seg.text: seg.style.color for seg in last}
        assert colour["31m red"] != colour["["]  # the span kept its colour, the dropped ESC took none
        block.update(Text("one"))
        await pilot.pause()
        assert block.size.height == 1
        assert screen_lines(app) == ["one         "]


class Preview(App):
    CSS = "TextLines { width: 12; height: 3; }"

    def compose(self) -> ComposeResult:
        yield TextLines(id="block", wrap=True)


async def test_wrapped_lines_break_at_spaces_and_the_last_visible_one_says_there_is_more():
    app = Preview()
    async with app.run_test(size=(40, 10)) as pilot:
        block = app.query_one("#block", TextLines)
        block.update(Text("Heading\nthe quick brown fox jumps over the lazy dog"), layout=False)
        await pilot.pause()
        assert screen_lines(app) == ["Heading     ", "the quick   ", "brown fox … "]
        block.update(Text("short one"), layout=False)
        await pilot.pause()
        assert screen_lines(app) == ["short one   ", " " * 12, " " * 12]
