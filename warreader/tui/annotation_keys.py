"""`AnnotationKeys`: what the reader's annotation keys do (`t`, `1`–`9`, `f`, `F`, `u`/`ctrl+r`, *Tags…*)
and the panel's own requests (remove a tag, set or clear a flag, pin a tag).

A key acts on every marked row when the centre pane has marks (through `BulkActions`, after a question
that gives the count), else on the event the panel shows: `target` first brings the panel in step with the
cursor, so keys sent in one burst never act on one event while the panel shows another. Every change goes
through the `Annotator`; what changed is handed back through `changed` (one event) or `changed_many` (a
bulk change, an undo, a rename). The screen binds the keys and calls these methods; this object holds no
widget of its own and never reaches the screen.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING

from warreader.tui.annotator import Annotator, Change
from warreader.tui.bulk import Ask, BulkActions
from warreader.tui.panel import TagPanel
from warreader.tui.screens import prompts

if TYPE_CHECKING:
    from warreader.tui.screens.dialogs import PromptDialog


@dataclass
class AnnotationKeys:
    """The annotation keys' actions; see the module docstring."""

    annotator: Annotator
    bulk: BulkActions
    panel: TagPanel
    #: The event a key acts on, the panel then showing it (None: nothing selected, and the user was told).
    target: Callable[[], str | None]
    #: The ids of the rows marked in the centre pane (empty: act on the target).
    marked: Callable[[], list[str]]
    #: Shows a dialog and calls back with its answer (the app's `push_screen`).
    ask: Ask
    #: A short notice.
    notify: Callable[[str], None]
    #: Redraws one event whose annotation changed (None: the change failed, the user was told why).
    changed: Callable[[Change | None], None]
    #: Redraws the events and day notes a change of many touched.
    changed_many: Callable[[Sequence[str], Sequence[int]], None]
    #: Shows the panel's event again (the pinned numbers changed).
    repaint_panel: Callable[[], None]
    #: Writes the note being typed (before an undo or a rename, which are changes of their own).
    save_note: Callable[[], None]

    def add_tag(self) -> None:
        """Ask for a tag (completing existing ones) and add it to the selected event (or, confirmed, to
        every marked one)."""
        marked = self.marked()
        if marked:
            self.bulk.add_tag(marked)
            return
        self.panel.set_open(True)  # a collapsed panel shows the tags while the dialog is up
        self._ask_then_apply(prompts.add_tag(self.annotator.all_tags()), self.annotator.add_tag)

    def toggle_pinned(self, number: int) -> None:
        """Add or remove the tag pinned to `number` on the selected event (or on every marked one)."""
        tag = self.annotator.pinned_tag(number)
        if tag is None:
            return
        marked = self.marked()
        if marked:
            self.bulk.toggle_tag(marked, tag)
            return
        event_id = self.target()
        if event_id is not None:
            self.changed(self.annotator.toggle_tag(event_id, tag))

    def toggle_important(self) -> None:
        """Flag or unflag the selected event (or every marked one) as important."""
        marked = self.marked()
        if marked:
            self.bulk.toggle_flag(marked, "important")
            return
        event_id = self.target()
        if event_id is not None:
            self.changed(self.annotator.toggle_flag(event_id, "important"))

    def add_flag(self) -> None:
        """Ask for a flag of the user's own, set it (on every marked event, confirmed, if any are marked),
        and offer it in the panel from now on."""
        marked = self.marked()
        if marked:
            self.bulk.add_flag(marked)
            return
        self._ask_then_apply(prompts.add_flag(self.annotator.own_flags()), self.annotator.set_own_flag)

    def _ask_then_apply(self, dialog: PromptDialog, change: Callable[[str, str], Change | None]) -> None:
        """Ask `dialog` about the selected event, then apply `change(event id, answer)` to it."""
        event_id = self.target()
        if event_id is not None:
            self.ask(dialog, partial(self._apply_answer, change, event_id))

    def _apply_answer(
        self, change: Callable[[str, str], Change | None], event_id: str, answer: str | None
    ) -> None:
        if answer:
            self.changed(change(event_id, answer))

    # -- the panel's requests, on the event it shows ----------------------------------------------------
    def remove_tag(self, tag: str) -> None:
        if self.panel.event_id is not None:
            self.changed(self.annotator.change(self.panel.event_id, remove_tags=[tag]))

    def toggle_flag(self, flag: str) -> None:
        if self.panel.event_id is not None:
            self.changed(self.annotator.toggle_flag(self.panel.event_id, flag))

    def toggle_pin(self, tag: str) -> None:
        done = self.annotator.toggle_pin(tag)
        if done is not None:
            self.notify(done)
            self.repaint_panel()

    # -- taking back, and every tag at once --------------------------------------------------------------
    def undo(self, redo: bool = False) -> None:
        """Undo the last change made in the reader (`redo`: put back the last one undone)."""
        self.save_note()  # a note being typed is a change of its own, saved before going back
        self.bulk.undo(redo=redo)

    def tags(self) -> None:
        """Every tag with its count and last use: rename, merge or remove one on every event."""
        from warreader.tui.screens.tags_dialog import TagsDialog

        self.save_note()
        self.ask(TagsDialog(self.annotator, lambda ids: self.changed_many(ids, ())), lambda _: None)
