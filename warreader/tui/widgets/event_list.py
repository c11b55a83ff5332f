"""`EventList`: one `OptionList` showing a day's sections, a storyline or search results.

One widget for all of a day's events (headings and captions are disabled options between them) instead
of one widget per event: switching days replaces the options of a mounted widget, which re-renders only
the visible lines, rather than remounting containers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.reactive import Reactive
from textual.widgets import OptionList
from textual.widgets.option_list import Option, OptionDoesNotExist

from warreader.model import Bulletin, Event
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label

BUILTIN_FLAGS = ("important", "verify", "follow-up")
FLAG_GLYPH = "⚑"


@dataclass(frozen=True, slots=True)
class EventInfo:
    """What the tagging panel shows about an event: where it comes from."""

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
    prompt.append(f"   {count} event{'s' if count != 1 else ''}", style="dim")
    return prompt


class EventList(OptionList):
    """Events under disabled heading options; j/k-style navigation skips headings and never wraps."""

    # Textual relays out the whole screen when a widget's virtual size changes. These lists fill their
    # pane whatever they hold, so new content only needs a repaint (scrollbars appearing or going still
    # trigger a layout through their own reactives): a day switch no longer re-renders every widget.
    virtual_size = Reactive(Size(0, 0), layout=False)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "select", "Open", show=False, id="events-open", tooltip="Open the event"),
    ]
    """Enter selects the highlighted event (opens it, in the search and storyline lists)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        #: event id → where it comes from, for the panel.
        self.infos: dict[str, EventInfo] = {}
        #: Option indices of the section (or day) headings, in order.
        self.heading_indices: list[int] = []
        self._prefixes: dict[str, Text] = {}
        self._query: str | None = None

    # -- filling ------------------------------------------------------------------------------------
    def show_bulletin(self, bulletin: Bulletin, annotations: Mapping[str, Any]) -> None:
        """A day: each section under its heading, captions dimmed after its events."""
        options: list[Option] = []
        infos: dict[str, EventInfo] = {}
        headings: list[int] = []
        for section in bulletin.sections:
            headings.append(len(options))
            options.append(
                Option(heading_prompt(section.heading, section.theme, len(section.events)), disabled=True)
            )
            for event in section.events:
                infos[event.id] = EventInfo(
                    bulletin.day, bulletin.date, section.heading, section.theme, event, bulletin.source
                )
                options.append(
                    Option(event_prompt(event, section.theme, annotations.get(event.id)), id=event.id)
                )
            for caption in section.captions:
                options.append(Option(literal(f"  ▸ {clean(caption)}", style="dim italic"), disabled=True))
        self._fill(options, infos, headings, {}, None)

    def show_refs(
        self,
        refs: Iterable[Any],
        annotations: Mapping[str, Any],
        *,
        group_by_day: bool,
        query: str | None = None,
    ) -> None:
        """Events from many days: a storyline (grouped under day headings) or search results."""
        options: list[Option] = []
        infos: dict[str, EventInfo] = {}
        headings: list[int] = []
        prefixes: dict[str, Text] = {}
        last_day: object = object()
        for ref in refs:
            info = EventInfo.from_ref(ref)
            if info.event.id in infos:
                continue  # an id can only be shown once in an OptionList
            if group_by_day and info.day != last_day:
                last_day = info.day
                headings.append(len(options))
                title = Text(f"Day {info.day} · {format_date(info.date)}", style="bold")
                options.append(Option(title, disabled=True))
            infos[info.event.id] = info
            prefix = None
            if not group_by_day:
                prefix = Text(f"{info.day} · {format_date(info.date, short=True)} · ", style="dim")
                prefix.append_text(
                    literal(info.heading or theme_label(info.theme), style=theme_colour(info.theme))
                )
                prefixes[info.event.id] = prefix
            prompt = event_prompt(info.event, info.theme, annotations.get(info.event.id), prefix=prefix)
            if query:
                for word in query.split():
                    prompt.highlight_words([word], style="reverse", case_sensitive=False)
            options.append(Option(prompt, id=info.event.id))
        self._fill(options, infos, headings, prefixes, query)

    def _fill(
        self,
        options: list[Option],
        infos: dict[str, EventInfo],
        headings: list[int],
        prefixes: dict[str, Text],
        query: str | None,
    ) -> None:
        self.infos = infos
        self._prefixes = prefixes
        self._query = query
        self.heading_indices = headings
        self.set_options(options)

    def refresh_event(self, event_id: str, annotation: Any | None) -> None:
        """Redraw one event after its tags, flags or note changed (in place: no rebuild)."""
        info = self.infos.get(event_id)
        if info is None:
            return
        prompt = event_prompt(info.event, info.theme, annotation, prefix=self._prefixes.get(event_id))
        if self._query:
            for word in self._query.split():
                prompt.highlight_words([word], style="reverse", case_sensitive=False)
        self.replace_option_prompt(event_id, prompt)

    # -- navigation (never wraps: at the last event `j` stays put) -----------------------------------
    @property
    def event_id(self) -> str | None:
        """The highlighted event's id, or None."""
        option = self.highlighted_option
        return option.id if option is not None and not option.disabled else None

    def _enabled(self, indices: Iterable[int]) -> int | None:
        options = self.options
        return next((i for i in indices if not options[i].disabled), None)

    def _go(self, index: int | None) -> bool:
        if index is None:
            return False
        self.highlighted = index
        return True

    def next_event(self) -> bool:
        """Highlight the next event, crossing section boundaries; False at the end."""
        start = -1 if self.highlighted is None else self.highlighted
        return self._go(self._enabled(range(start + 1, self.option_count)))

    def previous_event(self) -> bool:
        """Highlight the previous event; False at the start."""
        start = self.option_count if self.highlighted is None else self.highlighted
        return self._go(self._enabled(range(start - 1, -1, -1)))

    def first_event(self) -> bool:
        """Highlight the first event of the list."""
        return self._go(self._enabled(range(self.option_count)))

    def last_event(self) -> bool:
        """Highlight the last event of the list."""
        return self._go(self._enabled(range(self.option_count - 1, -1, -1)))

    def next_section(self) -> bool:
        """Highlight the first event of the next section."""
        current = -1 if self.highlighted is None else self.highlighted
        for start in self.heading_indices:
            if start > current:
                found = self._enabled(range(start, self.option_count))
                if found is not None and found > current:
                    return self._go(found)
        return False

    def previous_section(self) -> bool:
        """Highlight the first event of this section, or of the previous one when already there."""
        current = self.highlighted
        if current is None:
            return self.first_event()
        for start in reversed(self.heading_indices):
            found = self._enabled(range(start, self.option_count))
            if found is not None and found < current:
                return self._go(found)
        return False

    def select_event(self, event_id: str) -> bool:
        """Highlight `event_id` if it is in the list."""
        try:
            index = self.get_option_index(event_id)
        except OptionDoesNotExist:
            return False
        self.highlighted = index
        return True
