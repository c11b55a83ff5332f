"""`RowList`: a `CursorList` of one line per item, each drawn by a formatter (the day list).

The day list holds 1,500+ rows. A widget per row costs seconds to mount (a `ListView` of 1,500 items takes
~4 s); this list keeps plain data and renders only the rows on screen, so a library of any size paints as
fast as an empty one and moving the cursor redraws two lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Generic, TypeVar

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Offset, Region
from textual.strip import Strip

from warreader.tui.paint import set_virtual_height, under
from warreader.tui.widgets.cursor_list import CursorList

ItemT = TypeVar("ItemT")

#: Draws one item as a line, for a list `width` cells wide (a longer line is cut with "…").
Formatter = Callable[[ItemT, int], Text]


class RowList(CursorList, Generic[ItemT]):
    """A cursor over `items`, each drawn as one line by `formatter(item, width)`."""

    def __init__(
        self, formatter: Formatter[ItemT] | None = None, *, id: str | None = None, classes: str | None = None
    ) -> None:
        super().__init__(id=id, classes=classes)
        self._formatter = formatter
        self._items: Sequence[ItemT] = ()
        #: (row, width) → its segments, cut to the width; rows are rendered once, not on every repaint.
        self._strips: dict[tuple[int, int], Strip] = {}
        #: (row, width, under the cursor) → the finished line.
        self._painted: dict[tuple[int, int, bool], Strip] = {}
        self._paint_width = 0
        self._paint_offset = Offset(0, 0)
        self._painting = False

    # -- data ---------------------------------------------------------------------------------------
    @property
    def items(self) -> Sequence[ItemT]:
        """The rows' data, in display order (read-only; use `set_items`)."""
        return self._items

    @property
    def row_count(self) -> int:
        return len(self._items)

    @property
    def current(self) -> ItemT | None:
        """The item under the cursor, or None when the list is empty."""
        cursor = self.cursor
        return self._items[cursor] if cursor is not None else None

    def set_items(self, items: Sequence[ItemT], cursor: int = 0, *, announce: bool = True) -> None:
        """Replace every row (cheap: nothing is drawn until it is on screen); the cursor goes to `cursor`
        (clamped to the rows)."""
        self._items = items
        self.forget_drawn()
        self.reset(max(0, min(cursor, len(items) - 1)) if items else None, announce=announce, center=True)

    def append_items(self, items: Sequence[ItemT]) -> None:
        """Add rows at the end; the cursor stays."""
        self._items = [*self._items, *items]
        set_virtual_height(self, len(self._items))
        self.refresh()

    def refresh_item(self, index: int, item: ItemT | None = None) -> None:
        """Redraw one row, optionally replacing its data (e.g. a day's marker after a write)."""
        if not 0 <= index < len(self._items):
            return
        if item is not None:
            items = list(self._items)
            items[index] = item
            self._items = items
        for drawn in [k for k in self._strips if k[0] == index]:
            del self._strips[drawn]
        for painted in [k for k in self._painted if k[0] == index]:
            del self._painted[painted]
        self.refresh_row(index)

    def forget_drawn(self) -> None:
        """Draw every row again (its text or the formatter's output changed)."""
        self._strips.clear()
        self._painted.clear()

    def styles_changed(self) -> None:
        self._painted.clear()

    # -- drawing ------------------------------------------------------------------------------------
    def row_text(self, index: int, width: int) -> Text:
        """Row `index` as text, for a list `width` cells wide."""
        assert self._formatter is not None, "give RowList a formatter or override row_text"
        return self._formatter(self._items[index], width)

    def render_row(self, index: int, width: int) -> Strip:
        """Row `index` as a strip for a list `width` cells wide (may be wider: it is cut to fit).
        A subclass may build its segments directly."""
        text = self.row_text(index, width)
        text.no_wrap = True
        return Strip(list(text.render(self.app.console)))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint: even `size` and `scroll_offset` are computed properties.
        self._paint_width = self.size.width
        self._paint_offset = self.scroll_offset
        self._painting = True
        try:
            return super().render_lines(crop)
        finally:
            self._painting = False

    def render_line(self, y: int) -> Strip:
        # Textual also calls this outside a paint (to find what the mouse is over): look things up then.
        painting = self._painting
        scroll_x, scroll_y = self._paint_offset if painting else self.scroll_offset
        index = scroll_y + y
        width = self._paint_width if painting else self.size.width
        if not 0 <= index < len(self._items):
            return Strip.blank(width, self.base_style)
        on_cursor = index == self.cursor
        painted = self._painted.get((index, width, on_cursor)) if painting and not scroll_x else None
        if painted is not None:
            return painted
        key = (index, width)
        strip = self._strips.get(key)
        if strip is None:
            strip = self.render_row(index, width)
            if strip.cell_length > width:
                # Cut the rendered row and end it with an ellipsis (cheaper than `Text.truncate`).
                strip = Strip([*strip.crop(0, max(0, width - 1)), Segment("…")])
            self._strips[key] = strip
        style = self.row_style(on_cursor)
        if scroll_x:
            return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
        painted = under(strip, strip.cell_length, style, width)
        if painting:
            self._painted[(index, width, on_cursor)] = painted
        return painted
