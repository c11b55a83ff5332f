"""`ResultList`: search results, one line each, drawn with the line API.

A common word ("Kyiv") matches ~9,000 events. Laying them out as wrapped `OptionList` options took about
half a second; one line per result, rendered only when on screen, takes the same time for 10 results or
10,000. The full text of the highlighted result is shown in a preview under the list.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from rich.text import Text
from textual import events
from textual.geometry import Size

from warreader.search import fold, query_terms
from warreader.tui.text import clean, theme_colour, theme_label, truncate
from warreader.tui.widgets.event_list import EventInfo
from warreader.tui.widgets.row_list import RowList

_fold_cache: dict[str, str] = {}
#: Characters of an event's text kept for its row before the list knows its width.
_MIN_ROW_CHARS = 80
_NON_ASCII = re.compile(r"[^\x00-\x7f]")


@lru_cache(maxsize=64)
def _terms(query: str) -> list[tuple[str, ...]]:
    return query_terms(query)


def _fold_char(char: str) -> str:
    folded = _fold_cache.get(char)
    if folded is None:
        folded = _fold_cache[char] = fold(char)
    return folded


def highlight(text: Text, query: str) -> Text:
    """`text` with what `query` matched shown in reverse, matched as the library's search matches:
    accents, case and curly quotes ignored, place names with their aliases ("kyiv" marks "Kyiv" and
    "Kiev")."""
    if not query.strip():
        return text
    plain = text.plain
    # The folded text, and (when folding changed its length) the original character of each folded one.
    origin: list[int] | None = None
    if plain.isascii():
        folded = plain.lower()
    else:
        table = {ord(c): _fold_char(c) for c in set(_NON_ASCII.findall(plain))}
        if all(len(piece) == 1 for piece in table.values()):
            folded = plain.translate(table).lower()  # one character each: positions are unchanged
        else:
            parts: list[str] = []
            origin = []
            for index, char in enumerate(plain):
                piece = _fold_char(char)
                parts.append(piece)
                origin.extend([index] * len(piece))
            folded = "".join(parts)
    for term in _terms(query):
        for spelling in term:
            if not spelling:
                continue
            start = folded.find(spelling)
            while start != -1:
                end = start + len(spelling)
                if origin is None:
                    text.stylize("reverse", start, end)
                else:
                    text.stylize("reverse", origin[start], origin[end - 1] + 1)
                start = folded.find(spelling, end)
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
        self._formatted_width = 0

    def show_results(self, infos: Sequence[EventInfo], query: str, *, announce: bool = True) -> None:
        """Replace the results (newest first); the cursor goes to the first one.

        `announce=False`: no `Highlighted` message (the caller shows the first result itself)."""
        self.query = query
        self.infos = {info.event.id: info for info in infos}
        self._index = {info.event.id: n for n, info in enumerate(infos)}
        self.set_items(list(infos), 0, announce=announce)

    def extend_results(self, infos: Sequence[EventInfo]) -> None:
        """Append a further page of results (older ones); the cursor stays where it is."""
        items = list(self.items)
        for info in infos:
            if info.event.id not in self._index:
                self._index[info.event.id] = len(items)
                self.infos[info.event.id] = info
                items.append(info)
        self._items = items
        self.virtual_size = Size(0, len(items))
        self.refresh()

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
        # Only what fits on the line is highlighted and rendered: an event runs to hundreds of characters
        # and the row shows a few dozen. Rendering whole events and cropping them to the width was most
        # of the frame that shows a search's results; cut here, the list has nothing left to crop.
        width = self.size.width or _MIN_ROW_CHARS
        self._formatted_width = max(self._formatted_width, width)
        shown = truncate(clean(info.event.text), width - len(row))
        row.append_text(highlight(Text(shown), self.query))
        return row

    def on_resize(self, event: events.Resize) -> None:
        # Rows were cut to the old width: a wider list needs them again (a narrower one just crops).
        # (RowList's own resize handler runs too: Textual calls the handler of every class.)
        if event.size.width > self._formatted_width:
            self._cache.clear()
            self._strips.clear()

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
