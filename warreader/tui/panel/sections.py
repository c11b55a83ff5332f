"""The tagging panel's sections: what the event is, its tags, its flags (the note is in note.py).

A section shows one part of a `PanelSubject` with a few widgets of its own, which post messages for what
the user asks. To add one, subclass `PanelSection`, make its widgets in `compose` (keep them: `show`
updates them), implement `show`, and list the class in `TagPanel.SECTIONS`.

A section is not itself a widget: its widgets go straight into the panel. A container per section made
every repaint of the panel (on each move of the selection) go through a few more widgets.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from warreader.store import DEFAULT_FLAGS, Annotation, EventRef
from warreader.store.records import label_key
from warreader.tui.bindings import FLAG_LIST_BINDINGS, TAG_LIST_BINDINGS
from warreader.tui.panel.messages import RemoveTag, ToggleFlag, TogglePin
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label
from warreader.tui.widgets.event_rows import flag_style
from warreader.tui.widgets.text_lines import TextLines

if TYPE_CHECKING:
    from warreader.facts.model import EventFacts


@dataclass(frozen=True)
class PanelSubject:
    """What the panel shows: an event (None: nothing selected), its annotation (or an orphan's); the
    event's figures, places and people (None while the library's facts are being read, `facts_status`
    saying so)."""

    ref: EventRef | None
    annotation: Annotation | None
    pinned: Sequence[str] = ()
    own_flags: Sequence[str] = ()
    facts: EventFacts | None = None
    facts_status: str = ""


class PanelSection:
    """One part of the panel: the widgets it adds (`compose`) and how it shows a subject (`show`)."""

    def compose(self) -> ComposeResult:
        """The section's widgets, top to bottom (the panel marks them as this section's)."""
        raise NotImplementedError

    def show(self, subject: PanelSubject) -> None:
        """Show `subject` (called on every move of the selection: keep it cheap)."""
        raise NotImplementedError

    @staticmethod
    def label(text: str, keys: str) -> TextLines:
        """A section's one-line label: its name, then its keys dimmed."""
        label = Text(text, style="bold")
        label.append(f"   {keys}", style="dim")
        return TextLines(label, classes="panel-label")


class FactsSection(PanelSection):
    """Theme and heading, day and date, source, id (or an orphan's quote and note)."""

    def compose(self) -> ComposeResult:
        self.facts = TextLines(id="panel-info")
        yield self.facts

    def show(self, subject: PanelSubject) -> None:
        # Fixed height (see app.tcss): updating it must not relayout the screen on every j/k.
        self.facts.update(facts_text(subject), layout=False)


def facts_text(subject: PanelSubject) -> Text:
    """The facts section's lines."""
    ref, annotation = subject.ref, subject.annotation
    if ref is None:
        if annotation is not None and annotation.orphan:
            text = Text("Orphaned note ", style="bold red")
            text.append("(its bulletin is gone)\n", style="dim")
            text.append_text(literal(annotation.quote, style="italic"))
            text.append("\n✎ ", style="green")
            text.append_text(literal(annotation.note))
            return text
        return Text("No event selected", style="dim")
    colour = theme_colour(ref.theme)
    text = Text(no_wrap=True, overflow="ellipsis")
    text.append("█ ", style=colour)
    text.append_text(literal(ref.heading or theme_label(ref.theme), style=f"bold {colour}"))
    text.append(f"  ({ref.theme})\n", style="dim")
    text.append(f"Day {ref.day} · {format_date(ref.date)}\n")
    text.append("Source ", style="dim")
    text.append_text(literal(ref.source))
    text.append("\nId ", style="dim")
    text.append(ref.id)
    return text


class _Options(OptionList):
    """An option list that sets its options only when they change (a set costs a layout pass)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        self._shown_key: object = None

    def show_options(self, key: object, options: list[Option]) -> None:
        if key != self._shown_key:
            self._shown_key = key
            self.set_options(options)


class TagOptions(_Options):
    """The event's tags; one key removes the highlighted one, another pins it."""

    BINDINGS: ClassVar[list[BindingType]] = list(TAG_LIST_BINDINGS)

    def action_remove(self) -> None:
        """Remove the highlighted tag."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(RemoveTag(option.id))

    def action_pin(self) -> None:
        """Pin or unpin the highlighted tag."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(TogglePin(option.id))


class TagsSection(PanelSection):
    """The event's tags, with the number key of each pinned one."""

    def compose(self) -> ComposeResult:
        yield self.label("Tags", "t add · x remove · p pin")
        self.tags = TagOptions(id="panel-tags")
        yield self.tags

    def show(self, subject: PanelSubject) -> None:
        tags = list(subject.annotation.tags) if subject.annotation is not None else []
        pinned = {label_key(t): n for n, t in enumerate(subject.pinned, 1)}
        options = []
        for tag in tags:
            prompt = Text(f"#{clean(tag)}", style="bold cyan")
            if label_key(tag) in pinned:
                prompt.append(f"  [{pinned[label_key(tag)]}]", style="dim")
            options.append(Option(prompt, id=tag))
        if not options:
            options.append(Option(Text("no tags — press t", style="dim italic"), disabled=True))
        tag_list = self.tags
        keep = tag_list.highlighted
        tag_list.show_options((tuple(tags), tuple(subject.pinned)), options)
        if tags:
            tag_list.highlighted = min(keep or 0, len(tags) - 1)


class FlagOptions(_Options):
    """Every flag the user can set; Space or Enter toggles the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = list(FLAG_LIST_BINDINGS)

    def action_toggle_flag(self) -> None:
        """Toggle the highlighted flag."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(ToggleFlag(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A mouse click selects: treat it like Space.
        event.stop()
        if event.option.id:
            self.post_message(ToggleFlag(event.option.id))


class FlagsSection(PanelSection):
    """The built-in flags, the user's own, and any other flag the event carries, each on or off."""

    def compose(self) -> ComposeResult:
        yield self.label("Flags", "f important · space toggles")
        self.flags = FlagOptions(id="panel-flags")
        yield self.flags

    def show(self, subject: PanelSubject) -> None:
        flags = list(subject.annotation.flags) if subject.annotation is not None else []
        names: list[str] = []
        for flag in (*DEFAULT_FLAGS, *subject.own_flags, *flags):
            if label_key(flag) not in {label_key(n) for n in names}:
                names.append(flag)
        on = {label_key(f) for f in flags}
        options = []
        for flag in names:
            mark, style = ("☑", flag_style(flag)) if label_key(flag) in on else ("☐", "")
            options.append(Option(Text(f"{mark} {clean(flag)}", style=style), id=flag))
        flag_list = self.flags
        keep = flag_list.highlighted
        flag_list.show_options((tuple(names), frozenset(on)), options)
        flag_list.highlighted = min(keep or 0, len(options) - 1)
        flag_list.disabled = subject.ref is None
