"""`EventList`: a day's sections, or a storyline, drawn with Textual's line API.

A day (15–40 events under their headings) is wrapped with Rich once per width into lines of segments and
only the lines on screen are drawn; the wrapped lines of recently opened days are kept (until an
annotation of theirs changes), so going back to a day costs no wrapping at all. A storyline holds up to
~20,000 events: there each event is one line (cut with an ellipsis; the highlighted one is shown in full
under the list), drawn lazily when it scrolls into view, so its size does not matter.

Rows are headings, events and captions; only events can be highlighted. The list keeps a row → line map
for the cursor, scrolls to keep the highlighted event (and its heading) in view, and a click highlights.
"""

from __future__ import annotations

import datetime as dt
from collections import OrderedDict
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass
from functools import partial
from typing import Any, ClassVar, NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import Reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from warreader.model import Bulletin, Event
from warreader.tui.line_breaks import line_count, wrap
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label
from warreader.tui.widgets.plain_lines import PlainLines, under

BUILTIN_FLAGS = ("important", "verify", "follow-up")
FLAG_GLYPH = "⚑"
#: Wrapped days kept for going back and forth (a day's lines take a few tens of kB).
DAY_CACHE_SIZE = 64


class EventInfo(NamedTuple):
    """What the tagging panel shows about an event: where it comes from.

    A named tuple: Enter makes one per search result (200 on the first page), and a frozen dataclass
    took three times as long to build."""

    day: int | None
    date: dt.date | None
    heading: str | None
    theme: str
    event: Event
    source: str

    @classmethod
    def from_ref(cls, ref: Any) -> EventInfo:
        """From the store's `EventRef` (read by attribute so the store can evolve)."""
        return cls(ref.day, ref.date, ref.heading, ref.theme, ref.event, getattr(ref, "source", "") or "")


def annotation_line(annotation: Any | None) -> Text | None:
    """`#tag #tag  ⚑ important  ✎ first words of the note`, or None for an unannotated event."""
    if annotation is None:
        return None
    tags = list(getattr(annotation, "tags", ()) or ())
    flags = list(getattr(annotation, "flags", ()) or ())
    note = getattr(annotation, "note", None) or ""
    if not (tags or flags or note.strip()):
        return None
    line = Text("   ")
    for tag in tags:
        line.append(f"#{clean(tag)}", style="bold cyan")
        line.append(" ")
    for flag in flags:
        style = "bold red" if flag == "important" else "bold yellow"
        line.append(f" {FLAG_GLYPH} {clean(flag)}", style=style)
    if note.strip():
        snippet = clean(note)
        line.append("  ✎ ", style="green")
        line.append(snippet[:80] + ("…" if len(snippet) > 80 else ""), style="italic")
    return line


def event_prompt(event: Event, theme: str, annotation: Any | None, *, prefix: Text | None = None) -> Text:
    """An event as shown in a list: a theme-coloured bar, the literal text, then its annotations."""
    prompt = Text()
    if prefix is not None:
        prompt.append_text(prefix)
        prompt.append("\n")
    prompt.append("▍", style=theme_colour(theme))
    prompt.append(" ")
    prompt.append_text(literal(event.text))
    line = annotation_line(annotation)
    if line is not None:
        prompt.append("\n")
        prompt.append_text(line)
    return prompt


def heading_prompt(heading: str | None, theme: str, count: int) -> Text:
    colour = theme_colour(theme)
    prompt = Text()
    prompt.append("█ ", style=colour)
    prompt.append_text(literal(heading or theme_label(theme), style=f"bold {colour}"))
    prompt.append(_event_count(count), style="dim")
    return prompt


def _event_count(count: int) -> str:
    return f"   {count} event{'s' if count != 1 else ''}"


# What the two prompts above hold as plain text, computed without building them: a day's rows are all
# measured when it opens, but only those on screen are drawn. (A test holds each equal to its prompt.)
def event_plain(event: Event, annotation: Any | None) -> str:
    """`event_prompt(event, …, annotation).plain`."""
    line = annotation_line(annotation)
    text = "▍ " + clean(event.text)
    return text if line is None else f"{text}\n{line.plain}"


