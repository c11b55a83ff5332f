"""`EventList`: a day's sections, or a storyline, as a `CursorList` of headings, events and captions.

A day (15–40 events under their headings) is wrapped once per width, and only the lines on screen are
drawn; the wrapped lines of the last `DAY_CACHE_SIZE` days opened are kept (until an annotation of theirs
changes), so going back to a day costs no wrapping at all. A storyline holds up to ~20,000 events: there
each event is one line (cut with an ellipsis; the highlighted one is shown in full under the list), drawn
lazily when it scrolls into view, so its size does not matter.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial

from rich.segment import Segment
from rich.text import Text
from textual.geometry import Region
from textual.strip import Strip

from warreader.model import Bulletin
from warreader.store import Annotation, EventRef
from warreader.tui.paint import under
from warreader.tui.text import clean, format_date, literal
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.event_rows import (
    Layout,
    Row,
    event_plain,
    event_prompt,
    heading_plain,
    heading_prompt,
    lazy_event_prompt,
    line_segments,
)

#: Wrapped days kept for going back and forth (a day's lines take a few tens of kB).
DAY_CACHE_SIZE = 64


@dataclass(frozen=True)
class BulletinPlace:
    """Which of its day's bulletins a bulletin is, its outlet and its link (what its events' refs say)."""

    index: int = 0
    outlet: str | None = None
    link: str = ""


@dataclass
class _Content:
    """What one fill of the list holds (a day's is kept in the day cache)."""

    rows: list[Row]
    refs: dict[str, EventRef]
    headings: list[int]
    index: dict[str, int]
    wrap: bool
    #: width → the rows' layout at that width (wrapped lists only; only the current width is kept).
    layouts: dict[int, Layout] = field(default_factory=dict)


class EventList(CursorList):
    """Events under headings; what the screen asks of it is `EventCursor`."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._content = _Content([], {}, [], {}, True)
        #: (day, bulletin index) → its rows, wrapped lines and refs.
        self._days: OrderedDict[tuple[int, int], _Content] = OrderedDict()
        #: (row, width) → its one line (storylines: rows are drawn when they scroll into view).
        self._line_cache: dict[tuple[int, int], list[Segment]] = {}
        self._paint_width = 0
        #: (id of a line's segments, on the cursor) → (those segments, the finished line).
        self._styled: dict[tuple[int, bool], tuple[list[Segment], Strip]] = {}

    # -- what is listed -------------------------------------------------------------------------------
    @property
    def rows(self) -> Sequence[Row]:
        """Every row, in order."""
        return self._content.rows

    @property
    def refs(self) -> Mapping[str, EventRef]:
        """event id → where it comes from, for every listed event."""
        return self._content.refs

    @property
    def row_count(self) -> int:
        return len(self._content.rows)

    def selectable(self, index: int) -> bool:
        return not self._content.rows[index].disabled

    @property
    def section_starts(self) -> Sequence[int]:
        """The headings' rows (sections of a day, or days of a storyline)."""
        return self._content.headings

    def row_of(self, event_id: str) -> Row:
        """The row of `event_id` (KeyError when it is not listed)."""
        return self._content.rows[self._content.index[event_id]]

    # -- EventCursor ----------------------------------------------------------------------------------
    @property
    def event_id(self) -> str | None:
        """The highlighted event's id, or None."""
        index = self.cursor
        return self._content.rows[index].id if index is not None else None

    def ref(self, event_id: str) -> EventRef | None:
        return self._content.refs.get(event_id)

    def select_event(self, event_id: str, *, announce: bool = True) -> bool:
        return self.move_to(self._content.index.get(event_id), announce=announce)

    def refresh_event(self, event_id: str, annotation: Annotation | None) -> None:
        """Redraw one event after its tags, flags or note changed (in place: no rebuild)."""
        for day, cached in list(self._days.items()):
            if cached is not self._content and event_id in cached.index:
                del self._days[day]  # rebuilt (with the new annotation) when the day is opened again
        content = self._content
        row_index = content.index.get(event_id)
        if row_index is None:
            return
        ref = content.refs[event_id]
        content.rows[row_index].rebuild(event_prompt(ref.event, ref.theme, annotation))
        content.layouts.clear()
        self._line_cache.clear()
        self.resized_rows()

    # -- filling ------------------------------------------------------------------------------------
    def show_bulletin(
        self,
        bulletin: Bulletin,
        annotations: Callable[[list[str]], Mapping[str, Annotation]],
        place: BulletinPlace | None = None,
    ) -> None:
        """A day's bulletin (its first by default; `place`: which, of what outlet): each section under its
        heading, captions dimmed after its events; no cursor yet. `annotations(ids)` is only called when
        the bulletin is not in the cache."""
        day = bulletin.day or 0  # (every stored bulletin has its day)
        place = place or BulletinPlace()
        key = (day, place.index)
        content = self._days.get(key)
        if content is not None:
            self._days.move_to_end(key)
        else:
            content = _day_content(day, bulletin, annotations, place)
            self._days[key] = content
            while len(self._days) > DAY_CACHE_SIZE:
                self._days.popitem(last=False)
        self._fill(content)

    def show_refs(self, refs: Iterable[EventRef], annotation: Callable[[str], Annotation | None]) -> None:
        """A storyline: events from many days under day headings, one line each, oldest first; no cursor
        yet. Rows' text (and `annotation(id)`) is only computed for rows that are drawn."""
        rows: list[Row] = []
        found: dict[str, EventRef] = {}
        headings: list[int] = []
        index: dict[str, int] = {}
        last_day: int | None = None
        for ref in refs:
            if ref.id in found:
                continue  # one row per event
            if ref.day != last_day:
                last_day = ref.day
                headings.append(len(rows))
                rows.append(Row(Text(f"Day {ref.day} · {format_date(ref.date)}", style="bold"), None, True))
            found[ref.id] = ref
            index[ref.id] = len(rows)
            rows.append(Row(lazy_event_prompt(ref, annotation), ref.id))
        self._fill(_Content(rows, found, headings, index, False))

    def _fill(self, content: _Content) -> None:
        self._content = content
        self._line_cache.clear()
        self.reset()

    def forget_days(self) -> None:
        """Drop every cached day (the library changed on disk)."""
        self._days.clear()

    def forget_day(self, day: int) -> None:
        """Drop the cached bulletins of `day` (e.g. another copy is read now)."""
        for key in [key for key in self._days if key[0] == day]:
            del self._days[key]

    # -- layout ---------------------------------------------------------------------------------------
    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self, width: int | None = None) -> Layout:
        """Where each row's lines are at `width` (wrapped lists only; computed once per width)."""
        if width is None:
            width = self._width
        content = self._content
        layout = content.layouts.get(width)
        if layout is None:
            layout = Layout(content.rows, width, self.app.console)
            content.layouts.clear()  # only the current width is worth keeping
            content.layouts[width] = layout
        return layout

    def line_count(self) -> int:
        content = self._content
        if not content.wrap or not self.is_mounted or self._width <= 0:
            return len(content.rows)
        return len(self._layout().lines)

    def row_span(self, index: int) -> tuple[int, int]:
        if not self._content.wrap:
            return index, 1
        layout = self._layout()
        return layout.starts[index], layout.heights[index]

    def row_at(self, line: int) -> int | None:
        if not self._content.wrap:
            return super().row_at(line)
        lines = self._layout().lines
        return lines[line][0] if 0 <= line < len(lines) else None

    # -- painting -----------------------------------------------------------------------------------
    def styles_changed(self) -> None:
        self._styled.clear()

    def render_lines(self, crop: Region) -> list[Strip]:
        self._paint_width = self._width  # looked up once per paint (a computed property)
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self._paint_width
        content = self._content
        if content.wrap:
            layout = self._layout(width)
            if not 0 <= line < len(layout.lines):
                return Strip.blank(width, self.base_style)
            row_index, offset = layout.lines[line]
            segments = layout.line(row_index, offset, self.app.console)
        else:
            if not 0 <= line < len(content.rows):
                return Strip.blank(width, self.base_style)
            row_index, segments = line, self._single_line(line, width)
        on_cursor = row_index == self.cursor
        # Finished lines are kept too (keyed by the segments): a repaint after j/k restyles two rows.
        key = (id(segments), on_cursor)
        styled = self._styled.get(key)
        if styled is None or styled[0] is not segments:
            if len(self._styled) > 4000:
                self._styled.clear()
            styled = (segments, under(segments, width, self.row_style(on_cursor), width))
            self._styled[key] = styled
        return styled[1]

    def _single_line(self, index: int, width: int) -> list[Segment]:
        key = (index, width)
        cache = self._line_cache
        segments = cache.get(key)
        if segments is None:
            text = Text(" ").join(self._content.rows[index].prompt.split("\n"))
            text.no_wrap = True
            text.truncate(max(1, width - 2), overflow="ellipsis")
            segments = line_segments(text, self.app.console, width)
            if len(cache) > 2000:
                cache.clear()
            cache[key] = segments
        return segments


