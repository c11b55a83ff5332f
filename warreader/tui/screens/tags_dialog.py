"""The tags dialog (`ctrl+p` → Tags…): every tag in use with how many events carry it and when one of
them last changed; `r` renames the highlighted tag on every event (into an existing tag: a merge, and the
question says so), `x`/Delete removes it from every event after a question with the count. Every change
goes through the `Annotator` (origin "reader": `u` undoes it), and `changed()` lets the reader redraw."""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from warreader.store.records import TagStat, label_key, normalise_tag
from warreader.tui.annotator import Annotator
from warreader.tui.bindings import TAGS_DIALOG_BINDINGS
from warreader.tui.text import literal
from warreader.tui.widgets.key_bar import KeyBar


def _events(count: int) -> str:
    return f"{count:,} event{'s' if count != 1 else ''}"


def tag_row(stat: TagStat) -> Text:
    """`#drones           42  2024-11-08 14:02`: a tag, its count and when it was last used."""
    text = literal(f"#{stat.tag}", style="cyan")
    text.pad_right(max(0, 28 - text.cell_len))
    text.append(f"{stat.count:>6,}", style="bold")
    text.append(f"  {stat.last_used[:16].replace('T', ' ')}", style="dim")
    return text


class TagsDialog(ModalScreen[None]):
    """Every tag with its count and last use; rename, merge or remove one on every event."""

    BINDINGS: ClassVar[list[BindingType]] = list(TAGS_DIALOG_BINDINGS)

    def __init__(self, annotator: Annotator, changed: Callable[[list[str]], None]) -> None:
        super().__init__(id="tags-dialog")
        self.annotator = annotator
        self._changed = changed
        self._stats: list[TagStat] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Text("Tags: events · last used", style="bold"), classes="dialog-title")
            yield OptionList(id="tag-list", markup=False)
            yield Static("", id="tags-hint", classes="dialog-hint")
        yield KeyBar((("tags-rename", "Rename/merge"), ("tags-remove", "Remove")), (("tags-close", "Close"),))

    def on_mount(self) -> None:
        self._fill()
        self.query_one(OptionList).focus()

    def _fill(self, keep: str | None = None) -> None:
        self._stats = self.annotator.tag_stats()
        options = self.query_one(OptionList)
        options.set_options([Option(tag_row(stat), id=stat.tag) for stat in self._stats])
        hint = "r renames (into an existing tag: merges) · x removes · u in the reader undoes"
        if not self._stats:
            hint = "No tags yet: t tags the selected event."
        self.query_one("#tags-hint", Static).update(Text(hint, style="dim"))
        if self._stats:
            index = next((n for n, s in enumerate(self._stats) if s.tag == keep), 0)
            options.highlighted = index

    def _highlighted(self) -> TagStat | None:
        options = self.query_one(OptionList)
        index = options.highlighted
        return self._stats[index] if index is not None and 0 <= index < len(self._stats) else None

    def action_rename(self) -> None:
        """Ask for the new name, then rename (asking first when that merges into an existing tag)."""
        stat = self._highlighted()
        if stat is None:
            return
        from warreader.tui.screens.dialogs import PromptDialog

        self.app.push_screen(
            PromptDialog(f"Rename #{stat.tag} to…", value=stat.tag, id="rename-tag-dialog"),
            lambda answer: self._renaming(stat, answer),
        )

    def _renaming(self, stat: TagStat, answer: str | None) -> None:
        new = normalise_tag(answer or "")
        if not new or new == stat.tag:
            return
        into = next(
            (s for s in self._stats if label_key(s.tag) == label_key(new) and s.tag != stat.tag), None
        )
        if into is None or label_key(into.tag) == label_key(stat.tag):
            self._rename(stat, new)
            return
        from warreader.tui.screens.dialogs import ConfirmDialog

        question = (
            f"#{into.tag} exists ({_events(into.count)}): merge #{stat.tag} ({_events(stat.count)}) into it?"
        )
        self.app.push_screen(
            ConfirmDialog(question), lambda yes: self._rename(stat, into.tag) if yes else None
        )

    def _carrying(self, tag: str) -> list[str]:
        """The events that carry `tag` now (to redraw after a change)."""
        key = label_key(tag)
        return [a.event_id for a in self.annotator.annotations() if any(label_key(t) == key for t in a.tags)]

    def _rename(self, stat: TagStat, new: str) -> None:
        carrying = self._carrying(stat.tag)
        changed = self.annotator.rename_tag(stat.tag, new)
        if changed is None:
            return
        merged = any(label_key(s.tag) == label_key(new) for s in self._stats if s.tag != stat.tag)
        done = "Merged" if merged else "Renamed"
        self.notify(f"{done} #{stat.tag} into #{new} on {_events(changed)}.", timeout=4, markup=False)
        self._fill(keep=new)
        self._changed(carrying)

    def action_remove(self) -> None:
        """Ask, with the count, then remove the highlighted tag from every event."""
        stat = self._highlighted()
        if stat is None:
            return
        from warreader.tui.screens.dialogs import ConfirmDialog

        def answered(yes: bool | None) -> None:
            if not yes:
                return
            carrying = self._carrying(stat.tag)
            changed = self.annotator.remove_tag(stat.tag)
            if changed is not None:
                self.notify(f"Removed #{stat.tag} from {_events(changed)}.", timeout=4, markup=False)
                self._fill()
                self._changed(carrying)

        self.app.push_screen(ConfirmDialog(f"Remove #{stat.tag} from {_events(stat.count)}?"), answered)

    def action_cancel(self) -> None:
        """Close the dialog."""
        self.dismiss(None)
