"""Export from the reader: the dialog (format, filters pre-filled from the current view, the file), and
the write, in a worker, that never replaces an existing file without asking."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import App, ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Grid, Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Input, Label, RadioButton, RadioSet, Static

from warreader.errors import WarreaderError
from warreader.export import ExportOptions
from warreader.store import Library
from warreader.tui.annotator import Annotator
from warreader.tui.bindings import EXPORT_BINDINGS
from warreader.tui.day_rows import ViewSpec, export_prefill
from warreader.tui.widgets.key_bar import KeyBar


@dataclass(frozen=True)
class ExportRequest:
    """What the dialog returns: the export options, the file, and whether to replace it."""

    options: ExportOptions
    path: Path
    force: bool = False

    def overwrite(self) -> ExportRequest:
        """The same request, allowed to replace an existing file (after the user confirmed)."""
        return replace(self, force=True)


def default_export_path(fmt: str = "md") -> Path:
    """`warreader-notes-YYYY-MM-DD.md` in the current folder."""
    return Path.cwd() / f"warreader-notes-{dt.date.today().isoformat()}.{fmt}"


def export_prefill_for(
    view: ViewSpec, storyline_theme: str | None, annotator: Annotator
) -> dict[str, list[str]]:
    """The dialog's filters for what the user is looking at (the flagged view names every flag in use)."""
    own_flags = annotator.own_flags()
    if view.kind == "flagged":
        own_flags += [flag for annotation in annotator.annotations() for flag in annotation.flags]
    return export_prefill(view, storyline_theme, own_flags)


def _split(value: str) -> list[str]:
    return [part.strip() for part in value.split(",") if part.strip()]


class FormatChoice(RadioSet):
    """The format: the arrows choose (as in any radio group), Enter exports, as in every field."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "screen.export", "Export", show=False),
    ]

    def action_next_button(self) -> None:
        super().action_next_button()
        self.action_toggle_button()

    def action_previous_button(self) -> None:
        super().action_previous_button()
        self.action_toggle_button()


class EveryEvent(Checkbox):
    """Whether to export every event: Space toggles, Enter exports (as in every field)."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "toggle_button", "Toggle", show=False),
        Binding("enter", "screen.export", "Export", show=False),
    ]


class ExportDialog(ModalScreen[ExportRequest | None]):
    """Export notes as Markdown, JSON or CSV; Enter in any field exports."""

    BINDINGS: ClassVar[list[BindingType]] = list(EXPORT_BINDINGS)
    """Escape cancels; ctrl+s (or Enter anywhere, or the Export button) exports."""

    def __init__(self, prefill: dict[str, list[str]], path: Path | None = None) -> None:
        super().__init__(id="export-dialog")
        self._prefill = prefill
        self._path = path or default_export_path()

    def compose(self) -> ComposeResult:
        # Compact one-line fields in a label/field grid: the whole dialog fits a 24-line terminal.
        with Vertical(classes="dialog", id="export-box"):
            yield Static(Text("Export notes", style="bold"), classes="dialog-title")
            with Grid(id="export-grid"):
                yield Label("Format")
                with FormatChoice(id="export-format", compact=True):
                    yield RadioButton("Markdown", value=True, id="fmt-md", compact=True)
                    yield RadioButton("JSON", id="fmt-json", compact=True)
                    yield RadioButton("CSV", id="fmt-csv", compact=True)
                for name, placeholder in (
                    ("tags", "any of, comma-separated"),
                    ("flags", "any of"),
                    ("themes", "theme keys, any of"),
                ):
                    yield Label(name.capitalize())
                    value = ", ".join(self._prefill.get(name, []))
                    yield Input(value, placeholder=placeholder, id=f"export-{name}", compact=True)
                yield Label("Since")
                yield Input(placeholder="2024-11-01 or a day number", id="export-since", compact=True)
                yield Label("Until")
                yield Input(placeholder="date or day number", id="export-until", compact=True)
                yield Label("Events")
                yield EveryEvent("every event, not only annotated ones", id="export-all", compact=True)
                yield Label("File")
                yield Input(str(self._path), id="export-path", compact=True)
            yield Static("", id="export-error", classes="dialog-hint")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Export", variant="primary", id="export-go", compact=True)
                yield Button("Cancel", id="export-cancel-button", compact=True)
        yield KeyBar(
            (("enter", "Export"), ("export-run", "Export"), ("tab", "Next field"), ("space", "Choose")),
            (("export-cancel", "Cancel"),),
        )

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

        def value(name: str) -> str:
            return self.query_one(f"#export-{name}", Input).value

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


def run_export(app: App[None], library: Library, request: ExportRequest | None) -> None:
    """Write `request` in a worker; an existing file is replaced only after the user confirms."""
    if request is None:
        return

    def write() -> None:
        from warreader.export import OutputExistsError, render_export, write_export

        try:
            path = write_export(render_export(library, request.options), request.path, force=request.force)
        except OutputExistsError:
            app.call_from_thread(_ask_to_overwrite, app, library, request)
        except WarreaderError as error:
            app.call_from_thread(app.notify, str(error), title="Export failed", severity="error", timeout=8)
        else:
            app.call_from_thread(app.notify, f"Exported to {path}", title="Export written", timeout=6)

    app.run_worker(write, thread=True, exclusive=True, group="export", description="Exporting notes")


def _ask_to_overwrite(app: App[None], library: Library, request: ExportRequest) -> None:
    from warreader.tui.screens.dialogs import ConfirmDialog

    def answer(yes: bool | None) -> None:
        if yes:
            run_export(app, library, request.overwrite())

    app.push_screen(ConfirmDialog(f"{request.path} already exists. Overwrite it?"), answer)
