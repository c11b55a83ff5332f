"""`SearchInput`: the search field, whose Enter is handled as the key arrives.

A plain `Input` sees Enter only after the key has been handed to it, bubbled back up through the centre
pane and the screen, and come round to the app's binding check: four rounds of messages (about a
millisecond) before the search even starts. A priority binding is matched first, on arrival.
"""

from __future__ import annotations

from typing import ClassVar

from textual.binding import Binding, BindingType
from textual.widgets import Input


class SearchInput(Input):
    """An `Input` that submits on Enter before the key goes round the DOM (it posts the same `Submitted`)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "submit", "Search", show=False, priority=True),
    ]