def _day_content(
    day: int,
    bulletin: Bulletin,
    annotations: Callable[[list[str]], Mapping[str, Annotation]],
    place: BulletinPlace,
) -> _Content:
    found = annotations([event.id for _, event in bulletin.iter_events()])
    rows: list[Row] = []
    refs: dict[str, EventRef] = {}
    headings: list[int] = []
    index: dict[str, int] = {}
    date = bulletin.date
    for section_index, section in enumerate(bulletin.sections):
        headings.append(len(rows))
        heading, theme, count = section.heading, section.theme, len(section.events)
        inferred = section.theme_inferred
        rows.append(
            Row(
                partial(heading_prompt, heading, theme, count, inferred),
                None,
                True,
                heading_plain(heading, theme, count, inferred),
            )
        )
        for event in section.events:
            refs[event.id] = EventRef(
                day,
                date,
                section_index,
                heading,
                theme,
                event,
                bulletin.source,
                outlet=place.outlet,
                bulletin=place.index,
                link=place.link,
            )
            index[event.id] = len(rows)
            annotation = found.get(event.id)
            rows.append(
                Row(
                    partial(event_prompt, event, theme, annotation),
                    event.id,
                    plain=event_plain(event, annotation),
                )
            )
        for caption in section.captions:
            rows.append(Row(literal(f"  ▸ {clean(caption)}", style="dim italic"), None, True))
    return _Content(rows, refs, headings, index, True)
