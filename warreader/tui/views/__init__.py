"""The reader's views: each owns its widgets, state and workers, and talks to the screen by messages up
and attributes down.

- `DayListView` (left pane): every day or a filtered view of annotations.
- `DayView`, `SearchView`, `StorylineView` (centre pane, one shown at a time by `CenterPane`):
  `CenterView`s. The search and storyline views are imported when first shown (`views.search`,
  `views.storyline`): neither is part of the first screen.

Adding a view of the centre pane (e.g. a place's thread, a figures plot) is a `CenterView` subclass in a
module of its own, shown with `ReaderScreen.views.show(TheView)`; see docs/READER.md.
"""

from warreader.tui.views.base import CenterView, OpenEvent, SelectionShown
from warreader.tui.views.center import CenterPane
from warreader.tui.views.day import DayView
from warreader.tui.views.day_list import DayListView

__all__ = ["CenterPane", "CenterView", "DayListView", "DayView", "OpenEvent", "SelectionShown"]
