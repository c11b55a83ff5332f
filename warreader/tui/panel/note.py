"""The note editor: the selected event's note (or the open day's), saved as you type.

The editor remembers which note it holds (`key`) and the note as stored when it was loaded or last saved
(`base`). The screen saves with that base, so a note changed by another process meanwhile is kept beside
the typed text (see `Annotator.save_note`); and when the library changes on disk while nothing typed is
pending, `follow` shows the new text. Its border and title say at a glance whether it is taking typing.

Keys typed into it go through its message queue, behind any still waiting there: so whatever changes the
note it holds (another event's, leaving it) is done by a callback in that same queue (`call_later`), and
so always after the keys typed before (see `ReaderScreen.show_selection`). Escape is the screen's.
"""

from __future__ import annotations

from textual import events, on
from textual.app import ComposeResult
from textual.timer import Timer
from textual.widgets import TextArea
from textual.widgets.text_area import Location

from warreader.tui.annotator import DayNoteKey, NoteKey
from warreader.tui.panel.messages import NoteSaveDue
from warreader.tui.panel.sections import PanelSection, PanelSubject
from warreader.tui.text import clean

#: How long typing must pause before the note is written (it is also written on blur, Escape and quit).
NOTE_DEBOUNCE_SECONDS = 0.3


class NoteEditor(TextArea):
    """The note in the panel; saves as you type (debounced), on blur and on Escape."""

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(
            "", id=id, classes=classes, soft_wrap=True, show_line_numbers=False, tab_behavior="focus"
        )
        #: Which note is in the editor (None: nothing to edit).
        self.key: NoteKey | None = None
        #: The note as stored when the editor loaded or last saved it: what a save is typed over.
        self.base = ""
        #: The editor's text for `base` (control characters removed): anything else is unsaved typing.
        self.saved_text = ""
        self._timer: Timer | None = None

    def load(self, key: NoteKey | None, stored: str) -> None:
        """Show the stored note `stored` for `key` (the caller saved any pending typing first).

        Control characters (an ESC pasted from a terminal, say) are removed before display: TextArea would
        hand them to the terminal as they are. The stored note is untouched unless the user edits it.
        """
        shown = clean(stored, single_line=False)
        self._cancel_timer()
        same_note = key == self.key
        self.key, self.base, self.saved_text = key, stored, shown
        if self.text != shown:
            cursor = self.cursor_location
            self.load_text(shown)
            if same_note:  # the same note, changed on disk: keep the cursor where it was
                self.move_cursor(_clamped(cursor, self))
        self.disabled = key is None
        self._show_title()

    def follow(self, stored: str) -> bool:
        """The note changed on disk to `stored`: show it unless typing is pending. True when shown."""
        if self.key is None or self.pending() is not None or stored == self.base:
            return False
        self.load(self.key, stored)
        return True

    def pending(self) -> tuple[NoteKey, str] | None:
        """(which note, text) when the editor holds typing not yet written, else None."""
        if self.key is None or self.text == self.saved_text:
            return None
        return self.key, self.text

    def mark_saved(self, stored: str) -> None:
        """The screen wrote the editor's text and the store now holds `stored` (the same text, unless
        another version was kept beside it: then the editor shows what is stored)."""
        self._cancel_timer()
        if clean(stored, single_line=False) != self.text:
            assert self.key is not None
            self.load(self.key, stored)
        else:
            self.base, self.saved_text = stored, self.text

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

    def on_focus(self, _: events.Focus) -> None:
        self._show_title()

    def on_blur(self, _: events.Blur) -> None:
        self._show_title()
        if self.pending() is not None:
            self.post_message(NoteSaveDue())

    def _show_title(self) -> None:
        """The border title says which note this is, and whether typing goes into it now."""
        key = self.key
        if isinstance(key, DayNoteKey):
            name, edit_key = f"Day {key.day} note", "D"
        else:
            name, edit_key = "Note", "a"
        # (`screen.focused`, not `has_focus`: this runs on the Focus event, before Textual sets has_focus.)
        if key is not None and self.is_mounted and self.screen.focused is self:
            title = f"✎ TYPING · {name} · Esc leaves"
        elif key is not None:
            title = f"{name} · {edit_key} edits"
        else:
            title = name
        if self.border_title != title:
            self.border_title = title


def _clamped(location: Location, editor: TextArea) -> Location:
    row, column = location
    last_row = editor.document.line_count - 1
    row = min(row, last_row)
    return row, min(column, len(editor.document.get_line(row)))


class NoteSection(PanelSection):
    """The note editor (an event's note, or the day's while `D` edits it)."""

    def compose(self) -> ComposeResult:
        self.editor = NoteEditor(id="panel-note")
        yield self.editor

    def show(self, subject: PanelSubject) -> None:
        """Nothing to do here: the screen loads the editor in the order of the keys typed into it."""
