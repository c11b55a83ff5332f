"""`ReaderScreen`: the day list, a view of the centre pane (a day, the search, a storyline) and the tagging
panel, with the key bar under them.

The screen routes and nothing else: the views own their widgets, state and workers and post messages up;
the screen calls the view that must act (attributes down), keeps the panel showing what the centre pane
has selected, and asks the `Annotator` for every change to an annotation. Navigation keys are bound here
so they work from any pane.

A key acts on the event the panel shows when the key is handled: before an annotation key runs, the panel
is brought in step with the centre pane's cursor (`_target`), so keys sent in one burst (a paste, a slow
link) never act on one event while the panel shows another.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import partial
from typing import TYPE_CHECKING, ClassVar

from textual import events, on
from textual.app import ComposeResult
from textual.binding import BindingType
from textual.message import Message
from textual.screen import Screen
from textual.widget import Widget
from textual.widgets import Input

from warreader.errors import WarreaderError
from warreader.settings import Settings
from warreader.store import Annotation, EventRef, Library
from warreader.tui.annotation_keys import AnnotationKeys
from warreader.tui.annotator import Annotator, Change, DayNoteKey, EventNoteKey, NoteSaved
from warreader.tui.bindings import SCREEN_BINDINGS
from warreader.tui.bulk import BulkActions
from warreader.tui.facts_keeper import FactsKeeper
from warreader.tui.find_keys import FindKeys
from warreader.tui.notes import NoteKeeper
from warreader.tui.paint import QuietFocusScreen
from warreader.tui.panel import (
    NoteSaveDue,
    PanelSubject,
    RemoveTag,
    TagPanel,
    ToggleFlag,
    TogglePin,
)
from warreader.tui.screens import prompts
from warreader.tui.sources_keeper import SourcesKeeper
from warreader.tui.views import CenterPane, CenterView, DayListView, DayView, OpenEvent, SelectionShown
from warreader.tui.views_keeper import ViewsKeeper
from warreader.tui.widgets.cursor_list import CursorList, Move
from warreader.tui.widgets.key_bar import KeyBar, hints_for

if TYPE_CHECKING:
    from warreader.facts.queries import FactsIndex

#: How often the library is checked for another process's writes (a stat of two files): a note changed
#: from the command line shows in the editor within this and a frame.
RELOAD_SECONDS = 1.0
#: Under this many columns the panel is a strip under the centre pane (the screen's class `-compact`).
COMPACT_BELOW = 110


@dataclass
class FirstDayShown(Message):
    """The reader's first screen, with the newest day, has been painted (for the app)."""


@dataclass
class LibraryReloaded(Message):
    """Another process changed the library and the reader shows it now (the app re-indexes)."""


def size_classes(width: int, height: int, screen: Screen[None]) -> list[str]:
    """The screen's breakpoint classes for a terminal of `width` × `height`, and `-compact` (under 110
    columns, where the panel is a strip) for both sizes that share that layout."""
    classes = [
        next(name for limit, name in reversed(breakpoints) if size >= limit)
        for breakpoints, size in (
            (screen.HORIZONTAL_BREAKPOINTS or [], width),
            (screen.VERTICAL_BREAKPOINTS or [], height),
        )
    ]
    return classes + (["-compact"] if width < COMPACT_BELOW else [])


