"""`RowList`: a one-line-per-row list drawn with Textual's line API.

The day list holds 1,500+ rows. Mounting a widget per row costs seconds (a `ListView` of 1,500 items
takes ~4 s); this widget keeps plain data and renders only the rows on screen, so a library of any size
paints as fast as an empty one and moving the cursor redraws two lines.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Offset, Region, Size
from textual.message import Message
from textual.reactive import Reactive, reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from warreader.tui.widgets.plain_lines import PlainLines, under


class RowList(PlainLines, ScrollView, can_focus=True):
    """A cursor over `items`, each drawn as one line by `formatter`; posts `Highlighted`/`Selected`."""

    # Textual relays out the whole screen when a widget's virtual size changes. These lists fill their
    # pane whatever they hold, so new content only needs a repaint (scrollbars appearing or going still
    # trigger a layout through their own reactives): a day switch no longer re-renders every widget.
    virtual_size = Reactive(Size(0, 0), layout=False)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("down", "cursor_down", "Down", show=False, id="rows-down", tooltip="Next row"),
        Binding("up", "cursor_up", "Up", show=False, id="rows-up", tooltip="Previous row"),
        Binding("home", "first", "First", show=False, id="rows-first", tooltip="First row"),
        Binding("end", "last", "Last", show=False, id="rows-last", tooltip="Last row"),
        Binding("pagedown", "page_down", "Page down", show=False, id="rows-page-down", tooltip="Page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="rows-page-up", tooltip="Page up"),
        Binding("enter", "select", "Open", show=False, id="rows-select", tooltip="Open the row"),
    ]
    """Cursor keys move the cursor; Enter selects (opens) the row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"row-list--cursor", "row-list--cursor-focused"}
    """`row-list--cursor`: the row under the cursor; `row-list--cursor-focused`: the same while the list
    has focus."""

    # Two component classes rather than a `:focus` rule: the cursor's colours are picked when painting, so
    # focus changes skip Textual's restyle of the list (about a millisecond when Enter moves the focus from
    # the search field to the results).
    DEFAULT_CSS = """
    RowList { background: $surface; }
    RowList > .row-list--cursor { background: $block-cursor-blurred-background; }
    RowList > .row-list--cursor-focused {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    cursor: reactive[int] = reactive(0, always_update=False, init=False)
    """Index of the row under the cursor (clamped to the rows)."""

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto `item` (posted on every move, by keys, mouse or code)."""

        row_list: RowList
        index: int
        item: Any

        @property
        def control(self) -> RowList:
            """The list that sent it (lets handlers use `@on(..., "#id")`)."""
            return self.row_list

    @dataclass
    class Selected(Message):
        """Enter or a click on `item`."""

        row_list: RowList
        index: int
        item: Any

        @property
        def control(self) -> RowList:
            """The list that sent it."""
            return self.row_list

    def __init__(self, formatter: Callable[[Any], Text], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._formatter = formatter
        self._items: Sequence[Any] = ()
        self._cache: dict[int, Text] = {}
        #: (row, width) → its rendered segments; rows are rendered once, not on every repaint.
        self._strips: dict[tuple[int, int], Strip] = {}
        #: (row, width, under the cursor) → the finished line, in the row or cursor style.
        self._painted: dict[tuple[int, int, bool], Strip] = {}
        self._base_style = Style()
        self._cursor_style = Style()
        self._paint_width = 0
        self._paint_offset = Offset(0, 0)
        self._painting = False

    # -- data ---------------------------------------------------------------------------------------
    @property
    def items(self) -> Sequence[Any]:
        """The rows' data, in display order (read-only; use `set_items`)."""
        return self._items

    @property
    def current(self) -> Any | None:
        """The item under the cursor, or None when the list is empty."""
        return self._items[self.cursor] if 0 <= self.cursor < len(self._items) else None

    def set_items(self, items: Sequence[Any], cursor: int = 0, *, announce: bool = True) -> None:
        """Replace every row (cheap: nothing is rendered until it is on screen)."""
        self._items = items
        self._cache.clear()
        self._strips.clear()
        self._painted.clear()
        # Width 0: rows are cut to the pane, never scrolled sideways, so a resize changes nothing here.
        self.virtual_size = Size(0, len(items))
        self.set_reactive(RowList.cursor, self.validate_cursor(cursor))
        self.scroll_to_cursor(center=True)
        self.refresh()
        if announce and items:
            self.post_message(self.Highlighted(self, self.cursor, self.current))

    def refresh_item(self, index: int, item: Any | None = None) -> None:
        """Redraw one row, optionally replacing its data (e.g. a day's marker after a write)."""
        if not 0 <= index < len(self._items):
            return
        if item is not None:
            if not isinstance(self._items, list):
                self._items = list(self._items)
            self._items[index] = item
        self._cache.pop(index, None)
        for key in [k for k in self._strips if k[0] == index]:
            del self._strips[key]
        for key in [k for k in self._painted if k[0] == index]:
            del self._painted[key]
        self.refresh_line(index)

    def move_to(self, index: int, *, announce: bool = True) -> None:
        """Put the cursor on `index`; `announce=False` moves it without a `Highlighted` message."""
        index = self.validate_cursor(index)
        if announce:
            if index == self.cursor:
                self.post_message(self.Highlighted(self, index, self.current))
            self.cursor = index
        else:
            old = self.cursor
            self.set_reactive(RowList.cursor, index)
            self.refresh_line(old)
            self.refresh_line(index)
            self.scroll_to_cursor()

    # -- reactive plumbing --------------------------------------------------------------------------
    def validate_cursor(self, value: int) -> int:
        return max(0, min(value, len(self._items) - 1)) if self._items else 0

    def watch_cursor(self, old: int, new: int) -> None:
        self.refresh_line(old)
        self.refresh_line(new)
        self.scroll_to_cursor()
        if self._items:
            self.post_message(self.Highlighted(self, new, self.current))

    def refresh_line(self, index: int) -> None:
        """Redraw the screen line showing row `index`, if it is visible."""
        y = index - self.scroll_offset.y
        if 0 <= y < self.size.height:
            self.refresh(Region(0, y, self.size.width, 1))

    def scroll_to_cursor(self, center: bool = False) -> None:
        if self.is_mounted:
            self.scroll_to_region(
                Region(0, self.cursor, 1, 1), animate=False, center=center, force=True, immediate=True
            )

    def on_resize(self, _: events.Resize) -> None:
        self.scroll_to_cursor()

    def watch_has_focus(self, has_focus: bool) -> None:
        # No restyle (see DEFAULT_CSS): focus and blur repaint the list, whose cursor then changes colour.
        pass

    # -- actions ------------------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        """Next row."""
        self.cursor += 1

    def action_cursor_up(self) -> None:
        """Previous row."""
        self.cursor -= 1

    def action_first(self) -> None:
        """First row."""
        self.cursor = 0

    def action_last(self) -> None:
        """Last row."""
        self.cursor = len(self._items) - 1

    def action_page_down(self) -> None:
        """One screen down."""
        self.cursor += max(1, self.size.height - 1)

    def action_page_up(self) -> None:
        """One screen up."""
        self.cursor -= max(1, self.size.height - 1)

    def action_select(self) -> None:
        """Open the row under the cursor."""
        if self._items:
            self.post_message(self.Selected(self, self.cursor, self.current))

    def on_click(self, event: events.Click) -> None:
        index = event.y + self.scroll_offset.y
        if 0 <= index < len(self._items):
            self.cursor = index
            self.action_select()

    # -- rendering ----------------------------------------------------------------------------------
    def _row_text(self, index: int) -> Text:
        text = self._cache.get(index)
        if text is None:
            text = self._formatter(self._items[index])
            text.no_wrap = True
            text.overflow = "ellipsis"
            self._cache[index] = text
        return text

    def render_row(self, index: int, width: int) -> Strip:
        """Row `index` as a strip for a list `width` cells wide (may be wider: it is cut to fit).

        Rendered once per row and width, then reused. A subclass may build its segments directly."""
        return Strip(list(self._row_text(index).render(self.app.console)))

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not once per line: `rich_style` walks the DOM, and even `size` and
        # `scroll_offset` are computed properties.
        base = self.rich_style
        part = "row-list--cursor-focused" if self.has_focus else "row-list--cursor"
        cursor = base + self.get_component_rich_style(part)
        if (base, cursor) != (self._base_style, self._cursor_style):
            self._base_style, self._cursor_style = base, cursor
            self._painted.clear()  # e.g. focus changed the cursor's colours, or the theme changed
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
        base = self._base_style
        if not 0 <= index < len(self._items):
            return Strip.blank(width, base)
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
        style: Style = self._cursor_style if on_cursor else base
        if scroll_x:
            return strip.crop_extend(scroll_x, scroll_x + width, style).apply_style(style)
        painted = under(strip, strip.cell_length, style, width)
        if painting:
            self._painted[(index, width, on_cursor)] = painted
        return painted
