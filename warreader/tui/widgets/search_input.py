"""`SearchInput`: the search field, whose Enter is handled as the key arrives and whose look does not
change with focus.

A plain `Input` sees Enter only after the key has been handed to it, bubbled back up through the centre
pane and the screen, and come round to the app's binding check: four rounds of messages (about a
millisecond) before the search even starts. A priority binding is matched first, on arrival.

Enter also moves the focus to the results. An `Input` then recomputes its styles (its own and its four
parts', 1–2 ms: the largest single cost of a search after drawing) only to swap its border colour. Here
the border is the same either way and the restyle is skipped (`paint.QuietFocusInput`): the blinking
cursor, drawn only while the field has focus, shows where typing goes (a test holds the look independent
of focus).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from textual.binding import BindingType
from textual.message import Message

from warreader.tui.bindings import SEARCH_FIELD_BINDINGS
from warreader.tui.paint import QuietFocusInput


class SearchInput(QuietFocusInput):
    """An `Input` that submits on Enter before the key goes round the DOM (it posts the same `Submitted`)."""

    BINDINGS: ClassVar[list[BindingType]] = list(SEARCH_FIELD_BINDINGS)

    DEFAULT_CSS = """
    SearchInput, SearchInput:focus {
        border: tall $border-blurred;
        background-tint: 0%;
    }
    """

    @dataclass
    class SaveView(Message):
        """ctrl+s: save what the field holds as a view (the search view asks for a name)."""

        query: str

    def action_save_view(self) -> None:
        """Ask to save the query typed as a view."""
        self.post_message(self.SaveView(self.value))
