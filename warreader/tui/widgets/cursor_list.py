"""`CursorList`: the one base of every list of rows in the reader (days, events, results, storyline).

A list of rows drawn with Textual's line API (only the rows on screen are drawn, so 20,000 rows cost what
20 do), one cursor over the rows that can hold it (headings and captions cannot), the keys and the mouse
that move it, paging, sections, and two messages: `Highlighted` (the cursor moved) and `Selected` (Enter
or a click). The cursor's colours come from two component classes, picked when painting, so gaining or
losing focus repaints the list without restyling it.

A subclass says how many rows there are (`row_count`), which can hold the cursor (`selectable`), where
sections start (`section_starts`), and, when rows are taller than a line, where each row's lines are
(`row_span`, `row_at`, `line_count`); it draws a line in `render_line` with `row_style(on_cursor)`.

`EventCursor` is the small protocol the reader screen uses for the list of the centre pane, whichever
view shows it (a day's events, search results, a storyline).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar, Literal, Protocol

from rich.style import Style
from textual import events
from textual.binding import BindingType
from textual.geometry import Region
from textual.message import Message
from textual.strip import Strip

from warreader.store import Annotation, EventRef
from warreader.tui.bindings import LIST_BINDINGS
from warreader.tui.paint import PlainScrollView, set_virtual_height

#: The moves every list knows (keys are bound on the screen and on the lists).
Move = Literal["next", "previous", "first", "last", "next-section", "previous-section"]


class EventCursor(Protocol):
    """What the screen asks of the list of events in the centre pane."""

    @property
    def event_id(self) -> str | None:
        """The highlighted event's id, or None."""
        ...

    def ref(self, event_id: str) -> EventRef | None:
        """Where a listed event comes from (day, section, source), or None when it is not listed."""
        ...

    def move(self, step: Move) -> bool:
        """Move the cursor; False when it cannot go that way."""
        ...

    def select_event(self, event_id: str, *, announce: bool = True) -> bool:
        """Put the cursor on `event_id` if it is listed."""
        ...

    def refresh_event(self, event_id: str, annotation: Annotation | None) -> None:
        """Redraw a listed event whose annotation changed."""
        ...


