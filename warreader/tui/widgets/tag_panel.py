"""`TagPanel`: the selected event's tags, flags, note, theme, day and source.

It never writes: it posts small messages (remove this tag, toggle that flag, the note is due for saving)
and the screen, which owns the library, does the write and hands the new annotation back down with
`show_event`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

from rich.text import Text
from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.message import Message
from textual.timer import Timer
from textual.widgets import OptionList, Static, TextArea
from textual.widgets.option_list import Option

from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label
from warreader.tui.widgets.event_list import BUILTIN_FLAGS, EventInfo
from warreader.tui.widgets.text_lines import TextLines

#: The note editor's label for an event's note.
NOTE_LABEL = Text("Note   a edit · Esc leave", style="bold")
#: What the note editor holds instead of an event id while the whole day's note is edited.
DAY_NOTE_PREFIX = "day-note:"


def day_note_key(day: int) -> str:
    """The note editor's key for `day`'s own note."""
    return f"{DAY_NOTE_PREFIX}{day}"


def day_of_note_key(key: str | None) -> int | None:
    """The day whose note `key` names, or None for an event's note."""
    if key and key.startswith(DAY_NOTE_PREFIX):
        return int(key[len(DAY_NOTE_PREFIX) :])
    return None


#: How long typing must pause before the note is written (it is also written on blur, Escape and quit).
NOTE_DEBOUNCE_SECONDS = 0.3


@dataclass
class RemoveTag(Message):
    """The user asked to remove `tag` from the event shown."""

    tag: str


@dataclass
class TogglePin(Message):
    """The user asked to pin (or unpin) `tag` to a number key."""

    tag: str


@dataclass
class ToggleFlag(Message):
    """The user asked to set or clear `flag` on the event shown."""

    flag: str


@dataclass
class NoteSaveDue(Message):
    """Typing paused (or the editor lost focus): the note should be written now."""


@dataclass
class LeaveNote(Message):
    """Escape in the note editor: go back to the events."""


class TagOptions(OptionList):
    """The event's tags; one key removes the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "x,delete,backspace",
            "remove",
            "Remove tag",
            id="panel-remove-tag",
            tooltip="Remove the highlighted tag from the event",
        ),
        Binding(
            "p",
            "pin",
            "Pin tag",
            id="panel-pin-tag",
            tooltip="Pin or unpin the highlighted tag to a number key (1–9)",
        ),
    ]
    """`x`/Delete removes the highlighted tag; `p` pins it to the next free number key."""

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


class FlagOptions(OptionList):
    """Every flag the user can set; Space or Enter toggles the highlighted one."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "space,enter",
            "toggle",
            "Toggle flag",
            id="panel-toggle-flag",
            tooltip="Set or clear the highlighted flag",
        ),
    ]
    """Space/Enter toggles the highlighted flag."""

    def action_toggle(self) -> None:
        """Toggle the highlighted flag."""
        option = self.highlighted_option
        if option is not None and option.id:
            self.post_message(ToggleFlag(option.id))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        # A mouse click selects: treat it like Space.
        event.stop()
        if event.option.id:
            self.post_message(ToggleFlag(event.option.id))


class NoteEditor(TextArea):
    """The note of the event shown; saves as you type (debounced), on blur and on Escape."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "escape",
            "leave",
            "Leave note",
            id="note-leave",
            tooltip="Save the note and go back to the events",
        ),
    ]
    """Escape saves and leaves the editor."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            "", id=id, classes=classes, soft_wrap=True, show_line_numbers=False, tab_behavior="focus"
        )
        #: The event whose note is in the editor, and the text last written for it.
        self.event_id: str | None = None
        self.saved_text = ""
        self._timer: Timer | None = None

    def load(self, event_id: str | None, note: str) -> None:
        """Show `note` for `event_id` (the caller saved any pending edit first).

        Control characters (an ESC pasted from a terminal, say) are removed before display: TextArea would
        hand them to the terminal as they are. The stored note is untouched unless the user edits it.
        """
        note = clean(note, single_line=False)
        self._cancel_timer()
        self.event_id = event_id
        self.saved_text = note
        if self.text != note:
            self.load_text(note)
        self.disabled = event_id is None

    def pending(self) -> tuple[str, str] | None:
        """(event id, text) when the editor holds text not yet written, else None."""
        if self.event_id is None or self.text == self.saved_text:
            return None
        return self.event_id, self.text

    def mark_saved(self, text: str) -> None:
        """The screen wrote `text`; nothing is pending until the next keystroke."""
        self._cancel_timer()
        self.saved_text = text

    def _cancel_timer(self) -> None:
        if self._timer is not None:
            self._timer.stop()
            self._timer = None

    @on(TextArea.Changed)
    def _schedule_save(self, event: TextArea.Changed) -> None:
        event.stop()
        if self.pending() is None:
            return  # load_text also posts Changed; nothing to write
        self._cancel_timer()
        self._timer = self.set_timer(NOTE_DEBOUNCE_SECONDS, self._save_due)

    def _save_due(self) -> None:
        self._timer = None
        self.post_message(NoteSaveDue())

    def on_blur(self, _: events.Blur) -> None:
        if self.pending() is not None:
            self.post_message(NoteSaveDue())

    def action_leave(self) -> None:
        """Save and go back to the events."""
        self.post_message(NoteSaveDue())
        self.post_message(LeaveNote())


