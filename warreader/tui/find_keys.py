"""`FindKeys`: what `/`, `n`/`N` and `T` do — show the search view, walk its results in their days, list a
theme's storyline across days.

The views own their searching and listing; this object only shows the right one and hands it what it
needs (whether the search index is ready, the theme chosen). The screen binds the keys and calls these
methods; this object reaches the centre pane and the callbacks it is given, never the screen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from warreader.store import EventRef
from warreader.tui.bulk import Ask
from warreader.tui.screens import prompts
from warreader.tui.views import CenterPane, DayView


@dataclass
class FindKeys:
    """The search and storyline keys' actions; see the module docstring."""

    views: CenterPane
    day_view: DayView
    #: Whether the library's search index is built (a search then runs at once).
    search_ready: Callable[[], bool]
    #: Shows a dialog and calls back with its answer (the app's `push_screen`).
    ask: Ask
    #: A short warning.
    warn: Callable[[str], None]
    #: Writes the note being typed (before the centre pane changes).
    save_note: Callable[[], None]
    #: Opens a day with an event selected (a result outside the search view).
    open_day: Callable[[int, str], object]
    #: Puts the centre pane's selected event in the panel.
    show_selection: Callable[[], None]

    async def search(self) -> None:
        """Show the search view with its field focused (the last query stays for refining)."""
        self.save_note()
        from warreader.tui.views.search import SearchView  # (not part of the first screen)

        view = await self.views.show(SearchView)
        view.index_ready = self.search_ready()
        view.start()

    def open_result(self, step: int) -> None:
        """Open the next (+1) or previous (-1) search result in its day."""
        from warreader.tui.views.search import SearchView

        view = self.views.get(SearchView)
        if view is None:
            self.warn("No search results: press / to search.")
            return
        ref = view.step(step)
        if ref is None:
            return
        if self.views.name == "search":
            self.show_selection()
        else:
            self.open_day(ref.day, ref.id)

    def storyline(self, selected: EventRef | None) -> None:
        """Choose a theme (`selected`'s by default) and list its events across all days."""
        dialog = prompts.storyline_theme(self.day_view.event_list.refs.values(), selected)
        self.ask(dialog, self._theme_chosen)

    async def _theme_chosen(self, theme: str | None) -> None:
        if not theme:
            return
        self.save_note()
        from warreader.tui.views.storyline import StorylineView  # (not part of the first screen)

        view = await self.views.show(StorylineView)
        view.show_theme(theme)
        view.focus_list()