def heading_plain(heading: str | None, theme: str, count: int) -> str:
    """`heading_prompt(heading, theme, count).plain`."""
    return "█ " + clean(heading or theme_label(theme)) + _event_count(count)


class Row:
    """One entry of the list: a heading or caption (`disabled`), or an event (`id`).

    `prompt` is built on first use, so rows never drawn cost nothing (a 20,000-event storyline; most of a
    long day). Line breaking needs only the characters: `plain` may be given up front for that.
    """

    __slots__ = ("id", "disabled", "_prompt", "_build", "_plain")

    def __init__(
        self,
        prompt: Text | Callable[[], Text],
        id: str | None = None,
        disabled: bool = False,
        plain: str | None = None,
    ):
        self.id = id
        self.disabled = disabled
        self.rebuild(prompt, plain)

    @property
    def prompt(self) -> Text:
        """The row's text (literal bulletin text plus styles of ours)."""
        if self._prompt is None:
            assert self._build is not None
            self._prompt = self._build()
        return self._prompt

    @property
    def plain(self) -> str:
        """The row's characters (`prompt.plain`, without building the prompt when they were given)."""
        if self._plain is None:
            self._plain = self.prompt.plain
        return self._plain

    def rebuild(self, prompt: Text | Callable[[], Text], plain: str | None = None) -> None:
        """New text for the row (e.g. after its annotation changed)."""
        self._prompt = prompt if isinstance(prompt, Text) else None
        self._build = None if isinstance(prompt, Text) else prompt
        self._plain = plain


@dataclass
class _Content:
    """What one fill of the list holds (a day's is kept in the day cache)."""

    rows: list[Row]
    infos: dict[str, EventInfo]
    headings: list[int]
    index: dict[str, int]
    wrap: bool
    #: width → (each row's wrapped lines, each row's first line, every line as (row, strip)).
    layouts: dict[int, _Layout]


class _Layout:
    """A wrapped list's rows at one width: each row's height and first line, counted cheaply up front
    (Rich's own line breaking on the plain text), and each row's strips made when the row is first drawn."""

    def __init__(self, rows: list[Row], width: int) -> None:
        self.rows = rows
        self.width = width
        self.inner = max(1, width - 2)
        self.heights = [line_count(row.plain, self.inner) for row in rows]
        self.starts: list[int] = []
        #: line → (row, line within the row)
        self.lines: list[tuple[int, int]] = []
        for n, height in enumerate(self.heights):
            self.starts.append(len(self.lines))
            self.lines.extend((n, k) for k in range(height))
        self._lines: dict[int, list[list[Segment]]] = {}

    def line(self, row: int, offset: int, console: Any) -> list[Segment]:
        """Line `offset` of `row` (unstyled segments, `width` cells), wrapped on first use."""
        lines = self._lines.get(row)
        if lines is None:
            width = self.width
            prompt = self.rows[row].prompt
            if self.heights[row] == 1 and "\n" not in prompt.plain:
                lines = [_line_segments(prompt, console, width)]  # it fits: nothing to wrap
            else:
                lines = [_line_segments(line, console, width) for line in wrap(prompt, console, self.inner)]
            height = self.heights[row]
            # (The count up front uses the same line breaking; this only guards the line map.)
            lines = (lines + [[Segment(" " * width)]] * height)[:height]
            self._lines[row] = lines
        return lines[offset]


