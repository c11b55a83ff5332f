"""`plain_lines`: line-API widgets painted without Textual's per-line styling pass when it has nothing to add.

Internal relied on (see `warreader.tui.paint`): what `textual._styles_cache.StylesCache.render_widget`
does to the lines of a widget. For every line it unpacks borders, outlines and padding, pads the line to
width, checks for hatching, copies the line into a new `Strip` for tint and opacity, and caches it by row.
For a list without border, padding, tint or opacity every one of those steps returns the line unchanged,
yet on a day switch they cost about 1.5 ms of the event list's 4 ms. The lists keep their own caches of
finished lines, so `plain_lines` paints them directly, with the same width adjustment, line filters (e.g.
ANSI colours to true colour) and cropping as Textual, and hands any widget whose styles do draw something
to Textual's own path. tests/tui/test_paint_paths.py holds the two equal.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.segment import Segment
from rich.style import Style as RichStyle
from textual.geometry import Region
from textual.strip import Strip
from textual.style import Style
from textual.widget import Widget

from warreader.tui.paint.switch import fast


def plain_lines(widget: Widget, crop: Region) -> list[Strip] | None:
    """`widget.render_lines(crop)` without Textual's styling pass, or None when that pass would add
    something (or the shortcuts are off): the caller then lets Textual paint."""
    if not (fast() and styles_add_nothing(widget)):
        return None
    width, height = widget.region.size
    content_width = widget.content_region.width
    base_background, background = widget.background_colors
    # As Textual pads short lines: with the widget's background over the one beneath it.
    pad_style = Style(background=base_background + background).rich_style
    filters = widget.get_line_filters()
    render_line = widget.render_line
    strips: list[Strip] = []
    for y in crop.line_range:
        if y < height:
            strip = render_line(y)
            if strip.cell_length != content_width:
                strip = strip.adjust_cell_length(content_width, pad_style)
        else:
            strip = Strip.blank(content_width, pad_style)
        for line_filter in filters:
            strip = strip.apply_filter(line_filter, background)
        strips.append(strip)
    if crop.column_span != (0, width):
        x1, x2 = crop.column_span
        strips = [strip.crop(x1, x2) for strip in strips]
    return strips


def styles_add_nothing(widget: Widget) -> bool:
    """Whether Textual's styling pass would return every line of `widget` unchanged."""
    styles = widget.styles
    if widget.border_title is not None or widget.border_subtitle is not None:
        return False
    if any(edge for edge, _ in styles.border) or any(edge for edge, _ in styles.outline):
        return False
    if any(styles.padding) or styles.tint.a or widget.opacity != 1.0 or styles.text_opacity != 1.0:
        return False
    if styles.has_rule("hatch") and styles.hatch != "none":
        return False
    # Textual restyles link segments under the mouse; these lists draw no links, but stay exact if one did.
    hover = widget.hover_style
    return not (widget.auto_links and hover.link_id and hover.meta and "@click" in hover.meta)


def under(segments: Iterable[Segment], cell_length: int, style: RichStyle, width: int) -> Strip:
    """`Strip(segments).crop_extend(0, width, style).apply_style(style)` for segments no wider than `width`,
    in one pass: `style` goes *under* the segments' own (so markers keep their colours on the cursor), and
    fills the rest of the line. Every `Strip` costs its seven caches; this makes one instead of two or three.
    """
    if not fast():
        return Strip(list(segments), cell_length).crop_extend(0, width, style).apply_style(style)
    add = style.__add__
    line = [Segment(text, None if control else add(own), control) for text, own, control in segments]
    if cell_length < width:
        line.append(Segment(" " * (width - cell_length), style))
    return Strip(line, width)