class TagPanel(VerticalScroll, can_focus=False):
    """Details and annotations of one event."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        #: The event shown (None: nothing, or an orphan).
        self.event_id: str | None = None
        # What each list last showed: setting identical options again would cost a layout pass.
        self._shown: dict[str, object] = {}

    def compose(self) -> ComposeResult:
        yield TextLines(id="panel-info")
        # `deferred`: hidden until the screen's first frame is up (see app.tcss).
        label = "panel-label deferred"
        yield Static(Text("Tags   t add · x remove · p pin", style="bold"), classes=label)
        yield TagOptions(id="panel-tags", markup=False, classes="deferred")
        yield Static(Text("Flags   f important · space toggles", style="bold"), classes=label)
        yield FlagOptions(id="panel-flags", markup=False, classes="deferred")
        yield Static(NOTE_LABEL, classes=label, id="panel-note-label")
        yield NoteEditor(id="panel-note", classes="deferred")

    @property
    def note_editor(self) -> NoteEditor:
        """The note editor."""
        return self.query_one(NoteEditor)

    def show_event(
        self,
        info: EventInfo | None,
        annotation: Any | None,
        *,
        pinned: Sequence[str] = (),
        custom_flags: Sequence[str] = (),
        load_note: bool = True,
    ) -> None:
        """Show `info` with its annotation (None: no annotation yet; info None: nothing selected)."""
        self.event_id = info.event.id if info else None
        # Fixed height (see app.tcss): updating it must not relayout the screen on every j/k.
        self.query_one("#panel-info", TextLines).update(self._info_text(info, annotation), layout=False)
        tags = list(getattr(annotation, "tags", ()) or ())
        flags = list(getattr(annotation, "flags", ()) or ())
        pinned_keys = {t.casefold(): n for n, t in enumerate(pinned, 1)}

        tag_list = self.query_one(TagOptions)
        keep = tag_list.highlighted
        tag_options = []
        for tag in tags:
            prompt = Text(f"#{clean(tag)}", style="bold cyan")
            if tag.casefold() in pinned_keys:
                prompt.append(f"  [{pinned_keys[tag.casefold()]}]", style="dim")
            tag_options.append(Option(prompt, id=tag))
        if not tag_options:
            tag_options.append(Option(Text("no tags — press t", style="dim italic"), disabled=True))
        self._set_options(tag_list, "tags", (tuple(tags), tuple(pinned)), tag_options)
        if tags:
            tag_list.highlighted = min(keep or 0, len(tags) - 1)

        flag_list = self.query_one(FlagOptions)
        keep = flag_list.highlighted
        names: list[str] = []
        for flag in (*BUILTIN_FLAGS, *custom_flags, *flags):
            if flag.casefold() not in {n.casefold() for n in names}:
                names.append(flag)
        on_keys = {f.casefold() for f in flags}
        flag_options = []
        for flag in names:
            mark = "☑" if flag.casefold() in on_keys else "☐"
            style = (
                ("bold red" if flag == "important" else "bold yellow") if flag.casefold() in on_keys else ""
            )
            flag_options.append(Option(Text(f"{mark} {clean(flag)}", style=style), id=flag))
        self._set_options(flag_list, "flags", (tuple(names), frozenset(on_keys)), flag_options)
        flag_list.highlighted = min(keep or 0, len(flag_options) - 1)
        flag_list.disabled = info is None

        if load_note:
            self.note_editor.load(info.event.id if info else None, getattr(annotation, "note", "") or "")
            self._set_note_label(NOTE_LABEL)

    def show_day_note(self, day: int, note: str) -> None:
        """Put the whole day's note in the editor (key `day_note_key(day)`); the caller focuses it."""
        self.note_editor.load(day_note_key(day), note)
        label = Text(f"Day {day} note", style="bold green")
        label.append("   the whole day · Esc leave", style="bold")
        self._set_note_label(label)

    def _set_note_label(self, label: Text) -> None:
        if self._shown.get("note-label") is not label:
            self._shown["note-label"] = label
            self.query_one("#panel-note-label", Static).update(label, layout=False)

    def _set_options(self, widget: OptionList, name: str, key: object, options: list[Option]) -> None:
        if self._shown.get(name) != key:
            self._shown[name] = key
            widget.set_options(options)

    @staticmethod
    def _info_text(info: EventInfo | None, annotation: Any | None) -> Text:
        if info is None:
            if annotation is not None and getattr(annotation, "orphan", False):
                text = Text("Orphaned note ", style="bold red")
                text.append("(its bulletin is gone)\n", style="dim")
                text.append_text(literal(annotation.quote, style="italic"))
                text.append("\n✎ ", style="green")
                text.append_text(literal(annotation.note))
                return text
            return Text("No event selected", style="dim")
        colour = theme_colour(info.theme)
        text = Text()
        text.append("█ ", style=colour)
        text.append_text(literal(info.heading or theme_label(info.theme), style=f"bold {colour}"))
        text.append(f"  ({info.theme})\n", style="dim")
        text.append(f"Day {info.day} · {format_date(info.date)}\n")
        text.append("Source ", style="dim")
        text.append_text(literal(info.source))
        text.append("\nId ", style="dim")
        text.append(info.event.id)
        text.no_wrap = True
        text.overflow = "ellipsis"
        return text
