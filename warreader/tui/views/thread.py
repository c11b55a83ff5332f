"""`ThreadView` (`p`): every event naming one place or person, across days, newest first, one line each
(a day's events form a section), the words naming it marked; the highlighted event in full under the list.
Enter posts `OpenEvent` (its day opens with it selected); Escape goes back to the day.

The events come from the facts index (`events_naming_place` — an oblast gathers its settlements, a
country everything in it — or `events_naming_person`) and are looked up in the library in a worker:
"Ukraine" names some 35,000 events of 1,500 days (about a second).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message

from warreader.errors import WarreaderError
from warreader.facts.queries import EventRecord, FactsIndex
from warreader.store import EventRef, Library
from warreader.tui.annotator import Annotator
from warreader.tui.facts import ThreadSubject
from warreader.tui.text import clean, format_date, literal, theme_colour, theme_label, truncate
from warreader.tui.views.base import CenterView, OpenEvent, SelectionShown
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.result_list import ResultList
from warreader.tui.widgets.text_lines import TextLines

#: The rows mark at most this many of the thread's spellings (the most used): the preview marks each
#: event's own words exactly.
MARKED_SPELLINGS = 12


@dataclass
class ThreadDone(Message):
    """The thread's events were looked up."""

    subject: ThreadSubject
    refs: list[EventRef]
    #: event id → the words in its text that name the subject.
    quotes: dict[str, tuple[str, ...]] = field(default_factory=dict)
    error: str | None = None


class ThreadView(CenterView):
    """Every event naming one place or person; see the module docstring."""

    NAME = "thread"

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: The place or person followed (or being looked up).
        self.subject: ThreadSubject | None = None
        self._quotes: dict[str, tuple[str, ...]] = {}
        self._list: ResultList | None = None
        #: What the header says after the subject (kept to add the count of marked rows).
        self._after = Text()

    def compose(self) -> ComposeResult:
        yield TextLines(id="thread-header", classes="pane-title")
        yield ResultList(self.annotator.annotation, id="thread")
        yield TextLines(id="thread-preview", wrap=True)

    def on_mount(self) -> None:
        self.border_title = "Thread"

    @property
    def event_list(self) -> ResultList:
        if self._list is None:
            self._list = self.query_one("#thread", ResultList)
        return self._list

    def show_subject(self, index: FactsIndex, subject: ThreadSubject) -> None:
        """List every event naming `subject` (looked up in a worker)."""
        self.subject = subject
        self._header(Text("  looking up…", style="dim"))
        self._worker(index, subject)

    def facts_loaded(self, index: FactsIndex) -> None:
        if self.subject is not None:
            self._worker(index, self.subject)  # the library changed: the same thread, read again

    def _header(self, after: Text) -> None:
        self._after = after
        header = Text("Thread ", style="bold", no_wrap=True, overflow="ellipsis")
        if self.subject is not None:
            header.append_text(self.subject.label().copy())
            header.stylize("bold cyan", 7)
        marked = self.event_list.marked_count if self.event_list.is_mounted else 0
        if marked:
            header.append(f"  {marked:,} marked", style="bold yellow")
        header.append_text(after)
        self.query_one("#thread-header", TextLines).update(header, layout=False)

    @on(ResultList.MarksChanged, "#thread")
    def _marks_changed(self, message: ResultList.MarksChanged) -> None:
        message.stop()
        self._header(self._after)

    @work(thread=True, exclusive=True, group="thread", description="Finding every event naming it")
    def _worker(self, index: FactsIndex, subject: ThreadSubject) -> None:
        try:
            refs, quotes = thread_events(self.library, index, subject)
        except WarreaderError as error:
            self.post_message(ThreadDone(subject, [], error=str(error)))
            return
        self.post_message(ThreadDone(subject, refs, quotes))

    @on(ThreadDone)
    def _done(self, message: ThreadDone) -> None:
        if message.error:
            self.notify(message.error, title="Thread failed", severity="error")
            return
        if message.subject != self.subject:
            return  # another place or person was chosen meanwhile
        results = self.event_list
        keep = results.event_id
        self._quotes = message.quotes
        results.show_results(message.refs, marked_query(message.quotes), announce=False)
        if keep is not None:
            results.select_event(keep, announce=False)  # (read again after a change: the cursor stays)
        days = len(results.section_starts)
        count = len(results.items)
        after = Text(
            f"  {count:,} event{'s' if count != 1 else ''} over {days:,} days, newest first", style="dim"
        )
        after.append("   Enter opens the day · p another · Esc back", style="dim")
        self._header(after)
        self.show_preview(results.current)
        self.post_message(SelectionShown())

    @on(CursorList.Highlighted, "#thread")
    def _highlighted(self, _: CursorList.Highlighted) -> None:
        # (The message goes on up: the screen shows the event in the panel.)
        self.show_preview(self.event_list.current)

    @on(CursorList.Selected, "#thread")
    def _selected(self, message: CursorList.Selected) -> None:
        message.stop()
        ref = self.event_list.current
        if ref is not None:
            self.post_message(OpenEvent(ref.day, ref.id))

    def show_preview(self, ref: EventRef | None) -> None:
        """The highlighted event in full, under the list, with the words naming the subject marked."""
        widget = self.query_one("#thread-preview", TextLines)
        preview = Text()
        if ref is not None:
            preview.append(f"Day {ref.day} · {format_date(ref.date)} · ", style="dim")
            preview.append_text(literal(ref.heading or theme_label(ref.theme), style=theme_colour(ref.theme)))
            preview.append("\n")
            text = clean(ref.text)
            size = widget.content_size
            fits = size.width * size.height
            if fits and len(text) > fits:
                text = truncate(text, fits)  # (cut before wrapping: an event can run to a thousand letters)
            body = Text(text)
            for quote in self._quotes.get(ref.id, ()):
                mark(body, clean(quote))
            preview.append_text(body)
        preview.overflow = "ellipsis"
        widget.update(preview, layout=False)