class EventList(PlainLines, ScrollView, can_focus=True):
    """Events under headings; j/k-style navigation skips headings and never wraps around."""

    # Textual relays out the whole screen when a widget's virtual size changes. These lists fill their
    # pane whatever they hold, so new content only needs a repaint: a day switch re-renders this list only.
    virtual_size = Reactive(Size(0, 0), layout=False)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False, id="events-open", tooltip="Open the event"),
        Binding("down", "cursor_down", "Down", show=False, id="events-down", tooltip="Next event"),
        Binding("up", "cursor_up", "Up", show=False, id="events-up", tooltip="Previous event"),
        Binding("home", "cursor_first", "First", show=False, id="events-first", tooltip="First event"),
        Binding("end", "cursor_last", "Last", show=False, id="events-last", tooltip="Last event"),
        Binding("pagedown", "page_down", "Page down", show=False, id="events-page-down", tooltip="Page down"),
        Binding("pageup", "page_up", "Page up", show=False, id="events-page-up", tooltip="Page up"),
    ]
    """Enter selects the highlighted event (opens it, in the storyline); arrows and pages move."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"event-list--cursor", "event-list--cursor-focused"}
    """`event-list--cursor`: the highlighted event; `event-list--cursor-focused`: the same while the list
    has focus."""

    # Two component classes rather than a `:focus` rule, as in `RowList`: focus changes skip the restyle.
    DEFAULT_CSS = """
    EventList { background: $surface; }
    EventList > .event-list--cursor {
        color: $block-cursor-blurred-foreground;
        background: $block-cursor-blurred-background;
        text-style: $block-cursor-blurred-text-style;
    }
    EventList > .event-list--cursor-focused {
        color: $block-cursor-foreground;
        background: $block-cursor-background;
        text-style: $block-cursor-text-style;
    }
    """

    @dataclass
    class Highlighted(Message):
        """An event was highlighted (by keys, mouse or code)."""

        event_list: EventList
        index: int
        event_id: str

        @property
        def control(self) -> EventList:
            """The list that sent it (lets handlers use `@on(..., "#id")`)."""
            return self.event_list

    @dataclass
    class Selected(Message):
        """Enter or a click on an event."""

        event_list: EventList
        index: int
        event_id: str

        @property
        def control(self) -> EventList:
            """The list that sent it."""
            return self.event_list

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self._content = _Content([], {}, [], {}, True, {})
        self._highlighted: int | None = None
        self._days: OrderedDict[int, _Content] = OrderedDict()
        #: (row, width) → its one line (storylines: rows are drawn when they scroll into view).
        self._line_cache: dict[tuple[int, int], list[Segment]] = {}
        self._base_style = Style()
        self._cursor_style = Style()
        self._paint_width = 0
        #: (id of a line's segments, highlighted) → (those segments, the line in the list's style).
        self._styled: dict[tuple[int, bool], tuple[list[Segment], Strip]] = {}

    # -- option-list-like access (tests and the screen read these) ------------------------------------
    @property
    def infos(self) -> dict[str, EventInfo]:
        """event id → where it comes from, for the panel."""
        return self._content.infos

    @property
    def heading_indices(self) -> list[int]:
        """Row indices of the section (or day) headings, in order."""
        return self._content.headings

    @property
    def options(self) -> list[Row]:
        """Every row, in order."""
        return self._content.rows

    @property
    def option_count(self) -> int:
        """How many rows."""
        return len(self._content.rows)

    def get_option(self, event_id: str) -> Row:
        """The row of `event_id` (KeyError when it is not listed)."""
        return self._content.rows[self._content.index[event_id]]

    @property
    def highlighted(self) -> int | None:
        """Row index of the highlighted event, or None."""
        return self._highlighted

    @highlighted.setter
    def highlighted(self, index: int | None) -> None:
        self.move_to(index)

    @property
    def event_id(self) -> str | None:
        """The highlighted event's id, or None."""
        index = self._highlighted
        return self._content.rows[index].id if index is not None else None

    # -- filling ------------------------------------------------------------------------------------
    def show_bulletin(
        self, bulletin: Bulletin, annotations: Callable[[list[str]], Mapping[str, Any]]
    ) -> None:
        """A day: each section under its heading, captions dimmed after its events.

        `annotations(ids)` is only called when the day is not in the cache.
        """
        content = self._days.get(bulletin.day)
        if content is not None:
            self._days.move_to_end(bulletin.day)
        else:
            ids = [e.id for _, e in bulletin.iter_events()]
            found = annotations(ids)
            rows: list[Row] = []
            infos: dict[str, EventInfo] = {}
            headings: list[int] = []
            index: dict[str, int] = {}
            for section in bulletin.sections:
                headings.append(len(rows))
                heading, theme, count = section.heading, section.theme, len(section.events)
                rows.append(
                    Row(
                        partial(heading_prompt, heading, theme, count),
                        None,
                        True,
                        heading_plain(heading, theme, count),
                    )
                )
                for event in section.events:
                    infos[event.id] = EventInfo(
                        bulletin.day, bulletin.date, heading, theme, event, bulletin.source
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
            content = _Content(rows, infos, headings, index, True, {})
            self._days[bulletin.day] = content
            while len(self._days) > DAY_CACHE_SIZE:
                self._days.popitem(last=False)
        self._fill(content)

    def show_refs(self, refs: Iterable[Any], annotation: Callable[[str], Any | None]) -> None:
        """A storyline: events from many days under day headings, one line each, oldest first.

        Rows' text (and `annotation(id)`) is only computed for rows that are drawn.
        """
        rows: list[Row] = []
        infos: dict[str, EventInfo] = {}
        headings: list[int] = []
        index: dict[str, int] = {}
        last_day: object = object()
        for ref in refs:
            info = EventInfo.from_ref(ref)
            event_id = info.event.id
            if event_id in infos:
                continue  # one row per event
            if info.day != last_day:
                last_day = info.day
                headings.append(len(rows))
                rows.append(Row(Text(f"Day {info.day} · {format_date(info.date)}", style="bold"), None, True))
            infos[event_id] = info
            index[event_id] = len(rows)
            rows.append(Row(_lazy_prompt(info, annotation), event_id))
        self._fill(_Content(rows, infos, headings, index, False, {}))

    def _fill(self, content: _Content) -> None:
        self._content = content
        self._line_cache.clear()
        self._highlighted = None
        self.virtual_size = Size(0, self._line_count())
        self.scroll_to(0, 0, animate=False, force=True, immediate=True)
        self.refresh()

    def forget_days(self) -> None:
        """Drop every cached day (the library changed on disk)."""
        self._days.clear()

    def refresh_event(self, event_id: str, annotation: Any | None) -> None:
        """Redraw one event after its tags, flags or note changed (in place: no rebuild)."""
        for day, cached in list(self._days.items()):
            if cached is not self._content and event_id in cached.index:
                del self._days[day]  # rebuilt (with the new annotation) when the day is opened again
        content = self._content
        row_index = content.index.get(event_id)
        if row_index is None:
            return
        info = content.infos[event_id]
        row = content.rows[row_index]
        row.rebuild(event_prompt(info.event, info.theme, annotation))
        content.layouts.clear()
        self._line_cache.clear()
        self.virtual_size = Size(0, self._line_count())
        self.refresh()

    # -- layout ---------------------------------------------------------------------------------------
    @property
    def _width(self) -> int:
        return self.scrollable_content_region.width

    def _layout(self, width: int | None = None) -> _Layout:
        """Where each row's lines are at `width` (wrapped lists only; computed once per width)."""
        if width is None:
            width = self._width
        content = self._content
        layout = content.layouts.get(width)
        if layout is None:
            layout = _Layout(content.rows, width)
            content.layouts.clear()  # only the current width is worth keeping
            content.layouts[width] = layout
        return layout

    def _line_count(self) -> int:
        content = self._content
        if not content.wrap or not self.is_mounted or self._width <= 0:
            return len(content.rows)
        return len(self._layout().lines)

    def _row_span(self, index: int) -> tuple[int, int]:
        """(first line, height) of row `index`."""
        if not self._content.wrap:
            return index, 1
        layout = self._layout()
        return layout.starts[index], layout.heights[index]

    def _row_at(self, line: int) -> int | None:
        if not self._content.wrap:
            return line if 0 <= line < len(self._content.rows) else None
        lines = self._layout().lines
        return lines[line][0] if 0 <= line < len(lines) else None

    def on_resize(self, _: events.Resize) -> None:
        self.virtual_size = Size(0, self._line_count())
        self._scroll_to_highlight()

    def watch_has_focus(self, has_focus: bool) -> None:
        # No restyle (see DEFAULT_CSS): focus and blur repaint the list, whose cursor then changes colour.
        pass

    # -- rendering ----------------------------------------------------------------------------------
    def render_lines(self, crop: Region) -> list[Strip]:
        # Looked up once per paint, not once per line (`rich_style` and the content region walk the DOM).
        base = self.rich_style
        part = "event-list--cursor-focused" if self.has_focus else "event-list--cursor"
        cursor = base + self.get_component_rich_style(part)
        if (base, cursor) != (self._base_style, self._cursor_style):
            self._base_style, self._cursor_style = base, cursor
            self._styled.clear()
        self._paint_width = self._width
        return super().render_lines(crop)

    def render_line(self, y: int) -> Strip:
        line = self.scroll_offset.y + y
        width = self._paint_width
        content = self._content
        if content.wrap:
            layout = self._layout(width)
            if not 0 <= line < len(layout.lines):
                return Strip.blank(width, self._base_style)
            row_index, offset = layout.lines[line]
            segments = layout.line(row_index, offset, self.app.console)
        else:
            if not 0 <= line < len(content.rows):
                return Strip.blank(width, self._base_style)
            row_index, segments = line, self._single_line(line, width)
        cursor = row_index == self._highlighted
        # Styled lines are kept too (keyed by the segments): a repaint after j/k restyles two rows.
        key = (id(segments), cursor)
        styled = self._styled.get(key)
        if styled is None or styled[0] is not segments:
            if len(self._styled) > 4000:
                self._styled.clear()
            style = self._cursor_style if cursor else self._base_style
            styled = (segments, under(segments, width, style, width))
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
            segments = _line_segments(text, self.app.console, width)
            if len(cache) > 2000:
                cache.clear()
            cache[key] = segments
        return segments

    def _refresh_row(self, index: int | None) -> None:
        if index is None or not 0 <= index < len(self._content.rows) or not self.is_mounted:
            return
        start, height = self._row_span(index)
        y = start - self.scroll_offset.y
        if y + height > 0 and y < self.size.height:
            self.refresh(Region(0, max(0, y), self.size.width, height))

    # -- the cursor -------------------------------------------------------------------------------------
    def move_to(self, index: int | None, *, announce: bool = True) -> bool:
        """Highlight row `index` (an event row); False if it is not one."""
        rows = self._content.rows
        if index is None or not 0 <= index < len(rows) or rows[index].disabled:
            return False
        old = self._highlighted
        self._highlighted = index
        self._refresh_row(old)
        self._refresh_row(index)
        self._scroll_to_highlight()
        if announce:
            self.post_message(self.Highlighted(self, index, rows[index].id or ""))
        return True

    def _scroll_to_highlight(self) -> None:
        index = self._highlighted
        if index is None or not self.is_mounted or self._width <= 0:
            return
        start, height = self._row_span(index)
        # Show the section heading with its first event.
        if index > 0 and self._content.rows[index - 1].disabled and index - 1 in self._content.headings:
            head, head_height = self._row_span(index - 1)
            if start + height - head <= self.size.height:
                height += start - head
                start = head
        self.scroll_to_region(Region(0, start, 1, height), animate=False, force=True, immediate=True)

    def _enabled(self, indices: Iterable[int]) -> int | None:
        rows = self._content.rows
        return next((i for i in indices if not rows[i].disabled), None)

    def next_event(self) -> bool:
        """Highlight the next event, crossing section boundaries; False at the end."""
        start = -1 if self._highlighted is None else self._highlighted
        return self.move_to(self._enabled(range(start + 1, self.option_count)))

    def previous_event(self) -> bool:
        """Highlight the previous event; False at the start."""
        start = self.option_count if self._highlighted is None else self._highlighted
        return self.move_to(self._enabled(range(start - 1, -1, -1)))

    def first_event(self, *, announce: bool = True) -> bool:
        """Highlight the first event of the list (`announce=False`: without a `Highlighted` message)."""
        return self.move_to(self._enabled(range(self.option_count)), announce=announce)

    def last_event(self) -> bool:
        """Highlight the last event of the list."""
        return self.move_to(self._enabled(range(self.option_count - 1, -1, -1)))

    def next_section(self) -> bool:
        """Highlight the first event of the next section."""
        current = -1 if self._highlighted is None else self._highlighted
        for start in self.heading_indices:
            if start > current:
                found = self._enabled(range(start, self.option_count))
                if found is not None and found > current:
                    return self.move_to(found)
        return False

    def previous_section(self) -> bool:
        """Highlight the first event of this section, or of the previous one when already there."""
        current = self._highlighted
        if current is None:
            return self.first_event()
        headings = self.heading_indices
        # The heading at or before the cursor, then the one before it (bisect: storylines are long).
        from bisect import bisect_right

        at = bisect_right(headings, current)
        for start in reversed(headings[max(0, at - 2) : at]):
            found = self._enabled(range(start, self.option_count))
            if found is not None and found < current:
                return self.move_to(found)
        return False

    def select_event(self, event_id: str, *, announce: bool = True) -> bool:
        """Highlight `event_id` if it is in the list."""
        index = self._content.index.get(event_id)
        return index is not None and self.move_to(index, announce=announce)

    # -- keys and mouse -----------------------------------------------------------------------------
    def action_cursor_down(self) -> None:
        """Next event."""
        if not self.next_event():
            self.app.bell()

    def action_cursor_up(self) -> None:
        """Previous event."""
        if not self.previous_event():
            self.app.bell()

    def action_cursor_first(self) -> None:
        """First event."""
        self.first_event()

    def action_cursor_last(self) -> None:
        """Last event."""
        self.last_event()

    def _page(self, step: int) -> None:
        if self._highlighted is None:
            self.first_event()
            return
        start, _ = self._row_span(self._highlighted)
        target = self._row_at(max(0, min(start + step, self.virtual_size.height - 1)))
        if target is None:
            return
        indices = range(target, self.option_count) if step > 0 else range(target, -1, -1)
        found = self._enabled(indices)
        if found is None:
            found = self._enabled(range(target, -1, -1) if step > 0 else range(target, self.option_count))
        self.move_to(found)

    def action_page_down(self) -> None:
        """About one screen down."""
        self._page(max(1, self.size.height - 1))

    def action_page_up(self) -> None:
        """About one screen up."""
        self._page(-max(1, self.size.height - 1))

    def action_select(self) -> None:
        """Open the highlighted event."""
        index = self._highlighted
        if index is not None:
            self.post_message(self.Selected(self, index, self._content.rows[index].id or ""))

    def on_click(self, event: events.Click) -> None:
        index = self._row_at(event.y + self.scroll_offset.y)
        if index is not None and self.move_to(index):
            self.action_select()


def _line_segments(line: Text, console: Any, width: int) -> list[Segment]:
    """One wrapped line exactly `width` cells wide, with a one-cell margin on the left. Segments rather than
    a `Strip`: the list's style is laid under them in the one `Strip` made per line (see `under`)."""
    segments = [Segment(" "), *line.render(console)]
    used = 1 + line.cell_len
    if used < width:
        segments.append(Segment(" " * (width - used)))
    elif used > width:
        segments = list(Strip(segments, used).crop(0, width))
    return segments


def _lazy_prompt(info: EventInfo, annotation: Callable[[str], Any | None]) -> Callable[[], Text]:
    return lambda: event_prompt(info.event, info.theme, annotation(info.event.id))
