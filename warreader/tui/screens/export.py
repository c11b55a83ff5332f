"""`ExportDialog`: format, filters (pre-filled from the current view) and the file to write.

It only collects and validates; the reader screen writes the file in a worker (see `FindMixin`).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from warreader.errors import WarreaderError


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog returns: the export options, the file, and whether to replace it."""

    options: object  # warreader.export.ExportOptions
    path: Path
    force: bool = False

    def overwrite(self) -> ExportRequest:
        """The same request, allowed to replace an existing file (after the user confirmed)."""
        return replace(self, force=True)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Export notes as Markdown, JSON or CSV."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "Cancel", id="export-cancel", tooltip="Close without exporting"),
        Binding("ctrl+s", "export", "Export", id="export-run", tooltip="Export with these settings"),
    ]
    """Escape cancels; ctrl+s (or the Export button, or Enter in a field) exports."""

    def __init__(self, prefill: dict[str, list[str]]) -> None:
        super().__init__(id="export-dialog")
        self._prefill = prefill

    def compose(self) -> ComposeResult:
        stamp = dt.date.today().isoformat()
        # Compact one-line fields in a label/field grid: the whole dialog fits a 24-line terminal.
        with Vertical(classes="dialog", id="export-box"):
            yield Static(Text("Export notes", style="bold"), classes="dialog-title")
            with Grid(id="export-grid"):
                yield Label("Format")
                with RadioSet(id="export-format", compact=True):
                    yield RadioButton("Markdown", value=True, id="fmt-md", compact=True)
                    yield RadioButton("JSON", id="fmt-json", compact=True)
                    yield RadioButton("CSV", id="fmt-csv", compact=True)
                yield Label("Tags")
                yield Input(
                    ", ".join(self._prefill.get("tags", [])),
                    placeholder="any of, comma-separated",
                    id="export-tags",
                    compact=True,
                )
                yield Label("Flags")
                yield Input(
                    ", ".join(self._prefill.get("flags", [])),
                    placeholder="any of",
                    id="export-flags",
                    compact=True,
                )
                yield Label("Themes")
                yield Input(
                    ", ".join(self._prefill.get("themes", [])),
                    placeholder="theme keys, any of",
                    id="export-themes",
                    compact=True,
                )
                yield Label("Since")
                yield Input(placeholder="2024-11-01 or a day number", id="export-since", compact=True)
                yield Label("Until")
                yield Input(placeholder="date or day number", id="export-until", compact=True)
                yield Label("Events")
                yield Checkbox("every event, not only annotated ones", id="export-all", compact=True)
                yield Label("File")
                yield Input(str(Path.cwd() / f"warreader-notes-{stamp}.md"), id="export-path", compact=True)
            yield Static("", id="export-error", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel-button", compact=True)

    @property
    def format(self) -> str:
        """The chosen format: md, json or csv."""
        pressed = self.query_one(RadioSet).pressed_button
        return (pressed.id or "fmt-md").removeprefix("fmt-") if pressed else "md"

    @on(RadioSet.Changed)
    def _format_changed(self) -> None:
        # Keep the file name's extension in step with the format, unless the user typed another name.
        path_input = self.query_one("#export-path", Input)
        path = Path(path_input.value)
        if path.suffix in {".md", ".json", ".csv"}:
            path_input.value = str(path.with_suffix(f".{self.format}"))

    @on(Button.Pressed, "#export-go")
    @on(Input.Submitted)
    def action_export(self) -> None:
        """Validate and return the request."""
        from warreader.export import ExportOptions

        value = lambda name: self.query_one(f"#export-{name}", Input).value  # noqa: E731
        options = ExportOptions(
            format=self.format,
            tags=_split(value("tags")),
            flags=_split(value("flags")),
            themes=_split(value("themes")),
            since=value("since").strip() or None,
            until=value("until").strip() or None,
            all_events=self.query_one("#export-all", Checkbox).value,
        )
        error = self.query_one("#export-error", Static)
        try:
            options.filters()  # validates dates and format before anything is read
        except WarreaderError as problem:
            error.update(Text(str(problem), style="bold red"))
            return
        path_text = value("path").strip()
        if not path_text:
            error.update(Text("Give a file to write.", style="bold red"))
            return
        self.dismiss(ExportRequest(options, Path(path_text).expanduser()))

    @on(Button.Pressed, "#export-cancel-button")
    def action_cancel(self) -> None:
        """Close without exporting."""
        self.dismiss(None)
