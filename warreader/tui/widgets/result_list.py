"""`ResultList`: search results, one line each, drawn with the line API.

A common word ("Kyiv") matches ~9,000 events. Laying them out as wrapped `OptionList` options took about
half a second; one line per result, rendered only when on screen, takes the same time for 10 results or
10,000. The full text of the highlighted result is shown in a preview under the list.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from rich.text import Text

from warreader.tui.text import clean, theme_colour, theme_label, truncate
from warreader.tui.widgets.event_list import EventInfo
from warreader.tui.widgets.row_list import RowList


def highlight(text: Text, query: str) -> Text:
    """`text` with each word of `query` shown in reverse (a plain, case-insensitive match)."""
    for word in query.split():
        text.highlight_words([word], style="reverse", case_sensitive=False)
    return text


class ResultList(RowList):
    """Search results with the navigation interface of `EventList` (the screen treats them alike)."""

    def __init__(self, annotation: Callable[[str], Any | None], *, id: str | None = None) -> None:
        super().__init__(self._format, id=id)
        self._annotation = annotation
        #: event id → where it comes from (for the panel), and → row index.
        self.infos: dict[str, EventInfo] = {}
        self._index: dict[str, int] = {}
        self.query = ""

    def show_results(self, infos: Sequence[EventInfo], query: str) -> None:
        """Replace the results (newest first); the cursor goes to the first one."""
        self.query = query
        self.infos = {info.event.id: info for info in infos}
        self._index = {info.event.id: n for n, info in enumerate(infos)}
        self.set_items(list(infos), 0)

    def _format(self, info: EventInfo) -> Text:
        row = Text()
        # Day and section stay short so the event's own words get most of the line; the date, the full
        # heading and the whole text are in the preview under the list.
        row.append(f"{info.day:>4} ", style="bold")
        heading = truncate(clean(info.heading or theme_label(info.theme)), 12)
        row.append(f"{heading:<12} ", style=theme_colour(info.theme))
        annotation = self._annotation(info.event.id)
        if annotation is not None:
            row.append("⚑" if annotation.flags else " ", style="bold red")
            row.append("✎" if (annotation.note or "").strip() else " ", style="green")
            row.append("#" if annotation.tags else " ", style="bold cyan")
        else:
            row.append("   ")
        row.append(" ")
        row.append_text(highlight(Text(clean(info.event.text)), self.query))
        return row

    # -- the EventList interface the screen uses ------------------------------------------------------
    @property
    def event_id(self) -> str | None:
        """The highlighted result's event id."""
        current = self.current
        return current.event.id if current is not None else None

    def select_event(self, event_id: str) -> bool:
        """Put the cursor on `event_id`'s row."""
        index = self._index.get(event_id)
        if index is None:
            return False
        self.move_to(index)
        return True

    def refresh_event(self, event_id: str, annotation: Any | None) -> None:
        """Redraw the row of an event whose annotation changed."""
        index = self._index.get(event_id)
        if index is not None:
            self.refresh_item(index)

    def _step(self, index: int) -> bool:
        if not self.items or not 0 <= index < len(self.items) or index == self.cursor:
            return False
        self.move_to(index)
        return True

    def next_event(self) -> bool:
        """Next result."""
        return self._step(self.cursor + 1)

    def previous_event(self) -> bool:
        """Previous result."""
        return self._step(self.cursor - 1)

    def first_event(self) -> bool:
        """First (newest) result."""
        return self._step(0)

    def last_event(self) -> bool:
        """Last (oldest) result."""
        return self._step(len(self.items) - 1)

    def next_section(self) -> bool:
        """First result of the next (older) day."""
        day = getattr(self.current, "day", None)
        for index in range(self.cursor + 1, len(self.items)):
            if self.items[index].day != day:
                return self._step(index)
        return False

    def previous_section(self) -> bool:
        """First result of this day, or of the previous (newer) one."""
        if not self.items:
            return False
        index = self.cursor
        day = self.items[index].day
        while index > 0 and self.items[index - 1].day == day:
            index -= 1
        if index == self.cursor and index > 0:
            day = self.items[index - 1].day
            index -= 1
            while index > 0 and self.items[index - 1].day == day:
                index -= 1
        return self._step(index)
