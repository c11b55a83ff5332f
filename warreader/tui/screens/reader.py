"""`ReaderScreen`: the day list, the section viewer (or search results / storyline) and the tagging panel.

The screen is the coordinator: widgets post messages up, the screen calls the library and pushes the
results down. Navigation keys are bound here (not on the widgets) so they work from any pane; the
annotation, search and day-list logic lives in `AnnotateMixin`, `FindMixin` and `DayListMixin` next door.
"""

from __future__ import annotations

from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.reactive import Reactive
from textual.widget import Widget

from warreader.errors import WarreaderError
from warreader.tui.bindings import APP_BINDINGS, READER_BINDINGS
from warreader.tui.navigation import resolve_goto
from warreader.tui.screens.annotate import AnnotateMixin
from warreader.tui.screens.day_list import DayListMixin
from warreader.tui.screens.find import FindMixin
from warreader.tui.text import literal
from warreader.tui.views import (
    ViewSpec,
    describe_day,
)
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.key_bar import KeyBar
from warreader.tui.widgets.result_list import ResultList
from warreader.tui.widgets.row_list import RowList
from warreader.tui.widgets.search_input import SearchInput
from warreader.tui.widgets.tag_panel import TagPanel
from warreader.tui.widgets.text_lines import TextLines


class ReaderScreen(AnnotateMixin, FindMixin, DayListMixin):
    """The reader: pick a day on the left, read and select events in the middle, annotate on the right."""

    BINDINGS: ClassVar[list[BindingType]] = list(READER_BINDINGS)
    """All reader keys; see `warreader.tui.bindings` (ids, tooltips, help groups)."""

    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [
        (0, "-narrow"),
        (110, "-normal"),
        (170, "-wide"),
    ]
    """Under 110 columns the panel stacks under the viewer; from 170 every pane widens."""

    AUTO_FOCUS = "#events"

    # Textual's `Screen.focused` repaints the whole screen on every focus change, although the widgets
    # that gain and lose focus restyle (and so repaint) themselves. Here that full repaint made Enter in
    # the search (focus: input → results) cost a frame of every widget on screen.
    focused: Reactive[Widget | None] = Reactive(None, repaint=False)

    def __init__(self, library: Any, settings: Any) -> None:
        super().__init__(id="reader")
        self.library = library
        self.settings = settings
        #: Every day, newest first, and day number → index in that list.
        self.days: list[Any] = []
        self.day_index: dict[int, int] = {}
        #: The day open in the viewer.
        self.current_day: int | None = None
        self.view = ViewSpec()
        #: Set once the first day has been shown (the app's "ready" signal hangs on it).
        self.first_day_shown = False
        self._widgets: dict[str, Any] = {}
        #: The search and storyline views' widgets, once mounted (see `ensure_view`).
        self._views: dict[str, list[Widget]] = {}
        self._mode = "day-view"
        self._init_find()
        # Textual adds the breakpoint class on the first resize, *after* the first frame, which restyles
        # and re-lays out every widget; setting it now makes the first frame the final one.
        width = self.app.size.width
        self.add_class(next(name for limit, name in reversed(self.HORIZONTAL_BREAKPOINTS) if width >= limit))

    # -- layout ---------------------------------------------------------------------------------------
    def compose(self) -> ComposeResult:
        # Flat on purpose: the screen's grid holds the three panes directly. Textual repaints every widget
        # under a changed area, and a day switch changes all three panes, so each wrapping container
        # (a full-height Horizontal, a ContentSwitcher…) was one more full-screen render per keypress.
        days = RowList(self._format_row, id="days")
        days.add_class("pane")
        yield days
        # The search and storyline views are mounted on first use (`ensure_view`): fewer widgets to style,
        # lay out and keep idle on the first screen and on every key.
        with Vertical(id="center", classes="pane"):
            yield TextLines(id="day-header", classes="pane-title")
            yield EventList(id="events")
        yield TagPanel(id="panel", classes="pane")
        yield KeyBar(
            {b.id: b for b in (*READER_BINDINGS, *APP_BINDINGS) if b.id},
            self.settings.keymap,
            self.app.get_key_display,
            id="keybar",
        )

    def on_mount(self) -> None:
        self.query_one(KeyBar).show("reader")
        self._set_days(self.library.days())
        self._show_view_rows()
        if self.days:
            self.open_day(self.days[0].day)
        else:
            self.query_one("#day-header", TextLines).update(
                Text("The library is empty: import bulletins with `warreader import PATH…`", style="bold")
            )
            # Ready all the same: the panel's controls, the garbage collector and the load must not wait
            # for a day that does not exist.
            self.first_day_shown = True
            self.call_after_refresh(self.app.first_screen_ready)
        # (AUTO_FOCUS focuses the events; focusing here too would rebuild the footer a second time.)
        # Another warreader process (the CLI, a second reader) may write; a stat every 2 s picks it up.
        self.set_interval(2.0, self._reload_if_changed)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        """Keep the key bar in step with what has focus."""
        widget_id = event.widget.id or ""
        context = {
            "panel-note": "note",
            "search-input": "search",
            "results": "search",
            "story": "story",
            "panel-tags": "panel",
            "panel-flags": "panel",
        }.get(widget_id, "reader")
        self.query_one(KeyBar).show(context)

    # -- the widgets ----------------------------------------------------------------------------------
    def _widget(self, selector: str) -> Any:
        """`query_one`, remembered: these widgets are mounted once, never replaced (no DOM walk per key)."""
        widget = self._widgets.get(selector)
        if widget is None:
            widget = self._widgets[selector] = self.query_one(selector)
        return widget

    @property
    def day_list(self) -> RowList:
        """The day-list pane's list."""
        return self._widget("#days")

    @property
    def events_list(self) -> EventList:
        """The open day's events."""
        return self._widget("#events")

    @property
    def panel(self) -> TagPanel:
        """The tagging panel."""
        return self._widget("#panel")

    @property
    def _day_header(self) -> TextLines:
        return self._widget("#day-header")

    @property
    def mode(self) -> str:
        """What the center pane shows: `day-view`, `search-view` or `story-view`."""
        return self._mode

    @property
    def active_list(self) -> EventList | ResultList:
        """The event list of the center pane's current view (search results behave like one)."""
        return self._widget(
            {"day-view": "#events", "search-view": "#results", "story-view": "#story"}[self.mode]
        )

    def set_mode(self, mode: str) -> None:
        """Switch the center pane (each view is mounted once, by `ensure_view`; switching shows/hides)."""
        self._show_mode(mode)
        self._show_selected()

    def _show_mode(self, mode: str) -> None:
        if mode == self._mode:
            return
        self._mode = mode
        for widget_id in ("#day-header", "#events"):
            self._widget(widget_id).display = mode == "day-view"
        for view, widgets in self._views.items():
            for widget in widgets:
                widget.display = view == mode

    def has_view(self, mode: str) -> bool:
        """Whether the view `mode` has been mounted (the day view always is)."""
        return mode == "day-view" or mode in self._views

    async def ensure_view(self, mode: str) -> None:
        """Mount the search or storyline view the first time it is needed (hidden until `set_mode`).

        Their widgets go straight into the center pane, not into a container of their own: every key and
        focus message bubbles through each container on the way up, and a search moves focus."""
        if self.has_view(mode):
            return
        widgets: list[Widget]
        if mode == "search-view":
            widgets = [
                SearchInput(placeholder="search every day…  (Enter opens, Esc back)", id="search-input"),
                TextLines(id="search-status", classes="pane-title"),
                ResultList(self.annotation, id="results"),
                TextLines(id="result-preview", wrap=True),
            ]
        else:
            widgets = [
                TextLines(id="story-header", classes="pane-title"),
                EventList(id="story"),
                TextLines(id="story-preview", wrap=True),
            ]
        for widget in widgets:
            widget.display = False
        self._views[mode] = widgets
        await self._widget("#center").mount_all(widgets)

    def lists(self) -> list[EventList | ResultList]:
        """The mounted event lists: the day's, and the search results and storyline once shown."""
        found: list[Any] = [self.events_list]
        if self.has_view("search-view"):
            found.append(self._widget("#results"))
        if self.has_view("story-view"):
            found.append(self._widget("#story"))
        return found

    # -- days -----------------------------------------------------------------------------------------
    def open_day(self, day: int, event_id: str | None = None, *, focus: bool = False) -> bool:
        """Show `day` in the viewer with `event_id` (default: its first event) selected."""
        self.save_note()
        try:
            bulletin = self.library.bulletin(day)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot open the day", severity="error")
            return False
        if bulletin is None:
            self.notify(f"Day {day} is not in the library.", severity="warning")
            return False
        events = self.events_list
        events.show_bulletin(bulletin, self.annotations_for)
        self.current_day = day
        self._show_day_header(bulletin)
        if self.view.kind == "all" and day in self.day_index:
            self.day_list.move_to(self.day_index[day], announce=False)
        self._show_mode("day-view")
        # No `Highlighted` message: the panel is filled right below (one round of messages less per day).
        if not (event_id and events.select_event(event_id, announce=False)):
            events.first_event(announce=False)
        if focus:
            events.focus()
        self._show_selected()
        if not self.first_day_shown:
            self.first_day_shown = True
            self.call_after_refresh(self.app.first_screen_ready)
        return True

    def _show_day_header(self, bulletin: Any) -> None:
        """Day, date and counts; the bulletin's title; the day's own note (or how to write one)."""
        day = bulletin.day
        summary = self.days[self.day_index[day]] if day in self.day_index else None
        header = describe_day(summary) if summary is not None else Text(f"Day {day}", style="bold")
        header.append("\n")
        if bulletin.title:
            header.append_text(literal(bulletin.title, style="italic"))
        header.append("\n")
        note = self.day_note_text(day)
        if note.strip():
            header.append("✎ Day note: ", style="green")
            header.append_text(literal(note))
        else:
            header.append("D writes a note for the whole day", style="dim")
        # Fixed height (see app.tcss): no relayout of the whole screen on every day switch.
        header.no_wrap = True
        header.overflow = "ellipsis"
        self._day_header.update(header, layout=False)

    def step_day(self, step: int) -> None:
        """`step` days newer (+1) or older (-1) than the open one, in the library's order."""
        if not self.days:
            return
        index = self.day_index.get(self.current_day, 0) - step
        if not 0 <= index < len(self.days):
            self.notify("No newer day." if step > 0 else "No older day.", timeout=1.5)
            return
        self.open_day(self.days[index].day)

    def action_next_day(self) -> None:
        """The day after the open one."""
        self.step_day(+1)

    def action_previous_day(self) -> None:
        """The day before the open one."""
        self.step_day(-1)

    def action_goto_day(self) -> None:
        """Ask for a day number or date and open it."""

        from warreader.tui.screens.dialogs import PromptDialog  # dialogs load on first use

        def check(text: str) -> str | None:
            return resolve_goto(text, self.days)[1] or None

        def done(text: str | None) -> None:
            if text:
                day, _ = resolve_goto(text, self.days)
                if day is not None:
                    self.open_day(day, focus=True)

        self.app.push_screen(
            PromptDialog(
                "Go to day", placeholder="981, 2024-11-02 or Nov 2 2024", check=check, id="goto-dialog"
            ),
            done,
        )

    # -- events ---------------------------------------------------------------------------------------
    def _move(self, method: str) -> None:
        if not getattr(self.active_list, method)():
            self.app.bell()

    def action_next_event(self) -> None:
        """Next event, crossing section boundaries."""
        self._move("next_event")

    def action_previous_event(self) -> None:
        """Previous event, crossing section boundaries."""
        self._move("previous_event")

    def action_next_section(self) -> None:
        """First event of the next section."""
        self._move("next_section")

    def action_previous_section(self) -> None:
        """First event of this (or the previous) section."""
        self._move("previous_section")

    def action_first_event(self) -> None:
        """First event of the day."""
        self._move("first_event")

    def action_last_event(self) -> None:
        """Last event of the day."""
        self._move("last_event")

    @on(EventList.Highlighted)
    def _event_highlighted(self, message: EventList.Highlighted) -> None:
        if message.event_list.id == "story":
            self.show_story_preview(message.event_list.infos.get(message.event_id))
        # open_day already filled the panel for its first event; only a real move needs a redraw.
        if message.event_list is self.active_list and message.event_id != self.panel.event_id:
            self._show_selected()

    @on(EventList.Selected, "#story")
    def _event_chosen(self, message: EventList.Selected) -> None:
        """Enter on a storyline event opens it in its day."""
        info = message.event_list.infos.get(message.event_id)
        if info is not None and info.day is not None:
            self.open_day(info.day, info.event.id, focus=True)

    @on(RowList.Highlighted, "#results")
    def _result_highlighted(self, message: RowList.Highlighted) -> None:
        self.result_index = message.index
        if message.index >= len(self.results) - 50:
            self.fetch_more_results()
        self.show_preview(message.item)
        if self.mode == "search-view":
            self._show_selected()

    @on(RowList.Selected, "#results")
    def _result_chosen(self, message: RowList.Selected) -> None:
        """Enter on a search result opens it in its day."""
        self.result_index = message.index
        if message.item.day is not None:
            self.open_day(message.item.day, message.item.event.id, focus=True)

    @property
    def selected_event_id(self) -> str | None:
        """The id of the event selected in the center pane."""
        return self.active_list.event_id

    def _show_selected(self) -> None:
        """Put the selected event (or the orphan chosen in the day list) in the panel."""
        event_list = self.active_list
        event_id = event_list.event_id
        editor = self.panel.note_editor
        if editor.event_id != event_id:
            self.save_note()
        info = event_list.infos.get(event_id) if event_id else None
        if info is None and self.view.kind == "orphans" and self.focused is self.day_list:
            orphan = self.day_list.current
            self.panel.show_event(None, orphan, pinned=self.settings.pinned_tags)
            return
        annotation = self.annotation(event_id) if event_id else None
        self.panel.show_event(
            info,
            annotation,
            pinned=self.settings.pinned_tags,
            custom_flags=self.settings.custom_flags,
            load_note=editor.event_id != event_id,
        )

    def _set_days(self, days: list[Any]) -> None:
        self.days = list(days)
        self.day_index = {d.day: n for n, d in enumerate(self.days)}

    def refresh_days(self) -> None:
        """Read the day list again (e.g. exact note markers once the whole library is loaded); the open day
        and the selection stay, and only rows that changed are redrawn."""
        try:
            days = list(self.library.days())
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the day list", severity="error")
            return
        if days == self.days:
            return
        self._set_days(days)
        if self.view.kind == "all":
            self._show_view_rows()

    # -- other processes ------------------------------------------------------------------------------
    def _reload_if_changed(self) -> None:
        try:
            changed = self.library.reload_if_changed()
        except WarreaderError as error:
            self.notify(str(error), title="Cannot reload the library", severity="error")
            return
        if not changed:
            return
        self._set_days(self.library.days())
        self.events_list.forget_days()
        self._show_view_rows()
        if self.current_day in self.day_index:
            self.open_day(self.current_day, self.selected_event_id)
        elif self.days:
            self.open_day(self.days[0].day)
        self.notify("The library changed on disk; reloaded.", timeout=2)
        # New bulletins mean a new search index: built off the UI thread, not by the next search.
        self.app.index_in_background()
