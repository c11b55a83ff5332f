"""`BulkActions`: a tag or flag put on (or taken off) every marked event at once, after a question that
says how many; and `u`/`ctrl+r`, taking back the reader's last change or putting it back.

The screen asks: it hands over the marked events' ids and, when done, redraws the events a change touched
(`refresh(event_ids, days)`). Each bulk change is one `Library.annotate_many` call through the
`Annotator`: one write under the lock, one history record, so one `u` undoes it all.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from warreader.store.history import Change as Recorded
from warreader.store.records import normalise_tag
from warreader.tui.annotator import Annotator
from warreader.tui.screens import prompts

#: Shows a dialog and calls back with its answer (the app's `push_screen`).
Ask = Callable[[Any, Callable[[Any], Any]], Any]
#: Shows a notice: (message, severity).
Notify = Callable[[str, str], None]
#: Redraws what changed: the events' ids and the days whose own note changed.
Refresh = Callable[[Sequence[str], Sequence[int]], None]


def _events(count: int) -> str:
    return f"{count:,} event{'s' if count != 1 else ''}"


class BulkActions:
    """Bulk tag/flag changes on marked events, and undo/redo of the reader's changes."""

    def __init__(self, annotator: Annotator, ask: Ask, notify: Notify, refresh: Refresh) -> None:
        self.annotator = annotator
        self._ask = ask
        self._notify = notify
        self._refresh = refresh

    # -- many events at once --------------------------------------------------------------------------
    def add_tag(self, event_ids: list[str]) -> None:
        """Ask for a tag, then (confirmed) add it to every event of `event_ids`."""

        def tag_chosen(answer: str | None) -> None:
            tag = normalise_tag(answer or "")
            if tag:
                self._confirm(f"Tag {_events(len(event_ids))} with #{tag}?", event_ids, add_tags=[tag])

        self._ask(prompts.add_tag(self.annotator.all_tags()), tag_chosen)

    def toggle_tag(self, event_ids: list[str], tag: str) -> None:
        """Add `tag` to every event (or, when all carry it, remove it from all), confirmed."""
        count = _events(len(event_ids))
        if self.annotator.all_have(event_ids, tag=tag):
            self._confirm(f"Remove #{tag} from {count}?", event_ids, remove_tags=[tag])
        else:
            self._confirm(f"Tag {count} with #{tag}?", event_ids, add_tags=[tag])

    def toggle_flag(self, event_ids: list[str], flag: str) -> None:
        """Set `flag` on every event (or, when all carry it, clear it on all), confirmed."""
        count = _events(len(event_ids))
        if self.annotator.all_have(event_ids, flag=flag):
            self._confirm(f"Clear the flag {flag} on {count}?", event_ids, remove_flags=[flag])
        else:
            self._confirm(f"Flag {count} as {flag}?", event_ids, add_flags=[flag])

    def add_flag(self, event_ids: list[str]) -> None:
        """Ask for a flag of the user's own, then (confirmed) set it on every event."""

        def flag_chosen(answer: str | None) -> None:
            flag = (answer or "").strip()
            if flag:
                self.annotator.remember_flag(flag)
                self._confirm(f"Flag {_events(len(event_ids))} as {flag}?", event_ids, add_flags=[flag])

        self._ask(prompts.add_flag(self.annotator.own_flags()), flag_chosen)

    def _confirm(self, question: str, event_ids: list[str], **changes: list[str]) -> None:
        from warreader.tui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            changed = self.annotator.change_many(event_ids, **changes)
            if changed is None:
                return
            self._refresh(event_ids, ())
            unchanged = len(event_ids) - changed
            done = f"Done: {_events(changed)} changed"
            done += f" ({unchanged:,} had it so already)." if unchanged else "."
            self._notify(done + " u undoes it.", "information")

        self._ask(ConfirmDialog(question), answered)

    # -- taking changes back --------------------------------------------------------------------------
    def undo(self, *, redo: bool = False) -> Recorded | None:
        """Undo the reader's last change (or redo the last undo), redraw what it touched, and say what it
        was; a refusal (nothing to undo, a newer change elsewhere) is a warning."""
        result = self.annotator.undo(redo=redo)
        if isinstance(result, str):
            self._notify(result, "warning")
            return None
        if result is None:
            return None
        label = result.label
        if label.startswith("undo: "):
            said = f"Undid: {label.removeprefix('undo: ')}"
        else:
            said = f"Redid: {label.removeprefix('redo: ')}"
        events = [item.target for item in result.items if item.kind == "annotation"]
        days = [int(item.target) for item in result.items if item.kind == "day_note"]
        self._refresh(events, days)
        self._notify(said, "information")
        return result
