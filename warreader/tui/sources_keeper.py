"""`SourcesKeeper`: the reader screen's share of a day's several bulletins and their copies.

`b`/`B` show the open day's other bulletins (another outlet's), `o` opens the selected event's bulletin's
web page in the browser (or shows the file it was imported from), `O` lists the open bulletin's copies and
reads the one the user picks (or the library's automatic choice again) through `Library.pick_copy`. The
day view holds the day's bulletins; this keeper asks it, the library and the user, and the screen routes
the keys here in a line each.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from warreader.errors import WarreaderError
from warreader.store import EventRef, Library
from warreader.store.records import Source
from warreader.tui.bulletins import AUTOMATIC, chosen_copy, copy_choices, open_in_browser, web_link
from warreader.tui.text import clean
from warreader.tui.views import DayView

if TYPE_CHECKING:
    from textual.screen import Screen

#: `notify(message, severity)` (from the UI thread).
Notify = Callable[[str, str], None]


class SourcesKeeper:
    """Moves between a day's bulletins, opens their sources, and picks the copy read."""

    def __init__(
        self,
        day_view: DayView,
        library: Library,
        *,
        notify: Notify,
        ask: Callable[[Screen[str | None], Callable[[str | None], object]], object],
        copy_read: Callable[[], None],
    ) -> None:
        """`notify(message, severity)` tells the user something; `ask(dialog, callback)` shows a dialog;
        `copy_read()` runs once another copy is read (the screen shows the day again)."""
        self.day_view = day_view
        self.library = library
        self._notify = notify
        self._ask = ask
        self._copy_read = copy_read
        #: Opens a web link in the user's browser, in a worker thread; True when a browser took it. Tests
        #: replace it: no test ever starts a browser.
        self.open_link: Callable[[str], bool] = open_in_browser

    def step(self, step: int) -> bool:
        """Show the open day's next (+1) or previous (-1) bulletin; False (the user told) when it has one."""
        if self.day_view.step_bulletin(step):
            return True
        self._notify("This day holds one bulletin.", "information")
        return False

    # -- o --------------------------------------------------------------------------------------------
    def link_to_open(self, ref: EventRef | None) -> str | None:
        """The web link of `ref`'s bulletin (else of the open day's bulletin) for the browser; None, with
        the file it came from shown instead, when it has none."""
        source = self._source_of(ref)
        if source is None:
            return None
        link = web_link(source)
        if link is None:
            where = clean(source.source)
            self._notify(f"Imported from the file {where} (it names no web page).", "information")
            return None
        self._notify(f"Opening {clean(link)}", "information")
        return link

    def _source_of(self, ref: EventRef | None) -> Source | None:
        try:
            if ref is None:
                shown = self.day_view.shown()
                return shown.reading if shown is not None else None
            found = self.library.bulletins(ref.day)
        except WarreaderError as error:
            self._notify(str(error), "error")
            return None
        return found[ref.bulletin].reading if 0 <= ref.bulletin < len(found) else None

    def open_in_thread(self, link: str, call_from_thread: Callable[..., object]) -> None:
        """(In a worker thread.) Hand `link` to the browser; say so when none could take it."""
        try:
            opened = self.open_link(link)
        except Exception as error:  # noqa: BLE001 - whatever the browser's launcher does, the reader stays
            opened, why = False, f": {error}"
        else:
            why = ""
        if not opened:
            call_from_thread(self._notify, f"No browser could open {clean(link)}{clean(why)}", "warning")

    # -- O --------------------------------------------------------------------------------------------
    def choose_copy(self) -> None:
        """List the open bulletin's copies (which is read, and whether the user picked it); Enter reads the
        one chosen, or the automatic choice again."""
        from warreader.tui.screens.dialogs import ChoiceDialog

        try:
            shown = self.day_view.shown()
        except WarreaderError as error:
            self._notify(str(error), "error")
            return
        if shown is None:
            self._notify("Open a day first.", "warning")
            return
        current = str(shown.sources.index(shown.reading)) if shown.picked else AUTOMATIC
        outlet = clean(shown.outlet or "unknown outlet")
        title = f"Copies of {outlet}'s bulletin, day {self.day_view.day}: which to read?"
        dialog = ChoiceDialog(title, copy_choices(shown), current=current, id="copies-dialog")
        self._ask(dialog, self._chosen)

    def _chosen(self, answer: str | None) -> None:
        chose, copy = chosen_copy(answer)
        if chose and self.day_view.pick_copy(copy):
            self._copy_read()
