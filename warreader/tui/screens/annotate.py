"""Annotating the selected event: tags, pinned tags, flags and the note. Part of `ReaderScreen`.

Every write goes through `Library.annotate`, which returns once the change is durable on disk; the
screen then redraws that one event, the panel and the day's marker in place.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Any

from textual import on
from textual.screen import Screen

from warreader.errors import WarreaderError
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.tag_panel import (
    LeaveNote,
    NoteSaveDue,
    RemoveTag,
    ToggleFlag,
    TogglePin,
    day_of_note_key,
)

if TYPE_CHECKING:
    from warreader.tui.screens.reader import ReaderScreen


class AnnotateMixin(Screen):
    """Actions and message handlers that change annotations.

    A `Screen` base of `ReaderScreen` rather than a plain mixin: Textual only collects `@on` handlers
    from classes built by its message-pump metaclass.
    """

    # -- reading ------------------------------------------------------------------------------------
    def annotation(self: ReaderScreen, event_id: str) -> Any | None:
        """The event's annotation, or None (errors are shown, never raised into a keypress)."""
        try:
            return self.library.annotation(event_id)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the annotation", severity="error")
            return None

    def annotations_for(self: ReaderScreen, event_ids: Iterable[str]) -> dict[str, Any]:
        """event id → annotation for the ids that have one."""
        found: dict[str, Any] = {}
        for event_id in event_ids:
            annotation = self.annotation(event_id)
            if annotation is not None:
                found[event_id] = annotation
        return found

    def _all_tags(self: ReaderScreen) -> list[str]:
        try:
            return list(self.library.all_tags())
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the tags", severity="error")
            return []

    # -- writing ------------------------------------------------------------------------------------
    def _target(self: ReaderScreen) -> str | None:
        event_id = self.selected_event_id
        if event_id is None:
            self.notify("Select an event first.", severity="warning", timeout=2)
        return event_id

    def apply(self: ReaderScreen, event_id: str, **changes: Any) -> bool:
        """`Library.annotate(event_id, **changes)`, then redraw what shows that event."""
        try:
            annotation = self.library.annotate(event_id, **changes)
        except (WarreaderError, OSError) as error:
            self.notify(str(error), title="Not saved", severity="error", timeout=8)
            return False
        for event_list in self.lists():
            event_list.refresh_event(event_id, annotation)
        if event_id == self.selected_event_id:
            info = self.active_list.infos.get(event_id)
            self.panel.show_event(
                info,
                annotation,
                pinned=self.settings.pinned_tags,
                custom_flags=self.settings.custom_flags,
                load_note=False,
            )
        info = self.active_list.infos.get(event_id) or self.query_one("#events", EventList).infos.get(
            event_id
        )
        self.refresh_day_marker(info.day if info else None)
        if self.view.kind != "all":
            self._refresh_filtered_rows()
        return True

    def _refresh_filtered_rows(self: ReaderScreen) -> None:
        """A filtered view lists annotations; rebuild it (a few thousand rows at most) keeping the cursor."""
        cursor = self.day_list.cursor
        self._show_view_rows()
        self.day_list.move_to(cursor, announce=False)

    def save_note(self: ReaderScreen) -> None:
        """Write the note editor's pending text, if any (called by the debounce timer, blur, Escape, quit,
        and before the editor is loaded with another event)."""
        editor = self.panel.note_editor
        pending = editor.pending()
        if pending is None:
            return
        event_id, text = pending
        day = day_of_note_key(event_id)
        if day is not None:
            if self.write_day_note(day, text):
                editor.mark_saved(text)
        elif self.apply(event_id, note=text):
            editor.mark_saved(text)

    # -- the day's own note -------------------------------------------------------------------------
    def day_note_text(self: ReaderScreen, day: int) -> str:
        """The whole day's note, or "" (errors are shown, never raised into a keypress)."""
        try:
            note = self.library.day_note(day)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the day note", severity="error")
            return ""
        return (getattr(note, "note", "") or "") if note is not None else ""

    def write_day_note(self: ReaderScreen, day: int, text: str) -> bool:
        """`Library.set_day_note` (blank text deletes it), then redraw the day's header."""
        try:
            self.library.set_day_note(day, text)
        except (WarreaderError, OSError) as error:
            self.notify(str(error), title="Day note not saved", severity="error", timeout=8)
            return False
        if day == self.current_day:
            bulletin = self.library.bulletin(day)
            if bulletin is not None:
                self._show_day_header(bulletin)
        return True

    def action_edit_day_note(self: ReaderScreen) -> None:
        """Edit the open day's own note in the panel's editor (saves as you type)."""
        if self.current_day is None:
            self.notify("Open a day first.", severity="warning", timeout=2)
            return
        self.save_note()
        self.panel.show_day_note(self.current_day, self.day_note_text(self.current_day))
        editor = self.panel.note_editor
        editor.disabled = False
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)

    # -- tags ---------------------------------------------------------------------------------------
    def action_add_tag(self: ReaderScreen) -> None:
        """Ask for a tag (completing existing ones) and add it to the selected event."""
        event_id = self._target()
        if event_id is None:
            return

        from warreader.tui.screens.dialogs import PromptDialog  # dialogs load on first use

        def done(tag: str | None) -> None:
            if tag:
                self.apply(event_id, add_tags=[tag])

        self.app.push_screen(
            PromptDialog("Add a tag", placeholder="tag", suggestions=self._all_tags(), id="tag-dialog"), done
        )

    def action_toggle_pinned(self: ReaderScreen, number: int) -> None:
        """Add or remove the tag pinned to `number` (settings' pinned_tags) on the selected event."""
        pinned = self.settings.pinned_tags
        if number > len(pinned):
            self.notify(
                f"No tag is pinned to {number}. Highlight a tag in the panel and press p to pin it.",
                severity="warning",
                timeout=4,
            )
            return
        event_id = self._target()
        if event_id is None:
            return
        tag = pinned[number - 1]
        annotation = self.annotation(event_id)
        has = annotation is not None and any(t.casefold() == tag.casefold() for t in annotation.tags)
        self.apply(event_id, remove_tags=[tag]) if has else self.apply(event_id, add_tags=[tag])

    @on(RemoveTag)
    def _remove_tag(self: ReaderScreen, message: RemoveTag) -> None:
        event_id = self._target()
        if event_id is not None:
            self.apply(event_id, remove_tags=[message.tag])

    @on(TogglePin)
    def _toggle_pin(self: ReaderScreen, message: TogglePin) -> None:
        pinned = self.settings.pinned_tags
        key = message.tag.casefold()
        if any(t.casefold() == key for t in pinned):
            self.settings.pinned_tags = [t for t in pinned if t.casefold() != key]
            text = f"Unpinned #{message.tag}."
        elif len(pinned) >= 9:
            self.notify("Nine tags are pinned already; unpin one first.", severity="warning")
            return
        else:
            self.settings.pinned_tags = [*pinned, message.tag]
            text = f"Pinned #{message.tag} to {len(self.settings.pinned_tags)}."
        self.app.save_settings()
        self.notify(text, timeout=2)
        self._show_selected()

    # -- flags --------------------------------------------------------------------------------------
    def toggle_flag(self: ReaderScreen, flag: str) -> None:
        """Set `flag` on the selected event, or clear it when set."""
        event_id = self._target()
        if event_id is None:
            return
        annotation = self.annotation(event_id)
        has = annotation is not None and any(f.casefold() == flag.casefold() for f in annotation.flags)
        self.apply(event_id, remove_flags=[flag]) if has else self.apply(event_id, add_flags=[flag])

    def action_toggle_important(self: ReaderScreen) -> None:
        """Flag or unflag the selected event as important."""
        self.toggle_flag("important")

    def action_add_flag(self: ReaderScreen) -> None:
        """Ask for a flag of the user's own, set it, and offer it in the panel from now on."""
        if self._target() is None:
            return
        from warreader.tui.screens.dialogs import PromptDialog

        def done(flag: str | None) -> None:
            if not flag:
                return
            if flag.casefold() not in {
                f.casefold() for f in (*self.settings.custom_flags, "important", "verify", "follow-up")
            }:
                self.settings.custom_flags = [*self.settings.custom_flags, flag]
                self.app.save_settings()
            self.toggle_flag(flag)

        self.app.push_screen(
            PromptDialog("Set a flag", placeholder="e.g. geolocate", suggestions=self.settings.custom_flags),
            done,
        )

    @on(ToggleFlag)
    def _toggle_flag_message(self: ReaderScreen, message: ToggleFlag) -> None:
        self.toggle_flag(message.flag)

    # -- the note -----------------------------------------------------------------------------------
    def action_edit_note(self: ReaderScreen) -> None:
        """Focus the note editor for the selected event."""
        if self._target() is None:
            return
        editor = self.panel.note_editor
        editor.disabled = False
        # set_focus now, not focus() (which waits for the next loop turn): keys typed right after `a`
        # must land in the note, not run as commands.
        self.set_focus(editor)
        editor.move_cursor(editor.document.end)

    @on(NoteSaveDue)
    def _note_save_due(self: ReaderScreen, _: NoteSaveDue) -> None:
        self.save_note()

    @on(LeaveNote)
    def _leave_note(self: ReaderScreen, _: LeaveNote) -> None:
        self.save_note()
        if day_of_note_key(self.panel.note_editor.event_id) is not None:
            self._show_selected()  # the selected event's note back in the editor
        self.active_list.focus()
