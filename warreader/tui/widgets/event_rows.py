"""The rows of an `EventList` (headings, events, captions), how each looks, and where a wrapped row's lines
are: the pieces that depend on neither Textual nor the list's state."""

from __future__ import annotations

from collections.abc import Callable

from rich.console import Console
from rich.segment import Segment
from rich.text import Text
from textual.strip import Strip

from warreader.model import Event
from warreader.store import Annotation, EventRef
from warreader.tui.paint import line_count, wrap
from warreader.tui.text import clean, literal, theme_colour, theme_label

FLAG_GLYPH = "⚑"
#: Characters of a note shown on its event's annotation line.
NOTE_SNIPPET = 80


def annotation_line(annotation: Annotation | None) -> Text | None:
    """`#tag #tag  ⚑ important  ✎ first words of the note`, or None for an unannotated event."""
    if annotation is None or annotation.is_empty():
        return None
    line = Text("   ")
    for tag in annotation.tags:
        line.append(f"#{clean(tag)}", style="bold cyan")
        line.append(" ")
    for flag in annotation.flags:
        line.append(f" {FLAG_GLYPH} {clean(flag)}", style=flag_style(flag))
    if annotation.note.strip():
        snippet = clean(annotation.note)
        line.append("  ✎ ", style="green")
        line.append(snippet[:NOTE_SNIPPET] + ("…" if len(snippet) > NOTE_SNIPPET else ""), style="italic")
    return line


def flag_style(flag: str) -> str:
    """How a set flag is drawn: *important* red, every other yellow."""
    return "bold red" if flag == "important" else "bold yellow"


def event_prompt(event: Event, theme: str, annotation: Annotation | None) -> Text:
    """An event as shown in a list: a theme-coloured bar, the literal text, then its annotations."""
    prompt = Text()
    prompt.append("▍", style=theme_colour(theme))
    prompt.append(" ")
    prompt.append_text(literal(event.text))
    line = annotation_line(annotation)
    if line is not None:
        prompt.append("\n")
        prompt.append_text(line)
    return prompt


def heading_prompt(heading: str | None, theme: str, count: int, inferred: bool = False) -> Text:
    """A section's heading in its theme's colour, with its number of events; an `inferred` theme (the
    bulletin did not title the section) is in italics and says so."""
    colour = theme_colour(theme)
    prompt = Text()
    prompt.append("█ ", style=colour)
    style = f"bold {'italic ' if inferred and heading is None else ''}{colour}"
    prompt.append_text(literal(heading or theme_label(theme), style=style))
    if inferred:
        prompt.append(_inferred(heading, theme), style=f"italic {colour}")
    prompt.append(_event_count(count), style="dim")
    return prompt


def _inferred(heading: str | None, theme: str) -> str:
    """What an inferred theme's heading adds: the guess, and that it is one."""
    return " (theme inferred)" if heading is None else f" (theme inferred: {theme_label(theme)})"


def _event_count(count: int) -> str:
    return f"   {count} event{'s' if count != 1 else ''}"


# What the two prompts above hold as plain text, computed without building them: a day's rows are all
# measured when it opens, but only those on screen are drawn. (A test holds each equal to its prompt.)
def event_plain(event: Event, annotation: Annotation | None) -> str:
    """`event_prompt(event, …, annotation).plain`."""
    line = annotation_line(annotation)
    text = "▍ " + clean(event.text)
    return text if line is None else f"{text}\n{line.plain}"


def heading_plain(heading: str | None, theme: str, count: int, inferred: bool = False) -> str:
    """`heading_prompt(heading, theme, count, inferred).plain`."""
    guess = _inferred(heading, theme) if inferred else ""
    return "█ " + clean(heading or theme_label(theme)) + guess + _event_count(count)


class Row:
    """One entry of the list: a heading or caption (`disabled`), or an event (`id`).

    `prompt` is built on first use, so rows never drawn cost nothing (a 20,000-event storyline; most of a
    long day). Line breaking needs only the characters: `plain` may be given up front for that.
    """

    __slots__ = ("id", "disabled", "_prompt", "_build", "_plain")

    def __init__(
        self,
        prompt: Text | Callable[[], Text],
        id: str | None = None,
        disabled: bool = False,
        plain: str | None = None,
    ):
        self.id = id
        self.disabled = disabled
        self._prompt: Text | None = None
        self._build: Callable[[], Text] | None = None
        self._plain: str | None = None
        self.rebuild(prompt, plain)

    @property
    def prompt(self) -> Text:
        """The row's text (literal bulletin text plus styles of ours)."""
        if self._prompt is None:
            assert self._build is not None
            self._prompt = self._build()
        return self._prompt

    @property
    def plain(self) -> str:
        """The row's characters (`prompt.plain`, without building the prompt when they were given)."""
        if self._plain is None:
            self._plain = self.prompt.plain
        return self._plain

    def rebuild(self, prompt: Text | Callable[[], Text], plain: str | None = None) -> None:
        """New text for the row (e.g. after its annotation changed)."""
        self._prompt = prompt if isinstance(prompt, Text) else None
        self._build = None if isinstance(prompt, Text) else prompt
        self._plain = plain


def lazy_event_prompt(ref: EventRef, annotation: Callable[[str], Annotation | None]) -> Callable[[], Text]:
    """Builds a storyline row's text when it is first drawn (its annotation looked up then)."""
    return lambda: event_prompt(ref.event, ref.theme, annotation(ref.id))


class Layout:
    """A wrapped list's rows at one width: each row's height and first line, counted cheaply up front
    (Rich's own line breaking on the plain text), and each row's lines made when the row is first drawn."""

    def __init__(self, rows: list[Row], width: int, console: Console) -> None:
        self.rows = rows
        self.width = width
        self.inner = max(1, width - 2)
        self.heights = [line_count(row.plain, self.inner, console) for row in rows]
        self.starts: list[int] = []
        #: line → (row, line within the row)
        self.lines: list[tuple[int, int]] = []
        for n, height in enumerate(self.heights):
            self.starts.append(len(self.lines))
            self.lines.extend((n, k) for k in range(height))
        self._lines: dict[int, list[list[Segment]]] = {}

    def line(self, row: int, offset: int, console: Console) -> list[Segment]:
        """Line `offset` of `row` (unstyled segments, `width` cells), wrapped on first use."""
        lines = self._lines.get(row)
        if lines is None:
            width = self.width
            prompt = self.rows[row].prompt
            if self.heights[row] == 1 and "\n" not in prompt.plain:
                lines = [line_segments(prompt, console, width)]  # it fits: nothing to wrap
            else:
                lines = [line_segments(line, console, width) for line in wrap(prompt, console, self.inner)]
            height = self.heights[row]
            # (The count up front uses the same line breaking; this only guards the line map.)
            lines = (lines + [[Segment(" " * width)]] * height)[:height]
            self._lines[row] = lines
        return lines[offset]


def line_segments(line: Text, console: Console, width: int) -> list[Segment]:
    """One line exactly `width` cells wide, with a one-cell margin on the left. Segments rather than a
    `Strip`: the list's style is laid under them in the one `Strip` made per line (see `paint.under`)."""
    segments = [Segment(" "), *line.render(console)]
    used = 1 + line.cell_len
    if used < width:
        segments.append(Segment(" " * (width - used)))
    elif used > width:
        segments = list(Strip(segments, used).crop(0, width))
    return segments
