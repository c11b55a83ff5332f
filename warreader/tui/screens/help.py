"""`HelpScreen` (`?`/F1): every key, as currently mapped (remaps from settings included)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from warreader.tui.bindings import APP_BINDINGS, PANEL_KEYS, READER_GROUPS


def key_label(keys: str, display) -> str:
    """`j, ↓` from `j,down`, using the app's own key display."""
    return ", ".join(display(Binding(k.strip(), "")) for k in keys.split(",") if k.strip())


def help_table(keymap: Mapping[str, str], display) -> Table:
    """The table of every key; `keymap` overrides keys by binding id, like `App.set_keymap`."""
    table = Table.grid(padding=(0, 2))
    table.add_column(justify="right", style="bold cyan", no_wrap=True, min_width=12)
    table.add_column(no_wrap=True, min_width=16)
    table.add_column(style="dim", ratio=1)
    groups = [*READER_GROUPS, ("App", APP_BINDINGS)]
    for title, bindings in groups:
        table.add_row(Text(title, style="bold underline"), "", "")
        pinned = []
        for binding in bindings:
            keys = key_label(keymap.get(binding.id or "", binding.key), display)
            if (binding.id or "").startswith("pinned-tag-"):
                pinned.append(keys)  # nine near-identical rows read better as one
                continue
            table.add_row(keys, binding.description, binding.tooltip)
        if pinned:
            keys = "1–9" if pinned == [str(n) for n in range(1, 10)] else ", ".join(pinned)
            table.add_row(keys, "Pinned tags 1–9", "Toggle the tag pinned to that number on the event")
        table.add_row("", "", "")
    table.add_row(Text("Panel and lists", style="bold underline"), "", "")
    for keys, name, what in PANEL_KEYS:
        table.add_row(keys, name, what)
    return table


class HelpScreen(ModalScreen[None]):
    """Lists every key; Escape, `q` or `?` closes it."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help-close", tooltip="Close the help"),
    ]
    """Escape, q, ? or F1 closes the help."""

    def compose(self) -> ComposeResult:
        settings = getattr(self.app, "settings", None)
        #: The table shown (kept so tests can read exactly what the user sees).
        self.table = help_table(settings.keymap if settings is not None else {}, self.app.get_key_display)
        with VerticalScroll(classes="dialog", id="help"):
            yield Static(Text("warreader keys", style="bold"), classes="dialog-title")
            yield Static(self.table, id="help-table")
            yield Static(
                Text(
                    'Remap any key in settings.json: "keymap": {"next-event": "j,down"}. '
                    "ctrl+p finds every action by name.",
                    style="dim",
                )
            )