def thread_events(
    library: Library, index: FactsIndex, subject: ThreadSubject
) -> tuple[list[EventRef], dict[str, tuple[str, ...]]]:
    """The events naming `subject`, newest first, and for each the words naming it."""
    if subject.place is not None:
        records = index.events_naming_place(subject.place)
        wanted = {index.place_table[i] for i in index.place_indexes(subject.place)}
    else:
        records = index.events_naming_person(subject.name)
        wanted = set()
    refs: list[EventRef] = []
    quotes: dict[str, tuple[str, ...]] = {}
    for record in records:
        ref = library.locate(record.event_id)
        if ref is None:
            continue  # (gone since the facts were read: the next reading drops it)
        refs.append(ref)
        quotes[ref.id] = naming_words(index, record, subject, wanted)
    return refs, quotes


def naming_words(
    index: FactsIndex, record: EventRecord, subject: ThreadSubject, wanted: set
) -> tuple[str, ...]:
    """The words of one event that name `subject` (or a place in it), each once."""
    facts = index.decode(record)
    if subject.place is not None:
        found = [m.quote for m in facts.places if m.place in wanted]
    else:
        found = [m.quote for m in facts.people if m.name == subject.name]
    return tuple(dict.fromkeys(found))


def marked_query(quotes: dict[str, tuple[str, ...]]) -> str:
    """A search query (phrases) of the thread's most used spellings, for the rows to mark."""
    counts = Counter(quote for found in quotes.values() for quote in found)
    spellings = [clean(q).replace('"', " ").strip() for q, _n in counts.most_common(MARKED_SPELLINGS)]
    return " ".join(f'"{s}"' for s in spellings if s)


def mark(text: Text, words: str) -> None:
    """Show each occurrence of `words` in `text` reversed."""
    if not words:
        return
    plain = text.plain
    start = plain.find(words)
    while start != -1:
        text.stylize("reverse", start, start + len(words))
        start = plain.find(words, start + len(words))
