"""`TagPanel`: the selected event's sections, or (in a narrow terminal, until opened) a two-line strip."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.widget import Widget

from warreader.tui.panel.figures import FiguresSection
from warreader.tui.panel.note import NoteEditor, NoteSection
from warreader.tui.panel.sections import FactsSection, FlagsSection, PanelSection, PanelSubject, TagsSection
from warreader.tui.text import clean
from warreader.tui.widgets.event_rows import FLAG_GLYPH, NOTE_SNIPPET, flag_style
from warreader.tui.widgets.text_lines import TextLines


class PanelStrip(TextLines, can_focus=True):
    """The collapsed panel: the event's tags and flags, and the start of its note. Focusing it (Tab)
    opens the panel."""


def strip_text(subject: PanelSubject) -> Text:
    """`#drones #kyiv  ⚑ important` over `✎ Check the figures…` (or how to add them)."""
    text = Text(no_wrap=True, overflow="ellipsis")
    annotation = subject.annotation
    if subject.ref is None:
        text.append("No event selected", style="dim")
        return text
    tags = annotation.tags if annotation is not None else []
    flags = annotation.flags if annotation is not None else []
    for tag in tags:
        text.append(f"#{clean(tag)} ", style="bold cyan")
    for flag in flags:
        text.append(f" {FLAG_GLYPH} {clean(flag)}", style=flag_style(flag))
    if not (tags or flags):
        text.append("no tags or flags", style="dim")
    text.append("   Tab opens the panel · t tag · f flag", style="dim")
    text.append("\n")
    note = clean(annotation.note) if annotation is not None else ""
    if note.strip():
        text.append("✎ ", style="green")
        text.append(note[:NOTE_SNIPPET] + ("…" if len(note) > NOTE_SNIPPET else ""), style="italic")
    else:
        text.append("a writes a note", style="dim")
    return text


class TagPanel(VerticalScroll, can_focus=False):
    """Details and annotations of one event, one `PanelSection` each."""

    SECTIONS: ClassVar[tuple[type[PanelSection], ...]] = (
        FactsSection,
        FiguresSection,
        TagsSection,
        FlagsSection,
        NoteSection,
    )
    """The sections, top to bottom: add a `PanelSection` subclass here to show more about an event."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self.subject = PanelSubject(None, None)
        self.strip = PanelStrip(id="panel-strip")
        self.sections = [section() for section in self.SECTIONS]
        self._note = next(s for s in self.sections if isinstance(s, NoteSection))

    def compose(self) -> ComposeResult:
        yield self.strip
        for number, section in enumerate(self.sections):
            for widget in section.compose():
                # All but the first section are `deferred`: shown once the first frame is up (app.tcss).
                widget.add_class("panel-section", *(["deferred"] if number else []))
                yield widget

    @property
    def event_id(self) -> str | None:
        """The id of the event shown, or None."""
        ref = self.subject.ref
        return ref.id if ref is not None else None

    @property
    def note_editor(self) -> NoteEditor:
        """The note editor."""
        return self._note.editor

    def show(self, subject: PanelSubject) -> None:
        """Show `subject` in every section and in the strip."""
        self.subject = subject
        for section in self.sections:
            section.show(subject)
        self.strip.update(strip_text(subject), layout=False)

    def show_day_note(self, day: int, stored: str) -> None:
        """Put the whole day's note in the editor (the caller focuses it)."""
        from warreader.tui.annotator import DayNoteKey

        self.note_editor.load(DayNoteKey(day), stored)

    # -- collapsed or open ----------------------------------------------------------------------------
    @property
    def is_open(self) -> bool:
        """Whether the whole panel shows (it always does from 110 columns on)."""
        return self.has_class("-open")

    def set_open(self, open_: bool) -> None:
        """Open the panel, or collapse it back to its strip (under 110 columns)."""
        self.set_class(open_, "-open")

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        if isinstance(event.widget, PanelStrip):
            # Tab reached the collapsed panel: open it on its first list.
            self.set_open(True)
            first = self.first_focusable()
            if first is not None:
                self.screen.set_focus(first)
            return
        # A panel just opened (narrow terminals) is laid out on the next refresh: then bring the focused
        # part into view (the note editor sits below the fold of a 12-line panel).
        self.call_after_refresh(event.widget.scroll_visible, animate=False)

    def first_focusable(self) -> Widget | None:
        """The first widget of an open panel that takes focus (the tags list)."""
        return next((w for w in self.query("#panel-tags, #panel-flags, #panel-note") if w.focusable), None)
