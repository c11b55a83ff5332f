"""`DayListView`: the left pane. Every day, newest first, or one of the filtered views of annotations.

It owns the day list (and each day's markers), the view shown (`ViewSpec`) and its rows; it posts
`DayChosen` when its cursor moves onto a day or an annotated event, `OrphanChosen` onto an orphaned note,
and `Entered` on Enter. The screen opens the day; it tells the list which day is open with `mark_open`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from rich.text import Text
from textual import on
from textual.message import Message

from warreader.errors import WarreaderError
from warreader.store import Annotation, DaySummary, Library
from warreader.tui.annotator import Annotator
from warreader.tui.day_rows import VIEW_KINDS, ViewSpec, annotation_row, day_row, filter_annotations
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.row_list import RowList

#: A row of the day list: a day, or (in a filtered view) an annotation.
DayListRow = DaySummary | Annotation


class DayListView(RowList[DayListRow]):
    """The day list and its views; see the module docstring."""

    DEFAULT_CLASSES = "pane"

    @dataclass
    class DayChosen(Message):
        """The cursor is on `day` (with `event_id` selected, in a filtered view)."""

        day: int
        event_id: str | None = None

    @dataclass
    class OrphanChosen(Message):
        """The cursor is on an orphaned note (its event is gone)."""

        annotation: Annotation

    @dataclass
    class Entered(Message):
        """Enter on a row: the user wants to read it."""

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(self._format, id=id)
        self.library = library
        self.annotator = annotator
        #: Every day, newest first, and day number → index in that list.
        self.days: list[DaySummary] = []
        self.day_index: dict[int, int] = {}
        self.view = ViewSpec()
        self.open_day: int | None = None

    def _format(self, row: DayListRow, width: int) -> Text:
        return day_row(row, width) if isinstance(row, DaySummary) else annotation_row(row, width)

    # -- the days -----------------------------------------------------------------------------------
    def set_days(self, days: Sequence[DaySummary]) -> bool:
        """The library's day list (read again); True when it changed."""
        days = list(days)
        if days == self.days:
            return False
        self.days = days
        self.day_index = {d.day: n for n, d in enumerate(days)}
        return True

    def read_days(self) -> bool:
        """Read the day list from the library again; True when it changed (`show_rows` shows it)."""
        try:
            days = self.library.days()
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the day list", severity="error")
            return False
        return self.set_days(days)

    def refresh_days(self) -> None:
        """Read the day list again and redraw it if it changed (e.g. exact markers once the whole library
        is loaded); the cursor stays."""
        if self.read_days() and self.view.kind == "all":
            self.show_rows(keep_cursor=True)

    def summary(self, day: int) -> DaySummary | None:
        """The day's row of the day list, or None."""
        index = self.day_index.get(day)
        return self.days[index] if index is not None else None

    def day_after(self, day: int | None, step: int) -> int | None:
        """The day `step` days newer (+1) or older (-1) than `day`, or None past either end."""
        index = self.day_index.get(day, 0) if day is not None else 0
        index -= step
        return self.days[index].day if 0 <= index < len(self.days) else None

    def mark_open(self, day: int) -> None:
        """`day` is open in the day view: the cursor follows it in the "all days" view (no message)."""
        self.open_day = day
        if self.view.kind == "all" and day in self.day_index:
            self.move_to(self.day_index[day], announce=False)

    def annotation_changed(self, day: int) -> None:
        """An annotation of `day` changed: recount its markers, and list a filtered view again."""
        self.recount(day)
        if self.view.kind != "all":
            self.show_rows(keep_cursor=True)

    def recount(self, day: int) -> DaySummary | None:
        """Recount `day`'s annotated and flagged events after a write and redraw its row in place; the new
        summary, or None when the day is not listed."""
        if day not in self.day_index:
            return None
        try:
            bulletin = self.library.bulletin(day)
        except WarreaderError as error:
            self.notify(str(error), title="Cannot read the day", severity="error")
            return None
        event_ids = [event.id for _, event in bulletin.iter_events()] if bulletin is not None else []
        annotations = self.annotator.annotations_for(event_ids).values()
        index = self.day_index[day]
        summary = replace(
            self.days[index], annotated=len(annotations), flagged=sum(1 for a in annotations if a.flags)
        )
        self.days[index] = summary
        if self.view.kind == "all":
            self.refresh_item(index, summary)
        return summary

    # -- the views ----------------------------------------------------------------------------------
    def show_view(self, view: ViewSpec) -> None:
        """Show `view` in the pane."""
        self.view = view
        self.show_rows()

    def cycle_view(self) -> None:
        """All days → flagged → tagged → with notes → orphaned notes → all days."""
        kind = VIEW_KINDS[(VIEW_KINDS.index(self.view.kind) + 1) % len(VIEW_KINDS)]
        tag = self.view.tag
        if kind == "tagged" and not tag:
            tags = self.annotator.all_tags()
            if not tags:
                kind = "notes"  # nothing is tagged yet: skip the view that would be empty
            else:
                tag = tags[0]
        self.show_view(ViewSpec(kind, tag))

    def show_rows(self, *, keep_cursor: bool = False) -> None:
        """Fill the rows of the current view (a filtered view announces its first row: it opens it)."""
        rows: Sequence[DayListRow]
        if self.view.kind == "all":
            rows = self.days
            cursor = self.day_index.get(self.open_day, 0) if self.open_day is not None else 0
        else:
            rows = filter_annotations(self.annotator.annotations(), self.view)
            cursor = (self.cursor or 0) if keep_cursor else 0
        title = Text(self.view.title, style="bold")
        title.append(f"  {len(rows)}", style="dim")
        title.append("  v/V", style="dim italic")
        self.border_title = title  # a Text: never parsed as markup, whatever the tag is called
        self.set_items(rows, cursor, announce=self.view.kind != "all" and not keep_cursor)
        if not rows and self.view.kind != "all":
            self.notify(f"{self.view.title}: nothing yet.", timeout=2)

    # -- the cursor ---------------------------------------------------------------------------------
    @on(CursorList.Highlighted)
    def _highlighted(self, message: CursorList.Highlighted) -> None:
        message.stop()
        row = self.current
        if isinstance(row, DaySummary):
            if row.day != self.open_day:
                self.post_message(self.DayChosen(row.day))
        elif row is not None and row.orphan:
            self.post_message(self.OrphanChosen(row))
        elif row is not None and row.day is not None:
            self.post_message(self.DayChosen(row.day, row.event_id))

    @on(CursorList.Selected)
    def _selected(self, message: CursorList.Selected) -> None:
        message.stop()
        self.post_message(self.Entered())
