"""`ResultList`: search results, one line each, drawn with the line API.

A common word ("Kyiv") matches ~9,000 events. Laying them out as wrapped `OptionList` options took about
half a second; one line per result, rendered only when on screen, takes the same time for 10 results or
10,000. The full text of the highlighted result is shown in a preview under the list.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Callable, Sequence
from functools import lru_cache
from typing import Any

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.strip import Strip

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


def _folded_with_origin(plain: str) -> tuple[str, Callable[[int], int] | None]:
    """`plain` folded as the search folds it, and (when folding moved characters) a function giving the
    index in `plain` of each folded character; None when positions are unchanged.

    Only the non-ASCII characters are folded one by one (an event has a few: quotes, dashes, the "…" a cut
    row ends with); the ASCII runs between them are lowercased whole. A per-character loop over every row
    cost a tenth of a millisecond a row."""
    if plain.isascii():
        return plain.lower(), None
    parts: list[str] = []
    #: (first folded index, first original index, whether it is one folded non-ASCII character)
    marks: list[tuple[int, int, bool]] = []
    folded_at = last = 0
    for match in _NON_ASCII.finditer(plain):
        index = match.start()
        if index > last:
            marks.append((folded_at, last, False))
            parts.append(plain[last:index].lower())
            folded_at += index - last
        piece = _fold_char(match.group())
        if piece:
            marks.append((folded_at, index, True))
            parts.append(piece)
            folded_at += len(piece)
        last = index + 1
    if last < len(plain):
        marks.append((folded_at, last, False))
        parts.append(plain[last:].lower())
    folded = "".join(parts)
    if len(folded) == len(plain) and all(len(p) == 1 for p, m in zip(parts, marks, strict=True) if m[2]):
        return folded, None
    starts = [m[0] for m in marks]

    def origin(position: int) -> int:
        folded_start, original, single = marks[bisect_right(starts, position) - 1]
        return original if single else original + position - folded_start

    return folded, origin


def match_spans(plain: str, query: str) -> list[tuple[int, int]]:
    """Where `query` matches in `plain`, as (start, end) indices, matched as the library's search matches:
    accents, case and curly quotes ignored, place names with their aliases ("kyiv" finds "Kyiv" and
    "Kiev"). One span per match, term by term (spans of different terms may overlap)."""
    if not query.strip():
        return []
    folded, origin = _folded_with_origin(plain)
    spans = []
    for term in _terms(query):
        for spelling in term:
            if not spelling:
                continue
            start = folded.find(spelling)
            while start != -1:
                end = start + len(spelling)
                spans.append((start, end) if origin is None else (origin(start), origin(end - 1) + 1))
                start = folded.find(spelling, end)
    return spans


def highlight(text: Text, query: str) -> Text:
    """`text` with what `query` matched (see `match_spans`) shown in reverse."""
    for start, end in match_spans(text.plain, query):
        text.stylize("reverse", start, end)
    return text


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans sorted, overlapping and touching ones joined."""
    merged: list[tuple[int, int]] = []
    for start, end in sorted(spans):
        if merged and start <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((start, end))
    return merged


@lru_cache(maxsize=64)
def _style(spec: str) -> Style:
    return Style.parse(spec)


_BOLD = Style(bold=True)
_REVERSE = Style(reverse=True)
_FLAGGED, _NOTED, _TAGGED = _style("bold red"), _style("green"), _style("bold cyan")
Piece = tuple[str, Style | None]


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

    def _pieces(self, info: EventInfo, width: int) -> list[Piece]:
        """A result's row as (text, style) pieces, cut to `width`: turned into segments directly when
        drawn (a `Text` and its rendering cost more than the rest of the row), into a `Text` otherwise."""
        # Day and section stay short so the event's own words get most of the line; the date, the full
        # heading and the whole text are in the preview under the list.
        heading = truncate(clean(info.heading or theme_label(info.theme)), 12)
        colour = _style(theme_colour(info.theme))
        pieces: list[Piece] = [(f"{info.day:>4} ", _BOLD), (f"{heading:<12} ", colour)]
        annotation = self._annotation(info.event.id)
        if annotation is not None:
            pieces.append(("⚑" if annotation.flags else " ", _FLAGGED))
            pieces.append(("✎" if (annotation.note or "").strip() else " ", _NOTED))
            pieces.append(("#" if annotation.tags else " ", _TAGGED))
            pieces.append((" ", None))
        else:
            pieces.append(("    ", None))
        # Only what fits on the line is highlighted and drawn: an event runs to hundreds of characters
        # and the row shows a few dozen. Drawing whole events and cropping them to the width was most of
        # the frame that shows a search's results; cut here, the list has nothing left to crop.
        shown = truncate(clean(info.event.text), width - sum(len(text) for text, _ in pieces))
        done = 0
        for start, end in _merged(match_spans(shown, self.query)):
            if start > done:
                pieces.append((shown[done:start], None))
            pieces.append((shown[start:end], _REVERSE))
            done = end
        if done < len(shown):
            pieces.append((shown[done:], None))
        return pieces

    def render_row(self, index: int, width: int) -> Strip:
        return Strip([Segment(text, style) for text, style in self._pieces(self._items[index], width)])

    def _format(self, info: EventInfo) -> Text:
        width = self.size.width or _MIN_ROW_CHARS
        self._formatted_width = max(self._formatted_width, width)
        return Text.assemble(*self._pieces(info, width))

    def on_resize(self, event: events.Resize) -> None:
        # Rows drawn are kept by width, but the `Text` of a row was cut to the old width: a wider list
        # needs it again (a narrower one just crops). (RowList's own resize handler runs too.)
        if event.size.width > self._formatted_width:
            self._cache.clear()

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
