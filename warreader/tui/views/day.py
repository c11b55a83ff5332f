"""`DayView`: one day's bulletins, one shown at a time: its header (counts; outlet, which of how many and
the parser's warnings; the day's own note; the title) over its sections."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult

from warreader.errors import WarreaderError
from warreader.model import Bulletin
from warreader.store import DaySummary, Library
from warreader.store.records import DayBulletin
from warreader.tui.annotator import Annotator, DayNoteKey
from warreader.tui.bindings import first_key
from warreader.tui.bulletins import bulletin_line, warnings_tooltip
from warreader.tui.day_rows import day_header
from warreader.tui.views.base import CenterView
from warreader.tui.widgets.event_list import BulletinPlace, EventList
from warreader.tui.widgets.text_lines import TextLines


class DayView(CenterView):
    """The open day: a header and one bulletin's events under their section headings."""

    NAME = "day"

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: The day shown, and the bulletin shown (its reading copy).
        self.day: int | None = None
        self.bulletin: Bulletin | None = None
        self._summary: DaySummary | None = None
        self._events: EventList | None = None
        #: Which of the day's bulletins is shown (0: the first); its outlet and link.
        self.bulletin_index = 0
        self._place = BulletinPlace()
        #: The day's bulletins with their copies, once read (None: not read yet).
        self._bulletins: list[DayBulletin] | None = None

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

    # -- the day's bulletins --------------------------------------------------------------------------
    @property
    def bulletin_count(self) -> int:
        """How many bulletins (outlets) the open day holds."""
        if self._bulletins is not None:
            return len(self._bulletins)
        return self._summary.bulletins if self._summary is not None else 1

    def day_bulletins(self) -> list[DayBulletin]:
        """The open day's bulletins with all their copies (read from the library when first needed: a day
        of one bulletin opens without them)."""
        if self._bulletins is None:
            self._bulletins = self.library.bulletins(self.day) if self.day is not None else []
        return self._bulletins

    def shown(self) -> DayBulletin | None:
        """The bulletin shown, with its copies."""
        found = self.day_bulletins()
        return found[self.bulletin_index] if 0 <= self.bulletin_index < len(found) else None

    def open(self, day: int, summary: DaySummary | None, event_id: str | None = None) -> bool:
        """Show `day` with `event_id` (default: its first event) under the cursor, without a `Highlighted`
        message (the caller shows the selection itself); False, and the user told why, when it cannot.

        The bulletin shown is the one holding `event_id`; else, on the day already open, the one shown;
        else the day's first."""
        keep = self.bulletin_index if day == self.day else 0
        try:
            several = summary is None or summary.bulletins > 1
            found = self.library.bulletins(day) if several else None
            index = _holding(found, event_id, keep) if found else 0
            bulletin = found[index].bulletin if found else self.library.bulletin(day)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot open the day", severity="error", markup=False)
            return False
        if bulletin is None:
            self.notify(f"Day {day} is not in the library.", severity="warning")
            return False
        if found:
            place = BulletinPlace(index, found[index].outlet, found[index].reading.link)
        else:
            outlets = summary.outlets if summary is not None else ()
            place = BulletinPlace(0, outlets[0] if outlets else None)
        self.day, self.bulletin, self._summary = day, bulletin, summary
        self._bulletins, self.bulletin_index, self._place = found, index, place
        self._fill(event_id)
        return True

    def step_bulletin(self, step: int) -> bool:
        """Show the day's next (+1) or previous (-1) bulletin, round the day's bulletins, its first event
        selected (no `Highlighted` message); False when the day holds only one."""
        found = self.day_bulletins() if self.day is not None else []
        if len(found) < 2:
            return False
        index = (self.bulletin_index + step) % len(found)
        shown = found[index]
        self.bulletin, self.bulletin_index = shown.bulletin, index
        self._place = BulletinPlace(index, shown.outlet, shown.reading.link)
        self._fill(None)
        return True

    def _fill(self, event_id: str | None) -> None:
        events = self.event_list
        assert self.bulletin is not None
        events.show_bulletin(self.bulletin, self.annotator.annotations_for, self._place)
        self.show_header()
        if not (event_id and events.select_event(event_id, announce=False)):
            events.move_to(events.first_selectable(range(events.row_count)), announce=False)

    def pick_copy(self, copy: int | None) -> bool:
        """Read copy `copy` (0-based; None: the library's automatic choice) of the shown bulletin from now
        on, telling the user what became of notes on events the other copy lacks. True once stored (the
        caller opens the day again); False, and the user told why, when it could not be."""
        shown = self.shown()
        if shown is None or self.day is None:
            return False
        try:
            report = self.library.pick_copy(self.day, shown.id, copy)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read that copy", severity="error", markup=False)
            return False
        self.event_list.forget_day(self.day)
        self._bulletins = None
        what = "the copy the library chooses" if copy is None else f"copy {copy + 1}"
        told = [f"Reading {what} from now on.", *report.messages]
        if report.moved or report.orphaned:
            told.append(f"Notes moved by their quote: {report.moved}; orphaned: {report.orphaned}.")
        self.notify(" ".join(told), timeout=4, markup=False)
        return True

    # -- the header -----------------------------------------------------------------------------------
    def show_header(self, summary: DaySummary | None = None) -> None:
        """Day, date and counts; the bulletin's outlet, place and warnings; the day's own note (or how to
        write one); the bulletin's title."""
        if summary is not None:
            self._summary = summary
        if self.bulletin is None or self.day is None:
            return
        note = self.annotator.stored_note(DayNoteKey(self.day))
        warnings = self.bulletin.warnings
        line = bulletin_line(
            self._place.outlet, self._place.index, self.bulletin_count, warnings, first_key("next-bulletin")
        )
        header = day_header(self.bulletin, self._summary, note, line, self._place.outlet)
        widget = self.query_one("#day-header", TextLines)
        tooltip = warnings_tooltip(warnings)
        if widget.tooltip != tooltip:  # (only when it changes: the screen looks its tooltip up again)
            widget.tooltip = tooltip
        # Fixed height (see app.tcss): no relayout of the whole screen on every day switch.
        widget.update(header, layout=False)

    def show_message(self, message: str) -> None:
        """A line in place of a day (e.g. the library is empty)."""
        self.query_one("#day-header", TextLines).update(Text(message, style="bold"), layout=False)

    def forget_days(self) -> None:
        """The library changed on disk: days are built again when opened."""
        self.event_list.forget_days()
        self._bulletins = None


def _holding(bulletins: list[DayBulletin], event_id: str | None, default: int) -> int:
    """The index of the bulletin holding `event_id`, else `default` (when the day has that many)."""
    if event_id is not None:
        for index, found in enumerate(bulletins):
            if any(event.id == event_id for _, event in found.bulletin.iter_events()):
                return index
    return default if 0 <= default < len(bulletins) else 0
