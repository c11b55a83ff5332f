"""`KeyBar`: the one-line list of the few keys that matter for what has focus, at the bottom of a screen.

Textual's `Footer` rebuilds itself (unmounting and mounting a widget per key) every time the focus moves,
which cost tens of milliseconds on each switch between the day, the search results and the note editor.
This bar is a single line drawn with the line API. Its last hints (help and quit) are always shown, at
the right; the others fill the line from the left, as many as fit the width.
"""

from __future__ import annotations

from collections.abc import Sequence

from rich.style import Style
from rich.text import Text
from textual.binding import Binding
from textual.strip import Strip

from warreader.tui.bindings import first_key
from warreader.tui.paint import PlainLineWidget, under

#: (binding id or key name, label): a key is looked up by id first, so the user's remaps show.
KeyHint = tuple[str, str]

#: Where keys are commands, `?` and `q` are the way to help and out.
COMMAND_KEYS: Sequence[KeyHint] = (("help", "Keys"), ("quit", "Quit"))
#: Where keys type (the note, the search field), the keys that still reach help and quit.
TYPING_KEYS: Sequence[KeyHint] = (("f1", "Keys"), ("ctrl+q", "Quit"))

_KEY = Style(bold=True, reverse=True)


class KeyBar(PlainLineWidget):
    """The bottom line: hints for what has focus, then the help and quit keys (never cut off)."""

    DEFAULT_CSS = """
    KeyBar {
        height: 1;
        dock: bottom;
        background: $panel;
        color: $foreground;
    }
    """

    def __init__(
        self, hints: Sequence[KeyHint] = (), fixed: Sequence[KeyHint] = COMMAND_KEYS, *, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self._hints: tuple[KeyHint, ...] = ()
        self._fixed: tuple[KeyHint, ...] = tuple(COMMAND_KEYS)
        #: (hints, fixed hints, width, style) → the line: focus moving back and forth costs no redrawing.
        self._painted: dict[tuple[tuple[KeyHint, ...], tuple[KeyHint, ...], int, Style], Strip] = {}
        self.show(hints, fixed)

    def show(self, hints: Sequence[KeyHint], fixed: Sequence[KeyHint] = COMMAND_KEYS) -> None:
        """Show `hints`, then `fixed` at the right."""
        hints, fixed = tuple(hints), tuple(fixed)
        if (hints, fixed) == (self._hints, self._fixed):
            return
        self._hints, self._fixed = hints, fixed
        self.refresh()

    @property
    def text(self) -> Text:
        """Every hint shown now, as plain text (what a test reads)."""
        return self.line(self.size.width or 200)

    def _key_label(self, name: str) -> str:
        """How a binding's first key (or a key name) is shown: `j`, `↓`, `^g`; remaps included."""
        return self.app.get_key_display(Binding(first_key(name), ""))

    def _hint(self, key: str, label: str) -> Text:
        text = Text()
        text.append(f" {self._key_label(key)} ", style=_KEY)
        text.append(f" {label}  ")
        return text

    def line(self, width: int) -> Text:
        """The bar at `width` cells: as many hints as fit, then the fixed ones, right-aligned."""
        fixed = Text()
        for key, label in self._fixed:
            fixed.append_text(self._hint(key, label))
        fixed.rstrip()
        line = Text(no_wrap=True, overflow="ellipsis")
        room = width - fixed.cell_len - 1
        for key, label in self._hints:
            hint = self._hint(key, label)
            if line.cell_len + hint.cell_len > room:
                break
            line.append_text(hint)
        line.append(" " * max(1, width - line.cell_len - fixed.cell_len))
        line.append_text(fixed)
        line.truncate(width, overflow="ellipsis")
        return line

    def render(self) -> Text:
        return self.text

    def render_line(self, y: int) -> Strip:
        width = self.content_size.width
        style = self.rich_style
        if y != 0:
            return Strip.blank(width, style)
        key = (self._hints, self._fixed, width, style)
        strip = self._painted.get(key)
        if strip is None:
            if len(self._painted) > 64:
                self._painted.clear()
            line = self.line(width)
            strip = self._painted[key] = under(line.render(self.app.console), line.cell_len, style, width)
        return strip


#: What the key bar shows while a widget has focus, by the widget's id.
CONTEXTS: dict[str, Sequence[KeyHint]] = {
    "events": (
        ("add-tag", "Tag"),
        ("toggle-important", "Important"),
        ("edit-note", "Note"),
        ("search", "Search"),
        ("storyline", "Storyline"),
        ("next-pane", "Panel"),
        ("previous-day", "Older"),
        ("next-day", "Newer"),
        ("choose-view", "Views"),
        ("thread", "Thread"),
    ),
    "results": (
        ("list-select", "Open"),
        ("back", "Back"),
        ("add-tag", "Tag"),
        ("toggle-important", "Important"),
        ("edit-note", "Note"),
        ("search", "New search"),
        ("mark-row", "Mark"),
    ),
    "story": (
        ("list-select", "Open in its day"),
        ("back", "Back"),
        ("add-tag", "Tag"),
        ("toggle-important", "Important"),
        ("edit-note", "Note"),
    ),
    "thread": (
        ("list-select", "Open in its day"),
        ("back", "Back"),
        ("thread", "Another thread"),
        ("add-tag", "Tag"),
        ("toggle-important", "Important"),
        ("edit-note", "Note"),
        ("mark-row", "Mark"),
    ),
    "figures-events": (
        ("figures-previous-bar", "Older"),
        ("figures-next-bar", "Newer"),
        ("figures-next-kind", "Kind"),
        ("figures-period", "Week/month"),
        ("figures-oblast", "Oblast"),
        ("list-select", "Open"),
        ("back", "Back"),
    ),
    "search-input": (("search-submit", "Search"), ("back", "Back")),
    "panel-note": (("back", "Leave the note (saved as you type)"), ("next-pane", "Next pane")),
    "panel-tags": (("panel-remove-tag", "Remove tag"), ("panel-pin-tag", "Pin tag"), ("back", "Back")),
    "panel-flags": (("panel-toggle-flag", "Toggle flag"), ("back", "Back")),
    "days": (
        ("list-select", "Open"),
        ("choose-view", "Views"),
        ("cycle-view", "Next view"),
        ("back", "Back"),
    ),
}

#: Widgets where keys type text: help and quit are reached by F1 and ctrl+q there.
TYPING = {"search-input", "panel-note"}


def hints_for(widget_id: str | None) -> tuple[Sequence[KeyHint], Sequence[KeyHint]]:
    """(hints, fixed hints) for the key bar while the widget `widget_id` has focus."""
    key = widget_id or ""
    return CONTEXTS.get(key, CONTEXTS["events"]), TYPING_KEYS if key in TYPING else COMMAND_KEYS
