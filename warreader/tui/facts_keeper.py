"""`FactsKeeper`: the reader screen's share of the library's facts (figures, places, people).

The app reads the facts index in its background worker (after the search index, and again when another
process changed the bulletins) and hands it to each screen, which keeps it here: the panel's figures
section looks the selected event up in it, `p` opens the thread of a place or person the event names
(asking which, when it names several), the figures view plots its totals, and the centre views are told
when it was read again. The thread and figures views are imported when first shown.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING

from warreader.store import EventRef
from warreader.tui.facts import ThreadSubject, thread_subjects
from warreader.tui.views import CenterPane

if TYPE_CHECKING:
    from textual.screen import Screen

    from warreader.facts.model import EventFacts
    from warreader.facts.queries import FactsIndex

#: What the panel says until the app has read the facts.
READING = "reading figures…"


class FactsKeeper:
    """The facts index the app read, what it is doing meanwhile, and the views that show facts."""

    def __init__(
        self,
        views: CenterPane,
        *,
        notify: Callable[[str], None],
        ask: Callable[[Screen[str | None], Callable[[str | None], object]], object],
        leaving: Callable[[], None],
    ) -> None:
        """`notify(message)` tells the user something; `ask(dialog, callback)` shows a dialog; `leaving()`
        runs before the centre pane shows another view (saving the note being typed)."""
        self.views = views
        self._notify = notify
        self._ask = ask
        self._leaving = leaving
        #: The library's facts, or None until the app has read them.
        self.index: FactsIndex | None = None
        #: What is going on ("reading figures… 1,500 of 45,000 events"), "" once read.
        self.status = READING

    def of(self, ref: EventRef | None) -> EventFacts | None:
        """The facts of `ref`'s event (None: no event, or the facts are not read yet)."""
        if ref is None or self.index is None:
            return None
        return self.index.facts(ref.id)

    def update(self, index: FactsIndex | None, status: str) -> None:
        """The app read the facts (`status` ""), or says how far it is; the centre views hear of a new
        index."""
        changed = index is not self.index
        self.index, self.status = index, status
        if changed and index is not None and not status:
            for view in self.views:
                view.facts_loaded(index)

    async def thread(self, event_id: str) -> None:
        """Open the thread of a place or person `event_id` names, asking which when it names several."""
        if self.index is None:
            self._notify(f"Places and people are not read yet ({self.status}).")
            return
        subjects = thread_subjects(self.index.facts(event_id))
        if len(subjects) == 1:
            await self.open_thread(subjects[0])
        elif subjects:
            from warreader.tui.screens.prompts import thread_subject

            self._ask(thread_subject(subjects), partial(self._chosen, subjects))
        else:
            self._notify("This event names no place or person the reader knows.")

    async def _chosen(self, subjects: list[ThreadSubject], answer: str | None) -> None:
        if answer is not None:
            await self.open_thread(subjects[int(answer)])

    async def open_thread(self, subject: ThreadSubject) -> None:
        """Show every event naming `subject` across days, newest first."""
        if self.index is None:
            return
        self._leaving()
        from warreader.tui.views.thread import ThreadView  # (not part of the first screen)

        view = await self.views.show(ThreadView)
        view.show_subject(self.index, subject)
        view.focus_list()

    async def figures(self) -> None:
        """Show the figures view (it waits for the facts if they are not read yet)."""
        self._leaving()
        from warreader.tui.views.figures import FiguresView  # (not part of the first screen)

        view = await self.views.show(FiguresView)
        view.start(self.index, self.status)
        view.focus_list()
