"""A list row is finished (padded to the list's width, the row style under its own) in one pass, exactly as
Textual's `crop_extend` then `apply_style` would."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from rich.segment import Segment
from rich.style import Style
from textual.strip import Strip

from warreader.tui.paint import under

STYLES = st.sampled_from(
    [None, Style(bold=True), Style(color="red"), Style(bgcolor="#223344", italic=True), Style(reverse=True)]
)
SEGMENTS = st.lists(
    st.one_of(
        st.tuples(st.text("ab …中é", min_size=1, max_size=6), STYLES).map(lambda p: Segment(*p)),
        st.just(Segment("", None, [(1,)])),  # a control segment keeps no style
    ),
    max_size=6,
)


@settings(max_examples=300, deadline=None)
@given(SEGMENTS, STYLES.filter(lambda s: s is not None), st.integers(min_value=0, max_value=12))
def test_one_pass_equals_crop_extend_then_apply_style(segments, style, spare):
    strip = Strip(segments)
    width = strip.cell_length + spare
    expected = strip.crop_extend(0, width, style).apply_style(style)
    got = under(list(strip), strip.cell_length, style, width)
    assert list(got) == list(expected)
    assert got.cell_length == expected.cell_length == width
