"""`StorylineView`: every event of one theme across all days, oldest first under day headings, one line
each, with the highlighted one in full under the list. It opens on the newest; Enter posts `OpenEvent`."""

from __future__ import annotations

from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.message import Message

from warreader.errors import WarreaderError
from warreader.store import EventRef, Library
from warreader.tui.annotator import Annotator
from warreader.tui.text import format_date, literal, theme_colour, theme_label
from warreader.tui.views.base import CenterView, OpenEvent
from warreader.tui.widgets.cursor_list import CursorList
from warreader.tui.widgets.event_list import EventList
from warreader.tui.widgets.text_lines import TextLines


@dataclass
class StorylineDone(Message):
    """The storyline worker finished."""

    theme: str
    refs: list[EventRef]
    error: str | None = None


class StorylineView(CenterView):
    """One theme across all days; see the module docstring."""

    NAME = "story"

    def __init__(self, library: Library, annotator: Annotator, *, id: str | None = None) -> None:
        super().__init__(library, annotator, id=id)
        #: The theme listed (or being loaded).
        self.theme: str | None = None
        self._story: EventList | None = None

    def compose(self) -> ComposeResult:
        yield TextLines(id="story-header", classes="pane-title")
        yield EventList(id="story")
        yield TextLines(id="story-preview", wrap=True)

    @property
    def event_list(self) -> EventList:
        if self._story is None:
            self._story = self.query_one("#story", EventList)
        return self._story

    def theme_shown(self) -> str | None:
        return self.theme

    def show_theme(self, theme: str) -> None:
        """List `theme`'s events (read in a worker: every day is read)."""
        self.theme = theme
        self.border_title = f"Storyline · {theme_label(theme)}"
        self._header(Text("  loading…", style="dim"))
        self._worker(theme)

    def _header(self, after: Text) -> None:
        theme = self.theme or ""
        header = Text("Storyline ", style="bold", no_wrap=True, overflow="ellipsis")
        header.append(theme_label(theme), style=f"bold {theme_colour(theme)}")
        header.append_text(after)
        self.query_one("#story-header", TextLines).update(header, layout=False)

    @work(thread=True, exclusive=True, group="storyline", description="Collecting a theme across all days")
    def _worker(self, theme: str) -> None:
        try:
            refs = self.library.theme_events(theme)
        except WarreaderError as error:
            self.post_message(StorylineDone(theme, [], str(error)))
            return
        self.post_message(StorylineDone(theme, list(refs)))

    @on(StorylineDone)
    def _done(self, message: StorylineDone) -> None:
        if message.error:
            self.notify(message.error, title="Storyline failed", severity="error")
            return
        if message.theme != self.theme:
            return  # the user picked another theme meanwhile
        story = self.event_list
        # Every event of the theme, one line each, drawn only when on screen (20,000 rows cost nothing).
        story.show_refs(message.refs, self.annotator.annotation)
        days = len(story.section_starts)
        after = Text(f"  {len(story.refs)} events over {days} days, oldest first", style="dim")
        after.append("   Enter opens the day · Esc back", style="dim")
        self._header(after)
        # The newest development is what a reader wants first; scroll up for history.
        if not story.move("last"):  # (announced: the preview and the panel follow)
            self.show_preview(None)

    @on(CursorList.Highlighted, "#story")
    def _highlighted(self, _: CursorList.Highlighted) -> None:
        # (The message goes on up: the screen shows the event in the panel.)
        self.show_preview(self.selected())

    @on(CursorList.Selected, "#story")
    def _selected(self, message: CursorList.Selected) -> None:
        message.stop()
        ref = self.selected()
        if ref is not None:
            self.post_message(OpenEvent(ref.day, ref.id))

    def show_preview(self, ref: EventRef | None) -> None:
        """The full text of the highlighted event, under the list."""
        preview = Text()
        if ref is not None:
            preview.append(f"Day {ref.day} · {format_date(ref.date)} · ", style="dim")
            preview.append_text(literal(ref.heading or theme_label(ref.theme), style=theme_colour(ref.theme)))
            preview.append("\n")
            preview.append_text(literal(ref.text))
        self.query_one("#story-preview", TextLines).update(preview, layout=False)