class CursorList(PlainScrollView, can_focus=True):
    """Rows under one cursor; see the module docstring for what a subclass provides."""

    BINDINGS: ClassVar[list[BindingType]] = list(LIST_BINDINGS)
    """Arrows, Home/End and pages move the cursor; Enter selects (opens) the row."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"cursor-list--cursor", "cursor-list--cursor-focused"}
    """`cursor-list--cursor`: the row under the cursor; `cursor-list--cursor-focused`: the same while the
    list has focus."""

    DEFAULT_CSS = """
    CursorList { background: $surface; }
    CursorList > .cursor-list--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    CursorList > .cursor-list--cursor-focused {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    @dataclass
    class Highlighted(Message):
        """The cursor moved onto row `index` (by keys, mouse or code)."""

        cursor_list: CursorList
        index: int

        @property
        def control(self) -> CursorList:
            """The list that sent it (lets handlers use `@on(..., "#id")`)."""
            return self.cursor_list

    @dataclass
    class Selected(Message):
        """Enter or a click on row `index`."""

        cursor_list: CursorList
        index: int

        @property
        def control(self) -> CursorList:
            """The list that sent it."""
            return self.cursor_list

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._cursor: int | None = None
        #: The list's and the cursor's styles for the paint in progress (looked up once per paint).
        self.base_style = Style()
        self.cursor_style = Style()

    # -- what a subclass provides -------------------------------------------------------------------
    @property
    def row_count(self) -> int:
        """How many rows the list holds."""
        raise NotImplementedError

    def selectable(self, index: int) -> bool:
        """Whether row `index` can hold the cursor (headings and captions cannot)."""
        return True

    @property
    def section_starts(self) -> Sequence[int]:
        """The first row of each section, in order (headings, or a day's first result)."""
        return ()

    def row_span(self, index: int) -> tuple[int, int]:
        """(first line, height) of row `index`: one line per row unless a subclass wraps."""
        return index, 1

    def row_at(self, line: int) -> int | None:
        """The row drawn on `line` of the list, or None past the end."""
        return line if 0 <= line < self.row_count else None

    def line_count(self) -> int:
        """How many lines the rows take."""
        return self.row_count

    def styles_changed(self) -> None:
        """The list's or the cursor's style changed (focus, theme): drop lines painted in the old ones."""

    # -- the cursor ---------------------------------------------------------------------------------
    @property
    def cursor(self) -> int | None:
        """The row under the cursor, or None (an empty list)."""
        return self._cursor

    def move_to(self, index: int | None, *, announce: bool = True) -> bool:
        """Put the cursor on row `index`; False (and no move) when that row cannot hold it.
        `announce=False` moves without a `Highlighted` message (the caller shows the row itself)."""
        if index is None or not 0 <= index < self.row_count or not self.selectable(index):
            return False
        old, self._cursor = self._cursor, index
        self.refresh_row(old)
        self.refresh_row(index)
        self.scroll_to_cursor()
        if announce:
            self.post_message(self.Highlighted(self, index))
        return True

    def reset(self, cursor: int | None = None, *, announce: bool = False, center: bool = False) -> None:
        """The rows were replaced: size the list again and put the cursor on `cursor` (or nowhere)."""
        self._cursor = None
        set_virtual_height(self, self.line_count() if self.is_mounted else self.row_count)
        self.scroll_to(0, 0, animate=False, force=True, immediate=True)
        self.refresh()
        if cursor is not None:
            self._cursor = cursor if 0 <= cursor < self.row_count else None
            self.scroll_to_cursor(center=center)
            if announce and self._cursor is not None:
                self.post_message(self.Highlighted(self, self._cursor))

    def resized_rows(self) -> None:
        """Rows changed height (e.g. an annotation line was added): size the list again, keep the cursor."""
        set_virtual_height(self, self.line_count())
        self.refresh()

    def first_selectable(self, indices: Iterable[int]) -> int | None:
        """The first of `indices` that can hold the cursor."""
        return next((i for i in indices if self.selectable(i)), None)

    def move(self, step: Move) -> bool:
        """Move the cursor (`next`/`previous` skip rows that cannot hold it and stop at the ends)."""
        count, current = self.row_count, self._cursor
        if step == "next":
            start = -1 if current is None else current
            return self.move_to(self.first_selectable(range(start + 1, count)))
        if step == "previous":
            start = count if current is None else current
            return self.move_to(self.first_selectable(range(start - 1, -1, -1)))
        if step == "first":
            return self.move_to(self.first_selectable(range(count)))
        if step == "last":
            return self.move_to(self.first_selectable(range(count - 1, -1, -1)))
        if step == "next-section":
            return self._next_section()
        return self._previous_section()

    def _next_section(self) -> bool:
        current = -1 if self._cursor is None else self._cursor
        for start in self.section_starts:
            if start > current:
                found = self.first_selectable(range(start, self.row_count))
                if found is not None and found > current:
                    return self.move_to(found)
        return False

    def _previous_section(self) -> bool:
        """The first row of this section, or of the previous one when already there."""
        current = self._cursor
        if current is None:
            return self.move("first")
        starts = self.section_starts
        at = bisect_right(starts, current)  # bisect: a storyline has thousands of sections
        for start in reversed(starts[max(0, at - 2) : at]):
            found = self.first_selectable(range(start, self.row_count))
            if found is not None and found < current:
                return self.move_to(found)
        return False

    def page(self, direction: int) -> bool:
        """About one screen down (`direction` 1) or up (-1)."""
        if self._cursor is None:
            return self.move("first")
        step = direction * max(1, self.size.height - 1)
        start, _ = self.row_span(self._cursor)
        target = self.row_at(max(0, min(start + step, self.line_count() - 1)))
        if target is None:
            return False
        ahead = range(target, self.row_count) if step > 0 else range(target, -1, -1)
        behind = range(target, -1, -1) if step > 0 else range(target, self.row_count)
        found = self.first_selectable(ahead)
        return self.move_to(found if found is not None else self.first_selectable(behind))

    # -- keys and mouse -----------------------------------------------------------------------------
    def action_move(self, step: Move) -> None:
        """Move the cursor; a bell at the ends."""
        if not self.move(step) and step in ("next", "previous"):
            self.app.bell()

    def action_page(self, direction: int) -> None:
        """One screen down or up."""
        self.page(direction)

    def action_select(self) -> None:
        """Open the row under the cursor."""
        if self._cursor is not None:
            self.post_message(self.Selected(self, self._cursor))

    def on_click(self, event: events.Click) -> None:
        index = self.row_at(event.y + self.scroll_offset.y)
        if index is not None and self.move_to(index):
            self.action_select()

    def on_resize(self, _: events.Resize) -> None:
        set_virtual_height(self, self.line_count())
        self.scroll_to_cursor()

    # -- scrolling and painting -----------------------------------------------------------------------
    def scroll_to_cursor(self, center: bool = False) -> None:
        """Keep the cursor's row in view, with its section's heading when the row is the first under it."""
        index = self._cursor
        if index is None or not self.is_mounted or self.size.width <= 0:
            return
        start, height = self.row_span(index)
        if index > 0 and not self.selectable(index - 1) and self._is_section_start(index - 1):
            head, _ = self.row_span(index - 1)
            if start + height - head <= self.size.height:
                height += start - head
                start = head
        self.scroll_to_region(
            Region(0, start, 1, height), animate=False, center=center, force=True, immediate=True
        )

    def _is_section_start(self, index: int) -> bool:
        starts = self.section_starts
        at = bisect_right(starts, index)
        return at > 0 and starts[at - 1] == index

    def refresh_row(self, index: int | None) -> None:
        """Repaint the lines of row `index` if they are on screen."""
        if index is None or not 0 <= index < self.row_count or not self.is_mounted:
            return
        start, height = self.row_span(index)
        y = start - self.scroll_offset.y
        if y + height > 0 and y < self.size.height:
            self.refresh(Region(0, max(0, y), self.size.width, height))

    def row_style(self, on_cursor: bool) -> Style:
        """The style a row is painted in during this paint."""
        return self.cursor_style if on_cursor else self.base_style

    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not once per line: `rich_style` walks the DOM.
        base = self.rich_style
        part = "cursor-list--cursor-focused" if self.has_focus else "cursor-list--cursor"
        cursor = base + self.get_component_rich_style(part)
        if (base, cursor) != (self.base_style, self.cursor_style):
            self.base_style, self.cursor_style = base, cursor
            self.styles_changed()
        return super().render_lines(crop)
