"""The views dialog (`v`): the day list's built-in views and the user's saved views, each with its count
now. Choosing a built-in view shows it in the day list; choosing a saved view lists its query's results in
the search view. Delete removes the highlighted saved view (after asking).

The counts are read when the dialog opens: the built-in views' from the annotations (one read), a saved
view's by asking the library for its results, up to `COUNT_LIMIT` ("1,000+" beyond: a view of every
event need not be counted to the last one before the dialog shows).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.widgets import Input, OptionList, Static

from warreader.errors import WarreaderError
from warreader.store import Annotation, Library
from warreader.store.records import SavedView
from warreader.tui.bindings import CHOICE_BINDINGS, VIEWS_DIALOG_BINDINGS
from warreader.tui.day_rows import ViewSpec, filter_annotations
from warreader.tui.screens.dialogs import DIALOG_FIXED, ChoiceDialog, ConfirmDialog
from warreader.tui.text import literal
from warreader.tui.widgets.key_bar import KeyBar

#: A saved view's results are counted up to this many.
COUNT_LIMIT = 1000
#: The prefix of a saved view's choice id (the rest is its name).
SAVED = "saved:"

Choice = tuple[str, Text | str]


def _count(label: str, count: str) -> Text:
    text = Text(f"{label:<24}", no_wrap=True)
    text.append(f"{count:>7}", style="bold")
    return text


def saved_count(library: Library, view: SavedView) -> str:
    """How many events `view`'s query finds now (`1,000+` past the limit), or why it cannot be read."""
    try:
        found = len(library.find(view.query, limit=COUNT_LIMIT + 1))
    except WarreaderError as error:
        return f"⚠ {error}"
    return f"{COUNT_LIMIT:,}+" if found > COUNT_LIMIT else f"{found:,}"


def view_choices(
    days: int,
    annotations: Sequence[Annotation],
    tags: Sequence[str],
    saved: Sequence[tuple[SavedView, str]],
) -> list[Choice]:
    """The dialog's rows: each built-in view (tagged with X for every tag in use) with its count, then the
    saved views (name, count, query)."""
    choices: list[Choice] = [("all", _count("All days", f"{days:,} days"))]
    for kind in ("flagged", "notes", "orphans"):
        spec = ViewSpec(kind)
        choices.append((kind, _count(spec.title, f"{len(filter_annotations(annotations, spec)):,}")))
    for tag in tags:
        count = len(filter_annotations(annotations, ViewSpec("tagged", tag)))
        label = Text("Tagged ")
        label.append_text(literal(f"#{tag}", style="cyan"))
        label.pad_right(max(0, 24 - label.cell_len))
        label.append(f"{count:>7,}", style="bold")
        choices.append((f"tag:{tag}", label))
    for view, count in saved:
        label = Text("★ ", style="magenta")
        label.append_text(literal(view.name, style="bold magenta"))
        label.pad_right(max(0, 24 - label.cell_len))
        if count.startswith("⚠"):
            label.append_text(literal(f" {count}", style="red"))
        else:
            label.append(f"{count:>7}", style="bold")
        label.append_text(literal(f"  {view.query}", style="dim"))
        choices.append((SAVED + view.name, label))
    return choices


def chosen_view(choice: str | None, current: ViewSpec) -> ViewSpec | None:
    """The built-in day-list view a choice names (None for a saved view or no choice)."""
    if choice is None or choice.startswith(SAVED):
        return None
    if choice.startswith("tag:"):
        return ViewSpec("tagged", choice[4:])
    return ViewSpec(choice, current.tag)


class ViewsDialog(ChoiceDialog):
    """The views with their counts; Enter shows one, Delete removes a saved one (asked first)."""

    BINDINGS: ClassVar[list[BindingType]] = [*CHOICE_BINDINGS, *VIEWS_DIALOG_BINDINGS]

    def __init__(
        self, choices: Sequence[Choice], *, current: str | None, remove: Callable[[str], str | None]
    ) -> None:
        """`remove(name)` removes a saved view: None when done, else why not."""
        super().__init__("Views (count now)", choices, current=current, id="view-dialog")
        self._remove = remove

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Views (count now)", style="bold"), classes="dialog-title")
            yield Input(placeholder="type to filter", id="choice-filter")
            yield OptionList(id="choice-list", markup=False)
        yield KeyBar(
            (("enter", "Show"), ("views-remove", "Remove saved view"), ("choice-down", "Next")), DIALOG_FIXED
        )

    def action_remove_view(self) -> None:
        """Ask, then remove the highlighted saved view."""
        option = self.query_one(OptionList).highlighted_option
        if option is None or not (option.id or "").startswith(SAVED):
            self.notify("Only a saved view (★) can be removed.", severity="warning", timeout=3)
            return
        name = (option.id or "")[len(SAVED) :]

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            problem = self._remove(name)
            if problem:
                self.notify(problem, title="Not removed", severity="error", markup=False)
                return
            self._choices = [(key, label) for key, label in self._choices if key != option.id]
            self._fill(self.query_one("#choice-filter", Input).value)
            self.notify(f"Removed the saved view {name!r}.", timeout=3, markup=False)

        self.app.push_screen(ConfirmDialog(f"Remove the saved view {name!r}?"), answered)
