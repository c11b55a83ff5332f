"""Search across all days, the theme storyline, and export. Part of `ReaderScreen`.

Slow work (the first search builds the index; a storyline reads every day; an export renders every note)
runs in thread workers that report back with messages, so keys keep working meanwhile.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on, work
from textual.message import Message
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Input

from warreader.errors import WarreaderError
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label, truncate
from warreader.tui.views import export_prefill
from warreader.tui.widgets.event_list import EventInfo, EventList
from warreader.tui.widgets.result_list import ResultList, highlight
from warreader.tui.widgets.text_lines import TextLines

if TYPE_CHECKING:
    from warreader.tui.screens.reader import ReaderScreen

#: The first page of search results (newest first). Once the index is built (a worker does it right after
#: the first screen), asking the library for a page takes a few milliseconds, so Enter shows it at once,
#: in the same frame; further pages are fetched in a worker when the cursor nears the end of the list.
SEARCH_PAGE = 200
#: Typing pauses this long before the search runs (Enter runs it at once).
SEARCH_DEBOUNCE_SECONDS = 0.15


@dataclass
class SearchDone(Message):
    """A search (or a further page of it) finished."""

    query: str
    #: The results as `EventInfo`s, newest first (up to `limit`, plus one when there are more).
    refs: list[Any]
    error: str | None = None
    #: How many were asked for.
    limit: int = SEARCH_PAGE
    #: True when this extends the results already shown (the cursor stays).
    more: bool = False


@dataclass
class StorylineDone(Message):
    """A storyline worker finished."""

    theme: str
    refs: list[Any]
    error: str | None = None


@dataclass
class ExportDone(Message):
    """An export worker finished: `path` written, or `error` (exists=True: the file is already there)."""

    path: Path
    error: str | None = None
    exists: bool = False
    request: Any = None


class FindMixin(Screen):
    """Search, storyline and export.

    A `Screen` base of `ReaderScreen` rather than a plain mixin: Textual only collects `@on` handlers
    from classes built by its message-pump metaclass.
    """

    def _init_find(self: ReaderScreen) -> None:
        #: The last search's result event ids, in order, and the one opened (for `n`/`N`).
        self.results: list[str] = []
        self.result_index = -1
        self.search_query = ""
        #: The query of the results shown, whether the library may hold more, and a page fetch is running.
        self._results_query = ""
        self._results_complete = True
        self._fetching_more = False
        self.storyline_theme: str | None = None
        self._search_timer: Timer | None = None

    # -- search -------------------------------------------------------------------------------------
    async def action_search(self: ReaderScreen) -> None:
        """Show the search view with its input focused (the last query stays for refining)."""
        self.save_note()
        await self.ensure_view("search-view")
        self.set_mode("search-view")
        search_input = self.query_one("#search-input", Input)
        search_input.focus()
        if not self.search_query:
            hint = Text("Type words to find in every day (accents and case ignored).", style="dim")
            self.query_one("#search-status", TextLines).update(hint, layout=False)

    @on(Input.Changed, "#search-input")
    def _search_changed(self: ReaderScreen, event: Input.Changed) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self._search_timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-input")
    def _search_submitted(self: ReaderScreen, event: Input.Submitted) -> None:
        if self._search_timer is not None:
            self._search_timer.stop()
        self.run_search(event.value)
        # set_focus now rather than focus() (which waits a turn of the loop): the results, the focus
        # change and its restyle then land in the same frame.
        self.set_focus(self.query_one("#results", ResultList))

    def run_search(self: ReaderScreen, query: str) -> None:
        """Start a search (a newer one cancels an older one still running)."""
        query = query.strip()
        if not query:
            return
        if getattr(self.app, "search_ready", False):
            # The index is built: the first page takes milliseconds, so show it now (one frame, no worker).
            self._search_done(self._search_page(query, SEARCH_PAGE, more=False))
            return
        searching = Text(f"Searching for {query!r}…", style="dim")
        self.query_one("#search-status", TextLines).update(searching, layout=False)
        self._search_worker(query, SEARCH_PAGE, False)

    def _search_page(self: ReaderScreen, query: str, limit: int, *, more: bool) -> SearchDone:
        try:
            refs = self.library.search(query, limit=limit + 1)
        except WarreaderError as error:
            return SearchDone(query, [], str(error), limit, more)
        return SearchDone(query, [EventInfo.from_ref(r) for r in refs], None, limit, more)

    @work(thread=True, exclusive=True, group="search", description="Searching every day")
    def _search_worker(self: ReaderScreen, query: str, limit: int, more: bool) -> None:
        # Off the UI thread: the first search may build the index; later pages can be thousands of hits.
        self.post_message(self._search_page(query, limit, more=more))

    @on(SearchDone)
    def _search_done(self: ReaderScreen, message: SearchDone) -> None:
        status = self.query_one("#search-status", TextLines)
        self._fetching_more = False
        if message.error:
            status.update(Text(message.error, style="bold red"), layout=False)
            self.notify(message.error, title="Search failed", severity="error")
            return
        if message.more and message.query != self._results_query:
            return  # a page of an older search
        infos = message.refs[: message.limit]
        results = self.query_one("#results", ResultList)
        if message.more:
            results.extend_results(infos[len(results.items) :])
        else:
            # The first result goes to the preview and the panel right here, not through a `Highlighted`
            # message: one round of messages (and often one frame) less between Enter and the results.
            results.show_results(infos, message.query, announce=False)
            self.result_index = 0 if infos else -1
        self.results = [info.event.id for info in results.items]
        self.search_query = self._results_query = message.query
        self._results_complete = len(message.refs) <= message.limit
        more = "" if self._results_complete else "+"
        text = Text(no_wrap=True, overflow="ellipsis")
        text.append(f"{len(results.items)}{more} results for ", style="bold")
        text.append_text(literal(message.query, style="bold cyan"))
        text.append("  newest first · Enter opens · n/N next/previous · Esc back", style="dim")
        status.update(text, layout=False)
        if not message.more:
            self.show_preview(results.current)  # None (an empty preview) when nothing matched
            if self.mode == "search-view":
                self._show_selected()

    def fetch_more_results(self: ReaderScreen) -> None:
        """The cursor nears the end of the results: ask for more pages (in a worker) if there are more."""
        if self._results_complete or self._fetching_more or not self._results_query:
            return
        self._fetching_more = True
        loaded = len(self.results)
        self._search_worker(self._results_query, max(SEARCH_PAGE, loaded * 4), True)

    def show_preview(self: ReaderScreen, info: EventInfo | None) -> None:
        """The full text of the highlighted search result, under the list."""
        widget = self.query_one("#result-preview", TextLines)
        preview = Text()
        if info is not None:
            heading = info.heading or theme_label(info.theme)
            preview.append_text(literal(heading, style=theme_colour(info.theme)))
            preview.append(f" · day {info.day} · {format_date(info.date)}\n", style="dim")
            # Fixed height (see app.tcss): the text is cut rather than making the screen relayout. What
            # cannot fit is dropped before wrapping: an event can run to a thousand characters.
            size = widget.content_size
            text = clean(info.event.text)
            fits = size.width * size.height
            if fits and len(text) > fits:
                text = truncate(text, fits)
            preview.append_text(highlight(Text(text), self.search_query or ""))
        preview.overflow = "ellipsis"
        widget.update(preview, layout=False)

    def _open_result(self: ReaderScreen, step: int) -> None:
        if not self.results:
            self.notify("No search results: press / to search.", severity="warning", timeout=2)
            return
        index = self.result_index + step
        if index >= len(self.results) - 1:
            self.fetch_more_results()
        if not 0 <= index < len(self.results):
            self.notify("No more results." if step > 0 else "This is the first result.", timeout=1.5)
            return
        self.result_index = index
        results = self.query_one("#results", ResultList)
        info = results.infos.get(self.results[index])
        if info is None or info.day is None:
            return
        if self.mode == "search-view":
            results.select_event(info.event.id)
        else:
            self.open_day(info.day, info.event.id)
        self.notify(f"Result {index + 1} of {len(self.results)}", timeout=1)

    def action_next_result(self: ReaderScreen) -> None:
        """Open the next search result in its day."""
        self._open_result(+1)

    def action_previous_result(self: ReaderScreen) -> None:
        """Open the previous search result in its day."""
        self._open_result(-1)

    # -- storyline ----------------------------------------------------------------------------------
    def action_storyline(self: ReaderScreen) -> None:
        """Choose a theme (the selected event's by default) and list its events across all days."""
        info = self.active_list.infos.get(self.selected_event_id or "")
        themes: list[str] = []
        try:
            from warreader.themes import known_themes

            themes = list(known_themes())
        except ImportError as error:  # the themes table ships with warreader; say so if it is missing
            self.notify(f"Theme table unavailable: {error}", severity="warning")
        events = self.query_one("#events", EventList)
        for other in events.infos.values():
            if other.theme not in themes:
                themes.append(other.theme)
        choices: list[tuple[str, Text | str]] = []
        for theme in themes:
            label = Text("█ ", style=theme_colour(theme))
            label.append(theme_label(theme))
            label.append(f"  {theme}", style="dim")
            choices.append((theme, label))

        async def done(theme: str | None) -> None:
            if theme:
                await self.show_storyline(theme)

        current = info.theme if info else None
        from warreader.tui.screens.dialogs import ChoiceDialog  # dialogs load on first use

        self.app.push_screen(ChoiceDialog("Storyline: which theme?", choices, current=current), done)

    async def show_storyline(self: ReaderScreen, theme: str) -> None:
        """Switch to the storyline view and load `theme`'s events in a worker."""
        self.save_note()
        await self.ensure_view("story-view")
        self.storyline_theme = theme
        header = Text("Storyline ", style="bold")
        header.append(theme_label(theme), style=f"bold {theme_colour(theme)}")
        header.append("  loading…", style="dim")
        self.query_one("#story-header", TextLines).update(header, layout=False)
        self.set_mode("story-view")
        self.query_one("#story", EventList).focus()
        self._storyline_worker(theme)

    @work(thread=True, exclusive=True, group="storyline", description="Collecting a theme across all days")
    def _storyline_worker(self: ReaderScreen, theme: str) -> None:
        try:
            refs = self.library.theme_events(theme)
        except WarreaderError as error:
            self.post_message(StorylineDone(theme, [], str(error)))
            return
        self.post_message(StorylineDone(theme, list(refs)))

    @on(StorylineDone)
    def _storyline_done(self: ReaderScreen, message: StorylineDone) -> None:
        if message.error:
            self.notify(message.error, title="Storyline failed", severity="error")
            return
        if message.theme != self.storyline_theme:
            return  # the user picked another theme meanwhile
        story = self.query_one("#story", EventList)
        # Every event of the theme, one line each, drawn only when on screen (20,000 rows cost nothing).
        story.show_refs(message.refs, self.annotation)
        days = len(story.heading_indices)
        header = Text("Storyline ", style="bold")
        header.append(theme_label(message.theme), style=f"bold {theme_colour(message.theme)}")
        header.append(f"  {len(story.infos)} events over {days} days, oldest first", style="dim")
        header.append("   Enter opens the day · Esc back", style="dim")
        header.no_wrap = True
        header.overflow = "ellipsis"
        self.query_one("#story-header", TextLines).update(header, layout=False)
        # The newest development is what a reader wants first; scroll up for history.
        if not story.last_event():
            self.show_story_preview(None)

    def show_story_preview(self: ReaderScreen, info: EventInfo | None) -> None:
        """The full text of the highlighted storyline event, under the list."""
        preview = Text()
        if info is not None:
            preview.append(f"Day {info.day} · {format_date(info.date)} · ", style="dim")
            preview.append_text(
                literal(info.heading or theme_label(info.theme), style=theme_colour(info.theme))
            )
            preview.append("\n")
            preview.append_text(literal(info.event.text))
        self.query_one("#story-preview", TextLines).update(preview, layout=False)

    def action_back(self: ReaderScreen) -> None:
        """From search results or the storyline back to the open day."""
        if self.mode != "day-view":
            self.set_mode("day-view")
            self.query_one("#events", EventList).focus()

    # -- export -------------------------------------------------------------------------------------
    def action_export(self: ReaderScreen) -> None:
        """Open the export dialog with filters from the current view; the write runs in a worker."""
        from warreader.tui.screens.export import ExportDialog, ExportRequest

        self.save_note()
        own_flags: list[str] = list(self.settings.custom_flags)
        if self.view.kind == "flagged":
            try:
                own_flags += [f for a in self.library.annotations() for f in a.flags]
            except WarreaderError as error:
                self.notify(str(error), title="Cannot read the annotations", severity="error")
        prefill = export_prefill(
            self.view, self.storyline_theme if self.mode == "story-view" else None, own_flags
        )

        def done(request: ExportRequest | None) -> None:
            if request is not None:
                self.start_export(request)

        self.app.push_screen(ExportDialog(prefill), done)

    def start_export(self: ReaderScreen, request: Any) -> None:
        """Write `request` in a worker; an existing file is replaced only after the user confirms."""
        self._export_worker(request)

    @work(thread=True, exclusive=True, group="export", description="Exporting notes")
    def _export_worker(self: ReaderScreen, request: Any) -> None:
        from warreader.export import OutputExistsError, render_export, write_export

        try:
            text = render_export(self.library, request.options)
            path = write_export(text, request.path, force=request.force)
        except OutputExistsError as error:
            self.post_message(ExportDone(request.path, str(error), exists=True, request=request))
            return
        except WarreaderError as error:
            self.post_message(ExportDone(request.path, str(error)))
            return
        self.post_message(ExportDone(path))

    @on(ExportDone)
    def _export_done(self: ReaderScreen, message: ExportDone) -> None:
        if message.exists:
            request = message.request

            def answer(yes: bool | None) -> None:
                if yes and request is not None:
                    self.start_export(request.overwrite())

            from warreader.tui.screens.dialogs import ConfirmDialog

            self.app.push_screen(ConfirmDialog(f"{message.path} already exists. Overwrite it?"), answer)
            return
        if message.error:
            self.notify(message.error, title="Export failed", severity="error", timeout=8)
            return
        self.notify(f"Exported to {message.path}", title="Export written", timeout=6)
