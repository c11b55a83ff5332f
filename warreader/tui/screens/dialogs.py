"""Small modal dialogs returning typed results: a text prompt with suggestions, a filtered choice list
and a yes/no question. Each shows its own keys at the bottom; Enter does what the dialog is for and
Escape backs out, wherever the focus is in it."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, OptionList, Static
from textual.widgets.option_list import Option

from warreader.tui.bindings import CHOICE_BINDINGS, CONFIRM_BINDINGS, DIALOG_BINDINGS
from warreader.tui.text import clean, literal
from warreader.tui.widgets.key_bar import KeyBar, KeyHint

#: The keys every dialog's bar ends with: where keys type, `q` and `?` would type too.
DIALOG_FIXED: Sequence[KeyHint] = (("dialog-cancel", "Cancel"),)


class PromptDialog(ModalScreen[str | None]):
    """One line of input; Enter returns the text, Escape returns None.

    With `suggestions`, the input completes inline (→ accepts) and the matching ones are listed below.
    With `check`, Enter is refused with the message `check` returns (e.g. "Day 5000 is not in the library").
    """

    BINDINGS: ClassVar[list[BindingType]] = list(DIALOG_BINDINGS)
    """Escape cancels."""

    def __init__(
        self,
        title: str,
        *,
        placeholder: str = "",
        value: str = "",
        suggestions: Sequence[str] = (),
        check: Callable[[str], str | None] | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._title = title
        self._placeholder = placeholder
        self._value = value
        self._suggestions = list(suggestions)
        self._check = check

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self._title, style="bold"), classes="dialog-title")
            suggester = (
                SuggestFromList(self._suggestions, case_sensitive=False) if self._suggestions else None
            )
            yield Input(self._value, placeholder=self._placeholder, suggester=suggester, id="prompt-input")
            yield Static("", id="prompt-hint", classes="dialog-hint")
        hints: list[KeyHint] = [("enter", "OK")]
        if self._suggestions:
            hints.append(("right", "Complete"))
        yield KeyBar(hints, DIALOG_FIXED)

    def on_mount(self) -> None:
        self._show_hint(self._value)

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        self._show_hint(event.value)

    def _show_hint(self, value: str) -> None:
        hint = self.query_one("#prompt-hint", Static)
        if not self._suggestions:
            hint.update(Text("Enter accepts · Escape cancels", style="dim"))
            return
        needle = value.strip().casefold()
        matches = [s for s in self._suggestions if needle in s.casefold()][:8]
        text = Text("Existing: " if matches else "New. ", style="dim")
        for n, tag in enumerate(matches):
            text.append(", " if n else "", style="dim")
            text.append_text(literal(tag, style="cyan"))
        text.append("   → completes · Enter adds · Esc cancels", style="dim")
        hint.update(text)

    @on(Input.Submitted)
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        if self._check is not None:
            problem = self._check(value)
            if problem:
                self.query_one("#prompt-hint", Static).update(Text(problem, style="bold red"))
                return
        self.dismiss(value)

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)


class ChoiceDialog(ModalScreen[str | None]):
    """Pick one of `choices` ((id, label) pairs); typing filters, Enter picks, Escape cancels."""

    BINDINGS: ClassVar[list[BindingType]] = list(CHOICE_BINDINGS)
    """Escape cancels; ↑/↓ move through the choices while typing."""

    def __init__(
        self,
        title: str,
        choices: Sequence[tuple[str, Text | str]],
        *,
        current: str | None = None,
        id: str | None = None,
    ) -> None:
        super().__init__(id=id)
        self._title = title
        self._choices = list(choices)
        self._current = current

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text(self._title, style="bold"), classes="dialog-title")
            yield Input(placeholder="type to filter", id="choice-filter")
            yield OptionList(id="choice-list", markup=False)
        yield KeyBar((("enter", "Choose"), ("choice-down", "Next"), ("choice-up", "Previous")), DIALOG_FIXED)

    def on_mount(self) -> None:
        self._fill("")
        options = self.query_one(OptionList)
        if self._current is not None and any(key == self._current for key, _ in self._choices):
            options.highlighted = options.get_option_index(self._current)

    def _fill(self, needle: str) -> None:
        options = self.query_one(OptionList)
        needle = needle.strip().casefold()
        shown = []
        for key, label in self._choices:
            plain = label.plain if isinstance(label, Text) else label
            if needle in plain.casefold() or needle in key.casefold():
                shown.append(Option(label if isinstance(label, Text) else Text(clean(label)), id=key))
        options.set_options(shown)
        if shown:
            options.highlighted = 0

    @on(Input.Changed, "#choice-filter")
    def _filter(self, event: Input.Changed) -> None:
        self._fill(event.value)

    @on(Input.Submitted, "#choice-filter")
    def _submit(self, event: Input.Submitted) -> None:
        event.stop()
        option = self.query_one(OptionList).highlighted_option
        self.dismiss(option.id if option is not None else None)

    @on(OptionList.OptionSelected, "#choice-list")
    def _picked(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(event.option.id)

    def action_move(self, step: int) -> None:
        """Move the highlight without leaving the filter input."""
        options = self.query_one(OptionList)
        if options.option_count:
            current = options.highlighted or 0
            options.highlighted = max(0, min(options.option_count - 1, current + step))

    def action_cancel(self) -> None:
        """Close without a result."""
        self.dismiss(None)


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question; `y` or Enter on Yes returns True, `n`, Escape or Enter on No returns False."""

    BINDINGS: ClassVar[list[BindingType]] = list(CONFIRM_BINDINGS)
    """`y` answers yes; `n` or Escape answers no."""

    def __init__(self, question: str) -> None:
        super().__init__()
        self._question = question

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(literal(self._question, single_line=False), classes="dialog-title")
            with Horizontal(classes="dialog-buttons"):
                yield Button("Yes (y)", id="yes", variant="warning")
                yield Button("No (n)", id="no", variant="primary")
        yield KeyBar((("confirm-yes", "Yes"), ("confirm-no", "No"), ("enter", "The focused answer")), ())

    def on_mount(self) -> None:
        self.query_one("#no", Button).focus()

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, yes: bool) -> None:
        """Answer the question."""
        self.dismiss(yes)
