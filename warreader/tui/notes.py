"""`NoteKeeper`: the panel's note editor and the library kept in step, in the order keys were typed.

Keys typed into the editor go through its message queue, behind any still waiting there, while the
reader's command keys act as they arrive. So everything that changes which note the editor holds (another
event selected, `a`/`D`, leaving it) runs as a callback in the editor's own queue (`call_later`): after the
keys typed before it, which are saved to the note they were typed for. A burst like `j f a x Escape`
(a paste, a slow link) then puts the note "x" on the event the flag went to.

Saves go through `Annotator.save_note` with the note as the editor loaded it, so a note another process
changed meanwhile is kept beside the typed text; the keeper then shows what is stored and says so.
"""

from __future__ import annotations

from collections.abc import Callable

from warreader.tui.annotator import Annotator, DayNoteKey, EventNoteKey, NoteKey, NoteSaved
from warreader.tui.panel import NoteEditor

KEPT_BOTH = "This note was changed elsewhere while you typed: both versions are kept, yours last."


class NoteKeeper:
    """Loads, saves and follows the editor's note; the screen owns it and says what to show."""

    def __init__(
        self,
        editor: Callable[[], NoteEditor],
        annotator: Annotator,
        *,
        saved: Callable[[NoteSaved], None],
        reload: Callable[[], None],
    ) -> None:
        """`saved(note)` after every save (redraw what shows it); `reload()` reads the library again if
        another process changed it."""
        self._editor = editor
        self.annotator = annotator
        self._saved = saved
        self._reload = reload

    @property
    def editor(self) -> NoteEditor:
        return self._editor()

    def save(self) -> None:
        """Write the editor's pending typing, if any (the debounce timer, blur, Escape, quit, and before
        the editor is loaded with another note)."""
        editor = self.editor
        pending = editor.pending()
        if pending is None:
            return
        key, text = pending
        saved = self.annotator.save_note(key, text, editor.base)
        if saved is None:
            return  # (the annotator told the user why; the typing stays in the editor)
        editor.mark_saved(saved.text)
        if saved.kept_both:
            editor.notify(KEPT_BOTH, title="Note kept twice", severity="warning", timeout=10)
        self._saved(saved)

    def show(self, key: EventNoteKey | None, shown: str | None = None) -> None:
        """Load the note `key` (or, read-only, the text `shown`) once the keys already typed are in.
        (The last one asked for is the one left in the editor.)"""
        self.editor.call_later(self._show, key, shown)

    def _show(self, key: EventNoteKey | None, shown: str | None) -> None:
        editor = self.editor
        if editor.key == key and shown is None:
            return
        self.save()
        if shown is None:
            shown = self.annotator.stored_note(key) if key is not None else ""
        editor.load(key, shown)

    def edit(self, key: NoteKey) -> None:
        """Make the editor hold `key` as it is on disk now, the cursor at its end, before the keys typed
        after this one reach it (the caller focuses the editor)."""
        self.editor.call_later(self._edit, key)

    def _edit(self, key: NoteKey) -> None:
        self._reload()
        editor = self.editor
        stored = self.annotator.stored_note(key)
        if editor.key != key:
            self.save()
            editor.load(key, stored)
        else:
            editor.follow(stored)
        editor.move_cursor(editor.document.end)

    def leave(self, then: Callable[[], None]) -> None:
        """Save once the keys typed before leaving are in; then `then()` if a day's note was edited
        (the selected event's note goes back in the editor)."""
        self.editor.call_later(self._leave, then)

    def _leave(self, then: Callable[[], None]) -> None:
        self.save()
        if isinstance(self.editor.key, DayNoteKey):
            then()

    def follow(self) -> None:
        """Show the note as another process left it, unless typing is pending (it is saved beside it)."""
        editor = self.editor
        if editor.key is not None:
            editor.follow(self.annotator.stored_note(editor.key))
