"""The day-list pane: its views (all days, flagged, tagged with X, with notes, orphaned notes), how its
rows open days and events, and its day markers. Part of `ReaderScreen`."""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.screen import Screen

from warreader.errors import WarreaderError
from warreader.tui.text import literal
from warreader.tui.views import VIEW_KINDS, ViewSpec, annotation_row, day_row, filter_annotations
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.row_list import RowList

if TYPE_CHECKING:
    from warreader.tui.screens.reader import ReaderScreen


class DayListMixin(Screen):
    """Views and rows of the day list.

    A `Screen` base of `ReaderScreen` rather than a plain mixin: Textual only collects `@on` handlers
    from classes built by its message-pump metaclass.
    """

    # -- the day-list pane's views ------------------------------------------------------------------
    def _format_row(self: ReaderScreen, item: Any) -> Text:
        return day_row(item) if self.view.kind == "all" else annotation_row(item)

    def _show_view_rows(self: ReaderScreen) -> None:
        if self.view.kind == "all":
            items: list[Any] = self.days
            cursor = self.day_index.get(self.current_day, 0)
        else:
            try:
                annotations = self.library.annotations()
            except WarreaderError as error:
                self.notify(str(error), title="Cannot read the annotations", severity="error")
                annotations = []
            items = filter_annotations(annotations, self.view)
            cursor = 0
        title = Text(self.view.title, style="bold")
        title.append(f"  {len(items)}", style="dim")
        title.append("  v/V", style="dim italic")
        # The pane's border title (a Text: never parsed as markup, whatever the tag is called).
        self.day_list.border_title = title
        # A filtered view opens its first row at once; "all days" keeps the day already open.
        self.day_list.set_items(items, cursor, announce=self.view.kind != "all")
        if not items and self.view.kind != "all":
            self.notify(f"{self.view.title}: nothing yet.", timeout=2)

    def set_view(self: ReaderScreen, view: ViewSpec) -> None:
        """Show `view` in the day-list pane."""
        self.view = view
        self._show_view_rows()

    def action_cycle_view(self: ReaderScreen) -> None:
        """All days → flagged → tagged → with notes → orphaned notes → all days."""
        kind = VIEW_KINDS[(VIEW_KINDS.index(self.view.kind) + 1) % len(VIEW_KINDS)]
        tag = self.view.tag
        if kind == "tagged" and not tag:
            tags = self._all_tags()
            if not tags:
                kind = "notes"  # nothing is tagged yet: skip the view that would be empty
            else:
                tag = tags[0]
        self.set_view(ViewSpec(kind, tag))

    def action_choose_view(self: ReaderScreen) -> None:
        """Pick any view, including "tagged with X" for each tag in the library."""
        choices: list[tuple[str, Text | str]] = [
            ("all", "All days"),
            ("flagged", "Flagged events"),
            ("notes", "Events with notes"),
            ("orphans", "Orphaned notes"),
        ]
        for tag in self._all_tags():
            label = Text("Tagged ")
            label.append_text(literal(f"#{tag}", style="cyan"))
            choices.append((f"tag:{tag}", label))

        def done(choice: str | None) -> None:
            if choice is None:
                return
            if choice.startswith("tag:"):
                self.set_view(ViewSpec("tagged", choice[4:]))
            else:
                self.set_view(ViewSpec(choice, self.view.tag))

        from warreader.tui.screens.dialogs import ChoiceDialog  # dialogs load on first use

        self.app.push_screen(ChoiceDialog("Day-list view", choices, current=self.view.kind), done)

    @on(RowList.Highlighted, "#days")
    def _row_highlighted(self: ReaderScreen, message: RowList.Highlighted) -> None:
        item = message.item
        if self.view.kind == "all":
            if item.day != self.current_day:
                self.open_day(item.day)
        elif self.view.kind == "orphans":
            self.panel.show_event(None, item, pinned=self.settings.pinned_tags)
        elif item.day is not None:
            if item.day == self.current_day and self.mode == "day-view":
                self.query_one("#events", EventList).select_event(item.event_id)
            else:
                self.open_day(item.day, item.event_id)

    @on(RowList.Selected, "#days")
    def _row_selected(self: ReaderScreen, message: RowList.Selected) -> None:
        if self.view.kind != "orphans":
            self.query_one("#events", EventList).focus()

    def refresh_day_marker(self: ReaderScreen, day: int | None) -> None:
        """Recount a day's annotated/flagged events after a write and redraw its row in place."""
        if day is None or day not in self.day_index:
            return
        index = self.day_index[day]
        if day == self.current_day:
            ids = list(self.query_one("#events", EventList).infos)
        else:
            bulletin = self.library.bulletin(day)
            ids = [e.id for _, e in bulletin.iter_events()] if bulletin else []
        annotations = [a for a in self.annotations_for(ids).values() if a is not None]
        summary = replace(
            self.days[index], annotated=len(annotations), flagged=sum(1 for a in annotations if a.flags)
        )
        self.days[index] = summary
        if self.view.kind == "all":
            self.day_list.refresh_item(index, summary)
