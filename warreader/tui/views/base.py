"""What every view of the centre pane has in common, and the message views send to open an event.

A view owns its widgets, its state and its workers; it reads what it shows from the library itself and
posts messages up for what the screen must route (open this event in its day). The screen only asks a
view for its list of events (an `EventCursor`: the j/k keys, the panel and the annotations act on it) and
tells it what changed.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from textual.containers import Vertical
from textual.message import Message

from warreader.store import Annotation, EventRef, Library
from warreader.tui.annotator import Annotator
from warreader.tui.widgets.cursor_list import EventCursor
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.result_list import ResultList

if TYPE_CHECKING:
    from warreader.facts.queries import FactsIndex


@dataclass
class SelectionShown(Message):
    """A view put the cursor on an event without a `Highlighted` message (e.g. a search run in a worker
    listed its first result): the screen shows it in the panel."""


@dataclass
class OpenEvent(Message):
    """Open `event_id` in its day, in the day view (Enter on a search result or a storyline event)."""

    day: int
    event_id: str


class CenterView(Vertical):
    """A view of the centre pane: a day, the search, a storyline (and the views still to come)."""

    DEFAULT_CLASSES = "pane center-view"

    #: The name the screen knows the view by (`day`, `search`, `story`).
    NAME: ClassVar[str] = ""

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        """Every view gets the library (to read what it shows) and the annotator (to read annotations)."""
        super().__init__(id=id)
        self.library = library
        self.annotator = annotator

    @property
    def events(self) -> EventCursor:
        """The list of events the keys move through."""
        return self.event_list

    @property
    def event_list(self) -> EventList | ResultList:
        """The same list, as the widget (to focus it)."""
        raise NotImplementedError

    def selected(self) -> EventRef | None:
        """The highlighted event, or None."""
        event_id = self.events.event_id
        return self.events.ref(event_id) if event_id is not None else None

    def marked_ids(self) -> list[str]:
        """The events marked for a bulk action (`space`/`*` in a list of results), in list order."""
        events = self.event_list
        return events.marked_ids() if isinstance(events, ResultList) else []

    def clear_marks(self) -> None:
        """Unmark every row (after a bulk action)."""
        events = self.event_list
        if isinstance(events, ResultList):
            events.clear_marks()

    def refresh_event(self, event_id: str, annotation: Annotation | None) -> None:
        """An event's annotation changed: redraw it wherever this view shows it."""
        self.events.refresh_event(event_id, annotation)

    def facts_loaded(self, index: FactsIndex) -> None:
        """The library's figures, places and people were read (again): a view showing them updates."""

    def theme_shown(self) -> str | None:
        """The theme the view lists, if it lists one (the export dialog pre-fills it)."""
        return None

    def focus_list(self) -> None:
        """Give the view's list the focus (now, not on the next turn of the loop: keys typed right after
        must reach it)."""
        self.screen.set_focus(self.event_list)