class ReaderScreen(QuietFocusScreen):
    """The reader: pick a day on the left, read and select events in the middle, annotate on the right."""

    BINDINGS: ClassVar[list[BindingType]] = list(SCREEN_BINDINGS)
    """All reader keys, matched as they arrive; see `warreader.tui.bindings` (ids, tooltips, help)."""

    HORIZONTAL_BREAKPOINTS = [
        (0, "-tiny"),
        (60, "-narrow"),
        (110, "-normal"),
        (170, "-wide"),
    ]
    """Under 60 columns the day list hides; under 110 the panel collapses to a strip under the events
    (it opens on Tab, `t` or `a`); from 170 every pane widens."""

    VERTICAL_BREAKPOINTS = [(0, "-low"), (16, "-short"), (30, "-tall")]
    """Under 30 rows headers, previews and the search field shrink; under 16 the panel's strip hides."""

    AUTO_FOCUS = "#events"

    def __init__(self, library: Library, settings: Settings, annotator: Annotator) -> None:
        super().__init__(id="reader")
        self.library = library
        self.settings = settings
        self.annotator = annotator
        #: Whether the library's search index is built (set by the app): searches then run at once.
        self.search_ready = False
        self.first_day_shown = False
        #: The pane holding the focus (marked `-focused`: its border and title show it).
        self._focused_pane: Widget | None = None
        self.day_list = DayListView(library, annotator, id="days")
        self.day_view = DayView(library, annotator, id="day-view")
        self.panel = TagPanel(id="panel", classes="pane")
        self.key_bar = KeyBar(*hints_for("events"), id="keybar")
        self.views = CenterPane(
            self.day_view, library, annotator, lambda v: self.mount(v, after=self.day_view)
        )
        #: The library's figures, places and people (read by the app), the thread and the figures views.
        self.facts = FactsKeeper(
            self.views,
            notify=partial(self._notice, timeout=2),
            ask=self.app.push_screen,
            leaving=self.save_note,
        )
        #: The views with their counts (`v`), saved views shown in the search view.
        self.saved_views = ViewsKeeper(
            library,
            annotator,
            self.day_list,
            self.views,
            search_ready=lambda: self.search_ready,
            ask=self.app.push_screen,
            notify=partial(self._notice, severity="warning"),
            leaving=self.save_note,
        )
        #: Tags and flags on every marked event at once; undo and redo.
        self.bulk = BulkActions(
            annotator,
            self.app.push_screen,
            self._notice,
            self._changed_many,
        )
        #: The day's several bulletins and their copies (b/B, o, O).
        self.sources = SourcesKeeper(
            self.day_view,
            library,
            notify=partial(self._notice, timeout=3),
            ask=self.app.push_screen,
            copy_read=self._copy_read,
        )
        #: What the search and storyline keys do.
        self.finding = FindKeys(
            self.views,
            self.day_view,
            search_ready=lambda: self.search_ready,
            ask=self.app.push_screen,
            warn=partial(self._notice, severity="warning", timeout=2),
            save_note=self.save_note,
            open_day=self.open_day,
            show_selection=self.show_selection,
        )
        #: What the annotation keys do, on the selected event or every marked one.
        self.annotating = AnnotationKeys(
            annotator,
            self.bulk,
            self.panel,
            target=self._target,
            marked=lambda: self.center.marked_ids(),
            ask=self.app.push_screen,
            notify=partial(self._notice, timeout=2),
            changed=self.refresh_views,
            changed_many=self._changed_many,
            repaint_panel=lambda: self._show_in_panel(self.panel.subject.ref, self.panel.subject.annotation),
            save_note=self.save_note,
        )
        #: The note editor kept in step with the library, in the order keys were typed.
        self.notes = NoteKeeper(
            lambda: self.panel.note_editor, annotator, saved=self._note_saved, reload=self.reload_if_changed
        )
        # Textual adds the breakpoint classes on the first resize, *after* the first frame, which restyles
        # and relays out every widget; set now, the first frame is the final one.
        self.add_class(*size_classes(self.app.size.width, self.app.size.height, self))

    def _notice(self, message: str, severity: str = "information", timeout: float = 4) -> None:
        """A notice whose words may be the user's or a bulletin's: never read as markup."""
        self.notify(message, severity=severity, timeout=timeout, markup=False)  # type: ignore[arg-type]

    def on_resize(self, event: events.Resize) -> None:
        self.set_class(event.size.width < COMPACT_BELOW, "-compact")  # (the breakpoints are Textual's)

    def compose(self) -> ComposeResult:
        # Flat on purpose: the panes sit directly in the screen's grid (one centre view shown at a time).
        yield self.day_list
        yield self.day_view
        yield self.panel
        yield self.key_bar

    def on_mount(self) -> None:
        self.panel.border_title = "Event"
        self.day_list.read_days()
        self.day_list.show_rows()
        if self.day_list.days:
            self.open_day(self.day_list.days[0].day)
        else:
            self.day_view.show_message("The library is empty: import bulletins with `warreader import PATH…`")
            self._first_day_painted()  # ready all the same: nothing may wait for a day that does not exist
        self.set_interval(RELOAD_SECONDS, self.reload_if_changed)

    def _first_day_painted(self) -> None:
        if not self.first_day_shown:
            self.first_day_shown = True
            self.call_after_refresh(self.app.post_message, FirstDayShown())

    # -- the centre pane ------------------------------------------------------------------------------
    @property
    def center(self) -> CenterView:
        """The view the centre pane shows."""
        return self.views.current

    @property
    def mode(self) -> str:
        """The name of the view the centre pane shows (`day`, `search`, `story`)."""
        return self.views.name

    @property
    def current_day(self) -> int | None:
        """The day open in the day view."""
        return self.day_view.day

    @property
    def selected_event_id(self) -> str | None:
        """The id of the event selected in the centre pane."""
        return self.center.events.event_id

    def refresh_views(self, change: Change | None) -> None:
        """Redraw an event whose annotation changed, wherever it shows, and its day's markers (None: the
        change failed, and the user was told why)."""
        if change is None:
            return
        self.views.refresh_event(change.event_id, change.annotation)
        if change.event_id == self.panel.event_id:
            self._show_in_panel(self.panel.subject.ref, change.annotation)
        ref = self.center.events.ref(change.event_id) or self.day_view.events.ref(change.event_id)
        if ref is not None:
            self.day_list.annotation_changed(ref.day)

    def _changed_many(self, event_ids: Sequence[str], days: Sequence[int]) -> None:
        """A bulk change, an undo or a redo touched these events and day notes: redraw them wherever they
        show (the lists, the day list's markers and counts, the panel, the note editor); marks clear."""
        touched = set(days)
        for event_id in dict.fromkeys(event_ids):
            annotation = self.annotator.annotation(event_id)
            self.views.refresh_event(event_id, annotation)
            ref = self.center.events.ref(event_id) or self.day_view.events.ref(event_id)
            ref = ref or self.library.locate(event_id)
            if ref is not None:
                touched.add(ref.day)
        for day in touched:
            self.day_list.annotation_changed(day)
        if self.current_day in days:
            self.day_view.show_header()
        self.center.clear_marks()
        if self.panel.event_id is not None:
            self._show_in_panel(self.panel.subject.ref, self.annotator.annotation(self.panel.event_id))
        self.notes.follow()

    # -- the panel ----------------------------------------------------------------------------------
    def show_selection(self) -> None:
        """Put the centre pane's selected event in the panel, its note in the editor."""
        ref = self.center.selected()
        annotation = self.annotator.annotation(ref.id) if ref is not None else None
        self._show_in_panel(ref, annotation)
        self.notes.show(EventNoteKey(ref.id) if ref is not None else None)

    def _show_in_panel(self, ref: EventRef | None, annotation: Annotation | None) -> None:
        pinned, own = self.settings.pinned_tags, self.annotator.own_flags()
        facts = self.facts
        self.panel.show(PanelSubject(ref, annotation, pinned, own, facts.of(ref), facts.status))

    def _target(self) -> str | None:
        """The event an annotation key acts on: the one selected now, which the panel then shows."""
        if self.panel.event_id != self.selected_event_id:
            self.show_selection()
        event_id = self.panel.event_id
        if event_id is None:
            self.notify("Select an event first.", severity="warning", timeout=2)
        return event_id

    @on(CursorList.Highlighted)
    def _highlighted(self, message: CursorList.Highlighted) -> None:
        if message.cursor_list is self.center.event_list and self.panel.event_id != self.selected_event_id:
            self.show_selection()

    @on(SelectionShown)
    @on(Input.Submitted, "#search-input")
    def _search_shown(self) -> None:
        self.show_selection()  # the first result (or nothing: a search still running, or no match)

    def on_descendant_focus(self, event: events.DescendantFocus) -> None:
        widget = event.widget
        pane = next(
            (w for w in widget.ancestors_with_self if isinstance(w, Widget) and w.has_class("pane")), None
        )
        if pane is not self._focused_pane:
            # Only when focus enters another pane: the class restyles the pane's every widget.
            if self._focused_pane is not None:
                self._focused_pane.remove_class("-focused")
            if pane is not None:
                pane.add_class("-focused")
            self._focused_pane = pane
        self.panel.set_open(pane is self.panel)
        self.key_bar.show(*hints_for(widget.id))

    # -- days ---------------------------------------------------------------------------------------
    def open_day(self, day: int, event_id: str | None = None, *, focus: bool = False) -> bool:
        """Show `day` in the day view with `event_id` (default: its first event) selected."""
        self.save_note()
        if not self.day_view.open(day, self.day_list.summary(day), event_id):
            return False
        self.day_list.mark_open(day)
        self.views.switch("day")
        if focus:
            self.day_view.focus_list()
        # No `Highlighted` message: the panel is filled right here (one round of messages less per day).
        self.show_selection()
        self._first_day_painted()
        return True

    def action_step_day(self, step: int) -> None:
        """The day after (+1) or before (-1) the open one."""
        day = self.day_list.day_after(self.current_day, step)
        if day is None:
            self.notify("No newer day." if step > 0 else "No older day.", timeout=1.5)
            return
        self.open_day(day)

    def action_goto_day(self) -> None:
        """Ask for a day number or date and open it."""
        self.app.push_screen(prompts.goto_day(self.day_list.days), self._goto_chosen)

    def _goto_chosen(self, text: str | None) -> None:
        day = prompts.goto_target(text, self.day_list.days)
        if day is not None:
            self.open_day(day, focus=True)

    @on(DayListView.DayChosen)
    def _day_chosen(self, message: DayListView.DayChosen) -> None:
        if message.event_id and message.day == self.current_day and self.mode == "day":
            self.day_view.events.select_event(message.event_id)  # (announced: the panel follows)
        else:
            self.open_day(message.day, message.event_id)

    @on(DayListView.OrphanChosen)
    def _orphan_chosen(self, message: DayListView.OrphanChosen) -> None:
        self._show_in_panel(None, message.annotation)
        self.notes.show(None, message.annotation.note)  # shown, not editable: its event is gone

    @on(DayListView.Entered)
    def _day_entered(self) -> None:
        if self.day_list.view.kind != "orphans":
            self.day_view.focus_list()

    @on(OpenEvent)
    def _open_event(self, message: OpenEvent) -> None:
        self.open_day(message.day, message.event_id, focus=True)

    # -- a day's several bulletins and their copies ---------------------------------------------------
    def action_step_bulletin(self, step: int) -> None:
        """The open day's next (+1) or previous (-1) bulletin (another outlet's), in the day view."""
        self.save_note()
        if self.sources.step(step):
            if self.mode != "day":
                self.views.switch("day")
                self.day_view.focus_list()
            self.show_selection()

    def action_open_source(self) -> None:
        """Open the selected event's bulletin's web page in the browser (or show the file it came from)."""
        link = self.sources.link_to_open(self.center.selected())
        if link is not None:
            opening = partial(self.sources.open_in_thread, link, self.app.call_from_thread)
            self.run_worker(opening, thread=True, exit_on_error=False, group="open-link")

    def action_choose_copy(self) -> None:
        """List the open bulletin's copies and read the one picked (or the automatic choice again)."""
        self.save_note()
        self.sources.choose_copy()

    def _copy_read(self) -> None:
        self.day_list.read_days()
        self.day_list.show_rows(keep_cursor=True)
        if self.current_day is not None:
            self.open_day(self.current_day, self.day_view.events.event_id)

    # -- moving in the centre pane --------------------------------------------------------------------
    def action_move(self, step: Move) -> None:
        """Move the centre pane's cursor (`next`, `previous`, `next-section`, `previous-section`, `first`,
        `last`); a bell at either end."""
        if not self.center.events.move(step) and step in ("next", "previous"):
            self.app.bell()

    # -- search and storyline (what each key does: `FindKeys`) ------------------------------------------
    async def action_search(self) -> None:
        await self.finding.search()

    def action_open_result(self, step: int) -> None:
        self.finding.open_result(step)

    def action_storyline(self) -> None:
        self.finding.storyline(self.center.selected())

    # -- figures, places and people -------------------------------------------------------------------
    def show_facts(self, index: FactsIndex | None, status: str) -> None:
        """(From the app.) The library's facts were read (`status` ""), or how far reading them is."""
        self.facts.update(index, status)
        self._show_in_panel(self.panel.subject.ref, self.panel.subject.annotation)

    async def action_thread(self) -> None:
        """Every event naming a place or person of the selected event (asks which, when it names several)."""
        event_id = self._target()
        if event_id is not None:
            await self.facts.thread(event_id)

    async def action_figures(self) -> None:
        """The figures view: one kind of figure per week or month, for all places or one oblast."""
        await self.facts.figures()

    def action_back(self) -> None:
        """Out of the note editor (saved); back to the events from the day list or the panel; back to the
        day from search, the storyline, a thread or the figures."""
        focused = self.focused
        if focused is self.panel.note_editor:
            self.center.focus_list()  # now: the keys that follow are commands again
            self.notes.leave(then=self.show_selection)  # saved once the keys typed before Escape are in
        elif focused is not None and (focused is self.day_list or self.panel in focused.ancestors):
            self.center.focus_list()
        elif self.mode != "day":
            self.views.switch("day")
            self.day_view.focus_list()
            self.show_selection()

    # -- the day list's views, export ---------------------------------------------------------------
    def action_cycle_view(self) -> None:
        """All days → flagged → tagged → with notes → orphaned notes → all days."""
        self.day_list.cycle_view()

    def action_choose_view(self) -> None:
        """List the views with their counts (the built-in ones, tagged with X for each tag, the saved
        ones) and show the one chosen."""
        self.saved_views.choose()

    def action_export(self) -> None:
        """Open the export dialog with filters from the current view; the file is written in a worker."""
        from warreader.tui.screens.export import ExportDialog, export_prefill_for, run_export

        self.save_note()
        prefill = export_prefill_for(self.day_list.view, self.center.theme_shown(), self.annotator)
        self.app.push_screen(
            ExportDialog(prefill), lambda request: run_export(self.app, self.library, request)
        )

    # -- annotating (what each key does: `AnnotationKeys`) ---------------------------------------------
    def action_add_tag(self) -> None:
        self.annotating.add_tag()

    def action_toggle_pinned(self, number: int) -> None:
        self.annotating.toggle_pinned(number)

    def action_toggle_important(self) -> None:
        self.annotating.toggle_important()

    def action_add_flag(self) -> None:
        self.annotating.add_flag()

    def action_undo(self, redo: bool = False) -> None:
        self.annotating.undo(redo)

    def action_tags(self) -> None:
        self.annotating.tags()

    @on(RemoveTag)
    def _remove_tag(self, message: RemoveTag) -> None:
        self.annotating.remove_tag(message.tag)

    @on(ToggleFlag)
    def _toggle_flag(self, message: ToggleFlag) -> None:
        self.annotating.toggle_flag(message.flag)

    @on(TogglePin)
    def _toggle_pin(self, message: TogglePin) -> None:
        self.annotating.toggle_pin(message.tag)

    # -- notes --------------------------------------------------------------------------------------
    def action_edit_note(self) -> None:
        """Focus the note editor for the selected event, with the note as it is on disk now."""
        event_id = self._target()
        if event_id is not None:
            self._edit_note(EventNoteKey(event_id))

    def action_edit_day_note(self) -> None:
        """Edit the open day's own note in the panel's editor (saves as you type)."""
        if self.current_day is not None:
            self._edit_note(DayNoteKey(self.current_day))

    def _edit_note(self, key: EventNoteKey | DayNoteKey) -> None:
        self.panel.set_open(True)
        # set_focus now, not focus() (which waits a turn of the loop): the keys typed after `a` must land
        # in the note. The keeper readies the note in the editor's queue, so before those keys reach it.
        self.set_focus(self.panel.note_editor)
        self.notes.edit(key)

    def save_note(self) -> None:
        """Write the note being typed, if any (before anything else happens to the editor, and on quit)."""
        self.notes.save()

    def _note_saved(self, saved: NoteSaved) -> None:
        if saved.change is not None:
            self.refresh_views(saved.change)
        elif isinstance(saved.key, DayNoteKey) and saved.key.day == self.current_day:
            self.day_view.show_header()

    @on(NoteSaveDue)
    def _note_save_due(self) -> None:
        self.save_note()

    # -- other processes ------------------------------------------------------------------------------
    def reload_if_changed(self) -> None:
        """Show what another process (the command line, another reader) wrote, if anything."""
        try:
            changed = self.library.reload_if_changed()
        except WarreaderError as error:
            self.notify(str(error), title="Cannot reload the library", severity="error")
            return
        if changed:
            self.library_changed()

    def library_changed(self) -> None:
        """Another process changed the library, and it has been read again: show it."""
        self.day_list.read_days()
        self.day_list.show_rows(keep_cursor=True)
        self.day_view.forget_days()
        if self.current_day is not None and self.day_list.summary(self.current_day) is not None:
            mode, selected = self.mode, self.day_view.events.event_id
            self.open_day(self.current_day, selected)  # (saves typing first: a changed note is kept)
            self.views.switch(mode)
        elif self.day_list.days:
            self.open_day(self.day_list.days[0].day)
        self.notes.follow()
        self.notify("The library changed on disk; reloaded.", timeout=2)
        self.app.post_message(LibraryReloaded())
