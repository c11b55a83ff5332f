"""`CenterPane`: the views of the centre pane, one shown at a time.

The day view is there from the start; every other view is mounted the first time it is shown (fewer
widgets to style, lay out and keep idle on the first screen and on every key). Any `CenterView` subclass
can be shown: `await pane.show(TheView)`. Views sit directly in the
screen's grid, not in a container of their own: every key and focus message bubbles through each
container on its way up.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable, Iterator
from typing import TypeVar

from warreader.store import Annotation, Library
from warreader.tui.annotator import Annotator
from warreader.tui.views.base import CenterView
from warreader.tui.views.day import DayView

ViewT = TypeVar("ViewT", bound=CenterView)


class CenterPane:
    """Which view the centre pane shows, and the views mounted so far."""

    def __init__(
        self,
        day: DayView,
        library: Library,
        annotator: Annotator,
        mount: Callable[[CenterView], Awaitable[object]],
    ) -> None:
        """`mount(view)` adds a view to the screen (hidden) the first time it is shown."""
        self.day = day
        self._library = library
        self._annotator = annotator
        self._mount = mount
        self._views: dict[str, CenterView] = {day.NAME: day}
        self.name = day.NAME

    @property
    def current(self) -> CenterView:
        """The view shown."""
        return self._views[self.name]

    def __iter__(self) -> Iterator[CenterView]:
        return iter(self._views.values())

    def get(self, kind: type[ViewT]) -> ViewT | None:
        """The view of `kind` if it has been mounted."""
        view = self._views.get(kind.NAME)
        return view if isinstance(view, kind) else None

    async def show(self, kind: type[ViewT]) -> ViewT:
        """Show the view of `kind`, mounting it the first time."""
        view = self.get(kind)
        if view is None:
            view = kind(self._library, self._annotator, id=f"{kind.NAME}-view")
            view.display = False
            self._views[kind.NAME] = view
            await self._mount(view)
        self.switch(kind.NAME)
        return view

    def switch(self, name: str) -> None:
        """Show the (mounted) view `name`."""
        if name != self.name:
            self.current.display = False
            self.name = name
            self.current.display = True

    def refresh_event(self, event_id: str, annotation: Annotation | None) -> None:
        """An event's annotation changed: every view redraws it where it shows it."""
        for view in self._views.values():
            view.refresh_event(event_id, annotation)
