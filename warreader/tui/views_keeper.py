"""`ViewsKeeper`: the reader screen's share of the views: `v` lists them with their counts (the day list's
built-in views and the user's saved ones), a built-in one is shown in the day list, a saved one lists its
results in the search view, and a saved one can be removed from the list. The dialog and the search view
are imported when first used."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from warreader.errors import WarreaderError
from warreader.store import Library
from warreader.tui.annotator import Annotator
from warreader.tui.views import CenterPane, DayListView


class ViewsKeeper:
    """Lists the views, shows the one chosen, removes saved ones."""

    def __init__(
        self,
        library: Library,
        annotator: Annotator,
        day_list: DayListView,
        views: CenterPane,
        *,
        search_ready: Callable[[], bool],
        ask: Callable[[Any, Callable[[Any], Any]], Any],
        notify: Callable[[str], None],
        leaving: Callable[[], None],
    ) -> None:
        """`search_ready()` says whether the search index is built; `ask(dialog, callback)` shows a dialog;
        `notify(message)` warns the user; `leaving()` runs before the centre pane shows the search view
        (saving the note being typed)."""
        self.library = library
        self.annotator = annotator
        self.day_list = day_list
        self.views = views
        self._search_ready = search_ready
        self._ask = ask
        self._notify = notify
        self._leaving = leaving

    def choose(self) -> None:
        """The views with their counts now; the chosen one is shown."""
        from warreader.tui.screens.views_dialog import ViewsDialog, saved_count, view_choices

        annotations = self.annotator.annotations()
        try:
            saved = [(view, saved_count(self.library, view)) for view in self.library.views()]
        except WarreaderError as error:
            self._notify(f"Cannot read the saved views: {error}")
            saved = []
        choices = view_choices(len(self.day_list.days), annotations, self.annotator.all_tags(), saved)
        current = self.day_list.view
        key = f"tag:{current.tag}" if current.kind == "tagged" else current.kind
        self._ask(ViewsDialog(choices, current=key, remove=self._remove), self._chosen)

    def _remove(self, name: str) -> str | None:
        try:
            self.library.remove_view(name)
        except WarreaderError as error:
            return str(error)
        return None

    async def _chosen(self, choice: str | None) -> None:
        from warreader.tui.screens.views_dialog import SAVED, chosen_view

        if choice is not None and choice.startswith(SAVED):
            await self.show_saved(choice[len(SAVED) :])
            return
        view = chosen_view(choice, self.day_list.view)
        if view is not None:
            self.day_list.show_view(view)

    async def show_saved(self, name: str) -> None:
        """List the saved view `name`'s results in the search view."""
        view = next((v for v in self.library.views() if v.name == name), None)
        if view is None:
            self._notify(f"No saved view named {name!r}.")
            return
        self._leaving()
        from warreader.tui.views.search import SearchView

        search = await self.views.show(SearchView)
        search.index_ready = self._search_ready()
        search.show_query(view.query, view.name)
