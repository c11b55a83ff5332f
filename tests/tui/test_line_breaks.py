"""Events are measured up front (the list's length and scrolling depend on it) and wrapped when drawn,
with line breaking of our own: it must break exactly where Rich does, and measure the text that is drawn."""

from __future__ import annotations

from hypothesis import example, given, settings
from hypothesis import strategies as st
from rich._wrap import divide_line
from rich.console import Console
from rich.text import Text

from warreader.model import Event
from warreader.store.records import Annotation
from warreader.tui.paint.breaks import breaks, line_count, wrap
from warreader.tui.widgets.event_rows import (
    event_plain,
    event_prompt,
    heading_plain,
    heading_prompt,
)

# Narrow, wide and zero-width characters, typographic punctuation, and spaces Rich breaks at that are not
# the plain space (no-break, thin).
PIECES = st.sampled_from(
    [
        "a",
        "Kyiv",
        "drones",
        "x" * 17,
        " ",
        "  ",
        "   ",
        "▍ ",
        "█",
        "é",
        "中文",
        "🙂",
        "\n",
        "-",
        "…",
        "\u0301",
        "“Київ”",
        "’s",
        "—",
        "\u00a0",
        "\u2009",
        "\u00ad",
        "🇺🇦",
        "\ufe0f",
        "\u200d",
    ]
)
TEXT = st.lists(PIECES, max_size=30).map("".join)


@settings(max_examples=500, deadline=None)
@given(TEXT, st.integers(min_value=1, max_value=24))
@example("▍ " + "word " * 20, 10)
@example("x" * 17 + " " * 9 + "y", 5)
@example("   " + "x" * 17, 4)
@example("ab " + "x" * 17 + "   cd", 5)
def test_breaks_and_line_counts_are_rich_line_breaking(text, width):
    for line in text.split("\n"):
        assert breaks(line, width) == divide_line(line, width, fold=True)
    reference = sum(len(divide_line(part, width, fold=True)) + 1 for part in text.split("\n"))
    console = Console(width=200)
    assert line_count(text, width, console) == reference
    if not text.endswith("\n"):
        assert line_count(text, width, console) == len(Text(text).wrap(console, width))


@settings(max_examples=300, deadline=None)
@given(
    st.lists(st.tuples(TEXT, st.sampled_from(["", "bold", "reverse", "#d9534f"])), max_size=5),
    st.integers(min_value=1, max_value=24),
)
@example([("\u200d\u200d中文", "")], 1)
def test_wrap_makes_the_lines_rich_makes_styles_and_all(pieces, width):
    text = Text.assemble(*pieces)
    console = Console(width=200)
    ours = wrap(text, console, width)
    try:
        rich_lines = text.wrap(console, width)
    except ZeroDivisionError:
        # A Rich bug (zero-width joiners before a character too wide for the line): ours must still cut.
        assert all(line.cell_len <= width or len(line) == 1 for line in ours)
        return
    assert [line.plain for line in ours] == [line.plain for line in rich_lines]
    assert [line.spans for line in ours] == [line.spans for line in rich_lines]


MESSY = st.lists(
    st.sampled_from(
        [*"ab [/]", "[bold]", "\x1b[31m", "\t", "\n", "\r", "\x00", "\x9b", "’", "é", "中", "\u00a0"]
    ),
    max_size=30,
).map("".join)


@settings(max_examples=300, deadline=None)
@given(
    MESSY,
    st.one_of(st.none(), MESSY),
    st.lists(MESSY, max_size=3),
    st.lists(MESSY, max_size=2),
    MESSY,
    st.integers(min_value=0, max_value=3),
)
def test_the_plain_text_measured_is_the_text_drawn(text, heading, tags, flags, note, count):
    """Rows are measured from `event_plain`/`heading_plain` and drawn from the prompts: the same text."""
    annotation = Annotation("a1", "e1", 1, "fighting", heading, "", tags, flags, note)
    event = Event("e1", text)
    for noted in (annotation, None):
        assert event_plain(event, noted) == event_prompt(event, "fighting", noted).plain
    for theme in ("fighting", "no-such-theme"):
        assert heading_plain(heading, theme, count) == heading_prompt(heading, theme, count).plain
