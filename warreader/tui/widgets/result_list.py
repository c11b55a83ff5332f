"""`ResultList`: search results, one line each: day, section, markers, and as much of the event as fits.

A common word ("Kyiv") matches ~9,000 events. Laid out as wrapped `OptionList` options they took about
half a second; one line per result, drawn only when on screen, takes the same time for 10 or 10,000. The
full text of the highlighted result is shown in a preview under the list (see `SearchView`). A day's
results form a section: `{`/`}` move between days.

Rows can be marked (`space` marks the row and moves on, `*` marks all or none) for the reader's bulk
actions: while any row is marked, every row starts with a mark column (`✓` on a marked row). Marks are
kept by event id and dropped when new results replace the rows; `MarksChanged` says how many there are.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import ClassVar

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.binding import BindingType
from textual.message import Message
from textual.strip import Strip

from warreader.store import Annotation, EventRef
from warreader.tui.bindings import LIST_BINDINGS, MARK_BINDINGS
from warreader.tui.highlight import match_spans, merged
from warreader.tui.text import clean, theme_colour, theme_label, truncate
from warreader.tui.widgets.row_list import RowList


@lru_cache(maxsize=64)
def _style(spec: str) -> Style:
    return Style.parse(spec)


_BOLD = Style(bold=True)
_REVERSE = Style(reverse=True)
_FLAGGED, _NOTED, _TAGGED = _style("bold red"), _style("green"), _style("bold cyan")
_MARK = _style("bold yellow")
Piece = tuple[str, Style | None]


class ResultList(RowList[EventRef]):
    """Search results, newest first; what the screen asks of it is `EventCursor`."""

    BINDINGS: ClassVar[list[BindingType]] = [*LIST_BINDINGS, *MARK_BINDINGS]
    """The lists' keys, and `space`/`*` to mark rows for a bulk action."""

    @dataclass
    class MarksChanged(Message):
        """Rows were marked or unmarked; `count` are marked now."""

        result_list: ResultList
        count: int

        @property
        def control(self) -> ResultList:
            """The list that sent it."""
            return self.result_list

    def __init__(self, annotation: Callable[[str], Annotation | None], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._annotation = annotation
        #: event id → row index.
        self._index: dict[str, int] = {}
        #: What the rows highlight (not `query`: that name is Textual's DOM query method).
        self.highlighted_query = ""
        self._day_starts: list[int] = []
        #: The marked rows' event ids.
        self._marked: set[str] = set()

    def show_results(self, refs: Sequence[EventRef], query: str, *, announce: bool = True) -> None:
        """Replace the results (newest first); the cursor goes to the first one.

        `announce=False`: no `Highlighted` message (the caller shows the first result itself)."""
        self.highlighted_query = query
        self._index = {}
        self._day_starts = []
        had_marks, self._marked = bool(self._marked), set()
        self._add_index(refs, 0)
        self.set_items(list(refs), 0, announce=announce)
        if had_marks:
            self.post_message(self.MarksChanged(self, 0))

    def extend_results(self, refs: Sequence[EventRef]) -> None:
        """Append a further page of results (older ones); the cursor stays where it is."""
        new = [ref for ref in refs if ref.id not in self._index]
        self._add_index(new, len(self.items))
        self.append_items(new)

    def _add_index(self, refs: Sequence[EventRef], first: int) -> None:
        last_day = self.items[first - 1].day if first else None
        for offset, ref in enumerate(refs):
            self._index[ref.id] = first + offset
            if ref.day != last_day:
                self._day_starts.append(first + offset)
                last_day = ref.day

    # -- marks --------------------------------------------------------------------------------------
    @property
    def marked_count(self) -> int:
        """How many rows are marked."""
        return len(self._marked)

    def marked_ids(self) -> list[str]:
        """The marked rows' event ids, in list order."""
        return [ref.id for ref in self.items if ref.id in self._marked] if self._marked else []

    def is_marked(self, index: int) -> bool:
        """Whether row `index` is marked."""
        return self.items[index].id in self._marked

    def _marks_changed(self, index: int | None, had_marks: bool) -> None:
        if had_marks != bool(self._marked):
            self.forget_drawn()  # the mark column comes or goes on every row
            self.refresh()
        elif index is not None:
            self.refresh_item(index)
        else:
            self.forget_drawn()
            self.refresh()
        self.post_message(self.MarksChanged(self, len(self._marked)))

    def toggle_mark(self) -> None:
        """Mark the row under the cursor (or unmark it), and move to the next row."""
        ref, index = self.current, self.cursor
        if ref is None:
            return
        had_marks = bool(self._marked)
        self._marked.symmetric_difference_update({ref.id})
        self._marks_changed(index, had_marks)
        self.move("next")

    def mark_all(self) -> None:
        """Mark every row listed; when all are marked already, unmark them all."""
        had_marks = bool(self._marked)
        every = {ref.id for ref in self.items}
        self._marked = set() if every and every <= self._marked else every
        self._marks_changed(None, had_marks)

    def clear_marks(self) -> None:
        """Unmark every row (after a bulk action)."""
        if self._marked:
            self._marked = set()
            self._marks_changed(None, True)

    def action_toggle_mark(self) -> None:
        """Mark or unmark the highlighted row."""
        self.toggle_mark()

    def action_mark_all(self) -> None:
        """Mark every row, or none."""
        self.mark_all()

    # -- EventCursor ----------------------------------------------------------------------------------
    @property
    def event_id(self) -> str | None:
        """The highlighted result's event id."""
        current = self.current
        return current.id if current is not None else None

    def ref(self, event_id: str) -> EventRef | None:
        index = self._index.get(event_id)
        return self.items[index] if index is not None else None

    def select_event(self, event_id: str, *, announce: bool = True) -> bool:
        return self.move_to(self._index.get(event_id), announce=announce)

    def refresh_event(self, event_id: str, annotation: Annotation | None) -> None:
        index = self._index.get(event_id)
        if index is not None:
            self.refresh_item(index)

    @property
    def section_starts(self) -> Sequence[int]:
        """Each day's first result."""
        return self._day_starts

    def day_of_row(self, index: int) -> int:
        """The day of the results section holding row `index`."""
        return self.items[self._day_starts[bisect_right(self._day_starts, index) - 1]].day

    # -- drawing ------------------------------------------------------------------------------------
    def row_pieces(self, ref: EventRef, width: int) -> list[Piece]:
        """A result's row as (text, style) pieces, cut to `width`: turned into segments directly when
        drawn (a `Text` and its rendering cost more than the rest of the row)."""
        # Day and section stay short so the event's own words get most of the line; the date, the full
        # heading and the whole text are in the preview under the list.
        heading = truncate(clean(ref.heading or theme_label(ref.theme)), 12)
        pieces: list[Piece] = []
        if self._marked:
            pieces.append(("✓ " if ref.id in self._marked else "  ", _MARK))
        pieces += [
            (f"{ref.day:>4} ", _BOLD),
            (f"{heading:<12} ", _style(theme_colour(ref.theme))),
        ]
        annotation = self._annotation(ref.id)
        if annotation is not None:
            pieces.append(("⚑" if annotation.flags else " ", _FLAGGED))
            pieces.append(("✎" if annotation.note.strip() else " ", _NOTED))
            pieces.append(("#" if annotation.tags else " ", _TAGGED))
            pieces.append((" ", None))
        else:
            pieces.append(("    ", None))
        # Only what fits on the line is highlighted and drawn: an event runs to hundreds of characters
        # and the row shows a few dozen.
        shown = truncate(clean(ref.text), width - sum(len(text) for text, _ in pieces))
        done = 0
        for start, end in merged(match_spans(shown, self.highlighted_query)):
            if start > done:
                pieces.append((shown[done:start], None))
            pieces.append((shown[start:end], _REVERSE))
            done = end
        if done < len(shown):
            pieces.append((shown[done:], None))
        return pieces

    def row_text(self, index: int, width: int) -> Text:
        pieces = self.row_pieces(self.items[index], width)
        return Text.assemble(*((text, style) if style else text for text, style in pieces))

    def render_row(self, index: int, width: int) -> Strip:
        return Strip([Segment(text, style) for text, style in self.row_pieces(self.items[index], width)])
