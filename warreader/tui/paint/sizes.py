"""A list's virtual size changed without a relayout of the whole screen.

Internal relied on (see `warreader.tui.paint`): the layout flag of Textual's `Widget.virtual_size`
reactive. Setting it relays out the whole screen (every widget is arranged and painted again), which a
list that fills its pane whatever it holds does not need: its own repaint, and its scrollbar's new thumb,
are all that changes. With the shortcuts off, the size is set the public way and Textual relays out.
"""

from __future__ import annotations

from textual.geometry import Size
from textual.widget import Widget

from warreader.tui.paint.switch import fast


def set_virtual_height(widget: Widget, height: int) -> None:
    """Give `widget` (a line-API list as wide as its pane) `height` lines to scroll through."""
    size = Size(0, height)
    if not fast():
        widget.virtual_size = size
        return
    if widget.virtual_size == size:
        return
    widget.set_reactive(Widget.virtual_size, size)
    if widget.show_vertical_scrollbar and widget.styles.scrollbar_size_vertical:
        scrollbar = widget.vertical_scrollbar
        scrollbar.window_virtual_size = height
        scrollbar.refresh()
    widget.refresh()
