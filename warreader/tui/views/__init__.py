"""The reader's views: each owns its widgets, state and workers, and talks to the screen by messages up
and attributes down.

- `DayListView` (left pane): every day or a filtered view of annotations.
- `DayView`, `SearchView`, `StorylineView` (centre pane, one shown at a time): `CenterView`s.

Adding a view of the centre pane (e.g. a place's thread, a figures plot) is a `CenterView` subclass in a
module of its own, registered in `ReaderScreen.CENTER_VIEWS`; see docs/READER.md.
"""

from warreader.tui.views.base import CenterView, OpenEvent
from warreader.tui.views.day import DayView
from warreader.tui.views.day_list import DayListView
from warreader.tui.views.search import SearchView
from warreader.tui.views.storyline import StorylineView

__all__ = ["CenterView", "DayListView", "DayView", "OpenEvent", "SearchView", "StorylineView"]
