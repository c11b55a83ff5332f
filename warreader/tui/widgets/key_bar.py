"""`KeyBar`: the one-line list of the few keys that matter, at the bottom of the reader.

Textual's `Footer` rebuilds itself (unmounting and mounting a widget per key) every time the focus moves,
which cost tens of milliseconds on each switch between the day, search results and the note editor.
This bar is a single line of text; the screen tells it which context to show.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from rich.text import Text
from textual.binding import Binding

from warreader.tui.widgets.text_lines import TextLines

#: Context → (binding id or literal key, label); ids are looked up in the keymap so remaps show.
CONTEXTS: dict[str, Sequence[tuple[str, str]]] = {
    "reader": (
        ("add-tag", "Tag"),
        ("toggle-important", "Important"),
        ("edit-note", "Note"),
        ("search", "Search"),
        ("storyline", "Storyline"),
        ("cycle-view", "Views"),
        ("help", "Keys"),
        ("quit", "Quit"),
    ),
    "note": (("escape", "Leave note (saved as you type)"), ("tab", "Next pane")),
    "search": (("enter", "Search / open"), ("escape", "Back"), ("next-result", "Next"), ("help", "Keys")),
    "story": (("enter", "Open in its day"), ("escape", "Back"), ("help", "Keys")),
    "panel": (("x", "Remove tag"), ("p", "Pin tag"), ("space", "Toggle flag"), ("escape", "Back")),
}


class KeyBar(TextLines):
    """The bottom line: a handful of keys for what has focus, plus the command palette."""

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $panel;
        color: $foreground;
        padding: 0 1;
    }
    """

    def __init__(
        self,
        bindings: Mapping[str, Binding],
        keymap: Mapping[str, str],
        display: Callable[[Binding], str],
        *,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._known_bindings = bindings
        self._user_keymap = keymap
        self._key_display = display
        self._shown_context = ""

    def _key(self, name: str) -> str:
        binding = self._known_bindings.get(name)
        keys = self._user_keymap.get(name, binding.key) if binding is not None else name
        first = keys.split(",")[0].strip()
        return self._key_display(Binding(first, ""))

    def show(self, context: str) -> None:
        """Show the keys of `context` (`reader`, `note`, `search`, `story`, `panel`)."""
        if context == self._shown_context:
            return
        self._shown_context = context
        text = Text(no_wrap=True, overflow="ellipsis")
        for key, label in CONTEXTS.get(context, CONTEXTS["reader"]):
            text.append(f" {self._key(key)} ", style="bold reverse")
            text.append(f" {label}  ")
        text.append(" ^p ", style="bold reverse")
        text.append(" Palette")
        self.update(text, layout=False)
