"""`DayView`: one day's bulletin, its header (counts, title, the day's own note) over its sections."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from warreader.errors import WarreaderError
from warreader.model import Bulletin
from warreader.store import DaySummary, Library
from warreader.tui.annotator import Annotator, DayNoteKey
from warreader.tui.day_rows import day_header
from warreader.tui.views.base import CenterView
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.text_lines import TextLines


class DayView(CenterView):
    """The open day: a header and its events under their section headings."""

    NAME = "day"

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: The day shown, and its bulletin.
        self.day: int | None = None
        self.bulletin: Bulletin | None = None
        self._summary: DaySummary | None = None
        self._events: EventList | None = None

    def on_mount(self) -> None:
        # The same title on every day (the header names the day): a new title repaints the whole pane.
        self.border_title = "Day"

    def compose(self) -> ComposeResult:
        yield TextLines(id="day-header", classes="pane-title")
        yield EventList(id="events")

    @property
    def event_list(self) -> EventList:
        if self._events is None:
            self._events = self.query_one("#events", EventList)  # remembered: no DOM query per key
        return self._events

    def open(self, day: int, summary: DaySummary | None, event_id: str | None = None) -> bool:
        """Show `day` with `event_id` (default: its first event) under the cursor, without a `Highlighted`
        message (the caller shows the selection itself); False, and the user told why, when it cannot."""
        try:
            bulletin = self.library.bulletin(day)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot open the day", severity="error")
            return False
        if bulletin is None:
            self.notify(f"Day {day} is not in the library.", severity="warning")
            return False
        events = self.event_list
        events.show_bulletin(bulletin, self.annotator.annotations_for)
        self.day, self.bulletin, self._summary = day, bulletin, summary
        self.show_header()
        if not (event_id and events.select_event(event_id, announce=False)):
            events.move_to(events.first_selectable(range(events.row_count)), announce=False)
        return True

    def show_header(self, summary: DaySummary | None = None) -> None:
        """Day, date and counts; the bulletin's title; the day's own note (or how to write one)."""
        if summary is not None:
            self._summary = summary
        if self.bulletin is None or self.day is None:
            return
        note = self.annotator.stored_note(DayNoteKey(self.day))
        header = day_header(self.bulletin, self._summary, note)
        # Fixed height (see app.tcss): no relayout of the whole screen on every day switch.
        self.query_one("#day-header", TextLines).update(header, layout=False)

    def show_message(self, message: str) -> None:
        """A line in place of a day (e.g. the library is empty)."""
        self.query_one("#day-header", TextLines).update(Text(message, style="bold"), layout=False)

    def forget_days(self) -> None:
        """The library changed on disk: days are built again when opened."""
        self.event_list.forget_days()
