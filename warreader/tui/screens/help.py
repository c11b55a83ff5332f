"""`HelpScreen` (`?`/F1): every key as currently mapped, with the id that remaps it in settings.json, and
the query language the search field and saved views speak (`warreader.query.HELP`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from warreader.query import HELP as QUERY_HELP
from warreader.tui.bindings import APP_BINDINGS, HELP_BINDINGS, READER_GROUPS, WIDGET_GROUPS, keys_of
from warreader.tui.widgets.key_bar import KeyBar

#: How a key is shown (the app's `get_key_display`).
KeyDisplay = Callable[[Binding], str]


def key_label(keys: str, display: KeyDisplay) -> str:
    """`j, ↓` from `j,down`, using the app's own key display."""
    return ", ".join(display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip())


def help_table(display: KeyDisplay) -> Table:
    """The table of every key (remaps applied), what it does, and its id."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold cyan", no_wrap=True, min_width=10)
    table.add_column(no_wrap=True, min_width=14)
    table.add_column(style="dim", ratio=1)
    table.add_column(style="italic", no_wrap=True)
    groups: Sequence[tuple[str, Sequence[Binding]]] = [*READER_GROUPS, ("App", APP_BINDINGS), *WIDGET_GROUPS]
    for title, bindings in groups:
        table.add_row(Text(title, style="bold underline"), "", "", Text("id", style="dim underline"))
        pinned: list[str] = []
        for binding in bindings:
            binding_id = binding.id or ""
            keys = key_label(keys_of(binding_id) if binding_id else binding.key, display)
            if binding_id.startswith("pinned-tag-"):
                pinned.append(keys)  # nine near-identical rows read better as one
                continue
            table.add_row(keys, binding.description, binding.tooltip, binding_id)
        if pinned:
            keys = "1–9" if pinned == [str(n) for n in range(1, 10)] else ", ".join(pinned)
            table.add_row(
                keys, "Pinned tags 1–9", "Toggle the tag pinned to that number on the event", "pinned-tag-1…9"
            )
        table.add_row("", "", "", "")
    table.add_row(Text("Anywhere", style="bold underline"), "", "", "")
    table.add_row("^p", "Palette", "Command palette: every action by name; Tags… renames or removes tags", "")
    table.add_row("^q", "Quit", "Quit from anywhere, even while typing (the note is saved first)", "")
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; Escape, `q`, `?` or F1 closes it."""

    BINDINGS: ClassVar[list[BindingType]] = list(HELP_BINDINGS)
    """Escape, q, ? or F1 closes the help."""

    def compose(self) -> ComposeResult:
        #: The table shown (kept so tests can read exactly what the user sees).
        self.table = help_table(self.app.get_key_display)
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("warreader keys", style="bold"), classes="dialog-title")
            yield Static(self.table, id="help-table")
            title = "Search language (/; ctrl+s in the field saves a view, v lists the views)"
            yield Static(Text(title, style="bold underline"))
            yield Static(Text(QUERY_HELP), id="help-query")
            yield Static(
                Text(
                    'Remap any key in settings.json by its id: "keymap": {"next-event": "j,down"}. '
                    "ctrl+p finds every action by name.",
                    style="dim",
                )
            )
        yield KeyBar((("list-down", "Scroll"),), (("help-close", "Close"),))
