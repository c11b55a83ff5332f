"""`SearchView`: the search field, one line per result (newest first), and the highlighted one in full.

The field speaks the query language (`warreader.query`: words, "phrases", -exclusions, `tag:`, `day:`…),
answered by `Library.find`. It owns the query, the results and their paging: the first page is asked of
the library at once when the index can answer it within a frame (a word to look up, or a tag, flag or note
term), else in a worker; further pages in a worker as the cursor nears the end. A query that cannot be
read is said under the field, in words, and nothing is listed. Enter on a result posts `OpenEvent`;
`n`/`N` in the day view walk the results through `step`. A saved view is shown here too (`show_query`).
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message
from textual.timer import Timer
from textual.widgets import Input

from warreader.errors import WarreaderError
from warreader.query import QueryError, parse
from warreader.store import EventRef, Library
from warreader.tui.annotator import Annotator
from warreader.tui.highlight import highlight
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label, truncate
from warreader.tui.views.base import CenterView, OpenEvent, SelectionShown
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.result_list import ResultList
from warreader.tui.widgets.search_input import SearchInput
from warreader.tui.widgets.text_lines import TextLines

#: The first page of search results. Once the index is built (a worker does it right after the first
#: screen), asking the library for a page takes a few milliseconds, so Enter shows it in the same frame.
SEARCH_PAGE = 200
#: Typing pauses this long before the search runs (Enter runs it at once).
SEARCH_DEBOUNCE_SECONDS = 0.15
#: Fetch the next page when the cursor comes this close to the end of the results.
FETCH_AHEAD = 50
#: Fields whose terms only annotated events match: the library answers them from its notes, at once.
_QUICK_FIELDS = ("tag", "flag", "note", "has")
#: What the preview says before the first search: the language at a glance.
CHEAT_SHEET = (
    'kyiv drone · "power cuts" · -odesa · tag:drones · flag:verify · theme:fighting · outlet:guardian · '
    "note:check · day:900..1000 · date:2024-11 · has:note · is:orphan — words match the text, the note, "
    "the tags and the day's note; terms combine with AND. ? lists the language with examples."
)


def answers_at_once(query: str) -> bool:
    """Whether a page of `query` is found within a frame: it has a word or phrase (looked up in the search
    index) or a tag, flag or note term (only annotated events can match). Others (`theme:` or a day range
    alone, exclusions only) may have to look at every event: a worker does that."""
    try:
        parsed = parse(query)
    except WarreaderError:
        return True  # the error is shown at once
    positive = [term for term in parsed.terms if not term.negate]
    return bool(parsed.text_terms()) or any(term.field in _QUICK_FIELDS for term in positive)


@dataclass
class SearchDone(Message):
    """A search (or a further page of it) finished."""

    query: str
    #: The results, newest first (up to `limit`, plus one when there are more).
    refs: list[EventRef]
    error: str | None = None
    #: How many were asked for.
    limit: int = SEARCH_PAGE
    #: True when this extends the results already shown (the cursor stays).
    more: bool = False
    #: True when the query itself cannot be read (`error` says why, naming the term).
    query_error: bool = False


class SearchView(CenterView):
    """Search every day; see the module docstring."""

    NAME = "search"

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: The query whose results are listed ("" before the first search).
        self.query_shown = ""
        #: The saved view whose query is listed, if the results came from one (`show_query`).
        self.view_name: str | None = None
        #: Set by the app once the search index is built: a search then runs on the UI thread.
        self.index_ready = False
        self._complete = True
        self._fetching = False
        self._timer: Timer | None = None
        self._results: ResultList | None = None

    def compose(self) -> ComposeResult:
        yield SearchInput(placeholder="search every day…  (Enter searches, Esc back)", id="search-input")
        yield TextLines(id="search-status", classes="pane-title")
        yield ResultList(self.annotator.annotation, id="results")
        yield TextLines(id="result-preview", wrap=True)

    def on_mount(self) -> None:
        self.border_title = "Search"

    @property
    def event_list(self) -> ResultList:
        if self._results is None:
            self._results = self.query_one("#results", ResultList)
        return self._results

    @property
    def results(self) -> list[str]:
        """The listed results' event ids, in order."""
        return [ref.id for ref in self.event_list.items]

    def start(self) -> None:
        """Focus the field (the last query stays there for refining)."""
        self.screen.set_focus(self.query_one("#search-input", Input))
        if not self.query_shown:
            hint = Text("Type words or fields to find in every day (accents and case ignored).", style="dim")
            self._status(hint)
            self._preview(Text(CHEAT_SHEET, style="dim"))

    def show_query(self, query: str, view_name: str | None = None) -> None:
        """List `query`'s results (a saved view's, named `view_name`) with the query in the field for
        refining, and focus the results."""
        self.view_name = view_name
        field = self.query_one("#search-input", Input)
        with field.prevent(Input.Changed):
            field.value = query
        if self._timer is not None:
            self._timer.stop()
        self.run_search(query)
        self.screen.set_focus(self.event_list)

    @property
    def typed(self) -> str:
        """What the search field holds now."""
        return self.query_one("#search-input", Input).value

    def _status(self, text: Text) -> None:
        self.query_one("#search-status", TextLines).update(text, layout=False)

    # -- searching ----------------------------------------------------------------------------------
    @on(Input.Changed, "#search-input")
    def _changed(self, event: Input.Changed) -> None:
        self.view_name = None  # the query is the user's own again
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(SEARCH_DEBOUNCE_SECONDS, lambda: self.run_search(event.value))

    @on(Input.Submitted, "#search-input")
    def _submitted(self, event: Input.Submitted) -> None:
        # (Not stopped: the screen shows the first result in the panel as the message goes on up.)
        if self._timer is not None:
            self._timer.stop()
        self.run_search(event.value)
        # set_focus now rather than focus() (which waits a turn of the loop): the results, the focus
        # change and its restyle then land in the same frame.
        self.screen.set_focus(self.event_list)

    def run_search(self, query: str) -> None:
        """Search for `query` (a newer search cancels an older one still running)."""
        query = query.strip()
        if not query:
            return
        if self.index_ready and answers_at_once(query):
            self._show(self._page(query, SEARCH_PAGE, more=False))  # milliseconds: no worker, one frame
            return
        searching = Text("Searching for ", style="dim")
        searching.append_text(literal(query, style="dim"))
        searching.append("…", style="dim")
        self._status(searching)
        self._worker(query, SEARCH_PAGE, False)

    def _page(self, query: str, limit: int, *, more: bool) -> SearchDone:
        try:
            refs = self.library.find(query, limit=limit + 1)
        except QueryError as error:
            return SearchDone(query, [], str(error), limit, more, query_error=True)
        except WarreaderError as error:
            return SearchDone(query, [], str(error), limit, more)
        return SearchDone(query, refs, None, limit, more)

    @work(thread=True, exclusive=True, group="search", description="Searching every day")
    def _worker(self, query: str, limit: int, more: bool) -> None:
        # Off the UI thread: the first search may build the index; later pages can be thousands of hits.
        self.post_message(self._page(query, limit, more=more))

    @on(SearchDone)
    def _worker_done(self, message: SearchDone) -> None:
        self._show(message)
        if not message.more and not message.error:
            self.post_message(SelectionShown())

    def _show(self, message: SearchDone) -> None:
        """List a search's results (or a further page of them) and its status line."""
        self._fetching = False
        if message.query_error:
            # Said under the field, in full in the preview; typing on fixes it (no notice per keystroke).
            self.query_shown = ""
            self.event_list.show_results([], message.query, announce=False)
            self._status(literal(f"⚠ {message.error}", style="bold red"))
            explained = literal(message.error or "", style="red")
            explained.append("\n? lists the query language with examples.", style="dim")
            self._preview(explained)
            return
        if message.error:
            self._status(literal(message.error, style="bold red"))
            self.notify(message.error, title="Search failed", severity="error")
            return
        if message.more and message.query != self.query_shown:
            return  # a page of an older search
        refs = message.refs[: message.limit]
        results = self.event_list
        if message.more:
            results.extend_results(refs)
        else:
            # The first result goes to the preview here, and the screen puts it in the panel: no round of
            # `Highlighted` messages (and often no frame) between Enter and the results.
            results.show_results(refs, message.query, announce=False)
        self.query_shown = message.query
        self._complete = len(message.refs) <= message.limit
        more = "" if self._complete else "+"
        self._status(self._summary(more))
        if not message.more:
            self.show_preview(results.current)  # None (an empty preview) when nothing matched

    def _summary(self, more: str = "") -> Text:
        """The status line: how many results of which query (or saved view), and what the keys do."""
        text = Text(no_wrap=True, overflow="ellipsis")
        if self.view_name:
            text.append("View ", style="bold")
            text.append_text(literal(self.view_name, style="bold magenta"))
            text.append(": ", style="bold")
        text.append(f"{len(self.event_list.items)}{more} results for ", style="bold")
        text.append_text(literal(self.query_shown, style="bold cyan"))
        marked = self.event_list.marked_count
        if marked:
            text.append(f"  {marked:,} marked", style="bold yellow")
            text.append(" · t/f/F/1–9 act on them · space/* mark", style="dim")
        else:
            text.append("  newest first · Enter opens · n/N next/previous · Esc back", style="dim")
        return text

    @on(SearchInput.SaveView)
    def _save_view(self, message: SearchInput.SaveView) -> None:
        """Ask for a name (the saved view's, when it is one) and save the query under it."""
        message.stop()
        query = message.query.strip()
        if not query:
            self.notify("Type a query first, then ctrl+s saves it as a view.", severity="warning", timeout=3)
            return
        try:
            parse(query)
        except QueryError as error:
            self.notify(str(error), title="Not saved", severity="error", markup=False)
            return
        from warreader.tui.screens.dialogs import PromptDialog

        names = [view.name for view in self.library.views()]

        def named(name: str | None) -> None:
            if not name:
                return
            try:
                saved = self.library.save_view(name, query)
            except WarreaderError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            replaced = any(n.casefold() == saved.name.casefold() for n in names)
            self.view_name = saved.name
            if self.query_shown:
                self._status(self._summary("" if self._complete else "+"))
            said = "Replaced" if replaced else "Saved"
            self.notify(
                f"{said} the view {saved.name!r}: v lists it with its count.", timeout=4, markup=False
            )

        dialog = PromptDialog(
            "Save the query as a view named…",
            placeholder="e.g. kharkiv drones",
            value=self.view_name or "",
            suggestions=names,
            id="save-view-dialog",
        )
        self.app.push_screen(dialog, named)

    @on(ResultList.MarksChanged, "#results")
    def _marks_changed(self, message: ResultList.MarksChanged) -> None:
        message.stop()
        if self.query_shown:
            self._status(self._summary("" if self._complete else "+"))

    def _fetch_more(self) -> None:
        if self._complete or self._fetching or not self.query_shown:
            return
        self._fetching = True
        self._worker(self.query_shown, max(SEARCH_PAGE, len(self.event_list.items) * 4), True)

    # -- the results --------------------------------------------------------------------------------
    @on(CursorList.Highlighted, "#results")
    def _highlighted(self, message: CursorList.Highlighted) -> None:
        # (The message goes on up: the screen shows the result in the panel.)
        if message.index >= len(self.event_list.items) - FETCH_AHEAD:
            self._fetch_more()
        self.show_preview(self.event_list.current)

    @on(CursorList.Selected, "#results")
    def _selected(self, message: CursorList.Selected) -> None:
        message.stop()
        ref = self.event_list.current
        if ref is not None and ref.section_index < 0:
            self.notify(
                "This note's event is no longer in the library (an orphaned note): "
                "`warreader orphans` lists it with its closest events.",
                severity="warning",
                timeout=6,
            )
        elif ref is not None:
            self.post_message(OpenEvent(ref.day, ref.id))

    def step(self, step: int) -> EventRef | None:
        """The result `step` away from the highlighted one (`n`/`N`), now highlighted; None (and the user
        told why) when there is none."""
        results = self.event_list
        if not results.items:
            self.notify("No search results: press / to search.", severity="warning", timeout=2)
            return None
        index = (results.cursor or 0) + step
        if index >= len(results.items) - 1:
            self._fetch_more()
        if not 0 <= index < len(results.items):
            self.notify("No more results." if step > 0 else "This is the first result.", timeout=1.5)
            return None
        results.move_to(index, announce=False)
        self.show_preview(results.current)
        self.notify(f"Result {index + 1} of {len(results.items)}", timeout=1)
        return results.current

    def _preview(self, text: Text) -> None:
        self.query_one("#result-preview", TextLines).update(text, layout=False)

    def show_preview(self, ref: EventRef | None) -> None:
        """The full text of the highlighted result, under the list."""
        widget = self.query_one("#result-preview", TextLines)
        preview = Text()
        if ref is not None and ref.section_index < 0:
            preview.append("Orphaned note", style="bold red")
            preview.append(f" · day {ref.day} · its event is no longer in the library\n", style="dim")
        elif ref is not None:
            preview.append_text(literal(ref.heading or theme_label(ref.theme), style=theme_colour(ref.theme)))
            preview.append(f" · day {ref.day} · {format_date(ref.date)}\n", style="dim")
        if ref is not None:
            # Fixed height (see app.tcss): the text is cut rather than making the screen relayout. What
            # cannot fit is dropped before wrapping: an event can run to a thousand characters.
            size = widget.content_size
            text = clean(ref.text)
            fits = size.width * size.height
            if fits and len(text) > fits:
                text = truncate(text, fits)
            preview.append_text(highlight(Text(text), self.query_shown))
        preview.overflow = "ellipsis"
        widget.update(preview, layout=False)
